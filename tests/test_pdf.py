"""PDFs as a reader gets them: pages, outline, tags, metadata, fonts, text, links, safety."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from opsc.config import Settings
from opsc.project import Project
from tests.sitebuild import TODAY, copy_corpus, tiny_png

pytestmark = pytest.mark.slow
EPOCH = "1773446400"  # 2026-03-14


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from opsc import pdf

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    os.environ["OPSC_TODAY"] = TODAY
    root = copy_corpus(tmp_path_factory.mktemp("pdf") / "project")
    (root / "country_reports" / "chart.png").write_bytes(tiny_png())
    benin = root / "country_reports" / "benin.md"
    benin.write_text(
        benin.read_text().replace(
            "A draft code is pending.",
            "A draft code is pending. "
            + "A long line of text that wraps. " * 400
            + "\n\n![A chart of cases](chart.png)\n\nhttps://example.org/"
            + "x" * 150,
        )
    )
    project = Project.at(root)
    corpus = project.check().corpus
    out = root / "out"
    files = {}
    for report in corpus.reports:
        files[report.slug] = out / f"{report.slug}.pdf"
        pdf.render_report_pdf(report, project.settings, root, files[report.slug])
    files["guide"] = out / "guide.pdf"
    pdf.render_guide_pdf(corpus.chapters, project.settings, root, files["guide"])
    files["compendium"] = out / "compendium.pdf"
    pdf.render_compendium_pdf(
        corpus, project.settings, root, files["compendium"], parts=dict(files)
    )
    files["root"] = root
    return files


def test_landscape_a4(rendered: dict[str, Path]) -> None:
    page = PdfReader(rendered["argentina"]).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width > height
    assert abs(width - 841.89) < 1 and abs(height - 595.28) < 1


def test_letter_by_option(rendered: dict[str, Path], tmp_path: Path) -> None:
    from opsc import pdf

    root = rendered["root"]
    project = Project.at(root)
    report = project.check().corpus.reports[0]
    out = tmp_path / "letter.pdf"
    pdf.render_report_pdf(report, Settings(paper="Letter"), root, out)
    page = PdfReader(out).pages[0]
    assert abs(float(page.mediabox.width) - 792) < 1


def test_text_of_every_area_and_cover(rendered: dict[str, Path]) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(rendered["argentina"]).pages)
    for expected in (
        "Argentina",
        "Ratified",
        "2003-09-25",
        "Last reviewed",
        "Sample report",
        "National law",
        "Legal reform",
        "Compliance",
        "Definitions",
        "Jurisdiction",
        "Extraterritorial jurisdiction covers nationals",
        "Cited provisions",
        "Penal Code, art. 128",
        "Page 2 of",
    ):
        assert expected in text, expected


def test_outline_has_areas(rendered: dict[str, Path]) -> None:
    titles = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(PdfReader(rendered["argentina"]).outline)
    assert {"Argentina", "Introduction", "Definitions", "Jurisdiction", "Cited provisions"} <= set(
        titles
    )


def test_tagged_pdf_ua_with_metadata(rendered: dict[str, Path]) -> None:
    with pikepdf.open(rendered["argentina"]) as document:
        root = document.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked
        assert str(root.Lang) == "en"
        info = document.docinfo
        assert str(info.Title) == "Argentina: OPSC country report"
        assert str(info.Author) == "opsc contributors"
        assert "Subject" in str(info.keys()) or "/Subject" in info
        with document.open_metadata() as xmp:
            assert "pdfuaid:part" in str(xmp) or xmp.get("pdfuaid:part") == "1"


def test_fonts_are_embedded_including_arabic(rendered: dict[str, Path]) -> None:
    names = set()
    with pikepdf.open(rendered["benin"]) as document:
        for page in document.pages:
            for font in page.Resources.get("/Font", {}).values():
                descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                names.add(str(font.BaseFont))
    assert any("Naskh" in n or "Arabic" in n for n in names), names
    text = "\n".join(p.extract_text() for p in PdfReader(rendered["benin"]).pages)
    assert "A long line of text that wraps." in text


def _links(path: Path) -> list[tuple[str, object]]:
    found = []
    with pikepdf.open(path) as document:
        names = set()
        if "/Names" in document.Root and "/Dests" in document.Root.Names:
            tree = pikepdf.NameTree(document.Root.Names.Dests)
            names = set(tree.keys())
        for page in document.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                action = annotation.get("/A")
                if action is not None and "/URI" in action:
                    found.append(("uri", str(action.URI)))
                elif "/Dest" in annotation:
                    dest = annotation.Dest
                    ok = str(dest) in names if isinstance(dest, pikepdf.String) else True
                    found.append(("dest", ok))
                elif action is not None and "/D" in action:
                    dest = action.D
                    ok = str(dest) in names if isinstance(dest, pikepdf.String) else True
                    found.append(("dest", ok))
    return found


@pytest.mark.parametrize("name", ["argentina", "benin", "guide", "compendium"])
def test_no_dead_links(rendered: dict[str, Path], name: str) -> None:
    links = _links(rendered[name])
    assert links
    for kind, value in links:
        if kind == "uri":
            assert not str(value).startswith("file:"), value
            assert str(value).startswith(("http://", "https://", "mailto:")), value
        else:
            assert value is True


def test_treaty_references_link_to_the_annex(rendered: dict[str, Path]) -> None:
    dests = [v for k, v in _links(rendered["argentina"]) if k == "dest"]
    assert len(dests) >= 6


def test_compendium_contents_and_continuous_pages(rendered: dict[str, Path]) -> None:
    reader = PdfReader(rendered["compendium"])
    parts = sum(len(PdfReader(rendered[k]).pages) for k in ("guide", "argentina", "benin"))
    assert len(reader.pages) > parts
    front = reader.pages[1].extract_text()
    assert "Contents" in front and "Advocacy guide" in front and "Argentina" in front
    assert reader.page_labels[-1] == str(len(reader.pages))
    total = len(reader.pages)
    assert f"Compendium page {total} of {total}" in reader.pages[-1].extract_text()
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert {"Advocacy guide", "Argentina", "Benin"} <= set(top)
    with pikepdf.open(rendered["compendium"]) as document:  # still a tagged PDF
        assert "/StructTreeRoot" in document.Root and document.Root.MarkInfo.Marked
        assert str(document.docinfo.Title).endswith("compendium")


def test_same_input_gives_the_same_bytes(rendered: dict[str, Path], tmp_path: Path) -> None:
    from opsc import pdf

    root = rendered["root"]
    project = Project.at(root)
    report = next(r for r in project.check().corpus.reports if r.slug == "argentina")
    again = tmp_path / "again.pdf"
    pdf.render_report_pdf(report, project.settings, root, again)
    digest = hashlib.sha256
    assert (
        digest(again.read_bytes()).digest() == digest(rendered["argentina"].read_bytes()).digest()
    )


def test_fetcher_serves_only_project_files(tmp_path: Path) -> None:
    from opsc.pdf import ProjectFetcher, RefusedURL

    root = tmp_path / "project"
    root.mkdir()
    (root / "inside.png").write_bytes(tiny_png())
    (tmp_path / "outside.png").write_bytes(tiny_png())
    (root / "link.png").symlink_to(tmp_path / "outside.png")
    fetcher = ProjectFetcher(root)
    assert fetcher.fetch((root / "inside.png").as_uri()).read() == tiny_png()
    for url in [
        (tmp_path / "outside.png").as_uri(),
        (root / "link.png").as_uri(),
        (root / ".." / "outside.png").as_uri(),
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.png",
        "ftp://example.org/x",
        "file://host/etc/passwd",
    ]:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)


def test_rendering_never_fetches_outside(tmp_path: Path) -> None:
    """Even content that skipped the checker cannot pull files or URLs in."""
    from opsc import pdf
    from opsc.reader import parse_report

    root = tmp_path / "project"
    (root / "country_reports").mkdir(parents=True)
    secret = tmp_path / "secret.png"
    secret.write_bytes(tiny_png())
    text = (
        FIXTURE_REPORT
        + f"\n![x]({secret.as_uri()}) ![y](../../secret.png) ![z](http://127.0.0.1:9/a.png)\n"
    )
    path = root / "country_reports" / "x.md"
    path.write_text(text)
    import datetime as dt

    report = parse_report(text, path, "x.md", dt.date(2026, 11, 23)).document
    out = tmp_path / "x.pdf"
    pdf.render_report_pdf(report, Settings(), root, out)
    with pikepdf.open(out) as document:
        images = [
            k
            for p in document.pages
            for k, v in p.Resources.get("/XObject", {}).items()
            if v.get("/Subtype") == "/Image"
        ]
    assert images == []


FIXTURE_REPORT = (
    Path(__file__).parent / "fixtures/corpus/country_reports/argentina.md"
).read_text()

"""DOCX and EPUB as users get them: Word tables, footnotes, styles, properties, links."""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from pathlib import Path

import docx as python_docx
import pytest

from opsc.project import Project
from tests.sitebuild import TODAY, copy_corpus, tiny_png

pytestmark = pytest.mark.slow
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from opsc import docx

    os.environ["SOURCE_DATE_EPOCH"] = "1773446400"
    os.environ["OPSC_TODAY"] = TODAY
    root = copy_corpus(tmp_path_factory.mktemp("docx") / "project")
    (root / "country_reports/inside.png").write_bytes(tiny_png())
    (root.parent / "outside.png").write_bytes(tiny_png())
    report = root / "country_reports/argentina.md"
    report.write_text(
        report.read_text().replace(
            "No change since ratification.",
            "No change since ratification.\n\n![A chart](inside.png)\n\n![Secret](../../outside.png)",
        )
    )
    project = Project.at(root)
    corpus = project.check().corpus
    out = root / "out"
    made = {"root": root}
    for r in corpus.reports:
        made[r.slug] = out / f"{r.slug}.docx"
        docx.render_report_docx(r, project.settings, root, made[r.slug])
    made["guide"] = out / "guide.docx"
    docx.render_guide_docx(corpus.chapters, project.settings, root, made["guide"])
    made["guide-epub"] = out / "guide.epub"
    docx.render_guide_epub(corpus.chapters, project.settings, root, made["guide-epub"])
    made["compendium-epub"] = out / "compendium.epub"
    docx.render_compendium_epub(corpus, project.settings, root, made["compendium-epub"])
    return made


def test_areas_are_three_column_tables(files: dict[str, Path]) -> None:
    document = python_docx.Document(str(files["argentina"]))
    assert len(document.tables) == 2
    for table in document.tables:
        assert len(table.columns) == 3
        assert [c.text for c in table.rows[0].cells] == [
            "National law",
            "Legal reform",
            "Compliance",
        ]
    body = document.tables[1].rows[1].cells
    assert "Extraterritorial jurisdiction covers nationals abroad" in body[0].text
    assert "No change since ratification." in body[1].text


def test_footnotes_are_word_footnotes(files: dict[str, Path]) -> None:
    with zipfile.ZipFile(files["argentina"]) as archive:
        notes = archive.read("word/footnotes.xml").decode()
        document = archive.read("word/document.xml").decode()
    assert "Penal Code, art. 128 (as amended in 2008)." in notes
    assert "w:footnoteReference" in document


def test_heading_styles_and_properties(files: dict[str, Path]) -> None:
    document = python_docx.Document(str(files["argentina"]))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 2", "Definitions") in headings and (
        "Heading 2",
        "Cited provisions",
    ) in headings
    properties = document.core_properties
    assert properties.title == "Argentina: OPSC country report"
    assert properties.author == "opsc contributors"
    assert properties.subject
    assert properties.language == "en"


def test_contents_show_entries_without_updating_fields(files: dict[str, Path]) -> None:
    with zipfile.ZipFile(files["argentina"]) as archive:
        document = archive.read("word/document.xml").decode()
    contents = document[document.index(">Contents<") : document.index(">Introduction<")]
    assert "Definitions" in contents and "Jurisdiction" in contents
    assert "w:hyperlink" in contents and 'w:anchor="definitions"' in contents
    assert "TOC \\" not in document  # no empty field waiting for an update


def test_treaty_references_are_hyperlinks_to_bookmarks(files: dict[str, Path]) -> None:
    with zipfile.ZipFile(files["argentina"]) as archive:
        document = archive.read("word/document.xml").decode()
    anchors = set(re.findall(r'w:hyperlink w:anchor="([^"]+)"', document))
    bookmarks = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', document))
    assert "annex-p-3-1-c" in anchors
    assert anchors <= bookmarks


def test_only_images_inside_the_project_are_embedded(files: dict[str, Path]) -> None:
    with zipfile.ZipFile(files["argentina"]) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert len(media) == 1


def test_unlinkable_links_become_text(files: dict[str, Path]) -> None:
    with zipfile.ZipFile(files["benin"]) as archive:
        document = archive.read("word/document.xml").decode()
    assert "jurisdiction analysis for Argentina" in document
    assert 'w:anchor=""' not in document


def test_guide_docx_has_chapters(files: dict[str, Path]) -> None:
    document = python_docx.Document(str(files["guide"]))
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert titles[:3] == ["Contents", "Introduction", "Checklists"]


def test_epubs_contain_the_chapters_and_reports(files: dict[str, Path]) -> None:
    with zipfile.ZipFile(files["guide-epub"]) as archive:
        text = " ".join(
            archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml")
        )
    assert "Criminal law" in text and "Checklists" in text
    assert "<script" not in text
    with zipfile.ZipFile(files["compendium-epub"]) as archive:
        text = " ".join(
            archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml")
        )
    assert "Argentina" in text and "Extraterritorial jurisdiction" in text and "Benin" in text


def test_rebuild_is_byte_identical(files: dict[str, Path], tmp_path: Path) -> None:
    from opsc import docx

    root = files["root"]
    project = Project.at(root)
    corpus = project.check().corpus
    report = next(r for r in corpus.reports if r.slug == "argentina")
    again = tmp_path / "again.docx"
    docx.render_report_docx(report, project.settings, root, again)
    epub = tmp_path / "again.epub"
    docx.render_guide_epub(corpus.chapters, project.settings, root, epub)
    digest = hashlib.sha256
    assert digest(again.read_bytes()).digest() == digest(files["argentina"].read_bytes()).digest()
    assert digest(epub.read_bytes()).digest() == digest(files["guide-epub"].read_bytes()).digest()

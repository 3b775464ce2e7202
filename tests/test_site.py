"""The website: generated docs tree built with the real MkDocs and mkdocs-material."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import copy_corpus, opsc

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_corpus(tmp_path_factory.mktemp("site") / "project")
    result = opsc(project, "build", "--only", "site")
    assert result.returncode == 0, result.stderr
    return project


def page(project: Path, path: str) -> str:
    return (project / "site" / path).read_text(encoding="utf-8")


def test_every_contract_path_exists(built: Path) -> None:
    site = built / "site"
    for path in (
        "index.html",
        "reports/argentina/index.html",
        "reports/benin/index.html",
        "guide/introduction/index.html",
        "guide/checklists/index.html",
        "provisions/index.html",
        "provisions/article-3/index.html",
        "compare/index.html",
        "downloads/index.html",
        "downloads/data/ratings.csv",
        "downloads/data/reports.json",
        "search/search_index.js",
    ):
        assert (site / path).is_file(), path


def test_report_page_shows_areas_as_three_columns(built: Path) -> None:
    html = page(built, "reports/argentina/index.html")
    area = html[html.index('id="definitions"') :]
    area = area[: area.index("</section>")]
    titles = re.findall(r'class="opsc-area__coltitle"[^>]*>([^<]+)<', area)
    assert titles == ["National law", "Legal reform", "Compliance"]
    assert "Partially compliant" in area
    assert 'href="../../provisions/article-2/index.html#p-2-a"' in area
    assert "Ratified" in html and "2003-09-25" in html and "2026-03-14" in html
    assert "Sample report" in html  # status: sample shows a notice


def test_areas_in_catalogue_order_and_absent_ones_listed(built: Path) -> None:
    html = page(built, "reports/argentina/index.html")
    assert html.index('id="definitions"') < html.index('id="jurisdiction"')
    assert "Not assessed:" in html and "Sale of children" in html


def test_treaty_references_link_with_short_title(built: Path) -> None:
    html = page(built, "reports/argentina/index.html")
    link = re.search(r'<a href="([^"]+)" title="([^"]+)">3\(1\)\(c\)</a>', html)
    assert link, "OPSC art. 3(1)(c) is not linked"
    assert link.group(1) == "../../provisions/article-3/index.html#p-3-1-c"
    assert "Producing, distributing" in link.group(2)
    # national law is never linked
    assert "article 128 of the Penal Code" in html


def test_footnotes_render(built: Path) -> None:
    html = page(built, "reports/argentina/index.html")
    assert 'class="footnote"' in html
    assert "as amended in 2008" in html


def test_provision_pages_backlink_citing_areas_and_guide(built: Path) -> None:
    html = page(built, "provisions/article-4/index.html")
    assert 'id="p-4-2-a"' in html
    section = html[html.index('id="p-4"') :]
    assert "reports/argentina/index.html#jurisdiction" in section
    html3 = page(built, "provisions/article-3/index.html")
    node = html3[html3.index('id="p-3-1-a-i-c"') :]
    assert "guide/introduction/index.html#criminal-law" in node[:2000]


def test_guide_links_to_report_areas_and_downloads(built: Path) -> None:
    html = page(built, "guide/introduction/index.html")
    assert "../../reports/benin/index.html#child-victims-justice" in html
    assert "../../downloads/pdf/guide.pdf" in html
    assert "../../downloads/docx/guide.docx" in html


def test_report_links_own_pdf_and_docx(built: Path) -> None:
    html = page(built, "reports/benin/index.html")
    assert "../../downloads/pdf/benin.pdf" in html
    assert "../../downloads/docx/benin.docx" in html


def test_compare_grid_has_symbols_text_links_and_regions(built: Path) -> None:
    html = page(built, "compare/index.html")
    row = re.search(r'<tr data-region="americas">.*?</tr>', html, re.S)
    assert row, "Argentina's row has no region"
    assert "../reports/argentina/index.html#definitions" in row.group(0)
    assert "Partly" in row.group(0) and "◐" in row.group(0)
    assert 'id="opsc-region-africa"' in html
    svg = (built / "site/compare/world-map.svg").read_text(encoding="utf-8")
    assert 'data-iso3="ARG"' in svg and "<title>Argentina" in svg
    assert re.search(r'<img src="world-map.svg" alt="[^"]{20,}"', html)


def test_open_data(built: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(page(built, "downloads/data/ratings.csv"))))
    arg = {r["area"]: r["rating"] for r in rows if r["iso3"] == "ARG"}
    assert arg["definitions"] == "partial" and arg["jurisdiction"] == "compliant"
    assert arg["penalties"] == ""
    data = json.loads(page(built, "downloads/data/reports.json"))
    benin = next(r for r in data["reports"] if r["iso3"] == "BEN")
    assert benin["ratified"] == "2005-01-31" and benin["status"] == "draft"


def test_no_network_reference_in_pages(built: Path) -> None:
    for html_file in (built / "site").rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for attr in re.findall(r'(?:src|href)="(https?://[^"]+)"', text):
            assert not re.search(r"\.(js|css|woff2?)(\?|$)", attr), (html_file, attr)
        assert "unpkg.com" not in text and "fonts.googleapis" not in text


def test_offline_search_index_is_inlined(built: Path) -> None:
    script = page(built, "search/search_index.js")
    assert script.startswith("var __index = ")
    assert '"separator":' in script and "Benin" in script


def test_check_errors_stop_the_build_and_keep_the_site(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(built, project)
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    report = project / "country_reports/benin.md"
    report.write_text(report.read_text().replace("Rating: not-compliant", "Rating: nope"))
    result = opsc(project, "build", "--only", "site")
    assert result.returncode == 1
    assert (
        "country_reports/benin.md:17:9: error: unknown rating 'nope' [invalid-rating]"
        in result.stdout
    )
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before


def test_same_tree_builds_with_zensical(built: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(built / ".opsc-cache/site-tree", tree, ignore=shutil.ignore_patterns("site"))
    zensical = Path(sys.executable).with_name("zensical")
    result = subprocess.run(
        [str(zensical), "build", "-f", "mkdocs.yml"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tree / "site/reports/argentina/index.html").read_text(encoding="utf-8")
    assert "National law" in html and "Argentina" in html

"""Renderers neutralise script-capable HTML on their own, even for content that skipped the checker."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from opsc.html_render import neutralize_html, render_html
from opsc.model import Corpus
from opsc.reader import parse_report

HOSTILE = (
    '<script>alert(1)</script> <img src="x.png" onerror="alert(2)"> '
    '<iframe src="https://example.org"></iframe> [click](javascript:alert(3)) '
    '<a href="javascript:alert(4)">a</a> <svg onload="alert(5)"></svg> '
    "<sup>1</sup> <https://example.org>"
)


def assert_inert(html: str) -> None:
    lowered = html.lower()
    assert not re.search(r"<(script|iframe|svg|object|embed)\b", lowered)
    assert not re.search(r"<[a-z][^<>]*\son[a-z]+\s*=", lowered)
    assert not re.search(r"<[a-z][^<>]*\b(href|src)\s*=\s*[\"']?\s*javascript:", lowered)


def test_html_render_keeps_no_script() -> None:
    html = render_html(HOSTILE, href_for=lambda _r: None)
    assert_inert(html)
    assert "<sup>1</sup>" in html and 'href="https://example.org"' in html


def test_neutralize_keeps_code() -> None:
    assert neutralize_html("`<script>` and <script>") == "`<script>` and &lt;script>"


@pytest.mark.slow
def test_site_generated_from_unchecked_content_has_no_script(tmp_path: Path) -> None:
    from opsc.config import Settings
    from opsc.site import SiteInputs, build_site, generate_tree

    root = tmp_path / "project"
    (root / "country_reports").mkdir(parents=True)
    text = (Path(__file__).parent / "fixtures/corpus/country_reports/argentina.md").read_text()
    text = text.replace("A fixture for opsc's tests", HOSTILE + "\n\nA fixture for opsc's tests")
    path = root / "country_reports/argentina.md"
    path.write_text(text)
    report = parse_report(text, path, "argentina.md", dt.date(2026, 11, 23)).document
    config = generate_tree(
        SiteInputs(Corpus(root=root, reports=[report]), Settings(), root, dt.date(2026, 11, 23)),
        tmp_path / "staging",
    )
    build_site(config, tmp_path / "staging/site")
    page = (tmp_path / "staging/site/reports/argentina/index.html").read_text()
    content = page[page.index("A fixture for") - 2000 : page.index("A fixture for")]
    assert_inert(content)

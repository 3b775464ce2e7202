"""Fuzzing the report and chapter parsers: no crash, and every position points into the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from opsc.checks import CheckContext, check_document
from opsc.reader import parse_chapter, parse_report

FRAGMENTS = [
    "---\n",
    "country: Argentina\n",
    "iso3: ARG\n",
    "ratified: 2003-09-25\n",
    "last_reviewed: 2026-01-01\n",
    "status: sample\n",
    "signed: 2002-04-01\n",
    "title: T\n",
    "# Argentina\n",
    "## Definitions {#definitions}\n",
    "## Jurisdiction\n",
    "## Unknown\n",
    "Provisions: 2(a), 9(9)\n",
    "Rating: partial\n",
    "Rating: maybe\n",
    "### National law\n",
    "### Legal reform\n",
    "### Compliance\n",
    "### Other\n",
    "```\n",
    "~~~\n",
    "`code`",
    "OPSC art. 3(1)(d)",
    "article 34 of the CRC",
    "[link](missing.md#x)",
    "![](x.png)",
    "<script>",
    "<!--",
    "-->",
    "[^1]",
    "[^1]: note\n",
    "child prostitute",
    "CRC/C/OPSC/COL/CO/1",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "é",
    "نص",
    "👩‍👩‍👧",
    "&",
    "*",
    "_",
    ">",
    "|",
    "[",
    "]",
    "(",
    ")",
]
documents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=60).map(
    "".join
)
CONTEXT = CheckContext(root=Path("/nonexistent-root"), today=dt.date(2026, 11, 23))


def _assert_positions(text: str, diagnostics: list) -> None:
    lines = text.split("\n")
    for d in diagnostics:
        assert 1 <= d.line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
@example("---\n\x1f---\n---\n")  # a control character once crashed the YAML reader
def test_report_parser_never_crashes_and_positions_are_in_the_file(text: str) -> None:
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    result = parse_report(
        normalised, Path("/nonexistent-root/country_reports/x.md"), "x.md", dt.date(2026, 11, 23)
    )
    found = list(result.diagnostics)
    if result.document is not None:
        found += check_document(result.document, CONTEXT)
    _assert_positions(normalised, found)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_chapter_parser_never_crashes_and_positions_are_in_the_file(text: str) -> None:
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    result = parse_chapter(normalised, Path("/nonexistent-root/guide/01-x.md"), "01-x.md")
    found = list(result.diagnostics)
    if result.document is not None:
        found += check_document(result.document, CONTEXT)
    _assert_positions(normalised, found)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["OPSC art. 3(1)(d)", "article 99 of the OPSC", "CRC art. 77"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
def test_unknown_provision_column_points_at_the_id(reference: str, before: str) -> None:
    before = before.replace("\r", " ").replace("`", " ").replace("<", " ").replace("[", " ")
    text = (
        "---\ncountry: Argentina\niso3: ARG\nratified: 2003-09-25\nlast_reviewed: 2026-01-01\n"
        f"status: sample\n---\n# Argentina\n\n{before} {reference}.\n"
    )
    result = parse_report(text, Path("/r/country_reports/arg.md"), "arg.md", dt.date(2026, 11, 23))
    found = [d for d in check_document(result.document, CONTEXT) if d.rule == "unknown-provision"]
    assert found, text
    lines = text.split("\n")
    for d in found:
        tail = lines[d.line - 1][d.column - 1 :]
        assert tail[:1].isdigit(), (d, tail)

"""Rules across documents: two sources may not claim the same output or the same country."""

from __future__ import annotations

from collections.abc import Iterator

from opsc.diagnostics import Diagnostic
from opsc.model import Corpus


def check_corpus(corpus: Corpus) -> Iterator[Diagnostic]:
    """``duplicate-slug``: two reports or chapters that would write the same page."""
    seen: dict[str, str] = {}
    for report in corpus.reports:
        key = report.slug.casefold()
        if key in seen:
            yield Diagnostic(
                report.display_path,
                1,
                1,
                "duplicate-slug",
                f"report '{report.slug}' would replace {seen[key]} in the outputs",
                "give each report its own file name",
            )
        else:
            seen[key] = report.display_path
    countries: dict[str, str] = {}
    for report in corpus.reports:
        iso3 = report.meta.iso3
        if not iso3:
            continue
        if iso3 in countries:
            line = next(
                (n for n, text in enumerate(report.text.split("\n"), 1) if text.startswith("iso3")),
                1,
            )
            yield Diagnostic(
                report.display_path,
                line,
                1,
                "duplicate-slug",
                f"a second report on {iso3}; {countries[iso3]} covers it already",
                "keep one report per country",
            )
        else:
            countries[iso3] = report.display_path
    chapters: dict[str, str] = {}
    for chapter in corpus.chapters:
        if chapter.slug in chapters:
            yield Diagnostic(
                chapter.display_path,
                1,
                1,
                "duplicate-slug",
                f"chapter slug '{chapter.slug}' is used by {chapters[chapter.slug]} too",
                "give each chapter a different name after its number",
            )
        else:
            chapters[chapter.slug] = chapter.display_path

"""Which report areas and guide passages cite each provision."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from opsc import registry
from opsc.model import Chapter, Corpus, Report
from opsc.reader import heading_slug, headings
from opsc.references import find_references
from opsc.registry import Provision


@dataclass(frozen=True)
class Citation:
    """A place that cites a provision: a report area or a section of a guide chapter."""

    kind: str  # "report" or "chapter"
    slug: str
    document_title: str
    anchor: str
    label: str
    rating: str | None = None


def _report_citations(report: Report) -> dict[str, list[Citation]]:
    found: dict[str, list[Citation]] = defaultdict(list)
    for area in report.areas:
        cited = set(area.provisions)
        for _, _, body in area.columns():
            if body is not None:
                cited.update(
                    r.id
                    for r in find_references(body.markdown)
                    if r.instrument == "OPSC" and not r.implied
                )
        citation = Citation(
            "report",
            report.slug,
            report.meta.country or report.title,
            area.id,
            area.title,
            area.rating,
        )
        for provision_id in cited:
            if provision_id in registry.opsc():
                found[provision_id].append(citation)
    return found


def _chapter_citations(chapter: Chapter) -> dict[str, list[Citation]]:
    found: dict[str, list[Citation]] = defaultdict(list)
    text = chapter.content.markdown
    sections = [h for h in headings(text, chapter.content.line) if h.level in (2, 3)]
    seen: set[tuple[str, str]] = set()
    for ref in find_references(text, chapter.content.line):
        if ref.instrument != "OPSC" or ref.implied or ref.id not in registry.opsc():
            continue
        section = None
        for heading in sections:
            if heading.line <= ref.line:
                section = heading
        anchor = (section.anchor or heading_slug(section.text)) if section else ""
        label = section.text if section else chapter.title
        if (ref.id, anchor) in seen:
            continue
        seen.add((ref.id, anchor))
        found[ref.id].append(Citation("chapter", chapter.slug, chapter.title, anchor, label))
    return found


def cited_by(corpus: Corpus) -> dict[str, list[Citation]]:
    """For each OPSC provision id, every place that cites it, reports first."""
    index: dict[str, list[Citation]] = defaultdict(list)
    for report in corpus.reports:
        for provision_id, items in _report_citations(report).items():
            index[provision_id].extend(items)
    for chapter in corpus.chapters:
        for provision_id, items in _chapter_citations(chapter).items():
            index[provision_id].extend(items)
    return dict(index)


def in_treaty_order(keys: Iterable[tuple[str, str]]) -> list[tuple[str, Provision]]:
    """Cited (instrument, id) pairs as registry nodes: OPSC first in treaty order, then CRC.

    Unknown ids are left out.
    """
    opsc, crc = registry.opsc(), registry.crc()
    order = {p.id: i for i, p in enumerate(opsc.provisions)}
    found = []
    for instrument, provision_id in dict.fromkeys(keys):
        provision = (opsc if instrument == "OPSC" else crc).get(provision_id)
        if provision is not None:
            rank = order[provision_id] if instrument == "OPSC" else int(provision_id)
            found.append(((instrument != "OPSC", rank), instrument, provision))
    return [(instrument, provision) for _, instrument, provision in sorted(found)]

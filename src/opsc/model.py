"""The content model: country reports, their subject areas, and guide chapters.

Every element keeps the line where it starts in its source file, so checks can point
at it and renderers can map output back to sources. The same model feeds the
checker, the site, the PDFs and the DOCX files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from opsc.catalogue import SUBSECTIONS


@dataclass(frozen=True)
class Section:
    """A block of Markdown and the 1-based line of its first line in the source."""

    markdown: str
    line: int

    @property
    def is_empty(self) -> bool:
        """Whether the block has no text."""
        return not self.markdown.strip()


@dataclass
class Subsection:
    """One of the three columns of an area: national law, legal reform, compliance."""

    key: str
    title: str
    line: int
    body: Section


@dataclass
class Area:
    """A subject area of a report."""

    id: str
    title: str
    heading: str
    line: int
    provisions: list[str] = field(default_factory=list)
    provisions_line: int | None = None
    rating: str | None = None
    rating_line: int | None = None
    preamble: Section | None = None
    subsections: dict[str, Subsection] = field(default_factory=dict)

    def subsection(self, key: str) -> Subsection | None:
        """The sub-section with this key, or None."""
        return self.subsections.get(key)

    def columns(self) -> list[tuple[str, str, Section | None]]:
        """The three columns in order: key, title and body (None when missing)."""
        return [
            (key, title, self.subsections[key].body if key in self.subsections else None)
            for key, title in SUBSECTIONS
        ]


@dataclass
class ReportMeta:
    """The front matter of a report, typed."""

    country: str
    iso3: str
    ratified: dt.date | None
    last_reviewed: dt.date | None
    status: str = "draft"
    signed: dt.date | None = None
    language: str = "en"
    sources: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)

    @property
    def accession(self) -> bool:
        """Whether the State acceded (no signature before ratification)."""
        return self.signed is None


@dataclass
class Footnote:
    """A footnote definition (``[^label]: text``)."""

    label: str
    body: Section


@dataclass
class Document:
    """What reports and chapters share: where they come from and their text."""

    path: Path
    display_path: str
    slug: str
    text: str
    title: str
    title_line: int
    body_line: int

    @property
    def body(self) -> Section:
        """The Markdown after the front matter."""
        lines = self.text.split("\n")
        return Section("\n".join(lines[self.body_line - 1 :]), self.body_line)


@dataclass
class Report(Document):
    """A country report."""

    meta: ReportMeta = field(default_factory=lambda: ReportMeta("", "", None, None))
    intro: Section = field(default_factory=lambda: Section("", 1))
    areas: list[Area] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    def area(self, area_id: str) -> Area | None:
        """The area with this id, or None when not assessed."""
        return next((a for a in self.areas if a.id == area_id), None)


@dataclass
class Chapter(Document):
    """A chapter of the advocacy guide."""

    number: int = 0
    summary: str | None = None
    content: Section = field(default_factory=lambda: Section("", 1))


@dataclass
class Corpus:
    """Every report and chapter of a project, in output order."""

    root: Path
    reports: list[Report] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)

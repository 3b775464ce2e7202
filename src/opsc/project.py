"""A project on disk: finding its sources, reading them into a corpus, checking them."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from opsc import reader
from opsc.checks import CheckContext, check_document
from opsc.checks.corpus import check_corpus
from opsc.config import Settings, load_settings
from opsc.diagnostics import Diagnostic
from opsc.errors import UsageError
from opsc.model import Chapter, Corpus, Report


def today() -> dt.date:
    """Today's date; ``OPSC_TODAY`` (YYYY-MM-DD) fixes it for reproducible runs."""
    fixed = os.environ.get("OPSC_TODAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return dt.date.today()


@dataclass
class CheckResult:
    """Diagnostics of a check and how many files were read."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    corpus: Corpus | None = None


@dataclass
class Project:
    """The project rooted at a folder, with its settings."""

    root: Path
    settings: Settings

    @classmethod
    def at(cls, root: Path) -> Project:
        """Open the project at ``root`` (reading ``opsc.yml`` when present)."""
        return cls(root=root, settings=load_settings(root))

    @property
    def reports_dir(self) -> Path:
        return self.root / self.settings.reports_dir

    @property
    def guide_dir(self) -> Path:
        return self.root / self.settings.guide_dir

    @property
    def docs_dir(self) -> Path:
        return self.root / self.settings.docs_dir

    def default_targets(self) -> list[str]:
        """What ``opsc check`` checks when given no path."""
        return [
            f"{name}/"
            for name in (self.settings.reports_dir, self.settings.guide_dir)
            if (self.root / name).is_dir()
        ]

    def expand(self, targets: Iterable[str]) -> list[tuple[Path, str]]:
        """Markdown files named by ``targets`` (files or folders), with display paths."""
        files: list[tuple[Path, str]] = []
        for target in targets:
            path = Path(target)
            absolute = path if path.is_absolute() else self.root / path
            if absolute.is_dir():
                for child in sorted(absolute.rglob("*.md")):
                    relative = child.relative_to(absolute)
                    display = (
                        (path / relative).as_posix() if str(path) != "." else relative.as_posix()
                    )
                    files.append((child, display))
            elif absolute.exists() or absolute.is_symlink():
                files.append((absolute, path.as_posix()))
            else:
                raise UsageError(f"{target}: no such file or folder")
        seen: set[Path] = set()
        unique = []
        for item in files:
            key = item[0].absolute()
            if key not in seen:
                seen.add(key)
                unique.append(item)
        return unique

    def kind_of(self, path: Path, text: str) -> str:
        """'report' or 'chapter', by folder and, outside the known folders, by front matter."""
        parent = path.absolute().parent
        if parent == self.reports_dir.absolute() or parent.name == "country_reports":
            return "report"
        if parent == self.guide_dir.absolute() or parent.name == "guide":
            return "chapter"
        head = text[:2000]
        return "chapter" if "\ntitle:" in head and "\ncountry:" not in head else "report"

    def read(self, path: Path, display: str, when: dt.date) -> reader.ReadResult:
        """Read one source file into the model."""
        text, problems = reader.read_text(path, display)
        if text is None:
            return reader.ReadResult(None, problems)
        if self.kind_of(path, text) == "chapter":
            return reader.parse_chapter(text, path, display)
        return reader.parse_report(text, path, display, when)

    def check(
        self, targets: Iterable[str] | None = None, *, jobs: int | None = None
    ) -> CheckResult:
        """Read and check the given files or folders (default: reports and guide).

        Large sets of files are checked in parallel, one chunk per core.
        """
        names = list(targets) if targets else self.default_targets()
        files = self.expand(names)
        when = today()
        workers = min(jobs or os.cpu_count() or 1, max(1, len(files) // PARALLEL_MIN_FILES))
        if workers > 1:
            chunks = [files[i::workers] for i in range(workers)]
            with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
                parts = list(pool.map(_check_chunk, [self] * workers, chunks, [when] * workers))
        else:
            parts = [_check_chunk(self, files, when)]
        result = CheckResult(files=len(files), corpus=Corpus(root=self.root))
        for diagnostics, documents in parts:
            result.diagnostics.extend(diagnostics)
            for document in documents:
                if isinstance(document, Report):
                    result.corpus.reports.append(document)  # type: ignore[union-attr]
                else:
                    result.corpus.chapters.append(document)  # type: ignore[union-attr]
        result.corpus.reports.sort(key=lambda r: r.display_path)  # type: ignore[union-attr]
        result.corpus.chapters.sort(key=lambda c: c.display_path)  # type: ignore[union-attr]
        result.diagnostics.extend(check_corpus(result.corpus))  # type: ignore[arg-type]
        order = {display: i for i, (_, display) in enumerate(files)}
        result.diagnostics.sort(key=lambda d: (order.get(d.path, 0), d.line, d.column, d.rule))
        result.corpus.chapters.sort(key=lambda c: (c.number, c.slug))  # type: ignore[union-attr]
        result.corpus.reports.sort(key=lambda r: r.slug)  # type: ignore[union-attr]
        return result


#: Below this many files per worker, a process pool costs more than it saves.
PARALLEL_MIN_FILES = 40


def _check_chunk(
    project: Project, files: list[tuple[Path, str]], when: dt.date
) -> tuple[list[Diagnostic], list[Report | Chapter]]:
    """Read and check some files (in a worker process for large projects)."""
    anchor_cache: dict[Path, set[str] | None] = {}

    def anchors_for(path: Path) -> set[str] | None:
        key = path.resolve()
        if key not in anchor_cache:
            text, _ = reader.read_text(key, str(key))
            anchor_cache[key] = reader.anchors_of(text) if text is not None else None
        return anchor_cache[key]

    context = CheckContext(
        root=project.root,
        today=when,
        stale_after_days=project.settings.stale_after_days,
        anchors_for=anchors_for,
    )
    diagnostics: list[Diagnostic] = []
    documents: list[Report | Chapter] = []
    for path, display in files:
        read = project.read(path, display, when)
        diagnostics.extend(read.diagnostics)
        if read.document is not None:
            diagnostics.extend(check_document(read.document, context))
            documents.append(read.document)
    return diagnostics, documents

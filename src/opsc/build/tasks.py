"""Build tasks: what each output is made from, its cache key, and how to render it.

A task is a picklable description run in a worker process. Its key hashes the content
of everything that shapes the output: the sources, the renderer's code, templates and
stylesheets, the registry, the settings and the tool's version.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from opsc import __version__, layout
from opsc.config import Settings
from opsc.links import Target, find_links, resolve
from opsc.markdown_text import mask_code
from opsc.model import Chapter, Corpus, Report

#: Package folders whose files shape each kind of output.
RENDERER_SOURCES: dict[str, tuple[str, ...]] = {
    "pdf": ("pdf", "data", "html_render.py", "linker.py", "references.py", "citations.py"),
    "docx": ("docx", "data", "html_render.py", "linker.py", "references.py", "citations.py"),
}


@cache
def code_fingerprint(kind: str) -> str:
    """A hash of the package files that shape one kind of output."""
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("opsc")
    for name in RENDERER_SOURCES[kind]:
        entry = Path(str(package.joinpath(name)))
        files = sorted(p for p in entry.rglob("*") if p.is_file()) if entry.is_dir() else [entry]
        for path in files:
            if path.suffix == ".pyc" or not path.exists():
                continue
            digest.update(path.relative_to(Path(str(package))).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _linked_files(document: Report | Chapter, root: Path) -> list[Path]:
    """Local files a document links or embeds (images change the output too)."""
    found = []
    for link in find_links(mask_code(document.text)):
        resolved = resolve(link.destination, document.path, root)
        path = resolved.path
        if resolved.kind is Target.LOCAL and path and path.is_file() and path.suffix != ".md":
            found.append(path)
    return found


def document_fingerprint(documents: Iterable[Report | Chapter], root: Path) -> str:
    """A hash of documents' text and of the local files they embed."""
    digest = hashlib.sha256()
    for document in documents:
        digest.update(document.display_path.encode())
        digest.update(document.text.encode())
        for path in _linked_files(document, root):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def epoch_for(dates: Iterable[dt.date | None]) -> int:
    """SOURCE_DATE_EPOCH: the environment's, else midnight UTC of the latest date given."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH")
    if fixed and fixed.isdigit():
        return int(fixed)
    known = [d for d in dates if d is not None]
    day = max(known) if known else dt.date(2000, 5, 25)
    return calendar.timegm(day.timetuple())


@dataclass
class Task:
    """One output file to make."""

    kind: str  # report-pdf, guide-pdf, compendium-pdf, report-docx, guide-docx, guide-epub, ...
    output: str  # site-relative path (layout)
    key: str
    epoch: int
    settings: Settings
    root: Path
    report: Report | None = None
    chapters: list[Chapter] = field(default_factory=list)
    corpus: Corpus | None = None
    parts: dict[str, Path] = field(default_factory=dict)

    @property
    def output_kind(self) -> str:
        """site, pdf or docx: the --only group this task belongs to."""
        return "pdf" if self.kind.endswith("pdf") else "docx"

    @property
    def label(self) -> str:
        return self.output


def _key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def plan_tasks(corpus: Corpus, settings: Settings, root: Path, outputs: list[str]) -> list[Task]:
    """Every task of the requested outputs (compendium last among PDFs)."""
    tasks: list[Task] = []
    settings_key = repr(settings)
    report_names = "\n".join(f"{r.slug}\t{r.meta.country}" for r in corpus.reports)
    guide_docs = document_fingerprint(corpus.chapters, root)
    all_dates = [r.meta.last_reviewed for r in corpus.reports]
    for kind in ("pdf", "docx"):
        if kind not in outputs:
            continue
        code = code_fingerprint(kind)
        for report in corpus.reports:
            output = (
                layout.report_pdf(report.slug) if kind == "pdf" else layout.report_docx(report.slug)
            )
            tasks.append(
                Task(
                    kind=f"report-{kind}",
                    output=output,
                    key=_key(output, code, settings_key, document_fingerprint([report], root)),
                    epoch=epoch_for([report.meta.last_reviewed]),
                    settings=settings,
                    root=root,
                    report=report,
                )
            )
        if corpus.chapters:
            guide_output = layout.GUIDE_PDF if kind == "pdf" else layout.GUIDE_DOCX
            tasks.append(
                Task(
                    kind=f"guide-{kind}",
                    output=guide_output,
                    key=_key(guide_output, code, settings_key, guide_docs, report_names),
                    epoch=epoch_for(all_dates),
                    settings=settings,
                    root=root,
                    chapters=corpus.chapters,
                )
            )
        if kind == "docx" and corpus.chapters:
            tasks.append(
                Task(
                    kind="guide-epub",
                    output=layout.GUIDE_EPUB,
                    key=_key(layout.GUIDE_EPUB, code, settings_key, guide_docs, report_names),
                    epoch=epoch_for(all_dates),
                    settings=settings,
                    root=root,
                    chapters=corpus.chapters,
                )
            )
        everything = _key(code, settings_key, guide_docs, *(t.key for t in tasks))
        if kind == "pdf":
            tasks.append(
                Task(
                    kind="compendium-pdf",
                    output=layout.COMPENDIUM_PDF,
                    key=_key(layout.COMPENDIUM_PDF, everything),
                    epoch=epoch_for(all_dates),
                    settings=settings,
                    root=root,
                    corpus=corpus,
                )
            )
        else:
            tasks.append(
                Task(
                    kind="compendium-epub",
                    output=layout.COMPENDIUM_EPUB,
                    key=_key(layout.COMPENDIUM_EPUB, everything),
                    epoch=epoch_for(all_dates),
                    settings=settings,
                    root=root,
                    corpus=corpus,
                )
            )
    return tasks


def run_task(task: Task, out: Path) -> str:
    """Render one task into ``out`` (in a worker process); return the task's output path."""
    os.environ["SOURCE_DATE_EPOCH"] = str(task.epoch)
    out.parent.mkdir(parents=True, exist_ok=True)
    if task.kind == "report-pdf":
        from opsc.pdf import render_report_pdf

        render_report_pdf(task.report, task.settings, task.root, out)
    elif task.kind == "guide-pdf":
        from opsc.pdf import render_guide_pdf

        render_guide_pdf(task.chapters, task.settings, task.root, out)
    elif task.kind == "compendium-pdf":
        from opsc.pdf import render_compendium_pdf

        render_compendium_pdf(task.corpus, task.settings, task.root, out, parts=task.parts)
    elif task.kind == "report-docx":
        from opsc.docx import render_report_docx

        render_report_docx(task.report, task.settings, task.root, out)
    elif task.kind == "guide-docx":
        from opsc.docx import render_guide_docx

        render_guide_docx(task.chapters, task.settings, task.root, out)
    elif task.kind == "guide-epub":
        from opsc.docx import render_guide_epub

        render_guide_epub(task.chapters, task.settings, task.root, out)
    elif task.kind == "compendium-epub":
        from opsc.docx import render_compendium_epub

        render_compendium_epub(task.corpus, task.settings, task.root, out)
    else:  # pragma: no cover - plan_tasks makes only the kinds above
        raise ValueError(f"unknown task kind {task.kind}")
    return task.output

"""Print-ready PDFs with WeasyPrint: one per report, the guide, and the compendium.

Each call renders one document in the calling process and writes it atomically. Print
HTML is lean and built from the model, never from the themed site. Every resource is
fetched through ``ProjectFetcher``: files of the project only.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from opsc.config import Settings
from opsc.dates import source_date
from opsc.model import Chapter, Corpus, Report
from opsc.pdf.fetcher import ProjectFetcher, RefusedURL
from opsc.pdf.html import front_html, guide_html, report_html
from opsc.pdf.merge import join_compendium

log = logging.getLogger(__name__)

__all__ = [
    "ProjectFetcher",
    "RefusedURL",
    "render_compendium_pdf",
    "render_guide_pdf",
    "render_html_pdf",
    "render_report_pdf",
]


def render_html_pdf(html: str, base: Path, root: Path, out: Path, identifier: str) -> int:
    """Render print HTML to a tagged PDF/UA file at ``out``; return its page count."""
    import weasyprint

    fetcher = ProjectFetcher(root)
    document = weasyprint.HTML(
        string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=fetcher
    ).render()
    pages = len(document.pages)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    document.write_pdf(
        tmp,
        pdf_variant="pdf/ua-1",
        pdf_identifier=hashlib.sha256(identifier.encode()).hexdigest()[:32].encode(),
    )
    tmp.replace(out)
    return pages


def render_report_pdf(report: Report, settings: Settings, root: Path, out: Path) -> int:
    """The PDF of one report."""
    html = report_html(report, settings, root)
    return render_html_pdf(html, report.path.parent, root, out, f"report:{report.slug}")


def render_guide_pdf(chapters: list[Chapter], settings: Settings, root: Path, out: Path) -> int:
    """The PDF of the whole guide."""
    html = guide_html(chapters, settings, root, source_date())
    base = chapters[0].path.parent if chapters else root
    return render_html_pdf(html, base, root, out, "guide")


def render_compendium_pdf(
    corpus: Corpus,
    settings: Settings,
    root: Path,
    out: Path,
    parts: dict[str, Path] | None = None,
) -> int:
    """Cover, contents, the guide and every report, joined from per-document PDFs.

    ``parts`` maps ``guide`` and report slugs to PDFs already rendered; missing parts
    are rendered here. Per-part PDFs keep memory flat: nothing lays out the whole book.
    """
    parts = dict(parts or {})
    work = out.with_name(f".{out.name}.parts")
    work.mkdir(parents=True, exist_ok=True)
    ordered: list[tuple[str, str, Path]] = []
    if corpus.chapters:
        if "guide" not in parts or not parts["guide"].is_file():
            parts["guide"] = work / "guide.pdf"
            render_guide_pdf(corpus.chapters, settings, root, parts["guide"])
        ordered.append(("guide", "Advocacy guide", parts["guide"]))
    for report in sorted(corpus.reports, key=lambda r: (r.meta.country or r.title).casefold()):
        path = parts.get(report.slug)
        if path is None or not path.is_file():
            path = work / f"{report.slug}.pdf"
            render_report_pdf(report, settings, root, path)
        ordered.append(("report", report.meta.country or report.title, path))
    pages = join_compendium(ordered, settings, source_date(), root, out, front_html)
    for leftover in work.glob("*"):
        leftover.unlink()
    work.rmdir()
    return pages

"""Editable DOCX and EPUB files with pandoc (the binary shipped by pypandoc-binary).

Reports become Word documents whose subject areas are real three-column tables, with
Word footnotes, hyperlinks, a contents list that shows its entries as soon as the file
is opened, and a "Cited provisions" section that treaty references link to. The guide
and the compendium also become EPUB e-books for reading on phones.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import re
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from opsc.catalogue import RATING_LABELS, SUBSECTIONS
from opsc.catalogue import areas as catalogue_areas
from opsc.citations import in_treaty_order
from opsc.config import Settings
from opsc.dates import source_date
from opsc.docx.ast import group_cells
from opsc.docx.pandoc import ast_to_file, markdown_to_ast
from opsc.html_render import prepare_markdown as _prepare_markdown
from opsc.linker import annex_anchor, annex_href
from opsc.links import Target, resolve
from opsc.model import Chapter, Corpus, Report
from opsc.reader import heading_slug, headings
from opsc.references import find_references

__all__ = ["render_compendium_epub", "render_guide_docx", "render_guide_epub", "render_report_docx"]

COLUMN_WIDTHS = [1 / 3, 1 / 3, 1 / 3]
DROP = "opsc-drop:"  # links that cannot work in a Word file become plain text
_DROPPED_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(opsc-drop:\)")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("opsc.docx", "templates"),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, escaped by the helpers below
        keep_trailing_newline=True,
        comment_start_string="{##",  # Markdown writes {#id}
        comment_end_string="##}",
    )


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in '\\`*_{}[]()#+-.!<>|~^"$' else c for c in text)


MAX_IMAGE_BYTES = 5 * 1024 * 1024


def _data_uri(path: Path) -> str:
    """An image of the project inlined: pandoc runs sandboxed and reads no file itself."""
    data = path.read_bytes()
    if len(data) > MAX_IMAGE_BYTES:
        return DROP
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def prepare_markdown(text: str, **kwargs: object) -> str:
    """``html_render.prepare_markdown``, then links that cannot work turned into text."""
    prepared = _prepare_markdown(text, **kwargs)  # type: ignore[arg-type]
    return _DROPPED_LINK.sub(r"\1", prepared)


def _rewrite(source: Path, root: Path, own: set[str], prefix: str = ""):
    """Keep web links, local images and anchors of this file; unlink the rest."""

    def rewrite(destination: str) -> str | None:
        resolved = resolve(destination, source, root)
        if resolved.kind is Target.EXTERNAL:
            return None
        if resolved.kind is Target.ANCHOR:
            anchor = prefix + resolved.fragment
            return f"#{anchor}" if anchor in own else DROP
        path = resolved.path
        is_image = path is not None and path.suffix.lower() in IMAGE_SUFFIXES and path.is_file()
        if resolved.kind is Target.LOCAL and is_image:
            return _data_uri(path)  # type: ignore[arg-type]
        return DROP

    return rewrite


def _cited(texts: list[str], listed: list[str]) -> list[dict[str, str]]:
    keys = [("OPSC", p) for p in listed]
    keys += [ref.cited for text in texts for ref in find_references(text) if not ref.implied]
    return [
        {
            "instrument": instrument,
            "id": provision.id,
            "title": _md_escape(provision.title),
            "anchor": annex_anchor(instrument, provision.id),
        }
        for instrument, provision in in_treaty_order(keys)
    ]


def _metadata(title: str, subject: str, settings: Settings, language: str) -> list[str]:
    date = source_date().isoformat()
    return [
        f"--metadata=title:{title}",
        f"--metadata=subject:{subject}",
        f"--metadata=author:{settings.publisher}",
        f"--metadata=lang:{language}",
        f"--metadata=date:{date}",
    ]


def reference_docx() -> Path:
    """The packaged reference document that sets the Word styles."""
    return Path(str(resources.files("opsc.docx").joinpath("data/reference.docx")))


def report_markdown(report: Report, root: Path) -> str:
    """The report as Markdown with each area's three columns as ``.cell`` divs."""
    own = {a.id for a in report.areas} | {"contents", "cited-provisions"}
    rewrite = _rewrite(report.path, root, own)

    def prepare(text: str) -> Markup:
        return Markup(prepare_markdown(text, href_for=annex_href, rewrite=rewrite))

    texts = [report.intro.markdown]
    areas = []
    for area in report.areas:
        columns = []
        for _, _, body in area.columns():
            text = body.markdown if body is not None and not body.is_empty else "Not assessed."
            texts.append(text)
            columns.append(prepare(text))
        areas.append(
            {
                "id": area.id,
                "title": _md_escape(area.title),
                "rating": RATING_LABELS.get(area.rating or "unknown"),
                "provisions": [
                    {"id": p, "anchor": annex_anchor("OPSC", p)} for p in area.provisions
                ],
                "columns": columns,
            }
        )
    present = {a.id for a in report.areas}
    meta = report.meta
    return (
        _env()
        .get_template("report.md.j2")
        .render(
            report=report,
            meta=meta,
            title=_md_escape(report.title),
            intro=prepare(report.intro.markdown),
            areas=areas,
            missing=[a.title for a in catalogue_areas() if a.id not in present],
            footnotes=[
                (n.label, prepare(n.body.markdown).replace("\n", "\n    "))
                for n in report.footnotes
            ],
            cited=_cited(texts, [p for a in report.areas for p in a.provisions]),
            ratified=meta.ratified.isoformat() if meta.ratified else "unknown",
            signed=meta.signed.isoformat() if meta.signed else None,
            reviewed=meta.last_reviewed.isoformat() if meta.last_reviewed else "unknown",
        )
    )


def render_report_docx(report: Report, settings: Settings, root: Path, out: Path) -> None:
    """The DOCX of one report."""
    ast = markdown_to_ast(report_markdown(report, root), root)
    ast["blocks"] = group_cells(ast["blocks"], [t for _, t in SUBSECTIONS], COLUMN_WIDTHS)
    title = f"{report.meta.country or report.title}: OPSC country report"
    extra = [
        f"--reference-doc={reference_docx()}",
        *_metadata(
            title, "Implementation of the OPSC by subject area", settings, report.meta.language
        ),
    ]
    ast_to_file(ast, "docx", out, extra, root)


def guide_markdown(chapters: list[Chapter], root: Path, *, with_contents: bool) -> str:
    """The whole guide as one Markdown document, ids prefixed per chapter."""
    parts = []
    texts = []
    chapter_ids = {c.path.resolve(): f"chapter-{c.slug}" for c in chapters}
    for chapter in chapters:
        prefix = f"{chapter.slug}-"
        found = headings(chapter.content.markdown)
        own = {prefix + (h.anchor or heading_slug(h.text)) for h in found}
        base = _rewrite(chapter.path, root, own, prefix)

        def rewrite(destination: str, base=base, source=chapter.path) -> str | None:
            resolved = resolve(destination, source, root)
            if resolved.kind is Target.LOCAL and resolved.path in chapter_ids:
                return f"#{chapter_ids[resolved.path]}"
            return base(destination)

        text = _shift_headings(chapter.content.markdown, prefix)
        texts.append(chapter.content.markdown)
        parts.append(
            {
                "id": f"chapter-{chapter.slug}",
                "title": _md_escape(chapter.title),
                "summary": _md_escape(chapter.summary) if chapter.summary else None,
                "markdown": Markup(prepare_markdown(text, href_for=annex_href, rewrite=rewrite)),
            }
        )
    return (
        _env()
        .get_template("guide.md.j2")
        .render(
            chapters=parts,
            cited=_cited(texts, []),
            with_contents=with_contents,
        )
    )


def _shift_headings(markdown: str, prefix: str) -> str:
    """Give every heading of a chapter an explicit, prefixed id."""
    lines = markdown.split("\n")
    for heading in headings(markdown):
        index = heading.line - 1
        anchor = prefix + (heading.anchor or heading_slug(heading.text))
        lines[index] = f"{'#' * heading.level} {heading.text} {{#{anchor}}}"
    return "\n".join(lines)


def render_guide_docx(chapters: list[Chapter], settings: Settings, root: Path, out: Path) -> None:
    """The DOCX of the whole guide."""
    ast = markdown_to_ast(guide_markdown(chapters, root, with_contents=True), root)
    extra = [
        f"--reference-doc={reference_docx()}",
        *_metadata(
            f"{settings.title}: advocacy guide", "Advocacy guide to legal reform", settings, "en"
        ),
    ]
    ast_to_file(ast, "docx", out, extra, root)


def _epub_args(title: str, subject: str, settings: Settings) -> list[str]:
    identifier = "urn:opsc:" + hashlib.sha256(title.encode()).hexdigest()[:24]
    return [
        *_metadata(title, subject, settings, "en"),
        f"--metadata=identifier:{identifier}",
        "--toc",
        "--toc-depth=2",
        "--split-level=1",
    ]


def render_guide_epub(chapters: list[Chapter], settings: Settings, root: Path, out: Path) -> None:
    """An e-book of the guide, for phones."""
    ast = markdown_to_ast(guide_markdown(chapters, root, with_contents=False), root)
    title = f"{settings.title}: advocacy guide"
    ast_to_file(ast, "epub3", out, _epub_args(title, "Advocacy guide", settings), root)


def render_compendium_epub(corpus: Corpus, settings: Settings, root: Path, out: Path) -> None:
    """An e-book of the guide and every report (areas as sections: tables read badly on phones)."""
    pieces = [guide_markdown(corpus.chapters, root, with_contents=False)] if corpus.chapters else []
    for report in sorted(corpus.reports, key=lambda r: (r.meta.country or r.title).casefold()):
        pieces.append(_report_sections(report, root))
    ast = markdown_to_ast("\n\n".join(pieces), root)
    title = f"{settings.title}: compendium"
    ast_to_file(ast, "epub3", out, _epub_args(title, "Guide and country reports", settings), root)


def _report_sections(report: Report, root: Path) -> str:
    prefix = f"{report.slug}-"
    own = {prefix + a.id for a in report.areas}
    rewrite = _rewrite(report.path, root, own, prefix)
    lines = [f"# {_md_escape(report.meta.country or report.title)} {{#report-{report.slug}}}", ""]
    lines.append(prepare_markdown(report.intro.markdown, href_for=lambda _r: None, rewrite=rewrite))
    labels = {n.label: f"{prefix}{n.label}" for n in report.footnotes}
    for area in report.areas:
        rating = RATING_LABELS.get(area.rating or "unknown")
        lines += [
            "",
            f"## {_md_escape(area.title)} {{#{prefix}{area.id}}}",
            "",
            f"*OPSC {', '.join(area.provisions)} — {rating}*",
        ]
        for _, title, body in area.columns():
            text = body.markdown if body is not None and not body.is_empty else "Not assessed."
            for label, unique in labels.items():
                text = text.replace(f"[^{label}]", f"[^{unique}]")
            lines += [
                "",
                f"### {title}",
                "",
                prepare_markdown(text, href_for=lambda _r: None, rewrite=rewrite),
            ]
    for note in report.footnotes:
        lines += ["", f"[^{labels[note.label]}]: " + note.body.markdown.replace("\n", "\n    ")]
    return "\n".join(lines)

"""Lean print HTML from the model: reports, the guide and the compendium's front matter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from opsc.catalogue import RATING_LABELS, SUBSECTIONS
from opsc.catalogue import areas as catalogue_areas
from opsc.citations import in_treaty_order
from opsc.config import Settings
from opsc.html_render import markdown_to_html, prepare_markdown, render_html
from opsc.linker import annex_anchor, annex_href
from opsc.links import Target, resolve
from opsc.model import Chapter, Report
from opsc.reader import heading_slug, headings
from opsc.references import Reference, find_references

RATING_SYMBOLS = {"compliant": "✔", "partial": "◐", "not-compliant": "✘", "unknown": "?"}
DROP = "opsc-drop:"  # a scheme the sanitiser removes: the link text stays, the link goes


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("opsc.pdf", "templates"),
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
    )


def stylesheet(settings: Settings) -> str:
    """The print stylesheet, for the configured paper size."""
    css = resources.files("opsc.pdf").joinpath("templates/print.css").read_text(encoding="utf-8")
    return css.replace("A4 landscape", f"{settings.paper} landscape")


def _rewrite_for(source: Path, root: Path, own: set[str]) -> Callable[[str], str | None]:
    """Keep links to the web and to anchors of this PDF; unlink the rest."""

    def rewrite(destination: str) -> str | None:
        resolved = resolve(destination, source, root)
        if resolved.kind in (Target.EXTERNAL, Target.INLINE_IMAGE):
            return None
        if resolved.kind is Target.ANCHOR:
            return None if resolved.fragment in own else DROP
        if resolved.kind is Target.LOCAL and resolved.path is not None:
            if resolved.path.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}:
                return resolved.path.as_uri()
            if resolved.path == source.resolve() and resolved.fragment in own:
                return f"#{resolved.fragment}"
        return DROP

    return rewrite


@dataclass
class CitedProvision:
    """An annex entry: a provision and the places in the document that cite it."""

    instrument: str
    id: str
    title: str
    anchor: str
    places: list[tuple[str, str]] = field(default_factory=list)  # (label, #anchor)


def _annex(citations: dict[tuple[str, str], list[tuple[str, str]]]) -> list[CitedProvision]:
    return [
        CitedProvision(
            instrument,
            provision.id,
            provision.title,
            annex_anchor(instrument, provision.id),
            list(dict.fromkeys(citations[(instrument, provision.id)])),
        )
        for instrument, provision in in_treaty_order(citations)
    ]


def _cite(
    refs: list[Reference],
    place: tuple[str, str],
    into: dict[tuple[str, str], list[tuple[str, str]]],
) -> None:
    for ref in refs:
        if ref.implied:
            continue
        into.setdefault(ref.cited, []).append(place)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "unknown"


def report_html(report: Report, settings: Settings, root: Path) -> str:
    """The print HTML of one report."""
    env = _environment()
    own = {a.id for a in report.areas} | {"notes", "annex"}
    rewrite = _rewrite_for(report.path, root, own)
    citations: dict[tuple[str, str], list[tuple[str, str]]] = {}
    areas = []
    for area in report.areas:
        place = (area.title, f"#{area.id}")
        for provision_id in area.provisions:
            citations.setdefault(("OPSC", provision_id), []).append(place)
        columns = []
        for key, title, body in area.columns():
            text = body.markdown if body is not None and not body.is_empty else "Not assessed."
            _cite(find_references(text), place, citations)
            prepared = prepare_markdown(text, href_for=annex_href, rewrite=rewrite)
            columns.append({"key": key, "title": title, "markdown": Markup(prepared)})
        areas.append(
            {
                "id": area.id,
                "title": area.title,
                "rating": area.rating or "unknown",
                "rating_label": RATING_LABELS.get(area.rating or "unknown"),
                "symbol": RATING_SYMBOLS.get(area.rating or "unknown"),
                "provisions": [
                    {"id": p, "anchor": annex_anchor("OPSC", p)} for p in area.provisions
                ],
                "columns": columns,
            }
        )
    footnotes = "\n\n".join(
        f"[^{n.label}]: "
        + prepare_markdown(n.body.markdown, href_for=annex_href, rewrite=rewrite).replace(
            "\n", "\n    "
        )
        for n in report.footnotes
    )
    body_markdown = env.get_template("areas.md.j2").render(
        areas=areas, headers=[title for _, title in SUBSECTIONS], footnotes=Markup(footnotes)
    )
    body = markdown_to_html(body_markdown)
    _cite(find_references(report.intro.markdown), ("Introduction", "#introduction"), citations)
    intro = render_html(
        report.intro.markdown, href_for=annex_href, rewrite=rewrite, id_prefix="intro-"
    )
    present = {a.id for a in report.areas}
    meta = report.meta
    return env.get_template("report.html.j2").render(
        css=Markup(stylesheet(settings)),
        settings=settings,
        report=report,
        meta=meta,
        title=f"{meta.country or report.title}: OPSC country report",
        ratified=_date(meta.ratified),
        signed=_date(meta.signed) if meta.signed else None,
        reviewed=_date(meta.last_reviewed),
        intro=Markup(intro),
        body=Markup(body),
        missing=[a.title for a in catalogue_areas() if a.id not in present],
        annex=_annex(citations),
        ratings=[(RATING_SYMBOLS[k], v) for k, v in RATING_LABELS.items()],
    )


def chapter_parts(chapters: list[Chapter], root: Path) -> tuple[list[dict], dict]:
    """The rendered chapters of the guide and what each section cites."""
    citations: dict[tuple[str, str], list[tuple[str, str]]] = {}
    parts = []
    chapter_ids = {c.path.resolve(): f"chapter-{c.slug}" for c in chapters}
    for chapter in chapters:
        prefix = f"{chapter.slug}-"
        own = {
            prefix + (h.anchor or heading_slug(h.text)) for h in headings(chapter.content.markdown)
        }
        base_rewrite = _rewrite_for(chapter.path, root, own)

        def rewrite(
            destination: str, base=base_rewrite, source=chapter.path, prefix=prefix
        ) -> str | None:
            resolved = resolve(destination, source, root)
            if resolved.kind is Target.ANCHOR:
                return f"#{prefix}{resolved.fragment}"
            if resolved.kind is Target.LOCAL and resolved.path in chapter_ids:
                return f"#{chapter_ids[resolved.path]}"
            return base(destination)

        text = chapter.content.markdown
        sections = [h for h in headings(text, chapter.content.line) if h.level == 2]
        for ref in find_references(text, chapter.content.line):
            section = None
            for heading in sections:
                if heading.line <= ref.line:
                    section = heading
            if section is None:
                place = (chapter.title, f"#chapter-{chapter.slug}")
            else:
                place = (
                    f"{chapter.title}: {section.text}",
                    f"#{prefix}{section.anchor or heading_slug(section.text)}",
                )
            _cite([ref], place, citations)
        html = render_html(text, href_for=annex_href, rewrite=rewrite, id_prefix=prefix)
        parts.append(
            {
                "id": f"chapter-{chapter.slug}",
                "title": chapter.title,
                "summary": chapter.summary,
                "html": Markup(html),
            }
        )
    return parts, citations


def guide_html(chapters: list[Chapter], settings: Settings, root: Path, epoch_date: dt.date) -> str:
    """The print HTML of the whole guide."""
    parts, citations = chapter_parts(chapters, root)
    return (
        _environment()
        .get_template("guide.html.j2")
        .render(
            css=Markup(stylesheet(settings)),
            settings=settings,
            title=f"{settings.title}: advocacy guide",
            date=epoch_date.isoformat(),
            chapters=parts,
            annex=_annex(citations),
        )
    )


def front_html(
    settings: Settings, entries: list[dict], epoch_date: dt.date, lang: str = "en"
) -> str:
    """Cover and table of contents of the compendium, with page numbers already known."""
    return (
        _environment()
        .get_template("front.html.j2")
        .render(
            css=Markup(stylesheet(settings)),
            settings=settings,
            title=f"{settings.title}: compendium",
            date=epoch_date.isoformat(),
            entries=entries,
            lang=lang,
        )
    )


def numbers_html(settings: Settings, numbers: list[int], total: int) -> str:
    """Pages holding only the compendium's continuous page number, to overlay on the parts."""
    return (
        _environment()
        .get_template("numbers.html.j2")
        .render(paper=settings.paper, numbers=numbers, total=total)
    )

"""The content rules of the checker, applied to one parsed document."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from opsc import registry
from opsc.catalogue import areas
from opsc.checks.terminology import find_terms
from opsc.diagnostics import Diagnostic
from opsc.links import Link, Target, find_links, resolve
from opsc.markdown_text import LineIndex, mask_code, mask_markdown
from opsc.model import Chapter, Report
from opsc.references import find_references

_SYMBOL = re.compile(r"CRC/C/(?:OPSC/|OPAC/)?([A-Z]{3})(?=/)")
_UNSAFE_TAG = re.compile(
    r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|form|style|"
    r"template|portal)\b",
    re.IGNORECASE,
)
_EVENT_ATTR = re.compile(r"<[A-Za-z][^<>]*?[\s\"'/](on[a-z]+)\s*=", re.IGNORECASE)
_STYLE_URL = re.compile(r"<[A-Za-z][^<>]*?\bstyle\s*=\s*[\"'][^\"']*url\s*\(", re.IGNORECASE)
_IMG_TAG = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
_ALT_ATTR = re.compile(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)


@dataclass
class CheckContext:
    """What the rules need beyond the document: the project and today's date."""

    root: Path
    today: dt.date
    stale_after_days: int = 365
    anchors_for: Callable[[Path], set[str] | None] = field(default=lambda _path: None)


Document = Report | Chapter


def check_document(document: Document, context: CheckContext) -> list[Diagnostic]:
    """Every content diagnostic for one document."""
    body = document.body
    index = LineIndex(document.text)
    code_masked = mask_code(document.text)
    prose = mask_markdown(document.text, code_masked)
    # the front matter is not prose: blank it
    front_end = index.offset(body.line) if body.line > 1 else 0
    prose_text = " " * front_end + prose.text[front_end:]
    found: list[Diagnostic] = []
    found += _references(document, prose_text, index)
    found += _links(document, code_masked[front_end:], front_end, index, context)
    found += _unsafe_html(document, code_masked[front_end:], front_end, index)
    found += _terminology(document, prose_text, index)
    if isinstance(document, Report):
        found += _symbols(document, code_masked, index)
        found += _stale(document, context)
        found += _missing_areas(document)
    return found


def _at(
    document: Document,
    index: LineIndex,
    offset: int,
    rule: str,
    message: str,
    hint: str | None = None,
) -> Diagnostic:
    line, column = index.position(offset)
    return Diagnostic(document.display_path, line, column, rule, message, hint)


def _references(document: Document, prose: str, index: LineIndex) -> Iterator[Diagnostic]:
    for ref in find_references(prose, masked=True):
        if ref.implied:
            continue
        treaty = registry.registry_for(ref.instrument)
        if ref.id in treaty:
            continue
        if ref.instrument == "CRC":
            message = f"unknown CRC article {ref.id}"
            hint = (
                "the CRC has articles 1 to 54; opsc checks CRC references by article"
                if "(" not in ref.id
                else f"cite the article alone: CRC art. {ref.article}"
            )
            if "(" in ref.id and ref.article in treaty:
                continue  # paragraphs of CRC articles are not in the registry; the article is
        else:
            message = f"unknown OPSC provision {ref.id}"
            suggestion = treaty.suggest(ref.id)
            hint = f"did you mean {suggestion}?" if suggestion else "the OPSC has articles 1 to 17"
        yield _at(document, index, ref.start, "unknown-provision", message, hint)


def _links(
    document: Document, text: str, base: int, index: LineIndex, context: CheckContext
) -> Iterator[Diagnostic]:
    for link in find_links(text):
        yield from _check_link(document, link, base, index, context)


def _check_link(
    document: Document, link: Link, base: int, index: LineIndex, context: CheckContext
) -> Iterator[Diagnostic]:
    offset = base + link.offset
    what = "image" if link.is_image else "link"
    if (
        link.is_image
        and link.destination
        and not link.text.strip()
        and not _html_img_has_alt(document.text, offset)
    ):
        yield _at(
            document,
            index,
            offset,
            "missing-alt-text",
            f"image {link.destination} has no alt text",
            "describe the image between the brackets: ![what it shows](file.png)",
        )
    if not link.destination:
        return
    resolved = resolve(link.destination, document.path, context.root)
    kind = resolved.kind
    if kind is Target.SCRIPT:
        yield _at(
            document,
            index,
            offset,
            "unsafe-content",
            f"{what} to a script-capable URL ({link.destination[:40]})",
            "link only to web pages and files of the project",
        )
    elif kind is Target.FILE_URL:
        yield _at(
            document,
            index,
            offset,
            "unsafe-content",
            f"{what} to a file:// URL",
            "copy the file into the project and link it relatively",
        )
    elif kind is Target.ABSOLUTE:
        yield _at(
            document,
            index,
            offset,
            "unsafe-content",
            f"{what} to an absolute path {link.destination}",
            "use a path relative to this file",
        )
    elif kind is Target.OUTSIDE:
        yield _at(
            document,
            index,
            offset,
            "unsafe-content",
            f"{what} {link.destination} points outside the project",
            "keep linked files inside the project folder",
        )
    elif kind is Target.EXTERNAL and link.is_image:
        yield _at(
            document,
            index,
            offset,
            "unsafe-content",
            f"image {link.destination} is not inside the project",
            "download the image into the project and link it relatively",
        )
    elif kind is Target.ANCHOR:
        yield from _check_anchor(document, document.path, resolved.fragment, offset, index, context)
    elif kind is Target.LOCAL and resolved.path is not None:
        yield from _check_local(
            document, link, resolved.path, resolved.fragment, offset, index, context
        )


def _html_img_has_alt(text: str, offset: int) -> bool:
    tag_start = text.rfind("<", 0, offset)
    if tag_start == -1 or text.rfind(">", tag_start, offset) != -1:
        return False
    tag = _IMG_TAG.match(text, tag_start)
    if not tag:
        return False
    alt = _ALT_ATTR.search(tag.group(0))
    return bool(alt and alt.group(1).strip("\"'").strip())


def _check_local(
    document: Document,
    link: Link,
    path: Path,
    fragment: str,
    offset: int,
    index: LineIndex,
    context: CheckContext,
) -> Iterator[Diagnostic]:
    if not path.exists():
        siblings = [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []
        close = difflib.get_close_matches(path.name, siblings, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else "check the path relative to this file"
        yield _at(
            document,
            index,
            offset,
            "broken-link",
            f"{'image' if link.is_image else 'link'} target {link.destination} not found",
            hint,
        )
        return
    if fragment and path.suffix.lower() == ".md":
        yield from _check_anchor(document, path, fragment, offset, index, context)


def _check_anchor(
    document: Document,
    path: Path,
    fragment: str,
    offset: int,
    index: LineIndex,
    context: CheckContext,
) -> Iterator[Diagnostic]:
    if not fragment:
        return
    anchors = context.anchors_for(path)
    if anchors is None or fragment in anchors:
        return
    close = difflib.get_close_matches(fragment, sorted(anchors), n=1, cutoff=0.5)
    hint = f"did you mean #{close[0]}?" if close else None
    name = "this file" if path == document.path else path.name
    yield _at(
        document, index, offset, "broken-link", f"anchor #{fragment} not found in {name}", hint
    )


def _unsafe_html(
    document: Document, text: str, base: int, index: LineIndex
) -> Iterator[Diagnostic]:
    for match in _UNSAFE_TAG.finditer(text):
        yield _at(
            document,
            index,
            base + match.start(),
            "unsafe-content",
            f"raw HTML <{match.group(1).lower()}> is not allowed",
            "remove the tag; write the content in Markdown",
        )
    for match in _EVENT_ATTR.finditer(text):
        yield _at(
            document,
            index,
            base + match.start(1),
            "unsafe-content",
            f"event handler attribute {match.group(1).lower()}= can run code",
            "remove the attribute",
        )
    for match in _STYLE_URL.finditer(text):
        yield _at(
            document,
            index,
            base + match.start(),
            "unsafe-content",
            "inline style with url() can fetch from outside the project",
            "remove the style attribute",
        )


def _terminology(document: Document, prose: str, index: LineIndex) -> Iterator[Diagnostic]:
    for use in find_terms(prose):
        yield _at(
            document,
            index,
            use.start,
            "terminology",
            f"'{use.written}' is a term the Luxembourg Terminology Guidelines advise against",
            f"write '{use.preferred}' instead, or quote the legal text",
        )


def _symbols(report: Report, text: str, index: LineIndex) -> Iterator[Diagnostic]:
    iso3 = report.meta.iso3
    if not iso3:
        return
    for match in _SYMBOL.finditer(text):
        code = match.group(1)
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue
        if code != iso3:
            yield _at(
                report,
                index,
                match.start(1),
                "symbol-country-mismatch",
                f"document symbol {match.group(0)}… names {code}, but this report is about {iso3}",
                f"check the symbol; this report's symbols read CRC/C/OPSC/{iso3}/…",
            )


def _stale(report: Report, context: CheckContext) -> Iterator[Diagnostic]:
    reviewed = report.meta.last_reviewed
    if reviewed is None:
        return
    age = (context.today - reviewed).days
    if age > context.stale_after_days:
        line = next(
            (
                n
                for n, text in enumerate(report.text.split("\n"), 1)
                if text.startswith("last_reviewed")
            ),
            1,
        )
        column = report.text.split("\n")[line - 1].find(str(reviewed)) + 1 or 1
        yield Diagnostic(
            report.display_path,
            line,
            column,
            "stale-review",
            f"last reviewed {reviewed}, {age} days ago (more than {context.stale_after_days})",
            "verify the report against primary sources and update last_reviewed",
        )


def _missing_areas(report: Report) -> Iterator[Diagnostic]:
    present = {a.id for a in report.areas}
    for area in areas():
        if area.id not in present:
            yield Diagnostic(
                report.display_path,
                report.title_line,
                1,
                "missing-area",
                f"subject area '{area.id}' ({area.title}) is not assessed",
                f"add '## {area.title} {{#{area.id}}}' with Provisions, Rating and the three sub-sections",
            )

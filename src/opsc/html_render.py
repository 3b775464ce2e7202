"""Markdown to safe HTML, the same way for every output that renders HTML.

Treaty references become links, link destinations are rewritten by the caller (the
site, the PDF and the DOCX each have their own URLs), and the result is sanitised
with an allowlist so that no script-capable HTML survives, whatever the source says.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown as md
import nh3

from opsc.linker import HrefFor, link_references
from opsc.links import rewrite_destinations
from opsc.markdown_text import mask_code
from opsc.reader import heading_slug

EXTENSIONS = ["extra", "sane_lists", "toc"]
ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "input",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
    "input": {"type", "checked", "disabled"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize(html: str) -> str:
    """Keep only allowlisted tags, attributes and URL schemes."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")
_SAFE_INLINE_TAGS = {
    "sup",
    "sub",
    "br",
    "abbr",
    "small",
    "mark",
    "kbd",
    "span",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
}
_SAFE_ATTRIBUTE = re.compile(r"""^(?:\s+(?:title|lang|dir)\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*/?$""")


def neutralize_html(markdown: str) -> str:
    """Escape every raw HTML tag except a few harmless inline ones without risky attributes.

    A safety net under the checker: whatever reaches a renderer, no tag that can run
    code, embed content or fetch a resource survives as HTML. Code is left alone.
    """
    masked = mask_code(markdown)
    pieces: list[str] = []
    cursor = 0
    for match in _TAG.finditer(masked):
        name = match.group(2).lower()
        if name in _SAFE_INLINE_TAGS and _SAFE_ATTRIBUTE.match(match.group(3)):
            continue
        if name in {"http", "https", "mailto"} and match.group(3).startswith(":"):
            continue  # an autolink such as <https://example.org>
        pieces.append(markdown[cursor : match.start()])
        pieces.append("&lt;")
        cursor = match.start() + 1
    pieces.append(markdown[cursor:])
    return "".join(pieces)


def prepare_markdown(
    text: str, *, href_for: HrefFor, rewrite: Callable[[str], str | None] | None = None
) -> str:
    """Source Markdown with raw HTML neutralised, references linked, destinations rewritten."""
    text = neutralize_html(text)
    text = rewrite_destinations(text, _unsafe_destination)
    if rewrite is not None:
        text = rewrite_destinations(text, rewrite)
    return link_references(text, href_for)


_UNSAFE_SCHEME = re.compile(
    r"^\s*(?:javascript|vbscript|file|data(?!:image/(?:png|jpeg|gif|webp)[;,])):", re.I
)


def _unsafe_destination(destination: str) -> str | None:
    """Script-capable and file URLs become a harmless ``#``, whoever wrote them."""
    cleaned = re.sub(r"[\x00-\x20]", "", destination)
    return "#" if _UNSAFE_SCHEME.match(cleaned) else None


def render_html(
    text: str,
    *,
    href_for: HrefFor,
    rewrite: Callable[[str], str | None] | None = None,
    id_prefix: str = "",
) -> str:
    """Source Markdown to a sanitised HTML fragment (see ``prepare_markdown``)."""
    prepared = prepare_markdown(text, href_for=href_for, rewrite=rewrite)
    return markdown_to_html(prepared, id_prefix=id_prefix)


def markdown_to_html(prepared: str, *, id_prefix: str = "") -> str:
    """Prepared Markdown (with trusted template HTML around it) to sanitised HTML.

    ``id_prefix`` keeps heading and footnote ids unique when several documents share
    one HTML page (the guide, the compendium).
    """
    converter = md.Markdown(
        extensions=EXTENSIONS,
        extension_configs={
            "toc": {"slugify": lambda value, _sep: id_prefix + heading_slug(value)},
            "extra": {
                "footnotes": {"SEPARATOR": f"-{id_prefix}" if id_prefix else ":"},
            },
        },
        output_format="html",
    )
    return sanitize(converter.convert(prepared))

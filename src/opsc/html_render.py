"""Markdown to safe HTML, the same way for every output that renders HTML.

Treaty references become links, link destinations are rewritten by the caller (the
site, the PDF and the DOCX each have their own URLs), and the result is sanitised
with an allowlist so that no script-capable HTML survives, whatever the source says.
"""

from __future__ import annotations

from collections.abc import Callable

import markdown as md
import nh3

from opsc.linker import HrefFor, link_references
from opsc.links import rewrite_destinations
from opsc.reader import heading_slug

EXTENSIONS = ["extra", "sane_lists", "toc"]
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul", "input",
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


def prepare_markdown(
    text: str, *, href_for: HrefFor, rewrite: Callable[[str], str | None] | None = None
) -> str:
    """Source Markdown with references linked and destinations rewritten."""
    if rewrite is not None:
        text = rewrite_destinations(text, rewrite)
    return link_references(text, href_for)


def render_html(
    text: str,
    *,
    href_for: HrefFor,
    rewrite: Callable[[str], str | None] | None = None,
) -> str:
    """Markdown to sanitised HTML fragment."""
    converter = md.Markdown(
        extensions=EXTENSIONS,
        extension_configs={
            "toc": {"slugify": lambda value, _sep: heading_slug(value)},
            "footnotes": {"UNIQUE_IDS": False, "BACKLINK_TEXT": "↩"},
        },
        output_format="html",
    )
    html = converter.convert(prepare_markdown(text, href_for=href_for, rewrite=rewrite))
    return sanitize(html)

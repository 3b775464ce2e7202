"""Turning treaty references in Markdown into links to the provisions they name."""

from __future__ import annotations

from collections.abc import Callable

from opsc import registry
from opsc.markdown_text import mask_markdown
from opsc.references import Reference, find_references

#: Given a valid reference, the URL of its provision (or None to leave it as text).
HrefFor = Callable[[Reference], str | None]


def _escape_title(title: str) -> str:
    return title.replace("\\", "\\\\").replace('"', '\\"')


def link_references(markdown: str, href_for: HrefFor) -> str:
    """``markdown`` with each provision id of a treaty reference made a Markdown link.

    Ids inside code, inside existing links, and ids that are not in the registry are
    left as they are. Each link carries the provision's short title as its title, so
    readers see it on hover or focus.
    """
    masked = mask_markdown(markdown)
    pieces: list[str] = []
    cursor = 0
    for ref in find_references(masked.text, masked=True):
        if ref.implied or ref.start < cursor or masked.in_link_text(ref.start, ref.end):
            continue
        provision = registry.registry_for(ref.instrument).get(ref.id)
        if provision is None:
            continue
        href = href_for(ref)
        if href is None:
            continue
        title = f"{ref.instrument} {provision.id}: {provision.title}"
        pieces.append(markdown[cursor : ref.start])
        pieces.append(f'[{markdown[ref.start : ref.end]}]({href} "{_escape_title(title)}")')
        cursor = ref.end
    pieces.append(markdown[cursor:])
    return "".join(pieces)


def provision_anchor(provision_id: str) -> str:
    """The HTML id of a provision: ``3(1)(a)(i)`` -> ``p-3-1-a-i``."""
    return "p-" + provision_id.replace(")(", "-").replace("(", "-").replace(")", "")


def annex_anchor(instrument: str, provision_id: str) -> str:
    """The id of a provision's entry in a document's "Cited provisions" section."""
    if instrument == "CRC":
        return f"annex-crc-{provision_id.split('(', 1)[0]}"
    return "annex-" + provision_anchor(provision_id)


def annex_href(ref: Reference) -> str:
    """A link from a treaty reference to its entry in the "Cited provisions" section."""
    return "#" + annex_anchor(*ref.cited)

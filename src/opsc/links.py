"""Links and images in Markdown: finding them and deciding where they point.

One classifier serves the checker (which reports what is wrong) and the renderers
(which refuse to fetch anything outside the project).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

_TEXT = r"(?:[^\[\]\n]|\[[^\[\]\n]{0,500}\]){0,1000}"
_DEST = r"<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?"
_INLINE = re.compile(rf"\[({_TEXT})\]\(\s*{_DEST}(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)")
_REFERENCE_DEF = re.compile(
    r"^ {0,3}\[(?!\^)([^\]\n]{1,200})\]:[ \t]*<?(\S+?)>?(?:[ \t].*)?$", re.M
)
_HTML_URL = re.compile(
    r"<[A-Za-z][^<>]{0,2000}?\b(href|src|srcset|poster|data|action)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)",
    re.I,
)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_IMAGE_DATA = re.compile(r"^data:image/(?:png|jpeg|gif|webp)[;,]", re.I)


class Target(StrEnum):
    """Where a link or image points."""

    EXTERNAL = "external"  # http(s), mailto, tel: fine for links
    LOCAL = "local"  # a file inside the project
    ANCHOR = "anchor"  # a heading of the same document
    INLINE_IMAGE = "inline-image"  # a data: image
    ABSOLUTE = "absolute"  # /etc/passwd, C:\
    OUTSIDE = "outside"  # ../ beyond the project root
    SCRIPT = "script"  # javascript:, vbscript:, data:text/html
    FILE_URL = "file-url"  # file://


@dataclass(frozen=True)
class Link:
    """A link or image as written, with the offset of its destination."""

    destination: str
    offset: int
    is_image: bool
    text: str


@dataclass(frozen=True)
class Resolved:
    """What a destination means for the file it is written in."""

    kind: Target
    path: Path | None = None
    fragment: str = ""


def find_links(code_masked: str) -> list[Link]:
    """Links, images, reference definitions, autolinks and HTML URLs, in order."""
    found: list[Link] = []
    for match in _INLINE.finditer(code_masked):
        is_image = match.start() > 0 and code_masked[match.start() - 1] == "!"
        found.append(Link(match.group(2), match.start(2), is_image, match.group(1)))
        inner = match.group(1)
        for nested in _INLINE.finditer(inner):
            nested_image = nested.start() > 0 and inner[nested.start() - 1] == "!"
            found.append(
                Link(
                    nested.group(2), match.start(1) + nested.start(2), nested_image, nested.group(1)
                )
            )
    definitions = _REFERENCE_DEF.finditer(code_masked) if "]:" in code_masked else ()
    for match in definitions:
        found.append(Link(match.group(2), match.start(2), False, match.group(1)))
    for match in _AUTOLINK.finditer(code_masked):
        found.append(Link(match.group(1), match.start(1), False, match.group(1)))
    for match in _HTML_URL.finditer(code_masked):
        value = match.group(2)
        offset = match.start(2)
        if value[:1] in "\"'":
            value, offset = value[1:-1], offset + 1
        is_image = match.group(1).lower() in {"src", "srcset", "poster", "data"}
        found.append(Link(value.strip(), offset, is_image, ""))
    return sorted(found, key=lambda link: link.offset)


def resolve(destination: str, source: Path, root: Path) -> Resolved:
    """Classify ``destination`` written in ``source`` within the project at ``root``."""
    target = destination.strip()
    cleaned = re.sub(r"[\x00-\x20]", "", target)
    scheme_match = _SCHEME.match(cleaned)
    if scheme_match:
        scheme = scheme_match.group(1).lower()
        if len(scheme) == 1:
            return Resolved(Target.ABSOLUTE)  # a Windows drive letter
        if scheme == "file":
            return Resolved(Target.FILE_URL)
        if scheme in {"javascript", "vbscript"}:
            return Resolved(Target.SCRIPT)
        if scheme == "data":
            if _SAFE_IMAGE_DATA.match(cleaned):
                return Resolved(Target.INLINE_IMAGE)
            return Resolved(Target.SCRIPT)
        return Resolved(Target.EXTERNAL)
    if target.startswith("//"):
        return Resolved(Target.EXTERNAL)
    if target.startswith(("/", "\\")):
        return Resolved(Target.ABSOLUTE)
    path_part, _, fragment = target.partition("#")
    path_part = path_part.split("?", 1)[0]
    fragment = urllib.parse.unquote(fragment)
    if not path_part:
        return Resolved(Target.ANCHOR, None, fragment)
    relative = urllib.parse.unquote(path_part).replace("\\", "/")
    resolved = (source.parent / relative).resolve()
    try:
        resolved.relative_to(root.resolve())
    except ValueError:
        return Resolved(Target.OUTSIDE, resolved, fragment)
    return Resolved(Target.LOCAL, resolved, fragment)


def rewrite_destinations(markdown: str, rewrite: Callable[[str], str | None]) -> str:
    """``markdown`` with each link or image destination passed through ``rewrite``.

    ``rewrite`` returns the new destination, or None to keep it. Code is left alone.
    """
    from opsc.markdown_text import mask_code

    pieces: list[str] = []
    cursor = 0
    for link in find_links(mask_code(markdown)):
        if link.offset < cursor or not link.destination:
            continue
        new = rewrite(link.destination)
        if new is None or new == link.destination:
            continue
        pieces.append(markdown[cursor : link.offset])
        pieces.append(new)
        cursor = link.offset + len(link.destination)
    pieces.append(markdown[cursor:])
    return "".join(pieces)

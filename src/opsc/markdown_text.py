"""Markdown-aware text helpers: blank out what is not prose, keep every offset.

Checks and the reference linker search the prose of a Markdown document. Code,
link destinations, raw HTML tags and URLs are replaced by spaces of the same length,
so that every offset in the masked text is the offset in the source. The scanners
here are linear in the size of the input: content may be hostile.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
_LINK_DEST = re.compile(
    r"\]\(\s*<?[^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_REF_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]{1,200}\]:[ \t]*\S+.*$", re.MULTILINE)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,2000}>")
_URL_SCHEMES = ("https", "http", "ftp", "file", "javascript", "data", "mailto")
_URL_REST = re.compile(r"[^\s<>()\[\]]*")
_ATTR_LIST = re.compile(r"\{[:#.][^{}\n]{0,300}\}")


@dataclass
class MaskedText:
    """Prose of a document with non-prose blanked, and where link texts stand."""

    text: str
    link_texts: list[tuple[int, int]] = field(default_factory=list)

    def in_link_text(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside the text of a Markdown link."""
        return any(a <= start and end <= b for a, b in self.link_texts)


def _blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with every range replaced by spaces (line breaks kept)."""
    if not ranges:
        return text
    pieces: list[str] = []
    cursor = 0
    for start, end in sorted(ranges):
        start = max(start, cursor)
        if end <= start:
            continue
        pieces.append(text[cursor:start])
        segment = text[start:end]
        pieces.append(re.sub(r"[^\r\n]", " ", segment))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def url_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of bare URLs (``https://…``, ``javascript:…``), found from their colons."""
    ranges: list[tuple[int, int]] = []
    colon = text.find(":")
    while colon != -1:
        before = text[max(0, colon - 10) : colon].lower()
        for scheme in _URL_SCHEMES:
            start = colon - len(scheme)
            if before.endswith(scheme) and (start == 0 or not text[start - 1].isalnum()):
                end = _URL_REST.match(text, colon + 1).end()  # type: ignore[union-attr]
                ranges.append((start, end))
                colon = end - 1
                break
        colon = text.find(":", colon + 1)
    return ranges


def fenced_code_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks, fences included; an unclosed fence runs to the end."""
    ranges: list[tuple[int, int]] = []
    if "```" not in text and "~~~" not in text:
        return ranges
    open_match: re.Match[str] | None = None
    for match in _FENCE.finditer(text):
        fence = match.group(1)
        if open_match is None:
            open_match = match
            continue
        opener = open_match.group(1)
        rest = match.group(0).strip()
        if fence[0] == opener[0] and len(fence) >= len(opener) and rest == fence:
            ranges.append((open_match.start(), match.end()))
            open_match = None
    if open_match is not None:
        ranges.append((open_match.start(), len(text)))
    return ranges


def code_span_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of inline code spans: a backtick run closed by the next run of equal length."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    cursor = {length: 0 for length in by_length}
    ranges: list[tuple[int, int]] = []
    position = 0
    for index, (start, end) in enumerate(runs):
        if start < position:
            continue
        same = by_length[end - start]
        k = cursor[end - start]
        while k < len(same) and same[k] <= index:
            k += 1
        cursor[end - start] = k
        if k < len(same):
            close_start, close_end = runs[same[k]]
            paragraph_break = text.find("\n\n", end, close_start)
            if paragraph_break == -1:
                ranges.append((start, close_end))
                position = close_end
    return ranges


def _link_text_start(text: str, bracket: int) -> int | None:
    """Offset of the '[' that opens the link text closed at ``bracket``."""
    depth = 0
    lower = max(0, bracket - 2000)
    for i in range(bracket - 1, lower - 1, -1):
        char = text[i]
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                return i
            depth -= 1
        elif char == "\n" and i > 0 and text[i - 1] == "\n":
            return None
    return None


def html_comment_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of HTML comments; an unclosed comment runs to the end."""
    ranges: list[tuple[int, int]] = []
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        end = len(text) if end == -1 else end + 3
        ranges.append((start, end))
        start = text.find("<!--", end)
    return ranges


def mask_code(text: str) -> str:
    """Blank fenced code, code spans and HTML comments: what Markdown never renders as HTML."""
    masked = _blank_ranges(text, html_comment_ranges(text) + fenced_code_ranges(text))
    return _blank_ranges(masked, code_span_ranges(masked))


def mask_markdown(text: str, code_masked: str | None = None) -> MaskedText:
    """Blank code, comments, link destinations, HTML tags, URLs and attribute lists.

    Pass ``code_masked`` (the result of ``mask_code(text)``) when it is at hand.
    """
    masked = code_masked if code_masked is not None else mask_code(text)
    link_texts: list[tuple[int, int]] = []
    ranges: list[tuple[int, int]] = []
    for match in _LINK_DEST.finditer(masked):
        ranges.append((match.start() + 1, match.end()))
        opening = _link_text_start(masked, match.start())
        if opening is not None:
            link_texts.append((opening, match.start() + 1))
    masked = _blank_ranges(masked, ranges)
    ranges = url_ranges(masked)
    for pattern in (_REF_DEF, _HTML_TAG, _ATTR_LIST):
        if pattern is _REF_DEF and "]:" not in masked:
            continue
        for match in pattern.finditer(masked):
            start = match.start()
            if pattern is _REF_DEF:
                start = masked.index("]:", start) + 2
            ranges.append((start, match.end()))
    return MaskedText(text=_blank_ranges(masked, _merge(ranges)), link_texts=link_texts)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class LineIndex:
    """Turns offsets into 1-based (line, column) pairs."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column of an offset, both 1-based."""
        row = bisect.bisect_right(self._starts, offset) - 1
        return row + self._first_line, offset - self._starts[row] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of a 1-based line and column."""
        return self._starts[line - self._first_line] + column - 1

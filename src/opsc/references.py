"""Finding treaty references in prose, with the exact position of every provision id.

A treaty reference names its instrument: ``OPSC art. 3(1)(a)``, ``article 34 of the
CRC``, ``articles 4–7 of the Optional Protocol``, ``article 3, paragraph 1 (a), of the
Protocol``. An article without an instrument (``article 188 of the Penal Code``) is
national law and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from opsc.markdown_text import LineIndex, mask_markdown

_NUM = r"\d{1,3}(?!\d)"
_STEP = r"\s*\(\s*[0-9A-Za-z]{1,5}\s*\)"
ID_PATTERN = rf"{_NUM}(?:\s*,\s*(?i:paragraph)\s+{_NUM})?(?:{_STEP})*(?:(?<=\))[a-z](?![\w]))?"
_SEP = r"(?:\s*[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*[–—-]\s*|\s+to\s+)"
_LIST = rf"{ID_PATTERN}(?:{_SEP}{ID_PATTERN})*"
_KEYWORD = r"(?i:\b(?:arts?\.|articles?)\s*)"

_REFERENCE = re.compile(
    rf"""
    \b(?P<pinst>OPSC|CRC)(?:['’]s)?\s+{_KEYWORD}(?P<plist>{_LIST})
    |
    {_KEYWORD}(?P<slist>{_LIST})(?:\s*,)?\s+
    (?:
        (?:of\s+)?(?:the\s+)?(?P<sinst>OPSC|CRC)\b
      | of\s+(?:the\s+|this\s+)?(?:present\s+)?(?P<sname>Optional\s+Protocol|Protocol|Convention)\b
    )
    """,
    re.VERBOSE,
)
_CANDIDATE = re.compile(r"[Aa][Rr][Tt]|OPSC|CRC")
_ITEM = re.compile(rf"(?P<id>{ID_PATTERN})(?P<sep>{_SEP})?")
_OPSC_TITLE = re.compile(
    r"\s+(?:to\s+the\s+Convention\s+on\s+the\s+Rights\s+of\s+the\s+Child\b"
    r"(?!\s+on\s+(?:the\s+involvement|a\s+communications))|on\s+the\s+sale\s+of\s+children\b)"
)
_CRC_TITLE = re.compile(r"\s+on\s+the\s+Rights\s+of\s+the\s+Child\b")
_OTHER_QUALIFIER = re.compile(r"\s+(?:to|on|against|for|concerning|relating|of|No\b)")
_WHITESPACE = re.compile(r"\s+")
_UN_STYLE = re.compile(r"^(\d+),paragraph(\d+)", re.IGNORECASE)
_TRAILING_ITEM = re.compile(r"\)([a-z])$")


@dataclass(frozen=True)
class Reference:
    """One provision id named by a treaty reference."""

    instrument: str
    id: str
    written: str
    start: int
    end: int
    line: int
    column: int
    implied: bool = False

    @property
    def article(self) -> str:
        """The article number of the referenced provision."""
        return self.id.split("(", 1)[0]

    @property
    def cited(self) -> tuple[str, str]:
        """The registry node it cites: CRC references are checked at article level."""
        return (self.instrument, self.id if self.instrument == "OPSC" else self.article)


def canonical_id(written: str) -> str:
    """The canonical form of a provision id as written: ``3 (1) (a)`` -> ``3(1)(a)``."""
    compact = _WHITESPACE.sub("", written)
    compact = _UN_STYLE.sub(r"\1(\2)", compact)
    compact = _TRAILING_ITEM.sub(r")(\1)", compact)
    article, _, rest = compact.partition("(")
    return article + ("(" + rest.lower() if rest else "")


def _instrument(match: re.Match[str], text: str) -> str | None:
    """Which instrument a match names, or None when it names another treaty."""
    named = match.group("pinst") or match.group("sinst")
    if named:
        return named
    name = _WHITESPACE.sub(" ", match.group("sname"))
    tail = text[match.end() : match.end() + 120]
    if name == "Convention":
        if _CRC_TITLE.match(tail) or not _OTHER_QUALIFIER.match(tail):
            return "CRC"
        return None
    if _OPSC_TITLE.match(tail) or not _OTHER_QUALIFIER.match(tail):
        return "OPSC"
    return None


def _items(instrument: str, list_text: str, base: int, index: LineIndex) -> Iterator[Reference]:
    previous: tuple[str, int] | None = None
    for item in _ITEM.finditer(list_text):
        written = item.group("id")
        start = base + item.start("id")
        end = base + item.end("id")
        line, column = index.position(start)
        canonical = canonical_id(written)
        if previous is not None and previous[0].isdigit() and canonical.isdigit():
            low, high = int(previous[0]), int(canonical)
            for number in range(low + 1, min(high, low + 60)):
                yield Reference(instrument, str(number), written, start, end, line, column, True)
        yield Reference(instrument, canonical, written, start, end, line, column)
        sep = (item.group("sep") or "").strip()
        is_range = sep in {"–", "—", "-", "to"}
        previous = (canonical, start) if is_range else None


def _matches(prose: str) -> Iterator[re.Match[str]]:
    """Matches of the reference pattern, tried only where one can start."""
    position = 0
    for candidate in _CANDIDATE.finditer(prose):
        start = candidate.start()
        if start < position or (start > 0 and prose[start - 1].isalnum()):
            continue
        match = _REFERENCE.match(prose, start)
        if match:
            position = match.end()
            yield match


def find_references(text: str, first_line: int = 1, *, masked: bool = False) -> list[Reference]:
    """Every provision id named by a treaty reference in ``text``, in order.

    ``first_line`` is the line number of the first line of ``text`` in its file. Pass
    ``masked=True`` when ``text`` was already passed through ``mask_markdown``.
    """
    prose = text if masked else mask_markdown(text).text
    index = LineIndex(prose, first_line)
    found: list[Reference] = []
    for match in _matches(prose):
        instrument = _instrument(match, prose)
        if instrument is None:
            continue
        group = "plist" if match.group("plist") is not None else "slist"
        found.extend(_items(instrument, match.group(group), match.start(group), index))
    return found


_PROVISIONS_ITEM = re.compile(
    rf"(?P<prefix>(?:OPSC\s+)?{_KEYWORD})?(?P<id>{ID_PATTERN})(?P<trail>[^,;]*)"
)


@dataclass(frozen=True)
class ListedId:
    """An item of a ``Provisions:`` line: the canonical id, or None when unreadable."""

    id: str | None
    written: str
    column: int


def parse_provision_list(value: str, column: int) -> list[ListedId]:
    """Parse the value of a ``Provisions:`` line that starts at ``column`` (1-based)."""
    items: list[ListedId] = []
    offset = 0
    for raw in re.split(r"([,;])", value):
        if raw in {",", ";"}:
            offset += 1
            continue
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if stripped:
            match = _PROVISIONS_ITEM.fullmatch(stripped)
            item_column = column + offset + lead
            if match and not match.group("trail").strip():
                id_column = item_column + match.start("id")
                items.append(ListedId(canonical_id(match.group("id")), stripped, id_column))
            else:
                items.append(ListedId(None, stripped, item_column))
        offset += len(raw)
    return items

"""The ``terminology`` rule: terms the Luxembourg Guidelines (2016) advise against.

The Terminology Guidelines for the Protection of Children from Sexual Exploitation and
Sexual Abuse (Luxembourg, 28 January 2016) explain which words stigmatise children or
suggest consent. Two kinds of terms are warned about:

* terms to avoid everywhere (``child prostitute``): a warning unless quoted;
* legal terms (``child pornography``, ``child prostitution``): the OPSC's and many
  statutes' own words, fine when naming the law, in quotations, blockquotes and
  headings, or in a sentence that names an instrument or a statute; elsewhere a
  warning suggesting the preferred wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A term to avoid and the wording to use instead."""

    pattern: str
    preferred: str
    legal: bool = False


TERMS: tuple[Term, ...] = (
    Term(r"child(?:ren)?\s+prostitutes?", "child exploited in prostitution"),
    Term(
        r"(?:juvenile|teen(?:age)?|under-?age|young)\s+prostitut(?:e|es|ion)",
        "sexual exploitation of children in prostitution",
    ),
    Term(r"child\s+(?:commercial\s+)?sex\s+workers?", "child exploited in prostitution"),
    Term(
        r"child\s+sex\s+touris(?:m|ts?)",
        "sexual exploitation of children in the context of travel and tourism",
    ),
    Term(r"(?:child|kiddie)\s+porn(?!ograph)", "child sexual abuse material"),
    Term(r"child\s+pornography", "child sexual abuse material", legal=True),
    Term(r"child\s+prostitution", "sexual exploitation of children in prostitution", legal=True),
)
_ALTERNATIVES = "|".join(f"(?P<t{i}>{t.pattern})" for i, t in enumerate(TERMS))
_ANY_TERM = re.compile(rf"\b(?:{_ALTERNATIVES})\b", re.IGNORECASE)
#: The same on lower-cased text: much faster than IGNORECASE on long documents.
_ANY_TERM_LOWER = re.compile(rf"\b(?:{_ALTERNATIVES})\b")
_QUOTED = re.compile(r"\"[^\"\n]{0,400}\"|“[^”\n]{0,400}”|«[^»\n]{0,400}»|‘[^’\n]{0,400}’")
_LEGAL_CONTEXT = re.compile(
    r"\b(?:OPSC|CRC|Optional\s+Protocol|Protocol|Convention|article|art\.|arts\.|section|"
    r"Act|Code|Law|Decree|statute|offen[cs]es?|criminali[sz]|defin\w*|term|title|chapter|"
    r"penal|criminal|provision|legislation|prohibit\w*|Special\s+Rapporteur|Committee|"
    r"sale\s+of\s+children)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


@dataclass(frozen=True)
class TermUse:
    """An occurrence of a term to avoid."""

    start: int
    end: int
    written: str
    preferred: str


def _sentence(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 600), start)]
    begin = before[-1] if before else max(0, start - 600)
    after = _SENTENCE_END.search(text, end, end + 600)
    return text[begin : after.start() if after else end + 600]


_KEYWORDS = ("prostitut", "porn", "sex")


def _term_matches(prose: str, lowered: str) -> Iterator[re.Match[str]]:
    """Matches of the terms, searched only in windows around their key words."""
    if len(lowered) != len(prose):  # a rare case-mapping that changes lengths
        yield from _ANY_TERM.finditer(prose)
        return
    windows: list[list[int]] = []
    for keyword in _KEYWORDS:
        at = lowered.find(keyword)
        while at != -1:
            windows.append([max(0, at - 40), at + 40])
            at = lowered.find(keyword, at + 1)
    windows.sort()
    merged: list[list[int]] = []
    for window in windows:
        if merged and window[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], window[1])
        else:
            merged.append(window)
    last_end = 0
    for start, end in merged:
        for match in _ANY_TERM_LOWER.finditer(lowered, max(start, last_end), end):
            last_end = match.end()
            yield match


def find_terms(prose: str) -> Iterator[TermUse]:
    """Terms to avoid in masked prose (see ``mask_markdown``), outside quotations."""
    lowered = prose.lower()
    if "prostitut" not in lowered and "porn" not in lowered and "sex" not in lowered:
        return
    for match in _term_matches(prose, lowered):
        term = TERMS[int(match.lastgroup[1:])]  # type: ignore[index]
        if _quoted_or_heading(prose, match.start()):
            continue
        if term.legal and _LEGAL_CONTEXT.search(_sentence(prose, match.start(), match.end())):
            continue
        written = prose[match.start() : match.end()]
        yield TermUse(match.start(), match.end(), written, term.preferred)


def _quoted_or_heading(prose: str, at: int) -> bool:
    """Whether an offset lies in a quotation, a blockquote or a heading line."""
    start = prose.rfind("\n", 0, at) + 1
    end = prose.find("\n", at)
    line = prose[start : end if end != -1 else len(prose)]
    if line.lstrip().startswith((">", "#")):
        return True
    return any(m.start() <= at - start < m.end() for m in _QUOTED.finditer(line))

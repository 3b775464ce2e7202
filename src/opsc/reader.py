"""Reading source files into the content model, with structural diagnostics.

The reader never raises for bad content: it returns what it could read and the
diagnostics that say what is wrong, each at the line and column of the problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from opsc import countries, frontmatter, registry
from opsc.catalogue import RATINGS, SUBSECTIONS, area_by_id
from opsc.diagnostics import Diagnostic
from opsc.markdown_text import fenced_code_ranges
from opsc.model import Area, Chapter, Footnote, Report, ReportMeta, Section, Subsection
from opsc.references import parse_provision_list

MAX_FILE_BYTES = 5 * 1024 * 1024
#: Beyond these, rendering time explodes (a line laid out in a table cell, nesting that
#: squeezes text to nothing); no real report comes near them.
MAX_LINE_CHARS = 20_000
MAX_NESTING = 30
OPSC_ADOPTED = dt.date(2000, 5, 25)
REPORT_KEYS = (
    "country",
    "iso3",
    "signed",
    "ratified",
    "last_reviewed",
    "status",
    "language",
    "sources",
    "reviewers",
)
REQUIRED_REPORT_KEYS = ("country", "iso3", "ratified", "last_reviewed", "status")
CHAPTER_KEYS = ("title", "summary")
STATUSES = ("published", "draft", "sample")

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_ATTRS = re.compile(r"\s*\{\s*#([A-Za-z0-9_:.-]+)[^{}]*\}\s*$")
_FIELD_LINE = re.compile(r"^(\s*)(provisions|rating)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_CHAPTER_NAME = re.compile(r"^(\d{2})-([a-z0-9][a-z0-9-]*)$")


@dataclass
class Heading:
    """An ATX heading outside code."""

    level: int
    text: str
    anchor: str | None
    line: int
    column: int


@dataclass
class ReadResult:
    """A document (or None when nothing could be read) and what is wrong with it."""

    document: Report | Chapter | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


@functools.lru_cache(maxsize=4096)
def heading_slug(text: str) -> str:
    """The id of a heading without an ``{#id}``: its text as a slug."""
    return countries.slugify(re.sub(r"[`*_\[\]]", "", text))


def read_text(path: Path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """The text of a source file with LF line endings, or a diagnostic saying why not."""
    try:
        if path.is_symlink():
            return None, [
                Diagnostic(
                    display,
                    1,
                    1,
                    "unreadable-file",
                    "symbolic links are not read: the target could lie outside the project",
                    "replace the link by the file itself",
                )
            ]
        if not path.is_file():
            return None, [Diagnostic(display, 1, 1, "unreadable-file", "not a regular file")]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = f"file is {size // 1024} KiB; the limit is {MAX_FILE_BYTES // 1024} KiB"
            return None, [Diagnostic(display, 1, 1, "unreadable-file", message, "split the file")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(display, 1, 1, "unreadable-file", f"cannot read: {exc.strerror}")]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [
            Diagnostic(
                display,
                line,
                1,
                "unreadable-file",
                "binary file: contains NUL bytes",
                "save the report as UTF-8 Markdown text",
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            Diagnostic(
                display,
                line,
                column,
                "unreadable-file",
                f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded",
                "save the file with UTF-8 encoding",
            )
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    limits = _limits(text, display)
    if limits:
        return None, limits
    return text, []


_DEEP_NESTING = re.compile(
    rf"^(?:[ \t]*(?:>|(?:[-*+]|\d{{1,9}}[.)])(?=[ \t]|$))){{{MAX_NESTING + 1}}}|^ {{{2 * MAX_NESTING + 2},}}(?:[-*+]|\d{{1,9}}[.)])(?=[ \t]|$)",
    re.MULTILINE,
)


def _limits(text: str, display: str) -> list[Diagnostic]:
    """Lines too long or nesting too deep to render in bounded time."""
    lines = text.split("\n")
    if max(map(len, lines), default=0) > MAX_LINE_CHARS:
        number = next(n for n, line in enumerate(lines, 1) if len(line) > MAX_LINE_CHARS)
        length = len(lines[number - 1])
        return [
            Diagnostic(
                display,
                number,
                MAX_LINE_CHARS + 1,
                "unreadable-file",
                f"line is {length:,} characters long; the limit is {MAX_LINE_CHARS:,}",
                "break the text into paragraphs",
            )
        ]
    deep = _DEEP_NESTING.search(text)
    if deep:
        return [
            Diagnostic(
                display,
                text.count("\n", 0, deep.start()) + 1,
                1,
                "unreadable-file",
                f"lists or quotes nested more than {MAX_NESTING} levels deep",
                "flatten the structure",
            )
        ]
    return []


_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}(?:[ \t].*)?$", re.MULTILINE)


def headings(text: str, first_line: int = 1) -> list[Heading]:
    """ATX headings outside fenced code, with their ``{#id}`` when present."""
    fences = fenced_code_ranges(text)
    found: list[Heading] = []
    line_number, counted = 0, 0
    for candidate in _HEADING_LINE.finditer(text):
        start = candidate.start()
        if any(a <= start < b for a, b in fences):
            continue
        line_number += text.count("\n", counted, start)
        counted = start
        line = candidate.group(0)
        match = _HEADING.match(line)
        if not match:
            continue
        content = match.group(2) or ""
        anchor = None
        attrs = _ATTRS.search(content)
        if attrs:
            anchor = attrs.group(1)
            content = content[: attrs.start()]
        found.append(
            Heading(
                level=len(match.group(1)),
                text=content.strip(),
                anchor=anchor,
                line=line_number + first_line,
                column=line.index("#") + 1,
            )
        )
    return found


def anchors_of(text: str) -> set[str]:
    """Every id a link may target in a Markdown text."""
    ids = {h.anchor or heading_slug(h.text) for h in headings(text)}
    ids.update(re.findall(r"\{\s*#([A-Za-z0-9_:.-]+)", text))
    ids.update(re.findall(r"\bid=[\"']([^\"']+)[\"']", text))
    return ids


def _date(
    fm: frontmatter.FrontMatter, key: str, display: str, out: list[Diagnostic]
) -> dt.date | None:
    item = fm.fields.get(key)
    if item is None or item.value in (None, ""):
        return None
    value = item.value
    if not isinstance(value, str) or not _DATE.match(value):
        out.append(
            Diagnostic(
                display,
                item.line,
                item.column,
                "front-matter",
                f"'{key}' must be a date written YYYY-MM-DD, not {value!r}",
                "for example 2003-09-25",
            )
        )
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        out.append(
            Diagnostic(
                display,
                item.line,
                item.column,
                "date-order",
                f"'{key}' is not a real date: {value}",
                "check the day and month",
            )
        )
        return None


def _string_list(
    fm: frontmatter.FrontMatter, key: str, display: str, out: list[Diagnostic]
) -> list[str]:
    item = fm.fields.get(key)
    if item is None or item.value in (None, ""):
        return []
    if isinstance(item.value, list) and all(isinstance(v, str) for v in item.value):
        return [v for v in item.value if v.strip()]
    out.append(
        Diagnostic(
            display,
            item.line,
            item.column,
            "front-matter",
            f"'{key}' must be a list of texts",
            f"write one '  - item' line per entry under '{key}:'",
        )
    )
    return []


def _unknown_keys(
    fm: frontmatter.FrontMatter, known: tuple[str, ...], display: str, out: list[Diagnostic]
) -> None:
    for key, item in fm.fields.items():
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
        out.append(
            Diagnostic(
                display,
                item.key_line,
                item.key_column,
                "front-matter",
                f"unknown front matter key '{key}'",
                hint,
            )
        )


def _missing_keys(
    fm: frontmatter.FrontMatter, required: tuple[str, ...], display: str, out: list[Diagnostic]
) -> None:
    for key in required:
        item = fm.fields.get(key)
        if item is None or item.value in (None, "", []):
            out.append(
                Diagnostic(
                    display,
                    1,
                    1,
                    "front-matter",
                    f"front matter has no '{key}'",
                    f"add a line '{key}: …' between the --- lines",
                )
            )


def _scalar(
    fm: frontmatter.FrontMatter, key: str, display: str, out: list[Diagnostic]
) -> str | None:
    item = fm.fields.get(key)
    if item is None or item.value in (None, ""):
        return None
    if isinstance(item.value, str):
        return item.value.strip()
    out.append(
        Diagnostic(
            display, item.line, item.column, "front-matter", f"'{key}' must be a single value"
        )
    )
    return None


def _report_meta(
    fm: frontmatter.FrontMatter, display: str, today: dt.date, out: list[Diagnostic]
) -> ReportMeta:
    _unknown_keys(fm, REPORT_KEYS, display, out)
    _missing_keys(fm, REQUIRED_REPORT_KEYS, display, out)
    country = _scalar(fm, "country", display, out) or ""
    iso3 = _scalar(fm, "iso3", display, out) or ""
    status = _scalar(fm, "status", display, out) or "draft"
    language = _scalar(fm, "language", display, out) or "en"
    if "status" in fm.fields and status not in STATUSES:
        item = fm.fields["status"]
        close = difflib.get_close_matches(status, STATUSES, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "use published, draft or sample"
        out.append(
            Diagnostic(
                display, item.line, item.column, "front-matter", f"unknown status '{status}'", hint
            )
        )
    if "language" in fm.fields and not _valid_language(language):
        item = fm.fields["language"]
        out.append(
            Diagnostic(
                display,
                item.line,
                item.column,
                "front-matter",
                f"'{language}' is not a BCP 47 language tag",
                "for example en, fr, es or pt-BR",
            )
        )
    _check_country(fm, country, iso3, display, out)
    meta = ReportMeta(
        country=country,
        iso3=iso3,
        signed=_date(fm, "signed", display, out),
        ratified=_date(fm, "ratified", display, out),
        last_reviewed=_date(fm, "last_reviewed", display, out),
        status=status,
        language=language,
        sources=_string_list(fm, "sources", display, out),
        reviewers=_string_list(fm, "reviewers", display, out),
    )
    _check_dates(fm, meta, display, today, out)
    return meta


def _valid_language(tag: str) -> bool:
    if not _LANGUAGE.match(tag):
        return False
    import pycountry

    primary = tag.split("-", 1)[0].lower()
    lookup = {"alpha_2": primary} if len(primary) == 2 else {"alpha_3": primary}
    return pycountry.languages.get(**lookup) is not None


def _check_country(
    fm: frontmatter.FrontMatter, country: str, iso3: str, display: str, out: list[Diagnostic]
) -> None:
    if iso3:
        item = fm.fields["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso3) or countries.by_iso3(iso3) is None:
            upper = iso3.upper()
            known = countries.by_iso3(upper) if re.fullmatch(r"[A-Za-z]{3}", iso3) else None
            if known:
                hint = f"did you mean {upper}? codes are written in upper case"
            else:
                named = countries.by_name(country) if country else None
                suggestion = named.iso3 if named else countries.suggest_code(iso3)
                hint = f"did you mean {suggestion}?" if suggestion else None
            out.append(
                Diagnostic(
                    display,
                    item.line,
                    item.column,
                    "unknown-country",
                    f"'{iso3}' is not an ISO 3166-1 alpha-3 code",
                    hint,
                )
            )
            return
    if not country:
        return
    item = fm.fields["country"]
    named = countries.by_name(country)
    if named is None:
        suggestion = countries.suggest_name(country)
        if iso3 and countries.by_iso3(iso3):
            suggestion = countries.by_iso3(iso3).name  # type: ignore[union-attr]
        out.append(
            Diagnostic(
                display,
                item.line,
                item.column,
                "unknown-country",
                f"'{country}' is not an ISO 3166-1 country name",
                f"did you mean {suggestion}?" if suggestion else None,
            )
        )
    elif iso3 and not countries.names_match(country, iso3):
        code_country = countries.by_iso3(iso3)
        out.append(
            Diagnostic(
                display,
                fm.fields["iso3"].line,
                fm.fields["iso3"].column,
                "unknown-country",
                f"iso3 {iso3} is {code_country.name if code_country else '?'}, "
                f"but country is {country}",
                f"did you mean {named.iso3}?",
            )
        )


def _check_dates(
    fm: frontmatter.FrontMatter,
    meta: ReportMeta,
    display: str,
    today: dt.date,
    out: list[Diagnostic],
) -> None:
    def at(key: str, message: str, hint: str | None = None) -> None:
        item = fm.fields[key]
        out.append(Diagnostic(display, item.line, item.column, "date-order", message, hint))

    if meta.signed and meta.signed < OPSC_ADOPTED:
        at("signed", f"signed {meta.signed} is before the OPSC was adopted (2000-05-25)")
    if meta.ratified and meta.ratified < OPSC_ADOPTED:
        at("ratified", f"ratified {meta.ratified} is before the OPSC was adopted (2000-05-25)")
    if meta.signed and meta.ratified and meta.ratified < meta.signed:
        at(
            "ratified",
            f"ratified {meta.ratified} is before signed {meta.signed}",
            "check both dates against the depositary record; for an accession omit 'signed'",
        )
    for key in ("signed", "ratified", "last_reviewed"):
        value = getattr(meta, key)
        if value and value > today:
            at(key, f"'{key}' {value} is in the future (today is {today})")


def _read_area_fields(
    area: Area, lines: list[str], start: int, display: str, out: list[Diagnostic]
) -> int:
    """Read ``Provisions:`` and ``Rating:`` lines after an area heading; return the next index."""
    index = start
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if not line.strip():
            index += 1
            continue
        match = _FIELD_LINE.match(line)
        if not match:
            break
        key = match.group(2).lower()
        value = match.group(3)
        value_column = match.start(3) + 1
        if key == "provisions":
            area.provisions_line = number
            _read_provisions(area, value, number, value_column, display, out)
        else:
            area.rating_line = number
            rating = value.strip().lower().replace(" ", "-")
            if rating in RATINGS:
                area.rating = rating
            else:
                close = difflib.get_close_matches(rating, RATINGS, n=1, cutoff=0.5)
                hint = f"did you mean {close[0]}?" if close else "use " + ", ".join(RATINGS)
                out.append(
                    Diagnostic(
                        display,
                        number,
                        value_column,
                        "invalid-rating",
                        f"unknown rating '{value}'" if value else "the rating is empty",
                        hint,
                    )
                )
        index += 1
    return index


def _read_provisions(
    area: Area, value: str, line: int, column: int, display: str, out: list[Diagnostic]
) -> None:
    opsc = registry.opsc()
    items = parse_provision_list(value, column)
    if not items:
        out.append(
            Diagnostic(
                display,
                line,
                column,
                "missing-provisions",
                f"area '{area.id}' lists no provisions",
                "list the OPSC provisions it covers, e.g. Provisions: 3(1)(c)",
            )
        )
    for item in items:
        if item.id is None:
            out.append(
                Diagnostic(
                    display,
                    line,
                    item.column,
                    "unknown-provision",
                    f"'{item.written}' is not an OPSC provision id",
                    "write ids like 3(1)(a) or 9(3), separated by commas",
                )
            )
        elif item.id not in opsc:
            suggestion = opsc.suggest(item.id)
            out.append(
                Diagnostic(
                    display,
                    line,
                    item.column,
                    "unknown-provision",
                    f"unknown OPSC provision {item.id}",
                    f"did you mean {suggestion}?" if suggestion else None,
                )
            )
        elif item.id not in area.provisions:
            area.provisions.append(item.id)


def _split_footnotes(lines: list[str], code_lines: set[int]) -> tuple[list[str], list[Footnote]]:
    """Take footnote definitions out of ``lines`` (blanking them) and return them."""
    kept = list(lines)
    notes: list[Footnote] = []
    index = 0
    while index < len(lines):
        match = _FOOTNOTE_DEF.match(lines[index]) if index not in code_lines else None
        if not match:
            index += 1
            continue
        body = [match.group(2)]
        kept[index] = ""
        start = index
        index += 1
        while index < len(lines):
            line = lines[index]
            if line.startswith(("    ", "\t", "  ")) or (
                not line.strip() and index + 1 < len(lines) and lines[index + 1].startswith("    ")
            ):
                body.append(line[4:] if line.startswith("    ") else line.strip())
                kept[index] = ""
                index += 1
            else:
                break
        notes.append(Footnote(match.group(1), Section("\n".join(body).strip(), start + 1)))
    return kept, notes


def _section(lines: list[str], start: int, end: int) -> Section:
    """Lines [start, end) (0-based) as a Section, trimmed of blank edges."""
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return Section("\n".join(lines[start:end]), start + 1)


def _code_line_numbers(text: str) -> set[int]:
    code: set[int] = set()
    for start, end in fenced_code_ranges(text):
        code.update(range(text.count("\n", 0, start), text.count("\n", 0, end) + 1))
    return code


def _match_area(heading: Heading) -> str | None:
    catalogue = area_by_id()
    if heading.anchor:
        return heading.anchor if heading.anchor in catalogue else None
    slug = heading_slug(heading.text)
    if slug in catalogue:
        return slug
    for area in catalogue.values():
        if heading_slug(area.title) == slug:
            return area.id
    return None


def _subsection_key(text: str) -> str | None:
    slug = heading_slug(text)
    for key, title in SUBSECTIONS:
        if slug in {key, heading_slug(title)}:
            return key
    return None


def parse_report(text: str, path: Path, display: str, today: dt.date) -> ReadResult:
    """Read a country report from its text."""
    out: list[Diagnostic] = []
    try:
        fm = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        out.append(Diagnostic(display, exc.line, exc.column, "front-matter", exc.message, exc.hint))
        fm = None
    if fm is None and not out:
        out.append(
            Diagnostic(
                display,
                1,
                1,
                "front-matter",
                "the report has no front matter",
                "start the file with a --- line, the report's keys, and another --- line",
            )
        )
    if fm is None:
        fm = frontmatter.FrontMatter()
        body_line = 1
        if text.startswith("---\n"):
            # unclosed front matter: nothing after it can be trusted
            return ReadResult(None, out)
    else:
        body_line = fm.body_line
    meta = (
        _report_meta(fm, display, today, out)
        if fm.fields or not out
        else ReportMeta("", "", None, None)
    )
    lines = text.split("\n")
    code_lines = _code_line_numbers(text)
    lines, footnotes = _split_footnotes(lines, code_lines)
    body_text = "\n".join(lines[body_line - 1 :])
    found = headings(body_text, body_line)
    title_heading = next((h for h in found if h.level == 1), None)
    title = title_heading.text if title_heading else meta.country
    title_line = title_heading.line if title_heading else body_line
    report = Report(
        path=path,
        display_path=display,
        slug=path.stem,
        text=text,
        title=title,
        title_line=title_line,
        body_line=body_line,
        meta=meta,
        footnotes=footnotes,
    )
    structural = [
        h for h in found if h.level <= 3 and (title_heading is None or h.line > title_line)
    ]
    first_area_line = next((h.line for h in structural if h.level <= 2), len(lines) + 1)
    intro_start = title_line if title_heading else body_line - 1
    report.intro = _section(lines, intro_start, first_area_line - 1)
    seen: dict[str, int] = {}
    areas: list[Area] = []
    current: Area | None = None
    for position, heading in enumerate(structural):
        end_line = (
            structural[position + 1].line - 1 if position + 1 < len(structural) else len(lines)
        )
        if heading.level <= 2:
            current = _open_area(heading, seen, display, out)
            if current is None:
                continue
            areas.append(current)
            next_index = _read_area_fields(current, lines, heading.line, display, out)
            current.preamble = _section(lines, next_index, end_line)
            _require_fields(current, display, out)
        elif current is not None:
            _add_subsection(current, heading, lines, end_line, display, out)
    for area in areas:
        _require_subsections(area, display, out)
    report.areas = sorted(areas, key=lambda a: list(area_by_id()).index(a.id))
    return ReadResult(report, out)


def _open_area(
    heading: Heading, seen: dict[str, int], display: str, out: list[Diagnostic]
) -> Area | None:
    if heading.level == 1:
        return None
    area_id = _match_area(heading)
    if area_id is None:
        written = heading.anchor or heading_slug(heading.text)
        ids = list(area_by_id())
        close = difflib.get_close_matches(written, ids, n=1, cutoff=0.5)
        hint = (
            f"did you mean {close[0]}?"
            if close
            else "use an id of the subject-area catalogue, e.g. {#jurisdiction}"
        )
        column = heading.column + heading.level + 1
        out.append(
            Diagnostic(
                display,
                heading.line,
                column,
                "unknown-area",
                f"unknown subject area '{written}'",
                hint,
            )
        )
        return None
    if area_id in seen:
        out.append(
            Diagnostic(
                display,
                heading.line,
                heading.column,
                "duplicate-area",
                f"subject area '{area_id}' appears twice (first on line {seen[area_id]})",
                "merge the two sections into one",
            )
        )
        return None
    seen[area_id] = heading.line
    return Area(
        id=area_id,
        title=area_by_id()[area_id].title,
        heading=heading.text,
        line=heading.line,
    )


def _require_fields(area: Area, display: str, out: list[Diagnostic]) -> None:
    if area.provisions_line is None:
        out.append(
            Diagnostic(
                display,
                area.line,
                1,
                "missing-provisions",
                f"area '{area.id}' has no 'Provisions:' line",
                "add a line such as 'Provisions: "
                + ", ".join(area_by_id()[area.id].provisions)
                + "' under the heading",
            )
        )
    if area.rating_line is None:
        out.append(
            Diagnostic(
                display,
                area.line,
                1,
                "invalid-rating",
                f"area '{area.id}' has no 'Rating:' line",
                "add 'Rating: compliant', 'partial', 'not-compliant' or 'unknown' under the heading",
            )
        )


def _add_subsection(
    area: Area,
    heading: Heading,
    lines: list[str],
    end_line: int,
    display: str,
    out: list[Diagnostic],
) -> None:
    key = _subsection_key(heading.text)
    titles = [title for _, title in SUBSECTIONS]
    if key is None:
        out.append(
            Diagnostic(
                display,
                heading.line,
                heading.column + 4,
                "missing-subsection",
                f"unexpected sub-section '{heading.text}' in area '{area.id}'",
                "an area has exactly: "
                + ", ".join(f"### {t}" for t in titles)
                + "; use #### for headings inside them",
            )
        )
        return
    if key in area.subsections:
        out.append(
            Diagnostic(
                display,
                heading.line,
                heading.column,
                "missing-subsection",
                f"sub-section '{heading.text}' appears twice in area '{area.id}'",
            )
        )
        return
    order = [k for k, _ in SUBSECTIONS]
    later = [k for k in area.subsections if order.index(k) > order.index(key)]
    if later:
        out.append(
            Diagnostic(
                display,
                heading.line,
                heading.column,
                "missing-subsection",
                f"sub-section '{heading.text}' is out of order in area '{area.id}'",
                "order them: " + ", ".join(titles),
            )
        )
    title = dict(SUBSECTIONS)[key]
    area.subsections[key] = Subsection(
        key=key, title=title, line=heading.line, body=_section(lines, heading.line, end_line)
    )


def _require_subsections(area: Area, display: str, out: list[Diagnostic]) -> None:
    for key, title in SUBSECTIONS:
        if key not in area.subsections:
            out.append(
                Diagnostic(
                    display,
                    area.line,
                    1,
                    "missing-subsection",
                    f"area '{area.id}' has no '### {title}' sub-section",
                    f"add '### {title}' (write 'Not assessed.' if there is nothing yet)",
                )
            )


def parse_chapter(text: str, path: Path, display: str) -> ReadResult:
    """Read a guide chapter from its text."""
    out: list[Diagnostic] = []
    match = _CHAPTER_NAME.match(path.stem)
    if match is None:
        out.append(
            Diagnostic(
                display,
                1,
                1,
                "front-matter",
                f"guide chapter file name '{path.name}' does not start with a two-digit number",
                "name chapters like 01-introduction.md",
            )
        )
    try:
        fm = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        out.append(Diagnostic(display, exc.line, exc.column, "front-matter", exc.message, exc.hint))
        return ReadResult(None, out)
    if fm is None:
        out.append(
            Diagnostic(
                display,
                1,
                1,
                "front-matter",
                "the chapter has no front matter",
                "start the file with ---, a 'title: …' line, and ---",
            )
        )
        fm = frontmatter.FrontMatter()
    _unknown_keys(fm, CHAPTER_KEYS, display, out)
    _missing_keys(fm, ("title",), display, out)
    title = _scalar(fm, "title", display, out) or path.stem
    summary = _scalar(fm, "summary", display, out)
    lines = text.split("\n")
    chapter = Chapter(
        path=path,
        display_path=display,
        slug=match.group(2) if match else heading_slug(path.stem) or "chapter",
        text=text,
        title=title,
        title_line=fm.fields["title"].line if "title" in fm.fields else 1,
        body_line=fm.body_line,
        number=int(match.group(1)) if match else 99,
        summary=summary,
    )
    body_text = "\n".join(lines[fm.body_line - 1 :])
    first = next(iter(headings(body_text, fm.body_line)), None)
    start = fm.body_line - 1
    if (
        first is not None
        and first.level == 1
        and not "\n".join(lines[start : first.line - 1]).strip()
    ):
        start = first.line
    chapter.content = _section(lines, start, len(lines))
    return ReadResult(chapter, out)

"""Countries of ISO 3166-1: names, codes and the names editors may write."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry

#: Short names in common use that ISO 3166-1 spells otherwise.
_ALIASES: dict[str, str] = {
    "Russia": "RUS",
    "Republic of Korea": "KOR",
    "Turkey": "TUR",
    "Czech Republic": "CZE",
    "Swaziland": "SWZ",
    "Cape Verde": "CPV",
    "Holy See": "VAT",
    "Vatican": "VAT",
    "Democratic Republic of the Congo": "COD",
    "DR Congo": "COD",
    "Republic of the Congo": "COG",
    "Macedonia": "MKD",
    "Micronesia": "FSM",
    "Palestine": "PSE",
    "State of Palestine": "PSE",
    "Ivory Coast": "CIV",
    "United States of America": "USA",
    "Great Britain": "GBR",
}


@dataclass(frozen=True)
class Country:
    """A country of ISO 3166-1."""

    iso3: str
    iso2: str
    name: str

    @property
    def slug(self) -> str:
        """The report file name stem: lower-case short name with hyphens."""
        return slugify(self.name)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("’", "'")
    return re.sub(r"\s+", " ", bare).strip().casefold()


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: ``Côte d'Ivoire`` -> ``cote-d-ivoire``."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _short_name(record: object) -> str:
    common = getattr(record, "common_name", None)
    if common:
        return common
    name: str = record.name  # type: ignore[attr-defined]
    return name.split(" (", 1)[0]


def _names_of(record: object) -> set[str]:
    names = {record.name, _short_name(record)}  # type: ignore[attr-defined]
    official = getattr(record, "official_name", None)
    if official:
        names.add(official)
        names.add(re.sub(r"^the ", "", official))
    if ", " in record.name:  # "Congo, The Democratic Republic of the"
        head, tail = record.name.split(", ", 1)  # type: ignore[attr-defined]
        names.add(re.sub(r"^The ", "", f"{tail} {head}"))
    return names


@cache
def _tables() -> tuple[dict[str, Country], dict[str, str], dict[str, str]]:
    by_code: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    display: dict[str, str] = {}
    for record in pycountry.countries:
        country = Country(iso3=record.alpha_3, iso2=record.alpha_2, name=_short_name(record))
        by_code[record.alpha_3] = country
        for name in _names_of(record):
            by_name.setdefault(fold(name), record.alpha_3)
            display.setdefault(fold(name), name)
    for alias, code in _ALIASES.items():
        by_name.setdefault(fold(alias), code)
        display.setdefault(fold(alias), alias)
    return by_code, by_name, display


def by_iso3(code: str) -> Country | None:
    """The country with this alpha-3 code (upper case), or None."""
    return _tables()[0].get(code)


def by_name(name: str) -> Country | None:
    """The country an editor's name refers to, or None."""
    code = _tables()[1].get(fold(name))
    return by_iso3(code) if code else None


def lookup(name_or_code: str) -> Country | None:
    """A country by alpha-3 or alpha-2 code (any case) or by name."""
    text = name_or_code.strip()
    if re.fullmatch(r"[A-Za-z]{3}", text) and by_iso3(text.upper()):
        return by_iso3(text.upper())
    if re.fullmatch(r"[A-Za-z]{2}", text):
        record = pycountry.countries.get(alpha_2=text.upper())
        if record:
            return by_iso3(record.alpha_3)
    return by_name(text)


def names_match(name: str, code: str) -> bool:
    """Whether ``name`` is a name of the country with alpha-3 ``code``."""
    return _tables()[1].get(fold(name)) == code


def suggest_name(name: str) -> str | None:
    """The closest country name, for a "did you mean" hint."""
    _, names, display = _tables()
    match = difflib.get_close_matches(fold(name), list(names), n=1, cutoff=0.7)
    return display[match[0]] if match else None


def suggest_code(code: str) -> str | None:
    """The closest alpha-3 code, for a "did you mean" hint."""
    codes = list(_tables()[0])
    match = difflib.get_close_matches(code.upper(), codes, n=1, cutoff=0.6)
    return match[0] if match else None

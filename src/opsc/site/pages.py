"""Values for the page templates: ratings, regions, citations, download sizes."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from opsc.catalogue import RATING_LABELS
from opsc.countries import slugify

RATING_SYMBOLS: dict[str, str] = {
    "compliant": "✔",
    "partial": "◐",
    "not-compliant": "✘",
    "unknown": "?",
}
RATING_SHORT: dict[str, str] = {
    "compliant": "Yes",
    "partial": "Partly",
    "not-compliant": "No",
    "unknown": "n/a",
}
REGION_ORDER = ("Africa", "Americas", "Asia-Pacific", "Europe", "Middle East")


@cache
def _regions() -> dict[str, str]:
    text = resources.files("opsc.data").joinpath("regions.yaml").read_text(encoding="utf-8")
    return {code: region for region, codes in yaml.safe_load(text).items() for code in codes}


def region_of(iso3: str) -> str:
    """The region of a country, or "Other"."""
    return _regions().get(iso3, "Other")


def region_slug(region: str) -> str:
    return slugify(region)


def rating_label(rating: str | None) -> str:
    return RATING_LABELS.get(rating or "unknown", "Not assessed")


def rating_symbol(rating: str | None) -> str:
    return RATING_SYMBOLS.get(rating or "unknown", "?")


def human_size(size: int | None) -> str:
    """``1.2 MB``, ``340 kB``; "not built" when the file does not exist."""
    if size is None:
        return "not built yet"
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"

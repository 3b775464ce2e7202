"""The subject-area catalogue of the content contract."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class SubjectArea:
    """One subject area: an id, its title and the OPSC provisions it covers."""

    id: str
    title: str
    provisions: tuple[str, ...]


RATINGS: tuple[str, ...] = ("compliant", "partial", "not-compliant", "unknown")
RATING_LABELS: dict[str, str] = {
    "compliant": "Compliant",
    "partial": "Partially compliant",
    "not-compliant": "Not compliant",
    "unknown": "Not assessed",
}
SUBSECTIONS: tuple[tuple[str, str], ...] = (
    ("national-law", "National law"),
    ("legal-reform", "Legal reform"),
    ("compliance", "Compliance"),
)


@cache
def areas() -> tuple[SubjectArea, ...]:
    """The catalogue, in catalogue order."""
    text = resources.files("opsc.data").joinpath("areas.yaml").read_text(encoding="utf-8")
    return tuple(
        SubjectArea(id=a["id"], title=a["title"], provisions=tuple(a["provisions"]))
        for a in yaml.safe_load(text)["areas"]
    )


@cache
def area_by_id() -> dict[str, SubjectArea]:
    """The catalogue keyed by area id."""
    return {a.id: a for a in areas()}


def catalogue_position(area_id: str) -> int:
    """The index of an area in catalogue order (unknown ids sort last)."""
    ids = [a.id for a in areas()]
    return ids.index(area_id) if area_id in ids else len(ids)

"""The provision registries of the OPSC and the CRC, shipped as package data."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

_STEP = re.compile(r"\(([^()]+)\)")


@dataclass(frozen=True)
class Provision:
    """One node of a treaty: an article, paragraph, sub-paragraph or item."""

    id: str
    title: str
    parent: str | None

    @property
    def article(self) -> str:
        """The article number this node belongs to."""
        return self.id.split("(", 1)[0]

    @property
    def depth(self) -> int:
        """0 for an article, 1 for its paragraphs or sub-paragraphs, and so on."""
        return self.id.count("(")


def parent_of(provision_id: str) -> str | None:
    """The id of the enclosing node, or None for an article."""
    steps = _STEP.findall(provision_id)
    if not steps:
        return None
    article = provision_id.split("(", 1)[0]
    return article + "".join(f"({step})" for step in steps[:-1])


@dataclass(frozen=True)
class Registry:
    """All nodes of one instrument, in treaty order."""

    instrument: str
    name: str
    provisions: tuple[Provision, ...]
    _by_id: dict[str, Provision] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {p.id: p for p in self.provisions})

    def get(self, provision_id: str) -> Provision | None:
        """The node with this canonical id, or None."""
        return self._by_id.get(provision_id)

    def __contains__(self, provision_id: object) -> bool:
        return isinstance(provision_id, str) and provision_id in self._by_id

    def articles(self) -> list[Provision]:
        """The articles, in order."""
        return [p for p in self.provisions if p.parent is None]

    def children(self, provision_id: str) -> list[Provision]:
        """Direct children of a node, in order."""
        return [p for p in self.provisions if p.parent == provision_id]

    def descendants_and_self(self, provision_id: str) -> list[Provision]:
        """A node and every node below it."""
        return [
            p
            for p in self.provisions
            if p.id == provision_id or p.id.startswith(provision_id + "(")
        ]

    def suggest(self, provision_id: str) -> str | None:
        """The closest existing id, for a "did you mean" hint."""
        ids = [p.id for p in self.provisions]
        same_article = [i for i in ids if i.split("(", 1)[0] == provision_id.split("(", 1)[0]]
        for pool in (same_article, ids):
            matches = difflib.get_close_matches(provision_id, pool, n=1, cutoff=0.6)
            if matches:
                return matches[0]
        return None


def _load(filename: str) -> Registry:
    text = resources.files("opsc.data").joinpath(filename).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    nodes = tuple(
        Provision(id=str(pid), title=str(title), parent=parent_of(str(pid)))
        for pid, title in data["provisions"].items()
    )
    known = {n.id for n in nodes}
    for node in nodes:
        if node.parent is not None and node.parent not in known:
            raise ValueError(f"{filename}: {node.id} has no parent {node.parent}")
    return Registry(
        instrument=data["instrument"], name=" ".join(data["name"].split()), provisions=nodes
    )


@cache
def opsc() -> Registry:
    """The OPSC registry."""
    return _load("opsc.yaml")


@cache
def crc() -> Registry:
    """The CRC registry (articles only)."""
    return _load("crc.yaml")


def registry_for(instrument: str) -> Registry:
    """The registry of an instrument name, "OPSC" or "CRC"."""
    return crc() if instrument == "CRC" else opsc()

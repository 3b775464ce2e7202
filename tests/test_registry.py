"""The OPSC and CRC registries, counted against the treaty text."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

from opsc import registry

PARAGRAPHS = {
    "3": 5,
    "4": 4,
    "5": 5,
    "6": 2,
    "8": 6,
    "9": 5,
    "10": 4,
    "12": 3,
    "13": 2,
    "14": 2,
    "15": 2,
    "16": 3,
    "17": 2,
}


def test_89_nodes_17_articles_45_paragraphs() -> None:
    opsc = registry.opsc()
    assert len(opsc.provisions) == 89
    assert [a.id for a in opsc.articles()] == [str(n) for n in range(1, 18)]
    numbered = [p for p in opsc.provisions if p.depth == 1 and p.id.split("(")[1][0].isdigit()]
    assert len(numbered) == 45
    assert Counter(p.article for p in numbered) == PARAGRAPHS


def test_articles_without_numbered_paragraphs() -> None:
    opsc = registry.opsc()
    for article, letters in {"1": "", "2": "abc", "7": "abc", "11": "ab"}.items():
        children = [c.id for c in opsc.children(article)]
        assert children == [f"{article}({x})" for x in letters]
    assert "2(1)(a)" not in opsc and "7(1)" not in opsc


def test_sub_paragraphs_and_items() -> None:
    opsc = registry.opsc()
    expected = {
        "3(1)": ["3(1)(a)", "3(1)(b)", "3(1)(c)"],
        "3(1)(a)": ["3(1)(a)(i)", "3(1)(a)(ii)"],
        "3(1)(a)(i)": ["3(1)(a)(i)(a)", "3(1)(a)(i)(b)", "3(1)(a)(i)(c)"],
        "4(2)": ["4(2)(a)", "4(2)(b)"],
        "7(a)": ["7(a)(i)", "7(a)(ii)"],
        "8(1)": [f"8(1)({x})" for x in "abcdefg"],
    }
    for parent, children in expected.items():
        assert [c.id for c in opsc.children(parent)] == children


def test_every_parent_exists_and_titles_are_set() -> None:
    opsc = registry.opsc()
    for node in opsc.provisions:
        assert node.title.strip()
        assert node.parent is None or node.parent in opsc


def test_crc_has_54_articles() -> None:
    crc = registry.crc()
    assert [a.id for a in crc.articles()] == [str(n) for n in range(1, 55)]
    assert crc.get("34").title


def test_suggest() -> None:
    assert registry.opsc().suggest("3(1)(d)") == "3(1)(c)"


def test_provisions_command_json_shape() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "opsc.cli", "provisions", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert data["instrument"] == "OPSC"
    assert len(data["provisions"]) == 89
    assert data["provisions"][0] == {
        "id": "1",
        "title": data["provisions"][0]["title"],
        "parent": None,
    }
    node = next(p for p in data["provisions"] if p["id"] == "3(1)(a)(i)(b)")
    assert node["parent"] == "3(1)(a)(i)" and set(node) == {"id", "title", "parent"}


def test_provisions_command_text() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "opsc.cli", "provisions"], capture_output=True, text=True, check=True
    ).stdout
    assert len(out.strip().splitlines()) == 89
    assert "3(1)(a)(i)(b)" in out

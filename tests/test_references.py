"""Finding treaty references: every form of the content contract, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsc import registry
from opsc.references import canonical_id, find_references, parse_provision_list


def ids(text: str) -> list[tuple[str, str]]:
    return [(r.instrument, r.id) for r in find_references(text) if not r.implied]


@pytest.mark.parametrize(
    "text",
    [
        "OPSC art. 3(1)(a)",
        "OPSC article 3(1)(a)",
        "art. 3(1)(a) OPSC",
        "article 3(1)(a) of the OPSC",
        "article 3 (1) (a) of the Optional Protocol",
        "article 3, paragraph 1 (a), of the Protocol",
        "Article 3(1)(a) of the present Protocol",
        "article 3(1)(a) of the Optional Protocol on the sale of children",
    ],
)
def test_every_single_form_names_3_1_a(text: str) -> None:
    assert ids(text) == [("OPSC", "3(1)(a)")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPSC arts. 4 and 5", ["4", "5"]),
        ("articles 8(1)(a), 8(1)(e) and 9(3) of the OPSC", ["8(1)(a)", "8(1)(e)", "9(3)"]),
        ("articles 4–7 of the Optional Protocol", ["4", "7"]),
        ("articles 4-7 of the Optional Protocol", ["4", "7"]),
        ("OPSC art. 3(1)(a)(i)a", ["3(1)(a)(i)(a)"]),
    ],
)
def test_lists_and_ranges(text: str, expected: list[str]) -> None:
    assert [i for _, i in ids(text)] == expected


def test_ranges_imply_the_articles_between() -> None:
    found = find_references("articles 4–7 of the Optional Protocol")
    assert [r.id for r in found] == ["4", "5", "6", "7"]
    assert [r.implied for r in found] == [False, True, True, False]


@pytest.mark.parametrize(
    "text",
    [
        "CRC art. 34",
        "article 34 of the CRC",
        "article 34 of the Convention",
        "article 34 of the Convention on the Rights of the Child",
    ],
)
def test_crc_forms(text: str) -> None:
    assert ids(text) == [("CRC", "34")]


@pytest.mark.parametrize(
    "text",
    [
        "article 188 of the Penal Code",
        "Art. 7 of Law 1098",
        "article 3 of the Convention on Cybercrime",
        "article 3 of the Protocol to Prevent, Suppress and Punish Trafficking in Persons",
        "article 2 of the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict",
        "the party started in 2003",
        "`OPSC art. 3`",
        "```\nOPSC art. 3\n```",
    ],
)
def test_national_law_other_treaties_and_code_are_left_alone(text: str) -> None:
    assert ids(text) == []


def test_positions_are_exact() -> None:
    text = "Intro line.\nThe law follows OPSC art. 9(3) and\narticle 34 of the CRC."
    found = find_references(text)
    assert [(r.id, r.line, r.column) for r in found] == [("9(3)", 2, 27), ("34", 3, 9)]


def test_canonical_forms() -> None:
    assert canonical_id("3 (1) (a)") == "3(1)(a)"
    assert canonical_id("3, paragraph 1 (a) (i)") == "3(1)(a)(i)"
    assert canonical_id("3(1)(a)(i)b") == "3(1)(a)(i)(b)"


def test_provision_list_columns() -> None:
    items = parse_provision_list("2(a), art. 3(1)(a)(i)a; foo", 13)
    assert [(i.id, i.column) for i in items] == [("2(a)", 13), ("3(1)(a)(i)(a)", 24), (None, 37)]


def _spaced(pid: str) -> str:
    return pid.replace(")(", ") (").replace("(", " (", 1) if "(" in pid else pid


def _un_style(pid: str) -> str | None:
    article, _, rest = pid.partition("(")
    if not rest or not rest[0].isdigit():
        return None
    paragraph, _, tail = rest.partition(")")
    steps = tail.replace(")(", ") (")
    return (
        f"article {article}, paragraph {paragraph}{' ' + steps if steps else ''}, of the Protocol"
    )


FORMS = [
    lambda p: f"OPSC art. {p}",
    lambda p: f"article {p} of the OPSC",
    lambda p: f"art. {p} OPSC",
    lambda p: f"article {_spaced(p)} of the Optional Protocol",
    _un_style,
]
prose = st.text(
    alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Zs"), max_codepoint=0x24F),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from([p.id for p in registry.opsc().provisions]),
    st.sampled_from(FORMS),
    prose,
    prose,
)
def test_any_registry_id_in_any_form_parses_back(pid: str, form, before: str, after: str) -> None:
    written = form(pid)
    if written is None:
        return
    text = f"{before} {written}. {after}"
    found = [r for r in find_references(text) if not r.implied]
    assert [r.id for r in found] == [pid]
    ref = found[0]
    assert text[ref.start : ref.end] == ref.written
    assert ref.column == ref.start + 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes_and_positions_point_at_ids(text: str) -> None:
    for ref in find_references(text):
        assert text[ref.start : ref.end] == ref.written
        assert ref.written[:1].isdigit()
    parse_provision_list(text, 1)

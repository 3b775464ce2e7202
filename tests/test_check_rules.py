"""Every rule of the checker on small fixtures, and golden files for the text output.

Golden files live in tests/golden/<case>/ (input files and expected.txt). Regenerate them
on purpose with OPSC_REGENERATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.sitebuild import opsc

GOLDEN = Path(__file__).parent / "golden"
FRONT = """---
country: Colombia
iso3: COL
signed: 2000-09-06
ratified: 2003-11-11
last_reviewed: 2026-06-01
status: draft
---
"""
AREA = """
## Definitions {#definitions}

Provisions: 2(a), 2(b), 2(c)
Rating: partial

### National law

Text.

### Legal reform

Text.

### Compliance

Text.
"""


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "p"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "country_reports").mkdir(parents=True, exist_ok=True)
    (root / "guide").mkdir(exist_ok=True)
    return root


def findings(tmp_path: Path, files: dict[str, str]) -> list[str]:
    root = project(tmp_path, files)
    result = opsc(root, "check")
    assert "Traceback" not in result.stderr
    return [line for line in result.stdout.splitlines() if "[missing-area]" not in line]


CASES = {
    "front-matter": (
        FRONT.replace("status: draft", "status: publishd") + "# Colombia\n" + AREA,
        "country_reports/r.md:7:9: error: unknown status 'publishd' [front-matter] (did you mean 'published'?)",
    ),
    "front-matter-missing-key": (
        FRONT.replace("last_reviewed: 2026-06-01\n", "") + "# Colombia\n" + AREA,
        "country_reports/r.md:1:1: error: front matter has no 'last_reviewed' [front-matter] (add a line 'last_reviewed: …' between the --- lines)",
    ),
    "unknown-country": (
        FRONT.replace("iso3: COL", "iso3: ARG") + "# Colombia\n" + AREA,
        "country_reports/r.md:3:7: error: iso3 ARG is Argentina, but country is Colombia [unknown-country] (did you mean COL?)",
    ),
    "unknown-country-code": (
        FRONT.replace("iso3: COL", "iso3: XYZ") + "# Colombia\n" + AREA,
        "country_reports/r.md:3:7: error: 'XYZ' is not an ISO 3166-1 alpha-3 code [unknown-country] (did you mean COL?)",
    ),
    "date-order": (
        FRONT.replace("ratified: 2003-11-11", "ratified: 1999-11-11") + "# Colombia\n" + AREA,
        "country_reports/r.md:5:11: error: ratified 1999-11-11 is before the OPSC was adopted (2000-05-25) [date-order]",
    ),
    "unknown-provision": (
        FRONT + "# Colombia\n\nSee OPSC art. 3(1)(d).\n" + AREA,
        "country_reports/r.md:11:15: error: unknown OPSC provision 3(1)(d) [unknown-provision] (did you mean 3(1)(c)?)",
    ),
    "unknown-area": (
        FRONT + "# Colombia\n" + AREA + "\n## Jurisdicton\n",
        "country_reports/r.md:28:4: error: unknown subject area 'jurisdicton' [unknown-area] (did you mean jurisdiction?)",
    ),
    "duplicate-area": (
        FRONT + "# Colombia\n" + AREA + AREA,
        "country_reports/r.md:28:1: error: subject area 'definitions' appears twice (first on line 11) [duplicate-area] (merge the two sections into one)",
    ),
    "missing-subsection": (
        FRONT + "# Colombia\n" + AREA.split("### Compliance")[0],
        "country_reports/r.md:11:1: error: area 'definitions' has no '### Compliance' sub-section [missing-subsection] (add '### Compliance' (write 'Not assessed.' if there is nothing yet))",
    ),
    "invalid-rating": (
        FRONT + "# Colombia\n" + AREA.replace("Rating: partial", "Rating: partal"),
        "country_reports/r.md:14:9: error: unknown rating 'partal' [invalid-rating] (did you mean partial?)",
    ),
    "missing-provisions": (
        FRONT + "# Colombia\n" + AREA.replace("Provisions: 2(a), 2(b), 2(c)\n", ""),
        "country_reports/r.md:11:1: error: area 'definitions' has no 'Provisions:' line [missing-provisions] (add a line such as 'Provisions: 1, 2' under the heading)",
    ),
    "broken-link": (
        FRONT + "# Colombia\n\nSee [the area](#jurisdiction).\n" + AREA,
        "country_reports/r.md:11:16: error: anchor #jurisdiction not found in this file [broken-link] (did you mean #definitions?)",
    ),
    "unsafe-content": (
        FRONT + "# Colombia\n\n<script>alert(1)</script>\n" + AREA,
        "country_reports/r.md:11:1: error: raw HTML <script> is not allowed [unsafe-content] (remove the tag; write the content in Markdown)",
    ),
    "symbol-country-mismatch": (
        FRONT + "# Colombia\n\nSee CRC/C/OPSC/ARG/CO/1.\n" + AREA,
        "country_reports/r.md:11:16: warning: document symbol CRC/C/OPSC/ARG… names ARG, but this report is about COL [symbol-country-mismatch] (check the symbol; this report's symbols read CRC/C/OPSC/COL/…)",
    ),
    "stale-review": (
        FRONT.replace("last_reviewed: 2026-06-01", "last_reviewed: 2024-06-01")
        + "# Colombia\n"
        + AREA,
        "country_reports/r.md:6:16: warning: last reviewed 2024-06-01, 905 days ago (more than 365) [stale-review] (verify the report against primary sources and update last_reviewed)",
    ),
    "missing-alt-text": (
        FRONT + "# Colombia\n\n![](map.png)\n" + AREA,
        "country_reports/r.md:11:5: warning: image map.png has no alt text [missing-alt-text] (describe the image between the brackets: ![what it shows](file.png))",
    ),
    "terminology": (
        FRONT + "# Colombia\n\nA child prostitute is a victim.\n" + AREA,
        "country_reports/r.md:11:3: warning: 'child prostitute' is a term the Luxembourg Terminology Guidelines advise against [terminology] (write 'child exploited in prostitution' instead, or quote the legal text)",
    ),
}


@pytest.mark.parametrize("rule", list(CASES))
def test_rule(tmp_path: Path, rule: str) -> None:
    text, expected = CASES[rule]
    files = {"country_reports/r.md": text}
    if rule == "missing-alt-text":
        files["country_reports/map.png"] = "x"
    assert expected in findings(tmp_path, files)


def test_missing_area_is_a_warning_per_area(tmp_path: Path) -> None:
    root = project(tmp_path, {"country_reports/r.md": FRONT + "# Colombia\n" + AREA})
    result = opsc(root, "check")
    missing = [line for line in result.stdout.splitlines() if "[missing-area]" in line]
    assert len(missing) == 17
    assert missing[0].startswith(
        "country_reports/r.md:9:1: warning: subject area 'sale-of-children'"
    )
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ('The report quotes "child prostitutes" from a 1990 law.', False),
        ("The OPSC defines child pornography in article 2.", False),
        ("Police seized child pornography.", True),
        ("> A child prostitute, said the judge.", False),
    ],
)
def test_terminology_contexts(tmp_path: Path, text: str, warned: bool) -> None:
    lines = findings(tmp_path, {"country_reports/r.md": FRONT + f"# Colombia\n\n{text}\n" + AREA})
    assert any("[terminology]" in line for line in lines) is warned


def _golden_cases() -> list[Path]:
    return sorted(p for p in GOLDEN.iterdir() if p.is_dir()) if GOLDEN.is_dir() else []


@pytest.mark.parametrize("case", _golden_cases(), ids=lambda p: p.name)
def test_golden_text_output(tmp_path: Path, case: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(case / "project", root)
    result = opsc(root, "check")
    expected = case / "expected.txt"
    actual = result.stdout + f"exit {result.returncode}\n"
    if os.environ.get("OPSC_REGENERATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")

"""Malformed and hostile inputs: the right diagnostic, no traceback, bounded time and memory."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.hostile import CASES, Case
from tests.sitebuild import opsc

MEMORY_LIMIT = 3 * 1024**3  # a runaway parser hits this instead of the machine


def run_opsc(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return opsc(project, *args, timeout=120, memory=MEMORY_LIMIT)


def make(tmp_path: Path, case: Case) -> Path:
    project = tmp_path / "project"
    (project / "country_reports").mkdir(parents=True)
    (project / "guide").mkdir()
    case.write(project)
    return project


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_reports_hostile_input(tmp_path: Path, case: Case) -> None:
    project = make(tmp_path, case)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and not p.is_symlink()}
    result = run_opsc(project, "check", "--format", "json")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode in (0, 1), result.stderr
    found = {(d["rule"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]}
    for expected in case.expected:
        assert expected in found, sorted(found)
    if case.renders:
        errors = [d for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"]
        assert errors == []
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and not p.is_symlink()}
    assert after == before
    assert not (project / "pwned").exists()


def test_case_count() -> None:
    assert len(CASES) >= 25


@pytest.mark.slow
def test_build_renders_the_odd_but_valid_cases(tmp_path: Path) -> None:
    """Everything that checks clean also builds: site, PDF and DOCX, in bounded time and memory."""
    project = tmp_path / "project"
    (project / "country_reports").mkdir(parents=True)
    (project / "guide").mkdir()
    renders = [c for c in CASES if c.renders]
    for index, case in enumerate(renders):
        for relative, content in case.files.items():
            # one report per country: give each case its own ISO code and name
            text = content.decode() if isinstance(content, bytes) else content
            code, name = CODES[index]
            text = text.replace("iso3: ARG", f"iso3: {code}").replace(
                "country: Argentina", f"country: {name}"
            )
            (project / relative).write_text(text, encoding="utf-8")
    result = run_opsc(project, "build", "--jobs", "2")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    site = project / "site"
    for case in renders:
        slug = Path(next(iter(case.files))).stem
        assert (site / "reports" / slug / "index.html").is_file()
        assert (site / "downloads/pdf" / f"{slug}.pdf").stat().st_size > 0
        assert (site / "downloads/docx" / f"{slug}.docx").stat().st_size > 0
    page = (site / "reports/rtl/index.html").read_text(encoding="utf-8")
    assert "نص عربي" in page and "👩‍👩‍👧" in page


CODES = [
    ("AUT", "Austria"),
    ("BEL", "Belgium"),
    ("CHL", "Chile"),
    ("DNK", "Denmark"),
    ("EST", "Estonia"),
    ("FIN", "Finland"),
    ("GHA", "Ghana"),
    ("HND", "Honduras"),
    ("IRL", "Ireland"),
    ("JAM", "Jamaica"),
    ("KEN", "Kenya"),
    ("LVA", "Latvia"),
]

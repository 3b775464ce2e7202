"""Malformed and hostile inputs: the right diagnostic, no traceback, bounded time and memory."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import CASES, Case

MEMORY_LIMIT = 3 * 1024**3  # a runaway parser hits this instead of the machine


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_opsc(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPSC_TODAY": "2026-11-23"}
    return subprocess.run(
        [sys.executable, "-m", "opsc.cli", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )


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

"""The build engine's guarantees on the site: atomic swap, failures and interruptions."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sitebuild import TODAY, copy_corpus, opsc

pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def sources(project: Path) -> dict[str, str]:
    return {
        **snapshot(project / "country_reports"),
        **snapshot(project / "guide"),
        **{"docs/" + k: v for k, v in snapshot(project / "docs").items()},
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_corpus(tmp_path / "project")
    result = opsc(project, "build", "--only", "site")
    assert result.returncode == 0, result.stderr
    return project


def test_a_failed_build_leaves_the_previous_site(project: Path) -> None:
    before = snapshot(project / "site")
    (project / "country_reports/benin.md").write_text(
        (project / "country_reports/benin.md").read_text() + "\nA new sentence.\n"
    )
    (project / "mkdocs.yml").write_text("site_name: [unclosed\n")
    result = opsc(project, "build", "--only", "site")
    assert result.returncode == 2
    assert "mkdocs.yml" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]


def test_build_never_modifies_sources(project: Path) -> None:
    before = sources(project)
    result = opsc(project, "build", "--only", "site")
    assert result.returncode == 0
    assert sources(project) == before


def test_unchanged_rebuild_reuses_the_site(project: Path) -> None:
    result = opsc(project, "build", "--only", "site")
    assert result.returncode == 0
    assert "site   rebuilt    0, reused    1" in result.stderr


def test_an_interrupted_build_leaves_a_whole_site(project: Path) -> None:
    """Ctrl-C at any moment: site/ is the old one or the new one, never a mix."""
    old = snapshot(project / "site")
    report = project / "country_reports/benin.md"
    report.write_text(report.read_text() + "\nAn edit that changes the page.\n")
    env = {**os.environ, "OPSC_TODAY": TODAY}
    outcomes = set()
    for delay in (0.2, 0.5, 0.8, 1.2):
        process = subprocess.Popen(
            [sys.executable, "-m", "opsc.cli", "build", "--only", "site"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=120)
        now = snapshot(project / "site")
        if now == old:
            outcomes.add("old")
        else:
            page = (project / "site/reports/benin/index.html").read_text()
            assert "An edit that changes the page." in page
            outcomes.add("new")
            old = now
        assert not [p for p in project.iterdir() if p.name.startswith(".site.")]
    assert outcomes

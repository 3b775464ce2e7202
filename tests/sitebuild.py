"""Helpers shared by the site and browser tests: copy the fixture corpus and build it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "corpus"
TODAY = "2026-11-23"


def copy_corpus(target: Path) -> Path:
    """A fresh copy of the fixture project in ``target``."""
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("site", ".opsc-cache"))
    return target


def opsc(project: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the real ``opsc`` command in ``project``."""
    env = {**os.environ, "OPSC_TODAY": TODAY}
    return subprocess.run(
        [sys.executable, "-m", "opsc.cli", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=600,
    )

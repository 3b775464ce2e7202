"""Helpers shared by the site and browser tests: copy the fixture corpus and build it."""

from __future__ import annotations

import base64
import os
import resource
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


def opsc(
    project: Path, *args: str, check: bool = False, timeout: float = 600, memory: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``opsc`` command in ``project``, optionally capped to ``memory`` bytes."""
    env = {**os.environ, "OPSC_TODAY": TODAY}

    def cap() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "opsc.cli", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=timeout,
        preexec_fn=cap,
    )


def tiny_png() -> bytes:
    """A valid 1×1 PNG image."""
    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
    )

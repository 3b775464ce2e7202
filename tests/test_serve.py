"""``opsc serve``: the live preview rebuilds on edits, reloads pages and shows errors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.sitebuild import TODAY, copy_corpus

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, deadline: float) -> str:
    while time.monotonic() < deadline:
        try:
            return get(url)
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


def test_preview_reloads_and_shows_errors(tmp_path: Path) -> None:
    project = copy_corpus(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "OPSC_TODAY": TODAY}
    server = subprocess.Popen(
        [sys.executable, "-m", "opsc.cli", "serve", "--port", str(port)],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        page = wait_for(base + "reports/benin/index.html", time.monotonic() + 60)
        assert "__opsc_reload" in page  # the reload script is injected
        version = int(page.split("var seen = ", 1)[1].split(";", 1)[0])

        report = project / "country_reports/benin.md"
        report.write_text(
            report.read_text().replace("A draft code is pending.", "A new code passed.")
        )
        assert int(get(f"{base}__opsc_reload?v={version}", timeout=40)) > version
        assert "A new code passed." in get(base + "reports/benin/index.html")

        report.write_text(report.read_text().replace("Rating: not-compliant", "Rating: unsure"))
        deadline = time.monotonic() + 40
        while "unknown rating" not in (body := get(base)) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert "country_reports/benin.md:17:9" in body and "unknown rating" in body
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not (project / "site").exists()  # the preview never touches site/

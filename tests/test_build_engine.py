"""The full build: every output, incremental rebuilds, reproducible bytes, a Dask pool."""

from __future__ import annotations

import hashlib
import http.server
import re
import shutil
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from tests.sitebuild import copy_corpus, opsc

pytestmark = pytest.mark.slow

OUTPUTS = [
    "downloads/pdf/argentina.pdf",
    "downloads/pdf/benin.pdf",
    "downloads/pdf/guide.pdf",
    "downloads/pdf/compendium.pdf",
    "downloads/docx/argentina.docx",
    "downloads/docx/benin.docx",
    "downloads/docx/guide.docx",
    "downloads/epub/guide.epub",
    "downloads/epub/compendium.epub",
    "downloads/data/ratings.csv",
    "downloads/data/reports.json",
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def summary(stderr: str) -> dict[str, tuple[int, int]]:
    return {
        m.group(1): (int(m.group(2)), int(m.group(3)))
        for m in re.finditer(r"^\s+(\w+)\s+rebuilt\s+(\d+), reused\s+(\d+)", stderr, re.M)
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_corpus(tmp_path_factory.mktemp("engine") / "project")
    result = opsc(project, "build", "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_every_output_is_built(built: Path) -> None:
    for output in OUTPUTS:
        assert (built / "site" / output).stat().st_size > 0, output


def test_every_download_link_of_every_page_resolves(built: Path) -> None:
    site = built / "site"
    for page in (site / "reports").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]+\.(?:pdf|docx|epub))"', html)
        assert len(links) >= 2, page
        for link in links:
            assert (page.parent / link).resolve().is_file(), (page, link)


def test_downloads_page_lists_sizes(built: Path) -> None:
    html = (built / "site/downloads/index.html").read_text(encoding="utf-8")
    assert "not built yet" not in html
    assert re.search(r"\d+ kB|\d+\.\d MB", html)


def test_one_report_edit_rebuilds_only_what_shows_it(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(built, project, symlinks=True)
    before = {o: digest(project / "site" / o) for o in OUTPUTS}
    report = project / "country_reports/benin.md"
    report.write_text(
        report.read_text().replace("A draft code is pending.", "A draft code passed.")
    )
    result = opsc(project, "build", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    counts = summary(result.stderr)
    assert counts["pdf"] == (2, 2)  # benin.pdf and the compendium; argentina and guide reused
    assert counts["docx"][0] >= 1 and counts["docx"][1] >= 2
    after = {o: digest(project / "site" / o) for o in OUTPUTS}
    assert after["downloads/pdf/argentina.pdf"] == before["downloads/pdf/argentina.pdf"]
    assert after["downloads/pdf/guide.pdf"] == before["downloads/pdf/guide.pdf"]
    assert after["downloads/pdf/benin.pdf"] != before["downloads/pdf/benin.pdf"]
    assert after["downloads/docx/benin.docx"] != before["downloads/docx/benin.docx"]


def test_two_builds_from_scratch_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = copy_corpus(tmp_path / "again")
    result = opsc(again, "build", "--only", "pdf,docx")
    assert result.returncode == 0, result.stderr
    for output in OUTPUTS:
        if output.endswith((".pdf", ".docx", ".epub")):
            assert digest(again / "site" / output) == digest(built / "site" / output), output


def test_a_dask_cluster_can_be_the_pool(tmp_path: Path) -> None:
    from distributed import LocalCluster

    project = copy_corpus(tmp_path / "dask")
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = opsc(project, "build", "--only", "pdf", "--scheduler", cluster.scheduler_address)
    assert result.returncode == 0, result.stderr
    assert (project / "site/downloads/pdf/benin.pdf").is_file()


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_nothing_is_fetched_from_the_network(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        project = copy_corpus(tmp_path / "net")
        report = project / "country_reports/benin.md"
        report.write_text(
            report.read_text().replace(
                "A draft code is pending.",
                f"A draft code is pending ([text]({url}/law.html), <{url}/auto>).",
            )
        )
        result = opsc(project, "build")
        assert result.returncode == 0, result.stderr
        # remote images are refused by the checker before anything renders
        report.write_text(report.read_text() + f"\n![A chart]({url}/chart.png)\n")
        assert opsc(project, "build").returncode == 1
        assert opsc(project, "check").returncode == 1
    finally:
        server.shutdown()
    assert _Recorder.requests == []

"""The opsc command through its real entry point: exit codes, formats, paths, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import FIXTURE, copy_corpus, opsc

OPSC = Path(os.environ.get("VIRTUAL_ENV", "")) / "bin" / "opsc"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_corpus(tmp_path / "project")


def break_rating(project: Path) -> None:
    path = project / "country_reports/benin.md"
    path.write_text(path.read_text().replace("Rating: not-compliant", "Rating: nope"))


def test_console_script_is_installed() -> None:
    import shutil

    script = shutil.which("opsc") or str(Path(__import__("sys").executable).with_name("opsc"))
    result = subprocess.run([script, "--help"], capture_output=True, text=True, check=True)
    assert "check" in result.stdout and "build" in result.stdout


def test_clean_content_exits_0_warnings_allowed(corpus: Path) -> None:
    result = opsc(corpus, "check")
    assert result.returncode == 0
    assert "warning" in result.stdout
    assert "4 files checked: 0 errors" in result.stderr


def test_strict_fails_on_warnings(corpus: Path) -> None:
    assert opsc(corpus, "check", "--strict").returncode == 1


def test_errors_exit_1_with_text_lines(corpus: Path) -> None:
    break_rating(corpus)
    result = opsc(corpus, "check")
    assert result.returncode == 1
    assert (
        "country_reports/benin.md:17:9: error: unknown rating 'nope' [invalid-rating] "
        "(use compliant, partial, not-compliant, unknown)"
    ) in result.stdout.splitlines()


def test_json_format(corpus: Path) -> None:
    break_rating(corpus)
    result = opsc(corpus, "check", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"diagnostics", "summary"}
    assert data["summary"] == {"files": 4, "errors": 1, "warnings": data["summary"]["warnings"]}
    error = next(d for d in data["diagnostics"] if d["severity"] == "error")
    assert error == {
        "path": "country_reports/benin.md",
        "line": 17,
        "column": 9,
        "severity": "error",
        "rule": "invalid-rating",
        "message": "unknown rating 'nope'",
        "hint": "use compliant, partial, not-compliant, unknown",
    }


def test_github_format(corpus: Path) -> None:
    break_rating(corpus)
    result = opsc(corpus, "check", "--format", "github")
    assert (
        "::error file=country_reports/benin.md,line=17,col=9,title=invalid-rating::"
        "unknown rating 'nope' (use compliant, partial, not-compliant, unknown)"
    ) in result.stdout


def test_paths_are_reported_as_given(corpus: Path) -> None:
    break_rating(corpus)
    relative = opsc(corpus, "check", "country_reports/benin.md", "--format", "json")
    assert json.loads(relative.stdout)["diagnostics"][0]["path"] == "country_reports/benin.md"
    absolute = corpus / "country_reports" / "benin.md"
    result = opsc(corpus, "check", str(absolute), "--format", "json")
    paths = {d["path"] for d in json.loads(result.stdout)["diagnostics"]}
    assert paths == {str(absolute)}
    folder = opsc(corpus, "check", "country_reports", "--format", "json")
    assert "country_reports/benin.md" in {
        d["path"] for d in json.loads(folder.stdout)["diagnostics"]
    }


def test_usage_errors_exit_2(corpus: Path) -> None:
    missing = opsc(corpus, "check", "nowhere/")
    assert missing.returncode == 2 and "nowhere/: no such file or folder" in missing.stderr
    assert opsc(corpus, "check", "--format", "xml").returncode == 2
    assert opsc(corpus, "build", "--only", "posters").returncode == 2
    assert opsc(corpus, "frobnicate").returncode == 2


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\x02binary",
        "café".encode("latin-1"),
        b"---\na: &x [1]\nb: *x\n---\n",
        b"---\na: !!python/object/apply:os.system [echo]\n---\n",
    ],
)
def test_no_traceback_for_bad_content(corpus: Path, content: bytes) -> None:
    (corpus / "country_reports" / "bad.md").write_bytes(content)
    result = opsc(corpus, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "country_reports/bad.md:" in result.stdout


def test_bad_config_is_a_tool_error(corpus: Path) -> None:
    (corpus / "opsc.yml").write_text("stale_after_days: soon\n")
    result = opsc(corpus, "check")
    assert result.returncode == 2
    assert "opsc.yml: 'stale_after_days' must be int" in result.stderr
    assert "Traceback" not in result.stderr


def test_stale_after_days_is_configurable(corpus: Path) -> None:
    (corpus / "opsc.yml").write_text("stale_after_days: 30\n")
    result = opsc(corpus, "check")
    assert "[stale-review]" in result.stdout


def test_fixture_is_untouched() -> None:
    assert (FIXTURE / "country_reports" / "benin.md").read_text().count(
        "Rating: not-compliant"
    ) == 1

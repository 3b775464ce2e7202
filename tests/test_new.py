"""``opsc new``: a report skeleton that checks clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opsc.catalogue import areas
from tests.sitebuild import opsc


@pytest.mark.parametrize("country", ["Côte d'Ivoire", "CIV", "civ", "CI"])
def test_new_writes_a_skeleton_that_checks_clean(tmp_path: Path, country: str) -> None:
    result = opsc(tmp_path, "new", country)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "country_reports" / "cote-d-ivoire.md"
    text = path.read_text(encoding="utf-8")
    assert "country: Côte d'Ivoire" in text and "iso3: CIV" in text
    for area in areas():
        assert f"{{#{area.id}}}" in text
    check = opsc(tmp_path, "check", "country_reports/", "--format", "json")
    assert check.returncode == 0, check.stdout
    assert json.loads(check.stdout)["summary"]["errors"] == 0


def test_unknown_country_suggests(tmp_path: Path) -> None:
    result = opsc(tmp_path, "new", "Argentinia")
    assert result.returncode == 2
    assert "did you mean Argentina?" in result.stderr


def test_existing_report_is_not_overwritten(tmp_path: Path) -> None:
    assert opsc(tmp_path, "new", "ARG").returncode == 0
    path = tmp_path / "country_reports" / "argentina.md"
    path.write_text("edited", encoding="utf-8")
    again = opsc(tmp_path, "new", "Argentina")
    assert again.returncode == 2 and "exists already" in again.stderr
    assert path.read_text(encoding="utf-8") == "edited"

"""Project settings: an optional ``opsc.yml`` at the project root, validated once."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from opsc.errors import ConfigError

__all__ = ["ConfigError", "Settings", "load_settings"]


@dataclass(frozen=True)
class Settings:
    """What a content repository may configure.

    Every key is optional; ``opsc.yml`` holds a mapping of these names.
    """

    #: Reports whose ``last_reviewed`` is older than this many days are stale.
    stale_after_days: int = 365
    #: Folder of the country reports, relative to the project root.
    reports_dir: str = "country_reports"
    #: Folder of the guide chapters.
    guide_dir: str = "guide"
    #: Folder of the site's own pages.
    docs_dir: str = "docs"
    #: Where ``opsc build`` writes the outputs.
    site_dir: str = "site"
    #: Page size of PDFs: A4 or Letter.
    paper: str = "A4"
    #: Name of the publication, shown on the site, PDF covers and running headers.
    title: str = "OPSC Legal Reform Tracker"
    #: Who publishes it (PDF and DOCX author metadata).
    publisher: str = "opsc contributors"


def load_settings(root: Path) -> Settings:
    """The settings of the project at ``root``, defaults where ``opsc.yml`` is silent."""
    path = root / "opsc.yml"
    if not path.is_file():
        return Settings()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"opsc.yml: cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError("opsc.yml: must be a mapping of setting names to values")
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"opsc.yml: unknown setting '{key}' (known: {', '.join(known)})")
        expected = int if known[key].type == "int" else str
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ConfigError(f"opsc.yml: '{key}' must be {expected.__name__}, not {value!r}")
        values[key] = value
    settings = Settings(**values)  # type: ignore[arg-type]
    if settings.paper not in {"A4", "Letter"}:
        raise ConfigError(f"opsc.yml: 'paper' must be A4 or Letter, not {settings.paper!r}")
    if settings.stale_after_days < 1:
        raise ConfigError("opsc.yml: 'stale_after_days' must be at least 1")
    return settings

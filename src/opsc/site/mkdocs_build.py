"""Building a generated docs tree with MkDocs through its Python API."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


class SiteBuildError(Exception):
    """MkDocs failed to build the generated tree."""


class _Collector(logging.Handler):
    """Collects MkDocs warnings so the build can report them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path, *, dirty: bool = False) -> list[str]:
    """Build the tree described by ``config_file`` into ``site_dir``; return MkDocs warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _Collector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        build(config, dirty=dirty)
    except MkDocsException as exc:
        raise SiteBuildError(str(exc)) from exc
    finally:
        mkdocs_log.removeHandler(collector)
    for message in collector.messages:
        log.debug("mkdocs: %s", message)
    return collector.messages

"""The build cache: rendered files stored by key, and the staging site tree."""

from __future__ import annotations

import shutil
from pathlib import Path

CACHE_DIR = ".opsc-cache"


class ArtifactCache:
    """Rendered outputs under ``.opsc-cache/artifacts/<key>/<file name>``."""

    def __init__(self, root: Path) -> None:
        self.base = root / CACHE_DIR / "artifacts"

    def path(self, key: str, output: str) -> Path:
        """Where the artifact of ``key`` lives (whether or not it exists yet)."""
        return self.base / key / Path(output).name

    def has(self, key: str, output: str) -> bool:
        return self.path(key, output).is_file()

    def prune(self, keep: set[str]) -> None:
        """Delete artifacts whose key is not in ``keep``."""
        if not self.base.is_dir():
            return
        for entry in self.base.iterdir():
            if entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)


def staging_dir(root: Path) -> Path:
    """The generated docs tree and its MkDocs output."""
    return root / CACHE_DIR / "site-tree"

"""Assembling a complete site folder and swapping it in atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link ``source`` to ``target`` (same file system), else copy it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def copy_tree(source: Path, target: Path) -> None:
    """Mirror a folder into ``target`` with hard links where possible."""
    for path in sorted(source.rglob("*")):
        if path.is_file() and not path.is_symlink():
            link_or_copy(path, target / path.relative_to(source))


def new_site_dir(site: Path) -> Path:
    """An empty folder beside ``site`` to assemble the next site in."""
    site.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))


def swap_in(new: Path, site: Path) -> None:
    """Replace ``site`` by ``new``: two renames, the old tree removed afterwards."""
    old = site.with_name(f".{site.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    try:
        new.rename(site)
    except OSError:
        if old.exists():
            old.rename(site)
        raise
    shutil.rmtree(old, ignore_errors=True)


def recover(site: Path) -> None:
    """Undo a swap interrupted between its two renames, and remove stale folders."""
    old = site.with_name(f".{site.name}.old")
    if not site.exists() and old.exists():
        old.rename(site)
    for leftover in site.parent.glob(f".{site.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)

"""Running the pandoc binary that ships with pypandoc-binary: sandboxed, reproducible."""

from __future__ import annotations

import json
import os
import subprocess
from functools import cache
from pathlib import Path


class PandocError(RuntimeError):
    """pandoc failed; the message holds what it printed."""


@cache
def pandoc_path() -> str:
    """The bundled pandoc binary (never a system one)."""
    import pypandoc

    return pypandoc.get_pandoc_path()


def run(args: list[str], text: str | None = None, *, resource_root: Path) -> bytes:
    """Run pandoc with ``--sandbox`` and resources limited to the project."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    if "SOURCE_DATE_EPOCH" in os.environ:
        env["SOURCE_DATE_EPOCH"] = os.environ["SOURCE_DATE_EPOCH"]
    command = [pandoc_path(), "--sandbox", f"--resource-path={resource_root}", *args]
    result = subprocess.run(
        command,
        input=text.encode("utf-8") if text is not None else None,
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise PandocError(result.stderr.decode("utf-8", "replace").strip())
    return result.stdout


def markdown_to_ast(text: str, resource_root: Path) -> dict:
    """Pandoc's JSON AST of a Markdown text."""
    out = run(
        ["--from=markdown-raw_html-raw_attribute", "--to=json"], text, resource_root=resource_root
    )
    return json.loads(out)


def ast_to_file(ast: dict, fmt: str, out: Path, extra: list[str], resource_root: Path) -> None:
    """Write the AST as ``fmt`` (docx, epub3) to ``out``, atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    run(
        ["--from=json", f"--to={fmt}", f"--output={tmp}", *extra],
        json.dumps(ast),
        resource_root=resource_root,
    )
    tmp.replace(out)

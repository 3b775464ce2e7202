"""``opsc new``: a report skeleton with every catalogue area."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from opsc import countries
from opsc.catalogue import SUBSECTIONS, areas
from opsc.errors import UsageError
from opsc.project import Project, today


def write_skeleton(project: Project, name_or_code: str, *, force: bool = False) -> Path:
    """Write ``country_reports/<slug>.md`` for a country and return its path."""
    country = countries.lookup(name_or_code)
    if country is None:
        suggestion = countries.suggest_name(name_or_code)
        hint = f" (did you mean {suggestion}?)" if suggestion else ""
        raise UsageError(f"unknown country '{name_or_code}'{hint}")
    path = project.reports_dir / f"{country.slug}.md"
    if path.exists() and not force:
        raise UsageError(
            f"{path.relative_to(project.root).as_posix()} exists already (use --force to overwrite)"
        )
    env = Environment(
        loader=PackageLoader("opsc", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML
    )
    text = env.get_template("skeleton.md.j2").render(
        country=country,
        today=today().isoformat(),
        areas=areas(),
        subsections=[title for _, title in SUBSECTIONS],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path

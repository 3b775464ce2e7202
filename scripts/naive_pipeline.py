#!/usr/bin/env python3
"""The naive pipeline the benchmark compares against: what a user would write by hand.

python-markdown -> WeasyPrint, one report after the other; pandoc per report; then a
plain mkdocs-material build of the reports as pages. No checks, no cache, no pool.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import markdown
import pypandoc
import weasyprint
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config


def strip_front_matter(text: str) -> str:
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def main(project: Path) -> None:
    out = Path(tempfile.mkdtemp(prefix="naive-"))
    docs = out / "docs"
    (docs / "reports").mkdir(parents=True)
    (docs / "index.md").write_text("# Reports\n")
    for report in sorted((project / "country_reports").glob("*.md")):
        body = strip_front_matter(report.read_text(encoding="utf-8"))
        html = markdown.markdown(body, extensions=["extra"])
        page = f"<html><body>{html}</body></html>"
        weasyprint.HTML(string=page).write_pdf(out / f"{report.stem}.pdf")
        pypandoc.convert_text(
            body, "docx", format="markdown", outputfile=str(out / f"{report.stem}.docx")
        )
        (docs / "reports" / report.name).write_text(body, encoding="utf-8")
    config = {
        "site_name": "naive",
        "docs_dir": str(docs),
        "site_dir": str(out / "site"),
        "theme": {"name": "material"},
        "plugins": ["search"],
        "markdown_extensions": ["footnotes", "tables", "attr_list"],
    }
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config))
    build(load_config(config_file=str(out / "mkdocs.yml")))


if __name__ == "__main__":
    main(Path(sys.argv[1]))

"""Generate the complete MkDocs docs tree from the model.

The tree holds the project's own ``docs/`` pages and generated pages for reports,
guide, provisions, comparison and downloads, with their assets and open data, plus a
``mkdocs.yml`` derived from the project's. Files whose content did not change keep
their modification time, so MkDocs can rebuild only what changed.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from opsc import layout, registry
from opsc.catalogue import areas as catalogue_areas
from opsc.citations import Citation, cited_by
from opsc.config import Settings
from opsc.html_render import prepare_markdown
from opsc.linker import link_references, provision_anchor
from opsc.links import Target, resolve
from opsc.model import Chapter, Corpus, Report
from opsc.references import Reference
from opsc.site import opendata, worldmap
from opsc.site.pages import (
    RATING_SHORT,
    RATING_SYMBOLS,
    REGION_ORDER,
    human_size,
    rating_label,
    rating_symbol,
    region_of,
    region_slug,
)


class SiteConfigError(Exception):
    """The project's mkdocs.yml cannot be used."""


@dataclass
class SiteInputs:
    """Everything the site is generated from."""

    corpus: Corpus
    settings: Settings
    root: Path
    today: dt.date
    download_sizes: dict[str, int] = field(default_factory=dict)


def _doc(page_url: str) -> str:
    """The docs-tree source of a site directory URL: ``reports/x/`` -> ``reports/x/index.md``."""
    path, _, fragment = page_url.partition("#")
    source = path + "index.md" if path.endswith("/") or not path else path
    return source + (f"#{fragment}" if fragment else "")


def _rel(from_doc: str, target: str) -> str:
    """A Markdown link from the docs file ``from_doc`` to ``target`` (a docs path or file)."""
    path, _, fragment = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_doc) or ".")
    return rel + (f"#{fragment}" if fragment else "")


def _href(from_doc: str, target: str) -> str:
    """An HTML href (raw HTML is not rewritten by MkDocs): ``.md`` pages become ``.html``."""
    rel = _rel(from_doc, target)
    path, sep, fragment = rel.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return path + sep + fragment


class TreeWriter:
    """Writes files into the staging tree, touching only those whose bytes changed."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.written: set[Path] = set()

    def write(self, relative: str, content: str | bytes) -> None:
        path = self.docs / relative
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.written.add(path)
        if path.is_file() and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)

    def copy(self, source: Path, relative: str) -> None:
        self.write(relative, source.read_bytes())

    def prune(self) -> None:
        """Remove files left from an earlier generation."""
        for path in sorted(self.docs.rglob("*"), reverse=True):
            if path.is_file() and path not in self.written:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


class Generator:
    """Generates the docs tree for one set of inputs."""

    def __init__(self, inputs: SiteInputs, writer: TreeWriter) -> None:
        self.inputs = inputs
        self.writer = writer
        self.env = Environment(
            loader=PackageLoader("opsc.site", "templates"),
            undefined=StrictUndefined,
            autoescape=True,
            keep_trailing_newline=True,
        )
        self.citations = cited_by(inputs.corpus)
        self.report_paths = {r.path.resolve(): r for r in inputs.corpus.reports}
        self.chapter_paths = {c.path.resolve(): c for c in inputs.corpus.chapters}
        self.docs_source = (inputs.root / inputs.settings.docs_dir).resolve()

    # -- links -------------------------------------------------------------------

    def provision_doc(self, provision_id: str, instrument: str = "OPSC") -> str:
        return _doc(layout.provision_url(provision_id, instrument))

    def href_for(self, from_doc: str) -> Callable[[Reference], str | None]:
        def href(ref: Reference) -> str | None:
            target = ref.id if ref.instrument == "OPSC" else ref.article
            return _rel(from_doc, self.provision_doc(target, ref.instrument))

        return href

    def rewrite_for(self, source: Path, from_doc: str) -> Callable[[str], str | None]:
        """Map a link written in ``source`` to the generated tree."""
        root = self.inputs.root

        def rewrite(destination: str) -> str | None:
            resolved = resolve(destination, source, root)
            if resolved.kind is not Target.LOCAL or resolved.path is None:
                return None
            target = resolved.path
            fragment = f"#{resolved.fragment}" if resolved.fragment else ""
            if target in self.report_paths:
                doc = _doc(layout.report_page(self.report_paths[target].slug))
            elif target in self.chapter_paths:
                doc = _doc(layout.chapter_page(self.chapter_paths[target].slug))
            elif target.is_relative_to(self.docs_source) and target.is_file():
                doc = target.relative_to(self.docs_source).as_posix()
            elif target.is_file():
                doc = "assets/content/" + target.relative_to(root.resolve()).as_posix()
                self.writer.copy(target, doc)
            else:
                return None
            return _rel(from_doc, doc) + fragment

        return rewrite

    def prepare(self, markdown: str, source: Path, from_doc: str) -> Markup:
        return Markup(
            prepare_markdown(
                markdown,
                href_for=self.href_for(from_doc),
                rewrite=self.rewrite_for(source, from_doc),
            )
        )

    # -- pages -------------------------------------------------------------------

    def render(self, template: str, relative: str, **values: object) -> None:
        self.writer.write(relative, self.env.get_template(template).render(**values))

    def report_page(self, report: Report) -> None:
        doc = _doc(layout.report_page(report.slug))
        present = {a.id for a in report.areas}
        area_values = []
        for area in report.areas:
            provisions = [
                {
                    "id": p,
                    "title": registry.opsc().get(p).title,  # type: ignore[union-attr]
                    "url": _href(doc, self.provision_doc(p)),
                }
                for p in area.provisions
            ]
            columns = [
                {
                    "key": key,
                    "title": title,
                    "markdown": self.prepare(body.markdown, report.path, doc)
                    if body is not None and not body.is_empty
                    else Markup("<p>Not assessed.</p>"),
                }
                for key, title, body in area.columns()
            ]
            area_values.append(
                {
                    "id": area.id,
                    "title": area.title,
                    "rating": area.rating,
                    "rating_label": rating_label(area.rating),
                    "symbol": rating_symbol(area.rating),
                    "provisions": provisions,
                    "columns": columns,
                }
            )
        footnotes = "\n\n".join(
            f"[^{note.label}]: "
            + self.prepare(note.body.markdown, report.path, doc).replace("\n", "\n    ")
            for note in report.footnotes
        )
        reviewed = report.meta.last_reviewed
        stale = bool(
            reviewed and (self.inputs.today - reviewed).days > self.inputs.settings.stale_after_days
        )
        self.render(
            "report.md.j2",
            doc,
            report=report,
            region=region_of(report.meta.iso3),
            intro=self.prepare(report.intro.markdown, report.path, doc),
            areas=area_values,
            missing=[a.title for a in catalogue_areas() if a.id not in present],
            footnotes=Markup(footnotes),
            stale=stale,
            stale_after_days=self.inputs.settings.stale_after_days,
            pdf_url=_rel(doc, layout.report_pdf(report.slug)),
            docx_url=_rel(doc, layout.report_docx(report.slug)),
        )

    def chapter_page(self, chapter: Chapter) -> None:
        doc = _doc(layout.chapter_page(chapter.slug))
        self.render(
            "chapter.md.j2",
            doc,
            chapter=chapter,
            content=self.prepare(chapter.content.markdown, chapter.path, doc),
            pdf_url=_rel(doc, layout.GUIDE_PDF),
            docx_url=_rel(doc, layout.GUIDE_DOCX),
        )

    def reports_index(self) -> None:
        doc = "reports/index.md"
        rows = [
            {
                "country": r.meta.country or r.title,
                "url": _href(doc, _doc(layout.report_page(r.slug))),
                "region": region_of(r.meta.iso3),
                "ratified": r.meta.ratified.isoformat() if r.meta.ratified else "",
                "reviewed": r.meta.last_reviewed.isoformat() if r.meta.last_reviewed else "",
                "status": r.meta.status,
            }
            for r in self.sorted_reports()
        ]
        self.render(
            "reports_index.md.j2",
            doc,
            rows=rows,
            compare_url=_rel(doc, _doc(layout.COMPARE_PAGE)),
        )

    def guide_index(self) -> None:
        doc = "guide/index.md"
        chapters = [
            {
                "title": c.title,
                "summary": c.summary,
                "url": _rel(doc, _doc(layout.chapter_page(c.slug))),
            }
            for c in self.inputs.corpus.chapters
        ]
        epub = layout.GUIDE_EPUB if layout.GUIDE_EPUB in self.inputs.download_sizes else None
        self.render(
            "guide_index.md.j2",
            doc,
            chapters=chapters,
            pdf_url=_rel(doc, layout.GUIDE_PDF),
            docx_url=_rel(doc, layout.GUIDE_DOCX),
            epub_url=_rel(doc, epub) if epub else None,
        )

    def _citation_values(self, doc: str, items: list[Citation]) -> tuple[list, list]:
        reports, chapters = [], []
        for c in items:
            page = layout.report_page(c.slug) if c.kind == "report" else layout.chapter_page(c.slug)
            url = _rel(doc, _doc(page)) + (f"#{c.anchor}" if c.anchor else "")
            value = {
                "document_title": c.document_title,
                "label": c.label,
                "url": url,
                "rating": c.rating,
                "rating_label": rating_label(c.rating),
                "symbol": rating_symbol(c.rating),
            }
            (reports if c.kind == "report" else chapters).append(value)
        reports.sort(key=lambda v: (v["document_title"], v["label"]))
        return reports, chapters

    def provision_pages(self) -> None:
        opsc = registry.opsc()
        index_rows = []
        for article in opsc.articles():
            doc = _doc(layout.article_page(article.id))
            nodes = []
            for node in opsc.descendants_and_self(article.id):
                reports, chapters = self._citation_values(doc, self.citations.get(node.id, []))
                nodes.append(
                    {
                        "id": node.id,
                        "title": node.title,
                        "depth": node.depth,
                        "anchor": provision_anchor(node.id),
                        "reports": reports,
                        "chapters": chapters,
                    }
                )
            head, rest = nodes[0], nodes[1:]
            self.render("article.md.j2", doc, article=head, nodes=rest)
            count = sum(len(n["reports"]) + len(n["chapters"]) for n in nodes)
            index_rows.append(
                {
                    "id": article.id,
                    "title": article.title,
                    "count": count,
                    "url": _rel("provisions/index.md", doc),
                }
            )
        self.render(
            "provisions_index.md.j2",
            "provisions/index.md",
            name=opsc.name,
            count=len(opsc.provisions),
            articles=index_rows,
            crc_url=_rel("provisions/index.md", _doc(layout.article_page("", "CRC"))),
        )
        crc = [
            {"id": a.id, "title": a.title, "anchor": f"crc-{a.id}"}
            for a in registry.crc().articles()
        ]
        self.render("crc.md.j2", _doc(layout.article_page("", "CRC")), articles=crc)

    def sorted_reports(self) -> list[Report]:
        return sorted(
            self.inputs.corpus.reports, key=lambda r: (r.meta.country or r.title).casefold()
        )

    def compare_page(self) -> None:
        doc = _doc(layout.COMPARE_PAGE)
        rows = []
        for report in self.sorted_reports():
            region = region_of(report.meta.iso3)
            cells = []
            for area in catalogue_areas():
                found = report.area(area.id)
                page = _href(doc, _doc(layout.report_page(report.slug)))
                rating = found.rating if found else None
                cells.append(
                    {
                        "area": area.title,
                        "rating": (rating or "unknown") if found else None,
                        "url": f"{page}#{area.id}" if found else None,
                        "label": rating_label(rating),
                        "symbol": rating_symbol(rating),
                        "short": RATING_SHORT.get(rating or "unknown", "n/a"),
                    }
                )
            rows.append(
                {
                    "country": report.meta.country or report.title,
                    "url": _href(doc, _doc(layout.report_page(report.slug))),
                    "status": report.meta.status,
                    "region_slug": region_slug(region),
                    "cells": cells,
                }
            )
        present = {region_of(r.meta.iso3) for r in self.inputs.corpus.reports}
        regions = [
            {"name": name, "slug": region_slug(name)}
            for name in (*REGION_ORDER, "Other")
            if name in present
        ]
        self.writer.write("compare/world-map.svg", worldmap.render_map(self.inputs.corpus))
        self.render(
            "compare.md.j2",
            doc,
            rows=rows,
            regions=regions,
            areas=list(catalogue_areas()),
            symbols=RATING_SYMBOLS,
            map_url="world-map.svg",
            csv_url=_rel(doc, layout.RATINGS_CSV),
            json_url=_rel(doc, layout.REPORTS_JSON),
        )

    def open_data(self) -> None:
        for path, text in (
            (layout.RATINGS_CSV, opendata.ratings_csv(self.inputs.corpus)),
            (layout.REPORTS_JSON, opendata.reports_json(self.inputs.corpus)),
        ):
            data = text.encode("utf-8")
            self.writer.write(path, data)
            self.inputs.download_sizes[path] = len(data)

    def downloads_page(self) -> None:
        doc = _doc(layout.DOWNLOADS_PAGE)
        sizes = self.inputs.download_sizes

        def entry(label: str, path: str, fmt: str) -> dict[str, str]:
            return {
                "label": label,
                "url": _rel(doc, path),
                "format": fmt,
                "size": human_size(sizes.get(path)),
            }

        reports = self.sorted_reports()
        groups = [
            {
                "title": "The whole publication",
                "files": [
                    entry("Compendium: guide and every report", layout.COMPENDIUM_PDF, "PDF"),
                    entry("Advocacy guide", layout.GUIDE_PDF, "PDF"),
                    entry("Advocacy guide", layout.GUIDE_DOCX, "Word (DOCX)"),
                    entry("Advocacy guide", layout.GUIDE_EPUB, "EPUB"),
                    entry("Compendium", layout.COMPENDIUM_EPUB, "EPUB"),
                ],
            },
            {
                "title": "Country reports",
                "files": [
                    entry(r.meta.country or r.title, path, fmt)
                    for r in reports
                    for path, fmt in (
                        (layout.report_pdf(r.slug), "PDF"),
                        (layout.report_docx(r.slug), "Word (DOCX)"),
                    )
                ],
            },
            {
                "title": "Open data",
                "files": [
                    entry("Ratings by country and subject area", layout.RATINGS_CSV, "CSV"),
                    entry("Report metadata and ratings", layout.REPORTS_JSON, "JSON"),
                ],
            },
        ]
        self.render("downloads.md.j2", doc, groups=groups)

    def project_docs(self) -> list[str]:
        """Copy the project's docs/ folder; return its Markdown pages."""
        pages: list[str] = []
        if not self.docs_source.is_dir():
            return pages
        for path in sorted(self.docs_source.rglob("*")):
            if path.is_symlink() or not path.is_file() or path.name.startswith("."):
                continue
            relative = path.relative_to(self.docs_source).as_posix()
            if path.suffix == ".md":
                text = path.read_text(encoding="utf-8")
                self.writer.write(relative, link_references(text, self.href_for(relative)))
                pages.append(relative)
            else:
                self.writer.copy(path, relative)
        if "index.md" not in pages:
            self.writer.write("index.md", f"# {self.inputs.settings.title}\n")
            pages.insert(0, "index.md")
        return pages

    def assets(self) -> None:
        for name in (
            "opsc.css",
            "opsc.js",
            "vendor/iframe-worker/shim.js",
            "vendor/iframe-worker/LICENSE",
        ):
            data = resources.files("opsc.site").joinpath(f"assets/{name}").read_bytes()
            self.writer.write(f"assets/{name}", data)

    def nav(self, docs_pages: list[str]) -> list[object]:
        known = {"index.md", "opsc-in-brief.md", "research-path.md", "editors.md"}
        titled = {
            "opsc-in-brief.md": "The OPSC in brief",
            "research-path.md": "Research path",
            "editors.md": "Editors' guide",
        }
        nav: list[object] = [{"Home": "index.md"}]
        if "opsc-in-brief.md" in docs_pages:
            nav.append({titled["opsc-in-brief.md"]: "opsc-in-brief.md"})
        nav.append(
            {
                "Country reports": ["reports/index.md"]
                + [
                    {r.meta.country or r.title: _doc(layout.report_page(r.slug))}
                    for r in self.sorted_reports()
                ]
            }
        )
        nav.append({"Compare countries": _doc(layout.COMPARE_PAGE)})
        nav.append(
            {
                "Advocacy guide": ["guide/index.md"]
                + [
                    {c.title: _doc(layout.chapter_page(c.slug))}
                    for c in self.inputs.corpus.chapters
                ]
            }
        )
        nav.append(
            {
                "Provisions": ["provisions/index.md"]
                + [
                    {f"Article {a.id}": _doc(layout.article_page(a.id))}
                    for a in registry.opsc().articles()
                ]
                + [{"CRC articles": _doc(layout.article_page("", "CRC"))}]
            }
        )
        nav.append({"Downloads": _doc(layout.DOWNLOADS_PAGE)})
        for page in ("research-path.md", "editors.md"):
            if page in docs_pages:
                nav.append({titled[page]: page})
        others = [p for p in docs_pages if p not in known]
        nav.extend(others)
        return nav


#: A local copy of the iframe-worker shim (MIT) that offline search needs from file://.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"

#: Markdown extensions the generated pages rely on, added when mkdocs.yml lacks them.
REQUIRED_EXTENSIONS = ("admonition", "attr_list", "footnotes", "md_in_html", "tables", "toc")


def _with_required_extensions(config: dict[str, object]) -> None:
    extensions = list(config.get("markdown_extensions") or [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}  # type: ignore[arg-type]
    extensions.extend(name for name in REQUIRED_EXTENSIONS if name not in names)
    config["markdown_extensions"] = extensions


def _project_mkdocs_config(root: Path) -> dict[str, object]:
    path = root / "mkdocs.yml"
    if not path.is_file():
        default = resources.files("opsc.site").joinpath("assets/mkdocs.default.yml")
        return yaml.safe_load(default.read_text(encoding="utf-8"))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SiteConfigError(f"mkdocs.yml cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise SiteConfigError("mkdocs.yml must be a mapping")
    return data


def generate_tree(inputs: SiteInputs, staging: Path) -> Path:
    """Write the docs tree and its mkdocs.yml into ``staging``; return the config path."""
    docs = staging / "docs"
    writer = TreeWriter(docs)
    generator = Generator(inputs, writer)
    docs_pages = generator.project_docs()
    for report in inputs.corpus.reports:
        generator.report_page(report)
    for chapter in inputs.corpus.chapters:
        generator.chapter_page(chapter)
    generator.reports_index()
    generator.guide_index()
    generator.provision_pages()
    generator.compare_page()
    generator.open_data()
    generator.downloads_page()
    generator.assets()
    writer.prune()
    config = _project_mkdocs_config(inputs.root)
    config.setdefault("site_name", inputs.settings.title)
    _with_required_extensions(config)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["use_directory_urls"] = False
    config["nav"] = generator.nav(docs_pages)
    extra_css = [c for c in config.get("extra_css", []) or [] if c != "assets/opsc.css"]
    config["extra_css"] = ["assets/opsc.css", *extra_css]
    # the offline plugin loads this shim from a CDN unless a local copy is listed
    extra = dict(config.get("extra") or {})
    polyfills = [p for p in extra.get("polyfills", []) or [] if "iframe-worker" not in str(p)]
    extra["polyfills"] = [IFRAME_WORKER_SHIM, *polyfills]
    config["extra"] = extra
    extra_js = [j for j in config.get("extra_javascript", []) or [] if j != "assets/opsc.js"]
    config["extra_javascript"] = ["assets/opsc.js", *extra_js]
    config_path = staging / "mkdocs.yml"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    if not config_path.is_file() or config_path.read_text(encoding="utf-8") != text:
        config_path.write_text(text, encoding="utf-8")
    return config_path


def clear(staging: Path) -> None:
    """Remove a staging tree."""
    shutil.rmtree(staging, ignore_errors=True)

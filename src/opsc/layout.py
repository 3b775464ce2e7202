"""Where every output lives under ``site/``: one place for all URLs and paths."""

from __future__ import annotations

import posixpath

from opsc.linker import provision_anchor


def report_page(slug: str) -> str:
    """The directory URL of a report page."""
    return f"reports/{slug}/"


def chapter_page(slug: str) -> str:
    """The directory URL of a guide chapter page."""
    return f"guide/{slug}/"


def article_page(article: str, instrument: str = "OPSC") -> str:
    """The page of an OPSC article, or the CRC page."""
    if instrument == "CRC":
        return "provisions/crc/"
    return f"provisions/article-{article}/"


def provision_url(provision_id: str, instrument: str = "OPSC") -> str:
    """The page and anchor of a provision."""
    article = provision_id.split("(", 1)[0]
    anchor = provision_anchor(provision_id) if instrument == "OPSC" else f"crc-{article}"
    return f"{article_page(article, instrument)}#{anchor}"


def report_pdf(slug: str) -> str:
    return f"downloads/pdf/{slug}.pdf"


def report_docx(slug: str) -> str:
    return f"downloads/docx/{slug}.docx"


GUIDE_PDF = "downloads/pdf/guide.pdf"
COMPENDIUM_PDF = "downloads/pdf/compendium.pdf"
GUIDE_DOCX = "downloads/docx/guide.docx"
GUIDE_EPUB = "downloads/epub/guide.epub"
COMPENDIUM_EPUB = "downloads/epub/compendium.epub"
RATINGS_CSV = "downloads/data/ratings.csv"
REPORTS_JSON = "downloads/data/reports.json"
COMPARE_PAGE = "compare/"
PROVISIONS_PAGE = "provisions/"
DOWNLOADS_PAGE = "downloads/"


def relative_url(from_page: str, target: str) -> str:
    """A URL to ``target`` relative to the directory page ``from_page`` (both site-relative)."""
    path, _, fragment = target.partition("#")
    base = from_page if from_page.endswith("/") else posixpath.dirname(from_page) + "/"
    rel = posixpath.relpath(path or base, base.rstrip("/") or ".")
    if path.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = ""
    return rel + (f"#{fragment}" if fragment else "") or "./"

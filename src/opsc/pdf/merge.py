"""Joining per-document PDFs into the compendium, with contents, outline and page labels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pikepdf

from opsc.config import Settings
from opsc.pdf.structure import join_tagged, stamp_page_numbers


def _front(
    settings: Settings,
    entries: list[dict],
    date: dt.date,
    root: Path,
    out: Path,
    front_html: Callable[..., str],
) -> int:
    from opsc.pdf import render_html_pdf

    return render_html_pdf(front_html(settings, entries, date), root, root, out, "compendium-front")


def join_compendium(
    parts: list[tuple[str, str, Path]],
    settings: Settings,
    date: dt.date,
    root: Path,
    out: Path,
    front_html: Callable[..., str],
) -> int:
    """Write the compendium: front (cover and contents), then each part; return its pages."""
    counts = []
    for _, _, path in parts:
        with pikepdf.open(path) as part:
            counts.append(len(part.pages))
    front_path = out.with_name(f".{out.name}.front.pdf")
    entries = [{"kind": kind, "title": title, "page": 0} for kind, title, _ in parts]
    # guess the front's length (cover, then about 28 entries a page), check, retry if wrong
    front_pages = 1 + max(1, -(-len(entries) // 28))
    for _ in range(3):
        start = front_pages + 1
        for entry, count in zip(entries, counts, strict=True):
            entry["page"] = start
            start += count
        rendered = _front(settings, entries, date, root, front_path, front_html)
        if rendered == front_pages:
            break
        front_pages = rendered
    stamp = date.strftime("D:%Y%m%d000000Z")
    tmp = out.with_name(f".{out.name}.tmp")
    join_tagged(
        [("Contents", front_path)] + [(title, path) for (_, title, path) in parts],
        tmp,
        docinfo={
            "/Title": f"{settings.title}: compendium",
            "/Author": settings.publisher,
            "/Subject": "The advocacy guide and every OPSC country report",
            "/CreationDate": stamp,
            "/ModDate": stamp,
            "/Producer": "opsc (WeasyPrint, pikepdf)",
        },
    )
    total = front_pages + sum(counts)
    numbers_path = out.with_name(f".{out.name}.numbers.pdf")
    numbers = list(range(front_pages + 1, total + 1))
    from opsc.pdf import render_html_pdf
    from opsc.pdf.html import numbers_html

    render_html_pdf(numbers_html(settings, numbers, total), root, root, numbers_path, "numbers")
    stamp_page_numbers(tmp, numbers_path, front_pages)
    numbers_path.unlink(missing_ok=True)
    tmp.replace(out)
    offset = total
    front_path.unlink(missing_ok=True)
    return offset

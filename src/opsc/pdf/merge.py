"""Joining per-document PDFs into the compendium, with contents, outline and page labels."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from opsc.config import Settings


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
    readers = [(kind, title, PdfReader(path)) for kind, title, path in parts]
    front_path = out.with_name(f".{out.name}.front.pdf")
    entries = [{"kind": kind, "title": title, "page": 0} for kind, title, _ in readers]
    front_pages = _front(settings, entries, date, root, front_path, front_html)
    for _ in range(2):  # page numbers depend on the front's length, which rarely changes
        start = front_pages + 1
        for entry, (_, _, reader) in zip(entries, readers, strict=True):
            entry["page"] = start
            start += len(reader.pages)
        rendered = _front(settings, entries, date, root, front_path, front_html)
        if rendered == front_pages:
            break
        front_pages = rendered
    writer = PdfWriter()
    writer.append(PdfReader(front_path), import_outline=False)
    offset = front_pages
    for _, title, reader in readers:
        writer.append(reader, outline_item=title, import_outline=True)
        offset += len(reader.pages)
    _structure(writer)
    digest = hashlib.sha256(b"".join(p.read_bytes() for _, _, p in parts)).hexdigest()[:32]
    writer._ID = ArrayObject([TextStringObject(digest), TextStringObject(digest)])
    stamp = date.strftime("D:%Y%m%d000000Z")
    writer.add_metadata(
        {
            "/Title": f"{settings.title}: compendium",
            "/Author": settings.publisher,
            "/Subject": "The advocacy guide and every OPSC country report",
            "/CreationDate": stamp,
            "/ModDate": stamp,
            "/Producer": "opsc (WeasyPrint, pypdf)",
        }
    )
    tmp = out.with_name(f".{out.name}.tmp")
    with tmp.open("wb") as handle:
        writer.write(handle)
    tmp.replace(out)
    front_path.unlink(missing_ok=True)
    return offset


def _structure(writer: PdfWriter) -> None:
    """Continuous page labels, language, and the title shown by viewers."""
    root = writer._root_object
    root[NameObject("/Lang")] = TextStringObject("en")
    root[NameObject("/PageLabels")] = DictionaryObject(
        {
            NameObject("/Nums"): ArrayObject(
                [
                    NumberObject(0),
                    DictionaryObject(
                        {NameObject("/S"): NameObject("/D"), NameObject("/St"): NumberObject(1)}
                    ),
                ]
            )
        }
    )
    preferences = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    root[NameObject("/ViewerPreferences")] = preferences

"""Keeping the compendium a tagged PDF: merge the structure trees of its parts.

WeasyPrint tags every part (PDF/UA). Joining parts page by page would drop the tags, so
each part's structure tree is copied under one Document element and the parent tree is
renumbered, page by page, as the parts follow each other.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name


def _nums(tree: pikepdf.Object) -> list[tuple[int, pikepdf.Object]]:
    """The entries of a number tree (flat or with kids)."""
    found: list[tuple[int, pikepdf.Object]] = []
    if "/Nums" in tree:
        values = list(tree.Nums)
        found += [(int(values[i]), values[i + 1]) for i in range(0, len(values), 2)]
    for kid in tree.get("/Kids", []):
        found += _nums(kid)
    return found


def _page_index(source: pikepdf.Pdf, destination: pikepdf.Object | None) -> int | None:
    """The page index an outline destination points to in its source document."""
    if destination is None:
        return None
    if isinstance(destination, (pikepdf.String, Name)):
        names = source.Root.get("/Names")
        if names is None or "/Dests" not in names:
            return None
        tree = pikepdf.NameTree(names.Dests)
        destination = tree.get(str(destination))
        if destination is None:
            return None
        if isinstance(destination, Dictionary):
            destination = destination.D
    try:
        return pikepdf.Page(destination[0]).index
    except (TypeError, ValueError, IndexError, KeyError):
        return None


def _copy_outline(source: pikepdf.Pdf, items: list, start: int) -> list[pikepdf.OutlineItem]:  # type: ignore[type-arg]
    copied = []
    for item in items:
        index = _page_index(source, item.destination or (item.action.D if item.action else None))
        new = pikepdf.OutlineItem(item.title, start + index if index is not None else start)
        new.children.extend(_copy_outline(source, list(item.children), start))
        copied.append(new)
    return copied


def join_tagged(
    parts: list[tuple[str, Path]],
    out: Path,
    *,
    language: str = "en",
    docinfo: dict[str, str] | None = None,
    outline_from: int = 1,
) -> list[int]:
    """Join PDFs into ``out`` keeping their tags, links and outlines.

    Parts from index ``outline_from`` on get a top-level bookmark with their title and
    their own bookmarks below it. Returns each part's first page index.
    """
    pdf = pikepdf.new()
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    parent_nums = Array()
    next_key = 0
    starts: list[int] = []
    role_map = Dictionary()
    sources = []
    for _, path in parts:
        source = pikepdf.open(path)
        sources.append(source)
        starts.append(len(pdf.pages))
        pdf.add_pages_from(source)
        root = source.Root.get("/StructTreeRoot")
        if root is None:
            continue
        copied = pdf.copy_foreign(root)
        offset = next_key
        highest = -1
        for key, value in _nums(copied.ParentTree):
            parent_nums.append(key + offset)
            parent_nums.append(value)
            highest = max(highest, key)
        for page in pdf.pages[starts[-1] :]:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annotation in page.obj.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + offset
        next_key = offset + highest + 1
        kids = copied.K if isinstance(copied.K, Array) else Array([copied.K])
        for kid in kids:
            if isinstance(kid, Dictionary) and "/P" in kid:
                kid.P = document
            document.K.append(kid)
        for key, value in copied.get("/RoleMap", Dictionary()).items():
            role_map[key] = value
    tree_root = pdf.make_indirect(
        Dictionary(
            Type=Name.StructTreeRoot,
            K=Array([document]),
            ParentTree=pdf.make_indirect(Dictionary(Nums=parent_nums)),
            ParentTreeNextKey=next_key,
            RoleMap=role_map,
        )
    )
    document.P = tree_root
    pdf.Root.StructTreeRoot = tree_root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String(language)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.Root.PageLabels = Dictionary(Nums=Array([0, Dictionary(S=Name.D, St=1)]))
    with pdf.open_outline() as outline:
        for index, ((title, _), source) in enumerate(zip(parts, sources, strict=True)):
            if index < outline_from:
                continue
            top = pikepdf.OutlineItem(title, starts[index])
            with source.open_outline() as part_outline:
                top.children.extend(_copy_outline(source, list(part_outline.root), starts[index]))
            outline.root.append(top)
    for key, value in (docinfo or {}).items():
        pdf.docinfo[Name(key)] = pikepdf.String(value)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:title"] = (docinfo or {}).get("/Title", "")
        xmp["pdfuaid:part"] = "1"
    pdf.save(out, static_id=True, deterministic_id=True)
    for source in sources:
        source.close()
    return starts


def stamp_page_numbers(pdf_path: Path, numbers_path: Path, first: int) -> None:
    """Overlay continuous page numbers on every page from ``first``, marked as artifacts.

    The parts keep their own "Page X of Y" footers; the book's numbering is added at the
    bottom centre. Marked as /Artifact, it does not disturb the structure tree.
    """
    with (
        pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf,
        pikepdf.open(numbers_path) as numbers,
    ):
        for offset, page in enumerate(pdf.pages[first:]):
            source = numbers.pages[offset]
            form = pdf.copy_foreign(source.as_form_xobject())
            name = page.add_resource(form, Name.XObject, Name("/OpscPageNumber"))
            # isolate the page's own graphics state (WeasyPrint leaves a flipped matrix)
            page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
            stamp = b"Q\n/Artifact BMC q " + str(name).encode() + b" Do Q EMC\n"
            page.contents_add(pikepdf.Stream(pdf, stamp), prepend=False)
        pdf.save(pdf_path, static_id=True, deterministic_id=True)

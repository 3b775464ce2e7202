#!/usr/bin/env python3
"""Regenerate src/opsc/docx/data/reference.docx, the Word styles of opsc's DOCX files.

    .venv/bin/python scripts/make_reference_docx.py

Starts from pandoc's default reference document (from the pandoc that pypandoc-binary
ships) and sets fonts, heading sizes and colours, and a table style with borders and a
shaded header row. Needs python-docx (the `test` extra). The result is committed, so
builds do not need python-docx.
"""

from __future__ import annotations

import subprocess
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from opsc.docx.pandoc import pandoc_path

TARGET = Path(__file__).resolve().parents[1] / "src/opsc/docx/data/reference.docx"
NAVY = RGBColor(0x1F, 0x3A, 0x68)
FIXED_DATE = (2000, 5, 25, 0, 0, 0)


def _borders(table_style) -> None:
    style = table_style.element
    properties = style.find(qn("w:tblPr"))
    if properties is None:
        properties = OxmlElement("w:tblPr")
        style.append(properties)
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:color"), "8C8C8C")
        borders.append(element)
    properties.append(borders)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        default = Path(work) / "default.docx"
        with default.open("wb") as handle:
            subprocess.run(
                [pandoc_path(), "--print-default-data-file", "reference.docx"],
                stdout=handle,
                check=True,
            )
        document = Document(str(default))
        styles = document.styles
        for name in ("Normal", "Body Text", "First Paragraph", "Compact"):
            if name in [s.name for s in styles]:
                style = styles[name]
                style.font.name = "Noto Sans"
                style.font.size = Pt(10)
                style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
                style.paragraph_format.line_spacing = 1.15
        for level, size in ((1, 18), (2, 14), (3, 12)):
            style = styles[f"Heading {level}"]
            style.font.name = "Noto Sans"
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = NAVY
            style.paragraph_format.keep_with_next = True
        for name, size in (("Title", 26), ("Subtitle", 14)):
            style = styles[name]
            style.font.name = "Noto Sans"
            style.font.size = Pt(size)
            style.font.color.rgb = NAVY
        table = styles["Table"]
        _borders(table)
        document.core_properties.author = "opsc"
        staged = Path(work) / "reference.docx"
        document.save(str(staged))
        # fixed zip timestamps: the file is committed and should not change needlessly
        with (
            zipfile.ZipFile(staged) as source,
            zipfile.ZipFile(TARGET, "w", zipfile.ZIP_DEFLATED) as out,
        ):
            for item in sorted(source.infolist(), key=lambda i: i.filename):
                info = zipfile.ZipInfo(item.filename, date_time=FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(info, source.read(item.filename))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()

"""Building pandoc AST pieces: report areas as real three-column tables."""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]


def _plain_cell(text: str, header: bool = False) -> list:
    inline = [{"t": "Str", "c": text}]
    content = [{"t": "Strong", "c": inline}] if header else inline
    return [["", [], []], {"t": "AlignDefault"}, 1, 1, [{"t": "Plain", "c": content}]]


def _cell(blocks: list[Block]) -> list:
    return [["", [], []], {"t": "AlignDefault"}, 1, 1, blocks]


def three_column_table(headers: list[str], cells: list[list[Block]], widths: list[float]) -> Block:
    """A pandoc Table with one header row and one body row of block content."""
    colspecs = [[{"t": "AlignDefault"}, {"t": "ColWidth", "c": w}] for w in widths]
    head = [["", [], []], [[["", [], []], [_plain_cell(h, header=True) for h in headers]]]]
    body = [[["", [], []], 0, [], [[["", [], []], [_cell(blocks) for blocks in cells]]]]]
    foot = [["", [], []], []]
    caption = [None, []]
    return {"t": "Table", "c": [["", ["opsc-area"], []], caption, colspecs, head, body, foot]}


def group_cells(blocks: list[Block], headers: list[str], widths: list[float]) -> list[Block]:
    """Replace each run of three ``.cell`` Divs by a three-column table."""
    out: list[Block] = []
    pending: list[list[Block]] = []
    for block in blocks:
        if block.get("t") == "Div" and "cell" in block["c"][0][1]:
            pending.append(block["c"][1] or [{"t": "Plain", "c": []}])
            if len(pending) == len(headers):
                out.append(three_column_table(headers, pending, widths))
                pending = []
            continue
        out.append(block)
    if pending:  # an incomplete group cannot come from the model; keep the text anyway
        out.extend(b for cell in pending for b in cell)
    return out

"""Small .docx documents built inside tests from (style, text) pairs."""
from __future__ import annotations

from io import BytesIO

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH


def make_docx(items, tables: dict[int, list[list[str]]] | None = None) -> bytes:
    """items: (style, text) pairs; style "Normal+bold", "Normal+caps", "Normal+center" add formatting.
    tables: {position: rows} inserts a table before the item at that position."""
    d = docx.Document()
    tables = tables or {}
    for pos, (style, text) in enumerate(items):
        if pos in tables:
            _table(d, tables[pos])
        base, _, extra = style.partition("+")
        p = d.add_paragraph(style=base)
        run = p.add_run(text)
        if "bold" in extra:
            run.bold = True
        if "caps" in extra:
            run.font.all_caps = True
        if "center" in extra:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if len(items) in tables:
        _table(d, tables[len(items)])
    buf = BytesIO()
    d.save(buf)
    return buf.getvalue()


def _table(d, rows: list[list[str]]) -> None:
    t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text

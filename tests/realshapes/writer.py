"""Items of a real-shaped document (paragraphs, tables) and their .docx, written with python-docx.

A "\\n" inside an item's text is typed as a line break (Shift+Enter, w:br) or, in a table cell when the
item says so, as separate cell paragraphs; a "\\t" is a w:tab (a letterhead's two halves on one line).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


@dataclass(frozen=True)
class P:
    """A body paragraph and its truth: role front | body | closing, the outline node of a heading."""

    text: str
    role: str = "body"
    bold: bool = False
    center: bool = False
    italic: bool = False
    heading: str | None = None
    nonvalue: bool = False            # its numbers are no indicator values (a citation, a person's record)
    page_break: bool = False          # a page break typed inside the paragraph instead of a line break


@dataclass(frozen=True)
class T:
    """A table and its truth; `breaks` says how a cell's lines were typed: "br" or "para"."""

    rows: tuple[tuple[str, ...], ...]
    role: str = "body"
    breaks: str = "br"
    borderless: bool = True
    bold_first_row: bool = False
    nonvalue: bool = False


@dataclass
class Doc:
    """One document: its items, the registry unit that wrote it (None: no registry unit) and its kind."""

    name: str
    kind: str
    unit_id: str | None
    items: list = field(default_factory=list)
    features: list[str] = field(default_factory=list)


def _typed(paragraph, text: str, bold: bool = False, italic: bool = False, page_break: bool = False) -> None:
    """Runs for one paragraph: tabs as w:tab, newlines as w:br (or a page break)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        parts = line.split("\t")
        for j, part in enumerate(parts):
            if part:
                run = paragraph.add_run(part)
                run.bold = bold or None
                run.italic = italic or None
            if j < len(parts) - 1:
                paragraph.add_run().add_tab()
        if i < len(lines) - 1:
            paragraph.add_run().add_break(WD_BREAK.PAGE if page_break else WD_BREAK.LINE)


def _no_borders(table) -> None:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    if borders is not None:
        table._tbl.tblPr.remove(borders)
    table.style = None


def _grid(table) -> None:
    pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        borders.append(el)
    pr.append(borders)


def write(doc: Doc) -> bytes:
    """The .docx bytes of a document."""
    d = docx.Document()
    for item in doc.items:
        if isinstance(item, P):
            paragraph = d.add_paragraph()
            _typed(paragraph, item.text, item.bold, item.italic, item.page_break)
            if item.center:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        width = max(len(r) for r in item.rows)
        table = d.add_table(rows=len(item.rows), cols=width)
        _no_borders(table) if item.borderless else _grid(table)
        for r, row in enumerate(item.rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                lines = text.split("\n") if item.breaks == "para" else [text]
                first = cell.paragraphs[0]
                for k, line in enumerate(lines):
                    paragraph = first if k == 0 else cell.add_paragraph()
                    _typed(paragraph, line, bold=item.bold_first_row and r == 0)
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if item.borderless else None
    buf = BytesIO()
    d.save(buf)
    return buf.getvalue()


def truth(doc: Doc) -> dict:
    """The document's truth as JSON-ready data."""
    items = []
    for item in doc.items:
        if isinstance(item, P):
            items.append({"kind": "p", "text": item.text, "role": item.role, "heading": item.heading,
                          "nonvalue": item.nonvalue})
        else:
            items.append({"kind": "table", "rows": [list(r) for r in item.rows], "role": item.role,
                          "nonvalue": item.nonvalue, "breaks": item.breaks})
    return {"file": doc.name + ".docx", "kind": doc.kind, "unit_id": doc.unit_id, "features": doc.features,
            "items": items}

"""Serialise a report (docs.P / docs.T items) to .docx with python-docx, in Unicode or a legacy font."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tests.realistic2.docs import P, T
from tonghop.parsers.legacy import encode

FONTS = {"unicode": ("Times New Roman", "Times New Roman"), "tcvn3": (".VnTime", ".VnTimeH"),
         "vni": ("VNI-Times", "VNI-Times")}


def runs_for(text: str, encoding: str) -> list[tuple[str, str | None]]:
    """(stored text, explicit font or None for the style's font) runs that display `text`.

    TCVN3: all-caps text goes to .VnTimeH; a capital with a tone mark that .VnTime has no code for
    goes to a .VnTimeH run of its own, as typists did; the rest keeps the style's .VnTime."""
    if encoding == "unicode":
        return [(text, None)]
    if encoding == "vni":
        return [(encode(text, "vni"), "VNI-Times")]
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return [(encode(text, "tcvn3h"), ".VnTimeH")]
    out: list[tuple[str, str | None]] = []
    for ch in text:
        try:
            stored, font = encode(ch, "tcvn3"), None
        except ValueError:
            stored, font = encode(ch, "tcvn3h"), ".VnTimeH"
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + stored, font)
        else:
            out.append((stored, font))
    return out


def _fill(paragraph, text: str, encoding: str, bold=False, italic=False) -> None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        parts = line.split("\t")
        for j, part in enumerate(parts):
            for stored, font in runs_for(part, encoding):
                run = paragraph.add_run(stored)
                run.bold = bold or None
                run.italic = italic or None
                if font:
                    run.font.name = font
            if j < len(parts) - 1:
                paragraph.add_run().add_tab()
        if i < len(lines) - 1:
            paragraph.add_run().add_break()


def _borderless(table) -> None:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    if borders is not None:
        table._tbl.tblPr.remove(borders)
    table.style = None


def _table(doc, item: T, encoding: str) -> None:
    cols = max(len(r) for r in item.rows)
    table = doc.add_table(rows=len(item.rows), cols=cols)
    if item.borderless:
        _borderless(table)
    else:
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(item.rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            lines = text.split("\n")
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER if item.borderless else None
            _fill(cell.paragraphs[0], lines[0], encoding, bold=item.borderless and r == 0)
            for line in lines[1:]:
                para = cell.add_paragraph()
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER if item.borderless else None
                _fill(para, line, encoding, bold=item.borderless and line.isupper())


COMMENTS = ("Đề nghị bổ sung số liệu năm 2023", "Xem lại cách đánh số mục này", "Rút gọn đoạn này")


def write(items: list, encoding: str = "unicode", comments: bool = False) -> bytes:
    """The .docx bytes of a report; `comments` anchors a reviewer's comment on every other heading."""
    doc = Document()
    body = FONTS[encoding][0]
    normal = doc.styles["Normal"]
    normal.font.name = body
    normal.font.size = Pt(14)
    for level in (1, 2, 3):
        style = doc.styles[f"Heading {level}"]
        style.font.name = body
        style.font.size = Pt(14)
        fonts = style.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    headings = 0
    for item in items:
        if isinstance(item, T):
            _table(doc, item, encoding)
            continue
        assert isinstance(item, P)
        para = doc.add_paragraph(style=item.style) if item.style else doc.add_paragraph()
        if item.center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif item.indent:
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            para.paragraph_format.first_line_indent = Cm(1)
        _fill(para, item.text, encoding, item.bold, item.italic)
        if comments and item.role == "heading" and para.runs:
            headings += 1
            if headings % 2:
                doc.add_comment(para.runs, COMMENTS[headings % 3], author="Văn phòng", initials="VP")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

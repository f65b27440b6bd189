"""Word building blocks both editor documents share (the draft and the full-text compilation): page and
styles, headings as the outline writes them, hyperlinks and bookmarks, tables, Vietnamese numbers."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from tonghop.aggregators.consolidate import Consolidation
from tonghop.aggregators.versions import parse_time
from tonghop.model import OutlineNode
from tonghop.parsers.normalize import strip_diacritics
from tonghop.reports.names import file_uri

__all__ = [
    "add_bookmark", "add_hyperlink", "add_table", "AGGREGATE_SHARES", "APPENDIX_TITLE", "as_of", "bookmark_name",
    "COMPILATION_FILE", "content_shares", "FIXED_TIME", "format_number", "heading_text", "indicator_node",
    "INDICATOR_NODE", "italic", "Links", "merged_spans", "MISSING_TITLE", "NO_CONTENT", "paragraph_ranges",
    "QUOTE_WORDS", "set_column_widths", "set_properties", "setup_page", "setup_styles", "source_link", "source_ranks",
    "heading", "style_id", "styled", "text_width", "UNPLACED_TITLE",
]

COMPILATION_FILE = "tap-hop-nguyen-van.docx"   # the full text the draft links into (same folder)

FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)   # core properties when run_info gives no as_of
INDICATOR_NODE = "P1.III.1"
NO_CONTENT = "(Chưa có đơn vị nào báo cáo nội dung này.)"
APPENDIX_TITLE = "Phụ lục: Bảng tổng hợp chỉ tiêu"
MISSING_TITLE = "Đơn vị chưa nộp báo cáo"
UNPLACED_TITLE = "Nội dung chưa xếp được vào mục nào của đề cương"
# aggregate table columns: STT, Chỉ tiêu, ĐVT, Cách tổng hợp, Kết quả, Số đơn vị báo cáo, Số đơn vị đạt
AGGREGATE_SHARES = (1.4, 5.2, 1.9, 2.2, 2.1, 1.6, 1.6)
QUOTE_WORDS = 8             # words of a contribution's first paragraph quoted in its attribution


# ---------------------------------------------------------------- text helpers


def heading_text(node: OutlineNode) -> str:
    """The heading as the outline writes it: 'Phần thứ nhất: …', 'I. …', '1. …', 'a) …'."""
    label = node.label.strip()
    if not label:
        return node.title
    if label.casefold().startswith("phần"):
        return f"{label}: {node.title}"
    if len(label) == 1 and label.isalpha() and label.islower():
        return f"{label}) {node.title}"
    return f"{label}. {node.title}"


def paragraph_ranges(indexes: list[int]) -> str:
    """Block indexes as 1-based paragraph numbers, runs compressed: '12–18, 21'."""
    numbers = sorted({i + 1 for i in indexes})
    parts: list[str] = []
    start = prev = None
    for n in numbers + [None]:
        if start is not None and (n is None or n != prev + 1):
            parts.append(str(start) if start == prev else f"{start}–{prev}")
            start = None
        if n is not None and start is None:
            start = n
        prev = n
    return ", ".join(parts)


def format_number(value: float | None) -> str:
    """Vietnamese number format: 1.234,5; at most two decimals."""
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def source_link(source: str, source_root: Path | None = None) -> str:
    """Hyperlink target for a source file (a path relative to source_root, else to the working directory):
    an absolute, percent-encoded file:// URI, so the link survives the draft being moved or archived. A
    source shown escaped (reports/names.py) links to the file's raw bytes, so the link still opens it."""
    return file_uri(source_root, source)


@dataclass(frozen=True)
class Links:
    """How attribution links are made: sources are paths under source_root (default: working directory)."""

    source_root: Path | None = None

    def target(self, source: str) -> str:
        return source_link(source, self.source_root)


def indicator_node(cons: Consolidation) -> str | None:
    """Where the aggregated table goes: P1.III.1, else the first node about 'chỉ tiêu'."""
    if any(n.node.id == INDICATOR_NODE for n in cons.nodes):
        return INDICATOR_NODE
    for n in cons.nodes:
        if "chi tieu" in strip_diacritics(n.node.title).casefold():
            return n.node.id
    return None


# ---------------------------------------------------------------- docx helpers


def setup_styles(doc: docx.document.Document) -> None:
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5"):
        font = doc.styles[name].font
        font.name = "Times New Roman"
        fonts = doc.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "Times New Roman")
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):   # themes beat names
            fonts.attrib.pop(qn(theme), None)
        if name != "Normal":
            font.color.rgb = RGBColor(0, 0, 0)
            font.size = Pt(14 if name == "Heading 1" else 13)
    doc.styles["Normal"].font.size = Pt(13)


def hyperlink_rel(part, target: str) -> str:
    """The rId of an external hyperlink relationship to target, one per target. python-docx's relate_to
    scans every relationship for each link (quadratic: minutes for a draft of 200 reports); this keeps
    a map on the part and numbers its own ids ('rIdL1', …), which cannot collide with python-docx's."""
    links = part.__dict__.setdefault("_tonghop_links", {})
    r_id = links.get(target)
    if r_id is None:
        r_id = f"rIdL{len(links) + 1}"
        part.rels.add_relationship(RT.HYPERLINK, target, r_id, is_external=True)
        links[target] = r_id
    return r_id


def add_hyperlink(paragraph, text: str, target: str, italic: bool = True) -> None:
    """An external hyperlink run (blue, underlined, italic unless told) at the end of the paragraph."""
    r_id = hyperlink_rel(paragraph.part, target)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    marks = (("w:i", None),) if italic else ()
    for tag, val in marks + (("w:color", "0563C1"), ("w:u", "single")):
        el = OxmlElement(tag)
        if val:
            el.set(qn("w:val"), val)
        props.append(el)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def italic(paragraph, text: str, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.italic = True
    run.bold = bold


def setup_page(doc) -> None:
    """A4 with the margins of Vietnamese administrative documents (left 3 cm, right 2 cm, 2 cm top/bottom)."""
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)


def text_width(doc) -> int:
    """Width between the margins of the last section, in EMU (remembered: finding the section searches
    the whole body)."""
    width = doc.__dict__.get("_tonghop_width")
    if width is None:
        section = doc.sections[-1]
        width = doc.__dict__["_tonghop_width"] = section.page_width - section.left_margin - section.right_margin
    return width


def style_id(doc, name: str) -> str:
    """A style's id, looked up once per document: python-docx finds the styles part by scanning every
    relationship, and a draft has thousands of hyperlink relationships."""
    ids = doc.__dict__.setdefault("_tonghop_styles", {})
    if name not in ids:
        ids[name] = doc.styles[name].style_id
    return ids[name]


def styled(doc, text: str, style: str):
    """doc.add_paragraph(text, style) without python-docx's per-paragraph style lookup."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = style_id(doc, style)
    return paragraph


def heading(doc, text: str, level: int):
    """doc.add_heading(text, level) (level 1-9) without the per-paragraph style lookup."""
    return styled(doc, text, f"Heading {level}")


def set_column_widths(table, shares: tuple[float, ...], total: int) -> None:
    """Fixed column widths in proportion to `shares` over `total` EMU, on the grid and on every cell
    (Word reads the cells, LibreOffice the grid)."""
    widths = [int(total * share / sum(shares)) for share in shares]
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def content_shares(rows) -> tuple[float, ...]:
    """Column widths for a unit's table in proportion to how much each column holds (a name column
    wide, number columns narrow), within 1:8 of each other."""
    width = max((len(r) for r in rows), default=0)
    shares = []
    for c in range(width):
        cells = [r[c] for r in rows if c < len(r) and r[c] and len(set(r)) > 1]   # group rows say nothing
        mean = sum(len(x) for x in cells) / len(cells) if cells else 1.0
        shares.append(min(max(mean, 4.0), 32.0))
    return tuple(shares)


def add_table(doc, rows: list[list[str]] | tuple[tuple[str, ...], ...], header: bool = False,
              shares: tuple[float, ...] | None = None, merge_header: bool = False) -> None:
    """A grid table with the given cell texts (ragged rows padded); column widths in proportion to
    `shares` when given. Rows of one repeated text are merged back into one cell, and with
    `merge_header` so are repeated neighbours in the first two rows (a unit's merged header)."""
    rows = [list(r) for r in rows if r]
    if not rows:
        return
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table._tbl.tblStyle_val = style_id(doc, "Table Grid")
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values + [""] * (width - len(values))):
            cell.text = value
    if header:
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    if shares is not None and len(shares) == width:
        set_column_widths(table, shares, text_width(doc))
    for r, values in enumerate(rows):
        padded = values + [""] * (width - len(values))
        whole_row = len(set(padded)) == 1
        if not (whole_row or (merge_header and r < 2 and len(rows) > 2)):
            continue                             # equal neighbours in a data row are two values
        for start, end in merged_spans(padded):
            table.cell(r, start).merge(table.cell(r, end)).text = padded[start]


def merged_spans(values: list[str]) -> list[tuple[int, int]]:
    """Runs of one repeated text in a row (a merged cell the parser expanded, e.g. a group row
    "A. CHỈ TIÊU VỀ KINH TẾ" across the table, or "Kết quả" over two header columns):
    (first, last) column of each run of two or more."""
    spans, start = [], 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if i - start > 1 and values[start]:
                spans.append((start, i - 1))
            start = i
    return spans


def add_bookmark(paragraph, name: str, bookmark_id: int) -> None:
    """A bookmark around the whole paragraph (what a link 'tap-hop-nguyen-van.docx#name' jumps to)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    p.insert(1 if p.pPr is not None else 0, start)
    p.append(end)


def source_ranks(cons: Consolidation) -> dict[str, int]:
    """Each kept source file's position in the consolidation (registry order): part of bookmark names."""
    return {s.source: n for n, s in enumerate(cons.submissions)}


def bookmark_name(rank: int, index: int) -> str:
    """The bookmark of a source paragraph in the compilation: 'd<source rank>_<block index>' (Word allows
    letters, digits and '_', at most 40 characters, starting with a letter)."""
    return f"d{rank}_{index}"


def as_of(run_info: Mapping[str, Any] | None) -> datetime:
    """The time the documents carry (core properties): run_info['as_of'], else a fixed time."""
    value = (run_info or {}).get("as_of")
    if isinstance(value, str):
        value = parse_time(value)
    if not isinstance(value, datetime):
        return FIXED_TIME
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def set_properties(doc, title: str, when: datetime) -> None:
    """Core properties that do not change between reruns over the same inbox."""
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "tonghop", "tonghop"
    props.revision, props.created, props.modified = 1, when, when

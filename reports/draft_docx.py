"""The consolidated draft ("dự thảo báo cáo tổng hợp") as a Word document.

Outline headings as real Word heading styles, the units' contributions under each with an
attribution line that links back to the source file, shared boilerplate once, the aggregated
indicator table, and the units that have not submitted.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from tonghop.aggregators.consolidate import Consolidation, NodeContent
from tonghop.aggregators.versions import parse_time
from tonghop.model import AggregateRow, Contribution, MergedParagraph, OutlineNode, Paragraph, Table
from tonghop.parsers.normalize import strip_diacritics
from tonghop.reports.names import file_uri
from tonghop.reports.atomic import stable_zip, write_bytes_atomic
from tonghop.reports.labels import TONG_HOP_LABEL

__all__ = [
    "add_hyperlink", "add_table", "AGGREGATE_SHARES", "aggregate_table_rows", "APPENDIX_TITLE", "attribution_text",
    "build_draft", "content_shares", "FIXED_TIME", "format_number", "heading_text", "INDICATOR_NODE",
    "indicator_node", "Links", "merged_spans", "MISSING_TITLE", "NO_CONTENT", "opening_words", "paragraph_ranges",
    "QUOTE_WORDS", "set_column_widths", "source_link", "text_width", "UNPLACED_TITLE", "write_aggregates",
    "write_contribution", "write_draft", "write_merged", "write_node",
]

FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)   # core properties when run_info gives no as_of
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


def _setup_styles(doc: docx.document.Document) -> None:
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


def add_hyperlink(paragraph, text: str, target: str) -> None:
    """An external hyperlink run (blue, underlined, italic) at the end of the paragraph."""
    r_id = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, val in (("w:i", None), ("w:color", "0563C1"), ("w:u", "single")):
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


def _italic(paragraph, text: str, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.italic = True
    run.bold = bold


def _setup_page(doc) -> None:
    """A4 with the margins of Vietnamese administrative documents (left 3 cm, right 2 cm, 2 cm top/bottom)."""
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)


def text_width(doc) -> int:
    """Width between the margins of the last section, in EMU."""
    section = doc.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


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
    table.style = doc.styles["Table Grid"]
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


# ---------------------------------------------------------------- sections


def opening_words(text: str, count: int = QUOTE_WORDS) -> str:
    """The first words of a paragraph, '…' when cut: what an editor searches for in the source."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _block_text(block: Paragraph | Table) -> str:
    if isinstance(block, Table):
        return next((cell for row in block.rows for cell in row if cell.strip()), "")
    return block.text


def attribution_text(blocks: list[Paragraph | Table]) -> str:
    """', đoạn 3–5, bắt đầu: “…”' for a contribution's blocks in source order (empty when none).

    Paragraph numbers count the source's top-level body elements (empty paragraphs and tables too), so
    they can differ from what an editor counts in Word: the quoted first words are what to search for."""
    if not blocks:
        return ""
    text = f", đoạn {paragraph_ranges([b.index for b in blocks])}"
    first = opening_words(_block_text(blocks[0]))
    return text + (f", bắt đầu: “{first}”" if first else "")


def _attribution(doc, name: str, source: str, blocks: list[Paragraph | Table], links: Links) -> None:
    p = doc.add_paragraph()
    _italic(p, f"[{name} — ")
    add_hyperlink(p, Path(source).name, links.target(source))
    _italic(p, attribution_text(blocks) + "]")


def write_merged(doc, merged: MergedParagraph, names: dict[str, str], links: Links) -> None:
    """Boilerplate several units share: one attribution naming all of them, the text once."""
    p = doc.add_paragraph()
    _italic(p, f"[Nội dung chung của {len(merged.sources)} đơn vị: ")
    for n, (unit_id, source, index) in enumerate(merged.sources):
        _italic(p, ("; " if n else "") + f"{names.get(unit_id, unit_id)} — ")
        add_hyperlink(p, Path(source).name, links.target(source))
        _italic(p, f", đoạn {index + 1}")
    _italic(p, "]")
    doc.add_paragraph(merged.text)


def write_contribution(doc, c: Contribution, links: Links) -> None:
    """One unit's content under a node, in source order, after its attribution line."""
    blocks: list[tuple[int, int, Paragraph | Table]] = [(h.index, 0, h) for h in c.headings]
    blocks += [(p.index, 1, p) for p in c.paragraphs] + [(t.index, 2, t) for t in c.tables]
    blocks.sort(key=lambda b: (b[0], b[1]))
    _attribution(doc, c.unit_name, c.source, [b[2] for b in blocks], links)
    for _, kind, block in blocks:
        if kind == 0:
            _italic(doc.add_paragraph(), block.text)       # the unit's own sub-heading, as context
        elif kind == 1:
            doc.add_paragraph(block.text)
        else:
            add_table(doc, block.rows, merge_header=True, shares=content_shares(block.rows))


def aggregate_table_rows(rows: tuple[AggregateRow, ...]) -> list[list[str]]:
    """Header and one line per catalog indicator, numbers in Vietnamese format."""
    out = [["STT", "Chỉ tiêu", "ĐVT", "Cách tổng hợp", "Kết quả tổng hợp", "Số đơn vị báo cáo",
            "Số đơn vị đạt, vượt"]]
    for n, row in enumerate(rows, start=1):
        e = row.entry
        out.append([str(n), e.ten, e.dvt, TONG_HOP_LABEL.get(e.tong_hop, e.tong_hop),
                    format_number(row.aggregate), str(row.n_reporting), str(row.n_met)])
    return out


def write_aggregates(doc, cons: Consolidation) -> None:
    """The aggregated indicator table with its caption."""
    units = len(cons.submissions)
    p = doc.add_paragraph()
    _italic(p, f"Bảng tổng hợp các chỉ tiêu chủ yếu từ báo cáo của {units} đơn vị "
               "(chi tiết từng đơn vị trong tệp chi-tieu.xlsx).", bold=True)
    add_table(doc, aggregate_table_rows(cons.aggregates), header=True, shares=AGGREGATE_SHARES)


def _is_leaf(cons: Consolidation, node_id: str) -> bool:
    return not any(n.node.parent == node_id for n in cons.nodes)


def write_node(doc, content: NodeContent, cons: Consolidation, names: dict[str, str],
               links: Links, table_here: bool) -> None:
    """Heading of one outline node and everything under it."""
    doc.add_heading(heading_text(content.node), level=min(content.node.depth + 1, 9))
    for merged in content.merged:
        write_merged(doc, merged, names, links)
    for c in content.contributions:
        write_contribution(doc, c, links)
    if table_here:
        write_aggregates(doc, cons)
    elif content.empty and _is_leaf(cons, content.node.id):   # a parent's children speak for it
        _italic(doc.add_paragraph(), NO_CONTENT)


# ---------------------------------------------------------------- the document


def _as_of(run_info: Mapping[str, Any] | None) -> datetime:
    value = (run_info or {}).get("as_of")
    if isinstance(value, str):
        value = parse_time(value)
    if not isinstance(value, datetime):
        return FIXED_TIME
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def build_draft(cons: Consolidation, period: str | None = None, links: Links | None = None,
                as_of: datetime = FIXED_TIME) -> docx.document.Document:
    """The draft as a python-docx Document (not yet saved)."""
    links = links or Links()
    doc = docx.Document()
    _setup_page(doc)
    _setup_styles(doc)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("DỰ THẢO BÁO CÁO TỔNG HỢP").bold = True
    for line in (cons.outline.title, f"Kỳ báo cáo: {period}" if period else None):
        if line:
            sub = doc.add_paragraph()
            sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _italic(sub, line)
    submitted = len({s.unit.id for s in cons.submissions if s.unit.id})
    expected = submitted + len(cons.missing)
    _italic(doc.add_paragraph(),
            f"Tổng hợp từ {len(cons.submissions)} báo cáo; {submitted}/{expected} đơn vị trong danh sách "
            f"đã nộp. Mỗi phần ghi rõ đơn vị, tệp nguồn (có liên kết), số thứ tự đoạn trong tệp nguồn (tính cả "
            f"đoạn trống và bảng) và mấy chữ đầu của phần trích để tìm trong tệp nguồn.")
    names = dict(cons.units)
    table_node = indicator_node(cons)
    for content in cons.nodes:
        write_node(doc, content, cons, names, links, table_here=content.node.id == table_node)
    if cons.unplaced:
        doc.add_heading(UNPLACED_TITLE, level=1)
        for c in cons.unplaced:
            write_contribution(doc, c, links)
    if table_node is None:
        doc.add_heading(APPENDIX_TITLE, level=1)
        write_aggregates(doc, cons)
    doc.add_heading(MISSING_TITLE, level=1)
    for unit in cons.missing:
        deadline = f" (hạn nộp {unit.han_nop:%d/%m/%Y})" if unit.han_nop else ""
        doc.add_paragraph(f"{unit.ten}{deadline}", style="List Bullet")
    if not cons.missing:
        _italic(doc.add_paragraph(), "(Tất cả đơn vị trong danh sách đã nộp báo cáo.)")
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = "Dự thảo báo cáo tổng hợp", "tonghop", "tonghop"
    props.revision, props.created, props.modified = 1, as_of, as_of
    return doc


def write_draft(cons: Consolidation, path: Path | str, period: str | None = None,
                run_info: Mapping[str, Any] | None = None, base_dir: Path | str | None = None) -> Path:
    """Write du-thao-tong-hop.docx atomically; same inputs and run_info['as_of'] give the same bytes.

    base_dir: the folder the submissions' `source` paths are relative to (the inbox); default cwd."""
    path = Path(path)
    links = Links(Path(base_dir) if base_dir is not None else None)
    doc = build_draft(cons, period, links=links, as_of=_as_of(run_info))
    buffer = io.BytesIO()
    doc.save(buffer)
    return write_bytes_atomic(path, stable_zip(buffer.getvalue()))

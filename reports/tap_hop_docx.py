"""The full-text compilation ("tập hợp nguyên văn", tap-hop-nguyen-van.docx): every kept report
rearranged by outline node, unit by unit, verbatim, with attribution lines linking to the source files.

It is what editors check the consolidated draft against: every unit paragraph carries a bookmark
(`bookmark_name(source rank, block index)`) that the draft's unit names and figures link to.
"""
from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tonghop.aggregators.consolidate import Consolidation, NodeContent
from tonghop.model import AggregateRow, Contribution, MergedParagraph, Paragraph, Table
from tonghop.reports.atomic import stable_zip, write_bytes_atomic
from tonghop.reports.docx_parts import (  # noqa: I001
    AGGREGATE_SHARES,
    APPENDIX_TITLE,
    FIXED_TIME,
    MISSING_TITLE,
    NO_CONTENT,
    QUOTE_WORDS,
    UNPLACED_TITLE,
    Links,
    add_bookmark,
    add_hyperlink,
    add_table,
    as_of,
    bookmark_name,
    content_shares,
    format_number,
    heading,
    heading_text,
    indicator_node,
    italic,
    paragraph_ranges,
    set_properties,
    setup_page,
    setup_styles,
    source_ranks,
    styled,
)
from tonghop.reports.labels import TONG_HOP_LABEL

__all__ = [
    "aggregate_table_rows", "attribution", "attribution_text", "Bookmarks", "build_compilation", "is_leaf",
    "opening_words", "ordered_blocks", "TITLE", "write_aggregates", "write_compilation", "write_contribution",
    "write_merged", "write_missing", "write_node",
]

TITLE = "TẬP HỢP NGUYÊN VĂN BÁO CÁO CỦA CÁC ĐƠN VỊ"


class Bookmarks:
    """Bookmarks on the compilation's unit paragraphs: one per (source, block index), the first paragraph
    that has it (a footnote shares its anchor's index)."""

    def __init__(self, cons: Consolidation):
        self.ranks = source_ranks(cons)
        self.done: set[str] = set()

    def mark(self, paragraph, source: str, index: int) -> None:
        rank = self.ranks.get(source)
        if rank is None:
            return
        name = bookmark_name(rank, index)
        if name not in self.done:
            self.done.add(name)
            add_bookmark(paragraph, name, len(self.done))


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


def attribution(doc, name: str, source: str, blocks: list[Paragraph | Table], links: Links):
    """'[Unit — file.docx, đoạn …, bắt đầu: “…”]' with the file name linking to the source."""
    p = doc.add_paragraph()
    italic(p, f"[{name} — ")
    add_hyperlink(p, Path(source).name, links.target(source))
    italic(p, attribution_text(blocks) + "]")
    return p


def write_merged(doc, merged: MergedParagraph, names: dict[str, str], links: Links, marks: Bookmarks) -> None:
    """Boilerplate several units share: one attribution naming all of them, the text once."""
    p = doc.add_paragraph()
    italic(p, f"[Nội dung chung của {len(merged.sources)} đơn vị: ")
    for n, (unit_id, source, index) in enumerate(merged.sources):
        italic(p, ("; " if n else "") + f"{names.get(unit_id, unit_id)} — ")
        add_hyperlink(p, Path(source).name, links.target(source))
        italic(p, f", đoạn {index + 1}")
    italic(p, "]")
    text = doc.add_paragraph(merged.text)
    for _, source, index in merged.sources:
        marks.mark(text, source, index)


def ordered_blocks(c: Contribution) -> list[tuple[int, int, Paragraph | Table]]:
    """A contribution's headings (0), paragraphs (1) and tables (2) in source order."""
    blocks: list[tuple[int, int, Paragraph | Table]] = [(h.index, 0, h) for h in c.headings]
    blocks += [(p.index, 1, p) for p in c.paragraphs] + [(t.index, 2, t) for t in c.tables]
    blocks.sort(key=lambda b: (b[0], b[1]))
    return blocks


def write_contribution(doc, c: Contribution, links: Links, marks: Bookmarks | None = None) -> None:
    """One unit's content under a node, in source order, after its attribution line; with `marks`, every
    paragraph bookmarked for the draft's links."""
    blocks = ordered_blocks(c)
    attribution(doc, c.unit_name, c.source, [b[2] for b in blocks], links)
    for _, kind, block in blocks:
        if kind == 0:
            p = doc.add_paragraph()
            italic(p, block.text)                   # the unit's own sub-heading, as context
        elif kind == 1:
            p = doc.add_paragraph(block.text)
        else:
            add_table(doc, block.rows, merge_header=True, shares=content_shares(block.rows))
            if marks is not None and block.rows:
                marks.mark(doc.tables[-1].cell(0, 0).paragraphs[0], c.source, block.index)
            continue
        if marks is not None:
            marks.mark(p, c.source, block.index)


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
    italic(p, f"Bảng tổng hợp các chỉ tiêu chủ yếu từ báo cáo của {units} đơn vị "
              "(chi tiết từng đơn vị trong tệp chi-tieu.xlsx).", bold=True)
    add_table(doc, aggregate_table_rows(cons.aggregates), header=True, shares=AGGREGATE_SHARES)


def is_leaf(cons: Consolidation, node_id: str) -> bool:
    return not any(n.node.parent == node_id for n in cons.nodes)


def write_node(doc, content: NodeContent, cons: Consolidation, names: dict[str, str], links: Links,
               table_here: bool, marks: Bookmarks) -> None:
    """Heading of one outline node and everything under it."""
    heading(doc, heading_text(content.node), min(content.node.depth + 1, 9))
    for merged in content.merged:
        write_merged(doc, merged, names, links, marks)
    for c in content.contributions:
        write_contribution(doc, c, links, marks)
    if table_here:
        write_aggregates(doc, cons)
    elif content.empty and is_leaf(cons, content.node.id):   # a parent's children speak for it
        italic(doc.add_paragraph(), NO_CONTENT)


def write_missing(doc, cons: Consolidation) -> None:
    """The units of the registry that have not submitted (a bullet each), or a line saying all have."""
    for unit in cons.missing:
        deadline = f" (hạn nộp {unit.han_nop:%d/%m/%Y})" if unit.han_nop else ""
        styled(doc, f"{unit.ten}{deadline}", "List Bullet")
    if not cons.missing:
        italic(doc.add_paragraph(), "(Tất cả đơn vị trong danh sách đã nộp báo cáo.)")


def build_compilation(cons: Consolidation, period: str | None = None, links: Links | None = None,
                      as_of: datetime = FIXED_TIME) -> docx.document.Document:
    """The compilation as a python-docx Document (not yet saved)."""
    links = links or Links()
    marks = Bookmarks(cons)
    doc = docx.Document()
    setup_page(doc)
    setup_styles(doc)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(TITLE).bold = True
    for line in (cons.outline.title, f"Kỳ báo cáo: {period}" if period else None):
        if line:
            sub = doc.add_paragraph()
            sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
            italic(sub, line)
    submitted = len({s.unit.id for s in cons.submissions if s.unit.id})
    expected = submitted + len(cons.missing)
    italic(doc.add_paragraph(),
           f"Toàn văn {len(cons.submissions)} báo cáo, sắp xếp theo mục của đề cương, từng đơn vị một; "
           f"{submitted}/{expected} đơn vị trong danh sách đã nộp. Mỗi phần ghi rõ đơn vị, tệp nguồn (có liên "
           "kết), số thứ tự đoạn trong tệp nguồn (tính cả đoạn trống và bảng) và mấy chữ đầu của phần trích để "
           "tìm trong tệp nguồn. Đây là bản đối chiếu của dự thảo tổng hợp (du-thao-tong-hop.docx).")
    names = dict(cons.units)
    table_node = indicator_node(cons)
    for content in cons.nodes:
        write_node(doc, content, cons, names, links, content.node.id == table_node, marks)
    if cons.unplaced:
        heading(doc, UNPLACED_TITLE, 1)
        for c in cons.unplaced:
            write_contribution(doc, c, links, marks)
    if table_node is None:
        heading(doc, APPENDIX_TITLE, 1)
        write_aggregates(doc, cons)
    heading(doc, MISSING_TITLE, 1)
    write_missing(doc, cons)
    set_properties(doc, "Tập hợp nguyên văn báo cáo của các đơn vị", as_of)
    return doc


def write_compilation(cons: Consolidation, path: Path | str, period: str | None = None,
                      run_info: Mapping[str, Any] | None = None, base_dir: Path | str | None = None) -> Path:
    """Write tap-hop-nguyen-van.docx atomically; same inputs and run_info['as_of'] give the same bytes.

    base_dir: the folder the submissions' `source` paths are relative to (the inbox); default cwd."""
    path = Path(path)
    links = Links(Path(base_dir) if base_dir is not None else None)
    doc = build_compilation(cons, period, links=links, as_of=as_of(run_info))
    buffer = io.BytesIO()
    doc.save(buffer)
    return write_bytes_atomic(path, stable_zip(buffer.getvalue()))

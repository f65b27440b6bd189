"""The consolidated draft ("dự thảo báo cáo tổng hợp") as a Word document.

Front: how the draft was made (reports, units, the rule), a table-of-contents field, the units that have
not submitted. Then the outline headings as real Word heading styles; under each, the statements several
units made, once, in neutral wording, each followed by the units that made it with their own figures
and a total where one is meaningful (most units first); then what each unit alone wrote, verbatim, after
an attribution line. The aggregated indicator table stays in P1.III.1.

Provenance: every unit name (with its figures) in a statement, and every attribution line, links to the
unit's paragraph in tap-hop-nguyen-van.docx (`tap-hop-nguyen-van.docx#d<rank>_<index>`, a relative link:
the two files are written and archived together, and Word and LibreOffice both open a document at a
bookmark from such a link); the attribution lines also link to the source file itself (absolute file://).
A footnote per figure was the alternative: it would double the draft's length and Writer shows footnotes
only at the page's foot; a comment clutters the margin and is lost when the editor accepts the text.
"""
from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tonghop.aggregators.consolidate import Consolidation, NodeContent
from tonghop.aggregators.statements import Statement, short_name
from tonghop.aggregators.versions import UNKNOWN_PREFIX
from tonghop.model import Contribution
from tonghop.reports.atomic import stable_zip, write_bytes_atomic

# re-exported: tests and other writers import these from here
from tonghop.reports.docx_parts import (  # noqa: I001
    APPENDIX_TITLE,  # noqa: F401
    COMPILATION_FILE,
    FIXED_TIME,
    MISSING_TITLE,
    NO_CONTENT,
    UNPLACED_TITLE,
    Links,
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
    merged_spans,
    paragraph_ranges,
    set_properties,
    setup_page,
    setup_styles,
    source_link,
    source_ranks,
    styled,
)
from tonghop.reports.tap_hop_docx import (  # noqa: F401
    attribution_text,
    is_leaf,
    opening_words,
    ordered_blocks,
    write_aggregates,
    write_contribution,
    write_missing,
)

__all__ = [
    # re-exported from docx_parts and tap_hop_docx (tests and other writers import them from here)
    "APPENDIX_TITLE", "COMPILATION_FILE", "FIXED_TIME", "MISSING_TITLE", "NO_CONTENT", "UNPLACED_TITLE", "Links",
    "add_hyperlink", "add_table", "as_of", "bookmark_name", "content_shares", "format_number", "heading_text",
    "indicator_node", "merged_spans", "paragraph_ranges", "source_link", "source_ranks", "attribution_text",
    "opening_words", "write_aggregates", "write_contribution", "write_missing",
    "add_toc", "Anchors", "build_draft", "HOW_TITLE", "indicator_tables_note", "MISSING_LABEL", "own_part",
    "RULE", "rule_sentence", "SOURCE_STYLE", "statement_paragraph", "TITLE", "TOC_PLACEHOLDER", "TOC_TITLE",
    "write_draft", "write_front", "write_node",
]

TITLE = "DỰ THẢO BÁO CÁO TỔNG HỢP"
SOURCE_STYLE = "Nguồn trích"      # attribution lines: editors can find, hide or delete them by style
TOC_TITLE = "MỤC LỤC"
TOC_PLACEHOLDER = "(Mục lục: nhấn chuột phải, chọn “Cập nhật trường” / Update Field, hoặc F9.)"
MISSING_LABEL = "Đơn vị chưa nộp báo cáo:"
UNKNOWN_UNIT = "Đơn vị chưa xác định"
HOW_TITLE = "Cách lập dự thảo"
RULE = ("Ý kiến mà nhiều đơn vị cùng nêu được viết một lần với chủ ngữ chung, kèm tên và số liệu riêng của "
        "từng đơn vị trong ngoặc (có tổng cộng khi số liệu cộng được), xếp theo số đơn vị nêu; sau đó là nội "
        "dung riêng của từng đơn vị, giữ nguyên văn, theo thứ tự danh sách đơn vị.")


def rule_sentence(cons: Consolidation) -> str:
    """'Tổng hợp từ N báo cáo của M đơn vị …' and the consolidation rule in one sentence."""
    units = len({uid for uid, _ in cons.units})
    submitted = len({s.unit.id for s in cons.submissions if s.unit.id})
    expected = submitted + len(cons.missing)
    return (f"Dự thảo được tổng hợp tự động từ {len(cons.submissions)} báo cáo của {units} đơn vị "
            f"({submitted}/{expected} đơn vị trong danh sách đã nộp). {RULE} Tên đơn vị và số liệu có liên kết "
            f"tới đoạn nguyên văn trong tệp {COMPILATION_FILE} (để cùng thư mục với dự thảo); dòng nguồn in "
            "nghiêng có liên kết tới tệp báo cáo gốc và số thứ tự đoạn.")


def _source_style(doc) -> None:
    if SOURCE_STYLE not in [s.name for s in doc.styles]:
        style = doc.styles.add_style(SOURCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.italic = True
        style.font.size = doc.styles["Normal"].font.size
        style.paragraph_format.keep_with_next = True


def _toc_styles(doc) -> None:
    for level in (1, 2, 3):
        name = f"TOC {level}"
        if name not in [s.name for s in doc.styles]:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = doc.styles["Normal"]
            style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            style.paragraph_format.space_after = Pt(2)


def _field_char(run, kind: str, dirty: bool = False) -> None:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    if dirty:
        el.set(qn("w:dirty"), "true")
    run._r.append(el)


def add_toc(doc, cons: Consolidation) -> None:
    """A Word table-of-contents field over heading levels 1-3. Its shown result lists the outline's
    titles (without labels or page numbers, so that reading the draft back never takes them for
    headings); Word is asked to update the field on opening, which adds labels and page numbers."""
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(TOC_TITLE).bold = True
    _toc_styles(doc)
    entries = [(n.depth + 1, n.title) for n in cons.outline.nodes if n.depth <= 2] or [(1, TOC_PLACEHOLDER)]
    for k, (level, text) in enumerate(entries):
        p = styled(doc, "", f"TOC {level}")
        if k == 0:
            run = p.add_run()
            _field_char(run, "begin", dirty=True)
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = ' TOC \\o "1-3" \\h \\z \\u '
            run._r.append(instr)
            _field_char(run, "separate")
        p.add_run(text)
        if k == len(entries) - 1:
            _field_char(p.add_run(), "end")
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def write_front(doc, cons: Consolidation, period: str | None) -> None:
    """Title, how the draft was made, the table of contents, the units that have not submitted."""
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(TITLE).bold = True
    for line in (cons.outline.title, f"Kỳ báo cáo: {period}" if period else None):
        if line:
            sub = doc.add_paragraph()
            sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
            italic(sub, line)
    how = doc.add_paragraph()
    how.add_run(HOW_TITLE + ": ").bold = True
    italic(how, rule_sentence(cons))
    p = doc.add_paragraph()
    p.add_run(MISSING_LABEL).bold = True
    write_missing(doc, cons)
    add_toc(doc, cons)
    doc.add_page_break()


class Anchors:
    """Links into the compilation: 'tap-hop-nguyen-van.docx#d<rank>_<index>'."""

    def __init__(self, cons: Consolidation):
        self.ranks = source_ranks(cons)

    def target(self, source: str, index: int) -> str:
        rank = self.ranks.get(source)
        return COMPILATION_FILE if rank is None else f"{COMPILATION_FILE}#{bookmark_name(rank, index)}"


def statement_paragraph(doc, st: Statement, anchors: Anchors) -> None:
    """'<neutral sentence> (Đại Lộc: 23 tổ chức đảng; Duy Xuyên: 31 tổ chức đảng; tổng cộng 54 tổ chức
    đảng)' with each unit's part linking to its sentence in the compilation."""
    p = doc.add_paragraph()
    text = st.text.rstrip()
    end = ""
    if text and text[-1] in ".;:!?":
        text, end = text[:-1].rstrip(), text[-1]
    p.add_run(text + " (")
    separator = "; " if any(m.figures for m in st.mentions) else ", "
    for n, m in enumerate(st.mentions):
        if n:
            p.add_run(separator)
        label = m.short_name + (": " + ", ".join(m.figures) if m.figures else "")
        add_hyperlink(p, label, anchors.target(m.source, m.paragraphs[0]), italic=False)
    if st.totals:
        p.add_run("; " + ", ".join(st.totals))
    p.add_run(")" + (end or "."))


def own_part(doc, c: Contribution, links: Links, anchors: Anchors) -> None:
    """What one unit alone wrote under a node: '[Đại Lộc — dai-loc.docx, đoạn 12–14]' (the name links to
    the full text, the file to the source), then its text verbatim."""
    blocks = ordered_blocks(c)
    first = blocks[0][2].index if blocks else 0
    p = styled(doc, "", SOURCE_STYLE)
    p.add_run("[")
    label = UNKNOWN_UNIT if c.unit_id.startswith(UNKNOWN_PREFIX) else short_name(c.unit_name)
    add_hyperlink(p, label, anchors.target(c.source, first))
    p.add_run(" — ")
    add_hyperlink(p, Path(c.source).name, links.target(c.source))
    if blocks:
        p.add_run(f", đoạn {paragraph_ranges([b[2].index for b in blocks])}")
    p.add_run("]")
    for _, kind, block in blocks:
        if kind == 0:
            italic(doc.add_paragraph(), block.text)
        elif kind == 1:
            doc.add_paragraph(block.text)
        else:
            add_table(doc, block.rows, merge_header=True, shares=content_shares(block.rows))


def indicator_tables_note(doc, content: NodeContent, anchors: Anchors) -> None:
    """Units' indicator tables are summed up in the aggregate table; the note links to each in full."""
    if not content.indicator_tables:
        return
    p = styled(doc, "", SOURCE_STYLE)
    p.add_run(f"[Bảng chỉ tiêu của {len(content.indicator_tables)} đơn vị đã được tổng hợp vào bảng dưới đây "
              "và tệp chi-tieu.xlsx; nguyên văn: ")
    for n, t in enumerate(content.indicator_tables):
        if n:
            p.add_run(", ")
        add_hyperlink(p, short_name(t.unit_name), anchors.target(t.source, t.index))
    p.add_run("]")


def write_node(doc, content: NodeContent, cons: Consolidation, links: Links, anchors: Anchors,
               table_here: bool) -> None:
    """Heading of one outline node and its consolidated content."""
    heading(doc, heading_text(content.node), min(content.node.depth + 1, 9))
    for st in content.statements:
        statement_paragraph(doc, st, anchors)
    for c in content.own:
        own_part(doc, c, links, anchors)
    if table_here:
        indicator_tables_note(doc, content, anchors)
        write_aggregates(doc, cons)
    elif content.empty and is_leaf(cons, content.node.id):   # a parent's children speak for it
        italic(doc.add_paragraph(), NO_CONTENT)
    elif content.indicator_tables:
        indicator_tables_note(doc, content, anchors)


def build_draft(cons: Consolidation, period: str | None = None, links: Links | None = None,
                as_of: datetime = FIXED_TIME) -> docx.document.Document:
    """The draft as a python-docx Document (not yet saved)."""
    links = links or Links()
    anchors = Anchors(cons)
    doc = docx.Document()
    setup_page(doc)
    setup_styles(doc)
    _source_style(doc)
    write_front(doc, cons, period)
    table_node = indicator_node(cons)
    for content in cons.nodes:
        write_node(doc, content, cons, links, anchors, table_here=content.node.id == table_node)
    if cons.unplaced:
        heading(doc, UNPLACED_TITLE, 1)
        for c in cons.unplaced:
            own_part(doc, c, links, anchors)
    if table_node is None:
        heading(doc, APPENDIX_TITLE, 1)
        write_aggregates(doc, cons)
    set_properties(doc, "Dự thảo báo cáo tổng hợp", as_of)
    return doc


def write_draft(cons: Consolidation, path: Path | str, period: str | None = None,
                run_info: Mapping[str, Any] | None = None, base_dir: Path | str | None = None) -> Path:
    """Write du-thao-tong-hop.docx atomically; same inputs and run_info['as_of'] give the same bytes.

    base_dir: the folder the submissions' `source` paths are relative to (the inbox); default cwd."""
    path = Path(path)
    links = Links(Path(base_dir) if base_dir is not None else None)
    doc = build_draft(cons, period, links=links, as_of=as_of(run_info))
    buffer = io.BytesIO()
    doc.save(buffer)
    return write_bytes_atomic(path, stable_zip(buffer.getvalue()))

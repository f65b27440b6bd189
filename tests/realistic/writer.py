"""A python-docx document plus the truth of every body paragraph, written side by side."""
from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from tests.realistic import ooxml
from tonghop.parsers.normalize import clean


@dataclass
class Writer:
    """Writes paragraphs into a Document and records what a perfect parser must output for each."""

    blank_between: bool = False
    doc: docx.document.Document = field(default_factory=docx.Document)
    truth: list[dict] = field(default_factory=list)
    section: str = "front"

    def record(self, text: str, role: str, heading: bool = False, node: str | None = None,
               origin: str = "body", label: str = "", section: str | None = None) -> None:
        """Add a truth row for text that lands in the body (nothing for empty text)."""
        text = clean(text)
        if text:
            self.truth.append({"text": text, "section": section or self.section, "heading": heading,
                               "node": node, "role": role, "origin": origin, "label": label})

    def para(self, text: str = "", role: str = "body", *, style: str | None = None, bold: bool = False,
             italic: bool = False, center: bool = False, caps: bool = False, heading: bool = False,
             node: str | None = None, label: str = "", runs: list[tuple[str, bool]] | None = None,
             record: bool = True, blank_after: bool | None = None):
        """One paragraph; `runs` (text, bold) overrides `text` for split runs. Returns the paragraph."""
        p = self.doc.add_paragraph(style=style)
        for chunk, b in runs or [(text, bold)]:
            if chunk == "\t":
                ooxml.add_tab_run(p)
                continue
            r = p.add_run(chunk)
            r.bold = b or None
            r.italic = italic or None
            r.font.all_caps = caps or None
            r.font.name = "Times New Roman"
            r.font.size = Pt(14)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.paragraph_format.first_line_indent = Pt(28)
        if record:
            full = "".join(" " if c == "\t" else c for c, _ in (runs or [(text, bold)]))
            self.record(full, role, heading, node, label=label)
        if self.blank_between if blank_after is None else blank_after:
            self.doc.add_paragraph()
        return p

    def page_break(self) -> None:
        """A page break in an empty paragraph of its own."""
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(self, rows: list[list[str]], borders: bool = True, bold_first: bool = False):
        """A table of plain cells (cell paragraphs are not body paragraphs: no truth rows)."""
        t = self.doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        if borders:
            t.style = self.doc.styles["Table Grid"]
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                cell = t.cell(i, j)
                lines = text.split("\n")
                cell.paragraphs[0].text = ""
                for k, line in enumerate(lines):
                    p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    run = p.add_run(line)
                    run.bold = (bold_first and i == 0) or None
        return t

    def ensure_style(self, name: str, base: str = "Normal"):
        """A paragraph style by name, added when the template lacks it."""
        try:
            return self.doc.styles[name]
        except KeyError:
            st = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = self.doc.styles[base]
            return st

    def save(self) -> bytes:
        """The .docx bytes."""
        buf = BytesIO()
        self.doc.save(buf)
        return buf.getvalue()

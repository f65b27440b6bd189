"""The document under construction: body blocks and, built from the very same objects, its truth."""
from __future__ import annotations

from dataclasses import dataclass, field

from tonghop.parsers.normalize import clean

from .docx_writer import Cell, Para, Run, Sdt, Table
from .headings import Look, text_runs


def para_text(p: Para) -> str:
    """The text a parser should output for a paragraph: its own text runs, cleaned (labels of
    automatic numbering are not text; text boxes and footnotes are separate paragraphs)."""
    return clean("".join(r.text for r in p.runs if r.kind in ("text", "ins", "hyperlink")))


def cell_text(c: Cell) -> str:
    """A cell's text: its own paragraphs joined by spaces (nested tables are separate tables)."""
    return clean(" ".join(para_text(b) for b in c.content if isinstance(b, Para)))


def expand(t: Table) -> list[list[str]]:
    """Logical cells: a gridSpan cell fills every grid column it spans, a vMerge continuation
    cell carries the text of the cell that starts the merge."""
    grid: list[list[str]] = []
    for row in t.rows:
        out: list[str] = []
        for c in row:
            col = len(out)
            if c.vmerge == "continue" and grid:
                above = grid[-1]
                txt = above[col] if col < len(above) else ""
            else:
                txt = cell_text(c)
            out.extend([txt] * c.span)
        grid.append(out)
    return grid


@dataclass
class DocAcc:
    """Blocks in document order and the truth records that describe them."""

    look: Look
    blocks: list = field(default_factory=list)
    paragraphs: list[dict] = field(default_factory=list)
    tables: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    non_indicators: list[str] = field(default_factory=list)
    features: set[str] = field(default_factory=set)
    section: str = "front"
    ctx: dict = field(default_factory=dict)
    labels: object = None                  # the builder's label counter (automatic numbering state)
    nblock: int = 0                        # body blocks so far (paragraphs inside a w:sdt count one each)

    def runs(self, text: str, **kw) -> tuple[Run, ...]:
        """Runs of a text in this document's encoding."""
        return text_runs(text, self.look.encoding, **kw)

    def para(self, p: Para, role: str, *, heading: bool = False, node: str | None = None,
             level: int | None = None, label: str | None = None, section: str | None = None) -> None:
        """Append a body paragraph; its text-box and footnote paragraphs follow it in the truth."""
        self.blocks.append(p)
        self._note_para(p, role, heading, node, level, label, section)

    def sdt(self, paras: list[Para], role: str, alias: str = "Nội dung") -> None:
        """Paragraphs wrapped in a block-level content control."""
        self.blocks.append(Sdt(tuple(paras), alias))
        self.features.add("content_control")
        for p in paras:
            self._note_para(p, role, False, None, None, None, None)

    def _note_para(self, p: Para, role: str, heading: bool, node: str | None, level: int | None,
                   label: str | None, section: str | None) -> None:
        block = self.nblock
        self.nblock += 1
        sec = section or self.section
        text = para_text(p)
        if text:
            self.paragraphs.append({"text": text, "section": sec, "heading": heading, "node": node,
                                    "level": level, "label": label, "role": role, "origin": "body",
                                    "block": block})
        for r in p.runs:
            if r.kind in ("textbox", "footnote"):
                self.features.add("text_box" if r.kind == "textbox" else "footnote")
                for inner in r.content:
                    t = para_text(inner)
                    if t:
                        self.paragraphs.append({"text": t, "section": sec, "heading": False, "node": None,
                                                "level": None, "label": None, "role": r.kind,
                                                "origin": r.kind, "block": block})

    def body(self, text: str, role: str = "body", **kw) -> None:
        """A justified body paragraph with first-line indent."""
        self.para(Para(self.runs(text), align="both", indent=True), role, **kw)

    def table(self, t: Table, role: str, section: str | None = None) -> int:
        """Append a table; nested tables are recorded after it. Returns its truth index."""
        block = self.nblock
        self.nblock += 1
        self.blocks.append(t)
        return self._record(t, role, section or self.section, block, None)

    def _record(self, t: Table, role: str, sec: str, block: int, parent: int | None) -> int:
        idx = len(self.tables)
        self.tables.append({"rows": expand(t), "section": sec, "role": role, "block": block,
                            "nested": parent is not None, "parent": parent})
        if any(c.span > 1 for row in t.rows for c in row):
            self.features.add("table_gridspan")
        if any(c.vmerge for row in t.rows for c in row):
            self.features.add("table_vmerge")
        for row in t.rows:
            for c in row:
                for b in c.content:
                    if isinstance(b, Table):
                        self.features.add("nested_table")
                        self._record(b, "nested", sec, block, idx)
        return idx

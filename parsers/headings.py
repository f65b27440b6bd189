"""Heading detection: is a block a heading, with which label and how strong is the evidence.

Detection only; which outline node a heading is belongs to `align.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tonghop.parsers.docx_reader import Block
from tonghop.parsers.normalize import strip_diacritics

__all__ = ["Candidate", "detect", "detect_all", "KIND_DEPTH", "Label", "parse_label", "roman_value"]

# Label kinds and the outline depth they usually sit at.
KIND_DEPTH = {"part": 0, "roman": 1, "arabic": 2, "multi": 3, "letter": 3, "upper": 3}
# "upper" (A., B.) is used for parts by some units and for sub-items by others: where it aligns with
# parts the document teaches its depth (parse.learn_depths); unaligned, it is taken as a sub-item.

_PART_WORDS = {
    "nhat": 1, "mot": 1, "i": 1, "1": 1,
    "hai": 2, "ii": 2, "2": 2,
    "ba": 3, "iii": 3, "3": 3,
    "tu": 4, "bon": 4, "iv": 4, "4": 4,
    "nam": 5, "v": 5, "5": 5,
}
_PART = re.compile(r"^ph[aâầ]n\s+(?:th[uứ]\s+)?([^\s:.\-–—/)]+)\s*[:.\-–—/)]?\s*(.*)$", re.I | re.S)
_ROMAN = re.compile(r"^([IVXL]{1,6})\s*(?:[.\-/)–—:]+|\t)\s*(.*)$", re.S)
_MULTI = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\s*[.)\-/:]?(?:\s+|\t)(?=\D)(.*)$", re.S)
_ARABIC = re.compile(r"^(\d{1,2})\s*(?:[.)\-/:–—]+|\t)\s*(?=[^\d\s])(.*)$", re.S)
_LETTER = re.compile(r"^([a-zđ])\s*[).](?:\s+|\t)(?=\S)(.*)$", re.S)
_UPPER = re.compile(r"^([A-H])\s*[.)](?:\s+|\t)(?=\S)(.*)$", re.S)
_LABEL_START = re.compile(r"(?:[Pp][Hh]|[IVXL]|\d|[a-zđ]\s*[).]|[A-H]\s*[.)])")    # cheap guard before the five patterns
_BULLET = re.compile(r"^[-+•●○▪■□◦*–—➢►✓]")
_ROMAN_VALID = re.compile(r"^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})$")
_RUN_IN = re.compile(r"^([^:.!?]{3,120}?)\s*:+\s+(\S.*)$", re.S)
_SENTENCE_END = re.compile(r"[.;!?…]\s*$")


@dataclass(frozen=True)
class Label:
    """A heading label: kind, canonical value ("III", "2", "a", "1.2", part number) and depth."""

    kind: str
    value: str
    text: str            # as written, e.g. "III." or "Phần thứ nhất"

    @property
    def depth(self) -> int:
        return KIND_DEPTH[self.kind]


@dataclass(frozen=True)
class Candidate:
    """A block that may be a heading."""

    pos: int                 # position in the block list
    label: Label | None
    title: str               # heading words without the label
    strength: float          # 0..1 evidence that this is a heading at all
    style_level: int | None  # 0-based level from outline level or heading style
    num_level: int | None = None   # automatic-numbering level (w:ilvl), when numbered

    def level_keys(self) -> tuple[tuple, ...]:
        """What this heading's level can be learnt from, most telling first."""
        keys = []
        if self.label is not None:
            keys.append(("label", self.label.kind))
        if self.num_level is not None:
            keys.append(("num", self.num_level))
        if self.style_level is not None:
            keys.append(("style", self.style_level))
        return tuple(keys)


def parse_label(text: str) -> tuple[Label | None, str]:
    """Split a leading label off a heading text: 'III. KẾT QUẢ' -> (roman III, 'KẾT QUẢ')."""
    s = text.strip()
    if not _LABEL_START.match(s):
        return None, s
    m = _PART.match(s)
    if m:
        word = strip_diacritics(m.group(1)).casefold().rstrip(":.")
        if word in _PART_WORDS:
            return Label("part", str(_PART_WORDS[word]), s[: m.start(2)].strip()), m.group(2).strip()
    m = _ROMAN.match(s)
    if m and _ROMAN_VALID.match(m.group(1)):
        return Label("roman", m.group(1), s[: m.start(2)].strip()), m.group(2).strip()
    m = _UPPER.match(s)
    if m:
        return Label("upper", str(ord(m.group(1)) - ord("A") + 1), s[: m.start(2)].strip()), m.group(2).strip()
    m = _MULTI.match(s)
    if m:
        return Label("multi", m.group(1), s[: m.start(2)].strip()), m.group(2).strip()
    m = _ARABIC.match(s)
    if m:
        return Label("arabic", str(int(m.group(1))), s[: m.start(2)].strip()), m.group(2).strip()
    m = _LETTER.match(s)
    if m:
        return Label("letter", m.group(1), s[: m.start(2)].strip()), m.group(2).strip()
    return None, s


def roman_value(text: str) -> int:
    """'XIV' -> 14."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values.get(a, 0)
        total += -v if values.get(b, 0) > v else v
    return total


def _is_upper(text: str) -> bool:
    return text.isupper() and sum(1 for c in text[:12] if c.isalpha()) >= 3


def _strip_title(title: str) -> str:
    return title.strip().rstrip(":").strip()


def detect(block: Block, pos: int) -> Candidate | None:
    """The heading candidate a paragraph block makes, or None for plain body text."""
    if block.kind == "table":
        return _table_heading(block, pos)
    if block.origin not in ("body", "textbox"):
        return None
    if block.origin == "textbox":
        c = detect(block._replace(origin="body"), pos)
        # a floating text box holding "PHẦN THỨ HAI" is a heading; other boxes are side notes
        return c if c is not None and c.label is not None and c.label.kind in ("part", "roman") else None
    text = block.text
    style_level = block.outline_level
    if style_level is None and block.style_level is not None:
        style_level = block.style_level - 1
    auto_bullet = block.num_format == "bullet"
    if block.num_label and not auto_bullet:
        label, title = parse_label(f"{block.num_label} {text}")
        if label is None:
            title = text
    else:
        label, title = parse_label(text)
    run_in = _RUN_IN.match(title)
    if run_in and len(run_in.group(2).split()) >= 4:
        return _run_in_heading(block, pos, label, run_in.group(1), style_level, auto_bullet)
    words = len(title.split()) or 1
    if style_level is None and label is None and not (block.bold or block.caps) and (words > 40 or not title.isupper()):
        return None                      # plain body text: the common case, decided cheaply
    emphasised = block.bold or block.caps or _is_upper(title)
    sentence = bool(_SENTENCE_END.search(title)) and not title.endswith("...")
    if style_level is not None:
        strength = 1.0
    elif _BULLET.match(text) or auto_bullet:
        return None
    elif label is not None:
        if emphasised and words <= 60:
            strength = 0.9
        elif block.num_label and words <= 30 and not sentence:
            strength = 0.8
        elif words <= 25 and not sentence:
            strength = 0.6
        else:
            strength = 0.3
    elif emphasised and 1 <= words <= 40 and not sentence:
        strength = 0.5
    else:
        return None
    return Candidate(pos=pos, label=label, title=_strip_title(title), strength=strength, style_level=style_level,
                     num_level=block.num_level if block.num_label and not auto_bullet else None)


def _table_heading(block: Block, pos: int) -> Candidate | None:
    """A heading typed into a one-cell (or one merged row) table: "V. ĐÁNH GIÁ CHUNG" in a box."""
    if block.origin != "body" or block.table is None or len(block.table.rows) != 1:
        return None
    cells = {c for c in block.table.rows[0] if c}
    if len(cells) != 1:
        return None
    text = " ".join(next(iter(cells)).split())
    label, title = parse_label(text)
    if text.count(" ") >= 30 or _SENTENCE_END.search(title):
        return None
    if label is None and not _is_upper(title):
        return None
    return Candidate(pos=pos, label=label, title=_strip_title(title), strength=0.8 if label else 0.5,
                     style_level=None)


def _run_in_heading(block: Block, pos: int, label: Label | None, head: str, style_level: int | None,
                    auto_bullet: bool) -> Candidate | None:
    """A heading followed by its body in the same paragraph: "4. Những khó khăn vướng mắc: Đề nghị …".
    Only the words before the colon are the heading's title."""
    if style_level is not None:
        strength = 1.0
    elif _BULLET.match(block.text) or auto_bullet:
        return None
    elif block.lead_bold or block.bold:
        strength = 0.8 if label is not None else 0.5
    elif label is not None:
        strength = 0.6
    else:
        return None
    return Candidate(pos=pos, label=label, title=_strip_title(head), strength=strength, style_level=style_level,
                     num_level=block.num_level if block.num_label and not auto_bullet else None)


def detect_all(blocks: list[Block]) -> list[Candidate]:
    """Every heading candidate of a document, in order."""
    out: list[Candidate] = []
    for pos, block in enumerate(blocks):
        c = detect(block, pos)
        if c is None or not (c.title or c.label is not None):
            continue
        prev = out[-1] if out else None
        if (prev is not None and prev.pos == pos - 1 and prev.label is not None and prev.label.kind == "part"
                and not prev.title and c.label is None):
            # "PHẦN THỨ HAI" then its title on the next line: the title is part of the part heading
            out[-1] = replace(prev, title=c.title)
            continue
        out.append(c)
    return out

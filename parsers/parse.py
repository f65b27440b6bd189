"""One submission: bytes → blocks → heading candidates → alignment → sections and unit."""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # pyright: ignore[reportAttributeAccessIssue] - lxml ships no type stubs

from tonghop.model import FileWarning, Outline, Paragraph, Reference, Section, Submission, Table
from tonghop.parsers.align import align, closing_position
from tonghop.parsers.docx_reader import Block, DocxError, page_header_lines, read_docx
from tonghop.parsers.headings import KIND_DEPTH, Candidate, Label, detect_all, roman_value
from tonghop.parsers.units import HEADER, LETTERHEAD, UNCERTAIN, UnitKeys, identify_unit, unit_keys

__all__ = [
    "build_sections", "file_sha256", "heading_depth", "label_value", "learn_depths", "LOW_CONFIDENCE",
    "MAX_FILE_BYTES", "missing_nodes", "parse_bytes", "parse_file", "read_submission",
]

MAX_FILE_BYTES = 100 * 1024 * 1024
LOW_CONFIDENCE = 0.75


@dataclass
class _Builder:
    id: str
    heading: Paragraph | None
    matched: bool
    score: float
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.id, self.heading, self.matched, self.score, tuple(self.paragraphs), tuple(self.tables))


def read_submission(path: Path | str) -> bytes:
    """The bytes of a submitted file, refusing what cannot be a report."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocxError(f"Tệp quá lớn ({size // 1_000_000} MB) / file too large ({size // 1_000_000} MB)")
        if size == 0:
            raise DocxError("Tệp rỗng / empty file")
        return p.read_bytes()
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise DocxError(f"Không tìm thấy tệp {p.name} / file not found: {p.name}") from exc
    except PermissionError as exc:
        raise DocxError(f"Không có quyền đọc tệp {p.name} / permission denied: {p.name}") from exc
    except OSError as exc:
        raise DocxError(f"Không đọc được tệp {p.name} / cannot read {p.name}") from exc


def file_sha256(path: Path | str) -> str | None:
    """sha256 of a file's bytes, or None when it cannot be read at all."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def parse_file(path: Path | str, ref: Reference, keys: tuple[UnitKeys, ...] | None = None) -> Submission:
    """Parse a submitted .docx; raises DocxError with a one-line reason when unreadable."""
    return parse_bytes(read_submission(path), str(path), ref, keys)


def parse_bytes(data: bytes, source: str, ref: Reference, keys: tuple[UnitKeys, ...] | None = None) -> Submission:
    """Parse the bytes of a .docx into a Submission (indicators not yet extracted)."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        blocks, warnings = read_docx(data)
    except DocxError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, RecursionError, MemoryError, etree.LxmlError) as exc:
        raise DocxError(f"Tệp .docx hỏng, không phân tích được ({type(exc).__name__}) / corrupt .docx, cannot parse") from exc
    sections, section_warnings = build_sections(blocks, ref.outline)
    keys = keys if keys is not None else unit_keys(ref.units)
    unit = identify_unit(_header_lines(sections), source, keys)
    if not unit.evidence.startswith((HEADER, LETTERHEAD, UNCERTAIN)):     # no letterhead in the body: the
        in_page_header = identify_unit(page_header_lines(data), source, keys)   # page header may hold it
        if in_page_header.evidence.startswith((HEADER, LETTERHEAD, UNCERTAIN)):
            unit = in_page_header
    warnings = list(warnings) + section_warnings
    if unit.id is None and unit.evidence.startswith(LETTERHEAD):
        sender = unit.evidence.removeprefix(LETTERHEAD)
        warnings.append(FileWarning("unit-not-registered", f"Báo cáo của '{sender}', không có trong danh sách đơn vị",
                                    f"report from '{sender}', not in the units registry"))
    elif unit.id is None and unit.evidence.startswith(UNCERTAIN):
        guess = unit.evidence.removeprefix(UNCERTAIN)
        warnings.append(FileWarning("unit-uncertain", f"Đơn vị gửi chưa chắc chắn ({guess}, điểm {unit.score:.2f}), "
                                    f"cần rà soát; chưa tính là đã nộp",
                                    f"reporting unit uncertain ({guess}, score {unit.score:.2f}): review; "
                                    f"not counted as submitted"))
    elif unit.id is None:
        warnings.append(FileWarning("unit-unknown", "Không xác định được đơn vị gửi báo cáo",
                                    "reporting unit not identified"))
    return Submission(source=source, sha256=sha, outline=ref.outline.id, unit=unit,
                      sections=tuple(sections), warnings=tuple(warnings))


def _header_lines(sections: list[Section]) -> list[str]:
    lines: list[str] = []
    for s in sections:
        if s.id != "front":
            break
        items = sorted([(p.index, 0, [p.text]) for p in s.paragraphs] +
                       [(t.index, 1, [c for row in t.rows for c in dict.fromkeys(row) if c]) for t in s.tables])
        for _, _, texts in items:
            for text in texts:
                lines.extend(x for x in text.split("\n") if x.strip())
    return lines[:40]


def learn_depths(candidates: list[Candidate], aligned: dict[int, str], outline: Outline) -> dict[tuple, int]:
    """How this document marks each outline depth: label kind, numbering level, style level → depth,
    learnt from the headings that aligned (a unit may number its Roman-level sections "1.")."""
    votes: dict[tuple, Counter] = {}
    for c in candidates:
        if c.pos in aligned:
            depth = outline.node(aligned[c.pos]).depth
            for key in c.level_keys():
                votes.setdefault(key, Counter())[depth] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}


def heading_depth(cand: Candidate, depths: dict[tuple, int]) -> int | None:
    """The outline depth an unaligned heading sits at, by what the document taught, else by its label."""
    if cand.label is not None:
        return depths.get(("label", cand.label.kind), KIND_DEPTH[cand.label.kind])
    for key in cand.level_keys():
        if key in depths:
            return depths[key]
    return None


def _enclosing(outline: Outline, current: str, depth: int | None) -> str:
    """The outline node that holds an unaligned heading: the nearest ancestor above its depth."""
    if depth is None or current in ("front", "back"):
        return current
    node = outline.node(current)
    while node.depth >= depth and node.parent is not None:
        node = outline.node(node.parent)
    return node.id


class _Numbering:
    """The numbers a document has written so far at each depth, and the unit's own numbered list.

    Decides whether an unaligned numbered line is a new section of its own (it continues the
    numbering of the sections at its depth: "VI." after "V.") or an item of a list inside the
    current section ("1. Tổ chức 25 hội nghị…" right under "1. Công tác lãnh đạo…")."""

    def __init__(self) -> None:
        self.written: dict[int, int] = {}
        self.run: tuple[str, int] | None = None

    def heading(self, depth: int, label: Label | None) -> None:
        """A heading at this depth was written with this label."""
        self.written = {d: v for d, v in self.written.items() if d < depth}
        value = label_value(label)
        if value is not None:
            self.written[depth] = value
        self.run = None

    def item(self, cand: Candidate) -> None:
        """A numbered line that is plainly a list item (a sentence) was written."""
        value = label_value(cand.label)
        if value is not None and cand.label is not None:
            self.run = (cand.label.kind, value)

    def is_list_item(self, cand: Candidate, depth: int | None, climbs: bool) -> bool:
        """Whether an unaligned candidate is an item of a list rather than a heading."""
        value = label_value(cand.label)
        if value is None or cand.label is None:
            return False
        kind = cand.label.kind
        if self.run is not None and self.run == (kind, value - 1):
            self.run = (kind, value)
            return True
        if not climbs:
            return False
        previous = self.written.get(depth) if depth is not None else None
        if previous is not None and value == previous + 1 or previous is None and cand.strength >= 0.8:
            self.heading(depth, cand.label)
            return False
        self.run = (kind, value)
        return True


def label_value(label: Label | None) -> int | None:
    """The number a label counts: III -> 3, 2 -> 2, b -> 2, Phần thứ hai -> 2; None for 1.2."""
    if label is None or label.kind == "multi":
        return None
    if label.kind == "roman":
        return roman_value(label.value)
    if label.kind == "letter":
        return ord(label.value) - ord("a") + 1 if label.value != "đ" else 5
    return int(label.value) if label.value.isdigit() else None


def build_sections(blocks: list[Block], outline: Outline) -> tuple[list[Section], list[FileWarning]]:
    """Blocks in order → sections: front, outline nodes (and unaligned headings inside them), back."""
    candidates = detect_all(blocks)
    alignment = {a.pos: a for a in align(candidates, outline)}
    by_pos = {c.pos: c for c in candidates}
    depths = learn_depths(candidates, {p: a.node_id for p, a in alignment.items()}, outline)
    closing = closing_position(blocks, sorted(alignment))
    warnings: list[FileWarning] = []
    current = _Builder("front", None, True, 1.0)
    sections: list[Section] = []
    node_id = "front"
    numbers = _Numbering()
    for pos, block in enumerate(blocks):
        if pos == closing:
            sections.append(current.freeze())
            current = _Builder("back", None, True, 1.0)
            node_id = "back"
        para = Paragraph(text=block.text, index=block.index, style=block.style, raw=block.raw,
                         label=block.num_label or "") if block.kind == "p" else None
        cand = by_pos.get(pos)
        if pos in alignment:
            a = alignment[pos]
            sections.append(current.freeze())
            current = _Builder(a.node_id, para, True, a.score)
            if block.kind == "table":               # heading typed in a one-cell table: the table stays
                current.tables.append(block.table)  # a table, the section starts at it
            node_id = a.node_id
            numbers.heading(outline.node(node_id).depth, cand.label)
            if a.score < LOW_CONFIDENCE:
                warnings.append(FileWarning(
                    "heading-low-confidence",
                    f"Đề mục '{block.text[:60]}' khớp {a.node_id} với độ tin cậy thấp ({a.score:.2f})",
                    "low-confidence heading match"))
            continue
        if cand is not None and cand.strength < 0.5:
            numbers.item(cand)                      # a numbered sentence: an item of the unit's list
        elif cand is not None and block.kind == "p" and node_id not in ("front", "back"):
            depth = heading_depth(cand, depths)
            climbs = depth is not None and depth <= outline.node(node_id).depth
            if not numbers.is_list_item(cand, depth, climbs):
                sections.append(current.freeze())
                node_id = _enclosing(outline, node_id, depth)
                current = _Builder(node_id, para, False, 0.0)
                continue
        if block.kind == "table":
            current.tables.append(block.table)
        else:
            current.paragraphs.append(para)
    sections.append(current.freeze())
    sections = [s for s in sections if s.heading is not None or s.paragraphs or s.tables]
    if not alignment:
        warnings.append(FileWarning("no-heading", "Không nhận ra đề mục nào của đề cương",
                                    "no outline heading recognised"))
    else:
        missing = missing_nodes(outline, {a.node_id for a in alignment.values()})
        if missing:
            warnings.append(FileWarning("sections-missing", f"Báo cáo thiếu mục: {', '.join(missing)}",
                                        f"sections not found: {', '.join(missing)}"))
    return sections, warnings


def missing_nodes(outline: Outline, found: set[str]) -> list[str]:
    """Outline nodes with no heading of their own or below them, top-most only."""
    covered = set(found)
    for node_id in found:
        node = outline.node(node_id)
        while node.parent is not None:
            covered.add(node.parent)
            node = outline.node(node.parent)
    missing = [n.id for n in outline.nodes if n.id not in covered]
    return [m for m in missing if outline.node(m).parent not in missing]

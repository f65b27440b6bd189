"""The typed model every stage shares: reference data, parsed submissions, indicators.

Parsers produce it, aggregators consume it, reports render it. All frozen dataclasses;
`to_json()` on a Submission is the `tonghop parse --json` serialisation of the contract.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

__all__ = [
    "Aggregation", "AggregateRow", "Candidate", "Catalog", "CatalogEntry", "Contribution", "Decision", "Direction", "FileRecord",
    "FileStatus", "FileWarning", "IndicatorValue", "MergedParagraph", "Outline", "OutlineNode", "Paragraph",
    "Reference", "Rejection", "Section", "SourceKind", "SourceRef", "Status", "Submission", "Table", "Unit",
    "UnitMatch", "warning_texts",
]


# ---------------------------------------------------------------- closed sets
# StrEnum members are str: they compare, hash, format and serialise (json, csv, openpyxl) as their value,
# so the contract's JSON/CSV output is byte-identical to the plain strings they replace.


class Status(StrEnum):
    """Assessment of an indicator against its target, as the contract spells it."""

    VUOT = "vuot"
    DAT = "dat"
    CHUA_DAT = "chua_dat"
    KHA_NANG_DAT = "kha_nang_dat"
    GAN_DAT = "gan_dat"
    KHO_DAT = "kho_dat"


class FileStatus(StrEnum):
    """What became of an inbox file (manifest `status`)."""

    OK = "ok"
    REJECTED = "rejected"
    SKIPPED = "skipped"


class SourceKind(StrEnum):
    """Where an indicator reading was found: a table row or a sentence."""

    TABLE = "table"
    PROSE = "prose"


class Direction(StrEnum):
    """Which way is better for an indicator (catalog `huong`), or which way a change went (tăng/giảm)."""

    TANG = "tang"
    GIAM = "giam"


class Aggregation(StrEnum):
    """How the units' values of an indicator combine (catalog `tong_hop`)."""

    TONG = "tong"
    TRUNG_BINH = "trung_binh"
    TY_LE_DAT = "ty_le_dat"
    KHONG = "khong"


@dataclass(frozen=True)
class FileWarning:
    """A warning about one file: a stable code, and the bilingual line shown to people ("vi / en")."""

    code: str
    vi: str
    en: str

    def __str__(self) -> str:
        return f"{self.vi} / {self.en}"


def warning_texts(*groups) -> list[str]:
    """The warnings of several groups as output lines ("vi / en"), first occurrence kept, in order."""
    return list(dict.fromkeys(str(w) for group in groups for w in group))


# ---------------------------------------------------------------- reference data


@dataclass(frozen=True)
class OutlineNode:
    """One heading of an outline ("đề cương"): id is the path of labels, e.g. P1.III.2."""

    id: str
    label: str            # as the outline writes it: "Phần thứ nhất", "III", "2"
    title: str            # heading words without the label
    depth: int            # 0 for P1/P2, 1 for Roman numerals, 2 for Arabic, ...
    parent: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outline:
    """An outline in document order."""

    id: str
    version: str
    title: str
    nodes: tuple[OutlineNode, ...]

    def node(self, node_id: str) -> OutlineNode:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(n.id for n in self.nodes)


@dataclass(frozen=True)
class CatalogEntry:
    """One key indicator ("chỉ tiêu chủ yếu") of the resolution."""

    id: str
    ten: str
    dvt: str
    nhom: str
    huong: Direction
    tong_hop: Aggregation
    bi_danh: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """The indicator catalog with the version (hash) of the file it came from."""

    entries: tuple[CatalogEntry, ...]
    version: str = ""

    def get(self, indicator_id: str) -> CatalogEntry | None:
        for e in self.entries:
            if e.id == indicator_id:
                return e
        return None


@dataclass(frozen=True)
class Unit:
    """A reporting unit ("đơn vị"): huyện ủy, thành ủy, đảng ủy trực thuộc..."""

    id: str
    ten: str
    cap: str
    bi_danh: tuple[str, ...] = ()
    han_nop: date | None = None


@dataclass(frozen=True)
class Reference:
    """Everything a run is configured with: outline, catalog, units registry."""

    outline: Outline
    catalog: Catalog
    units: tuple[Unit, ...]
    units_version: str = ""


# ---------------------------------------------------------------- parsed document


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: cleaned Unicode text and its position in the source."""

    text: str             # NFC, legacy encodings decoded, whitespace collapsed
    index: int            # block index in the source document body (0-based)
    style: str = ""
    raw: str = ""         # text as stored, before decoding/cleaning (when it differs)
    label: str = ""       # automatic-numbering label Word renders before the text ("III.")


@dataclass(frozen=True)
class Table:
    """A table with merged cells expanded: every logical cell carries its text."""

    rows: tuple[tuple[str, ...], ...]
    index: int


@dataclass(frozen=True)
class Section:
    """A run of document content that belongs to one outline node (or front/back)."""

    id: str                       # outline id, "front" or "back"
    heading: Paragraph | None     # the heading as written
    matched: bool                 # the heading itself is this outline node
    score: float
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class UnitMatch:
    """The unit a submission was identified as, with the evidence score."""

    id: str | None
    name: str | None
    score: float
    evidence: str = ""


@dataclass(frozen=True)
class SourceRef:
    """Where an extracted item came from in its submission."""

    section: str
    kind: SourceKind
    text: str
    paragraph: int | None = None  # block index of the paragraph or table


@dataclass(frozen=True)
class Candidate:
    """A catalog entry proposed for an indicator name, with its score."""

    id: str
    ten: str
    score: float


@dataclass(frozen=True)
class Decision:
    """An analyst's decision on a reading of one unit (a row of quyet-dinh.csv).

    `decision` is a catalog id, "-" (not a catalog indicator) or "" (only the value is corrected)."""

    unit_id: str
    name_raw: str
    decision: str
    analyst: str = ""
    decided_at: str = ""          # ISO timestamp
    value: float | None = None    # corrected value ("Giá trị đúng"), None when not corrected


@dataclass(frozen=True)
class IndicatorValue:
    """One reported indicator, read from a table row or a sentence."""

    id: str | None
    name_raw: str
    value: float | None
    unit: str | None
    target_raw: str | None
    target: float | None
    estimate: float | None
    status: Status | None
    score: float
    source: SourceRef
    value_raw: str | None = None
    estimate_raw: str | None = None
    status_raw: str | None = None
    status_derived: bool = False
    candidates: tuple[Candidate, ...] = ()
    decision: Decision | None = None      # the analyst's decision applied to this reading
    original_value: float | None = None   # the value as read, when an analyst corrected it


@dataclass(frozen=True)
class Submission:
    """One parsed report of one unit."""

    source: str
    sha256: str
    outline: str
    unit: UnitMatch
    sections: tuple[Section, ...]
    indicators: tuple[IndicatorValue, ...] = ()
    warnings: tuple[FileWarning, ...] = ()

    def to_json(self) -> dict:
        """The `tonghop parse --json` object of the contract, section 2."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "outline": self.outline,
            "unit": {"id": self.unit.id, "name": self.unit.name, "score": round(self.unit.score, 4)},
            "sections": [_section_json(s) for s in self.sections],
            "indicators": [_indicator_json(i) for i in self.indicators],
            "warnings": [str(w) for w in self.warnings],
        }


def _section_json(s: Section) -> dict:
    return {
        "id": s.id,
        "heading": s.heading.text if s.heading else None,
        "heading_label": s.heading.label if s.heading and s.heading.label else None,
        "matched": s.matched,
        "score": round(s.score, 4),
        "paragraphs": [p.text for p in s.paragraphs],
        "tables": [[list(r) for r in t.rows] for t in s.tables],
    }


def _indicator_json(i: IndicatorValue) -> dict:
    return {
        "id": i.id,
        "name_raw": i.name_raw,
        "value": i.value,
        "unit": i.unit,
        "target_raw": i.target_raw,
        "target": i.target,
        "estimate": i.estimate,
        "status": i.status.value if i.status else None,
        "status_derived": i.status_derived,
        "score": round(i.score, 4),
        "value_raw": i.value_raw,
        "candidates": [{"id": c.id, "score": round(c.score, 4)} for c in i.candidates],
        "source": {"section": i.source.section, "kind": i.source.kind, "text": i.source.text,
                   "paragraph": i.source.paragraph},
    }


# ---------------------------------------------------------------- run results


@dataclass(frozen=True)
class Rejection:
    """A file that could not be parsed, with a one-line bilingual reason."""

    source: str
    sha256: str | None
    reason: str
    error: BaseException | None = field(default=None, compare=False, repr=False)  # an internal error, to log


@dataclass(frozen=True)
class FileRecord:
    """One inbox file as the manifest lists it."""

    source: str
    sha256: str | None
    received: str                 # ISO timestamp (file modification time)
    status: FileStatus
    unit: str | None = None
    reason: str | None = None
    seconds: float = 0.0
    warnings: tuple[FileWarning, ...] = ()


@dataclass(frozen=True)
class Contribution:
    """A unit's paragraphs under one outline node, ready for the draft."""

    unit_id: str
    unit_name: str
    source: str
    paragraphs: tuple[Paragraph, ...]
    tables: tuple[Table, ...] = ()
    headings: tuple[Paragraph, ...] = ()   # the unit's own headings in this node


@dataclass(frozen=True)
class MergedParagraph:
    """A passage several units wrote (near-)identically, shown once with all of them."""

    text: str
    sources: tuple[tuple[str, str, int], ...]   # (unit_id, source file, paragraph index)


@dataclass(frozen=True)
class AggregateRow:
    """One catalog indicator across units: per-unit values and the aggregate."""

    entry: CatalogEntry
    per_unit: dict = field(default_factory=dict)  # unit_id -> IndicatorValue
    aggregate: float | None = None
    n_reporting: int = 0
    n_met: int = 0

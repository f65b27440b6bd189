"""Consolidation across units: which version of each report counts, what every unit wrote
under every outline node, boilerplate merged, indicators aggregated, who has not submitted.

Pure functions over the shared model; reports/ renders the result.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from tonghop.aggregators.front import front_body
from tonghop.aggregators.masking import masker_for
from tonghop.aggregators.measure import unit_factor
from tonghop.aggregators.statements import Statement, TableRef, consolidate_node
from tonghop.aggregators.versions import UNKNOWN_PREFIX, local_day, received_at, select_versions, version_hint  # noqa: F401
from tonghop.model import (
    AggregateRow,
    Aggregation,
    Catalog,
    CatalogEntry,
    Contribution,
    FileRecord,
    FileStatus,
    IndicatorValue,
    MergedParagraph,
    Outline,
    OutlineNode,
    Reference,
    Section,
    SourceKind,
    Status,
    Submission,
    Unit,
)
from tonghop.parsers.normalize import clean

__all__ = [
    "aggregate_indicators", "aggregate_row", "ALSO_USED", "comparable_value", "consolidate", "Consolidation",
    "contributions_by_node", "front_contribution", "in_catalog_unit", "latest_records", "low_score",
    "merge_boilerplate", "merge_key", "MERGE_MIN_CHARS", "MERGE_THRESHOLD", "MET", "NodeContent", "order_submissions",
    "review_reason", "REVIEW_THRESHOLD", "same_facts", "submission_status", "SubmissionStatus", "unit_key",
    "UNMATCHED",
]

MERGE_THRESHOLD = 95.0      # rapidfuzz ratio on normalised text to call two paragraphs the same
MERGE_MIN_CHARS = 80        # shorter paragraphs are not worth merging ("Kết quả cụ thể:")
MET = (Status.DAT, Status.VUOT)
REVIEW_THRESHOLD = 0.85     # matches scored lower stay out of the aggregates and are listed for review


@dataclass(frozen=True)
class NodeContent:
    """What the units wrote under one outline node. As a compilation (tap-hop-nguyen-van.docx): shared
    boilerplate, then each unit in full. As a consolidation (du-thao-tong-hop.docx): statements several
    units made, then what each unit alone wrote, its indicator tables summarised by the aggregate table."""

    node: OutlineNode
    merged: tuple[MergedParagraph, ...]
    contributions: tuple[Contribution, ...]
    statements: tuple[Statement, ...] = ()
    own: tuple[Contribution, ...] = ()
    indicator_tables: tuple[TableRef, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.merged and not self.contributions


@dataclass(frozen=True)
class Consolidation:
    """Everything the deliverables show, in outline order and units-registry order."""

    outline: Outline
    nodes: tuple[NodeContent, ...]
    submissions: tuple[Submission, ...]       # kept submissions, registry order, unknown units last
    aggregates: tuple[AggregateRow, ...]      # one per catalog entry, catalog order
    missing: tuple[Unit, ...]                 # registry units without a kept submission
    unplaced: tuple[Contribution, ...] = ()   # content under ids the outline does not have
    units: tuple[tuple[str, str], ...] = ()   # (unit id, display name) of each kept submission, in order
    review_threshold: float = REVIEW_THRESHOLD  # matches scored lower are not aggregated

    def unit_name(self, unit_id: str) -> str:
        return next((name for uid, name in self.units if uid == unit_id), unit_id)


@dataclass(frozen=True)
class SubmissionStatus:
    """One row of the submission register: a registry unit, or a file no unit claims."""

    unit_id: str | None
    unit_name: str
    registered: bool
    submitted: bool
    source: str | None
    received: str | None
    deadline: date | None
    on_time: bool | None
    file_status: str | None
    note: str = ""


# ---------------------------------------------------------------- units


def unit_key(sub: Submission, ref: Reference) -> tuple[str, str]:
    """(unit id, display name) of a submission; an unidentified one is named after its file."""
    if sub.unit.id:
        registered = next((u for u in ref.units if u.id == sub.unit.id), None)
        return sub.unit.id, registered.ten if registered else (sub.unit.name or sub.unit.id)
    name = Path(sub.source).name
    return UNKNOWN_PREFIX + name, f"Đơn vị chưa xác định ({name})"


def order_submissions(subs: list[Submission] | tuple[Submission, ...], ref: Reference) -> tuple[Submission, ...]:
    """Submissions in units-registry order; unidentified units last, by file name."""
    rank = {u.id: i for i, u in enumerate(ref.units)}
    return tuple(sorted(subs, key=lambda s: (rank.get(s.unit.id, len(rank)), s.unit.id is None,
                                             s.unit.id or "", Path(s.source).name, s.source)))


# ---------------------------------------------------------------- contributions


def _contribution(sections: list[Section], unit_id: str, unit_name: str, source: str) -> Contribution:
    return Contribution(
        unit_id=unit_id, unit_name=unit_name, source=source,
        paragraphs=tuple(p for s in sections for p in s.paragraphs),
        tables=tuple(t for s in sections for t in s.tables),
        headings=tuple(s.heading for s in sections if s.heading is not None and not s.matched))


def _has_content(c: Contribution) -> bool:
    return bool(c.paragraphs or c.tables or c.headings)


def front_contribution(sub: Submission, unit_id: str, unit_name: str) -> Contribution | None:
    """Body text the unit wrote before any recognised outline heading, or None.

    Header block, title and table of contents stay out; so does the opening formula ('Thực hiện Kế hoạch
    số …') unless the report has no outline section at all, when the front is all there is."""
    has_outline = any(s.id not in ("front", "back") for s in sub.sections)
    paragraphs, tables = front_body(sub.sections, keep_opening=not has_outline)
    contribution = Contribution(unit_id=unit_id, unit_name=unit_name, source=sub.source,
                                paragraphs=paragraphs, tables=tables)
    return contribution if _has_content(contribution) else None


def contributions_by_node(subs: tuple[Submission, ...], ref: Reference
                          ) -> tuple[dict[str, list[Contribution]], list[Contribution]]:
    """Per outline id, each unit's content in the given order; plus content no outline node takes:
    body text before the first recognised heading, and content under ids the outline does not have."""
    known = set(ref.outline.ids)
    by_node: dict[str, list[Contribution]] = {}
    unplaced: list[Contribution] = []
    for sub in subs:
        unit_id, unit_name = unit_key(sub, ref)
        front = front_contribution(sub, unit_id, unit_name)
        if front is not None:
            unplaced.append(front)
        grouped: dict[str, list[Section]] = {}
        for section in sub.sections:
            if section.id not in ("front", "back"):
                grouped.setdefault(section.id, []).append(section)
        for node_id, sections in grouped.items():
            contribution = _contribution(sections, unit_id, unit_name, sub.source)
            if not _has_content(contribution):
                continue
            (by_node.setdefault(node_id, []) if node_id in known else unplaced).append(contribution)
    return by_node, unplaced


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")


def merge_key(text: str) -> str:
    """Comparison form of a paragraph: NFC, casefolded, punctuation dropped."""
    return " ".join(_WORD.findall(clean(text).casefold()))


def facts(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """What same_facts compares: the numbers in order and the set of words."""
    return tuple(_NUMBER.findall(text)), frozenset(_WORD.findall(clean(text)))


def same_facts(a: str, b: str, fa=None, fb=None) -> bool:
    """Near-identical wording may still differ in facts: numbers and proper names must agree
    (fa, fb: the texts' `facts`, when already computed)."""
    na, wa = fa or facts(a)
    nb, wb = fb or facts(b)
    if na != nb:
        return False
    return not any(word[:1].isupper() for word in wa ^ wb)


def merge_boilerplate(contributions: list[Contribution], threshold: float = MERGE_THRESHOLD,
                      min_chars: int = MERGE_MIN_CHARS) -> tuple[tuple[MergedParagraph, ...], tuple[Contribution, ...]]:
    """Paragraphs several units wrote (near-)identically, once; contributions without them."""
    items = [(c, p) for c in contributions for p in c.paragraphs if len(p.text) >= min_chars]
    # a footnote or text box shares its anchor's paragraph index: drop merged ones by identity
    position = {id(p): n for c in contributions for n, p in enumerate(c.paragraphs)}
    if len(items) < 2:
        return (), tuple(contributions)
    keys = [merge_key(p.text) for _, p in items]
    known: dict[str, tuple] = {}
    item_facts = [known.setdefault(p.text, facts(p.text)) for _, p in items]
    unique = list(dict.fromkeys(keys))                 # compare each wording once (boilerplate repeats)
    slot = {k: n for n, k in enumerate(unique)}
    by_key: dict[int, list[int]] = {}
    for i, k in enumerate(keys):
        by_key.setdefault(slot[k], []).append(i)
    scores = process.cdist(unique, unique, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.uint8, workers=-1)
    taken: set[int] = set()
    merged: list[MergedParagraph] = []
    for i, (ci, pi) in enumerate(items):
        if i in taken:
            continue
        cluster, units = [i], {ci.unit_id}
        near = sorted(j for kv in scores[slot[keys[i]]].nonzero()[0] for j in by_key[int(kv)] if j > i)
        for j in near:                                 # cdist zeroes what is below the cutoff
            cj, pj = items[j]
            if j not in taken and cj.unit_id not in units and same_facts(pi.text, pj.text, item_facts[i],
                                                                         item_facts[j]):
                cluster.append(j)
                units.add(cj.unit_id)
        if len(cluster) > 1:
            taken.update(cluster)
            merged.append(MergedParagraph(text=pi.text, sources=tuple(
                (items[k][0].unit_id, items[k][0].source, items[k][1].index) for k in cluster)))
    drop = {(id(items[k][0]), position[id(items[k][1])]) for k in taken}
    rest = [replace(c, paragraphs=tuple(p for n, p in enumerate(c.paragraphs) if (id(c), n) not in drop))
            for c in contributions]
    return tuple(merged), tuple(c for c in rest if _has_content(c))


# ---------------------------------------------------------------- indicators

UNMATCHED = "Không khớp danh mục chỉ tiêu"


def low_score(threshold: float) -> str:
    """Review reason of a match scored below the threshold."""
    return f"Độ tin cậy thấp (dưới {threshold:g})"


def comparable_value(iv: IndicatorValue, entry: CatalogEntry) -> float | None:
    """The value in the catalog's unit (nghìn/triệu/tỷ rescaled), or None when the units differ in kind."""
    factor = unit_factor(iv.unit, entry.dvt)
    if iv.value is None or factor is None:
        return None
    return round(iv.value * factor, 9)


def in_catalog_unit(iv: IndicatorValue, entry: CatalogEntry) -> IndicatorValue | None:
    """The reading with value, target and estimate in the catalog's unit, or None when not comparable."""
    factor = unit_factor(iv.unit, entry.dvt)
    if factor is None:
        return None
    if factor == 1.0:
        return iv
    scaled = {k: None if getattr(iv, k) is None else round(getattr(iv, k) * factor, 9)
              for k in ("value", "target", "estimate")}
    return replace(iv, unit=entry.dvt, **scaled)


def review_reason(iv: IndicatorValue, catalog: Catalog, threshold: float = REVIEW_THRESHOLD) -> str | None:
    """Why a reading stays out of the aggregates and goes to review, or None when it counts."""
    entry = catalog.get(iv.id) if iv.id is not None else None
    if entry is None:
        return UNMATCHED
    if iv.score < threshold and iv.decision is None:      # an analyst's decision outweighs the score
        return low_score(threshold)
    if unit_factor(iv.unit, entry.dvt) is None:
        return f"ĐVT khác danh mục ({iv.unit} ≠ {entry.dvt}) / unit differs from the catalog ({entry.dvt})"
    return None


def _preference(iv: IndicatorValue) -> tuple:
    return iv.source.kind == SourceKind.TABLE, iv.value is not None, iv.score


def aggregate_row(entry: CatalogEntry, per_unit: dict[str, IndicatorValue]) -> AggregateRow:
    """Combine the units' values (already in the catalog's unit) of one indicator per the catalog's tong_hop."""
    reporting = [iv for iv in per_unit.values() if iv.value is not None or iv.status is not None]
    rated = [iv for iv in per_unit.values() if iv.status is not None]
    n_met = sum(iv.status in MET for iv in rated)
    values = [iv.value for iv in per_unit.values() if iv.value is not None]
    aggregate = None
    if entry.tong_hop == Aggregation.TONG and values:
        aggregate = sum(values)
    elif entry.tong_hop == Aggregation.TRUNG_BINH and values:
        aggregate = sum(values) / len(values)
    elif entry.tong_hop == Aggregation.TY_LE_DAT and rated:
        aggregate = 100.0 * n_met / len(rated)
    if aggregate is not None:
        aggregate = round(aggregate, 6)
    return AggregateRow(entry=entry, per_unit=per_unit, aggregate=aggregate,
                        n_reporting=len(reporting), n_met=n_met)


def aggregate_indicators(subs: tuple[Submission, ...], ref: Reference,
                         threshold: float = REVIEW_THRESHOLD) -> tuple[AggregateRow, ...]:
    """One row per catalog entry: each unit's best reading that passes review, in the catalog's unit,
    and the aggregate. Readings with another kind of unit or a low match score are left to review."""
    best: dict[tuple[str, str], IndicatorValue] = {}
    for sub in subs:
        unit_id, _ = unit_key(sub, ref)
        for iv in sub.indicators:
            if review_reason(iv, ref.catalog, threshold) is not None:
                continue
            converted = in_catalog_unit(iv, ref.catalog.get(iv.id))
            previous = best.get((iv.id, unit_id))
            if previous is None or _preference(converted) > _preference(previous):
                best[(iv.id, unit_id)] = converted
    units = [unit_key(s, ref)[0] for s in subs]
    return tuple(aggregate_row(entry, {u: best[(entry.id, u)] for u in units if (entry.id, u) in best})
                 for entry in ref.catalog.entries)


# ---------------------------------------------------------------- the whole


def consolidate(subs: list[Submission] | tuple[Submission, ...], ref: Reference,
                review_threshold: float = REVIEW_THRESHOLD) -> Consolidation:
    """The consolidation of kept submissions against the reference data."""
    ordered = order_submissions(subs, ref)
    by_node, unplaced = contributions_by_node(ordered, ref)
    masker = masker_for(ref.units)
    read_tables = {(s.source, iv.source.paragraph) for s in ordered for iv in s.indicators
                   if iv.source.kind == "table" and iv.id is not None}
    nodes = []
    for node in ref.outline.nodes:
        full = by_node.get(node.id, [])
        merged, contributions = merge_boilerplate(full)
        statements, own = consolidate_node(full, masker)
        tables = tuple(TableRef(c.unit_id, c.unit_name, c.source, t.index, len(t.rows))
                       for c in own for t in c.tables if (c.source, t.index) in read_tables)
        own = tuple(o for o in (replace(c, tables=tuple(t for t in c.tables if (c.source, t.index) not in read_tables))
                                for c in own) if o.paragraphs or o.tables or o.headings)
        nodes.append(NodeContent(node=node, merged=merged, contributions=contributions,
                                 statements=statements, own=own, indicator_tables=tables))
    submitted = {s.unit.id for s in ordered if s.unit.id}
    return Consolidation(outline=ref.outline, nodes=tuple(nodes), submissions=ordered,
                         aggregates=aggregate_indicators(ordered, ref, review_threshold),
                         missing=tuple(u for u in ref.units if u.id not in submitted),
                         unplaced=tuple(unplaced), units=tuple(unit_key(s, ref) for s in ordered),
                         review_threshold=review_threshold)


ALSO_USED = "cũng được dùng, hai báo cáo cùng đơn vị, cần rà soát"
_STATUS_WEIGHT = {FileStatus.OK: 0, FileStatus.SKIPPED: 1, FileStatus.REJECTED: 2}


def latest_records(records: list[FileRecord] | tuple[FileRecord, ...]) -> tuple[FileRecord, ...]:
    """One record per source: a 'skipped' or 'rejected' verdict overrides 'ok' (so `records + skipped`
    works in any order); between equals the later record wins."""
    by_source: dict[str, FileRecord] = {}
    for r in records:
        previous = by_source.get(r.source)
        if previous is None or _STATUS_WEIGHT.get(r.status, 1) >= _STATUS_WEIGHT.get(previous.status, 1):
            by_source[r.source] = r
    return tuple(by_source.values())


def submission_status(records: list[FileRecord] | tuple[FileRecord, ...], subs: tuple[Submission, ...],
                      ref: Reference) -> tuple[SubmissionStatus, ...]:
    """Every registry unit with its kept file (or none), then files no registry unit claims."""
    records = latest_records(records)
    by_source = {r.source: r for r in records}
    subs = tuple(s for s in subs if s.source not in by_source or by_source[s.source].status == FileStatus.OK)
    rows = []
    claimed: set[str] = set()
    for unit in ref.units:
        sub = next((s for s in subs if s.unit.id == unit.id), None)
        rec = by_source.get(sub.source) if sub else None
        others = sorted((r for r in records if r.unit == unit.id and (sub is None or r.source != sub.source)),
                        key=lambda r: r.source)
        claimed.update(r.source for r in others)
        when = rec.received if rec else None
        on_time = None
        if sub is not None and unit.han_nop is not None and when:
            day = local_day(when)
            on_time = None if day is None else day <= unit.han_nop
        note = "; ".join(f"{Path(r.source).name}: {r.status}" + (f" ({r.reason})" if r.reason else "")
                         + (f" ({ALSO_USED})" if r.status == FileStatus.OK else "") for r in others)
        rows.append(SubmissionStatus(unit.id, unit.ten, True, sub is not None, sub.source if sub else None,
                                     when, unit.han_nop, on_time, rec.status if rec else None, note))
        if sub is not None:
            claimed.add(sub.source)
    for rec in sorted(records, key=lambda r: r.source):
        if rec.source in claimed or rec.status == FileStatus.SKIPPED:
            continue
        sub = next((s for s in subs if s.source == rec.source), None)
        name = sub.unit.name if sub and sub.unit.name else f"Đơn vị chưa xác định ({Path(rec.source).name})"
        rows.append(SubmissionStatus(rec.unit, name, False, rec.status == FileStatus.OK, rec.source, rec.received,
                                     None, None, rec.status, rec.reason or ""))
    return tuple(rows)

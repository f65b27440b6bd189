"""Analysts' decisions on readings (quyet-dinh.csv): which one counts, per unit and name as written.

Pure functions: `effective_decisions` folds the file's history (later rows win) into one decision per
(unit, name key), `apply_decisions` gives the submissions with every decided reading re-assigned (a
catalog id, or none for "-") and its value corrected, and says what could not be applied and why.
`decisions_hash` is the stable fingerprint of what decisions change in per-file matching.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from tonghop.aggregators.matching import alias_hits, alias_key
from tonghop.indicators.status import derive_status
from tonghop.model import Catalog, Decision, IndicatorValue, Submission

__all__ = [
    "apply_decisions", "decided_aliases", "decision_key", "DecisionOutcome", "DecisionProblem", "decisions_hash",
    "effective_decisions", "invalid_reason", "NOT_IN_CATALOG", "unknown_id", "VALUE_ONLY",
]

NOT_IN_CATALOG = "-"
VALUE_ONLY = ""


@dataclass(frozen=True)
class DecisionProblem:
    """A decision that was not applied, with its bilingual reason."""

    decision: Decision
    reason: str


@dataclass(frozen=True)
class DecisionOutcome:
    """What applying the decisions did: readings decided, and decisions that could not be applied."""

    applied: int = 0                                 # readings changed by a decision
    used: tuple[Decision, ...] = ()                  # effective decisions that matched a reading
    problems: tuple[DecisionProblem, ...] = ()


def decision_key(unit_id: str, name: str) -> tuple[str, str]:
    """What a decision is keyed on: the unit and the normalised name as written."""
    return unit_id.strip(), alias_key(name)


def unknown_id(d: Decision, catalog: Catalog) -> bool:
    """A decision naming an id that is neither in the catalog nor "-" (nor empty: value only)."""
    return d.decision not in (NOT_IN_CATALOG, VALUE_ONLY) and catalog.get(d.decision) is None


def invalid_reason(d: Decision) -> str:
    """Why a decision with an unknown id is not applied."""
    return (f"Quyết định '{d.decision}' cho '{d.name_raw}' ({d.unit_id}) không phải mã trong danh mục, "
            f"không áp dụng; chọn mã trong danh sách hoặc '-' / '{d.decision}' is not a catalog id, not applied")


def effective_decisions(decisions: Iterable[Decision], catalog: Catalog
                        ) -> tuple[dict[tuple[str, str], Decision], tuple[DecisionProblem, ...]]:
    """One decision per (unit, name key): the latest valid id (or "-") with the latest corrected value.

    A decision naming an id not in the catalog is never applied; it is reported unless a later valid
    decision for the same reading replaced it."""
    merged: dict[tuple[str, str], Decision] = {}
    pending: dict[tuple[str, str], Decision] = {}
    for d in decisions:
        key = decision_key(d.unit_id, d.name_raw)
        if not key[0] or not key[1]:
            continue
        if unknown_id(d, catalog):
            pending[key] = d
            if d.value is None:
                continue
            d = replace(d, decision=VALUE_ONLY)
        elif d.decision != VALUE_ONLY:
            pending.pop(key, None)
        before = merged.get(key)
        if before is not None:
            decision = d.decision if d.decision != VALUE_ONLY else before.decision
            value = d.value if d.value is not None else (before.value if d.decision == VALUE_ONLY else None)
            d = replace(d, decision=decision, value=value)
        merged[key] = d
    problems = tuple(DecisionProblem(d, invalid_reason(d)) for d in pending.values())
    return merged, problems


def decided_aliases(decisions: Iterable[Decision], catalog: Catalog, unit_id: str) -> tuple[tuple[str, str], ...]:
    """(name as written, id or "-") of one unit's effective decisions: the matcher's unit-scoped aliases."""
    merged, _ = effective_decisions(decisions, catalog)
    return tuple(sorted((d.name_raw, d.decision) for (u, _), d in merged.items()
                        if u == unit_id and d.decision != VALUE_ONLY))


def decisions_hash(decisions: Iterable[Decision], catalog: Catalog, unit_id: str | None = None) -> str:
    """Stable fingerprint (sha256 hex) of what the decisions change in matching, for one unit or all:
    the same effective aliases give the same hash whatever order, analyst or time they came with."""
    merged, _ = effective_decisions(decisions, catalog)
    items = sorted((u, k, d.decision) for (u, k), d in merged.items()
                   if d.decision != VALUE_ONLY and (unit_id is None or u == unit_id))
    return hashlib.sha256(json.dumps(items, ensure_ascii=False).encode("utf-8")).hexdigest()


def _decided(iv: IndicatorValue, d: Decision, catalog: Catalog) -> IndicatorValue:
    """The reading as the analyst decided it."""
    changes: dict = {"decision": d}
    if d.decision == NOT_IN_CATALOG:
        changes["id"] = None
    elif d.decision != VALUE_ONLY:
        changes["id"] = d.decision
    if d.value is not None and d.value != iv.value:
        changes["value"], changes["original_value"] = d.value, iv.value
    out = replace(iv, **changes)
    entry = catalog.get(out.id) if out.id else None
    if iv.status_derived and entry is not None and (out.id != iv.id or out.value != iv.value):
        achieved = out.value if out.value is not None else out.estimate
        status = derive_status(achieved, out.target, entry.huong)
        out = replace(out, status=status, status_derived=status is not None)
    return out


def apply_decisions(subs: Iterable[Submission], decisions: Iterable[Decision], catalog: Catalog,
                    unit_of: Callable[[Submission], str]) -> tuple[tuple[Submission, ...], DecisionOutcome]:
    """The submissions with every reading an analyst decided re-assigned, and what was (not) applied.

    A reading is decided when its unit (`unit_of`) has a decision for its name: the same key, else the
    closest decided name of that unit (alias_hits). Decisions naming an unknown id are not applied."""
    merged, problems = effective_decisions(decisions, catalog)
    by_unit: dict[str, list[tuple[str, Decision]]] = {}
    for (unit, key), d in merged.items():
        by_unit.setdefault(unit, []).append((key, d))
    out, used, applied = [], {}, 0
    for sub in subs:
        mine = by_unit.get(unit_of(sub))
        if not mine or not sub.indicators:
            out.append(sub)
            continue
        hits = alias_hits([iv.name_raw for iv in sub.indicators], [k for k, _ in mine])
        indicators = []
        for iv, hit in zip(sub.indicators, hits):
            if hit is not None:
                d = mine[hit][1]
                iv = _decided(iv, d, catalog)
                used[id(d)] = d
                applied += 1
            indicators.append(iv)
        out.append(replace(sub, indicators=tuple(indicators)))
    return tuple(out), DecisionOutcome(applied=applied, used=tuple(used.values()), problems=problems)

"""Extract every reported indicator of a submission from tables and prose, match it, read its status.

`extract_indicators` reads indicator tables (aggregators.indicator_tables) and sentences
(aggregators.indicator_prose), matches all names in one batch (aggregators.matching), takes the
status as written or derives it from value, target and the catalog's direction (status_derived),
and keeps the table reading when a table and a sentence report the same indicator.
"""
from __future__ import annotations

import re

from aggregators.indicator_prose import prose_readings
from aggregators.indicator_tables import Reading, table_readings
from aggregators.matching import Matcher, match_names, name_key
from aggregators.status import derive_status, parse_status
from model import Catalog, IndicatorValue, Section, Status

# Sections whose sentences are read even when the indicator is not in the catalog (the review sheet
# gets them); elsewhere a sentence counts only when it matches a catalog indicator.
INDICATOR_SECTIONS = ("P1.III.1",)
_COMPLETION = re.compile(r"hoàn thành (?:\w+ ){0,2}(?:chỉ tiêu|kế hoạch)")


def extract_indicators(sections: tuple[Section, ...], catalog: Catalog, matcher: Matcher) -> tuple[IndicatorValue, ...]:
    """Every indicator the sections report, tables first, in document order within each kind."""
    readings = [r for s in sections for t in s.tables for r in table_readings(t, s.id)]
    n_table = len(readings)
    readings += [r for s in sections if s.id not in ("front", "back")
                 for p in s.paragraphs for r in prose_readings(p.text, s.id, p.index)]
    results = match_names(matcher, [r.name for r in readings], [r.unit for r in readings])
    values = []
    for i, (reading, result) in enumerate(zip(readings, results)):
        prose = i >= n_table
        if prose and result.id is None and not _kept_unmatched(reading):
            continue
        if reading.alternative and results[i - 1].id is not None:
            continue
        if reading.completion and not _completion_rate(catalog.get(result.id) if result.id else None):
            continue
        values.append(_indicator(reading, result, catalog))
    return tuple(_deduplicated(values, matcher))


def _completion_rate(entry) -> bool:
    """An indicator that is itself the share of a quota met ("Tỷ lệ hoàn thành chỉ tiêu giao quân")."""
    return entry is not None and _COMPLETION.search(entry.ten.casefold()) is not None


def _kept_unmatched(reading: Reading) -> bool:
    """An unmatched sentence is kept only in the indicator section and when it states a target or status."""
    evidence = reading.target is not None or reading.status is not None \
        or parse_status(reading.status_raw or "") is not None
    return reading.source.section in INDICATOR_SECTIONS and evidence


def _indicator(reading: Reading, result, catalog: Catalog) -> IndicatorValue:
    status = reading.status or (parse_status(reading.status_raw) if reading.status_raw else None)
    derived = False
    if status is None:
        status = _derived_status(reading, catalog.get(result.id) if result.id else None)
        derived = status is not None
    value = reading.value.value if reading.value else None
    return IndicatorValue(
        id=result.id, name_raw=reading.name, value=value, unit=reading.unit,
        target_raw=reading.target_raw, target=reading.target.value if reading.target else None,
        estimate=reading.estimate.value if reading.estimate else None, status=status, score=result.score,
        source=reading.source, value_raw=reading.value.raw if reading.value else None,
        estimate_raw=reading.estimate.raw if reading.estimate else None, status_raw=reading.status_raw,
        status_derived=derived, candidates=result.candidates)


def _derived_status(reading: Reading, entry) -> Status | None:
    """Status from the value (or the estimate) against the target, in the catalog's direction."""
    target = reading.target
    achieved = reading.value if reading.value is not None else reading.estimate
    if target is None or achieved is None or target.value is None or achieved.value is None:
        return None
    huong = entry.huong if entry else (target.direction or "")
    return derive_status(achieved.value, target.value, huong, target_upper=target.upper,
                         comparator=target.comparator)


def _deduplicated(values: list[IndicatorValue], matcher: Matcher) -> list[IndicatorValue]:
    """Drop a sentence that repeats an indicator a table (or an earlier sentence) already gave."""
    seen: set[str] = set()
    out = []
    for v in values:
        key = v.id or "name:" + name_key(v.name_raw, matcher.abbreviations)
        if v.source.kind == "prose" and key in seen:
            continue
        seen.add(key)
        out.append(v)
    return out

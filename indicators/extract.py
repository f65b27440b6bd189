"""Extract every reported indicator of a submission from tables and prose, match it, read its status.

`extract_indicators` reads indicator tables (tonghop.indicators.tables) and sentences
(tonghop.indicators.prose), matches all names in one batch (aggregators.matching), takes the
status as written or derives it from value, target and the catalog's direction (status_derived),
and keeps the table reading when a table and a sentence report the same indicator.
"""
from __future__ import annotations

import re
from dataclasses import replace

from tonghop.aggregators.matching import Matcher, match_names, name_key, unit_class
from tonghop.indicators.clauses import INDICATOR_SECTIONS
from tonghop.indicators.nonvalue import is_value_reading
from tonghop.indicators.prose import prose_readings
from tonghop.indicators.status import derive_status, parse_status
from tonghop.indicators.tables import Reading, table_readings
from tonghop.model import Catalog, Direction, IndicatorValue, Section, SourceKind, Status

__all__ = ["clear_caches", "extract_indicators"]

# INDICATOR_SECTIONS: sentences there are read even when the indicator is not in the catalog (the review
# sheet gets them); elsewhere a sentence counts only when it matches a catalog indicator.
_YEARLY = re.compile(r"\b(?:hằng năm|hàng năm|mỗi năm)\b|/\s*năm", re.IGNORECASE)
_COMPLETION = re.compile(r"hoàn thành (?:\w+ ){0,2}(?:chỉ tiêu|kế hoạch)")


def extract_indicators(sections: tuple[Section, ...], catalog: Catalog, matcher: Matcher) -> tuple[IndicatorValue, ...]:
    """Every indicator the sections report, tables first, in document order within each kind."""
    readings = [r for s in sections for t in s.tables for r in table_readings(t, s.id)]
    readings += [r for s in sections if s.id not in ("front", "back")
                 for p in s.paragraphs for r in prose_readings(p.text, s.id, p.index)]
    readings = [r for r in readings if is_value_reading(r)]      # no people's rows, citations, years as results
    results = match_names(matcher, [r.name for r in readings], [r.unit for r in readings])
    readings, results = _negative_growth(readings, results, matcher, catalog)
    readings, results = _joined_targets(readings, results, matcher)
    values = []
    for i, (reading, result) in enumerate(zip(readings, results)):
        prose = reading.source.kind == SourceKind.PROSE
        if prose and reading.value is None and reading.estimate is None and not _has_status(reading):
            continue          # a target stated alone ("Phấn đấu đến năm 2025 …"): not a result
        if prose and result.id is None and not _kept_unmatched(reading):
            continue
        if reading.alternative and results[i - 1].id is not None:
            continue
        if reading.completion and not _completion_rate(catalog.get(result.id) if result.id else None):
            continue
        values.append(_indicator(reading, result, catalog))
    return tuple(_deduplicated(values, matcher))


def clear_caches() -> None:
    """Forget the cached readings of texts (numbers, statuses, word segmentation): for a bench that times
    a cold pass, or to free memory."""
    from tonghop.indicators import numbers, segments, status
    for cached in (numbers._quantities, numbers.parse_quantity, status._statuses, status.parse_status,
                   segments._segmented):
        cached.cache_clear()


def _has_status(reading: Reading) -> bool:
    return reading.status is not None or parse_status(reading.status_raw or "") is not None


def _negative_growth(readings: list[Reading], results: list, matcher: Matcher, catalog: Catalog):
    """A fall of a growth indicator ("Giá trị sản xuất nông nghiệp giảm 2,5%") is negative growth: a
    sentence named "… giảm" that matches nothing is matched again as "… tăng" and, when that names an
    indicator where more is better, read with the value negated."""
    retry = [i for i, (r, res) in enumerate(zip(readings, results))
             if res.id is None and r.source.kind == SourceKind.PROSE and r.value is not None
             and r.value.direction == Direction.GIAM and r.value.kind == "change" and r.name.endswith(" giảm")]
    if not retry:
        return readings, results
    again = match_names(matcher, [readings[i].name[:-len("giảm")] + "tăng" for i in retry],
                        [readings[i].unit for i in retry])
    readings, results = list(readings), list(results)
    for i, res in zip(retry, again):
        entry = catalog.get(res.id) if res.id else None
        if entry is not None and entry.huong == Direction.TANG:
            value = replace(readings[i].value, value=-readings[i].value.value, direction=Direction.TANG)
            readings[i], results[i] = replace(readings[i], value=value), res
    return readings, results


def _joined_targets(readings: list[Reading], results: list, matcher: Matcher):
    """A target stated in its own sentence ("Nghị quyết đề ra đến năm 2025 đạt 1.500 tỷ đồng. Năm 2022 thu
    ngân sách đạt 1.286 tỷ đồng") joined to the result of the same indicator next to it in the paragraph."""
    readings, results = list(readings), list(results)
    i = 0
    while i < len(readings):
        r = readings[i]
        if r.source.kind == SourceKind.PROSE and r.value is None and r.target is not None:
            for j in (i + 1, i - 1):
                if 0 <= j < len(readings) and _same_indicator(r, results[i], readings[j], results[j], matcher):
                    value, target = readings[j], r
                    joined = replace(value, target=target.target, target_raw=target.target_raw,
                                     status_raw=" ".join(p for p in (value.status_raw, target.status_raw) if p) or None,
                                     source=replace(value.source, text=" ".join(
                                         x.source.text for x in sorted((value, target), key=readings.index))))
                    result = results[j] if results[j].id else results[i]
                    lo = min(i, j)
                    readings[lo:lo + 2], results[lo:lo + 2] = [joined], [result]
                    i = lo
                    break
        i += 1
    return readings, results


def _same_indicator(target: Reading, t_result, other: Reading, o_result, matcher: Matcher) -> bool:
    """Whether a result reading next to a target-only reading reports the same indicator: same paragraph,
    a value and no target of its own, and the same catalog id or (unmatched) a name within the target's."""
    if other.source.kind != SourceKind.PROSE or other.value is None or other.target is not None \
            or (other.source.section, other.source.paragraph) != (target.source.section, target.source.paragraph):
        return False
    if t_result.id is not None and o_result.id is not None:
        return t_result.id == o_result.id
    if t_result.id is None:
        return False
    words = set(name_key(target.name, matcher.abbreviations).split())
    other_words = name_key(other.name, matcher.abbreviations).split()
    return bool(other_words) and sum(w in words for w in other_words) >= 0.75 * len(other_words)


def _completion_rate(entry) -> bool:
    """An indicator that is itself the share of a quota met ("Tỷ lệ hoàn thành chỉ tiêu giao quân")."""
    return entry is not None and _COMPLETION.search(entry.ten.casefold()) is not None


def _kept_unmatched(reading: Reading) -> bool:
    """An unmatched sentence is kept only in the indicator section and when it states a target or status."""
    evidence = reading.target is not None or reading.status is not None \
        or parse_status(reading.status_raw or "") is not None
    return reading.source.section in INDICATOR_SECTIONS and evidence


def _indicator(reading: Reading, result, catalog: Catalog) -> IndicatorValue:
    entry = catalog.get(result.id) if result.id else None
    if entry is not None and unit_class(entry.dvt) == "percent":    # "Giảm cả 3 tiêu chí" is no percentage
        reading = _without_counts(reading)
    if entry is not None and reading.average is not None and _YEARLY.search(f"{entry.ten} {entry.dvt}"):
        reading = replace(reading, value=reading.average)        # a yearly indicator takes the yearly average
    status = reading.status or (parse_status(reading.status_raw) if reading.status_raw else None)
    derived = False
    if status is None:
        status = _derived_status(reading, entry)
        derived = status is not None
    value = reading.value.value if reading.value else None
    return IndicatorValue(
        id=result.id, name_raw=reading.name, value=value, unit=reading.unit,
        target_raw=reading.target_raw, target=reading.target.value if reading.target else None,
        estimate=reading.estimate.value if reading.estimate else None, status=status, score=result.score,
        source=reading.source, value_raw=reading.value.raw if reading.value else None,
        estimate_raw=reading.estimate.raw if reading.estimate else None, status_raw=reading.status_raw,
        status_derived=derived, candidates=result.candidates)


def _without_counts(reading: Reading) -> Reading:
    """The reading without the numbers that count things (criteria, communes), for a percentage indicator."""
    def keep(q):
        return None if q is not None and (unit_class(q.unit) or "").startswith("count:") else q
    value, target, estimate = keep(reading.value), keep(reading.target), keep(reading.estimate)
    if (value, target, estimate) == (reading.value, reading.target, reading.estimate):
        return reading
    return replace(reading, value=value, target=target, estimate=estimate,
                   target_raw=reading.target_raw if target is not None else None)


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
        if v.source.kind == SourceKind.PROSE and key in seen:
            continue
        seen.add(key)
        out.append(v)
    return out

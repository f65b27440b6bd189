"""Indicators reported in a paragraph: its sentences (underthesea sent_tokenize) cut into clauses at ";",
each read by `indicator_clauses`, and a clause that only adds the estimate or the target of the reading
before it ("; dự ước cả năm đạt ...", ". Đây là chỉ tiêu vượt so với Nghị quyết") joined to that reading.
"""
from __future__ import annotations

import re
from dataclasses import replace

from underthesea import sent_tokenize

from tonghop.indicators.clauses import as_target, clause_readings, status_words
from tonghop.indicators.numbers import find_quantities
from tonghop.indicators.segments import TARGET_LEAD, TARGET_MARKER, strip_context
from tonghop.indicators.status import parse_status
from tonghop.indicators.tables import Reading
from tonghop.parsers.normalize import strip_diacritics

__all__ = ["prose_readings"]

_CONTINUES_ESTIMATE = re.compile(r"^\s*(?:và\s+|còn\s+)?(?:dự ước|ước tính|ước|dự kiến)\b", re.IGNORECASE)
_CONTINUES_TARGET = re.compile(r"^\s*(?:và\s+|so với\s+|đây là\s+)?(?:chỉ tiêu|mục tiêu|nq\b|nghị quyết|kế hoạch"
                               r"|phấn đấu)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")         # what numbers.find_quantities's numbers start with
# A clause that only refers back to the indicator before it ("Chỉ tiêu này", "Đây là chỉ tiêu").
_REFERENCE_NAME = re.compile(r"^(?:đây là\s+)?(?:chỉ tiêu|mục tiêu)(?:\s+(?:này|trên|đó|nói trên))?$|^đây(?: là)?$",
                             re.IGNORECASE)


def _clauses(sentence: str) -> list[str]:
    """The clauses of a sentence: its parts between ';', stripped, empty ones left out."""
    return [c.strip() for c in sentence.split(";") if c.strip()]


def prose_readings(text: str, section: str, paragraph: int) -> list[Reading]:
    """Readings of every clause of a paragraph that reports an indicator; a clause that only adds the
    estimate or the target ("; dự ước cả năm đạt ...", "; chỉ tiêu Nghị quyết là ...", ". Đây là chỉ tiêu
    vượt so với Nghị quyết (1,4%)") completes the previous one. In a sentence that states targets
    ("Phấn đấu đến năm 2025, …") every reading is a target (value None)."""
    if not _may_hold_quantity(text):
        return []
    readings: list[Reading] = []
    previous_clause = None
    for sentence in sent_tokenize(text):
        targets = bool(TARGET_LEAD.match(strip_context(sentence)))
        for clause in _clauses(sentence):
            found = clause_readings(clause, section, paragraph)
            if readings and previous_clause is readings[-1].source.text and _continues(clause, found):
                readings[-1] = _continued(readings[-1], clause)
                previous_clause = readings[-1].source.text
                continue
            if targets:
                found = [as_target(r) for r in found]
            readings.extend(found)
            previous_clause = found[-1].source.text if found else None
    return readings


def _may_hold_quantity(text: str) -> bool:
    """False for a paragraph no clause of which can hold a quantity: no digit and no "gấp" of a word
    multiplier ("gấp đôi"), marked or not, which are all `find_quantities` reads."""
    return _DIGIT.search(text) is not None or "gap" in strip_diacritics(text).casefold()


def _continues(clause: str, found: list[Reading]) -> bool:
    """A clause that only adds an estimate, a target or a status ("; có khả năng đạt."): it opens like one
    and names no indicator of its own."""
    if _CONTINUES_ESTIMATE.match(clause):
        return True
    if parse_status(clause) is not None and all(not r.name.strip() or _REFERENCE_NAME.match(r.name.strip())
                                                for r in found) and len(clause.split()) <= 12:
        return True
    if not _CONTINUES_TARGET.match(clause):
        return False
    return all(_REFERENCE_NAME.match(r.name.strip()) or r.value is None and not r.name for r in found)


def _continued(reading: Reading, clause: str) -> Reading:
    """The reading completed with the estimate, target and status a follow-up clause states."""
    quantities = [q for q in find_quantities(clause) if q.value is not None]
    estimate, target, target_raw = reading.estimate, reading.target, reading.target_raw
    rest = 0
    if quantities and _CONTINUES_ESTIMATE.match(clause) and estimate is None:
        estimate, rest = quantities[0], quantities[0].end
    found = next((q for q in quantities if q.start >= rest and TARGET_MARKER.search(clause[:q.start])), None)
    opener = TARGET_LEAD.match(clause)
    if found is None and opener and quantities and quantities[-1].start >= rest \
            and TARGET_MARKER.search(clause):        # "phấn đấu … đạt 80% theo Nghị quyết"
        found = next(q for q in quantities if q.start >= rest)
    if found is not None and target is None:
        target, target_raw = found, found.raw
    if found is not None and opener:
        status = status_words(clause, found.end, None)
    else:
        status = status_words(clause, rest, found) if found is not None else clause[rest:].strip(" ,.;")
    status_raw = " ".join(p for p in (reading.status_raw, status) if p) or None
    source = replace(reading.source, text=f"{reading.source.text}; {clause}")
    return replace(reading, estimate=estimate, target=target, target_raw=target_raw, status_raw=status_raw,
                   source=source)


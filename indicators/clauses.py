"""What each value of a clause reports: "Tốc độ tăng trưởng ... đạt 6,8%/năm (NQ đề ra 7 - 7,5%), chưa đạt."

The values and their names are found by `indicator_segments`; here each becomes a reading: a quantity
after a target marker ("NQ đề ra", "mục tiêu", "chỉ tiêu", "kế hoạch") is its target, one after "ước" its
estimate, the words after the value its status. Joining clauses and sentences is `indicator_prose`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from tonghop.aggregators.matching import unit_class
from tonghop.indicators.numbers import Quantity, find_quantities, parse_quantity
from tonghop.indicators.segments import TARGET_INTRO, TARGET_LEAD, TARGET_MARKER, clean_name, tail_words, value_segments
from tonghop.indicators.status import share_status
from tonghop.indicators.tables import Reading
from tonghop.model import SourceKind, SourceRef, Status

__all__ = ["as_target", "clause_reading", "clause_readings", "INDICATOR_SECTIONS", "status_words"]

# Sections whose sentences report the indicators; there a name followed directly by its number
# ("tỷ lệ che phủ rừng 52%", "đã kết nạp 486 đảng viên mới") is read too, elsewhere only "name + verb + number".
INDICATOR_SECTIONS = ("P1.III.1",)
# Words after a target marker that make the number that follows something else than the target.
_NOT_TARGET = re.compile(r"\b(?:vượt|bằng|tăng|giảm|hơn|gấp)\b|[;.]", re.IGNORECASE)
# A bare share after a value that is not a percentage ("12/15 xã (NQ: 15 xã), đạt 80%"): a share of the target.
_BARE_SHARE = re.compile(r"^(?:đạt|bằng|hoàn thành)\s+(\d+(?:,\d+)?)\s*%$", re.IGNORECASE)
# Status words about the year's plan or budget, or last year ("đạt 103,5% kế hoạch năm", "vượt dự toán
# tỉnh giao", "bằng 108% cùng kỳ"), which are not an assessment against the resolution.
_ANNUAL_PLAN = re.compile(
    r"(?:đạt và vượt|hoàn thành vượt|hoàn thành|vượt|đạt|bằng)\s+(?:mức\s+|trên\s+|hơn\s+)?(?:\d+(?:[.,]\d+)?\s*%\s+)?"
    r"(?:so với\s+)?(?:dự toán|kế hoạch\s+(?:năm|của tỉnh|tỉnh|huyện|ubnd|được giao|giao)|kh\s+(?:năm|tỉnh)"
    r"|chỉ tiêu\s+(?:tỉnh|trên|cấp trên)\s+giao|cùng kỳ)[^,;]*", re.IGNORECASE)
# Estimates that are a projection to the end of the term ("dự kiến đến năm 2025 đạt 76%"), not the year's.
_PROJECTION = re.compile(r"(?:đến|tới)\s+(?:năm\s+)?(?:19|20)\d\d\b|(?:hết|cuối)\s+nhiệm kỳ", re.IGNORECASE)
# Words around a completion rate's subject that say nothing about it ("Công tác tuyển quân hằng năm đều").
_COMPLETION_NOISE = re.compile(r"^(?:công tác|việc)\s+|\s+(?:đều|luôn|cơ bản)$", re.IGNORECASE)
# The words that make a status stated at the end of a list apply to every item ("…, đều vượt chỉ tiêu").
_SHARED = re.compile(r"^(?:và\s+)?(?:(?:cả hai|tất cả|cả|các|hai|ba|những)\s+(?:\d+\s+)?(?:chỉ tiêu|mục tiêu)?"
                     r"\s*(?:này|trên)?\s*)?(?:đều|cùng)\b", re.IGNORECASE)
# "ước đến cuối nhiệm kỳ đạt …" estimates what will be achieved; "dự kiến đến năm 2025 …" states a plan
_PLAN_WORD = re.compile(r"dự kiến", re.IGNORECASE)
_ESTIMATE_MARKER = re.compile(r"(?:ước|dự ước|dự kiến)(?:[^0-9();]|(?:19|20)\d\d){0,30}$", re.IGNORECASE)
_SHARE_OF_TARGET = re.compile(r"^\s*(?:so với\s+)?(kế hoạch|\bkh\b|dự toán|chỉ tiêu|mục tiêu|nq|nghị quyết)",
                              re.IGNORECASE)
_SUMMARY_UNITS = re.compile(r"^(?:mục tiêu|chỉ tiêu|nhiệm vụ|nội dung|chương trình|đề án|tiêu chí|giải pháp)",
                            re.IGNORECASE)
# The yearly average given after a total ("3.650 lượt lao động trong 3 năm, bình quân 1.217 lao động/năm").
_AVERAGE_BEFORE = re.compile(r"^[^;()]*,\s*(?:bình quân|trung bình)(?:\s+(?:mỗi|hằng|hàng)\s+năm)?"
                             r"(?:\s+(?:đạt|là|khoảng|gần|hơn|trên))?\s*$", re.IGNORECASE)


def as_target(reading: Reading) -> Reading:
    """A reading whose number is a target ("Nghị quyết đề ra … 1.500 tỷ đồng"): value None, target the number."""
    if reading.value is None:
        return reading
    return replace(reading, value=None, target=reading.value, target_raw=reading.value.raw, estimate=None,
                   status=None, status_raw=None, completion=False)


def clause_reading(clause: str, section: str = "", paragraph: int | None = None) -> Reading | None:
    """The first indicator a clause reports, or None (no verb + quantity, or a count-of-total summary)."""
    found = clause_readings(clause, section, paragraph)
    return found[0] if found else None


def clause_readings(clause: str, section: str = "", paragraph: int | None = None) -> list[Reading]:
    """Every indicator a clause reports: the first (a verb and its quantity, or a leading quantity),
    then comma segments that open with a quantity of their own ("…, 4 xã đạt chuẩn NTM nâng cao"),
    and an average change after a level ("còn 2,1%, giảm bình quân 1,2%/năm", marked `alternative`)."""
    quantities = [q for q in find_quantities(clause) if q.value is not None]
    if not quantities:
        return []
    spans = value_segments(clause, quantities, loose=not section or section in INDICATOR_SECTIONS)
    readings = []
    for i, (value, name, rest, alternative) in enumerate(spans):
        limit = _segment_start(clause, rest, spans[i + 1][0].start) if i + 1 < len(spans) else len(clause)
        name, is_target = _split_target_intro(name)
        reading = _reading(clause, quantities, value, name, rest, limit, section, paragraph) if name else None
        if reading is not None:
            reading = replace(reading, alternative=alternative)
            readings.append(as_target(reading) if is_target else reading)
    return _shared_status(readings)


def _segment_start(clause: str, rest: int, value_start: int) -> int:
    """Where the next reading's segment begins: its comma (so "…, khu vực nông thôn đạt" is not read as
    this reading's status), else its value."""
    comma = clause.rfind(",", rest, value_start)
    return comma if comma != -1 else value_start


def _split_target_intro(name: str) -> tuple[str, bool]:
    """The name without the words that introduce a target at its end or start, and whether there were any."""
    m = TARGET_INTRO.search(name)
    if m and not re.search(r"(?:theo|của|thực hiện|so với)\s*$", name[:m.start()], re.IGNORECASE):
        return clean_name(name[:m.start()]), True
    lead = TARGET_LEAD.match(name)
    if lead:
        return clean_name(name[lead.end():]), True
    return name, False


def _shared_status(readings: list[Reading]) -> list[Reading]:
    """A status stated once after a list ("…, đều vượt chỉ tiêu Nghị quyết") given to every reading before it."""
    if len(readings) < 2 or not readings[-1].status_raw or not _SHARED.match(readings[-1].status_raw):
        return readings
    shared = readings[-1].status_raw
    return [replace(r, status_raw=shared) if r.status_raw is None and r.status is None and r.value is not None
            else r for r in readings[:-1]] + [readings[-1]]


def _reading(clause: str, quantities: list[Quantity], value: Quantity, name: str, rest: int, limit: int,
             section: str, paragraph: int | None) -> Reading | None:
    """The reading of one value within clause[:limit]: its target, estimate and status words."""
    if value.is_summary or value.kind == "count_of_total" and _SUMMARY_UNITS.match(value.unit or ""):
        return None
    if value.unit and _SUMMARY_UNITS.match(value.unit):
        return None
    text = clause[:limit]
    if _SHARE_OF_TARGET.match(text[rest:]):       # "đạt 100% chỉ tiêu": a share of the target, not a value,
        if value.unit != "%":                     # unless the indicator is a completion rate (indicators.py)
            return None
        share = _SHARE_OF_TARGET.match(text[rest:])
        noun = " ".join(tail_words(text, rest + share.start(1)).split()[:5])   # "chỉ tiêu giao quân"
        return Reading(name=f"{_COMPLETION_NOISE.sub('', name)} hoàn thành {noun}", unit="%", value=value,
                       target=None, target_raw=None, estimate=None, status_raw=text[rest:].strip(" ,.;") or None,
                       completion=True, source=_prose_source(section, clause, paragraph),
                       status=share_status(value.value))
    inside = [q for q in quantities if q.end <= limit]
    target, target_raw = _target(text, inside, value)
    if target is not None and _other_kind(value.unit, target.unit):     # "2.850 tỷ đồng (NQ: tăng 10%/năm)"
        target, target_raw = None, None
    estimate = next((q for q in inside if q.start > value.end and q is not target
                     and (m := _ESTIMATE_MARKER.search(text[value.end:q.start]))
                     and not (_PROJECTION.search(m.group()) and _PLAN_WORD.match(m.group()))), None)
    status_text = status_words(text, rest, target)
    average = next((q for q in inside if q.start > value.end and q.kind == "number" and q is not target
                    and _AVERAGE_BEFORE.search(text[value.end:q.start]) and not _other_kind(value.unit, q.unit)), None)
    return Reading(name=name, unit=value.unit or (target.unit if target else None), value=value, target=target,
                   target_raw=target_raw, estimate=estimate, status_raw=status_text or None, average=average,
                   source=_prose_source(section, clause, paragraph),
                   status=_share_of_target(status_text, value, target))


def _prose_source(section: str, clause: str, paragraph: int | None) -> SourceRef:
    return SourceRef(section=section, kind=SourceKind.PROSE, text=clause, paragraph=paragraph)


def _other_kind(a: str | None, b: str | None) -> bool:
    """Two units of different kinds (a percentage and an amount): a target that is not this value's."""
    ka, kb = (unit_class(u) for u in (a, b))
    if not (ka and kb) or a.split("/")[0].strip() == b.split("/")[0].strip():   # "bác sĩ", "bác sĩ/vạn dân"
        return False
    coarse = (k.split(":")[0].replace("money_per_person", "money") for k in (ka, kb))
    return len(set(coarse)) == 2


def _share_of_target(status_text: str, value: Quantity, target: Quantity | None) -> Status | None:
    """'đạt 80%' after a value that is not a percentage (and has a target) reads as a share of the target."""
    m = _BARE_SHARE.match(status_text)
    if m is None or value.unit is None or "%" in value.unit or target is None:
        return None
    return share_status(float(m.group(1).replace(",", ".")))


def _target(clause: str, quantities: list[Quantity], value: Quantity) -> tuple[Quantity | None, str | None]:
    """The target stated after the value ("(NQ đề ra 7 - 7,5%)"), or the second number of a pair."""
    previous = value.end
    for q in quantities:
        if q.start < value.end:
            continue
        gap = clause[previous:q.start]
        markers = list(TARGET_MARKER.finditer(gap))
        if markers and not _NOT_TARGET.search(gap[markers[-1].end():]):
            return q, q.raw
        previous = q.end
    if value.kind == "pair" and value.second is not None:
        raw = value.raw.split("/", 1)[1].strip()
        return parse_quantity(raw), raw
    return None, None


def status_words(clause: str, rest: int, target: Quantity | None) -> str:
    """The words after the value (and its noun phrase) that may state the status, without the target
    and the words that introduce it ("NQ đề ra đến năm 2025 đạt 40%")."""
    text = clause[rest:]
    if target is not None and target.start >= rest:
        rel = target.start - rest
        opening = text.rfind("(", 0, rel)
        closing = text.find(")", rel)
        if opening != -1 and closing != -1:
            text = text[:opening] + text[closing + 1:]
        else:
            markers = list(TARGET_MARKER.finditer(text, 0, rel))
            cut = markers[-1].start() if markers and not _NOT_TARGET.search(text[markers[-1].end():rel]) else rel
            text = text[:cut] + text[rel + len(target.raw):]
    text = _ANNUAL_PLAN.sub(" ", text)
    return " ".join(text.strip(" ,.;").split())

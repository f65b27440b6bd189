"""Indicators reported in sentences: "Tốc độ tăng trưởng ... đạt 6,8%/năm (NQ đề ra 7 - 7,5%), chưa đạt."

A sentence (underthesea sent_tokenize) is cut into clauses at ";"; in each clause the first quantity
that follows a reporting verb (found with underthesea word_tokenize, so "đạt chuẩn" is not the verb
"đạt") is the value, the phrase before the verb the name, a quantity after a target marker
("NQ đề ra", "mục tiêu", "chỉ tiêu", "kế hoạch") the target, the words after the value the status.
"""
from __future__ import annotations

import re
from dataclasses import replace

import threading

from underthesea import sent_tokenize, word_tokenize as _word_tokenize

# underthesea loads its CRF model lazily into a module global and its tagger is not thread-safe;
# the flow parses submissions in threads, so every call goes through this lock.
_UNDERTHESEA = threading.Lock()


def word_tokenize(text: str) -> list[str]:
    """underthesea's word segmentation, serialised across threads."""
    with _UNDERTHESEA:
        return _word_tokenize(text)

from aggregators.indicator_tables import Reading
from aggregators.numbers import Quantity, find_quantities, parse_quantity
from model import SourceRef

_VERBS = frozenset({"đạt", "đạt được", "là", "có", "đã có", "còn", "giảm còn", "tăng lên", "chiếm", "được", "ở mức",
                    "bằng", ":", "=", "với", "lên", "xuống", "cho", "đạt mức", "ước đạt", "đạt tỷ lệ", "tăng", "giảm"})
_SOFTENERS = frozenset({"khoảng", "gần", "hơn", "trên", "dưới", "mức", "ở", "tới", "đến", "lên", "xấp xỉ"})
_NOUN_AFTER = frozenset({"có", "đã có", "được"})   # "có 12 xã đạt chuẩn ...": the name follows the number
_TRAILING_ESTIMATE = re.compile(r"[,\s]*(?:ước tính|ước thực hiện|dự ước|ước|dự kiến|bình quân năm|cả năm)\s*$",
                                re.IGNORECASE)
_LEADING_CONTEXT = re.compile(
    r"^(?:[-+•*–]\s*|(?:trong đó|đến nay|hiện nay|nhìn chung|cụ thể|riêng|bên cạnh đó|ngoài ra|qua đó|tính đến nay"
    r"|năm \d{4}|đến (?:hết |cuối )?(?:năm |tháng |ngày )?[\d/]+|giai đoạn [\d\s\-–]+|sau \d+ năm[^,]*|\d+ năm qua"
    r"|sau nửa nhiệm kỳ)\s*,?\s*)", re.IGNORECASE)
_TARGET_MARKER = re.compile(r"(?:\bnq\b|nghị quyết|\bđh\b|đại hội|mục tiêu|chỉ tiêu|kế hoạch|\bkh\b|đề ra)",
                            re.IGNORECASE)
_NOT_TARGET = re.compile(r"\b(?:vượt|bằng|tăng|giảm|hơn|gấp)\b|[;.]", re.IGNORECASE)
_CONTINUES_ESTIMATE = re.compile(r"^\s*(?:và\s+|còn\s+)?(?:dự ước|ước tính|ước|dự kiến)\b", re.IGNORECASE)
_CONTINUES_TARGET = re.compile(r"^\s*(?:và\s+|so với\s+)?(?:chỉ tiêu|mục tiêu|nq\b|nghị quyết|kế hoạch)",
                               re.IGNORECASE)
_ESTIMATE_MARKER = re.compile(r"(?:ước|dự ước|dự kiến)[^0-9();]{0,30}$", re.IGNORECASE)
_SHARE_OF_TARGET = re.compile(r"^\s*(?:so với\s+)?(?:kế hoạch|\bkh\b|dự toán|chỉ tiêu|mục tiêu|nq|nghị quyết)",
                              re.IGNORECASE)
_SUMMARY_UNITS = re.compile(r"^(?:mục tiêu|chỉ tiêu|nhiệm vụ|nội dung|chương trình|đề án|tiêu chí|giải pháp)",
                            re.IGNORECASE)
_TAIL_END = re.compile(r"[,;(.]")


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, then clauses at ';' (each clause reports at most one indicator)."""
    out = []
    for sentence in sent_tokenize(text):
        out.extend(c.strip() for c in sentence.split(";") if c.strip())
    return out


def prose_readings(text: str, section: str, paragraph: int) -> list[Reading]:
    """Readings of every clause of a paragraph that reports an indicator; a clause that only adds the
    estimate or the target ("; dự ước cả năm đạt ...", "; chỉ tiêu Nghị quyết là ...") completes the previous one."""
    readings: list[Reading] = []
    previous_clause = None
    for clause in sentences(text):
        if readings and previous_clause is readings[-1].source.text and _continues(clause):
            readings[-1] = _continued(readings[-1], clause)
            previous_clause = readings[-1].source.text
            continue
        reading = clause_reading(clause, section, paragraph)
        if reading is not None:
            readings.append(reading)
        previous_clause = reading.source.text if reading is not None else None
    return readings


def _continues(clause: str) -> bool:
    return bool(_CONTINUES_ESTIMATE.match(clause) or _CONTINUES_TARGET.match(clause))


def _continued(reading: Reading, clause: str) -> Reading:
    """The reading completed with the estimate, target and status a follow-up clause states."""
    quantities = [q for q in find_quantities(clause) if q.value is not None]
    estimate, target, target_raw = reading.estimate, reading.target, reading.target_raw
    rest = 0
    if quantities and _CONTINUES_ESTIMATE.match(clause) and estimate is None:
        estimate, rest = quantities[0], quantities[0].end
    found = next((q for q in quantities if q.start >= rest and _TARGET_MARKER.search(clause[:q.start])), None)
    if found is not None and target is None:
        target, target_raw = found, found.raw
    status = _status_text(clause, rest, found) if found is not None else clause[rest:].strip(" ,.;")
    status_raw = " ".join(p for p in (reading.status_raw, status) if p) or None
    source = replace(reading.source, text=f"{reading.source.text}; {clause}")
    return replace(reading, estimate=estimate, target=target, target_raw=target_raw, status_raw=status_raw,
                   source=source)


def clause_reading(clause: str, section: str = "", paragraph: int | None = None) -> Reading | None:
    """The indicator a clause reports, or None (no verb + quantity, or a count-of-total summary)."""
    quantities = [q for q in find_quantities(clause) if q.value is not None]
    if not quantities:
        return None
    found = _value_and_name(clause, quantities)
    if found is None:
        return None
    value, name, rest = found
    if value.is_summary or value.kind == "count_of_total" and _SUMMARY_UNITS.match(value.unit or ""):
        return None
    if value.unit and _SUMMARY_UNITS.match(value.unit):
        return None
    if _SHARE_OF_TARGET.match(clause[rest:]):
        return None
    target, target_raw = _target(clause, quantities, value)
    estimate = next((q for q in quantities if q.start > value.end and q is not target
                     and _ESTIMATE_MARKER.search(clause[value.end:q.start])), None)
    status_text = _status_text(clause, rest, target)
    return Reading(name=name, unit=value.unit or (target.unit if target else None), value=value, target=target,
                   target_raw=target_raw, estimate=estimate, status_raw=status_text or None,
                   source=SourceRef(section=section, kind="prose", text=clause, paragraph=paragraph))


def _value_and_name(clause: str, quantities: list[Quantity]) -> tuple[Quantity, str, int] | None:
    """The first quantity introduced by a reporting verb, the name phrase, and where the rest begins."""
    for q in quantities:
        prefix = clause[:q.start]
        if q.kind == "change" and q.direction:
            name = _clean_name(prefix)
            word = "giảm" if q.direction == "giam" else "tăng"
            return (q, f"{name} {word}", q.end) if name else None
        verb_at = _verb_position(prefix)
        if verb_at is None:
            continue
        verb, start, before = verb_at
        name, rest = _clean_name(prefix[:start]), q.end
        if verb in _NOUN_AFTER and q.unit:
            tail = _TAIL_END.split(clause[q.end:], 1)[0]
            if tail.strip():
                action = "Số" if verb != "được" else before
                name, rest = _clean_name(f"{action} {q.unit} {tail.strip()}"), q.end + len(tail)
        return (q, name, rest) if name else None
    return None


def _verb_position(prefix: str) -> tuple[str, int, str] | None:
    """The reporting verb ending the prefix (soft words like "khoảng" allowed after it), its offset,
    and the word before it."""
    tokens = word_tokenize(prefix)
    offset = len(prefix)
    for i in range(len(tokens) - 1, -1, -1):
        offset = prefix.rfind(tokens[i], 0, offset)
        word = tokens[i].casefold()
        if word in _SOFTENERS:
            continue
        if word in _VERBS:
            return word, offset, tokens[i - 1] if i else ""
        return None
    return None


def _clean_name(text: str) -> str:
    """Drop leading context ("Năm 2023, ...") and a trailing "ước"; keep the last comma segment when it
    reads as a name of its own."""
    text = _TRAILING_ESTIMATE.sub("", text.strip(" ,:-"))
    while True:
        stripped = _LEADING_CONTEXT.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    if ", " in text:      # "..., tốc độ tăng trưởng": the last segment, unless it is a name's own tail
        head, last = text.rsplit(", ", 1)
        if len(last.split()) >= 3 or any(ch.isdigit() for ch in head):
            text = last
    text = text.strip(" ,:-")
    words = text.split()
    return text if 2 <= len(words) <= 25 else ""


def _target(clause: str, quantities: list[Quantity], value: Quantity) -> tuple[Quantity | None, str | None]:
    """The target stated after the value ("(NQ đề ra 7 - 7,5%)"), or the second number of a pair."""
    previous = value.end
    for q in quantities:
        if q.start < value.end:
            continue
        gap = clause[previous:q.start]
        markers = list(_TARGET_MARKER.finditer(gap))
        if markers and not _NOT_TARGET.search(gap[markers[-1].end():]):
            return q, q.raw
        previous = q.end
    if value.kind == "pair" and value.second is not None:
        raw = value.raw.split("/", 1)[1].strip()
        return parse_quantity(raw), raw
    return None, None


def _status_text(clause: str, rest: int, target: Quantity | None) -> str:
    """The words after the value (and its noun phrase) that may state the status, without the target."""
    text = clause[rest:]
    if target is not None and target.start >= rest:
        rel = target.start - rest
        opening = text.rfind("(", 0, rel)
        closing = text.find(")", rel)
        if opening != -1 and closing != -1:
            text = text[:opening] + text[closing + 1:]
        else:
            text = text[:rel] + text[rel + len(target.raw):]
    return " ".join(text.strip(" ,.;").split())

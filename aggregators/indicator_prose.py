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
from aggregators.matching import unit_class
from aggregators.numbers import Quantity, find_quantities, parse_quantity
from aggregators.status import share_status
from model import SourceRef, Status
from parsers.normalize import has_diacritics, strip_diacritics

# Sections whose sentences report the indicators; there a name followed directly by its number
# ("tỷ lệ che phủ rừng 52%", "đã kết nạp 486 đảng viên mới") is read too, elsewhere only "name + verb + number".
INDICATOR_SECTIONS = ("P1.III.1",)

_VERBS = frozenset({"đạt", "đạt được", "là", "có", "đã có", "còn", "giảm còn", "tăng lên", "chiếm", "được", "ở mức",
                    "bằng", ":", "=", "với", "lên", "xuống", "cho", "đạt mức", "ước đạt", "đạt tỷ lệ", "tăng", "giảm",
                    "duy trì", "giữ vững", "giữ", "hoàn thành"})
_SOFTENERS = frozenset({"khoảng", "gần", "hơn", "trên", "dưới", "mức", "ở", "tới", "đến", "lên", "xấp xỉ",
                        "bình quân", "trung bình", "ổn định", "hằng năm", "hàng năm", "mỗi năm", "tỷ lệ", "đều"})
_PLAIN_VERBS = frozenset(strip_diacritics(v) for v in _VERBS)
_PLAIN_SOFTENERS = frozenset(strip_diacritics(v) for v in _SOFTENERS)
# Words that open a leading phrase of context before the name ("Trong lĩnh vực y tế, tỷ lệ ...").
_CONTEXT_HEAD = re.compile(r"^(?:trong|về|trên|đối với|với|năm|đến|tính đến|qua|nhìn chung|bên cạnh|ngoài ra|riêng"
                           r"|sau|tại|theo|nhờ|từ|cụ thể|đặc biệt|hiện nay|hiện tại|đồng thời|so với|như vậy|toàn)\b",
                           re.IGNORECASE)
# A bare share after a value that is not a percentage ("12/15 xã (NQ: 15 xã), đạt 80%"): a share of the target.
_BARE_SHARE = re.compile(r"^(?:đạt|bằng|hoàn thành)\s+(\d+(?:,\d+)?)\s*%$", re.IGNORECASE)
# Words that may open a comma segment before its leading quantity ("…, 4 xã đạt chuẩn …").
_SEGMENT_LEAD = re.compile(r"^\s*(?:(?:và|có|đã có|trên|hơn|gần|khoảng|với)\s+)*$", re.IGNORECASE)
_NOUN_AFTER = frozenset({"có", "đã có", "được"})   # "có 12 xã đạt chuẩn ...": the name follows the number
_TRAILING_ESTIMATE = re.compile(r"[,\s]*(?:ước tính|ước thực hiện|dự ước|ước|dự kiến|bình quân năm|cả năm)\s*$",
                                re.IGNORECASE)
_LEADING_CONTEXT = re.compile(
    r"^(?:[-+•*–]\s*|(?:trong đó|đến nay|hiện nay|nhìn chung|cụ thể|riêng|bên cạnh đó|ngoài ra|qua đó|tính đến nay"
    r"|năm \d{4}|đến (?:hết |cuối )?(?:năm |tháng |ngày )?[\d/]+|giai đoạn [\d\s\-–]+|sau \d+ năm(?:[^,]*(?=,))?|\d+ năm qua"
    r"|sau nửa nhiệm kỳ|trong \d+ năm(?: qua)?(?: \([\d\s\-–]+\))?|về(?: chỉ tiêu)?(?=\s))\s*,?\s*)", re.IGNORECASE)
_TARGET_MARKER = re.compile(r"(?:\bnq\b|nghị quyết|\bđh\b|đại hội|mục tiêu|chỉ tiêu|kế hoạch|\bkh\b|đề ra)",
                            re.IGNORECASE)
_NOT_TARGET = re.compile(r"\b(?:vượt|bằng|tăng|giảm|hơn|gấp)\b|[;.]", re.IGNORECASE)
_CONTINUES_ESTIMATE = re.compile(r"^\s*(?:và\s+|còn\s+)?(?:dự ước|ước tính|ước|dự kiến)\b", re.IGNORECASE)
_CONTINUES_TARGET = re.compile(r"^\s*(?:và\s+|so với\s+|đây là\s+)?(?:chỉ tiêu|mục tiêu|nq\b|nghị quyết|kế hoạch"
                               r"|phấn đấu)", re.IGNORECASE)
# A resolution's target introduced at the end of the words before its number ("Về thu ngân sách:
# Nghị quyết Đại hội đề ra đến năm 2025 đạt 1.500 tỷ đồng"): the number is the target, not a result.
_TARGET_INTRO = re.compile(
    r"(?:^|[\s,:;(–-])(?:(?:(?:chỉ tiêu|mục tiêu)\s+)?(?:nghị quyết|nq)(?:\s+(?:đại hội|đh))?(?:\s+(?:đề ra|đặt ra))?"
    r"|(?:chỉ tiêu|mục tiêu)\s+(?:đề ra|đặt ra|đại hội|đh)|phấn đấu)"
    r"(?:\s+(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?\d{4})?[\s:,]*$", re.IGNORECASE)
# A sentence that states targets ("Phấn đấu đến năm 2025, …", "Mục tiêu đến năm 2025: …",
# "Nghị quyết đề ra …"): every number in it is a target.
_TARGET_LEAD = re.compile(
    r"^(?:phấn đấu|mục tiêu(?= đến| tới|:)|(?:nghị quyết|nq)(?:\s+(?:đại hội|đh))?\s+(?:đề ra|đặt ra))"
    r"(?:\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?\d{4})?[\s:,]*", re.IGNORECASE)
# A clause that only refers back to the indicator before it ("Chỉ tiêu này", "Đây là chỉ tiêu").
_REFERENCE_NAME = re.compile(r"^(?:đây là\s+)?(?:chỉ tiêu|mục tiêu)(?:\s+(?:này|trên|đó|nói trên))?$|^đây(?: là)?$",
                             re.IGNORECASE)
# Status words about the year's plan or budget, or last year ("đạt 103,5% kế hoạch năm", "vượt dự toán
# tỉnh giao", "bằng 108% cùng kỳ"), which are not an assessment against the resolution.
_ANNUAL_PLAN = re.compile(
    r"(?:đạt và vượt|hoàn thành vượt|hoàn thành|vượt|đạt|bằng)\s+(?:mức\s+|trên\s+|hơn\s+)?(?:\d+(?:[.,]\d+)?\s*%\s+)?"
    r"(?:so với\s+)?(?:dự toán|kế hoạch\s+(?:năm|của tỉnh|tỉnh|huyện|ubnd|được giao|giao)|kh\s+(?:năm|tỉnh)"
    r"|chỉ tiêu\s+(?:tỉnh|trên|cấp trên)\s+giao|cùng kỳ)[^,;]*", re.IGNORECASE)
# Estimates that are a projection to the end of the term ("dự kiến đến năm 2025 đạt 76%"), not the year's.
_PROJECTION = re.compile(r"(?:đến|tới)\s+(?:năm\s+)?(?:19|20)\d\d\b|(?:hết|cuối)\s+nhiệm kỳ", re.IGNORECASE)
# First words of a comma segment that cannot open an indicator's name.
_NOT_A_NAME = re.compile(r"^(?:bình quân|trung bình|mỗi|hằng|hàng|so với|thấp|cao|bằng|vượt|tăng|giảm|đạt|trong đó"
                         r"|chiếm|gấp|nâng|đưa|góp phần|ước|dự ước|dự kiến|dự báo|phấn đấu|năm \d{4}|khu vực|ở|tại"
                         r"|riêng|cả năm)\b", re.IGNORECASE)
# Words around a completion rate's subject that say nothing about it ("Công tác tuyển quân hằng năm đều").
_COMPLETION_NOISE = re.compile(r"^(?:công tác|việc)\s+|\s+(?:đều|luôn|cơ bản)$", re.IGNORECASE)
# The words that make a status stated at the end of a list apply to every item ("…, đều vượt chỉ tiêu").
_SHARED = re.compile(r"^(?:và\s+)?(?:(?:cả hai|tất cả|cả|các|hai|ba|những)\s+(?:\d+\s+)?(?:chỉ tiêu|mục tiêu)?"
                     r"\s*(?:này|trên)?\s*)?(?:đều|cùng)\b", re.IGNORECASE)
# A quantity compared with something ("thấp hơn 3,3% so với mục tiêu"): a difference, not a segment's value.
_COMPARED = re.compile(r"^\s*(?:so với|với|so)\b", re.IGNORECASE)
_ESTIMATE_MARKER = re.compile(r"(?:ước|dự ước|dự kiến)(?:[^0-9();]|(?:19|20)\d\d){0,30}$", re.IGNORECASE)
_SHARE_OF_TARGET = re.compile(r"^\s*(?:so với\s+)?(kế hoạch|\bkh\b|dự toán|chỉ tiêu|mục tiêu|nq|nghị quyết)",
                              re.IGNORECASE)
_SUMMARY_UNITS = re.compile(r"^(?:mục tiêu|chỉ tiêu|nhiệm vụ|nội dung|chương trình|đề án|tiêu chí|giải pháp)",
                            re.IGNORECASE)
_TAIL_END = re.compile(r"[;(]|[,.](?!\d)|\s+và\s+(?=\d)")      # not a decimal comma; "… và 28,5 giường"
# The yearly average given after a total ("3.650 lượt lao động trong 3 năm, bình quân 1.217 lao động/năm").
_AVERAGE_BEFORE = re.compile(r"^[^;()]*,\s*(?:bình quân|trung bình)(?:\s+(?:mỗi|hằng|hàng)\s+năm)?"
                             r"(?:\s+(?:đạt|là|khoảng|gần|hơn|trên))?\s*$", re.IGNORECASE)
# A per-population qualifier that ends a list and applies to each item ("… trên một vạn dân").
_SHARED_PER = re.compile(r"\b(?:trên|mỗi)\s+(?:1|một|10\.000|1\.000)?\s*(?:vạn|nghìn|ngàn)?\s*(?:dân|người dân)\s*[.;]?$")
# "8,7 bác sĩ và 28,5 giường bệnh": a second quantity joined by "và" opens a segment of its own.
_AND_QUANTITY = re.compile(r"\s+và\s+(?=\d)")
# Verb words between a clause's subject and its first number ("Tỷ lệ hộ nghèo giảm từ 5,8% ...").
_SUBJECT_VERB = re.compile(r"(?:\s+(?:giảm|tăng|từ|đạt|là|còn|xuống|lên|ở mức|mức|được|có))+\s*$", re.IGNORECASE)
# Units that a leading quantity counts (a name can be made from them: "4 xã …" -> "Số xã …").
_COUNTED = frozenset({"xã", "phường", "thị trấn", "thôn", "hộ", "người", "lao động", "đảng viên", "trường", "trường học",
                      "bác sĩ", "giường", "giường bệnh", "doanh nghiệp", "hợp tác xã", "HTX", "chi bộ", "tổ chức cơ sở đảng"})


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, then clauses at ';' (each clause reports at most one indicator)."""
    out = []
    for sentence in sent_tokenize(text):
        out.extend(c.strip() for c in sentence.split(";") if c.strip())
    return out


def prose_readings(text: str, section: str, paragraph: int) -> list[Reading]:
    """Readings of every clause of a paragraph that reports an indicator; a clause that only adds the
    estimate or the target ("; dự ước cả năm đạt ...", "; chỉ tiêu Nghị quyết là ...", ". Đây là chỉ tiêu
    vượt so với Nghị quyết (1,4%)") completes the previous one. In a sentence that states targets
    ("Phấn đấu đến năm 2025, …") every reading is a target (value None)."""
    readings: list[Reading] = []
    previous_clause = None
    for sentence in sent_tokenize(text):
        targets = bool(_TARGET_LEAD.match(_strip_context(sentence)))
        for clause in (c.strip() for c in sentence.split(";") if c.strip()):
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


def _strip_context(text: str) -> str:
    while (stripped := _LEADING_CONTEXT.sub("", text, count=1)) != text:
        text = stripped
    return text


def as_target(reading: Reading) -> Reading:
    """A reading whose number is a target ("Nghị quyết đề ra … 1.500 tỷ đồng"): value None, target the number."""
    if reading.value is None:
        return reading
    return replace(reading, value=None, target=reading.value, target_raw=reading.value.raw, estimate=None,
                   status=None, status_raw=None, completion=False)


def _continues(clause: str, found: list[Reading]) -> bool:
    """A clause that only adds an estimate or a target: it opens like one and names no indicator of its own."""
    if _CONTINUES_ESTIMATE.match(clause):
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
    found = next((q for q in quantities if q.start >= rest and _TARGET_MARKER.search(clause[:q.start])), None)
    opener = _TARGET_LEAD.match(clause)
    if found is None and opener and quantities and quantities[-1].start >= rest \
            and _TARGET_MARKER.search(clause):        # "phấn đấu … đạt 80% theo Nghị quyết"
        found = next(q for q in quantities if q.start >= rest)
    if found is not None and target is None:
        target, target_raw = found, found.raw
    if found is not None and opener:
        status = _status_text(clause, found.end, None)
    else:
        status = _status_text(clause, rest, found) if found is not None else clause[rest:].strip(" ,.;")
    status_raw = " ".join(p for p in (reading.status_raw, status) if p) or None
    source = replace(reading.source, text=f"{reading.source.text}; {clause}")
    return replace(reading, estimate=estimate, target=target, target_raw=target_raw, status_raw=status_raw,
                   source=source)


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
    loose = not section or section in INDICATOR_SECTIONS
    first = _value_and_name(clause, quantities, loose=loose) or _leading_quantity(clause, quantities, 0)
    if first is None:
        return []
    spans = [(*first, False)]
    while True:
        nxt = _next_segment(clause, quantities, spans[-1][2], spans[0][1])
        if nxt is None:
            break
        spans.append(nxt)
    readings = []
    for i, (value, name, rest, alternative) in enumerate(spans):
        limit = _segment_start(clause, rest, spans[i + 1][0].start) if i + 1 < len(spans) else len(clause)
        name, is_target = _split_target_intro(name)
        reading = _reading(clause, quantities, value, name, rest, limit, section, paragraph) if name else None
        if reading is not None:
            readings.append(as_target(replace(reading, alternative=alternative)) if is_target
                            else replace(reading, alternative=alternative))
    return _shared_status(readings)


def _segment_start(clause: str, rest: int, value_start: int) -> int:
    """Where the next reading's segment begins: its comma (so "…, khu vực nông thôn đạt" is not read as
    this reading's status), else its value."""
    comma = clause.rfind(",", rest, value_start)
    return comma if comma != -1 else value_start


def _split_target_intro(name: str) -> tuple[str, bool]:
    """The name without the words that introduce a target at its end or start, and whether there were any."""
    m = _TARGET_INTRO.search(name)
    if m and not re.search(r"(?:theo|của|thực hiện|so với)\s*$", name[:m.start()], re.IGNORECASE):
        return _clean_name(name[:m.start()]), True
    lead = _TARGET_LEAD.match(name)
    if lead:
        return _clean_name(name[lead.end():]), True
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
        noun = " ".join(_TAIL_END.split(text[rest + share.start(1):], 1)[0].split()[:5])   # "chỉ tiêu giao quân"
        return Reading(name=f"{_COMPLETION_NOISE.sub('', name)} hoàn thành {noun}", unit="%", value=value, target=None, target_raw=None, estimate=None,
                       status_raw=text[rest:].strip(" ,.;") or None, completion=True,
                       source=SourceRef(section=section, kind="prose", text=clause, paragraph=paragraph),
                       status=share_status(value.value))
    inside = [q for q in quantities if q.end <= limit]
    target, target_raw = _target(text, inside, value)
    if target is not None and _other_kind(value.unit, target.unit):     # "2.850 tỷ đồng (NQ: tăng 10%/năm)"
        target, target_raw = None, None
    estimate = next((q for q in inside if q.start > value.end and q is not target
                     and (m := _ESTIMATE_MARKER.search(text[value.end:q.start]))
                     and not _PROJECTION.search(m.group())), None)
    status_text = _status_text(text, rest, target)
    average = next((q for q in inside if q.start > value.end and q.kind == "number" and q is not target
                    and _AVERAGE_BEFORE.search(text[value.end:q.start]) and not _other_kind(value.unit, q.unit)), None)
    return Reading(name=name, unit=value.unit or (target.unit if target else None), value=value, target=target,
                   target_raw=target_raw, estimate=estimate, status_raw=status_text or None, average=average,
                   source=SourceRef(section=section, kind="prose", text=clause, paragraph=paragraph),
                   status=_share_of_target(status_text, value, target))


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


def _value_and_name(clause: str, quantities: list[Quantity], at: int = 0,
                    loose: bool = False) -> tuple[Quantity, str, int] | None:
    """The first quantity (from `at`) introduced by a reporting verb, the name phrase, and where the rest
    begins; a quantity whose name phrase would hold an earlier quantity is not one. Without a verb, a
    name followed directly by its quantity ("Tỷ lệ che phủ rừng 52%", "đã kết nạp 486 đảng viên mới"),
    when `loose` (in the indicator section)."""
    quantities = [q for q in quantities if q.start >= at]
    for n, q in enumerate(quantities):
        prefix = clause[at:q.start]
        if q.kind == "change" and q.direction:
            name = _clean_name(prefix)
            if _holds_quantity(name, quantities[:n]):    # "giảm từ 5,8% xuống còn 2,9%, bình quân giảm 1,45%/năm"
                name = _clean_name(_SUBJECT_VERB.sub("", clause[:quantities[0].start]))
            word = "giảm" if q.direction == "giam" else "tăng"
            return (q, f"{name} {word}", q.end) if name else None
        verb_at = _verb_position(prefix)
        if verb_at is None:
            if loose and n == 0 and (counted := _counted_after_action(clause, q, prefix)) is not None:
                return counted
            continue
        verb, start, before = verb_at
        name, rest = _clean_name(prefix[:start]), q.end
        if _holds_quantity(name, quantities[:n]):
            continue
        if verb in _NOUN_AFTER and q.unit:
            tail = _TAIL_END.split(clause[q.end:], 1)[0]
            if not tail.strip() and _AND_QUANTITY.match(clause, q.end):    # "có 8,7 bác sĩ và 28,5 giường
                shared = _SHARED_PER.search(clause, q.end)                      # bệnh trên một vạn dân"
                tail = " " + shared.group().strip(" .;") if shared else ""
                if tail:
                    name = _clean_name(f"Số {q.unit}{tail}")
                    return (q, name, q.end) if name else None
            if tail.strip():
                action = "Số" if verb != "được" else before
                name, rest = _clean_name(f"{action} {q.unit} {tail.strip()}"), q.end + len(tail)
            elif verb == "được" and q.unit in _COUNTED:       # "kết nạp được 198 đảng viên"
                name = _clean_name(f"{name} {q.unit}")
        return (q, name, rest) if name else None
    return _bare_value(clause, quantities[:1], at) if loose else None


def _counted_after_action(clause: str, q: Quantity, prefix: str) -> tuple[Quantity, str, int] | None:
    """An action and the number of things it was done for ("đã kết nạp 486 đảng viên mới", "Kết nạp
    mới 356 đảng viên"): the name is the action with the counted noun."""
    if q.kind != "number" or q.unit not in _COUNTED or q.comparator:
        return None
    tail = _TAIL_END.split(clause[q.end:], 1)[0]
    if any(ch.isdigit() for ch in tail) or len(tail.split()) > 4:
        tail = ""
    action = _clean_name(prefix)
    if not action or _SUBJECT_VERB.search(" " + action) or _NOT_A_NAME.match(action):
        return None
    name = _clean_name(f"{action} {q.unit} {tail.strip()}")
    return (q, name, q.end + len(tail)) if name else None


def _bare_value(clause: str, quantities: list[Quantity], at: int) -> tuple[Quantity, str, int] | None:
    """A name followed by its quantity with nothing between ("…: tỷ lệ che phủ rừng 52%", "Tỷ lệ giảm hộ
    nghèo bình quân 1,8%/năm"); only a quantity with a unit, and only the clause's first."""
    if not quantities:
        return None
    q = quantities[0]
    if q.kind not in ("number", "range") or not q.unit or q.comparator:
        return None
    prefix = clause[at:q.start]
    if ":" in prefix:                         # "Các chỉ tiêu về môi trường: tỷ lệ …"
        prefix = prefix.rsplit(":", 1)[1]
    if "(" in prefix or _NOT_A_NAME.match(prefix.strip()):
        return None
    name = _clean_name(prefix)
    return (q, name, q.end) if name and len(name.split()) >= 3 else None


def _holds_quantity(text: str, earlier: list[Quantity]) -> bool:
    """Whether an earlier value of the clause lies inside `text`: a name may count things ("trên cả
    3 tiêu chí") but cannot hold a percentage, an amount or a bare number."""
    return any(q.raw and q.raw in text and not (unit_class(q.unit) or "").startswith("count:") for q in earlier)


def _leading_quantity(clause: str, quantities: list[Quantity], at: int) -> tuple[Quantity, str, int] | None:
    """A segment that opens with its quantity and names what it counts ("100% Mặt trận Tổ quốc … hoàn
    thành tốt nhiệm vụ", "4 xã đạt chuẩn nông thôn mới nâng cao"): the quantity, the name, the rest."""
    q = next((q for q in quantities if q.start >= at), None)
    if q is None or not _SEGMENT_LEAD.match(_LEADING_CONTEXT.sub("", clause[at:q.start].strip(" ,"))) \
            or q.kind not in ("number", "count_of_total") or not q.unit:
        return None
    if not (q.unit == "%" or q.unit in _COUNTED):
        return None
    tail = _TAIL_END.split(clause[q.end:], 1)[0]
    if len(tail.split()) < 2 or any(ch.isdigit() for ch in tail) or _COMPARED.match(tail):
        return None
    head = "Tỷ lệ" if q.unit == "%" else f"Số {q.unit}"
    name = _clean_name(f"{head} {tail.strip()}")
    return (q, name, q.end + len(tail)) if name else None


def _next_segment(clause: str, quantities: list[Quantity], rest: int,
                  first: str) -> tuple[Quantity, str, int, bool] | None:
    """The next reading after `rest`: a comma segment opening with its own quantity, or an average
    change of the first name ("…, giảm bình quân 1,2%/năm")."""
    comma = clause.find(", ", rest)
    joined = _AND_QUANTITY.search(clause, rest)
    if joined and (comma == -1 or joined.start() < comma):
        segment = _leading_quantity(clause, quantities, joined.end())
        if segment is not None:
            return (*segment, False)
    if comma == -1:
        return None
    segment = _leading_quantity(clause, quantities, comma + 1)
    if segment is not None:
        return (*segment, False)
    q = next((q for q in quantities if q.start > comma), None)
    if q is None:
        return None
    if q.kind != "change" or not q.direction or clause[comma + 1:q.start].strip():
        named = _named_segment(clause, quantities, comma + 1)
        return (*named, False) if named is not None else _next_segment(clause, quantities, comma + 1, first)
    average = "bình quân" in clause[q.start:q.end] or (q.unit or "").endswith("/năm")
    if not average:
        return None
    word = "giảm" if q.direction == "giam" else "tăng"
    return q, f"{first} {word}", q.end, True


def _named_segment(clause: str, quantities: list[Quantity], at: int) -> tuple[Quantity, str, int] | None:
    """A comma segment that names its own indicator before a verb and a value ("…, tỷ lệ đảng viên
    hoàn thành tốt nhiệm vụ đạt 89,7%"); not a comparison, a target or a share of the plan."""
    found = _value_and_name(clause, quantities, at)
    if found is None:
        return None
    q, name, _ = found
    bare = _strip_context(clause[at:q.start].strip(" ,"))
    if clause.count("(", 0, at) > clause.count(")", 0, at):      # inside a bracketed breakdown
        return None
    if len(name.split()) < 3 or _NOT_A_NAME.match(bare) or _TARGET_MARKER.search(bare) \
            or _TARGET_INTRO.search(name) or _holds_quantity(name, quantities):
        return None
    return found


def _verb_position(prefix: str) -> tuple[str, int, str] | None:
    """The reporting verb ending the prefix (soft words like "khoảng" allowed after it), its offset,
    and the word before it; text typed without diacritics is compared without them."""
    tokens = word_tokenize(prefix)
    plain = not has_diacritics(prefix)
    verbs, softeners = (_PLAIN_VERBS, _PLAIN_SOFTENERS) if plain else (_VERBS, _SOFTENERS)
    offset = len(prefix)
    for i in range(len(tokens) - 1, -1, -1):
        offset = prefix.rfind(tokens[i], 0, offset)
        word = tokens[i].casefold()
        if word in softeners:
            continue
        if word in verbs:
            return word, offset, tokens[i - 1] if i else ""
        return None
    return None


def _clean_name(text: str) -> str:
    """Drop leading context ("Năm 2023, ...") and a trailing "ước"; after a comma keep the last segment
    when what comes before is context ("Trong lĩnh vực y tế, tỷ lệ ...") or holds numbers."""
    text = _TRAILING_ESTIMATE.sub("", text.strip(" ,:-"))
    while True:
        stripped = _LEADING_CONTEXT.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    if ", " in text:
        head, last = text.rsplit(", ", 1)
        if len(last.split()) >= 3 and (_CONTEXT_HEAD.match(head) or any(ch.isdigit() for ch in head)):
            text = last
    text = text.strip(" ,:-")
    words = re.split(r"[\s/]+", text)
    return text if 2 <= len(words) <= 30 else ""


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
            markers = list(_TARGET_MARKER.finditer(text, 0, rel))
            cut = markers[-1].start() if markers and not _NOT_TARGET.search(text[markers[-1].end():rel]) else rel
            text = text[:cut] + text[rel + len(target.raw):]
    text = _ANNUAL_PLAN.sub(" ", text)
    return " ".join(text.strip(" ,.;").split())

"""Where the values of a clause are and what they are named: "Tỷ lệ hộ nghèo giảm còn 2,1%, 4 xã đạt chuẩn ...".

The first value follows a reporting verb (found with underthesea word_tokenize, so "đạt chuẩn" is not the
verb "đạt") with the name before the verb, or opens the clause ("100% xã ..."); then come comma segments
that open with a quantity of their own or name their own indicator, and an average change after a level.
What each value's reading states (target, estimate, status) is `indicator_clauses`.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from underthesea import word_tokenize as _word_tokenize
from underthesea.pipeline.text_normalize import token_normalize as _token_normalize
from underthesea.pipeline.text_normalize.character_normalize import (
    normalize_characters_in_text as _normalize_characters,
)

from tonghop.aggregators.matching import unit_class
from tonghop.indicators.numbers import CACHE_SIZE, Quantity
from tonghop.model import Direction
from tonghop.parsers.normalize import has_diacritics, strip_diacritics

__all__ = [
    "clean_name", "Segment", "strip_context", "tail_words", "TARGET_INTRO", "TARGET_LEAD", "TARGET_MARKER",
    "value_segments", "word_tokenize",
]

# underthesea loads its CRF model lazily into a module global and its tagger is not thread-safe;
# the flow parses submissions in threads, so every call goes through this lock.
_UNDERTHESEA = threading.Lock()

# A value, the name it reports and where the words after it begin (the status and target are read there).
Segment = tuple[Quantity, str, int]


def word_tokenize(text: str) -> list[str]:
    """underthesea's word segmentation, serialised across threads, cached per distinct text."""
    return list(_segmented(text))


@lru_cache(maxsize=CACHE_SIZE)
def _segmented(text: str) -> tuple[str, ...]:
    with _UNDERTHESEA:
        return tuple(_word_tokenize(text))


_VERBS = frozenset({"đạt", "đạt được", "là", "có", "đã có", "còn", "giảm còn", "tăng lên", "chiếm", "được", "ở mức",
                    "bằng", ":", "=", "với", "lên", "xuống", "cho", "đạt mức", "ước đạt", "đạt tỷ lệ", "tăng", "giảm",
                    "duy trì", "giữ vững", "giữ", "hoàn thành"})
_SOFTENERS = frozenset({"khoảng", "gần", "hơn", "trên", "dưới", "mức", "ở", "tới", "đến", "lên", "xấp xỉ",
                        "bình quân", "trung bình", "ổn định", "hằng năm", "hàng năm", "mỗi năm", "tỷ lệ", "đều"})
_PLAIN_VERBS = frozenset(strip_diacritics(v) for v in _VERBS)
_PLAIN_SOFTENERS = frozenset(strip_diacritics(v) for v in _SOFTENERS)
# The last syllable of every verb and softener, marked and plain: a prefix whose last word (as underthesea
# normalises it) is none of them cannot end with a verb or a softener, whatever the segmentation, so it is
# not segmented at all (most prefixes: segmentation is the costliest step of reading a clause).
_LAST_SYLLABLES = frozenset(w.split()[-1].casefold() for w in _VERBS | _SOFTENERS | _PLAIN_VERBS | _PLAIN_SOFTENERS)
# Words that open a leading phrase of context before the name ("Trong lĩnh vực y tế, tỷ lệ ...").
_CONTEXT_HEAD = re.compile(r"^(?:trong|về|trên|đối với|với|năm|đến|tính đến|qua|nhìn chung|bên cạnh|ngoài ra|riêng"
                           r"|sau|tại|theo|nhờ|từ|cụ thể|đặc biệt|hiện nay|hiện tại|đồng thời|so với|như vậy|toàn)\b",
                           re.IGNORECASE)
# Words that may open a comma segment before its leading quantity ("…, 4 xã đạt chuẩn …").
_SEGMENT_LEAD = re.compile(r"^\s*(?:(?:và|có|đã có|trên|hơn|gần|khoảng|với)\s+)*$", re.IGNORECASE)
_NOUN_AFTER = frozenset({"có", "đã có", "được"})   # "có 12 xã đạt chuẩn ...": the name follows the number
_TRAILING_ESTIMATE = re.compile(r"[,\s]*(?:ước tính|ước thực hiện|dự ước|ước|dự kiến|bình quân năm|cả năm)\s*$",
                                re.IGNORECASE)
_LEADING_CONTEXT = re.compile(
    r"^(?:[-+•*–]\s*|(?:trong đó|đến nay|hiện nay|nhìn chung|cụ thể|riêng|bên cạnh đó|ngoài ra|qua đó|tính đến nay"
    r"|năm \d{4}|đến (?:hết |cuối )?(?:năm |tháng |ngày )?[\d/]+|giai đoạn [\d\s\-–]+|sau \d+ năm(?:[^,]*(?=,))?|\d+ năm qua"
    r"|sau nửa nhiệm kỳ|trong \d+ năm(?: qua)?(?: \([\d\s\-–]+\))?|về(?: chỉ tiêu)?(?=\s))\s*,?\s*)", re.IGNORECASE)
# Words that mark the number after them as a target ("NQ đề ra 7 - 7,5%", "kế hoạch 95%").
TARGET_MARKER = re.compile(r"(?:\bnq\b|nghị quyết|\bđh\b|đại hội|mục tiêu|chỉ tiêu|kế hoạch|\bkh\b|đề ra)",
                            re.IGNORECASE)
# A resolution's target introduced at the end of the words before its number ("Về thu ngân sách:
# Nghị quyết Đại hội đề ra đến năm 2025 đạt 1.500 tỷ đồng"): the number is the target, not a result.
TARGET_INTRO = re.compile(
    r"(?:^|[\s,:;(–-])(?:(?:(?:chỉ tiêu|mục tiêu)\s+)?(?:nghị quyết|nq)(?:\s+(?:đại hội|đh))?(?:\s+(?:đề ra|đặt ra))?"
    r"|(?:chỉ tiêu|mục tiêu)\s+(?:đề ra|đặt ra|đại hội|đh)|phấn đấu)"
    r"(?:\s+(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?\d{4})?[\s:,]*$", re.IGNORECASE)
# A sentence that states targets ("Phấn đấu đến năm 2025, …", "Mục tiêu đến năm 2025: …",
# "Nghị quyết đề ra …"): every number in it is a target.
TARGET_LEAD = re.compile(
    r"^(?:phấn đấu|mục tiêu(?= đến| tới|:)|(?:nghị quyết|nq)(?:\s+(?:đại hội|đh))?\s+(?:đề ra|đặt ra))"
    r"(?:\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?\d{4})?[\s:,]*", re.IGNORECASE)
# First words of a comma segment that cannot open an indicator's name.
_NOT_A_NAME = re.compile(r"^(?:bình quân|trung bình|mỗi|hằng|hàng|so với|thấp|cao|bằng|vượt|tăng|giảm|đạt|trong đó"
                         r"|chiếm|gấp|nâng|đưa|góp phần|ước|dự ước|dự kiến|dự báo|phấn đấu|năm \d{4}|khu vực|ở|tại"
                         r"|riêng|cả năm)\b", re.IGNORECASE)
# A quantity compared with something ("thấp hơn 3,3% so với mục tiêu"): a difference, not a segment's value.
_COMPARED = re.compile(r"^\s*(?:so với|với|so)\b", re.IGNORECASE)
# Where the words after a quantity end: not at a decimal comma, but before "và 28,5 giường".
_TAIL_END = re.compile(r"[;(]|[,.](?!\d)|\s+và\s+(?=\d)")
# A per-population qualifier that ends a list and applies to each item ("… trên một vạn dân").
_SHARED_PER = re.compile(r"\b(?:trên|mỗi)\s+(?:1|một|10\.000|1\.000)?\s*(?:vạn|nghìn|ngàn)?\s*(?:dân|người dân)\s*[.;]?$")
# "8,7 bác sĩ và 28,5 giường bệnh": a second quantity joined by "và" opens a segment of its own.
_AND_QUANTITY = re.compile(r"\s+và\s+(?=\d)")
# Verb words between a clause's subject and its first number ("Tỷ lệ hộ nghèo giảm từ 5,8% ...").
_SUBJECT_VERB = re.compile(r"(?:\s+(?:giảm|tăng|từ|đạt|là|còn|xuống|lên|ở mức|mức|được|có))+\s*$", re.IGNORECASE)
# Units that a leading quantity counts (a name can be made from them: "4 xã …" -> "Số xã …").
_COUNTED = frozenset({"xã", "phường", "thị trấn", "thôn", "hộ", "người", "lao động", "đảng viên", "trường", "trường học",
                      "bác sĩ", "giường", "giường bệnh", "doanh nghiệp", "hợp tác xã", "HTX", "chi bộ", "tổ chức cơ sở đảng"})


def value_segments(clause: str, quantities: list[Quantity], loose: bool) -> list[tuple[Quantity, str, int, bool]]:
    """The values a clause reports, in order, each with its name, where the words after it begin, and whether
    it is an alternative (an average change after a level): the first (a verb and its quantity, or a
    leading quantity), then the segments after it. `loose` (in the indicator section) also reads a name
    followed directly by its number."""
    first = _value_and_name(clause, quantities, loose=loose) or _leading_quantity(clause, quantities, 0)
    if first is None:
        return []
    spans = [(*first, False)]
    while (nxt := _next_segment(clause, quantities, spans[-1][2], spans[0][1])) is not None:
        spans.append(nxt)
    return spans


def strip_context(text: str) -> str:
    """The text without the phrases of context that open it ("Trong đó, ", "Năm 2023, ", "- ")."""
    while (stripped := _LEADING_CONTEXT.sub("", text, count=1)) != text:
        text = stripped
    return text


def _value_and_name(clause: str, quantities: list[Quantity], at: int = 0, loose: bool = False) -> Segment | None:
    """The first quantity (from `at`) introduced by a reporting verb, the name phrase, and where the rest
    begins; a quantity whose name phrase would hold an earlier quantity is not one. Without a verb, a
    name followed directly by its quantity ("Tỷ lệ che phủ rừng 52%", "đã kết nạp 486 đảng viên mới"),
    when `loose` (in the indicator section)."""
    quantities = [q for q in quantities if q.start >= at]
    for n, q in enumerate(quantities):
        prefix = clause[at:q.start]
        if q.kind == "change" and q.direction:
            name = clean_name(prefix)
            if _holds_quantity(name, quantities[:n]):    # "giảm từ 5,8% xuống còn 2,9%, bình quân giảm 1,45%/năm"
                name = clean_name(_SUBJECT_VERB.sub("", clause[:quantities[0].start]))
            return (q, f"{name} {_direction_word(q)}", q.end) if name else None
        verb_at = _verb_position(prefix)
        if verb_at is None:
            if loose and n == 0 and (counted := _counted_after_action(clause, q, prefix)) is not None:
                return counted
            continue
        verb, start, before = verb_at
        name, rest = clean_name(prefix[:start]), q.end
        if _holds_quantity(name, quantities[:n]):
            continue
        if verb in _NOUN_AFTER and q.unit:
            tail = tail_words(clause, q.end)
            if not tail.strip() and _AND_QUANTITY.match(clause, q.end):    # "có 8,7 bác sĩ và 28,5 giường
                shared = _SHARED_PER.search(clause, q.end)                      # bệnh trên một vạn dân"
                tail = " " + shared.group().strip(" .;") if shared else ""
                if tail:
                    name = clean_name(f"Số {q.unit}{tail}")
                    return (q, name, q.end) if name else None
            if tail.strip():
                action = "Số" if verb != "được" else before
                name, rest = clean_name(f"{action} {q.unit} {tail.strip()}"), q.end + len(tail)
            elif verb == "được" and q.unit in _COUNTED:       # "kết nạp được 198 đảng viên"
                name = clean_name(f"{name} {q.unit}")
        return (q, name, rest) if name else None
    return _bare_value(clause, quantities[:1], at) if loose else None


def _counted_after_action(clause: str, q: Quantity, prefix: str) -> Segment | None:
    """An action and the number of things it was done for ("đã kết nạp 486 đảng viên mới", "Kết nạp
    mới 356 đảng viên"): the name is the action with the counted noun."""
    if q.kind != "number" or q.unit not in _COUNTED or q.comparator:
        return None
    tail = tail_words(clause, q.end)
    if any(ch.isdigit() for ch in tail) or len(tail.split()) > 4:
        tail = ""
    action = clean_name(prefix)
    if not action or _SUBJECT_VERB.search(" " + action) or _NOT_A_NAME.match(action):
        return None
    name = clean_name(f"{action} {q.unit} {tail.strip()}")
    return (q, name, q.end + len(tail)) if name else None


def _bare_value(clause: str, quantities: list[Quantity], at: int) -> Segment | None:
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
    name = clean_name(prefix)
    return (q, name, q.end) if name and len(name.split()) >= 3 else None


def _holds_quantity(text: str, earlier: list[Quantity]) -> bool:
    """Whether an earlier value of the clause lies inside `text`: a name may count things ("trên cả
    3 tiêu chí") but cannot hold a percentage, an amount or a bare number."""
    return any(q.raw and q.raw in text and not (unit_class(q.unit) or "").startswith("count:") for q in earlier)


def _leading_quantity(clause: str, quantities: list[Quantity], at: int) -> Segment | None:
    """A segment that opens with its quantity and names what it counts ("100% Mặt trận Tổ quốc … hoàn
    thành tốt nhiệm vụ", "4 xã đạt chuẩn nông thôn mới nâng cao"): the quantity, the name, the rest."""
    q = next((q for q in quantities if q.start >= at), None)
    if q is None or not _SEGMENT_LEAD.match(_LEADING_CONTEXT.sub("", clause[at:q.start].strip(" ,"))) \
            or q.kind not in ("number", "count_of_total") or not q.unit:
        return None
    if not (q.unit == "%" or q.unit in _COUNTED):
        return None
    tail = tail_words(clause, q.end)
    if len(tail.split()) < 2 or any(ch.isdigit() for ch in tail) or _COMPARED.match(tail):
        return None
    head = "Tỷ lệ" if q.unit == "%" else f"Số {q.unit}"
    name = clean_name(f"{head} {tail.strip()}")
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
    return q, f"{first} {_direction_word(q)}", q.end, True


def _direction_word(change: Quantity) -> str:
    return "giảm" if change.direction == Direction.GIAM else "tăng"


def _named_segment(clause: str, quantities: list[Quantity], at: int) -> Segment | None:
    """A comma segment that names its own indicator before a verb and a value ("…, tỷ lệ đảng viên
    hoàn thành tốt nhiệm vụ đạt 89,7%"); not a comparison, a target or a share of the plan."""
    found = _value_and_name(clause, quantities, at)
    if found is None:
        return None
    q, name, _ = found
    bare = strip_context(clause[at:q.start].strip(" ,"))
    if clause.count("(", 0, at) > clause.count(")", 0, at):      # inside a bracketed breakdown
        return None
    if len(name.split()) < 3 or _NOT_A_NAME.match(bare) or TARGET_MARKER.search(bare) \
            or TARGET_INTRO.search(name) or _holds_quantity(name, quantities):
        return None
    return found


def _verb_position(prefix: str) -> tuple[str, int, str] | None:
    """The reporting verb ending the prefix (soft words like "khoảng" allowed after it), its offset,
    and the word before it; text typed without diacritics is compared without them."""
    if not _may_end_with_verb(prefix):
        return None
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


def _may_end_with_verb(prefix: str) -> bool:
    """False when the last token underthesea would make of the prefix cannot be a verb or a softener: the
    prefix ends with a run of letters (its last token ends with that run) whose normalised form (underthesea's
    own character and token normalisation) is no verb's or softener's last syllable. Anything else (a
    prefix ending with a digit or a sign, ":" and "=" being verbs) is segmented."""
    tail = prefix.rstrip()
    start = len(tail)
    while start and tail[start - 1].isalpha():
        start -= 1
    if start == len(tail):
        return True
    word = tail[start:]
    if word.casefold() in _LAST_SYLLABLES:
        return True
    return _token_normalize(_normalize_characters(word)).casefold() in _LAST_SYLLABLES


def tail_words(text: str, start: int) -> str:
    """The words from `start` up to the next ';', '(', comma or full stop (not a decimal one) or "và <number>"."""
    return _TAIL_END.split(text[start:], 1)[0]


def clean_name(text: str) -> str:
    """Drop leading context ("Năm 2023, ...") and a trailing "ước"; after a comma keep the last segment
    when what comes before is context ("Trong lĩnh vực y tế, tỷ lệ ...") or holds numbers."""
    text = strip_context(_TRAILING_ESTIMATE.sub("", text.strip(" ,:-")))
    if ", " in text:
        head, last = text.rsplit(", ", 1)
        if len(last.split()) >= 3 and (_CONTEXT_HEAD.match(head) or any(ch.isdigit() for ch in head)):
            text = last
    text = text.strip(" ,:-")
    words = re.split(r"[\s/]+", text)
    return text if 2 <= len(words) <= 30 else ""


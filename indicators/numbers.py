"""Reading Vietnamese quantities ("7 - 7,5%", "45.799/36.875 tỷ đồng", "gấp 1,5 lần") with their raw text.

Vietnamese writes "." for thousands and "," for decimals: "1.234,5" is 1234.5. Some units type
English decimals ("7.2"): a single dot followed by exactly three digits is read as thousands,
any other single dot as a decimal point. Years, dates, document numbers ("43-NQ/TW"), outline
labels and periods ("6 tháng") are not quantities and `find_quantities` skips them. The words read
around a number (units, comparators, periods, labels) are in `quantity_words`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from tonghop.indicators.quantity_words import COUNT_NOUNS, LEXICONS, SUMMARY_NOUNS, WORD_MULTIPLIERS, Lexicon, fold
from tonghop.model import Direction
from tonghop.parsers.normalize import has_diacritics

__all__ = ["find_quantities", "format_number", "parse_number", "parse_quantity", "Quantity"]


@dataclass(frozen=True)
class Quantity:
    """One quantity read from text, with the exact span it was read from."""

    raw: str
    value: float | None
    upper: float | None = None
    second: float | None = None
    unit: str | None = None
    comparator: str | None = None
    kind: str = "number"          # number | range | pair | count_of_total | multiplier | change
    direction: Direction | None = None  # when the text says tăng/giảm
    start: int = 0
    end: int = 0

    @property
    def is_summary(self) -> bool:
        """A count of the report's own targets ("37/50 chỉ tiêu đạt và vượt"), not an indicator."""
        return self.kind == "count_of_total" and self.unit in SUMMARY_NOUNS


# ---------------------------------------------------------------- one number token

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?")
_MINUS = "-\u2212\u2013"


def _grouped(head: str, groups: list[str]) -> bool:
    return 1 <= len(head) <= 3 and not (head.startswith("0") and len(head) > 1) \
        and all(len(g) == 3 for g in groups)


def parse_number(text: str) -> float | None:
    """One number token in Vietnamese (or stray English) format, or None: '1.234,5' -> 1234.5."""
    s = text.strip()
    sign = 1.0
    if s and (s[0] in _MINUS or s[0] == "+"):
        sign = -1.0 if s[0] in _MINUS else 1.0
        s = s[1:].lstrip()
    if _SPACED_THOUSANDS.fullmatch(s):
        s = re.sub(r"[ \u00a0\u202f]", ".", s)
    if not _TOKEN.fullmatch(s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thou = "." if dec == "," else ","
        whole, _, frac = s.rpartition(dec)
        if dec in whole or frac == "":
            return None
        parts = whole.split(thou)
        if not _grouped(parts[0], parts[1:]):
            return None
        return sign * float("".join(parts) + "." + frac)
    if dots > 1 or commas > 1:
        parts = s.split("." if dots else ",")
        return sign * float("".join(parts)) if _grouped(parts[0], parts[1:]) else None
    if dots == 1:
        head, frac = s.split(".")
        if len(frac) == 3 and _grouped(head, [frac]) and head != "0":
            return sign * float(head + frac)
        return sign * float(head + "." + frac)
    return sign * float(s.replace(",", "."))


def format_number(value: float, decimals: int | None = None) -> str:
    """Vietnamese display form: 1234.5 -> '1.234,5'; decimals=None keeps up to 6 significant places."""
    if decimals is None:
        text = f"{value:.6f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.{decimals}f}"
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups) + ("," + frac if frac else "")
    return "0" if out == "-0" else out


# ---------------------------------------------------------------- finding quantities in text

_NUM = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_WINDOW = 60        # how far back words before a number are looked for
_DATE = re.compile(r"(?<![\d.,/])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*((?:19|20)?\d{2})(?![\d/]|[.,]\d)")
_MONTH_YEAR = re.compile(r"(?<![\d.,/])(0?[1-9]|1[0-2])\s*/\s*((?:19|20)\d{2})(?![\d/]|[.,]\d)")
_YEAR_RANGE = re.compile(
    r"(?<![\d.,])(?:19|20)\d{2}\s*(?:[-\u2212\u2013\u2014/]|đến|tới|den|toi)\s*"
    r"(?:(?:19|20)\d{2}|\d{2})(?![\d%/]|[.,]\d)", re.IGNORECASE)
_DOC_CODE = re.compile(r"(?<![\w.,])\d+(?:/\d{2,4})*[-/][A-ZĐ]{2,}")
_HYPHEN_CODE = re.compile(r"(?<=[^\W\d_])-\d+")
_FOOTNOTE = re.compile(r"\(\d{1,2}\)")
_LABEL = re.compile(r"(?m)^\s*\d+(?:\.\d+)*(?:[.)]|/\s)(?=\s|$)")
# The population a rate is per ("trên 1 vạn dân", "/10.000 dân", "trên một nghìn dân"): part of a name or unit.
_PER_POPULATION = re.compile(r"(?:\b(?:trên|tren|mỗi|moi)\s+|/\s*)(?:1|một|mot|10|100)?(?:[.,]?000)*\s*"
                             r"(?:vạn|van|nghìn|nghin|ngàn|ngan|triệu|trieu)?\s*(?:dân|dan|người dân|nguoi dan)\b",
                             re.IGNORECASE)


class _Text:
    """A text prepared for scanning: its folded form, lexicon and the spans that are not quantities."""

    def __init__(self, text: str):
        self.text = text
        self.plain = not has_diacritics(text)
        self.lex = LEXICONS[self.plain]
        self.folded = fold(text, self.plain)

    @cached_property
    def excluded(self) -> list[tuple[int, int]]:        # only when a number is read
        return _excluded_spans(self.text, self.folded, self.lex)

    @cached_property
    def unmarked(self) -> str | None:
        return None if self.plain else fold(self.text, True)

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.excluded)

    def unit_at(self, pos: int) -> tuple[str | None, int]:
        """The unit at pos; a unit typed without marks ("ty dong") in a marked text is read too."""
        unit, end = self.lex.read_unit(self.folded, pos)
        if unit is None and self.unmarked is not None:
            unit, end = LEXICONS[True].read_unit(self.unmarked, pos)
            if unit is not None and has_diacritics(self.text[pos:end]):
                return None, pos
        return unit, end


def _excluded_spans(text: str, folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    spans = []
    for m in _DATE.finditer(text):
        if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(3)) <= 12:
            spans.append(m.span())
    for m in lex.day_month.finditer(folded):
        if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
            spans.append((m.start(1), m.end(2)))
    for rx in (_MONTH_YEAR, _YEAR_RANGE):
        spans.extend(m.span() for m in rx.finditer(folded))
    for rx in (_DOC_CODE, _HYPHEN_CODE, _FOOTNOTE, _LABEL, _PER_POPULATION):
        spans.extend(m.span() for m in rx.finditer(text))
    return spans


# Pure functions of short texts (cells, clauses) that repeat across a batch's reports (status cells, table
# headers, template sentences): their results are cached per process (bounded; cleared by
# tonghop.indicators.extract.clear_caches, which the speed bench calls before each timed pass).
CACHE_SIZE = 8192


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in a sentence or cell, in order, with its span; years, dates,
    document numbers, labels and periods are skipped."""
    return list(_quantities(text))


@lru_cache(maxsize=CACHE_SIZE)
def _quantities(text: str) -> tuple[Quantity, ...]:
    t = _Text(text)
    found: list[Quantity] = []
    pos = 0
    for m in _NUM.finditer(text):
        if m.start() < pos:
            continue
        q = _read_at(t, m, pos)
        if q is not None:
            found.append(q)
            pos = q.end
    for m in t.lex.word_multiplier.finditer(t.folded):
        if not any(q.start < m.end() and m.start() < q.end for q in found):
            found.append(_word_multiplier(t, m))
    return tuple(sorted(found, key=lambda q: q.start))


@lru_cache(maxsize=CACHE_SIZE)
def parse_quantity(text: str) -> Quantity | None:
    """The quantity a table cell or short phrase states ("7 - 7,5%", "≥ 95", "12.500"), or None."""
    bare = text.strip().rstrip(".;,")
    value = parse_number(bare)
    if value is not None:
        start = text.index(bare)
        return Quantity(raw=bare, value=value, start=start, end=start + len(bare))
    found = find_quantities(text)
    return found[0] if found else None


def _read_at(t: _Text, m: re.Match, floor: int) -> Quantity | None:
    """The quantity whose (first) number is the token `m`, or None when it is not one."""
    start, end = m.span()
    value = parse_number(m.group())
    if value is None or t.is_excluded(start, end):
        return None
    unit, end = t.unit_at(end)
    if unit is None:
        if end < len(t.text) and t.text[end].isalpha():
            return None                     # "5G", "1A": a code, not a quantity
        if t.lex.time.match(t.folded, end):
            return None                     # "6 tháng", "5 năm": a period
        if _is_year(m.group(), value):
            return None                     # a year
    floor = max(floor, start - _WINDOW)
    q = Quantity(raw="", value=value, unit=unit, start=start, end=end)
    q = _extend_range_or_pair(t, q, m.group())
    if q is None or q.unit == "tuổi" and t.lex.age_group.search(t.folded, floor, start):
        return None
    if t.lex.skip_before.search(t.folded, floor, start) and (q.unit is None or q.unit == "lần"):
        return None                         # "năm 2023", "Nghị quyết 43", "lần thứ 2" (not "Nghị quyết: 38 - 40%")
    q = _read_suffix(t, q)
    q = _read_prefix(t, q, floor)
    return replace(q, raw=t.text[q.start:q.end])


def _second_number(t: _Text, pos: int) -> tuple[re.Match, float, str | None, int] | None:
    """The number (with its unit and end) that completes a range or pair at `pos`, if any."""
    m = _NUM.match(t.text, pos)
    if m is None or t.is_excluded(*m.span()):
        return None
    value = parse_number(m.group())
    if value is None:
        return None
    unit, end = t.unit_at(m.end())
    if unit is None and _is_year(m.group(), value):
        return None                         # "đạt 95% đến 2025": a year, not an upper bound
    return m, value, unit, end


def _extend_range_or_pair(t: _Text, q: Quantity, token: str) -> Quantity | None:
    """"7 - 7,5%", "từ 7 đến 7,5" -> range; "45.799/36.875 tỷ đồng" -> pair or count of total;
    None when the two numbers make a period ("từ 2 đến 3 năm")."""
    lex = t.lex
    for kind, sep in (("range", lex.range_sep), ("pair", lex.slash), ("count", lex.out_of)):  # noqa: B007 - used after the loop
        if (m := sep.match(t.folded, q.end)) and (nxt := _second_number(t, m.end())):
            break
    else:
        return q
    m2, v2, unit2, end2 = nxt
    if q.unit and unit2 and q.unit != unit2:
        return q
    unit = unit2 or q.unit
    if unit is None and lex.time.match(t.folded, end2):
        return None
    if kind == "range":
        return replace(q, upper=v2, unit=unit, kind="range", end=end2) if v2 >= q.value else q
    is_count = (unit in COUNT_NOUNS and _is_integer(token) and _is_integer(m2.group())
                and 0 <= q.value <= v2)
    if kind == "count" and not is_count:
        return q                            # "37 trên 50" only counts things out of a total
    return replace(q, second=v2, unit=unit, kind="count_of_total" if is_count else "pair",
                   end=end2)


def _is_year(token: str, value: float) -> bool:
    return token.isdigit() and 1900 <= value <= 2100


def _is_integer(token: str) -> bool:
    value = parse_number(token)
    return value is not None and "," not in token and value == int(value)


def _read_suffix(t: _Text, q: Quantity) -> Quantity:
    """'95% trở lên' -> '>=', 'trở xuống' -> '<='; a unit written after it is still read."""
    for comparator, rx in ((">=", t.lex.ge_suffix), ("<=", t.lex.le_suffix)):
        if q.comparator is None and (m := rx.match(t.folded, q.end)):
            q = replace(q, comparator=comparator, end=m.end())
            if q.unit is None:
                unit, end = t.unit_at(q.end)
                q = replace(q, unit=unit, end=end)
            return q
    return q


def _read_prefix(t: _Text, q: Quantity, floor: int) -> Quantity:
    """Sign, approximation, comparator, 'từ' and tăng/giảm/vượt/gấp words before the number."""
    lex, f, b = t.lex, t.folded, q.start
    if b > floor and t.text[b - 1] in _MINUS and (b - 1 == floor or not t.text[b - 2].isalnum()) \
            and q.kind != "range":
        q, b = _negated(q), b - 1
    elif m := lex.am.search(f, floor, b):
        q, b = _negated(q), m.start()
    if m := lex.approx.search(f, floor, b):
        b = m.start()
    if m := lex.cmp.search(f, floor, b):
        q, b = replace(q, comparator=lex.cmp_ops[m.lastindex - 1]), m.start()
    if m := lex.approx.search(f, floor, b):
        b = m.start()
    if (q.kind == "range" or q.comparator == ">=") and (m := lex.tu.search(f, floor, b)):
        b = m.start()
    if m := lex.direction.search(f, floor, b):
        q, b = _with_direction(q, m, lex), m.start()
    elif q.unit == "lần" and q.kind == "number":
        q = replace(q, kind="multiplier")
    return replace(q, start=b)


def _negated(q: Quantity) -> Quantity:
    return replace(q, value=-q.value if q.value else q.value)


def _with_direction(q: Quantity, m: re.Match, lex: Lexicon) -> Quantity:
    word, fillers = m.group(1), m.group(2).split()
    multiplier = word == lex.gap or lex.gap in fillers or q.unit == "lần"
    direction = {lex.tang: Direction.TANG, lex.giam: Direction.GIAM, lex.vuot: Direction.TANG}.get(word)
    if direction is None and lex.gap in fillers:
        direction = None
    level = any(w in lex.level_fillers for w in fillers) or _has_phrase(m.group(2), "ở mức")
    kind = q.kind
    if kind == "number":
        kind = "multiplier" if multiplier else ("number" if level else "change")
    return replace(q, kind=kind, direction=direction)


def _has_phrase(text: str, phrase: str) -> bool:
    return phrase in " ".join(text.split())


def _word_multiplier(t: _Text, m: re.Match) -> Quantity:
    word = m.group(2)
    value = next(v for w, v in WORD_MULTIPLIERS.items() if fold(w, t.lex.plain) == word)
    direction = {t.lex.tang: Direction.TANG, t.lex.giam: Direction.GIAM}.get(m.group(1) or "")
    return Quantity(raw=t.text[m.start():m.end()], value=value, unit="lần", kind="multiplier",
                    direction=direction, start=m.start(), end=m.end())

"""Reading Vietnamese quantities ("7 - 7,5%", "45.799/36.875 tỷ đồng", "gấp 1,5 lần") with their raw text.

Vietnamese writes "." for thousands and "," for decimals: "1.234,5" is 1234.5. Some units type
English decimals ("7.2"): a single dot followed by exactly three digits is read as thousands,
any other single dot as a decimal point. Years, dates, document numbers ("43-NQ/TW"), outline
labels and periods ("6 tháng") are not quantities and `find_quantities` skips them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from parsers.normalize import has_diacritics, strip_diacritics


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
    direction: str | None = None  # "tang" | "giam" when the text says tăng/giảm
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


# ---------------------------------------------------------------- units

_SCALES = {"nghìn": "nghìn", "ngàn": "ngàn", "triệu": "triệu", "tỷ": "tỷ", "tỉ": "tỷ"}
# canonical unit: surface forms (the canonical one is always a surface form too)
_BASES: dict[str, tuple[str, ...]] = {
    "%": ("phần trăm",), "điểm %": ("điểm phần trăm", "điểm phần trăm"),
    "triệu đồng": ("trđ", "tr.đ", "tr đ", "tr.đồng", "tr. đồng"),
    "đồng": ("đ",), "USD": ("đô la mỹ", "đô la"), "ha": ("héc ta", "hecta", "héc-ta"),
    "km": (), "km2": ("km²",), "m2": ("m²",), "m3": ("m³",), "m": ("mét",), "tấn": (), "tạ": (),
    "kg": (), "MW": (), "kWh": (), "người": (), "lượt người": (), "lao động": ("LĐ",), "hộ": (),
    "hộ gia đình": (), "gia đình": (), "xã": (), "phường": (), "thị trấn": (), "huyện": (),
    "thôn": (), "tổ dân phố": (), "khu dân cư": (), "làng": (), "giường": (), "giường bệnh": (),
    "bác sĩ": (), "đảng viên": ("ĐV",), "chi bộ": (), "đảng bộ": (), "tổ chức cơ sở đảng": (),
    "TCCSĐ": (), "tổ chức": (), "cơ sở": (), "cơ quan": (), "chỉ tiêu": (), "mục tiêu": (),
    "nhiệm vụ": (), "tiêu chí": (), "nội dung": (), "giải pháp": (), "chương trình": (),
    "đề án": (), "dự án": (), "công trình": (), "đơn vị": (), "trường": (), "trường học": (),
    "doanh nghiệp": ("DN",), "hợp tác xã": (), "HTX": (), "lượt": (), "lượt khách": (), "lần": (),
    "tuổi": (), "học sinh": (), "sinh viên": (), "giáo viên": (), "cán bộ": (), "công chức": (),
    "hội viên": (), "đoàn viên": (), "sản phẩm": (), "làng nghề": (), "di tích": (), "căn": (),
    "căn nhà": (), "ngôi nhà": (), "nhà": (), "vụ": (), "vụ việc": (), "vụ án": (),
    "đối tượng": (), "điểm": (), "phòng học": (), "trạm": (), "mô hình": (), "hồ sơ": (),
    "thủ tục": (), "lớp": (), "buổi": (), "cuộc": (), "suất": (), "thuê bao": (), "con": (),
}
_DENOMS: dict[str, tuple[str, ...]] = {
    "người": (), "năm": (), "tháng": (), "ngày": (), "vạn dân": (), "nghìn dân": (),
    "ngàn dân": (), "1.000 dân": (), "10.000 dân": (), "100.000 dân": (), "dân": (), "hộ": (),
    "ha": (), "km2": ("km²",), "lao động": (), "học sinh": (), "xã": (), "lượt": (), "vụ": (),
}
COUNT_NOUNS = frozenset({
    "chỉ tiêu", "mục tiêu", "nhiệm vụ", "tiêu chí", "nội dung", "giải pháp", "chương trình",
    "đề án", "dự án", "công trình", "xã", "phường", "thị trấn", "huyện", "thôn", "tổ dân phố",
    "khu dân cư", "làng", "đơn vị", "chi bộ", "đảng bộ", "tổ chức cơ sở đảng", "TCCSĐ",
    "tổ chức", "cơ sở", "cơ quan", "trường", "trường học", "hợp tác xã", "HTX",
})
# Count nouns that make "a/b <noun>" a summary of the resolution's own targets.
SUMMARY_NOUNS = frozenset({"chỉ tiêu", "mục tiêu", "nhiệm vụ", "nội dung", "giải pháp",
                           "chương trình", "đề án"})
TIME_WORDS = ("tháng", "quý", "qúy", "năm", "tuần", "ngày", "giờ", "phút")
# "trẻ em dưới 5 tuổi", "người từ 60 tuổi trở lên": an age that is part of a name, not a value
# (but "tuổi thọ trung bình đạt 74,5 tuổi" is a value).
_AGE_GROUP = ("trẻ em", "trẻ", "em", "người", "dân số", "dân", "nữ", "nam", "phụ nữ", "học sinh",
              "công dân", "thanh niên", "lao động", "độ tuổi", "cao tuổi", "cụ")


def _fold_char(c: str, plain: bool) -> str:
    f = (strip_diacritics(c) if plain else c).lower()
    return f if len(f) == 1 else c


# Latin letters with Vietnamese marks (and ASCII) folded once, at import.
_FOLD_TABLES = {plain: {i: _fold_char(chr(i), plain) for i in range(0x20, 0x2000)}
                for plain in (False, True)}


def fold(text: str, plain: bool) -> str:
    """Length-preserving matching form: lower case, and without marks when `plain`
    (the mode for text typed without diacritics); spans in it are spans in `text`."""
    folded = text.translate(_FOLD_TABLES[plain])
    return folded if len(folded) == len(text) else "".join(_fold_char(c, plain) for c in text)


# Words that make a unit word something else: "xã hội" is society, "lần thứ" an ordinal.
_NOT_FOLLOWED_BY = {"xã": ("hội",), "lần": ("thứ",), "nhà": ("nước", "ở"), "con": ("người",),
                    "cơ sở": ("hạ tầng", "vật chất", "dữ liệu")}


def _alternation(forms: dict[str, str], plain: bool) -> re.Pattern[str]:
    """A regex matching any surface form (longest first), mapping back through `forms`."""
    parts = []
    for surface in sorted(forms, key=len, reverse=True):
        p = r"\s*".join(re.escape(w) for w in fold(surface, plain).split(" "))
        p += r"(?!\w)" if surface[-1].isalnum() else ""
        for word in _NOT_FOLLOWED_BY.get(surface, ()):
            p += rf"(?!\s+{re.escape(fold(word, plain))}(?!\w))"
        parts.append(p)
    return re.compile("|".join(f"({p})" for p in parts))


def _form_table(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {s: canon for canon, alts in table.items() for s in (canon, *alts)}


class _Lexicon:
    """The compiled phrase patterns for one matching mode (with or without diacritics)."""

    def __init__(self, plain: bool):
        f = (lambda s: fold(s, plain))
        self.plain = plain
        self.scales, self.scale_forms = self._table(_SCALES)
        self.bases, self.base_forms = self._table(_form_table(_BASES))
        self.denoms, self.denom_forms = self._table(_form_table(_DENOMS))
        words = "|".join(re.escape(f(w)) for w in TIME_WORDS)
        self.time = re.compile(rf"\s*(?:{words})(?!\w)")
        self.range_sep = re.compile(
            rf"\s*(?:[-\u2212\u2013\u2014÷~]|{f('đến')}|{f('tới')})\s*(?=[-\u2212]?\d)")
        self.slash = re.compile(r"\s*/\s*(?=\d)")
        self.out_of = re.compile(
            rf"\s+(?:{f('trên')}|{f('trong')})(?:\s+{f('tổng')})?(?:\s+{f('số')})?\s+(?=\d)")
        self.ge_suffix = re.compile(rf"\s*{f('trở lên')}(?!\w)")
        self.le_suffix = re.compile(rf"\s*(?:{f('trở xuống')}|{f('trở lại')})(?!\w)")
        groups = "|".join(re.escape(f(w)) for w in sorted(_AGE_GROUP, key=len, reverse=True))
        self.age_group = re.compile(
            rf"(?<!\w)(?:{groups})(?:\s+(?:{f('từ')}|{f('dưới')}|{f('trên')}|{f('đủ')}|{f('đến')}|"
            rf"{f('có')}|{f('trong')}|{f('độ tuổi')}|\d+|-))*\s*$")
        self.tu = re.compile(rf"(?<!\w){f('từ')}\s*$")
        self.am = re.compile(rf"(?<!\w){f('âm')}\s*$")
        self.approx = _tail(f, ("khoảng", "xấp xỉ", "ước khoảng", "chừng", "trên dưới", "gần",
                               "~", "≈"))
        self.cmp_ops = [op for op, ws in _COMPARATORS.items() for _ in ws]
        self.cmp = _tail(f, [w for ws in _COMPARATORS.values() for w in ws], grouped=True)
        fillers = "|".join(re.escape(f(w)) for w in _FILLERS)
        self.direction = re.compile(
            rf"(?<!\w)({f('tăng')}|{f('giảm')}|{f('vượt')}|{f('gấp')})"
            rf"((?:\s+(?:{fillers}))*)\s*:?\s*$")
        self.level_fillers = {f(w) for w in ("lên", "xuống", "còn", "đến", "tới", "ở mức", "mức")}
        self.gap, self.tang, self.giam, self.vuot = f("gấp"), f("tăng"), f("giảm"), f("vượt")
        skip = "|".join(re.escape(f(w)) for w in sorted(_SKIP_BEFORE, key=len, reverse=True))
        numbered = "|".join(re.escape(f(w)) for w in _SKIP_BEFORE_SO)
        self.skip_before = re.compile(rf"(?<!\w)(?:(?:{skip})\s*(?:{f('số')}\s*)?|"
                                      rf"(?:{numbered})\s*{f('số')}\s*)[:.]?\s*$")
        self.day_month = re.compile(
            rf"(?<!\w)(?:{f('ngày')}|{f('đến')}|{f('tới')}|{f('từ')}|{f('trước')}|{f('hết')})"
            r"\s+(\d{1,2})\s*/\s*(\d{1,2})(?![\d/]|[.,]\d)")
        nums = "|".join(re.escape(f(w)) for w in _WORD_MULTIPLIERS)
        self.word_multiplier = re.compile(
            rf"(?<!\w)(?:({f('tăng')}|{f('giảm')})\s+)?{f('gấp')}\s+({nums})(?:\s+{f('lần')})?"
            r"(?!\w)(?!\s*\d)")

    def _table(self, forms: dict[str, str]):
        pattern = _alternation(forms, self.plain)
        ordered = [forms[s] for s in sorted(forms, key=len, reverse=True)]
        return pattern, ordered

    @staticmethod
    def canonical(m: re.Match, ordered: list[str]) -> str:
        return ordered[m.lastindex - 1]


_COMPARATORS = {
    ">=": ("≥", ">=", "=>", "ít nhất", "tối thiểu", "không dưới", "không thấp hơn", "không ít hơn"),
    ">": (">", "trên", "hơn", "cao hơn", "nhiều hơn", "vượt trên"),
    "<=": ("≤", "<=", "=<", "tối đa", "không quá", "không vượt quá", "không cao hơn",
           "không hơn", "không nhiều hơn"),
    "<": ("<", "dưới", "thấp hơn", "ít hơn", "chưa đến", "chưa tới", "không đến"),
}
_FILLERS = ("thêm", "bình quân", "trung bình", "được", "lên", "xuống", "còn", "đến", "tới",
            "ở mức", "mức", "gấp", "khoảng", "hơn", "là", "trên", "dưới")
_SKIP_BEFORE = (
    "ngày", "tháng", "năm", "quý", "qúy", "khóa", "khoá", "kỳ", "thứ", "điều", "khoản", "chương",
    "mục", "phần", "tiết", "trang", "lần", "đợt", "giai đoạn", "nhiệm kỳ", "quốc lộ", "tỉnh lộ",
    "hương lộ", "huyện lộ", "đường tỉnh", "QL", "ĐT", "phụ lục", "biểu", "bảng", "mẫu", "thôn",
    "tổ", "ấp", "xóm", "khối", "khu phố", "điểm", "nghị quyết", "quyết định", "chỉ thị",
    "kết luận", "kế hoạch", "báo cáo", "thông tư", "nghị định", "công văn", "tờ trình", "thông báo", "hướng dẫn",
    "quy định", "đề án", "chương trình", "luật", "văn bản", "covid", "tiêu chí", "STT",
)
# Words followed by a number that is a label only when "số" is written: "chỉ tiêu số 3",
# but "(chỉ tiêu 7)" is a target. (After the words above a number with a unit is still read.)
_SKIP_BEFORE_SO = ("chỉ tiêu", "mục tiêu", "nhiệm vụ", "dự án")
_WORD_MULTIPLIERS = {"đôi": 2.0, "hai": 2.0, "rưỡi": 1.5, "ba": 3.0, "bốn": 4.0, "năm": 5.0,
                     "mười": 10.0}


def _tail(f, words, grouped: bool = False) -> re.Pattern[str]:
    """Any of `words` ending the text (then only spaces), as whole words; with `grouped`,
    alternative i is group i+1, in the order given."""
    alts = []
    for w in words:
        folded = r"\s+".join(re.escape(x) for x in f(w).split(" "))
        alt = (r"(?<!\w)" if w[0].isalnum() else "") + folded
        alts.append(f"({alt})" if grouped else alt)
    return re.compile(rf"(?:{'|'.join(alts)})\s*$")


_LEXICONS = {False: _Lexicon(False), True: _Lexicon(True)}


def read_unit(text: str, pos: int = 0) -> tuple[str | None, int]:
    """The unit written at text[pos:] (after optional spaces), normalised, and where it ends."""
    plain = not has_diacritics(text)
    return _read_unit(fold(text, plain), pos, _LEXICONS[plain])


def _read_unit(folded: str, pos: int, lex: _Lexicon) -> tuple[str | None, int]:
    parts, i = [], pos
    while m := lex.scales.match(folded, _skip_ws(folded, i)):
        parts.append(lex.canonical(m, lex.scale_forms))
        i = m.end()
    m = lex.bases.match(folded, _skip_ws(folded, i))
    if m:
        parts.append(lex.canonical(m, lex.base_forms))
        i = m.end()
    if not parts:
        return None, pos
    unit = " ".join(parts)
    while True:
        slash = _UNIT_SLASH.match(folded, i)
        d = lex.denoms.match(folded, slash.end()) if slash else None
        if not d:
            return unit, i
        unit += "/" + lex.canonical(d, lex.denom_forms)
        i = d.end()


_UNIT_SLASH = re.compile(r"\s*/\s*")


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\u00a0":
        i += 1
    return i


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
        plain = not has_diacritics(text)
        self.lex = _LEXICONS[plain]
        self.folded = fold(text, plain)
        self.excluded = _excluded_spans(text, self.folded, self.lex)
        self.unmarked = None if plain else fold(text, True)

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.excluded)

    def unit_at(self, pos: int) -> tuple[str | None, int]:
        """The unit at pos; a unit typed without marks ("ty dong") in a marked text is read too."""
        unit, end = _read_unit(self.folded, pos, self.lex)
        if unit is None and self.unmarked is not None:
            unit, end = _read_unit(self.unmarked, pos, _LEXICONS[True])
            if unit is not None and has_diacritics(self.text[pos:end]):
                return None, pos
        return unit, end


def _excluded_spans(text: str, folded: str, lex: _Lexicon) -> list[tuple[int, int]]:
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


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in a sentence or cell, in order, with its span; years, dates,
    document numbers, labels and periods are skipped."""
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
    return sorted(found, key=lambda q: q.start)


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
        if m.group().isdigit() and 1900 <= value <= 2100:
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
    if unit is None and m.group().isdigit() and 1900 <= value <= 2100:
        return None                         # "đạt 95% đến 2025": a year, not an upper bound
    return m, value, unit, end


def _extend_range_or_pair(t: _Text, q: Quantity, token: str) -> Quantity | None:
    """"7 - 7,5%", "từ 7 đến 7,5" -> range; "45.799/36.875 tỷ đồng" -> pair or count of total;
    None when the two numbers make a period ("từ 2 đến 3 năm")."""
    lex = t.lex
    for kind, sep in (("range", lex.range_sep), ("pair", lex.slash), ("count", lex.out_of)):
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


def _with_direction(q: Quantity, m: re.Match, lex: _Lexicon) -> Quantity:
    word, fillers = m.group(1), m.group(2).split()
    multiplier = word == lex.gap or lex.gap in fillers or q.unit == "lần"
    direction = {lex.tang: "tang", lex.giam: "giam", lex.vuot: "tang"}.get(word)
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
    value = next(v for w, v in _WORD_MULTIPLIERS.items() if fold(w, t.lex.plain) == word)
    direction = {t.lex.tang: "tang", t.lex.giam: "giam"}.get(m.group(1) or "")
    return Quantity(raw=t.text[m.start():m.end()], value=value, unit="lần", kind="multiplier",
                    direction=direction, start=m.start(), end=m.end())

"""The words written around Vietnamese numbers, compiled for matching: units of measure ("tỷ đồng",
"%/năm", "bác sĩ/vạn dân", read and normalised by `read_unit`), and the comparators, approximations,
directions, periods and labels that `numbers.find_quantities` reads before and after a number.

Every pattern is compiled twice, for text with diacritics and for text typed without them, and is
matched in the length-preserving `fold` of the text, so spans in it are spans in the text.
"""
from __future__ import annotations

import re

from tonghop.parsers.normalize import has_diacritics, strip_diacritics

__all__ = ["COUNT_NOUNS", "fold", "Lexicon", "LEXICONS", "read_unit", "SUMMARY_NOUNS", "TIME_WORDS", "WORD_MULTIPLIERS"]


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


# ---------------------------------------------------------------- units of measure

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


# Words that make a unit word something else: "xã hội" is society, "lần thứ" an ordinal.
_NOT_FOLLOWED_BY = {"xã": ("hội",), "lần": ("thứ",), "nhà": ("nước", "ở"), "con": ("người",),
                    "cơ sở": ("hạ tầng", "vật chất", "dữ liệu")}


def _alternation(forms: dict[str, str], plain: bool) -> re.Pattern[str]:
    """A regex matching any surface form (longest first), mapping back through `forms`."""
    parts = []
    for surface in _longest_first(forms):
        p = r"\s*".join(re.escape(w) for w in fold(surface, plain).split(" "))
        p += r"(?!\w)" if surface[-1].isalnum() else ""
        for word in _NOT_FOLLOWED_BY.get(surface, ()):
            p += rf"(?!\s+{re.escape(fold(word, plain))}(?!\w))"
        parts.append(p)
    return re.compile("|".join(f"({p})" for p in parts))


def _form_table(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {s: canon for canon, alts in table.items() for s in (canon, *alts)}


_UNIT_SLASH = re.compile(r"\s*/\s*")


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\u00a0":
        i += 1
    return i


# ---------------------------------------------------------------- words around a number

TIME_WORDS = ("tháng", "quý", "qúy", "năm", "tuần", "ngày", "giờ", "phút")
# "trẻ em dưới 5 tuổi", "người từ 60 tuổi trở lên": an age that is part of a name, not a value
# (but "tuổi thọ trung bình đạt 74,5 tuổi" is a value).
_AGE_GROUP = ("trẻ em", "trẻ", "em", "người", "dân số", "dân", "nữ", "nam", "phụ nữ", "học sinh",
              "công dân", "thanh niên", "lao động", "độ tuổi", "cao tuổi", "cụ")
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
WORD_MULTIPLIERS = {"đôi": 2.0, "hai": 2.0, "rưỡi": 1.5, "ba": 3.0, "bốn": 4.0, "năm": 5.0,
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


def _either(f, words) -> str:
    """An alternation of the folded `words`, in the order given."""
    return "|".join(re.escape(f(w)) for w in words)


def _longest_first(words) -> list[str]:
    return sorted(words, key=len, reverse=True)


# ---------------------------------------------------------------- compiled for one matching mode

class Lexicon:
    """The compiled phrase patterns for one matching mode (with or without diacritics)."""

    def __init__(self, plain: bool):
        def f(s):
            return (fold(s, plain))
        self.plain = plain
        self.scales, self.scale_forms = self._table(_SCALES)
        self.bases, self.base_forms = self._table(_form_table(_BASES))
        self.denoms, self.denom_forms = self._table(_form_table(_DENOMS))
        self.time = re.compile(rf"\s*(?:{_either(f, TIME_WORDS)})(?!\w)")
        self.range_sep = re.compile(
            rf"\s*(?:[-\u2212\u2013\u2014÷~]|{f('đến')}|{f('tới')})\s*(?=[-\u2212]?\d)")
        self.slash = re.compile(r"\s*/\s*(?=\d)")
        self.out_of = re.compile(
            rf"\s+(?:{f('trên')}|{f('trong')})(?:\s+{f('tổng')})?(?:\s+{f('số')})?\s+(?=\d)")
        self.ge_suffix = re.compile(rf"\s*{f('trở lên')}(?!\w)")
        self.le_suffix = re.compile(rf"\s*(?:{f('trở xuống')}|{f('trở lại')})(?!\w)")
        self.age_group = re.compile(
            rf"(?<!\w)(?:{_either(f, _longest_first(_AGE_GROUP))})(?:\s+(?:{f('từ')}|{f('dưới')}|{f('trên')}|"
            rf"{f('đủ')}|{f('đến')}|{f('có')}|{f('trong')}|{f('độ tuổi')}|\d+|-))*\s*$")
        self.tu = re.compile(rf"(?<!\w){f('từ')}\s*$")
        self.am = re.compile(rf"(?<!\w){f('âm')}\s*$")
        self.approx = _tail(f, ("khoảng", "xấp xỉ", "ước khoảng", "chừng", "trên dưới", "gần",
                               "~", "≈"))
        self.cmp_ops = [op for op, ws in _COMPARATORS.items() for _ in ws]
        self.cmp = _tail(f, [w for ws in _COMPARATORS.values() for w in ws], grouped=True)
        self.direction = re.compile(
            rf"(?<!\w)({f('tăng')}|{f('giảm')}|{f('vượt')}|{f('gấp')})"
            rf"((?:\s+(?:{_either(f, _FILLERS)}))*)\s*:?\s*$")
        self.level_fillers = {f(w) for w in ("lên", "xuống", "còn", "đến", "tới", "ở mức", "mức")}
        self.gap, self.tang, self.giam, self.vuot = f("gấp"), f("tăng"), f("giảm"), f("vượt")
        self.skip_before = re.compile(
            rf"(?<!\w)(?:(?:{_either(f, _longest_first(_SKIP_BEFORE))})\s*(?:{f('số')}\s*)?|"
            rf"(?:{_either(f, _SKIP_BEFORE_SO)})\s*{f('số')}\s*)[:.]?\s*$")
        self.day_month = re.compile(
            rf"(?<!\w)(?:{f('ngày')}|{f('đến')}|{f('tới')}|{f('từ')}|{f('trước')}|{f('hết')})"
            r"\s+(\d{1,2})\s*/\s*(\d{1,2})(?![\d/]|[.,]\d)")
        self.word_multiplier = re.compile(
            rf"(?<!\w)(?:({f('tăng')}|{f('giảm')})\s+)?{f('gấp')}\s+({_either(f, WORD_MULTIPLIERS)})"
            rf"(?:\s+{f('lần')})?(?!\w)(?!\s*\d)")

    def _table(self, forms: dict[str, str]):
        pattern = _alternation(forms, self.plain)
        ordered = [forms[s] for s in _longest_first(forms)]
        return pattern, ordered

    def read_unit(self, folded: str, pos: int) -> tuple[str | None, int]:
        """The unit at folded[pos:] (a text folded for this mode), normalised, and where it ends."""
        parts, i = [], pos
        while m := self.scales.match(folded, _skip_ws(folded, i)):
            parts.append(self.scale_forms[m.lastindex - 1])
            i = m.end()
        m = self.bases.match(folded, _skip_ws(folded, i))
        if m:
            parts.append(self.base_forms[m.lastindex - 1])
            i = m.end()
        if not parts:
            return None, pos
        unit = " ".join(parts)
        while True:
            slash = _UNIT_SLASH.match(folded, i)
            d = self.denoms.match(folded, slash.end()) if slash else None
            if not d:
                return unit, i
            unit += "/" + self.denom_forms[d.lastindex - 1]
            i = d.end()


LEXICONS = {False: Lexicon(False), True: Lexicon(True)}


def read_unit(text: str, pos: int = 0) -> tuple[str | None, int]:
    """The unit written at text[pos:] (after optional spaces), normalised, and where it ends."""
    plain = not has_diacritics(text)
    return LEXICONS[plain].read_unit(fold(text, plain), pos)

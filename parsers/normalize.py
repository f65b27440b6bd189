"""Pure functions that normalise Vietnamese text for display and for matching."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from underthesea import text_normalize

__all__ = ["ABBREVIATIONS", "clean", "has_diacritics", "match_key", "plain_key", "strip_diacritics"]

_SPACES = re.compile(r"[\s\u00a0\u200b\ufeff]+")
_NON_WORD = re.compile(r"[^\w%/]+")

# Abbreviations that reports use for outline words; expanded before fuzzy matching.
# aggregators/matching.py extends this with the user's own data file for indicators.
ABBREVIATIONS: dict[str, str] = {
    "nq": "nghị quyết",
    "đh": "đại hội",
    "kt-xh": "kinh tế - xã hội",
    "kt - xh": "kinh tế - xã hội",
    "ktxh": "kinh tế xã hội",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "hđnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
    "mttq": "mặt trận tổ quốc",
    "qp-an": "quốc phòng - an ninh",
    "qp - an": "quốc phòng - an ninh",
    "qp, an": "quốc phòng, an ninh",
    "tw": "trung ương",
    "đbtỉnh": "đảng bộ tỉnh",
    "ctr": "chương trình",
    "ctrhđ": "chương trình hành động",
    "tccsđ": "tổ chức cơ sở đảng",
    "đv": "đảng viên",
    "ntm": "nông thôn mới",
    "bhyt": "bảo hiểm y tế",
    "nsnn": "ngân sách nhà nước",
    "tp": "thành phố",
    "dn": "doanh nghiệp",
    "cq": "cơ quan",
    "tx": "thị xã",
    "xiv": "xiv",
}


_INVISIBLE = ("\u00ad", "\u200b", "\ufeff")


def clean(text: str) -> str:
    """Display form: NFC, invisible characters dropped, one space between words.

    Punctuation spacing is left as the unit typed it: the text stays the unit's own."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        for ch in _INVISIBLE:
            if ch in text:
                text = text.replace(ch, "")
    return " ".join(text.split())


def _strip_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {m: None for m in range(0x300, 0x370)}     # combining marks
    for cp in range(0xC0, 0x2000):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(cp)) if unicodedata.category(c) != "Mn")
        if base != chr(cp):
            table[cp] = base
    table[ord("đ")], table[ord("Đ")] = "d", "D"
    return table


_STRIP = _strip_table()


def strip_diacritics(text: str) -> str:
    """ASCII-like form: 'Hòa Vang' -> 'Hoa Vang', 'Đảng' -> 'Dang'."""
    return text if text.isascii() else unicodedata.normalize("NFC", text).translate(_STRIP)


def _expand_abbreviations(text: str, table: dict[str, str]) -> str:
    if not table:
        return text
    pattern = _abbreviation_pattern(tuple(sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table.get(m.group(0), m.group(0)), text)


@lru_cache(maxsize=64)
def _abbreviation_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@lru_cache(maxsize=65536)
def match_key(text: str, abbreviations: tuple[tuple[str, str], ...] | None = None) -> str:
    """Matching form: NFC, modern tone placement, casefolded, abbreviations expanded,
    punctuation reduced to single spaces. Cached: headings and names repeat across units."""
    text = clean(text)
    text = text_normalize(text).casefold()
    table = dict(abbreviations) if abbreviations is not None else ABBREVIATIONS
    text = _expand_abbreviations(text, table)
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def plain_key(text: str) -> str:
    """match_key without diacritics, for reports typed without them."""
    return strip_diacritics(match_key(text))


def has_diacritics(text: str) -> bool:
    """True when the text carries Vietnamese marks (a report typed without them has none)."""
    return strip_diacritics(text) != text

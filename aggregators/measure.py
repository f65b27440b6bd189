"""Units of measure ("đơn vị tính"): whether a reported unit is comparable with the catalog's, and the
factor that converts a value into the catalog's unit (nghìn/triệu/tỷ scales, counts as well as money).
"""
from __future__ import annotations

import re
import unicodedata

from tonghop.aggregators.matching import unit_class

__all__ = ["split_scale", "unit_factor", "unit_text"]

_SCALES = (("nghìn tỷ", 1e12), ("ngàn tỷ", 1e12), ("nghìn", 1e3), ("ngàn", 1e3), ("triệu", 1e6), ("tỷ", 1e9))
_CURRENCY = (("usd", ("usd", "đô la")), ("vnd", ("đồng", "vnđ", "vnd")))
_PER_POPULATION = re.compile(r"/\s*(?:(1\.?000|10\.?000|một)\s*)?(vạn|nghìn|ngàn)?\s*(?:dân|người dân)\b")
_POPULATION_SCALE = {"vạn": 1e4, "nghìn": 1e3, "ngàn": 1e3, None: 1.0}


def unit_text(unit: str) -> str:
    """Comparison form of a unit: NFC, casefolded, 'tỉ' spelled 'tỷ', no spaces around '/'."""
    text = " ".join(unicodedata.normalize("NFC", unit).casefold().replace("tỉ", "tỷ").split())
    return re.sub(r"\s*/\s*", "/", text)


def split_scale(unit: str) -> tuple[float, str]:
    """'nghìn người' -> (1000, 'người'), 'triệu đồng/người' -> (1e6, 'đồng/người'), '%' -> (1, '%')."""
    text = unit_text(unit)
    for word, scale in _SCALES:
        if text.startswith(word + " ") and len(text) > len(word) + 1:
            return scale, text[len(word) + 1:]
    return 1.0, text


def _currency(base: str) -> str | None:
    for code, words in _CURRENCY:
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", base) for w in words):
            return code
    return None


def _population_scale(base: str) -> float:
    m = _PER_POPULATION.search(base)
    if not m:
        return 1.0
    if m.group(1) and not m.group(2):           # '/1.000 dân', '/10.000 dân'
        return float(m.group(1).replace(".", "")) if m.group(1) != "một" else 1.0
    return _POPULATION_SCALE[m.group(2)]


def _same_kind(a: str, b: str) -> bool:
    """Same class; for counted things, one name may qualify the other ('giường bệnh' is a 'giường')."""
    if a == b:
        return True
    family, _, thing_a = a.partition(":")
    other, _, thing_b = b.partition(":")
    if family != other or family not in ("count", "per_pop"):
        return False
    short, long = sorted((thing_a, thing_b), key=len)
    return bool(short) and long.startswith(short + " ")


def _base_factor(have: str, want: str) -> float | None:
    """Factor between two unscaled units of the same class, or None when they measure different things."""
    if have == want:
        return 1.0
    kind_have, kind_want = unit_class(have), unit_class(want)
    if kind_have is None or kind_want is None or kind_have == "score" or not _same_kind(kind_have, kind_want):
        return None
    if kind_have in ("money", "money_per_person"):
        return 1.0 if _currency(have) == _currency(want) else None
    if kind_have.startswith("per_pop:"):
        return _population_scale(want) / _population_scale(have)
    return 1.0


def unit_factor(unit: str | None, dvt: str | None) -> float | None:
    """What a value in `unit` is multiplied by to be in `dvt`; None when the two are not comparable.

    A value without a unit is taken to be in the catalog's unit, and so is any value when the catalog
    gives no unit."""
    if not unit or not unit.strip() or not dvt or not dvt.strip():
        return 1.0
    scale_have, base_have = split_scale(unit)
    scale_want, base_want = split_scale(dvt)
    factor = _base_factor(base_have, base_want)
    return None if factor is None else factor * scale_have / scale_want

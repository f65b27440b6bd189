"""Word automatic numbering: numbering.xml definitions and the labels Word renders."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Counter", "format_number", "Level", "Numbering", "read_numbering", "to_letters", "to_roman", "W"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"


def _wattr(el, name: str) -> str | None:
    return None if el is None else el.get(_W + name)


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition."""

    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None     # lvlRestart: restart after this (1-based) level; 0 = never
    is_legal: bool = False


@dataclass(frozen=True)
class Numbering:
    """numbering.xml: abstract definitions and the w:num instances that point at them."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)
    # num id -> (abstract id, start overrides by level, level redefinitions)


def _level(lvl) -> Level:
    ilvl = _int(_wattr(lvl, "ilvl"), 0)
    start = lvl.find(_W + "start")
    fmt = lvl.find(_W + "numFmt")
    text = lvl.find(_W + "lvlText")
    restart = lvl.find(_W + "lvlRestart")
    return Level(
        ilvl=ilvl,
        start=_int(_wattr(start, "val"), 1),
        fmt=_wattr(fmt, "val") or "decimal",
        text=_wattr(text, "val") if text is not None else "",
        restart=_int(_wattr(restart, "val"), None) if restart is not None else None,
        is_legal=lvl.find(_W + "isLgl") is not None and _wattr(lvl.find(_W + "isLgl"), "val") not in ("0", "false"),
    )


def _int(text: str | None, default):
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def read_numbering(root) -> Numbering:
    """The numbering definitions of a parsed numbering.xml root (None when the document has none)."""
    if root is None:
        return Numbering()
    abstract: dict[str, dict[int, Level]] = {}
    for an in root.iter(_W + "abstractNum"):
        levels = {lv.ilvl: lv for lv in (_level(x) for x in an.findall(_W + "lvl"))}
        abstract[_wattr(an, "abstractNumId") or ""] = levels
    nums = {}
    for num in root.iter(_W + "num"):
        aid = _wattr(num.find(_W + "abstractNumId"), "val") or ""
        starts: dict[int, int] = {}
        redefined: dict[int, Level] = {}
        for ov in num.findall(_W + "lvlOverride"):
            ilvl = _int(_wattr(ov, "ilvl"), 0)
            so = ov.find(_W + "startOverride")
            if so is not None:
                starts[ilvl] = _int(_wattr(so, "val"), 1)
            lvl = ov.find(_W + "lvl")
            if lvl is not None:
                redefined[ilvl] = _level(lvl)
        nums[_wattr(num, "numId") or ""] = (aid, starts, redefined)
    return Numbering(abstract=abstract, nums=nums)


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n: int) -> str:
    """1 -> I, 14 -> XIV."""
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def to_letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter as Word renders it in the given w:numFmt."""
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperLetter":
        return to_letters(n).upper()
    if fmt == "lowerLetter":
        return to_letters(n)
    if fmt in ("decimalZero",):
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


_PLACEHOLDER = re.compile(r"%([1-9])")


class Counter:
    """Word's running list counters over one document (mutable, owned by one read)."""

    def __init__(self, numbering: Numbering):
        self._numbering = numbering
        self._counts: dict[str, dict[int, int]] = {}
        self._seen_nums: set[str] = set()

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list of num_id at level ilvl; return (label text, numFmt) or None."""
        entry = self._numbering.nums.get(num_id)
        if entry is None:
            return None
        aid, starts, redefined = entry
        levels = dict(self._numbering.abstract.get(aid, {}))
        levels.update(redefined)
        level = levels.get(ilvl)
        if level is None:
            return None
        key = aid if not starts else f"{aid}#{num_id}"
        counts = self._counts.setdefault(key, {})
        if num_id not in self._seen_nums:
            self._seen_nums.add(num_id)
            for lv, start in starts.items():
                counts[lv] = start - 1
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [lv for lv in counts if lv > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl + 1 <= restart):
                del counts[deeper]
        if level.fmt == "bullet":
            return level.text, "bullet"

        def render(m: re.Match) -> str:
            lv = int(m.group(1)) - 1
            lvl = levels.get(lv)
            value = counts.get(lv, lvl.start if lvl else 1)
            fmt = "decimal" if (level.is_legal and lv != ilvl) else (lvl.fmt if lvl else "decimal")
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(render, level.text), level.fmt

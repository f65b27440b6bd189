"""Unit identification: which registry unit wrote a submission, from its header block."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from model import Unit, UnitMatch
from parsers.normalize import match_key, strip_diacritics

# Words that name the kind of committee rather than the place.
_KIND_WORDS = re.compile(
    r"\b(?:ban chấp hành|ban thường vụ|bch|btv|đảng bộ|đảng ủy|đảng uỷ|huyện ủy|thành ủy|thị ủy|tỉnh ủy|quận ủy|"
    r"huyện|thành phố|thị xã|quận|tp|tx|tỉnh)\b")
_MIN_SCORE = 0.72
_PLACE_DATE = re.compile(r",?\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}", re.I)   # "Tam Kỳ, ngày 13 tháng 7 năm 2023"


@dataclass(frozen=True)
class UnitKeys:
    """Matching keys of one registry unit: full names and the bare place/body name."""

    unit: Unit
    names: tuple[str, ...]
    core: str


def unit_keys(units: tuple[Unit, ...]) -> tuple[UnitKeys, ...]:
    """Keys for every unit of the registry, computed once per run."""
    out = []
    for u in units:
        names = tuple(dict.fromkeys(match_key(n) for n in (u.ten, *u.bi_danh) if n))
        core = " ".join(_KIND_WORDS.sub(" ", names[0]).split())
        out.append(UnitKeys(u, names, core))
    return tuple(out)


def _line_score(line: str, keys: UnitKeys) -> float:
    """How strongly one header line names this unit (0..1)."""
    if not line:
        return 0.0
    best = max(fuzz.ratio(line, n) for n in keys.names) / 100
    plain_line = strip_diacritics(line)
    best = max(best, max(fuzz.ratio(plain_line, strip_diacritics(n)) for n in keys.names) / 100 - 0.03)
    core = keys.core
    if core and len(core) >= 4:
        padded = f" {line} "
        if f" {core} " in padded:
            best = max(best, 0.9 if len(line) < 3 * len(core) + 25 else 0.8)
        elif f" {strip_diacritics(core)} " in f" {plain_line} ":
            best = max(best, 0.86 if len(line) < 3 * len(core) + 25 else 0.76)
        elif len(line) < 80:
            pr = fuzz.partial_ratio(core, line) / 100
            if pr >= 0.9:
                best = max(best, 0.7 + 0.1 * pr)
    return best


def identify_unit(header_lines: list[str], source: str, keys: tuple[UnitKeys, ...]) -> UnitMatch:
    """The registry unit named in the header lines (or the file name), with a score."""
    header_lines = [t for t in header_lines if t and len(t) <= 200 and not _PLACE_DATE.search(t)][:40]
    lines = [match_key(t) for t in header_lines]
    scored: list[tuple[float, int, str]] = []
    for k in keys:
        best, where = 0.0, ""
        for n, line in enumerate(lines):
            s = _line_score(line, k) - 0.002 * n      # earlier lines are the letterhead
            if s > best:
                best, where = s, header_lines[n] if n < len(header_lines) else line
        scored.append((best, -len(k.core), k.unit.id))
    stem = match_key(Path(source).stem.replace("-", " ").replace("_", " "))
    file_scores = {k.unit.id: _file_score(stem, k) for k in keys}
    scored.sort(reverse=True)
    if scored and scored[0][0] >= _MIN_SCORE:
        best, _, uid = scored[0]
        runner = scored[1][0] if len(scored) > 1 else 0.0
        if best - runner < 0.03 and file_scores.get(uid, 0) < 0.8:
            alt = max(file_scores, key=file_scores.get, default=None)
            if alt and file_scores[alt] >= 0.8 and any(s[2] == alt and best - s[0] < 0.03 for s in scored):
                uid = alt
        unit = next(k.unit for k in keys if k.unit.id == uid)
        return UnitMatch(unit.id, unit.ten, round(min(best, 1.0), 4), "header")
    alt = max(file_scores, key=file_scores.get, default=None)
    if alt and file_scores[alt] >= 0.8:
        unit = next(k.unit for k in keys if k.unit.id == alt)
        return UnitMatch(unit.id, unit.ten, round(0.75 * file_scores[alt], 4), "file name")
    return UnitMatch(None, None, round(scored[0][0], 4) if scored else 0.0, "")


def _file_score(stem: str, keys: UnitKeys) -> float:
    plain = strip_diacritics(stem)
    slug = keys.unit.id.replace("-", " ")
    core = strip_diacritics(keys.core)
    if slug and f" {slug} " in f" {plain} ":
        return 1.0
    if core and len(core) >= 4 and f" {core} " in f" {plain} ":
        return 0.95
    return 0.0

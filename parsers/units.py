"""Unit identification: which registry unit wrote a submission, from its header block."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from tonghop.model import Unit, UnitMatch
from tonghop.parsers.normalize import match_key, strip_diacritics

__all__ = ["identify_unit", "NAME_WITHOUT_PLACE", "unit_keys", "UnitKeys"]

# Words that name the kind of committee rather than the place.
_KIND_WORDS = re.compile(
    r"\b(?:ban chấp hành|ban thường vụ|bch|btv|đảng bộ|đảng ủy|đảng uỷ|huyện ủy|thành ủy|thị ủy|tỉnh ủy|quận ủy|"
    r"huyện|thành phố|thị xã|quận|tp|tx|tỉnh)\b")
_MIN_SCORE = 0.72
NAME_WITHOUT_PLACE = 0.7          # below _MIN_SCORE: a name's likeness alone never identifies a unit
# A committee named on the letterhead line under the matched one is the real sender ("ĐẢNG BỘ HUYỆN
# ĐẠI LỘC" over "ĐẢNG ỦY XÃ ĐẠI HIỆP"): when it is not in the registry, the unit is unknown.
_COMMITTEE = re.compile(r"^(?:đảng ủy|đảng uỷ|đảng bộ|chi bộ|huyện ủy|thành ủy|thị ủy|quận ủy|ban chấp hành|bch)\b")
_PLACE_DATE = re.compile(r",?\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}", re.I)   # "Tam Kỳ, ngày 13 tháng 7 năm 2023"


@dataclass(frozen=True)
class UnitKeys:
    """Matching keys of one registry unit: full names and the bare place/body name, with and
    without diacritics."""

    unit: Unit
    names: tuple[str, ...]
    core: str
    plain_names: tuple[str, ...] = ()
    plain_core: str = ""


def unit_keys(units: tuple[Unit, ...]) -> tuple[UnitKeys, ...]:
    """Keys for every unit of the registry, computed once per run."""
    out = []
    for u in units:
        names = tuple(dict.fromkeys(match_key(n) for n in (u.ten, *u.bi_danh) if n))
        core = " ".join(_KIND_WORDS.sub(" ", names[0]).split())
        out.append(UnitKeys(u, names, core, tuple(strip_diacritics(n) for n in names), strip_diacritics(core)))
    return tuple(out)


_LOWER_LEVEL = re.compile(r"^(?:chi bộ|(?:đảng ủy|đảng uỷ|đảng bộ|ban chấp hành|bch)\s+(?:xã|phường|thị trấn|cơ sở))\b")


def _core_score(line: str, plain_line: str, keys: UnitKeys) -> float:
    """How strongly a line names the unit's place or body ('đại lộc', 'quân sự tỉnh').

    A line naming a committee below the registry's level ("CHI BỘ TRƯỜNG THPT QUẾ SƠN", "ĐẢNG ỦY PHƯỜNG
    AN MỸ - THÀNH ỦY TAM KỲ") does not name the district even though it carries its place name."""
    core = keys.core
    if not core or len(core) < 4:
        return 0.0
    if _LOWER_LEVEL.match(line) and not any(_LOWER_LEVEL.match(n) for n in keys.names):
        return 0.0
    short = len(line) < 3 * len(core) + 25
    if f" {core} " in f" {line} ":
        return 0.9 if short else 0.8
    if f" {keys.plain_core} " in f" {plain_line} ":
        return 0.86 if short else 0.76
    if len(line) < 80:
        pr = fuzz.partial_ratio(core, line) / 100
        if pr >= 0.9:
            return 0.7 + 0.1 * pr
    return 0.0


def _score_matrix(lines: list[str], keys: tuple[UnitKeys, ...]) -> np.ndarray:
    """Score of every header line (rows) naming every unit (columns), 0..1."""
    plain_lines = [strip_diacritics(line) for line in lines]
    names = [n for k in keys for n in k.names]
    plain_names = [n for k in keys for n in k.plain_names]
    owner = np.array([j for j, k in enumerate(keys) for _ in k.names])
    full = process.cdist(lines, names, scorer=fuzz.ratio, dtype=np.float32) / 100
    plain = process.cdist(plain_lines, plain_names, scorer=fuzz.ratio, dtype=np.float32) / 100 - 0.03
    by_name = np.maximum(full, plain)
    scores = np.zeros((len(lines), len(keys)))
    for j in range(len(keys)):
        scores[:, j] = by_name[:, owner == j].max(axis=1)
    for i, (line, plain_line) in enumerate(zip(lines, plain_lines)):
        for j, k in enumerate(keys):
            core = _core_score(line, plain_line, k)
            # a whole-name likeness without the unit's own place name is another unit's line
            # ("BCH Đảng bộ huyện Nam Giang" is close to "BCH Đảng bộ huyện Hòa Vang")
            name = scores[i, j] if core or len(k.core) < 4 else min(scores[i, j], NAME_WITHOUT_PLACE)
            scores[i, j] = max(name, core)
    return scores


def identify_unit(header_lines: list[str], source: str, keys: tuple[UnitKeys, ...]) -> UnitMatch:
    """The registry unit named in the header lines (or the file name), with a score."""
    header_lines = [t for t in header_lines if t and len(t) <= 200 and not _PLACE_DATE.search(t)][:40]
    lines = [match_key(t) for t in header_lines]
    # a long name wraps over two letterhead lines ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN" / "VÀ DN TỈNH")
    wrapped = [f"{a} {b}" for a, b in zip(lines[:8], lines[1:9]) if a and b]
    scored: list[tuple[float, int, str]] = []
    if lines and keys:
        matrix = _score_matrix(lines + wrapped, keys)
        matrix -= 0.002 * np.arange(len(matrix))[:, None]                          # letterhead first
        best = matrix.max(axis=0)
        scored = [(float(best[j]), -len(k.core), k.unit.id) for j, k in enumerate(keys)]
        sender = _unregistered_sender(lines, matrix[: len(lines)])
        if sender is not None:
            return UnitMatch(None, None, 0.0, f"letterhead: {header_lines[sender]}")
    stem = match_key(Path(source).stem.replace("-", " ").replace("_", " "))
    file_scores = {k.unit.id: _file_score(stem, k) for k in keys}
    scored.sort(reverse=True)
    if scored and scored[0][0] >= _MIN_SCORE:
        best_score, _, uid = scored[0]
        runner = scored[1][0] if len(scored) > 1 else 0.0
        if best_score - runner < 0.03 and file_scores.get(uid, 0) < 0.8:
            alt = max(file_scores, key=file_scores.get, default=None)
            if alt and file_scores[alt] >= 0.8 and any(s[2] == alt and best_score - s[0] < 0.03 for s in scored):
                uid = alt
        unit = next(k.unit for k in keys if k.unit.id == uid)
        return UnitMatch(unit.id, unit.ten, round(min(best_score, 1.0), 4), "header")
    alt = max(file_scores, key=file_scores.get, default=None)
    if alt and file_scores[alt] >= 0.8:
        unit = next(k.unit for k in keys if k.unit.id == alt)
        return UnitMatch(unit.id, unit.ten, round(0.75 * file_scores[alt], 4), "file name")
    return UnitMatch(None, None, round(scored[0][0], 4) if scored else 0.0, "")


def _unregistered_sender(lines: list[str], matrix: np.ndarray) -> int | None:
    """Index of a letterhead line naming a committee below the best-matched line that no registry
    unit matches (the report comes from that committee), else None."""
    row = int(np.argmax(matrix.max(axis=1)))
    if matrix[row].max() < _MIN_SCORE:
        return None
    nxt = row + 1
    if nxt < len(lines) and _COMMITTEE.match(lines[nxt]) and matrix[nxt].max() < _MIN_SCORE:
        return nxt
    return None


def _file_score(stem: str, keys: UnitKeys) -> float:
    plain = strip_diacritics(stem)
    slug = keys.unit.id.replace("-", " ")
    core = keys.plain_core
    if slug and f" {slug} " in f" {plain} ":
        return 1.0
    if core and len(core) >= 4 and f" {core} " in f" {plain} ":
        return 0.95
    return 0.0

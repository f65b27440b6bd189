"""Unit identification: which registry unit wrote a submission, from its header block."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from tonghop.model import Unit, UnitMatch
from tonghop.parsers.normalize import match_key, strip_diacritics

__all__ = ["EXACT_NAME", "FILE_NAME", "HEADER", "identify_unit", "LETTERHEAD", "NAME_WITHOUT_PLACE", "other_bodies",
           "REVIEW_FLOOR", "UNCERTAIN", "unit_evidence", "unit_keys", "UnitKeys", "whole_word_likeness"]

# Words that name the kind of committee rather than the place.
_KIND_WORDS = re.compile(
    r"\b(?:ban chấp hành|ban thường vụ|bch|btv|đảng bộ|đảng ủy|đảng uỷ|huyện ủy|thành ủy|thị ủy|tỉnh ủy|quận ủy|"
    r"huyện|thành phố|thị xã|quận|tp|tx|tỉnh)\b")
_MIN_SCORE = 0.72
# Below this a letterhead's likeness to a registry unit is only a guess: the file is not counted as that
# unit's submission but flagged for review (calibrated on the corpora: bench/real_shapes.py --calibrate).
REVIEW_FLOOR = 0.8
# UnitMatch.evidence: what identified the unit, then the line or file it was read from
HEADER, FILE_NAME, LETTERHEAD, UNCERTAIN = "header: ", "file name: ", "letterhead: ", "uncertain: "
EXACT_NAME = 0.97
NAME_WITHOUT_PLACE = 0.7          # below _MIN_SCORE: a name's likeness alone never identifies a unit
# A committee named on the letterhead line under the matched one is the real sender ("ĐẢNG BỘ HUYỆN
# ĐẠI LỘC" over "ĐẢNG ỦY XÃ ĐẠI HIỆP"): when it is not in the registry, the unit is unknown.
_COMMITTEE = re.compile(r"^(?:đảng ủy|đảng uỷ|đảng bộ|chi bộ|huyện ủy|thành ủy|thị ủy|quận ủy|ban chấp hành|bch)\b")
# The place and date typed after a tab on the unit's own letterhead line: cut off, the unit line stays
_PLACE_DATE_TAIL = re.compile(r"(?:^|\s+)(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s+){0,3}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s*,\s*ngày\s+\d{1,2}\s+tháng.*$")
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


# A line naming a state body, a court, a school or a mass organisation names no Party committee, even with
# the committee's place in it ("ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC", "THƯỜNG TRỰC HĐND HUYỆN NÚI THÀNH"); a line
# with a Party word ("ĐẢNG ỦY TRƯỜNG …") is judged as a committee.
_OTHER_BODY = re.compile(
    r"(?:^|\s)(?:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân|tòa án|toà án|viện kiểm sát|"
    r"trường (?:thpt|thcs|tiểu học|mầm non|đại học|cao đẳng|trung cấp|trung học|chính trị|phổ thông)|học viện|"
    r"công ty|bệnh viện|trung tâm|chi cục|kho bạc|ngân hàng|hợp tác xã|ban quản lý|liên đoàn|"
    r"hội (?:nông dân|phụ nữ|liên hiệp|cựu chiến binh|chữ thập đỏ)|đoàn thanh niên|huyện đoàn|thành đoàn|"
    r"tỉnh đoàn|ủy ban mặt trận|uỷ ban mặt trận|mặt trận tổ quốc|công an|(?:ban|bộ) chỉ huy quân sự)(?:\s|$)"
    r"|^(?:phòng|sở|cục|văn phòng|đài|trường)\s")
_PARTY_WORD = re.compile(r"\b(?:đảng|huyện ủy|huyện uỷ|thành ủy|thành uỷ|thị ủy|thị uỷ|tỉnh ủy|tỉnh uỷ|quận ủy|"
                         r"quận uỷ|chi bộ)\b")
# Lines that name the addressee or the subject, never the sender
_NOT_SENDER = re.compile(r"^(?:kính gửi|đồng kính gửi|về việc|v/v|căn cứ|nơi nhận|trích yếu)\b", re.I)


def body_phrases(text: str) -> frozenset[str]:
    """The non-Party bodies a line (match key) names: "ủy ban nhân dân", "công an", "trường thpt"…"""
    return frozenset(" ".join(m.group(0).split()) for m in _OTHER_BODY.finditer(text))


def other_bodies(lines: list[str]) -> list[frozenset[str]]:
    """The non-Party bodies each letterhead line (match keys) names: the line's own, or for a bare place
    line with no committee word, those of the line above ("ỦY BAN NHÂN DÂN" / "HUYỆN ĐẠI LỘC" typed with
    Shift+Enter). A committee of such a body ("ĐẢNG ỦY CÔNG AN HUYỆN …") names it too."""
    out: list[frozenset[str]] = []
    for i, line in enumerate(lines):
        found = body_phrases(line)
        if not found and i and out[i - 1] and not _PARTY_WORD.search(line) and len(line.split()) <= 6:
            found = out[i - 1]
        out.append(found)
    return out


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
    if _other_level(line, core, keys.names):
        return 0.0
    short = len(line) < 3 * len(core) + 25
    if f" {core} " in f" {line} ":
        return 0.9 if short else 0.8
    if f" {keys.plain_core} " in f" {plain_line} ":
        return 0.86 if short else 0.76
    if len(core) <= len(line) < 80:
        likeness = whole_word_likeness(core, line)
        if likeness >= 0.9:
            return 0.7 + 0.1 * likeness
    return 0.0


_LEVEL = ("tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn")


def _level_after(text: str, core: str) -> str | None:
    at = f" {text} ".find(f" {core} ")
    if at < 0:
        return None
    rest = f" {text} "[at + len(core) + 2:]
    return next((lv for lv in _LEVEL if rest.startswith(lv + " ") or rest.strip() == lv), None)


def _other_level(line: str, core: str, names: tuple[str, ...]) -> bool:
    """Whether a line names the unit's body at another level: "công an huyện Đại Lộc" for "Đảng ủy Công an
    tỉnh" (the unit's names say "công an tỉnh")."""
    level = _level_after(line, core)
    if level is None:
        return False
    own = {_level_after(n, core) for n in names} - {None}
    return bool(own) and level not in own


def whole_word_likeness(name: str, line: str) -> float:
    """How closely the words of a line spell a name (0..1): the best-aligned stretch of the line, widened
    to whole words, compared with the name. A line shorter than the name, or a stretch that cuts a word
    ("công n" of "công nhận" for "công an"), never counts as the name: partial matching on a short line
    is how "I" named Hội An and "KH" the Khối."""
    if len(line) < len(name):
        return 0.0
    hit = fuzz.partial_ratio_alignment(name, line)
    if hit is None or hit.score < 90:
        return 0.0
    start, end = hit.dest_start, hit.dest_end
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return fuzz.ratio(name, line[start:end].strip()) / 100


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
            # ("BCH Đảng bộ huyện Nam Giang" is close to "BCH Đảng bộ huyện Hòa Vang"); a name or alias
            # written out exactly ("ĐUQS TỈNH") is the unit's own
            exact = scores[i, j] >= EXACT_NAME
            name = scores[i, j] if core or exact or len(k.core) < 4 else min(scores[i, j], NAME_WITHOUT_PLACE)
            scores[i, j] = max(name, core)
    return scores


def identify_unit(header_lines: list[str], source: str, keys: tuple[UnitKeys, ...]) -> UnitMatch:
    """The registry unit named in the header lines (or the file name), with a score."""
    header_lines = [_PLACE_DATE_TAIL.sub("", t).strip() for t in header_lines]     # "HUYỆN ỦY QUẾ SƠN <tab> Quế Sơn, ngày …"
    header_lines = [t for t in header_lines if t and len(t) <= 200 and not _PLACE_DATE.search(t)
                    and not _NOT_SENDER.match(t)][:40]
    lines = [_without_motto(match_key(t)) for t in header_lines]
    # a long name wraps over two letterhead lines ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN" / "VÀ DN TỈNH")
    pairs = [i for i in range(min(8, len(lines) - 1)) if lines[i] and lines[i + 1]]
    wrapped = [f"{lines[i]} {lines[i + 1]}" for i in pairs]
    scored: list[tuple[float, int, str]] = []
    rows: list[str] = []
    if lines and keys:
        matrix = _score_matrix(lines + wrapped, keys)
        # a line naming a body the unit's own names do not (a People's Committee, a court, a school, the
        # district police) is not the unit's line
        other = other_bodies(lines)
        other += [other[i] | other[i + 1] | body_phrases(w) for i, w in zip(pairs, wrapped)]
        own = [frozenset().union(*(body_phrases(n) for n in k.names)) for k in keys]
        for i, found in enumerate(other):
            for j, names in enumerate(own):
                if found - names:
                    matrix[i, j] = 0.0
        matrix -= 0.002 * np.arange(len(matrix))[:, None]                          # letterhead first
        best = matrix.max(axis=0)
        scored = [(float(best[j]), -len(k.core), k.unit.id) for j, k in enumerate(keys)]
        rows = [int(r) for r in matrix.argmax(axis=0)]
        sender = _unregistered_sender(lines, matrix[: len(lines)])
        if sender is not None:
            return UnitMatch(None, None, 0.0, f"{LETTERHEAD}{header_lines[sender]}")
    originals = header_lines + [f"{header_lines[i]} / {header_lines[i + 1]}" for i in pairs]
    stem = match_key(Path(source).stem.replace("-", " ").replace("_", " "))
    file_scores = {k.unit.id: _file_score(stem, k) for k in keys}
    order = {k.unit.id: j for j, k in enumerate(keys)}
    scored.sort(reverse=True)
    if scored and scored[0][0] >= _MIN_SCORE:
        best_score, _, uid = scored[0]
        runner = scored[1][0] if len(scored) > 1 else 0.0
        if best_score - runner < 0.03 and file_scores.get(uid, 0) < 0.8:
            alt = max(file_scores, key=file_scores.get, default=None)
            if alt and file_scores[alt] >= 0.8 and any(s[2] == alt and best_score - s[0] < 0.03 for s in scored):
                uid = alt
        unit = next(k.unit for k in keys if k.unit.id == uid)
        line = originals[rows[order[uid]]] if rows and rows[order[uid]] < len(originals) else ""
        score = round(min(best_score, 1.0), 4)
        if score < REVIEW_FLOOR and file_scores.get(uid, 0) < 0.8:
            return UnitMatch(None, None, score, f"{UNCERTAIN}{unit.ten} ← {line}")
        return UnitMatch(unit.id, unit.ten, score, f"{HEADER}{line}")
    alt = max(file_scores, key=file_scores.get, default=None)
    if alt and file_scores[alt] >= 0.8:
        unit = next(k.unit for k in keys if k.unit.id == alt)
        return UnitMatch(unit.id, unit.ten, round(0.75 * file_scores[alt], 4), f"{FILE_NAME}{Path(source).name}")
    return UnitMatch(None, None, round(scored[0][0], 4) if scored else 0.0, "")


_MOTTO = re.compile(r"\b(?:đảng cộng sản việt nam|cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam|"
                    r"độc lập tự do hạnh phúc)\b")


def _without_motto(line: str) -> str:
    """A letterhead line without the national motto typed beside it after a tab ("HUYỆN ỦY ĐẠI LỘC
    <tab> ĐẢNG CỘNG SẢN VIỆT NAM"): the motto names no unit and only dilutes the line."""
    return " ".join(_MOTTO.sub(" ", line).split()) if "việt nam" in line or "hạnh phúc" in line else line


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


_EVIDENCE_LABEL = ((HEADER, "tiêu đề văn bản: "), (FILE_NAME, "tên tệp: "), (UNCERTAIN, "chưa chắc chắn, có thể là "),
                   (LETTERHEAD, "đơn vị ngoài danh sách: "))


def unit_evidence(match: UnitMatch) -> tuple[str, float, bool]:
    """What the submission register shows of a unit identification: the evidence in Vietnamese (the
    letterhead line or file name it was read from), the score, and whether a person must review it
    (a letterhead only likely to name the unit: not counted as that unit's submission)."""
    for prefix, label in _EVIDENCE_LABEL:
        if match.evidence.startswith(prefix):
            return label + match.evidence.removeprefix(prefix), round(match.score, 4), prefix == UNCERTAIN
    return "không tìm thấy tên đơn vị trong tiêu đề", round(match.score, 4), False

"""Reading an indicator's assessment ("Đạt", "Chưa đạt", "Đạt và vượt"...) and deriving it from numbers.

Phrases are matched as whole words, the most specific first, negations before the words they
negate ("chưa đạt" contains "đạt"). Text typed without diacritics is matched without them;
text with diacritics is matched with them, so "đất" is never read as "đạt". Words that look
like a status but belong to an indicator's name or to a value ("xã đạt chuẩn nông thôn mới",
"hoàn thành tốt nhiệm vụ", "đạt 95%", "vượt qua khó khăn") are masked first.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tonghop.indicators.numbers import CACHE_SIZE, fold
from tonghop.model import Direction, Status
from tonghop.parsers.normalize import has_diacritics

__all__ = ["derive_status", "find_statuses", "GAN_DAT_RATIO", "parse_status", "share_status", "StatusMention"]

# Share of the target that counts as "gần đạt" (the contract: "đạt từ 80% trở lên"), for
# "Đạt N% kế hoạch" and, only when a caller asks for it, for derived statuses.
GAN_DAT_RATIO = 0.8

# (status, phrases) from the most to the least specific; at one place the first rule wins.
_RULES: tuple[tuple[Status, tuple[str, ...]], ...] = (
    (Status.KHO_DAT, ("khó đạt", "khó hoàn thành", "khó có khả năng đạt", "khó có khả năng hoàn thành",
                      "không có khả năng đạt", "không có khả năng hoàn thành", "khả năng không đạt",
                      "khả năng không hoàn thành", "nguy cơ không đạt", "nguy cơ không hoàn thành",
                      "khó thực hiện", "khó khả thi", "khó đạt được")),
    (Status.KHA_NANG_DAT, ("có khả năng đạt", "có khả năng hoàn thành", "có khả năng vượt",
                           "khả năng đạt", "khả năng hoàn thành", "dự kiến đạt", "dự kiến hoàn thành",
                           "dự kiến vượt", "phấn đấu đạt", "phấn đấu hoàn thành", "sẽ đạt",
                           "đang trong lộ trình", "trong lộ trình", "theo lộ trình",
                           "đang thực hiện", "đang triển khai", "đang tiếp tục thực hiện")),
    (Status.GAN_DAT, ("gần đạt", "cơ bản đạt", "cơ bản hoàn thành", "xấp xỉ đạt", "gần hoàn thành",
                      "đạt từ 80% trở lên")),
    (Status.CHUA_DAT, ("chưa đạt", "không đạt", "chưa hoàn thành", "không hoàn thành",
                       "đạt thấp", "chưa đạt được", "không đạt được")),
    (Status.VUOT, ("đạt và vượt", "hoàn thành vượt", "vượt")),
    (Status.DAT, ("đạt", "hoàn thành")),
)
# Status-like words that are part of a name, a value or an idiom, never an assessment.
_MASKS = (
    r"(?:chưa |không )?đạt chuẩn(?= \w)", "đạt danh hiệu", r"đạt tiêu chuẩn(?= \w)",
    r"hoàn thành (?:tốt|xuất sắc) (?:nhiệm vụ|chức trách)", "hoàn thành nhiệm vụ",
    r"tỷ lệ (?:đạt|hoàn thành)", "chưa vượt", "không vượt", "vượt qua", "vượt khó", "vượt bậc",
    "vượt trội", "vượt lên", "vượt cấp", "vượt lũ",
    # "đạt 95%", "đạt bình quân 7%": the verb of a value (a share of the plan is read apart)
    r"(?:đạt|hoàn thành)(?: (?:được|bình quân|trung bình|khoảng|trên|hơn|gần|xấp xỉ|mức|ở mức|tới|"
    r"đến|là|tỷ lệ|tổng|gần|cao|thấp|ước))* ?(?=[\d≥>≤<~])",
)
# "Đạt 95% kế hoạch", "đạt 105% chỉ tiêu": a share of the target (matched without marks).
_SHARE = re.compile(r"(?<!\w)(?:dat|hoan thanh)\s+(?:(?:tu|tren)\s+)?(\d+(?:[.,]\d+)?)\s*%\s*"
                    r"(?:tro len|ke hoach|kh|chi tieu|muc tieu|nq|nghi quyet|so voi)(?!\w)")


@dataclass(frozen=True)
class StatusMention:
    """A status phrase found in text, with its span."""

    status: Status
    raw: str
    start: int
    end: int


def _phrase_regex(phrase: str, plain: bool) -> str:
    words = (re.escape(fold(w, plain)) for w in phrase.split(" "))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _compile(plain: bool):
    rules = [(status, re.compile("|".join(_phrase_regex(p, plain) for p in phrases)))
             for status, phrases in _RULES]
    masks = re.compile("|".join(r"(?<!\w)" + fold(m, plain).replace(" ", r"\s+") for m in _MASKS))
    return rules, masks


_COMPILED = {plain: _compile(plain) for plain in (False, True)}


def find_statuses(text: str) -> list[StatusMention]:
    """Every status phrase in a cell or sentence, in order, without overlaps (text in NFC).

    Words typed without marks inside a text that has them ("chua dat") are read too."""
    return list(_statuses(text))


@lru_cache(maxsize=CACHE_SIZE)
def _statuses(text: str) -> tuple[StatusMention, ...]:
    found: list[StatusMention] = []
    marked = has_diacritics(text)
    for plain in ((False, True) if marked else (True,)):
        rules, masks = _COMPILED[plain]
        folded = masks.sub(lambda m: " " * len(m.group()), fold(text, plain))
        for status, rx in rules:
            for m in rx.finditer(folded):
                raw = text[m.start():m.end()]
                if plain and marked and has_diacritics(raw):
                    continue
                if not any(f.start < m.end() and m.start() < f.end for f in found):
                    found.append(StatusMention(status, raw, m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f.start))


@lru_cache(maxsize=CACHE_SIZE)
def parse_status(text: str) -> Status | None:
    """The status a cell or clause states ("Đạt và vượt" -> vuot, "chua dat" -> chua_dat), or None.

    When several are stated the most specific wins (kho_dat, kha_nang_dat, gan_dat, chua_dat,
    vuot, dat, in that order); "Đạt N% kế hoạch" is read as a share of the target.
    """
    if not text or not text.strip():
        return None
    text = unicodedata.normalize("NFC", text)
    order = [status for status, _ in _RULES]
    mentions = find_statuses(text)
    best = min((m.status for m in mentions), key=order.index, default=None)
    share = _share_status(text)
    if share is not None and best in (None, Status.DAT):
        return share
    return best


def _share_status(text: str) -> Status | None:
    m = _SHARE.search(fold(" ".join(text.split()), plain=True))
    if m is None:
        return None
    return share_status(float(m.group(1).replace(",", ".")))


def share_status(share: float) -> Status:
    """The status a share of the target states: over 100% vuot, 100% dat, from 80% gan_dat, else chua_dat."""
    if share > 100:
        return Status.VUOT
    if share == 100:
        return Status.DAT
    return Status.GAN_DAT if share >= GAN_DAT_RATIO * 100 else Status.CHUA_DAT


def derive_status(value: float | None, target: float | None, huong: Direction | str,
                  target_upper: float | None = None, comparator: str | None = None,
                  near_ratio: float | None = None) -> Status | None:
    """Status from the achieved value and the target; None when either is missing.

    huong "tang" (more is better): above the target (above the upper bound of a range) is vuot,
    reaching it (inside the range) is dat, less is chua_dat. "giam" is the mirror image. A
    comparator on the target overrides huong: "<=", "<" make it a ceiling, ">=", ">" a floor;
    a strict comparator must be passed strictly to count as met.

    A derived status is a plain comparison: "gần đạt" is the unit's own judgement (the issue's
    example reads 6,8% against 7 - 7,5% as "chưa đạt"), so it is only derived when the caller
    passes near_ratio (e.g. GAN_DAT_RATIO): reaching that share of the target is then gan_dat.
    """
    if value is None or target is None:
        return None
    if comparator in ("<=", "<"):
        huong = Direction.GIAM
    elif comparator in (">=", ">"):
        huong = Direction.TANG
    if huong not in (Direction.TANG, Direction.GIAM):
        return None
    strict = comparator in ("<", ">")
    if huong == Direction.TANG:
        return _derive_up(value, target, target_upper, strict, near_ratio)
    return _derive_down(value, target, target_upper, strict, near_ratio)


def _eq(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _derive_up(value: float, low: float, high: float | None, strict: bool,
               near: float | None) -> Status:
    top = high if high is not None and high >= low else low
    if value > top and not _eq(value, top):
        return Status.VUOT
    if _eq(value, low) and not strict or value > low:
        return Status.DAT
    if near is not None and low > 0 and (value >= near * low or _eq(value, near * low)):
        return Status.GAN_DAT
    return Status.CHUA_DAT


def _derive_down(value: float, low: float, high: float | None, strict: bool,
                 near: float | None) -> Status:
    ceiling = high if high is not None and high >= low else low
    if value < low and not _eq(value, low):
        return Status.VUOT
    if _eq(value, ceiling) and not strict or value < ceiling:
        return Status.DAT
    if near is not None and value > 0 and ceiling >= 0 and \
            (ceiling >= near * value or _eq(ceiling, near * value)):
        return Status.GAN_DAT
    return Status.CHUA_DAT

"""Reading an indicator's assessment ("Đạt", "Chưa đạt", "Đạt và vượt"...) and deriving it from numbers.

Phrases are tried from the most specific to the most general, negations before the words they
negate ("chưa đạt" contains "đạt"). Text typed without diacritics is matched without them;
text with diacritics is matched with them, so "đất" is never read as "đạt".
"""
from __future__ import annotations

import re

from model import Status
from parsers.normalize import has_diacritics, match_key, strip_diacritics

# Share of the target that counts as "gần đạt" (the contract: "đạt từ 80% trở lên").
GAN_DAT_RATIO = 0.8

# (status, phrases), tried in this order; the first phrase found (as whole words) decides.
_RULES: tuple[tuple[Status, tuple[str, ...]], ...] = (
    (Status.KHO_DAT, ("khó đạt", "khó hoàn thành", "khó có khả năng đạt", "khó có khả năng hoàn thành",
                      "không có khả năng đạt", "không có khả năng hoàn thành", "khả năng không đạt",
                      "khả năng không hoàn thành", "nguy cơ không đạt", "nguy cơ không hoàn thành",
                      "khó thực hiện", "khó khả thi")),
    (Status.KHA_NANG_DAT, ("có khả năng đạt", "có khả năng hoàn thành", "khả năng đạt",
                           "khả năng hoàn thành", "dự kiến đạt", "dự kiến hoàn thành",
                           "dự kiến vượt", "phấn đấu đạt", "phấn đấu hoàn thành",
                           "đang trong lộ trình", "trong lộ trình", "theo lộ trình",
                           "đang thực hiện", "đang triển khai", "đang tiếp tục thực hiện")),
    (Status.GAN_DAT, ("gần đạt", "cơ bản đạt", "cơ bản hoàn thành", "xấp xỉ đạt", "gần hoàn thành")),
    (Status.CHUA_DAT, ("chưa đạt", "không đạt", "chưa hoàn thành", "không hoàn thành")),
    (Status.VUOT, ("vượt",)),
    (Status.DAT, ("đạt", "hoàn thành")),
)
_NOT_VUOT = ("chưa vượt", "không vượt")
# "Đạt từ 80% trở lên", "đạt 95% kế hoạch": a share of the target (matched without marks).
_SHARE = re.compile(r"(?<!\w)dat\s+(?:(?:tu|tren)\s+)?(\d+(?:[.,]\d+)?)\s*%\s*"
                    r"(?:tro len|ke hoach|kh|chi tieu|muc tieu|nq|nghi quyet|so voi)(?!\w)")


def _key(text: str) -> tuple[str, bool]:
    """Matching form (no abbreviation expansion) and whether marks were stripped."""
    plain = not has_diacritics(text)
    key = match_key(text, ())
    return (strip_diacritics(key) if plain else key), plain


def _phrase_key(phrase: str, plain: bool) -> str:
    key = match_key(phrase, ())
    return strip_diacritics(key) if plain else key


def _contains(key: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", key) is not None


def parse_status(text: str) -> Status | None:
    """The status a cell or clause states ("Đạt và vượt" -> vuot, "chua dat" -> chua_dat), or None."""
    if not text or not text.strip():
        return None
    key, plain = _key(text)
    share = _share_status(text)
    for status, phrases in _RULES:
        if status is Status.VUOT and any(_contains(key, _phrase_key(p, plain)) for p in _NOT_VUOT):
            continue
        if status is Status.DAT and share is not None:
            return share
        if any(_contains(key, _phrase_key(p, plain)) for p in phrases):
            return status
    return share


def _share_status(text: str) -> Status | None:
    m = _SHARE.search(strip_diacritics(" ".join(text.split()).casefold()))
    if m is None:
        return None
    share = float(m.group(1).replace(",", "."))
    if share > 100:
        return Status.VUOT
    if share == 100:
        return Status.DAT
    return Status.GAN_DAT if share >= GAN_DAT_RATIO * 100 else Status.CHUA_DAT


def derive_status(value: float | None, target: float | None, huong: str,
                  target_upper: float | None = None, comparator: str | None = None) -> Status | None:
    """Status from the achieved value and the target; None when either is missing.

    huong "tang" (more is better): above the target (above the upper bound of a range) is vuot,
    reaching it is dat, reaching GAN_DAT_RATIO of it is gan_dat, less is chua_dat. "giam" is
    the mirror image. A comparator on the target overrides huong: "<=", "<" make it a ceiling,
    ">=", ">" a floor; a strict comparator must be passed strictly to count as met.
    """
    if value is None or target is None:
        return None
    if comparator in ("<=", "<"):
        huong = "giam"
    elif comparator in (">=", ">"):
        huong = "tang"
    if huong not in ("tang", "giam"):
        return None
    strict = comparator in ("<", ">")
    if huong == "tang":
        return _derive_up(value, target, target_upper, strict)
    return _derive_down(value, target, target_upper, strict)


def _eq(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _derive_up(value: float, low: float, high: float | None, strict: bool) -> Status:
    top = high if high is not None and high >= low else low
    if value > top and not _eq(value, top):
        return Status.VUOT
    if _eq(value, low) and not strict or value > low:
        return Status.DAT
    if low > 0 and (value >= GAN_DAT_RATIO * low or _eq(value, GAN_DAT_RATIO * low)):
        return Status.GAN_DAT
    return Status.CHUA_DAT


def _derive_down(value: float, low: float, high: float | None, strict: bool) -> Status:
    ceiling = high if high is not None and high >= low else low
    if value < low and not _eq(value, low):
        return Status.VUOT
    if _eq(value, ceiling) and not strict or value < ceiling:
        return Status.DAT
    near = GAN_DAT_RATIO * value
    if value > 0 and ceiling >= 0 and (ceiling >= near or _eq(ceiling, near)):
        return Status.GAN_DAT
    return Status.CHUA_DAT

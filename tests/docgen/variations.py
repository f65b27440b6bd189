"""Wording variations of heading and indicator names: abbreviations, rewording, old tone placement,
decomposed Unicode, typos, missing diacritics. Each function returns the varied text (pure)."""
from __future__ import annotations

import random
import unicodedata

ABBREV = (
    ("Nghị quyết Đại hội", "NQ ĐH"), ("Nghị quyết", "NQ"), ("nghị quyết", "NQ"), ("Đại hội", "ĐH"),
    ("kinh tế - xã hội", "KT-XH"), ("Ban Chấp hành", "BCH"), ("Hội đồng nhân dân", "HĐND"),
    ("Ủy ban nhân dân", "UBND"), ("Mặt trận Tổ quốc", "MTTQ"), ("thành phố", "TP"),
)

# Rewordings a unit actually writes for an outline heading (not the outline's own aliases).
REWORDED: dict[str, tuple[str, ...]] = {
    "P1": ("Kết quả thực hiện Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2020 - 2025 giữa nhiệm kỳ",),
    "P1.I": ("Bối cảnh, tình hình triển khai thực hiện Nghị quyết", "Đặc điểm, bối cảnh thực hiện nghị quyết"),
    "P1.I.1": ("Khái quát đặc điểm tình hình của địa phương", "Đặc điểm tình hình chung"),
    "P1.I.2": ("Bối cảnh thực hiện, thuận lợi và khó khăn", "Những thuận lợi, khó khăn trong thực hiện"),
    "P1.II": ("Công tác lãnh đạo, chỉ đạo triển khai thực hiện các nghị quyết đại hội",
              "Công tác lãnh đạo, chỉ đạo, triển khai thực hiện Nghị quyết"),
    "P1.II.1": ("Công tác học tập, quán triệt, tuyên truyền Nghị quyết",
                "Kết quả tổ chức học tập, quán triệt và tuyên truyền các nghị quyết"),
    "P1.II.2": ("Công tác cụ thể hóa Nghị quyết", "Việc cụ thể hoá và ban hành các chương trình, kế hoạch thực hiện Nghị quyết"),
    "P1.II.3": ("Công tác kiểm tra, giám sát", "Công tác kiểm tra, giám sát việc thực hiện Nghị quyết"),
    "P1.III": ("Kết quả thực hiện các mục tiêu, nhiệm vụ, giải pháp theo Nghị quyết Đại hội Đảng bộ nhiệm kỳ 2020 - 2025",),
    "P1.III.1": ("Kết quả thực hiện các chỉ tiêu chủ yếu đến 30/6/2023 và dự ước cả năm 2023",
                 "Kết quả thực hiện các chỉ tiêu chủ yếu của Nghị quyết"),
    "P1.III.2": ("Kết quả thực hiện các nhiệm vụ trọng tâm", "Về thực hiện nhiệm vụ trọng tâm"),
    "P1.III.3": ("Kết quả thực hiện các chương trình trọng điểm và nhiệm vụ đột phá",
                 "Kết quả thực hiện chương trình trọng điểm, các nhiệm vụ đột phá của nhiệm kỳ"),
    "P1.IV": ("Kết quả thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV "
              "và Nghị quyết Đại hội XIII của Đảng",),
    "P1.IV.1": ("Kết quả thực hiện các nhiệm vụ trọng tâm", "Về thực hiện nhiệm vụ trọng tâm"),
    "P1.IV.2": ("Kết quả thực hiện các chương trình trọng điểm, ba nhiệm vụ đột phá chiến lược",),
    "P1.IV.3": ("Kết quả thực hiện các nghị quyết chuyên đề, đề án và kết luận của Tỉnh ủy",
                "Thực hiện các nghị quyết chuyên đề, đề án, kết luận của Tỉnh ủy"),
    "P1.V": ("Đánh giá chung", "Nhận xét, đánh giá chung"),
    "P1.V.1": ("Ưu điểm, kết quả nổi bật", "Những ưu điểm"),
    "P1.V.2": ("Những hạn chế, khuyết điểm", "Hạn chế, yếu kém"),
    "P1.V.3": ("Nguyên nhân của hạn chế, khuyết điểm", "Nguyên nhân khách quan và chủ quan của những hạn chế"),
    "P1.V.4": ("Khó khăn, vướng mắc", "Những khó khăn, vướng mắc cần tháo gỡ"),
    "P2": ("Phương hướng, nhiệm vụ và giải pháp từ nay đến năm 2025",),
    "P2.I": ("Nhiệm vụ, giải pháp chủ yếu từ nay đến cuối nhiệm kỳ", "Nhiệm vụ và giải pháp trọng tâm đến năm 2025"),
    "P2.II": ("Kiến nghị, đề xuất", "Đề xuất, kiến nghị"),
}

_NEW_TO_OLD = (("hóa", "hoá"), ("Hóa", "Hoá"), ("hòa", "hoà"), ("Hòa", "Hoà"), ("thủy", "thuỷ"), ("ủy", "uỷ"),
               ("Ủy", "Uỷ"), ("khóa", "khoá"), ("tòa", "toà"), ("thúy", "thuý"), ("HÓA", "HOÁ"), ("ỦY", "UỶ"))


def abbreviate(text: str) -> str:
    """Replace long forms by the abbreviations reports use."""
    for long, short in ABBREV:
        text = text.replace(long, short)
    return text


def swap_tone_placement(text: str) -> str:
    """Old-style tone placement (hóa → hoá); text already in the old style is switched to the new."""
    out = text
    for new, old in _NEW_TO_OLD:
        out = out.replace(new, old)
    if out != text:
        return out
    for new, old in _NEW_TO_OLD:
        out = out.replace(old, new)
    return out


def decompose(text: str) -> str:
    """NFD: base letters followed by combining marks."""
    return unicodedata.normalize("NFD", text)


def strip_marks(text: str) -> str:
    """No diacritics at all, as typed without a Vietnamese keyboard."""
    base = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return base.replace("đ", "d").replace("Đ", "D")


def typo(text: str, rng: random.Random, edits: int = 1) -> str:
    """1-2 character slips inside words of 4+ letters: swap, drop, double or lose a mark."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    for _ in range(edits):
        if not candidates:
            break
        i = rng.choice(candidates)
        w = words[i]
        j = rng.randrange(1, len(w) - 1)
        op = rng.choice(("swap", "drop", "double", "mark"))
        if op == "swap":
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        elif op == "drop":
            w = w[:j] + w[j + 1:]
        elif op == "double":
            w = w[:j] + w[j] + w[j:]
        else:
            w = w[:j] + strip_marks(w[j]) + w[j + 1:]
            if w == words[i]:
                w = words[i][:j] + words[i][j + 1:]
        words[i] = w
    return " ".join(words)


def upper(text: str) -> str:
    """Vietnamese upper case (str.upper is right for Vietnamese letters)."""
    return text.upper()


WORDINGS = ("exact", "abbreviated", "reworded", "old_tone", "nfd", "typo", "no_diacritics")
_WEIGHTS = (40, 12, 16, 10, 7, 10, 5)


def choose_wording(rng: random.Random) -> str:
    """One wording variant, weighted towards the exact words."""
    return rng.choices(WORDINGS, weights=_WEIGHTS)[0]


def apply_wording(title: str, node_id: str | None, wording: str, rng: random.Random) -> tuple[str, str]:
    """(varied title, the wording actually applied: 'exact' when the variation changed nothing)."""
    if wording == "abbreviated":
        out = abbreviate(title)
    elif wording == "reworded" and node_id in REWORDED:
        out = rng.choice(REWORDED[node_id])
    elif wording == "old_tone":
        out = swap_tone_placement(title)
    elif wording == "nfd":
        out = decompose(title)
    elif wording == "typo":
        out = typo(title, rng, rng.choice((1, 1, 2)))
    elif wording == "no_diacritics":
        out = strip_marks(title)
    else:
        out = title
    return (out, wording) if out != title else (title, "exact")


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def roman(n: int) -> str:
    """1 → I."""
    return _ROMAN[n - 1]


def letter(n: int) -> str:
    """1 → a."""
    return "abcdefghijklmnopqrstuvwxyz"[n - 1]


PART_WORDS = ("nhất", "hai", "ba")
PART_WORDS_ALT = ("một", "hai", "ba")


def part_label(n: int, form: str) -> str:
    """'Phần thứ nhất', 'PHẦN THỨ NHẤT', 'Phần I', 'PHẦN MỘT'."""
    if form == "phan_thu":
        return f"Phần thứ {PART_WORDS[n - 1]}"
    if form == "PHAN_THU":
        return f"PHẦN THỨ {PART_WORDS[n - 1].upper()}"
    if form == "phan_roman":
        return f"Phần {roman(n)}"
    return f"PHẦN {PART_WORDS_ALT[n - 1].upper()}"

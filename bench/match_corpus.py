"""Labelled indicator names for calibrating and measuring the matcher, generated with ground truth.

Positives are catalog names and aliases varied the way submissions vary them (abbreviated, old tone
placement, typos, no diacritics, reordered, extra or dropped words, labels, case, decomposed Unicode,
unit in brackets); negatives are indicators that are not in the catalog (a list of common ones plus
the other catalog's entries, which include near-miss traps), varied the same way.
"""
from __future__ import annotations

import csv
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tonghop.model import Catalog
from tonghop.parsers.normalize import strip_diacritics

ROOT = Path(__file__).resolve().parent.parent
ABBREVIATIONS_CSV = ROOT / "data" / "catalog" / "viet-tat.csv"

# Indicators in neither shipped catalog (name, unit): reports carry many of these.
OTHER_INDICATORS: tuple[tuple[str, str], ...] = (
    ("Tỷ lệ hộ cận nghèo", "%"), ("Tỷ lệ tăng dân số tự nhiên", "%"), ("Tuổi thọ trung bình", "tuổi"),
    ("Tỷ lệ lao động nông nghiệp trong tổng số lao động", "%"), ("Tốc độ tăng trưởng ngành dịch vụ", "%"),
    ("Tốc độ tăng trưởng ngành công nghiệp - xây dựng", "%"), ("Cơ cấu kinh tế ngành dịch vụ", "%"),
    ("Tổng chi ngân sách địa phương", "tỷ đồng"), ("Kim ngạch nhập khẩu", "triệu USD"),
    ("Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ", "%"), ("Số đảng viên bị kỷ luật", "đảng viên"),
    ("Tỷ lệ trường mầm non đạt chuẩn quốc gia", "%"), ("Tỷ lệ học sinh tốt nghiệp trung học phổ thông", "%"),
    ("Tỷ lệ dân cư đô thị sử dụng nước sạch", "%"), ("Số thôn đạt chuẩn nông thôn mới", "thôn"),
    ("Số xã đạt chuẩn nông thôn mới kiểu mẫu", "xã"), ("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "%"),
    ("Tỷ lệ dân số tham gia bảo hiểm thất nghiệp", "%"), ("Số bác sĩ", "người"), ("Số giường bệnh", "giường"),
    ("Diện tích gieo trồng cây hằng năm", "ha"), ("Tổng đàn gia súc", "con"), ("Sản lượng thủy sản", "tấn"),
    ("Tỷ lệ xã có đường ô tô đến trung tâm", "%"), ("Tỷ lệ hộ sử dụng điện lưới quốc gia", "%"),
    ("Số vụ tai nạn giao thông", "vụ"), ("Tỷ lệ điều tra khám phá án hình sự", "%"),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn", "%"), ("Chỉ số năng lực cạnh tranh cấp tỉnh", "điểm"),
    ("Số tổ chức cơ sở đảng bị giải thể", "tổ chức"), ("Tỷ lệ chi bộ thôn có đảng viên", "%"),
    ("Tỷ lệ tập trung dân số đô thị", "%"), ("Giá trị sản phẩm thu được trên một ha đất trồng trọt", "triệu đồng"),
    ("Số sản phẩm OCOP được công nhận", "sản phẩm"), ("Tỷ lệ thuê bao internet băng rộng", "%"),
    ("Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh", "%"), ("Tỷ lệ người cao tuổi có thẻ bảo hiểm y tế", "%"),
    ("Tỷ lệ chất thải y tế được xử lý", "%"), ("Tỷ lệ đường đô thị được chiếu sáng", "%"),
    ("Thu nhập bình quân của người lao động trong doanh nghiệp", "triệu đồng/tháng"),
    ("Tỷ lệ thu ngân sách so với dự toán", "%"), ("Tỷ trọng công nghiệp chế biến trong GRDP", "%"),
    ("Số lượt người được khám chữa bệnh", "lượt"), ("Tỷ lệ tiêm chủng mở rộng", "%"),
    ("Số trường học được đầu tư xây dựng", "trường"), ("Tỷ lệ đoàn viên thanh niên được kết nạp vào Đảng", "%"),
    ("Tăng trưởng thu nhập bình quân đầu người", "%"), ("Tỷ lệ xã có nhà văn hóa", "%"),
)

_EXTRA_BEFORE = ("Chỉ tiêu ", "Về ", "")
_EXTRA_AFTER = (" đến năm 2025", " năm 2023", " giai đoạn 2020 - 2025", " hằng năm", " (cả nhiệm kỳ)", " trên địa bàn")
_DROPPABLE = ("bình quân hằng năm", "hằng năm", "trở lên", "trên địa bàn", "bình quân", "mới")
_OLD_TONES = {"hóa": "hoá", "thủy": "thuỷ", "hòa": "hoà", "ủy": "uỷ", "khóa": "khoá", "tỷ": "tỉ", "lý": "lí",
              "sĩ": "sỹ", "hằng": "hàng", "Hóa": "Hoá"}
_TRAILERS = ("bình quân hằng năm", "hằng năm", "bình quân", "trên địa bàn", "trở lên")
VARIATIONS = ("exact", "alias", "abbreviated", "old_tone", "typo", "no_diacritics", "reordered",
              "extra_words", "dropped_words", "case_label", "nfd", "unit_in_name")


@dataclass(frozen=True)
class Labelled:
    """A name as a report writes it, the unit beside it, the true catalog id (None: not in catalog)."""

    name: str
    unit: str | None
    gold: str | None
    variation: str


def read_abbreviations(path: Path = ABBREVIATIONS_CSV) -> list[tuple[str, str]]:
    """(short, full) pairs as written in the data file, longest full form first."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        pairs = [(r["viet_tat"], r["day_du"]) for r in csv.DictReader(fh)]
    return sorted(pairs, key=lambda p: -len(p[1]))


def vary(name: str, variation: str, rng: random.Random, abbreviations: list[tuple[str, str]]) -> str:
    """One variation of a name as a report might write it."""
    if variation == "abbreviated":
        hits = [(s, f) for s, f in abbreviations if f.casefold() in name.casefold()]
        if hits:
            short, full = hits[0]
            start = name.casefold().index(full.casefold())
            return name[:start] + short + name[start + len(full):]
        return name
    if variation == "old_tone":
        return " ".join(_OLD_TONES.get(w, w) for w in name.split())
    if variation == "typo":
        return _typo(name, rng, rng.choice((1, 1, 2)))
    if variation == "no_diacritics":
        return strip_diacritics(name)
    if variation == "reordered":
        return _reorder(name)
    if variation == "extra_words":
        body = name if name[:2].isupper() else name[:1].lower() + name[1:]
        return rng.choice(_EXTRA_BEFORE) + body + rng.choice(_EXTRA_AFTER)
    if variation == "dropped_words":
        for d in _DROPPABLE:
            if f" {d}" in name:
                return name.replace(f" {d}", "", 1)
        return name
    if variation == "case_label":
        label = rng.choice(("1. ", "a) ", "- ", "2.1. ", ""))
        return label + (name.upper() if rng.random() < 0.5 else name.lower())
    if variation == "nfd":
        return unicodedata.normalize("NFD", name)
    return name


def _typo(name: str, rng: random.Random, count: int) -> str:
    words = name.split()
    for _ in range(count):
        candidates = [i for i, w in enumerate(words) if len(w) >= 4]
        if not candidates:
            break
        i = rng.choice(candidates)
        w = list(words[i])
        j = rng.randrange(1, len(w))
        op = rng.choice(("swap", "drop", "double"))
        if op == "swap" and j < len(w) - 1:
            w[j], w[j + 1] = w[j + 1], w[j]
        elif op == "drop":
            del w[j]
        else:
            w.insert(j, w[j - 1])
        words[i] = "".join(w)
    return " ".join(words)


def _reorder(name: str) -> str:
    for t in _TRAILERS:
        if name.endswith(" " + t):
            head = name[: -len(t) - 1]
            return f"{t[0].upper()}{t[1:]}, {head[0].lower()}{head[1:]}"
    for lead in ("Tỷ lệ ", "Số ", "Tổng "):
        if name.startswith(lead):
            rest = name[len(lead):]
            return f"{rest[0].upper()}{rest[1:]} ({lead.strip().lower()})"
    if " và " in name:
        a, b = name.split(" và ", 1)
        return f"{b[0].upper()}{b[1:]} và {a[0].lower()}{a[1:]}"
    return name


def labelled_names(catalog: Catalog, negatives: list[tuple[str, str]], n: int, seed: int = 7,
                   negative_share: float = 0.35) -> list[Labelled]:
    """n labelled names: about (1 - negative_share) varied catalog names, the rest non-catalog names."""
    rng = random.Random(seed)
    abbreviations = read_abbreviations()
    out = []
    for k in range(n):
        variation = VARIATIONS[k % len(VARIATIONS)]
        if rng.random() < negative_share:
            name, unit, gold = *rng.choice(negatives), None
        else:
            entry = rng.choice(catalog.entries)
            names = entry.bi_danh if variation == "alias" and entry.bi_danh else (entry.ten, *entry.bi_danh)
            name, unit, gold = rng.choice(names), entry.dvt, entry.id
        text = vary(name, variation, rng, abbreviations)
        if variation == "unit_in_name":
            text, unit = f"{text} ({unit})", None
        elif rng.random() < 0.4:
            unit = None
        out.append(Labelled(text, unit, gold, variation))
    return out


def negatives_for(catalog: Catalog, other: Catalog) -> list[tuple[str, str]]:
    """Non-catalog names for `catalog`: the common list plus every name and alias of `other`."""
    names = list(OTHER_INDICATORS)
    for e in other.entries:
        names.extend((n, e.dvt) for n in (e.ten, *e.bi_danh))
    return names

"""Indicators ("chỉ tiêu") as units report them: names, numbers, targets, statuses, with ground truth.

Names are the generator's own paraphrases of the catalog (never the catalog's bi_danh verbatim),
plus indicators that are not in the catalog (truth id null), some deliberately close to a catalog one.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

# id -> (target text, target lower bound, unit, decimals, [(variant kind, name)])
CATALOG_SPECS: dict[str, tuple[str, float, str, int, tuple[tuple[str, str], ...]]] = {
    "grdp_growth": ("7 - 7,5", 7.0, "%", 1, (
        ("exact", "Tốc độ tăng trưởng kinh tế (GRDP) bình quân hằng năm"),
        ("paraphrase", "Tốc độ tăng trưởng kinh tế bình quân"), ("abbreviated", "Tăng trưởng GRDP bình quân/năm"),
        ("reordered", "Bình quân hằng năm tốc độ tăng trưởng kinh tế"))),
    "grdp_per_capita": ("75", 75.0, "triệu đồng/người", 1, (
        ("exact", "GRDP bình quân đầu người"), ("paraphrase", "Thu nhập bình quân đầu người/năm"),
        ("abbreviated", "GRDP/người"), ("reordered", "Bình quân đầu người GRDP"))),
    "budget_revenue": ("1.200", 1200.0, "tỷ đồng", 1, (
        ("exact", "Tổng thu ngân sách nhà nước trên địa bàn"), ("paraphrase", "Thu ngân sách nhà nước trên địa bàn huyện"),
        ("abbreviated", "Tổng thu NSNN trên địa bàn"), ("reordered", "Thu trên địa bàn ngân sách nhà nước"))),
    "investment_total": ("ít nhất 25.000", 25000.0, "tỷ đồng", 0, (
        ("exact", "Tổng vốn đầu tư toàn xã hội"), ("paraphrase", "Tổng vốn đầu tư phát triển toàn xã hội 5 năm"),
        ("abbreviated", "Vốn ĐT toàn xã hội"))),
    "export_value": ("trên 300", 300.0, "triệu USD", 1, (
        ("exact", "Kim ngạch xuất khẩu"), ("paraphrase", "Giá trị xuất khẩu hàng hóa"),
        ("reordered", "Xuất khẩu, kim ngạch"))),
    "agri_growth": ("3 - 3,5", 3.0, "%", 1, (
        ("exact", "Tốc độ tăng giá trị sản xuất nông - lâm - thủy sản bình quân"),
        ("paraphrase", "Giá trị sản xuất nông, lâm nghiệp và thủy sản tăng bình quân"),
        ("abbreviated", "Tăng trưởng GTSX nông - lâm - thủy sản"))),
    "ntm_communes": ("12", 12.0, "xã", 0, (
        ("exact", "Số xã đạt chuẩn nông thôn mới"), ("paraphrase", "Số xã được công nhận hoàn thành các tiêu chí nông thôn mới"),
        ("abbreviated", "Số xã đạt chuẩn NTM"), ("reordered", "Nông thôn mới: số xã đạt chuẩn"))),
    "ntm_advanced": ("5", 5.0, "xã", 0, (
        ("exact", "Số xã đạt chuẩn nông thôn mới nâng cao"), ("abbreviated", "Số xã đạt chuẩn NTM nâng cao"),
        ("paraphrase", "Xã được công nhận nông thôn mới nâng cao"))),
    "urbanization_rate": ("40", 40.0, "%", 1, (
        ("exact", "Tỷ lệ đô thị hóa"), ("paraphrase", "Tỷ lệ đô thị hóa toàn huyện"))),
    "poverty_reduction": ("1,5 - 2", 1.5, "%/năm", 1, (
        ("exact", "Tỷ lệ giảm hộ nghèo bình quân hằng năm"), ("paraphrase", "Tỷ lệ hộ nghèo giảm bình quân mỗi năm"),
        ("reordered", "Hằng năm giảm tỷ lệ hộ nghèo bình quân"))),
    "trained_labour": ("≥ 70", 70.0, "%", 1, (
        ("exact", "Tỷ lệ lao động qua đào tạo"), ("paraphrase", "Tỷ lệ lao động đã qua đào tạo nghề"),
        ("reordered", "Lao động qua đào tạo (tỷ lệ)"))),
    "new_jobs": ("3.500", 3500.0, "người", 0, (
        ("exact", "Số lao động được giải quyết việc làm mới hằng năm"),
        ("paraphrase", "Giải quyết việc làm mới cho lao động mỗi năm"), ("abbreviated", "Số LĐ được giải quyết việc làm"))),
    "health_insurance": ("trên 95", 95.0, "%", 1, (
        ("exact", "Tỷ lệ dân số tham gia bảo hiểm y tế"), ("abbreviated", "Tỷ lệ dân số có thẻ BHYT"),
        ("paraphrase", "Tỷ lệ bao phủ bảo hiểm y tế toàn dân"), ("reordered", "BHYT - tỷ lệ người dân tham gia"))),
    "hospital_beds": ("30", 30.0, "giường/vạn dân", 1, (
        ("exact", "Số giường bệnh trên một vạn dân"), ("paraphrase", "Số giường bệnh bình quân/vạn dân"))),
    "doctors": ("10", 10.0, "bác sĩ/vạn dân", 1, (
        ("exact", "Số bác sĩ trên một vạn dân"), ("paraphrase", "Số bác sĩ bình quân trên vạn dân"))),
    "standard_schools": ("85", 85.0, "%", 1, (
        ("exact", "Tỷ lệ trường học đạt chuẩn quốc gia"), ("paraphrase", "Tỷ lệ trường đạt chuẩn quốc gia các cấp"),
        ("reordered", "Trường học đạt chuẩn quốc gia (tỷ lệ)"))),
    "cultural_families": ("≥ 90", 90.0, "%", 1, (
        ("exact", "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa"),
        ("paraphrase", "Tỷ lệ hộ đạt danh hiệu Gia đình văn hóa hằng năm"))),
    "clean_water": ("98", 98.0, "%", 1, (
        ("exact", "Tỷ lệ dân cư nông thôn sử dụng nước sạch"),
        ("paraphrase", "Tỷ lệ hộ dân nông thôn được dùng nước sạch"),
        ("reordered", "Nước sạch: tỷ lệ dân cư nông thôn sử dụng"))),
    "waste_collection": ("95", 95.0, "%", 1, (
        ("exact", "Tỷ lệ chất thải rắn sinh hoạt được thu gom và xử lý"),
        ("paraphrase", "Tỷ lệ rác thải sinh hoạt được thu gom, xử lý"))),
    "forest_cover": ("58,5", 58.5, "%", 1, (
        ("exact", "Tỷ lệ che phủ rừng"), ("paraphrase", "Độ che phủ của rừng trên địa bàn"))),
    "militia_rate": ("1,4", 1.4, "%", 2, (
        ("exact", "Tỷ lệ dân quân tự vệ so với dân số"), ("paraphrase", "Tỷ lệ lực lượng dân quân tự vệ/dân số"))),
    "military_recruit": ("100", 100.0, "%", 0, (
        ("exact", "Tỷ lệ hoàn thành chỉ tiêu giao quân hằng năm"),
        ("paraphrase", "Hoàn thành chỉ tiêu tuyển quân hằng năm"))),
    "crime_reduction": ("5 - 10", 5.0, "%", 1, (
        ("exact", "Tỷ lệ giảm tai nạn giao thông trên cả 3 tiêu chí"),
        ("paraphrase", "Kéo giảm tai nạn giao thông trên cả ba tiêu chí"))),
    "new_members": ("ít nhất 1.200", 1200.0, "đảng viên", 0, (
        ("exact", "Số đảng viên mới kết nạp"), ("paraphrase", "Kết nạp đảng viên mới trong nhiệm kỳ"),
        ("abbreviated", "Số ĐV mới được kết nạp"))),
    "party_org_quality": ("≥ 85", 85.0, "%", 1, (
        ("exact", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên"),
        ("abbreviated", "Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ trở lên hằng năm"),
        ("paraphrase", "Tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên"))),
    "member_quality": ("trên 90", 90.0, "%", 1, (
        ("exact", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên"),
        ("abbreviated", "Tỷ lệ ĐV được xếp loại hoàn thành tốt nhiệm vụ trở lên"))),
    "mass_org_quality": ("≥ 85", 85.0, "%", 1, (
        ("exact", "Tỷ lệ Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội được đánh giá hoàn thành tốt nhiệm vụ"),
        ("abbreviated", "Tỷ lệ MTTQ và các đoàn thể chính trị - xã hội hoàn thành tốt nhiệm vụ"))),
}

# Reported indicators that are NOT in the catalog; several resemble a catalog entry on purpose.
NON_CATALOG: tuple[tuple[str, str, float, str, int], ...] = (
    ("Tỷ lệ dân số tham gia bảo hiểm xã hội", "≥ 30", 30.0, "%", 1),
    ("Tỷ lệ chất thải rắn y tế được xử lý đạt chuẩn", "100", 100.0, "%", 0),
    ("Số xã đạt Bộ tiêu chí quốc gia về y tế", "18", 18.0, "xã", 0),
    ("Tỷ lệ thôn, tổ dân phố đạt danh hiệu văn hóa", "≥ 85", 85.0, "%", 1),
    ("Tổng sản lượng lương thực có hạt", "ít nhất 85.000", 85000.0, "tấn", 0),
    ("Số doanh nghiệp thành lập mới", "500", 500.0, "doanh nghiệp", 0),
    ("Tỷ lệ đường giao thông nông thôn được cứng hóa", "95", 95.0, "%", 1),
    ("Số lượt khách du lịch đến tham quan", "1.500", 1500.0, "nghìn lượt", 0),
    ("Diện tích trồng rừng tập trung", "1.200", 1200.0, "ha/năm", 0),
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến", "50", 50.0, "%", 1),
    ("Tỷ lệ hộ sử dụng điện lưới quốc gia", "99,5", 99.5, "%", 1),
)

GROUPS = (("Kinh tế", "CHỈ TIÊU VỀ KINH TẾ"), ("Văn hóa - xã hội", "CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI"),
          ("Môi trường", "CHỈ TIÊU VỀ MÔI TRƯỜNG"), ("Quốc phòng - an ninh", "CHỈ TIÊU VỀ QUỐC PHÒNG - AN NINH"),
          ("Xây dựng Đảng", "CHỈ TIÊU VỀ XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ"))

# Status wordings as units write them -> contract spelling.
STATUS_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "above": (("Vượt", "vuot"), ("Đạt và vượt", "vuot"), ("Vượt chỉ tiêu", "vuot"), ("Vượt NQ", "vuot")),
    "met": (("Đạt", "dat"), ("Hoàn thành", "dat"), ("Đạt chỉ tiêu", "dat")),
    "near": (("Gần đạt", "gan_dat"), ("Có khả năng đạt", "kha_nang_dat"),
             ("Đang trong lộ trình thực hiện", "kha_nang_dat"), ("Dự kiến đạt", "kha_nang_dat"),
             ("Đạt từ 80% trở lên", "gan_dat")),
    "below": (("Chưa đạt", "chua_dat"), ("Khó đạt", "kho_dat"), ("Không đạt", "chua_dat"),
              ("Chưa đạt chỉ tiêu", "chua_dat")),
}


@dataclass(frozen=True)
class Reported:
    """One indicator as this document reports it, with its truth."""

    id: str | None
    name: str
    name_variant: str
    unit: str
    target_raw: str
    target: float
    value: float
    value_raw: str
    estimate: float | None
    estimate_raw: str | None
    status: str
    status_raw: str | None
    nhom: str
    decimals: int


def vn_number(x: float, decimals: int) -> str:
    """Vietnamese number format: '.' groups thousands, ',' marks decimals (1.234,5)."""
    s = f"{x:,.{decimals}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    if "," in s:
        s = s.rstrip("0").rstrip(",")
    return s


def derive_status(value: float, target: float, target_raw: str) -> str:
    """The documented rule when the report gives no status: within a range or equal → dat,
    above → vuot, below → chua_dat (all catalog and non-catalog indicators here are 'higher is better')."""
    hi = target
    if " - " in target_raw:
        hi = float(target_raw.split(" - ")[1].replace(".", "").replace(",", "."))
    if target <= value <= hi:
        return "dat"
    return "vuot" if value > hi else "chua_dat"


def _target_form(raw: str, rng: random.Random) -> str:
    """Comparative forms vary between units: '≥ 90', 'trên 90', '90 trở lên', 'ít nhất 90'."""
    for prefix in ("≥ ", "trên ", "ít nhất "):
        if raw.startswith(prefix):
            n = raw[len(prefix):]
            return rng.choice((f"≥ {n}", f"trên {n}", f"{n} trở lên", f"ít nhất {n}", f"≥{n}"))
    if " - " in raw and rng.random() < 0.3:
        return raw.replace(" - ", "-")
    return raw


def _name(kind_name: tuple[str, str], rng: random.Random) -> tuple[str, str]:
    from .variations import swap_tone_placement, typo
    kind, name = kind_name
    r = rng.random()
    if r < 0.1:
        varied = typo(name, rng)
        if varied != name:
            return varied, "typo"
    elif r < 0.18:
        varied = swap_tone_placement(name)
        if varied != name:
            return varied, "old_tone"
    return name, kind


def report(rng: random.Random, catalog_nhom: dict[str, str], n_catalog: int, n_other: int) -> list[Reported]:
    """The indicators one document reports, in catalog group order."""
    ids = rng.sample(sorted(CATALOG_SPECS), n_catalog)
    out = []
    for cid in ids:
        raw, target, unit, dec, names = CATALOG_SPECS[cid]
        name, variant = _name(rng.choice(names), rng)
        out.append(_reported(cid, name, variant, _target_form(raw, rng), target, unit, dec,
                             catalog_nhom.get(cid, "Kinh tế"), rng))
    for name, raw, target, unit, dec in rng.sample(NON_CATALOG, n_other):
        out.append(_reported(None, name, "non_catalog", _target_form(raw, rng), target, unit, dec,
                             rng.choice([g for g, _ in GROUPS]), rng))
    order = {g: i for i, (g, _) in enumerate(GROUPS)}
    out.sort(key=lambda r: order.get(r.nhom, 0))
    return out


def _reported(cid, name, variant, target_raw, target, unit, dec, nhom, rng) -> Reported:
    value = target * rng.uniform(0.72, 1.25)
    if unit.startswith("%") and target <= 100:
        value = 100.0 if target == 100 and rng.random() < 0.7 else min(value, 99.6)
    value = round(value, dec)
    if rng.random() < 0.12 and value >= 1000:
        value = round(value)
    estimate = None
    if rng.random() < 0.6:
        estimate = round(min(value * rng.uniform(1.0, 1.08), 100.0 if unit.startswith("%") else 1e12), dec)
    derived = derive_status(value, target, target_raw.replace("-", " - ") if "-" in target_raw else target_raw)
    return Reported(cid, name, variant, unit, target_raw, target, value, vn_number(value, dec), estimate,
                    vn_number(estimate, dec) if estimate is not None else None, derived, None, nhom, dec)


def with_status_words(r: Reported, rng: random.Random) -> Reported:
    """The same indicator with a written status consistent with its numbers."""
    ratio = r.value / r.target if r.target else 1.0
    if r.status == "vuot":
        bucket = "above"
    elif r.status == "dat":
        bucket = "met"
    elif ratio >= 0.9:
        bucket = rng.choice(("near", "below"))
    else:
        bucket = "below"
    raw, code = rng.choice(STATUS_WORDS[bucket])
    if code == "gan_dat" and raw.startswith("Đạt từ 80") and ratio < 0.8:
        raw, code = "Chưa đạt", "chua_dat"
    return Reported(**{**r.__dict__, "status": code, "status_raw": raw})


def truth(r: Reported, section: str, kind: str, status_given: bool) -> dict:
    """The truth record of an indicator (contract field names)."""
    return {
        "id": r.id, "name_raw": r.name, "name_variant": r.name_variant, "value": r.value, "value_raw": r.value_raw,
        "unit": r.unit, "target_raw": r.target_raw, "target": r.target, "estimate": r.estimate,
        "status": r.status, "status_given": status_given, "status_raw": r.status_raw if status_given else None,
        "section": section, "kind": kind,
    }

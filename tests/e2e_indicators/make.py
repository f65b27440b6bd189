"""Generate independent end-to-end district reports with known indicator ground truth.

Usage: .venv/bin/python tests/e2e_indicators/make.py [OUTDIR]   (default /tmp/e2e_ind)
Writes NN-<unit>.docx and truth.json (one entry per file).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

UNITS = [
    ("tp-tam-ky", "THÀNH ỦY TAM KỲ", "Đảng bộ thành phố"),
    ("hoa-vang", "HUYỆN ỦY HÒA VANG", "Đảng bộ huyện"),
    ("dai-loc", "HUYỆN ỦY ĐẠI LỘC", "Đảng bộ huyện"),
    ("duy-xuyen", "HUYỆN ỦY DUY XUYÊN", "Đảng bộ huyện"),
    ("thang-binh", "HUYỆN ỦY THĂNG BÌNH", "Đảng bộ huyện"),
    ("que-son", "HUYỆN ỦY QUẾ SƠN", "Đảng bộ huyện"),
    ("nui-thanh", "HUYỆN ỦY NÚI THÀNH", "Đảng bộ huyện"),
    ("tien-phuoc", "HUYỆN ỦY TIÊN PHƯỚC", "Đảng bộ huyện"),
    ("nam-giang", "HUYỆN ỦY NAM GIANG", "Đảng bộ huyện"),
    ("tp-hoi-an", "THÀNH ỦY HỘI AN", "Đảng bộ thành phố"),
    ("tx-dien-ban", "THỊ ỦY ĐIỆN BÀN", "Đảng bộ thị xã"),
    ("hoa-vang", "HUYỆN ỦY HÒA VANG", "Đảng bộ huyện"),
    ("dai-loc", "HUYỆN ỦY ĐẠI LỘC", "Đảng bộ huyện"),
    ("que-son", "HUYỆN ỦY QUẾ SƠN", "Đảng bộ huyện"),
    ("nui-thanh", "HUYỆN ỦY NÚI THÀNH", "Đảng bộ huyện"),
]

# id -> (display names, unit shown, (target_raw template, lower bound) options, value range, decimals)
CAT = {
    "grdp_growth": (["Tốc độ tăng trưởng kinh tế (GRDP) bình quân hằng năm", "Tốc độ tăng trưởng GRDP bình quân",
                     "Tăng trưởng kinh tế bình quân/năm"], "%", [("7 - 7,5", 7.0), ("từ 7,5% trở lên", 7.5), ("8", 8.0)], (5.0, 9.0), 1),
    "grdp_per_capita": (["GRDP bình quân đầu người", "Thu nhập bình quân đầu người đến năm 2025"], "triệu đồng/người/năm",
                        [("75", 75.0), ("trên 80", 80.0), ("70 - 75", 70.0)], (60.0, 90.0), 1),
    "budget_revenue": (["Tổng thu ngân sách nhà nước trên địa bàn", "Thu ngân sách trên địa bàn (bình quân/năm)",
                        "Thu NSNN trên địa bàn"], "tỷ đồng", [("1.200", 1200.0), ("850", 850.0), ("1.500 - 1.600", 1500.0)], (700.0, 1900.0), 1),
    "investment_total": (["Tổng vốn đầu tư phát triển toàn xã hội (5 năm)", "Vốn đầu tư toàn xã hội"], "tỷ đồng",
                         [("25.000", 25000.0), ("18.000 - 20.000", 18000.0)], (12000.0, 30000.0), 0),
    "agri_growth": (["Giá trị sản xuất nông lâm thủy sản tăng bình quân", "Tốc độ tăng giá trị sản xuất nông - lâm - thủy sản bình quân"],
                    "%", [("3 - 3,5", 3.0), ("2,5", 2.5)], (1.5, 4.5), 1),
    "ntm_communes": (["Số xã đạt chuẩn nông thôn mới", "Xã đạt chuẩn NTM (lũy kế)"], "xã", [("14", 14.0), ("10", 10.0), ("100% số xã", None)],
                     (7.0, 16.0), 0),
    "ntm_advanced": (["Số xã đạt chuẩn nông thôn mới nâng cao", "Xã đạt chuẩn NTM nâng cao"], "xã", [("5", 5.0), ("3 - 4", 3.0)], (1.0, 6.0), 0),
    "urbanization_rate": (["Tỷ lệ đô thị hóa"], "%", [("45", 45.0), ("trên 30", 30.0)], (25.0, 50.0), 1),
    "poverty_reduction": (["Tỷ lệ hộ nghèo giảm bình quân", "Giảm tỷ lệ hộ nghèo bình quân hằng năm"], "%/năm",
                          [("1 - 1,5", 1.0), ("2", 2.0), ("từ 1,5 trở lên", 1.5)], (0.6, 2.6), 2),
    "trained_labour": (["Tỷ lệ lao động qua đào tạo", "Tỷ lệ lao động đã qua đào tạo"], "%", [("70", 70.0), ("75 - 80", 75.0)], (60.0, 82.0), 1),
    "new_jobs": (["Giải quyết việc làm mới (bình quân/năm)", "Số lao động được tạo việc làm mới hằng năm"], "người",
                 [("2.500", 2500.0), ("1.800 - 2.000", 1800.0)], (1200.0, 3200.0), 0),
    "health_insurance": (["Tỷ lệ dân số tham gia bảo hiểm y tế", "Tỷ lệ bao phủ BHYT"], "%", [("95", 95.0), ("trên 93", 93.0)],
                         (88.0, 98.0), 1),
    "hospital_beds": (["Số giường bệnh/vạn dân"], "giường/vạn dân", [("32", 32.0), ("30", 30.0)], (25.0, 36.0), 1),
    "doctors": (["Số bác sĩ/vạn dân", "Bác sĩ trên một vạn dân"], "bác sĩ/vạn dân", [("10", 10.0), ("11", 11.0)], (7.0, 12.5), 1),
    "standard_schools": (["Tỷ lệ trường học đạt chuẩn quốc gia", "Trường đạt chuẩn quốc gia"], "%", [("80", 80.0), ("75 - 80", 75.0)],
                         (65.0, 90.0), 1),
    "cultural_families": (["Tỷ lệ gia đình văn hóa", "Hộ gia đình đạt danh hiệu gia đình văn hóa"], "%", [("92", 92.0), ("trên 90", 90.0)],
                          (86.0, 96.0), 1),
    "clean_water": (["Tỷ lệ dân cư nông thôn sử dụng nước sạch", "Tỷ lệ hộ dân nông thôn sử dụng nước sạch"], "%",
                    [("98", 98.0), ("95", 95.0)], (88.0, 99.5), 1),
    "waste_collection": (["Tỷ lệ chất thải rắn sinh hoạt được thu gom và xử lý", "Thu gom xử lý rác thải sinh hoạt"], "%",
                         [("90", 90.0), ("85 - 90", 85.0)], (75.0, 97.0), 1),
    "forest_cover": (["Tỷ lệ che phủ rừng", "Độ che phủ rừng"], "%", [("58", 58.0), ("trên 60", 60.0)], (52.0, 64.0), 1),
    "military_recruit": (["Hoàn thành chỉ tiêu giao quân hằng năm", "Tỷ lệ hoàn thành chỉ tiêu giao quân"], "%", [("100", 100.0)],
                         (100.0, 100.0), 0),
    "new_members": (["Kết nạp đảng viên mới (cả nhiệm kỳ)", "Số đảng viên mới kết nạp"], "đảng viên", [("1.000", 1000.0), ("600 - 650", 600.0)],
                    (350.0, 1100.0), 0),
    "party_org_quality": (["Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "TCCSĐ hoàn thành tốt nhiệm vụ trở lên"], "%",
                          [("90", 90.0), ("trên 85", 85.0)], (82.0, 96.0), 1),
    "member_quality": (["Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên"], "%", [("90", 90.0), ("85", 85.0)], (83.0, 95.0), 1),
}

OFF = [  # not in the catalog: (name, unit, target_raw, target, value range, decimals)
    ("Tỷ lệ hộ sử dụng điện lưới quốc gia", "%", "99,5", 99.5, (98.0, 100.0), 1),
    ("Số km đường giao thông nông thôn được bê tông hóa", "km", "120", 120.0, (80.0, 150.0), 1),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "dưới 12", 12.0, (9.0, 14.0), 1),
    ("Số doanh nghiệp thành lập mới", "doanh nghiệp", "500", 500.0, (300.0, 650.0), 0),
    ("Tổng lượt khách du lịch", "nghìn lượt", "1.500", 1500.0, (900.0, 1800.0), 0),
    ("Sản lượng lương thực có hạt bình quân", "tấn", "45.000", 45000.0, (38000.0, 48000.0), 0),
    ("Tỷ lệ tiêm chủng mở rộng cho trẻ em", "%", "98", 98.0, (95.0, 99.5), 1),
    ("Số thôn có nhà văn hóa đạt chuẩn", "thôn", "60", 60.0, (40.0, 70.0), 0),
]

STATUS_WORDS = {
    "vuot": ["Vượt", "Vượt chỉ tiêu", "vượt chỉ tiêu Nghị quyết"],
    "dat": ["Đạt", "Đạt chỉ tiêu", "đạt chỉ tiêu Nghị quyết"],
    "chua_dat": ["Chưa đạt", "chưa đạt chỉ tiêu"],
    "kha_nang_dat": ["Có khả năng đạt", "Khả năng đạt", "có khả năng đạt"],
    "gan_dat": ["Gần đạt", "đạt trên 80% chỉ tiêu"],
    "kho_dat": ["Khó đạt", "khó đạt"],
}


def vn(x: float, dec: int) -> str:
    """Format a number the Vietnamese way (1.234,5)."""
    s = f"{x:,.{dec}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def make_item(rng: random.Random, cid: str | None, off=None) -> dict:
    """Build one ground-truth indicator with consistent value/target/status."""
    if cid:
        names, unit, targets, (lo, hi), dec = CAT[cid]
        name = rng.choice(names)
        traw, target = rng.choice(targets)
    else:
        name, unit, traw, target, (lo, hi), dec = off
    value = round(rng.uniform(lo, hi), dec) if dec else float(round(rng.uniform(lo, hi)))
    est = None
    if target is not None and rng.random() < 0.6:
        est = round(max(value, target * rng.uniform(0.9, 1.1)), dec) if dec else float(round(max(value, target * rng.uniform(0.9, 1.1))))
    if est is not None and unit.startswith("%") and target <= 100:
        est = min(est, 100.0)
    if target is None:
        status = rng.choice(["kha_nang_dat", "kho_dat"])
    elif value > target * 1.03:
        status = rng.choice(["vuot", "dat"])
    elif value >= target:
        status = "dat"
    elif est is not None and est >= target:
        status = "kha_nang_dat"
    elif value >= 0.8 * target:
        status = rng.choice(["gan_dat", "kho_dat", "chua_dat"])
    else:
        status = rng.choice(["kho_dat", "chua_dat"])
    if cid is None and "suy dinh dưỡng" in name:  # lower is better; keep status stated literally
        status = "dat" if value <= target else "chua_dat"
    return {"id": cid, "name": name, "unit": unit, "dec": dec, "value": value, "target_raw": traw,
            "target": target, "estimate": est, "status": status, "status_stated": True}


def heading(doc, text, style_mode, level, bold=True):
    """Add an outline heading either as a Word heading style or as a bold paragraph."""
    if style_mode == "styles":
        return doc.add_heading(text, level=min(level, 4))
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.bold = bold
    if level >= 3:
        r.italic = True
    return p


def front(doc, unit_name, kind, rng):
    """Header block, title, opening sentence."""
    doc.add_paragraph("ĐẢNG BỘ TỈNH QUẢNG NAM")
    doc.add_paragraph(unit_name)
    doc.add_paragraph("*")
    doc.add_paragraph(f"Số {rng.randint(100, 600)}-BC/{'TU' if 'THÀNH' in unit_name else 'HU'}")
    doc.add_paragraph("ĐẢNG CỘNG SẢN VIỆT NAM")
    doc.add_paragraph(f"Quảng Nam, ngày {rng.randint(1, 28)} tháng 7 năm 2023")
    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t.add_run("BÁO CÁO").bold = True
    doc.add_paragraph(f"Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội {kind} lần thứ XXII, "
                      "nhiệm kỳ 2020 - 2025; Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng")
    doc.add_paragraph("Thực hiện Kế hoạch số 152-KH/TU ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ "
                      f"{kind.lower()} báo cáo kết quả giữa nhiệm kỳ như sau:")


def part_one_top(doc, sm, rng):
    heading(doc, "Phần thứ nhất", sm, 1)
    heading(doc, "TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ NHIỆM KỲ 2020 - 2025", sm, 1)
    heading(doc, "I. BỐI CẢNH THỰC HIỆN NGHỊ QUYẾT", sm, 2)
    heading(doc, "1. Khái quát đặc điểm tình hình", sm, 3)
    doc.add_paragraph(f"Địa phương có diện tích tự nhiên {vn(rng.uniform(200, 900), 2)} km², dân số khoảng "
                      f"{vn(rng.randint(80000, 180000), 0)} người, gồm {rng.randint(11, 18)} đơn vị hành chính cấp xã.")
    heading(doc, "2. Bối cảnh thực hiện; những thuận lợi, khó khăn", sm, 3)
    doc.add_paragraph("Những năm đầu nhiệm kỳ, dịch bệnh COVID-19 và thiên tai diễn biến phức tạp, giá cả vật tư "
                      "tăng cao đã ảnh hưởng lớn đến sản xuất, kinh doanh và đời sống Nhân dân.")
    heading(doc, "II. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT", sm, 2)
    heading(doc, "1. Công tác lãnh đạo, chỉ đạo và kết quả tổ chức học tập, quán triệt, tuyên truyền Nghị quyết", sm, 3)
    doc.add_paragraph(f"Đã tổ chức {rng.randint(3, 9)} hội nghị quán triệt với trên {rng.randint(90, 99)}% cán bộ, "
                      "đảng viên tham gia.")
    heading(doc, "2. Công tác lãnh đạo, chỉ đạo và kết quả cụ thể hóa Nghị quyết", sm, 3)
    doc.add_paragraph(f"Ban Chấp hành đã ban hành {rng.randint(4, 8)} nghị quyết chuyên đề, {rng.randint(10, 30)} "
                      "kế hoạch, đề án để cụ thể hóa Nghị quyết.")
    heading(doc, "3. Công tác kiểm tra, giám sát việc thực hiện", sm, 3)
    doc.add_paragraph(f"Đã kiểm tra {rng.randint(20, 60)} lượt tổ chức đảng về việc thực hiện Nghị quyết.")
    heading(doc, "III. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN NGHỊ QUYẾT "
                 "ĐẠI HỘI ĐẢNG BỘ NHIỆM KỲ 2020 - 2025", sm, 2)
    heading(doc, rng.choice(["1. Kết quả thực hiện các chỉ tiêu chủ yếu", "1. Kết quả thực hiện các chỉ tiêu chủ yếu:",
                             "1. Về kết quả thực hiện các chỉ tiêu chủ yếu"]), sm, 3)


def part_one_rest(doc, sm, rng):
    heading(doc, "2. Kết quả thực hiện nhiệm vụ trọng tâm", sm, 3)
    doc.add_paragraph(f"Kinh tế duy trì tăng trưởng khá; đã thu hút {rng.randint(5, 20)} dự án đầu tư mới với tổng vốn "
                      f"đăng ký {vn(rng.uniform(500, 3000), 1)} tỷ đồng. Hoàn thành {rng.randint(20, 80)} km đường giao thông.")
    heading(doc, "3. Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá", sm, 3)
    doc.add_paragraph("Tập trung đột phá về hạ tầng giao thông, chuyển đổi số và cải cách hành chính.")
    heading(doc, "IV. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH "
                 "LẦN THỨ XIV VÀ NGHỊ QUYẾT ĐẠI HỘI XIII CỦA ĐẢNG", sm, 2)
    heading(doc, "1. Kết quả thực hiện nhiệm vụ trọng tâm", sm, 3)
    doc.add_paragraph("Triển khai đồng bộ các nhiệm vụ theo Chương trình hành động của Tỉnh ủy.")
    heading(doc, "2. Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá chiến lược", sm, 3)
    doc.add_paragraph("Các công trình trọng điểm cơ bản đảm bảo tiến độ.")
    heading(doc, "3. Kết quả thực hiện các nghị quyết chuyên đề, đề án, kết luận của Tỉnh ủy", sm, 3)
    doc.add_paragraph("Thực hiện nghiêm các nghị quyết chuyên đề của Tỉnh ủy.")
    heading(doc, "V. ĐÁNH GIÁ CHUNG", sm, 2)
    heading(doc, "1. Ưu điểm", sm, 3)
    doc.add_paragraph("Tình hình kinh tế - xã hội tiếp tục phát triển; quốc phòng, an ninh được giữ vững.")
    heading(doc, "2. Hạn chế, khuyết điểm", sm, 3)
    doc.add_paragraph("Một số chỉ tiêu đạt thấp; thu ngân sách chưa bền vững.")
    heading(doc, "3. Nguyên nhân của những hạn chế, khuyết điểm", sm, 3)
    doc.add_paragraph("Nguyên nhân khách quan do dịch bệnh; nguyên nhân chủ quan do năng lực tham mưu còn hạn chế.")
    heading(doc, "4. Những khó khăn vướng mắc", sm, 3)
    doc.add_paragraph("Vướng mắc trong công tác bồi thường, giải phóng mặt bằng.")
    heading(doc, "Phần thứ hai", sm, 1)
    heading(doc, "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU ĐẾN NĂM 2025", sm, 1)
    heading(doc, "I. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU ĐẾN NĂM 2025", sm, 2)
    doc.add_paragraph("Phấn đấu hoàn thành toàn diện các chỉ tiêu Nghị quyết Đại hội đã đề ra.")
    heading(doc, "II. KIẾN NGHỊ, ĐỀ XUẤT", sm, 2)
    doc.add_paragraph("Đề nghị Tỉnh ủy quan tâm hỗ trợ nguồn lực đầu tư hạ tầng.")
    doc.add_paragraph("Nơi nhận:")
    doc.add_paragraph("- Ban Thường vụ Tỉnh ủy,")
    doc.add_paragraph("- Lưu Văn phòng.")
    doc.add_paragraph("T/M BAN THƯỜNG VỤ")
    doc.add_paragraph("BÍ THƯ")
    doc.add_paragraph("Nguyễn Văn " + rng.choice(["An", "Bình", "Cường", "Dũng"]))


GROUPS = {"Kinh tế": ["grdp_growth", "grdp_per_capita", "budget_revenue", "investment_total", "agri_growth",
                      "ntm_communes", "ntm_advanced", "urbanization_rate"],
          "Văn hóa - xã hội": ["poverty_reduction", "trained_labour", "new_jobs", "health_insurance", "hospital_beds",
                               "doctors", "standard_schools", "cultural_families"],
          "Môi trường": ["clean_water", "waste_collection", "forest_cover"],
          "Quốc phòng - an ninh; xây dựng Đảng": ["military_recruit", "new_members", "party_org_quality", "member_quality"]}


def group_of(item):
    for g, ids in GROUPS.items():
        if item["id"] in ids:
            return g
    return "Kinh tế"


def set_cell(cell, text, bold=False):
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    run.font.size = Pt(11)


def render_table(doc, items, rng, variant):
    """Render the indicator table in one of several realistic layouts; returns the variant description."""
    has_status = variant in ("A", "B", "D")
    unit_col = variant in ("A", "C", "D")
    est_col = variant in ("A", "C")
    if not est_col:  # no estimate column: the table gives no estimate
        for it in items:
            it["estimate"] = None
    if not has_status:
        for it in items:
            it["status_stated"] = False
    cols = ["STT", "Chỉ tiêu"] + (["ĐVT"] if unit_col else [])
    tgt_h = rng.choice(["Nghị quyết Đại hội đề ra", "Chỉ tiêu NQ nhiệm kỳ 2020-2025", "Mục tiêu Nghị quyết"])
    cols.append(tgt_h)
    res_cols = ["Thực hiện đến 30/6/2023"] + (["Dự ước đến năm 2025"] if est_col else [])
    cols += res_cols
    if has_status:
        cols.append(rng.choice(["Đánh giá", "Đánh giá khả năng thực hiện", "So với NQ"]))
    two_rows = variant in ("A", "C")
    n = len(cols)
    table = doc.add_table(rows=1 + (1 if two_rows else 0), cols=n)
    table.style = "Table Grid"
    res_start = cols.index(res_cols[0])
    if two_rows:
        top, sub = table.rows[0].cells, table.rows[1].cells
        for j, c in enumerate(cols):
            if res_start <= j < res_start + len(res_cols):
                continue
            merged = top[j].merge(sub[j])
            set_cell(merged, c, True)
        if len(res_cols) > 1:
            m = top[res_start].merge(top[res_start + len(res_cols) - 1])
        else:
            m = top[res_start]
        set_cell(m, "Kết quả thực hiện", True)
        for k, c in enumerate(res_cols):
            set_cell(sub[res_start + k], c.replace("Thực hiện đến", "Đến"), True)
    else:
        for j, c in enumerate(cols):
            set_cell(table.rows[0].cells[j], c, True)
    # numbering row under header, common in real reports
    if variant == "D":
        r = table.add_row().cells
        for j in range(n):
            set_cell(r[j], f"({j + 1})")
    roman = ["I", "II", "III", "IV"]
    gi = 0
    cur_g = None
    stt = 0
    for it in sorted(items, key=lambda x: list(GROUPS).index(group_of(x))):
        g = group_of(it)
        if g != cur_g and variant != "B":
            cur_g = g
            r = table.add_row().cells
            set_cell(r[0], roman[gi], True)
            merged = r[1].merge(r[n - 1])
            set_cell(merged, f"Các chỉ tiêu về {g.lower()}" if gi % 2 == 0 else g, True)
            gi += 1
        stt += 1
        r = table.add_row().cells
        vals = [str(stt), it["name"]]
        u = it["unit"]
        if unit_col:
            vals.append(u)
            vals.append(it["target_raw"] if not it["target_raw"][0].isdigit() or rng.random() < 0.7
                        else it["target_raw"])
            vals.append(vn(it["value"], it["dec"]))
            if est_col:
                vals.append(vn(it["estimate"], it["dec"]) if it["estimate"] is not None else "")
        else:
            sep = "" if u.startswith("%") else " "
            t = it["target_raw"]
            vals.append(t + ("" if "%" in t or "số xã" in t else sep + u))
            vals.append(vn(it["value"], it["dec"]) + sep + u)
        if has_status:
            vals.append(rng.choice(STATUS_WORDS[it["status"]]).capitalize())
        for j, v in enumerate(vals):
            set_cell(r[j], v)
    return variant


def sentence(it, rng):
    """Render one indicator as a realistic sentence (returns text)."""
    u, d = it["unit"], it["dec"]
    val = vn(it["value"], d)
    sep = "" if u.startswith("%") else " "
    uu = u
    tr = it["target_raw"]
    tgt = tr + ("" if ("%" in tr or "số xã" in tr) else sep + uu)
    sw = rng.choice(STATUS_WORDS[it["status"]]).lower()
    est = ""
    if it["estimate"] is not None:
        est = rng.choice([f"; dự ước đến năm 2025 đạt {vn(it['estimate'], d)}{sep}{uu}",
                          f", ước đến cuối nhiệm kỳ đạt {vn(it['estimate'], d)}{sep}{uu}"])
    forms = [
        f"{it['name']} đạt {val}{sep}{uu} (Nghị quyết đề ra {tgt}){est}, {sw}.",
        f"- {it['name']}: {val}{sep}{uu}/NQ {tgt}{est} ({sw}).",
        f"{it['name']} ước đạt {val}{sep}{uu}, so với chỉ tiêu Nghị quyết là {tgt}{est}; {sw}.",
    ]
    return rng.choice(forms)


def build(i: int, outdir: Path) -> dict:
    rng = random.Random(1000 + i)
    uid, uname, kind = UNITS[i]
    ids = rng.sample(sorted(CAT), rng.randint(5, 10))
    items = [make_item(rng, c) for c in ids]
    offs = [make_item(rng, None, o) for o in rng.sample(OFF, rng.randint(1, 3))]
    allitems = items + offs
    rng.shuffle(allitems)
    doc = Document()
    sm = "styles" if i % 3 == 0 else "bold"
    front(doc, uname, kind, rng)
    part_one_top(doc, sm, rng)
    mode = "table" if i % 2 == 0 else "sentences"
    layout = None
    if mode == "table":
        doc.add_paragraph("Kết quả thực hiện các chỉ tiêu chủ yếu đến 30/6/2023 như sau:")
        layout = render_table(doc, allitems, rng, "ABCD"[(i // 2) % 4])
        doc.add_paragraph("(Chi tiết có Phụ lục kèm theo)")
    else:
        doc.add_paragraph(f"Sau gần 3 năm thực hiện, có {rng.randint(8, 14)}/{rng.randint(15, 20)} chỉ tiêu đạt và vượt; "
                          "các chỉ tiêu còn lại có khả năng đạt vào cuối nhiệm kỳ. Cụ thể:")
        layout = "one-per-paragraph" if i % 4 == 1 else "grouped"
        if layout == "one-per-paragraph":
            for it in allitems:
                doc.add_paragraph(sentence(it, rng))
        else:
            for k in range(0, len(allitems), 3):
                doc.add_paragraph(" ".join(sentence(it, rng).lstrip("- ") for it in allitems[k:k + 3]))
    part_one_rest(doc, sm, rng)
    name = f"{i + 1:02d}-{uid}.docx"
    doc.save(outdir / name)
    truth = [{k: v for k, v in it.items() if k != "dec"} for it in allitems]
    return {"file": name, "unit": uid, "mode": mode, "layout": layout, "heading_mode": sm, "indicators": truth}


def main(argv):
    out = Path(argv[1] if len(argv) > 1 else "/tmp/e2e_ind")
    out.mkdir(parents=True, exist_ok=True)
    truth = [build(i, out) for i in range(len(UNITS))]
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    print(f"wrote {len(truth)} documents to {out}")


if __name__ == "__main__":
    main(sys.argv)

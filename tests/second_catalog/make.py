"""Whole district reports whose indicators are those of a second catalog (tests/data/chi-tieu-khac.csv), with truth.

    .venv/bin/python -m tests.second_catalog.make [OUTDIR]      (default /tmp/khac) writes NN-<unit>.docx, truth.json

The names are written the way units write them, most of them in words the catalog (names and aliases)
does not use: shortened, reordered, with the period or the unit inside, abbreviated; beside them
indicators of the first catalog and others that are in neither (truth id null). Tables in the layouts of
tests/e2e_indicators/make.py and sentences in its phrasings. `resubmit` writes a unit's report again under
a new file name with edited wording around the same indicators.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from docx import Document

from tests.e2e_indicators import make as e2e

CATALOG = Path(__file__).resolve().parents[1] / "data" / "chi-tieu-khac.csv"
UNITS = [("tp-tam-ky", "THÀNH ỦY TAM KỲ", "Đảng bộ thành phố"), ("tp-hoi-an", "THÀNH ỦY HỘI AN", "Đảng bộ thành phố"),
         ("tx-dien-ban", "THỊ ỦY ĐIỆN BÀN", "Đảng bộ thị xã"), ("hoa-vang", "HUYỆN ỦY HÒA VANG", "Đảng bộ huyện"),
         ("dai-loc", "HUYỆN ỦY ĐẠI LỘC", "Đảng bộ huyện"), ("duy-xuyen", "HUYỆN ỦY DUY XUYÊN", "Đảng bộ huyện"),
         ("thang-binh", "HUYỆN ỦY THĂNG BÌNH", "Đảng bộ huyện"), ("que-son", "HUYỆN ỦY QUẾ SƠN", "Đảng bộ huyện"),
         ("nui-thanh", "HUYỆN ỦY NÚI THÀNH", "Đảng bộ huyện"), ("tien-phuoc", "HUYỆN ỦY TIÊN PHƯỚC", "Đảng bộ huyện"),
         ("nam-giang", "HUYỆN ỦY NAM GIANG", "Đảng bộ huyện")]

# id -> (names as units write them, unit, (target_raw, lower bound) options, value range, decimals)
KHAC = {
    "industry_value": (["Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp", "GTSX công nghiệp, TTCN (giá so sánh 2010)",
                        "Giá trị sản xuất CN-TTCN năm 2022", "Giá trị sản xuất ngành công nghiệp - TTCN"],
                       "tỷ đồng", [("12.000", 12000.0), ("9.500", 9500.0)], (6000.0, 13000.0), 0),
    "food_output": (["Sản lượng lương thực có hạt", "Tổng sản lượng lương thực cây có hạt bình quân/năm",
                     "Sản lượng lương thực hằng năm"], "tấn", [("52.000", 52000.0), ("45.000", 45000.0)],
                    (38000.0, 56000.0), 0),
    "tourist_arrivals": (["Tổng lượt khách du lịch", "Lượt khách tham quan, du lịch", "Khách du lịch đến địa bàn"],
                         "lượt khách", [("500.000", 500000.0), ("1.200.000", 1200000.0)], (300000.0, 1300000.0), 0),
    "retail_sales": (["Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Tổng mức bán lẻ hàng hóa, dịch vụ",
                      "Doanh thu bán lẻ hàng hóa và dịch vụ tiêu dùng xã hội"], "tỷ đồng",
                     [("8.000", 8000.0), ("6.500", 6500.0)], (4000.0, 9000.0), 0),
    "new_enterprises": (["Số doanh nghiệp thành lập mới", "Doanh nghiệp thành lập mới (lũy kế)",
                         "Số doanh nghiệp đăng ký thành lập mới"], "doanh nghiệp", [("400", 400.0), ("250", 250.0)],
                        (150.0, 450.0), 0),
    "cooperatives": (["Số hợp tác xã hoạt động hiệu quả", "HTX hoạt động có hiệu quả", "Hợp tác xã hoạt động khá, tốt"],
                     "hợp tác xã", [("30", 30.0), ("20", 20.0)], (10.0, 35.0), 0),
    "rural_roads": (["Tỷ lệ đường giao thông nông thôn được cứng hóa", "Cứng hóa đường GTNT",
                     "Tỷ lệ km đường giao thông nông thôn được bê tông hóa"], "%", [("95", 95.0), ("90", 90.0)],
                    (80.0, 99.0), 1),
    "malnutrition": (["Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "Trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi",
                      "Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ dưới 5 tuổi"], "%", [("dưới 15", 15.0), ("< 12", 12.0)],
                     (9.0, 16.0), 1),
    "poor_households": (["Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "Tỷ lệ hộ nghèo đa chiều cuối năm 2022",
                         "Hộ nghèo theo chuẩn đa chiều còn lại"], "%", [("dưới 2", 2.0), ("dưới 3", 3.0)], (1.0, 4.0), 2),
    "social_insurance": (["Tỷ lệ lực lượng lao động tham gia bảo hiểm xã hội", "Tỷ lệ lao động tham gia BHXH",
                          "Lực lượng lao động trong độ tuổi tham gia BHXH"], "%", [("35", 35.0), ("30", 30.0)],
                         (20.0, 38.0), 1),
    "kindergarten_enrolment": (["Tỷ lệ huy động trẻ mẫu giáo ra lớp", "Huy động trẻ em mẫu giáo đến trường",
                                "Tỷ lệ trẻ 3-5 tuổi đi học mẫu giáo"], "%", [("99", 99.0), ("98", 98.0)], (94.0, 99.9), 1),
    "cultural_villages": (["Tỷ lệ thôn đạt danh hiệu thôn văn hóa", "Thôn, khối phố văn hóa",
                           "Tỷ lệ thôn, tổ dân phố đạt chuẩn văn hóa"], "%", [("90", 90.0), ("85", 85.0)], (78.0, 95.0), 1),
    "commune_health": (["Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", "Xã đạt chuẩn quốc gia về y tế",
                        "Tỷ lệ xã, thị trấn đạt tiêu chí quốc gia về y tế xã"], "%", [("100", 100.0), ("95", 95.0)],
                       (80.0, 100.0), 1),
    "digital_records": (["Tỷ lệ dân số được quản lý bằng hồ sơ sức khỏe điện tử", "Hồ sơ sức khỏe điện tử",
                         "Dân số được lập hồ sơ quản lý sức khỏe điện tử"], "%", [("90", 90.0), ("80", 80.0)],
                        (60.0, 95.0), 1),
    "new_forest": (["Diện tích trồng rừng tập trung", "Trồng rừng tập trung hằng năm", "Diện tích rừng trồng mới tập trung"],
                   "ha", [("1.000", 1000.0), ("800", 800.0)], (500.0, 1200.0), 0),
    "urban_wastewater": (["Tỷ lệ nước thải đô thị được xử lý đạt quy chuẩn", "Nước thải sinh hoạt đô thị được xử lý",
                          "Tỷ lệ nước thải đô thị được thu gom, xử lý"], "%", [("50", 50.0), ("40", 40.0)], (25.0, 55.0), 1),
    "industrial_zones_env": (["Tỷ lệ khu công nghiệp có hệ thống xử lý nước thải tập trung",
                              "KCN, CCN có hệ thống xử lý nước thải tập trung",
                              "Khu, cụm công nghiệp có trạm xử lý nước thải tập trung"], "%", [("100", 100.0)],
                             (60.0, 100.0), 1),
    "safe_communes": (["Tỷ lệ xã đạt tiêu chuẩn an toàn về an ninh trật tự", "Xã, thị trấn đạt tiêu chuẩn an toàn về ANTT",
                       "Xã vững mạnh về an ninh, trật tự"], "%", [("80", 80.0), ("70", 70.0)], (60.0, 90.0), 1),
    "drug_free": (["Số xã không có ma túy", "Xã không có tệ nạn ma túy", "Số xã, thị trấn không có ma túy"], "xã",
                  [("10", 10.0), ("12", 12.0)], (5.0, 14.0), 0),
    "party_excellent": (["Tỷ lệ tổ chức đảng hoàn thành xuất sắc nhiệm vụ", "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ",
                         "TCCSĐ hoàn thành xuất sắc nhiệm vụ hằng năm"], "%", [("20", 20.0), ("trên 15", 15.0)],
                        (10.0, 25.0), 1),
    "cells_weak": (["Số chi bộ yếu kém được củng cố", "Chi bộ yếu kém được kiện toàn, củng cố",
                    "Củng cố chi bộ yếu kém, chi bộ còn hạn chế"], "chi bộ", [("15", 15.0), ("10", 10.0)], (4.0, 16.0), 0),
    "party_training": (["Số quần chúng ưu tú được bồi dưỡng nhận thức về Đảng", "Quần chúng ưu tú được học lớp nhận thức về Đảng",
                        "Bồi dưỡng lý luận chính trị cho quần chúng ưu tú"], "người",
                       [("2.000", 2000.0), ("1.500", 1500.0)], (900.0, 2300.0), 0),
}
DOWN = {"malnutrition", "poor_households", "cells_weak"}

OFF = [  # in neither catalog or only in the first: (name, unit, target_raw, target, value range, decimals)
    ("Tốc độ tăng trưởng kinh tế (GRDP) bình quân hằng năm", "%", "7 - 7,5", 7.0, (5.0, 9.0), 1),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "1.200", 1200.0, (700.0, 1900.0), 1),
    ("Số xã đạt chuẩn nông thôn mới", "xã", "14", 14.0, (7.0, 16.0), 0),
    ("Tỷ lệ lao động qua đào tạo", "%", "70", 70.0, (60.0, 82.0), 1),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "95", 95.0, (88.0, 98.0), 1),
    ("Tỷ lệ che phủ rừng", "%", "58", 58.0, (52.0, 64.0), 1),
    ("Kết nạp đảng viên mới", "đảng viên", "1.000", 1000.0, (350.0, 1100.0), 0),
    ("Tỷ lệ hộ sử dụng điện lưới quốc gia", "%", "99,5", 99.5, (98.0, 100.0), 1),
    ("Số km đường giao thông nông thôn được làm mới", "km", "120", 120.0, (80.0, 150.0), 1),
    ("Tỷ lệ tiêm chủng mở rộng cho trẻ em", "%", "98", 98.0, (95.0, 99.5), 1),
    ("Số thôn có nhà văn hóa đạt chuẩn", "thôn", "60", 60.0, (40.0, 70.0), 0),
    ("Số sản phẩm OCOP được công nhận", "sản phẩm", "40", 40.0, (15.0, 45.0), 0),
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", "98", 98.0, (92.0, 99.9), 1),
]


def make_item(rng: random.Random, cid: str | None, off=None) -> dict:
    """One true reading with consistent value, target and status (lower is better where the catalog says)."""
    item = e2e.make_item(rng, None, off if cid is None else (rng.choice(KHAC[cid][0]), KHAC[cid][1],
                                                               *rng.choice(KHAC[cid][2]), *KHAC[cid][3:]))
    item["id"] = cid
    if cid in DOWN:
        item["status"] = "dat" if item["value"] <= item["target"] else "chua_dat"
        item["estimate"] = None
    return item


def write_report(i: int, outdir: Path, name: str | None = None, edited: bool = False, seed: int = 0) -> dict:
    """One report of UNITS[i]; `edited` rewords the text around the indicators (same readings)."""
    rng = random.Random(5000 + i)
    uid, uname, kind = UNITS[i]
    items = [make_item(rng, c) for c in rng.sample(sorted(KHAC), rng.randint(7, 12))]
    items += [make_item(rng, None, o) for o in rng.sample(OFF, rng.randint(2, 4))]
    rng.shuffle(items)
    if edited:                               # the same indicators, written a little differently
        for it in items:
            it["name"] = it["name"].replace("Tỷ lệ", "Tỉ lệ").replace("hóa", "hoá")
    layout_rng = random.Random(9000 + i + seed)
    doc = Document()
    style = "styles" if i % 3 == 0 else "bold"
    e2e.front(doc, uname, kind, layout_rng)
    if edited:
        doc.add_paragraph("Báo cáo này thay thế báo cáo đã gửi trước đây, bổ sung số liệu và chỉnh sửa câu chữ.")
    e2e.part_one_top(doc, style, layout_rng)
    in_table = items if i % 3 != 2 else items[: len(items) // 2]
    in_prose = [it for it in items if it not in in_table]
    doc.add_paragraph("Kết quả thực hiện các chỉ tiêu chủ yếu như sau:" if not edited
                      else "Cập nhật kết quả thực hiện các chỉ tiêu chủ yếu đến thời điểm báo cáo:")
    e2e.render_table(doc, in_table, rng, "ABCD"[i % 4])
    for it in in_prose:
        doc.add_paragraph(e2e.sentence(it, rng))
    e2e.part_one_rest(doc, style, layout_rng)
    name = name or f"{i + 1:02d}-{uid}.docx"
    doc.save(outdir / name)
    truth = [{k: v for k, v in it.items() if k != "dec"} for it in items]
    return {"file": name, "unit": uid, "indicators": truth}


def build(outdir: Path) -> list[dict]:
    """Every unit's report into outdir; the truth, one entry per file."""
    outdir.mkdir(parents=True, exist_ok=True)
    return [write_report(i, outdir) for i in range(len(UNITS))]


def resubmit(i: int, outdir: Path) -> dict:
    """UNITS[i]'s report again, as '<unit>-bo-sung.docx' with edited wording and the same readings."""
    return write_report(i, outdir, name=f"{UNITS[i][0]}-bao-cao-bo-sung.docx", edited=True, seed=77)


def main(argv: list[str]) -> None:
    out = Path(argv[1] if len(argv) > 1 else "/tmp/khac")
    truth = build(out)
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {len(truth)} reports to {out}")


if __name__ == "__main__":
    main(sys.argv)

"""Indicator extraction from small tables and sentences built inline."""
from __future__ import annotations

from pathlib import Path

import pytest

from tonghop.aggregators.matching import build_matcher
from tonghop.indicators.clauses import clause_reading, clause_readings
from tonghop.indicators.extract import extract_indicators
from tonghop.indicators.tables import column_roles, header_role
from tonghop.model import Paragraph, Section, Status, Table
from tonghop.reference import load_catalog

SECOND = Path(__file__).parent / "data" / "chi-tieu-khac.csv"


def section(*, tables=(), paragraphs=(), id_="P1.III.1"):
    tabs = tuple(Table(rows=tuple(tuple(r) for r in t), index=10 + i) for i, t in enumerate(tables))
    paras = tuple(Paragraph(text=p, index=i) for i, p in enumerate(paragraphs))
    return Section(id=id_, heading=None, matched=True, score=1.0, paragraphs=paras, tables=tabs)


def by_id(values):
    return {v.id: v for v in values if v.id}


# ---------------------------------------------------------------- tables


def test_table_with_two_header_rows_merged_cells_and_group_rows(catalog, matcher):
    rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu NQ", "Kết quả thực hiện", "Kết quả thực hiện", "Đánh giá"],
        ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu NQ", "Đến 30/6/2023", "Ước TH năm 2023", "Đánh giá"],
        ["A", "CHỈ TIÊU VỀ KINH TẾ"] * 1 + ["CHỈ TIÊU VỀ KINH TẾ"] * 5,
        ["1", "Tốc độ tăng trưởng GRDP bình quân", "%", "7 - 7,5", "6,8", "7,1", "Chưa đạt"],
        ["2", "Thu NSNN trên địa bàn", "tỷ đồng", "1.200", "1.234,5", "1.300", "Đạt và vượt"],
        ["I", "VĂN HÓA - XÃ HỘI", "", "", "", "", ""],
        ["3", "Tỷ lệ lao động qua đào tạo", "%", "≥ 70", "72,3", "", ""],
    ]
    values = extract_indicators((section(tables=[rows]),), catalog, matcher)
    assert len(values) == 3
    got = by_id(values)
    g = got["grdp_growth"]
    assert (g.value, g.target, g.target_raw, g.estimate, g.unit) == (6.8, 7.0, "7 - 7,5", 7.1, "%")
    assert g.status is Status.CHUA_DAT and not g.status_derived
    assert g.value_raw == "6,8" and g.estimate_raw == "7,1"
    assert g.source.kind == "table" and g.source.section == "P1.III.1" and g.source.paragraph == 10
    assert "Tốc độ tăng trưởng GRDP" in g.source.text
    b = got["budget_revenue"]
    assert (b.value, b.target, b.status) == (1234.5, 1200.0, Status.VUOT)
    t = got["trained_labour"]
    assert t.status is Status.VUOT and t.status_derived        # above the floor "≥ 70"


def test_columns_found_by_header_words_in_any_order_without_status_column(catalog, matcher):
    rows = [
        ["Kết quả", "Chỉ tiêu ĐH", "Nội dung", "TT"],
        ["46,2%", "45%", "Tỷ lệ che phủ rừng", "1"],
        ["380", "≥ 400", "Số đảng viên mới kết nạp", "2"],
    ]
    values = by_id(extract_indicators((section(tables=[rows]),), catalog, matcher))
    f, n = values["forest_cover"], values["new_members"]
    assert (f.value, f.unit, f.target, f.status, f.status_derived) == (46.2, "%", 45.0, Status.VUOT, True)
    assert (n.value, n.target, n.status) == (380.0, 400.0, Status.CHUA_DAT)   # derived: a plain comparison


def test_comparison_column_holding_statuses_is_read_as_status():
    table = Table(rows=(("Chỉ tiêu", "Thực hiện", "So với NQ"), ("Tỷ lệ che phủ rừng", "46%", "Vượt"),
                        ("Tỷ lệ đô thị hóa", "30%", "Chưa đạt")), index=0)
    roles, body = column_roles(table)
    assert roles == {0: "name", 1: "value", 2: "status"} and body == 1


def test_column_number_row_is_skipped_and_pair_gives_target(catalog, matcher):
    rows = [["TT", "Tên chỉ tiêu", "Kết quả/Chỉ tiêu"], ["(1)", "(2)", "(3)"],
            ["1", "Tổng vốn đầu tư toàn xã hội", "45.799/36.875 tỷ đồng"]]
    (v,) = extract_indicators((section(tables=[rows]),), catalog, matcher)
    assert (v.id, v.value, v.target, v.target_raw, v.unit) == ("investment_total", 45799.0, 36875.0,
                                                                "36.875 tỷ đồng", "tỷ đồng")
    assert v.status is Status.VUOT and v.status_derived


def test_non_indicator_tables_are_ignored(catalog, matcher):
    header_block = [["HUYỆN ỦY HÒA VANG", "ĐẢNG CỘNG SẢN VIỆT NAM"], ["Số 12-BC/HU", "Hòa Vang, ngày 5 tháng 7 năm 2023"]]
    people = [["Họ và tên", "Chức vụ"], ["Nguyễn Văn A", "Bí thư"]]
    assert extract_indicators((section(tables=[header_block, people]),), catalog, matcher) == ()


def test_table_row_not_in_catalog_stays_unmatched_with_candidates(catalog, matcher):
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Thực hiện"], ["1", "Tỷ lệ hộ nghèo", "%", "< 2", "1,8"]]
    (v,) = extract_indicators((section(tables=[rows]),), catalog, matcher)
    assert v.id is None and v.candidates and v.candidates[0].id == "poverty_reduction"
    assert v.status is Status.VUOT and v.status_derived        # "< 2" makes the target a ceiling


@pytest.mark.parametrize("text, role", [("STT", "stt"), ("Chỉ tiêu", "name"), ("ĐVT", "unit"), ("Mục tiêu NQ", "target"),
                                        ("Thực hiện đến 30/6/2023", "value"), ("Ước TH năm 2023", "estimate"),
                                        ("Đánh giá", "status"), ("Chỉ tiêu ĐH", "target"), ("Kết quả", "value"),
                                        ("So sánh", "comparison"), ("Ghi chú", None)])
def test_header_roles(text, role):
    assert header_role(text) == role


# ---------------------------------------------------------------- prose


def test_prose_sentence_with_range_target_and_status(catalog, matcher):
    text = "Tốc độ tăng trưởng kinh tế bình quân đạt 6,8%/năm (NQ đề ra 7 - 7,5%), chưa đạt chỉ tiêu."
    (v,) = extract_indicators((section(paragraphs=[text]),), catalog, matcher)
    assert (v.id, v.value, v.unit, v.target, v.target_raw) == ("grdp_growth", 6.8, "%/năm", 7.0, "7 - 7,5%")
    assert v.status is Status.CHUA_DAT and not v.status_derived
    assert v.source.kind == "prose" and v.source.text == text and v.source.paragraph == 0


@pytest.mark.parametrize("text, expected", [
    ("Năm 2023, thu ngân sách nhà nước trên địa bàn ước đạt 1.234,5 tỷ đồng, vượt kế hoạch.",
     ("budget_revenue", 1234.5, None, Status.VUOT)),
    ("Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm, đạt mục tiêu Nghị quyết.",
     ("poverty_reduction", 1.5, None, Status.DAT)),
    ("Đến 30/6/2023, toàn huyện có 12 xã đạt chuẩn nông thôn mới (mục tiêu 15 xã), có khả năng đạt.",
     ("ntm_communes", 12.0, 15.0, Status.KHA_NANG_DAT)),
    ("Tỷ lệ dân số tham gia BHYT đạt trên 95% (chỉ tiêu ≥ 95%).",
     ("health_insurance", 95.0, 95.0, Status.DAT)),
    ("Thu nhập bình quân đầu người đạt 65 triệu đồng/người/năm, mục tiêu 70 triệu đồng.",
     ("grdp_per_capita", 65.0, 70.0, Status.CHUA_DAT)),
    ("Tỷ lệ lao động qua đào tạo: 72,5% (NQ: 70%), đạt và vượt.",
     ("trained_labour", 72.5, 70.0, Status.VUOT)),
])
def test_prose_variations(catalog, matcher, text, expected):
    values = by_id(extract_indicators((section(paragraphs=[text]),), catalog, matcher))
    v = values[expected[0]]
    assert (v.id, v.value, v.target, v.status) == expected


def test_several_indicators_in_one_paragraph(catalog, matcher):
    text = ("Tỷ lệ trường đạt chuẩn quốc gia là 85%; tỷ lệ gia đình văn hóa đạt 92,5% (chỉ tiêu ≥ 90%), "
            "vượt chỉ tiêu. Độ che phủ rừng đạt 46%.")
    got = by_id(extract_indicators((section(paragraphs=[text]),), catalog, matcher))
    assert set(got) == {"standard_schools", "cultural_families", "forest_cover"}
    assert got["cultural_families"].status is Status.VUOT


def test_count_of_total_summary_is_not_an_indicator(catalog, matcher):
    text = "Sau nửa nhiệm kỳ, có 37/50 mục tiêu đạt và vượt; 13 mục tiêu chưa đạt."
    assert extract_indicators((section(paragraphs=[text]),), catalog, matcher) == ()
    assert clause_reading("Có 37/50 mục tiêu đạt và vượt") is None


def test_sentences_without_a_reporting_verb_are_not_indicators():
    assert clause_reading("Năm 2023 là năm thứ ba thực hiện Nghị quyết Đại hội XX") is None
    assert clause_reading("Ban Thường vụ ban hành 15 chương trình, 20 kế hoạch") is None


def test_unmatched_prose_kept_only_in_indicator_section_with_evidence(catalog, matcher):
    text = "Tỷ lệ hộ cận nghèo còn 3,2% (mục tiêu dưới 4%), đạt chỉ tiêu."
    inside = extract_indicators((section(paragraphs=[text]),), catalog, matcher)
    elsewhere = extract_indicators((section(paragraphs=[text], id_="P1.V.1"),), catalog, matcher)
    assert [v.id for v in inside] == [None] and inside[0].candidates
    assert elsewhere == ()


def test_matched_prose_found_outside_the_indicator_section(catalog, matcher):
    text = "Tỷ lệ che phủ rừng đạt 46,2%."
    values = extract_indicators((section(paragraphs=[text], id_="P1.V.1"),), catalog, matcher)
    assert [v.id for v in values] == ["forest_cover"]
    assert values[0].status is None          # no target: nothing to derive from


def test_table_wins_over_prose_for_the_same_indicator(catalog, matcher):
    rows = [["Chỉ tiêu", "ĐVT", "Mục tiêu NQ", "Thực hiện"], ["Tỷ lệ che phủ rừng", "%", "45", "46,2"]]
    s1 = section(paragraphs=["Tỷ lệ che phủ rừng đạt 46,2% (mục tiêu 45%)."])
    s2 = section(tables=[rows], id_="P1.III.1")
    values = extract_indicators((s1, s2), catalog, matcher)
    assert [(v.id, v.source.kind) for v in values] == [("forest_cover", "table")]


def test_front_and_back_are_not_read_as_prose(catalog, matcher):
    text = "Tỷ lệ che phủ rừng đạt 46,2%."
    assert extract_indicators((section(paragraphs=[text], id_="front"),), catalog, matcher) == ()


def test_second_catalog(catalog):
    other = load_catalog(SECOND)
    matcher = build_matcher(other)
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Thực hiện", "Đánh giá"],
            ["1", "Sản lượng lương thực có hạt", "tấn", "52.000", "53.150", "Vượt"],
            ["2", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "< 18", "17,2", ""],
            ["3", "Tốc độ tăng trưởng GRDP bình quân", "%", "7", "6,8", ""]]
    values = extract_indicators((section(tables=[rows]),), other, matcher)
    assert [v.id for v in values] == ["food_output", "malnutrition", None]
    assert values[0].value == 53150.0 and values[0].status is Status.VUOT
    assert values[1].status is Status.VUOT and values[1].status_derived   # lower is better, under the ceiling


# ---------------------------------------------------------------- realistic layouts


def test_several_year_columns_latest_result_and_the_years_estimate(catalog, matcher):
    rows = [["TT", "Chỉ tiêu", "ĐVT", "NQ ĐH đề ra", "TH 2021", "TH 2022", "Ước 6 tháng 2023", "Ước cả năm 2023"],
            ["1", "Số xã đạt chuẩn NTM", "xã", "15", "9", "11", "11", "12"],
            ["2", "Thu nhập bình quân đầu người", "Triệu đồng", "65", "52,3", "58,6", "-", "61,2"]]
    got = by_id(extract_indicators((section(tables=[rows]),), catalog, matcher))
    assert (got["ntm_communes"].value, got["ntm_communes"].estimate) == (11.0, 12.0)
    assert (got["grdp_per_capita"].value, got["grdp_per_capita"].estimate) == (58.6, 61.2)


def test_year_only_headers_and_an_empty_latest_year(catalog, matcher):
    rows = [["Chỉ tiêu", "ĐVT", "NQ", "2021", "2022", "2023 (ước)"],
            ["Tốc độ tăng GRDP", "%", "7,5", "5,9", "8,1", "7,6"],
            ["Tỷ lệ che phủ rừng", "%", "45", "44,1", "-", "45,2"]]
    got = by_id(extract_indicators((section(tables=[rows]),), catalog, matcher))
    assert (got["grdp_growth"].value, got["grdp_growth"].target, got["grdp_growth"].estimate) == (8.1, 7.5, 7.6)
    assert got["forest_cover"].value == 44.1                 # the latest year that has a number


def test_resolution_target_before_the_years_plan(catalog, matcher):
    rows = [["Chỉ tiêu", "Kế hoạch năm 2023", "Chỉ tiêu NQ nhiệm kỳ", "Thực hiện năm 2022"],
            ["Kim ngạch xuất khẩu", "200", "250", "185"]]
    (v,) = extract_indicators((section(tables=[rows]),), catalog, matcher)
    assert (v.id, v.target, v.value) == ("export_value", 250.0, 185.0)


def test_target_stated_in_the_name_cell(catalog, matcher):
    rows = [["TT", "Chỉ tiêu Nghị quyết Đại hội", "Kết quả thực hiện đến 30/6/2023", "Đánh giá"],
            ["1", "Tỷ lệ che phủ rừng duy trì ổn định ở mức 45% trở lên", "46,2%", "Đạt"],
            ["2", "Hằng năm kết nạp từ 150 đảng viên trở lên", "162 đảng viên", "Vượt"]]
    got = by_id(extract_indicators((section(tables=[rows]),), catalog, matcher))
    assert (got["forest_cover"].value, got["forest_cover"].target) == (46.2, 45.0)
    assert (got["new_members"].value, got["new_members"].target, got["new_members"].status) == (162.0, 150.0, Status.VUOT)


def test_achieved_over_target_cell_and_status_inside_the_result(catalog, matcher):
    rows = [["Chỉ tiêu", "ĐVT", "Thực hiện/Chỉ tiêu NQ"], ["Kết nạp đảng viên mới", "Đảng viên", "312/500"]]
    (v,) = extract_indicators((section(tables=[rows]),), catalog, matcher)
    assert (v.value, v.target, v.status) == (312.0, 500.0, Status.CHUA_DAT)
    rows = [["Chỉ tiêu", "Nghị quyết", "Kết quả thực hiện"], ["Tỷ lệ che phủ rừng", "45%", "46,5% (Đạt)"]]
    (v,) = extract_indicators((section(tables=[rows]),), catalog, matcher)
    assert (v.value, v.target, v.status, v.status_derived) == (46.5, 45.0, Status.DAT, False)


def test_a_level_then_its_average_change(catalog, matcher):
    text = "Tỷ lệ hộ nghèo còn 2,1%, giảm bình quân 1,2%/năm, vượt chỉ tiêu NQ (giảm 1%/năm)."
    level, change = clause_readings(text)
    assert (level.value.value, level.target, change.alternative) == (2.1, None, True)   # the target is the change's
    v = by_id(extract_indicators((section(paragraphs=[text]),), catalog, matcher))["poverty_reduction"]
    assert (v.value, v.target, v.status) == (1.2, 1.0, Status.VUOT)


def test_change_of_a_matched_level_is_not_a_second_indicator(catalog, matcher):
    text = "GRDP bình quân đầu người đạt 68,5 triệu đồng, tăng bình quân 9%/năm."
    got = extract_indicators((section(paragraphs=[text]),), catalog, matcher)
    assert [v.id for v in got] == ["grdp_per_capita"]


def test_leading_quantities_and_enumerations(catalog, matcher):
    text = ("Toàn huyện có 18 xã đạt chuẩn nông thôn mới, 4 xã đạt chuẩn nông thôn mới nâng cao, "
            "1 xã đạt chuẩn nông thôn mới kiểu mẫu.")
    got = extract_indicators((section(paragraphs=[text]),), catalog, matcher)
    assert {v.id: v.value for v in got if v.id} == {"ntm_communes": 18.0, "ntm_advanced": 4.0}
    text = "100% Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội được đánh giá hoàn thành tốt nhiệm vụ."
    (v,) = extract_indicators((section(paragraphs=[text]),), catalog, matcher)
    assert (v.id, v.value) == ("mass_org_quality", 100.0)


def test_bare_share_after_a_count_and_a_completion_rate(catalog, matcher):
    (v,) = extract_indicators((section(paragraphs=["Có 12/15 xã đạt chuẩn nông thôn mới (NQ: 15 xã), đạt 80%."]),),
                              catalog, matcher)
    assert (v.id, v.value, v.target, v.status) == ("ntm_communes", 12.0, 15.0, Status.GAN_DAT)
    (v,) = extract_indicators((section(paragraphs=["Công tác giao quân hằng năm đạt 100% chỉ tiêu."]),), catalog, matcher)
    assert (v.id, v.value, v.status) == ("military_recruit", 100.0, Status.DAT)
    text = "Thu ngân sách trên địa bàn đạt 105% dự toán."            # a share, and revenue is not a rate
    assert extract_indicators((section(paragraphs=[text]),), catalog, matcher) == ()


def test_target_of_another_kind_and_status_words_of_the_target(catalog, matcher):
    text = "Thu ngân sách trên địa bàn 3 năm đạt 2.850 tỷ đồng, bình quân tăng 11,3%/năm (NQ: tăng bình quân 10%/năm)."
    (v,) = extract_indicators((section(paragraphs=[text]),), catalog, matcher)
    assert (v.id, v.value, v.target, v.status) == ("budget_revenue", 2850.0, None, None)
    (v,) = extract_indicators((section(paragraphs=["Tỷ lệ đô thị hóa ước đạt 38,2%, NQ đề ra đến năm 2025 đạt 40%."]),),
                              catalog, matcher)
    assert (v.target, v.status, v.status_derived) == (40.0, Status.CHUA_DAT, True)


def test_estimate_after_a_comma_and_a_status_in_its_own_clause(catalog, matcher):
    got = extract_indicators((section(paragraphs=[
        "Tỷ lệ đô thị hóa đạt 41,8% (Nghị quyết đề ra 45%), ước đến cuối nhiệm kỳ đạt 44,9%; có khả năng đạt."]),),
        catalog, matcher)
    (u,) = [g for g in got if g.id == "urbanization_rate"]
    assert (u.value, u.target, u.estimate, u.status) == (41.8, 45.0, 44.9, Status.KHA_NANG_DAT)


def test_a_plan_for_2025_is_not_the_estimate(catalog, matcher):
    got = extract_indicators((section(paragraphs=[
        "Tỷ lệ đô thị hóa đạt 41,8%, dự kiến đến năm 2025 đạt 45%."]),), catalog, matcher)
    (u,) = [g for g in got if g.id == "urbanization_rate"]
    assert u.value == 41.8 and u.estimate is None


def test_status_column_read_despite_group_rows_and_shares_in_its_cells(catalog, matcher):
    rows = [["STT", "Chỉ tiêu", "ĐVT", "NQ đề ra", "Đến 30/6/2023", "So với NQ"],
            ["A", "Các chỉ tiêu về kinh tế", "Các chỉ tiêu về kinh tế", "Các chỉ tiêu về kinh tế",
             "Các chỉ tiêu về kinh tế", "Các chỉ tiêu về kinh tế"],
            ["A. KINH TẾ"] * 6,
            ["1", "Tỷ lệ đô thị hóa", "%", "45", "41,8", "Đạt trên 80% chỉ tiêu"],
            ["2", "Tỷ lệ che phủ rừng", "%", "52", "51,2", "Có khả năng đạt"],
            ["3", "Số xã đạt chuẩn nông thôn mới", "xã", "12", "13", "Vượt"]]
    got = {g.id: g for g in extract_indicators((section(tables=[rows]),), catalog, matcher)}
    assert got["urbanization_rate"].status == Status.GAN_DAT and not got["urbanization_rate"].status_derived
    assert got["forest_cover"].status == Status.KHA_NANG_DAT and got["ntm_communes"].status == Status.VUOT

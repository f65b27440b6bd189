"""The independent labelled set (tests/data/chi-tieu-doc-lap.jsonl; issue 4's bars on it are asserted in
tests/test_indicator_realistic.py with the other set), and the failure classes it found, each shown on a small input
written here (other words than the set's)."""
from __future__ import annotations

import pytest

from bench.indicator_independent import DATA, evaluate
from bench.indicator_realistic import load_cases
from tonghop.indicators.extract import extract_indicators
from tonghop.indicators.numbers import find_quantities
from tonghop.model import Paragraph, Section, Status, Table
from tonghop.reference import load_catalog

STATUSES = {None, "vuot", "dat", "chua_dat", "kha_nang_dat", "gan_dat", "kho_dat"}


@pytest.fixture(scope="module")
def scores():
    return evaluate(DATA)


def read(catalog, matcher, *, paragraphs=(), tables=(), section_id="P1.III.1"):
    sec = Section(id=section_id, heading=None, matched=True, score=1.0,
                  paragraphs=tuple(Paragraph(text=p, index=i) for i, p in enumerate(paragraphs)),
                  tables=tuple(Table(rows=tuple(tuple(r) for r in t), index=i) for i, t in enumerate(tables)))
    return extract_indicators((sec,), catalog, matcher)


# ---------------------------------------------------------------- the set and its bars


def test_the_set_is_large_labelled_and_valid():
    ids = {e.id for e in load_catalog().entries}
    cases = load_cases(DATA)
    readings = [e for c in cases for e in c["expect"]]
    assert len(readings) >= 120 and sum(1 for e in readings if e["id"]) >= 100
    assert sum(1 for e in readings if e["id"] is None) >= 30
    for case in cases:
        for e in case["expect"]:
            assert e["id"] is None or e["id"] in ids, (case["case"], e)
            assert e["status"] in STATUSES, (case["case"], e)
            if case["kind"] == "table" and e.get("row") is not None:
                assert 0 < e["row"] < len(case["rows"])
            if case["kind"] == "prose":
                assert e["name"].casefold() in case["text"].casefold()


def test_lookalikes_and_future_targets_stay_unmatched(scores):
    assert scores.total.null_matched == 0
    for tag in ("layout:transposed", "var:two-sentences", "var:negative", "var:enumeration"):
        assert scores.tags[tag].found == scores.tags[tag].n, tag


# ---------------------------------------------------------------- failure classes, small inputs


def test_target_in_its_own_sentence_is_joined_to_the_result(catalog, matcher):
    text = ("Đối với chỉ tiêu tỷ lệ đô thị hóa: Nghị quyết Đại hội đề ra đến năm 2025 đạt 42%. "
            "Đến hết năm 2022, tỷ lệ đô thị hóa đạt 39,6%.")
    (v,) = read(catalog, matcher, paragraphs=[text])
    assert (v.id, v.value, v.target, v.status, v.status_derived) == (
        "urbanization_rate", 39.6, 42.0, Status.CHUA_DAT, True)


def test_pronoun_sentence_adds_target_and_status(catalog, matcher):
    text = "Tỷ lệ che phủ rừng đạt 61,2%. Đây là chỉ tiêu vượt so với Nghị quyết (60%)."
    (v,) = read(catalog, matcher, paragraphs=[text])
    assert (v.id, v.value, v.target, v.status) == ("forest_cover", 61.2, 60.0, Status.VUOT)


def test_sentences_that_state_targets_are_not_results(catalog, matcher):
    text = "Phấn đấu đến năm 2025, tỷ lệ lao động qua đào tạo đạt 75%; kết nạp 300 đảng viên mới."
    assert [v for v in read(catalog, matcher, paragraphs=[text], section_id="P2.I") if v.id] == []


def test_transposed_table_years_down_the_first_column(catalog, matcher):
    rows = [["Chỉ tiêu", "Tỷ lệ che phủ rừng (%)", "Kim ngạch xuất khẩu (triệu USD)"],
            ["Nghị quyết đề ra", "45", "80"],
            ["Năm 2021", "44,1", "61"],
            ["Năm 2022", "44,8", "70,5"]]
    got = {v.id: v for v in read(catalog, matcher, tables=[rows])}
    assert (got["forest_cover"].value, got["forest_cover"].target, got["forest_cover"].unit) == (44.8, 45.0, "%")
    assert (got["export_value"].value, got["export_value"].target) == (70.5, 80.0)


def test_share_of_the_years_plan_is_no_status(catalog, matcher):
    text = "Tổng vốn đầu tư toàn xã hội năm 2022 đạt 3.150 tỷ đồng, bằng 108% kế hoạch năm, tăng 9% so với cùng kỳ."
    (v,) = read(catalog, matcher, paragraphs=[text])
    assert (v.id, v.value, v.target, v.status) == ("investment_total", 3150.0, None, None)


def test_fall_of_a_growth_indicator_is_negative_growth(catalog, matcher):
    text = "Giá trị sản xuất nông, lâm, thủy sản năm 2022 giảm 1,8% do dịch bệnh, NQ đề ra tăng bình quân 3%/năm."
    (v,) = read(catalog, matcher, paragraphs=[text])
    assert (v.id, v.value, v.target, v.status) == ("agri_growth", -1.8, 3.0, Status.CHUA_DAT)


def test_list_of_rates_after_a_colon_without_verbs(catalog, matcher):
    text = "Về y tế, giáo dục: tỷ lệ trường đạt chuẩn quốc gia 71,4%; tỷ lệ bao phủ bảo hiểm y tế 93,2%."
    got = {v.id: v.value for v in read(catalog, matcher, paragraphs=[text])}
    assert got == {"standard_schools": 71.4, "health_insurance": 93.2}


def test_action_with_counted_noun_and_share_of_quota(catalog, matcher):
    (v,) = read(catalog, matcher, paragraphs=["Sau 3 năm đã kết nạp 402 đảng viên mới, đạt 67% chỉ tiêu nhiệm kỳ."])
    assert (v.id, v.value, v.status) == ("new_members", 402.0, Status.CHUA_DAT)


def test_second_named_indicator_after_a_comma_shares_the_status(catalog, matcher):
    text = ("Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa đạt 90,4%, tỷ lệ dân số tham gia bảo hiểm y tế "
            "đạt 94,6%, đều đạt chỉ tiêu Nghị quyết.")
    got = {v.id: (v.value, v.status) for v in read(catalog, matcher, paragraphs=[text])}
    assert got == {"cultural_families": (90.4, Status.DAT), "health_insurance": (94.6, Status.DAT)}


def test_yearly_average_after_a_total_for_a_yearly_indicator(catalog, matcher):
    text = "Tạo việc làm mới cho 4.100 lao động trong 3 năm, bình quân 1.367 lao động/năm."
    (v,) = read(catalog, matcher, paragraphs=[text])
    assert (v.id, v.value) == ("new_jobs", 1367.0)


def test_counts_are_no_value_of_a_percentage_indicator(catalog, matcher):
    rows = [["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Kết quả", "Đánh giá"],
            ["1", "Kéo giảm tai nạn giao thông trên cả 3 tiêu chí", "%", "Giảm 3 tiêu chí", "Giảm 2 tiêu chí",
             "Chưa đạt"]]
    (v,) = read(catalog, matcher, tables=[rows])
    assert (v.id, v.value, v.target, v.status) == ("crime_reduction", None, None, Status.CHUA_DAT)


def test_projection_to_the_end_of_term_is_no_estimate(catalog, matcher):
    text = "Tỷ lệ lao động qua đào tạo đạt 66%, dự kiến đến năm 2025 đạt 70%, bằng mục tiêu Nghị quyết."
    (v,) = read(catalog, matcher, paragraphs=[text])
    assert (v.id, v.value, v.estimate) == ("trained_labour", 66.0, None)


@pytest.mark.parametrize("text, expected", [
    ("Số bác sĩ trên 1 vạn dân đạt 9,4", [9.4]),
    ("đạt 27 giường bệnh/1 vạn dân", [27.0]),
    ("(Nghị quyết: 38 - 40%)", [38.0]),
    ("theo Nghị quyết 43 của Tỉnh ủy", []),
])
def test_population_denominators_and_targets_after_a_colon(text, expected):
    assert [q.value for q in find_quantities(text)] == expected


def test_lookalike_party_rating_stays_unmatched(catalog, matcher):
    rows = [["TT", "Chỉ tiêu", "Mục tiêu", "Kết quả"],
            ["1", "Tỷ lệ chi bộ đạt trong sạch, vững mạnh", "80%", "84%"],
            ["2", "Kim ngạch XK hàng hóa", "50 triệu USD", "43 triệu USD"]]
    got = [v.id for v in read(catalog, matcher, tables=[rows])]
    assert got == [None, "export_value"]

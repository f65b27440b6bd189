"""Matching indicator names to a catalog: variations match, non-catalog names stay unmatched."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonghop.aggregators.matching import MATCH_THRESHOLD, build_matcher, match_name, match_names, name_key, unit_class
from tonghop.aggregators.syllables import is_syllable
from tonghop.model import Catalog, CatalogEntry
from tonghop.parsers.normalize import strip_diacritics
from tonghop.reference import ReferenceDataError, load_abbreviations, load_catalog

SECOND = Path(__file__).parent / "data" / "chi-tieu-khac.csv"


def entry(id_, ten, dvt="%", huong="tang", aliases=()):
    return CatalogEntry(id=id_, ten=ten, dvt=dvt, nhom="", huong=huong, tong_hop="trung_binh", bi_danh=tuple(aliases))


@pytest.fixture(scope="module")
def shipped():
    return build_matcher(load_catalog())


@pytest.fixture(scope="module")
def second():
    return build_matcher(load_catalog(SECOND))


@pytest.mark.parametrize("name, unit, expected", [
    ("Tốc độ tăng trưởng kinh tế (GRDP) bình quân hằng năm", "%", "grdp_growth"),      # exact
    ("Tốc độ tăng trưởng GRDP bình quân", None, "grdp_growth"),                          # abbreviation
    ("Thu NSNN trên địa bàn", "tỷ đồng", "budget_revenue"),
    ("Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ trở lên", "%", "party_org_quality"),
    ("Tỷ lệ ĐV hoàn thành tốt nhiệm vụ", "%", "member_quality"),
    ("Xã đạt chuẩn NTM", "xã", "ntm_communes"),
    ("Tỷ lệ người dân tham gia BHYT", "%", "health_insurance"),
    ("Tỉ lệ đô thị hoá", "%", "urbanization_rate"),                                       # old spelling
    ("Che phủ rừng (tỷ lệ)", None, "forest_cover"),                                      # reordered
    ("Tỷ lệ lao động qua đào tọa", "%", "trained_labour"),                               # typo
    ("Ty le dan so tham gia bao hiem y te", None, "health_insurance"),                   # no diacritics
    ("TCCSD hoan thanh tot nhiem vu", "%", "party_org_quality"),                          # plain abbreviation
    ("2.1. SỐ GIƯỜNG BỆNH/VẠN DÂN", None, "hospital_beds"),                               # label, capitals
    (unicodedata.normalize("NFD", "Số bác sĩ trên một vạn dân"), None, "doctors"),        # decomposed
    ("Kim ngạch xuất khẩu (triệu USD)", None, "export_value"),                            # unit in the name
    ("Chỉ tiêu kết nạp đảng viên mới đến năm 2025", "đảng viên", "new_members"),         # extra words
])
def test_variations_match(shipped, name, unit, expected):
    result = match_name(shipped, name, unit)
    assert result.id == expected, result
    assert MATCH_THRESHOLD <= result.score <= 1.0
    assert result.candidates[0].id == expected


@pytest.mark.parametrize("name, unit", [
    ("Tỷ lệ hộ nghèo", "%"),                                 # a level, the catalog has the reduction
    ("Tỷ lệ hộ cận nghèo", "%"),
    ("Số xã đạt chuẩn nông thôn mới kiểu mẫu", "xã"),
    ("Số thôn đạt chuẩn nông thôn mới", "thôn"),
    ("Tỷ lệ dân cư đô thị sử dụng nước sạch", "%"),           # đô thị vs nông thôn
    ("Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ", "%"),
    ("Tỷ lệ trường mầm non đạt chuẩn quốc gia", "%"),
    ("Tỷ lệ dân số tham gia bảo hiểm xã hội", "%"),
    ("Kim ngạch nhập khẩu", "triệu USD"),
    ("Số bác sĩ", "người"),                                   # a count, the catalog has per 10,000 people
    ("Tốc độ tăng trưởng ngành dịch vụ", "%"),
    ("Tổng sản lượng lương thực", "tấn"),
    ("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "%"),
])
def test_non_catalog_names_stay_unmatched(shipped, name, unit):
    result = match_name(shipped, name, unit)
    assert result.id is None, result
    assert result.candidates, "candidates are kept for the review sheet"
    assert len(result.candidates) <= 3


def test_trap_keeps_nearest_candidate_for_review(shipped):
    result = match_name(shipped, "Tỷ lệ hộ nghèo", "%")
    assert result.id is None
    assert result.candidates[0].id == "poverty_reduction"
    assert result.candidates[0].score < MATCH_THRESHOLD


def test_unit_disagreement_is_evidence_against(shipped):
    name = "Tỷ lệ lao động được giải quyết việc làm"
    agreeing, disagreeing = match_names(shipped, [name, name], [None, "tỷ đồng"])
    assert disagreeing.candidates[0].score < agreeing.candidates[0].score


def test_second_catalog_matches_its_own_names_and_not_the_first(second):
    names = ["GTSX CN-TTCN", "Tỷ lệ hộ nghèo đa chiều", "Tỷ lệ tham gia BHXH", "Số DN thành lập mới",
             "Ty le tre em duoi 5 tuoi suy dinh duong the thap coi",
             "Tỷ lệ dân số tham gia bảo hiểm y tế", "Tỷ lệ giảm hộ nghèo bình quân hằng năm",
             "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ"]
    ids = [r.id for r in match_names(second, names, [None] * len(names))]
    assert ids == ["industry_value", "poor_households", "social_insurance", "new_enterprises", "malnutrition",
                   None, None, None]


def test_batch_equals_one_by_one(shipped):
    names = ["Tỷ lệ che phủ rừng", "Tỷ lệ hộ nghèo", "Thu ngân sách trên địa bàn", "Tỷ lệ che phủ rừng"]
    batch = match_names(shipped, names, ["%", "%", None, "%"])
    single = [match_name(shipped, n, u) for n, u in zip(names, ["%", "%", None, "%"])]
    assert batch == single


def test_empty_and_mismatched_inputs(shipped):
    assert match_names(shipped, [], []) == []
    with pytest.raises(ValueError):
        match_names(shipped, ["a"], [None, None])


def test_user_abbreviations_extend_matching(tmp_path):
    catalog = Catalog(entries=(entry("pci", "Chỉ số năng lực cạnh tranh cấp huyện", "điểm"),
                               entry("forest", "Tỷ lệ che phủ rừng")))
    path = tmp_path / "viet-tat.csv"
    path.write_text("viet_tat,day_du\nDDCI,chỉ số năng lực cạnh tranh cấp huyện\n", encoding="utf-8")
    without = build_matcher(catalog, abbreviations={})
    with_file = build_matcher(catalog, abbreviations=load_abbreviations(path))
    assert match_name(without, "DDCI").id is None
    assert match_name(with_file, "DDCI").id == "pci"


def test_bad_abbreviation_file(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("short,long\nA,b\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=" / "):
        load_abbreviations(path)


def test_shipped_abbreviations_are_read():
    table = load_abbreviations()
    assert table["grdp"] == "tổng sản phẩm trên địa bàn"
    assert table["tccsđ"] == "tổ chức cơ sở đảng"
    assert table["cn-ttcn"] == "công nghiệp - tiểu thủ công nghiệp"


def test_name_key_drops_labels_units_and_fillers_consistently():
    table = ()
    assert name_key("1. Tỷ lệ che phủ rừng (%)", table) == name_key("tỷ lệ che phủ rừng", table)
    assert name_key("Tỉ lệ đô thị hoá", table) == name_key("Tỷ lệ đô thị hóa", table)


@pytest.mark.parametrize("unit, kind", [
    ("%", "percent"), ("%/năm", "percent"), ("tỷ đồng", "money"), ("triệu USD", "money"),
    ("triệu đồng/người/năm", "money_per_person"), ("giường/vạn dân", "per_pop:giường"),
    ("bác sĩ/vạn dân", "per_pop:bác sĩ"), ("xã", "count:xã"), ("đảng viên", "count:người"), (None, None),
])
def test_unit_class(unit, kind):
    assert unit_class(unit) == kind


@pytest.mark.parametrize("word, ok", [("giường", True), ("nghiêng", True), ("khuỷu", True), ("nghieng", True),
                                      ("nââng", False), ("tthôn", False), ("xutấ", False), ("hểim", False)])
def test_is_syllable(word, ok):
    assert is_syllable(word) is ok


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(load_catalog().entries), st.sampled_from(["upper", "lower", "plain", "nfd", "label"]))
def test_catalog_names_match_themselves_in_any_dress(e, dress):
    matcher = _cached_shipped()
    name = {"upper": e.ten.upper(), "lower": e.ten.lower(), "plain": strip_diacritics(e.ten),
            "nfd": unicodedata.normalize("NFD", e.ten), "label": f"3. {e.ten}"}[dress]
    assert match_name(matcher, name, e.dvt).id == e.id


_MATCHER = []


def _cached_shipped():
    if not _MATCHER:
        _MATCHER.append(build_matcher(load_catalog()))
    return _MATCHER[0]

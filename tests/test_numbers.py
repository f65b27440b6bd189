"""Reading Vietnamese numbers and quantities: single tokens, cells, and every quantity in a sentence."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tonghop.indicators.numbers import Quantity, find_quantities, format_number, parse_number, parse_quantity
from tonghop.indicators.quantity_words import read_unit


@pytest.mark.parametrize("text, expected", [
    ("1.234,5", 1234.5), ("12.500", 12500.0), ("0,5", 0.5), ("1.250.000", 1250000.0),
    ("2,5", 2.5), ("1,234", 1.234), ("1.5", 1.5), ("7.2", 7.2), ("7", 7.0), ("100", 100.0),
    ("0.500", 0.5), ("1234.567", 1234.567), ("1,234.5", 1234.5), ("1,250,000", 1250000.0),
    ("-2,5", -2.5), ("+3", 3.0), ("1 250 000", 1250000.0), ("45.799", 45799.0), (" 6,8 ", 6.8),
    ("12.5000", 12.5), ("1\u00a0234,5", 1234.5),
])
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "x", "-", "30.6.2023", "1.234.5", "1.23.456", "7,5,8", "abc",
                                  "12%", "1,2.3,4"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 4))
def test_format_then_parse_round_trips(x, decimals):
    text = format_number(x, decimals)
    assert parse_number(text) == pytest.approx(round(x, decimals), abs=10 ** -decimals)


@given(st.integers(0, 10**12))
def test_integers_with_thousand_dots_round_trip(n):
    assert parse_number(format_number(n, 0)) == n


@given(st.integers(0, 10**9), st.integers(1, 99))
def test_vietnamese_decimal_round_trips(whole, cents):
    text = f"{format_number(whole, 0)},{cents:02d}"
    assert parse_number(text) == pytest.approx(whole + cents / 100)


def test_format_number():
    assert format_number(1234.5) == "1.234,5"
    assert format_number(1250000, 0) == "1.250.000"
    assert format_number(-0.0001, 2) == "0" or format_number(-0.0001, 2) == "-0,00"
    assert format_number(6.8) == "6,8"


def _q(text):
    q = parse_quantity(text)
    assert q is not None, text
    assert q.raw == text[q.start:q.end]
    return q


@pytest.mark.parametrize("cell, value, upper, second, unit, comparator, kind, direction", [
    ("7 - 7,5%", 7, 7.5, None, "%", None, "range", None),
    ("7-7,5%", 7, 7.5, None, "%", None, "range", None),
    ("từ 7 đến 7,5", 7, 7.5, None, None, None, "range", None),
    ("7 ÷ 7,5", 7, 7.5, None, None, None, "range", None),
    ("7,0 – 7,5 %", 7, 7.5, None, "%", None, "range", None),
    ("≥ 95", 95, None, None, None, ">=", "number", None),
    (">= 95%", 95, None, None, "%", ">=", "number", None),
    ("trên 90", 90, None, None, None, ">", "number", None),
    ("ít nhất 1.200", 1200, None, None, None, ">=", "number", None),
    ("tối thiểu 80%", 80, None, None, "%", ">=", "number", None),
    ("không dưới 85%", 85, None, None, "%", ">=", "number", None),
    ("dưới 2%", 2, None, None, "%", "<", "number", None),
    ("tối đa 3%", 3, None, None, "%", "<=", "number", None),
    ("không quá 1,5%", 1.5, None, None, "%", "<=", "number", None),
    ("≤ 1,5%", 1.5, None, None, "%", "<=", "number", None),
    ("95% trở lên", 95, None, None, "%", ">=", "number", None),
    ("từ 95% trở lên", 95, None, None, "%", ">=", "number", None),
    ("giảm 1,5%/năm", 1.5, None, None, "%/năm", None, "change", "giam"),
    ("Giảm 1,5 % / năm", 1.5, None, None, "%/năm", None, "change", "giam"),
    ("tăng 12%", 12, None, None, "%", None, "change", "tang"),
    ("tăng bình quân 7%/năm", 7, None, None, "%/năm", None, "change", "tang"),
    ("giảm còn 2,1%", 2.1, None, None, "%", None, "number", "giam"),
    ("gấp 1,5 lần", 1.5, None, None, "lần", None, "multiplier", None),
    ("tăng gấp 2 lần", 2, None, None, "lần", None, "multiplier", "tang"),
    ("gấp đôi", 2, None, None, "lần", None, "multiplier", None),
    ("45.799/36.875 tỷ đồng", 45799, None, 36875, "tỷ đồng", None, "pair", None),
    ("83,2%/50%", 83.2, None, 50, "%", None, "pair", None),
    ("37/50 mục tiêu", 37, None, 50, "mục tiêu", None, "count_of_total", None),
    ("12/19 tiêu chí", 12, None, 19, "tiêu chí", None, "count_of_total", None),
    ("15/15 xã", 15, None, 15, "xã", None, "count_of_total", None),
    ("1.250/1.000 đảng viên", 1250, None, 1000, "đảng viên", None, "pair", None),
    ("7,2%", 7.2, None, None, "%", None, "number", None),
    ("6,8", 6.8, None, None, None, None, "number", None),
    ("2023", 2023, None, None, None, None, "number", None),
    ("-2,5", -2.5, None, None, None, None, "number", None),
    ("âm 2,5%", -2.5, None, None, "%", None, "number", None),
    ("65 triệu đồng/người/năm", 65, None, None, "triệu đồng/người/năm", None, "number", None),
    ("3.500 USD/người/năm", 3500, None, None, "USD/người/năm", None, "number", None),
    ("25 giường/vạn dân", 25, None, None, "giường/vạn dân", None, "number", None),
    ("12 bác sĩ / vạn dân", 12, None, None, "bác sĩ/vạn dân", None, "number", None),
    ("1,2 nghìn tỷ đồng", 1.2, None, None, "nghìn tỷ đồng", None, "number", None),
    ("55 trđ/người", 55, None, None, "triệu đồng/người", None, "number", None),
    ("120 triệu USD", 120, None, None, "triệu USD", None, "number", None),
    ("1.500 tỉ đồng", 1500, None, None, "tỷ đồng", None, "number", None),
    ("10ha", 10, None, None, "ha", None, "number", None),
    ("tang 12%", 12, None, None, "%", None, "change", "tang"),
    ("giam 1,5%/nam", 1.5, None, None, "%/năm", None, "change", "giam"),
    ("45.799/36.875 ty dong", 45799, None, 36875, "tỷ đồng", None, "pair", None),
    ("tren 90%", 90, None, None, "%", ">", "number", None),
])
def test_parse_quantity_cells(cell, value, upper, second, unit, comparator, kind, direction):
    q = _q(cell)
    assert (q.value, q.upper, q.second, q.unit, q.comparator, q.kind, q.direction) == \
        (pytest.approx(value), upper and pytest.approx(upper), second and pytest.approx(second),
         unit, comparator, kind, direction)


@pytest.mark.parametrize("cell", ["", "-", "x", "Đạt", "Chưa đạt", "—", "không có", "năm 2023",
                                  "30/6/2023", "Nghị quyết số 43-NQ/TW"])
def test_parse_quantity_none(cell):
    assert parse_quantity(cell) is None


def _summary(text):
    return [(q.raw, q.value, q.kind) for q in find_quantities(text)]


def test_issue_sentence():
    text = "Tốc độ tăng trưởng kinh tế bình quân đạt 6,8%/năm (NQ đề ra 7 - 7,5%), chưa đạt chỉ tiêu."
    first, second = find_quantities(text)
    assert (first.raw, first.value, first.unit, first.kind) == ("6,8%/năm", 6.8, "%/năm", "number")
    assert (second.raw, second.value, second.upper, second.unit, second.kind) == \
        ("7 - 7,5%", 7.0, 7.5, "%", "range")
    assert text[second.start:second.end] == "7 - 7,5%"


@pytest.mark.parametrize("text", [
    "năm 2023", "Thực hiện đến 30/6/2023", "giai đoạn 2020 - 2025", "nhiệm kỳ 2020-2025",
    "Nghị quyết số 43-NQ/TW", "Đại hội Đảng bộ tỉnh khóa XIV", "6 tháng đầu năm 2023",
    "Quyết định số 1234/QĐ-UBND ngày 15/3/2021", "Nghị định 100/2019/NĐ-CP", "đến tháng 6/2023",
    "sau 3 năm triển khai", "Đại hội lần thứ 15", "dịch Covid-19", "Kế hoạch 56 của Ban Thường vụ",
    "1. Kết quả thực hiện các chỉ tiêu", "2.1. Về kinh tế", "đến 2025", "năm 2021, 2022 và 2023",
    "tính đến ngày 30/6", "quý II/2023", "Chỉ thị 05-CT/TW", "mạng 5G", "Quốc lộ 1A", "thôn 3",
    "theo Điều 5", "(1)",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Đến nay, có 37/50 mục tiêu đạt và vượt, 13/50 mục tiêu chưa đạt.",
     [("37/50 mục tiêu", 37, "count_of_total"), ("13/50 mục tiêu", 13, "count_of_total")]),
    ("Thu ngân sách đạt 45.799/36.875 tỷ đồng, vượt 24,2%.",
     [("45.799/36.875 tỷ đồng", 45799, "pair"), ("vượt 24,2%", 24.2, "change")]),
    ("Năm 2023, GRDP bình quân đầu người đạt 65,5 triệu đồng/người/năm, gấp 1,5 lần năm 2020.",
     [("65,5 triệu đồng/người/năm", 65.5, "number"), ("gấp 1,5 lần", 1.5, "multiplier")]),
    ("Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm, còn 2,1% (NQ: giảm 1 - 1,5%/năm).",
     [("giảm bình quân 1,5%/năm", 1.5, "change"), ("2,1%", 2.1, "number"),
      ("giảm 1 - 1,5%/năm", 1, "range")]),
    ("Tỷ lệ bao phủ BHYT đạt 92,5% (chỉ tiêu ≥ 95%).",
     [("92,5%", 92.5, "number"), ("≥ 95%", 95, "number")]),
    ("Kết nạp 1.250 đảng viên mới, đạt 104% kế hoạch.",
     [("1.250 đảng viên", 1250, "number"), ("104%", 104, "number")]),
    ("Trong 6 tháng đầu năm 2023 thu ngân sách 1.234,5 tỷ đồng, tăng 12% so với cùng kỳ.",
     [("1.234,5 tỷ đồng", 1234.5, "number"), ("tăng 12%", 12, "change")]),
    ("Có 12 xã đạt chuẩn nông thôn mới (đạt 12/15 xã, đạt 80%).",
     [("12 xã", 12, "number"), ("12/15 xã", 12, "count_of_total"), ("80%", 80, "number")]),
    ("Số giường bệnh đạt 28,5 giường/vạn dân; số bác sĩ đạt 9 bác sĩ/vạn dân.",
     [("28,5 giường/vạn dân", 28.5, "number"), ("9 bác sĩ/vạn dân", 9, "number")]),
    ("Tỷ lệ lao động qua đào tạo đạt trên 70%, NQ đề ra từ 70 đến 75%.",
     [("trên 70%", 70, "number"), ("từ 70 đến 75%", 70, "range")]),
])
def test_find_quantities_in_sentences(text, expected):
    found = find_quantities(text)
    assert [(q.raw, q.value, q.kind) for q in found] == \
        [(raw, pytest.approx(v), k) for raw, v, k in expected]
    for q in found:
        assert text[q.start:q.end] == q.raw


def test_spans_ordered_and_disjoint():
    text = "Đạt 7,2%, tăng 1,5%; thu 45.799/36.875 tỷ đồng; 37/50 chỉ tiêu; gấp đôi; ≥ 95%."
    found = find_quantities(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_giam_range_keeps_direction():
    (q,) = find_quantities("giảm 1 - 1,5%/năm")
    assert (q.kind, q.direction, q.value, q.upper, q.unit) == ("range", "giam", 1, 1.5, "%/năm")


def test_read_unit():
    assert read_unit("  tỷ đồng trở lên") == ("tỷ đồng", 9)
    assert read_unit("% / năm") == ("%/năm", 7)
    assert read_unit("USD/người/năm") == ("USD/người/năm", 13)
    assert read_unit("lao động") == ("lao động", 8)
    assert read_unit(" xã hội")[0] is None
    assert read_unit("của") == (None, 0)


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False), st.integers(0, 3),
       st.sampled_from(["%", "tỷ đồng", "triệu đồng/người/năm", "xã", "USD/người/năm", "người"]))
def test_quantity_in_a_sentence_round_trips(x, decimals, unit):
    text = f"Chỉ tiêu này đạt {format_number(x, decimals)} {unit}, theo báo cáo."
    found = find_quantities(text)
    assert len(found) == 1
    q = found[0]
    assert q.unit == unit
    assert q.value == pytest.approx(round(x, decimals), abs=10 ** -decimals)
    assert q.raw == text[q.start:q.end]


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False),
       st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_ranges_round_trip(a, b):
    lo, hi = sorted((round(a, 1), round(b, 1)))
    q = parse_quantity(f"{format_number(lo, 1)} - {format_number(hi, 1)}%")
    assert (q.kind, q.unit) == ("range", "%")
    assert math.isclose(q.value, lo, abs_tol=1e-9) and math.isclose(q.upper, hi, abs_tol=1e-9)


def test_quantity_is_frozen():
    q = Quantity(raw="1", value=1.0)
    with pytest.raises(AttributeError):
        q.value = 2.0


@pytest.mark.parametrize("text, expected", [
    ("Đến ngày 30/6/2023, tỷ lệ đạt 96,5%; dự ước cả năm 2023 đạt 97%.", [96.5, 97]),
    ("Thực hiện đến 30/6/2023: 1.234,5 tỷ đồng.", [1234.5]),
    ("Đến tháng 6/2023, 12 xã đạt chuẩn.", [12]),
    ("Giai đoạn 2021-2025, bình quân tăng 7%/năm.", [7]),
    ("Chỉ tiêu NQ: 85.000 trở lên tấn.", [85000]),
])
def test_dates_and_years_before_punctuation_are_skipped(text, expected):
    assert [q.value for q in find_quantities(text)] == [pytest.approx(v) for v in expected]


def test_unit_after_tro_len():
    q = parse_quantity("85.000 trở lên tấn")
    assert (q.value, q.comparator, q.unit) == (85000, ">=", "tấn")


def test_summary_counts_are_told_apart_from_indicator_counts():
    summary, communes = find_quantities("có 37/50 chỉ tiêu đạt và vượt; 12/15 xã đạt chuẩn NTM")
    assert summary.kind == communes.kind == "count_of_total"
    assert summary.is_summary and not communes.is_summary
    assert not parse_quantity("45.799/36.875 tỷ đồng").is_summary


@pytest.mark.parametrize("text, raw, unit", [
    ("Thu ngân sách đạt 1.200 ty dong trên địa bàn", "1.200 ty dong", "tỷ đồng"),
    ("Kết nạp 1.200 ĐV mới", "1.200 ĐV", "đảng viên"),
    ("giải quyết việc làm cho 3.500 LĐ", "3.500 LĐ", "lao động"),
    ("thành lập 125 DN", "125 DN", "doanh nghiệp"),
    ("Vốn đầu tư toàn xã hội đạt 12 nghìn tỷ đồng", "12 nghìn tỷ đồng", "nghìn tỷ đồng"),
    ("năng suất 62,5 tạ/ha", "62,5 tạ/ha", "tạ/ha"),
    ("đón 1.500 nghìn lượt khách", "1.500 nghìn lượt khách", "nghìn lượt khách"),
    ("trồng 1.200 ha/năm", "1.200 ha/năm", "ha/năm"),
])
def test_units_as_written(text, raw, unit):
    (q,) = find_quantities(text)
    assert (q.raw, q.unit) == (raw, unit)


@pytest.mark.parametrize("text", ["Vốn đầu tư toàn xã hội tăng", "trẻ em dưới 5 tuổi suy dinh dưỡng",
                                  "Đại hội Đảng bộ huyện lần thứ XXII", "Nghị quyết 30a"])
def test_name_parts_are_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Tuổi thọ trung bình đạt 74,5 tuổi.", [("74,5 tuổi", "tuổi")]),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn 8,5%.", [("giảm còn 8,5%", "%")]),
    ("Người từ 60 tuổi trở lên được chăm sóc sức khỏe.", []),
    ("Thanh niên từ 18 đến 25 tuổi tham gia nghĩa vụ.", []),
    ("Thanh niên trong độ tuổi 18 - 25 tuổi đạt 95%.", [("95%", "%")]),
])
def test_ages(text, expected):
    assert [(q.raw, q.unit) for q in find_quantities(text)] == expected


_PIECES = st.sampled_from([
    "đạt", "tăng", "giảm", "còn", "gấp", "lần", "trên", "dưới", "từ", "đến", "trở lên", "năm", "tháng",
    "ngày", "xã", "hội", "tỷ đồng", "%", "/", "-", "–", "(", ")", ",", ".", ";", ":", "≥", "NQ", "KH/TU",
    "chỉ tiêu", "người", "vạn dân", "USD", "khoảng", "số", "Nghị quyết", "\u00a0", " ", "tuổi", "trẻ em",
])
_NUMBERS = st.builds(format_number, st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
                     st.integers(0, 3)) | st.integers(0, 2100).map(str)


@given(st.lists(_PIECES | _NUMBERS, max_size=25).map(" ".join))
def test_find_quantities_on_any_text_gives_valid_disjoint_spans(text):
    found = find_quantities(text)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.raw == text[q.start:q.end]
        assert q.value is not None and math.isfinite(q.value)
        assert q.kind in {"number", "range", "pair", "count_of_total", "multiplier", "change"}
        assert q.comparator in {None, ">=", ">", "<=", "<"}
        assert q.direction in {None, "tang", "giam"}
        if q.kind == "range":
            assert q.upper is not None and q.upper >= q.value
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert parse_quantity(text) is None or parse_quantity(text).raw in text

"""Reading and deriving an indicator's status."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tonghop.indicators.status import GAN_DAT_RATIO, derive_status, find_statuses, parse_status
from tonghop.model import Status

V, D, C, G, K, KN = (Status.VUOT, Status.DAT, Status.CHUA_DAT, Status.GAN_DAT, Status.KHO_DAT,
                     Status.KHA_NANG_DAT)


@pytest.mark.parametrize("text, expected", [
    ("Vượt", V), ("Vượt chỉ tiêu", V), ("Đạt và vượt", V), ("Hoàn thành vượt mức", V),
    ("vượt kế hoạch", V), ("Đạt (vượt 0,3%)", V), ("Đạt 105% kế hoạch", V), ("VƯỢT", V),
    ("Đạt", D), ("Hoàn thành", D), ("Đạt chỉ tiêu", D), ("Đạt kế hoạch", D), ("đạt.", D),
    ("Đạt 100% KH", D), ("Đạt, chưa vượt", D), ("Đạt mục tiêu NQ", D),
    ("Chưa đạt", C), ("Không đạt", C), ("Chưa hoàn thành", C), ("chưa đạt chỉ tiêu", C),
    ("Chưa đạt (đạt 85% kế hoạch)", C), ("Đạt 60% KH", C), ("Không hoàn thành", C),
    ("Gần đạt", G), ("Đạt từ 80% trở lên", G), ("Cơ bản đạt", G), ("Cơ bản hoàn thành", G),
    ("Đạt 85% kế hoạch", G),
    ("Khó đạt", K), ("Khó hoàn thành", K), ("Không có khả năng đạt", K), ("Nguy cơ không đạt", K),
    ("Có khả năng đạt", KN), ("Dự kiến đạt", KN), ("Phấn đấu đạt", KN),
    ("Đang trong lộ trình thực hiện", KN), ("Có khả năng hoàn thành", KN), ("Dự kiến vượt", KN),
    # typed without diacritics, odd case and spacing, punctuation
    ("chua dat", C), ("CHUA DAT", C), ("dat va vuot", V), ("Kho dat", K), ("gan dat", G),
    ("co kha nang dat", KN), ("  Đạt  ", D), ("- Chưa đạt;", C), ("(Vượt)", V),
    # old tone placement and decomposed Unicode
    ("Hoàn thành", D), ("Cha\u0306\u0301t", None), ("Chu\u031b\u0061 \u0111a\u0323t", C),
])
def test_parse_status(text, expected):
    assert parse_status(text) == expected


@pytest.mark.parametrize("text", ["", " ", "-", "x", "7,2%", "diện tích đất nông nghiệp",
                                  "Ghi chú", "Tăng 12%"])
def test_parse_status_none(text):
    assert parse_status(text) is None


@pytest.mark.parametrize("value, target, huong, upper, comparator, expected", [
    (6.8, 7.0, "tang", 7.5, None, C),        # the GRDP example: 6,8 against 7 - 7,5
    (7.2, 7.0, "tang", 7.5, None, D),
    (7.5, 7.0, "tang", 7.5, None, D),
    (7.6, 7.0, "tang", 7.5, None, V),
    (7.0, 7.0, "tang", None, None, D),
    (7.1, 7.0, "tang", None, None, V),
    (5.0, 7.0, "tang", None, None, C),
    (5.6, 7.0, "tang", None, None, C),
    (45799, 36875, "tang", None, None, V),
    (92.5, 95, "tang", None, ">=", C),
    (95, 95, "tang", None, ">=", D),
    (90, 90, "tang", None, ">", C),          # "trên 90" is not met by exactly 90
    (2.1, 2.0, "giam", None, None, C),
    (2.0, 2.0, "giam", None, None, D),
    (1.5, 2.0, "giam", None, None, V),
    (3.0, 2.0, "giam", None, None, C),
    (1.2, 1.5, "tang", None, "<", V),        # "dưới 1,5%": the comparator makes it a ceiling
    (1.5, 1.5, "tang", None, "<=", D),
    (1.2, 1.0, "giam", 1.5, None, D),        # within a range for a falling indicator
    (0.0, 0.0, "tang", None, None, D),
    (-1.0, 0.0, "tang", None, None, C),
])
def test_derive_status(value, target, huong, upper, comparator, expected):
    assert derive_status(value, target, huong, upper, comparator) == expected


@pytest.mark.parametrize("value, target, huong, upper, comparator, expected", [
    (6.8, 7.0, "tang", 7.5, None, G),
    (5.6, 7.0, "tang", None, None, G),       # exactly 80% of the target
    (5.5, 7.0, "tang", None, None, C),
    (92.5, 95, "tang", None, ">=", G),
    (90, 90, "tang", None, ">", G),
    (2.1, 2.0, "giam", None, None, G),
    (2.6, 2.0, "giam", None, None, C),
    (7.2, 7.0, "tang", 7.5, None, D),
    (7.6, 7.0, "tang", 7.5, None, V),
])
def test_derive_status_with_near_ratio(value, target, huong, upper, comparator, expected):
    assert derive_status(value, target, huong, upper, comparator, near_ratio=GAN_DAT_RATIO) == expected


@pytest.mark.parametrize("args", [(None, 7.0, "tang"), (7.0, None, "tang"), (None, None, "giam"),
                                  (7.0, 7.0, "khong")])
def test_derive_status_missing(args):
    assert derive_status(*args) is None


finite = st.floats(min_value=0.01, max_value=1e9, allow_nan=False)


@given(finite, finite)
def test_derive_up_is_monotonic(target, step):
    order = [C, G, D, V]
    for near in (None, GAN_DAT_RATIO):
        statuses = [derive_status(v, target, "tang", near_ratio=near)
                    for v in (target * 0.5, target * 0.9, target, target + step)]
        assert [order.index(s) for s in statuses] == sorted(order.index(s) for s in statuses)
        assert statuses[2] == D


@given(finite, finite)
def test_giam_mirrors_tang(value, target):
    up = derive_status(value, target, "tang")
    down = derive_status(target, value, "giam")
    # "more than the target" for a rising indicator is "less than the target" for a falling one
    assert (up in (V, D)) == (down in (V, D))


@pytest.mark.parametrize("sentence, expected", [
    ("Tốc độ tăng trưởng kinh tế bình quân đạt 6,8%/năm (NQ đề ra 7 - 7,5%), chưa đạt chỉ tiêu.", C),
    ("Tỷ lệ trường học đạt chuẩn quốc gia đạt 75%.", None),
    ("Số xã đạt chuẩn nông thôn mới là 12 xã, đạt chỉ tiêu Nghị quyết.", D),
    ("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 90%, vượt chỉ tiêu.", V),
    ("Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ đạt 85%.", None),
    ("Vượt qua khó khăn, kinh tế của huyện phát triển vượt bậc.", None),
    ("Tỷ lệ hoàn thành chỉ tiêu giao quân đạt 100%.", None),
    ("Hằng năm hoàn thành 100% chỉ tiêu giao quân.", D),
    ("Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa đạt 92%.", None),
    ("Thu ngân sách đạt 45.799 tỷ đồng, vượt 24,2% so với Nghị quyết.", V),
    ("Số xã chưa đạt chuẩn nông thôn mới còn 3 xã.", None),
    ("Tỷ lệ hộ nghèo giảm còn 2,1%, dự kiến đạt chỉ tiêu vào cuối nhiệm kỳ.", KN),
    ("Tỷ le ho ngheo giam con 2,1%, chua dat chi tieu.", C),
])
def test_parse_status_in_sentences(sentence, expected):
    assert parse_status(sentence) == expected


def test_find_statuses_spans():
    text = "Chỉ tiêu 1 đạt, chỉ tiêu 2 chưa đạt, chỉ tiêu 3 đạt và vượt."
    found = find_statuses(text)
    assert [m.status for m in found] == [D, C, V]
    assert [m.raw for m in found] == ["đạt", "chưa đạt", "đạt và vượt"]
    assert all(text[m.start:m.end] == m.raw for m in found)


@given(st.lists(st.sampled_from(["đạt", "chưa", "vượt", "khó", "gần", "có khả năng", "hoàn thành", "tốt",
                                 "nhiệm vụ", "chuẩn", "95%", "80%", "từ", "trở lên", "kế hoạch", "dat",
                                 "chua", "vuot", ",", "(", ")", "Đạt", "VƯỢT", "qua", " "]),
                max_size=15).map(" ".join))
def test_status_on_any_text(text):
    found = find_statuses(text)
    assert all(text[m.start:m.end] == m.raw for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert parse_status(text) in (None, *Status)

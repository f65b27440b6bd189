import pytest

from tonghop.parsers.docx_reader import Block
from tonghop.parsers.headings import detect, parse_label


@pytest.mark.parametrize("text,kind,value,title", [
    ("I. BỐI CẢNH THỰC HIỆN NGHỊ QUYẾT", "roman", "I", "BỐI CẢNH THỰC HIỆN NGHỊ QUYẾT"),
    ("IV- Kết quả thực hiện", "roman", "IV", "Kết quả thực hiện"),
    ("III/ Kết quả", "roman", "III", "Kết quả"),
    ("2. Bối cảnh thực hiện", "arabic", "2", "Bối cảnh thực hiện"),
    ("2) Bối cảnh", "arabic", "2", "Bối cảnh"),
    ("3- Công tác kiểm tra", "arabic", "3", "Công tác kiểm tra"),
    ("a) Về kinh tế", "letter", "a", "Về kinh tế"),
    ("b. Về văn hóa", "letter", "b", "Về văn hóa"),
    ("1.1. Khái quát", "multi", "1.1", "Khái quát"),
    ("Phần thứ nhất", "part", "1", ""),
    ("PHẦN THỨ HAI: NHIỆM VỤ VÀ GIẢI PHÁP", "part", "2", "NHIỆM VỤ VÀ GIẢI PHÁP"),
    ("Phần I. Tình hình", "part", "1", "Tình hình"),
    ("PHẦN MỘT", "part", "1", ""),
    ("Phan thu hai", "part", "2", ""),
])
def test_parse_label_reads_every_separator(text, kind, value, title):
    label, rest = parse_label(text)
    assert label is not None and (label.kind, label.value, rest) == (kind, value, title)


@pytest.mark.parametrize("text", [
    "2023 là năm có nhiều khó khăn.",
    "1.250 đảng viên đã tham gia học tập.",
    "3 nhiệm vụ đột phá được triển khai.",
    "- Về kinh tế: tăng trưởng khá.",
    "Ít nhất 12 xã đạt chuẩn.",
])
def test_body_text_that_looks_numbered_has_no_label(text):
    assert parse_label(text)[0] is None


def _p(text, **kw):
    return Block(kind="p", index=0, text=text, **kw)


def test_heading_style_is_strong_evidence():
    c = detect(_p("Bối cảnh thực hiện nghị quyết", style_level=2), 0)
    assert c.strength == 1.0 and c.style_level == 1


def test_bold_numbered_normal_paragraph_is_a_heading():
    c = detect(_p("1. Kết quả thực hiện các chỉ tiêu chủ yếu", bold=True), 3)
    assert c.label.kind == "arabic" and c.strength >= 0.9 and c.pos == 3


def test_automatic_numbering_label_is_used_although_not_in_text():
    c = detect(_p("KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU", num_label="III.", num_format="upperRoman"), 0)
    assert c.label.value == "III" and c.title == "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU"


def test_long_sentence_and_bullets_are_body():
    assert detect(_p("- Tổ chức 25 hội nghị quán triệt", bold=True), 0) is None
    long = "Huyện đã tổ chức quán triệt nghị quyết cho toàn thể cán bộ, đảng viên và nhân dân trên địa bàn."
    assert detect(_p(long), 0) is None
    assert detect(_p("1. " + long), 0).strength < 0.5


def test_bold_unlabelled_short_line_is_a_weak_candidate_and_trailing_colon_dropped():
    c = detect(_p("ĐÁNH GIÁ CHUNG:", bold=True), 0)
    assert c.label is None and c.title == "ĐÁNH GIÁ CHUNG" and c.strength == 0.5

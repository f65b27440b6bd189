import pytest
from docbuild import make_docx

from tonghop.parsers.docx_reader import DocxError
from tonghop.parsers.parse import parse_bytes

B = "Normal+bold"
HEADER = [("Normal", "HUYỆN ỦY ĐẠI LỘC"), ("Normal", "Số 45-BC/HU"), ("Normal+bold+center", "BÁO CÁO"),
          ("Normal", "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện")]
CLOSING = [("Normal", "Nơi nhận:"), ("Normal", "- Ban Thường vụ Tỉnh ủy (b/c),"), ("Normal", "- Lưu VT."),
           ("Normal+bold", "T/M BAN THƯỜNG VỤ"), ("Normal+bold", "BÍ THƯ"), ("Normal", "Nguyễn Văn An")]


def parse(items, ref, **kw):
    return parse_bytes(make_docx(items, **kw), "bao-cao.docx", ref)


def placement(sub):
    """text -> section id for every paragraph and heading."""
    out = {}
    for s in sub.sections:
        for p in ((s.heading,) if s.heading else ()) + s.paragraphs:
            assert p.text not in out, f"duplicated: {p.text}"
            out[p.text] = s.id
    return out


def test_sections_in_order_front_back_and_nothing_lost(ref):
    body = [("Heading 1", "PHẦN THỨ NHẤT"), (B, "I. BỐI CẢNH THỰC HIỆN NGHỊ QUYẾT"),
            (B, "1. Khái quát đặc điểm tình hình"), ("Normal", "Huyện có 18 xã, thị trấn."),
            (B, "2. Bối cảnh thực hiện; những thuận lợi, khó khăn"), ("Normal", "2023 là năm khó khăn."),
            ("Normal", "Trên đây là báo cáo sơ kết giữa nhiệm kỳ.")]
    items = HEADER + body + CLOSING
    sub = parse(items, ref)
    where = placement(sub)
    assert len(where) == len(items)
    assert [s.id for s in sub.sections] == ["front", "P1", "P1.I", "P1.I.1", "P1.I.2", "back"]
    assert where["HUYỆN ỦY ĐẠI LỘC"] == "front" and where["T/M BAN THƯỜNG VỤ"] == "back"
    assert where["Trên đây là báo cáo sơ kết giữa nhiệm kỳ."] == "P1.I.2"
    assert sub.unit.id == "dai-loc"


def test_identical_headings_are_told_apart_by_position(ref):
    items = HEADER + [
        (B, "III. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP"), (B, "2. Kết quả thực hiện nhiệm vụ trọng tâm"),
        ("Normal", "Đoạn A."), (B, "IV. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI TỈNH"),
        (B, "1. Kết quả thực hiện nhiệm vụ trọng tâm"), ("Normal", "Đoạn B.")]
    where = placement(parse(items, ref))
    assert where["Đoạn A."] == "P1.III.2" and where["Đoạn B."] == "P1.IV.1"


def test_renumbered_reworded_abbreviated_and_no_diacritics(ref):
    items = HEADER + [
        (B, "I. BỐI CẢNH"), (B, "II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN NQ ĐH"),
        (B, "1. Kết quả thực hiện các chỉ tiêu chủ yếu và dự ước cả năm 2023"), ("Normal", "Đoạn C."),
        (B, "III. DANH GIA CHUNG"), (B, "1. Uu diem"), ("Normal", "Đoạn D."),
        (B, "2. Hạn chế, khuyết điểm"), ("Normal", "Đoạn E.")]
    where = placement(parse(items, ref))
    assert where["Đoạn C."] == "P1.III.1"
    assert where["Đoạn D."] == "P1.V.1" and where["Đoạn E."] == "P1.V.2"


def test_extra_and_deeper_headings_stay_in_the_enclosing_node(ref):
    items = HEADER + [
        (B, "V. ĐÁNH GIÁ CHUNG"), (B, "1. Ưu điểm"), (B, "a) Về kinh tế"), ("Normal", "Đoạn F."),
        (B, "VI. BÀI HỌC KINH NGHIỆM"), ("Normal", "Đoạn G.")]
    sub = parse(items, ref)
    where = placement(sub)
    assert where["a) Về kinh tế"] == "P1.V.1" and where["Đoạn F."] == "P1.V.1"
    assert where["Đoạn G."] == "P1"
    unmatched = [s for s in sub.sections if s.heading and not s.matched]
    assert {s.heading.text for s in unmatched} == {"a) Về kinh tế", "VI. BÀI HỌC KINH NGHIỆM"}


def test_header_table_identifies_the_unit(ref):
    items = [(B, "I. BỐI CẢNH THỰC HIỆN NGHỊ QUYẾT"), ("Normal", "Nội dung.")]
    sub = parse(items, ref, tables={0: [["ĐẢNG BỘ THỊ XÃ ĐIỆN BÀN", "ĐẢNG CỘNG SẢN VIỆT NAM"],
                                         ["Số 12-BC/TU", "Điện Bàn, ngày 20 tháng 7 năm 2023"]]})
    assert sub.unit.id == "tx-dien-ban"
    assert sub.sections[0].id == "front" and sub.sections[0].tables


def test_not_a_zip_is_a_one_line_bilingual_error(ref):
    with pytest.raises(DocxError) as err:
        parse_bytes(b"this is not a docx", "x.docx", ref)
    assert " / " in str(err.value) and "\n" not in str(err.value)


def test_renumbered_section_follows_its_words_and_reworded_one_its_number(ref):
    items = HEADER + [
        (B, "III. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP"),
        (B, "3.1. Kết quả thực hiện các chỉ tiêu chủ yếu"), ("Normal", "Đoạn H."),
        (B, "3.2. Kết quả thực hiện chương trình trọng điểm, nhiệm vụ đột phá"), ("Normal", "Đoạn I."),
        (B, "IV. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH"),
        (B, "4.1. Kết quả thực hiện nhiệm vụ trọng tâm"), ("Normal", "Đoạn L."),
        (B, "V. ĐÁNH GIÁ CHUNG"), (B, "1. Ưu điểm"), (B, "2. Những mặt còn tồn tại, yếu kém"), ("Normal", "Đoạn J."),
        (B, "3. Nguyên nhân của những hạn chế, khuyết điểm"), ("Normal", "Đoạn K.")]
    where = placement(parse(items, ref))
    assert where["Đoạn H."] == "P1.III.1" and where["Đoạn I."] == "P1.III.3" and where["Đoạn L."] == "P1.IV.1"
    assert where["Đoạn J."] == "P1.V.2" and where["Đoạn K."] == "P1.V.3"


def test_run_in_heading_is_matched_on_its_words_before_the_colon(ref):
    items = HEADER + [(B, "V. ĐÁNH GIÁ CHUNG"),
                      ("Normal", "1. Ưu điểm: Công tác xây dựng Đảng có nhiều chuyển biến tích cực, đoàn kết được giữ vững."),
                      ("Normal", "2. Hạn chế, khuyết điểm: Một số chỉ tiêu chưa đạt, nhất là thu ngân sách và đầu tư.")]
    sub = parse(items, ref)
    assert [s.id for s in sub.sections if s.matched and s.heading] == ["P1.V", "P1.V.1", "P1.V.2"]


def test_missing_sections_are_a_warning_naming_the_top_most_missing_nodes(ref):
    items = HEADER + [(B, "I. BỐI CẢNH THỰC HIỆN NGHỊ QUYẾT"), (B, "1. Khái quát đặc điểm tình hình"),
                      (B, "V. ĐÁNH GIÁ CHUNG"), (B, "1. Ưu điểm"), (B, "2. Hạn chế, khuyết điểm"),
                      (B, "3. Nguyên nhân của những hạn chế, khuyết điểm"), (B, "4. Những khó khăn vướng mắc")]
    warnings = [str(w) for w in parse(items, ref).warnings if w.code == "sections-missing"]
    assert warnings == ["Báo cáo thiếu mục: P1.I.2, P1.II, P1.III, P1.IV, P2 / sections not found: "
                        "P1.I.2, P1.II, P1.III, P1.IV, P2"]

"""The parser on a third independently written corpus (tests/realistic2), scored with bench/accuracy.py
against issue 3's bars, plus one small test per failure class found on it."""
from __future__ import annotations

import json
import shutil
from dataclasses import fields, replace

import pytest

from bench.accuracy import Tally, evaluate
from tests.corpus_cache import ROOT, cached_corpus
from tests.realistic2.docs import P, T
from tests.realistic2.make_corpus import CITY, PLAN, generate
from tests.realistic2.writer import write
from tonghop.parsers.parse import parse_bytes
from tonghop.reference import load_reference


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    libreoffice = shutil.which("soffice") is not None
    return cached_corpus("realistic2", [ROOT / "tests" / "realistic2", ROOT / "tests" / "realistic"],
                         lambda out: generate(out, libreoffice=libreoffice), libreoffice, tmp_factory=tmp_path_factory)


@pytest.fixture(scope="module")
def city_ref():
    return load_reference(CITY)


@pytest.fixture(scope="module")
def tally(corpus, ref, city_ref) -> Tally:
    """Both outlines' documents, each scored against its own outline, summed."""
    huyen = evaluate([p for p in corpus if p.parent.name == "huyen"], ref)
    city = evaluate([p for p in corpus if p.parent.name == "thanh-pho"], city_ref)
    total = Tally()
    for f in fields(Tally):
        if f.name not in ("by_feature", "errors"):
            setattr(total, f.name, getattr(huyen, f.name) + getattr(city, f.name))
    total.errors = huyen.errors + city.errors
    return total


def test_corpus_has_every_planned_document(corpus):
    assert len(PLAN) >= 40 and len(corpus) >= len(PLAN)
    for path in corpus:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert truth["paragraphs"] and truth["outline_headings"]


def test_coverage_and_heading_bars(tally):
    assert tally.lost == 0 and tally.extra == 0, "paragraph coverage must be 100%"
    assert tally.heading_right / tally.heading_truth >= 0.98, "outline-heading recall"
    assert tally.heading_right / tally.heading_found >= 0.98, "outline-heading precision"


def test_section_accuracy_bar(tally):
    assert tally.placed_right / tally.placed >= 0.99, f"section accuracy {tally.placed_right / tally.placed:.4f}"


def test_unit_bar(tally):
    assert tally.unit_right / tally.docs >= 0.98, f"unit identification {tally.unit_right}/{tally.docs}"


# --- one small document per failure class -----------------------------------------------------------

def _body(text: str, section: str) -> P:
    return P(text, section)


def _report(*middle, front=("HUYỆN ỦY ĐẠI LỘC", "BÁO CÁO")) -> list:
    items = [P(t, "front", "front", bold=True, center=True, indent=False) for t in front]
    return items + list(middle) + [P("T/M BAN THƯỜNG VỤ", "back", "back", bold=True), P("BÍ THƯ", "back", "back")]


def _sections(items, ref) -> dict[str, str]:
    sub = parse_bytes(write(items), "test.docx", ref)
    out = {}
    for s in sub.sections:
        for p in ([s.heading] if s.heading else []) + list(s.paragraphs):
            out[" ".join(p.text.split())] = s.id
    return out


def _head(text: str, node: str) -> P:
    return P(text, node, "heading", node, indent=False)


SKELETON = (
    _head("I. Bối cảnh thực hiện nghị quyết", "P1.I"),
    _head("1. Khái quát đặc điểm tình hình", "P1.I.1"),
    _body("Huyện có diện tích tự nhiên 587 km², dân số trên 160.000 người.", "P1.I.1"),
    _head("II. Công tác lãnh đạo, chỉ đạo triển khai thực hiện nghị quyết", "P1.II"),
    _head("1. Công tác lãnh đạo, chỉ đạo và kết quả tổ chức học tập, quán triệt, tuyên truyền Nghị quyết",
          "P1.II.1"),
)
REST = (
    _head("2. Công tác lãnh đạo, chỉ đạo và kết quả cụ thể hóa Nghị quyết", "P1.II.2"),
    _body("Ban Chấp hành đã cụ thể hóa nghị quyết thành 12 chương trình, đề án.", "P1.II.2"),
    _head("3. Công tác kiểm tra, giám sát việc thực hiện", "P1.II.3"),
    _body("Đã kiểm tra 45 tổ chức đảng và 120 đảng viên.", "P1.II.3"),
)


def test_typed_list_items_stay_in_their_arabic_node(ref):
    items = _report(*SKELETON,
                    _body("Trong đó, tập trung vào các nội dung cụ thể:", "P1.II.1"),
                    _body("1. Tổ chức 25 hội nghị quán triệt nghị quyết cho 3.150 cán bộ, đảng viên;", "P1.II.1"),
                    _body("2. Ban hành 12 kế hoạch tuyên truyền nghị quyết trên các phương tiện thông tin",
                          "P1.II.1"),
                    _body("3. Biên soạn tài liệu hỏi - đáp về nghị quyết phát hành đến các chi bộ.", "P1.II.1"),
                    *REST)
    got = _sections(items, ref)
    assert got["2. Ban hành 12 kế hoạch tuyên truyền nghị quyết trên các phương tiện thông tin"] == "P1.II.1"
    assert got["3. Biên soạn tài liệu hỏi - đáp về nghị quyết phát hành đến các chi bộ."] == "P1.II.1"


def test_auto_numbered_list_items_stay_in_their_arabic_node(ref):
    items = _report(*SKELETON,
                    P("Tổ chức 25 hội nghị quán triệt nghị quyết", "P1.II.1", style="List Number", indent=False),
                    P("Ban hành 12 kế hoạch tuyên truyền nghị quyết", "P1.II.1", style="List Number",
                      indent=False),
                    *REST)
    got = _sections(items, ref)
    assert got["Tổ chức 25 hội nghị quán triệt nghị quyết"] == "P1.II.1"
    assert got["Ban hành 12 kế hoạch tuyên truyền nghị quyết"] == "P1.II.1"


def test_capital_letter_parts(ref):
    items = _report(
        _head("A. TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN NHIỆM KỲ 2020 - 2025", "P1"),
        *SKELETON, *REST,
        _head("B. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU ĐẾN NĂM 2025", "P2"),
        _body("Để hoàn thành thắng lợi nghị quyết, cần tập trung các nhiệm vụ sau.", "P2"),
        _head("I. Nhiệm vụ và giải pháp chủ yếu đến năm 2025", "P2.I"),
        _body("Tiếp tục đổi mới phương thức lãnh đạo của Đảng.", "P2.I"))
    items = [replace_bold(i) for i in items]
    got = _sections(items, ref)
    assert got["A. TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN NHIỆM KỲ 2020 - 2025"] == "P1"
    assert got["B. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU ĐẾN NĂM 2025"] == "P2"
    assert got["Để hoàn thành thắng lợi nghị quyết, cần tập trung các nhiệm vụ sau."] == "P2"


def replace_bold(item):
    """Headings made bold (the look most reports have)."""
    return replace(item, bold=True) if isinstance(item, P) and item.role == "heading" else item


def test_signature_without_tm_is_back(ref):
    items = _report(*SKELETON, *REST, _body("Trên đây là báo cáo sơ kết giữa nhiệm kỳ./.", "P1.II.3"))[:-2] + [
        P("BÍ THƯ", "back", "back", bold=True, center=True), P("(Đã ký)", "back", "back", center=True),
        P("Nguyễn Văn Hùng", "back", "back", bold=True, center=True)]
    got = _sections(items, ref)
    assert got["Trên đây là báo cáo sơ kết giữa nhiệm kỳ./."] == "P1.II.3"
    assert got["BÍ THƯ"] == "back" and got["Nguyễn Văn Hùng"] == "back"


@pytest.mark.parametrize("tm", ["TM BAN THƯỜNG VỤ", "T.M BAN THƯỜNG VỤ", "KT.BÍ THƯ"])
def test_sloppy_signature_prefix_before_recipients_is_back(ref, tm):
    items = _report(*SKELETON, *REST, _body("Trên đây là báo cáo sơ kết giữa nhiệm kỳ./.", "P1.II.3"))[:-2] + [
        P(tm, "back", "back", bold=True, center=True), P("BÍ THƯ", "back", "back", bold=True, center=True),
        P("Nguyễn Văn Hùng", "back", "back", bold=True, center=True), P("Nơi nhận:", "back", "back"),
        P("- Lưu VP.", "back", "back")]
    got = _sections(items, ref)
    assert got["Trên đây là báo cáo sơ kết giữa nhiệm kỳ./."] == "P1.II.3"
    assert got[tm] == "back" and got["BÍ THƯ"] == "back"


@pytest.mark.parametrize("header", [("ĐẢNG BỘ HUYỆN ĐẠI LỘC", "ĐẢNG ỦY XÃ ĐẠI HIỆP"),
                                    ("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG", "QUẬN ỦY HẢI CHÂU")])
def test_unregistered_unit_is_not_forced(ref, header):
    items = [T(((f"{header[0]}\n{header[1]}\n*\nSố 12-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM"),), "front", True),
             P("BÁO CÁO", "front", "title", bold=True, center=True), *SKELETON, *REST]
    assert parse_bytes(write(items), "bao-cao.docx", ref).unit.id is None


def test_city_appendix_after_signature_is_p3(city_ref):
    items = [P("HUYỆN ỦY HÒA VANG", "front", "front"), P("BÁO CÁO", "front", "title", bold=True),
             _head("PHẦN THỨ NHẤT", "P1"),
             _head("1. Kết quả thực hiện Chương trình hành động số 01-CTr/TU, Chương trình hành động số 08-CTr/TU "
                   "và Kết luận số 201-KL/TU của Thành ủy", "P1.1"),
             _body("Tốc độ tăng trưởng giá trị sản xuất bình quân đạt 7,2%/năm.", "P1.1"),
             _head("PHẦN THỨ HAI", "P2"),
             _body("Ban Chấp hành Đảng bộ huyện đã lãnh đạo thực hiện đạt 15/20 chỉ tiêu.", "P2"),
             P("T/M BAN THƯỜNG VỤ", "back", "back", bold=True), P("BÍ THƯ", "back", "back", bold=True),
             P("PHỤ LỤC", "P3", "heading", "P3", bold=True, center=True),
             P("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020 - 2025", "P3", bold=True, center=True)]
    items = [replace_bold(i) for i in items]
    got = _sections(items, city_ref)
    assert got["BÍ THƯ"] == "back"
    assert got["PHỤ LỤC"] == "P3"

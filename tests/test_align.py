import numpy as np
import pytest
from rapidfuzz import fuzz

from tonghop.parsers.align import align, similarity, token_overlap
from tonghop.parsers.headings import Candidate, Label


@pytest.mark.parametrize("a,b", [
    ("kết quả thực hiện các chỉ tiêu chủ yếu", "kết quả thực hiện các chỉ tiêu chủ yếu và dự ước cả năm 2023"),
    ("hạn chế khuyết điểm", "nguyên nhân của những hạn chế khuyết điểm"),
    ("ưu điểm", "ưu điểm"),
    ("công tác kiểm tra giám sát", "kiểm tra giám sát công tác"),
])
def test_token_overlap_equals_token_set_ratio_when_words_are_shared_as_subsets(a, b):
    assert token_overlap([a], [b])[0, 0] == pytest.approx(fuzz.token_set_ratio(a, b), abs=0.5)


def test_token_overlap_is_zero_without_shared_words():
    assert token_overlap(["ưu điểm"], ["hạn chế"])[0, 0] == 0


def test_similarity_prefers_the_right_node_and_handles_missing_diacritics(ref):
    titles = ["Kết quả thực hiện các chỉ tiêu chủ yếu", "DANH GIA CHUNG", "Những khó khăn, vướng mắc"]
    sim = similarity(titles, ref.outline)
    ids = [ref.outline.nodes[int(j)].id for j in np.argmax(sim, axis=1)]
    assert ids == ["P1.III.1", "P1.V", "P1.V.4"]


def _cand(pos, kind, value, title):
    return Candidate(pos=pos, label=Label(kind, value, value + "."), title=title, strength=0.9, style_level=None)


def test_alignment_is_monotone_and_skips_extras(ref):
    cands = [_cand(0, "roman", "III", "Kết quả thực hiện các mục tiêu, nhiệm vụ, giải pháp"),
             _cand(1, "arabic", "1", "Kết quả thực hiện nhiệm vụ trọng tâm"),
             _cand(2, "letter", "a", "Về kinh tế"),
             _cand(3, "roman", "IV", "Kết quả thực hiện chương trình hành động"),
             _cand(4, "arabic", "1", "Kết quả thực hiện nhiệm vụ trọng tâm")]
    got = {a.pos: a.node_id for a in align(cands, ref.outline)}
    assert got == {0: "P1.III", 1: "P1.III.2", 3: "P1.IV", 4: "P1.IV.1"}


@pytest.mark.parametrize("line", ["Nơi nhận:", "T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ", "TM BAN THƯỜNG VỤ",
                                  "T.M BAN THƯỜNG VỤ", "KT.BÍ THƯ", "K/T BÍ THƯ", "T/M HUYỆN ỦY", "BÍ THƯ",
                                  "PHÓ BÍ THƯ THƯỜNG TRỰC", "(Đã ký)", "THAY MẶT BAN THƯỜNG VỤ",
                                  "T/M CHI BỘ", "T/M BCH ĐOÀN", "TM. ĐẢNG ĐOÀN"])
def test_closing_block_starts(line):
    from tonghop.parsers.align import is_closing
    assert is_closing(line)


@pytest.mark.parametrize("line", ["KT-XH phát triển ổn định", "Bí thư Huyện ủy đã chỉ đạo quyết liệt",
                                  "TM và dịch vụ tăng 12%", "Thành ủy đã ban hành 12 nghị quyết"])
def test_body_lines_are_not_closing(line):
    from tonghop.parsers.align import is_closing
    assert not is_closing(line)


@pytest.mark.parametrize("line", ["T/M CẤP UỶ CƠ SỞ", "T/M CẤP ỦY", "T/M ĐẢNG ỦY", "TM. BAN CHẤP HÀNH",
                                  "K/T CHỦ TỊCH", "KT. Bí thư", "Q. CHỦ TỊCH", "NƠI NHẬN:", "Nơi nhận",
                                  "T/M Ban Thường vụ", "T/M ỦY BAN NHÂN DÂN"])
def test_more_closing_block_starts(line):
    from tonghop.parsers.align import is_closing
    assert is_closing(line)


@pytest.mark.parametrize("line", ["QUYẾT ĐỊNH:", "QUYẾT ĐỊNH", "QUY CHẾ", "Quy hoạch chung đô thị Nam Phước cần được điều chỉnh",
                                  "Quyền và nghĩa vụ của đảng viên", "Quy trình xét kết nạp", "Nơi nhận văn bản",
                                  "KT-XH tiếp tục phát triển", "Tmđt tăng mạnh", "Thay mặt Ban Thường vụ, đồng chí Bí thư "
                                  "đã trao quyết định cho 12 đảng viên", "Bí thư", "Quý I năm 2023",
                                  "Q.Hải Châu có 13 phường", "TM và dịch vụ tăng 12%", "Kt. tổng hợp số liệu"])
def test_words_that_only_start_like_a_closing_are_body(line):
    from tonghop.parsers.align import is_closing
    assert not is_closing(line)


def test_closing_block_is_the_tail_not_a_table_header_or_an_early_line():
    from tonghop.model import Table
    from tonghop.parsers.align import closing_position
    from tonghop.parsers.docx_reader import Block
    long = " ".join(["Ban Thường vụ đã lãnh đạo triển khai thực hiện"] * 5) + "."
    blocks = [Block("p", 0, "QUYẾT ĐỊNH"), Block("p", 1, "QUYẾT ĐỊNH:"), Block("p", 2, "Điều 1. " + long),
              Block("table", 3, table=Table(rows=(("STT", "Nơi nhận", "Số bản"), ("1", "Văn phòng", "2")), index=3)),
              Block("p", 4, "T/M BAN THƯỜNG VỤ"), Block("p", 5, "BÍ THƯ"),
              Block("p", 6, "QUY CHẾ"), Block("p", 7, "Điều 1. " + long),
              Block("p", 8, "Nơi nhận:"), Block("p", 9, "- Như Điều 3;"), Block("p", 10, "T/M CẤP UỶ CƠ SỞ")]
    assert closing_position(blocks, []) == 8
    assert closing_position(blocks[:8], []) == 4        # prose after the only signature: an attachment
    assert closing_position(blocks[:4], []) == 4        # no closing line at all

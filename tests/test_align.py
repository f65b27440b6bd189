import numpy as np
import pytest
from rapidfuzz import fuzz

from tonghop.parsers.align import similarity, token_overlap
from tonghop.parsers.headings import Candidate, Label
from tonghop.parsers.align import align


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

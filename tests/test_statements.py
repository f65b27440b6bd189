"""Sentence splitting, masking, clustering and the neutral statement of a cluster (aggregators/)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_consolidate import make_ref

from tonghop.aggregators.clusters import Item, cluster
from tonghop.aggregators.masking import KIND, NAME, NUM, Masker, modern_tones
from tonghop.aggregators.sentences import split_sentences
from tonghop.aggregators.statements import build_statement, consolidate_node, figure_text, short_name, vn_number
from tonghop.model import Contribution, Paragraph

MASKER = Masker(make_ref().units)


def texts(paragraph: str) -> list[str]:
    return [s.text for s in split_sentences(paragraph)]


def test_sentences_split_at_full_stops_not_in_numbers_abbreviations_or_document_numbers():
    assert texts("Đã kiểm tra 18 tổ chức đảng. Qua kiểm tra đã chấn chỉnh. 1.250 đảng viên được học tập.") == [
        "Đã kiểm tra 18 tổ chức đảng.", "Qua kiểm tra đã chấn chỉnh.", "1.250 đảng viên được học tập."]
    assert texts("TP. Tam Kỳ có 13 phường. Ban hành Chương trình số 01-CTr/HU. Tổ chức tốt.") == [
        "TP. Tam Kỳ có 13 phường.", "Ban hành Chương trình số 01-CTr/HU.", "Tổ chức tốt."]
    assert texts("Thuận lợi: được quan tâm; khó khăn: thiên tai. tiếp theo viết thường") == [
        "Thuận lợi: được quan tâm; khó khăn: thiên tai. tiếp theo viết thường"]
    assert texts("a) Về KT. Tăng trưởng kinh tế 7,2%.") == ["a) Về KT. Tăng trưởng kinh tế 7,2%."]   # a fragment is glued
    assert texts("") == [] and texts("   ") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠ ĐĐ.,;:!?0123456789%/-()“”", max_size=300))
def test_sentences_cover_the_text(text):
    """Nothing is lost or added: the sentences are the text's non-space characters in order."""
    joined = "".join(s.text for s in split_sentences(text))
    assert joined.replace(" ", "") == text.replace(" ", "")
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_masking_hides_unit_names_places_numbers_dates_and_document_numbers():
    m = MASKER.mask("Ban Thường vụ Huyện ủy Đại Lộc ban hành Chương trình số 01-CTr/HU ngày 20/7/2023, "
                    "tổ chức 12 hội nghị cho 1.250 cán bộ (97,8%) ở xã Đại Hiệp của huyện Đại Lộc.")
    kinds = [(s.kind, s.text) for s in m.slots]
    assert (NAME, "Huyện ủy Đại Lộc") in kinds and (NUM, "01-CTr/HU") in kinds and (NUM, "20/7/2023") in kinds
    assert (NUM, "1.250") in kinds and (NUM, "97,8%") in kinds and (NAME, "huyện Đại Lộc") in kinds
    assert any(s.text == "xã Đại Hiệp" for s in m.slots)
    other = MASKER.mask("Ban Thường vụ Huyện ủy Nam Giang ban hành Chương trình số 02-CTr/HU ngày 1/8/2023, "
                        "tổ chức 9 hội nghị cho 870 cán bộ (95%) ở xã Cà Dy của huyện Nam Giang.")
    assert m.key == other.key and m.content == other.content
    assert "đại lộc" not in m.key and "1.250" not in m.key


def test_masking_keeps_the_province_and_reads_old_tone_marks_the_new_way():
    m = MASKER.mask("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV được cụ thể hoá.")
    assert "đảng bộ tỉnh" in m.key and "hóa" in m.key
    assert modern_tones("Thuỷ lợi, hoá học, hoàn thành") == "Thủy lợi, hóa học, hoàn thành"
    assert MASKER.mask("Bên cạnh đó, kinh tế của huyện tăng trưởng khá.").key == \
        MASKER.mask("Kinh tế của thành phố tăng trưởng khá.").key                  # lead and bare kind masked
    assert any(s.kind == KIND for s in MASKER.mask("Kinh tế của huyện tăng trưởng khá.").slots)


def _items(sentences: list[tuple[str, str]]) -> list[Item]:
    names = {u.id: u.ten for u in make_ref().units}
    return [Item(uid, names.get(uid, uid), f"{uid}.docx", n, n, 0, MASKER.mask(text))
            for n, (uid, text) in enumerate(sentences)]


def test_clusters_join_parallel_statements_of_different_units_and_never_different_words():
    items = _items([
        ("dai-loc", "Ủy ban Kiểm tra Huyện ủy Đại Lộc đã kiểm tra 12 tổ chức đảng về thực hiện Nghị quyết."),
        ("duy-xuyen", "Ủy ban Kiểm tra Huyện ủy Duy Xuyên đã kiểm tra 9 tổ chức đảng về thực hiện Nghị quyết."),
        ("hoa-vang", "Ủy ban Kiểm tra Huyện ủy Hòa Vang đã giám sát 12 tổ chức đảng về thực hiện Nghị quyết."),
        ("nam-giang", "Kết quả cụ thể như sau:"),
        ("dai-loc", "Kết quả cụ thể như sau:"),
    ])
    assert cluster(items) == [[0, 1], [3, 4]]                # a shared lead-in is a statement too
    one_unit = _items([("dai-loc", "Công tác tuyên truyền được đổi mới, phong phú."),
                       ("dai-loc", "Công tác tuyên truyền được đổi mới, phong phú.")])
    assert cluster(one_unit) == []                          # one unit saying it twice is not shared


def test_statement_neutral_subject_each_units_figures_and_totals():
    items = _items([
        ("dai-loc", "Ban Thường vụ Huyện ủy Đại Lộc đã tổ chức 4 hội nghị quán triệt Nghị quyết cho 1.250 cán bộ."),
        ("duy-xuyen", "Ban Thường vụ Huyện ủy Duy Xuyên đã tổ chức 3 hội nghị quán triệt Nghị quyết cho 870 cán bộ."),
    ])
    st_ = build_statement(items)
    assert st_.text == "Ban Thường vụ các cấp ủy đã tổ chức … hội nghị quán triệt Nghị quyết cho … cán bộ."
    assert [(m.short_name, m.figures) for m in st_.mentions] == [
        ("Đại Lộc", ("4 hội nghị", "1.250 cán bộ")), ("Duy Xuyên", ("3 hội nghị", "870 cán bộ"))]
    assert st_.totals == ("tổng cộng 7 hội nghị, 2.120 cán bộ",)
    listed = build_statement(_items([("dai-loc", "1. Ban hành 3 chương trình hành động thực hiện nghị quyết;"),
                                     ("hoa-vang", "1. Ban hành 5 chương trình hành động thực hiện nghị quyết;")]))
    assert listed.text.startswith("1. Ban hành … chương trình")                # the shared label stays
    assert [m.figures for m in listed.mentions] == [("3 chương trình",), ("5 chương trình",)]   # not a figure
    same = build_statement(_items([("dai-loc", "Đảng bộ huyện Đại Lộc có 52 tổ chức cơ sở đảng trực thuộc."),
                                   ("duy-xuyen", "Đảng bộ huyện Duy Xuyên có 52 tổ chức cơ sở đảng trực thuộc.")]))
    assert same.text == "Các đảng bộ có 52 tổ chức cơ sở đảng trực thuộc." and not same.totals
    assert all(m.figures == () for m in same.mentions)
    rates = build_statement(_items([("dai-loc", "Tỷ lệ đảng viên tham gia học tập của huyện Đại Lộc đạt 97,8%."),
                                    ("hoa-vang", "Tỷ lệ đảng viên tham gia học tập của huyện Hòa Vang đạt 95%.")]))
    assert rates.text == "Tỷ lệ đảng viên tham gia học tập của các địa phương đạt …."
    assert [m.figures for m in rates.mentions] == [("97,8%",), ("95%",)]
    assert not rates.totals                                    # percentages are not added up
    others = build_statement(_items([
        ("dai-loc", "Ban Chấp hành Đảng bộ huyện Đại Lộc phối hợp với Thị ủy Điện Bàn làm đường."),
        ("hoa-vang", "Ban Chấp hành Đảng bộ huyện Hòa Vang phối hợp với Thị ủy Điện Bàn làm đường.")]))
    assert others.text == "Ban Chấp hành các đảng bộ phối hợp với Thị ủy Điện Bàn làm đường."   # a unit all name stays
    assert figure_text("đạt 612 tỷ đồng, tăng 18%", MASKER.mask("đạt 612 tỷ đồng, tăng 18%").slots[0]) == "612 tỷ đồng"
    assert vn_number("1.250") == 1250 and vn_number("7,5") == 7.5 and vn_number("12/18") is None
    assert short_name("Huyện ủy Đại Lộc") == "Đại Lộc" and short_name("Đảng ủy Quân sự tỉnh") == "Quân sự tỉnh"


def test_consolidate_node_keeps_every_unshared_sentence_verbatim_in_its_paragraph():
    shared = "Ban Thường vụ Huyện ủy {} đã tổ chức {} hội nghị quán triệt Nghị quyết cho cán bộ chủ chốt."
    dl = Contribution("dai-loc", "Huyện ủy Đại Lộc", "dl.docx", (
        Paragraph(shared.format("Đại Lộc", 4) + " Riêng Đại Lộc bị bão số 5 gây thiệt hại 120 tỷ đồng.", 3),
        Paragraph("Một đoạn riêng của Đại Lộc.", 4)))
    dx = Contribution("duy-xuyen", "Huyện ủy Duy Xuyên", "dx.docx", (Paragraph(shared.format("Duy Xuyên", 2), 7),))
    statements, own = consolidate_node([dl, dx], MASKER)
    assert len(statements) == 1 and statements[0].n_units == 2
    assert [m.paragraphs for m in statements[0].mentions] == [(3,), (7,)]
    assert [(c.unit_id, [p.text for p in c.paragraphs]) for c in own] == [
        ("dai-loc", ["Riêng Đại Lộc bị bão số 5 gây thiệt hại 120 tỷ đồng.", "Một đoạn riêng của Đại Lộc."])]
    assert own[0].paragraphs[0].index == 3                    # provenance kept


def test_a_sentence_that_fails_to_mask_stays_verbatim(monkeypatch):
    shared = "Ban Thường vụ Huyện ủy {} đã tổ chức hội nghị quán triệt Nghị quyết cho cán bộ chủ chốt."
    dl = Contribution("dai-loc", "Huyện ủy Đại Lộc", "dl.docx", (Paragraph(shared.format("Đại Lộc"), 3),))
    dx = Contribution("duy-xuyen", "Huyện ủy Duy Xuyên", "dx.docx", (Paragraph(shared.format("Duy Xuyên"), 7),))

    class Broken:
        def mask(self, text):
            raise ValueError("cannot mask")
    statements, own = consolidate_node([dl, dx], Broken())
    assert statements == () and [p.text for c in own for p in c.paragraphs] == [shared.format("Đại Lộc"),
                                                                               shared.format("Duy Xuyên")]


def test_an_unidentified_unit_shares_statements_under_its_file_name():
    shared = "Công tác tuyên truyền Nghị quyết được thực hiện bằng nhiều hình thức phong phú, đa dạng."
    known = Contribution("dai-loc", "Huyện ủy Đại Lộc", "dl.docx", (Paragraph(shared, 3),))
    unknown = Contribution("tep:xa-dai-hiep.docx", "Đơn vị chưa xác định (xa-dai-hiep.docx)", "xa-dai-hiep.docx",
                           (Paragraph(shared, 5),))
    statements, own = consolidate_node([known, unknown], MASKER)
    assert [m.short_name for m in statements[0].mentions] == ["Đại Lộc", "xa-dai-hiep.docx"] and own == ()

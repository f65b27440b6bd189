import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tonghop.parsers.normalize import clean, has_diacritics, match_key, plain_key, strip_diacritics

VIET = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
text = st.text(alphabet=VIET + VIET.upper() + " \t\n\u00a0,.;:-0123456789", max_size=60)


@given(text)
def test_clean_is_idempotent_nfc_and_single_spaced(s):
    c = clean(s)
    assert clean(c) == c and unicodedata.is_normalized("NFC", c)
    assert "  " not in c and c == c.strip() and "\t" not in c and "\n" not in c


@given(text)
def test_clean_accepts_decomposed_input(s):
    assert clean(unicodedata.normalize("NFD", s)) == clean(s)


@given(text)
def test_strip_diacritics_leaves_ascii(s):
    assert strip_diacritics(clean(s)).isascii()


def test_clean_keeps_the_units_punctuation_and_drops_invisible_characters():
    assert clean("Kết quả ,  đạt\u00a0 6,8%\u00ad\u200b") == "Kết quả , đạt 6,8%"


def test_match_key_unifies_old_tone_placement_case_and_abbreviations():
    assert match_key("Cụ thể hoá NQ của Huyện uỷ") == match_key("cụ thể hóa Nghị quyết của huyện ủy")
    assert match_key("Phát triển KT-XH") == "phát triển kinh tế xã hội"
    assert match_key("Kết quả: 1) các chỉ tiêu!") == "kết quả 1 các chỉ tiêu"


def test_plain_key_and_diacritics_detection():
    assert plain_key("Đánh giá chung") == plain_key("DANH GIA CHUNG") == "danh gia chung"
    assert has_diacritics("Ưu điểm") and not has_diacritics("Uu diem")

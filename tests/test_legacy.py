"""Legacy Vietnamese font encodings: tables, storage forms, font names, detection, round trips."""
from __future__ import annotations

import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonghop.parsers.legacy import (
    VIETNAMESE_LETTERS,
    decode,
    decode_run,
    encode,
    is_syllable,
    is_unicode_vietnamese,
    legacy_encoding,
    looks_legacy,
)

FORMS = ("cp1252", "c1", "pua")
ROWS = ("aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
        "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ")
LOWER = "".join(ROWS) + "đ"
UPPER = LOWER.upper()
TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"
PUNCT = " 0123456789.,;:!?()[]%/-+=\"'–—“”‘’…•\t"

SENTENCE = "Hội nghị Ban Chấp hành Đảng bộ huyện"
MOTTO = "Cộng hoà xã hội chủ nghĩa Việt Nam"


def _in_form(stored: str, form: str) -> str:
    """Re-store cp1252-form text as C1 controls or symbol-font private-use code points."""
    out = []
    for ch in stored:
        b = ch.encode("cp1252")[0]
        out.append(chr(b) if form == "c1" and 0x80 <= b < 0xA0 else chr(0xF000 + b) if form == "pua" else ch)
    return "".join(out)


# ---------------------------------------------------------------- tables


def test_alphabet_has_134_toned_letters_and_d_in_both_cases():
    assert len(LOWER) == 73 and len(set(LOWER)) == 73
    assert VIETNAMESE_LETTERS == frozenset(LOWER + UPPER)


def test_tcvn3_codes_are_single_distinct_bytes_above_a0():
    codes = {ch: encode(ch, "tcvn3") for ch in LOWER + TCVN3_CAPITALS if not ch.isascii()}
    assert all(len(c) == 1 and 0xA1 <= c.encode("cp1252")[0] <= 0xFE for c in codes.values())
    assert len(set(codes.values())) == len(codes) == 67 + 7


@pytest.mark.parametrize("letter, byte", [
    ("à", 0xB5), ("ả", 0xB6), ("ã", 0xB7), ("á", 0xB8), ("ạ", 0xB9), ("ă", 0xA8), ("ặ", 0xC6),
    ("â", 0xA9), ("ậ", 0xCB), ("è", 0xCC), ("ẻ", 0xCE), ("é", 0xD0), ("ê", 0xAA), ("ệ", 0xD6),
    ("ì", 0xD7), ("ĩ", 0xDC), ("ị", 0xDE), ("ò", 0xDF), ("ỏ", 0xE1), ("ọ", 0xE4), ("ô", 0xAB),
    ("ộ", 0xE9), ("ơ", 0xAC), ("ợ", 0xEE), ("ù", 0xEF), ("ủ", 0xF1), ("ụ", 0xF4), ("ư", 0xAD),
    ("ự", 0xF9), ("ỳ", 0xFA), ("ỵ", 0xFE), ("đ", 0xAE), ("Ă", 0xA1), ("Â", 0xA2), ("Ê", 0xA3),
    ("Ô", 0xA4), ("Ơ", 0xA5), ("Ư", 0xA6), ("Đ", 0xA7),
])
def test_tcvn3_codes_match_tcvn_5712(letter, byte):
    stored = bytes([byte]).decode("cp1252")
    assert encode(letter, "tcvn3") == stored
    assert decode(stored, "tcvn3") == letter


@pytest.mark.parametrize("stored, letter", [
    ("aø", "à"), ("aû", "ả"), ("aõ", "ã"), ("aù", "á"), ("aï", "ạ"), ("aâ", "â"), ("aá", "ấ"),
    ("aà", "ầ"), ("aå", "ẩ"), ("aã", "ẫ"), ("aä", "ậ"), ("aê", "ă"), ("aé", "ắ"), ("aè", "ằ"),
    ("aú", "ẳ"), ("aü", "ẵ"), ("aë", "ặ"), ("eâ", "ê"), ("eä", "ệ"), ("oâ", "ô"), ("oá", "ố"),
    ("ô", "ơ"), ("ôù", "ớ"), ("ôï", "ợ"), ("ö", "ư"), ("öø", "ừ"), ("öï", "ự"), ("í", "í"),
    ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("yù", "ý"), ("î", "ỵ"), ("ñ", "đ"),
    ("AÙ", "Á"), ("AÄ", "Ậ"), ("AË", "Ặ"), ("Ô", "Ơ"), ("ÖØ", "Ừ"), ("Æ", "Ỉ"), ("Î", "Ỵ"), ("Ñ", "Đ"),
])
def test_vni_codes_match_vni_windows(stored, letter):
    assert encode(letter, "vni") == stored
    assert decode(stored, "vni") == letter


# ---------------------------------------------------------------- full-table round trips


@pytest.mark.parametrize("form", FORMS)
def test_tcvn3_round_trip_every_letter_with_a_code(form):
    for ch in LOWER + TCVN3_CAPITALS + "AEIOUY":
        assert decode(encode(ch, "tcvn3", form=form), "tcvn3") == ch


@pytest.mark.parametrize("form", FORMS)
def test_tcvn3h_round_trip_every_capital(form):
    for ch in UPPER:
        stored = encode(ch, "tcvn3h", form=form)
        assert decode(stored, "tcvn3h") == ch
        assert decode_run(stored, ".VnTimeH") == ch


@pytest.mark.parametrize("form", FORMS)
def test_vni_round_trip_every_letter_both_cases(form):
    for ch in LOWER + UPPER:
        assert decode(encode(ch, "vni", form=form), "vni") == ch
    assert decode(encode(LOWER + UPPER, "vni", form=form), "vni") == LOWER + UPPER


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("form", FORMS)
def test_sentences_round_trip(encoding, form):
    for text in (SENTENCE, MOTTO, "Năm 2023: 45,6% – “đạt” (vượt 3,2%)… • Nghị quyết số 12-NQ/TW"):
        assert decode(encode(text, encoding, form=form), encoding) == text


def test_h_font_capital_codes_and_ascii_decode_to_upper_case():
    assert decode("¡¢£¤¥¦§", "tcvn3h") == "ĂÂÊÔƠƯĐ"
    assert decode("¨©ª«¬\xad®", "tcvn3h") == "ĂÂÊÔƠƯĐ"
    assert decode("§¶NG CéNG S¶N VIÖT NAM", "tcvn3h") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert decode("®¶ng céng s¶n viÖt nam", "tcvn3h") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert encode("ĐẢNG CỘNG SẢN VIỆT NAM", "tcvn3h") == "®¶ng céng s¶n viÖt nam"


def test_stored_text_as_word_keeps_it():
    assert decode_run("Céng hoµ x· héi chñ nghÜa ViÖt Nam", ".VnTime") == MOTTO
    assert decode_run("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", "VNI-Times") == MOTTO
    assert decode_run("Héi nghÞ Ban ChÊp hµnh §¶ng bé huyÖn", ".VnArial") == SENTENCE
    assert decode_run("Hoäi nghò Ban Chaáp haønh Ñaûng boä huyeän", "VNI-Helve") == SENTENCE
    assert decode_run("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "VNI-Times") == "ĐẢNG CỘNG SẢN VIỆT NAM"


def test_vni_takes_longest_match_and_case_of_base():
    assert decode("tröôøng", "vni") == "trường"
    assert decode("Ngöôøi", "vni") == "Người"
    assert decode("Aù AÙ aÙ", "vni") == "Á Á á"
    assert decode("nhieàu", "vni") == "nhiều"


def test_vni_mark_without_a_base_stays():
    assert decode("nø yâ", "vni") == "nø yâ"


@pytest.mark.parametrize("encoding", ["tcvn3", "tcvn3h", "vni"])
def test_punctuation_in_every_storage_form_decodes_to_cp1252(encoding):
    text = "“12” – 3,5% … • ‘7’ — € ™ ‰"
    for form in FORMS:
        assert decode(_in_form(text, form), encoding) == text


def test_pua_storage_of_whole_sentence():
    stored = _in_form("Héi nghÞ Ban ChÊp hµnh §¶ng bé huyÖn", "pua")
    assert all(0xF020 <= ord(c) <= 0xF0FF for c in stored)
    assert decode_run(stored, ".VnTime") == SENTENCE


def test_digits_and_ascii_punctuation_unchanged():
    text = "1. 2023-2025: 45,6% (+3,2); [a/b] = 7 & 8 @ #"
    for enc in ("tcvn3", "vni"):
        assert decode(text, enc) == text
        assert encode(text, enc) == text


# ---------------------------------------------------------------- decode edges and errors


def test_decode_without_encoding_is_nfc():
    nfd = unicodedata.normalize("NFD", SENTENCE)
    assert decode(nfd, None) == SENTENCE
    assert decode_run(nfd, "Times New Roman") == SENTENCE


def test_text_already_in_unicode_is_left_alone():
    assert decode(SENTENCE, "tcvn3") == SENTENCE
    assert decode(MOTTO, "vni") == MOTTO
    assert decode(unicodedata.normalize("NFD", "Tôi"), "tcvn3") == "Tôi"
    assert is_unicode_vietnamese("Đảng") and not is_unicode_vietnamese("§¶ng")


def test_unknown_encoding_is_an_error():
    with pytest.raises(ValueError):
        decode("abc ®", "viscii")
    with pytest.raises(ValueError):
        encode("abc", "viscii")


@pytest.mark.parametrize("text, encoding", [
    ("Ả", "tcvn3"), ("ĐẢNG", "tcvn3"), ("ç", "tcvn3"), ("µ", "tcvn3"), ("ø", "vni"), ("ñ", "vni"),
    ("\x93", "tcvn3"),
])
def test_encode_rejects_what_would_not_come_back(text, encoding):
    with pytest.raises(ValueError):
        encode(text, encoding)


def test_pua_form_rejects_characters_outside_cp1252():
    with pytest.raises(ValueError):
        encode("→", "tcvn3", form="pua")
    assert encode("→", "tcvn3") == "→"


# ---------------------------------------------------------------- font names


@pytest.mark.parametrize("name, expected", [
    (".VnTime", "tcvn3"), (".VnArial", "tcvn3"), (".VnCentury Schoolbook", "tcvn3"), (".VnAvant", "tcvn3"),
    (".VnBook-Antiqua", "tcvn3"), (" .VnTime ", "tcvn3"), (".vntime", "tcvn3"),
    (".VnTimeH", "tcvn3h"), (".VnArialH", "tcvn3h"), (".VnCentury SchoolbookH", "tcvn3h"),
    (".VnAvantH", "tcvn3h"), (".VnArial NarrowH", "tcvn3h"),
    ("VNI-Times", "vni"), ("VNI-Helve", "vni"), ("VNI-Aptima", "vni"), ("vni-times", "vni"),
    ("VNI-Helve-Condense", "vni"),
    ("Times New Roman", None), ("Arial", None), ("", None), (None, None), (".Vn", None),
    ("VNI", None), ("Vnpt Sans", None), ("Calibri", None),
])
def test_legacy_encoding_from_font_name(name, expected):
    assert legacy_encoding(name) == expected


# ---------------------------------------------------------------- detection without a font


@pytest.mark.parametrize("text, expected", [
    ("Héi nghÞ Ban ChÊp hµnh §¶ng bé huyÖn", "tcvn3"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3"),
    ("Hoäi nghò Ban Chaáp haønh Ñaûng boä huyeän", "vni"),
    ("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", "vni"),
    ("§¶ng bé", "tcvn3"),
])
def test_looks_legacy_positive(text, expected):
    assert looks_legacy(text) == expected
    assert looks_legacy(_in_form(text, "pua")) == expected


@pytest.mark.parametrize("text", [
    SENTENCE, MOTTO, "Tôi là ông Tâm, có chín con", "Thanh Hoá, hoà bình, xoá bỏ", "Cà phê", "Hà Nội",
    "The quick brown fox – “quoted” … €5", "Microsoft® Word© 2007", "Où est le garçon? Août, Noël, naïve",
    "L’été à Paris: où êtes-vous? Déjà, très, forêt, élève", "Müller schön Größe", "Señor España año niño",
    "São Paulo, João, Ação", "Tôi có ½ con", "Theo § 3, tôi có", "ViÖt", "", "2023", "25°C, 5m²",
])
def test_looks_legacy_negative(text):
    assert looks_legacy(text) is None


@pytest.mark.parametrize("word, ok", [
    ("nghiêng", True), ("quốc", True), ("gìn", True), ("giữ", True), ("khuya", True), ("trường", True),
    ("Người", True), ("ươu", True), ("hoà", True), ("ộtộ", False), ("schửn", False), ("oự", False),
    ("forờt", False), ("Peđalosa", False), ("viưt", False),
])
def test_is_syllable(word, ok):
    assert is_syllable(word) is ok


# ---------------------------------------------------------------- properties


_VI_TEXT = st.text(alphabet=LOWER + UPPER + "bcdghklmnpqrstvxBCDGHKLMNPQRSTVX" + PUNCT, max_size=60)


@settings(max_examples=300)
@given(_VI_TEXT, st.sampled_from(FORMS))
def test_vni_round_trip_random_text(text, form):
    assert decode(encode(text, "vni", form=form), "vni") == text


@settings(max_examples=300)
@given(st.text(alphabet=LOWER + TCVN3_CAPITALS + "bcdghklmnpqrstvxBCDGHKLMNPQRSTVXAEIOUY" + PUNCT,
               max_size=60), st.sampled_from(FORMS))
def test_tcvn3_round_trip_random_text(text, form):
    assert decode(encode(text, "tcvn3", form=form), "tcvn3") == text


@settings(max_examples=300)
@given(_VI_TEXT, st.sampled_from(FORMS))
def test_tcvn3h_round_trip_random_text_is_upper_case(text, form):
    assert decode(encode(text, "tcvn3h", form=form), "tcvn3h") == text.upper()


@settings(max_examples=300)
@given(_VI_TEXT)
def test_unicode_vietnamese_never_looks_legacy(text):
    assert looks_legacy(text) is None


@given(_VI_TEXT)
def test_decoding_unicode_text_is_identity(text):
    if is_unicode_vietnamese(text):
        for enc in ("tcvn3", "tcvn3h", "vni"):
            assert decode(text, enc) == text


# ---------------------------------------------------------------- speed


def test_decoding_thousands_of_runs_is_fast():
    runs = [encode(SENTENCE, "tcvn3"), encode(SENTENCE, "vni"), encode(SENTENCE.upper(), "tcvn3h")] * 5000
    encodings = ["tcvn3", "vni", "tcvn3h"] * 5000
    start = time.perf_counter()
    out = [decode(r, e) for r, e in zip(runs, encodings)]
    assert time.perf_counter() - start < 2.0
    assert out[0] == SENTENCE and out[1] == SENTENCE and out[2] == SENTENCE.upper()

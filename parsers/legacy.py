"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI) as stored in .docx runs, to and from Unicode NFC.

A legacy-font run stores the font's byte values as Windows-1252 characters ("Céng hoµ" for "Cộng hoà").
Producers differ for bytes 0x80-0x9F (cp1252 '€', '“'... or C1 controls U+0080-U+009F) and symbol-font
producers store any byte b as U+F000+b; all three storage forms are accepted when decoding.

TCVN3 is TCVN 5712:1993 VN3: 67 precomposed lower-case letters and 7 capitals (Ă Â Ê Ô Ơ Ư Đ) in
0xA1-0xFE; capitals with tones are typed in the "H" font, which draws the lower-case codes (and a-z) as
capitals. VN3 leaves 0x80-0x9F to the font's Windows punctuation, so “ ” – … are not letters here.
VNI (VNI-Windows) writes a base letter followed by one mark character ("aø" = "à", "aá" = "ấ"), with
upper-case marks after upper-case letters, and single codes for đ, ơ, ư and the i/ỵ letters.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = [
    "decode", "decode_run", "encode", "ENCODINGS", "is_syllable", "is_unicode_vietnamese", "legacy_encoding",
    "looks_legacy", "TCVN3", "TCVN3H", "VIETNAMESE_LETTERS", "VNI",
]

TCVN3 = "tcvn3"
TCVN3H = "tcvn3h"
VNI = "vni"
ENCODINGS = (TCVN3, TCVN3H, VNI)

# Each row: the plain vowel and its tones in the order huyền, hỏi, ngã, sắc, nặng.
_ROWS = ("aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
         "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ")
VIETNAMESE_LETTERS = frozenset("".join(_ROWS) + "đ" + "".join(_ROWS).upper() + "Đ")

# TCVN 5712:1993 VN3 byte of each lower-case row (checked against glibc TCVN5712-1 and bogoengine).
_TCVN3_ROWS = {
    "a": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_SINGLES = {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}

# VNI marks in tone order huyền, hỏi, ngã, sắc, nặng; circumflex and breve carry the tone in one code.
_VNI_TONE = "øûõùï"
_VNI_CIRCUMFLEX = "âàåãáä"     # plain circumflex, then with each tone
_VNI_BREVE = "êèúüéë"
_VNI_I = "iìæóíò"               # i and its toned forms are single codes
_VNI_SINGLES = {"đ": "ñ", "ơ": "ô", "ư": "ö", "ỵ": "î"}


def _byte_char(b: int) -> str:
    """The character a cp1252 producer stores for byte b (bytes cp1252 leaves undefined stay U+0080+b)."""
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


_BYTE_OF = {_byte_char(b): b for b in range(0x100)}
# Alternative storage forms (C1 controls, symbol-font private use) → the cp1252 form.
_STORAGE = {b: _byte_char(b) for b in range(0x80, 0xA0) if _byte_char(b) != chr(b)}
_STORAGE.update({0xF000 + b: _byte_char(b) for b in range(0x20, 0x100)})
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _tcvn3_letters() -> dict[str, str]:
    """Unicode letter → its TCVN3 code (cp1252 form), lower case plus the seven capitals."""
    table = {letter: _byte_char(code) for row in _ROWS for letter, code in zip(row, _TCVN3_ROWS[row[0]])}
    table.update({letter: _byte_char(code) for letter, code in _TCVN3_SINGLES.items()})
    return table


def _vni_letters() -> dict[str, str]:
    """Unicode letter → its VNI code sequence (cp1252 form), both cases."""
    lower: dict[str, str] = {}
    for row in _ROWS:
        base = row[0]
        if base == "i":
            codes = tuple(_VNI_I)
        elif base in "âêô":
            codes = tuple(unicodedata.normalize("NFD", base)[0] + m for m in _VNI_CIRCUMFLEX)
        elif base == "ă":
            codes = tuple("a" + m for m in _VNI_BREVE)
        else:
            prefix = _VNI_SINGLES.get(base, base)
            codes = (prefix,) + tuple(prefix + m for m in _VNI_TONE)
        lower.update(zip(row, codes))
    lower.update(_VNI_SINGLES)
    return lower | {k.upper(): v.upper() for k, v in lower.items()}


_TCVN3_ENCODE = _tcvn3_letters()
_VNI_ENCODE = _vni_letters()


def _tcvn3_decode_table(upper: bool) -> dict[int, str]:
    """str.translate table from every storage form of a TCVN3 (or H-font) run to Unicode."""
    letters = {code: letter for letter, code in _TCVN3_ENCODE.items() if not code.isascii()}
    stored = {ord(c): c for c in letters} | _STORAGE
    if upper:
        stored |= {ord(c): c for c in "abcdefghijklmnopqrstuvwxyz"}
    table = {}
    for key, char in stored.items():
        value = letters.get(char, char)
        if upper and (value in VIETNAMESE_LETTERS or value.isascii()):
            value = value.upper()
        if value != chr(key):
            table[key] = value
    return table


_TCVN3_DECODE = _tcvn3_decode_table(upper=False)
_TCVN3H_DECODE = _tcvn3_decode_table(upper=True)
_VNI_DECODE = {code: letter for letter, code in _VNI_ENCODE.items() if not code.isascii()}
_VNI_MARKS = frozenset(_VNI_TONE + _VNI_CIRCUMFLEX + _VNI_BREVE)
_VNI_MARKS |= frozenset(m.upper() for m in _VNI_MARKS)
# A base followed by a mark of either case takes the case of the base ("Aù" and "AÙ" are both "Á").
_VNI_DECODE |= {code[0] + code[1].swapcase(): letter for code, letter in list(_VNI_DECODE.items())
                if len(code) == 2}
_VNI_BASES = "".join(sorted({code[0] for code in _VNI_DECODE if len(code) == 2}))
_VNI_ONE = {code: letter for code, letter in _VNI_DECODE.items() if len(code) == 1}
_VNI_PATTERN = re.compile(
    "[" + re.escape(_VNI_BASES) + "][" + re.escape("".join(sorted(_VNI_MARKS))) + "]"
    "|[" + re.escape("".join(sorted(_VNI_ONE))) + "]")
_VNI_CODE_CHARS = _VNI_MARKS | frozenset(_VNI_ONE)
_UNICODE_ONLY = frozenset(c for c in VIETNAMESE_LETTERS if c not in _BYTE_OF) | frozenset(
    chr(c) for c in range(0x0300, 0x0370))


def legacy_encoding(font_name: str | None) -> str | None:
    """The legacy encoding a font name implies: "tcvn3", "tcvn3h" (capital H font), "vni" or None."""
    if not font_name:
        return None
    name = font_name.strip()
    if name[:3].lower() == ".vn" and len(name) > 3:
        return TCVN3H if name.endswith("H") else TCVN3
    if re.match(r"vni[-_ ]\w", name, re.IGNORECASE):
        return VNI
    return None


def is_unicode_vietnamese(text: str) -> bool:
    """True when text holds letters or combining marks no legacy run can store: it is already Unicode."""
    return not _UNICODE_ONLY.isdisjoint(text)


def decode(text: str, encoding: str | None) -> str:
    """Unicode NFC of a run stored in a legacy encoding; text already in Unicode comes back unchanged."""
    if encoding is None or text.isascii() and encoding != TCVN3H or is_unicode_vietnamese(text):
        return unicodedata.normalize("NFC", text)
    if encoding == TCVN3:
        return unicodedata.normalize("NFC", text.translate(_TCVN3_DECODE))
    if encoding == TCVN3H:
        return unicodedata.normalize("NFC", text.translate(_TCVN3H_DECODE))
    if encoding == VNI:
        return unicodedata.normalize("NFC", _VNI_PATTERN.sub(_vni_match, text.translate(_STORAGE)))
    raise ValueError(f"Bảng mã không hỗ trợ: {encoding!r} / unsupported legacy encoding: {encoding!r}")


def _vni_match(m: re.Match[str]) -> str:
    code = m.group()
    letter = _VNI_DECODE.get(code)
    if letter is not None:
        return letter
    return _VNI_ONE.get(code[0], code[0]) + code[1:]   # base with a mark it cannot take: keep the mark


def decode_run(text: str, font_name: str | None) -> str:
    """Unicode NFC text of a run, decoded according to its font name."""
    return decode(text, legacy_encoding(font_name))


_FORMS = ("cp1252", "c1", "pua")


def encode(text: str, encoding: str, *, form: str = "cp1252") -> str:
    """The text a legacy-font run stores for Unicode text (tests, sample generator).

    "tcvn3h" stores everything as the H font does (lower-case codes), so it decodes to text.upper().
    form: "cp1252" (Word's usual), "c1" (bytes 0x80-0x9F as U+0080-U+009F) or "pua" (U+F000+byte).
    Raises ValueError for a letter the encoding has no code for, or a character that would decode differently.
    """
    if form not in _FORMS:
        raise ValueError(f"Dạng lưu không hỗ trợ: {form!r} / unsupported storage form: {form!r}")
    text = unicodedata.normalize("NFC", text)
    if encoding == TCVN3H:
        text, encoding = text.lower(), TCVN3
    if encoding == TCVN3:
        table, reserved = _TCVN3_ENCODE, {chr(k) for k in _TCVN3_DECODE}
    elif encoding == VNI:
        table, reserved = _VNI_ENCODE, _VNI_CODE_CHARS | {chr(k) for k in _STORAGE}
    else:
        raise ValueError(f"Bảng mã không hỗ trợ: {encoding!r} / unsupported legacy encoding: {encoding!r}")
    out = []
    for ch in text:
        code = table.get(ch)
        if code is None:
            if ch in reserved or ch in VIETNAMESE_LETTERS and not ch.isascii():
                raise ValueError(f"Không mã hoá được {ch!r} sang {encoding} / cannot encode {ch!r} in {encoding}")
            code = ch
        out.append(code)
    return _to_form("".join(out), form)


def _to_form(stored: str, form: str) -> str:
    if form == "cp1252":
        return stored
    out = []
    for ch in stored:
        b = _BYTE_OF.get(ch)
        if form == "c1":
            out.append(chr(b) if b is not None and 0x80 <= b < 0xA0 else ch)
        elif b is None:
            raise ValueError(f"Không có mã byte cho {ch!r} / no byte for {ch!r} in a symbol font")
        elif b < 0x20:
            out.append(ch)                      # tabs and breaks are not font text
        else:
            out.append(chr(0xF000 + b))
    return "".join(out)


# ---------------------------------------------------------------- detection without a font name

_NUCLEI = ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ "
           "uy ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu").split()
_SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    "(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")"
    "(?:ch|ng|nh|[cmnpt])?")
_LATIN1_VIETNAMESE = frozenset(c for c in VIETNAMESE_LETTERS if c in _BYTE_OF and not c.isascii())
_TOKEN = re.compile("(?:[^\\W\\d_]|[" + re.escape("".join(sorted(
    c for c in {chr(k) for k in _TCVN3_DECODE} | _VNI_CODE_CHARS if not c.isalpha()))) + "])+")


def is_syllable(word: str) -> bool:
    """True when word is one well-formed Vietnamese syllable (any case, at most one tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONE_MARKS for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def looks_legacy(text: str) -> str | None:
    """The legacy encoding ("tcvn3" or "vni") text is most likely stored in when its font name was lost.

    Conservative: at least two words must change into well-formed Vietnamese syllables, none may turn
    into a non-syllable, and some word must carry a code no Unicode Vietnamese or Western text would put
    inside a word ("µ", "§", "Ö" in "ViÖt", "ø" in "haønh"). Unicode Vietnamese, English and French give
    None. Works on a run; a paragraph's text gives more evidence.
    """
    if text.isascii() or is_unicode_vietnamese(text):
        return None
    tokens = _TOKEN.findall(text.translate(_STORAGE))
    best, best_score = None, 0
    for encoding in (TCVN3, VNI):
        score = _legacy_score(tokens, encoding)
        if score > best_score:
            best, best_score = encoding, score
    return best


def _legacy_score(tokens: list[str], encoding: str) -> int:
    """Words that decode into Vietnamese syllables, or 0 when the evidence for encoding is too thin."""
    valid = invalid = evidence = 0
    for token in tokens:
        decoded = decode(token, encoding)
        if decoded == token:
            continue
        if all(is_syllable(w) for w in _TOKEN.findall(decoded)):
            valid += 1
        else:
            invalid += 1
        evidence += len(token) > 1 and any(not c.isascii() and c not in _LATIN1_VIETNAMESE for c in token)
    if valid < 2 or evidence == 0 or invalid > (valid + invalid) // 10:
        return 0
    return valid

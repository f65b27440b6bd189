"""The comparison key of a sentence: what legitimately differs between units masked.

Masked: the reporting units' names (registry name, aliases, 'Đảng bộ huyện X', 'Huyện ủy X', 'huyện X',
the place name alone), other place names ('xã Đại Hiệp'), a bare 'huyện' / 'thành phố' standing for the
unit, numbers, percentages, ratios, dates, Roman ordinals and document numbers ('01-CTr/HU'). What stays
are the words that say what was done; two sentences are the same statement only when these words are the
same (`content_words`), so 'kiểm tra 12 tổ chức đảng' never merges with 'giám sát 12 tổ chức đảng'.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tonghop.model import Unit

__all__ = [
    "KIND", "LIST_LABEL", "Masked", "Masker", "masker_for", "modern_tones", "NAME", "NUM", "PLACE", "Slot", "TOKEN",
    "unit_name_forms",
]

NUM, NAME, PLACE, KIND = "num", "name", "place", "kind"    # slot kinds
TOKEN = {NUM: "0", NAME: "@", PLACE: "@", KIND: "@"}

_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha())
_CAP_WORD = rf"[{_UP}]\w*"
_KINDS = r"(?:huyện|thành phố|thị xã|quận|xã|phường|thị trấn|Huyện|Thành phố|Thị xã|Quận|Xã|Phường|Thị trấn|TP\.?|TX\.?)"
_COMMITTEE = r"(?:Đảng bộ|Đảng ủy|Huyện ủy|Thành ủy|Thị ủy|Quận ủy|BCH Đảng bộ|Ban Chấp hành Đảng bộ)"
_DOC = rf"\d+(?:/\d+)?(?:-[{_UP}][\w&]*)+(?:/[{_UP}][\w&]*)*|\d+/[{_UP}][\w&]*(?:-[{_UP}][\w&]*)+"
_DATE = r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}/\d{4}"
_NUMBER = r"\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)?(?:\s?%)?|\b[IVXL]{2,}\b"
_GENERIC_ORG = (rf"\b{_COMMITTEE}(?!\s+(?:tỉnh|Tỉnh|Trung ương|các cấp|cơ sở)\b)"
                rf"(?:\s+{_KINDS})?(?:\s+{_CAP_WORD})*")
_PLACE = rf"\b{_KINDS}\s+{_CAP_WORD}(?:\s+{_CAP_WORD})*"
_LIST_OF_KINDS = r"(?!\s*,\s*(?:huyện|thị xã|thành phố|quận|xã)\b)(?<!huyện, )(?<!thị xã, )"
_BARE_KIND = rf"(?<!cấp )(?<!Cấp )\b(?:huyện|thành phố|thị xã|quận|Huyện|Thành phố|Thị xã|Quận)\b{_LIST_OF_KINDS}"
_YEAR = re.compile(r"19[5-9]\d|20[0-4]\d")   # a year says when: part of the statement, not a unit's figure

# leading connectives that do not change what a sentence states ('Bên cạnh đó, …', 'Năm 2022, …')
_LEAD = re.compile(r"^(?:(?:bên cạnh đó|đặc biệt|nhìn chung|đồng thời|ngoài ra|mặt khác|nhất là|trong đó|"
                   r"(?:trong )?năm (?:0|\d{4})|(?:trong )?các năm (?:0|\d{4})(?: (?:0|\d{4}))*|qua đó|từ đó|cụ thể|"
                   r"theo đó)\s+)+")
_STOP = frozenset("và các của đã được những cho với trong là có này đó một theo về để từ tại trên đến nhằm cũng "
                  "đều rất hơn thì mà như bị do nên sẽ đang vẫn còn lại ra vào toàn".split())
LIST_LABEL = _LABEL = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•–*])\s+")   # '1.', '2.1.', 'a)', '-', '+'
_PUNCT = re.compile(r"[^\w@ ]+")
_SPACE = re.compile(r"\s+")
# old-style tone placement ('hoá', 'thuỷ') written the modern way ('hóa', 'thủy'): same length, same offsets
_TONE_FIX = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
             "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_TONE_RE = re.compile("(" + "|".join(_TONE_FIX) + r")(?![\w])", re.IGNORECASE)


def modern_tones(text: str) -> str:
    """'hoá' -> 'hóa', 'Thuỷ' -> 'Thủy' (only at a syllable's end), keeping the length."""
    text = unicodedata.normalize("NFC", text)

    def fix(m: re.Match) -> str:
        s = m.group(1)
        new = _TONE_FIX[s.lower()]
        return new.upper() if s.isupper() else (new[0].upper() + new[1:] if s[0].isupper() else new)
    return _TONE_RE.sub(fix, text)


@dataclass(frozen=True)
class Slot:
    """A masked span of a sentence: its kind and its text as written."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Masked:
    """A sentence with its comparison key, the words that carry its meaning and its masked slots."""

    text: str
    key: str                       # casefolded, punctuation dropped, slots as tokens, list label and leading
                                   # connective dropped
    content: frozenset[str]        # key words outside slots and function words
    slots: tuple[Slot, ...]
    lead: int = 0                  # characters of a list label and leading connective ('1. ', 'Bên cạnh đó, ')

    @property
    def shape(self) -> tuple[str, ...]:
        return tuple(TOKEN[s.kind] for s in self.slots)


def unit_name_forms(unit: Unit) -> list[str]:
    """The ways a report names a registry unit: registry name, aliases, 'Đảng bộ/Huyện ủy/huyện + place',
    the place alone ('Đại Lộc', 'Quân sự tỉnh')."""
    forms = {unit.ten, *unit.bi_danh}
    m = re.match(r"^(Huyện ủy|Thành ủy|Thị ủy|Quận ủy|Đảng ủy)\s+(.+)$", unit.ten)
    if m:
        place = m.group(2)
        kind = {"Huyện ủy": "huyện", "Thành ủy": "thành phố", "Thị ủy": "thị xã", "Quận ủy": "quận"}.get(m.group(1))
        forms.add(place)
        for org in ("Đảng bộ", "Đảng ủy", "Ban Chấp hành Đảng bộ", "BCH Đảng bộ", m.group(1)):
            forms.add(f"{org} {place}")
            if kind:
                forms.add(f"{org} {kind} {place}")
        if kind:
            forms.update({f"{kind} {place}", f"{kind.capitalize()} {place}"})
    return sorted((f for f in forms if len(f) >= 3), key=len, reverse=True)


class Masker:
    """Masks sentences against a units registry (compiled once per registry)."""

    def __init__(self, units: tuple[Unit, ...] = ()):
        names = sorted({modern_tones(f) for u in units for f in unit_name_forms(u)}, key=len, reverse=True)
        name_alt = "|".join(re.escape(n) for n in names) or r"(?!x)x"
        self._pattern = re.compile(
            rf"(?P<doc>{_DOC})|(?P<date>{_DATE})|(?P<num>{_NUMBER})"
            rf"|(?P<name>(?<![\w])(?:{name_alt})(?![\w]))|(?P<org>{_GENERIC_ORG})|(?P<place>{_PLACE})"
            rf"|(?P<kind>{_BARE_KIND})")
        self._seen: dict[str, Masked] = {}

    def mask(self, sentence: str) -> Masked:
        """The masked form of one sentence (never raises: a sentence without slots is its own key);
        a sentence seen before (boilerplate repeats across reports) is not masked again."""
        found = self._seen.get(sentence)
        if found is None:
            found = self._seen[sentence] = self._mask(sentence)
            if len(self._seen) > 200_000:
                self._seen.clear()
        return found

    def _mask(self, sentence: str) -> Masked:
        text = modern_tones(sentence)
        slots: list[Slot] = []
        pieces: list[str] = []
        label = _LABEL.match(text)
        pos = label.end() if label else 0
        for m in self._pattern.finditer(text, pos):
            group = m.lastgroup
            kind = NUM if group in ("doc", "date", "num") else NAME if group in ("name", "org") else \
                PLACE if group == "place" else KIND
            value = sentence[m.start():m.end()].rstrip()
            if not value or (group == "num" and _YEAR.fullmatch(value)):
                continue
            slots.append(Slot(kind, value, m.start(), m.start() + len(value)))
            pieces.append(text[pos:m.start()])
            pieces.append(f" {TOKEN[kind]} ")
            pos = m.start() + len(value)
        pieces.append(text[pos:])
        key = _SPACE.sub(" ", _PUNCT.sub(" ", "".join(pieces).casefold())).strip()
        lead = _LEAD.match(key)
        lead_chars = label.end() if label else 0
        if lead:
            key = key[lead.end():]
            lead_chars += _lead_chars(sentence[lead_chars:], lead.group(0))
        content = frozenset(w for w in key.split() if w not in _STOP and w not in ("0", "@"))
        return Masked(sentence, key, content, tuple(s for s in slots if s.start >= lead_chars), lead_chars)


def _lead_chars(sentence: str, key_lead: str) -> int:
    """How many characters of the sentence its leading connective takes, with the comma after it."""
    words = len(key_lead.split())
    m = re.match(rf"^\s*(?:\S+\s+){{{words - 1}}}\S+?[,:]?\s+", sentence)
    return m.end() if m else 0


@lru_cache(maxsize=8)
def masker_for(units: tuple[Unit, ...]) -> Masker:
    """One masker per registry (the regex is built once)."""
    return Masker(units)

"""Is a word a well-formed Vietnamese syllable? Used to tell typos from real words before correcting."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["is_syllable"]

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = ("uyu|uyê|uya|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo"
           "|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y")
_CODAS = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE = re.compile(rf"(?:{_ONSETS})?(?:{_NUCLEI})(?:{_CODAS})?")
_PLAIN_SYLLABLE = re.compile(rf"(?:{_ONSETS.replace('đ', 'd')})?(?:{_NUCLEI})(?:{_CODAS})?".translate(
    str.maketrans("ăâêôơưđ", "aaeooud")))


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True for a shape Vietnamese allows (onset, nucleus, coda, at most one tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tones = sum(1 for c in decomposed if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if bare.isascii():
        return _PLAIN_SYLLABLE.fullmatch(bare) is not None
    return _SYLLABLE.fullmatch(bare) is not None

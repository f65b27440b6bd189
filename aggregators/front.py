"""Which of a report's front matter is body: the header block (letterhead, number, date), the title and
subject, the addressee, a table of contents and the opening formula are not; what follows them is the
unit's own text and belongs in the draft even though no outline heading was recognised above it.
"""
from __future__ import annotations

import re

from tonghop.model import Paragraph, Section, Table
from tonghop.parsers.normalize import clean, strip_diacritics

__all__ = ["body_start", "front_body", "header_like", "subject_line"]

_TITLE = re.compile(r"^(?:bao cao|so ket|tong ket)\b")
_SUBJECT = re.compile(r"^(?:so ket|tong ket|ve viec|v/v|giua nhiem ky|nhiem ky|ket qua so ket)\b")
_OPENING = re.compile(r"^(?:thuc hien|can cu|theo|trien khai|thi hanh)\b")
_DATE_LINE = re.compile(r"\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}\b")
_NUMBER_LINE = re.compile(r"^so\s*[:.]?\s*\d")
_PAGE_NUMBER = re.compile(r"\s\d{1,3}$")
_SHORT_WORDS = 20


def _plain(text: str) -> str:
    return strip_diacritics(clean(text)).casefold()


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def header_like(text: str) -> bool:
    """A line of the header block: letterhead in capitals, '*', 'Số …', '…, ngày … tháng … năm …'."""
    plain, letters = _plain(text), _letters(text)
    return (not letters or letters.isupper() or bool(_NUMBER_LINE.match(plain) or _DATE_LINE.search(plain))
            or plain.startswith("kinh gui"))


def subject_line(text: str, right_after_bare_title: bool) -> bool:
    """A line of the title block after 'BÁO CÁO': the subject, its wrapped continuation, a separator."""
    plain, letters = _plain(text), _letters(text)
    if plain == "muc luc":
        return False
    if not letters or right_after_bare_title or _SUBJECT.match(plain):
        return True
    stripped = clean(text)
    if stripped[:1].isalpha() and stripped[:1].islower():          # '… và Nghị quyết Đại hội XIII'
        return True
    return len(stripped.split()) <= _SHORT_WORDS and not stripped.endswith((".", ":", ";", "!", "?")) \
        and letters.isupper()


def _after_contents(texts: list[str], n: int) -> int:
    """First index after a table of contents that starts at n (lines in capitals or ending in a page number)."""
    while n < len(texts):
        text = clean(texts[n])
        letters = _letters(text)
        if letters and not letters.isupper() and not _PAGE_NUMBER.search(text):
            break
        n += 1
    return n


def body_start(texts: list[str], keep_opening: bool = False) -> int:
    """Index of the first front paragraph that is body (len(texts) when there is none)."""
    plains = [_plain(t) for t in texts]
    title = next((n for n, p in enumerate(plains) if _TITLE.match(p)), None)
    if title is None:
        n = 0
        while n < len(texts) and header_like(texts[n]):
            n += 1
    else:
        n = title + 1
        bare = plains[title] == "bao cao"
        while n < len(texts) and subject_line(texts[n], bare and n == title + 1):
            n += 1
    opened = keep_opening
    while n < len(texts):
        if not _letters(texts[n]) or plains[n].startswith("kinh gui"):
            n += 1
        elif plains[n] == "muc luc":
            n = _after_contents(texts, n + 1)
        elif not opened and _OPENING.match(plains[n]):
            opened = True
            n += 1
        else:
            break
    return n


def front_body(sections: tuple[Section, ...] | list[Section], keep_opening: bool = False
               ) -> tuple[tuple[Paragraph, ...], tuple[Table, ...]]:
    """The body paragraphs and tables of a submission's front matter (after title block and opening)."""
    paragraphs = [p for s in sections if s.id == "front" for p in s.paragraphs]
    tables = [t for s in sections if s.id == "front" for t in s.tables]
    start = body_start([p.text for p in paragraphs], keep_opening)
    cutoff = paragraphs[start - 1].index if start > 0 else -1
    return tuple(paragraphs[start:]), tuple(t for t in tables if t.index > cutoff)

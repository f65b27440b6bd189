"""Readings that are no indicator: a row about a person, a citation, a number that is a record's year or code.

An indicator reading needs a name of something measured and a number that looks like a value. Tables of
people (a list of cadres with their birth years, students with their student numbers and marks) and
reference lists (authors with years and page numbers) have the shape of an indicator table or sentence but
report nothing the catalog measures: "Nguyễn Văn An | 2000 | 1" is no result of 2000 against a target of 1.
"""
from __future__ import annotations

import re

from tonghop.indicators.numbers import Quantity
from tonghop.indicators.tables import Reading

__all__ = ["is_person_name", "is_record_number", "is_citation", "is_value_reading"]

# The family names that cover nearly all Vietnamese people; a person's name is one of them and 1-4 more
# capitalised words ("Nguyễn Văn An", "Đ/c Lê Thị Kim Oanh").
SURNAMES = frozenset((
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đoàn Đinh Trương Lâm Mai Tô Tạ Hà "
    "Châu Thái Lương Cao Văn Kiều Lưu Quách Triệu Tăng Trịnh Hứa La Từ Khổng Mạc Chu Phùng Nông Âu Đào Thân Vương "
    "Nghiêm Tôn Diệp Kim Bạch Giang Lại Lục Doãn Lã Lò Hoàng Ninh Quan Sầm Tống Viên Ông Trà Đàm Khúc Nhữ").split())
_TITLE = re.compile(r"^(?:(?:đ/c|đc|đồng chí|ông|bà|anh|chị|em|sv|hs|học viên|sinh viên|thầy|cô)\.?\s+)", re.I)
_WORD = re.compile(r"^[A-ZÀ-ỸĐ][a-zà-ỹđ]*$")
# A year of birth, admission, publication: a bare 4-digit number 1900-2099 without a unit.
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# A code: 9 or more digits in one run (student number, phone, ID card), or digits joined by dots in groups
# that are no thousands ("10.123456" of a party card).
_CODE = re.compile(r"^0\d{8,}$|^\d{9,}$|^\d{1,3}\.\d{4,}$")
# A reference: an author or title with a year in brackets and a publisher, volume or page ("(2019), … NXB
# Chính trị quốc gia, tr. 45").
_CITED_YEAR = re.compile(r"\((?:19|20)\d{2}[a-z]?\)")
_PUBLICATION = re.compile(r"\b(?:nxb|nhà xuất bản|tr\.\s*\d|trang \d|tập [\dIVX]+|số \d+/(?:19|20)\d{2}|isbn)", re.I)


def is_person_name(name: str) -> bool:
    """Whether a reading's name is a person's name ("Nguyễn Văn An", "Đ/c Trần Thị Bình")."""
    words = _TITLE.sub("", name.strip()).split()
    return 2 <= len(words) <= 5 and words[0] in SURNAMES and all(_WORD.match(w) for w in words)


def is_record_number(q: Quantity | None) -> bool:
    """Whether a quantity is a record's year or code rather than a measured value."""
    if q is None or q.unit or q.kind != "number" or q.comparator:
        return False
    raw = q.raw.strip()
    return bool(_YEAR.match(raw) or _CODE.match(raw))


def is_citation(text: str) -> bool:
    """Whether a sentence is an entry of a reference list."""
    return bool(_CITED_YEAR.search(text) and _PUBLICATION.search(text))


def is_value_reading(reading: Reading) -> bool:
    """Whether a reading reports an indicator: not a person's row, not a citation, and not a result that
    is a year or a code (with no unit, and no target of its own magnitude: "2000" against 1 is a year)."""
    if is_person_name(reading.name) or is_citation(reading.source.text):
        return False
    value, target = reading.value, reading.target
    if reading.unit is not None or not is_record_number(value):
        return True
    if target is None or target.value is None or is_record_number(target):
        return False
    ratio = value.value / target.value if target.value else float("inf")
    return 0.1 <= ratio <= 10

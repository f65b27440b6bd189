"""Which submissions count: identical copies dropped, versions of one report reduced to the latest,
and different reports that resolve to the same unit both kept (with a warning) instead of one being
silently dropped.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from rapidfuzz import fuzz, process

from tonghop.model import FileRecord, FileStatus, FileWarning, Submission
from tonghop.parsers.normalize import clean, strip_diacritics

__all__ = [
    "base_name", "CLAIMED_OVERLAP", "claims_version", "content_overlap", "identity_paragraphs", "Item", "local_day",
    "MIN_CHARS", "parse_time", "plausible_versions", "received_at", "SAME_NAME", "SAME_PARAGRAPH",
    "same_unit_warning", "select_versions", "UNKNOWN_PREFIX", "version_hint", "VERSION_OVERLAP",
]

UNKNOWN_PREFIX = "tep:"     # unit id given to a submission whose unit was not identified
VERSION_OVERLAP = 0.5       # share of paragraphs two files must have in common to be versions of one report
CLAIMED_OVERLAP = 0.2       # ... when a file name claims a version but the names differ
SAME_PARAGRAPH = 90.0       # rapidfuzz ratio on merge keys to call two paragraphs the same
SAME_NAME = 80.0            # rapidfuzz ratio on file names without their version marks
MIN_CHARS = 40              # shorter paragraphs (letterhead, dates, headings) say nothing about identity

Item = tuple[Submission, FileRecord]


# ---------------------------------------------------------------- times


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 timestamp as written (aware when it has an offset), or None."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def received_at(text: str | None) -> datetime:
    """A FileRecord's timestamp as naive UTC to the second, for ordering (unreadable: earliest)."""
    when = parse_time(text)
    if when is None:
        return datetime.min
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.replace(microsecond=0)


def local_day(text: str | None) -> date | None:
    """The calendar day of a timestamp in its own time zone."""
    when = parse_time(text)
    return when.date() if when else None


# ---------------------------------------------------------------- what a file name claims

_VERSION_NUMBER = re.compile(r"(?:^|[^a-z0-9])(?:v|ver|version|phien ban|lan|l)[\s._-]*(\d{1,2})(?!\d)")
_COPY_NUMBER = re.compile(r"\((\d{1,2})\)\s*$")
_REVISION_WORDS = re.compile(r"bo[\s._-]*sung|(?:^|[^a-z])bs(?:[^a-z]|$)|sua[\s._-]*doi|chinh[\s._-]*sua"
                             r"|hieu[\s._-]*chinh|cap[\s._-]*nhat|final|thay[\s._-]*the")


def _stem(source: str) -> str:
    return strip_diacritics(unicodedata.normalize("NFC", Path(source).stem)).casefold()


def version_hint(source: str) -> int:
    """Version a file name claims: 'v3' -> 3, 'lần 2' -> 2, 'bổ sung'/'sửa đổi' -> 2, '(1)' -> 2, else 1."""
    name = _stem(source)
    numbers = [int(m) for m in _VERSION_NUMBER.findall(name)]
    if numbers:
        return max(numbers)
    copy = _COPY_NUMBER.search(name)
    if copy:
        return int(copy.group(1)) + 1
    return 2 if _REVISION_WORDS.search(name) else 1


def claims_version(source: str) -> bool:
    """The file name says it is a version of something: 'lần 2', 'v2', 'bổ sung', 'sửa đổi', '(1)'."""
    name = _stem(source)
    return bool(_VERSION_NUMBER.search(name) or _COPY_NUMBER.search(name) or _REVISION_WORDS.search(name))


def base_name(source: str) -> str:
    """The file name without its version marks, as sorted plain words: 'Đại Lộc lần 2' -> 'dai loc'."""
    name = _COPY_NUMBER.sub(" ", _stem(source))
    name = _REVISION_WORDS.sub(" ", _VERSION_NUMBER.sub(" ", name))
    return " ".join(sorted(re.findall(r"[a-z0-9]+", name)))


# ---------------------------------------------------------------- what two files share

_WORD = re.compile(r"\w+")


def identity_paragraphs(sub: Submission) -> list[str]:
    """Comparison forms of the paragraphs that make a report what it is (closing block left out)."""
    keys = (" ".join(_WORD.findall(clean(p.text).casefold()))
            for s in sub.sections if s.id != "back" for p in s.paragraphs)
    return [k for k in keys if len(k) >= MIN_CHARS]


def content_overlap(a: Submission, b: Submission) -> float:
    """The smaller of the two shares of each file's paragraphs found (near-)identically in the other."""
    ka, kb = identity_paragraphs(a), identity_paragraphs(b)
    if not ka or not kb:
        return 0.0
    scores = process.cdist(ka, kb, scorer=fuzz.ratio, score_cutoff=SAME_PARAGRAPH, workers=-1)
    shared_a = float((scores.max(axis=1) > 0).mean())
    shared_b = float((scores.max(axis=0) > 0).mean())
    return min(shared_a, shared_b)


def plausible_versions(a: Submission, b: Submission) -> bool:
    """Two files of one unit are versions of one report: most paragraphs shared, or a name that claims
    a version together with a similar name or some shared content."""
    overlap = content_overlap(a, b)
    if overlap >= VERSION_OVERLAP:
        return True
    if not (claims_version(a.source) or claims_version(b.source)):
        return False
    return overlap >= CLAIMED_OVERLAP or fuzz.ratio(base_name(a.source), base_name(b.source)) >= SAME_NAME


# ---------------------------------------------------------------- selection


def _rank(item: Item) -> tuple:
    sub, rec = item
    return version_hint(sub.source), received_at(rec.received), Path(sub.source).name, sub.source


def _unit_of(item: Item) -> str:
    return item[0].unit.id or UNKNOWN_PREFIX + item[0].source


def same_unit_warning(unit: str, names: list[str]) -> FileWarning:
    """The warning both files carry when different reports resolve to one unit."""
    count_vi = "Hai" if len(names) == 2 else str(len(names))
    count_en = "two" if len(names) == 2 else str(len(names))
    files = ", ".join(names)
    return FileWarning("same-unit", f"{count_vi} báo cáo cùng được nhận là của đơn vị {unit} ({files}), cần rà soát",
                       f"{count_en} reports identified as unit {unit} ({files}), please review")


def _drop_copies(items: list[Item]) -> tuple[list[Item], list[FileRecord]]:
    kept: dict[str, Item] = {}
    skipped: list[FileRecord] = []
    for item in sorted(items, key=_rank, reverse=True):
        best = kept.get(item[0].sha256)
        if best is None:
            kept[item[0].sha256] = item
            continue
        name = Path(best[0].source).name
        skipped.append(replace(item[1], status=FileStatus.SKIPPED, unit=item[0].unit.id or item[1].unit,
                               reason=f"Trùng nội dung với {name} / duplicate of {name}"))
    return list(kept.values()), skipped


def _latest_versions(group: list[Item]) -> tuple[list[Item], list[FileRecord]]:
    """Within one unit's files (best first): each file is the latest version, or an older one of a kept file."""
    kept: list[Item] = []
    skipped: list[FileRecord] = []
    for item in group:
        newer = next((k for k in kept if plausible_versions(k[0], item[0])), None)
        if newer is None:
            kept.append(item)
            continue
        name = Path(newer[0].source).name
        skipped.append(replace(
            item[1], status=FileStatus.SKIPPED, unit=item[0].unit.id,
            reason=f"Phiên bản cũ hơn, đã dùng bản {name} / older version, {name} is used instead"))
    if len(kept) > 1:
        match = kept[0][0].unit
        unit = f"{match.name} ({match.id})" if match.name else (match.id or "")
        warning = same_unit_warning(unit, sorted(Path(s.source).name for s, _ in kept))
        kept = [(s, replace(r, warnings=tuple(dict.fromkeys(r.warnings + (warning,))))) for s, r in kept]
    return kept, skipped


def select_versions(items: list[Item]) -> tuple[list[Item], list[FileRecord]]:
    """Keep one copy per content and the latest version of each report; the rest become 'skipped'.

    Files of one unit that are not plausibly versions of one report are all kept, and their records
    carry a warning naming each other."""
    unique, skipped = _drop_copies(items)
    groups: dict[str, list[Item]] = {}
    for item in sorted(unique, key=_rank, reverse=True):
        groups.setdefault(_unit_of(item), []).append(item)
    kept: list[Item] = []
    for group in groups.values():
        group_kept, group_skipped = _latest_versions(group)
        kept += group_kept
        skipped += group_skipped
    order = {id(item[0]): n for n, item in enumerate(items)}
    return (sorted(kept, key=lambda it: order[id(it[0])]), sorted(skipped, key=lambda r: r.source))

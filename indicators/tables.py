"""Indicator tables: which tables report chỉ tiêu, each column's role, and one reading per data row.

Roles come from the header words (one or two header rows; merged cells arrive repeated in each
logical cell) and are checked against the column contents; position is never used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tonghop.aggregators.matching import unit_class, unit_suffix
from tonghop.indicators.numbers import Quantity, find_quantities, parse_number, parse_quantity
from tonghop.indicators.status import parse_status
from tonghop.model import SourceKind, SourceRef, Status, Table
from tonghop.parsers.normalize import match_key, strip_diacritics

__all__ = ["column_layout", "column_roles", "header_role", "Reading", "ROLES", "table_readings", "transposed"]

ROLES = ("stt", "name", "unit", "target", "value", "estimate", "status", "comparison")

# Header words per role, without diacritics, tried in this order (the first that matches wins).
_HEADER_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((role, re.compile(p)) for role, p in (
    ("stt", r"^(?:stt|tt|so tt|so thu tu)$"),
    ("unit", r"\b(?:dvt|don vi tinh|don vi)\b"),
    ("estimate", r"\b(?:uoc|du uoc|du kien|uoc tinh)\b"),
    ("status", r"\b(?:danh gia|muc do|kha nang|tinh trang|ket qua so voi)\b"),
    ("comparison", r"\b(?:so sanh|so voi|ty le so|% so)\b"),
    ("target", r"\b(?:muc tieu|nghi quyet|nq|dh|dai hoi|de ra|ke hoach|kh)\b"
               r"|\bchi tieu (?:giao|den nam|nhiem ky|giai doan|\d{4})"),
    ("value", r"\b(?:thuc hien|ket qua|dat duoc|th|luy ke|hien nay|den nay)\b"),
    ("name", r"\b(?:chi tieu|noi dung|ten|danh muc)\b"),
))
_COLUMN_NUMBERS = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)?$", re.IGNORECASE)
_GROUP_LABEL = re.compile(r"^\s*(?:[A-ZĐ]|[IVX]{1,5})\s*[.\-)/:]?\s*$|^\s*(?:[A-ZĐ]|[IVX]{1,5})[.\-)/]\s+\S")
_NAME_LABEL = re.compile(r"^\s*(?:[-+*•–]\s*|(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]{1,5})[.)/-]\s+)")
# Words between a name and the target it states ("... duy trì ổn định ở mức 45%").
_TARGET_VERB = re.compile(r"(?:\s+(?:đạt(?: được| mức)?|từ|ở|mức|là|duy trì|ổn định|giữ vững|còn|lên|xuống|khoảng"
                          r"|tối thiểu|ít nhất))+\s*$", re.IGNORECASE)
_PURE_NUMBER = re.compile(r"^\s*[≥≤<>=~]?\s*[+\-−]?\d[\d.,]*\s*%?\s*$")
# A header that is only a year ("2022", "Năm 2022"): a column of results for that year.
_YEAR_HEADER = re.compile(r"^(?:nam )?(?:19|20)\d{2}$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Estimate columns for part of a year ("Ước 6 tháng 2023", "quý III") rank after the year's estimate.
_PART_OF_YEAR = re.compile(r"\b(?:thang|quy)\b")
# Target columns that are the resolution's (rank first) rather than one year's plan ("KH 2023").
_RESOLUTION_TARGET = re.compile(r"\b(?:nq|nghi quyet|dh|dai hoi|nhiem ky|giai doan|muc tieu|den nam)\b")


@dataclass(frozen=True)
class Reading:
    """One reported indicator before matching: the texts and quantities as read."""

    name: str
    unit: str | None
    value: Quantity | None
    target: Quantity | None
    target_raw: str | None
    estimate: Quantity | None
    status_raw: str | None
    source: SourceRef
    # An average change stated after a level of the same name ("còn 2,1%, giảm bình quân 1,2%/năm"):
    # an indicator of its own only when the level before it is not one.
    alternative: bool = False
    status: Status | None = None     # a status the reader already worked out (else parsed from status_raw)
    # The value is a share of the target ("đạt 100% chỉ tiêu"): an indicator only when the catalog
    # indicator is itself a completion rate ("Tỷ lệ hoàn thành chỉ tiêu ...").
    completion: bool = False
    # A yearly average stated after a total ("…, bình quân 1.217 lao động/năm"): the value of a yearly indicator.
    average: Quantity | None = None


def header_role(text: str) -> str | None:
    """The role a header cell's words name, or None."""
    key = strip_diacritics(match_key(text, ()))
    if _YEAR_HEADER.match(key):
        return "value"
    for role, pattern in _HEADER_RULES:
        if pattern.search(key):
            return role
    return None


def _is_number_cell(text: str) -> bool:
    return bool(_PURE_NUMBER.match(text)) and parse_number(text.strip().strip("≥≤<>=~%").strip()) is not None


def _holds_number(text: str) -> bool:
    """A cell with a number in it ("46,5% (Đạt)" is a result that states its status too)."""
    q = parse_quantity(text)
    return q is not None and q.value is not None


def _header_rows(rows: tuple[tuple[str, ...], ...]) -> int:
    """How many rows at the top are header rows (0 when none)."""
    count = 0
    for row in rows[:4]:
        cells = [c for c in row if c.strip()]
        if not cells or any(_is_number_cell(c) and header_role(c) is None for c in cells):
            break
        if count and len(cells) > 2 and len(set(cells)) == 1:     # a group row merged across the table
            break
        if not any(header_role(c) for c in cells):
            break
        count += 1
    return count


def column_roles(table: Table) -> tuple[dict[int, str], int]:
    """Role of each column and the index of the first body row; no roles when it is not an indicator table."""
    roles, body, _ = column_layout(table)
    return roles, body


def column_layout(table: Table, name_column: int | None = None) -> tuple[dict[int, str], int, dict[int, str]]:
    """Roles, first body row and each column's header words (all header rows joined); `name_column`
    is the column of names when the header does not say which."""
    rows = table.rows
    n_header = _header_rows(rows)
    if n_header == 0:
        return {}, 0, {}
    width = max(len(r) for r in rows)
    roles: dict[int, str] = {}
    headers: dict[int, str] = {}
    for col in range(width):
        parts = list(dict.fromkeys(r[col].strip() for r in rows[:n_header] if col < len(r) and r[col].strip()))
        headers[col] = " ".join(parts)
        estimate = any(header_role(p) == "estimate" for p in parts)
        role = "estimate" if estimate else header_role(headers[col]) if parts else None
        if role:
            roles[col] = role
    body = n_header
    while body < len(rows) and all(_COLUMN_NUMBERS.match(c.strip()) for c in rows[body] if c.strip()):
        body += 1
    if name_column is not None and "name" not in roles.values() and name_column not in roles:
        roles[name_column] = "name"
    roles = _check_contents(roles, rows[body:])
    if "name" not in roles.values() or not {"value", "estimate", "target"} & set(roles.values()):
        return {}, 0, {}
    return roles, body, headers


def _ranked(role: str, cols: list[int], headers: dict[int, str]) -> list[int]:
    """Columns of one role, the one to read first first: the latest year's result, the year's
    (not a part-year) estimate, the resolution's target before a year's plan; else the rightmost
    result and the leftmost of the others."""
    def key(col: int):
        head = strip_diacritics(match_key(headers.get(col, ""), ()))
        year = max((int(y) for y in _YEAR.findall(head)), default=0)
        if role == "value":
            return (-year, -col)
        if role == "estimate":
            return (bool(_PART_OF_YEAR.search(head)), -year, col)
        if role == "target":
            return (not _RESOLUTION_TARGET.search(head), col)
        return (col,)
    return sorted(cols, key=key)


# "Đạt trên 80% chỉ tiêu", "Đạt 100% kế hoạch": a status that quotes a share of the target
_STATUS_WITH_SHARE = re.compile(r"%\s*(?:trở lên\s*)?(?:so với\s*)?(?:chỉ tiêu|kế hoạch|kh\b|mục tiêu|nq\b|nghị quyết)",
                                re.IGNORECASE)


def _check_contents(roles: dict[int, str], body: tuple[tuple[str, ...], ...]) -> dict[int, str]:
    """Correct header roles by what the column holds: statuses, numbers, long texts."""
    roles = dict(roles)
    for col, role in list(roles.items()):
        cells = [r[col].strip() for r in body if col < len(r) and r[col].strip() and len(set(r)) > 1]
        if not cells:                                        # group rows ("A. KINH TẾ" across) say nothing
            continue
        statuses = sum(1 for c in cells if parse_status(c) is not None
                       and (not _holds_number(c) or _STATUS_WITH_SHARE.search(c)))
        if role in ("comparison", "value") and statuses >= 0.6 * len(cells):
            roles[col] = "status"
        elif role == "status" and statuses < 0.3 * len(cells):
            roles[col] = "comparison"
    if "name" not in roles.values():   # "Chỉ tiêu ĐH" over the names: the column of long texts is the name
        texts = {c: _text_share(body, c) for c, r in roles.items() if r in ("target", "value")}
        best = max(texts, key=texts.get, default=None)
        if best is not None and texts[best] >= 0.6:
            roles[best] = "name"
    names = [c for c, r in roles.items() if r == "name"]
    if len(names) > 1:     # "Chỉ tiêu" over a label column and a text column: keep the longer texts
        keep = max(names, key=lambda c: sum(len(r[c]) for r in body if c < len(r)))
        for c in names:
            if c != keep:
                roles[c] = "stt"
    return roles


def _text_share(body: tuple[tuple[str, ...], ...], col: int) -> float:
    """Share of a column's non-empty cells that read as names: 3+ words, mostly words of letters
    (a name may state its target: "Tỷ lệ che phủ rừng đạt 45% trở lên")."""
    cells = [r[col].strip() for r in body if col < len(r) and r[col].strip()]
    texts = [c for c in cells if _is_name_text(c)]
    return len(texts) / len(cells) if cells else 0.0


def _is_name_text(cell: str) -> bool:
    words = cell.split()
    letters = [w for w in words if any(ch.isalpha() for ch in w) and not any(ch.isdigit() for ch in w)]
    return len(letters) >= 3 and len(letters) >= 0.7 * len(words)


def transposed(table: Table) -> Table | None:
    """The table with rows and columns swapped when it is laid out the other way round: indicators
    across the header row, years, targets and estimates down the first column ("Năm | Tăng trưởng
    GRDP (%) | Thu NSNN (tỷ đồng)" over "Mục tiêu NQ", "2021", "2022", "Ước 2023"); else None."""
    rows = table.rows
    if len(rows) < 3 or min(len(r) for r in rows) < 3:
        return None
    names = sum(1 for c in rows[0][1:] if _is_name_text(c) or unit_suffix(c) and len(c.split()) >= 3)
    labels = sum(1 for r in rows[1:] if header_role(r[0]) in ("target", "value", "estimate"))
    if names < 2 or labels < 2 or labels < 0.6 * (len(rows) - 1):
        return None
    width = min(len(r) for r in rows)
    return Table(rows=tuple(tuple(r[c] for r in rows) for c in range(width)), index=table.index)


def table_readings(table: Table, section: str) -> list[Reading]:
    """One reading per data row of an indicator table (per column of a transposed one); group rows
    and rows without numbers skipped."""
    roles, body, headers = column_layout(table)
    if not roles and (swapped := transposed(table)) is not None:
        table = swapped
        roles, body, headers = column_layout(table, name_column=0)
    if not roles:
        return []
    by_role: dict[str, list[int]] = {}
    for col, role in sorted(roles.items()):
        by_role.setdefault(role, []).append(col)
    by_role = {role: _ranked(role, cols, headers) for role, cols in by_role.items()}
    readings = []
    for row in table.rows[body:]:
        reading = _row_reading(row, by_role, table.index, section)
        if reading is not None:
            readings.append(reading)
    return readings


def _cell(row: tuple[str, ...], cols: list[int] | None) -> str:
    for col in cols or ():
        if col < len(row) and row[col].strip():
            return row[col].strip()
    return ""


def _quantity_cell(row: tuple[str, ...], cols: list[int] | None) -> tuple[str, Quantity | None]:
    """The first cell (in rank order) that holds a number, with its quantity; else the first text."""
    for col in cols or ():
        text = row[col].strip() if col < len(row) else ""
        q = parse_quantity(text) if text else None
        if q is not None and q.value is not None:
            return text, q
    return _cell(row, cols), None


def _target_in_name(name: str) -> tuple[str, Quantity] | None:
    """A name cell that states its target ("... bình quân từ 7 - 7,5%"): the name without the
    number (a count's unit kept), and the target."""
    found = [q for q in find_quantities(name) if q.value is not None and not q.is_summary
             and q.kind not in ("change", "multiplier")]
    if not found:
        return None
    q = found[-1]
    unit = f" {q.unit}" if q.unit and unit_class(q.unit) and unit_class(q.unit).startswith("count:") else ""
    head = _TARGET_VERB.sub("", name[:q.start])
    rest = " ".join(f"{head}{unit} {name[q.end:]}".split()).strip(" ,;:")
    return (rest, q) if len(rest.split()) >= 2 else None


def _row_reading(row: tuple[str, ...], by_role: dict[str, list[int]], index: int, section: str) -> Reading | None:
    name = _cell(row, by_role["name"])
    texts = [c.strip() for c in row if c.strip()]
    if not name or len(set(texts)) == 1 or _GROUP_LABEL.match(name):
        return None
    if _GROUP_LABEL.match(_cell(row, by_role.get("stt"))) and name.isupper():
        return None
    (value_raw, value), (target_raw, target), (estimate_raw, estimate) = (
        _quantity_cell(row, by_role.get(r)) for r in ("value", "target", "estimate"))
    if "target" not in by_role and (stated := _target_in_name(name)) is not None:
        name, target = stated
        target_raw = target.raw
    if not any(q is not None and q.value is not None for q in (value, target, estimate)):
        return None
    if value is not None and value.kind in ("pair", "count_of_total") and target is None and value.second is not None:
        target_raw = value.raw.split("/", 1)[1].strip()
        target = parse_quantity(target_raw)
    elif value is None and target is not None and target.kind in ("pair", "count_of_total") \
            and target.second is not None:         # "Thực hiện/Chỉ tiêu NQ": "3.120/5.000"
        value_raw, target_raw = (p.strip() for p in target.raw.split("/", 1))
        value, target = parse_quantity(value_raw), parse_quantity(target_raw)
    unit = _cell(row, by_role.get("unit")) or next(
        (q.unit for q in (value, target, estimate) if q is not None and q.unit), None) or unit_suffix(name)
    status_raw = _cell(row, by_role.get("status")) or None
    if status_raw is None and value is not None and parse_status(value_raw) is not None:
        status_raw = value_raw                # "7,2% - Chưa đạt" in the result column
    clean_name = _NAME_LABEL.sub("", name).strip()
    return Reading(name=clean_name, unit=unit, value=value, target=target, target_raw=target_raw or None,
                   estimate=estimate, status_raw=status_raw,
                   source=SourceRef(section=section, kind=SourceKind.TABLE, text=" | ".join(row), paragraph=index))

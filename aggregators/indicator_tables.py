"""Indicator tables: which tables report chỉ tiêu, each column's role, and one reading per data row.

Roles come from the header words (one or two header rows; merged cells arrive repeated in each
logical cell) and are checked against the column contents; position is never used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from aggregators.numbers import Quantity, parse_number, parse_quantity
from aggregators.status import parse_status
from model import SourceRef, Table
from parsers.normalize import match_key, strip_diacritics

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
_PURE_NUMBER = re.compile(r"^\s*[≥≤<>=~]?\s*[+\-−]?\d[\d.,]*\s*%?\s*$")


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


def header_role(text: str) -> str | None:
    """The role a header cell's words name, or None."""
    key = strip_diacritics(match_key(text, ()))
    for role, pattern in _HEADER_RULES:
        if pattern.search(key):
            return role
    return None


def _is_number_cell(text: str) -> bool:
    return bool(_PURE_NUMBER.match(text)) and parse_number(text.strip().strip("≥≤<>=~%").strip()) is not None


def _header_rows(rows: tuple[tuple[str, ...], ...]) -> int:
    """How many rows at the top are header rows (0 when none)."""
    count = 0
    for row in rows[:4]:
        cells = [c for c in row if c.strip()]
        if not cells or any(_is_number_cell(c) for c in cells):
            break
        if count and len(cells) > 2 and len(set(cells)) == 1:     # a group row merged across the table
            break
        if not any(header_role(c) for c in cells):
            break
        count += 1
    return count


def column_roles(table: Table) -> tuple[dict[int, str], int]:
    """Role of each column and the index of the first body row; no roles when it is not an indicator table."""
    rows = table.rows
    n_header = _header_rows(rows)
    if n_header == 0:
        return {}, 0
    width = max(len(r) for r in rows)
    roles: dict[int, str] = {}
    for col in range(width):
        parts = list(dict.fromkeys(r[col].strip() for r in rows[:n_header] if col < len(r) and r[col].strip()))
        estimate = any(header_role(p) == "estimate" for p in parts)
        role = "estimate" if estimate else header_role(" ".join(parts)) if parts else None
        if role:
            roles[col] = role
    body = n_header
    while body < len(rows) and all(_COLUMN_NUMBERS.match(c.strip()) for c in rows[body] if c.strip()):
        body += 1
    roles = _check_contents(roles, rows[body:])
    if "name" not in roles.values() or not {"value", "estimate", "target"} & set(roles.values()):
        return {}, 0
    return roles, body


def _check_contents(roles: dict[int, str], body: tuple[tuple[str, ...], ...]) -> dict[int, str]:
    """Correct header roles by what the column holds: statuses, numbers, long texts."""
    roles = dict(roles)
    for col, role in list(roles.items()):
        cells = [r[col].strip() for r in body if col < len(r) and r[col].strip()]
        if not cells:
            continue
        statuses = sum(1 for c in cells if parse_status(c) is not None and not _is_number_cell(c))
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
    """Share of a column's non-empty cells that are texts of 3+ words without digits."""
    cells = [r[col].strip() for r in body if col < len(r) and r[col].strip()]
    texts = [c for c in cells if len(c.split()) >= 3 and not any(ch.isdigit() for ch in c)]
    return len(texts) / len(cells) if cells else 0.0


def table_readings(table: Table, section: str) -> list[Reading]:
    """One reading per data row of an indicator table; group rows and rows without numbers skipped."""
    roles, body = column_roles(table)
    if not roles:
        return []
    by_role: dict[str, list[int]] = {}
    for col, role in sorted(roles.items()):
        by_role.setdefault(role, []).append(col)
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


def _row_reading(row: tuple[str, ...], by_role: dict[str, list[int]], index: int, section: str) -> Reading | None:
    name = _cell(row, by_role["name"])
    texts = [c.strip() for c in row if c.strip()]
    if not name or len(set(texts)) == 1 or _GROUP_LABEL.match(name):
        return None
    if _GROUP_LABEL.match(_cell(row, by_role.get("stt"))) and name.isupper():
        return None
    value_raw, target_raw, estimate_raw = (_cell(row, by_role.get(r)) for r in ("value", "target", "estimate"))
    value, target, estimate = (parse_quantity(t) if t else None for t in (value_raw, target_raw, estimate_raw))
    if not any(q is not None and q.value is not None for q in (value, target, estimate)):
        return None
    if value is not None and value.kind in ("pair", "count_of_total") and target is None and value.second is not None:
        target_raw = value.raw.split("/", 1)[1].strip()
        target = parse_quantity(target_raw)
    unit = _cell(row, by_role.get("unit")) or next(
        (q.unit for q in (value, target, estimate) if q is not None and q.unit), None)
    status_raw = _cell(row, by_role.get("status")) or None
    clean_name = _NAME_LABEL.sub("", name).strip()
    return Reading(name=clean_name, unit=unit, value=value, target=target, target_raw=target_raw or None,
                   estimate=estimate, status_raw=status_raw,
                   source=SourceRef(section=section, kind="table", text=" | ".join(row), paragraph=index))

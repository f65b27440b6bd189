"""Analysts' decisions on disk: harvested from the previous workbook's `Cần rà soát`, read from a CSV,
appended once to quyet-dinh.csv. The only module that reads a workbook back.

Nothing an analyst wrote is lost: every decision read is in quyet-dinh.csv before the old workbook is
archived, unknown ids included (they are reported, never applied). What cannot be read (a formula, a
deleted column, a renamed sheet, a damaged file) is skipped with a note for `Cần rà soát` and the manifest.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tonghop.aggregators.decisions import NOT_IN_CATALOG, VALUE_ONLY, decision_key
from tonghop.indicators.numbers import parse_number
from tonghop.model import Decision
from tonghop.reports.atomic import write_bytes_atomic

__all__ = [
    "analyst_of", "append_decisions", "CSV_COLUMNS", "DECISIONS_FILE", "DecisionsRun", "gather_decisions", "Harvest",
    "harvest_workbook", "new_decisions", "read_decisions_csv", "REVIEW_SHEET",
]

DECISIONS_FILE = "quyet-dinh.csv"
CSV_COLUMNS = ("ma_don_vi", "ten_nguyen_van", "quyet_dinh", "nguoi_quyet_dinh", "thoi_diem", "gia_tri_dung")
REVIEW_SHEET = "Cần rà soát"
COL_UNIT, COL_NAME, COL_DECISION, COL_VALUE = "Mã đơn vị", "Tên chỉ tiêu (nguyên văn)", "Quyết định", "Giá trị đúng"
OUR_WRITER = "tonghop"


@dataclass(frozen=True)
class Harvest:
    """Decisions read from one source (a workbook or a CSV), and notes on what could not be read."""

    decisions: tuple[Decision, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecisionsRun:
    """Every decision this run applies (quyet-dinh.csv after appending), what was new, and the notes."""

    decisions: tuple[Decision, ...] = ()
    harvested: int = 0                 # filled rows read from the previous workbook
    from_file: int = 0                 # rows read from --decisions FILE
    appended: tuple[Decision, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def summary(self) -> dict:
        """The manifest's `decisions` entry."""
        return {"file": DECISIONS_FILE, "total": len(self.decisions), "harvested": self.harvested,
                "from_file": self.from_file, "appended": len(self.appended), "notes": list(self.notes)}


# ---------------------------------------------------------------- the workbook


def _fold(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def _review_sheet(wb) -> tuple[object | None, int, dict[str, int], list[str]]:
    """The review sheet (by name, else the sheet whose header has the decision columns), its header row,
    column positions by header text, and notes."""
    wanted = {_fold(COL_UNIT), _fold(COL_NAME)}
    ordered = sorted(wb.worksheets, key=lambda ws: ws.title != REVIEW_SHEET)
    for ws in ordered:
        for r, row in enumerate(ws.iter_rows(min_row=1, max_row=5, values_only=True), start=1):
            columns: dict[str, int] = {}
            for c, value in enumerate(row):
                columns.setdefault(_fold(value), c)
            if wanted <= columns.keys() and ({_fold(COL_DECISION), _fold(COL_VALUE)} & columns.keys()
                                             or ws.title == REVIEW_SHEET):
                notes = [] if ws.title == REVIEW_SHEET else [
                    f"Không thấy sheet '{REVIEW_SHEET}', đọc quyết định từ sheet '{ws.title}' / "
                    f"sheet '{REVIEW_SHEET}' not found, decisions read from sheet '{ws.title}'"]
                return ws, r, columns, notes
    names = ", ".join(f"'{ws.title}'" for ws in wb.worksheets)
    return None, 0, {}, [f"Không tìm thấy sheet có cột '{COL_UNIT}', '{COL_NAME}' và '{COL_DECISION}' (có: {names}); "
                         f"không thu được quyết định nào / no sheet with the decision columns, nothing harvested"]


def _is_formula(cell) -> bool:
    return cell is not None and (cell.data_type == "f" or type(cell.value).__name__ in ("ArrayFormula", "DataTableFormula"))


def _cell_text(cell) -> str:
    value = cell.value if cell is not None else None
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _canonical_id(text: str, catalog_ids: dict[str, str]) -> str:
    """The analyst's id as the catalog spells it (case and spaces aside), else as typed."""
    if text in ("-", "–", "—"):
        return NOT_IN_CATALOG
    return catalog_ids.get(text.casefold().replace(" ", "_"), text)


def _value(cell) -> tuple[float | None, str | None]:
    """A corrected value: a number cell, or text in Vietnamese number format; (None, reason) otherwise."""
    value = cell.value if cell is not None else None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, f"'{value}' không phải số / not a number"
    if isinstance(value, (int, float)):
        return float(value), None
    number = parse_number(str(value).replace("%", ""))
    return (number, None) if number is not None else (None, f"'{value}' không phải số / not a number")


def analyst_of(wb) -> tuple[str, datetime | None]:
    """Who last saved the workbook (empty when it was only ever written by tonghop) and when, if after writing."""
    props = wb.properties
    who = (props.lastModifiedBy or "").strip()
    if who.casefold() in (OUR_WRITER, "openpyxl"):
        who = ""
    when = None
    if props.modified and props.modified != props.created:      # saved after tonghop wrote it (stored as UTC)
        when = props.modified.replace(tzinfo=UTC) if props.modified.tzinfo is None else props.modified
    return who, when


def harvest_workbook(path: Path | str, catalog_ids: list[str] | tuple[str, ...] = (),
                     now: datetime | None = None) -> Harvest:
    """Every filled `Quyết định` / `Giá trị đúng` of the workbook's review sheet as decisions, with the
    analyst from the workbook's last-modified-by and the time it was saved (else `now`)."""
    path = Path(path)
    notes: list[str] = []
    lock = path.with_name("~$" + path.name)
    if lock.exists():
        notes.append(f"Sổ {path.name} đang mở trong Excel (có tệp khóa {lock.name}): đã đọc bản lưu gần nhất, "
                     f"thay đổi chưa lưu không được thu / {path.name} is open in Excel: read as last saved")
    if not path.exists():
        return Harvest(notes=tuple(notes))
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=False)
    except Exception as exc:  # noqa: BLE001 - a hand-damaged workbook must not stop the night's run
        notes.append(f"Không đọc được sổ {path.name} ({type(exc).__name__}), không thu được quyết định; tệp cũ vẫn "
                     f"được lưu trong luu-tru / cannot read {path.name}, no decisions harvested; it is still archived")
        return Harvest(notes=tuple(notes))
    ws, header_row, columns, sheet_notes = _review_sheet(wb)
    notes += sheet_notes
    if ws is None:
        return Harvest(notes=tuple(notes))
    decision_col, value_col = columns.get(_fold(COL_DECISION)), columns.get(_fold(COL_VALUE))
    if decision_col is None and value_col is None:
        notes.append(f"Sheet '{ws.title}' không còn cột '{COL_DECISION}' và '{COL_VALUE}': không thu được quyết định "
                     f"/ the decision columns were deleted, nothing harvested")
        return Harvest(notes=tuple(notes))
    analyst, saved = analyst_of(wb)
    when = (saved.astimezone(now.tzinfo) if saved and now and now.tzinfo else saved or now or datetime.now()
            ).isoformat(timespec="seconds")
    ids = {i.casefold(): i for i in catalog_ids}
    unit_col, name_col = columns[_fold(COL_UNIT)], columns[_fold(COL_NAME)]
    decisions = []
    for r, row in enumerate(ws.iter_rows(min_row=header_row + 1), start=header_row + 1):
        def cell(c, row=row):
            return row[c] if c is not None and c < len(row) else None
        dec_cell, val_cell = cell(decision_col), cell(value_col)
        where = f"Sheet '{ws.title}' dòng {r}"
        if _is_formula(dec_cell) or _is_formula(val_cell):
            notes.append(f"{where}: công thức trong cột {COL_DECISION}/{COL_VALUE} bị bỏ qua, hãy gõ giá trị / "
                         f"row {r}: a formula in the decision columns is ignored, type the value")
            continue
        text = _cell_text(dec_cell)
        value, bad_value = _value(val_cell)
        if bad_value:
            notes.append(f"{where}: {COL_VALUE} {bad_value}, bỏ qua / row {r}: corrected value ignored")
        if not text and value is None:
            continue
        unit, name = _cell_text(cell(unit_col)), _cell_text(cell(name_col))
        if not unit or not name:
            notes.append(f"{where}: có quyết định '{text or value}' nhưng thiếu {COL_UNIT} hoặc {COL_NAME}, bỏ qua / "
                         f"row {r}: a decision without unit id or indicator name is ignored")
            continue
        decisions.append(Decision(unit_id=unit, name_raw=name, decision=_canonical_id(text, ids) if text else VALUE_ONLY,
                                  analyst=analyst, decided_at=when, value=value))
    return Harvest(decisions=tuple(decisions), notes=tuple(notes))


# ---------------------------------------------------------------- the CSV


def _csv_value(text: str) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return parse_number(text)


def read_decisions_csv(path: Path | str, catalog_ids: list[str] | tuple[str, ...] = ()) -> Harvest:
    """Decisions from a CSV shaped like quyet-dinh.csv (UTF-8, header row; gia_tri_dung optional)."""
    path = Path(path)
    if not path.exists():
        return Harvest()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return Harvest(notes=(f"Không đọc được {path.name} ({type(exc).__name__}) / cannot read {path.name}",))
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS[:3] if c not in (reader.fieldnames or ())]
    if missing:
        return Harvest(notes=(f"{path.name} thiếu cột {', '.join(missing)}, không đọc được quyết định / "
                              f"{path.name} lacks columns {', '.join(missing)}",))
    ids = {i.casefold(): i for i in catalog_ids}
    decisions, notes = [], []
    for n, row in enumerate(reader, start=2):
        unit, name = " ".join((row.get("ma_don_vi") or "").split()), " ".join((row.get("ten_nguyen_van") or "").split())
        text = " ".join((row.get("quyet_dinh") or "").split())
        value = _csv_value(row.get("gia_tri_dung") or "")
        if not unit or not name or (not text and value is None):
            notes.append(f"{path.name} dòng {n}: thiếu mã đơn vị, tên hoặc quyết định, bỏ qua / line {n} incomplete, ignored")
            continue
        decisions.append(Decision(unit_id=unit, name_raw=name, decision=_canonical_id(text, ids) if text else VALUE_ONLY,
                                  analyst=(row.get("nguoi_quyet_dinh") or "").strip(),
                                  decided_at=(row.get("thoi_diem") or "").strip(), value=value))
    return Harvest(decisions=tuple(decisions), notes=tuple(notes))


def _same(a: Decision, b: Decision) -> bool:
    return decision_key(a.unit_id, a.name_raw) == decision_key(b.unit_id, b.name_raw) \
        and a.decision == b.decision and a.value == b.value


def new_decisions(existing: tuple[Decision, ...], incoming: tuple[Decision, ...]) -> tuple[Decision, ...]:
    """The incoming decisions that change something: not the latest recorded one for that reading."""
    latest: dict[tuple[str, str], Decision] = {}
    for d in existing:
        latest[decision_key(d.unit_id, d.name_raw)] = d
    out = []
    for d in incoming:
        key = decision_key(d.unit_id, d.name_raw)
        if key in latest and _same(latest[key], d):
            continue
        latest[key] = d
        out.append(d)
    return tuple(out)


def _row(d: Decision) -> list[str]:
    value = "" if d.value is None else (str(int(d.value)) if d.value.is_integer() else repr(d.value))
    return [d.unit_id, d.name_raw, d.decision, d.analyst, d.decided_at, value]


def append_decisions(path: Path | str, decisions: tuple[Decision, ...]) -> Path:
    """quyet-dinh.csv with the decisions appended (header first when the file is new), atomically; the bytes
    already there are kept as they are."""
    path = Path(path)
    existing = path.read_bytes() if path.exists() else b""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if not existing.strip():
        existing = b""
        writer.writerow(CSV_COLUMNS)
    elif not existing.endswith(b"\n"):
        buffer.write("\n")
    for d in decisions:
        writer.writerow(_row(d))
    return write_bytes_atomic(path, existing + buffer.getvalue().encode("utf-8"))


def gather_decisions(out_dir: Path | str, workbook_name: str, decisions_file: Path | str | None,
                     catalog_ids: list[str] | tuple[str, ...], now: datetime | None = None) -> DecisionsRun:
    """Before the previous workbook is archived: harvest its decisions and those of --decisions FILE, append the
    new ones to out/quyet-dinh.csv, and return every decision recorded there."""
    out_dir = Path(out_dir)
    target = out_dir / DECISIONS_FILE
    recorded = read_decisions_csv(target, catalog_ids)
    harvest = harvest_workbook(out_dir / workbook_name, catalog_ids, now)
    given = read_decisions_csv(decisions_file, catalog_ids) if decisions_file else Harvest()
    if decisions_file and not Path(decisions_file).exists():
        given = Harvest(notes=(f"Không tìm thấy tệp quyết định {decisions_file} / decisions file not found",))
    fresh = new_decisions(recorded.decisions, given.decisions + harvest.decisions)
    if fresh:
        append_decisions(target, fresh)
    return DecisionsRun(decisions=recorded.decisions + fresh, harvested=len(harvest.decisions),
                        from_file=len(given.decisions), appended=fresh,
                        notes=recorded.notes + given.notes + harvest.notes)

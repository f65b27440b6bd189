"""The indicator workbook ("chi-tieu.xlsx") for analysts: five sheets, numbers as numbers."""
from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from tonghop.aggregators.consolidate import Consolidation, latest_records, review_reason, submission_status, unit_key
from tonghop.aggregators.versions import parse_time
from tonghop.model import FileRecord, FileStatus, IndicatorValue, Reference, Status, warning_texts
from tonghop.reports.atomic import stable_zip, write_bytes_atomic
from tonghop.reports.labels import HUONG_LABEL, STATUS_LABEL, TONG_HOP_LABEL
from tonghop.reports.changes import add_changes_sheet

__all__ = [
    "build_workbook", "catalog_rows", "DETAIL_HEADER", "detail_rows", "excel_time", "file_warnings", "fill_sheet",
    "FIXED_TIME", "inputs_time", "register_rows", "REVIEW_FILE", "REVIEW_READING", "review_rows", "SHEETS",
    "status_label", "summary_rows", "unit_columns", "write_workbook",
]

SHEETS = ("Tổng hợp", "Chi tiết", "Cần rà soát", "Nộp báo cáo", "Danh mục")
FIXED_TIME = datetime(2000, 1, 1)
DETAIL_HEADER = ("Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu (nguyên văn)", "Giá trị", "Giá trị (nguyên văn)",
                 "ĐVT", "Mục tiêu (nguyên văn)", "Mục tiêu", "Ước thực hiện", "Đánh giá", "Đánh giá suy ra",
                 "Độ tin cậy", "Tệp nguồn", "Mục", "Loại nguồn", "Nguyên văn")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_DATETIME = "dd/mm/yyyy hh:mm"
_DATE = "dd/mm/yyyy"


def status_label(iv: IndicatorValue | None, mark_derived: bool = False) -> str | None:
    """Vietnamese status, '(suy ra)' appended when it was derived rather than read."""
    if iv is None or iv.status is None:
        return None
    label = STATUS_LABEL.get(Status(iv.status), str(iv.status))
    return f"{label} (suy ra)" if mark_derived and iv.status_derived else label


def excel_time(text: str | None) -> datetime | None:
    """An ISO timestamp as the naive local time Excel can store (the offset is dropped)."""
    when = parse_time(text)
    return when.replace(tzinfo=None) if when else None


def _yes_no(flag: bool | None) -> str | None:
    return None if flag is None else ("Có" if flag else "Không")


# ---------------------------------------------------------------- sheet rows


def unit_columns(cons: Consolidation, ref: Reference) -> list[tuple[str, str]]:
    """(unit id, name) for the column groups: every registry unit, then unidentified submitters."""
    registry = [(u.id, u.ten) for u in ref.units]
    known = {uid for uid, _ in registry}
    return registry + [(uid, name) for uid, name in cons.units if uid not in known]


def summary_rows(cons: Consolidation, ref: Reference) -> list[list]:
    """Tổng hợp: one row per catalog indicator, a (value, status) group per unit, the aggregate.

    Unit values are the ones the aggregate used, in the catalog's unit (ĐVT column); readings in another
    kind of unit or matched with a low score are in 'Cần rà soát' instead."""
    units = unit_columns(cons, ref)
    header = ["Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Cách tổng hợp"]
    for _, name in units:
        header += [f"{name} – giá trị", f"{name} – đánh giá"]
    rows = [header + ["Kết quả tổng hợp", "Số đơn vị báo cáo", "Số đơn vị đạt, vượt"]]
    for agg in cons.aggregates:
        e = agg.entry
        row = [e.id, e.ten, e.dvt, TONG_HOP_LABEL.get(e.tong_hop, e.tong_hop)]
        for uid, _ in units:
            iv = agg.per_unit.get(uid)
            row += [iv.value if iv else None, status_label(iv, mark_derived=True)]
        rows.append(row + [agg.aggregate, agg.n_reporting, agg.n_met])
    return rows


def _reading(cons: Consolidation, ref: Reference):
    for sub in cons.submissions:
        unit_id, unit_name = unit_key(sub, ref)
        for iv in sub.indicators:
            yield unit_id, unit_name, sub.source, iv


def detail_rows(cons: Consolidation, ref: Reference) -> list[list]:
    """Chi tiết: one row per extracted indicator, in unit order then document order."""
    rows = [list(DETAIL_HEADER)]
    for unit_id, unit_name, source, iv in _reading(cons, ref):
        rows.append([unit_id, unit_name, iv.id, iv.name_raw, iv.value, iv.value_raw, iv.unit, iv.target_raw,
                     iv.target, iv.estimate, status_label(iv), "Có" if iv.status_derived else None,
                     round(iv.score, 4), source, iv.source.section, iv.source.kind, iv.source.text])
    return rows


REVIEW_FILE, REVIEW_READING = "Tệp", "Chỉ tiêu"


def file_warnings(cons: Consolidation, records) -> dict[str, tuple[str, ...]]:
    """Warnings of each kept file, from its record (e.g. two reports of one unit) and from parsing."""
    by_source = {r.source: r for r in latest_records(records or ())}
    out = {}
    for sub in cons.submissions:
        rec = by_source.get(sub.source)
        out[sub.source] = tuple(warning_texts(rec.warnings if rec else (), sub.warnings))
    return out


def review_rows(cons: Consolidation, ref: Reference, threshold: float, records=()) -> list[list]:
    """Cần rà soát, per kept file: its warnings (unit not identified, sections not found, two reports of one
    unit, ...), then its readings left out of the aggregates (unmatched, scored below the threshold, unit
    of another kind than the catalog's) with the best candidates beside."""
    header = ["Mã đơn vị", "Đơn vị", "Loại", "Lý do", "Mã chỉ tiêu đề xuất", "Tên chỉ tiêu (nguyên văn)", "Giá trị",
              "ĐVT", "Độ tin cậy"]
    for n in (1, 2, 3):
        header += [f"Ứng viên {n} – mã", f"Ứng viên {n} – tên", f"Ứng viên {n} – điểm"]
    rows = [header + ["Tệp nguồn", "Mục", "Nguyên văn"]]
    blank = [None] * (len(header) - 4)
    warnings = file_warnings(cons, records)
    for sub in cons.submissions:
        unit_id, unit_name = unit_key(sub, ref)
        for warning in warnings[sub.source]:
            rows.append([unit_id, unit_name, REVIEW_FILE, warning] + blank + [sub.source, None, None])
        for iv in sub.indicators:
            reason = review_reason(iv, ref.catalog, threshold)
            if reason is None:
                continue
            row = [unit_id, unit_name, REVIEW_READING, reason, iv.id, iv.name_raw, iv.value, iv.unit,
                   round(iv.score, 4)]
            for c in list(iv.candidates[:3]) + [None] * (3 - min(3, len(iv.candidates))):
                row += [c.id, c.ten, round(c.score, 4)] if c else [None, None, None]
            rows.append(row + [sub.source, iv.source.section, iv.source.text])
    return rows


def register_rows(cons: Consolidation, records, ref: Reference) -> list[list]:
    """Nộp báo cáo: every registry unit (submitted or not), then files no registry unit claims."""
    rows = [["Mã đơn vị", "Tên đơn vị", "Trong danh sách", "Đã nộp", "Tệp", "Thời điểm nhận", "Hạn nộp",
             "Đúng hạn", "Trạng thái tệp", "Ghi chú"]]
    for s in submission_status(records, cons.submissions, ref):
        rows.append([s.unit_id, s.unit_name, _yes_no(s.registered), "Có" if s.submitted else "Chưa",
                     s.source, excel_time(s.received), s.deadline, _yes_no(s.on_time), s.file_status,
                     s.note or None])
    return rows


def catalog_rows(ref: Reference) -> list[list]:
    """Danh mục: the catalog as used for this run."""
    rows = [["Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Nhóm", "Hướng", "Cách tổng hợp", "Bí danh"]]
    for e in ref.catalog.entries:
        rows.append([e.id, e.ten, e.dvt, e.nhom, HUONG_LABEL.get(e.huong, e.huong),
                     TONG_HOP_LABEL.get(e.tong_hop, e.tong_hop), "; ".join(e.bi_danh) or None])
    return rows


# ---------------------------------------------------------------- writing


def fill_sheet(ws: Worksheet, rows: list[list], freeze: str = "A2") -> None:
    """Rows into a sheet: bold frozen header, auto-filter, date formats, fitted column widths."""
    for row in rows:
        ws.append(row)
    for cell in ws[1]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f":           # text from a report or a file name starting with "=" stays text
                cell.data_type = "s"
            if isinstance(cell.value, datetime):
                cell.number_format = _DATETIME
            elif isinstance(cell.value, date):
                cell.number_format = _DATE
            length = 16 if isinstance(cell.value, (date, datetime)) else len(str(cell.value or ""))
            widths[cell.column] = max(widths.get(cell.column, 0), length if cell.row > 1 else min(length, 24))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = max(8, min(width + 2, 60))
    ws.freeze_panes = freeze
    ws.auto_filter.ref = ws.dimensions


def inputs_time(records) -> datetime:
    """Latest receipt time of the files used (fixed when none): the workbook's creation stamp."""
    times = [t for t in (excel_time(r.received) for r in records if r.status == FileStatus.OK) if t is not None]
    return max(times) if times else FIXED_TIME


def build_workbook(cons: Consolidation, records, ref: Reference,
                   review_threshold: float | None = None, changes=None) -> Workbook:
    """The five sheets as an openpyxl Workbook (not yet saved); the review threshold is the consolidation's."""
    review_threshold = cons.review_threshold if review_threshold is None else review_threshold
    wb = Workbook()
    wb.remove(wb.active)
    content = (summary_rows(cons, ref), detail_rows(cons, ref), review_rows(cons, ref, review_threshold, records),
               register_rows(cons, records, ref), catalog_rows(ref))
    for title, rows in zip(SHEETS, content):
        fill_sheet(wb.create_sheet(title), rows, freeze="C2" if title == "Tổng hợp" else "A2")
    add_changes_sheet(wb, changes)          # `Thay đổi` (reports/changes.py), when the flow computed changes
    stamp = inputs_time(records)
    wb.properties.creator = wb.properties.lastModifiedBy = "tonghop"
    wb.properties.title = "Bảng tổng hợp chỉ tiêu"
    wb.properties.created = wb.properties.modified = stamp
    return wb


def write_workbook(cons: Consolidation, records: list[FileRecord] | tuple[FileRecord, ...], ref: Reference,
                   path: Path | str, review_threshold: float | None = None, changes=None) -> Path:
    """Write chi-tieu.xlsx atomically; the same inputs give the same bytes."""
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED) as archive:   # Workbook.save would stamp 'modified' with now
        ExcelWriter(build_workbook(cons, records, ref, review_threshold, changes), archive).save()
    return write_bytes_atomic(Path(path), stable_zip(buffer.getvalue()))

"""The indicator workbook ("chi-tieu.xlsx") for analysts: six sheets, numbers as numbers, set up to print.

`Cần rà soát` carries the analyst's `Quyết định` (a catalog id from a list, or '-') and `Giá trị đúng`,
which the next run harvests (reports/quyet_dinh.py); decided readings show who decided and when."""
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

from tonghop.aggregators.consolidate import (
    MET,
    Consolidation,
    latest_records,
    review_reason,
    submission_status,
    unit_key,
)
from tonghop.aggregators.decisions import NOT_IN_CATALOG, DecisionProblem
from tonghop.aggregators.versions import parse_time
from tonghop.model import FileRecord, FileStatus, IndicatorValue, Reference, Status, Submission, warning_texts
from tonghop.parsers.units import unit_evidence
from tonghop.reports.atomic import stable_zip, write_bytes_atomic
from tonghop.reports.changes import add_changes_sheet
from tonghop.reports.labels import HUONG_LABEL, STATUS_LABEL, TONG_HOP_LABEL
from tonghop.reports.names import file_uri
from tonghop.reports.workbook_layout import (
    achievement_chart,
    coverage_fill,
    decision_list,
    input_columns,
    number_format,
    print_setup,
    status_colours,
)

__all__ = [
    "achievement", "build_workbook", "catalog_rows", "coverage_rows", "decision_notes", "DETAIL_HEADER", "detail_rows",
    "excel_time", "file_warnings", "fill_sheet", "FIXED_TIME", "inputs_time", "LIST_SHEET", "register_rows",
    "REVIEW_DECISION", "REVIEW_FILE", "REVIEW_READING", "review_rows", "SHEETS", "source_location", "status_label",
    "summary_rows", "unit_columns", "write_workbook",
]

SHEETS = ("Tổng hợp", "Chi tiết", "Cần rà soát", "Nộp báo cáo", "Danh mục", "Độ phủ đề cương")
FIXED_TIME = datetime(2000, 1, 1)
DETAIL_HEADER = ("Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu (nguyên văn)", "Giá trị", "Giá trị đọc được (trước khi sửa)",
                 "Giá trị (nguyên văn)", "ĐVT", "Mục tiêu (nguyên văn)", "Mục tiêu", "Ước thực hiện", "Đánh giá",
                 "Đánh giá suy ra", "Độ tin cậy", "Tệp nguồn", "Mục", "Loại nguồn", "Nguyên văn", "Vị trí trong tệp",
                 "Quyết định của cán bộ rà soát", "Người quyết định", "Thời điểm quyết định")
DECISION_COL, VALUE_COL = "Quyết định", "Giá trị đúng"
REVIEW_DECISION = "Quyết định"
LIST_SHEET = "Danh sách quyết định"     # hidden: the values the Quyết định column accepts
TITLE = "Bảng tổng hợp chỉ tiêu"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_LINK_FONT = Font(color="0563C1", underline="single")
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
            yield unit_id, unit_name, sub, iv


def source_location(sub: Submission, iv: IndicatorValue) -> str | None:
    """Where a reading was read in its file: 'đoạn 14' (block number, as the draft counts), or for a table
    'bảng ở đoạn 14, dòng 5, cột 6 «TH 2022»' (the value's cell)."""
    index = iv.source.paragraph
    if index is None:
        return None
    if iv.source.kind != "table":
        return f"đoạn {index + 1}"
    table = next((t for s in sub.sections for t in s.tables if t.index == index), None)
    where = f"bảng ở đoạn {index + 1}"
    if table is None:
        return where
    row_no = next((n for n, row in enumerate(table.rows) if " | ".join(row) == iv.source.text), None)
    if row_no is None:
        return where
    where += f", dòng {row_no + 1}"
    row = table.rows[row_no]
    col = next((c for c, text in enumerate(row) if iv.value_raw and text.strip() == iv.value_raw.strip()), None)
    if col is not None:
        head = " ".join(table.rows[0][col].split()) if col < len(table.rows[0]) else ""
        where += f", cột {col + 1}" + (f" «{head}»" if head and row_no > 0 else "")
    return where


def detail_rows(cons: Consolidation, ref: Reference) -> list[list]:
    """Chi tiết: one row per extracted indicator, in unit order then document order; an analyst's decision
    and corrected value are shown with who decided, when, and the value as read."""
    rows = [list(DETAIL_HEADER)]
    for unit_id, unit_name, sub, iv in _reading(cons, ref):
        d = iv.decision
        rows.append([unit_id, unit_name, iv.id, iv.name_raw, iv.value, iv.original_value, iv.value_raw, iv.unit,
                     iv.target_raw, iv.target, iv.estimate, status_label(iv), "Có" if iv.status_derived else None,
                     round(iv.score, 4), sub.source, iv.source.section, iv.source.kind, iv.source.text,
                     source_location(sub, iv), _decision_text(iv) if d else None,
                     (d.analyst or "(không rõ)") if d else None, excel_time(d.decided_at) if d else None])
    return rows


def _decision_text(iv: IndicatorValue) -> str:
    d = iv.decision
    parts = []
    if d.decision == NOT_IN_CATALOG:
        parts.append("Không phải chỉ tiêu trong danh mục")
    elif d.decision:
        parts.append(f"Tính là {d.decision}")
    if iv.original_value is not None or d.value is not None:
        parts.append("sửa giá trị")
    return "; ".join(parts) or "Đã rà soát"


REVIEW_FILE, REVIEW_READING = "Tệp", "Chỉ tiêu"


def file_warnings(cons: Consolidation, records) -> dict[str, tuple[str, ...]]:
    """Warnings of each kept file, from its record (e.g. two reports of one unit) and from parsing."""
    by_source = {r.source: r for r in latest_records(records or ())}
    out = {}
    for sub in cons.submissions:
        rec = by_source.get(sub.source)
        out[sub.source] = tuple(warning_texts(rec.warnings if rec else (), sub.warnings))
    return out


def decision_notes(harvest_notes, problems: tuple[DecisionProblem, ...] = ()) -> tuple[tuple, ...]:
    """Rows for `Cần rà soát` about decisions: (unit id, name as written, reason) of each decision not
    applied, and (None, None, note) of what could not be read from the previous workbook or a CSV."""
    return tuple((p.decision.unit_id, p.decision.name_raw, p.reason) for p in problems) + \
        tuple((None, None, note) for note in harvest_notes)


def review_rows(cons: Consolidation, ref: Reference, threshold: float, records=(), notes=()) -> list[list]:
    """Cần rà soát: what could not be read from the analysts' decisions; then per kept file: its warnings
    (unit not identified, sections not found, two reports of one unit, ...), then its readings left out of
    the aggregates (unmatched, scored below the threshold, unit of another kind than the catalog's) with the
    best candidates and the analyst's `Quyết định` / `Giá trị đúng` (empty) beside. Decided readings are
    not listed."""
    header = ["Mã đơn vị", "Đơn vị", "Loại", "Lý do", "Mã chỉ tiêu đề xuất", "Tên chỉ tiêu (nguyên văn)", "Giá trị",
              "ĐVT", "Độ tin cậy"]
    for n in (1, 2, 3):
        header += [f"Ứng viên {n} – mã", f"Ứng viên {n} – tên", f"Ứng viên {n} – điểm"]
    header += [DECISION_COL, VALUE_COL]
    rows = [header + ["Tệp nguồn", "Mục", "Nguyên văn"]]
    blank = [None] * (len(header) - 4)
    names = {u.id: u.ten for u in ref.units}
    for unit_id, name, reason in notes:
        rows.append([unit_id, names.get(unit_id) if unit_id else None, REVIEW_DECISION, reason, None, name]
                    + [None] * (len(header) - 6) + [None, None, None])
    warnings = file_warnings(cons, records)
    for sub in cons.submissions:
        unit_id, unit_name = unit_key(sub, ref)
        for warning in warnings[sub.source]:
            rows.append([unit_id, unit_name, REVIEW_FILE, warning] + blank + [sub.source, None, None])
        for iv in sub.indicators:
            if iv.decision is not None and iv.decision.decision:
                continue                   # decided: counts under its id, or is not a catalog indicator
            reason = review_reason(iv, ref.catalog, threshold)
            if reason is None:
                continue
            row = [unit_id, unit_name, REVIEW_READING, reason, iv.id, iv.name_raw, iv.value, iv.unit,
                   round(iv.score, 4)]
            for c in list(iv.candidates[:3]) + [None] * (3 - min(3, len(iv.candidates))):
                row += [c.id, c.ten, round(c.score, 4)] if c else [None, None, None]
            rows.append(row + [None, None, sub.source, iv.source.section, iv.source.text])
    return rows


def register_rows(cons: Consolidation, records, ref: Reference) -> list[list]:
    """Nộp báo cáo: every registry unit (submitted or not), then files no registry unit claims."""
    rows = [["Mã đơn vị", "Tên đơn vị", "Trong danh sách", "Đã nộp", "Tệp", "Thời điểm nhận", "Hạn nộp",
             "Đúng hạn", "Trạng thái tệp", "Ghi chú", "Căn cứ xác định đơn vị", "Điểm xác định đơn vị",
             "Cần rà soát đơn vị"]]
    subs = {sub.source: sub for sub in cons.submissions}
    for s in submission_status(records, cons.submissions, ref):
        sub = subs.get(s.source) if s.source else None
        evidence, score, review = unit_evidence(sub.unit) if sub is not None else (None, None, False)
        submitted = "Cần rà soát" if review else "Có" if s.submitted else "Chưa"
        rows.append([s.unit_id, s.unit_name, _yes_no(s.registered), submitted,
                     s.source, excel_time(s.received), s.deadline, _yes_no(s.on_time), s.file_status,
                     s.note or None, evidence, score, "Có" if review else None])
    return rows


def catalog_rows(ref: Reference) -> list[list]:
    """Danh mục: the catalog as used for this run."""
    rows = [["Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Nhóm", "Hướng", "Cách tổng hợp", "Bí danh"]]
    for e in ref.catalog.entries:
        rows.append([e.id, e.ten, e.dvt, e.nhom, HUONG_LABEL.get(e.huong, e.huong),
                     TONG_HOP_LABEL.get(e.tong_hop, e.tong_hop), "; ".join(e.bi_danh) or None])
    return rows


ACHIEVEMENT_HEADER = ("Chỉ tiêu có mục tiêu: đạt, vượt", "có khả năng đạt, gần đạt", "chưa đạt, khó đạt",
                      "chưa đánh giá")
_NEAR = (Status.KHA_NANG_DAT, Status.GAN_DAT)


def achievement(cons: Consolidation, unit_id: str) -> list[int]:
    """Of a unit's aggregated readings with a target (or a stated status): met, near, not met, not assessed."""
    counts = [0, 0, 0, 0]
    for agg in cons.aggregates:
        iv = agg.per_unit.get(unit_id)
        if iv is None or (iv.target is None and iv.status is None):
            continue
        group = 0 if iv.status in MET else 1 if iv.status in _NEAR else 3 if iv.status is None else 2
        counts[group] += 1
    return counts


def coverage_rows(cons: Consolidation, ref: Reference) -> list[list]:
    """Độ phủ đề cương: per unit (kept reports, then units that have not submitted), how many paragraphs and
    tables it wrote under each outline node (its sub-sections included), what lies outside the outline, and
    how its indicators with a target fared."""
    nodes = ref.outline.nodes
    header = ["Mã đơn vị", "Đơn vị", "Tệp"] + [f"{n.id} {n.title}" for n in nodes]
    rows = [header + ["Ngoài đề cương", "Số mục có nội dung", "Số mục trống", *ACHIEVEMENT_HEADER]]
    known = set(ref.outline.ids)
    for sub in cons.submissions:
        unit_id, unit_name = unit_key(sub, ref)
        own: dict[str, int] = {}
        outside = 0
        for section in sub.sections:
            size = len(section.paragraphs) + len(section.tables)
            if section.id in known:
                own[section.id] = own.get(section.id, 0) + size
            elif section.id not in ("front", "back"):
                outside += size
        counts = [sum(v for k, v in own.items() if k == n.id or k.startswith(n.id + ".")) for n in nodes]
        rows.append([unit_id, unit_name, sub.source] + counts + [outside, sum(1 for c in counts if c),
                                                                sum(1 for c in counts if not c)]
                    + achievement(cons, unit_id))
    for unit in cons.missing:
        rows.append([unit.id, unit.ten, "(chưa nộp)"] + [None] * (len(nodes) + 3 + len(ACHIEVEMENT_HEADER)))
    return rows


# ---------------------------------------------------------------- writing


def fill_sheet(ws: Worksheet, rows: list[list], freeze: str = "A2") -> None:
    """Rows into a sheet: bold frozen header, auto-filter, date formats, fitted column widths; text that
    starts with '=' stays text (no formula is ever written)."""
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
            elif cell.data_type == "f":
                cell.data_type = "s"
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


def _columns(ws: Worksheet) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value is not None}


def _style_summary(ws: Worksheet, cons: Consolidation, coverage: Worksheet) -> None:
    """Tổng hợp: number formats by each indicator's unit, status colours, the achievement chart."""
    status_cols = [c.column for c in ws[1] if str(c.value or "").endswith("– đánh giá")]
    value_cols = [c.column for c in ws[1] if str(c.value or "").endswith("– giá trị")]
    aggregate_col = _columns(ws).get("Kết quả tổng hợp")
    for r, agg in enumerate(cons.aggregates, start=2):
        fmt = number_format(agg.entry.dvt)
        for c in value_cols:
            ws.cell(r, c).number_format = fmt
        if aggregate_col:
            ws.cell(r, aggregate_col).number_format = number_format(agg.entry.dvt, agg.entry.tong_hop)
    status_colours(ws, status_cols, ws.max_row)
    _narrow(ws, {2: 36, **{c: 9 for c in value_cols}, **{c: 12 for c in status_cols},
                 **{c: 11 for c in range(ws.max_column - 2, ws.max_column + 1)}}, wrap=[2] + status_cols)
    head = _columns(coverage)
    first, last = head[ACHIEVEMENT_HEADER[0]], head[ACHIEVEMENT_HEADER[-1]]
    width_cm = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)) * 0.2
    achievement_chart(ws, coverage, first, last, 2, 1 + len(cons.submissions), f"B{ws.max_row + 3}",
                      width=max(16.0, min(0.6 * width_cm, 60.0)))


def _narrow(ws: Worksheet, widths: dict[int, float], wrap: list[int] = (), header_height: float = 48) -> None:
    """Columns at the given widths, long text wrapped, a taller header: so a wide sheet still prints legibly
    one page wide."""
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    lines = {r: 1 for r in range(2, ws.max_row + 1)}
    for c in wrap:
        chars = max(4, int(ws.column_dimensions[get_column_letter(c)].width) - 1)
        for r in range(2, ws.max_row + 1):
            lines[r] = max(lines[r], -(-len(str(ws.cell(r, c).value or "")) // chars))
    wrapped = set(wrap)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=cell.column in wrapped, vertical="center")
    for r, n in lines.items():                  # spreadsheet programs do not all grow wrapped rows themselves
        if n > 1:
            ws.row_dimensions[r].height = 14 * n + 2
    ws.row_dimensions[1].height = header_height


def _style_detail(ws: Worksheet, cons: Consolidation, ref: Reference, base_dir: Path | None) -> None:
    """Chi tiết: number formats, status colours, each row's source file as a link."""
    cols = _columns(ws)
    status_colours(ws, [cols["Đánh giá"]], ws.max_row)
    file_col, unit_col = cols["Tệp nguồn"], cols["ĐVT"]
    for r in range(2, ws.max_row + 1):
        fmt = number_format(ws.cell(r, unit_col).value)
        for name in ("Giá trị", "Giá trị đọc được (trước khi sửa)", "Mục tiêu", "Ước thực hiện"):
            ws.cell(r, cols[name]).number_format = fmt
        cell = ws.cell(r, file_col)
        if cell.value:
            cell.hyperlink = file_uri(base_dir, str(cell.value))     # escaped names link to the raw bytes
            cell.font = _LINK_FONT


def _style_review(ws: Worksheet, ref: Reference, wb: Workbook) -> None:
    """Cần rà soát: the analyst's columns coloured, Quyết định limited to the catalog ids and '-'."""
    cols = _columns(ws)
    lists = wb.create_sheet(LIST_SHEET)
    fill_sheet(lists, [[DECISION_COL, "Nghĩa"], [NOT_IN_CATALOG, "Không phải chỉ tiêu trong danh mục"]]
               + [[e.id, e.ten] for e in ref.catalog.entries])
    lists.sheet_state = "hidden"
    last = max(ws.max_row, 2)
    input_columns(ws, [cols[DECISION_COL], cols[VALUE_COL]], ws.max_row)
    decision_list(ws, cols[DECISION_COL], last, f"'{LIST_SHEET}'!$A$2:$A${len(ref.catalog.entries) + 2}")


def _style_coverage(ws: Worksheet, ref: Reference) -> None:
    """Độ phủ đề cương: cells coloured by how much each unit wrote under each node (none: red)."""
    n = len(ref.outline.nodes)
    for c in range(4, 4 + n):
        for r in range(2, ws.max_row + 1):
            coverage_fill(ws, r, c, ws.cell(r, c).value)
    _narrow(ws, {3: 22, **{c: 11 for c in range(4, ws.max_column + 1)}}, header_height=90)


def build_workbook(cons: Consolidation, records, ref: Reference, review_threshold: float | None = None,
                   notes=(), period: str | None = None, base_dir: Path | None = None, changes=None) -> Workbook:
    """The six sheets as an openpyxl Workbook (not yet saved); the review threshold is the consolidation's.
    `notes` are decision rows for `Cần rà soát` (decision_notes); `base_dir` is where sources are (the inbox)."""
    review_threshold = cons.review_threshold if review_threshold is None else review_threshold
    wb = Workbook()
    wb.remove(wb.active)
    content = (summary_rows(cons, ref), detail_rows(cons, ref),
               review_rows(cons, ref, review_threshold, records, notes),
               register_rows(cons, records, ref), catalog_rows(ref), coverage_rows(cons, ref))
    sheets = {}
    for title, rows in zip(SHEETS, content):
        sheets[title] = ws = wb.create_sheet(title)
        fill_sheet(ws, rows, freeze="C2" if title == "Tổng hợp" else "D2" if title == "Độ phủ đề cương" else "A2")
    add_changes_sheet(wb, changes)          # `Thay đổi` (reports/changes.py), when the flow computed changes
    stamp = inputs_time(records)
    _style_summary(sheets["Tổng hợp"], cons, sheets["Độ phủ đề cương"])
    _style_detail(sheets["Chi tiết"], cons, ref, base_dir)
    _style_review(sheets["Cần rà soát"], ref, wb)
    _style_coverage(sheets["Độ phủ đề cương"], ref)
    as_of = stamp.strftime("%d/%m/%Y %H:%M") if stamp != FIXED_TIME else "(chưa có báo cáo)"
    for ws in wb.worksheets:
        print_setup(ws, f"{TITLE} – {ws.title}", period, as_of)
    wb.properties.creator = wb.properties.lastModifiedBy = "tonghop"
    wb.properties.title = TITLE
    wb.properties.created = wb.properties.modified = stamp
    return wb


def write_workbook(cons: Consolidation, records: list[FileRecord] | tuple[FileRecord, ...], ref: Reference,
                   path: Path | str, review_threshold: float | None = None, notes=(), period: str | None = None,
                   base_dir: Path | None = None, changes=None) -> Path:
    """Write chi-tieu.xlsx atomically; the same inputs give the same bytes."""
    buffer = io.BytesIO()
    wb = build_workbook(cons, records, ref, review_threshold, notes=notes, period=period, base_dir=base_dir,
                        changes=changes)
    with ZipFile(buffer, "w", ZIP_DEFLATED) as archive:   # Workbook.save would stamp 'modified' with now
        ExcelWriter(wb, archive).save()
    return write_bytes_atomic(Path(path), stable_zip(buffer.getvalue()))

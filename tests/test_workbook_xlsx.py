"""The indicator workbook, read back with openpyxl: sheets, rows, frozen header, numbers."""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from tonghop.aggregators.consolidate import consolidate
from tonghop.model import Candidate, FileRecord, FileWarning, Status
from tonghop.reports.workbook_xlsx import LIST_SHEET, SHEETS, write_workbook
from tonghop.aggregators.consolidate import select_versions
from test_consolidate import iv, make_ref, make_sub, record


def _inputs():
    ref = make_ref()
    weak = iv("forest_cover", 41.5, Status.DAT, score=0.6)
    unknown = iv(None, 12.0, name="Số hợp tác xã thành lập mới", unit="HTX")
    unknown = unknown.__class__(**{**unknown.__dict__, "candidates": (Candidate("ntm", "Xã NTM", 0.55),)})
    derived = iv("grdp_growth", 6.2, Status.CHUA_DAT)
    derived = derived.__class__(**{**derived.__dict__, "status_derived": True})
    subs = [make_sub("in/dl.docx", "dai-loc", [], [derived, iv("budget_revenue", 1234.5, unit="tỷ đồng"), weak]),
            make_sub("in/hv.docx", "hoa-vang", [], [iv("grdp_growth", 7.5, Status.VUOT), unknown]),
            make_sub("in/la.docx", None, [], [iv("grdp_growth", 8.0, Status.VUOT)])]
    records = [record("in/dl.docx", "2023-07-28T09:15:00+07:00", unit="dai-loc"),
               record("in/hv.docx", "2023-08-03T16:00:00+07:00", unit="hoa-vang"),
               record("in/la.docx", "2023-07-10T08:00:00"),
               FileRecord("in/hong.docx", None, "2023-07-02T00:00:00", "rejected", reason="Hỏng / broken")]
    return ref, consolidate(subs, ref), records


@pytest.fixture()
def book(tmp_path):
    ref, cons, records = _inputs()
    path = write_workbook(cons, records, ref, tmp_path / "chi-tieu.xlsx")
    return ref, cons, openpyxl.load_workbook(path)


def _rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_sheets_header_frozen_and_filtered(book):
    _, _, wb = book
    assert tuple(wb.sheetnames) == SHEETS + (LIST_SHEET,)
    assert wb[LIST_SHEET].sheet_state == "hidden"
    for ws in wb.worksheets[:len(SHEETS)]:
        assert ws.freeze_panes in ("A2", "C2", "D2"), ws.title
        assert ws.auto_filter.ref == ws.dimensions, ws.title
        assert all(c.font.bold for c in ws[1])
        assert all(ws.column_dimensions[c.column_letter].width >= 8 for c in ws[1])


def test_summary_one_row_per_catalog_entry_with_unit_groups_and_aggregate(book):
    ref, _, wb = book
    rows = _rows(wb["Tổng hợp"])
    header = rows[0]
    assert len(rows) == 1 + len(ref.catalog.entries)
    assert header[:4] == ["Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Cách tổng hợp"]
    assert len(header) == 4 + 2 * (len(ref.units) + 1) + 3                  # + the unidentified submitter
    assert header[-3:] == ["Kết quả tổng hợp", "Số đơn vị báo cáo", "Số đơn vị đạt, vượt"]
    grdp = dict(zip(header, rows[1]))
    assert grdp["Huyện ủy Đại Lộc – giá trị"] == 6.2 and grdp["Huyện ủy Đại Lộc – đánh giá"] == "Chưa đạt (suy ra)"
    assert grdp["Huyện ủy Duy Xuyên – giá trị"] is None
    assert grdp["Kết quả tổng hợp"] == pytest.approx((6.2 + 7.5 + 8.0) / 3)
    assert (grdp["Số đơn vị báo cáo"], grdp["Số đơn vị đạt, vượt"]) == (3, 2)


def test_numbers_are_numbers_everywhere(book):
    _, _, wb = book
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert not cell.value.replace(",", "").replace(".", "").isdigit(), (ws.title, cell.coordinate)
    detail = wb["Chi tiết"]
    header = [c.value for c in detail[1]]
    value_col = header.index("Giá trị") + 1
    assert all(detail.cell(r, value_col).data_type == "n" for r in range(2, detail.max_row + 1))


def test_detail_review_register_and_catalog(book):
    ref, _, wb = book
    detail = _rows(wb["Chi tiết"])
    assert len(detail) == 1 + 6
    first = dict(zip(detail[0], detail[1]))
    assert (first["Đơn vị"], first["Mã chỉ tiêu"], first["Đánh giá suy ra"]) == ("Huyện ủy Đại Lộc", "grdp_growth", "Có")
    review = _rows(wb["Cần rà soát"])
    code = review[0].index("Mã chỉ tiêu đề xuất")
    assert [(r[0], r[2], r[code]) for r in review[1:]] == [("dai-loc", "Chỉ tiêu", "forest_cover"),
                                                           ("hoa-vang", "Chỉ tiêu", None)]
    unmatched = dict(zip(review[0], review[2]))
    assert unmatched["Ứng viên 1 – mã"] == "ntm" and unmatched["Ứng viên 1 – điểm"] == 0.55
    register = _rows(wb["Nộp báo cáo"])
    by_unit = {r[0]: dict(zip(register[0], r)) for r in register[1:len(ref.units) + 1]}
    assert list(by_unit) == [u.id for u in ref.units]
    assert by_unit["dai-loc"]["Đúng hạn"] == "Có" and by_unit["hoa-vang"]["Đúng hạn"] == "Không"
    assert by_unit["duy-xuyen"]["Đã nộp"] == "Chưa" and by_unit["duy-xuyen"]["Tệp"] is None
    assert by_unit["dai-loc"]["Thời điểm nhận"] == datetime(2023, 7, 28, 9, 15)
    assert by_unit["dai-loc"]["Hạn nộp"] in (date(2023, 7, 30), datetime(2023, 7, 30))
    extra = [r[4] for r in register[len(ref.units) + 1:]]
    assert extra == ["in/hong.docx", "in/la.docx"]
    assert len(_rows(wb["Danh mục"])) == 1 + len(ref.catalog.entries)


def test_summary_shows_converted_values_and_review_lists_other_units(tmp_path):
    ref = make_ref()
    subs = [make_sub("in/dl.docx", "dai-loc", [], [iv("budget_revenue", 250_000.0, unit="triệu đồng")]),
            make_sub("in/dx.docx", "duy-xuyen", [], [iv("budget_revenue", 12.5, unit="%")]),
            make_sub("in/hv.docx", "hoa-vang", [], [iv("budget_revenue", 100.0, unit="tỷ đồng", score=0.7)])]
    records = [record(s.source, unit=s.unit.id) for s in subs]
    wb = openpyxl.load_workbook(write_workbook(consolidate(subs, ref), records, ref, tmp_path / "b.xlsx"))
    header, *rows = _rows(wb["Tổng hợp"])
    revenue = dict(zip(header, next(r for r in rows if r[0] == "budget_revenue")))
    assert revenue["ĐVT"] == "tỷ đồng" and revenue["Huyện ủy Đại Lộc – giá trị"] == pytest.approx(250.0)
    assert revenue["Huyện ủy Duy Xuyên – giá trị"] is None and revenue["Huyện ủy Hòa Vang – giá trị"] is None
    assert revenue["Kết quả tổng hợp"] == pytest.approx(250.0) and revenue["Số đơn vị báo cáo"] == 1
    review_header, *review = _rows(wb["Cần rà soát"])
    reasons = {r[0]: dict(zip(review_header, r)) for r in review}
    assert set(reasons) == {"duy-xuyen", "hoa-vang"}
    assert reasons["duy-xuyen"]["Lý do"].startswith("ĐVT khác danh mục")
    assert "unit differs from the catalog" in reasons["duy-xuyen"]["Lý do"]
    assert (reasons["duy-xuyen"]["Giá trị"], reasons["duy-xuyen"]["ĐVT"]) == (12.5, "%")
    assert reasons["hoa-vang"]["Lý do"].startswith("Độ tin cậy thấp")


def test_review_lists_each_files_warnings_with_file_and_unit(tmp_path):
    ref = make_ref()
    unknown = make_sub("in/khong-ro.docx", None, [("P1.I.1", None, True, ["Nội dung."])])
    unknown = replace(unknown, warnings=(
        FileWarning("unit-unknown", "Không xác định được đơn vị gửi báo cáo", "reporting unit not identified"),
        FileWarning("sections-missing", "Báo cáo thiếu mục: P2", "sections not found: P2")))
    district = make_sub("in/hoa-vang.docx", "hoa-vang", [("P1.I.1", None, True, ["Huyện ủy báo cáo " + "a " * 40])],
                        [iv(None, 3.0, name="Chỉ tiêu lạ")])
    commune = make_sub("in/chi-bo.docx", "hoa-vang", [("P1.I.1", None, True, ["Chi bộ báo cáo " + "b " * 40])])
    parsed = [(s, record(s.source, unit=s.unit.id)) for s in (unknown, district, commune)]
    kept, skipped = select_versions(parsed)
    assert skipped == [] and len(kept) == 3
    records = [r for _, r in kept]
    wb = openpyxl.load_workbook(write_workbook(consolidate([s for s, _ in kept], ref), records, ref,
                                               tmp_path / "w.xlsx"))
    header, *rows = _rows(wb["Cần rà soát"])
    col = {name: header.index(name) for name in ("Mã đơn vị", "Đơn vị", "Loại", "Lý do", "Tệp nguồn")}
    files = [(r[col["Tệp nguồn"]], r[col["Mã đơn vị"]], r[col["Loại"]], r[col["Lý do"]].split(" ")[0]) for r in rows]
    assert files == [("in/chi-bo.docx", "hoa-vang", "Tệp", "Hai"),            # registry order, then file name
                     ("in/hoa-vang.docx", "hoa-vang", "Tệp", "Hai"),
                     ("in/hoa-vang.docx", "hoa-vang", "Chỉ tiêu", "Không"),
                     ("in/khong-ro.docx", "tep:khong-ro.docx", "Tệp", "Không"),
                     ("in/khong-ro.docx", "tep:khong-ro.docx", "Tệp", "Báo")]
    reasons = [r[col["Lý do"]] for r in rows]
    assert "two reports identified as unit" in reasons[0] and "chi-bo.docx" in reasons[1]
    assert reasons[3] == str(unknown.warnings[0]) and reasons[4] == str(unknown.warnings[1])
    assert reasons[3] == "Không xác định được đơn vị gửi báo cáo / reporting unit not identified"
    assert all(r[col["Đơn vị"]] for r in rows)


def test_deterministic_bytes(tmp_path):
    ref, cons, records = _inputs()
    a = write_workbook(cons, records, ref, tmp_path / "a.xlsx")
    ref, cons, records = _inputs()
    b = write_workbook(cons, records, ref, tmp_path / "b.xlsx")
    assert a.read_bytes() == b.read_bytes()
    props = openpyxl.load_workbook(a).properties
    assert props.created == props.modified == datetime(2023, 8, 3, 16, 0)      # not the time of the run


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_opens_in_libreoffice(tmp_path):
    ref, cons, records = _inputs()
    path = write_workbook(cons, records, ref, tmp_path / "chi-tieu.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to", "csv", "--outdir", str(tmp_path / "csv"), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert "grdp_growth" in (tmp_path / "csv" / "chi-tieu.csv").read_text(encoding="utf-8", errors="replace")


def test_one_time_parser_and_shared_labels_without_the_draft_writer():
    """The workbook neither imports the draft writer (python-docx) nor parses times its own way."""
    code = ("import sys, tonghop.reports.workbook_xlsx as w, tonghop.aggregators.versions as v\n"
            "assert 'tonghop.reports.draft_docx' not in sys.modules and 'docx' not in sys.modules, 'draft imported'\n"
            "from tonghop.reports.labels import TONG_HOP_LABEL\n"
            "assert w.TONG_HOP_LABEL is TONG_HOP_LABEL\n"
            "assert w.excel_time('2023-07-28T09:15:00+07:00') == v.parse_time('2023-07-28T09:15:00').replace(tzinfo=None)\n"
            "assert w.excel_time('28/07/2023') is None and v.parse_time('') is None\n")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]

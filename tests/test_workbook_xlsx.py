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
from test_consolidate import iv, make_ref, make_sub, record

from tonghop.aggregators.consolidate import consolidate, select_versions
from tonghop.model import Candidate, FileRecord, FileWarning, SourceRef, Status
from tonghop.reports.workbook_xlsx import LIST_SHEET, SHEETS, write_workbook


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
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo",  # own profile per test
                    "--headless", "--convert-to", "csv", "--outdir", str(tmp_path / "csv"), str(path)],
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


# ---------------------------------------------------------------- reading at a glance, printing, provenance


def test_every_sheet_prints_landscape_a4_one_page_wide_with_header_row_and_title(tmp_path):
    ref, cons, records = _inputs()
    wb = openpyxl.load_workbook(write_workbook(cons, records, ref, tmp_path / "w.xlsx", period="6 tháng đầu năm 2023"))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
        assert ws.title in ws.oddHeader.left.text and ws.oddHeader.center.text == "6 tháng đầu năm 2023"
        assert ws.oddHeader.right.text == "Số liệu đến 03/08/2023 16:00"       # the data's time: reruns stay identical


def test_summary_colours_statuses_formats_by_unit_and_charts_achievement(book):
    ref, cons, wb = book
    ws = wb["Tổng hợp"]
    header = [c.value for c in ws[1]]
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert {r.text for r in rules} == {"Vượt", "Đạt", "Có khả năng đạt", "Gần đạt", "Chưa đạt", "Khó đạt"}
    ranges = " ".join(str(rng.sqref) for rng in ws.conditional_formatting)
    status_col = openpyxl.utils.get_column_letter(header.index("Huyện ủy Đại Lộc – đánh giá") + 1)
    assert f"{status_col}2:{status_col}{ws.max_row}" in ranges
    value = header.index("Huyện ủy Đại Lộc – giá trị") + 1
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(rows["grdp_growth"], value).number_format == '0.0#"%"'
    assert ws.cell(rows["budget_revenue"], value).number_format == "#,##0.0#"
    (chart,) = ws._charts
    assert chart.type == "bar" and chart.grouping == "stacked" and len(chart.series) == 4
    coverage = wb["Độ phủ đề cương"]
    chead = [c.value for c in coverage[1]]
    dai_loc = next(r for r in coverage.iter_rows(min_row=2, values_only=True) if r[0] == "dai-loc")
    counts = dict(zip(chead, dai_loc))
    groups = [counts[h] for h in ("Chỉ tiêu có mục tiêu: đạt, vượt", "có khả năng đạt, gần đạt", "chưa đạt, khó đạt",
                                  "chưa đánh giá")]
    assert groups == [0, 0, 1, 1]         # grdp (derived chưa đạt), revenue (no status); forest's low score is out


def test_coverage_counts_paragraphs_per_node_with_its_subsections_and_colours_gaps(tmp_path):
    ref = make_ref()
    sub = make_sub("in/dl.docx", "dai-loc", [("P1.I.1", "1. Khái quát", True, ["Một.", "Hai.", "Ba."]),
                                            ("P1.III.1", "1. Chỉ tiêu", True, [[["Chỉ tiêu", "KQ"], ["a", "1"]]]),
                                            ("P9", "Mục riêng", False, ["Lạc."])])
    wb = openpyxl.load_workbook(write_workbook(consolidate([sub], ref), [record("in/dl.docx", unit="dai-loc")], ref,
                                               tmp_path / "w.xlsx"))
    ws = wb["Độ phủ đề cương"]
    header = [c.value for c in ws[1]]
    assert header[3:3 + len(ref.outline.nodes)] == [f"{n.id} {n.title}" for n in ref.outline.nodes]
    row = dict(zip(header, next(ws.iter_rows(min_row=2, values_only=True))))
    assert row["P1.I.1 Khái quát đặc điểm tình hình"] == 3 and row["P1.I Bối cảnh thực hiện nghị quyết"] == 3
    assert row["P1 Tình hình thực hiện nghị quyết"] == 4 and row["P1.III.1 Kết quả thực hiện các chỉ tiêu chủ yếu"] == 1
    assert row["P2.II Kiến nghị, đề xuất"] == 0 and row["Ngoài đề cương"] == 1
    gap = ws.cell(2, header.index("P2.II Kiến nghị, đề xuất") + 1)
    full = ws.cell(2, header.index("P1.I.1 Khái quát đặc điểm tình hình") + 1)
    assert gap.fill.fgColor.rgb.endswith("FFC7CE") and full.fill.fgColor.rgb.endswith("C6EFCE")
    missing = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[2] == "(chưa nộp)"]
    assert {r[0] for r in missing} == {"duy-xuyen", "hoa-vang", "nam-giang"}


def test_detail_rows_link_their_source_and_name_the_cell_and_text_stays_text(tmp_path):
    ref = make_ref()
    rows = [["STT", "Chỉ tiêu", "ĐVT", "TH 2022"], ["1", "Tốc độ tăng trưởng GRDP bình quân", "%", "6,8"]]
    reading = replace(iv("grdp_growth", 6.8, name="=Tốc độ tăng trưởng GRDP bình quân"),
                      value_raw="6,8", source=SourceRef("P1.III.1", "table", " | ".join(rows[1]), paragraph=1))
    prose = replace(iv(None, 3.0, kind="prose", name="Số HTX"), source=SourceRef("P1.III.1", "prose", "…", 4))
    sub = make_sub("in/dl.docx", "dai-loc", [("P1.III.1", "1. Chỉ tiêu", True, [rows])], [reading, prose])
    path = write_workbook(consolidate([sub], ref), [record("in/dl.docx", unit="dai-loc")], ref, tmp_path / "w.xlsx",
                          base_dir=tmp_path / "hop thu")
    ws = openpyxl.load_workbook(path)["Chi tiết"]
    header = [c.value for c in ws[1]]
    link = ws.cell(2, header.index("Tệp nguồn") + 1).hyperlink.target
    assert link == (tmp_path / "hop thu" / "in" / "dl.docx").as_uri() and "%20" in link
    assert ws.cell(2, header.index("Vị trí trong tệp") + 1).value == "bảng ở đoạn 2, dòng 2, cột 4 «TH 2022»"
    assert ws.cell(3, header.index("Vị trí trong tệp") + 1).value == "đoạn 5"
    name = ws.cell(2, header.index("Tên chỉ tiêu (nguyên văn)") + 1)
    assert name.value.startswith("=") and name.data_type == "s"

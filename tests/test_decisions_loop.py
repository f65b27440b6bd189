"""The analyst's loop end to end on the second-catalog corpus (tests/second_catalog), through files only:
`tonghop run`, decide every reading of `Cần rà soát` from the truth by editing chi-tieu.xlsx, two more runs,
a resubmitted report; and a hand-damaged workbook with Excel's lock file beside it."""
from __future__ import annotations

import json
import shutil
import subprocess

import openpyxl
import pytest

from tests.second_catalog import loop, make


@pytest.fixture(scope="module")
def loop_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("khac")
    inbox, out = work / "inbox", work / "out"
    truth = make.build(inbox)
    loop.run(inbox, out)
    before = loop.score(truth, out / "chi-tieu.xlsx")
    written = loop.decide_from_truth(out / "chi-tieu.xlsx", truth)
    decided = {(u, n) for u, n, _, _ in written}
    after = []
    for _ in range(2):
        loop.run(inbox, out)
        after.append((loop.score(truth, out / "chi-tieu.xlsx", decided), loop.decisions_csv(out)))
    return work, truth, before, written, after


def test_before_decisions_precision_wins_and_the_rest_waits_in_review(loop_run):
    _, _, before, written, _ = loop_run
    assert before.precision >= 0.98
    assert before.queue == len(written) > 0
    assert before.recall < 0.995            # the unseen catalog's wordings leave readings for the analyst


def test_after_deciding_every_row_through_the_workbook(loop_run):
    _, _, _, written, after = loop_run
    for scores, rows in after:
        assert scores.precision >= 0.995 and scores.recall >= 0.995, scores
        assert scores.decided_in_queue == 0 and scores.queue == 0
        assert len(rows) == len(written)                                         # every decision once
        assert len({(r["ma_don_vi"], r["ten_nguyen_van"]) for r in rows}) == len(rows)
        assert {r["nguoi_quyet_dinh"] for r in rows} == {loop.ANALYST}
        assert {(r["ma_don_vi"], r["ten_nguyen_van"], r["quyet_dinh"]) for r in rows} == \
            {(u, n, d) for u, n, d, _ in written}


def test_decided_rows_show_who_decided_and_the_archive_keeps_the_analysts_workbook(loop_run):
    work, _, _, written, _ = loop_run
    out = work / "out"
    detail = loop.sheet(out / "chi-tieu.xlsx", "Chi tiết")
    decided = [r for r in detail if r["Quyết định của cán bộ rà soát"]]
    assert len(decided) >= len([w for w in written if w[2] != "-"])
    assert all(r["Người quyết định"] == loop.ANALYST and r["Thời điểm quyết định"] for r in decided)
    archived = sorted((out / "luu-tru").iterdir())
    edited = openpyxl.load_workbook(archived[0] / "chi-tieu.xlsx")
    assert edited.properties.lastModifiedBy == loop.ANALYST
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run"]["decisions"]["total"] == len(written) and manifest["run"]["decisions"]["appended"] == 0


def test_a_resubmitted_report_keeps_its_decided_readings(loop_run):
    work, truth, _, written, _ = loop_run
    inbox, out = work / "inbox", work / "out"
    unit = make.UNITS[4][0]
    assert any(u == unit for u, _, _, _ in written)
    truth = truth + [make.resubmit(4, inbox)]
    loop.run(inbox, out)
    scores = loop.score(truth, out / "chi-tieu.xlsx", {(u, n) for u, n, _, _ in written})
    assert scores.precision >= 0.995 and scores.recall >= 0.995 and scores.queue == 0
    detail = [r for r in loop.sheet(out / "chi-tieu.xlsx", "Chi tiết") if r["Mã đơn vị"] == unit]
    assert {r["Tệp nguồn"] for r in detail} == {f"{unit}-bao-cao-bo-sung.docx"}
    assert any(r["Quyết định của cán bộ rà soát"] for r in detail)


def test_a_hand_damaged_workbook_open_in_excel_does_not_stop_the_run(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for i in (0, 2):
        make.write_report(i, inbox)
    loop.run(inbox, out)
    wb = openpyxl.load_workbook(out / "chi-tieu.xlsx")
    ws = wb["Cần rà soát"]
    head = [c.value for c in ws[1]]
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, head.index("Loại") + 1).value == "Chỉ tiêu"]
    assert len(rows) >= 3
    col = head.index("Quyết định") + 1
    ws.cell(rows[0], col).value = "=VLOOKUP(A2,'Danh mục'!A:B,1,0)"
    ws.cell(rows[1], col).value = "khong-co-ma-nay"
    ws.cell(rows[2], col).value = "-"
    ws.delete_cols(head.index("Ứng viên 1 – tên") + 1, 2)
    ws.title = "Cần rà soát (sửa)"
    wb.properties.lastModifiedBy = "Lê Văn Bình"
    wb.save(out / "chi-tieu.xlsx")
    (out / "~$chi-tieu.xlsx").write_bytes(b"\x0bLe Van Binh" + b"\0" * 140)
    loop.run(inbox, out)
    rows = loop.decisions_csv(out)
    assert [r["quyet_dinh"] for r in rows] == ["khong-co-ma-nay", "-"]                 # nothing typed is lost
    review = loop.sheet(out / "chi-tieu.xlsx", "Cần rà soát")
    reasons = " ".join(r["Lý do"] for r in review if r["Loại"] == "Quyết định")
    assert "khong-co-ma-nay" in reasons and "công thức" in reasons and "đang mở trong Excel" in reasons
    notes = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["run"]["decisions"]
    assert any("khong-co-ma-nay" in n for n in notes["not_applied"]) and len(notes["notes"]) >= 3


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_the_workbook_converts_to_pdf_in_libreoffice(loop_run, tmp_path):
    work = loop_run[0]
    src = tmp_path / "chi-tieu.xlsx"
    shutil.copy(work / "out" / "chi-tieu.xlsx", src)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=300)
    pdf = (tmp_path / "chi-tieu.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") + pdf.count(b"/Type/Page") >= 6

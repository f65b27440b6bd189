"""Analysts' decisions: applied per (unit, name as written), harvested from a hand-edited workbook, appended once;
the matcher's unit-scoped aliases."""
from __future__ import annotations

import csv
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest
from test_consolidate import iv, make_ref, make_sub, record

from tonghop.aggregators.consolidate import consolidate, unit_key
from tonghop.aggregators.decisions import apply_decisions, decided_aliases, decisions_hash, effective_decisions
from tonghop.aggregators.matching import build_matcher, match_name, with_aliases
from tonghop.model import Decision
from tonghop.reports.quyet_dinh import (
    CSV_COLUMNS,
    DECISIONS_FILE,
    gather_decisions,
    harvest_workbook,
    read_decisions_csv,
)
from tonghop.reports.workbook_xlsx import decision_notes, write_workbook

VN = timezone(timedelta(hours=7))
NOW = datetime(2023, 8, 5, 21, 0, tzinfo=VN)


def unit_of(ref):
    return lambda s: unit_key(s, ref)[0]


def _subs():
    return [make_sub("in/dl.docx", "dai-loc", [], [iv(None, 12.0, name="Số HTX thành lập mới", unit="HTX"),
                                                    iv("forest_cover", 41.5, score=0.6, name="Độ che phủ của rừng"),
                                                    iv(None, 7.0, name="Tỷ lệ tăng trưởng kinh tế")]),
            make_sub("in/hv.docx", "hoa-vang", [], [iv(None, 7.0, name="Tỷ lệ tăng trưởng kinh tế")])]


# ---------------------------------------------------------------- applying


def test_a_decided_reading_counts_under_its_id_with_who_and_when_and_only_for_its_unit():
    ref = make_ref()
    decisions = [Decision("dai-loc", "tỉ lệ tăng trưởng kinh tế", "grdp_growth", "Lan", "2023-08-01T09:00:00+07:00"),
                 Decision("dai-loc", "Số HTX thành lập mới", "-", "Lan"),
                 Decision("dai-loc", "Độ che phủ của rừng", "forest_cover", "Lan", value=42.5)]
    subs, outcome = apply_decisions(_subs(), decisions, ref.catalog, unit_of(ref))
    dl = {v.name_raw: v for v in subs[0].indicators}
    growth = dl["Tỷ lệ tăng trưởng kinh tế"]                 # 'Tỷ'/'tỉ' and case do not matter
    assert growth.id == "grdp_growth" and growth.decision.analyst == "Lan"
    assert dl["Số HTX thành lập mới"].id is None and dl["Số HTX thành lập mới"].decision.decision == "-"
    forest = dl["Độ che phủ của rừng"]
    assert (forest.value, forest.original_value) == (42.5, 41.5)
    assert subs[1].indicators[0].id is None and subs[1].indicators[0].decision is None     # another unit
    assert outcome.applied == 3 and not outcome.problems
    cons = consolidate(subs, ref)
    row = next(a for a in cons.aggregates if a.entry.id == "grdp_growth")
    assert row.per_unit["dai-loc"].value == 7.0                                            # counted in Tổng hợp
    forest_row = next(a for a in cons.aggregates if a.entry.id == "forest_cover")
    assert forest_row.per_unit["dai-loc"].value == 42.5          # a low score decided by an analyst counts


def test_an_unknown_id_is_reported_never_applied_until_a_valid_decision_replaces_it():
    ref = make_ref()
    bad = Decision("dai-loc", "Số HTX thành lập mới", "hop_tac_xa_moi", "Lan")
    subs, outcome = apply_decisions(_subs(), [bad], ref.catalog, unit_of(ref))
    assert subs[0].indicators[0].id is None and subs[0].indicators[0].decision is None
    assert [p.decision for p in outcome.problems] == [bad]
    assert "hop_tac_xa_moi" in outcome.problems[0].reason and "not a catalog id" in outcome.problems[0].reason
    _, outcome = apply_decisions(_subs(), [bad, replace(bad, decision="-")], ref.catalog, unit_of(ref))
    assert not outcome.problems


def test_later_decisions_win_and_a_value_only_decision_keeps_the_id():
    ref = make_ref()
    history = [Decision("dai-loc", "Độ che phủ của rừng", "-"), Decision("dai-loc", "Độ che phủ của rừng", "forest_cover"),
               Decision("dai-loc", "Độ che phủ của rừng", "", value=40.0)]
    merged, _ = effective_decisions(history, ref.catalog)
    (only,) = merged.values()
    assert (only.decision, only.value) == ("forest_cover", 40.0)


def test_decisions_hash_is_stable_and_scoped():
    ref = make_ref()
    a = Decision("dai-loc", "Số HTX thành lập mới", "-", "Lan", "2023-08-01")
    b = Decision("hoa-vang", "Tỷ lệ tăng trưởng kinh tế", "grdp_growth", "Minh", "2023-08-02")
    assert decisions_hash([a, b], ref.catalog) == decisions_hash([replace(b, analyst="X"), a], ref.catalog)
    assert decisions_hash([a, b], ref.catalog) != decisions_hash([a], ref.catalog)
    assert decisions_hash([a, b], ref.catalog, "dai-loc") == decisions_hash([a], ref.catalog, "dai-loc")
    assert decisions_hash([a, replace(b, value=3.0, decision="")], ref.catalog) == decisions_hash([a], ref.catalog)


def test_a_decided_name_is_a_unit_scoped_alias_in_the_matcher():
    ref = make_ref()
    base = build_matcher(ref.catalog, {})
    name = "Chỉ số phát triển sản xuất toàn huyện"
    assert match_name(base, name).id is None
    aliases = decided_aliases([Decision("dai-loc", name, "grdp_growth"), Decision("hoa-vang", "x y", "-")],
                              ref.catalog, "dai-loc")
    unit = with_aliases(base, aliases)
    assert match_name(unit, name).id == "grdp_growth" and match_name(unit, name).score == 1.0
    assert match_name(unit, name.lower() + ".").id == "grdp_growth"
    assert match_name(unit, "Tỷ lệ che phủ rừng").id == "forest_cover"        # the rest is untouched
    suppressed = with_aliases(base, [("Tỷ lệ che phủ rừng tự nhiên", "-")])
    assert match_name(suppressed, "Tỷ lệ che phủ rừng tự nhiên").id is None
    assert match_name(base, "Tỷ lệ che phủ rừng tự nhiên").id == "forest_cover"
    assert with_aliases(base, [(name, "khong_co")]).aliases == ()          # an unknown id teaches nothing


# ---------------------------------------------------------------- harvesting


@pytest.fixture()
def workbook(tmp_path):
    ref = make_ref()
    subs = _subs()
    records = [record(s.source, unit=s.unit.id) for s in subs]
    path = write_workbook(consolidate(subs, ref), records, ref, tmp_path / "chi-tieu.xlsx")
    return ref, path


def _fill(path: Path, values: dict[str, dict[str, object]], who: str = "Nguyễn Thị Lan", edit=None) -> None:
    """Write the analyst's columns by indicator name, save as Excel would (last modified by)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Cần rà soát"]
    head = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        name = ws.cell(r, head["Tên chỉ tiêu (nguyên văn)"]).value
        for column, value in values.get(name, {}).items():
            ws.cell(r, head[column]).value = value
    if edit:
        edit(wb)
    wb.properties.lastModifiedBy = who
    wb.save(path)


def test_review_sheet_offers_the_decision_list_and_keeps_its_key_columns(workbook):
    ref, path = workbook
    wb = openpyxl.load_workbook(path)
    ws = wb["Cần rà soát"]
    header = [c.value for c in ws[1]]
    assert {"Mã đơn vị", "Tên chỉ tiêu (nguyên văn)", "Quyết định", "Giá trị đúng"} <= set(header)
    assert header.index("Quyết định") == header.index("Ứng viên 3 – điểm") + 1
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and "Quyết định" not in str(dv.sqref)
    col = openpyxl.utils.get_column_letter(header.index("Quyết định") + 1)
    assert f"{col}2" in dv.sqref
    sheet, cells = dv.formula1.split("!")
    listed = [c.value for c in wb[sheet.strip("'")]["A"][1:]]
    assert listed == ["-"] + [e.id for e in ref.catalog.entries]
    assert all(ws.cell(r, header.index("Quyết định") + 1).value is None for r in range(2, ws.max_row + 1))


def test_harvest_reads_ids_dashes_values_and_the_analyst(workbook):
    ref, path = workbook
    _fill(path, {"Số HTX thành lập mới": {"Quyết định": "-"},
                 "Độ che phủ của rừng": {"Quyết định": "FOREST_COVER", "Giá trị đúng": "1.234,5"},
                 "Tỷ lệ tăng trưởng kinh tế": {"Quyết định": "grdp_growth"}})
    got = harvest_workbook(path, [e.id for e in ref.catalog.entries], now=NOW)
    assert not got.notes
    by_name = {(d.unit_id, d.name_raw): d for d in got.decisions}
    assert by_name[("dai-loc", "Số HTX thành lập mới")].decision == "-"
    forest = by_name[("dai-loc", "Độ che phủ của rừng")]
    assert (forest.decision, forest.value, forest.analyst) == ("forest_cover", 1234.5, "Nguyễn Thị Lan")
    assert by_name[("hoa-vang", "Tỷ lệ tăng trưởng kinh tế")].decision == "grdp_growth"
    assert forest.decided_at.endswith("+07:00")


def test_a_hand_edited_workbook_is_read_as_far_as_it_can_be(workbook):
    ref, path = workbook

    def vandalise(wb):
        ws = wb["Cần rà soát"]
        ws.delete_cols([c.value for c in ws[1]].index("Mã chỉ tiêu đề xuất") + 1)
        ws.delete_cols([c.value for c in ws[1]].index("Giá trị đúng") + 1)
        ws.title = "Rà soát (Lan)"
        wb.move_sheet(ws, offset=2)
    _fill(path, {"Số HTX thành lập mới": {"Quyết định": "=A1"},
                 "Độ che phủ của rừng": {"Quyết định": "rác!!"},
                 "Tỷ lệ tăng trưởng kinh tế": {"Quyết định": "grdp_growth"}}, edit=vandalise)
    (path.parent / "~$chi-tieu.xlsx").write_bytes(b"\x0bLan" + b"\0" * 150)
    got = harvest_workbook(path, [e.id for e in ref.catalog.entries], now=NOW)
    assert sorted((d.unit_id, d.decision) for d in got.decisions) == [("dai-loc", "grdp_growth"), ("dai-loc", "rác!!"),
                                                                       ("hoa-vang", "grdp_growth")]
    text = " ".join(got.notes)
    assert "đang mở trong Excel" in text and "Rà soát (Lan)" in text and "công thức" in text


def test_an_unreadable_workbook_or_missing_columns_is_a_note_not_an_error(tmp_path, workbook):
    _, path = workbook
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert harvest_workbook(broken).decisions == () and "Không đọc được" in harvest_workbook(broken).notes[0]

    def drop(wb):
        ws = wb["Cần rà soát"]
        ws.delete_cols([c.value for c in ws[1]].index("Mã đơn vị") + 1)
    _fill(path, {"Số HTX thành lập mới": {"Quyết định": "-"}}, edit=drop)
    got = harvest_workbook(path)
    assert got.decisions == () and "không thu được" in got.notes[0]


def test_gather_appends_each_decision_once_before_anything_else(tmp_path, workbook):
    ref, path = workbook
    ids = [e.id for e in ref.catalog.entries]
    _fill(path, {"Số HTX thành lập mới": {"Quyết định": "-"}, "Tỷ lệ tăng trưởng kinh tế": {"Quyết định": "grdp_growth"}})
    extra = tmp_path / "them.csv"
    extra.write_text("ma_don_vi,ten_nguyen_van,quyet_dinh,nguoi_quyet_dinh,thoi_diem\n"
                     "dai-loc,Độ che phủ của rừng,forest_cover,Minh,2023-08-04T10:00:00+07:00\n", encoding="utf-8")
    first = gather_decisions(path.parent, path.name, extra, ids, now=NOW)
    assert (first.harvested, first.from_file, len(first.appended)) == (3, 1, 4)
    again = gather_decisions(path.parent, path.name, extra, ids, now=NOW)      # the same workbook and file again
    assert again.appended == () and len(again.decisions) == 4
    with (path.parent / DECISIONS_FILE).open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 5
    assert {r[2] for r in rows[1:]} == {"-", "grdp_growth", "forest_cover"}
    assert read_decisions_csv(path.parent / DECISIONS_FILE, ids).decisions == again.decisions


def test_decision_problems_and_notes_are_rows_of_the_review_sheet(tmp_path):
    ref = make_ref()
    subs, outcome = apply_decisions(_subs(), [Decision("dai-loc", "Số HTX thành lập mới", "rac")], ref.catalog,
                                    unit_of(ref))
    notes = decision_notes(("Sổ đang mở trong Excel",), outcome.problems)
    path = write_workbook(consolidate(subs, ref), [record(s.source, unit=s.unit.id) for s in subs], ref,
                          tmp_path / "w.xlsx", notes=notes)
    ws = openpyxl.load_workbook(path)["Cần rà soát"]
    rows = [dict(zip([c.value for c in ws[1]], r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    decided = [r for r in rows if r["Loại"] == "Quyết định"]
    assert [(r["Mã đơn vị"], r["Tên chỉ tiêu (nguyên văn)"]) for r in decided] == [("dai-loc", "Số HTX thành lập mới"),
                                                                               (None, None)]
    assert "rac" in decided[0]["Lý do"]

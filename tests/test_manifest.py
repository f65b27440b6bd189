"""manifest.json and the status CSV: every inbox file with its status, versions, run summary."""
from __future__ import annotations

import csv
import json
from datetime import datetime

from test_consolidate import iv, make_ref, make_sub, record

from tonghop.aggregators.consolidate import consolidate, select_versions
from tonghop.model import FileRecord, FileWarning
from tonghop.reports.manifest import project_version, write_manifest, write_status_csv


def _run():
    ref = make_ref()
    old = make_sub("in/dai-loc.docx", "dai-loc", [("P1.I.1", None, True, ["Cũ."])])
    new = make_sub("in/dai-loc v2.docx", "dai-loc", [("P1.I.1", "1. Đặc điểm", True, ["Mới."])],
                   [iv("grdp_growth", 7.0), iv(None, 3.0)])
    new = new.__class__(**{**new.__dict__, "warnings": (FileWarning("sections-missing", "Mục P1.I.2 không có",
                                                                          "section P1.I.2 missing"),)})
    unknown = make_sub("in/la.docx", None, [])
    parsed = [(old, record(old.source, "2023-07-20T08:00:00", unit="dai-loc")),
              (new, record(new.source, "2023-07-20T08:00:00", unit="dai-loc")),
              (unknown, record(unknown.source))]
    kept, skipped = select_versions(parsed)
    broken = FileRecord("in/hong.docx", "abc", "2023-07-21T00:00:00", "rejected",
                        reason="Không phải tệp .docx hợp lệ / not a valid .docx file", seconds=0.01)
    records = [r for _, r in parsed] + [broken] + skipped
    return ref, records, [s for s, _ in kept]


def test_manifest_lists_every_file_with_status_reason_and_versions(tmp_path):
    ref, records, kept = _run()
    path = write_manifest(records, kept, ref, tmp_path / "manifest.json",
                          {"started": datetime(2023, 7, 31, 1, 0), "inbox": tmp_path, "period": "2023"})
    m = json.loads(path.read_text(encoding="utf-8"))
    files = {f["file"]: f for f in m["files"]}
    assert set(files) == {"dai-loc.docx", "dai-loc v2.docx", "la.docx", "hong.docx"}
    assert [f["source"] for f in m["files"]] == sorted(f["source"] for f in m["files"])
    assert files["dai-loc v2.docx"]["status"] == "ok" and files["dai-loc v2.docx"]["unit"] == "dai-loc"
    assert files["dai-loc.docx"]["status"] == "skipped" and "older" in files["dai-loc.docx"]["reason"]
    assert files["hong.docx"]["status"] == "rejected" and files["hong.docx"]["reason"].count(" / ") == 1
    assert files["dai-loc v2.docx"]["warnings"] == ["Mục P1.I.2 không có / section P1.I.2 missing"]
    assert files["dai-loc v2.docx"]["indicators"] == {"total": 2, "matched": 1, "unmatched": 1}
    assert files["dai-loc v2.docx"]["sha256"] == "sha-in/dai-loc v2.docx"
    assert m["versions"] == {"tonghop": project_version(), "outline": {"id": "test-outline", "version": "v1"},
                             "catalog": {"version": "cat1", "entries": 4}, "units": {"version": "u1", "entries": 4}}
    s = m["summary"]
    assert s["by_status"] == {"ok": 2, "rejected": 1, "skipped": 1} and s["files"] == 4
    assert (s["units_expected"], s["units_submitted"]) == (4, 1)
    assert s["units_missing"] == ["duy-xuyen", "hoa-vang", "nam-giang"]
    assert s["unknown_unit_files"] == ["in/la.docx"]
    assert s["indicators"] == {"total": 2, "matched": 1, "unmatched": 1}
    assert m["run"]["started"] == "2023-07-31T01:00:00" and m["run"]["inbox"] == str(tmp_path)


def test_manifest_is_stable_for_the_same_inputs(tmp_path):
    ref, records, kept = _run()
    a = write_manifest(records, kept, ref, tmp_path / "a.json", {"period": "2023"}).read_bytes()
    ref, records, kept = _run()
    b = write_manifest(list(reversed(records)), kept, ref, tmp_path / "b.json", {"period": "2023"}).read_bytes()
    assert json.loads(a)["files"] == json.loads(b)["files"]


def test_status_csv_has_every_unit_then_unclaimed_files(tmp_path):
    ref, records, kept = _run()
    path = write_status_csv(consolidate(kept, ref), records, ref, tmp_path / "nop-bao-cao.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["ma_don_vi"] for r in rows[:4]] == [u.id for u in ref.units]
    assert rows[0]["da_nop"] == "1" and rows[0]["tep"] == "in/dai-loc v2.docx" and rows[0]["dung_han"] == "1"
    assert "dai-loc.docx: skipped" in rows[0]["ghi_chu"]
    assert rows[1]["da_nop"] == "0" and rows[1]["dung_han"] == ""
    assert {r["tep"] for r in rows[4:]} == {"in/hong.docx", "in/la.docx"}


def test_two_reports_of_one_unit_both_carry_the_warning_in_the_manifest(tmp_path):
    ref = make_ref()
    a = make_sub("in/hoa-vang.docx", "hoa-vang", [("P1.I.1", None, True, ["Huyện ủy báo cáo " + "a " * 40])])
    b = make_sub("in/chi-bo.docx", "hoa-vang", [("P1.I.1", None, True, ["Chi bộ báo cáo " + "b " * 40])])
    kept, skipped = select_versions([(a, record(a.source, unit="hoa-vang")), (b, record(b.source, unit="hoa-vang"))])
    m = json.loads(write_manifest([r for _, r in kept] + skipped, [s for s, _ in kept], ref,
                                  tmp_path / "m.json").read_text(encoding="utf-8"))
    files = {f["file"]: f for f in m["files"]}
    assert {f["status"] for f in files.values()} == {"ok"}
    for name in ("hoa-vang.docx", "chi-bo.docx"):
        assert any(w.startswith("Hai báo cáo cùng được nhận là của đơn vị") and "two reports identified as unit" in w
                   for w in files[name]["warnings"]), name

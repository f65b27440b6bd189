"""End to end: `tonghop run` over the sample inbox, deliverables checked against the docgen truth.

The flow runs once per session over data/samples/inbox (module fixture `first`); the tests read
its outputs. Expected values come from data/samples/truth/*.json and the reference data, never
from the code under test.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "data" / "samples" / "inbox"
TRUTH = ROOT / "data" / "samples" / "truth"
OUTPUTS = ("du-thao-tong-hop.docx", "chi-tieu.xlsx", "manifest.json", "nop-bao-cao.csv", "tap-hop-nguyen-van.docx",
           "thay-doi.md")
SHEETS = ["Tổng hợp", "Chi tiết", "Cần rà soát", "Nộp báo cáo", "Danh mục", "Độ phủ đề cương", "Thay đổi"]
ATTRIBUTION = re.compile(r"^\[(?P<unit>.+?) — (?P<file>[^,\]]+\.docx)"
                         r"(?:, đoạn (?P<ranges>[\d–, ]+), bắt đầu: “(?P<quote>[^”]+)”)?\]$")
MERGED = re.compile(r"^\[Nội dung chung của (?P<n>\d+) đơn vị: (?P<items>.+)\]$")
MERGED_ITEM = re.compile(r"^(?P<unit>.+?) — (?P<file>[^,]+\.docx), đoạn (?P<n>\d+)$")
NO_CONTENT = "(Chưa có đơn vị nào báo cáo nội dung này.)"

pytestmark = pytest.mark.slow


def norm(text: str) -> str:
    """Whitespace collapsed, NFC: how draft text and truth text are compared."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text)).strip()


def run_flow(inbox: Path, out: Path, **kwargs) -> dict:
    """One in-process run of the consolidation flow."""
    from tonghop.flows.nightly import consolidate_flow
    return consolidate_flow(inbox=str(inbox), out=str(out), **kwargs)


# ---------------------------------------------------------------- expectations from the truth


@dataclass(frozen=True)
class Expected:
    """What a perfect run over the sample inbox gives, derived from the truth files."""

    truth: dict            # file name -> truth JSON
    ok: tuple[str, ...]    # files that must be used (latest version per unit)
    skipped: tuple[str, ...]
    rejected: tuple[str, ...]
    missing_units: tuple[str, ...]


def expected_from_truth(ref) -> Expected:
    truth = {json.loads(p.read_text(encoding="utf-8"))["file"]: json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(TRUTH.glob("*.json"))}
    assert set(truth) == {p.name for p in INBOX.iterdir() if p.is_file()}, "truth and inbox out of step"
    rejected = tuple(sorted(f for f, t in truth.items() if t["expected"] == "rejected"))
    latest: dict[str, str] = {}
    for f, t in sorted(truth.items()):
        if t["expected"] == "ok" and (t["unit_id"] not in latest
                                      or t["version"] > truth[latest[t["unit_id"]]]["version"]):
            latest[t["unit_id"]] = f
    ok = tuple(sorted(latest.values()))
    skipped = tuple(sorted(set(truth) - set(ok) - set(rejected)))
    missing = tuple(u.id for u in ref.units if u.id not in latest)
    return Expected(truth, ok, skipped, rejected, missing)


@pytest.fixture(scope="module")
def expected(ref) -> Expected:
    exp = expected_from_truth(ref)
    assert exp.rejected and exp.skipped and len(exp.missing_units) == 2, "the sample inbox lost its variety"
    return exp


@pytest.fixture(scope="module")
def first(prefect_harness, tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out1"
    summary = run_flow(INBOX, out)
    return out, summary


@pytest.fixture(scope="module")
def draft(first):
    return docx.Document(str(first[0] / "du-thao-tong-hop.docx"))


@pytest.fixture(scope="module")
def full_text(first):
    """tap-hop-nguyen-van.docx: the compilation (what the draft was before it consolidated)."""
    return docx.Document(str(first[0] / "tap-hop-nguyen-van.docx"))


@pytest.fixture(scope="module")
def workbook(first):
    return openpyxl.load_workbook(first[0] / "chi-tieu.xlsx")


@pytest.fixture(scope="module")
def manifest(first):
    return json.loads((first[0] / "manifest.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- draft helpers


def body_items(document):
    """('p', paragraph) / ('t', table) in body order."""
    for el in document.element.body.iterchildren():
        if el.tag == qn("w:p"):
            yield "p", docx.text.paragraph.Paragraph(el, document)
        elif el.tag == qn("w:tbl"):
            yield "t", docx.table.Table(el, document)


def draft_texts(document) -> Counter:
    """Every paragraph text of the draft (body and table cells), normalised, with counts."""
    texts = Counter(norm(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.update(norm(p.text) for p in cell.paragraphs)
    return texts


def heading_level(paragraph) -> int | None:
    name = paragraph.style.name
    return int(name.split()[-1]) if name.startswith("Heading ") and name.split()[-1].isdigit() else None


def expand_ranges(text: str) -> set[int]:
    """'7–8, 12' -> {7, 8, 12}."""
    numbers: set[int] = set()
    for part in text.split(","):
        lo, _, hi = part.strip().partition("–")
        numbers.update(range(int(lo), int(hi or lo) + 1))
    return numbers


# ---------------------------------------------------------------- the draft


def test_run_summary_counts_match_the_truth(first, expected):
    out, summary = first
    assert summary["counts"] == {"ok": len(expected.ok), "rejected": len(expected.rejected),
                                 "skipped": len(expected.skipped)}
    assert summary["outputs"] == [str(out / n) for n in OUTPUTS]
    assert all((out / n).stat().st_size > 0 for n in OUTPUTS)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")], "temporary files left behind"


def test_draft_outline_headings_in_order_with_word_heading_styles(draft, ref):
    from tonghop.reports.draft_docx import heading_text
    headings = [(heading_level(p), norm(p.text)) for p in draft.paragraphs if heading_level(p)]
    wanted = [(n.depth + 1, norm(heading_text(n))) for n in ref.outline.nodes]
    outline_part = [h for h in headings if h in wanted]
    assert outline_part == wanted
    first_index = headings.index(wanted[0])
    assert headings[first_index:first_index + len(wanted)] == wanted, "something between outline headings"


def test_every_body_paragraph_of_every_kept_sample_is_in_the_full_text(full_text, expected):
    texts = draft_texts(full_text)
    in_truth: Counter = Counter()
    missing = []
    for f in expected.ok:
        for p in expected.truth[f]["paragraphs"]:
            in_truth[norm(p["text"])] += 1
            if p["section"] in ("front", "back") or (p["heading"] and p["node"]):
                continue
            if not texts[norm(p["text"])]:
                missing.append((f, p["section"], p["text"][:80]))
    assert not missing
    duplicated = {t: (n, in_truth[t]) for t, n in texts.items() if in_truth[t] and n > in_truth[t]}
    assert not duplicated, "a paragraph is written more often than the kept samples hold it"


def test_skipped_and_rejected_files_contribute_nothing(draft, full_text, expected):
    for document in (draft, full_text):
        texts = " ".join(p.text for p in document.paragraphs)
        for f in expected.skipped + expected.rejected:
            assert f"— {f}" not in texts


@dataclass
class Coverage:
    """What the draft's attribution lines claim: (file, text) -> times written, and mismatches."""

    written: Counter
    wrong_place: list
    orphans: list
    files: set
    merged: int


def draft_coverage(document, expected: Expected, names: dict[str, str]) -> Coverage:
    """Walk the outline part of the draft: every paragraph is under an attribution line (a unit's,
    or a merged line naming several) and is at a source paragraph that line names."""
    from tonghop.reports.draft_docx import MISSING_TITLE
    blocks: dict[str, dict[str, set[int]]] = {f: {} for f in expected.ok}
    for f in expected.ok:
        for p in expected.truth[f]["paragraphs"]:
            blocks[f].setdefault(norm(p["text"]), set()).add(p["block"] + 1)
    cov = Coverage(Counter(), [], [], set(), 0)
    items = list(body_items(document))
    first = next(i for i, (kind, item) in enumerate(items) if kind == "p" and heading_level(item))
    current: tuple[str, set[int]] | None = None
    merged_items = None
    for i in range(first, len(items)):
        kind, item = items[i]
        if kind == "t":
            continue
        text = norm(item.text)
        if merged_items is not None:              # the text under a merged attribution line
            for it in merged_items:
                cov.written[it["file"], text] += 1
                if int(it["n"]) not in blocks[it["file"]].get(text, set()):
                    cov.wrong_place.append((it["file"], text[:60], it["n"]))
            merged_items = None
            continue
        if heading_level(item):
            if text == MISSING_TITLE:
                break
            current = None
            continue
        m = MERGED.match(text)
        if m:
            merged_items = [MERGED_ITEM.match(x) for x in m["items"].split("; ")]
            assert all(merged_items) and len(merged_items) == int(m["n"]) >= 2, text
            for it in merged_items:
                assert it["file"] in expected.ok and it["unit"] == names[expected.truth[it["file"]]["unit_id"]]
            cov.merged += 1
            current = None
            continue
        m = ATTRIBUTION.match(text)
        if m:
            f = m["file"]
            assert f in expected.ok and m["unit"] == names[expected.truth[f]["unit_id"]], text
            cov.files.add(f)
            current = (f, expand_ranges(m["ranges"]) if m["ranges"] else set())
            if m["quote"] and i + 1 < len(items) and items[i + 1][0] == "p":    # the quote opens what follows
                quoted = m["quote"].removesuffix("…")
                if not norm(items[i + 1][1].text).startswith(quoted):
                    cov.wrong_place.append((f, text[:60], "quote"))
            continue
        caption = i + 1 < len(items) and items[i + 1][0] == "t"
        if current is not None and text in blocks[current[0]]:
            cov.written[current[0], text] += 1
            if not blocks[current[0]][text] & current[1]:
                cov.wrong_place.append((current[0], text[:60], sorted(current[1])))
            continue
        current = None                            # the draft's own caption or note ends a contribution
        if text and text != NO_CONTENT and not caption:
            cov.orphans.append(text[:80])
    return cov


@pytest.fixture(scope="module")
def coverage(full_text, expected, ref) -> Coverage:
    return draft_coverage(full_text, expected, {u.id: u.ten for u in ref.units})


def test_attribution_lines_name_each_unit_and_point_to_its_paragraphs(coverage, expected):
    assert coverage.files == set(expected.ok)
    assert not coverage.wrong_place and not coverage.orphans
    assert sum(coverage.written.values()) > 100 and coverage.merged > 0


def test_each_source_paragraph_written_once_merged_boilerplate_counted_once(coverage, expected):
    """Every body paragraph is under its unit's attribution (or a merged line naming it), once."""
    body: Counter = Counter()
    anywhere: Counter = Counter()
    for f in expected.ok:
        for p in expected.truth[f]["paragraphs"]:
            anywhere[f, norm(p["text"])] += 1
            if p["section"] not in ("front", "back") and not (p["heading"] and p["node"]):
                body[f, norm(p["text"])] += 1
    short = {k: (coverage.written[k], n) for k, n in body.items() if coverage.written[k] < n}
    extra = {k: (n, anywhere[k]) for k, n in coverage.written.items() if n > anywhere[k]}
    assert not short and not extra


def test_attribution_hyperlinks_lead_to_the_source_files(first, full_text, expected):
    out = first[0]
    rels = full_text.part.rels.values()
    targets = {r.target_ref for r in rels if r.reltype.endswith("/hyperlink")}
    assert all(urlsplit(t).scheme == "file" and t.isascii() for t in targets)   # absolute: survives archiving
    files = {Path(unquote(urlsplit(t).path)) for t in targets}
    assert files == {(INBOX / f).resolve() for f in expected.ok}
    assert all(f.is_file() for f in files) and out.resolve() not in {f.parent for f in files}


def test_draft_holds_the_aggregated_indicator_table_under_the_indicators_node(draft, ref, workbook):
    from tonghop.reports.draft_docx import heading_text
    node = next(n for n in ref.outline.nodes if n.id == "P1.III.1")
    inside, tables = False, []
    for kind, item in body_items(draft):
        if kind == "p" and heading_level(item):
            inside = norm(item.text) == norm(heading_text(node))
        elif kind == "t" and inside:
            tables.append([[norm(c.text) for c in row.cells] for row in item.rows])
    agg = [t for t in tables if "Kết quả tổng hợp" in t[0]]
    assert len(agg) == 1
    table = agg[0]
    assert [r[1] for r in table[1:]] == [e.ten for e in ref.catalog.entries]
    col = table[0].index("Số đơn vị báo cáo")
    ws = workbook["Tổng hợp"]
    header = [c.value for c in ws[1]]
    reporting = [r[header.index("Số đơn vị báo cáo")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert [int(r[col]) for r in table[1:]] == reporting
    assert sum(reporting) > 0


def test_full_text_lists_the_units_without_a_submission(full_text, expected, ref):
    from tonghop.reports.draft_docx import MISSING_TITLE
    paragraphs = list(full_text.paragraphs)
    start = next(i for i, p in enumerate(paragraphs) if heading_level(p) and p.text == MISSING_TITLE)
    listed = []
    for p in paragraphs[start + 1:]:
        if heading_level(p):
            break
        listed.append(p.text)
    names = {u.id: u.ten for u in ref.units}
    assert len(listed) == len(expected.missing_units)
    for unit_id, line in zip(expected.missing_units, listed):
        assert line.startswith(names[unit_id])


def test_draft_front_lists_the_units_without_a_submission(draft, expected, ref):
    from tonghop.reports.draft_docx import MISSING_LABEL
    paragraphs = list(draft.paragraphs)
    start = next(i for i, p in enumerate(paragraphs) if p.text == MISSING_LABEL)
    first_heading = next(i for i, p in enumerate(paragraphs) if heading_level(p))
    assert start < first_heading
    listed = [p.text for p in paragraphs[start + 1:start + 1 + len(expected.missing_units)]]
    names = {u.id: u.ten for u in ref.units}
    for unit_id, line in zip(expected.missing_units, listed, strict=True):
        assert line.startswith(names[unit_id])
    assert paragraphs[start + 1 + len(expected.missing_units)].style.name != "List Bullet"


def test_draft_consolidates_statements_units_share_and_links_them_into_the_full_text(draft, full_text, expected):
    """Shorter than the full text; a statement the samples' units share is written once naming them all;
    every link into tap-hop-nguyen-van.docx lands on a bookmark there; source links are the kept files."""
    draft_chars = sum(len(p.text) for p in draft.paragraphs)
    full_chars = sum(len(p.text) for p in full_text.paragraphs)
    assert draft_chars < 0.5 * full_chars
    shared = "tình hình thế giới, trong nước và của tỉnh có nhiều diễn biến phức tạp"
    users = [f for f in expected.ok if any(shared in p["text"] for p in expected.truth[f]["paragraphs"])]
    assert len(users) >= 3
    passages = [p.text for p in draft.paragraphs if shared in p.text]
    assert len(passages) == 1
    bookmarks = {b.get(qn("w:name")) for b in full_text.element.body.iter(qn("w:bookmarkStart"))}
    targets = [r.target_ref for r in draft.part.rels.values() if r.reltype.endswith("/hyperlink")]
    inner = [t.split("#", 1)[1] for t in targets if t.startswith("tap-hop-nguyen-van.docx#")]
    assert inner and set(inner) <= bookmarks
    files = {Path(unquote(urlsplit(t).path)).name for t in targets if t.startswith("file:")}
    assert files == set(expected.ok)


def test_parsing_the_draft_back_puts_every_outline_heading_on_its_id(first, ref):
    from tonghop.parsers.parse import parse_file
    from tonghop.reports.draft_docx import heading_text
    sub = parse_file(first[0] / "du-thao-tong-hop.docx", ref)
    matched = [(s.id, norm(s.heading.text)) for s in sub.sections if s.matched and s.heading is not None]
    assert matched == [(n.id, norm(heading_text(n))) for n in ref.outline.nodes]


# ---------------------------------------------------------------- the workbook


def sheet_rows(ws) -> tuple[list, list[tuple]]:
    rows = list(ws.iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"-?\d+(?:[.,]\d+)*", text.strip()))


def test_workbook_sheets_frozen_and_filtered(workbook):
    assert workbook.sheetnames[:len(SHEETS)] == SHEETS
    for ws in workbook:
        assert ws.freeze_panes is not None and ws.freeze_panes[-1] == "2", ws.title
        assert ws.auto_filter.ref == ws.dimensions and ws.dimensions.startswith("A1:"), ws.title


def test_summary_sheet_one_row_per_catalog_entry_and_catalog_sheet(workbook, ref):
    ids = [e.id for e in ref.catalog.entries]
    header, rows = sheet_rows(workbook["Tổng hợp"])
    assert [r[0] for r in rows] == ids
    for unit in ref.units:
        assert f"{unit.ten} – giá trị" in header
    header, rows = sheet_rows(workbook["Danh mục"])
    assert [(r[0], r[1], r[2]) for r in rows] == [(e.id, e.ten, e.dvt) for e in ref.catalog.entries]


def test_register_sheet_one_row_per_registry_unit(workbook, ref, expected):
    header, rows = sheet_rows(workbook["Nộp báo cáo"])
    registered = [r for r in rows if r[header.index("Trong danh sách")] == "Có"]
    assert [r[0] for r in registered] == [u.id for u in ref.units]
    submitted = {r[0]: r[header.index("Tệp")] for r in registered if r[header.index("Đã nộp")] == "Có"}
    assert submitted == {expected.truth[f]["unit_id"]: f for f in expected.ok}
    others = [r for r in rows if r[header.index("Trong danh sách")] != "Có"]
    assert all(r[header.index("Đã nộp")] != "Có" for r in others)


def test_detail_sheet_rows_are_the_indicators_of_kept_submissions(workbook, expected, ref):
    from tonghop.flows.pipeline import load_context, parse_one
    ctx = load_context()
    parsed = [parse_one(INBOX / f, ctx) for f in expected.ok]
    header, rows = sheet_rows(workbook["Chi tiết"])
    col = {name: header.index(name) for name in ("Mã đơn vị", "Mã chỉ tiêu", "Giá trị", "Tệp nguồn")}
    got = Counter((r[col["Tệp nguồn"]], r[col["Mã chỉ tiêu"]], r[col["Giá trị"]]) for r in rows)
    want = Counter((Path(s.source).name, iv.id, iv.value) for s in parsed for iv in s.indicators)
    assert got == want and sum(want.values()) > len(expected.ok)
    assert {r[col["Tệp nguồn"]] for r in rows} <= set(expected.ok)
    # every value in the summary sheet is one the unit reported for that indicator
    reported = {(r[col["Mã đơn vị"]], r[col["Mã chỉ tiêu"]], r[col["Giá trị"]]) for r in rows}
    s_header, s_rows = sheet_rows(workbook["Tổng hợp"])
    for unit in ref.units:
        c = s_header.index(f"{unit.ten} – giá trị")
        for r in s_rows:
            if r[c] is not None:
                assert (unit.id, r[0], r[c]) in reported


def test_review_sheet_lists_every_warning_of_every_kept_file(workbook, manifest):
    header, rows = sheet_rows(workbook["Cần rà soát"])
    listed = {(r[header.index("Tệp nguồn")], r[header.index("Lý do")]) for r in rows
              if r[header.index("Loại")] == "Tệp"}
    wanted = {(f["source"], w) for f in manifest["files"] if f["status"] == "ok" for w in f["warnings"]}
    assert wanted and listed == wanted
    assert all(r[header.index("Mã đơn vị")] and r[header.index("Đơn vị")] for r in rows)


@pytest.mark.parametrize("sheet,columns", [
    ("Chi tiết", ("Giá trị", "Mục tiêu", "Ước thực hiện", "Độ tin cậy")),
    ("Tổng hợp", ("Kết quả tổng hợp", "Số đơn vị báo cáo", "Số đơn vị đạt, vượt", "– giá trị")),
    ("Cần rà soát", ("Giá trị", "Độ tin cậy")),
])
def test_numbers_are_stored_as_numbers(workbook, sheet, columns):
    header, rows = sheet_rows(workbook[sheet])
    picked = [i for i, h in enumerate(header) if any(h == c or h.endswith(c) for c in columns)]
    assert len(picked) >= len(columns)
    values = [r[i] for r in rows for i in picked if r[i] is not None]
    assert values and all(is_number(v) for v in values)
    strings = [v for r in rows for v in r if isinstance(v, str)]
    texts_ok = {i for i, h in enumerate(header) if "nguyên văn" in h or h in ("Mã đơn vị", "Tệp nguồn")}
    numeric_strings = [v for r in rows for i, v in enumerate(r)
                       if isinstance(v, str) and i not in texts_ok and looks_numeric(v)]
    assert strings and not numeric_strings


# ---------------------------------------------------------------- the manifest


def test_manifest_statuses_reasons_and_hashes(manifest, expected):
    files = {f["source"]: f for f in manifest["files"]}
    assert set(files) == set(expected.truth)
    for name, entry in files.items():
        assert entry["sha256"] == hashlib.sha256((INBOX / name).read_bytes()).hexdigest()
        if name in expected.ok:
            assert entry["status"] == "ok" and entry["unit"] == expected.truth[name]["unit_id"]
            assert entry["paragraphs"] == len(expected.truth[name]["paragraphs"])
        elif name in expected.rejected:
            assert entry["status"] == "rejected"
            reason = entry["reason"]
            assert "\n" not in reason and reason.count(" / ") == 1
            vi, en = reason.split(" / ")
            assert vi != unicodedata.normalize("NFD", vi).encode("ascii", "ignore").decode() and en.isascii()
        else:
            assert entry["status"] == "skipped" and entry["unit"] == expected.truth[name]["unit_id"]
            newer = next(f for f in expected.ok if expected.truth[f]["unit_id"] == entry["unit"])
            assert newer in entry["reason"]


def test_manifest_versions_and_summary(manifest, expected, ref):
    v = manifest["versions"]
    assert v["tonghop"] and v["tonghop"] != "unknown"
    assert v["outline"] == {"id": ref.outline.id, "version": ref.outline.version} and ref.outline.version
    assert v["catalog"]["version"] and v["catalog"]["entries"] == len(ref.catalog.entries)
    s = manifest["summary"]
    assert s["units_missing"] == list(expected.missing_units)
    assert s["units_submitted"] == len(expected.ok)
    assert manifest["run"]["started_at"] and manifest["run"]["archived_previous"] is None


def test_status_csv_one_line_per_registry_unit(first, ref, expected):
    import csv
    with open(first[0] / "nop-bao-cao.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    registered = [r for r in rows if r["trong_danh_sach"] == "1"]
    assert [r["ma_don_vi"] for r in registered] == [u.id for u in ref.units]
    assert {r["ma_don_vi"] for r in registered if r["da_nop"] == "0"} == set(expected.missing_units)


# ---------------------------------------------------------------- reruns


def docx_dump(path: Path) -> list[str]:
    """One line per body paragraph (style, text) and per table row."""
    document = docx.Document(str(path))
    lines = []
    for kind, item in body_items(document):
        if kind == "p":
            lines.append(f"{item.style.name}\t{item.text}")
        else:
            lines.extend("|".join(c.text for c in row.cells) for row in item.rows)
    return lines


def xlsx_dump(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[(c.value, c.number_format) for c in row] for row in ws.iter_rows()] for ws in wb}


def manifest_without_timings(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("started_at", "seconds", "parse"):       # parse: seconds and how many came from the cache
        data["run"].pop(key, None)
    for entry in data["files"]:
        entry.pop("seconds")
    return data


def test_rerun_into_another_folder_writes_the_same_content(first, tmp_path):
    out1 = first[0]
    out2 = out1.parent / "out2"
    run_flow(INBOX, out2)
    assert docx_dump(out2 / OUTPUTS[0]) == docx_dump(out1 / OUTPUTS[0])
    assert xlsx_dump(out2 / OUTPUTS[1]) == xlsx_dump(out1 / OUTPUTS[1])
    assert manifest_without_timings(out2 / OUTPUTS[2]) == manifest_without_timings(out1 / OUTPUTS[2])
    for name in (OUTPUTS[0], OUTPUTS[1], OUTPUTS[3], OUTPUTS[4]):
        assert (out2 / name).read_bytes() == (out1 / name).read_bytes(), name


def test_rerun_into_the_same_folder_archives_then_overwrite_replaces(first, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(first[0], out)
    before = {n: (out / n).read_bytes() for n in OUTPUTS}
    run_flow(INBOX, out)
    archives = [p for p in (out / "luu-tru").iterdir() if p.is_dir()]
    assert len(archives) == 1
    assert {n: (archives[0] / n).read_bytes() for n in OUTPUTS} == before
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert Path(data["run"]["archived_previous"]) == archives[0]
    assert all((out / n).exists() for n in OUTPUTS)
    run_flow(INBOX, out, overwrite=True)
    assert [p for p in (out / "luu-tru").iterdir()] == archives
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert data["run"]["archived_previous"] is None


# ---------------------------------------------------------------- an awkward inbox


def empty_zip() -> bytes:
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def test_awkward_inbox_every_file_in_the_manifest_with_its_reason(prefect_harness, tmp_path, expected):
    from typer.testing import CliRunner

    from tonghop.flows.cli import app
    inbox = tmp_path / "inbox"
    (inbox / "dot-2").mkdir(parents=True)
    good = expected.ok[0]
    shutil.copy(INBOX / good, inbox / "dot-2" / good)
    (inbox / "bao-cao-cu.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (inbox / "bao-cao.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    (inbox / "~$bao-cao.docx").write_bytes(b"\x0bnguoi-dung" + b"\0" * 151)
    (inbox / "rong.docx").write_bytes(b"")
    (inbox / "thieu-noi-dung.docx").write_bytes(empty_zip())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", "--inbox", str(inbox), "--out", str(out)])
    assert result.exit_code == 0, result.output
    files = {f["source"]: f for f in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]}
    want = {"bao-cao-cu.doc": ("rejected", ".doc"), "bao-cao.pdf": ("rejected", ".pdf"),
            "~$bao-cao.docx": ("skipped", "Word"), "rong.docx": ("rejected", "empty"),
            "thieu-noi-dung.docx": ("rejected", "document.xml"),
            f"dot-2/{good}": ("ok", None)}
    assert set(files) == set(want)
    for source, (status, word) in want.items():
        entry = files[source]
        assert entry["status"] == status, source
        assert entry["sha256"] == hashlib.sha256((inbox / source).read_bytes()).hexdigest()
        if word is None:
            assert entry["reason"] is None and entry["unit"] == expected.truth[good]["unit_id"]
        else:
            assert word in entry["reason"] and "\n" not in entry["reason"] and " / " in entry["reason"]
    document = docx.Document(str(out / "du-thao-tong-hop.docx"))
    assert any(f"— {good}" in p.text for p in document.paragraphs)


# ---------------------------------------------------------------- the real console script


def test_console_script_runs_embedded_and_prints_the_output_paths(first, tmp_path):
    script = Path(sys.executable).with_name("tonghop")
    if not script.exists():
        pytest.skip("console script not installed next to this Python")
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    res = subprocess.run([str(script), "run", "--inbox", str(INBOX), "--out", str(out)],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    printed = [line.strip() for line in res.stdout.splitlines()]
    for name in OUTPUTS:
        assert str(out / name) in printed
        assert (out / name).stat().st_size > 0
    assert "Traceback" not in res.stderr
    assert docx_dump(out / OUTPUTS[0]) == docx_dump(first[0] / OUTPUTS[0])

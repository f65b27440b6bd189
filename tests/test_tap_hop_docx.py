"""The full-text compilation tap-hop-nguyen-van.docx (what the draft was before consolidation), read back
with python-docx: headings, attribution, every paragraph once, a bookmark on every unit paragraph."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree
from test_consolidate import BOILER, iv, make_ref, make_sub

from tonghop.aggregators.consolidate import consolidate
from tonghop.model import Status
from tonghop.reports.docx_parts import (
    APPENDIX_TITLE,
    MISSING_TITLE,
    NO_CONTENT,
    UNPLACED_TITLE,
    bookmark_name,
    format_number,
    heading_text,
    paragraph_ranges,
)
from tonghop.reports.tap_hop_docx import TITLE, opening_words
from tonghop.reports.tap_hop_docx import write_compilation as write_draft


def _subs():
    return [
        make_sub("inbox/hoa-vang.docx", "hoa-vang", [
            ("front", None, True, ["HUYỆN ỦY HÒA VANG", "BÁO CÁO sơ kết"]),
            ("P1.I.1", "1. Khái quát đặc điểm", True, [BOILER, "Hòa Vang có 11 xã, diện tích 733 km²."]),
            ("P1.III.1", "1. Các chỉ tiêu", True, ["Kết quả cụ thể như sau:",
                                                  [["STT", "Chỉ tiêu", "Kết quả"], ["1", "GRDP", "6,8%"]]]),
            ("back", None, True, ["Nơi nhận:", "T/M BAN THƯỜNG VỤ"]),
        ], [iv("grdp_growth", 6.8, Status.CHUA_DAT)]),
        make_sub("inbox/dai-loc.docx", "dai-loc", [
            ("P1.I.1", "1. Đặc điểm tình hình", True, [BOILER, "Đại Lộc là huyện trung du, có 18 xã."]),
            ("P1.I.1", "a) Về dân cư", False, ["Dân số khoảng 150 nghìn người."]),
            ("P2.II", "II. Kiến nghị", True, ["Đề nghị Tỉnh ủy hỗ trợ vốn cho các xã miền núi."]),
        ], [iv("grdp_growth", 7.2, Status.VUOT)]),
        make_sub("inbox/khong-ro.docx", None, [("P1.I.2", None, True, ["Một đoạn của đơn vị không rõ tên."])]),
    ]


@pytest.fixture()
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)                     # sources are relative to the working directory
    ref = make_ref()
    cons = consolidate(_subs(), ref)
    path = write_draft(cons, tmp_path / "out" / "tap-hop-nguyen-van.docx", "6 tháng đầu năm 2023",
                       {"as_of": "2023-07-30T10:00:00+07:00"})
    return ref, cons, path, docx.Document(str(path))


def _texts(document):
    return [p.text for p in document.paragraphs]


def test_title_headings_in_outline_order_with_heading_styles(draft):
    ref, _, _, document = draft
    assert TITLE in document.paragraphs[0].text
    assert any("6 tháng đầu năm 2023" in t for t in _texts(document)[:4])
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    outline = [(f"Heading {n.depth + 1}", heading_text(n)) for n in ref.outline.nodes]
    assert headings[:len(outline)] == outline
    assert headings[0] == ("Heading 1", "Phần thứ nhất: Tình hình thực hiện nghị quyết")
    assert ("Heading 2", "I. Bối cảnh thực hiện nghị quyết") in headings
    assert ("Heading 3", "1. Khái quát đặc điểm tình hình") in headings
    assert headings[-1] == ("Heading 1", MISSING_TITLE)


def test_every_contributed_paragraph_once_boilerplate_once_front_back_absent(draft):
    _, _, _, document = draft
    texts = _texts(document)
    for sub in _subs():
        for section in sub.sections:
            for p in section.paragraphs:
                expected = 0 if section.id in ("front", "back") else 1
                assert texts.count(p.text) == expected, p.text
    assert texts.count(BOILER) == 1
    shared = next(t for t in texts if t.startswith("[Nội dung chung của 2 đơn vị"))
    assert "Huyện ủy Đại Lộc" in shared and "Huyện ủy Hòa Vang" in shared


def test_attribution_with_links_for_every_contribution(draft):
    _, cons, path, document = draft
    texts = _texts(document)
    for node in cons.nodes:
        for c in node.contributions:
            assert any(t.startswith(f"[{c.unit_name} — {Path(c.source).name}, đoạn ") for t in texts), c.unit_name
    assert "[Huyện ủy Đại Lộc — dai-loc.docx, đoạn 3–5, bắt đầu: “Đại Lộc là huyện trung du, có 18…”]" in texts
    assert "[Đơn vị chưa xác định (khong-ro.docx) — khong-ro.docx, đoạn 1, bắt đầu: “Một đoạn của đơn vị không rõ tên.”]" \
        in texts                                                             # short paragraphs are quoted whole
    rels = document.part.rels.values()
    targets = {r.target_ref for r in rels if r.reltype.endswith("/hyperlink")}
    inbox = path.parent.parent / "inbox"
    assert targets == {(inbox / n).resolve().as_uri() for n in ("hoa-vang.docx", "dai-loc.docx", "khong-ro.docx")}
    assert "Dân số khoảng 150 nghìn người." in texts and "a) Về dân cư" in texts
    with zipfile.ZipFile(path) as z:                                          # the package is well-formed XML
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))


def test_empty_nodes_say_so_indicator_table_under_p1_iii_1_and_missing_units(draft):
    _, _, _, document = draft
    texts = _texts(document)
    assert texts[texts.index("2. Bối cảnh thực hiện; những thuận lợi, khó khăn") + 1].startswith("[Đơn vị chưa")
    assert NO_CONTENT not in texts                               # every leaf has something here
    unit_table, aggregate = document.tables[0], document.tables[1]
    assert [c.text for c in unit_table.rows[1].cells] == ["1", "GRDP", "6,8%"]
    assert [c.text for c in aggregate.rows[0].cells][:2] == ["STT", "Chỉ tiêu"]
    grdp = aggregate.rows[1].cells
    assert (grdp[1].text, grdp[4].text, grdp[5].text, grdp[6].text) == (
        "Tốc độ tăng trưởng GRDP bình quân", "7", "2", "1")
    body = document.element.body
    table_pos = list(body).index(aggregate._tbl)
    heading_pos = [list(body).index(p._p) for p in document.paragraphs
                   if p.text == "1. Kết quả thực hiện các chỉ tiêu chủ yếu"][0]
    next_heading = [list(body).index(p._p) for p in document.paragraphs if p.text.startswith("Phần thứ hai")][0]
    assert heading_pos < table_pos < next_heading
    after = texts[texts.index(MISSING_TITLE) + 1:]
    assert after == ["Huyện ủy Duy Xuyên (hạn nộp 30/07/2023)", "Huyện ủy Nam Giang (hạn nộp 30/07/2023)"]


def test_aggregate_table_has_a_wide_indicator_column_within_the_margins(draft):
    _, _, _, document = draft
    table = document.tables[1]
    assert [c.text for c in table.rows[0].cells][:2] == ["STT", "Chỉ tiêu"]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]   # twips
    section = document.sections[-1]
    usable = (section.page_width - section.left_margin - section.right_margin) / 635        # EMU -> twips
    assert grid[1] == max(grid) and grid[1] >= Cm(5) / 635 and grid[1] >= 3 * grid[0]
    assert sum(grid) <= usable + len(grid)
    for row in table.rows:                                   # Word reads cell widths, LibreOffice the grid
        assert [round(c.width / 635) for c in row.cells] == grid
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_no_content_marker_only_where_nothing_was_written(tmp_path):
    ref = make_ref()
    cons = consolidate([], ref)
    document = docx.Document(str(write_draft(cons, tmp_path / "d.docx")))
    leaves = [n for n in ref.outline.nodes if not any(m.parent == n.id for m in ref.outline.nodes)]
    texts = _texts(document)
    assert texts.count(NO_CONTENT) == len(leaves) - 1       # P1.III.1 holds the (empty) aggregate table
    for n, text in enumerate(texts):
        if text == NO_CONTENT:
            assert texts[n - 1] in {heading_text(leaf) for leaf in leaves}


def test_outline_without_indicator_node_gets_an_appendix(tmp_path):
    ref = make_ref()
    outline = ref.outline.__class__(ref.outline.id, "v", "T", tuple(n for n in ref.outline.nodes
                                                                      if n.id != "P1.III.1"))
    cons = consolidate([], ref.__class__(outline, ref.catalog, ref.units))
    texts = _texts(docx.Document(str(write_draft(cons, tmp_path / "d.docx"))))
    assert APPENDIX_TITLE in texts and texts.index(APPENDIX_TITLE) < texts.index(MISSING_TITLE)


def test_deterministic_bytes(tmp_path):
    ref = make_ref()
    a = write_draft(consolidate(_subs(), ref), tmp_path / "a" / "d.docx", "kỳ", {"as_of": "2023-07-30T10:00:00"})
    b = write_draft(consolidate(_subs(), ref), tmp_path / "b" / "d.docx", "kỳ", {"as_of": "2023-07-30T10:00:00"})
    assert a.read_bytes() == b.read_bytes()
    props = docx.Document(str(a)).core_properties
    assert props.created.year == 2023 and props.modified == props.created


def test_a_report_without_recognised_headings_still_reaches_the_draft(tmp_path):
    header = ["HUYỆN ỦY NAM GIANG", "Số 215-BC/HU Nam Giang, ngày 23 tháng 7 năm 2023", "BÁO CÁO",
              "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện"]
    body = ["Kết quả lãnh đạo thực hiện nhiệm vụ chính trị trong nửa nhiệm kỳ đạt nhiều kết quả quan trọng.",
            "Đề nghị Tỉnh ủy quan tâm hỗ trợ nguồn lực cho các xã đặc biệt khó khăn."]
    sub = make_sub("inbox/nam-giang.docx", "nam-giang", [("front", None, True, header + body),
                                                          ("back", None, True, ["Nơi nhận:", "T/M BAN THƯỜNG VỤ"])])
    texts = _texts(docx.Document(str(write_draft(consolidate([sub], make_ref()), tmp_path / "d.docx"))))
    assert texts.index(UNPLACED_TITLE) < texts.index(body[0]) < texts.index(body[1]) < texts.index(MISSING_TITLE)
    assert texts[texts.index(UNPLACED_TITLE) + 1].startswith("[Huyện ủy Nam Giang — nam-giang.docx")
    for line in header + ["Nơi nhận:", "T/M BAN THƯỜNG VỤ"]:
        assert line not in texts


def test_attribution_quotes_the_first_words_editors_can_search_for(tmp_path):
    table_first = make_sub("in/dl.docx", "dai-loc", [("P1.III.1", None, True, [[["", "Chỉ tiêu"], ["1", "GRDP"]],
                                                                            "Sau bảng."])])
    texts = _texts(docx.Document(str(write_draft(consolidate([table_first], make_ref()), tmp_path / "d.docx"))))
    assert "[Huyện ủy Đại Lộc — dl.docx, đoạn 1–2, bắt đầu: “Chỉ tiêu”]" in texts
    assert opening_words("  Một   hai ba bốn năm sáu bảy tám chín mười ") == "Một hai ba bốn năm sáu bảy tám…"


def test_unreadable_as_of_falls_back_to_the_fixed_time(tmp_path):
    path = write_draft(consolidate([], make_ref()), tmp_path / "d.docx", run_info={"as_of": "30/07/2023"})
    assert docx.Document(str(path)).core_properties.created.year == 2000


def test_helpers():
    assert paragraph_ranges([11, 12, 13, 20, 22, 23]) == "12–14, 21, 23–24"
    assert paragraph_ranges([4]) == "5"
    assert format_number(1234.5) == "1.234,5" and format_number(7.0) == "7" and format_number(None) == ""
    assert format_number(0.456) == "0,46"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_opens_in_libreoffice(draft, tmp_path):
    _, _, path, _ = draft
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo",  # own profile per test
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "tap-hop-nguyen-van.pdf").stat().st_size > 1000


def _link_targets(path):
    rels = docx.Document(str(path)).part.rels.values()
    return {r.target_ref for r in rels if r.reltype.endswith("/hyperlink")}


def test_links_resolve_sources_against_the_inbox(tmp_path):
    ref = make_ref()
    sub = make_sub("2023/dai-loc.docx", "dai-loc", [("P1.I.1", None, True, ["Một đoạn."])])
    path = write_draft(consolidate([sub], ref), tmp_path / "out" / "d.docx", base_dir=tmp_path / "inbox")
    assert _link_targets(path) == {(tmp_path / "inbox" / "2023" / "dai-loc.docx").resolve().as_uri()}


def test_links_still_lead_to_the_sources_after_the_draft_is_archived(tmp_path):
    inbox = tmp_path / "hộp thư #1"
    (inbox / "đợt 2").mkdir(parents=True)
    source = inbox / "đợt 2" / "Đại Lộc lần 2.docx"
    source.write_bytes(b"x")
    sub = make_sub("đợt 2/Đại Lộc lần 2.docx", "dai-loc", [("P1.I.1", None, True, ["Một đoạn."])])
    path = write_draft(consolidate([sub], make_ref()), tmp_path / "out" / "du-thao.docx", base_dir=inbox)
    archived = tmp_path / "out" / "luu-tru" / "2023-07-30T10-00-00" / "du-thao.docx"
    archived.parent.mkdir(parents=True)
    path.rename(archived)
    (target,) = _link_targets(archived)
    parts = urlsplit(target)
    assert parts.scheme == "file" and parts.netloc == "" and not parts.fragment and not parts.query
    assert target.isascii() and " " not in target                    # percent-encoded, valid for Word and LibreOffice
    assert Path(unquote(parts.path)) == source.resolve() and Path(unquote(parts.path)).read_bytes() == b"x"


def test_parsing_the_draft_back_puts_every_outline_heading_on_its_own_id(tmp_path):
    parse = pytest.importorskip("tonghop.parsers.parse")
    from tonghop.reference import load_reference
    ref = load_reference()
    subs = []
    for unit in ref.units[:3]:
        sections = [("front", None, True, [unit.ten.upper()])]
        sections += [(n.id, n.title, True, [f"{unit.ten} báo cáo về mục {n.id}.", BOILER]) for n in ref.outline.nodes]
        sections.append(("P1.II.1", "a) Về công tác tuyên truyền", False, ["Tổ chức 12 hội nghị quán triệt."]))
        subs.append(make_sub(f"{unit.id}.docx", unit.id, sections, [iv("grdp_growth", 7.0, Status.DAT)]))
    path = write_draft(consolidate(subs, ref), tmp_path / "du-thao.docx", "2023")
    back = parse.parse_file(path, ref)
    matched = [s.id for s in back.sections if s.matched and s.id not in ("front", "back")]
    assert matched == list(ref.outline.ids)
    for s in back.sections:
        if s.matched and s.id in ref.outline.ids:
            assert s.heading.text == heading_text(ref.outline.node(s.id))


def test_expanded_merged_cells_are_merged_back_in_the_draft():
    import docx as _docx

    from tonghop.reports.docx_parts import add_table, merged_spans
    assert merged_spans(["A. KINH TẾ"] * 4) == [(0, 3)]
    assert merged_spans(["STT", "Kết quả", "Kết quả", "Ghi chú"]) == [(1, 2)]
    doc = _docx.Document()
    add_table(doc, [["STT", "Kết quả", "Kết quả"], ["A. KINH TẾ"] * 3, ["1", "6,8", "6,8"]], merge_header=True)
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["STT", "Kết quả", "Kết quả"]
    assert table.rows[0].cells[1]._tc is table.rows[0].cells[2]._tc              # header span merged back
    assert len({id(c._tc) for c in table.rows[1].cells}) == 1 and table.rows[1].cells[0].text == "A. KINH TẾ"
    assert table.rows[2].cells[1]._tc is not table.rows[2].cells[2]._tc          # equal values stay two cells


def test_unit_table_columns_follow_their_content():
    from tonghop.reports.docx_parts import content_shares
    shares = content_shares([("STT", "Chỉ tiêu", "ĐVT", "Kết quả"),
                             ("1", "Tốc độ tăng trưởng kinh tế bình quân hằng năm", "%", "6,8"),
                             ("A. KINH TẾ",) * 4])
    assert shares[1] == max(shares) and shares[1] <= 8 * min(shares)


def test_every_unit_paragraph_carries_the_bookmark_the_draft_links_to(draft):
    _, cons, path, document = draft
    ranks = {s.source: n for n, s in enumerate(cons.submissions)}
    marks = {}
    for p in document.paragraphs:
        for b in p._p.findall(qn("w:bookmarkStart")):
            marks[b.get(qn("w:name"))] = p.text
    starts = list(document.element.body.iter(qn("w:bookmarkStart")))     # tables' first cells too
    ids = [b.get(qn("w:id")) for b in starts]
    assert len(ids) == len(set(ids)) == len({b.get(qn("w:name")) for b in starts})   # unique ids and names
    table_mark = document.tables[0].cell(0, 0).paragraphs[0]._p.find(qn("w:bookmarkStart"))
    assert table_mark is not None
    for sub in _subs():
        for section in sub.sections:
            if section.id in ("front", "back"):
                continue
            for p in section.paragraphs:
                assert marks[bookmark_name(ranks[sub.source], p.index)] == p.text
    assert all(len(name) <= 40 and name[0].isalpha() for name in marks)

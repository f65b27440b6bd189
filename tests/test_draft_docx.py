"""The consolidated draft, read back with python-docx: front (how it was made, TOC, missing units), each
statement several units made once with every unit's figures, each unit's own text verbatim and attributed,
links into tap-hop-nguyen-van.docx that land on a bookmark, the indicator table in P1.III.1."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_consolidate import iv, make_ref, make_sub

from tonghop.aggregators.consolidate import consolidate
from tonghop.model import SourceRef, Status
from tonghop.reports.draft_docx import (
    APPENDIX_TITLE,
    COMPILATION_FILE,
    MISSING_LABEL,
    NO_CONTENT,
    SOURCE_STYLE,
    TITLE,
    UNPLACED_TITLE,
    heading_text,
    write_draft,
)
from tonghop.reports.tap_hop_docx import write_compilation

LEAD = "Ban Thường vụ Huyện ủy {name} đã tổ chức {n} hội nghị học tập, quán triệt Nghị quyết cho {m} cán bộ, đảng viên."
CHECK = "Ủy ban Kiểm tra Huyện ủy {name} đã kiểm tra {k} tổ chức đảng về việc thực hiện Nghị quyết."
WATCH = "Ủy ban Kiểm tra Huyện ủy {name} đã giám sát {k} tổ chức đảng về việc thực hiện Nghị quyết."
OWN_DL = "Đại Lộc là huyện trung du, có 18 xã; năm 2022 bị thiệt hại nặng do bão số 5."
OWN_HV = "Hòa Vang có 11 xã, diện tích 733 km²."


def _subs():
    table = [["STT", "Chỉ tiêu", "Kết quả"], ["1", "GRDP", "6,8%"]]
    hv = make_sub("inbox/hoa-vang.docx", "hoa-vang", [
        ("front", None, True, ["HUYỆN ỦY HÒA VANG", "BÁO CÁO sơ kết"]),
        ("P1.I.1", "1. Khái quát đặc điểm", True, [
            LEAD.format(name="Hòa Vang", n=4, m="1.250") + " " + OWN_HV,
            CHECK.format(name="Hòa Vang", k=12)]),
        ("P1.III.1", "1. Các chỉ tiêu", True, ["Kết quả cụ thể như sau:", table]),
        ("back", None, True, ["Nơi nhận:", "T/M BAN THƯỜNG VỤ"]),
    ])
    table_index = next(t.index for s in hv.sections for t in s.tables)
    hv = replace(hv, indicators=(replace(iv("grdp_growth", 6.8, Status.CHUA_DAT),
                                         source=SourceRef("P1.III.1", "table", "GRDP 6,8%", table_index)),))
    return [
        hv,
        make_sub("inbox/dai-loc.docx", "dai-loc", [
            ("P1.I.1", "1. Đặc điểm tình hình", True, [LEAD.format(name="Đại Lộc", n=3, m="870"), OWN_DL,
                                                       WATCH.format(name="Đại Lộc", k=12)]),
            ("P1.I.1", "a) Về dân cư", False, ["Dân số khoảng 150 nghìn người."]),
            ("P2.II", "II. Kiến nghị", True, ["Đề nghị Tỉnh ủy hỗ trợ vốn cho các xã miền núi."]),
        ], [iv("grdp_growth", 7.2, Status.VUOT)]),
        make_sub("inbox/duy-xuyen.docx", "duy-xuyen", [
            ("P1.I.1", None, True, [LEAD.format(name="Duy Xuyên", n=5, m="2.000")]),
        ]),
        make_sub("inbox/khong-ro.docx", None, [("P1.I.2", None, True, ["Một đoạn của đơn vị không rõ tên."])]),
    ]


@pytest.fixture()
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)                     # sources are relative to the working directory
    ref = make_ref()
    cons = consolidate(_subs(), ref)
    info = {"as_of": "2023-07-30T10:00:00+07:00"}
    path = write_draft(cons, tmp_path / "out" / "du-thao-tong-hop.docx", "6 tháng đầu năm 2023", info)
    full = write_compilation(cons, tmp_path / "out" / COMPILATION_FILE, "6 tháng đầu năm 2023", info)
    return ref, cons, path, docx.Document(str(path)), docx.Document(str(full))


def _texts(document):
    return [p.text for p in document.paragraphs]


def _links(paragraph):
    """(text, target) of each hyperlink of a paragraph."""
    rels = paragraph.part.rels
    out = []
    for link in paragraph._p.findall(qn("w:hyperlink")):
        text = "".join(t.text or "" for t in link.iter(qn("w:t")))
        out.append((text, rels[link.get(qn("r:id"))].target_ref))
    return out


def test_front_says_how_it_was_made_has_a_toc_field_and_the_missing_units(draft):
    ref, _, path, document, _ = draft
    texts = _texts(document)
    first_heading = next(n for n, p in enumerate(document.paragraphs) if p.style.name.startswith("Heading"))
    front = texts[:first_heading]
    assert front[0] == TITLE and "6 tháng đầu năm 2023" in " ".join(front[:4])
    how = next(t for t in front if "4 báo cáo của 4 đơn vị" in t)
    assert "3/4 đơn vị trong danh sách đã nộp" in how and "một lần" in how and COMPILATION_FILE in how
    missing = front[front.index(MISSING_LABEL) + 1:]
    assert missing[0] == "Huyện ủy Nam Giang (hạn nộp 30/07/2023)"
    instr = [t.text for t in document.element.body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC") for i in instr)
    toc = [p.text for p in document.paragraphs if p.style.name.startswith("TOC ")]   # shown before Word updates it
    assert "Bối cảnh thực hiện nghị quyết" in toc and len(toc) == len(ref.outline.nodes)
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    with zipfile.ZipFile(path) as z:                                          # the package is well-formed XML
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))


def test_headings_in_outline_order_with_heading_styles(draft):
    ref, _, _, document, _ = draft
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    outline = [(f"Heading {n.depth + 1}", heading_text(n)) for n in ref.outline.nodes]
    assert headings[:len(outline)] == outline


def test_a_statement_several_units_made_is_written_once_with_each_units_figures_and_a_total(draft):
    _, _, _, document, _ = draft
    texts = _texts(document)
    merged = [t for t in texts if "hội nghị học tập, quán triệt Nghị quyết" in t]
    assert len(merged) == 1
    text = merged[0]
    assert text.startswith("Ban Thường vụ các cấp ủy đã tổ chức … hội nghị học tập")
    assert "Hòa Vang: 4 hội nghị, 1.250 cán bộ" in text and "Đại Lộc: 3 hội nghị, 870 cán bộ" in text
    assert "Duy Xuyên: 5 hội nghị, 2.000 cán bộ" in text
    assert "tổng cộng 12 hội nghị, 4.120 cán bộ" in text
    assert text.index("Hòa Vang") < text.index("Đại Lộc") < text.index("Duy Xuyên") or \
        text.index("Đại Lộc") < text.index("Duy Xuyên") < text.index("Hòa Vang")   # registry order
    for name in ("Đại Lộc", "Hòa Vang", "Duy Xuyên"):                         # the neutral sentence names nobody
        assert name not in text.split("(")[0]


def test_different_words_are_never_merged_and_own_text_stays_verbatim_and_attributed(draft):
    _, cons, _, document, _ = draft
    texts = _texts(document)
    assert CHECK.format(name="Hòa Vang", k=12) in texts                       # 'kiểm tra' …
    assert WATCH.format(name="Đại Lộc", k=12) in texts                        # … is not 'giám sát'
    for own in (OWN_DL, OWN_HV, "Dân số khoảng 150 nghìn người.", "Đề nghị Tỉnh ủy hỗ trợ vốn cho các xã miền núi.",
                "Một đoạn của đơn vị không rõ tên."):
        assert texts.count(own) == 1, own
    paragraphs = document.paragraphs
    for n, p in enumerate(paragraphs):
        if p.text in (OWN_DL, "Một đoạn của đơn vị không rõ tên."):
            head = next(q for q in reversed(paragraphs[:n]) if q.style.name == SOURCE_STYLE)
            assert head.text.startswith("[Đại Lộc — dai-loc.docx, đoạn") or \
                head.text.startswith("[Đơn vị chưa xác định — khong-ro.docx, đoạn")
    for line in ("HUYỆN ỦY HÒA VANG", "Nơi nhận:", "T/M BAN THƯỜNG VỤ"):
        assert line not in texts


def test_every_unit_name_links_to_a_bookmark_of_the_compilation_and_sources_by_file_uri(draft, tmp_path):
    _, _, _, document, full = draft
    bookmarks = {b.get(qn("w:name")): b for b in full.element.body.iter(qn("w:bookmarkStart"))}
    full_text = {}
    for p in full.paragraphs:
        for b in p._p.findall(qn("w:bookmarkStart")):
            full_text[b.get(qn("w:name"))] = p.text
    targets = [t for p in document.paragraphs for _, t in _links(p)]
    into_full = [t for t in targets if t.startswith(COMPILATION_FILE + "#")]
    assert into_full and all(t.split("#", 1)[1] in bookmarks for t in into_full)
    merged = next(p for p in document.paragraphs if "hội nghị học tập" in p.text and "(" in p.text)
    for label, target in _links(merged):
        unit = label.split(":")[0]
        assert unit in full_text[target.split("#", 1)[1]]                    # the sentence it came from
    files = {t for t in targets if t.startswith("file:")}
    inbox = tmp_path / "inbox"
    assert files == {(inbox / n).resolve().as_uri() for n in ("hoa-vang.docx", "dai-loc.docx", "khong-ro.docx")}
    for target in files:
        assert not urlsplit(target).fragment and Path(unquote(urlsplit(target).path)).name.endswith(".docx")


def test_indicator_table_in_p1_iii_1_and_unit_tables_summarised_with_links(draft):
    _, _, _, document, _ = draft
    texts = _texts(document)
    aggregate = document.tables[-1]
    assert [c.text for c in aggregate.rows[0].cells][:2] == ["STT", "Chỉ tiêu"]
    assert len(document.tables) == 1                                          # Hòa Vang's table read as indicators
    note = next(p for p in document.paragraphs if p.text.startswith("[Bảng chỉ tiêu của 1 đơn vị"))
    assert [label for label, _ in _links(note)] == ["Hòa Vang"]
    body = list(document.element.body)
    heading = next(p for p in document.paragraphs if p.text == "1. Kết quả thực hiện các chỉ tiêu chủ yếu")
    part2 = next(p for p in document.paragraphs if p.text.startswith("Phần thứ hai"))
    assert body.index(heading._p) < body.index(aggregate._tbl) < body.index(part2._p)
    assert "Kết quả cụ thể như sau:" in texts


def test_empty_leaves_say_so_and_an_outline_without_indicator_node_gets_an_appendix(tmp_path):
    ref = make_ref()
    document = docx.Document(str(write_draft(consolidate([], ref), tmp_path / "d.docx")))
    leaves = [n for n in ref.outline.nodes if not any(m.parent == n.id for m in ref.outline.nodes)]
    assert _texts(document).count(NO_CONTENT) == len(leaves) - 1             # P1.III.1 holds the aggregate table
    outline = ref.outline.__class__(ref.outline.id, "v", "T", tuple(n for n in ref.outline.nodes
                                                                      if n.id != "P1.III.1"))
    cons = consolidate([], ref.__class__(outline, ref.catalog, ref.units))
    assert APPENDIX_TITLE in _texts(docx.Document(str(write_draft(cons, tmp_path / "e.docx"))))


def test_front_only_report_reaches_the_draft_unplaced(tmp_path):
    body = ["Kết quả lãnh đạo thực hiện nhiệm vụ chính trị trong nửa nhiệm kỳ đạt nhiều kết quả quan trọng."]
    sub = make_sub("inbox/nam-giang.docx", "nam-giang", [("front", None, True, ["HUYỆN ỦY NAM GIANG", "BÁO CÁO", "Sơ kết giữa nhiệm kỳ"] + body)])  # noqa: E501
    texts = _texts(docx.Document(str(write_draft(consolidate([sub], make_ref()), tmp_path / "d.docx"))))
    assert texts.index(UNPLACED_TITLE) < texts.index(body[0])


def test_deterministic_bytes(tmp_path):
    ref = make_ref()
    a = write_draft(consolidate(_subs(), ref), tmp_path / "a" / "d.docx", "kỳ", {"as_of": "2023-07-30T10:00:00"})
    b = write_draft(consolidate(_subs(), ref), tmp_path / "b" / "d.docx", "kỳ", {"as_of": "2023-07-30T10:00:00"})
    assert a.read_bytes() == b.read_bytes()
    assert docx.Document(str(a)).core_properties.created.year == 2023


def test_parsing_the_draft_back_puts_every_outline_heading_on_its_own_id(tmp_path):
    parse = pytest.importorskip("tonghop.parsers.parse")
    from tonghop.reference import load_reference
    ref = load_reference()
    subs = []
    for n, unit in enumerate(ref.units[:3]):
        place = unit.ten.split(" ", 2)[-1]
        sections = [("front", None, True, [unit.ten.upper()])]
        sections += [(node.id, node.title, True, [f"{unit.ten} báo cáo về mục {node.id}.",
                                                  LEAD.format(name=place, n=n + 2, m=100 * (n + 1))])
                     for node in ref.outline.nodes]
        subs.append(make_sub(f"{unit.id}.docx", unit.id, sections, [iv("grdp_growth", 7.0, Status.DAT)]))
    cons = consolidate(subs, ref)
    assert all(node.statements for node in cons.nodes)
    path = write_draft(cons, tmp_path / "du-thao.docx", "2023")
    back = parse.parse_file(path, ref)
    matched = [s.id for s in back.sections if s.matched and s.id not in ("front", "back")]
    assert matched == list(ref.outline.ids)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_opens_in_libreoffice(draft, tmp_path):
    _, _, path, _, _ = draft
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo",  # own profile per test
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "du-thao-tong-hop.pdf").stat().st_size > 1000


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_reads_the_links_into_the_full_text_and_its_bookmarks(draft, tmp_path):
    """Writer imports a link as 'tap-hop-nguyen-van.docx#d…' (relative, jumps to the bookmark when clicked)
    and the compilation's bookmarks under the same names."""
    import re as _re
    _, _, path, _, _ = draft
    full = path.parent / COMPILATION_FILE
    out = path.parent                       # saved beside the draft: Writer keeps links relative to where it saves
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo",  # own profile per test
                    "--headless", "--convert-to", "fodt",
                    "--outdir", str(out), str(path), str(full)], check=True, capture_output=True, timeout=300)
    links = set(_re.findall(r'xlink:href="(tap-hop-nguyen-van\.docx#[^"]+)"',
                            (out / "du-thao-tong-hop.fodt").read_text(encoding="utf-8")))
    marks = set(_re.findall(r'<text:bookmark(?:-start)? text:name="([^"]+)"',
                            (out / "tap-hop-nguyen-van.fodt").read_text(encoding="utf-8")))
    assert links and {link.split("#", 1)[1] for link in links} <= marks

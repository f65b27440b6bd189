"""Consolidation: version selection, contributions per node, merged boilerplate, aggregates."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonghop.aggregators.consolidate import (
    Consolidation,
    comparable_value,
    consolidate,
    merge_boilerplate,
    review_reason,
    select_versions,
    submission_status,
    version_hint,
)
from tonghop.aggregators.measure import unit_factor
from tonghop.aggregators.versions import base_name, claims_version
from tonghop.model import (
    Catalog,
    CatalogEntry,
    Contribution,
    FileRecord,
    IndicatorValue,
    Outline,
    OutlineNode,
    Paragraph,
    Reference,
    Section,
    SourceRef,
    Status,
    Submission,
    Table,
    Unit,
    UnitMatch,
)

BOILER = ("Ngay sau Đại hội, Ban Thường vụ đã ban hành chương trình hành động thực hiện Nghị quyết, "
          "tổ chức học tập, quán triệt sâu rộng đến cán bộ, đảng viên và các tầng lớp nhân dân.")


# ---------------------------------------------------------------- builders (imported by the other tests)


def make_ref() -> Reference:
    """A small outline (with the P1.III.1 indicator node), three indicators, four units."""
    def node(id_, label, title, depth, parent):
        return OutlineNode(id=id_, label=label, title=title, depth=depth, parent=parent)
    nodes = (
        node("P1", "Phần thứ nhất", "Tình hình thực hiện nghị quyết", 0, None),
        node("P1.I", "I", "Bối cảnh thực hiện nghị quyết", 1, "P1"),
        node("P1.I.1", "1", "Khái quát đặc điểm tình hình", 2, "P1.I"),
        node("P1.I.2", "2", "Bối cảnh thực hiện; những thuận lợi, khó khăn", 2, "P1.I"),
        node("P1.III", "III", "Kết quả thực hiện các mục tiêu, nhiệm vụ", 1, "P1"),
        node("P1.III.1", "1", "Kết quả thực hiện các chỉ tiêu chủ yếu", 2, "P1.III"),
        node("P2", "Phần thứ hai", "Nhiệm vụ và giải pháp chủ yếu đến năm 2025", 0, None),
        node("P2.II", "II", "Kiến nghị, đề xuất", 1, "P2"),
    )
    catalog = Catalog(entries=(
        CatalogEntry("grdp_growth", "Tốc độ tăng trưởng GRDP bình quân", "%", "Kinh tế", "tang", "trung_binh"),
        CatalogEntry("budget_revenue", "Tổng thu ngân sách trên địa bàn", "tỷ đồng", "Kinh tế", "tang", "tong"),
        CatalogEntry("military_recruit", "Tỷ lệ hoàn thành giao quân", "%", "QP-AN", "tang", "ty_le_dat"),
        CatalogEntry("forest_cover", "Tỷ lệ che phủ rừng", "%", "Môi trường", "tang", "khong"),
    ), version="cat1")
    units = (Unit("dai-loc", "Huyện ủy Đại Lộc", "huyen", han_nop=date(2023, 7, 30)),
             Unit("duy-xuyen", "Huyện ủy Duy Xuyên", "huyen", han_nop=date(2023, 7, 30)),
             Unit("hoa-vang", "Huyện ủy Hòa Vang", "huyen", han_nop=date(2023, 7, 30)),
             Unit("nam-giang", "Huyện ủy Nam Giang", "huyen", han_nop=date(2023, 7, 30)))
    return Reference(outline=Outline("test-outline", "v1", "Đề cương thử", nodes), catalog=catalog,
                     units=units, units_version="u1")


def iv(id_, value, status=None, kind="table", score=0.95, unit="%", name=None) -> IndicatorValue:
    """An indicator reading."""
    return IndicatorValue(id=id_, name_raw=name or f"Chỉ tiêu {id_}", value=value, unit=unit, target_raw="7%",
                          target=7.0, estimate=None, status=status, score=score,
                          source=SourceRef(section="P1.III.1", kind=kind, text=f"{id_} {value}", paragraph=9))


def make_sub(source: str, unit_id: str | None, sections, indicators=(), sha=None) -> Submission:
    """sections: (id, heading or None, matched, [text | list-of-rows for a table]) in document order."""
    index = 0
    built = []
    for id_, heading, matched, blocks in sections:
        head = None
        if heading is not None:
            head = Paragraph(heading, index)
            index += 1
        paras, tables = [], []
        for block in blocks:
            if isinstance(block, str):
                paras.append(Paragraph(block, index))
            else:
                tables.append(Table(tuple(tuple(r) for r in block), index))
            index += 1
        built.append(Section(id_, head, matched, 1.0, tuple(paras), tuple(tables)))
    return Submission(source=source, sha256=sha or f"sha-{source}", outline="test-outline",
                      unit=UnitMatch(unit_id, None, 0.9 if unit_id else 0.0), sections=tuple(built),
                      indicators=tuple(indicators))


def record(source: str, received: str = "2023-07-20T08:00:00", status: str = "ok", unit=None) -> FileRecord:
    return FileRecord(source=source, sha256=f"sha-{source}", received=received, status=status, unit=unit)


# ---------------------------------------------------------------- versions


def test_version_hint_reads_file_names():
    assert version_hint("inbox/dai-loc.docx") == 1
    assert version_hint("inbox/Dai Loc v2.docx") == 2
    assert version_hint("BC_DaiLoc_lần 3.docx") == 3
    assert version_hint("dai-loc (bổ sung).docx") == 2
    assert version_hint("dai_loc_bo_sung.docx") == 2
    assert version_hint("nam-giang-2023.docx") == 1          # a year is not a version


_WORDS = ("kinh tế", "tăng trưởng", "nông thôn mới", "giáo dục", "y tế", "quốc phòng", "an ninh", "đảng viên",
          "chi bộ", "thu ngân sách", "đầu tư công", "du lịch", "môi trường", "văn hóa", "cải cách hành chính",
          "giảm nghèo", "việc làm", "hạ tầng", "chuyển đổi số", "dân vận", "kiểm tra", "giám sát", "thôn", "xã")


def _body(prefix: str, n: int) -> list[str]:
    """n distinct body paragraphs (different words, not just a different number) of one report."""
    rng = random.Random(prefix)
    return [f"{prefix} {k}: " + ", ".join(rng.sample(_WORDS, 12)) + "." for k in range(n)]


def test_latest_received_wins_and_older_is_skipped_with_reason():
    body = _body("Đại Lộc", 10)
    old = make_sub("in/dai-loc.docx", "dai-loc", [("P1.I.1", None, True, body)])
    new = make_sub("in/dai-loc-moi.docx", "dai-loc", [("P1.I.1", None, True, body[:8] + ["Đoạn mới thêm."])])
    other = make_sub("in/duy-xuyen.docx", "duy-xuyen", [])
    items = [(old, record(old.source, "2023-07-20T08:00:00")), (new, record(new.source, "2023-07-25T09:00:00")),
             (other, record(other.source))]
    kept, skipped = select_versions(items)
    assert [s.source for s, _ in kept] == ["in/dai-loc-moi.docx", "in/duy-xuyen.docx"]
    assert [(r.source, r.status, r.unit) for r in skipped] == [("in/dai-loc.docx", "skipped", "dai-loc")]
    assert "cũ" in skipped[0].reason and "older" in skipped[0].reason and " / " in skipped[0].reason
    assert all(not r.warnings for _, r in kept)


def test_same_time_then_file_name_version_decides():
    a = make_sub("in/dai-loc lan 2.docx", "dai-loc", [])
    b = make_sub("in/dai-loc.docx", "dai-loc", [])
    kept, skipped = select_versions([(a, record(a.source, "2023-07-20T08:00:01")),
                                     (b, record(b.source, "2023-07-20T08:00:40"))])
    assert [s.source for s, _ in kept] == [a.source]
    assert [r.source for r in skipped] == [b.source]


def test_two_different_reports_of_one_unit_are_both_kept_and_flagged():
    """A commune's report under the district's letterhead must not push the district's report out."""
    district = make_sub("in/hoa-vang.docx", "hoa-vang", [("P1.I.1", None, True, _body("Huyện", 95))])
    commune = make_sub("in/chi-bo-hoa-phong.docx", "hoa-vang",
                       [("P1.I.1", None, True, _body("Chi bộ thôn", 6) + _body("Huyện", 2))])
    items = [(district, record(district.source, "2023-07-20T08:00:00", unit="hoa-vang")),
             (commune, record(commune.source, "2023-07-22T10:00:00", unit="hoa-vang"))]
    kept, skipped = select_versions(items)
    assert [s.source for s, _ in kept] == [district.source, commune.source] and skipped == []
    for _, rec in kept:
        assert len(rec.warnings) == 1
        warning = str(rec.warnings[0])
        assert rec.warnings[0].code == "same-unit"
        assert "Hai báo cáo cùng được nhận là của đơn vị" in warning and "two reports identified as unit" in warning
        assert "hoa-vang.docx" in warning and "chi-bo-hoa-phong.docx" in warning


def test_shared_content_makes_versions_whatever_the_names():
    body = _body("Duy Xuyên", 20)
    first = make_sub("in/BC so ket DX.docx", "duy-xuyen", [("P1.I.1", None, True, body)])
    again = make_sub("in/duy-xuyen-gui-lai.docx", "duy-xuyen", [("P1.I.1", None, True, body[:15] + body[16:])])
    kept, skipped = select_versions([(first, record(first.source, "2023-07-20T08:00:00")),
                                     (again, record(again.source, "2023-07-21T08:00:00"))])
    assert [s.source for s, _ in kept] == [again.source] and [r.source for r in skipped] == [first.source]


def test_version_claim_first_then_received_to_the_second():
    body = _body("Nam Giang", 5)
    claimed = make_sub("in/nam-giang (bổ sung).docx", "nam-giang", [("P1.I.1", None, True, body)])
    plain = make_sub("in/nam-giang.docx", "nam-giang", [("P1.I.1", None, True, body)])
    kept, _ = select_versions([(claimed, record(claimed.source, "2023-07-20T08:00:00")),
                               (plain, record(plain.source, "2023-07-25T08:00:00"))])
    assert [s.source for s, _ in kept] == [claimed.source]
    early = make_sub("in/b.docx", "nam-giang", [("P1.I.1", None, True, body)])
    late = make_sub("in/a.docx", "nam-giang", [("P1.I.1", None, True, body)])
    kept, skipped = select_versions([(early, record(early.source, "2023-07-20T08:00:01")),
                                     (late, record(late.source, "2023-07-20T08:00:40"))])
    assert [s.source for s, _ in kept] == [late.source] and [r.source for r in skipped] == [early.source]


def test_version_marks_in_names():
    assert version_hint("dai-loc (1).docx") == 2 and claims_version("dai-loc (1).docx")
    assert claims_version("BC sửa đổi.docx") and not claims_version("nam-giang-2023.docx")
    assert base_name("Đại Lộc lần 2.docx") == base_name("dai loc.docx") == "dai loc"


def test_identical_content_is_a_duplicate_even_without_unit():
    a = make_sub("in/x.docx", None, [], sha="same")
    b = make_sub("in/x-copy.docx", None, [], sha="same")
    c = make_sub("in/y.docx", None, [])
    kept, skipped = select_versions([(a, record(a.source)), (b, record(b.source)), (c, record(c.source))])
    assert len(kept) == 2 and {s.source for s, _ in kept} >= {"in/y.docx"}
    assert len(skipped) == 1 and "Trùng" in skipped[0].reason and "duplicate" in skipped[0].reason


# ---------------------------------------------------------------- contributions


def test_contributions_in_outline_and_registry_order_front_back_excluded():
    ref = make_ref()
    hv = make_sub("in/hv.docx", "hoa-vang", [("front", None, True, ["HUYỆN ỦY HÒA VANG"]),
                                             ("P1.I.1", "1. Khái quát", True, ["Hòa Vang nằm ở phía tây."]),
                                             ("back", None, True, ["Nơi nhận:"])])
    dl = make_sub("in/dl.docx", "dai-loc", [("P1.I.1", "1. Đặc điểm", True, ["Đại Lộc là huyện trung du."]),
                                           ("P1.I.1", "a) Về dân số", False, ["Dân số 150 nghìn người."]),
                                           ("P2.II", "II. Kiến nghị", True, ["Đề nghị Tỉnh ủy hỗ trợ."])])
    cons = consolidate([hv, dl], ref)
    assert isinstance(cons, Consolidation)
    assert [n.node.id for n in cons.nodes] == list(ref.outline.ids)
    node = next(n for n in cons.nodes if n.node.id == "P1.I.1")
    assert [c.unit_id for c in node.contributions] == ["dai-loc", "hoa-vang"]      # registry order
    dai_loc = node.contributions[0]
    assert [p.text for p in dai_loc.paragraphs] == ["Đại Lộc là huyện trung du.", "Dân số 150 nghìn người."]
    assert [h.text for h in dai_loc.headings] == ["a) Về dân số"]                  # unmatched sub-heading
    all_text = [p.text for n in cons.nodes for c in n.contributions for p in c.paragraphs]
    assert "HUYỆN ỦY HÒA VANG" not in all_text and "Nơi nhận:" not in all_text
    assert [u.id for u in cons.missing] == ["duy-xuyen", "nam-giang"]
    assert cons.units == (("dai-loc", "Huyện ủy Đại Lộc"), ("hoa-vang", "Huyện ủy Hòa Vang"))


def test_unknown_unit_is_kept_under_its_file_name_and_unknown_ids_are_not_lost():
    ref = make_ref()
    sub = make_sub("in/bao-cao.docx", None, [("P1.I.1", None, True, ["Nội dung."]), ("P9", "Mục lạ", True, ["Lạc."])])
    cons = consolidate([sub], ref)
    node = next(n for n in cons.nodes if n.node.id == "P1.I.1")
    assert "bao-cao.docx" in node.contributions[0].unit_name
    assert [p.text for c in cons.unplaced for p in c.paragraphs] == ["Lạc."]


HEADER = ["ĐẢNG BỘ TỈNH QUẢNG NAM", "HUYỆN ỦY HÒA VANG", "*", "Số 215-BC/HU Hòa Vang, ngày 23 tháng 7 năm 2023",
          "BÁO CÁO", "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXII, nhiệm kỳ 2020 - 2025",
          "và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, Nghị quyết Đại hội XIII của Đảng", "-----"]
OPENING = ("Thực hiện Kế hoạch số 152-KH/TU ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy "
           "báo cáo kết quả như sau:")
CLOSING = ["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy,", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"]


def _unplaced_texts(cons):
    return [p.text for c in cons.unplaced for p in c.paragraphs]


def test_a_report_without_recognised_headings_is_in_the_draft_without_header_and_closing():
    body = ["Một là, công tác lãnh đạo được tăng cường.", "Hai là, kinh tế tăng trưởng khá.", [["A", "B"]]]
    sub = make_sub("in/hv.docx", "hoa-vang", [("front", None, True, HEADER + [OPENING] + body),
                                              ("back", None, True, CLOSING)])
    cons = consolidate([sub], make_ref())
    assert _unplaced_texts(cons) == [OPENING] + body[:2]          # the front is all there is: opening kept
    assert [t.rows for c in cons.unplaced for t in c.tables] == [(("A", "B"),)]
    assert cons.unplaced[0].unit_id == "hoa-vang"


def test_front_text_after_title_and_opening_is_in_the_draft():
    note = "Báo cáo này thay thế báo cáo cùng số gửi ngày 22/7/2023 (đã bổ sung số liệu chỉ tiêu)."
    sub = make_sub("in/hv.docx", "hoa-vang", [("front", None, True, HEADER + [OPENING, note]),
                                              ("P1.I.1", "1. Khái quát", True, ["Nội dung."])])
    cons = consolidate([sub], make_ref())
    assert _unplaced_texts(cons) == [note]
    plain = make_sub("in/dx.docx", "duy-xuyen", [("front", None, True, HEADER + [OPENING]),
                                                 ("P1.I.1", "1. Khái quát", True, ["Nội dung."])])
    assert consolidate([plain], make_ref()).unplaced == ()


def test_table_of_contents_and_untitled_letterhead_stay_out():
    contents = ["MỤC LỤC", "PHẦN THỨ NHẤT: TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT 2", "I. BỐI CẢNH 3", "II. KIẾN NGHỊ 10"]
    sub = make_sub("in/hv.docx", "hoa-vang", [("front", None, True, HEADER + contents + [OPENING]),
                                              ("P1.I.1", "1. Khái quát", True, ["Nội dung."])])
    assert consolidate([sub], make_ref()).unplaced == ()
    body = "Năm 2022, toàn huyện đã hoàn thành 14/16 chỉ tiêu, kinh tế duy trì tăng trưởng khá."
    untitled = make_sub("in/hv.docx", "hoa-vang", [("front", None, True, HEADER[:4] + [body])])
    assert _unplaced_texts(consolidate([untitled], make_ref())) == [body]


def _contrib(unit, texts):
    return Contribution(unit, unit, f"in/{unit}.docx", tuple(Paragraph(t, i) for i, t in enumerate(texts)))


def test_boilerplate_merged_once_with_all_units_and_removed_from_contributions():
    variant = BOILER.replace("sâu rộng", "sâu rộng,")                       # near-identical
    merged, rest = merge_boilerplate([_contrib("a", [BOILER, "Riêng A."]), _contrib("b", [variant]),
                                      _contrib("c", ["Riêng C: " + BOILER[:40]])])
    assert len(merged) == 1
    assert [s[0] for s in merged[0].sources] == ["a", "b"]
    assert [c.unit_id for c in rest] == ["a", "c"]                          # b had only boilerplate
    assert [p.text for p in rest[0].paragraphs] == ["Riêng A."]


def test_similar_paragraphs_with_different_numbers_or_names_are_not_merged():
    a = BOILER + " Tỷ lệ đảng viên tham gia học tập đạt 98,5%."
    b = BOILER + " Tỷ lệ đảng viên tham gia học tập đạt 97,5%."
    c = BOILER.replace("Ban Thường vụ", "Ban Thường vụ Huyện ủy Đại Lộc")
    d = BOILER.replace("Ban Thường vụ", "Ban Thường vụ Huyện ủy Đại Lâm")
    merged, _ = merge_boilerplate([_contrib("a", [a]), _contrib("b", [b])])
    assert merged == ()
    merged, _ = merge_boilerplate([_contrib("c", [c]), _contrib("d", [d])])
    assert merged == ()


def test_a_unit_repeating_itself_is_not_merged_and_short_lines_are_left_alone():
    merged, rest = merge_boilerplate([_contrib("a", [BOILER, BOILER]), _contrib("b", ["Kết quả cụ thể:"]),
                                      _contrib("c", ["Kết quả cụ thể:"])])
    assert merged == ()
    assert sum(len(c.paragraphs) for c in rest) == 4


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([BOILER, BOILER + " Thêm ý.", "Ngắn.", BOILER.upper(), "Đoạn riêng " * 12]),
                min_size=1, max_size=6))
def test_merging_never_loses_a_paragraph(texts):
    contributions = [_contrib(f"u{i}", [t]) for i, t in enumerate(texts)]
    merged, rest = merge_boilerplate(contributions)
    shown = [(s[0], s[2]) for m in merged for s in m.sources] + [(c.unit_id, p.index) for c in rest
                                                                 for p in c.paragraphs]
    assert sorted(shown) == sorted((f"u{i}", 0) for i in range(len(texts)))


# ---------------------------------------------------------------- indicators


def test_aggregates_per_tong_hop_and_counts():
    ref = make_ref()
    subs = [
        make_sub("in/dl.docx", "dai-loc", [], [iv("grdp_growth", 6.0, Status.CHUA_DAT),
                                              iv("budget_revenue", 1200.0, Status.VUOT, unit="tỷ đồng"),
                                              iv("military_recruit", 100.0, Status.DAT),
                                              iv("forest_cover", 55.0, Status.DAT)]),
        make_sub("in/dx.docx", "duy-xuyen", [], [iv("grdp_growth", 8.0, Status.DAT),
                                                iv("budget_revenue", 800_000.0, unit="triệu đồng"),
                                                iv("military_recruit", 95.0, Status.CHUA_DAT)]),
        make_sub("in/hv.docx", "hoa-vang", [], [iv("grdp_growth", 7.0, Status.VUOT),
                                               iv(None, 3.0, name="Chỉ tiêu ngoài danh mục")]),
    ]
    rows = {r.entry.id: r for r in consolidate(subs, ref).aggregates}
    assert list(rows) == ["grdp_growth", "budget_revenue", "military_recruit", "forest_cover"]
    assert rows["grdp_growth"].aggregate == pytest.approx(7.0)
    assert (rows["grdp_growth"].n_reporting, rows["grdp_growth"].n_met) == (3, 2)
    assert rows["budget_revenue"].aggregate == pytest.approx(2000.0)            # 800.000 triệu = 800 tỷ
    assert rows["military_recruit"].aggregate == pytest.approx(50.0)
    assert rows["forest_cover"].aggregate is None and rows["forest_cover"].n_reporting == 1
    assert list(rows["grdp_growth"].per_unit) == ["dai-loc", "duy-xuyen", "hoa-vang"]


def test_duplicate_reading_keeps_table_then_highest_score():
    ref = make_ref()
    sub = make_sub("in/dl.docx", "dai-loc", [], [iv("grdp_growth", 6.5, kind="prose", score=0.99),
                                                iv("grdp_growth", 6.8, kind="table", score=0.90),
                                                iv("grdp_growth", 6.9, kind="table", score=0.93)])
    row = consolidate([sub], ref).aggregates[0]
    assert row.per_unit["dai-loc"].value == 6.9 and row.n_reporting == 1


def test_money_units_convert_only_within_the_same_currency():
    entry = CatalogEntry("x", "X", "tỷ đồng", "", "tang", "tong")
    assert comparable_value(iv("x", 500.0, unit="triệu đồng"), entry) == pytest.approx(0.5)
    assert comparable_value(iv("x", 2.0, unit="nghìn tỷ đồng"), entry) == pytest.approx(2000.0)
    assert comparable_value(iv("x", 5.0, unit="triệu USD"), entry) is None
    assert comparable_value(iv("x", 5.0, unit="%"), entry) is None
    assert comparable_value(iv("x", 5.0, unit=None), entry) == 5.0


def test_aggregates_take_only_values_in_a_comparable_unit_with_a_good_match():
    ref = make_ref()
    jobs = CatalogEntry("new_jobs", "Số lao động được tạo việc làm mới", "người", "Xã hội", "tang", "tong")
    ref = replace(ref, catalog=Catalog(ref.catalog.entries + (jobs,), "cat2"))
    subs = [make_sub("in/dl.docx", "dai-loc", [], [iv("budget_revenue", 1200.0, unit="tỷ đồng"),
                                                  iv("new_jobs", 2.5, unit="nghìn người")]),
            make_sub("in/dx.docx", "duy-xuyen", [], [iv("budget_revenue", 15.0, unit="%"),
                                                    iv("new_jobs", 1000.0, unit="lao động")]),
            make_sub("in/hv.docx", "hoa-vang", [], [iv("budget_revenue", 300_000.0, unit="triệu đồng")]),
            make_sub("in/ng.docx", "nam-giang", [], [iv("budget_revenue", 999.0, unit="tỷ đồng", score=0.5)])]
    rows = {r.entry.id: r for r in consolidate(subs, ref).aggregates}
    revenue = rows["budget_revenue"]
    assert revenue.aggregate == pytest.approx(1500.0)
    assert list(revenue.per_unit) == ["dai-loc", "hoa-vang"] and revenue.n_reporting == 2
    assert (revenue.per_unit["hoa-vang"].value, revenue.per_unit["hoa-vang"].unit) == (pytest.approx(300.0), "tỷ đồng")
    assert rows["new_jobs"].aggregate == pytest.approx(3500.0)
    assert review_reason(subs[1].indicators[0], ref.catalog).startswith("ĐVT khác danh mục")
    assert "unit differs from the catalog" in review_reason(subs[1].indicators[0], ref.catalog)
    assert "Độ tin cậy thấp" in review_reason(subs[3].indicators[0], ref.catalog)
    assert review_reason(subs[2].indicators[0], ref.catalog) is None


@pytest.mark.parametrize("unit,dvt,factor", [
    ("triệu đồng", "tỷ đồng", 1e-3), ("nghìn tỷ đồng", "tỷ đồng", 1e3), ("tỉ đồng", "tỷ đồng", 1.0),
    ("nghìn người", "người", 1e3), ("đảng viên", "người", 1.0), ("giường/nghìn dân", "giường/vạn dân", 10.0),
    ("giường bệnh/vạn dân", "giường/vạn dân", 1.0), ("triệu đồng/người", "triệu đồng/người/năm", 1.0),
    ("%", "tỷ đồng", None), ("triệu USD", "tỷ đồng", None), ("ha", "xã", None), ("lần", "điểm", None),
    ("USD/người", "triệu đồng/người/năm", None), (None, "người", 1.0),
])
def test_unit_factor(unit, dvt, factor):
    got = unit_factor(unit, dvt)
    assert got == (None if factor is None else pytest.approx(factor))


def test_submission_status_lists_every_registry_unit_then_unclaimed_files():
    ref = make_ref()
    dl = make_sub("in/dl.docx", "dai-loc", [])
    unknown = make_sub("in/la.docx", None, [])
    records = [record("in/dl.docx", "2023-07-29T10:00:00+07:00", unit="dai-loc"),
               record("in/dl-old.docx", "2023-07-01T10:00:00", status="skipped", unit="dai-loc"),
               record("in/la.docx", "2023-08-02T10:00:00"),
               FileRecord("in/hong.docx", None, "2023-07-02T00:00:00", "rejected", reason="Hỏng / broken")]
    rows = submission_status(records, (dl, unknown), ref)
    assert [r.unit_id for r in rows[:4]] == ["dai-loc", "duy-xuyen", "hoa-vang", "nam-giang"]
    assert rows[0].submitted and rows[0].on_time is True and "dl-old.docx" in rows[0].note
    assert not rows[1].submitted and rows[1].on_time is None
    extra = {r.source: r for r in rows[4:]}
    assert set(extra) == {"in/la.docx", "in/hong.docx"}
    assert extra["in/hong.docx"].file_status == "rejected" and not extra["in/hong.docx"].submitted


def test_register_says_a_second_kept_report_of_a_unit_is_also_used():
    ref = make_ref()
    a = make_sub("in/hv.docx", "hoa-vang", [("P1.I.1", None, True, _body("Huyện", 10))])
    b = make_sub("in/chi-bo.docx", "hoa-vang", [("P1.I.1", None, True, _body("Chi bộ", 4))])
    kept, _ = select_versions([(a, record(a.source, unit="hoa-vang")), (b, record(b.source, unit="hoa-vang"))])
    rows = submission_status([r for _, r in kept], tuple(s for s, _ in kept), ref)
    row = next(r for r in rows if r.unit_id == "hoa-vang")
    assert row.submitted and row.source == "in/hv.docx"
    assert row.note == "chi-bo.docx: ok (cũng được dùng, hai báo cáo cùng đơn vị, cần rà soát)"
    assert len(rows) == len(ref.units)                                   # no extra row for the second file

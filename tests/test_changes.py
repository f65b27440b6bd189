"""thay-doi.md and the `Thay đổi` sheet: what changed since the previous night, from the state kept in --out."""
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from tonghop.aggregators.consolidate import consolidate
from tonghop.flows.pipeline import load_context, parse_or_reject
from tonghop.model import Paragraph
from tonghop.reports.changes import build_state, compare, render_markdown, sheet_rows

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox"


@pytest.fixture(scope="module")
def night():
    ctx = load_context()
    subs = [parse_or_reject(SAMPLES / n, ctx, source=n) for n in ("hoa-vang.docx", "dai-loc.docx", "duy-xuyen.docx")]
    return ctx, subs


def edited(sub, section_id: str):
    """The same report resubmitted with one more sentence in one section and its first indicator changed."""
    sections = tuple(replace(s, paragraphs=s.paragraphs + (Paragraph("Câu bổ sung mới.", 999),))
                     if s.id == section_id else s for s in sub.sections)
    iv = next(i for i in sub.indicators if i.id and i.value is not None)
    indicators = tuple(replace(i, value=i.value + 1) if i is iv else i for i in sub.indicators)
    return replace(sub, sha256="0" * 64, source="hoa-vang-lan-2.docx", sections=sections, indicators=indicators), iv


def test_first_night_lists_every_report_as_new_and_the_missing_units_with_days_left(night):
    ctx, subs = night
    cons = consolidate(subs[:2], ctx.ref)
    today = date(2023, 6, 1)
    ch = compare(None, build_state(cons, "t0"), cons, ctx.ref, today)
    assert {f for _, f in ch.new} == {"hoa-vang.docx", "dai-loc.docx"} and not ch.updated and not ch.values
    assert len(ch.missing) == len(ctx.ref.units) - 2
    for name, deadline, days in ch.missing:
        unit = next(u for u in ctx.ref.units if u.ten == name)
        assert deadline == unit.han_nop and days == ((unit.han_nop - today).days if unit.han_nop else None)
    md = render_markdown(ch)
    assert md.startswith("# Thay đổi (lần tổng hợp đầu tiên") and "## Đơn vị chưa nộp" in md
    assert "Báo cáo mới (2)" in md


def test_next_night_names_new_updated_sections_changed_values_and_deadlines(night):
    ctx, subs = night
    first = consolidate(subs[:2], ctx.ref)
    previous = build_state(first, "2023-06-01T23:00:00+07:00")
    hv2, iv = edited(subs[0], "P1.II.1")
    second = consolidate([hv2, subs[1], subs[2]], ctx.ref)
    ch = compare(previous, build_state(second, "t1"), second, ctx.ref, date(2023, 6, 2))
    assert ch.previous_run == "2023-06-01T23:00:00+07:00"
    assert [f for _, f in ch.new] == ["duy-xuyen.docx"]
    assert len(ch.updated) == 1 and ch.updated[0][1] == "hoa-vang-lan-2.docx"
    assert [s.split()[0] for s in ch.updated[0][2]] == ["P1.II.1"]
    entry = next(e for e in ctx.ref.catalog.entries if e.id == iv.id)
    assert [(i, a != b) for _, i, a, b in ch.values] == [(entry.ten, True)]
    md = render_markdown(ch)
    assert "Báo cáo cập nhật (1)" in md and "sửa P1.II.1" in md and "→" in md
    rows = sheet_rows(ch)
    assert rows[0][0] == "Loại" and {r[0] for r in rows[1:]} >= {"Báo cáo mới", "Báo cáo cập nhật", "Chỉ tiêu thay đổi"}


def test_an_unchanged_night_says_so_in_one_line(night):
    ctx, subs = night
    cons = consolidate(subs, ctx.ref)
    state = build_state(cons, "t")
    ch = compare(state, build_state(cons, "t2"), cons, ctx.ref, date(2023, 6, 2))
    assert not (ch.new or ch.updated or ch.values or ch.withdrawn)
    assert "Không có báo cáo mới hay thay đổi nào." in render_markdown(ch)


def test_overdue_units_say_how_many_days_late(night):
    ctx, subs = night
    cons = consolidate(subs, ctx.ref)
    unit = next(u for u in cons.missing if u.han_nop)
    ch = compare(None, build_state(cons, "t"), cons, ctx.ref, unit.han_nop + timedelta(days=3))
    assert f"{unit.ten}: hạn {unit.han_nop:%d/%m/%Y}, đã quá hạn 3 ngày" in render_markdown(ch)

"""Building blocks of a report: header, closing, indicator tables and sentences, other tables."""
from __future__ import annotations

import random

from . import content
from .acc import DocAcc
from .docx_writer import Cell, Para, Run, Table
from .indicators import GROUPS, Reported, truth, vn_number, with_status_words
from .units import UnitProfile

NO_BORDER = False


def _cell(acc: DocAcc, *lines: str, bold: bool = False, span: int = 1, vmerge: str | None = None,
          align: str | None = "center") -> Cell:
    return Cell(tuple(Para(acc.runs(t, bold=bold), align=align) for t in lines), span=span, vmerge=vmerge)


# ---------------------------------------------------------------- header and closing


def header(acc: DocAcc, unit: UnitProfile, rng: random.Random, version: int = 1) -> None:
    """The header block: a borderless 2-column table or paragraphs; title and opening."""
    name = rng.choice(unit.headers)
    acc.features.add("unit_header:" + ("bch" if name.startswith(("BCH", "BAN CHẤP")) else
                                       "dang_bo" if name.startswith("ĐẢNG BỘ") else "uy"))
    number = f"Số {rng.randint(12, 260)}-BC/{unit.symbol}"
    place = unit.place if unit.kind != "tỉnh" else rng.choice(("Quảng Nam", "Tam Kỳ"))
    day = rng.randint(10, 24) + (5 if version > 1 else 0)
    date = f"{place}, ngày {day} tháng 7 năm 2023"
    superior = ["ĐẢNG BỘ TỈNH QUẢNG NAM"] if rng.random() < 0.5 else []
    if rng.random() < 0.6:
        acc.features.add("header_table")
        if rng.random() < 0.5:
            row = (_cell(acc, *superior, name, "*", number, bold=True),
                   _cell(acc, "ĐẢNG CỘNG SẢN VIỆT NAM", "", date, bold=True))
            rows: tuple = (row,)
        else:
            rows = ((_cell(acc, *superior, name, bold=True), _cell(acc, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True)),
                    (_cell(acc, "*", number), _cell(acc, date, align="right")))
        acc.table(Table(rows, (4000, 5500), borders=NO_BORDER), "header", section="front")
    else:
        acc.features.add("header_paragraphs")
        lines = superior + [name + ("\t\tĐẢNG CỘNG SẢN VIỆT NAM" if rng.random() < 0.5 else ""), "*",
                            number + "\t\t" + date]
        for line in lines:
            acc.para(Para(acc.runs(line, bold=True)), "front")
    title, subject, opening = content.front_lines(_ctx(unit), rng)
    paras = [Para(acc.runs(t, bold=True), align="center") for t in [title] + subject]
    if rng.random() < 0.2:
        acc.sdt(paras, "title", alias="Trích yếu")
    else:
        for p in paras:
            acc.para(p, "title")
    if rng.random() < 0.5:
        acc.para(Para(acc.runs("-----"), align="center"), "front")
    acc.body(opening, role="front")
    if version > 1:
        acc.body(f"Báo cáo này thay thế báo cáo cùng số gửi ngày {day - 5}/7/2023 (đã bổ sung số liệu chỉ tiêu "
                 "và phần kiến nghị).", role="front")
        acc.features.add("resubmission")


def closing(acc: DocAcc, unit: UnitProfile, rng: random.Random) -> None:
    """'Nơi nhận' and the signature block, as paragraphs or as a borderless 2-column table."""
    ctx = _ctx(unit)
    rec, sig = content.recipients(ctx, rng), content.signature(rng)
    if rng.random() < 0.5:
        acc.features.add("closing_table")
        left = Cell(tuple(Para(acc.runs(t, bold=i == 0, italic=i == 0)) for i, t in enumerate(rec)))
        right = Cell(tuple(Para(acc.runs(t, bold=True), align="center") for t in sig[:-1])
                     + (Para(), Para()) + (Para(acc.runs(sig[-1], bold=True), align="center"),))
        acc.table(Table(((left, right),), (4500, 5000), borders=NO_BORDER), "closing", section="back")
    else:
        acc.features.add("closing_paragraphs")
        for i, t in enumerate(rec):
            acc.para(Para(acc.runs(t, bold=i == 0, italic=i == 0)), "back", section="back")
        for t in sig:
            acc.para(Para(acc.runs(t, bold=True), align="right"), "back", section="back")


def _ctx(unit: UnitProfile) -> dict[str, str]:
    area = unit.area
    return {"area": area, "area_cap": area[0].upper() + area[1:], "dang_bo": unit.dang_bo,
            "committee": unit.committee, "symbol": unit.symbol, "congress": "XXII"}


ctx_for = _ctx


# ---------------------------------------------------------------- indicators

LAYOUTS = ("full", "swapped_units_inline", "merged_header", "minimal", "ratio_column")


def indicator_table(acc: DocAcc, reps: list[Reported], rng: random.Random, section: str) -> None:
    """An indicator table in one of several layouts, with group rows; its indicators' truth."""
    layout = rng.choice(LAYOUTS)
    acc.features.add("indicator_table:" + layout)
    groups = rng.random() < 0.6
    given = layout in ("full", "swapped_units_inline", "merged_header") or (layout == "ratio_column"
                                                                           and rng.random() < 0.5)
    if not given:
        acc.features.add("indicator_no_status")
    rows: list[tuple[Cell, ...]] = []
    header_rows, ncols = _indicator_header(acc, layout, given)
    rows.extend(header_rows)
    current, n = None, 0
    for r in reps:
        if groups and r.nhom != current:
            current = r.nhom
            gi = [g for g, _ in GROUPS].index(r.nhom)
            acc.features.add("indicator_group_rows")
            rows.append((_cell(acc, f"{'ABCDE'[gi]}. {dict(GROUPS)[r.nhom]}", bold=True, span=ncols,
                               align="left"),))
        n += 1
        has_status = given and rng.random() < 0.85
        r = with_status_words(r, rng) if has_status else r
        if layout not in ("full", "merged_header"):        # no estimate column in this layout
            r = type(r)(**{**r.__dict__, "estimate": None, "estimate_raw": None})
        rows.append(_indicator_row(acc, layout, n, r, has_status, given))
        acc.indicators.append(truth(r, section, "table", has_status))
    widths = tuple([600] + [3000] + [1100] * (ncols - 2)) if layout != "minimal" else (3600, 1800, 1800)
    acc.table(Table(tuple(rows), widths[:ncols]), "indicators", section=section)


def _indicator_header(acc: DocAcc, layout: str, given: bool) -> tuple[list[tuple[Cell, ...]], int]:
    h = lambda *t, **kw: _cell(acc, *t, bold=True, **kw)  # noqa: E731
    status = ("Đánh giá",) if given else ()
    if layout == "full":
        cols = ("STT", "Chỉ tiêu", "ĐVT", "Mục tiêu NQ", "Thực hiện đến 30/6/2023", "Ước TH năm 2023") + status
        return [tuple(h(c) for c in cols)], len(cols)
    if layout == "swapped_units_inline":
        cols = ("TT", "Chỉ tiêu ĐH", "Kết quả", "Chỉ tiêu NQ") + (("So sánh",) if given else ())
        return [tuple(h(c) for c in cols)], len(cols)
    if layout == "merged_header":
        n = 7 if given else 6
        top = (h("STT", vmerge="restart"), h("Chỉ tiêu", vmerge="restart"), h("ĐVT", vmerge="restart"),
               h("Nghị quyết ĐH đề ra", vmerge="restart"), h("Kết quả thực hiện", span=2))
        bottom = (h("", vmerge="continue"), h("", vmerge="continue"), h("", vmerge="continue"),
                  h("", vmerge="continue"), h("Đến 30/6/2023"), h("Dự ước năm 2023"))
        if given:
            top += (h("Đánh giá", vmerge="restart"),)
            bottom += (h("", vmerge="continue"),)
        return [top, bottom], n
    if layout == "minimal":
        return [(h("Chỉ tiêu"), h("Mục tiêu đến năm 2025"), h("Kết quả giữa nhiệm kỳ"))], 3
    cols = ("STT", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả đến 30/6/2023", "Chỉ tiêu Nghị quyết",
            "Tỷ lệ so với NQ (%)") + (("Ghi chú",) if given else ())
    return [tuple(h(c) for c in cols)], len(cols)


def _with_unit(number: str, unit: str) -> str:
    return f"{number}{unit}" if unit.startswith("%") else f"{number} {unit}"


def _indicator_row(acc: DocAcc, layout: str, n: int, r: Reported, has_status: bool, status_col: bool) -> tuple:
    c = lambda t, align="center": _cell(acc, t, align=align)  # noqa: E731
    status = (c(r.status_raw if has_status else ""),) if status_col else ()
    est = r.estimate_raw or ""
    if layout in ("full", "merged_header"):
        return (c(str(n)), c(r.name, "left"), c(r.unit), c(r.target_raw), c(r.value_raw), c(est)) + status
    if layout == "swapped_units_inline":
        return (c(str(n)), c(r.name, "left"), c(_with_unit(r.value_raw, r.unit)),
                c(_with_unit(r.target_raw, r.unit))) + status
    if layout == "minimal":
        return (c(r.name, "left"), c(_with_unit(r.target_raw, r.unit)), c(_with_unit(r.value_raw, r.unit)))
    ratio = vn_number(100 * r.value / r.target, 1) if r.target else ""
    return (c(str(n)), c(r.name, "left"), c(r.unit), c(r.value_raw), c(r.target_raw), c(ratio)) + status


_PROSE_STATUS = {"vuot": ("vượt chỉ tiêu", "đạt và vượt chỉ tiêu Nghị quyết", "vượt so với Nghị quyết"),
                 "dat": ("đạt chỉ tiêu", "đạt chỉ tiêu Nghị quyết đề ra"),
                 "gan_dat": ("gần đạt chỉ tiêu", "đạt từ 80% trở lên so với chỉ tiêu"),
                 "kha_nang_dat": ("có khả năng đạt", "đang trong lộ trình thực hiện"),
                 "chua_dat": ("chưa đạt chỉ tiêu", "không đạt chỉ tiêu"),
                 "kho_dat": ("khó đạt", "khó đạt chỉ tiêu Nghị quyết")}


def indicator_sentence(acc: DocAcc, r: Reported, rng: random.Random, section: str) -> str:
    """A sentence reporting one indicator; its truth is recorded."""
    given = rng.random() < 0.75
    if given:
        r = with_status_words(r, rng)
    phrase = rng.choice(_PROSE_STATUS[r.status]) if given else ""
    if given:
        r = type(r)(**{**r.__dict__, "status_raw": phrase})
    v, t, u = r.value_raw, r.target_raw, r.unit
    vu, tu = _with_unit(v, u), _with_unit(t, u)
    form = rng.randrange(5)
    tail = f", {phrase}." if given else "."
    if form == 0:
        s = f"{r.name} đạt {vu} (NQ đề ra {tu}){tail}"
        target_raw = tu
    elif form == 1:
        s = f"{r.name} ước đạt {vu}, so với chỉ tiêu Nghị quyết ({tu})" + (f" {phrase}." if given else ".")
        target_raw = tu
    elif form == 2 and r.estimate_raw:
        name = r.name[0].lower() + r.name[1:] if r.name[1:2].islower() else r.name
        r = type(r)(**{**r.__dict__, "name": name})
        s = (f"Đến ngày 30/6/2023, {name} đạt {vu}; dự ước cả năm 2023 đạt "
             f"{_with_unit(r.estimate_raw, u)} (chỉ tiêu ĐH: {tu}){tail}")
        target_raw = tu
    elif form == 3 and " - " not in t and t[0].isdigit():
        if u.startswith("%"):
            s = f"{r.name} đạt {v}%/{t}%{tail}"          # "83,2%/50%"
            target_raw = f"{t}%"
        else:
            s = f"{r.name} đạt {v}/{t} {u}{tail}"        # "45.799/36.875 tỷ đồng"
            target_raw = t
        acc.features.add("indicator_pair")
    else:
        s = f"{r.name} đạt {vu}, gấp 1,2 lần so với đầu nhiệm kỳ; chỉ tiêu Nghị quyết là {tu}{tail}"
        target_raw = tu
    est = r.estimate if form == 2 and r.estimate_raw else None
    rec = truth(type(r)(**{**r.__dict__, "target_raw": target_raw, "estimate": est}), section, "prose", given)
    acc.indicators.append(rec)
    acc.features.add("indicator_prose")
    return s


def summary_sentence(n_total: int, rng: random.Random) -> str:
    """'37/50 mục tiêu đạt và vượt': a count-of-total summary, which is not an indicator."""
    a = rng.randint(n_total // 2, n_total - 2)
    b = n_total - a - 1
    return (f"Trong tổng số {n_total} chỉ tiêu chủ yếu, đến nay có {a}/{n_total} chỉ tiêu đạt và vượt, "
            f"{b} chỉ tiêu có khả năng đạt, 1 chỉ tiêu khó đạt.")


# ---------------------------------------------------------------- other tables, text box, footnote


def merged_table(acc: DocAcc, rng: random.Random) -> None:
    """A data table with a merged header row and a vertically merged first column."""
    h = lambda *t, **kw: _cell(acc, *t, bold=True, **kw)  # noqa: E731
    rows = (
        (h("Nội dung", vmerge="restart"), h("Cấp huyện", span=2), h("Cấp cơ sở", span=2)),
        (h("", vmerge="continue"), h("Số hội nghị"), h("Số lượt người"), h("Số hội nghị"), h("Số lượt người")),
        (_cell(acc, "Học tập, quán triệt Nghị quyết", vmerge="restart", align="left"), _cell(acc, "3"),
         _cell(acc, "1.250"), _cell(acc, "52"), _cell(acc, "15.430")),
        (_cell(acc, "", vmerge="continue"), _cell(acc, "Trực tuyến", span=2), _cell(acc, "18"), _cell(acc, "2.760")),
        (_cell(acc, "Tuyên truyền", align="left"), _cell(acc, "12"), _cell(acc, "3.400"), _cell(acc, "140"),
         _cell(acc, "28.900")),
    )
    acc.table(Table(rows, (2900, 1500, 1500, 1500, 1500)), "data")


def nested_table(acc: DocAcc, rng: random.Random) -> None:
    """A program table with a small table nested in one cell."""
    inner = Table(((_cell(acc, "Dự án", bold=True), _cell(acc, "Tiến độ", bold=True)),
                   (_cell(acc, "Đường trục chính", align="left"), _cell(acc, "Hoàn thành")),
                   (_cell(acc, "Cụm công nghiệp", align="left"), _cell(acc, "Đang triển khai"))), (2200, 1600))
    rows = ((_cell(acc, "Chương trình", bold=True), _cell(acc, "Kết quả", bold=True)),
            (_cell(acc, "Phát triển hạ tầng giao thông", align="left"),
             Cell((Para(acc.runs("Các dự án chính:")), inner))),
            (_cell(acc, "Cải cách hành chính", align="left"), _cell(acc, "Đạt 62,5% hồ sơ trực tuyến")))
    acc.table(Table(rows, (3500, 4200)), "data")


def textbox_para(acc: DocAcc, rng: random.Random, with_text: bool) -> None:
    """A paragraph anchoring a text box (mc:AlternateContent with Choice and Fallback)."""
    lines = rng.choice(content.TEXTBOX_NOTES)
    box = Run(kind="textbox", content=tuple(Para(acc.runs(t, italic=True)) for t in lines))
    anchor = "Một số số liệu chủ yếu được tổng hợp tại khung dưới đây:"
    runs = (acc.runs(anchor) if with_text else ()) + (box,)
    acc.para(Para(tuple(runs), align="both"), "body")


def footnoted_body(acc: DocAcc, text: str, rng: random.Random) -> None:
    """A body paragraph carrying a footnote reference."""
    note = Run(kind="footnote", content=(Para(acc.runs(rng.choice(content.FOOTNOTES))),))
    cut = text.rfind(",") if "," in text else len(text) - 1
    runs = acc.runs(text[:cut]) + (note,) + acc.runs(text[cut:])
    acc.para(Para(runs, align="both", indent=True), "body")


def revised_body(acc: DocAcc, text: str, rng: random.Random) -> None:
    """A paragraph with tracked changes: an insertion (text) and a deletion (not text)."""
    words = text.split(" ")
    k = rng.randrange(2, max(3, len(words) - 2))
    head, tail = " ".join(words[:k]), " ".join(words[k:])
    enc = "vni" if acc.look.encoding == "vni" else ("tcvn3" if acc.look.encoding else None)
    runs = (acc.runs(head) + (Run(" cơ bản", kind="del", encoding=enc),)
            + (Run(" từng bước", kind="ins", encoding=enc),) + acc.runs(" " + tail))
    acc.para(Para(runs, align="both", indent=True), "body")
    acc.features.add("tracked_changes")


def hyperlink_body(acc: DocAcc, text: str, rng: random.Random) -> None:
    """A paragraph ending with a hyperlink to the appendix (w:hyperlink around a run)."""
    enc = "vni" if acc.look.encoding == "vni" else ("tcvn3" if acc.look.encoding else None)
    runs = acc.runs(text.rstrip(".:;") + " (chi tiết tại ") + (Run("phụ lục kèm theo", kind="hyperlink", encoding=enc),) \
        + acc.runs(").")
    acc.para(Para(runs, align="both", indent=True), "body")
    acc.features.add("hyperlink")

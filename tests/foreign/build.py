"""A report's blocks and truth for one seed, unit and heading mode (label in text, or automatic numbering)."""
from __future__ import annotations

import random

from tests.foreign.content import (
    BULLETS,
    EXTRA_PROSE,
    LETTERS,
    OUTLINE,
    OWN_SUB,
    P1_TITLE,
    P2,
    P2_TITLE,
    PROSE,
    ROMAN,
    TASKS,
    Para,
    Report,
    closing_block,
    header_block,
    heading_text,
    indicator_table,
    unit_names,
)

AUTO_MODES = {"auto_list", "outline", "outline3", "custom_style_list"}
PART_WORDS = {1: ("THỨ NHẤT", "Thứ nhất", "I", "MỘT"), 2: ("THỨ HAI", "Thứ hai", "II", "HAI")}


def label_of(level: int, n: int, seps: dict) -> str:
    """A label as the reader sees it: 'II.', '3)', 'b)'."""
    if level == 1:
        return f"{ROMAN[n - 1]}{seps['roman']}"
    if level == 2:
        return f"{n}{seps['arabic']}"
    return f"{LETTERS[n - 1]})"


class Builder:
    """Accumulates paragraphs with the numbering a clerk or Word gives them."""

    def __init__(self, report: Report, rng: random.Random) -> None:
        self.r, self.rng = report, rng
        self.auto = report.mode in AUTO_MODES
        self.seps = {"roman": rng.choice([".", ".", "-", "/"]), "arabic": rng.choice([".", ".", ")", "-"])}
        if self.auto:
            self.seps = {"roman": ".", "arabic": "."}
        self.caps = rng.random() < 0.6
        self.tab = rng.random() < 0.2

    def add(self, para: Para) -> None:
        self.r.blocks.append(para)

    def heading(self, node: str | None, words: str, level: int, n: int, section: str, role: str = "heading") -> None:
        label = label_of(level, n, self.seps)
        if level == 2 and self.rng.random() < 0.12:
            self.r.features.append("trailing_colon")
            words += ":"
        if level == 1 and len(words) > 70 and self.rng.random() < 0.3:
            self.r.features.append("line_break_in_heading")
            cut = words.index(" ", len(words) // 2)
            words = words[:cut] + "\n" + words[cut + 1:]
        look = {1: "h1", 2: "h2", 3: "own"}[level]
        if self.auto and level < 3:
            self.add(Para(words, section, role, look, True, node, level, label, True, ordinal=n))
            return
        sep = "\t" if self.tab and level < 3 else " "
        self.add(Para(f"{label}{sep}{words}", section, role, look, True, node, level, label, ordinal=n))

    def body(self, node: str, texts: list[str]) -> None:
        for t in texts:
            self.add(Para(t, node))

    def part(self, k: int, title: str, form: str) -> None:
        node = f"P{k}"
        big, small, roman, word = PART_WORDS[k]
        if form == "one_line":
            self.add(Para(f"Phần {small.lower()}: {title.upper()}", node, "heading", "part", True, node, 0))
            return
        line = {"two_lines": f"PHẦN {big}", "phan_roman": f"PHẦN {roman}", "phan_mot": f"PHẦN {word}"}[form]
        self.add(Para(line, node, "heading", "part", True, node, 0))
        self.add(Para(title.upper(), node, "part_title", "part"))


def item_label(fmt: str, n: int) -> str:
    """An automatic item label as the producer renders it: 'b)', 'b.' or '2.'."""
    return f"{n}." if fmt == "1." else f"{LETTERS[n - 1]}{fmt[-1]}"


def own_list(b: Builder, node: str, parent: int) -> None:
    """The unit's own a), b) sub-headings (hand-written) or items (automatic list) inside an Arabic node."""
    subs = b.rng.sample(OWN_SUB, b.rng.randint(2, 4))
    if b.auto or b.rng.random() < 0.3:
        b.r.features.append("own_list_items")
        for n, (words, text) in enumerate(subs, 1):
            b.add(Para(f"{words}: {text}", node, "body", "item", label=item_label(b.item_format, n), auto=True, ordinal=n))
        return
    legal = b.rng.random() < 0.4
    b.r.features.append("own_subheadings_legal" if legal else "own_subheadings")
    for n, (words, text) in enumerate(subs, 1):
        if legal:
            b.add(Para(f"{parent}.{n}. {words}", node, "subheading", "own", True, None, 3, f"{parent}.{n}."))
        else:
            b.heading(None, words, 3, n, node, role="subheading")
        b.add(Para(text, node))


def node_body(b: Builder, node: str, plan: dict, shown: int = 0) -> None:
    """The prose, tables and lists under one outline node (shown: the number its heading shows)."""
    texts = list(PROSE.get(node, []))[: b.rng.randint(1, 2)]
    if node == plan.get("label_like"):
        b.r.features.append("label_like_body")
        texts.insert(1, b.rng.choice(EXTRA_PROSE))
    if node == "P1.III.1" and plan.get("footnote") and b.footnotes:
        b.r.features.append("footnote")
        b.add(Para(texts[0], node, footnote="Số liệu theo báo cáo của Chi cục Thống kê, tháng 6/2023."))
        texts = texts[1:]
    b.body(node, texts)
    if node == "P1.III.1":
        b.add(indicator_table())
    if node == plan.get("own"):
        own_list(b, node, shown)
    if node == "P2.I" and plan.get("tasks"):
        b.r.features.append("numbered_tasks_in_childless_node")
        for n, (words, text) in enumerate(TASKS[: b.rng.randint(2, 4)], 1):
            b.heading(None, words, 2, n, node, role="subheading")
            b.add(Para(text, node))
    if node == "P2.I" and plan.get("bullets"):
        auto = b.auto or b.rng.random() < 0.3
        b.r.features.append("bullets_auto" if auto else "bullets_hand")
        for t in BULLETS:
            b.add(Para(t if auto else f"- {t}", node, "bullet", "bullet", label="•" if auto else None, auto=auto))


def plan_of(rng: random.Random) -> dict:
    """Which variations this report shows."""
    arabic = [c for _, _, kids in OUTLINE for c, _ in kids if c != "P1.III.1"]
    return {
        "missing": rng.choice(arabic) if rng.random() < 0.35 else None,
        "renumber": rng.random() < 0.6,
        "extra": rng.choice([None, None, "roman", "arabic"]),
        "own": rng.choice(["P1.III.2", "P1.III.3", "P1.IV.1", None]),
        "bullets": rng.random() < 0.5,
        "label_like": rng.choice(["P1.I.1", "P1.III.2", "P2.I", None]),
        "footnote": rng.random() < 0.5,
        "part_form": rng.choice(["two_lines", "one_line", "phan_roman", "phan_mot"]),
        "tasks": rng.random() < 0.6,
    }


def build_report(seed: int, unit_id: str, mode: str, footnotes: bool = True, item_format: str = "a)",
                 toc: bool = False) -> Report:
    """Every block of one report, with its truth, in document order (footnotes only where the producer has them;
    item_format is how the producer renders an automatic a) list: 'a)', 'a.' or '1.'; toc: Writer's table of
    contents and text frames are possible)."""
    rng = random.Random(seed)
    report = Report(unit_id, mode=mode, features=[f"mode:{mode}"])
    b = Builder(report, rng)
    b.footnotes, b.item_format = footnotes, item_format
    plan = plan_of(rng)
    f = report.features
    f.append(f"part_form:{plan['part_form']}")
    f.extend(["roman_caps"] if b.caps else [])
    f.extend(["tab_after_label"] if b.tab and not b.auto else [])
    report.blocks.extend(header_block(unit_id, rng, f, frames=toc))
    b.part(1, P1_TITLE, plan["part_form"])
    for r, (rid, rtitle, kids) in enumerate(OUTLINE, 1):
        words = heading_text(rid, rtitle, rng, f)
        b.heading(rid, words.upper() if b.caps else words, 1, r, rid)
        shown = last = 0
        for k, (cid, ctitle) in enumerate(kids, 1):
            if cid == plan["missing"]:
                f.append("missing_section" if cid != "P1.IV.1" else "missing_identical_node")
                continue
            shown += 1
            n = shown if (b.auto or plan["renumber"]) else k
            if n != k:
                f.append("renumbered")
            b.heading(cid, heading_text(cid, ctitle, rng, f), 2, n, cid)
            node_body(b, cid, plan, n)
            last = n
        if rid == "P1.V" and plan["extra"] == "arabic":
            f.append("extra_arabic")
            b.heading(None, "Bài học kinh nghiệm", 2, last + 1, "P1.V", role="extra_heading")
            b.body("P1.V", ["Phải thường xuyên bám sát cơ sở, lắng nghe ý kiến của Nhân dân."])
    if plan["extra"] == "roman":
        f.append("extra_roman")
        words = "Bài học kinh nghiệm"
        b.heading(None, words.upper() if b.caps else words, 1, len(OUTLINE) + 1, "P1", role="extra_heading")
        b.body("P1", ["Một là, phải đoàn kết, thống nhất trong Ban Chấp hành.",
                      "Hai là, phát huy vai trò nêu gương của người đứng đầu."])
    b.part(2, P2_TITLE, plan["part_form"])
    for r, (rid, rtitle) in enumerate(P2, 1):
        words = heading_text(rid, rtitle, rng, f)
        b.heading(rid, words.upper() if b.caps else words, 1, r, rid)
        node_body(b, rid, plan)
    _, _, place = unit_names(unit_id)
    b.add(Para(f"Trên đây là báo cáo sơ kết giữa nhiệm kỳ thực hiện Nghị quyết của Ban Thường vụ Đảng bộ {place}.",
               "P2.II", "closing_sentence"))
    report.blocks.extend(closing_block(unit_id, rng, f))
    if toc and rng.random() < 0.7:
        add_toc(report, rng)
    report.features = sorted(set(f))
    return report


def add_toc(report: Report, rng: random.Random) -> None:
    """A table of contents after the opening paragraph: the part and Roman headings with page numbers (front)."""
    heads = [p for p in report.blocks if isinstance(p, Para) and p.heading and p.level in (0, 1)]
    entries = [Para("MỤC LỤC", "front", "toc", "toc")]
    for page, h in enumerate(heads, 2):
        words = h.text.replace("\n", " ").replace("\t", " ")
        text = f"{h.label} {words}" if h.auto else words
        entries.append(Para(f"{text}\t{page + rng.randint(0, 2)}", "front", "toc", "toc"))
    at = next(i for i, p in enumerate(report.blocks) if isinstance(p, Para) and p.section != "front")
    report.blocks[at:at] = entries
    report.features.append("table_of_contents")

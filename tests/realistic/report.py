"""One realistic report: front block, the outline's sections as a unit writes them, closing block.

`build(spec) -> (docx bytes, truth paragraphs)`. Every choice comes from the spec's look and features;
the truth is recorded as each paragraph is written (tests/realistic/writer.py).
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.realistic import ooxml
from tests.realistic.prose import (
    BULLETS,
    CLOSING_SENTENCE,
    LABEL_LIKE,
    PROGRAMS,
    PROSE,
    RECIPIENTS,
    SIGNERS,
    SUBHEADS_III2,
    UNITS,
    WORDINGS,
)
from tests.realistic.writer import Writer

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
P1_TREE = (("P1.I", ("P1.I.1", "P1.I.2")), ("P1.II", ("P1.II.1", "P1.II.2", "P1.II.3")),
           ("P1.III", ("P1.III.1", "P1.III.2", "P1.III.3")), ("P1.IV", ("P1.IV.1", "P1.IV.2", "P1.IV.3")),
           ("P1.V", ("P1.V.1", "P1.V.2", "P1.V.3", "P1.V.4")))
P2_TREE = (("P2.I", ()), ("P2.II", ()))
P2_SUBHEADS = ("Về xây dựng Đảng và hệ thống chính trị", "Về phát triển kinh tế", "Về văn hóa - xã hội",
               "Về quốc phòng, an ninh")


@dataclass(frozen=True)
class Spec:
    """What to write: the unit, a seed, the heading look and the features."""

    name: str
    unit_id: str
    seed: int
    styles: str            # normal | h123 | h12 | h1_only
    labels: str            # manual | tab | auto | style_num
    part: str              # phan_thu_next | phan_thu_colon | phan_roman | phan_thu_two_lines | none
    arabic: str            # "1." | "1)" | "I.1." | "3.1."
    roman_sep: str         # ". " | "- " | "/ "
    features: frozenset[str]


class Report:
    """Writes one report into a Writer, tracking the outline section the text belongs to."""

    def __init__(self, spec: Spec):
        self.s = spec
        self.f = spec.features
        self.rng = random.Random(spec.seed)
        self.u = UNITS[spec.unit_id]
        self.w = Writer(blank_between="blank_between" in self.f)
        self.num_id = self._numbering()
        self.roman_no = 0
        self.arabic_no = 0

    # ------------------------------------------------------------ look

    def _numbering(self) -> int | None:
        if self.s.labels not in ("auto", "style_num"):
            return None
        sep = self.s.roman_sep.strip() or "."
        arabic = {"1.": "%2.", "1)": "%2)", "I.1.": "%1.%2.", "3.1.": "%1.%2."}[self.s.arabic]
        if self.s.labels == "style_num":
            h1, h2 = self._style_names()
            num = ooxml.add_list(self.w.doc, [("upperRoman", "%1" + sep, self.w.doc.styles[h1].style_id, 1),
                                              ("decimal", arabic, self.w.doc.styles[h2].style_id, 1)])
            ooxml.style_numbering(self.w.doc.styles[h1], num, 0)
            ooxml.style_numbering(self.w.doc.styles[h2], num, 1)
            return num
        return ooxml.add_list(self.w.doc, [("upperRoman", "%1" + sep, None, 1), ("decimal", arabic, None, 1)])

    def _style_names(self) -> tuple[str, str]:
        return {"h123": ("Heading 2", "Heading 3"), "h12": ("Heading 1", "Heading 2"),
                "h1_only": ("Heading 1", "Heading 2")}.get(self.s.styles, ("Heading 1", "Heading 2"))

    def _style(self, level: int) -> str | None:
        if self.s.labels == "style_num" and level in (1, 2):
            return self._style_names()[level - 1]
        table = {"normal": (None, None, None), "h123": ("Heading 1", "Heading 2", "Heading 3"),
                 "h12": (None, "Heading 1", "Heading 2"), "h1_only": (None, "Heading 1", None),
                 "h11": ("Heading 1", "Heading 1", "Heading 2"), "arabic_only": (None, None, "Heading 2")}[self.s.styles]
        return table[level]

    def words(self, node: str) -> str:
        """The unit's wording of a node's heading (most often the outline's own)."""
        options = WORDINGS[node]
        if "reworded" in self.f and self.rng.random() < 0.6:
            return self.rng.choice(options[1:]) if len(options) > 1 else options[0]
        return options[0]

    def label(self, level: int) -> str:
        """The label the unit (or Word's numbering) shows for the current counters."""
        if level == 1:
            return ROMAN[self.roman_no - 1] + (self.s.roman_sep.strip() or ".")
        n = self.arabic_no
        return {"1.": f"{n}.", "1)": f"{n})", "I.1.": f"{ROMAN[self.roman_no - 1]}.{n}.",
                "3.1.": f"{self.roman_no}.{n}."}[self.s.arabic]

    # ------------------------------------------------------------ headings

    def heading(self, node: str | None, level: int, words: str, section: str | None = None,
                role: str = "heading", inline_body: str = "") -> object:
        """A Roman (1) or Arabic (2) heading with its label; `node` None for a unit's own heading."""
        if level == 1:
            self.roman_no += 1
            self.arabic_no = 0
        else:
            self.arabic_no += 1
        label = self.label(level)
        text = words.upper() if level == 1 and "roman_sentence_case" not in self.f else words
        self.w.section = section or node or self.w.section
        style = self._style(level)
        if self.s.labels == "auto_arabic" and level == 2:
            if self.arabic_no == 1:
                self.arabic_num = ooxml.add_list(self.w.doc, [("decimal", "%1.", None, 1)])
            p = self.w.para(text, role, style=style, bold=True, heading=True, node=node,
                            runs=[(text, True)] + ([(inline_body, False)] if inline_body else []))
            ooxml.set_num(p, self.arabic_num, 0)
            return p
        if self.num_id is not None:
            p = self.w.para(text, role, style=style, bold=True, heading=True, node=node,
                            runs=[(text, True)] + ([(inline_body, False)] if inline_body else []))
            if self.s.labels == "auto":
                ooxml.set_num(p, self.num_id, level - 1)
            return p
        sep = " " if level == 1 else " "
        if self.s.labels == "tab":
            runs = [(label, True), ("\t", True), (text, True)]
        elif "split_runs" in self.f:
            runs = [(label[:-1], True), (label[-1] + sep, True), (text[:7], True), (text[7:], True)]
        else:
            runs = [(label + sep + text, True)]
        if inline_body:
            runs.append((inline_body, False))
        return self.w.para("", role, style=style, heading=True, node=node, runs=runs)

    def part(self, node: str, ordinal: int) -> None:
        """'PHẦN THỨ NHẤT' and its title in one of the ways units write them."""
        self.w.section = node
        title = self.words(node).upper()
        names = ("THỨ NHẤT", "THỨ HAI")
        form = self.s.part
        style = self._style(0)
        if form == "phan_thu_colon":
            self.w.para(f"Phần thứ {('nhất', 'hai')[ordinal]}: {self.words(node)}", "heading", style=style,
                        bold=True, center=True, heading=True, node=node)
            return
        head = f"PHẦN {('I', 'II')[ordinal]}" if form == "phan_roman" else f"PHẦN {names[ordinal]}"
        if "textbox_part" in self.f and ordinal == 1:
            anchor = self.w.para("", record=False)
            ooxml.add_textbox(anchor, [head, title])
            self.w.record(head, "heading", True, node, origin="textbox")
            self.w.record(title, "part_title", origin="textbox")
            return
        self.w.para(head, "heading", style=style, bold=True, center=True, heading=True, node=node)
        if form == "phan_thu_two_lines" and ordinal == 0:
            cut = title.index("NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH")
            self.w.para(title[:cut].strip(), "part_title", bold=True, center=True)
            self.w.para(title[cut:], "part_title", bold=True, center=True)
        else:
            self.w.para(title, "part_title", bold=True, center=True)

    # ------------------------------------------------------------ body

    def prose(self, node: str, k: int | None = None) -> None:
        """A few of the node's sentences, with the unit's locality."""
        sentences = PROSE[node]
        k = len(sentences) if k is None else min(k, len(sentences))
        for sentence in sentences[:k]:
            dp = self.u.dp
            self.w.para(sentence.format(dp=dp, Dp=dp[0].upper() + dp[1:]))

    # ------------------------------------------------------------ the document

    def build(self) -> tuple[bytes, list[dict]]:
        """Write the whole report; returns (docx bytes, truth paragraphs)."""
        self.front()
        self.first_part()
        self.second_part()
        self.closing()
        self.page_furniture()
        return self.w.save(), self.w.truth

    def front(self) -> None:
        u, w, rng = self.u, self.w, self.rng
        unit_line = u.headers[1 if "unit_bch" in self.f and len(u.headers) > 1 else 0]
        number = f"Số {rng.randint(60, 480)}{u.number}"
        date = f"{u.place}, ngày {rng.randint(10, 28)} tháng 7 năm 2023"
        if "header_paragraphs" in self.f:
            w.para("", "front", runs=[(u.parent, False), ("\t", False), ("ĐẢNG CỘNG SẢN VIỆT NAM", True)])
            w.para(unit_line, "front", bold=True)
            w.para("*", "front")
            w.para("", "front", runs=[(number, False), ("\t", False), (date, False)])
        else:
            shown = unit_line.replace(" CÁC CƠ QUAN ", " CÁC CƠ QUAN\n") if "header_split" in self.f else unit_line
            w.table([[f"{u.parent}\n{shown}\n*\n{number}", f"ĐẢNG CỘNG SẢN VIỆT NAM\n\n{date}"]], borders=False)
        w.para("BÁO CÁO", "title", style="Title" if "title_style" in self.f else None, bold=True, center=True)
        kind = "tỉnh" if u.id in ("qs-tinh", "ca-tinh", "khoi-cq-dn") else u.dp.rsplit(" ", len(u.place.split()))[0]
        w.para(f"Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ {kind} nhiệm kỳ 2020 - 2025, Nghị quyết "
               "Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng", "title", bold=True, center=True)
        w.para("-----", "title", center=True)
        if "toc" in self.f:
            self.toc()
        if "kinh_gui" in self.f:
            w.para("Kính gửi: Ban Thường vụ Tỉnh ủy Quảng Nam", "front", center=True)
        w.para(f"Thực hiện Kế hoạch số 152-KH/TU ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy về sơ kết giữa nhiệm kỳ "
               f"thực hiện Nghị quyết Đại hội Đảng bộ các cấp, {u.body} báo cáo kết quả như sau:", "front")

    def toc(self) -> None:
        w = self.w
        w.para("MỤC LỤC", "front", bold=True, center=True)
        entries = [("TOC 1", "PHẦN THỨ NHẤT: " + WORDINGS["P1"][0].upper())]
        entries += [("TOC 2", f"{ROMAN[i]}. {WORDINGS[n][0].upper()}") for i, (n, _) in enumerate(P1_TREE)]
        entries += [("TOC 1", "PHẦN THỨ HAI: " + WORDINGS["P2"][0].upper())]
        entries += [("TOC 2", f"{ROMAN[i]}. {WORDINGS[n][0].upper()}") for i, (n, _) in enumerate(P2_TREE)]
        for k, (style, text) in enumerate(entries):
            w.ensure_style(style)
            p = w.doc.add_paragraph(style=style)
            if k == 0:
                ooxml.field_begin(p, 'TOC \\o "1-3" \\h \\z \\u')
            ooxml.toc_entry(p, text, 2 + k, f"_Toc1384{k:04d}")
            if k == len(entries) - 1:
                ooxml.field_end(p)
            w.record(f"{text} {2 + k}", "front")
        self.w.page_break()

    # ------------------------------------------------------------ Phần thứ nhất

    def first_part(self) -> None:
        if "page_breaks" in self.f:
            self.w.page_break()
        if self.s.part != "none":
            self.part("P1", 0)
            if self.rng.random() < 0.7:
                self.prose("P1", 1)
        for node, kids in P1_TREE:
            if not (node == "P1.I" and "missing_roman_i" in self.f):
                self.roman(node, kids)
        if "extra_section" in self.f:
            self.heading(None, 1, "Bài học kinh nghiệm", section="P1", role="extra_heading")
            self.w.para("Một là, phải bám sát Nghị quyết, cụ thể hóa kịp thời thành chương trình, kế hoạch sát thực tế.")
            self.w.para("Hai là, phát huy vai trò nêu gương của cán bộ, đảng viên, nhất là người đứng đầu.")

    def roman(self, node: str, kids: tuple[str, ...]) -> None:
        f, w = self.f, self.w
        words = WORDINGS[node][1] if node == "P1.III" and "identical" in f else self.words(node)
        if node == "P1.III" and "split_heading" in f:
            self.roman_no += 1
            self.arabic_no = 0
            text = WORDINGS["P1.III"][0].upper()
            cut = text.index("GIẢI PHÁP")
            label = self.label(1)
            w.section = node
            first = text[:cut].strip() if self.num_id is not None else f"{label} {text[:cut].strip()}"
            p = w.para(first, "heading", style=self._style(1), bold=True, heading=True, node=node)
            if self.s.labels == "auto":
                ooxml.set_num(p, self.num_id, 0)
            w.para(text[cut:], "heading_continued", style=None, bold=True)
        elif node == "P1.V" and "table_heading" in f:
            self.roman_no += 1
            self.arabic_no = 0
            w.section = node
            w.table([[f"{self.label(1)} {words.upper()}"]], borders=True)
        else:
            p = self.heading(node, 1, words)
            if "comments" in f and node == "P1.III":
                w.doc.add_comment(p.runs[-1], text="Đề nghị bổ sung số liệu năm 2023", author="Nguyễn Hữu Phước",
                                  initials="NHP")
        if self.rng.random() < 0.5 or node == "P1.V":
            self.prose(node, 1)
        skip = set()
        if "missing" in f:
            skip.add(self.rng.choice(("P1.I.2", "P1.II.3", "P1.III.3", "P1.IV.3", "P1.V.4")))
        if "missing_iii2" in f:
            skip.add("P1.III.2")
        if "merge_v12" in f:
            skip.add("P1.V.2")
        for kid in kids:
            if kid not in skip:
                self.arabic(kid)

    def arabic(self, node: str) -> None:
        f, w, rng = self.f, self.w, self.rng
        words = WORDINGS[node][0] if "identical" in f and node in ("P1.III.2", "P1.IV.1") else self.words(node)
        if node == "P1.V.1" and "merge_v12" in f:
            self.heading(node, 2, "Ưu điểm, hạn chế")
            self.prose("P1.V.1")
            self.prose("P1.V.2")
            return
        if node.startswith("P1.V.") and "inline_heading" in f:
            first, *rest = PROSE[node]
            self.heading(node, 2, words + ": ", inline_body=first)
            for sentence in rest:
                w.para(sentence)
            return
        if node.startswith("P1.V.") and "unnumbered_kids" in f:
            self.arabic_no += 1
            w.section = node
            heading = w.para(words, "heading", bold=True, italic=True, heading=True, node=node)
        else:
            heading = self.heading(node, 2, words + (":" if "trailing_colon" in f else ""))
        if "heading_footnote" in f and node == "P1.III.1":
            ooxml.add_footnote(w.doc, heading, "Số liệu ước thực hiện đến ngày 30/6/2023.")
            w.record("Số liệu ước thực hiện đến ngày 30/6/2023.", "footnote", origin="footnote")
        if "tracked" in f and node == "P1.I.2":
            ooxml.add_tracked(heading, "ins", " trong quá trình thực hiện", bold=True)
            w.truth[-1]["text"] += " trong quá trình thực hiện"
            ooxml.add_tracked(heading, "del", " (cập nhật)", bold=True)
        if node == "P1.III.1":
            if "body_echo" in f:
                w.para("Kết quả thực hiện các chỉ tiêu chủ yếu cụ thể như sau:")
            self.prose(node, 2)
            self.indicator_table()
            self.prose_tail(node, 2)
        elif node == "P1.III.2" and ("subheads_letter" in f or "subheads_decimal" in f):
            for k, sub in enumerate(SUBHEADS_III2):
                label = f"{'abcd'[k]})" if "subheads_letter" in f else f"{self.arabic_no}.{k + 1}."
                w.para(f"{label} {sub}", "subheading", bold=True, italic=True, heading=True)
                w.para(PROSE[node][k])
        elif node == "P1.III.3" and "lower_roman" in f:
            self.prose(node, 1)
            for k, prog in enumerate(PROGRAMS):
                w.para(f"{('i', 'ii', 'iii')[k]}. {prog}", "subheading", bold=True, italic=True, heading=True)
                w.para(PROSE[node][min(k + 1, len(PROSE[node]) - 1)].replace("38 km", f"{20 + k} km"))
        else:
            self.prose(node, rng.randint(1, 3))
        self.extras(node)

    def prose_tail(self, node: str, start: int) -> None:
        for sentence in PROSE[node][start:]:
            self.w.para(sentence.format(dp=self.u.dp, Dp=self.u.dp.capitalize()))

    def extras(self, node: str) -> None:
        """Features that hang on a particular node's body."""
        f, w = self.f, self.w
        if "label_like" in f and node in ("P1.I.1", "P1.III.2", "P1.III.3", "P1.II.2"):
            w.para(LABEL_LIKE[("P1.I.1", "P1.III.2", "P1.III.3", "P1.II.2").index(node)], "label_like")
        if "cause_of_strengths" in f and node == "P1.V.1":
            w.para("* Nguyên nhân của những ưu điểm:", "subheading", bold=True, italic=True, heading=True)
            w.para("Có sự lãnh đạo sâu sát của Tỉnh ủy; sự đoàn kết, thống nhất trong Ban Chấp hành.")
        if "mentions_other_units" in f and node == "P1.IV.1":
            w.para("Phối hợp chặt chẽ với Huyện ủy Duy Xuyên, Thị ủy Điện Bàn và Đảng ủy Quân sự tỉnh trong triển "
                   "khai các dự án liên vùng.")
        if "bullets" in f and node == "P1.II.2":
            for b in BULLETS:
                w.para(b, "bullet")
        if "footnote" in f and node == "P1.II.2":
            p = w.para("Ban Chấp hành đã ban hành Nghị quyết chuyên đề về phát triển kinh tế nông nghiệp")
            ooxml.add_footnote(w.doc, p, "Nghị quyết số 05-NQ/HU ngày 15/3/2021 về phát triển nông nghiệp.")
            w.record("Nghị quyết số 05-NQ/HU ngày 15/3/2021 về phát triển nông nghiệp.", "footnote",
                     origin="footnote")
        if "image" in f and node == "P1.III.3":
            w.doc.add_picture(__import__("io").BytesIO(ooxml.tiny_png()))
            w.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            w.para("Ảnh: Khánh thành tuyến đường liên xã (tháng 3/2023)", "caption", italic=True, center=True)
        if "tracked" in f and node == "P1.II.1":
            p = w.para("Các cấp ủy đã tổ chức sơ kết việc học tập Nghị quyết")
            ooxml.add_tracked(p, "ins", " theo đúng kế hoạch")
            ooxml.add_tracked(p, "del", " chậm so với kế hoạch")
            ooxml.add_tracked(p, "ins", ".")
            w.truth[-1]["text"] += " theo đúng kế hoạch."
        if "tracked" in f and node == "P1.V.2":
            p = w.para("", record=False, blank_after=False)
            ooxml.add_tracked(p, "del", "Công tác quy hoạch còn chậm, chưa theo kịp yêu cầu phát triển.")
            ooxml.delete_paragraph_mark(p)
        if "comments" in f and node == "P1.V.2":
            p = w.para("Việc thực hiện một số công trình trọng điểm còn chậm tiến độ.")
            w.doc.add_comment(p.runs[0], text="Nêu rõ tên công trình", author="Trần Văn Bảy", initials="TVB")

    def indicator_table(self) -> None:
        rows = [["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", "Thực hiện 2022", "Đánh giá"],
                ["1", "Tốc độ tăng giá trị sản xuất bình quân", "%", "10 - 11", "8,3", "Khó đạt"],
                ["2", "Thu ngân sách trên địa bàn", "tỷ đồng", "700", "612", "Có khả năng đạt"],
                ["3", "Tỷ lệ hộ nghèo giảm còn", "%", "dưới 2,5", "2,1", "Đạt"],
                ["4", "Tỷ lệ che phủ rừng", "%", "52", "52,6", "Vượt"]]
        self.w.table(rows, bold_first=True)

    # ------------------------------------------------------------ Phần thứ hai, closing

    def second_part(self) -> None:
        f, w = self.f, self.w
        if "page_breaks" in f:
            w.page_break()
        if self.s.part != "none":
            self.part("P2", 1)
            self.prose("P2", 1)
        if self.s.labels == "auto" and "continue_roman" not in f:
            self.num_id = self._numbering()
        if not (self.s.labels == "style_num" or "continue_roman" in f):
            self.roman_no = 0
        self.heading("P2.I", 1, self.words("P2.I"))
        sentences = PROSE["P2.I"]
        for k, sentence in enumerate(sentences):
            if "p2_subheads" in f:
                self.heading(None, 2, P2_SUBHEADS[k], section="P2.I", role="subheading")
            if "list_number_body" in f:
                w.para(sentence, style="List Number")
            else:
                w.para(sentence)
            if "bullets" in f and k == 1:
                w.para(BULLETS[0], "bullet")
                w.para(BULLETS[1], "bullet")
        if "table_heading_p2" in f:
            self.roman_no += 1
            w.section = "P2.II"
            w.table([[f"{self.label(1)} {self.words('P2.II').upper()}"]])
        else:
            self.heading("P2.II", 1, self.words("P2.II"))
        self.prose("P2.II")
        w.para(CLOSING_SENTENCE.format(body=self.u.body), "closing_sentence")

    def closing(self) -> None:
        f, w, u = self.f, self.w, self.u
        signer = self.rng.choice(SIGNERS)
        rank = self.rng.choice(("BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC"))
        sign = [u.sign, rank, "(Đã ký)", signer]
        if "closing_table" in f:
            w.table([["\n".join(RECIPIENTS), "\n".join(sign)]], borders=False)
        else:
            w.section = "back"
            if "closing_tabbed" in f:
                w.para("", "back", runs=[(RECIPIENTS[0], True), ("\t", False), (u.sign, True)])
                w.para("", "back", runs=[(RECIPIENTS[1], False), ("\t", False), (rank, True)])
                for line in RECIPIENTS[2:]:
                    w.para(line, "back")
                w.para(sign[2], "back", center=True)
                w.para(signer, "back", bold=True, center=True)
            else:
                for line in RECIPIENTS:
                    w.para(line, "back", bold=line.endswith(":"))
                if "sig_table" in f:
                    w.table([["", "\n".join(sign)]], borders=False)
                else:
                    for line in sign:
                        w.para(line, "back", bold=True, center=True)
        if "appendix" in f:
            w.section = "back"
            w.page_break()
            w.para("PHỤ LỤC", "back", bold=True, center=True)
            w.para("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU", "back", bold=True, center=True)
            w.para(f"(Kèm theo Báo cáo của {u.body})", "back", italic=True, center=True)
            self.indicator_table()

    def page_furniture(self) -> None:
        """Page header and footer text: not body, never in the truth."""
        if "header_footer" not in self.f:
            return
        sec = self.w.doc.sections[0]
        sec.header.paragraphs[0].text = f"{self.u.headers[0]} - Báo cáo sơ kết giữa nhiệm kỳ 2020 - 2025"
        foot = sec.footer.paragraphs[0]
        foot.text = "Trang "
        ooxml.field_begin(foot, "PAGE")
        foot.add_run("1")
        ooxml.field_end(foot)


def build(spec: Spec) -> tuple[bytes, list[dict]]:
    """The .docx bytes and truth paragraphs of one report."""
    return Report(spec).build()

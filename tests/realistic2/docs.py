"""A report as a list of paragraphs and tables, each carrying its truth (section, heading node, role).

The truth is decided here, from the same objects that the writer serialises."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from tests.realistic2 import prose
from tonghop.reference import load_outline

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
PART_WORDS = ["NHẤT", "HAI", "BA"]
NAMES = {"dai-loc": "Huyện ủy Đại Lộc", "duy-xuyen": "Huyện ủy Duy Xuyên", "thang-binh": "Huyện ủy Thăng Bình",
         "que-son": "Huyện ủy Quế Sơn", "nui-thanh": "Huyện ủy Núi Thành", "tien-phuoc": "Huyện ủy Tiên Phước",
         "nam-giang": "Huyện ủy Nam Giang", "tp-tam-ky": "Thành ủy Tam Kỳ", "tp-hoi-an": "Thành ủy Hội An",
         "tx-dien-ban": "Thị ủy Điện Bàn", "hoa-vang": "Huyện ủy Hòa Vang", "qs-tinh": "Đảng ủy Quân sự tỉnh",
         "ca-tinh": "Đảng ủy Công an tỉnh", "khoi-cq-dn": "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
         None: "Đảng ủy xã Đại Hiệp", "hai-chau": "Quận ủy Hải Châu"}
DV = {"qs-tinh": "Quân sự tỉnh", "ca-tinh": "Công an tỉnh", "khoi-cq-dn": "Khối các cơ quan và doanh nghiệp tỉnh"}


@dataclass(frozen=True)
class P:
    """One paragraph as written, with its truth."""

    text: str
    section: str
    role: str = "body"
    node: str | None = None
    bold: bool = False
    italic: bool = False
    center: bool = False
    style: str | None = None
    indent: bool = True


@dataclass(frozen=True)
class T:
    """One table (its cells are not body paragraphs)."""

    rows: tuple[tuple[str, ...], ...]
    section: str
    borderless: bool = False


@dataclass(frozen=True)
class Spec:
    """How one report is written."""

    name: str
    unit: str | None
    seed: int = 0
    outline: str = "de-cuong-huyen"
    look: str = "bold"            # plain | bold | styles | mixed (Roman bold caps, Arabic plain)
    scheme: str = "roman"         # roman | flat_arabic | flat_letter | letters_top | continue | city_roman
    parts: str = "line"           # line ("PHẦN THỨ NHẤT" + title line) | inline | none
    keep: tuple[str, ...] = ()    # outline nodes written (empty: all)
    renumber: bool = True         # labels counted over the written nodes, else the outline's own
    wording: int = 0              # index into prose.HEADINGS variants
    lists: str = "none"           # none | typed | letters | auto | lookalike
    subheadings: bool = False
    length: int = 1
    intro: str = "plain"          # plain | outline_words | bold_line
    header: str = "table"         # table | paragraphs | tabs
    closing: str = "tm"           # tm | tm_huyen | kt | after | table | tm_nodot | t.m | kt_nospace
    appendix: str = "none"        # none | after_signature | part (city: Phần thứ ba before the signature)
    encoding: str = "unicode"     # unicode | tcvn3 | vni
    period: bool = False          # Arabic-level headings end with '.'
    split_heading: bool = False   # the long Roman heading P1.III pressed over two paragraphs
    caption: bool = False         # a bold table caption in P1.III.1 echoing outline words
    misnumbered: bool = False     # two consecutive Arabic headings both numbered '2.'
    runin_lead: bool = False      # bold lead-in 'Về kinh tế: …' body paragraphs
    extra_first: bool = False     # an extra section before the first child of P1 / P2 ('I. Phương hướng…')
    comments: bool = False        # reviewer comments anchored on headings (word/comments.xml)
    libreoffice: bool = False
    features: tuple[str, ...] = field(default_factory=tuple)


PROPER = (("nghị quyết đại hội", "Nghị quyết Đại hội"), ("đảng bộ", "Đảng bộ"), ("của đảng", "của Đảng"),
          ("ban chấp hành", "Ban Chấp hành"), ("bộ chính trị", "Bộ Chính trị"), ("trung ương", "Trung ương"),
          ("thành ủy", "Thành ủy"), ("tỉnh ủy", "Tỉnh ủy"), ("chương trình hành động", "Chương trình hành động"),
          ("kết luận số", "Kết luận số"), ("nghị quyết số", "Nghị quyết số"))


def sentence_case(text: str) -> str:
    """'A. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT XIV' -> 'A. Kết quả thực hiện Nghị quyết XIV' (label, numerals kept)."""
    label = re.match(r"^(?:[A-Z]\.|[IVXL]+\.|\d+\.)\s+", text)
    head, rest = (label.group(0), text[label.end():]) if label else ("", text)
    words = [w if re.fullmatch(r"[IVXL]+[,.]?|\d.*|[A-Z0-9]+-[A-Za-z/]+", w) else w.lower() for w in rest.split(" ")]
    s = " ".join(words)
    for low, proper in PROPER:
        s = s.replace(low, proper)
    return head + s[:1].upper() + s[1:]


class _Filler:
    def __init__(self, spec: Spec):
        self.rng = random.Random(f"{spec.name}-{spec.seed}")
        self.dv = DV.get(spec.unit, prose.UNITS[spec.unit][2])
        self.name = NAMES[spec.unit]

    def __call__(self, template: str) -> str:
        r = self.rng
        return template.format(dv=self.dv, Dv=self.dv[:1].upper() + self.dv[1:], DV=self.dv.upper(),
                               name=self.name, n=r.randint(11, 95), m=r.randint(2, 9), p=r.randint(12, 48))


LEADS = ["Bên cạnh đó, ", "Năm 2022, ", "Đặc biệt, ", "Nhìn chung, ", "Trong năm 2021, ", "Đồng thời, "]


def _label(spec: Spec, depth: int, number: int, parent_number: int = 0) -> str:
    """The typed label of a heading at an outline depth (1: Roman level, 2: Arabic level)."""
    if spec.scheme == "city_roman":
        return f"{ROMAN[number - 1]}." if depth == 1 else f"{number}."
    if spec.scheme == "city_arabic":
        return f"{number}." if depth == 1 else f"{chr(96 + number)})"
    if spec.scheme == "legal" and depth == 2:
        return f"{parent_number}.{number}."
    if spec.scheme in ("flat_arabic", "flat_letter") and depth == 1:
        return f"{number}."
    if depth == 1:
        return f"{ROMAN[number - 1]}."
    if spec.scheme == "flat_letter":
        return f"{chr(96 + number)})"
    return f"{number}."


def _heading_para(spec: Spec, node: str, depth: int, text: str) -> P:
    caps = depth <= 1 and spec.look != "plain"
    body = text.upper() if caps else (sentence_case(text) if spec.look == "plain" and depth == 0 else text)
    if spec.look == "styles":
        return P(body, node, "heading", node, style=f"Heading {depth + 1}", indent=False)
    bold = spec.look == "bold" or (spec.look == "mixed" and depth <= 1)
    return P(body, node, "heading", node, bold=bold, center=depth == 0 and spec.look != "plain", indent=False)


def _headings(spec: Spec, fill: _Filler, nodes: list) -> dict[str, list[P]]:
    """Heading paragraphs of every written node."""
    table = prose.CITY_HEADINGS if spec.outline != "de-cuong-huyen" else prose.HEADINGS
    counters: dict[str | None, int] = {}
    roman_run = 0
    parent_numbers: dict[str, int] = {}
    out: dict[str, list[P]] = {}
    for node in nodes:
        words = fill(table[node.id][spec.wording % len(table[node.id])])
        if node.depth == 0:
            out[node.id] = _part(spec, node, words)
            continue
        key = node.parent if spec.scheme != "continue" or node.depth > 1 else "roman"
        extra_part = "P2" if spec.outline == "de-cuong-huyen" else "P1"
        if spec.extra_first and node.depth == 1 and key == extra_part and key not in counters:
            counters[key] = 1          # 'I. Tình hình chung' / 'I. Phương hướng, mục tiêu' came first
        counters[key] = counters.get(key, 0) + 1
        number = counters[key] if spec.renumber else int(_outline_number(node.label))
        if spec.misnumbered and node.id == "P1.V.3":
            number -= 1
        if node.depth == 1:
            roman_run += 1
        if node.depth == 1:
            parent_numbers[node.id] = number
        label = _label(spec, node.depth, number, parent_numbers.get(node.parent, 0))
        if spec.period and node.depth == 2:
            words += "."
        para = _heading_para(spec, node.id, node.depth, f"{label} {words}")
        if spec.split_heading and node.id == "P1.III":
            cut = words.index("Nghị quyết")
            first = _heading_para(spec, node.id, 1, f"{label} {words[:cut].strip()}")
            rest = _heading_para(spec, node.id, 1, words[cut:])
            out[node.id] = [first, replace(rest, role="heading_rest", node=None)]
            continue
        out[node.id] = [para]
    return out


def _outline_number(label: str) -> int:
    return ROMAN.index(label) + 1 if label in ROMAN else int(label)


def _part(spec: Spec, node, words: str) -> list[P]:
    k = int(node.id[1:]) - 1
    if spec.parts == "none":
        return []
    if spec.scheme == "letters_top":
        return [_heading_para(spec, node.id, 0, f"{'ABC'[k]}. {words}")]
    if spec.parts == "inline":
        head = f"Phần thứ {PART_WORDS[k].lower()}: " if spec.look == "plain" else f"PHẦN THỨ {PART_WORDS[k]}: "
        return [_heading_para(spec, node.id, 0, head + words)]
    line = _heading_para(spec, node.id, 0, f"PHẦN THỨ {PART_WORDS[k]}" if spec.look != "plain"
                         else f"Phần thứ {PART_WORDS[k].lower()}")
    title = replace(_heading_para(spec, node.id, 0, words), role="part_title", node=None)
    return [line, title]


def build(spec: Spec) -> list[P | T]:
    """Every paragraph and table of the report, in order, with truth."""
    fill = _Filler(spec)
    outline = load_outline(spec.outline)
    nodes = [n for n in outline.nodes if not spec.keep or n.id in spec.keep]
    heads = _headings(spec, fill, nodes)
    items: list[P | T] = _front(spec, fill)
    section = "front"
    for node in nodes:
        if node.id == "P3" and spec.appendix == "after_signature":
            continue               # written after the signature
        hs = heads[node.id]
        if hs:
            section = node.id      # without its heading, a part's words stay where the reader is
        items.extend(hs)
        items.extend(_body(spec, fill, node.id, section))
        if spec.extra_first and node.depth == 0:
            items.extend(_extra_first(spec, fill, node.id, section))
    last = next(p.section for p in reversed(items) if isinstance(p, P))
    items.extend(_closing(spec, fill, last))
    return items


EXTRA_FIRST = {"P1": ("Tình hình chung", "Nửa đầu nhiệm kỳ, {name} triển khai nhiệm vụ trong điều kiện có "
                      "nhiều khó khăn, thách thức nhưng cũng có những thuận lợi cơ bản."),
               "P2": ("Phương hướng, mục tiêu", "Mục tiêu tổng quát là xây dựng Đảng bộ và hệ thống chính trị "
                      "trong sạch, vững mạnh; phát triển kinh tế nhanh, bền vững.")}


def _extra_first(spec: Spec, fill: _Filler, part: str, section: str) -> list[P]:
    """A section the outline does not have, written before the part's first child: its content is the
    part's (contract: an unmatched heading's content belongs to the nearest enclosing outline node)."""
    if part not in EXTRA_FIRST or (spec.outline == "de-cuong-huyen") != (part == "P2"):
        return []
    title, body = EXTRA_FIRST[part]
    head = _heading_para(spec, part, 1, f"{_label(spec, 1, 1)} {title}")
    return [replace(head, role="extra_heading", node=None, section=section), P(fill(body), section)]


def _front(spec: Spec, fill: _Filler) -> list[P | T]:
    sup, unit, _, _, place = prose.UNITS[spec.unit]
    date = f"{place}, ngày {fill.rng.randint(10, 28)} tháng 7 năm 2023"
    number = f"Số {fill.rng.randint(100, 400)}-BC/{'HU' if 'HUYỆN' in unit else 'ĐU'}"
    out: list[P | T] = []
    if spec.header == "table":
        out.append(T(((f"{sup}\n{unit}\n*\n{number}", f"ĐẢNG CỘNG SẢN VIỆT NAM\n\n{date}"),), "front", True))
    elif spec.header == "tabs":
        out += [P(f"{sup}\t\tĐẢNG CỘNG SẢN VIỆT NAM", "front", "front", bold=True, indent=False),
                P(f"{unit}\t\t{date}", "front", "front", bold=True, indent=False),
                P(f"*\n{number}", "front", "front", indent=False)]
    else:
        out += [P(sup, "front", "front", indent=False), P(unit, "front", "front", bold=True, indent=False),
                P("*", "front", "front", indent=False), P(number, "front", "front", indent=False),
                P("ĐẢNG CỘNG SẢN VIỆT NAM", "front", "front", bold=True, center=True, indent=False),
                P(date, "front", "front", italic=True, center=True, indent=False)]
    city = spec.outline != "de-cuong-huyen"
    title = ("sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội lần thứ XIII của Đảng và Nghị quyết Đại hội "
             "lần thứ XXII Đảng bộ thành phố, nhiệm kỳ 2020 - 2025" if city else
             fill("sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ {dv} nhiệm kỳ 2020 - 2025, "
                  "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội XIII của Đảng"))
    out += [P("BÁO CÁO", "front", "title", bold=True, center=True, indent=False),
            P(title, "front", "title", bold=True, center=True, indent=False),
            P("-----", "front", "front", center=True, indent=False)]
    plan = "Kế hoạch số 106-KH/TU ngày 27/01/2023 của Ban Thường vụ Thành ủy" if city else \
        "Kế hoạch số 152-KH/TU ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy"
    if spec.intro == "outline_words":
        out += [P(fill(f"Thực hiện {plan}, Ban Thường vụ {{name}} báo cáo bối cảnh thực hiện nghị quyết, công "
                       "tác lãnh đạo, chỉ đạo và đánh giá kết quả thực hiện các chỉ tiêu chủ yếu, nhiệm vụ trọng "
                       "tâm như sau:"), "front", "front"),
                P("Kết quả thực hiện nhiệm vụ trọng tâm và các chỉ tiêu chủ yếu sau nửa nhiệm kỳ cụ thể như sau:",
                  "front", "front")]
    elif spec.intro == "bold_line":
        out += [P(fill(f"Thực hiện {plan}, Ban Thường vụ {{name}} báo cáo như sau:"), "front", "front"),
                P("Đánh giá kết quả thực hiện các chỉ tiêu chủ yếu như sau:", "front", "front", bold=True)]
    else:
        out.append(P(fill(f"Thực hiện {plan} về sơ kết giữa nhiệm kỳ, Ban Thường vụ {{name}} báo cáo kết "
                          "quả như sau:"), "front", "front"))
    return out


def _body(spec: Spec, fill: _Filler, node: str, section: str) -> list[P | T]:
    bank = prose.CITY_BODY if spec.outline != "de-cuong-huyen" else prose.BODY
    sentences = bank.get(node, [])
    out: list[P | T] = []
    for rep in range(spec.length):
        for s in sentences:
            text = fill(s)
            if rep:
                text = LEADS[(rep + len(out)) % len(LEADS)] + text[:1].lower() + text[1:]
            out.append(P(text, section))
    if spec.runin_lead and node in ("P1.III.2", "P2.I", "P1.1"):
        out += [P("Về kinh tế: " + fill("giá trị sản xuất tăng bình quân {p},{m}%/năm, cơ cấu chuyển dịch đúng "
                                        "hướng."), section),
                P("Về văn hóa - xã hội: " + fill("có {n} thôn, khối phố đạt chuẩn văn hóa; tỷ lệ hộ nghèo giảm "
                                                 "còn {m},{n}%."), section)]
    if node == "P1.III.1":
        if spec.caption:
            out.append(P("Bảng 1. Kết quả thực hiện các chỉ tiêu chủ yếu giai đoạn 2020 - 2022", section,
                         bold=True, center=True, indent=False))
        out.append(T((("TT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Thực hiện 2022", "Đánh giá"),
                      ("1", "Tốc độ tăng giá trị sản xuất", "%", "8 - 9", fill("{m},{n}"), "Chưa đạt"),
                      ("2", "Tỷ lệ hộ nghèo giảm bình quân", "%", "1,5", "1,8", "Vượt"),
                      ("3", "Số xã đạt chuẩn nông thôn mới", "xã", "12", fill("{n}"), "Đạt")), section))
        if spec.lists == "lookalike":
            out += [P("Các chỉ tiêu được đánh giá theo hai nhóm sau đây:", section),
                    P("1. Kết quả thực hiện các chỉ tiêu về kinh tế", section, "list_item"),
                    P("2. Kết quả thực hiện nhiệm vụ trọng tâm về xã hội", section, "list_item")]
    if spec.lists != "none" and node in prose.LISTS:
        out.extend(_list(spec, fill, node, section))
    subs = prose.SUBHEADINGS.get(node) if spec.subheadings else None
    if node == "P2" and spec.outline == "de-cuong-huyen":
        subs = None
    for i, sub in enumerate(subs or []):
        label = _sub_label(spec, node, i + 1)
        out.append(P(f"{label} {sub}", section, "subheading", bold=spec.look != "plain", italic=True))
        out.append(P(fill(sentences[i % len(sentences)]) if sentences else fill("Đạt {p}% kế hoạch."), section))
    return out


def _sub_label(spec: Spec, node: str, number: int) -> str:
    """A unit's own sub-heading label, one level below the outline (Roman inside a bare part)."""
    if node == "P2":
        return f"{ROMAN[number - 1]}."
    if spec.scheme == "city_roman":
        return f"{number}."
    return f"{chr(96 + number)})"


def _list(spec: Spec, fill: _Filler, node: str, section: str) -> list[P]:
    out = [P("Trong đó, tập trung vào các nội dung cụ thể:", section)]
    items = prose.LISTS[node]
    for i, item in enumerate(items, 1):
        text = fill(item) + ("." if i == len(items) else ";" if i % 2 else "")
        if spec.lists == "auto":
            out.append(P(text, section, "list_item", style="List Number", indent=False))
        elif spec.lists == "letters":
            out.append(P(f"{chr(96 + i)}) {text}", section, "list_item"))
        else:
            out.append(P(f"{i}. {text}", section, "list_item"))
    return out


def _closing(spec: Spec, fill: _Filler, last: str) -> list[P | T]:
    _, unit, _, body, _ = prose.UNITS[spec.unit]
    out: list[P | T] = [P(fill("Trên đây là báo cáo sơ kết giữa nhiệm kỳ của Ban Thường vụ {name}./."), last)]
    recipients = ["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c),", "- Các đồng chí Huyện ủy viên,", "- Lưu VP."]
    tm = {"tm": f"T/M {body}", "tm_huyen": f"T/M {unit}", "kt": "K/T BÍ THƯ", "after": f"TM. {body}",
          "table": f"T/M {body}", "tm_nodot": f"TM {body}", "t.m": f"T.M {body}",
          "kt_nospace": "KT.BÍ THƯ", "signature_only": None}[spec.closing]
    role = "PHÓ BÍ THƯ THƯỜNG TRỰC" if tm and tm.startswith("K") else "BÍ THƯ"
    sign = [tm, role, "Nguyễn Văn Hùng"] if tm else [role, "(Đã ký)", "Nguyễn Văn Hùng"]
    if spec.closing == "signature_only":
        return out + [P(x, "back", "back", bold=True, center=True, indent=False) for x in sign]
    if spec.closing == "table":
        out.append(T((("\n".join(recipients), "\n".join(sign)),), "back", True))
    elif spec.closing in ("after", "tm_nodot", "t.m", "kt_nospace"):    # signature first, then recipients
        out += [P(s, "back", "back", bold=True, center=True, indent=False) for s in sign]
        out += [P(s, "back", "back", italic=i > 0, indent=False) for i, s in enumerate(recipients)]
    else:
        out += [P(s, "back", "back", italic=i > 0, indent=False) for i, s in enumerate(recipients)]
        out += [P(s, "back", "back", bold=True, center=True, indent=False) for s in sign]
    if spec.appendix == "after_signature":
        city = spec.outline != "de-cuong-huyen"
        sec = "P3" if city else "back"
        out.append(P("PHỤ LỤC", sec, "heading" if city else "back", "P3" if city else None, bold=True,
                     center=True, indent=False))
        out.append(P("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020 - 2025", sec, "appendix", bold=True,
                     center=True, indent=False))
        out.append(P(fill("(Kèm theo Báo cáo số {m}{n}-BC ngày 20/7/2023 của Ban Thường vụ {name})"), sec,
                     "appendix", italic=True, center=True, indent=False))
        out.append(T((("TT", "Chỉ tiêu", "Nghị quyết", "Ước 2023"), ("1", "Thu ngân sách", "500", "620")), sec))
    return out


def truth(spec: Spec, items: list[P | T]) -> dict:
    """The truth JSON (format of tests/docgen/README.md, the parts bench/accuracy.py reads)."""
    from tonghop.parsers.normalize import clean
    paragraphs = []
    for it in items:
        if isinstance(it, P) and clean(it.text):
            heading = it.role == "heading"
            paragraphs.append({"text": clean(it.text), "section": it.section, "heading": heading or
                               it.role in ("subheading", "extra_heading"), "node": it.node if heading else None, "role": it.role})
    return {"format": "tonghop-docgen/1", "file": spec.name + ".docx", "seed": spec.seed, "version": 1,
            "unit_id": spec.unit if spec.unit in NAMES and spec.unit != "hai-chau" else None,
            "expected": "ok", "reject_reason": None, "outline": spec.outline,
            "features": sorted(set(spec.features)),
            "outline_headings": [p["node"] for p in paragraphs if p["node"]],
            "paragraphs": paragraphs,
            "tables": [{"rows": [list(r) for r in it.rows], "section": it.section} for it in items
                       if isinstance(it, T)]}

"""One outline node consolidated: statements several units made, stated once with each unit's figures,
then what each unit alone wrote.

A statement is rendered from its first sentence (one without a leading connective when there is one):
a unit's name becomes a neutral subject ('các đảng bộ', 'các cấp ủy', 'các địa phương'), a figure that
differs between the units becomes '…' and each unit's own figures follow in parentheses, with a total
where the figures are counts or money. Figures all units share stay in the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tonghop.aggregators.clusters import CLUSTER_THRESHOLD, Item, cluster
from tonghop.aggregators.masking import KIND, LIST_LABEL, NAME, NUM, PLACE, Masker, Slot
from tonghop.aggregators.sentences import split_sentences
from tonghop.model import Contribution

__all__ = [
    "build_statement", "consolidate_node", "figure_text", "GAP", "Mention", "neutral_subject", "short_name",
    "Statement", "TableRef", "vn_format", "vn_number",
]

GAP = "…"
_NOUN_WORD = re.compile(r"\s+([^\W\d_]+|km²|m²|m³)")
# nouns of more than two words a figure counts ('385 tổ chức cơ sở đảng'); otherwise two words at most
_LONG_NOUNS = ("tổ chức cơ sở đảng", "tổ chức đảng", "đơn vị hành chính", "lượt cán bộ", "lượt đảng viên",
               "lượt học viên", "lượt người", "hộ gia đình", "chi bộ trực thuộc", "đảng viên mới", "xã đạt chuẩn")
_NOUN_STOP = frozenset("và của trong so với đạt tăng giảm trên là có được cho về tại năm từ đến theo thực hiện "
                       "sinh tham gia bằng ở gồm còn nhằm vượt bình quân trở lên khoảng hơn".split())
_NO_TOTAL = ("năm", "tháng", "ngày", "lần", "giờ", "tuổi")
_UNKNOWN = re.compile(r"^Đơn vị chưa xác định \((.+)\)$")
_SHORT_PREFIX = re.compile(r"^(?:Huyện ủy|Thành ủy|Thị ủy|Quận ủy|Đảng ủy|Ban Thường vụ)\s+")


@dataclass(frozen=True)
class Mention:
    """One unit's share of a statement: where it wrote it and its own figures."""

    unit_id: str
    unit_name: str
    short_name: str
    source: str
    paragraphs: tuple[int, ...]     # block indexes in the source
    figures: tuple[str, ...]        # '23 tổ chức đảng', '97,6%' (empty when the unit's figures are the sentence's)
    sentences: tuple[str, ...]      # what the unit wrote, verbatim


@dataclass(frozen=True)
class Statement:
    """A statement several units made, in neutral wording."""

    text: str
    mentions: tuple[Mention, ...]
    totals: tuple[str, ...] = ()

    @property
    def n_units(self) -> int:
        return len({m.unit_id for m in self.mentions})


@dataclass(frozen=True)
class TableRef:
    """A unit's indicator table: its readings are in the aggregate table, the table itself in the full text."""

    unit_id: str
    unit_name: str
    source: str
    index: int
    rows: int


def short_name(unit_name: str) -> str:
    """'Huyện ủy Đại Lộc' -> 'Đại Lộc'; 'Đảng ủy Quân sự tỉnh' -> 'Quân sự tỉnh'; an unidentified unit
    by its file name ('Đơn vị chưa xác định (xa-dai-hiep.docx)' -> 'xa-dai-hiep.docx'); others as they are."""
    unknown = _UNKNOWN.match(unit_name)
    if unknown:
        return unknown.group(1)
    short = _SHORT_PREFIX.sub("", unit_name)
    return short if short else unit_name


def _bare_committee(text: str) -> bool:
    """'Huyện ủy', 'Ban Chấp hành Đảng bộ huyện': the writer's own committee without a place name (but not
    a bare 'Đảng bộ', as in 'toàn Đảng bộ')."""
    words = text.split()
    return text.casefold() != "đảng bộ" and not any(w[:1].isupper() for w in words[2:]) and \
        bool(re.match(r"(?:ban chấp hành |bch )?(?:đảng bộ|đảng ủy|huyện ủy|thành ủy|thị ủy|quận ủy)", text.casefold()))


def neutral_subject(slot: Slot) -> str:
    """The plural or neutral words standing for several units' names."""
    low = slot.text.casefold()
    board = re.match(r"(?:ban chấp hành|bch) ", low)
    if slot.kind == NAME and board and "đảng bộ" in low:
        return slot.text[:board.end()] + "các đảng bộ"           # 'Ban Chấp hành các đảng bộ'
    if slot.kind == NAME and low.startswith("đảng bộ"):
        return "các đảng bộ"
    if slot.kind == NAME and re.match(r"(?:huyện|thành|thị|quận|đảng) ủy", low):
        return "các cấp ủy"
    return "các địa phương"


def figure_text(sentence: str, slot: Slot) -> str:
    """A figure with the noun after it: '23 tổ chức đảng', '612 tỷ đồng', '97,6%'."""
    if slot.text.endswith("%") or slot.kind != NUM:
        return slot.text
    words: list[str] = []
    pos = slot.end
    while len(words) < 5:
        m = _NOUN_WORD.match(sentence, pos)
        if not m or m.group(1) in _NOUN_STOP or not m.group(1).islower():
            break
        words.append(m.group(1))
        pos = m.end()
    following = " ".join(words)
    noun = next((n for n in _LONG_NOUNS if following == n or following.startswith(n + " ")), " ".join(words[:2]))
    return f"{slot.text} {noun}" if noun else slot.text


def vn_number(text: str) -> float | None:
    """'1.250' -> 1250, '7,5' -> 7.5; None for anything else (ratios, percentages, Roman numerals)."""
    if not re.fullmatch(r"\d+(?:\.\d{3})*(?:,\d+)?", text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def vn_format(value: float) -> str:
    """1250 -> '1.250'; 12.5 -> '12,5'."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def _total(items: list[Item], k: int) -> str | None:
    """'2.120 cán bộ' for slot k when every unit said it once as a count or an amount of money."""
    if len({it.unit_id for it in items}) != len(items):
        return None                                  # a unit twice: a total would count it twice
    values, nouns = [], set()
    for it in items:
        slot = it.masked.slots[k]
        value = vn_number(slot.text)
        noun = figure_text(it.masked.text, slot)[len(slot.text):].strip()
        if value is None or not noun or noun.split()[0] in _NO_TOTAL:
            return None
        if value != int(value) and not noun.endswith("đồng"):
            return None
        values.append(value)
        nouns.add(noun)
    if len(nouns) != 1:
        return None
    return f"{vn_format(sum(values))} {nouns.pop()}"


def build_statement(items: list[Item]) -> Statement:
    """The neutral sentence of a cluster and each unit's mention with its figures."""
    rep = min(items, key=lambda it: it.masked.lead)       # the barest wording, registry order between equals
    rep_lead = rep.masked.text[:rep.masked.lead].casefold().strip()
    if all(it.masked.text[:it.masked.lead].casefold().strip().endswith(rep_lead) for it in items):
        rep = replace(rep, masked=replace(rep.masked, lead=0))   # a connective (label) all share stays
    shape = rep.masked.shape
    aligned = [it for it in items if it.masked.shape == shape]
    differing: list[int] = []
    pieces: list[str] = []
    text = rep.masked.text
    pos = rep.masked.lead
    for k, slot in enumerate(rep.masked.slots):
        values = {it.masked.slots[k].text for it in aligned}
        pieces.append(text[pos:slot.start])
        if slot.kind == NUM:
            if len(values) > 1:
                differing.append(k)
                pieces.append(GAP)
            else:
                pieces.append(slot.text)
        elif slot.kind == NAME and (len(values) > 1 or _bare_committee(slot.text)):
            pieces.append(neutral_subject(slot))       # the units' own names; another unit named by all stays
        elif slot.kind in (PLACE, KIND) and len(values) > 1:
            pieces.append(neutral_subject(slot))
        else:
            pieces.append(slot.text)
        pos = slot.end
    pieces.append(text[pos:])
    neutral = "".join(pieces).strip()
    neutral = neutral[:1].upper() + neutral[1:]
    by_unit: dict[str, list[Item]] = {}
    for it in items:
        by_unit.setdefault(it.unit_id, []).append(it)
    mentions = []
    for unit_items in by_unit.values():
        figures: list[str] = []
        for it in unit_items:
            lead = LIST_LABEL.sub("", it.masked.text[:it.masked.lead]).strip().rstrip(",:").strip()
            if lead and any(c.isdigit() for c in lead):         # 'Năm 2022, …' (not a list label '1.')
                figures.append(lead[:1].lower() + lead[1:])
            if it.masked.shape == shape:
                figures += [figure_text(it.masked.text, it.masked.slots[k]) for k in differing]
            else:
                figures += [figure_text(it.masked.text, s) for s in it.masked.slots if s.kind == NUM]
        first = unit_items[0]
        mentions.append(Mention(first.unit_id, first.unit_name, short_name(first.unit_name), first.source,
                                tuple(sorted({it.paragraph for it in unit_items})), tuple(figures),
                                tuple(it.masked.text for it in unit_items)))
    sums = tuple(t for t in (_total(aligned, k) for k in differing) if t) if len(aligned) == len(items) else ()
    totals = ("tổng cộng " + ", ".join(sums),) if sums else ()
    return Statement(neutral, tuple(mentions), totals)


def _remaining(blocks, ci: int, kind: int, spans: dict, used: set) -> tuple:
    """A unit's paragraphs (or headings) without the sentences that went into statements."""
    out = []
    for pi, p in enumerate(blocks):
        sentences = spans.get((ci, kind, pi))
        if sentences is None or not any((ci, kind, pi, si) in used for si in range(len(sentences))):
            out.append(p)
            continue
        rest = [s.text for si, s in enumerate(sentences) if (ci, kind, pi, si) not in used]
        if rest:
            out.append(replace(p, text=" ".join(rest)))
    return tuple(out)


def consolidate_node(contributions: list[Contribution] | tuple[Contribution, ...], masker: Masker,
                     threshold: float = CLUSTER_THRESHOLD) -> tuple[tuple[Statement, ...], tuple[Contribution, ...]]:
    """Statements several units made (most units first) and each unit's remaining content, verbatim.

    A paragraph whose sentences all went into statements leaves its unit's part; one partly used keeps
    the rest of its sentences in order. A paragraph that cannot be split or masked stays whole. A unit's
    own sub-heading is compared too: a run-in one ('Về quốc phòng, an ninh: Hoàn thành …') says
    something several units may say; a bare one ('a) Về kinh tế') is too short to be shared."""
    items: list[Item] = []
    spans: dict[tuple[int, int, int], list] = {}      # (contribution, 0 paragraph / 1 heading, position)
    where: list[tuple[int, int, int, int]] = []
    for ci, c in enumerate(contributions):
        for kind, blocks in ((0, c.paragraphs), (1, c.headings)):
            for pi, p in enumerate(blocks):
                try:
                    sentences = split_sentences(p.text)
                    masked = [masker.mask(s.text) for s in sentences]
                except Exception:  # noqa: BLE001 - a sentence that fails to split or mask stays verbatim
                    continue
                spans[(ci, kind, pi)] = sentences
                for si, m in enumerate(masked):
                    items.append(Item(c.unit_id, c.unit_name, c.source, p.index, len(where), si, m))
                    where.append((ci, kind, pi, si))
    groups = cluster(items, threshold)
    used: set[tuple[int, int, int, int]] = set()
    statements = []
    for g in groups:
        group_items = [items[i] for i in g]
        statements.append((build_statement(group_items), min(g)))
        used.update(where[items[i].order] for i in g)
    statements.sort(key=lambda s: (-s[0].n_units, s[1]))
    own = []
    for ci, c in enumerate(contributions):
        part = replace(c, paragraphs=_remaining(c.paragraphs, ci, 0, spans, used),
                       headings=_remaining(c.headings, ci, 1, spans, used))
        if part.paragraphs or part.tables or part.headings:
            own.append(part)
    return tuple(s for s, _ in statements), tuple(own)

"""One report from a spec: walk the outline, vary structure and wording, write blocks and truth together."""
from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tonghop.reference import load_outline

from . import blocks, content, indicators
from .acc import DocAcc
from .docx_writer import Para, write_docx
from .headings import AutoNumbering, Look, choose_look, heading_para, styles_for, text_runs
from .units import UnitProfile, load_profiles
from .variations import apply_wording, choose_wording, letter, part_label, roman

TRUTH_FORMAT = "tonghop-docgen/1"


@dataclass(frozen=True)
class DocSpec:
    """What to generate: a seed, a unit and features to force ("mode:auto_numbering", "legacy:tcvn3",
    "missing_section", "extra_section", "subheadings", "no_missing", "no_extra", ...)."""

    seed: int
    unit_id: str
    name: str = ""
    force: frozenset[str] = field(default_factory=frozenset)
    version: int = 1


@lru_cache(maxsize=1)
def outline():
    """The provincial outline the reports follow."""
    return load_outline("de-cuong-huyen")


@lru_cache(maxsize=1)
def profiles() -> dict[str, UnitProfile]:
    """Unit profiles by id."""
    return {p.id: p for p in load_profiles()}


def _forced(spec: DocSpec, prefix: str) -> str | None:
    for f in sorted(spec.force):
        if f.startswith(prefix + ":"):
            return f.split(":", 1)[1]
    return None


def _look(spec: DocSpec, rng: random.Random) -> tuple[Look, str | None]:
    r = rng.random()
    legacy = "tcvn3" if r < 0.14 else "vni" if r < 0.24 else None
    mixed = None
    if legacy is None and rng.random() < 0.12:
        mixed = rng.choice(("tcvn3", "vni"))
    forced = _forced(spec, "legacy")
    if forced == "mixed":
        legacy, mixed = None, rng.choice(("tcvn3", "vni"))
    elif forced:
        legacy, mixed = (None if forced == "none" else forced), None
    look = choose_look(rng, legacy)
    mode = _forced(spec, "mode")
    if mode:
        look = replace(look, mode=mode, numbering=look.numbering or "multilevel" if mode == "auto_numbering" else None,
                       parts_styled=look.parts_styled and mode == "heading_styles",
                       center_roman=mode == "bold_normal" and look.center_roman)
    numbering = _forced(spec, "numbering")
    if numbering:
        look = replace(look, mode="auto_numbering", numbering=numbering, parts_styled=False, center_roman=False)
    return look, mixed


def _structure(spec: DocSpec, rng: random.Random) -> dict:
    """Which nodes are missing, renumbering, extras, sub-headings."""
    s = {"dropped": set(), "heading_dropped": set(), "renumber": False, "extra": None, "subs": []}
    if ("missing_section" in spec.force or rng.random() < 0.35) and "no_missing" not in spec.force:
        kind = rng.choices(("leaf", "roman", "part_heading", "identical"), weights=(50, 25, 15, 10))[0]
        if kind == "leaf":
            s["dropped"].update(rng.sample(["P1.I.2", "P1.II.2", "P1.II.3", "P1.IV.3", "P1.V.4", "P2.II"],
                                           rng.choice((1, 1, 2))))
        elif kind == "roman":
            s["dropped"].add(rng.choice(("P1.IV", "P1.II", "P1.I")))
        elif kind == "part_heading":
            s["heading_dropped"].add("P1")
        else:
            s["dropped"].add("P1.III.2")
        s["renumber"] = rng.random() < 0.6
    if ("extra_section" in spec.force or rng.random() < 0.3) and "no_extra" not in spec.force:
        s["extra"] = rng.choice(("roman", "arabic"))
    if ("subheadings" in spec.force or rng.random() < 0.45) and "no_subheadings" not in spec.force:
        s["subs"] = rng.sample(["P1.III.2", "P1.IV.1", "P2.I"], rng.randint(1, 3))
    s["inline"] = set(rng.sample(["P1.I.2", "P1.II.3", "P1.V.1", "P1.V.2", "P1.V.3", "P1.V.4", "P1.IV.3"],
                                 rng.randint(1, 3))) if rng.random() < 0.2 else set()
    s["revisions"] = rng.random() < 0.15
    s["hyperlink"] = rng.random() < 0.12
    s["bold_body"] = rng.random() < 0.25
    return s


class _Labels:
    """Hand-written or automatic labels, counting the headings actually written."""

    def __init__(self, look: Look, renumber: bool):
        self.look, self.renumber = look, renumber
        self.auto = AutoNumbering(look.numbering) if look.mode == "auto_numbering" else None
        self.count = [0, 0, 0, 0]

    def next(self, level: int, outline_label: str | None) -> tuple[str | None, str | None, tuple | None]:
        """(label written in the text, label as rendered, numPr)."""
        self.count[level] += 1
        for deeper in range(level + 1, 4):
            self.count[deeper] = 0
        if level == 0:
            if self.auto and self.count[0] > 1:
                self.auto.restart_top()
            lab = part_label(self.count[0], self.look.part_form)
            return lab, lab, None
        if self.auto:
            num, rendered = self.auto.place(level)
            if self.look.numbering == "in_style" and num[0] == 1 and level < 3:
                num = None
            return None, rendered, num
        n = self.count[level] if self.renumber or outline_label is None else _int(outline_label, level)
        if outline_label is not None and not self.renumber:
            self.count[level] = n
        if level == 1:
            lab = roman(n) + self.look.roman_sep
        elif level == 2:
            lab = (f"{self.count[1]}.{n}." if self.look.legal_labels else f"{n}{self.look.arabic_sep}")
        else:
            lab = letter(n) + (")" if self.look.arabic_sep != "." else ".")
        return lab, lab, None


def _int(label: str, level: int) -> int:
    if level == 1:
        return ("I", "II", "III", "IV", "V", "VI").index(label) + 1
    return int(label)


def build(spec: DocSpec) -> tuple[bytes, dict]:
    """The .docx bytes and the truth of one report."""
    rng = random.Random(spec.seed)
    unit = profiles()[spec.unit_id]
    look, mixed = _look(spec, rng)
    acc = DocAcc(look)
    acc.ctx = blocks.ctx_for(unit)
    st = _structure(spec, rng)
    labels = _Labels(look, st["renumber"])
    acc.labels = labels
    _features_of_look(acc, look, st, mixed)
    blocks.header(acc, unit, rng, spec.version)
    ol = outline()
    present = [n for n in ol.nodes if not _is_dropped(n.id, st["dropped"])]
    mixed_nodes = set(rng.sample([n.id for n in present], 3)) if mixed else set()
    for node in present:
        if node.id == "P2" and st["extra"] == "roman":
            _extra(acc, labels, 1, "P1", rng)
        _heading(acc, labels, node, rng, st)
        _node_body(acc, node.id, rng, st, mixed if node.id in mixed_nodes else None)
        if node.id == "P1.V.4" or (node.id == "P1.V.3" and "P1.V.4" in st["dropped"]):
            if st["extra"] == "arabic":
                _extra(acc, labels, 2, "P1.V", rng)
    acc.body(content.closing_sentence(acc.ctx), role="closing_sentence")
    blocks.closing(acc, unit, rng)
    if "P1.III.2" in [n.id for n in present] and "P1.IV.1" in [n.id for n in present]:
        acc.features.add("identical_nodes")
    title = f"Báo cáo sơ kết giữa nhiệm kỳ - {unit.ten}"
    data = write_docx(tuple(acc.blocks), styles_for(look), labels.auto.numbering() if labels.auto else
                      _empty_numbering(), title=title)
    return data, _truth(spec, acc, look, present)


def _empty_numbering():
    from .docx_writer import Numbering
    return Numbering()


def _is_dropped(node_id: str, dropped: set[str]) -> bool:
    return any(node_id == d or node_id.startswith(d + ".") for d in dropped)


def _features_of_look(acc: DocAcc, look: Look, st: dict, mixed: str | None) -> None:
    f = acc.features
    f.add("mode:" + look.mode)
    if look.numbering:
        f.add("numbering:" + look.numbering)
        if look.numbering in ("multilevel", "legal", "in_style", "restart"):
            f.add("numbering_restart")
    if look.mode == "custom_styles":
        f.add("custom_outline_on:" + look.custom_outline_on)
    if look.mode != "auto_numbering":
        f.add("sep_roman:" + look.roman_sep)
        f.add("sep_arabic:" + ("1.1." if look.legal_labels else look.arabic_sep))
    f.add("part_form:" + look.part_form)
    f.add("part_title:" + look.part_title)
    if look.center_roman:
        f.add("heading_centered")
    if look.encoding:
        f.add("legacy:" + look.encoding)
    if mixed:
        f.add("legacy_mixed:" + mixed)
    if st["dropped"] or st["heading_dropped"]:
        f.add("missing_section")
    if st["heading_dropped"]:
        f.add("missing_part_heading")
    if "P1.III.2" in st["dropped"]:
        f.add("missing_identical_node")
    if st["extra"]:
        f.add("extra_section")
    if st["subs"]:
        f.add("subheadings")


def _heading(acc: DocAcc, labels: _Labels, node, rng: random.Random, st: dict) -> None:
    level = node.depth
    if node.id in st["heading_dropped"]:
        labels.count[level] += 1
        return
    wording = choose_wording(rng)
    title, used = apply_wording(node.title, node.id, wording, rng)
    acc.features.add("wording:" + used)
    written, rendered, num = labels.next(level, None if level == 0 else node.label)
    if level in (1, 2) and labels.auto is None and labels.count[level] != _int(node.label, level):
        acc.features.add("renumbered")
    acc.section = node.id
    if level == 0:
        _part_heading(acc, labels.look, written, title, node.id, rng)
        return
    inline = level == 2 and node.id in st["inline"] and content.PROSE.get(node.id)
    if inline:
        title = title.rstrip(":") + ":"
    para, quirks = heading_para(level, written, title, labels.look, rng, num)
    acc.features.update(quirks)
    if inline:
        body = content.fill(rng.choice(content.PROSE[node.id]), acc.ctx)
        para = replace(para, runs=para.runs + acc.runs(" " + body))
        acc.features.add("inline_heading_body")
    acc.para(para, "heading", heading=True, node=node.id, level=level, label=rendered)


def _part_heading(acc: DocAcc, look: Look, label: str, title: str, node_id: str, rng: random.Random) -> None:
    upper = look.part_form in ("PHAN_THU", "PHAN_MOT")
    t = title.upper() if upper else title
    if look.part_title == "next_para":
        para, q = heading_para(0, None, label, look, rng)
        acc.para(para, "heading", heading=True, node=node_id, level=0, label=label)
        acc.para(Para(acc.runs(t, bold=True), align="center"), "part_title")
        return
    joiner = {"colon": ": ", "dash": " - ", "br": "\n"}[look.part_title]
    para, q = heading_para(0, None, label + joiner + t, replace(look, p_split=0, p_break=0), rng)
    acc.para(para, "heading", heading=True, node=node_id, level=0, label=label)


def _extra(acc: DocAcc, labels: _Labels, level: int, section: str, rng: random.Random) -> None:
    title, paras = rng.choice(content.EXTRA_SECTIONS)
    written, rendered, num = labels.next(level, None)
    acc.section = section
    para, quirks = heading_para(level, written, title, labels.look, rng, num)
    acc.para(para, "extra_heading", heading=True, node=None, level=level, label=rendered)
    for p in paras:
        acc.body(p)


def _node_body(acc: DocAcc, node_id: str, rng: random.Random, st: dict, legacy: str | None) -> None:
    texts = content.paragraphs_for(node_id, acc.ctx, rng)
    if st["bold_body"] and texts and rng.random() < 0.3:
        acc.para(Para(acc.runs(rng.choice(content.BOLD_BODY), bold=True), indent=True), "body")
        acc.features.add("bold_body")
    for i, text in enumerate(texts):
        if legacy:
            _mixed_body(acc, text, legacy, rng)
        elif i == 0 and rng.random() < 0.12:
            blocks.footnoted_body(acc, text, rng)
        elif st["revisions"] and rng.random() < 0.2:
            blocks.revised_body(acc, text, rng)
        elif st["hyperlink"] and rng.random() < 0.15:
            blocks.hyperlink_body(acc, text, rng)
        else:
            acc.body(text)
    if rng.random() < 0.18:
        acc.body(rng.choice(content.LABEL_LIKE), role="label_like")
        acc.features.add("label_like_body")
    if rng.random() < 0.15:
        for b in rng.sample(content.BULLETS, 2):
            acc.body(b, role="bullet")
        acc.features.add("bullets")
    if node_id == "P1.III.1":
        _indicators(acc, rng)
    if node_id in st["subs"]:
        _subheadings(acc, node_id, rng)
    if node_id == "P1.II.1" and rng.random() < 0.3:
        blocks.merged_table(acc, rng)
    if node_id == "P1.IV.2" and rng.random() < 0.3:
        blocks.nested_table(acc, rng)
    if node_id in ("P1.III.3", "P1.V.1") and rng.random() < 0.15:
        blocks.textbox_para(acc, rng, with_text=rng.random() < 0.6)


def _mixed_body(acc: DocAcc, text: str, legacy: str, rng: random.Random) -> None:
    """A paragraph copied from an old document: legacy-font runs, sometimes beside Unicode runs."""
    cut = text.find(", ") + 2 if ", " in text and rng.random() < 0.5 else 0
    runs = text_runs(text[:cut], None) if cut else ()
    runs += text_runs(text[cut:], legacy)
    acc.para(Para(tuple(r for r in runs if r.text), align="both", indent=True), "body")


def _subheadings(acc: DocAcc, node_id: str, rng: random.Random) -> None:
    """The unit's own sub-headings below the outline's depth: 'a) Về kinh tế', '- Về văn hóa:'."""
    if node_id == "P2.I" and rng.random() < 0.6:
        _arabic_subheadings(acc, rng)
        return
    dash = rng.random() < 0.35
    count = rng.randint(2, 4)
    labels = _Labels(acc.look, True) if not dash else None
    if labels and labels.auto:
        labels = None
    for i, (title, prose) in enumerate(zip(content.SUB_HEADINGS[:count], content.SUB_PROSE)):
        if dash:
            para = Para(acc.runs(f"- {title}:", bold=True, italic=True), indent=True)
            label = "-"
        elif labels is None:
            num, label = acc.labels.auto.place(3)
            para, _ = heading_para(3, None, title, acc.look, rng, num)
        else:
            label = letter(i + 1) + (")" if acc.look.arabic_sep != "." else ".")
            para, _ = heading_para(3, label, title, acc.look, rng)
        acc.para(para, "subheading", heading=True, node=None, level=3, label=label)
        acc.body(prose)


def _arabic_subheadings(acc: DocAcc, rng: random.Random) -> None:
    """Under P2.I (which has no children in the outline) units number their own items "1.", "2."
    exactly like outline headings: headings deeper than the outline, content stays in P2.I."""
    acc.features.add("arabic_subheadings_below_outline")
    labels: _Labels = acc.labels  # type: ignore[assignment]
    for title, prose in zip(content.P2_ITEMS[:rng.randint(2, 4)], content.SUB_PROSE):
        written, rendered, num = labels.next(2, None)
        para, quirks = heading_para(2, written, title, acc.look, rng, num)
        acc.para(para, "subheading", heading=True, node=None, level=3, label=rendered)
        acc.body(prose)


def _indicators(acc: DocAcc, rng: random.Random) -> None:
    nhom = {cid: g for cid, g in _catalog_groups().items()}
    n_other = rng.choice((0, 1, 1, 2, 3))
    reps = indicators.report(rng, nhom, rng.randint(6, 13), n_other)
    if n_other:
        acc.features.add("non_catalog_indicator")
    mode = rng.choices(("table", "prose", "both"), weights=(45, 25, 30))[0]
    if rng.random() < 0.4:
        s = blocks.summary_sentence(rng.choice((24, 27, 30)), rng)
        acc.body(s, role="summary")
        acc.non_indicators.append(s)
        acc.features.add("indicator_summary_sentence")
    if mode == "prose":
        table_part, prose_part = [], reps
    elif mode == "table":
        table_part, prose_part = reps, []
    else:
        k = max(1, len(reps) * 2 // 3)
        table_part, prose_part = reps[:k], reps[k:]
    if table_part:
        blocks.indicator_table(acc, table_part, rng, "P1.III.1")
    for r in prose_part:
        acc.body(blocks.indicator_sentence(acc, r, rng, "P1.III.1"), role="indicator_sentence")
    for ind in acc.indicators:
        acc.features.add("indicator_name:" + ind["name_variant"])


@lru_cache(maxsize=1)
def _catalog_groups() -> dict[str, str]:
    from tonghop.reference import load_catalog
    return {e.id: e.nhom for e in load_catalog().entries}


def _truth(spec: DocSpec, acc: DocAcc, look: Look, present) -> dict:
    headed = {p["node"] for p in acc.paragraphs if p["heading"] and p["node"]}
    return {
        "format": TRUTH_FORMAT, "file": spec.name + ".docx" if spec.name else None, "seed": spec.seed,
        "unit_id": spec.unit_id, "version": spec.version, "expected": "ok", "reject_reason": None,
        "outline": outline().id, "features": sorted(acc.features),
        "look": {k: v for k, v in look.__dict__.items() if not k.startswith("p_")},
        "outline_headings": [n.id for n in outline().nodes if n.id in headed],
        "paragraphs": acc.paragraphs, "tables": acc.tables, "indicators": acc.indicators,
        "non_indicators": acc.non_indicators,
    }

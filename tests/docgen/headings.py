"""How one document writes its headings (its "look"), and the heading paragraphs it produces.

A look fixes, per document: the heading mechanism (built-in styles, custom styles with outline
levels, bold/centred/caps Normal paragraphs, Word automatic numbering), label separators, part
heading form and the legacy encoding. Run-level quirks (split runs, tabs, line breaks, trailing
colons) are drawn per heading.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .docx_writer import Level, Numbering, Para, Run, StyleDef

MODES = ("heading_styles", "custom_styles", "outline_level_para", "bold_normal", "auto_numbering")
NUMBERINGS = ("multilevel", "legal", "restart", "in_style")


@dataclass(frozen=True)
class Look:
    """The heading conventions of one document."""

    mode: str
    numbering: str | None = None          # auto_numbering sub-mode
    custom_outline_on: str = "style"       # custom_styles: outline level on the "style" or the "para"
    parts_styled: bool = False             # parts use the first heading level too
    caps_roman: str = "no"                 # no | text | property (w:caps)
    center_roman: bool = False
    roman_sep: str = "."
    arabic_sep: str = "."
    legal_labels: bool = False             # hand-written "3.1." labels for the arabic level
    part_form: str = "phan_thu"
    part_title: str = "next_para"          # next_para | colon | dash | br
    encoding: str | None = None            # whole-document legacy encoding: tcvn3 | vni
    p_split: float = 0.0
    p_tab: float = 0.0
    p_break: float = 0.0
    p_colon: float = 0.0

    def style_for(self, level: int) -> str | None:
        """The paragraph style id of a heading level (0 part, 1 roman, 2 arabic, 3 unit's own)."""
        if self.mode in ("heading_styles", "auto_numbering") and (self.mode == "heading_styles" or
                                                                 self.numbering == "in_style"):
            k = level + 1 if self.parts_styled else level
            return f"Heading{k}" if 1 <= k <= 3 else None
        if self.mode == "custom_styles":
            return {1: "Tieude1", 2: "Muc2", 3: "Muc3"}.get(level)
        return None


def choose_look(rng: random.Random, legacy: str | None) -> Look:
    """A random but coherent look."""
    mode = rng.choice(MODES)
    numbering = rng.choice(NUMBERINGS) if mode == "auto_numbering" else None
    quirky = rng.random() < 0.6
    return Look(
        mode=mode, numbering=numbering,
        custom_outline_on=rng.choice(("style", "para")),
        parts_styled=mode == "heading_styles" and rng.random() < 0.3,
        caps_roman=rng.choices(("no", "text", "property"), weights=(45, 45, 10))[0],
        center_roman=mode == "bold_normal" and rng.random() < 0.35,
        roman_sep=rng.choices((".", "-", "/"), weights=(70, 15, 15))[0],
        arabic_sep=rng.choices((".", ")", "-"), weights=(70, 20, 10))[0],
        legal_labels=rng.random() < 0.15,
        part_form=rng.choice(("phan_thu", "PHAN_THU", "phan_roman", "PHAN_MOT")),
        part_title=rng.choice(("next_para", "colon", "dash", "br")),
        encoding=legacy,
        p_split=0.4 if quirky else 0.0, p_tab=0.3 if quirky else 0.0,
        p_break=0.15 if quirky else 0.0, p_colon=0.2 if quirky else 0.0,
    )


def styles_for(look: Look) -> tuple[StyleDef, ...]:
    """Extra paragraph styles the look needs (custom names, numbering carried by the styles)."""
    if look.mode == "custom_styles":
        lvl = look.custom_outline_on == "style"
        return (StyleDef("Tieude1", "Tieu de 1", outline_lvl=0 if lvl else None),
                StyleDef("Muc2", "Muc 2", outline_lvl=1 if lvl else None),
                StyleDef("Muc3", "Muc 3", outline_lvl=2 if lvl else None, size=28))
    if look.numbering == "in_style":
        off = 1 if look.parts_styled else 0
        return tuple(StyleDef(f"Heading{k + off}", f"heading {k + off}", outline_lvl=k + off - 1,
                              num=(1, k - 1)) for k in (1, 2))
    return ()


# ---------------------------------------------------------------- automatic numbering


@dataclass
class AutoNumbering:
    """Builds numbering.xml for a look and renders labels exactly as Word counts them."""

    scheme: str
    abstracts: list[tuple[Level, ...]] = field(default_factory=list)
    nums: list[tuple[int, tuple[tuple[int, int], ...]]] = field(default_factory=list)
    counters: dict[int, list[int]] = field(default_factory=dict)
    current: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.scheme == "legal":
            self.abstracts.append((Level("decimal", "%1."), Level("decimal", "%1.%2."),
                                   Level("lowerLetter", "%3)", bold=False)))
        elif self.scheme == "restart":
            self.abstracts.extend([(Level("upperRoman", "%1."),), (Level("decimal", "%1."),),
                                   (Level("lowerLetter", "%1)", bold=False),)])
        else:
            self.abstracts.append((Level("upperRoman", "%1."), Level("decimal", "%2."),
                                   Level("lowerLetter", "%3)", bold=False)))
        self.current["top"] = self._new_num(0, ())

    def _new_num(self, abstract: int, overrides: tuple[tuple[int, int], ...]) -> int:
        self.nums.append((abstract, overrides))
        num_id = len(self.nums)
        levels = self.abstracts[abstract]
        starts = [lv.start for lv in levels]
        for ilvl, s in overrides:
            starts[ilvl] = s
        self.counters[num_id] = [s - 1 for s in starts]
        return num_id

    def restart_top(self) -> None:
        """A new part: the Roman level starts again at I (w:num with lvlOverride/startOverride)."""
        self.current["top"] = self._new_num(0, ((0, 1),))
        self.current.pop("arabic", None)
        self.current.pop("letter", None)

    def place(self, level: int) -> tuple[tuple[int, int], str]:
        """(numId, ilvl) for a heading of this level and the label Word renders for it."""
        if self.scheme == "restart":
            return self._place_separate(level)
        num_id, ilvl = self.current["top"], level - 1
        return (num_id, ilvl), self._advance(num_id, ilvl)

    def _place_separate(self, level: int) -> tuple[tuple[int, int], str]:
        if level == 1:
            self.current.pop("arabic", None)
            self.current.pop("letter", None)
            key, abstract = "top", 0
        elif level == 2:
            self.current.pop("letter", None)
            key, abstract = "arabic", 1
        else:
            key, abstract = "letter", 2
        if key not in self.current:
            self.current[key] = self._new_num(abstract, ((0, 1),))
        num_id = self.current[key]
        return (num_id, 0), self._advance(num_id, 0)

    def _advance(self, num_id: int, ilvl: int) -> str:
        counts = self.counters[num_id]
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            levels = self.abstracts[self.nums[num_id - 1][0]]
            counts[deeper] = levels[deeper].start - 1
        levels = self.abstracts[self.nums[num_id - 1][0]]
        text = levels[ilvl].text
        for i in range(ilvl + 1):
            text = text.replace(f"%{i + 1}", _fmt(levels[i].fmt, max(counts[i], 1)))
        return text

    def numbering(self) -> Numbering:
        """The numbering part for the writer."""
        return Numbering(tuple(self.abstracts), tuple(self.nums))


def _fmt(fmt: str, n: int) -> str:
    from .variations import letter, roman
    return {"upperRoman": roman, "lowerLetter": letter}.get(fmt, str)(n)


# ---------------------------------------------------------------- heading paragraphs


def text_runs(text: str, encoding: str | None, bold: bool = False, italic: bool = False,
              caps: bool = False) -> tuple[Run, ...]:
    """Runs for a text; in a legacy document every letter the font cannot hold goes to the H font
    (capitals with tones) or stays Unicode, as typists mixing fonts do."""
    if encoding is None:
        return (Run(text, bold=bold, italic=italic, caps=caps),)
    from tonghop.parsers.legacy import encode
    base = "vni" if encoding == "vni" else ("tcvn3h" if text.isupper() and encoding.startswith("tcvn3")
                                            else "tcvn3")
    runs: list[tuple[str | None, str]] = []
    for ch in text:
        enc = base
        for candidate in (base, "tcvn3h" if ch.isupper() else None, None):
            if candidate is None:
                enc = None
                break
            try:
                encode(ch, candidate)
                enc = candidate
                break
            except ValueError:
                continue
        if runs and runs[-1][0] == enc:
            runs[-1] = (enc, runs[-1][1] + ch)
        else:
            runs.append((enc, ch))
    return tuple(Run(t, bold=bold, italic=italic, caps=caps, encoding=e) for e, t in runs)


def _break_line(title: str, rng: random.Random) -> str:
    words = title.split(" ")
    if len(words) < 6:
        return title
    k = rng.randrange(3, len(words) - 2)
    return " ".join(words[:k]) + "\n" + " ".join(words[k:])


def heading_para(level: int, label: str | None, title: str, look: Look, rng: random.Random,
                 num: tuple[int, int] | None = None) -> tuple[Para, set[str]]:
    """A heading paragraph and the run-level quirks it used."""
    quirks: set[str] = set()
    caps = look.caps_roman if level in (0, 1) else "no"
    if caps == "text":
        title = title.upper()
        quirks.add("heading_caps")
    if rng.random() < look.p_colon and level >= 2:
        title += ":"
        quirks.add("trailing_colon")
    if rng.random() < look.p_break:
        broken = _break_line(title, rng)
        if broken != title:
            quirks.add("line_break")
        title = broken
    bold = look.mode in ("bold_normal", "outline_level_para") or (look.mode == "auto_numbering"
                                                                 and look.numbering != "in_style")
    italic = level == 3 and rng.random() < 0.5
    runs: list[Run] = []
    if label:
        sep = " "
        if rng.random() < look.p_tab:
            sep = "\t"
            quirks.add("tab_after_label")
        if rng.random() < look.p_split:
            runs.extend(text_runs(label, look.encoding, bold=bold, italic=italic))
            runs.extend(text_runs(sep + title, look.encoding, bold=bold, italic=italic, caps=caps == "property"))
            quirks.add("split_runs")
        else:
            runs.extend(text_runs(label + sep + title, look.encoding, bold=bold, italic=italic,
                                  caps=caps == "property"))
    else:
        if rng.random() < look.p_split and " " in title:
            k = title.index(" ", len(title) // 2) if " " in title[len(title) // 2:] else title.index(" ")
            runs.extend(text_runs(title[:k], look.encoding, bold=bold, italic=italic, caps=caps == "property"))
            runs.extend(text_runs(title[k:], look.encoding, bold=bold, italic=italic, caps=caps == "property"))
            quirks.add("split_runs")
        else:
            runs.extend(text_runs(title, look.encoding, bold=bold, italic=italic, caps=caps == "property"))
    if caps == "property":
        quirks.add("heading_caps_property")
    style = look.style_for(level)
    outline = None
    if look.mode == "outline_level_para" or (look.mode == "custom_styles" and look.custom_outline_on == "para"):
        outline = level - 1 if level >= 1 else 0
    align = "center" if level == 0 or (level == 1 and look.center_roman) else None
    if level == 0 and style is None and look.mode != "outline_level_para":
        runs = [Run(r.text, bold=True, italic=r.italic, caps=r.caps, encoding=r.encoding) for r in runs]
    return Para(tuple(runs), style=style, align=align, num=num, outline_lvl=outline,
                bold=bold), quirks

"""A report as flat ODT: Writer's outline numbering, list styles, custom heading styles, tracked changes,
footnotes, bookmarks, hyperlinks and a landscape section around the indicator table."""
from __future__ import annotations

import random
import re
from xml.sax.saxutils import escape

from tests.foreign.content import Para, Report, Table
from tests.foreign.render import AUTOMATIC, ODF_NS, fodt_styles, fodt_table, odf_text

CHANGE_INFO = '<office:change-info><dc:creator>Văn phòng</dc:creator><dc:date>2023-07-10T08:00:00</dc:date>' \
              '</office:change-info>'


class FodtWriter:
    """Writes the body paragraph by paragraph, keeping list continuation and the heading look."""

    def __init__(self, report: Report, rng: random.Random, explicit_starts: bool) -> None:
        self.r, self.rng, self.mode = report, rng, report.mode
        self.explicit_starts = explicit_starts
        self.romans = 0
        self.part_heading = self.mode == "outline3" or (self.mode == "styles_hand" and rng.random() < 0.5)
        self.lists: dict[str, str] = {}
        self.n_list = 0
        self.bookmarks = 0
        self.tracked = rng.random() < 0.4
        self.changes: list[str] = []
        self.link = rng.random() < 0.5

    def text(self, p: Para) -> str:
        body = odf_text(p.text, self.rng)
        if self.link and p.role == "front" and "Tỉnh ủy" in body and "<text:span" not in body:
            self.link = False
            body = body.replace("Tỉnh ủy", '<text:a xlink:type="simple" xlink:href="https://tinhuy.example/kh152">'
                                           'Tỉnh ủy</text:a>', 1)
        if self.tracked and p.role == "body" and p.look == "body" and not p.footnote and " " in p.text:
            self.tracked = False
            body = self.track(p.text)
        if p.footnote:
            body += ('<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                     f'<text:note-body><text:p>{escape(p.footnote)}</text:p></text:note-body></text:note>')
        return body

    def track(self, text: str) -> str:
        """The last word marked as inserted, and a deleted phrase before it (Word's final view shows neither mark)."""
        head, last = text.rsplit(" ", 1)
        self.changes.append(f'<text:changed-region xml:id="ct1" text:id="ct1"><text:insertion>{CHANGE_INFO}'
                            '</text:insertion></text:changed-region>')
        self.changes.append(f'<text:changed-region xml:id="ct2" text:id="ct2"><text:deletion>{CHANGE_INFO}'
                            '<text:p>cơ bản </text:p></text:deletion></text:changed-region>')
        return (f'{escape(head)} <text:change text:change-id="ct2"/><text:change-start text:change-id="ct1"/>'
                f'{escape(last)}<text:change-end text:change-id="ct1"/>')

    def bookmark(self) -> str:
        self.bookmarks += 1
        return f'<text:bookmark text:name="_Toc{140000 + self.bookmarks}"/>'

    def in_list(self, style: str, key: str, p: Para, para: str) -> str:
        self.n_list += 1
        lid = f"list{self.n_list}"
        cont = f' text:continue-list="{self.lists[key]}"' if p.ordinal > 1 and key in self.lists else ""
        self.lists[key] = lid
        start = f' text:start-value="{p.ordinal}"' if self.explicit_starts or (p.ordinal == 1 and cont == "") else ""
        return f'<text:list xml:id="{lid}" text:style-name="{style}"{cont}><text:list-item{start}>{para}' \
               '</text:list-item></text:list>'

    def heading(self, p: Para, body: str) -> str:
        k = 1 if p.look == "h1" else 2
        self.romans += k == 1
        again = k == 1 and p.ordinal == 1 and self.romans > 1
        restart = ' text:restart-numbering="true" text:start-value="1"' if again else ""
        if self.mode == "outline3":
            return f'<text:h text:style-name="Heading_20_{k + 1}" text:outline-level="{k + 1}">{body}</text:h>'
        if self.mode == "outline":
            return f'<text:h text:style-name="Heading_20_{k}" text:outline-level="{k}"{restart}>' \
                   f'{self.bookmark()}{body}</text:h>'
        if self.mode == "custom_style_list":
            return self.in_list(f"L{k}", p.look, p, f'<text:p text:style-name="C{k}">{body}</text:p>')
        if self.mode == "custom_style":
            return f'<text:h text:style-name="C{k}" text:outline-level="{k}">{body}</text:h>'
        if self.mode == "outline_para":
            return f'<text:h text:style-name="PB" text:outline-level="{k}">{body}</text:h>'
        if self.mode == "auto_list":
            return self.in_list(f"L{k}", p.look, p, f'<text:p text:style-name="PB">{body}</text:p>')
        if self.mode == "styles_hand":
            level = k + 1 if self.part_heading else k
            return f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">' \
                   f'{self.bookmark()}{body}</text:h>'
        label, _, rest = p.text.partition(" ") if "\t" not in p.text else p.text.partition("\t")
        if self.rng.random() < 0.5 and rest:
            body = f'<text:span text:style-name="SB">{escape(label)}</text:span> {escape(rest)}'
        return f'<text:p text:style-name="PB">{body}</text:p>'

    def para(self, p: Para) -> str:
        body = self.text(p)
        if p.look == "part":
            if self.part_heading:
                return f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{body}</text:h>'
            return f'<text:p text:style-name="PCB">{body}</text:p>'
        if p.look in ("h1", "h2"):
            return self.heading(p, body)
        style = {"own": "PBI", "title": "PCB", "center": "PC", "right": "PR"}.get(p.look, "PJ")
        return f'<text:p text:style-name="{style}">{body}</text:p>'

    def toc(self, items: list[Para]) -> str:
        """A table of contents as Writer stores it (title and entries already generated)."""
        body = "".join(f'<text:p text:style-name="Contents_20_1">{odf_text(p.text, self.rng)}</text:p>'
                       for p in items[1:])
        return ('<text:table-of-content text:name="MucLuc"><text:table-of-content-source text:outline-level="2">'
                f'<text:index-title-template>{items[0].text}</text:index-title-template>'
                '</text:table-of-content-source><text:index-body><text:index-title text:name="MucLuc_Head">'
                f'<text:p text:style-name="PCB">{items[0].text}</text:p></text:index-title>{body}'
                '</text:index-body></text:table-of-content>')

    def frame(self, items: list[Para]) -> str:
        """A text frame (Writer's draw:frame, Word's text box) holding the given paragraphs."""
        inner = "".join(f'<text:p text:style-name="PCB">{escape(p.text)}</text:p>' for p in items)
        return ('<draw:frame draw:name="Khung1" text:anchor-type="paragraph" svg:x="9cm" svg:y="0cm" svg:width="7cm" '
                f'draw:z-index="0"><draw:text-box fo:min-height="1cm">{inner}</draw:text-box></draw:frame>')

    def empty(self) -> str:
        """Sometimes an empty paragraph, as clerks leave between blocks."""
        return '<text:p text:style-name="Standard"/>' if self.rng.random() < 0.15 else ""

    def group(self, items: list[Para]) -> str:
        style = "LA" if items[0].look == "item" else "LB"
        inner = "".join(f'<text:list-item><text:p text:style-name="PJ">{self.text(p)}</text:p></text:list-item>'
                        for p in items)
        return f'<text:list text:style-name="{style}">{inner}</text:list>'


def to_fodt(report: Report, seed: int, explicit_starts: bool = False) -> str:
    """The report as a flat ODT document (explicit_starts: every list item says its number, as .doc needs)."""
    rng = random.Random(seed)
    w = FodtWriter(report, rng, explicit_starts)
    names = rng.choice([("Tiêu đề 1", "Tiêu đề 2"), ("Đầu đề 1", "Đầu đề 2"), ("Muc I", "Muc 1")])
    landscape = rng.random() < 0.5
    out, extra, blocks, i, after_landscape = [], "", report.blocks, 0, False
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Table):
            wide = landscape and b.role == "indicators"
            out.append(fodt_table(b, wide, f"Bang{i}"))
            after_landscape = wide
            i += 1
            continue
        if b.look in ("item", "bullet", "toc") and (b.auto or b.look == "toc"):
            j = i
            while j < len(blocks) and isinstance(blocks[j], Para) and blocks[j].look == b.look:
                j += 1
            xml = w.toc(blocks[i:j]) if b.look == "toc" else w.group(blocks[i:j])
            i = j
        else:
            xml = w.para(b)
            i += 1
            j = i
            while j < len(blocks) and isinstance(blocks[j], Para) and blocks[j].look == "frame":
                j += 1
            if j > i:
                xml = xml[: xml.rindex("</text:")] + w.frame(blocks[i:j]) + xml[xml.rindex("</text:"):]
                i = j
        if after_landscape:
            parent = re.search(r'text:style-name="([^"]+)"', xml.split("<text:p", 1)[-1]
                               if xml.startswith("<text:list") else xml).group(1)
            extra = (f'<style:style style:name="XP" style:family="paragraph" style:parent-style-name="{parent}" '
                     'style:master-page-name="Standard"/>')
            xml = xml.replace(f'text:style-name="{parent}"', 'text:style-name="XP"', 1)
            after_landscape = False
        out.append(xml + w.empty())
    tracked = f'<text:tracked-changes>{"".join(w.changes)}</text:tracked-changes>' if w.changes else ""
    features = report.features
    features += ["landscape_section"] if landscape else []
    features += ["tracked_changes"] if w.changes else []
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document {ODF_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
            + fodt_styles(report.mode, names, report.mode == "outline") + AUTOMATIC.replace("{extra}", extra)
            + "<office:body><office:text>" + tracked + "".join(out) + "</office:text></office:body></office:document>")

"""A report as a foreign producer's input: HTML (LibreOffice, AbiWord), flat ODT (Writer) or Markdown (pandoc)."""
from __future__ import annotations

import html
import random
import re
from xml.sax.saxutils import escape

from tests.foreign.content import Cell, Para, Report, Table, expand

HTML_ROMAN = {"h1": "I", "h2": "1", "item": "a"}


def split_runs(text: str, rng: random.Random, wrap) -> str:
    """Text cut at word boundaries into differently tagged pieces, as spell-check and language marks do."""
    words = text.split(" ")
    if len(words) < 4 or rng.random() < 0.6:
        return wrap(None, text)
    cuts = sorted(rng.sample(range(1, len(words)), min(3, len(words) - 1)))
    pieces = [" ".join(words[a:b]) for a, b in zip([0] + cuts, cuts + [len(words)])]
    return "".join(wrap(k % 2, p + (" " if i < len(pieces) - 1 else "")) for i, (k, p) in enumerate(
        zip(range(len(pieces)), pieces)))


# ---------------------------------------------------------------- HTML
def html_text(p: Para, rng: random.Random) -> str:
    def wrap(k, piece):
        return html.escape(piece) if k is None or k == 0 else f'<span lang="en-US">{html.escape(piece)}</span>'
    return split_runs(p.text, rng, wrap).replace("\t", " ").replace("\n", "<br/>")


def html_table(t: Table) -> str:
    border = ' border="0"' if t.borderless else ' border="1" cellspacing="0"'
    rows = "".join("<tr>" + "".join(
        f'<td colspan="{c.colspan}" rowspan="{c.rowspan}">{html.escape(c.text)}</td>' for c in row) + "</tr>"
        for row in t.rows)
    return f"<table{border} width=\"100%\">{rows}</table>"


def html_para(p: Para, mode: str, rng: random.Random) -> str:
    text = html_text(p, rng)
    if p.look == "part":
        return f'<h1 align="center">{text}</h1>' if mode == "styles_hand" else f'<p align="center"><b>{text}</b></p>'
    if p.look in ("h1", "h2"):
        if p.auto:
            return f'<ol type="{HTML_ROMAN[p.look]}" start="{p.ordinal}"><li value="{p.ordinal}"><p><b>{text}</b></p>' \
                   '</li></ol>'
        if mode == "styles_hand":
            tag = "h2" if p.look == "h1" else "h3"
            return f'<{tag}><a name="muc{rng.randint(1, 10**6)}"></a>{text}</{tag}>'
        return f'<p align="justify"><b>{text}</b></p>'
    if p.look == "own":
        return f"<p><b><i>{text}</i></b></p>"
    if p.look in ("title", "center"):
        return f'<p align="center">{"<b>" + text + "</b>" if p.look == "title" else text}</p>'
    if p.look == "right":
        return f'<p align="right"><i>{text}</i></p>'
    return f'<p align="justify" style="text-indent: 1cm">{text}</p>'


def to_html(report: Report, seed: int) -> str:
    """The report as an HTML page a clerk could have saved from a browser or a web editor."""
    rng = random.Random(seed)
    out, blocks, i = [], report.blocks, 0
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Table):
            out.append(html_table(b))
        elif b.look in ("item", "bullet") and b.auto:
            j = i
            while j < len(blocks) and isinstance(blocks[j], Para) and blocks[j].look == b.look:
                j += 1
            items = "".join(f"<li>{html_text(p, rng)}</li>" for p in blocks[i:j])
            out.append(f'<ol type="a">{items}</ol>' if b.look == "item" else f"<ul>{items}</ul>")
            i = j
            continue
        else:
            out.append(html_para(b, report.mode, rng))
        i += 1
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo cáo</title></head>'
            '<body style="font-family: \'Times New Roman\'; font-size: 14pt">' + "\n".join(out) + "</body></html>")


# ---------------------------------------------------------------- Markdown (pandoc)
def md_escape(text: str) -> str:
    """Every ASCII punctuation escaped (no accidental list, emphasis or smart quote); a line break kept as one."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text).replace("\t", " ").replace("\n", "\\\n")


def md_table(t: Table) -> str:
    rows = expand(t)
    lines = ["| " + " | ".join(md_escape(c) or " " for c in rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(md_escape(c) or " " for c in r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def md_para(p: Para, mode: str, styles: tuple[str, str]) -> str:
    text = md_escape(p.text)
    if p.footnote:
        text += "^[" + md_escape(p.footnote) + "]"
    if p.look == "part":
        return f"# {text}" if mode == "styles_hand" else f"**{text}**"
    if p.look in ("h1", "h2"):
        if p.auto:
            mark = f"{p.label}  " if p.look == "h1" else f"{p.label} "
            return f"{mark}**{text}**"
        if mode == "styles_hand":
            return ("## " if p.look == "h1" else "### ") + text.replace("\\\n", " ")
        if mode == "custom_style":
            style = styles[0] if p.look == "h1" else styles[1]
            return f'::: {{custom-style="{style}"}}\n{text}\n:::'
        return f"**{text}**"
    if p.look == "own":
        return f"***{text}***"
    if p.look == "title":
        return f"**{text}**"
    return text


def to_markdown(report: Report, seed: int) -> str:
    """The report as pandoc Markdown (fancy lists carry the automatic labels)."""
    rng = random.Random(seed)
    styles = rng.choice([("Tiêu đề 1", "Tiêu đề 2"), ("Muc I", "Muc 1"), ("Đầu đề 1", "Đầu đề 2")])
    out, blocks, i = [], report.blocks, 0
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Para) and b.look == "toc":
            i += 1  # pandoc writes its own table of contents (--toc)
            continue
        if isinstance(b, Table):
            out.append(md_table(b))
        elif b.look in ("item", "bullet") and b.auto:
            j = i
            while j < len(blocks) and isinstance(blocks[j], Para) and blocks[j].look == b.look:
                j += 1
            out.append("\n".join((f"{p.label} " if p.look == "item" else "- ") + md_escape(p.text)
                                 for p in blocks[i:j]))
            i = j
            continue
        else:
            out.append(md_para(b, report.mode, styles))
        i += 1
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------- flat ODT (Writer)
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def list_level(level: int, fmt: str, suffix: str, bullet: bool = False) -> str:
    props = ('<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
             '<style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" '
             'fo:margin-left="0cm"/></style:list-level-properties>')
    if bullet:
        return f'<text:list-level-style-bullet text:level="{level}" text:bullet-char="{fmt}">{props}' \
               '</text:list-level-style-bullet>'
    return f'<text:list-level-style-number text:level="{level}" style:num-format="{fmt}" ' \
           f'style:num-suffix="{suffix}">{props}</text:list-level-style-number>'


def fodt_styles(mode: str, names: tuple[str, str], outline: bool) -> str:
    num = 'style:list-style-name="{}" ' if mode == "custom_style_list" else ""
    if mode == "outline3":  # parts unnumbered at level 1, Roman at 2 and Arabic at 3, each showing one level
        levels = ['<text:outline-level-style text:level="1" style:num-format=""/>',
                  list_level(2, "I", "."), list_level(3, "1", ".")]
    elif outline:
        levels = [list_level(1, "I", "."), list_level(2, "1", ".")]
    else:
        levels = [f'<text:outline-level-style text:level="{k}" style:num-format=""/>' for k in (1, 2, 3)]
    levels = [x.replace("list-level-style-number", "outline-level-style") for x in levels]
    bold = '<style:text-properties fo:font-weight="bold" fo:font-size="14pt"/>'
    custom = "".join(
        f'<style:style style:name="C{k}" style:display-name="{n}" style:family="paragraph" '
        f'style:parent-style-name="Standard" style:default-outline-level="{k}" {num.format(f"L{k}")}>'
        f'{bold}</style:style>' for k, n in ((1, names[0]), (2, names[1])))
    heads = "".join(
        f'<style:style style:name="Heading_20_{k}" style:display-name="Heading {k}" style:family="paragraph" '
        f'style:parent-style-name="Standard" style:default-outline-level="{k}">{bold}</style:style>' for k in (1, 2, 3))
    return (
        '<office:styles><style:style style:name="Standard" style:family="paragraph">'
        '<style:text-properties style:font-name="Times New Roman" fo:font-size="14pt"/></style:style>'
        + heads + custom
        + f'<text:outline-style style:name="Outline">{"".join(levels)}</text:outline-style>'
        + f'<text:list-style style:name="L1">{list_level(1, "I", ".")}</text:list-style>'
        + f'<text:list-style style:name="L2">{list_level(1, "1", ".")}</text:list-style>'
        + f'<text:list-style style:name="LA">{list_level(1, "a", ")")}</text:list-style>'
        + f'<text:list-style style:name="LB">{list_level(1, "-", "", bullet=True)}</text:list-style>'
        + "</office:styles>")


AUTOMATIC = (
    '<office:automatic-styles>'
    '<style:style style:name="PB" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="justify"/><style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="PC" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="center"/></style:style>'
    '<style:style style:name="PCB" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="PR" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-style="italic"/></style:style>'
    '<style:style style:name="PJ" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm"/></style:style>'
    '<style:style style:name="PBI" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>'
    '<style:style style:name="PP" style:family="paragraph" style:parent-style-name="Standard" '
    'style:master-page-name="Standard"/>'
    '<style:style style:name="TL" style:family="table" style:master-page-name="Land">'
    '<style:table-properties style:width="25cm"/></style:style>'
    '<style:style style:name="S1" style:family="text"><style:text-properties fo:language="en" fo:country="US"/>'
    '</style:style><style:style style:name="SB" style:family="text"><style:text-properties fo:font-weight="bold"/>'
    '</style:style>{extra}'
    '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
    'fo:margin-left="3cm" fo:margin-right="2cm"/></style:page-layout>'
    '<style:page-layout style:name="pm2"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" '
    'style:print-orientation="landscape"/></style:page-layout></office:automatic-styles>'
    '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer>'
    '<text:p text:style-name="PC"><text:page-number text:select-page="current">1</text:page-number></text:p>'
    '</style:footer></style:master-page><style:master-page style:name="Land" style:page-layout-name="pm2"/>'
    '</office:master-styles>')


def odf_text(text: str, rng: random.Random) -> str:
    def wrap(k, piece):
        e = escape(piece).replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>")
        return e if k is None or k == 0 else f'<text:span text:style-name="S1">{e}</text:span>'
    return split_runs(text, rng, wrap)


def fodt_table(t: Table, landscape: bool, name: str) -> str:
    width = len(expand(t)[0])
    covered: set[tuple[int, int]] = set()
    rows = []
    for r, row in enumerate(t.rows):
        cells, c, it = [], 0, iter(row)
        while c < width:
            if (r, c) in covered:
                cells.append("<table:covered-table-cell/>")
                c += 1
                continue
            cell = next(it, Cell(""))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
            cells.append(f'<table:table-cell table:number-columns-spanned="{cell.colspan}" '
                         f'table:number-rows-spanned="{cell.rowspan}" office:value-type="string">'
                         f'<text:p>{escape(cell.text)}</text:p></table:table-cell>')
            c += 1
        rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    style = ' table:style-name="TL"' if landscape else ""
    return (f'<table:table table:name="{name}"{style}>'
            f'<table:table-column table:number-columns-repeated="{width}"/>' + "".join(rows) + "</table:table>")

"""Low-level OOXML writer: paragraphs, runs, tables, numbering, footnotes, text boxes → .docx bytes.

Only what the generator needs, written as Word writes it, so every feature is under control.
Runs may carry a legacy encoding ("tcvn3", "tcvn3h", "vni"): the text is then stored encoded,
with the matching legacy font.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

LEGACY_FONTS = {"tcvn3": ".VnTime", "tcvn3h": ".VnTimeH", "vni": "VNI-Times"}

NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'mc:Ignorable="w14 wp14"'
)


@dataclass(frozen=True)
class Run:
    """A run of text; "\\t" and "\\n" become w:tab and w:br.
    kind: text | ins (tracked insertion) | del (tracked deletion) | hyperlink | footnote | textbox."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    caps: bool = False
    encoding: str | None = None          # legacy encoding of the stored text
    kind: str = "text"
    content: tuple = ()                  # footnote / text-box paragraphs (Para)


@dataclass(frozen=True)
class Para:
    """A paragraph: runs plus paragraph properties."""

    runs: tuple[Run, ...] = ()
    style: str | None = None             # style id
    align: str | None = None             # "center" | "both" | "right"
    num: tuple[int, int] | None = None   # (numId, ilvl)
    outline_lvl: int | None = None
    bold: bool = False                   # paragraph-mark bold (as Word writes it)
    indent: bool = False                 # first-line indent of body text


@dataclass(frozen=True)
class Cell:
    """A table cell: paragraphs and nested tables; span = gridSpan; vmerge restart|continue."""

    content: tuple = ()
    span: int = 1
    vmerge: str | None = None


@dataclass(frozen=True)
class Table:
    """A table; widths in twentieths of a point, one per grid column."""

    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]
    borders: bool = True


@dataclass(frozen=True)
class Sdt:
    """A block-level content control (w:sdt) around paragraphs, as templates leave them."""

    content: tuple[Para, ...]
    alias: str = "Nội dung"


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition."""

    fmt: str                             # upperRoman | decimal | lowerLetter | bullet
    text: str                            # lvlText, e.g. "%1." or "%1.%2."
    start: int = 1
    bold: bool = True


@dataclass(frozen=True)
class Numbering:
    """Abstract numbering definitions and the w:num instances that use them."""

    abstracts: tuple[tuple[Level, ...], ...] = ()
    nums: tuple[tuple[int, tuple[tuple[int, int], ...]], ...] = ()   # (abstract, ((ilvl, startOverride),))


@dataclass(frozen=True)
class StyleDef:
    """A paragraph style added to the default set."""

    id: str
    name: str
    outline_lvl: int | None = None
    bold: bool = True
    align: str | None = None
    size: int = 28
    num: tuple[int, int] | None = None


@dataclass
class _Notes:
    items: list[tuple[int, str]] = field(default_factory=list)
    shapes: int = 0
    revisions: int = 0


def _encode(text: str, encoding: str | None) -> str:
    if encoding is None:
        return text
    from tonghop.parsers.legacy import encode
    return encode(text, encoding)


def _run_props(r: Run) -> str:
    props = []
    if r.encoding:
        f = LEGACY_FONTS[r.encoding]
        props.append(f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/>')
    if r.bold:
        props.append("<w:b/><w:bCs/>")
    if r.italic:
        props.append("<w:i/><w:iCs/>")
    if r.caps:
        props.append("<w:caps/>")
    return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""


def _text_xml(text: str) -> str:
    out = []
    buf = ""
    for ch in text:
        if ch in "\t\n":
            if buf:
                out.append(f'<w:t xml:space="preserve">{escape(buf)}</w:t>')
                buf = ""
            out.append("<w:tab/>" if ch == "\t" else "<w:br/>")
        else:
            buf += ch
    if buf:
        out.append(f'<w:t xml:space="preserve">{escape(buf)}</w:t>')
    return "".join(out)


def _run_xml(r: Run, notes: _Notes) -> str:
    if r.kind == "footnote":
        fid = len(notes.items) + 1
        body = "".join(_para_xml(p, notes, footnote_id=fid if i == 0 else None) for i, p in enumerate(r.content))
        notes.items.append((fid, body))
        return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{fid}"/></w:r>')
    if r.kind == "textbox":
        return _textbox_xml(r, notes)
    plain = f"<w:r>{_run_props(r)}{_text_xml(_encode(r.text, r.encoding))}</w:r>"
    if r.kind == "ins":
        return f'<w:ins w:id="{_rev(notes)}" w:author="Văn phòng" w:date="2023-07-19T10:00:00Z">{plain}</w:ins>'
    if r.kind == "del":
        deleted = escape(_encode(r.text, r.encoding))
        return (f'<w:del w:id="{_rev(notes)}" w:author="Văn phòng" w:date="2023-07-19T10:00:00Z"><w:r>'
                f'{_run_props(r)}<w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>')
    if r.kind == "hyperlink":
        return f'<w:hyperlink w:anchor="_Toc{_rev(notes)}" w:history="1">{plain}</w:hyperlink>'
    return plain


def _rev(notes: _Notes) -> int:
    notes.revisions += 1
    return notes.revisions


def _textbox_xml(r: Run, notes: _Notes) -> str:
    notes.shapes += 1
    n = notes.shapes
    inner = "".join(_para_xml(p, notes) for p in r.content)
    cx, cy = 5400000, 300000 * max(1, len(r.content)) + 200000
    choice = (
        f'<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="45720" distB="45720" distL="114300" '
        f'distR="114300" simplePos="0" relativeHeight="{251659264 + n}" behindDoc="0" locked="0" '
        f'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill>'
        f'<a:prstClr val="black"/></a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>{inner}'
        f'</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" '
        f'rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>')
    fallback = (
        f'<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        f'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
        f'o:connecttype="rect"/></v:shapetype><v:shape id="Text Box {n}" o:spid="_x0000_s{1025 + n}" '
        f'type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:425.2pt;'
        f'height:{cy / 12700:.1f}pt;z-index:{n}" strokeweight=".5pt"><v:textbox><w:txbxContent>{inner}'
        f'</w:txbxContent></v:textbox><w10:wrap type="topAndBottom"/></v:shape></w:pict></mc:Fallback>')
    return f"<w:r><mc:AlternateContent>{choice}{fallback}</mc:AlternateContent></w:r>"


def _para_props(p: Para, footnote: bool = False) -> str:
    props = []
    style = "FootnoteText" if footnote else p.style
    if style:
        props.append(f'<w:pStyle w:val="{style}"/>')
    if p.num:
        props.append(f'<w:numPr><w:ilvl w:val="{p.num[1]}"/><w:numId w:val="{p.num[0]}"/></w:numPr>')
    if p.indent:
        props.append('<w:ind w:firstLine="567"/>')
    if p.align:
        props.append(f'<w:jc w:val="{p.align}"/>')
    if p.outline_lvl is not None:
        props.append(f'<w:outlineLvl w:val="{p.outline_lvl}"/>')
    if p.bold:
        props.append("<w:rPr><w:b/></w:rPr>")
    return f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""


def _para_xml(p: Para, notes: _Notes, footnote_id: int | None = None) -> str:
    head = ""
    if footnote_id is not None:
        head = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'  # noqa: E501
    runs = "".join(_run_xml(r, notes) for r in p.runs)
    return f"<w:p>{_para_props(p, footnote=footnote_id is not None)}{head}{runs}</w:p>"


def _cell_xml(c: Cell, width: int, notes: _Notes) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if c.span > 1:
        props.append(f'<w:gridSpan w:val="{c.span}"/>')
    if c.vmerge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif c.vmerge == "continue":
        props.append("<w:vMerge/>")
    body = "".join(_block_xml(b, notes) for b in c.content)
    if not c.content or isinstance(c.content[-1], Table):
        body += "<w:p/>"
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{body}</w:tc>"


def _table_xml(t: Table, notes: _Notes) -> str:
    if t.borders:
        b = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    else:
        b = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in t.widths)
    rows = []
    for row in t.rows:
        cells, col = [], 0
        for c in row:
            cells.append(_cell_xml(c, sum(t.widths[col:col + c.span]), notes))
            col += c.span
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(t.widths)}" w:type="dxa"/><w:tblBorders>{b}</w:tblBorders>'
            f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def _block_xml(b, notes: _Notes) -> str:
    if isinstance(b, Sdt):
        inner = "".join(_para_xml(p, notes) for p in b.content)
        return (f'<w:sdt><w:sdtPr><w:alias w:val="{escape(b.alias)}"/><w:id w:val="{100 + notes.shapes}"/>'
                f'</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>')
    return _table_xml(b, notes) if isinstance(b, Table) else _para_xml(b, notes)


# ---------------------------------------------------------------- package parts

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/footnotes.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '</Types>')

_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'extended-properties" Target="docProps/app.xml"/>'
    '</Relationships>')

_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              f'relationships/{t}" Target="{t}.xml"/>'
              for i, t in enumerate(("styles", "settings", "numbering", "footnotes"), start=1))
    + '</Relationships>')

_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>')


def _core(title: str, author: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2023-07-20T08:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2023-07-20T08:00:00Z</dcterms:modified>'
            '</cp:coreProperties>')


_APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        '<Application>Microsoft Office Word</Application></Properties>')


def _style_xml(s: StyleDef) -> str:
    ppr = ['<w:keepNext/>']
    if s.num:
        ppr.append(f'<w:numPr><w:ilvl w:val="{s.num[1]}"/><w:numId w:val="{s.num[0]}"/></w:numPr>')
    ppr.append('<w:spacing w:before="120" w:after="60"/>')
    if s.align:
        ppr.append(f'<w:jc w:val="{s.align}"/>')
    if s.outline_lvl is not None:
        ppr.append(f'<w:outlineLvl w:val="{s.outline_lvl}"/>')
    rpr = ("<w:b/><w:bCs/>" if s.bold else "") + f'<w:sz w:val="{s.size}"/><w:szCs w:val="{s.size}"/>'
    return (f'<w:style w:type="paragraph" w:customStyle="{0 if s.id.startswith("Heading") else 1}" '
            f'w:styleId="{s.id}"><w:name w:val="{s.name}"/><w:basedOn w:val="Normal"/>'
            f'<w:next w:val="Normal"/><w:qFormat/><w:pPr>{"".join(ppr)}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


def styles_xml(extra: tuple[StyleDef, ...]) -> str:
    """styles.xml: Normal, headings 1-3 unless overridden, footnote styles, plus the extra styles."""
    overridden = {s.id for s in extra}
    base = tuple(StyleDef(f"Heading{i}", f"heading {i}", outline_lvl=i - 1, size=28)
                 for i in (1, 2, 3) if f"Heading{i}" not in overridden)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
            'w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/>'
            '<w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
            '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
            '</w:style>'
            '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            + "".join(_style_xml(s) for s in base + extra)
            + '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
            '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>'
            '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
            '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>'
            '</w:styles>')


def numbering_xml(n: Numbering) -> str:
    """numbering.xml from abstract definitions and num instances (with startOverride)."""
    parts = []
    for a, levels in enumerate(n.abstracts):
        lv = []
        for i, level in enumerate(levels):
            rpr = "<w:rPr><w:b/></w:rPr>" if level.bold else ""
            lv.append(f'<w:lvl w:ilvl="{i}"><w:start w:val="{level.start}"/><w:numFmt w:val="{level.fmt}"/>'
                      f'<w:lvlText w:val="{escape(level.text)}"/><w:lvlJc w:val="left"/>'
                      f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>{rpr}</w:lvl>')
        parts.append(f'<w:abstractNum w:abstractNumId="{a}"><w:multiLevelType w:val="'
                     f'{"multilevel" if len(levels) > 1 else "singleLevel"}"/>{"".join(lv)}</w:abstractNum>')
    for i, (a, overrides) in enumerate(n.nums, start=1):
        ov = "".join(f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                     for lvl, s in overrides)
        parts.append(f'<w:num w:numId="{i}"><w:abstractNumId w:val="{a}"/>{ov}</w:num>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            + "".join(parts) + '</w:numbering>')


def _footnotes_xml(notes: _Notes) -> str:
    sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           '</w:p></w:footnote>')
    body = "".join(f'<w:footnote w:id="{fid}">{xml}</w:footnote>' for fid, xml in notes.items)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes {NS}>{sep}{body}</w:footnotes>')


def document_xml(blocks: tuple) -> tuple[str, _Notes]:
    """document.xml for the body blocks, and the footnotes they referenced."""
    notes = _Notes()
    body = "".join(_block_xml(b, notes) for b in blocks)
    sect = ('<w:sectPr><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
            'w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>{body}{sect}'
            f'</w:body></w:document>', notes)


def write_docx(blocks: tuple, styles: tuple[StyleDef, ...] = (), numbering: Numbering = Numbering(),
               title: str = "Báo cáo", author: str = "Văn phòng") -> bytes:
    """The .docx bytes: a deterministic zip (fixed timestamps, fixed order)."""
    doc, notes = document_xml(blocks)
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS),
        ("docProps/core.xml", _core(title, author)), ("docProps/app.xml", _APP),
        ("word/document.xml", doc), ("word/_rels/document.xml.rels", _DOC_RELS),
        ("word/styles.xml", styles_xml(styles)), ("word/settings.xml", _SETTINGS),
        ("word/numbering.xml", numbering_xml(numbering)), ("word/footnotes.xml", _footnotes_xml(notes)),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=(2023, 7, 20, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xml.encode("utf-8"))
    return buf.getvalue()

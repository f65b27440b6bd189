"""Raw WordprocessingML the high-level python-docx API does not write: numbering, text boxes,
footnotes, tracked changes, table-of-contents fields, page breaks, a tiny PNG."""
from __future__ import annotations

import struct
import zlib
from itertools import count

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

_EXTRA_NS = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "w10": "urn:schemas-microsoft-com:office:word",
    "o": "urn:schemas-microsoft-com:office:office",
}
_ids = count(900)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run_xml(text: str, bold: bool = False, tag: str = "t") -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r {nsdecls("w")}>{rpr}<w:{tag} xml:space="preserve">{_esc(text)}</w:{tag}></w:r>'


# ---------------------------------------------------------------- numbering


def add_list(doc, levels: list[tuple[str, str, str | None, int]]) -> int:
    """Define a list (abstractNum + num); levels are (numFmt, lvlText, pStyle id or None, start). Returns numId."""
    numbering = doc.part.numbering_part.element
    nums = numbering.findall(qn("w:num"))
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    aid = max(abstract_ids, default=0) + 1
    num_id = max((int(n.get(qn("w:numId"))) for n in nums), default=0) + 1
    lvls = []
    for ilvl, (fmt, text, pstyle, start) in enumerate(levels):
        ps = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
        lvls.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{ps}'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>')
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                         f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return num_id


def set_num(paragraph, num_id: int, ilvl: int) -> None:
    """Put a paragraph on a list level (direct numbering, as Word writes it)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(1 if ppr.find(qn("w:pStyle")) is not None else 0,
               parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def style_numbering(style, num_id: int, ilvl: int) -> None:
    """Numbering carried by a paragraph style (how LibreOffice saves outline numbering)."""
    ppr = style.element.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


# ---------------------------------------------------------------- text box, footnote, tracked changes


def add_textbox(paragraph, texts: list[str], bold: bool = True) -> None:
    """Anchor a floating text box holding `texts` to a paragraph (mc:Choice wps + VML fallback)."""
    inner = "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run_xml(t, bold)}</w:p>' for t in texts)
    n = next(_ids)
    _extra = " ".join(f'xmlns:{k}="{v}"' for k, v in _EXTRA_NS.items())
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} {_extra}><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" '
        f'simplePos="0" relativeHeight="{n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="5400000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="500000"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        f'path="m,l,21600r21600,l21600,xe"/><v:shape id="tb{n}" type="#_x0000_t202" '
        f'style="position:absolute;width:425pt;height:39pt"><v:textbox><w:txbxContent>{inner}</w:txbxContent>'
        f'</v:textbox><w10:wrap type="topAndBottom"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )
    paragraph._p.append(parse_xml(xml))


_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def add_footnote(doc, paragraph, text: str) -> None:
    """Append a footnote reference to a paragraph and the note to word/footnotes.xml (created if needed)."""
    part = next((p for p in doc.part.package.iter_parts() if p.partname == "/word/footnotes.xml"), None)
    if part is None:
        blob = (f'<w:footnotes {nsdecls("w")}>'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                '</w:p></w:footnote></w:footnotes>').encode()
        part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, blob, doc.part.package)
        doc.part.relate_to(part, RT.FOOTNOTES)
    root = parse_xml(part.blob)
    fid = len(root.findall(qn("w:footnote"))) - 1
    root.append(parse_xml(
        f'<w:footnote {nsdecls("w")} w:id="{fid}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r>{_run_xml(" " + text)}</w:p></w:footnote>'))
    from lxml import etree
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{fid}"/></w:r>'))


def add_tracked(paragraph, kind: str, text: str, bold: bool = False) -> None:
    """Append a tracked insertion ('ins') or deletion ('del') by a reviewer."""
    n = next(_ids)
    tag = "delText" if kind == "del" else "t"
    paragraph._p.append(parse_xml(
        f'<w:{kind} {nsdecls("w")} w:id="{n}" w:author="Văn phòng" w:date="2023-07-18T09:15:00Z">'
        f'{_run_xml(text, bold, tag)}</w:{kind}>'))


def delete_paragraph_mark(paragraph) -> None:
    """Mark a paragraph's mark as deleted (its text is also wrapped in w:del by the caller)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f'<w:rPr {nsdecls("w")}/>')
        ppr.append(rpr)
    rpr.append(parse_xml(f'<w:del {nsdecls("w")} w:id="{next(_ids)}" w:author="Văn phòng" '
                         f'w:date="2023-07-18T09:15:00Z"/>'))


# ---------------------------------------------------------------- fields, breaks


def field_begin(paragraph, instr: str) -> None:
    """Open a complex field (fldChar begin, instrText, separate) in a paragraph."""
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {_esc(instr)} '
                                  f'</w:instrText></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))


def field_end(paragraph) -> None:
    """Close the field opened by field_begin."""
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))


def toc_entry(paragraph, text: str, page: int, anchor: str) -> None:
    """A cached TOC line: hyperlink to a bookmark, the title, a tab and the page number."""
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w")} w:anchor="{anchor}" w:history="1">{_run_xml(text)}'
        f'<w:r><w:tab/></w:r><w:r><w:t>{page}</w:t></w:r></w:hyperlink>'))


def bookmark(paragraph, name: str) -> None:
    """Wrap a paragraph's content in a bookmark (TOC targets)."""
    n = next(_ids)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0,
                        parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{n}" w:name="{name}"/>'))
    paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{n}"/>'))


def add_tab_run(paragraph) -> None:
    """A w:tab run (label and text separated by a tab)."""
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:tab/></w:r>'))


def add_line_break(paragraph) -> None:
    """A soft line break (Shift+Enter) inside a paragraph."""
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:br/></w:r>'))


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A valid RGB PNG of a flat colour."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xc8\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

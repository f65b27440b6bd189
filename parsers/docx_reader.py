"""Zip + XML → blocks: the body's paragraphs and tables in order, with what heading detection needs.

Reads word/document.xml with lxml directly (python-docx's object layer is too slow for a nightly
batch and hides numbering, text boxes and legacy fonts). Legacy-encoded runs are decoded by font.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from typing import NamedTuple

from lxml import etree  # pyright: ignore[reportAttributeAccessIssue] - lxml ships no type stubs

from tonghop.model import FileWarning, Table
from tonghop.parsers.legacy import decode, is_unicode_vietnamese, legacy_encoding, looks_legacy
from tonghop.parsers.normalize import clean
from tonghop.parsers.numbering import Counter, read_numbering

__all__ = ["Block", "clean_lines", "container_warnings", "DocxError", "foreign_format_error", "foreign_format_reason",
           "MAX_XML_BYTES", "MC", "ole_kind", "page_header_lines", "read_docx", "read_limited", "StyleInfo", "W"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
_MC = f"{{{MC}}}"
MAX_XML_BYTES = 200 * 1024 * 1024
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
_W_RFONTS, _W_B, _W_CAPS, _W_RSTYLE = _W + "rFonts", _W + "b", _W + "caps", _W + "rStyle"
_W_PPR, _W_PSTYLE, _W_OUTLINE, _W_NUMPR = _W + "pPr", _W + "pStyle", _W + "outlineLvl", _W + "numPr"
_W_NUMID, _W_ILVL, _W_JC, _W_VAL = _W + "numId", _W + "ilvl", _W + "jc", _W + "val"
_LETTER = re.compile(r"[^\W\d_]")
# what makes a paragraph's w:t elements differ from its text: legacy font names, alternate content, moves
_LEGACY_FONT_NAME = re.compile(rb'="(?:\.[Vv][Nn]|[Vv][Nn][Ii][-_ ])')
_COMPLEX_MARKUP = (b"AlternateContent", b"moveFrom", b"w:sym", b"softHyphen")


def _complex_text(xml: bytes) -> bool:
    """Whether a part holds legacy font names or markup whose text is not just its w:t elements."""
    return any(marker in xml for marker in _COMPLEX_MARKUP) or _LEGACY_FONT_NAME.search(xml) is not None
_HEADING_NAME = re.compile(r"^(?:heading|tiêu đề|tieu de|tieude|muc|mục|title)\s*(\d)$", re.I)


class DocxError(ValueError):
    """A file that is not a readable .docx; the message is one bilingual line."""


@dataclass(frozen=True)
class StyleInfo:
    """A paragraph or character style with its inheritance resolved."""

    name: str = ""
    outline_level: int | None = None
    num_id: str | None = None
    num_level: int = 0
    bold: bool | None = None
    caps: bool | None = None
    font: str | None = None
    centered: bool | None = None


class Block(NamedTuple):
    """One body paragraph or table as read, before any interpretation (immutable; a tuple
    because documents have thousands and a frozen dataclass costs several times more to build)."""

    kind: str                       # "p" | "table"
    index: int                      # ordinal of the top-level body element
    text: str = ""                  # cleaned Unicode text (numbering label not included)
    raw: str = ""                   # text as stored (before legacy decoding), when it differs
    style: str = ""
    outline_level: int | None = None    # 0-based, from the paragraph or its style
    style_level: int | None = None      # N of a "Heading N"-like style name
    num_label: str | None = None        # automatic numbering as Word renders it, e.g. "III."
    num_format: str | None = None
    num_level: int | None = None
    bold: bool = False                  # every letter is bold
    caps: bool = False                  # rendered all capitals (w:caps)
    lead_bold: bool = False             # the first words are bold (a run-in heading)
    centered: bool = False
    origin: str = "body"                # "body" | "textbox" | "footnote"
    table: Table | None = None


@dataclass
class _Context:
    """What one read of one document carries along: styles, numbering counters, footnotes."""

    styles: dict[str, StyleInfo]
    default_font: str | None
    counter: Counter
    footnotes: dict[str, list[str]]
    encodings_seen: set[str] = field(default_factory=set)
    has_text_boxes: bool = True
    plain_text: bool = False            # no legacy fonts, alternate content, footnotes or moves: w:t is all
    default_style: str = "Normal"       # id of the default paragraph style (localised in some documents)
    _fonts: dict[str | None, str | None] = field(default_factory=dict)

    _levels: dict[str, int | None] = field(default_factory=dict)

    def heading_level(self, style_name: str | None) -> int | None:
        """N of a "Heading N"-like style name, or None (memoised per style)."""
        name = style_name or ""
        if name not in self._levels:
            m = _HEADING_NAME.match(name.strip())
            self._levels[name] = int(m.group(1)) if m else None
        return self._levels[name]

    def encoding_of(self, font: str | None) -> str | None:
        """The legacy encoding a font name implies (memoised: a document uses few fonts)."""
        if font not in self._fonts:
            self._fonts[font] = legacy_encoding(font)
        return self._fonts[font]


def read_docx(data: bytes) -> tuple[list[Block], list[FileWarning]]:
    """Blocks of the document body in order, and reading warnings."""
    foreign = foreign_format_error(data)
    if foreign is not None:
        raise foreign
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocxError("Tệp không phải .docx (không phải tệp zip) / not a .docx file (not a zip archive)") from exc
    except (NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise DocxError(f"Tệp zip hỏng hoặc không hỗ trợ ({_reason(exc)}) / corrupt or unsupported zip archive") from exc
    with zf:
        names = set(zf.namelist())
        package_warnings = container_warnings(zf, names)
        if "word/document.xml" not in names:
            raise DocxError("Tệp .docx thiếu word/document.xml / .docx without word/document.xml")
        document_xml = _read_part(zf, "word/document.xml")
        try:
            document = etree.fromstring(document_xml, parser=_XML_PARSER)
        except etree.XMLSyntaxError as exc:
            raise DocxError("XML hỏng trong word/document.xml / malformed XML in word/document.xml") from exc
        styles_xml = _read_part(zf, "word/styles.xml") if "word/styles.xml" in names else b""
        styles = _LazyStyles(styles_xml)
        default_font = styles.default_font()
        styles_legacy = _complex_text(styles_xml)
        part_warnings: list[FileWarning] = list(package_warnings)
        numbering = read_numbering(_optional_part(zf, names, "word/numbering.xml", part_warnings))
        footnotes = _read_footnotes(_optional_part(zf, names, "word/footnotes.xml", part_warnings), styles, default_font)
    ctx = _Context(styles=styles, default_font=default_font, counter=Counter(numbering), footnotes=footnotes,
                   has_text_boxes=b"txbxContent" in document_xml,
                   plain_text=not footnotes and not _complex_text(document_xml) and not styles_legacy,
                   default_style=styles.default_paragraph)
    body = document.find(_W + "body")
    if body is None:
        raise DocxError("Tệp .docx không có phần thân văn bản / .docx without a document body")
    blocks: list[Block] = []
    for index, el in enumerate(_body_elements(body)):
        blocks.extend(_read_element(el, index, ctx))
    warnings = part_warnings + [FileWarning("legacy-font", f"Đã chuyển mã phông cũ {enc.upper()} sang Unicode",
                                            f"decoded legacy {enc.upper()} text")
                                for enc in sorted(ctx.encodings_seen)]
    return blocks, warnings


def _read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > MAX_XML_BYTES:
        raise DocxError(f"Phần {name} quá lớn ({info.file_size} byte) / part {name} too large")
    try:
        return read_limited(zf, info, MAX_XML_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error, ValueError) as exc:
        raise DocxError(f"Tệp .docx hỏng, không đọc được {name} / corrupt .docx, cannot read {name}") from exc


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:80] or type(exc).__name__


def _parse_part(zf: zipfile.ZipFile, name: str):
    try:
        return etree.fromstring(_read_part(zf, name), parser=_XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise DocxError(f"XML hỏng trong {name} / malformed XML in {name}") from exc


def _body_elements(container):
    """Top-level paragraphs and tables, looking through content controls and custom XML."""
    for el in container:
        tag = el.tag
        if tag in (_W + "p", _W + "tbl"):
            yield el
        elif tag in (_W + "sdt", _W + "customXml"):
            content = el.find(_W + "sdtContent") if tag == _W + "sdt" else el
            if content is not None:
                yield from _body_elements(content)


# ---------------------------------------------------------------- styles


def _on(el) -> bool | None:
    if el is None:
        return None
    return el.get(_W + "val") not in ("0", "false", "off", "none")


def _font_of(rpr) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(_W + "rFonts")
    if fonts is None:
        return None
    return fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi") or fonts.get(_W + "cs")


def _style_props(st) -> tuple[str | None, dict]:
    """(basedOn id, own properties) of one w:style element."""
    sid = st.get(_W + "styleId") or ""
    name_el = st.find(_W + "name")
    ppr = st.find(_W + "pPr")
    rpr = st.find(_W + "rPr")
    numpr = ppr.find(_W + "numPr") if ppr is not None else None
    olvl = ppr.find(_W + "outlineLvl") if ppr is not None else None
    jc = ppr.find(_W + "jc") if ppr is not None else None
    num_id = numpr.find(_W + "numId") if numpr is not None else None
    ilvl = numpr.find(_W + "ilvl") if numpr is not None else None
    props = {
        "name": name_el.get(_W + "val") if name_el is not None else sid,
        "outline_level": int(olvl.get(_W + "val")) if olvl is not None and (olvl.get(_W + "val") or "").isdigit() else None,
        "num_id": num_id.get(_W + "val") if num_id is not None else None,
        "num_level": int(ilvl.get(_W + "val")) if ilvl is not None and (ilvl.get(_W + "val") or "").isdigit() else None,
        "bold": _on(rpr.find(_W + "b")) if rpr is not None else None,
        "caps": _on(rpr.find(_W + "caps")) if rpr is not None else None,
        "font": _font_of(rpr),
        "centered": (jc.get(_W + "val") == "center") if jc is not None else None,
    }
    based = st.find(_W + "basedOn")
    return (based.get(_W + "val") if based is not None else None), props


_STYLE_OPEN = re.compile(rb"<w:style\b[^>]*>")         # a style runs from its tag to the next style's
_STYLE_ID = re.compile(rb'w:styleId="([^"]*)"')
_STYLES_OPEN = re.compile(rb"<w:styles\b[^>]*>")
_DOC_DEFAULTS = re.compile(rb"<w:docDefaults\b.*?</w:docDefaults>", re.S)


class _LazyStyles(dict):
    """Styles read from styles.xml and resolved through basedOn on first use: a document uses a handful
    of the hundreds of styles its template defines, so each w:style is found by its styleId and parsed
    only when asked for."""

    def __init__(self, xml: bytes):
        super().__init__()
        self._xml = xml
        self._raw: dict[str, tuple[str | None, dict] | None] = {}
        self._at: dict[str, tuple[int, int]] = {}
        self.default_paragraph = "Normal"
        opening = _STYLES_OPEN.search(xml)
        self._open = opening.group(0) if opening else b""
        starts = [(m.start(), m.group(0)) for m in _STYLE_OPEN.finditer(xml)]
        ends = [start for start, _ in starts[1:]] + [xml.rfind(b"</w:styles>")]
        for (start, tag), end in zip(starts, ends):
            sid = _STYLE_ID.search(tag)
            if sid is None:
                continue
            key = sid.group(1).decode("utf-8", "replace")
            self._at.setdefault(key, (start, end))
            if b'w:default="1"' in tag and b'w:type="paragraph"' in tag:
                self.default_paragraph = key

    def default_font(self) -> str | None:
        """The font of the document defaults (w:docDefaults)."""
        chunk = _DOC_DEFAULTS.search(self._xml)
        if chunk is None or not self._open:
            return None
        root = _fragment(self._open + chunk.group(0) + b"</w:styles>")
        return _font_of(root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")) if root is not None else None

    def _lookup(self, sid: str) -> tuple[str | None, dict] | None:
        if sid not in self._raw:
            where = self._at.get(sid)
            root = _fragment(self._open + self._xml[where[0]: where[1]] + b"</w:styles>") if where else None
            self._raw[sid] = _style_props(root[0]) if root is not None and len(root) else None
        return self._raw[sid]

    def _merged(self, sid: str, depth: int = 0) -> dict:
        parent_id, props = self._lookup(sid)
        merged = {}
        if parent_id and parent_id != sid and depth < 20 and self._lookup(parent_id) is not None:
            merged = self._merged(parent_id, depth + 1)
        merged = {**merged, **{k: v for k, v in props.items() if v is not None}}
        merged["name"] = props["name"]
        return merged

    def get(self, sid, default=None):
        if sid in self:
            return self[sid]
        if sid is None or self._lookup(sid) is None:
            return default
        m = self._merged(sid)
        info = StyleInfo(name=m.get("name", sid), outline_level=m.get("outline_level"),
                         num_id=m.get("num_id"), num_level=m.get("num_level") or 0,
                         bold=m.get("bold"), caps=m.get("caps"), font=m.get("font"),
                         centered=m.get("centered"))
        self[sid] = info
        return info


def _fragment(xml: bytes):
    """A piece of styles.xml parsed on its own (None when it is not well-formed)."""
    try:
        return etree.fromstring(xml, parser=_XML_PARSER)
    except etree.XMLSyntaxError:
        return None


# ---------------------------------------------------------------- paragraphs


@dataclass
class _Runs:
    runs: list[tuple[str, str | None, bool, bool]] = field(default_factory=list)  # text, font encoding, bold, caps
    extra: list[tuple[str, list[str]]] = field(default_factory=list)   # (origin, paragraph texts)


_W_T, _W_SYM, _W_SOFT_HYPHEN = _W + "t", _W + "sym", _W + "softHyphen"
_HEX = frozenset("0123456789abcdefABCDEF")
# A tab (w:tab, or an absolute-position w:ptab) separates words; a line break (w:br: Shift+Enter, or a page
# or column break inside a paragraph; w:cr) starts a new line of the same paragraph. Both are whitespace
# wherever text is read: body, table cells, text boxes, footnotes.
_W_TAB, _W_PTAB, _W_BR, _W_CR = _W + "tab", _W + "ptab", _W + "br", _W + "cr"
_RUN_CHARS = {_W_TAB: "\t", _W_PTAB: "\t", _W_BR: "\n", _W_CR: "\n", _W + "noBreakHyphen": "-"}
_PLAIN_TEXT_TAGS = (_W_T, _W_TAB, _W_PTAB, _W_BR, _W_CR)


def clean_lines(text: str) -> str:
    """Display form of a paragraph's text: each line cleaned (one space between words, tabs included),
    empty lines dropped, lines kept apart by a newline (a soft break stays a line break)."""
    if "\n" not in text:
        return clean(text)
    return "\n".join(line for line in map(clean, text.split("\n")) if line)


def _plain_runs_text(p) -> str:
    """A paragraph's text from its w:t, tab and break elements in document order (no legacy fonts,
    alternate content or fields to care for); tab stops defined in w:pPr are not text."""
    out = []
    for el in p.iter(*_PLAIN_TEXT_TAGS):
        tag = el.tag
        if tag == _W_T:
            out.append(el.text or "")
        elif el.getparent().tag == _W_R:
            out.append(_RUN_CHARS[tag])
    return "".join(out)


def _run_text(run, legacy: bool) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == _W_T:
            out.append(child.text or "")
        elif tag in _RUN_CHARS:
            out.append(_RUN_CHARS[tag])
        elif tag == _W_SOFT_HYPHEN and legacy:
            out.append("\u00ad")          # TCVN3 stores ư as byte 0xAD
        elif tag == _W_SYM:
            char = child.get(_W + "char") or ""
            code = int(char, 16) if char and all(c in _HEX for c in char) else 0
            if code:
                out.append(chr(code if code >= 0xF000 else 0xF000 + code) if legacy else "•")
    return "".join(out)


def _lead_bold(acc: _Runs) -> bool:
    """Whether the first run with letters is bold."""
    for text, _, bold, _ in acc.runs:
        if _LETTER.search(text):
            return bold
    return False


def _finish(acc: _Runs, ctx: _Context) -> tuple[str, str, bool, bool]:
    """Decode the runs of one paragraph: by font, except a font's runs that already hold Unicode
    Vietnamese; runs in other fonts are decoded when the paragraph as a whole looks legacy-encoded."""
    runs = acc.runs
    if all(enc is None for _, enc, _, _ in runs):
        joined = "".join(t for t, _, _, _ in runs)
        if looks_legacy(joined) is None:            # the common case: Unicode text only
            bold = [b for t, _, b, _ in runs if _LETTER.search(t)]
            caps = [c for t, _, _, c in runs if _LETTER.search(t)]
            return joined, "", bool(bold) and all(bold), bool(caps) and all(caps)
    by_font: dict[str | None, str] = {}
    for text, enc, _, _ in runs:
        by_font[enc] = by_font.get(enc, "") + text
    decide = {enc: (None if enc and is_unicode_vietnamese(joined) else enc) for enc, joined in by_font.items()}
    if None in by_font:
        decide[None] = looks_legacy(by_font[None])
    parts, letters, bold_letters, caps_letters = [], 0, 0, 0
    for text, enc, bold, caps in acc.runs:
        encoding = decide[enc]
        decoded = decode(text, encoding) if encoding else text
        if encoding:
            ctx.encodings_seen.add(encoding.replace("tcvn3h", "tcvn3"))
        parts.append(decoded)
        if _LETTER.search(decoded):
            letters += 1
            bold_letters += bold
            caps_letters += caps
    decoded_any = any(decide[enc] for enc in decide)
    raw = "".join(t for t, _, _, _ in acc.runs) if decoded_any else ""
    return ("".join(parts), raw, letters > 0 and bold_letters == letters, letters > 0 and caps_letters == letters)


_W_R, _W_SDT, _W_SDTCONTENT = _W + "r", _W + "sdt", _W + "sdtContent"
_MC_ALT, _MC_CHOICE = _MC + "AlternateContent", _MC + "Choice"
_RUN_CONTAINERS = frozenset(_W + t for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml",
                                              "moveTo", "dir", "bdo"))


def _collect_runs(p, ctx: _Context, pstyle: StyleInfo, acc: _Runs) -> None:
    for el in p:
        tag = el.tag
        if tag == _W_R:
            _add_run(el, ctx, pstyle, acc)
        elif tag in _RUN_CONTAINERS:
            _collect_runs(el, ctx, pstyle, acc)
        elif tag == _W_SDT:
            content = el.find(_W_SDTCONTENT)
            if content is not None:
                _collect_runs(content, ctx, pstyle, acc)
        elif tag == _MC_ALT:
            choice = el.find(_MC_CHOICE)
            if choice is not None:
                _collect_runs(choice, ctx, pstyle, acc)


def _run_props(rpr) -> tuple[str | None, str | None, bool | None, bool | None]:
    """(character style id, font, bold, caps) of a run's w:rPr, in one pass over its children."""
    rstyle = font = bold = caps = None
    if rpr is not None:
        for child in rpr:
            tag = child.tag
            if tag == _W_RFONTS:
                font = child.get(_W + "ascii") or child.get(_W + "hAnsi") or child.get(_W + "cs")
            elif tag == _W_B:
                bold = _on(child)
            elif tag == _W_CAPS:
                caps = _on(child)
            elif tag == _W_RSTYLE:
                rstyle = child.get(_W + "val")
    return rstyle, font, bold, caps


_W_RPR, _W_FNREF, _W_TXBX = _W + "rPr", _W + "footnoteReference", _W + "txbxContent"
_MC_FALLBACK = _MC + "Fallback"
_BOX_HOLDERS = frozenset((_W + "drawing", _W + "pict", _W + "object", _MC + "AlternateContent"))


def _add_run(run, ctx: _Context, pstyle: StyleInfo, acc: _Runs) -> None:
    first = run[0] if len(run) else None
    rstyle, font, bold, caps = _run_props(first if first is not None and first.tag == _W_RPR else None)
    cstyle = ctx.styles.get(rstyle) if rstyle else None
    if cstyle is not None:
        font = font or cstyle.font
        bold = cstyle.bold if bold is None else bold
        caps = cstyle.caps if caps is None else caps
    encoding = ctx.encoding_of(font or pstyle.font or ctx.default_font)
    text = _run_text(run, encoding is not None)
    if text:
        bold = pstyle.bold if bold is None else bold
        caps = pstyle.caps if caps is None else caps
        acc.runs.append((text, encoding, bool(bold), bool(caps)))
    for child in run:
        tag = child.tag
        if tag == _W_FNREF and ctx.footnotes:
            texts = ctx.footnotes.get(child.get(_W + "id") or "", [])
            if texts:
                acc.extra.append(("footnote", texts))
        elif tag in _BOX_HOLDERS and ctx.has_text_boxes:
            _add_text_boxes(child, ctx, acc)


def _add_text_boxes(holder, ctx: _Context, acc: _Runs) -> None:
    """Paragraphs of the text boxes drawn by a run (Word's fallback copy left out)."""
    for box in holder.iter(_W_TXBX):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        texts = [t for t in (_plain_paragraph(q, ctx) for q in box.iter(_W + "p")) if t]
        if texts:
            acc.extra.append(("textbox", texts))


def _first(*values):
    for v in values:
        if v is not None:
            return v
    return None


def _plain_paragraph(p, ctx: _Context) -> str:
    """Text of a paragraph inside a text box, footnote or table cell (legacy fonts decoded); the text
    of its own text boxes and footnotes follows on lines of their own."""
    if ctx.plain_text:
        text = _plain_runs_text(p)
        if looks_legacy(text) is None:
            return clean_lines(text)
    ppr = p.find(_W + "pPr")
    sid = ppr.find(_W + "pStyle").get(_W + "val") if ppr is not None and ppr.find(_W + "pStyle") is not None \
        else ctx.default_style
    acc = _Runs()
    _collect_runs(p, ctx, ctx.styles.get(sid, StyleInfo()), acc)
    return "\n".join([clean_lines(_finish(acc, ctx)[0])] + [t for _, texts in acc.extra for t in texts]).strip("\n")


def _paragraph_props(ppr) -> tuple[str | None, int | None, str | None, int | None, bool | None]:
    """(style id, outline level, numbering id, numbering level, centred) of a w:pPr, in one pass."""
    sid = outline_level = num_id = num_level = centered = None
    if ppr is None:
        return sid, outline_level, num_id, num_level, centered
    for child in ppr:
        tag = child.tag
        if tag == _W_PSTYLE:
            sid = child.get(_W_VAL)
        elif tag == _W_OUTLINE:
            val = child.get(_W_VAL) or ""
            outline_level = int(val) if val.isdigit() else None
        elif tag == _W_NUMPR:
            for part in child:
                if part.tag == _W_NUMID:
                    num_id = part.get(_W_VAL)
                elif part.tag == _W_ILVL:
                    val = part.get(_W_VAL) or "0"
                    num_level = int(val) if val.isdigit() else 0
        elif tag == _W_JC:
            centered = child.get(_W_VAL) == "center"
    return sid, outline_level, num_id, num_level, centered


def _read_paragraph(p, index: int, ctx: _Context) -> list[Block]:
    first = p[0] if len(p) else None
    ppr = first if first is not None and first.tag == _W_PPR else None
    sid, outline_level, num_id, num_level, centered = _paragraph_props(ppr)
    style = ctx.styles.get(sid or ctx.default_style, StyleInfo(name=sid or ""))
    if outline_level is None:
        outline_level = style.outline_level
    if outline_level is not None and outline_level > 8:
        outline_level = None
    if num_id is None and style.num_id:
        num_id = style.num_id
        num_level = style.num_level if num_level is None else num_level
    style_level = ctx.heading_level(style.name)
    acc = _Runs()
    _collect_runs(p, ctx, style, acc)
    joined, raw_joined, all_bold, all_caps = _finish(acc, ctx)
    text = clean_lines(joined)
    raw = clean_lines(raw_joined) if raw_joined else ""
    label = fmt = None
    if num_id and num_id != "0" and text:
        rendered = ctx.counter.label(num_id, num_level or 0)
        if rendered:
            label, fmt = rendered
    blocks = []
    if text:
        blocks.append(Block(
            kind="p", index=index, text=text, raw=raw if raw != text else "", style=style.name or sid or "",
            outline_level=outline_level, style_level=style_level,
            num_label=clean(label) if label else None, num_format=fmt, num_level=num_level if label else None,
            bold=all_bold, caps=all_caps, lead_bold=_lead_bold(acc),
            centered=bool(_first(centered, style.centered)),
        ))
    for origin, texts in acc.extra:
        blocks.extend(Block(kind="p", index=index, text=t, style=style.name or "", origin=origin) for t in texts)
    return blocks


# ---------------------------------------------------------------- tables


def _read_element(el, index: int, ctx: _Context) -> list[Block]:
    if el.tag == _W + "p":
        return _read_paragraph(el, index, ctx)
    rows, nested = _read_table(el, ctx)
    blocks = [Block(kind="table", index=index, table=Table(rows=rows, index=index))] if rows else []
    blocks.extend(Block(kind="table", index=index, table=Table(rows=r, index=index), origin="nested")
                  for r in nested if r)
    return blocks


def _cell_text(tc, ctx: _Context, nested: list) -> str:
    parts = []
    for child in tc:
        if child.tag == _W + "p":
            t = _plain_paragraph(child, ctx)
            if t:
                parts.append(t)
        elif child.tag == _W + "tbl":
            rows, deeper = _read_table(child, ctx)
            nested.append(rows)
            nested.extend(deeper)
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                parts.append(_cell_text(content, ctx, nested))
    return "\n".join(p for p in parts if p)       # one line per cell paragraph


def _read_table(tbl, ctx: _Context) -> tuple[tuple[tuple[str, ...], ...], list]:
    """Rows of logical cells: gridSpan repeats the text across its columns, vMerge carries it down."""
    nested: list = []
    grid: list[list[str]] = []
    for tr in tbl.iter(_W + "tr"):
        if tr.getparent() is not tbl and not _is_own_row(tr, tbl):
            continue
        row: list[str] = []
        trpr = tr.find(_W + "trPr")
        before = trpr.find(_W + "gridBefore") if trpr is not None else None
        if before is not None:
            row.extend([""] * int(before.get(_W + "val") or 0))
        for tc in _row_cells(tr):
            tcpr = tc.find(_W + "tcPr")
            span_el = tcpr.find(_W + "gridSpan") if tcpr is not None else None
            span = max(1, int(span_el.get(_W + "val") or 1)) if span_el is not None else 1
            vmerge = tcpr.find(_W + "vMerge") if tcpr is not None else None
            col = len(row)
            if vmerge is not None and vmerge.get(_W + "val") in (None, "continue"):
                above = grid[-1][col] if grid and col < len(grid[-1]) else ""
                text = above
                _cell_text(tc, ctx, nested)
            else:
                text = _cell_text(tc, ctx, nested)
            row.extend([text] * span)
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    rows = tuple(tuple(r + [""] * (width - len(r))) for r in grid if any(c for c in r))
    return rows, nested


def _is_own_row(tr, tbl) -> bool:
    parent = tr.getparent()
    while parent is not None and parent.tag != _W + "tbl":
        parent = parent.getparent()
    return parent is tbl


def _row_cells(tr):
    for el in tr:
        if el.tag == _W + "tc":
            yield el
        elif el.tag in (_W + "sdt", _W + "customXml"):
            content = el.find(_W + "sdtContent") if el.tag == _W + "sdt" else el
            if content is not None:
                yield from (c for c in content if c.tag == _W + "tc")


# ---------------------------------------------------------------- footnotes


def _optional_part(zf: zipfile.ZipFile, names: set[str], name: str, warnings: list[FileWarning]):
    """A part the body can be read without (numbering, footnotes): None, with a warning, when broken."""
    if name not in names:
        return None
    try:
        return _parse_part(zf, name)
    except DocxError:
        warnings.append(FileWarning("part-corrupt",
                                    f"Phần {name} hỏng, đã bỏ qua (số thứ tự tự động hoặc chú thích có thể thiếu)",
                                    f"{name} is corrupt and was skipped"))
        return None


_PAGE_HEADER = re.compile(r"word/header\d*\.xml")


def page_header_lines(data: bytes) -> list[str]:
    """The lines of a document's page headers (word/header*.xml), where some templates keep the letterhead;
    line breaks and tabs read as in the body. Empty when there are none or they cannot be read: the body
    was read already, a page header only adds evidence."""
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError):
        return []
    lines: list[str] = []
    with zf:
        names = set(zf.namelist())
        parts = sorted(n for n in names if _PAGE_HEADER.fullmatch(n))
        if not parts:
            return []
        try:
            styles = _LazyStyles(_read_part(zf, "word/styles.xml") if "word/styles.xml" in names else b"")
        except DocxError:
            styles = _LazyStyles(b"")
        ctx = _Context(styles=styles, default_font=styles.default_font(), counter=Counter(read_numbering(None)),
                       footnotes={})
        for name in parts:
            try:
                root = _parse_part(zf, name)
                for p in root.iter(_W + "p"):
                    if any(a.tag == _W_TXBX for a in p.iterancestors()):
                        continue                # a text box's paragraphs come with the paragraph that draws it
                    lines.extend(x for x in _plain_paragraph(p, ctx).split("\n") if x.strip())
            except (DocxError, ValueError, KeyError, IndexError, TypeError, RecursionError, etree.LxmlError):
                continue                        # a damaged page header: the body's evidence stands alone
    return lines[:40]


def _read_footnotes(root, styles, default_font) -> dict[str, list[str]]:
    if root is None:
        return {}
    ctx = _Context(styles=styles, default_font=default_font, counter=Counter(read_numbering(None)), footnotes={})
    notes = {}
    for fn in root.iter(_W + "footnote"):
        if fn.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = [t for t in (_plain_paragraph(p, ctx) for p in fn.iter(_W + "p")) if t]
        notes[fn.get(_W + "id") or ""] = texts
    return notes


# ---------------------------------------------------------------- what a file really is (format detection)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"          # OLE compound file: Word 97-2003, or an encrypted .docx
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream an encrypted OOXML file holds
_WORD_DOCUMENT = "WordDocument".encode("utf-16-le")
SNIFF_BYTES = 100 * 1024 * 1024                          # how much of an OLE file is searched for its streams
ODT_MIME = b"application/vnd.oasis.opendocument.text"
MACRO_CONTENT_TYPE = b"macroEnabled"

ENCRYPTED = ("Tệp Word có mật khẩu, hãy gỡ mật khẩu rồi gửi lại / password protected Word file, remove the "
             "password and send it again")
WORD_97 = ("Tệp Word 97-2003 (.doc): hãy mở bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) .docx rồi gửi "
           "lại / Word 97-2003 (.doc) file: open it in Word or LibreOffice, Save As .docx and send it again")
ODT = ("Tệp OpenDocument (.odt): hãy mở bằng LibreOffice, chọn Lưu thành (Save As) kiểu Word (.docx) rồi gửi "
       "lại / OpenDocument (.odt) file: open it in LibreOffice, Save As Word (.docx) and send it again")
PDF = ("Tệp .pdf không đọc được nội dung theo đề cương: hãy gửi bản .docx của báo cáo / .pdf file: send the "
       "report's .docx instead")
RTF = ("Tệp RTF (.rtf): hãy mở bằng Word, chọn Lưu thành (Save As) .docx rồi gửi lại / RTF file: open it in "
       "Word, Save As .docx and send it again")
MACRO_WARNING = FileWarning("macro", "Tệp có macro (.docm): chỉ đọc văn bản, macro không được chạy hay chép lại",
                            "macro-enabled file (.docm): text read, macros neither run nor copied")


def ole_kind(data: bytes) -> str | None:
    """For an OLE compound file: "encrypted" (an EncryptedPackage stream: a password-protected .docx),
    "doc" (a WordDocument stream: Word 97-2003) or "ole" (another Office file); None for anything else.
    The stream names are found in the directory entries (UTF-16 names), without decrypting anything."""
    if not data.startswith(OLE_MAGIC):
        return None
    if _ENCRYPTED_PACKAGE in data:
        return "encrypted"
    if _WORD_DOCUMENT in data:
        return "doc"
    return "ole"


def read_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, streamed, refusing one whose declared or actual size passes `limit` (a zip bomb
    may lie about its size: the stream is cut where the limit is crossed, before it fills memory)."""
    if info.file_size > limit:
        raise DocxError(f"Phần {info.filename} quá lớn ({info.file_size} byte) / part {info.filename} too large")
    chunks, total = [], 0
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            total += len(chunk)
            if total > limit:
                raise DocxError(f"Phần {info.filename} giải nén quá lớn / part {info.filename} expands too large")
            chunks.append(chunk)
    return b"".join(chunks)


def foreign_format_error(data: bytes) -> DocxError | None:
    """The one-line error for bytes that are some other format than a .docx (what the unit should do),
    or None when they may be a .docx (a zip)."""
    kind = ole_kind(data)
    if kind == "encrypted":
        return DocxError(ENCRYPTED)
    if kind == "doc":
        return DocxError(WORD_97)
    if kind == "ole":
        return DocxError("Tệp Office cũ (OLE), không phải .docx: hãy lưu thành .docx rồi gửi lại / legacy Office "
                         "(OLE) file, not a .docx: save it as .docx and send it again")
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return DocxError(PDF)
    if head.startswith(b"{\\rtf"):
        return DocxError(RTF)
    if data.startswith(b"PK") and b"mimetype" in data[:128] and ODT_MIME in data[:256]:
        return DocxError(ODT)
    return None


def container_warnings(zf: zipfile.ZipFile, names: set[str]) -> list[FileWarning]:
    """Warnings about the package itself: a macro-enabled document (.docm) is read for its text only;
    an OpenDocument package is refused with what to do."""
    if "content.xml" in names and "word/document.xml" not in names:
        raise DocxError(ODT)
    if "word/vbaProject.bin" in names:
        return [MACRO_WARNING]
    if "[Content_Types].xml" in names:
        info = zf.getinfo("[Content_Types].xml")
        if info.file_size <= 1024 * 1024:
            try:
                if MACRO_CONTENT_TYPE in zf.read(info):
                    return [MACRO_WARNING]
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error, ValueError):
                return []
    return []


def foreign_format_reason(path) -> str:
    """Why a file with a name the reader does not take (.doc, .odt, .pdf, …) is refused, and what the unit
    should do; the file's first bytes decide when they say more than its name (an encrypted .docx
    renamed .doc says it has a password)."""
    from pathlib import Path

    p = Path(path)
    suffix = p.suffix.lower()
    try:
        with open(p, "rb") as fh:
            data = fh.read(SNIFF_BYTES if suffix in (".doc", ".docx", ".dot", ".xls", "") else 4096)
    except OSError:
        data = b""
    if suffix in (".doc", ".dot") and ole_kind(data) == "ole":
        return WORD_97
    err = foreign_format_error(data)
    if err is not None:
        return str(err)
    if suffix in (".odt", ".ott"):
        return ODT
    if suffix in (".doc", ".dot"):
        return WORD_97
    shown = suffix or "(không có đuôi)"
    return (f"Định dạng {shown} không hỗ trợ, cần lưu thành .docx / unsupported format {suffix or '(none)'}, "
            f"save as .docx")

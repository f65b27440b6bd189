"""An independent reading of a .docx body (lxml only), to check the realistic corpus's truth texts.

Body paragraphs in order, tracked deletions dropped, insertions kept, cell paragraphs left out (they
are tables), each text box's paragraphs once and each footnote's paragraphs right after the paragraph
that anchors or references them, page header/footer and comments not read.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from tonghop.parsers.normalize import clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "del", W + "txbxContent", MC + "Fallback", W + "instrText", W + "delText", W + "tbl"}


def _own_text(p) -> str:
    out = []
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag in (W + "tab", W + "br", W + "cr"):
            out.append(" ")
        stack.append(iter(el))
    return "".join(out)


def _boxes(p) -> list:
    """txbxContent elements of a paragraph, the mc:Fallback copies left out."""
    return [b for b in p.iter(W + "txbxContent")
            if not any(a.tag == MC + "Fallback" for a in b.iterancestors())]


def _paragraph(p, notes: dict[str, list[str]]) -> list[str]:
    texts = [_own_text(p)]
    for box in _boxes(p):
        texts.extend(_own_text(q) for q in box.iter(W + "p"))
    for ref in p.iter(W + "footnoteReference"):
        texts.extend(notes.get(ref.get(W + "id"), []))
    return texts


def _blocks(container):
    for el in container:
        if el.tag == W + "p":
            yield el
        elif el.tag in (W + "sdt", W + "customXml"):
            yield from _blocks(el.find(W + "sdtContent") if el.tag == W + "sdt" else el)


def body_texts(data: bytes) -> list[str]:
    """Cleaned non-empty texts of the body paragraphs, text boxes and footnotes, in reading order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
        notes: dict[str, list[str]] = {}
        if "word/footnotes.xml" in zf.namelist():
            for fn in etree.fromstring(zf.read("word/footnotes.xml")).iter(W + "footnote"):
                notes[fn.get(W + "id")] = [_own_text(q) for q in fn.iter(W + "p")]
    body = root.find(W + "body")
    texts = []
    for p in _blocks(body):
        texts.extend(_paragraph(p, notes))
    return [t for t in map(clean, texts) if t]

"""A hostile inbox, generated at test time (nothing large is committed): every kind of file that has tried
to stop a night's run, beside good reports under awkward names. `build(inbox)` returns what each file is
expected to become: status and a word its reason must hold."""
from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples" / "inbox"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SECRET_FILE = "/etc/passwd"


def members(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def pack(parts: dict[str, bytes], extra=None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        if extra:
            extra(zf)
    return buffer.getvalue()


def document(body: bytes, prolog: bytes = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>') -> bytes:
    return prolog + b'<w:document xmlns:w="' + W.encode() + b'"><w:body>' + body + b"</w:body></w:document>"


def para(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def with_document(sample: Path, doc_xml: bytes) -> bytes:
    parts = members(sample)
    parts["word/document.xml"] = doc_xml
    return pack(parts)


def entity_bomb() -> bytes:
    lol = [b'<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'.encode() for i in range(1, 10)]
    prolog = b'<?xml version="1.0"?><!DOCTYPE w:document [' + b"".join(lol) + b"]>"
    return document(para("Bom thực thể") + b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", prolog)


def xxe() -> bytes:
    prolog = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://' + SECRET_FILE.encode()
              + b'"><!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>')
    return document(para("Báo cáo XXE") + b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", prolog)


def zip_bomb(size: int = 1 << 30) -> bytes:
    """A small zip whose word/document.xml expands to `size` bytes (zeros after an XML start)."""
    def add(zf: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            head = document(b"")[:-len(b"</w:body></w:document>")]
            fh.write(head)
            chunk = b" " * (1 << 20)
            left = size - len(head)
            while left > 0:
                fh.write(chunk[:min(left, len(chunk))])
                left -= len(chunk)
    return pack({"[Content_Types].xml": b"<Types/>"}, add)


def lying_zip_bomb(sample: Path, real: int = 300 << 20) -> bytes:
    """word/document.xml whose headers declare a few kilobytes but whose stream inflates to `real` bytes."""
    parts = members(sample)
    doc = parts.pop("word/document.xml")
    body = doc + b" " * (real - len(doc))
    data = pack(dict(parts, **{"word/document.xml": body}))
    declared = len(doc)
    out = bytearray(data)
    name = b"word/document.xml"
    # local header: sizes at offset 22 (compressed 18); central directory: sizes at 24 (compressed 20)
    pos = out.find(b"PK\x03\x04")
    while pos != -1:
        n = struct.unpack_from("<H", out, pos + 26)[0]
        if out[pos + 30:pos + 30 + n] == name:
            struct.pack_into("<I", out, pos + 22, declared)
        pos = out.find(b"PK\x03\x04", pos + 4)
    pos = out.find(b"PK\x01\x02")
    while pos != -1:
        n = struct.unpack_from("<H", out, pos + 28)[0]
        if out[pos + 46:pos + 46 + n] == name:
            struct.pack_into("<I", out, pos + 24, declared)
        pos = out.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def encrypted_ole() -> bytes:
    """An OLE compound file as Word writes a password-protected .docx: a directory naming the streams
    EncryptionInfo and EncryptedPackage (the encrypted bytes are random)."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)          # FAT sectors
    struct.pack_into("<I", header, 48, 1)          # first directory sector
    struct.pack_into("<I", header, 56, 4096)       # mini stream cut-off
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)
    struct.pack_into("<I", header, 76, 0)          # DIFAT[0]: FAT in sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<IIII", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 3, 0xFFFFFFFE)   # FAT, dir, package 2→3

    def entry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF) -> bytes:
        raw = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        raw[0:len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into("<II", raw, 116, start, size)
        return bytes(raw)
    directory = (entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1) + entry("EncryptedPackage", 2, 2, 1024)
                 + entry("EncryptionInfo", 2, 0xFFFFFFFE, 0) + bytes(128))
    return bytes(header) + bytes(fat) + directory + os.urandom(1024)


def empty_paragraphs(sample: Path, n: int = 10_000) -> bytes:
    parts = members(sample)
    doc = parts["word/document.xml"]
    at = doc.rfind(b"<w:sectPr")
    at = at if at != -1 else doc.rfind(b"</w:body>")
    parts["word/document.xml"] = doc[:at] + b"<w:p/>" * n + doc[at:]
    return pack(parts)


def big_image(sample: Path, size: int = 50 << 20) -> bytes:
    parts = members(sample)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        zf.writestr(zipfile.ZipInfo("word/media/image1.png"), b"\x89PNG\r\n\x1a\n" + os.urandom(size),
                    compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def docm(sample: Path) -> bytes:
    parts = members(sample)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml")
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name = \"Module1\"\nShell(\"calc\")"
    return pack(parts)


def formula_text(sample: Path) -> bytes:
    parts = members(sample)
    doc = parts["word/document.xml"]
    at = doc.find(b"<w:p ")
    at = at if at != -1 else doc.find(b"<w:p>")
    parts["word/document.xml"] = doc[:at] + para('=HYPERLINK("http://example.invalid","bấm")') + doc[at:]
    return pack(parts)


# good reports (one per unit, so every one of them is kept) under names that have broken runs before
GOOD_NAMES = {
    "hoa-vang.docx": "B\xe1o c\xe1o Hoa Vang.docx".encode("latin-1"),           # cp1258 bytes: not UTF-8
    "dai-loc.docx": ("Báo cáo " + "rất dài " * 17 + "Đại Lộc.docx").encode(),    # ~230 bytes
    "duy-xuyen.docx": b"bao\ncao\tduy\x1bxuyen\x7f.docx",                          # control characters
    "nui-thanh.docx": b"-rf --nui-thanh.docx",                                    # a leading dash
    "que-son.docx": b"C:\\Users\\can-bo\\..\\que-son.docx",                             # looks like a path
    "thang-binh.docx": "=thang-binh\u202egpj.docx".encode(),                       # '=' and a bidi override
}


def build(inbox: Path) -> dict[bytes, tuple[str, str | None]]:
    """Write the hostile inbox; {raw file name relative to inbox: (status, word in reason or None)}."""
    inbox.mkdir(parents=True, exist_ok=True)
    base = SAMPLES / "hoa-vang.docx"
    want: dict[bytes, tuple[str, str | None]] = {}

    def put(name: bytes, data: bytes, status: str, word: str | None) -> None:
        with open(os.path.join(os.fsencode(inbox), name), "wb") as fh:
            fh.write(data)
        want[name] = (status, word)

    for sample, raw in GOOD_NAMES.items():
        put(raw, (SAMPLES / sample).read_bytes(), "ok", None)
    put(b"rong.docx", b"", "rejected", "empty")
    put(b"khong-phai-zip.docx", "Báo cáo viết bằng Notepad".encode(), "rejected", "zip")
    put(b"cut-ngang.docx", base.read_bytes()[:3000], "rejected", "zip")
    put(b"thieu-phan.docx", pack({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<x/>"}),
        "rejected", "document.xml")
    put(b"xml-hong.docx", with_document(base, document(b"<w:p><w:r><w:t>x</w:r></w:p>")), "rejected", "XML")
    put(b"bom-thuc-the.docx", with_document(base, entity_bomb()), "any", None)
    put(b"xxe.docx", with_document(base, xxe()), "any", None)
    put(b"bom-zip-1gib.docx", zip_bomb(), "rejected", "too large")
    put(b"bom-zip-noi-doi.docx", lying_zip_bomb(SAMPLES / "nam-giang.docx"), "rejected", "corrupt")
    put(b"mat-khau.docx", encrypted_ole(), "rejected", "password protected")
    put(b"mat-khau-doi-ten.doc", encrypted_ole(), "rejected", "password protected")
    put(b"bao-cao-cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + bytes(500),
        "rejected", "Save As .docx")
    put(b"bao-cao.odt", pack({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
        "rejected", "Save As Word (.docx)")
    put(b"odt-doi-ten.docx", pack({"mimetype": b"application/vnd.oasis.opendocument.text",
                                   "content.xml": b"<x/>"}), "rejected", "OpenDocument")
    put(b"tx-dien-ban.docm", docm(SAMPLES / "tx-dien-ban.docx"), "ok", None)
    put(b"qs-tinh-10000-doan-rong.docx", empty_paragraphs(SAMPLES / "qs-tinh.docx"), "ok", None)
    put(b"tp-hoi-an-anh-50mb.docx", big_image(SAMPLES / "tp-hoi-an.docx"), "ok", None)
    put(b"tp-tam-ky.docx", formula_text(SAMPLES / "tp-tam-ky.docx"), "ok", None)
    os.symlink(SECRET_FILE, os.path.join(os.fsencode(inbox), b"lien-ket-he-thong.docx"))
    want[b"lien-ket-he-thong.docx"] = ("rejected", "outside the inbox")
    os.symlink("/etc", os.path.join(os.fsencode(inbox), b"thu-muc-he-thong"))
    want[b"thu-muc-he-thong"] = ("rejected", "outside the inbox")
    os.mkfifo(os.path.join(os.fsencode(inbox), b"ong-dan.docx"))
    want[b"ong-dan.docx"] = ("rejected", "not a regular file")
    return want

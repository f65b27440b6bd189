"""File names as the deliverables show them, and links that still reach the file.

A unit's file name can be anything a file system allows: bytes that are not UTF-8 (what unzip on Linux
makes of a Windows zip with Vietnamese names; Python holds them as lone surrogates), control
characters, bidirectional overrides, hundreds of characters, a leading dash, backslashes. XML (the
draft, the workbook) cannot hold surrogates or control characters and UTF-8 text files cannot hold
surrogates, so every deliverable shows `display_name(...)`: the name itself when it is printable, else
with each undecodable byte written `\\xNN`, each control or invisible format character
`\\xNN` (ASCII) or `\\uNNNN`, and backslashes doubled. Links are made
from the raw bytes (`os.fsencode`), percent-encoded, so they open the real file.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

__all__ = ["display_name", "file_uri", "needs_escape", "raw_name", "resolve_source"]

# Control characters (C0, DEL, C1), lone surrogates (undecodable bytes), bidirectional overrides and
# other invisible format characters that would make a name lie about itself.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
_ESCAPE = re.compile(r"\\(\\|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})")


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:            # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def needs_escape(name: str) -> bool:
    """Whether a name holds something no deliverable can show as it is."""
    return _UNSHOWABLE.search(name) is not None


def display_name(name: str) -> str:
    """The name as every deliverable shows it: unchanged when printable, else escaped (reversibly)."""
    if not needs_escape(name):
        return unicodedata.normalize("NFC", name) if not name.isascii() else name
    return _UNSHOWABLE.sub(lambda m: _escape(m.group()), name.replace("\\", "\\\\"))


def raw_name(shown: str) -> str:
    """The name display_name() escaped, back as the file system holds it (surrogateescape'd str)."""
    def back(m: re.Match) -> str:
        body = m.group(1)
        if body == "\\":
            return "\\"
        code = int(body[1:], 16)
        if body[0] == "x" and code >= 0x80:      # only undecodable bytes are written \x80-\xff
            return chr(0xDC00 + code)
        return chr(code)
    return _ESCAPE.sub(back, shown)


def resolve_source(root: Path | None, source: str) -> Path:
    """The file a deliverable's `source` names: as written, or, when that does not exist, unescaped."""
    base = root or Path.cwd()
    path = base / source
    if not os.path.lexists(path) and "\\" in source:
        unescaped = base / raw_name(source)
        if os.path.lexists(unescaped):
            return unescaped
    return path


def file_uri(root: Path | None, source: str) -> str:
    """Absolute, percent-encoded file:// URI of a source file, made from its raw bytes."""
    path = resolve_source(root, source)
    try:
        path = path.resolve()
    except (OSError, RuntimeError):
        path = Path(os.path.abspath(path))
    return path.as_uri()      # posix as_uri percent-encodes os.fsencode(path): undecodable bytes survive

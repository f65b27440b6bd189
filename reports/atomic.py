"""Atomic file writes and reproducible zip containers for the deliverables.

A reader never sees a half-written file: content goes to a temporary file in the same
directory, is flushed to disk, then renamed over the target with `os.replace`.
"""
from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

__all__ = ["stable_zip", "write_bytes_atomic", "write_text_atomic", "ZIP_EPOCH"]

# Zip entries carry a timestamp; a fixed one makes reruns byte-identical (DOS epoch).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_bytes_atomic(path: Path | str, data: bytes, overwrite: bool = True) -> Path:
    """Write `data` to `path` atomically; with overwrite=False an existing file is an error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise FileExistsError(
            f"Tệp {path} đã tồn tại, không ghi đè / {path} exists and overwrite was not requested")
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; deliverables are for other readers too
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_text_atomic(path: Path | str, text: str, overwrite: bool = True) -> Path:
    """Write UTF-8 text atomically."""
    return write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)


def stable_zip(data: bytes) -> bytes:
    """The same zip (OOXML package) with every entry stamped ZIP_EPOCH, order kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


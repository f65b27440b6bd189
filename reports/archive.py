"""Keeping an earlier night's outputs: they move to out/luu-tru/<time> instead of being overwritten."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

__all__ = ["ARCHIVE_DIR", "archive_previous"]

ARCHIVE_DIR = "luu-tru"


def _stamp(out_dir: Path, names: tuple[str, ...]) -> str:
    manifest = out_dir / "manifest.json"
    try:
        started = json.loads(manifest.read_text(encoding="utf-8")).get("run", {}).get("started_at")
    except (OSError, ValueError, AttributeError):
        started = None
    if not started:
        mtimes = [(out_dir / n).stat().st_mtime for n in names if (out_dir / n).exists()]
        started = datetime.fromtimestamp(max(mtimes)).isoformat(timespec="seconds")
    return "".join(c if c.isalnum() or c in "-" else "-" for c in started)


def archive_previous(out_dir: Path, names: tuple[str, ...]) -> Path | None:
    """Move existing deliverables into out/luu-tru/<started_at of that run>/; the folder, or None."""
    present = [n for n in names if (out_dir / n).exists()]
    if not present:
        return None
    base = out_dir / ARCHIVE_DIR / _stamp(out_dir, tuple(present))
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    target.mkdir(parents=True)
    for name in present:
        os.replace(out_dir / name, target / name)
    return target

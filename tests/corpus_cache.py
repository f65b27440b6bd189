"""Generated test corpora kept on disk between test sessions, keyed by the generator's source.

Writing a corpus (hundreds of .docx, some round-tripped through LibreOffice) costs more than the tests
that read it. `cached_corpus` keeps each one under .cache/corpora/ (git-ignored), in a folder named by
a hash of the generator's source files, the parameters and whether LibreOffice was there: any change
to the generator (or to these) writes a fresh corpus, nothing stale is ever read. Parallel test workers
may write the same corpus at once: each writes its own temporary folder and the first rename wins.
Set TONGHOP_NO_CORPUS_CACHE=1 to write every corpus afresh into a temporary folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "corpora"
FORMAT = 1          # bump when the layout of a cached corpus changes
# What the generators use from tonghop itself (legacy-font encoding, text cleaning, the reference data):
# part of every key, so a change there writes the corpora afresh too.
USED_FROM_TONGHOP = (ROOT / "parsers" / "legacy.py", ROOT / "parsers" / "normalize.py", ROOT / "reference.py",
                     ROOT / "data" / "outlines", ROOT / "data" / "catalog", ROOT / "data" / "units")


def source_hash(sources: Iterable[Path | str], *params: object) -> str:
    """sha256 over the sources (files, or every file of a folder, in name order), what the generators use
    from tonghop, and the parameters."""
    digest = hashlib.sha256(repr((FORMAT, params)).encode())
    for source in (*sources, *USED_FROM_TONGHOP):
        source = Path(source)
        files = sorted(f for f in source.rglob("*") if f.is_file()) if source.is_dir() else [source]
        for f in files:
            if "__pycache__" in f.parts or f.suffix == ".pyc":
                continue
            digest.update(str(f.relative_to(ROOT)).encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def cached_corpus(name: str, sources: Iterable[Path | str], build: Callable[[Path], list[Path]],
                  *params: object, tmp_factory=None) -> list[Path]:
    """The corpus `build(folder)` writes (its list of paths), from the cache when the generator's sources
    and the parameters are unchanged. `tmp_factory` (pytest's tmp_path_factory) is used instead of the
    cache when caching is turned off."""
    if os.environ.get("TONGHOP_NO_CORPUS_CACHE"):
        folder = tmp_factory.mktemp(name) if tmp_factory is not None else Path(tempfile.mkdtemp(prefix=name))
        return build(folder)
    key = source_hash(sources, *params)
    final = CACHE / f"{name}-{key}"
    index = final / "corpus.json"
    if index.exists():
        return [final / rel for rel in json.loads(index.read_text(encoding="utf-8"))]
    CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{name}-{key}-", dir=CACHE))
    try:
        (work / "c").mkdir()
        paths = build(work / "c")
        (work / "c" / "corpus.json").write_text(
            json.dumps([str(Path(p).relative_to(work / "c")) for p in paths], ensure_ascii=False), encoding="utf-8")
        try:
            os.rename(work / "c", final)      # atomic; fails when another worker got there first
        except OSError:
            if not index.exists():
                raise
        for old in CACHE.glob(f"{name}-*"):   # corpora of earlier generator versions
            if old != final and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [final / rel for rel in json.loads(index.read_text(encoding="utf-8"))]

"""The per-file work (parse + indicators) kept by content under --out, so a rerun redoes only what changed.

Key: the file's sha256, the parser's version (a hash of the source of every module the per-file work
runs, and of the abbreviations it matches with: any code change invalidates it automatically), and the
hashes of the outline, catalog and units in use (and of the analyst decisions when per-file work reads
them). An entry is the pickled Submission or Rejection, written atomically; the store lives in
`--out/.tonghop-cache/` (it is a private store of this program in the operator's own output folder: a
pickle there is trusted like the program itself). Entries not used for 30 days are removed.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from tonghop.model import Rejection, Submission

__all__ = ["CACHE_DIR", "context_hash", "ParseCache", "parser_version"]

CACHE_DIR = ".tonghop-cache"
FORMAT = 1
KEEP_DAYS = 30
_ROOT = Path(__file__).resolve().parent.parent          # the tonghop package folder
# what the per-file work runs: every module of these packages, and these files
_CODE_DIRS = ("parsers", "indicators")
_CODE_FILES = ("model.py", "reference.py", "aggregators/matching.py", "flows/pipeline.py",
               "data/catalog/viet-tat.csv")


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A hash of the source of the per-file work: changes whenever that code changes."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    paths = [p for d in _CODE_DIRS for p in sorted((_ROOT / d).glob("*.py"))]
    paths += [_ROOT / f for f in _CODE_FILES]
    for p in paths:
        digest.update(p.relative_to(_ROOT).as_posix().encode())
        try:
            digest.update(p.read_bytes())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()[:16]


def context_hash(ctx, extra: str = "") -> str:
    """What the per-file work reads besides the file: outline, catalog, units (and `extra`, e.g. decisions)."""
    ref = ctx.ref
    digest = hashlib.sha256()
    for part in (repr(ref.outline), repr(ref.catalog), repr(ref.units), extra):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


class ParseCache:
    """Results of the per-file work by content key, under `out/.tonghop-cache/`."""

    def __init__(self, out_dir: Path | str, ctx, extra: str = "", enabled: bool = True):
        self.dir = Path(out_dir) / CACHE_DIR
        self.prefix = f"{parser_version()}-{context_hash(ctx, extra)}"
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    def key(self, sha256: str, name: str) -> str:
        """The entry of these bytes under this file name (the unit is also recognised by the name)."""
        return hashlib.sha256(f"{self.prefix}:{sha256}:{name}".encode("utf-8", "surrogateescape")).hexdigest()

    def _path(self, sha256: str, name: str) -> Path:
        key = self.key(sha256, name)
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, sha256: str | None, name: str) -> tuple[Submission | Rejection, float] | None:
        """The cached result and the seconds the original parse took, or None."""
        if not self.enabled or not sha256:
            return None
        path = self._path(sha256, name)
        try:
            with open(path, "rb") as fh:
                entry = pickle.load(fh)
            os.utime(path)                                      # used: kept another KEEP_DAYS
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError,
                TypeError, IndexError):
            self.misses += 1
            return None
        self.hits += 1
        return entry["result"], entry["seconds"]

    def put(self, sha256: str | None, name: str, result: Submission | Rejection, seconds: float) -> None:
        """Keep a result; failures to write are ignored (the cache is an optimisation, never a need)."""
        if not sha256:
            return
        path = self._path(sha256, name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump({"result": result, "seconds": seconds}, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass

    def prune(self, days: int = KEEP_DAYS) -> int:
        """Remove entries unused for `days` days; the number removed."""
        if not self.dir.is_dir():
            return 0
        limit = time.time() - days * 86400
        removed = 0
        for path in self.dir.glob("*/*.pickle"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                pass
        return removed

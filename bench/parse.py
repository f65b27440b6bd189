"""Parse throughput: tonghop's parser against a raw lower bound, side by side in one run.

The raw bound is zip + lxml read of word/document.xml and the text of every paragraph: what any
parser has to do at least. Both run over the same generated corpus, interleaved in rounds so that
machine noise hits both alike; the figure that matters is the ratio.

    .venv/bin/python bench/parse.py [--docs 120] [--rounds 3] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tonghop.parsers.docx_reader import DocxError  # noqa: E402
from tonghop.parsers.parse import parse_bytes  # noqa: E402
from tonghop.parsers.units import unit_keys  # noqa: E402
from tonghop.reference import load_reference  # noqa: E402

try:
    from tests.docgen.corpus import generate_corpus  # noqa: E402
except ImportError:
    generate_corpus = None

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def raw_read(data: bytes) -> int:
    """Lower bound: unzip document.xml, parse it, join the text of every paragraph."""
    import io
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    n = 0
    for p in root.iter(W + "p"):
        if "".join(t.text or "" for t in p.iter(W + "t")):
            n += 1
    return n


def python_docx_read(data: bytes) -> int:
    """For context: python-docx's object layer reading the same paragraph texts."""
    import io

    import docx
    return sum(1 for p in docx.Document(io.BytesIO(data)).paragraphs if p.text)


def peak_memory(fn, data: bytes) -> int:
    """Peak bytes Python allocates while fn(data) runs (tracemalloc)."""
    tracemalloc.start()
    fn(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="print the parser's top functions by time")
    args = ap.parse_args()
    ref = load_reference()
    keys = unit_keys(ref.units)
    with tempfile.TemporaryDirectory() as tmp:
        paths = [p for p in generate_corpus(args.docs, seed=7, out_dir=Path(tmp)) if p.suffix == ".docx"]
        docs = [(p.name, p.read_bytes()) for p in paths]
    good = []
    for name, data in docs:
        try:
            parse_bytes(data, name, ref, keys)          # warm-up, and drop the deliberately broken files
        except DocxError:
            continue
        good.append((name, data))
    raw_t, parse_t, pydocx_t = [], [], []
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _, data in good:
            raw_read(data)
        raw_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        for _, data in good:
            python_docx_read(data)
        pydocx_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        for name, data in good:
            parse_bytes(data, name, ref, keys)
        parse_t.append(time.perf_counter() - t)
    raw_best, parse_best = min(raw_t), min(parse_t)
    n = len(good)
    print(f"documents: {n} (of {len(docs)} generated), rounds: {args.rounds}, best round shown")
    print(f"raw zip+lxml read : {n / raw_best:8.1f} docs/s  ({raw_best * 1000 / n:6.2f} ms/doc)")
    print(f"tonghop parsers   : {n / parse_best:8.1f} docs/s  ({parse_best * 1000 / n:6.2f} ms/doc)")
    print(f"python-docx texts : {n / min(pydocx_t):8.1f} docs/s  ({min(pydocx_t) * 1000 / n:6.2f} ms/doc)"
          "  (context: paragraph texts only, no tables, numbering, fonts or outline)")
    print(f"ratio parsers/raw : {parse_best / raw_best:8.2f}x")
    largest = max(good, key=lambda item: len(item[1]))
    raw_peak = peak_memory(raw_read, largest[1])
    parse_peak = peak_memory(lambda d: parse_bytes(d, largest[0], ref, keys), largest[1])
    print(f"peak Python memory (tracemalloc, lxml C tree not counted), largest document ({len(largest[1]) // 1024} kB): raw {raw_peak / 1e6:.1f} MB, "  # noqa: E501
          f"parsers {parse_peak / 1e6:.1f} MB, ratio {parse_peak / raw_peak:.2f}x")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for name, data in good:
            parse_bytes(data, name, ref, keys)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()

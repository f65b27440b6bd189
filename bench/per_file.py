"""Per-file speed of `tonghop parse` in batch, beside the raw zip + lxml read of the same files, in one run.

What is timed per file is exactly what `tonghop parse FILE…` does for each file once the reference data
is loaded: `flows.pipeline.parse_or_reject(path, ctx)`: read the file, the .docx reader, sections,
unit, indicator extraction and matching. The floor reads the same file from disk, unzips
word/document.xml, parses it with lxml and joins the text of every paragraph: what any parser has to
do at least. Both run over the same realistic reports (tests/realistic and tests/realistic2 written
without LibreOffice, and the generated tests/docgen corpus), interleaved in rounds so that machine
noise hits both alike; the figure that matters is the ratio. The stages are timed too (reader,
sections + unit, indicators) to show where the time goes. Texts the indicator stage reads (numbers,
statuses, word segmentation) are cached within a batch, as in `tonghop parse`/`tonghop run`; every round
starts cold. The generated corpora repeat template sentences more than real reports do, so the cache
saves more here than on a real night.

    .venv/bin/python bench/per_file.py [--rounds 3] [--docgen 40] [--profile [N]]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tonghop.flows.pipeline import load_context, parse_or_reject  # noqa: E402
from tonghop.indicators.extract import clear_caches, extract_indicators  # noqa: E402
from tonghop.model import Rejection  # noqa: E402
from tonghop.parsers.docx_reader import read_docx  # noqa: E402
from tonghop.parsers.parse import parse_bytes  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def raw_read(path: Path) -> int:
    """The floor: the file's bytes, unzip document.xml, parse it, join the text of every paragraph."""
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    n = 0
    for p in root.iter(W + "p"):
        if "".join(t.text or "" for t in p.iter(W + "t")):
            n += 1
    return n


def corpus(tmp: Path, docgen: int) -> list[Path]:
    """Realistic reports written by the tests' generators (no LibreOffice round trip: not timed here)."""
    from tests.realistic.make_realistic import generate as realistic
    from tests.realistic2.make_corpus import generate as realistic2
    paths = list(realistic(tmp / "realistic", libreoffice=False))
    (tmp / "realistic2").mkdir()
    paths += realistic2(tmp / "realistic2", libreoffice=False)
    if docgen:
        from tests.docgen.corpus import generate_corpus
        paths += [p for p in generate_corpus(docgen, seed=7, out_dir=tmp / "docgen") if p.suffix == ".docx"]
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--docgen", type=int, default=40, help="documents of the generated corpus added (0: none)")
    ap.add_argument("--profile", type=int, nargs="?", const=30, default=0,
                    help="print the N functions of the per-file path with most cumulative/own time")
    args = ap.parse_args()
    ctx = load_context()
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(Path(tmp), args.docgen)
        good = [p for p in paths if not isinstance(parse_or_reject(p, ctx), Rejection)]   # warm-up too
        raw_t, parse_t, stage_t = [], [], {"reader": [], "sections+unit": [], "indicators": []}
        for _ in range(args.rounds):
            t = time.perf_counter()
            for p in good:
                raw_read(p)
            raw_t.append(time.perf_counter() - t)
            clear_caches()          # each round is one cold batch: texts cached only within it
            t = time.perf_counter()
            for p in good:
                parse_or_reject(p, ctx)
            parse_t.append(time.perf_counter() - t)
            clear_caches()
            reader = sections = indicators = 0.0
            for p in good:
                data = p.read_bytes()
                t0 = time.perf_counter()
                read_docx(data)
                t1 = time.perf_counter()
                sub = parse_bytes(data, str(p), ctx.ref, ctx.keys)      # reads again: minus the reader
                t2 = time.perf_counter()
                extract_indicators(sub.sections, ctx.ref.catalog, ctx.matcher)
                t3 = time.perf_counter()
                reader += t1 - t0
                sections += (t2 - t1) - (t1 - t0)
                indicators += t3 - t2
            stage_t["reader"].append(reader)
            stage_t["sections+unit"].append(sections)
            stage_t["indicators"].append(indicators)
        n = len(good)
        raw_best, parse_best = min(raw_t), min(parse_t)
        print(f"documents: {n} realistic reports (of {len(paths)} written; rejected ones dropped), "
              f"rounds: {args.rounds}, best round shown")
        print(f"floor: read + zip + lxml : {raw_best * 1000 / n:7.2f} ms/doc")
        print(f"tonghop parse, per file  : {parse_best * 1000 / n:7.2f} ms/doc")
        for stage, times in stage_t.items():
            print(f"  {stage:<22} : {min(times) * 1000 / n:7.2f} ms/doc")
        print(f"ratio parse/floor        : {parse_best / raw_best:7.2f}x")
        if args.profile:
            clear_caches()
            prof = cProfile.Profile()
            prof.enable()
            for p in good:
                parse_or_reject(p, ctx)
            prof.disable()
            stats = pstats.Stats(prof)
            stats.sort_stats("cumulative").print_stats(args.profile)
            stats.sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()

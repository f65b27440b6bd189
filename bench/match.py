"""Matching throughput: `match_names` (one cdist batch) vs a plain `rapidfuzz.process.extractOne` loop.

    .venv/bin/python bench/match.py [--n 10000]

10,000 names are made by varying catalog names and non-catalog names (bench/match_corpus.py).
The loop baselines score the same names against the same catalog keys one name at a time:
(a) extractOne on raw names with rapidfuzz's default processor and WRatio, no normalisation;
(b) extractOne with the project's normalisation (name_key); (c) the same with the two cdist scorers.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate_match import SECOND_CATALOG  # noqa: E402
from match_corpus import labelled_names, negatives_for  # noqa: E402
from rapidfuzz import fuzz, process, utils  # noqa: E402

from tonghop.aggregators import matching  # noqa: E402
from tonghop.aggregators.matching import build_matcher, match_names, name_key  # noqa: E402
from tonghop.reference import load_catalog  # noqa: E402


def clear_caches() -> None:
    """Forget every cached key so each contender starts cold."""
    for fn in (name_key, matching.match_key, matching._typo_column, matching.unit_class):
        fn.cache_clear()


def timed(label: str, n: int, fn) -> float:
    clear_caches()
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"{label:<58}{seconds:>8.3f} s{n / seconds:>12,.0f} names/s")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    args = ap.parse_args()
    catalog, other = load_catalog(), load_catalog(SECOND_CATALOG)
    items = labelled_names(catalog, negatives_for(catalog, other), args.n, seed=11)
    names, units = [i.name for i in items], [i.unit for i in items]
    matcher = build_matcher(catalog)
    raw_choices = [n for e in catalog.entries for n in (e.ten, *e.bi_danh)]
    keys = list(matcher.marked.keys)
    print(f"{len(names)} names x {len(keys)} catalog keys ({len(catalog.entries)} entries), "
          f"{len({*names})} distinct names")

    ours = timed("match_names (cdist batch: 2 scorers + coverage + qualifiers + units)", len(names),
                 lambda: match_names(matcher, names, units))
    matching_keys = [name_key(n, matcher.abbreviations) for n in names]
    clear_caches()
    core = timed("  of which scoring on prepared keys (no normalisation)", len(names),
                 lambda: matching._score_keys(matcher.marked, matching_keys))
    loop_raw = timed("extractOne loop, raw names, WRatio, default processor", len(names),
                     lambda: [process.extractOne(n, raw_choices, scorer=fuzz.WRatio,
                                                 processor=utils.default_process) for n in names])
    loop_norm = timed("extractOne loop, name_key processor, WRatio", len(names),
                      lambda: [process.extractOne(name_key(n, matcher.abbreviations), keys, scorer=fuzz.WRatio)
                               for n in names])
    loop_same = timed("extractOne loop x2 (token_sort_ratio, ratio), name_key", len(names),
                      lambda: [[process.extractOne(name_key(n, matcher.abbreviations), keys, scorer=s)
                                for s in (fuzz.token_sort_ratio, fuzz.ratio)]
                               for n in names])
    print(f"ratio extractOne loop (raw) / match_names:          {loop_raw / ours:6.2f}x")
    print(f"ratio extractOne loop (normalised) / match_names:   {loop_norm / ours:6.2f}x")
    print(f"ratio extractOne loop x2 scorers / match_names:     {loop_same / ours:6.2f}x")
    print(f"ratio extractOne loop x2 scorers / scoring core:    {loop_same / core:6.2f}x")


if __name__ == "__main__":
    main()

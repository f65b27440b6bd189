"""Indicator accuracy against the generator's ground truth (issue 4's acceptance figures).

    .venv/bin/python bench/indicator_accuracy.py [--docs 60] [--seed 5]

Generates a corpus with tests/docgen, parses every document, extracts indicators and compares them
with the truth records: precision and recall on catalog ids (a non-catalog row matched to an id
counts against precision), value / target / status accuracy on matched pairs, per name variant.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.docgen.corpus import generate_corpus  # noqa: E402
from tonghop.aggregators.matching import build_matcher  # noqa: E402
from tonghop.indicators.extract import extract_indicators  # noqa: E402
from tonghop.parsers.parse import parse_file  # noqa: E402
from tonghop.reference import load_reference  # noqa: E402


def close(a, b) -> bool:
    return a is None and b is None or a is not None and b is not None and abs(a - b) <= 1e-6 * max(1, abs(b))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    ref = load_reference()
    matcher = build_matcher(ref.catalog)
    found_ids = right_ids = truth_ids = 0
    pairs = defaultdict(lambda: [0, 0, 0, 0])        # variant -> n, value ok, target ok, status ok
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in generate_corpus(args.docs, args.seed, Path(tmp), broken=0):
            truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            sub = parse_file(path, ref)
            got = extract_indicators(sub.sections, ref.catalog, matcher)
            want = {t["id"]: t for t in truth.get("indicators", []) if t["id"]}
            have = {}
            for v in got:
                if v.id:
                    have.setdefault(v.id, v)
            found_ids += len(have)
            truth_ids += len(want)
            for cid, v in have.items():
                t = want.get(cid)
                if t is None:
                    misses.append(("extra", path.name, cid, v.name_raw, v.source.text[:80]))
                    continue
                right_ids += 1
                p = pairs[t.get("name_variant", "?")]
                p[0] += 1
                p[1] += close(v.value, t["value"])
                p[2] += close(v.target, t["target"])
                p[3] += (v.status.value if v.status else None) == t["status"]
            misses.extend(("missed", path.name, cid, t["name_raw"], t["kind"]) for cid, t in want.items()
                          if cid not in have)
    n = sum(p[0] for p in pairs.values())
    print(f"{args.docs} documents, {truth_ids} catalog indicators in truth, {found_ids} matched")
    print(f"precision {right_ids / max(found_ids, 1):.4f}  recall {right_ids / max(truth_ids, 1):.4f}")
    print(f"on matched pairs: value {sum(p[1] for p in pairs.values()) / max(n, 1):.4f}  "
          f"target {sum(p[2] for p in pairs.values()) / max(n, 1):.4f}  "
          f"status {sum(p[3] for p in pairs.values()) / max(n, 1):.4f}")
    print(f"  {'variant':<14}{'n':>6}{'value':>8}{'target':>8}{'status':>8}")
    for k, p in sorted(pairs.items()):
        print(f"  {k:<14}{p[0]:>6}{p[1] / p[0]:>8.3f}{p[2] / p[0]:>8.3f}{p[3] / p[0]:>8.3f}")
    for m in misses[:25]:
        print("  ", *m)


if __name__ == "__main__":
    main()

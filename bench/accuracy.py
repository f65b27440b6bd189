"""Parser accuracy against the generator's ground truth (issue 3's acceptance figures).

    .venv/bin/python bench/accuracy.py [--docs 150] [--seed 11] [--show-errors 10]

Generates a corpus with tests/docgen, parses every document and reports paragraph coverage,
section accuracy, outline-heading recall/precision, unit identification, rejections of the broken
files, and section accuracy per generator feature.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.docgen.corpus import generate_corpus  # noqa: E402
from tonghop.parsers.docx_reader import DocxError  # noqa: E402
from tonghop.parsers.normalize import clean  # noqa: E402
from tonghop.parsers.parse import parse_file  # noqa: E402
from tonghop.parsers.units import unit_keys  # noqa: E402
from tonghop.reference import load_reference  # noqa: E402


@dataclass
class Tally:
    """Counts over the corpus."""

    docs: int = 0
    paragraphs: int = 0
    lost: int = 0
    extra: int = 0
    placed: int = 0
    placed_right: int = 0
    heading_truth: int = 0
    heading_found: int = 0
    heading_right: int = 0
    unit_right: int = 0
    broken: int = 0
    broken_rejected: int = 0
    by_feature: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list = field(default_factory=list)


def parsed_sequence(sub) -> list[tuple[str, str]]:
    """(text, section id) of every heading and paragraph, in document order."""
    out = []
    for s in sub.sections:
        items = ([s.heading] if s.heading else []) + list(s.paragraphs)
        out.extend((p.index, n, clean(p.text), s.id) for n, p in enumerate(items))
    return [(t, sid) for _, _, t, sid in out]


def score_document(sub, truth: dict, tally: Tally) -> None:
    expected = [(clean(p["text"]), p["section"]) for p in truth["paragraphs"] if clean(p["text"])]
    got = parsed_sequence(sub)
    tally.docs += 1
    tally.paragraphs += len(expected)
    exp_count, got_count = Counter(t for t, _ in expected), Counter(t for t, _ in got)
    tally.lost += sum((exp_count - got_count).values())
    tally.extra += sum((got_count - exp_count).values())
    matcher = difflib.SequenceMatcher(a=[t for t, _ in expected], b=[t for t, _ in got], autojunk=False)
    right = total = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            text, want = expected[block.a + k]
            have = got[block.b + k][1]
            total += 1
            if want == have:
                right += 1
            elif len(tally.errors) < 400:
                tally.errors.append((truth["file"], text[:70], want, have))
    unmatched = len(expected) - total
    tally.placed += len(expected)
    tally.placed_right += right
    for feature in truth.get("features", []):
        tally.by_feature[feature][0] += right
        tally.by_feature[feature][1] += right + (total - right) + unmatched
    truth_heads = Counter((clean(p["text"]), p["node"]) for p in truth["paragraphs"] if p.get("heading") and p.get("node"))
    found = Counter((clean(s.heading.text), s.id) for s in sub.sections if s.matched and s.heading is not None)
    tally.heading_truth += sum(truth_heads.values())
    tally.heading_found += sum(found.values())
    tally.heading_right += sum((truth_heads & found).values())
    for (text, node), _n in (truth_heads - found).items():
        if len(tally.errors) < 400:
            tally.errors.append((truth["file"], "HEADING MISSED " + text[:60], node, "-"))
    for (text, node), _n in (found - truth_heads).items():
        if len(tally.errors) < 400:
            tally.errors.append((truth["file"], "HEADING WRONG " + text[:60], "-", node))
    if sub.unit.id == truth.get("unit_id"):
        tally.unit_right += 1
    elif len(tally.errors) < 400:
        tally.errors.append((truth["file"], "UNIT", truth.get("unit_id"), sub.unit.id))


def evaluate(paths: list[Path], ref) -> Tally:
    keys = unit_keys(ref.units)
    tally = Tally()
    for path in paths:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if truth.get("expected") == "rejected":
            tally.broken += 1
            try:
                parse_file(path, ref, keys)
            except DocxError:
                tally.broken_rejected += 1
            continue
        score_document(parse_file(path, ref, keys), truth, tally)
    return tally


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:6.2f}%" if b else "   n/a"


def report(t: Tally, show_errors: int) -> str:
    lines = [
        f"documents parsed: {t.docs}, broken files rejected: {t.broken_rejected}/{t.broken}",
        f"paragraphs in truth: {t.paragraphs}; lost: {t.lost}; extra or duplicated: {t.extra}; "
        f"coverage: {pct(t.paragraphs - t.lost, t.paragraphs)}",
        f"section accuracy: {pct(t.placed_right, t.placed)}",
        f"outline-heading recall: {pct(t.heading_right, t.heading_truth)}  precision: {pct(t.heading_right, t.heading_found)}",
        f"unit identification: {pct(t.unit_right, t.docs)}",
        "",
        "| feature | docs' paragraphs | section accuracy |",
        "| --- | ---: | ---: |",
    ]
    for feature, (right, total) in sorted(t.by_feature.items()):
        lines.append(f"| {feature} | {total} | {pct(right, total)} |")
    if show_errors:
        lines.append("")
        lines.extend(f"  {f}: {text!r} want {w} got {g}" for f, text, w, g in t.errors[:show_errors])
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--corpus", type=Path, help="use an existing corpus folder instead of generating one")
    ap.add_argument("--outline", default="de-cuong-huyen", help="outline id the corpus follows (data/outlines)")
    args = ap.parse_args()
    ref = load_reference(args.outline)
    if args.corpus:
        print(report(evaluate(sorted(args.corpus.glob("*.docx")), ref), args.show_errors))
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = [p for p in generate_corpus(args.docs, seed=args.seed, out_dir=Path(tmp)) if p.suffix == ".docx"]
        print(report(evaluate(paths, ref), args.show_errors))


if __name__ == "__main__":
    main()

"""The parser on real-shaped documents (issue 11): body lost to the closing block, false unit claims,
glued words, readings from non-value lists, and the unit-identification floor's calibration.

    .venv/bin/python bench/real_shapes.py [--docs 70] [--seed 7] [--show-errors 10] [--calibrate]

Generates tests/realshapes (decisions, rules, outline reports, student reports, forms, state bodies'
decisions, lower committees; letterheads with Shift+Enter inside cells) and scores every document through
the same per-file work as `tonghop parse` (parse + indicators). --calibrate also prints the unit scores of
right identifications and of the best registry likeness of documents no registry unit wrote, over this
corpus and the earlier ones (tests/docgen, tests/realistic, tests/realistic2, tests/foreign).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.realshapes.make import generate  # noqa: E402
from tonghop.flows.pipeline import load_context, parse_one  # noqa: E402
from tonghop.parsers.normalize import clean  # noqa: E402


@dataclass
class Score:
    """Counts over the corpus."""

    docs: int = 0
    body: int = 0                    # truth front/body paragraphs
    body_in_back: int = 0
    closing: int = 0                 # truth closing paragraphs
    closing_in_back: int = 0
    unit_docs: int = 0               # documents a registry unit wrote
    unit_right: int = 0
    unit_review: int = 0             # registry documents flagged for review instead of identified
    false_claims: int = 0            # a unit named that did not write the document
    glued: int = 0
    tokens: int = 0
    nonvalue_readings: int = 0
    indicator_rows: int = 0          # rows of real indicator tables
    headings: int = 0                # truth outline headings (reports)
    headings_right: int = 0
    false_headings: int = 0          # lines aligned to an outline node that are no outline heading
    indicator_rows_read: int = 0
    lost: int = 0
    errors: list = field(default_factory=list)
    by_kind: dict = field(default_factory=dict)


def parsed_items(sub) -> list[tuple[str, str]]:
    """(section id, text) of every heading, paragraph and table cell of a parsed submission."""
    out = []
    for n, s in enumerate(sub.sections):
        for p in ([s.heading] if s.heading else []) + list(s.paragraphs):
            out.append((n, p.index, s.id, p.text))
        for t in s.tables:
            out.extend((n, t.index, s.id, cell) for row in t.rows for cell in dict.fromkeys(row) if cell)
    return [(sid, text) for *_, sid, text in sorted(out, key=lambda x: (x[0], x[1]))]


def _lines(text: str) -> list[str]:
    return [clean(x) for x in text.replace("\t", " ").split("\n") if clean(x)]


def truth_texts(truth: dict) -> list[tuple[str, str, bool]]:
    """(role, line, non-value) of every line of the truth (cell lines one by one)."""
    out = []
    for item in truth["items"]:
        texts = [item["text"]] if item["kind"] == "p" else [c for row in item["rows"] for c in dict.fromkeys(row) if c]
        for text in texts:
            out.extend((item["role"], line, item["nonvalue"]) for line in _lines(text))
    return out


def glued_tokens(sub, truth: dict) -> tuple[int, int]:
    """(tokens the parse made by joining two truth words across a line break or tab, tokens read)."""
    lines = [line for _, line, _ in truth_texts(truth)]
    vocab = {w for line in lines for w in line.split()}
    joints = set()
    for item in truth["items"]:
        texts = [item["text"]] if item["kind"] == "p" else [c for row in item["rows"] for c in row if c]
        for text in texts:
            parts = re.split(r"[\n\t]+", text)
            for a, b in zip(parts, parts[1:]):
                if a.split() and b.split():
                    joints.add(a.split()[-1] + b.split()[0])
    read = [w for _, text in parsed_items(sub) for w in text.split()]
    return sum(1 for w in read if w not in vocab and w in joints), len(read)


def score_document(sub, truth: dict, score: Score) -> None:
    score.docs += 1
    kind = score.by_kind.setdefault(truth["kind"], Counter())
    kind["docs"] += 1
    where: dict[str, list[str]] = {}
    for sid, text in parsed_items(sub):
        for line in _lines(text):
            where.setdefault(line, []).append(sid)
    for role, line, _ in truth_texts(truth):
        sids = where.get(line)
        if not sids:
            score.lost += 1
            if len(score.errors) < 200:
                score.errors.append((truth["file"], "LOST", line[:60]))
            continue
        sid = sids.pop(0)
        if role == "closing":
            score.closing += 1
            score.closing_in_back += sid == "back"
        else:
            score.body += 1
            kind["body"] += 1
            if sid == "back":
                score.body_in_back += 1
                kind["body_in_back"] += 1
                if len(score.errors) < 200:
                    score.errors.append((truth["file"], "BODY IN BACK", line[:60]))
    heads = Counter((clean(" ".join(i["text"].split())), i["heading"]) for i in truth["items"] if i.get("heading"))
    found = Counter((clean(" ".join(s.heading.text.split())), s.id) for s in sub.sections
                    if s.matched and s.heading is not None and s.id not in ("front", "back"))
    score.headings += sum(heads.values())
    score.headings_right += sum((heads & found).values())
    score.false_headings += sum((found - heads).values())
    kind["false_headings"] += sum((found - heads).values())
    for (text, node), _ in (found - heads).items():
        score.errors.append((truth["file"], "FALSE HEADING", f"{text[:50]} -> {node}"))
    want = truth["unit_id"]
    got = sub.unit.id
    if want is not None:
        score.unit_docs += 1
        score.unit_right += got == want
        score.unit_review += got is None and sub.unit.evidence.startswith("uncertain")
    if got is not None and got != want:
        score.false_claims += 1
        kind["false_claims"] += 1
        score.errors.append((truth["file"], "FALSE UNIT", f"{got} ({sub.unit.score}) {sub.unit.evidence}"))
    elif want is not None and got != want and len(score.errors) < 200:
        score.errors.append((truth["file"], "UNIT MISSED", f"{want}: {sub.unit.evidence} {sub.unit.score}"))
    glued, tokens = glued_tokens(sub, truth)
    score.glued += glued
    score.tokens += tokens
    names = [row[1] for item in truth["items"] if item["kind"] == "table" and not item["nonvalue"]
             and "Chỉ tiêu" in item["rows"][0] for row in item["rows"][1:]]
    read = {clean(iv.name_raw) for iv in sub.indicators if iv.value is not None}
    score.indicator_rows += len(names)
    score.indicator_rows_read += sum(clean(n) in read for n in names)
    nonvalue = [line for _, line, nv in truth_texts(truth) if nv]
    for iv in sub.indicators:
        text = clean(iv.source.text)
        if any(line in text or text in line for line in nonvalue if len(line) > 3):
            score.nonvalue_readings += 1
            kind["nonvalue_readings"] += 1
            score.errors.append((truth["file"], "NON-VALUE READING", f"{iv.name_raw[:40]} = {iv.value}"))


def evaluate(paths: list[Path], ctx) -> Score:
    score = Score()
    for path in paths:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        score_document(parse_one(path, ctx), truth, score)
    return score


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}%" if b else "n/a"


def report(s: Score, show_errors: int = 0) -> str:
    lines = [f"documents: {s.docs}",
             f"body paragraphs in back (closing block): {s.body_in_back}/{s.body} = {pct(s.body_in_back, s.body)}",
             f"closing lines in back: {s.closing_in_back}/{s.closing} = {pct(s.closing_in_back, s.closing)}",
             f"lines lost: {s.lost}",
             f"registry units identified: {s.unit_right}/{s.unit_docs} (flagged for review: {s.unit_review})",
             f"false unit claims: {s.false_claims}",
             f"glued words: {s.glued} of {s.tokens} words read",
             f"readings from non-value lists: {s.nonvalue_readings}",
             f"rows of real indicator tables read: {s.indicator_rows_read}/{s.indicator_rows}",
             f"outline headings found: {s.headings_right}/{s.headings}; lines wrongly matched to the outline: "
             f"{s.false_headings}",
             "", "| kind | docs | body in back | false unit claims | non-value readings | false headings |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for kind, c in sorted(s.by_kind.items()):
        lines.append(f"| {kind} | {c['docs']} | {c['body_in_back']}/{c['body']} | {c['false_claims']} | "
                     f"{c['nonvalue_readings']} | {c['false_headings']} |")
    if show_errors:
        lines.append("")
        lines += [f"  {f}: {what}: {detail}" for f, what, detail in s.errors[:show_errors]]
    return "\n".join(lines)


def calibration(paths_by_corpus: dict[str, list[Path]], ctx) -> str:
    """Unit scores of right identifications and best registry likeness of non-registry documents."""
    from tonghop.parsers.parse import parse_file
    from tonghop.parsers.units import REVIEW_FLOOR
    right, others = [], []
    for corpus, paths in paths_by_corpus.items():
        for path in paths:
            truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            if truth.get("expected") == "rejected":
                continue
            sub = parse_file(path, ctx.ref, ctx.keys)
            if truth.get("unit_id") is None:
                others.append((sub.unit.score, corpus, path.name, sub.unit.evidence))
            elif sub.unit.evidence.startswith(("header", "uncertain")):
                right.append((sub.unit.score, corpus, path.name, sub.unit.evidence))
    right.sort()
    others.sort(reverse=True)
    out = [f"review floor in use: {REVIEW_FLOOR}",
           f"registry documents: {len(right)}, lowest letterhead scores: "
           + ", ".join(f"{s:.3f} ({c})" for s, c, _, _ in right[:5]),
           f"non-registry documents: {len(others)}, highest registry likeness: "
           + ", ".join(f"{s:.3f} ({c})" for s, c, _, _ in others[:5])]
    out += [f"  lowest right: {c}/{n}: {s:.3f} {e}" for s, c, n, e in right[:3]]
    out += [f"  highest other: {c}/{n}: {s:.3f} {e}" for s, c, n, e in others[:3]]
    return "\n".join(out)


def heading_calibration(paths_by_corpus: dict[str, list[Path]], ref) -> str:
    """Best pairing score of lines that are headings only by their looks (no label, no heading style):
    those the truth calls outline headings against those it does not (the weak-heading floor)."""
    import numpy as np

    from tonghop.parsers.align import WEAK_HEADING_FLOOR, node_label, pair_scores, similarity
    from tonghop.parsers.docx_reader import DocxError, read_docx
    from tonghop.parsers.headings import detect_all
    labels = [node_label(n) for n in ref.outline.nodes]
    index = {n.id: j for j, n in enumerate(ref.outline.nodes)}
    parents = [labels[index[n.parent]] if n.parent else None for n in ref.outline.nodes]
    right, wrong = [], []
    for corpus, paths in paths_by_corpus.items():
        for path in paths:
            truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            items = truth.get("paragraphs") or truth.get("items") or []
            heads = {clean(" ".join(i["text"].split())): i.get("node") or i.get("heading") for i in items
                     if i.get("text") and (i.get("heading") is True and i.get("node") or isinstance(i.get("heading"), str))}
            try:
                blocks, _ = read_docx(path.read_bytes())
            except DocxError:
                continue
            weak = [c for c in detect_all(blocks) if c.label is None and c.style_level is None]
            if not weak:
                continue
            w = pair_scores(similarity([c.title for c in weak], ref.outline), weak, labels, parents)
            for c, row in zip(weak, w):
                node = ref.outline.nodes[int(np.argmax(row))].id
                text = clean(" ".join(blocks[c.pos].text.split()))
                (right if heads.get(text) == node else wrong).append((float(row.max()), corpus, text[:40], node))
    right.sort()
    wrong.sort(reverse=True)
    from tonghop.parsers.align import MIN_GAIN_SCORE
    refused = [x for x in wrong if MIN_GAIN_SCORE < x[0] < WEAK_HEADING_FLOOR]
    lines = [f"weak-heading floor in use: {WEAK_HEADING_FLOOR} (labelled or styled headings: {MIN_GAIN_SCORE})",
             f"unlabelled, unstyled outline headings: {len(right)}, lowest pairing scores: "
             + ", ".join(f"{x[0]:.3f} ({x[1]})" for x in right[:4])
             + f"; below the floor: {sum(x[0] < WEAK_HEADING_FLOOR for x in right)}",
             f"unlabelled, unstyled other lines: {len(wrong)}; scoring between {MIN_GAIN_SCORE} and the floor (could "
             f"pair, now refused): {len(refused)}, e.g. " + ", ".join(f"{x[2]} -> {x[3]} {x[0]:.3f}" for x in refused[:2]),
             f"  other lines at or above the floor (left to the alignment's order): "
             f"{sum(x[0] >= WEAK_HEADING_FLOOR for x in wrong)}"]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=70)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--calibrate", action="store_true")
    args = ap.parse_args()
    ctx = load_context()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp) / "realshapes", args.docs, args.seed)
        print(report(evaluate(paths, ctx), args.show_errors))
        if args.calibrate:
            from tests.docgen.corpus import generate_corpus
            from tests.foreign.make_foreign import generate as foreign
            from tests.realistic.make_realistic import generate as realistic
            from tests.realistic2.make_corpus import generate as realistic2
            corpora = {"realshapes": paths}
            for name, make in (("docgen", lambda d: generate_corpus(150, seed=11, out_dir=d)),
                               ("realistic", lambda d: realistic(d, libreoffice=False)),
                               ("realistic2", lambda d: realistic2(d, libreoffice=False)),
                               ("foreign", lambda d: foreign(d))):
                d = Path(tmp) / name
                d.mkdir()
                corpora[name] = [p for p in make(d) if p.suffix == ".docx"]
            print()
            print(calibration(corpora, ctx))
            print(heading_calibration(corpora, ctx.ref))


if __name__ == "__main__":
    main()

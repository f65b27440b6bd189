"""Indicator extraction and matching on the hand-labelled realistic set (tests/data/chi-tieu-that.jsonl).

    .venv/bin/python bench/indicator_realistic.py [--data tests/data/chi-tieu-that.jsonl] [--verbose]

Each case is a whole table (header rows included) or a paragraph, written the way district reports
write them, with the expected readings: catalog id (or null for an indicator that is not in the
catalog and must stay unmatched), value, target, estimate, status and variation tags. Prints
precision and recall on catalog ids (a non-catalog reading matched to an id, a second match of a
row, a wrong id all count against precision), value / target / estimate / status accuracy on the
matched pairs, and a per-variation table.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tonghop.aggregators.matching import Matcher, build_matcher  # noqa: E402
from tonghop.indicators.extract import extract_indicators  # noqa: E402
from tonghop.model import Catalog, IndicatorValue, Paragraph, Section, Table  # noqa: E402
from tonghop.reference import load_catalog  # noqa: E402

DATA = ROOT / "tests" / "data" / "chi-tieu-that.jsonl"
FIELDS = ("value", "target", "estimate", "status")


@dataclass
class Tally:
    """Counts for one variation tag (or for everything)."""

    n: int = 0                       # expected catalog readings
    found: int = 0                   # of them matched to the right id
    right: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    n_null: int = 0                  # expected non-catalog readings
    null_matched: int = 0            # of them wrongly given an id


@dataclass
class Scores:
    """Everything the bench measures on one labelled set."""

    cases: int = 0
    truth: int = 0                   # expected catalog readings
    matched: int = 0                 # extracted readings that carry an id
    correct: int = 0                 # of them paired with an expected reading of that id
    total: Tally = field(default_factory=Tally)
    tags: dict = field(default_factory=lambda: defaultdict(Tally))
    problems: list = field(default_factory=list)
    unit_right: int = 0              # matched pairs whose unit agrees (where the set gives one)

    @property
    def precision(self) -> float:
        return self.correct / self.matched if self.matched else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 1.0

    def accuracy(self, name: str) -> float:
        return self.total.right[name] / self.total.found if self.total.found else 1.0


def load_cases(path: Path = DATA) -> list[dict]:
    """The labelled cases, one JSON object per line."""
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def case_section(case: dict) -> Section:
    """The case as a one-section document: its table or its paragraph."""
    if case["kind"] == "table":
        table = Table(rows=tuple(tuple(r) for r in case["rows"]), index=0)
        return Section(id=case["section"], heading=None, matched=True, score=1.0, tables=(table,))
    return Section(id=case["section"], heading=None, matched=True, score=1.0,
                   paragraphs=(Paragraph(text=case["text"], index=0),))


def _close(got, want) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return abs(float(got) - float(want)) <= 1e-6 * max(1.0, abs(float(want)))


def _field(v: IndicatorValue, name: str):
    if name == "status":
        return v.status.value if v.status else None
    return getattr(v, name)


def _belongs(v: IndicatorValue, expect: dict, case: dict) -> bool:
    """Whether an extracted reading comes from the row, column or phrase an expectation describes
    (an expectation on a transposed table names its column, not a row)."""
    if case["kind"] == "table" and expect.get("row") is not None:
        return v.source.text == " | ".join(case["rows"][expect["row"]])
    phrase = (expect.get("name") or "").casefold()
    return not phrase or phrase in v.name_raw.casefold() \
        or (expect["id"] is not None and phrase in v.source.text.casefold())


def unit_key(unit: str | None) -> str:
    """A unit compared without case or spaces ("Tỷ đồng" = "tỷ đồng")."""
    return "".join((unit or "").casefold().split())


def score_case(case: dict, got: tuple[IndicatorValue, ...], scores: Scores) -> None:
    """Pair extracted readings with expectations and add them to the tallies."""
    ided = [v for v in got if v.id]
    used: set[int] = set()
    expects = case["expect"]
    for e in (e for e in expects if e["id"]):
        tallies = [scores.total] + [scores.tags[t] for t in e["tags"]]
        for t in tallies:
            t.n += 1
        options = [i for i, v in enumerate(ided) if i not in used and v.id == e["id"]]
        hit = next((i for i in options if _belongs(ided[i], e, case)), options[0] if options else None)
        if hit is None:
            scores.problems.append((case["case"], "missed", e["id"], e.get("name") or e.get("row")))
            continue
        used.add(hit)
        v = ided[hit]
        for t in tallies:
            t.found += 1
        for name in FIELDS:
            ok = _close(_field(v, name), e[name]) if name != "status" else _field(v, name) == e[name]
            for t in tallies:
                t.right[name] += ok
            if not ok:
                scores.problems.append((case["case"], f"{name} {_field(v, name)!r} != {e[name]!r}", e["id"],
                                        v.source.text[:90]))
        scores.unit_right += e.get("unit") is None or unit_key(v.unit) == unit_key(e["unit"])
    extra = [v for i, v in enumerate(ided) if i not in used]
    for e in (e for e in expects if e["id"] is None):
        tallies = [scores.total] + [scores.tags[t] for t in e["tags"]]
        wrong = any(_belongs(v, e, case) for v in extra)
        for t in tallies:
            t.n_null += 1
            t.null_matched += wrong
    for v in extra:
        scores.problems.append((case["case"], "extra", v.id, v.name_raw[:90]))
    scores.matched += len(ided)
    scores.correct += len(ided) - len(extra)
    scores.truth += sum(1 for e in expects if e["id"])


def evaluate(path: Path = DATA, catalog: Catalog | None = None, matcher: Matcher | None = None) -> Scores:
    """Run extraction and matching over every case of the labelled set."""
    catalog = catalog or load_catalog()
    matcher = matcher or build_matcher(catalog)
    scores = Scores()
    for case in load_cases(path):
        got = extract_indicators((case_section(case),), catalog, matcher)
        score_case(case, got, scores)
        scores.cases += 1
    return scores


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(s: Scores, verbose: bool = False) -> str:
    """The figures as text: totals, then one line per variation tag."""
    lines = [f"{s.cases} cases, {s.truth} catalog readings + {s.total.n_null} non-catalog readings; "
             f"{s.matched} extracted with an id",
             f"precision {s.precision:.4f}  recall {s.recall:.4f}",
             "on matched pairs: " + "  ".join(f"{n} {s.accuracy(n):.4f}" for n in FIELDS),
             f"non-catalog readings wrongly matched: {s.total.null_matched}/{s.total.n_null}",
             f"  {'variation':<34}{'n':>4}{'recall':>8}{'value':>7}{'target':>7}{'estim':>7}{'status':>7}"
             f"{'null':>6}{'wrong':>6}"]
    for tag, t in sorted(s.tags.items()):
        lines.append(f"  {tag:<34}{t.n:>4}{_ratio(t.found, t.n):>8}"
                     + "".join(f"{_ratio(t.right[n], t.found):>7}" for n in FIELDS)
                     + f"{t.n_null:>6}{t.null_matched:>6}")
    if verbose:
        lines += ["  " + " | ".join(str(x) for x in p) for p in s.problems]
    return "\n".join(lines)


def main(data: Path = DATA, describe: str = __doc__, render=None) -> None:
    """Command line of this bench (and of the independent set's, which passes its data and report)."""
    ap = argparse.ArgumentParser(description=describe.splitlines()[0])
    ap.add_argument("--data", type=Path, default=data)
    ap.add_argument("--verbose", action="store_true", help="list every miss, extra match and wrong field")
    args = ap.parse_args()
    print((render or report)(evaluate(args.data), args.verbose))


if __name__ == "__main__":
    main()

"""Indicator extraction and matching on the independent labelled set (tests/data/chi-tieu-doc-lap.jsonl).

    .venv/bin/python bench/indicator_independent.py [--data tests/data/chi-tieu-doc-lap.jsonl] [--verbose]

The set was written by a tester who had not read the generator or the first realistic set: whole
tables (header rows, merged header and group cells repeated in every covered cell, transposed
tables) and paragraphs, with the expected catalog id (null for an indicator that is not in the
catalog), value, target, estimate, status and unit. Scoring is that of bench/indicator_realistic.py
(precision and recall on catalog ids, field accuracy on matched pairs, a per-variation table), with
two additions: an expectation of a transposed table names its column instead of a row, and the unit
read is scored too (reported, not a bar).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aggregators.indicators import extract_indicators  # noqa: E402
from aggregators.matching import Matcher, build_matcher  # noqa: E402
from bench.indicator_realistic import FIELDS, Scores, _close, _field, case_section, load_cases  # noqa: E402
from bench.indicator_realistic import report as _report  # noqa: E402
from model import Catalog, IndicatorValue  # noqa: E402
from parsers.reference import load_catalog  # noqa: E402

DATA = ROOT / "tests" / "data" / "chi-tieu-doc-lap.jsonl"


class IndependentScores(Scores):
    """Scores plus unit agreement on matched pairs."""

    def __init__(self) -> None:
        super().__init__()
        self.unit_right = 0


def _belongs(v: IndicatorValue, expect: dict, case: dict) -> bool:
    """Whether an extracted reading comes from the row, column or phrase an expectation describes."""
    if case["kind"] == "table" and expect.get("row") is not None:
        return v.source.text == " | ".join(case["rows"][expect["row"]])
    phrase = (expect.get("name") or "").casefold()
    return not phrase or phrase in v.name_raw.casefold() \
        or (expect["id"] is not None and phrase in v.source.text.casefold())


def unit_key(unit: str | None) -> str:
    """A unit compared without case or spaces ("Tỷ đồng" = "tỷ đồng")."""
    return "".join((unit or "").casefold().split())


def score_case(case: dict, got: tuple[IndicatorValue, ...], scores: IndependentScores) -> None:
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
            scores.problems.append((case["case"], "missed", e["id"], e.get("name")))
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
        scores.unit_right += e["unit"] is None or unit_key(v.unit) == unit_key(e["unit"])
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


def evaluate(path: Path = DATA, catalog: Catalog | None = None, matcher: Matcher | None = None) -> IndependentScores:
    """Run extraction and matching over every case of the independent set."""
    catalog = catalog or load_catalog()
    matcher = matcher or build_matcher(catalog)
    scores = IndependentScores()
    for case in load_cases(path):
        got = extract_indicators((case_section(case),), catalog, matcher)
        score_case(case, got, scores)
        scores.cases += 1
    return scores


def report(s: IndependentScores, verbose: bool = False) -> str:
    """The realistic bench's report with the unit agreement line added."""
    unit = s.unit_right / s.total.found if s.total.found else 1.0
    head, _, rest = _report(s, verbose).partition("\n")
    return f"{head}\nunit agreement on matched pairs {unit:.4f}\n{rest}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--verbose", action="store_true", help="list every miss, extra match and wrong field")
    args = ap.parse_args()
    print(report(evaluate(args.data), args.verbose))


if __name__ == "__main__":
    main()

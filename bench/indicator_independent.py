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

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.indicator_realistic import Scores  # noqa: E402
from bench.indicator_realistic import evaluate as evaluate_set  # noqa: E402
from bench.indicator_realistic import main as realistic_main  # noqa: E402
from bench.indicator_realistic import report as _report  # noqa: E402
from tonghop.aggregators.matching import Matcher  # noqa: E402
from tonghop.model import Catalog  # noqa: E402

DATA = ROOT / "tests" / "data" / "chi-tieu-doc-lap.jsonl"


def evaluate(path: Path = DATA, catalog: Catalog | None = None, matcher: Matcher | None = None) -> Scores:
    """Run extraction and matching over every case of the independent set (scored as the realistic set)."""
    return evaluate_set(path, catalog, matcher)


def report(s: Scores, verbose: bool = False) -> str:
    """The realistic bench's report with the unit agreement line added."""
    unit = s.unit_right / s.total.found if s.total.found else 1.0
    head, _, rest = _report(s, verbose).partition("\n")
    return f"{head}\nunit agreement on matched pairs {unit:.4f}\n{rest}"


def main() -> None:
    realistic_main(DATA, __doc__, report)


if __name__ == "__main__":
    main()

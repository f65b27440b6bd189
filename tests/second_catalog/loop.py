"""The analyst's loop measured on the second-catalog corpus, through the files only: run `tonghop run`, score
`Chi tiết` against the truth, decide every `Cần rà soát` reading from the truth by editing chi-tieu.xlsx
with openpyxl (as an analyst saving in Excel would), run again.

    .venv/bin/python -m tests.second_catalog.loop [WORKDIR]      prints the scores of each run
"""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from tests.e2e_indicators.check import close, key
from tests.second_catalog import make

ANALYST = "Trần Thị Rà Soát"


@dataclass(frozen=True)
class Scores:
    """Counted readings (an id, not waiting in the queue) against the truth of the kept reports."""

    counted: int          # Chi tiết rows that count under an id
    correct: int          # of them, the truth's id for that reading
    truth: int            # true catalog readings
    found: int            # of them, counted under the right id
    queue: int            # readings waiting in Cần rà soát
    decided_in_queue: int  # of them, readings an analyst already decided

    @property
    def precision(self) -> float:
        return self.correct / self.counted if self.counted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.truth if self.truth else 1.0


def sheet(path: Path, title: str) -> list[dict]:
    """A sheet's rows as dicts by header."""
    ws = openpyxl.load_workbook(path, read_only=True)[title]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def same_name(truth_name: str, written: str) -> bool:
    a, b = key(truth_name), key(written or "")
    return bool(a and b) and (a[:25] in b or b[:25] in a)


def truth_of(truth: list[dict], unit: str, name: str) -> dict | None:
    """The true reading of that unit with that name (latest report of the unit)."""
    docs = [d for d in truth if d["unit"] == unit]
    for doc in reversed(docs):
        hit = next((t for t in doc["indicators"] if same_name(t["name"], name)), None)
        if hit is not None:
            return hit
    return None


def score(truth: list[dict], workbook: Path, decided: set[tuple[str, str]] = frozenset()) -> Scores:
    """Precision and recall of the readings that count in Chi tiết; the queue and its decided rows."""
    queue = [r for r in sheet(workbook, "Cần rà soát") if r["Loại"] == "Chỉ tiêu"]
    waiting = {(r["Mã đơn vị"], r["Tên chỉ tiêu (nguyên văn)"]) for r in queue}
    counted = [r for r in sheet(workbook, "Chi tiết")
               if r["Mã chỉ tiêu"] and (r["Mã đơn vị"], r["Tên chỉ tiêu (nguyên văn)"]) not in waiting]
    correct, hits = 0, set()
    for r in counted:
        t = truth_of(truth, r["Mã đơn vị"], r["Tên chỉ tiêu (nguyên văn)"])
        if t is not None and t["id"] == r["Mã chỉ tiêu"]:
            correct += 1
            hits.add((r["Mã đơn vị"], t["name"]))
    kept = {}
    for doc in truth:
        kept[doc["unit"]] = doc                     # a unit's later report replaces the earlier
    true = [(d["unit"], t["name"]) for d in kept.values() for t in d["indicators"] if t["id"]]
    return Scores(counted=len(counted), correct=correct, truth=len(true), found=sum(1 for t in true if t in hits),
                  queue=len(queue), decided_in_queue=sum(1 for k in waiting if k in decided))


def decide_from_truth(workbook: Path, truth: list[dict]) -> list[tuple[str, str, str, float | None]]:
    """Fill Quyết định (and Giá trị đúng where the value read is wrong) of every reading in Cần rà soát from
    the truth, save as an analyst would; the decisions written."""
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Cần rà soát"]
    head = {c.value: c.column for c in ws[1]}
    written = []
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, head["Loại"]).value != "Chỉ tiêu":
            continue
        unit, name = ws.cell(r, head["Mã đơn vị"]).value, ws.cell(r, head["Tên chỉ tiêu (nguyên văn)"]).value
        t = truth_of(truth, unit, name)
        decision = t["id"] if t is not None and t["id"] else "-"
        ws.cell(r, head["Quyết định"]).value = decision
        value = ws.cell(r, head["Giá trị"]).value
        fix = None
        if t is not None and t["id"] and not close(value, t["value"]):
            fix = t["value"]
            ws.cell(r, head["Giá trị đúng"]).value = fix
        written.append((unit, name, decision, fix))
    wb.properties.lastModifiedBy = ANALYST
    wb.save(workbook)
    return written


def decisions_csv(out: Path) -> list[dict]:
    with (out / "quyet-dinh.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def run(inbox: Path, out: Path) -> None:
    """One `tonghop run` with the second catalog, in process through the CLI."""
    from typer.testing import CliRunner

    from tonghop.flows.cli import app

    result = CliRunner().invoke(app, ["run", "--inbox", str(inbox), "--out", str(out), "--catalog", str(make.CATALOG),
                                      "--period", "Giữa nhiệm kỳ 2020 - 2025"])
    if result.exit_code != 0:
        raise RuntimeError(f"tonghop run failed ({result.exit_code}): {result.output[-2000:]}")


def main(argv: list[str]) -> None:
    work = Path(argv[1] if len(argv) > 1 else "/tmp/khac-loop")
    inbox, out = work / "inbox", work / "out"
    truth = make.build(inbox)
    run(inbox, out)
    before = score(truth, out / "chi-tieu.xlsx")
    written = decide_from_truth(out / "chi-tieu.xlsx", truth)
    decided = {(u, n) for u, n, _, _ in written}
    report = {"before": before.__dict__ | {"precision": before.precision, "recall": before.recall},
              "decisions_written": len(written)}
    for n in (1, 2):
        run(inbox, out)
        s = score(truth, out / "chi-tieu.xlsx", decided)
        report[f"after_run_{n}"] = s.__dict__ | {"precision": s.precision, "recall": s.recall,
                                                 "csv_rows": len(decisions_csv(out))}
    truth.append(make.resubmit(4, inbox))
    run(inbox, out)
    s = score(truth, out / "chi-tieu.xlsx", decided)
    report["after_resubmission"] = s.__dict__ | {"precision": s.precision, "recall": s.recall}
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv)

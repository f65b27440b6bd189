"""Issue 4's bars on both hand-labelled sets (tests/data/chi-tieu-that.jsonl and the independent
tests/data/chi-tieu-doc-lap.jsonl), and the first set's integrity."""
from __future__ import annotations

import pytest

from bench import indicator_independent
from bench.indicator_realistic import DATA, evaluate, load_cases
from tonghop.reference import load_catalog


@pytest.fixture(scope="module")
def scores():
    return evaluate(DATA)


def test_the_set_is_large_and_varied():
    cases = load_cases(DATA)
    readings = [e for c in cases for e in c["expect"]]
    assert len(readings) >= 150
    assert sum(1 for e in readings if e["id"] is None) >= 40          # non-catalog readings and traps
    assert {c["kind"] for c in cases} == {"table", "prose"}
    layouts = {t for e in readings for t in e["tags"] if t.startswith("layout:")}
    assert len(layouts) >= 12


def test_labels_name_catalog_ids_and_contract_statuses():
    ids = {e.id for e in load_catalog().entries}
    statuses = {None, "vuot", "dat", "chua_dat", "kha_nang_dat", "gan_dat", "kho_dat"}
    for case in load_cases(DATA):
        for e in case["expect"]:
            assert e["id"] is None or e["id"] in ids, (case["case"], e)
            if e["id"]:
                assert e["status"] in statuses, (case["case"], e)
            if case["kind"] == "table":
                assert 0 < e["row"] < len(case["rows"])


@pytest.fixture(scope="module", params=["realistic", "independent"])
def any_set_scores(request, scores):
    return scores if request.param == "realistic" else indicator_independent.evaluate(indicator_independent.DATA)


def test_precision_and_recall_on_catalog_ids(any_set_scores):
    assert any_set_scores.precision >= 0.98
    assert any_set_scores.recall >= 0.95


def test_numbers_and_status_on_matched_pairs(any_set_scores):
    assert any_set_scores.accuracy("value") >= 0.99
    assert any_set_scores.accuracy("target") >= 0.97
    assert any_set_scores.accuracy("status") >= 0.97
    assert any_set_scores.accuracy("estimate") >= 0.97


def test_non_catalog_readings_stay_unmatched(scores):
    assert scores.total.null_matched <= 1
    for tag, tally in scores.tags.items():
        if tag.startswith("trap:"):
            assert tally.null_matched == 0, tag


def test_held_out_batch_keeps_its_bars(scores):
    held = scores.tags["batch:2"]
    assert held.found / held.n >= 0.9
    assert all(held.right[f] / held.found >= 0.95 for f in ("value", "target", "status"))

"""Indicators read through the contract's JSON from whole reports written by an independent tester
(tests/e2e_indicators/make.py): tables in four layouts and sentences in three phrasings."""
import json

import pytest

from tests.e2e_indicators import make
from tests.e2e_indicators.check import close, pair
from tonghop.flows.pipeline import load_context, parse_one


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e-indicators")
    truth = [make.build(i, out) for i in range(len(make.UNITS))]
    ctx = load_context()
    return [(doc, json.loads(json.dumps(parse_one(out / doc["file"], ctx).to_json()))["indicators"])
            for doc in truth]


def test_catalog_ids_and_non_catalog_indicators(results):
    tp = fp = fn = forced = 0
    for doc, got in results:
        pairs, extra = pair(doc["indicators"], got)
        for t, g in pairs:
            if t["id"] is None:
                forced += g is not None and g.get("id") is not None
            elif g is not None and g.get("id") == t["id"]:
                tp += 1
            else:
                fn += 1
        fp += sum(1 for g in extra if g.get("id"))
    assert tp / (tp + fp) >= 0.98 and tp / (tp + fn) >= 0.95 and forced == 0


@pytest.mark.parametrize("field,bar", [("value", 0.99), ("target", 0.97), ("estimate", 0.97), ("status", 0.97)])
def test_numbers_and_stated_statuses(results, field, bar):
    right = total = 0
    for doc, got in results:
        for t, g in pair(doc["indicators"], got)[0]:
            if g is None or t["id"] is None or g.get("id") != t["id"]:
                continue
            if field == "status":
                if not t.get("status_stated"):
                    continue
                ok = g.get("status") == t["status"]
            else:
                ok = close(g.get(field), t.get(field))
            right += ok
            total += 1
    assert total and right / total >= bar

"""The parser on an independently written corpus of realistic reports (tests/realistic), scored with
bench/accuracy.py against issue 3's bars, plus one test per failure class found on that corpus."""
from __future__ import annotations

import json
import shutil

import pytest

from bench.accuracy import Tally, evaluate, score_document
from tests.corpus_cache import ROOT, cached_corpus
from tests.realistic.make_realistic import PLAN, generate
from tonghop.parsers.parse import parse_file
from tonghop.parsers.units import unit_keys


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    libreoffice = shutil.which("soffice") is not None
    return cached_corpus("realistic", [ROOT / "tests" / "realistic", ROOT / "tests" / "docgen"],
                         lambda out: generate(out, libreoffice=libreoffice), libreoffice, tmp_factory=tmp_path_factory)


def test_corpus_has_every_planned_document(corpus):
    assert len(corpus) == len(PLAN) >= 40
    for path in corpus:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert truth["paragraphs"] and truth["unit_id"]


def test_issue_bars_on_realistic_corpus(corpus, ref):
    t = evaluate(corpus, ref)
    assert t.lost == 0 and t.extra == 0, "paragraph coverage must be 100%"
    assert t.placed_right / t.placed >= 0.99, f"section accuracy {t.placed_right / t.placed:.4f}"
    assert t.heading_right / t.heading_truth >= 0.98, "outline-heading recall"
    assert t.heading_right / t.heading_found >= 0.98, "outline-heading precision"
    assert t.unit_right / t.docs >= 0.98, "unit identification"


def _by_feature(corpus, feature: str):
    for path in corpus:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if feature in truth["features"]:
            yield path, truth


FAILURE_CLASSES = (
    "table_heading",        # "V. ĐÁNH GIÁ CHUNG" typed in a 1x1 table: what follows belongs to P1.V
    "table_heading_p2",     # "II. KIẾN NGHỊ, ĐỀ XUẤT" in a 1x1 table: what follows belongs to P2.II
    "textbox_part",         # "PHẦN THỨ HAI" and its title in a floating text box
    "merge_v12",            # "1. Ưu điểm, hạn chế" then "2. Nguyên nhân của những hạn chế…" (words say P1.V.3)
)


@pytest.mark.parametrize("feature", FAILURE_CLASSES)
def test_failure_class_places_every_paragraph(corpus, ref, feature):
    keys = unit_keys(ref.units)
    for path, truth in _by_feature(corpus, feature):
        t = Tally()
        score_document(parse_file(path, ref, keys), truth, t)
        assert t.placed_right == t.placed, f"{path.name}: {t.errors[:3]}"
        assert t.heading_right == t.heading_truth == t.heading_found, f"{path.name}: {t.errors[:3]}"


def test_unit_named_only_as_bch_dang_bo(corpus, ref):
    keys = unit_keys(ref.units)
    for path, truth in _by_feature(corpus, "unit_bch"):
        assert parse_file(path, ref, keys).unit.id == truth["unit_id"], path.name

"""The parser on reports written by foreign producers (LibreOffice from HTML, flat ODT, RTF and .doc; pandoc with and
without a reference docx; AbiWord), scored with bench/accuracy.py against issue 3's bars."""
from __future__ import annotations

import json

import pytest

from bench.accuracy import Tally, evaluate
from tests.corpus_cache import ROOT, cached_corpus
from tests.foreign.build import build_report
from tests.foreign.content import Cell, Para, Table, expand
from tests.foreign.make_foreign import PRODUCERS, available, generate, label_problems, truth_paragraphs

HAS_SOFFICE = "soffice" in {PRODUCERS[p][0] for p in available()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not HAS_SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    return cached_corpus("foreign", [ROOT / "tests" / "foreign", ROOT / "tests" / "realistic"], generate,
                         sorted(available()), tmp_factory=tmp_path_factory)


@pytest.fixture(scope="module")
def tally(corpus, ref) -> Tally:
    return evaluate(corpus, ref)


def test_corpus_has_every_available_producer(corpus):
    producers = set()
    for path in corpus:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert truth["paragraphs"] and truth["outline_headings"]
        producers.add(truth["producer"])
    assert len(corpus) >= 40 and producers == set(available())


def test_coverage_bar(tally):
    assert tally.lost == 0 and tally.extra == 0, f"lost {tally.lost}, extra {tally.extra}"


def test_section_accuracy_bar(tally):
    assert tally.placed_right / tally.placed >= 0.99, f"section accuracy {tally.placed_right / tally.placed:.4f}"


def test_heading_bars(tally):
    assert tally.heading_right / tally.heading_truth >= 0.98, "outline-heading recall"
    assert tally.heading_right / tally.heading_found >= 0.98, "outline-heading precision"


def test_unit_bar(tally):
    assert tally.unit_right / tally.docs >= 0.98, f"units {tally.unit_right}/{tally.docs}"


def test_spanned_cells_fill_every_grid_cell():
    table = Table(((Cell("A", rowspan=2), Cell("B", colspan=2)), (Cell("c"), Cell("d"))), "front", "data")
    assert expand(table) == [["A", "B", "B"], ["A", "c", "d"]]


def test_label_check_catches_a_label_the_rendering_does_not_show():
    truth = {"paragraphs": [
        {"text": "Ưu điểm", "origin": "body", "auto": True, "role": "heading", "label": "1."},
        {"text": "Hạn chế", "origin": "body", "auto": True, "role": "heading", "label": "2."}]}
    assert label_problems(truth, ["1. Ưu điểm", "2. Hạn chế"]) == []
    assert len(label_problems(truth, ["1. Ưu điểm", "1. Hạn chế"])) == 1


def test_automatic_labels_are_not_in_the_truth_text():
    report = build_report(3, "dai-loc", "auto_list")
    heads = [p for p in truth_paragraphs(report) if p["heading"] and p["level"] in (1, 2)]
    assert heads and all(p["auto"] and not p["text"].startswith(p["label"]) for p in heads)
    hand = [p for p in truth_paragraphs(build_report(3, "dai-loc", "bold_hand")) if p["heading"] and p["level"] == 1]
    assert all(p["text"].startswith(p["label"]) for p in hand)


def test_every_block_is_placed_in_a_section():
    report = build_report(8, "khoi-cq-dn", "styles_hand", toc=True)
    sections = {b.section for b in report.blocks if isinstance(b, (Para, Table))}
    assert {"front", "P1.III.1", "P2.II"} <= sections and sections <= {"front", "back", "P1", "P2"} | {
        p["node"] for p in truth_paragraphs(report) if p["node"]}

"""The parser on reports written by foreign producers (LibreOffice from HTML, flat ODT, RTF and .doc; pandoc with and
without a reference docx; AbiWord), scored with bench/accuracy.py against issue 3's bars."""
from __future__ import annotations

import json

import pytest

from bench.accuracy import Tally, evaluate
from tests.foreign.make_foreign import PRODUCERS, available, generate

pytestmark = pytest.mark.skipif("soffice" not in {PRODUCERS[p][0] for p in available()},
                                reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("foreign"))


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

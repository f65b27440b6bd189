"""The bundled sample inbox parses completely: every paragraph once, every outline heading on its id."""
import json
from collections import Counter
from pathlib import Path

import pytest

from tonghop.parsers.docx_reader import DocxError
from tonghop.parsers.normalize import clean
from tonghop.parsers.parse import parse_file

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
TRUTHS = sorted((SAMPLES / "truth").glob("*.json"))


def test_samples_are_bundled():
    assert len(list((SAMPLES / "inbox").glob("*.docx"))) >= 12 and len(TRUTHS) >= 12


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.stem)
def test_sample_parses_with_full_coverage_and_headings_on_their_ids(truth_path, ref):
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    path = SAMPLES / "inbox" / truth["file"]
    if truth["expected"] == "rejected":
        with pytest.raises(DocxError):
            parse_file(path, ref)
        return
    sub = parse_file(path, ref)
    got = [(clean(p.text), s.id) for s in sub.sections for p in ((s.heading,) if s.heading else ()) + s.paragraphs]
    want = [(clean(p["text"]), p["section"]) for p in truth["paragraphs"] if clean(p["text"])]
    assert Counter(t for t, _ in got) == Counter(t for t, _ in want)        # nothing lost, nothing doubled
    assert got == want                                                      # and each in its section, in order
    headings = {s.id for s in sub.sections if s.matched and s.heading is not None}
    assert headings == set(truth["outline_headings"])
    assert sub.unit.id == truth["unit_id"]

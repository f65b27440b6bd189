"""Incremental nights: per-file work kept by content under --out; an unchanged rerun parses nothing, a rerun
after 5 changed reports parses those 5, --full parses all, and a cached run writes what a full run writes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_flow import OUTPUTS, docx_dump, manifest_without_timings, run_flow, xlsx_dump

from tests.docgen import DocSpec, generate_document
from tests.docgen.corpus import generate_corpus

pytestmark = pytest.mark.slow


def parse_info(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["run"]["parse"]


def same_deliverables(a: Path, b: Path) -> None:
    assert docx_dump(a / OUTPUTS[0]) == docx_dump(b / OUTPUTS[0])
    assert xlsx_dump(a / OUTPUTS[1]) == xlsx_dump(b / OUTPUTS[1])
    assert manifest_without_timings(a / OUTPUTS[2]) == manifest_without_timings(b / OUTPUTS[2])
    for name in (OUTPUTS[0], OUTPUTS[1], OUTPUTS[3], "thay-doi.md"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_reruns_parse_only_what_changed_and_write_what_a_full_run_writes(prefect_harness, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    paths = [p for p in generate_corpus(n=20, seed=11, out_dir=tmp_path / "gen", broken=2) if p.suffix == ".docx"]
    for p in paths:
        shutil.copy(p, inbox / p.name)
    out = tmp_path / "out"
    run_flow(inbox, out, overwrite=True)
    assert parse_info(out)["parsed"] == len(paths) and parse_info(out)["cached"] == 0

    run_flow(inbox, out, overwrite=True)                       # nothing changed: nothing parsed
    assert parse_info(out) | {"seconds": 0} == {"files": len(paths), "parsed": 0, "cached": len(paths),
                                                "seconds": 0, "runner": "process"}

    changed = sorted(inbox.glob("doc-*.docx"))[:5]
    for n, p in enumerate(changed):                            # five units send a new version, same names
        p.write_bytes(generate_document(DocSpec(seed=500 + n, unit_id=p.stem.split("-", 2)[2], version=2)))
    twin = tmp_path / "out-full"
    shutil.copytree(out, twin)                                 # the same previous night for both runs
    run_flow(inbox, out, overwrite=True)
    assert parse_info(out)["parsed"] == 5 and parse_info(out)["cached"] == len(paths) - 5
    run_flow(inbox, twin, overwrite=True, full=True)
    assert parse_info(twin)["parsed"] == len(paths)
    same_deliverables(out, twin)
    changes = (out / "thay-doi.md").read_text(encoding="utf-8")
    assert "## Báo cáo cập nhật (5)" in changes


def test_a_parser_change_or_other_reference_data_parses_again(tmp_path):
    from tonghop.flows.cache import ParseCache
    from tonghop.flows.pipeline import load_context
    ctx = load_context()
    other = load_context("de-cuong-thanh-pho")
    a, b = ParseCache(tmp_path, ctx), ParseCache(tmp_path, other)
    assert a.key("ab" * 32, "x.docx") != b.key("ab" * 32, "x.docx")
    assert a.key("ab" * 32, "x.docx") != a.key("ab" * 32, "y.docx")
    assert a.key("ab" * 32, "x.docx") == ParseCache(tmp_path, load_context()).key("ab" * 32, "x.docx")

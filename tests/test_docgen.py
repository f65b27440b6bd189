"""The report generator: valid .docx, truth that matches the XML, determinism, feature coverage."""
from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from tests.corpus_cache import cached_corpus
from tests.docgen import DocSpec, build, generate_corpus, generate_document
from tests.docgen.corpus import FORCE_CYCLE
from tests.docgen.indicators import CATALOG_SPECS, vn_number
from tonghop.parsers.legacy import decode_run
from tonghop.parsers.normalize import clean
from tonghop.reference import load_catalog, load_units

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return cached_corpus("docgen-112-7", [ROOT / "tests" / "docgen"],
                         lambda out: generate_corpus(112, seed=7, out_dir=out), tmp_factory=tmp_path_factory)


def _truth(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- an independent XML reading of the docs


def _run_text(r) -> str:
    fonts = r.find(f"{W}rPr/{W}rFonts")
    font = fonts.get(f"{W}ascii") if fonts is not None else None
    out = []
    for el in r:
        if el.tag == f"{W}t":
            out.append(decode_run(el.text or "", font))
        elif el.tag in (f"{W}tab", f"{W}br"):
            out.append(" ")
    return "".join(out)


def _box(el):
    box = next(el.iterancestors(f"{W}txbxContent"), None)
    return None if box is None else box.getroottree().getpath(box)


def _para_text(p) -> str:
    """A paragraph's own text: runs inside a text box it anchors are not its text."""
    own = _box(p)
    return clean("".join(_run_text(r) for r in p.iter(f"{W}r") if _box(r) == own))


def _blocks(body) -> list:
    """Body paragraphs and tables; those inside a block-level content control count one each."""
    out = []
    for b in body:
        if b.tag == f"{W}sdt":
            out.extend(_blocks(b.find(f"{W}sdtContent")))
        elif b.tag in (f"{W}p", f"{W}tbl"):
            out.append(b)
    return out


def _expected_paragraphs(data: bytes) -> list[tuple[int, str, str]]:
    """(block, origin, text) for body paragraphs, text-box paragraphs (Choice only) and footnotes."""
    z = zipfile.ZipFile(io.BytesIO(data))
    body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    notes = {n.get(f"{W}id"): n for n in etree.fromstring(z.read("word/footnotes.xml"))}
    out = []
    for i, block in enumerate(_blocks(body)):
        if block.tag != f"{W}p":
            continue
        t = _para_text(block)
        if t:
            out.append((i, "body", t))
        for box in block.iter(f"{MC}Choice"):
            for p in box.iter(f"{W}p"):
                if _para_text(p):
                    out.append((i, "textbox", _para_text(p)))
        for ref in block.iter(f"{W}footnoteReference"):
            for p in notes[ref.get(f"{W}id")].iter(f"{W}p"):
                if _para_text(p):
                    out.append((i, "footnote", _para_text(p)))
    return out


def _grid(tbl) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in tbl.findall(f"{W}tr"):
        row: list[str] = []
        for tc in tr.findall(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            vm = tc.find(f"{W}tcPr/{W}vMerge")
            n = int(span.get(f"{W}val")) if span is not None else 1
            if vm is not None and vm.get(f"{W}val") != "restart":
                text = rows[-1][len(row)]
            else:
                text = clean(" ".join(_para_text(p) for p in tc.findall(f"{W}p")))
            row.extend([text] * n)
        rows.append(row)
    return rows


def _expected_tables(data: bytes) -> list[list[list[str]]]:
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(f"{W}body")
    out = []
    for tbl in body.findall(f"{W}tbl"):
        out.append(_grid(tbl))
        out.extend(_grid(t) for t in tbl.iter(f"{W}tbl") if t is not tbl)
    return out


# ---------------------------------------------------------------- tests


def test_every_document_is_a_docx_that_python_docx_opens(corpus):
    docs = [p for p in corpus if _truth(p)["expected"] == "ok"]
    assert len(docs) == 112
    for p in docs:
        with zipfile.ZipFile(p) as z:
            assert {"word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml"} <= set(
                z.namelist())
        d = docx.Document(str(p))
        assert len(d.paragraphs) > 30


def test_truth_paragraphs_are_exactly_the_documents_paragraphs(corpus):
    for p in corpus:
        t = _truth(p)
        if t["expected"] != "ok":
            continue
        got = [(q["block"], q["origin"], q["text"]) for q in t["paragraphs"]]
        assert got == _expected_paragraphs(p.read_bytes()), p.name


def test_truth_tables_are_the_expanded_tables(corpus):
    for p in corpus[:40]:
        t = _truth(p)
        if t["expected"] == "ok":
            assert [x["rows"] for x in t["tables"]] == _expected_tables(p.read_bytes()), p.name


def test_sections_follow_the_outline_order_and_front_back_bracket_the_body(corpus):
    for p in corpus:
        t = _truth(p)
        if t["expected"] != "ok":
            continue
        secs = [q["section"] for q in t["paragraphs"]]
        assert secs[0] == "front"
        assert "back" not in secs[: secs.index("back")] if "back" in secs else True
        headings = [q for q in t["paragraphs"] if q["heading"] and q["node"]]
        for h in headings:
            assert h["section"] == h["node"]
        assert len(t["outline_headings"]) == len(headings)


def test_indicator_truth_appears_in_the_document(corpus):
    for p in corpus[:60]:
        t = _truth(p)
        if t["expected"] != "ok":
            continue
        texts = " ".join(q["text"] for q in t["paragraphs"]) + " " + " ".join(
            c for tb in t["tables"] for row in tb["rows"] for c in row)
        for ind in t["indicators"]:
            assert ind["name_raw"] in texts and ind["value_raw"] in texts and ind["target_raw"] in texts
            if ind["estimate"] is not None:
                assert vn_number(ind["estimate"], 2).rstrip("0").rstrip(",") in texts or any(
                    vn_number(ind["estimate"], d) in texts for d in (0, 1, 2))
            assert ind["status"] in {"vuot", "dat", "chua_dat", "kha_nang_dat", "gan_dat", "kho_dat"}
            assert ind["id"] is None or ind["id"] in CATALOG_SPECS


def test_corpus_covers_every_unit_and_every_variation(corpus):
    truths = [_truth(p) for p in corpus]
    units = Counter(t["unit_id"] for t in truths if t["unit_id"])
    assert set(units) == {u.id for u in load_units()}
    feats = Counter(f for t in truths for f in t["features"])
    required = [f for f in FORCE_CYCLE if not f.startswith("legacy")] + [
        "legacy:tcvn3", "legacy:vni", "header_table", "header_paragraphs", "closing_table", "closing_paragraphs",
        "text_box", "footnote", "nested_table", "table_gridspan", "table_vmerge", "identical_nodes", "renumbered",
        "split_runs", "tab_after_label", "line_break", "trailing_colon", "heading_caps", "label_like_body",
        "bullets", "missing_part_heading", "wording:abbreviated", "wording:reworded", "wording:old_tone",
        "wording:nfd", "wording:typo", "wording:no_diacritics", "indicator_prose", "indicator_no_status",
        "indicator_group_rows", "indicator_pair", "non_catalog_indicator", "indicator_summary_sentence", "indicator_name:typo",
        "indicator_name:abbreviated", "indicator_name:reordered", "part_form:PHAN_MOT", "part_title:br",
        "inline_heading_body", "tracked_changes", "hyperlink", "content_control", "bold_body",
        "arabic_subheadings_below_outline",
        "sep_roman:-", "sep_roman:/", "sep_arabic:)", "sep_arabic:1.1.", "unit_header:bch"]
    required = [r.replace("mode:", "mode:").replace("numbering:", "numbering:") for r in required]
    missing = {f: feats[f] for f in required if feats[f] < 3}
    assert not missing, missing
    assert sum(1 for t in truths if any(f.startswith("legacy_mixed") for f in t["features"])) >= 3
    assert sum(1 for t in truths if t["expected"] == "rejected") == 3


def test_generation_is_deterministic_per_seed(tmp_path):
    a = [hashlib.sha256(p.read_bytes()).hexdigest() for p in generate_corpus(6, 3, tmp_path / "a")]
    b = [hashlib.sha256(p.read_bytes()).hexdigest() for p in generate_corpus(6, 3, tmp_path / "b")]
    c = [hashlib.sha256(p.read_bytes()).hexdigest() for p in generate_corpus(6, 4, tmp_path / "c")]
    assert a == b and a != c
    spec = DocSpec(seed=11, unit_id="dai-loc", force=frozenset({"numbering:restart"}))
    assert generate_document(spec) == generate_document(spec) == build(spec)[0]


def test_broken_files_are_flagged_rejected(corpus):
    broken = [p for p in corpus if _truth(p)["expected"] == "rejected"]
    kinds = {_truth(p)["reject_reason"] for p in broken}
    assert kinds == {"not_zip", "no_document", "empty"}
    for p in broken:
        data = p.read_bytes()
        if data[:2] == b"PK":
            assert "word/document.xml" not in zipfile.ZipFile(p).namelist()
        with pytest.raises(Exception):  # noqa: B017 - python-docx raises different errors per kind of damage
            docx.Document(str(p))


def test_paraphrases_are_not_the_catalogs_aliases():
    aliases = {a.casefold() for e in load_catalog().entries for a in e.bi_danh}
    for _raw, _target, _unit, _dec, names in CATALOG_SPECS.values():
        for _kind, name in names:
            assert name.casefold() not in aliases, name


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False), st.integers(min_value=0, max_value=2))
def test_vietnamese_number_format_reads_back(x, decimals):
    s = vn_number(x, decimals)
    assert float(s.replace(".", "").replace(",", ".")) == pytest.approx(round(x, decimals), abs=10 ** -decimals)
    assert "." not in s.split(",")[0][-3:] or len(s.split(",")[0]) > 3


def test_committed_samples_are_what_make_samples_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "data/samples/make_samples.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    written = mod.main(tmp_path / "inbox", tmp_path / "truth")
    assert len(written) >= 14
    units = {json.loads((tmp_path / "truth" / (p.stem + ".json")).read_text())["unit_id"] for p in written}
    assert len(units - {None}) >= 12
    for p in written:
        committed = ROOT / "data/samples/inbox" / p.name
        assert committed.read_bytes() == p.read_bytes(), p.name


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_renders_the_automatic_labels_of_the_truth(tmp_path):
    expected = []
    for i, scheme in enumerate(("multilevel", "legal", "restart", "in_style")):
        data, truth = build(DocSpec(seed=100 + i, unit_id="hoa-vang", name=f"n{i}",
                                    force=frozenset({f"numbering:{scheme}", "legacy:none"})))
        (tmp_path / f"n{i}.docx").write_bytes(data)
        expected.append([(q["label"], q["text"]) for q in truth["paragraphs"] if q["heading"] and q["level"] in (1, 2)])
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo",  # own profile per test
                    "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path)]
                   + [str(tmp_path / f"n{i}.docx") for i in range(4)], check=True, capture_output=True, timeout=240)
    for i, heads in enumerate(expected):
        lines = [clean(x) for x in (tmp_path / f"n{i}.txt").read_text(encoding="utf-8").splitlines()]
        for label, text in heads:
            first = text.split(" ")[0]
            assert any(line.startswith(f"{label} {first}") for line in lines), (i, label, text)

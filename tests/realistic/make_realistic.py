"""Write a corpus of realistic district-committee reports (.docx) with truth JSON beside each.

    .venv/bin/python tests/realistic/make_realistic.py OUT_DIR [--no-libreoffice]

Independent of tests/docgen: python-docx's high-level API plus raw XML (tests/realistic/ooxml.py),
own prose and wordings (prose.py), one planned look and feature set per document (PLAN below), some
documents round-tripped through LibreOffice. The truth uses docgen's JSON format
(tests/docgen/README.md) so that `bench/accuracy.py --corpus OUT_DIR` scores it. Every document is
checked against an independent lxml reading of its body before its truth is written.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.realistic.check import body_texts  # noqa: E402
from tests.realistic.report import Spec, build  # noqa: E402

UNIT_CYCLE = ("hoa-vang", "dai-loc", "duy-xuyen", "thang-binh", "que-son", "nui-thanh", "tien-phuoc", "nam-giang",
              "tp-tam-ky", "tp-hoi-an", "tx-dien-ban", "qs-tinh", "ca-tinh", "khoi-cq-dn")

# (styles, labels, part, arabic, roman_sep, features, unit or None)
PLAN: tuple[tuple[str, str, str, str, str, str, str | None], ...] = (
    ("h123", "manual", "phan_thu_next", "1.", ". ", "title_style blank_between", None),
    ("h12", "tab", "phan_thu_next", "1.", ". ", "toc", None),
    ("normal", "manual", "phan_roman", "1.", ". ", "header_paragraphs", None),
    ("h12", "style_num", "phan_thu_next", "1.", ". ", "libreoffice", None),
    ("h123", "auto", "phan_thu_colon", "1.", ". ", "split_heading", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "table_heading", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "textbox_part", None),
    ("normal", "manual", "phan_thu_next", "1.", "- ", "page_breaks blank_between", None),
    ("h1_only", "manual", "phan_thu_next", "1.", ". ", "tracked", None),
    ("normal", "manual", "phan_thu_colon", "1.", ". ", "comments header_footer", None),
    ("h12", "manual", "phan_thu_next", "1.", ". ", "image", None),
    ("normal", "manual", "phan_roman", "1.", ". ", "identical", None),
    ("normal", "manual", "none", "1.", ". ", "continue_roman", None),
    ("h123", "manual", "none", "1.", ". ", "", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "merge_v12", None),
    ("normal", "manual", "phan_thu_next", "I.1.", ". ", "", None),
    ("normal", "manual", "phan_thu_next", "3.1.", ". ", "subheads_letter", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "lower_roman", None),
    ("normal", "manual", "phan_thu_two_lines", "1.", ". ", "", None),
    ("normal", "manual", "phan_thu_next", "1)", ". ", "closing_table", None),
    ("normal", "manual", "phan_thu_next", "1.", "/ ", "sig_table", None),
    ("h123", "manual", "phan_thu_next", "1.", ". ", "footnote", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "unit_bch header_paragraphs", "que-son"),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "", "ca-tinh"),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "missing_iii2 identical", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "extra_section subheads_decimal", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "inline_heading", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "label_like bullets", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "list_number_body", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "appendix", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "closing_tabbed", None),
    ("h123", "style_num", "phan_thu_next", "1.", ". ", "libreoffice toc", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "reworded missing", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "body_echo trailing_colon", None),
    ("h1_only", "manual", "phan_thu_next", "1.", ". ", "roman_sentence_case", None),
    ("normal", "auto", "phan_thu_next", "1)", ". ", "table_heading_p2", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "split_runs unit_bch", "tp-tam-ky"),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "libreoffice tracked comments footnote textbox_part", None),
    ("h123", "manual", "phan_thu_next", "1.", ". ", "libreoffice split_heading header_paragraphs", None),
    ("normal", "tab", "phan_roman", "1.", ". ", "libreoffice identical table_heading", "ca-tinh"),
    ("h12", "manual", "none", "I.1.", ". ", "libreoffice continue_roman merge_v12", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "libreoffice image header_footer appendix", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "missing_roman_i identical", None),
    ("h123", "manual", "phan_thu_next", "1.", ". ", "p2_subheads", None),
    ("normal", "auto_arabic", "phan_thu_next", "1.", ". ", "p2_subheads", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "unnumbered_kids cause_of_strengths", None),
    ("h11", "manual", "phan_thu_next", "1.", ". ", "heading_footnote", None),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "header_split kinh_gui mentions_other_units", "khoi-cq-dn"),
    ("arabic_only", "auto_arabic", "phan_thu_next", "1.", ". ", "mentions_other_units", "nui-thanh"),
    ("normal", "manual", "phan_thu_next", "1.", ". ", "unit_bch", "dai-loc"),
    ("h12", "auto_arabic", "phan_thu_next", "1.", ". ", "libreoffice p2_subheads missing_roman_i", None),
    ("normal", "tab", "phan_thu_next", "1.", ". ", "cause_of_strengths inline_heading unit_bch", "thang-binh"),
)

EXTRAS = ("blank_between", "header_paragraphs", "title_style", "label_like", "bullets", "header_footer",
          "page_breaks", "trailing_colon", "unit_bch", "closing_table", "sig_table", "reworded", "kinh_gui",
          "mentions_other_units")


def plan_specs(seed: int = 2023) -> list[Spec]:
    """One spec per PLAN row: its features plus up to two random extras."""
    rng = random.Random(seed)
    specs = []
    for i, (styles, labels, part, arabic, sep, feats, unit) in enumerate(PLAN):
        features = set(feats.split())
        features.update(rng.sample(EXTRAS, rng.randint(0, 2)))
        if {"closing_table", "sig_table"} <= features:
            features.discard("sig_table")
        if "closing_tabbed" in features:
            features -= {"closing_table", "sig_table"}
        unit_id = unit or UNIT_CYCLE[i % len(UNIT_CYCLE)]
        specs.append(Spec(f"rr-{i + 1:03d}", unit_id, seed * 1000 + i, styles, labels, part, arabic, sep,
                          frozenset(features)))
    return specs


def truth_json(spec: Spec, paragraphs: list[dict]) -> dict:
    """The truth in docgen's format (fields bench/accuracy.py reads, plus the look)."""
    look = {"styles": spec.styles, "labels": spec.labels, "part": spec.part, "arabic": spec.arabic,
            "roman_sep": spec.roman_sep.strip()}
    features = sorted(spec.features) + [f"{k}:{v}" for k, v in look.items()]
    return {"format": "tonghop-docgen/1", "file": spec.name + ".docx", "seed": spec.seed, "version": 1,
            "unit_id": spec.unit_id, "expected": "ok", "reject_reason": None, "outline": "de-cuong-huyen",
            "features": features, "look": look,
            "outline_headings": [p["node"] for p in paragraphs if p["heading"] and p["node"]],
            "paragraphs": paragraphs, "tables": [], "indicators": [], "non_indicators": []}


def convert_with_libreoffice(paths: list[Path]) -> None:
    """Round-trip .docx files through LibreOffice in one soffice call, replacing them in place."""
    if not paths:
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        out.mkdir()
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
               "docx:MS Word 2007 XML", "--outdir", str(out), *map(str, paths)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=600)
        for p in paths:
            shutil.move(str(out / p.name), p)


def mismatch(data: bytes, paragraphs: list[dict]) -> list[str]:
    """Differences between the truth texts and an independent reading of the body (empty when they agree)."""
    want = Counter(p["text"] for p in paragraphs)
    got = Counter(body_texts(data))
    return [f"missing in file: {t!r}" for t in (want - got)] + [f"not in truth: {t!r}" for t in (got - want)]


def generate(out_dir: Path, libreoffice: bool = True, seed: int = 2023) -> list[Path]:
    """Write every planned document and its truth into out_dir; returns the .docx paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written, to_convert = [], []
    for spec in plan_specs(seed):
        data, paragraphs = build(spec)
        path = out_dir / f"{spec.name}.docx"
        path.write_bytes(data)
        written.append((spec, path, paragraphs))
        if libreoffice and "libreoffice" in spec.features:
            to_convert.append(path)
    if libreoffice and shutil.which("soffice"):
        convert_with_libreoffice(to_convert)
    paths = []
    for spec, path, paragraphs in written:
        spec_used = spec if (libreoffice and shutil.which("soffice")) else \
            Spec(**{**spec.__dict__, "features": spec.features - {"libreoffice"}})
        problems = mismatch(path.read_bytes(), paragraphs)
        if problems:
            raise RuntimeError(f"{path.name}: truth disagrees with the file: {problems[:5]}")
        path.with_suffix(".json").write_text(json.dumps(truth_json(spec_used, paragraphs), ensure_ascii=False,
                                                        indent=1), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--no-libreoffice", action="store_true")
    ap.add_argument("--seed", type=int, default=2023)
    args = ap.parse_args()
    paths = generate(args.out_dir, libreoffice=not args.no_libreoffice, seed=args.seed)
    print(f"{len(paths)} documents in {args.out_dir}")


if __name__ == "__main__":
    main()

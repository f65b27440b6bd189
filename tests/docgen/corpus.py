"""A corpus of generated reports with ground truth, deterministic per seed, plus broken files."""
from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

from .builder import TRUTH_FORMAT, DocSpec, build, profiles

# Every document forces one of these, in turn, so each appears in many documents of any corpus.
FORCE_CYCLE = ("mode:heading_styles", "mode:custom_styles", "mode:outline_level_para", "mode:bold_normal",
               "numbering:multilevel", "numbering:legal", "numbering:restart", "numbering:in_style",
               "legacy:tcvn3", "legacy:vni", "legacy:mixed", "missing_section", "extra_section", "subheadings")

BROKEN_KINDS = ("not_zip", "no_document", "empty")


def generate_document(spec: DocSpec) -> bytes:
    """The .docx bytes of one generated report."""
    return build(spec)[0]


def broken_document(kind: str) -> bytes:
    """A file that must be rejected: not a zip, a zip without word/document.xml, or empty."""
    if kind == "not_zip":
        return "BÁO CÁO sơ kết giữa nhiệm kỳ (bản scan gửi nhầm định dạng)\n".encode() * 20
    if kind == "no_document":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(zipfile.ZipInfo("[Content_Types].xml", (2023, 7, 20, 8, 0, 0)),
                       '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'content-types"/>')
            z.writestr(zipfile.ZipInfo("word/styles.xml", (2023, 7, 20, 8, 0, 0)), "<styles/>")
        return buf.getvalue()
    if kind == "empty":
        return b""
    raise ValueError(f"Loại tệp hỏng không hỗ trợ: {kind} / unknown broken kind: {kind}")


def broken_truth(name: str, kind: str) -> dict:
    """Truth of a broken file: expected to be rejected."""
    return {"format": TRUTH_FORMAT, "file": name, "seed": None, "unit_id": None, "version": 1,
            "expected": "rejected", "reject_reason": kind, "features": ["broken:" + kind],
            "paragraphs": [], "tables": [], "indicators": [], "non_indicators": []}


def corpus_specs(n: int, seed: int) -> list[DocSpec]:
    """n specs cycling through the registry's units and the forced features."""
    rng = random.Random(seed)
    units = sorted(profiles())
    specs = []
    for i in range(n):
        unit = units[i % len(units)]
        force = frozenset({FORCE_CYCLE[i % len(FORCE_CYCLE)]})
        specs.append(DocSpec(seed=rng.getrandbits(32), unit_id=unit, name=f"doc-{i:03d}-{unit}", force=force))
    return specs


def write_pair(out_dir: Path, name: str, data: bytes, truth: dict) -> Path:
    """Write NAME.docx and NAME.json side by side; returns the docx path."""
    path = out_dir / f"{name}.docx"
    path.write_bytes(data)
    (out_dir / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
    return path


def generate_corpus(n: int, seed: int, out_dir: Path, broken: int = 3) -> list[Path]:
    """Write n reports (docx + truth JSON) and `broken` broken files into out_dir; the docx paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in corpus_specs(n, seed):
        data, truth = build(spec)
        paths.append(write_pair(out_dir, spec.name, data, truth))
    for i in range(broken):
        kind = BROKEN_KINDS[i % len(BROKEN_KINDS)]
        name = f"broken-{i:02d}-{kind.replace('_', '-')}"
        paths.append(write_pair(out_dir, name, broken_document(kind), broken_truth(name + ".docx", kind)))
    return paths

"""Write the sample inbox (data/samples/inbox/*.docx) and its truth (data/samples/truth/*.json).

Fixed seeds: rerunning writes the same bytes. Run: `make samples` or `.venv/bin/python data/samples/make_samples.py`.
Twelve registry units submit (one of them twice: a later, corrected version), two do not
(ca-tinh, tien-phuoc), and one file is broken (not a zip).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.docgen.builder import DocSpec, build  # noqa: E402
from tests.docgen.corpus import broken_document, broken_truth, write_pair  # noqa: E402

HERE = Path(__file__).resolve().parent
INBOX, TRUTH = HERE / "inbox", HERE / "truth"

# (file stem, unit id, forced features, version)
SAMPLES = (
    ("dai-loc", "dai-loc", {"mode:heading_styles", "legacy:none"}, 1),
    ("duy-xuyen", "duy-xuyen", {"mode:bold_normal", "legacy:none", "no_missing"}, 1),
    ("hoa-vang", "hoa-vang", {"numbering:multilevel", "legacy:none"}, 1),
    ("khoi-cq-dn", "khoi-cq-dn", {"mode:custom_styles", "legacy:none"}, 1),
    ("nam-giang", "nam-giang", {"mode:bold_normal", "missing_section", "legacy:none"}, 1),
    ("nui-thanh", "nui-thanh", {"mode:heading_styles", "subheadings", "legacy:none"}, 1),
    ("qs-tinh", "qs-tinh", {"mode:outline_level_para", "legacy:none"}, 1),
    ("que-son", "que-son", {"mode:bold_normal", "extra_section", "legacy:none"}, 1),
    ("tp-hoi-an", "tp-hoi-an", {"numbering:restart", "legacy:none"}, 1),
    ("tp-tam-ky", "tp-tam-ky", {"mode:heading_styles", "legacy:tcvn3"}, 1),
    ("tx-dien-ban", "tx-dien-ban", {"mode:bold_normal", "legacy:none", "subheadings"}, 1),
    ("thang-binh", "thang-binh", {"mode:heading_styles", "legacy:mixed"}, 1),
    ("dai-loc-lan-2", "dai-loc", {"mode:heading_styles", "legacy:none"}, 2),
)
NOT_SUBMITTED = ("ca-tinh", "tien-phuoc")
BROKEN = ("bao-cao-loi", "not_zip")


def main(inbox: Path = INBOX, truth_dir: Path = TRUTH) -> list[Path]:
    """Write every sample and its truth; returns the inbox paths."""
    inbox.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i, (stem, unit, force, version) in enumerate(SAMPLES):
        seed = 2023_0 + (i if version == 1 else [s[0] for s in SAMPLES].index(stem.rsplit("-lan-", 1)[0]))
        data, truth = build(DocSpec(seed=seed, unit_id=unit, name=stem, force=frozenset(force), version=version))
        truth["not_submitted"] = list(NOT_SUBMITTED)
        written.append(_write(inbox, truth_dir, stem, data, truth))
    stem, kind = BROKEN
    written.append(_write(inbox, truth_dir, stem, broken_document(kind), broken_truth(stem + ".docx", kind)))
    return written


def _write(inbox: Path, truth_dir: Path, stem: str, data: bytes, truth: dict) -> Path:
    path = write_pair(truth_dir, stem, data, truth)
    target = inbox / path.name
    path.replace(target)
    return target


if __name__ == "__main__":
    for p in main():
        print(p.relative_to(ROOT))

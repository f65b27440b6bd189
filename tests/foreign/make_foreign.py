"""A corpus of reports written by foreign producers (LibreOffice from HTML, flat ODT, RTF and .doc; pandoc from
Markdown, with and without a reference docx; AbiWord from HTML), with truth checked against the produced docx.

    .venv/bin/python tests/foreign/make_foreign.py --out /tmp/foreign [--docs 42] [--seed 5]
    .venv/bin/python bench/accuracy.py --corpus /tmp/foreign --show-errors 80
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.foreign.build import build_report  # noqa: E402
from tests.foreign.content import Para, Report, Table, expand  # noqa: E402
from tests.foreign.fodt import to_fodt  # noqa: E402
from tests.foreign.render import to_html, to_markdown  # noqa: E402
from tests.realistic.check import body_texts  # noqa: E402
from tonghop.parsers.normalize import clean  # noqa: E402

PRODUCERS = {  # name: (tool, source format, heading modes it can carry)
    "lo-html": ("soffice", "html", ["styles_hand", "bold_hand", "auto_list"]),
    "lo-fodt": ("soffice", "fodt", ["outline", "outline3", "custom_style_list", "outline_para", "custom_style", "auto_list",
                                    "styles_hand", "bold_hand"]),
    "lo-doc": ("soffice", "fodt", ["auto_list", "outline3", "outline_para", "custom_style_list", "custom_style", "bold_hand"]),
    "lo-rtf": ("soffice", "fodt", ["styles_hand", "custom_style", "bold_hand"]),
    "pandoc": ("pandoc", "md", ["styles_hand", "auto_list", "custom_style", "bold_hand"]),
    "pandoc-ref": ("pandoc", "md", ["auto_list", "custom_style", "styles_hand", "bold_hand"]),
    "abiword": ("abiword", "html", ["styles_hand", "bold_hand"]),
}
UNITS = ["dai-loc", "tp-tam-ky", "hoa-vang", "khoi-cq-dn", "duy-xuyen", "qs-tinh", "tp-hoi-an", "thang-binh",
         "ca-tinh", "tx-dien-ban", "que-son", "nui-thanh", "tien-phuoc", "nam-giang"]
# one LibreOffice user profile per process: parallel test workers must not share one
LO_PROFILE = f"-env:UserInstallation=file://{tempfile.gettempdir()}/lo-foreign-{os.getpid()}"


@dataclass(frozen=True)
class Planned:
    """One document of the corpus."""

    name: str
    producer: str
    mode: str
    unit_id: str
    seed: int


def available() -> list[str]:
    """Producers whose tool is installed here."""
    return [p for p, (tool, _, _) in PRODUCERS.items() if shutil.which(tool)]


def plan(n: int, seed: int, producers: list[str]) -> list[Planned]:
    """Documents cycling through producers, their heading modes and the registry units."""
    out = []
    for k in range(n):
        producer = producers[k % len(producers)]
        modes = PRODUCERS[producer][2]
        mode = modes[(k // len(producers)) % len(modes)]
        unit = UNITS[k % len(UNITS)]
        out.append(Planned(f"f{k:03d}-{producer}-{unit}", producer, mode, unit, seed * 1000 + k))
    return out


def pandoc_toc(doc: Planned) -> bool:
    """Some pandoc documents carry pandoc's table of contents (a w:sdt holding a TOC field)."""
    return doc.producer.startswith("pandoc") and doc.seed % 3 == 0


def source(doc: Planned, report: Report) -> str:
    fmt = PRODUCERS[doc.producer][1]
    if fmt == "html":
        return to_html(report, doc.seed)
    if fmt == "md":
        return to_markdown(report, doc.seed)
    return to_fodt(report, doc.seed, explicit_starts=doc.producer in ("lo-doc", "lo-rtf"))


def soffice(files: list[Path], target: str, outdir: Path) -> None:
    """One LibreOffice call converting many files."""
    if files:
        subprocess.run(["soffice", LO_PROFILE, "--headless", "--convert-to", target, "--outdir", str(outdir),
                        *map(str, files)], check=True, capture_output=True, timeout=600)


def reference_docx(work: Path) -> Path:
    """A reference docx for pandoc: pandoc's own, restyled as clerks do (Times New Roman 14, no spacing)."""
    ref = work / "reference.docx"
    subprocess.run(["pandoc", "-o", str(ref), "--print-default-data-file", "reference.docx"], check=True,
                   capture_output=True, timeout=60)
    with zipfile.ZipFile(ref) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = parts["word/styles.xml"].decode("utf-8")
    styles = re.sub(r'w:ascii="[^"]*"', 'w:ascii="Times New Roman"', styles)
    styles = re.sub(r'w:hAnsi="[^"]*"', 'w:hAnsi="Times New Roman"', styles)
    styles = re.sub(r'<w:sz w:val="\d+"\s*/>', '<w:sz w:val="28"/>', styles)
    parts["word/styles.xml"] = styles.encode("utf-8")
    with zipfile.ZipFile(ref, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return ref


def convert(docs: list[Planned], sources: dict[str, Path], work: Path, out_dir: Path) -> None:
    """Every source through its producer's chain into out_dir/<name>.docx."""
    docx = "docx:MS Word 2007 XML"
    by = {p: [sources[d.name] for d in docs if d.producer == p] for p in PRODUCERS}
    soffice(by["lo-html"] + by["lo-fodt"], docx, out_dir)
    for stage, target, files in (("rtf", "rtf", by["lo-rtf"]), ("doc", "doc:MS Word 97", by["lo-doc"])):
        (work / stage).mkdir(exist_ok=True)
        soffice(files, target, work / stage)
        soffice([work / stage / f"{f.stem}.{stage}" for f in files], docx, out_dir)
    ref = reference_docx(work) if by["pandoc-ref"] else None
    for producer in ("pandoc", "pandoc-ref"):
        for f in by[producer]:
            extra = [f"--reference-doc={ref}"] if producer == "pandoc-ref" else []
            extra += ["--toc", "-M", "toc-title=MỤC LỤC"] if pandoc_toc(next(d for d in docs if d.name == f.stem)) else []
            subprocess.run(["pandoc", "-f", "markdown", str(f), "-o", str(out_dir / f"{f.stem}.docx"), *extra],
                           check=True, capture_output=True, timeout=120)
    for f in by["abiword"]:
        subprocess.run(["abiword", "--to=docx", "-o", str(out_dir / f"{f.stem}.docx"), str(f)],
                       check=True, capture_output=True, timeout=120)


def truth_paragraphs(report: Report) -> list[dict]:
    """Every paragraph the parser must output, footnotes right after their anchor."""
    out = []
    for k, b in enumerate(report.blocks):
        if not isinstance(b, Para):
            continue
        out.append({"text": clean(b.text), "section": b.section, "heading": b.heading, "node": b.node,
                    "level": b.level, "label": b.label, "auto": b.auto, "role": b.role, "origin": b.origin,
                    "block": k})
        if b.footnote:
            out.append({"text": b.footnote, "section": b.section, "heading": False, "node": None, "level": None,
                        "label": None, "auto": False, "role": "footnote", "origin": "footnote", "block": k})
    return out


def truth_of(doc: Planned, report: Report) -> dict:
    paragraphs = truth_paragraphs(report)
    return {
        "format": "tonghop-docgen/1", "file": f"{doc.name}.docx", "seed": doc.seed, "version": 1,
        "producer": doc.producer, "unit_id": doc.unit_id, "expected": "ok", "reject_reason": None,
        "outline": "de-cuong-huyen",
        "features": sorted(set(report.features + [f"producer:{doc.producer}"])),
        "outline_headings": [p["node"] for p in paragraphs if p["heading"] and p["node"]],
        "paragraphs": paragraphs,
        "tables": [{"rows": expand(b), "section": b.section, "role": b.role, "nested": False, "parent": None}
                   for b in report.blocks if isinstance(b, Table)],
        "indicators": [], "non_indicators": [],
    }


def label_problems(truth: dict, rendered: list[str]) -> list[str]:
    """Automatic labels the rendering (LibreOffice's text export of the docx) does not show as the truth says."""
    raw = [clean(x) for x in rendered]
    lines = [clean(f"{a} {b}") for a, b in zip(raw, raw[1:] + [""])]  # a line break in a paragraph ends a line
    pos, problems = 0, []
    for p in truth["paragraphs"]:
        if p["origin"] != "body":
            continue
        hit = next((i for i in range(pos, len(raw)) if raw[i].endswith(p["text"])), None)
        if hit is None:
            hit = next((i for i in range(pos, len(lines)) if lines[i].endswith(p["text"])), None)
            shown = lines[hit] if hit is not None else None
        else:
            shown = raw[hit]
        pos = hit + 1 if hit is not None else pos
        if not p["auto"] or p["role"] == "bullet":
            continue
        want = clean(f"{p['label']} {p['text']}")
        if shown != want:
            problems.append(f"label: want {want[:60]!r}, shown {shown[:60] if shown else None!r}")
    return problems


def verify(paths: list[Path], work: Path) -> dict[str, list[str]]:
    """Truth texts against an independent lxml reading; automatic labels against Writer's rendering."""
    txt = work / "txt"
    txt.mkdir(exist_ok=True)
    if shutil.which("soffice"):
        soffice(paths, "txt:Text (encoded):UTF8", txt)
    problems: dict[str, list[str]] = {}
    for path in paths:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        want = [p["text"] for p in truth["paragraphs"] if p["text"]]
        got = body_texts(path.read_bytes())
        found = [] if want == got else [f"texts differ: {sorted(set(want) ^ set(got))[:4]}"]
        rendered = txt / f"{path.stem}.txt"
        if rendered.exists():
            found += label_problems(truth, rendered.read_text(encoding="utf-8-sig").splitlines())
        if found:
            problems[path.name] = found
    return problems


def generate(out_dir: Path, n: int = 42, seed: int = 5) -> list[Path]:
    """Write the corpus (docx + truth json) into out_dir; producers whose tool is missing are left out."""
    producers = available()
    if not producers:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = plan(n, seed, producers)
    with tempfile.TemporaryDirectory(prefix="foreign-") as tmp:
        work = Path(tmp)
        sources, reports = {}, {}
        for d in docs:
            fmt = PRODUCERS[d.producer][1]
            item = {"abiword": "1."}.get(d.producer, "a." if fmt == "html" else "a)")
            toc = fmt == "fodt" and d.mode in ("styles_hand", "outline", "outline3", "outline_para", "custom_style")
            reports[d.name] = build_report(d.seed, d.unit_id, d.mode, footnotes=fmt != "html", item_format=item,
                                           toc=toc)
            if pandoc_toc(d):
                reports[d.name].blocks.insert(0, Para("MỤC LỤC", "front", "toc", "toc"))
                reports[d.name].features.append("pandoc_toc")
            sources[d.name] = work / f"{d.name}.{PRODUCERS[d.producer][1]}"
            sources[d.name].write_text(source(d, reports[d.name]), encoding="utf-8")
        convert(docs, sources, work, out_dir)
        paths = []
        for d in docs:
            path = out_dir / f"{d.name}.docx"
            path.with_suffix(".json").write_text(json.dumps(truth_of(d, reports[d.name]), ensure_ascii=False,
                                                            indent=1), encoding="utf-8")
            paths.append(path)
        problems = verify(paths, work)
    if problems:
        raise AssertionError("truth does not match the produced documents: " + json.dumps(problems, ensure_ascii=False,
                                                                                          indent=1))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--docs", type=int, default=42)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    paths = generate(args.out, args.docs, args.seed)
    print(f"{len(paths)} documents in {args.out} from {', '.join(available()) or 'no producer (none installed)'}")


if __name__ == "__main__":
    main()

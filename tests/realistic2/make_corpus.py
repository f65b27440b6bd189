"""Third independent corpus of realistic reports with truth (see README.md beside this file).

    .venv/bin/python -m tests.realistic2.make_corpus OUT_DIR [--no-libreoffice]
    .venv/bin/python bench/accuracy.py --corpus OUT_DIR/huyen --show-errors 80
    .venv/bin/python bench/accuracy.py --corpus OUT_DIR/thanh-pho --outline de-cuong-thanh-pho
"""
from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

from tests.realistic2.docs import Spec, build, truth
from tests.realistic2.writer import write

HUYEN_IDS = ("P1", "P1.I", "P1.I.1", "P1.I.2", "P1.II", "P1.II.1", "P1.II.2", "P1.II.3", "P1.III", "P1.III.1",
             "P1.III.2", "P1.III.3", "P1.IV", "P1.IV.1", "P1.IV.2", "P1.IV.3", "P1.V", "P1.V.1", "P1.V.2",
             "P1.V.3", "P1.V.4", "P2", "P2.I", "P2.II")
NO_IV = tuple(i for i in HUYEN_IDS if not i.startswith("P1.IV"))
SHORT = ("P1", "P1.I", "P1.III", "P1.III.1", "P1.III.2", "P1.V", "P2", "P2.I")
CITY = "de-cuong-thanh-pho"
CITY_NO_P3 = ("P1", "P1.1", "P1.2", "P1.3", "P1.4", "P2")


def S(name: str, unit: str | None, *features: str, **kw) -> Spec:
    return Spec(name=name, unit=unit, features=features, **kw)


PLAN: tuple[Spec, ...] = (
    # plain Normal headings (typed label only) and the unit's own numbered lists inside the nodes
    S("plain-lists-dai-loc", "dai-loc", "look:plain", "lists:typed", look="plain", lists="typed"),
    S("plain-lists-period-duy-xuyen", "duy-xuyen", "look:plain", "lists:typed", "heading_period", "parts:inline",
      look="plain", lists="typed", period=True, parts="inline"),
    S("plain-autolist-que-son", "que-son", "look:plain", "lists:auto", look="plain", lists="auto"),
    S("plain-lookalike-thang-binh", "thang-binh", "look:plain", "lists:lookalike", look="plain", lists="lookalike"),
    S("mixed-lists-nui-thanh", "nui-thanh", "look:mixed", "lists:typed", look="mixed", lists="typed"),
    S("mixed-letters-tien-phuoc", "tien-phuoc", "look:mixed", "lists:letters", "subheadings", look="mixed",
      lists="letters", subheadings=True),
    S("bold-lookalike-nam-giang", "nam-giang", "look:bold", "lists:lookalike", lists="lookalike"),
    S("styles-lists-tam-ky", "tp-tam-ky", "look:styles", "lists:typed", look="styles", lists="typed"),
    # numbering schemes
    S("continue-roman-hoi-an", "tp-hoi-an", "scheme:continue", scheme="continue"),
    S("continue-noparts-dien-ban", "tx-dien-ban", "scheme:continue", "parts:none", scheme="continue",
      parts="none"),
    S("flat-arabic-dai-loc", "dai-loc", "scheme:flat_arabic", scheme="flat_arabic", seed=1),
    S("flat-letter-duy-xuyen", "duy-xuyen", "scheme:flat_letter", scheme="flat_letter", seed=1),
    S("flat-letter-plain-que-son", "que-son", "scheme:flat_letter", "look:plain", scheme="flat_letter",
      look="plain", seed=1),
    S("letters-top-thang-binh", "thang-binh", "scheme:letters_top", scheme="letters_top", seed=1),
    S("letters-top-plain-nui-thanh", "nui-thanh", "scheme:letters_top", "look:plain", "lists:typed",
      scheme="letters_top", look="plain", lists="typed", seed=1),
    # length
    S("short-keep-labels-tien-phuoc", "tien-phuoc", "short", keep=SHORT, renumber=False, seed=1),
    S("short-renumbered-nam-giang", "nam-giang", "short", "look:plain", keep=SHORT, look="plain", seed=1),
    S("long-bold-lists-tam-ky", "tp-tam-ky", "long", "lists:typed", length=6, lists="typed", seed=1),
    S("long-plain-hoi-an", "tp-hoi-an", "long", "look:plain", "lists:letters", length=8, look="plain",
      lists="letters", seed=1),
    # front matter that speaks the outline's words
    S("intro-outline-words-dien-ban", "tx-dien-ban", "intro:outline_words", intro="outline_words", seed=1),
    S("intro-bold-line-dai-loc", "dai-loc", "intro:bold_line", intro="bold_line", seed=2),
    # đảng ủy trực thuộc and cấp cơ sở, following the outline loosely
    S("quan-su-loose", "qs-tinh", "truc_thuoc", "wording:loose", "lists:typed", wording=1, keep=NO_IV,
      lists="typed"),
    S("cong-an-loose", "ca-tinh", "truc_thuoc", "wording:loose", "subheadings", "header:paragraphs",
      "closing:kt", wording=1, subheadings=True, header="paragraphs", closing="kt"),
    S("khoi-loose", "khoi-cq-dn", "truc_thuoc", "wording:loose", "look:mixed", "closing:after", wording=1,
      keep=NO_IV, look="mixed", closing="after"),
    S("xa-dai-hiep-co-so", None, "co_so", "look:plain", "short", look="plain", keep=SHORT, wording=1),
    # legacy fonts, whole documents
    S("tcvn3-bold-dai-loc", "dai-loc", "legacy:tcvn3", encoding="tcvn3", seed=3),
    S("tcvn3-plain-lists-que-son", "que-son", "legacy:tcvn3", "look:plain", "lists:typed", encoding="tcvn3",
      look="plain", lists="typed", seed=3),
    S("vni-bold-nui-thanh", "nui-thanh", "legacy:vni", encoding="vni", seed=3),
    S("vni-styles-tien-phuoc", "tien-phuoc", "legacy:vni", "look:styles", encoding="vni", look="styles", seed=3),
    # closing blocks
    S("closing-tm-huyen-duy-xuyen", "duy-xuyen", "closing:tm_huyen", closing="tm_huyen", seed=4),
    S("closing-table-thang-binh", "thang-binh", "closing:table", closing="table", seed=4),
    S("closing-tm-nodot-nam-giang", "nam-giang", "closing:tm_nodot", closing="tm_nodot", seed=4),
    S("closing-t.m-tien-phuoc", "tien-phuoc", "closing:t.m", closing="t.m", seed=4),
    S("closing-kt-nospace-tam-ky", "tp-tam-ky", "closing:kt_nospace", closing="kt_nospace", seed=4),
    S("appendix-after-signature-hoi-an", "tp-hoi-an", "appendix:after_signature", "closing:after",
      appendix="after_signature", closing="after", seed=4),
    # a tired clerk
    S("split-heading-caption-dien-ban", "tx-dien-ban", "split_heading", "caption", split_heading=True,
      caption=True, seed=5),
    S("misnumbered-runin-dai-loc", "dai-loc", "misnumbered", "runin_lead", misnumbered=True, runin_lead=True,
      seed=5),
    S("header-tabs-que-son", "que-son", "header:tabs", "look:mixed", header="tabs", look="mixed", seed=5),
    S("p2-extra-first-duy-xuyen", "duy-xuyen", "extra_first", "look:mixed", extra_first=True, look="mixed",
      seed=6),
    S("legal-lists-thang-binh", "thang-binh", "scheme:legal", "lists:typed", scheme="legal", lists="typed",
      seed=6),
    S("signature-only-nui-thanh", "nui-thanh", "closing:signature_only", closing="signature_only", seed=6),
    S("comments-tien-phuoc", "tien-phuoc", "comments", "look:plain", comments=True, look="plain", seed=6),
    # the city outline (Đà Nẵng)
    S("city-roman-hoa-vang", "hoa-vang", "city", "scheme:city_roman", "subheadings", "appendix:after_signature",
      outline=CITY, scheme="city_roman", subheadings=True, appendix="after_signature"),
    S("city-arabic-hoa-vang", "hoa-vang", "city", "scheme:city_arabic", "parts:inline", outline=CITY,
      scheme="city_arabic", parts="inline", keep=CITY_NO_P3, seed=1),
    S("city-plain-hai-chau", "hai-chau", "city", "look:plain", "subheadings", "unit:unregistered", outline=CITY,
      scheme="city_roman", look="plain", subheadings=True, keep=CITY_NO_P3, seed=2),
    S("city-runin-hoa-vang", "hoa-vang", "city", "scheme:city_arabic", "runin_lead", "wording:loose",
      outline=CITY, scheme="city_arabic", runin_lead=True, wording=1, keep=CITY_NO_P3, seed=3),
    S("city-extra-first-hoa-vang", "hoa-vang", "city", "scheme:city_roman", "extra_first", outline=CITY,
      scheme="city_roman", extra_first=True, keep=CITY_NO_P3, seed=4),
)

LIBREOFFICE = ("plain-lists-dai-loc", "mixed-lists-nui-thanh", "continue-roman-hoi-an", "letters-top-thang-binh",
               "quan-su-loose", "tcvn3-bold-dai-loc", "vni-bold-nui-thanh", "city-roman-hoa-vang",
               "plain-autolist-que-son", "closing-table-thang-binh", "comments-tien-phuoc")


def _folder(spec: Spec) -> str:
    return "thanh-pho" if spec.outline == CITY else "huyen"


def legacy_texts(data: bytes) -> list[str]:
    """Body paragraph texts with each run decoded by its own font, else the Normal style's font."""
    from lxml import etree

    from tonghop.parsers.legacy import decode_run
    from tonghop.parsers.normalize import clean
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        doc, styles = etree.fromstring(zf.read("word/document.xml")), etree.fromstring(zf.read("word/styles.xml"))
    normal = styles.find(f"{w}style[@{w}styleId='Normal']/{w}rPr/{w}rFonts")
    default = normal.get(w + "ascii") if normal is not None else None
    texts = []
    for p in doc.find(w + "body").iterchildren(w + "p"):
        parts = []
        for r in p.iter(w + "r"):
            fonts = r.find(f"{w}rPr/{w}rFonts")
            font = fonts.get(w + "ascii") if fonts is not None else default
            stored = []     # a soft hyphen is TCVN3's 'ư' (0xAD); Word and LibreOffice store it as w:softHyphen
            for el in r:
                chars = {w + "t": el.text or "", w + "softHyphen": "\u00ad", w + "tab": " ", w + "br": " "}
                stored.append(chars.get(el.tag, ""))
            parts.append(decode_run("".join(stored), font))
        texts.append(clean("".join(parts)))
    return [t for t in texts if t]


def _save(out: Path, spec: Spec, data: bytes, items) -> Path:
    from tests.realistic.check import body_texts  # an independent reading of the same bytes
    t = truth(spec, items)
    got, want = (body_texts if spec.encoding == "unicode" else legacy_texts)(data), [p["text"] for p in t["paragraphs"]]
    if got != want:
        raise AssertionError(f"{spec.name}: truth disagrees with the file's text: "
                             f"{[x for x in want if x not in got][:3]} / {[x for x in got if x not in want][:3]}")
    path = out / _folder(spec) / (spec.name + ".docx")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.with_suffix(".json").write_text(json.dumps(t, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def generate(out: Path, libreoffice: bool = True) -> list[Path]:
    """Write every planned document (+ LibreOffice round-trips when soffice exists) and its truth."""
    paths = []
    round_trip = []
    for spec in PLAN:
        items = build(spec)
        paths.append(_save(out, spec, write(items, spec.encoding, spec.comments), items))
        if libreoffice and spec.name in LIBREOFFICE:
            round_trip.append((replace(spec, name="lo-" + spec.name, libreoffice=True,
                                       features=spec.features + ("libreoffice",)), items, paths[-1]))
    if round_trip and shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as tmp:
            src, dst = Path(tmp, "in"), Path(tmp, "out")
            src.mkdir()
            for spec, _, path in round_trip:
                shutil.copy(path, src / (spec.name + ".docx"))
            subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(dst),
                            *sorted(str(p) for p in src.iterdir())],
                           check=True, capture_output=True, timeout=600)
            for spec, items, _ in round_trip:
                paths.append(_save(out, spec, (dst / (spec.name + ".docx")).read_bytes(), items))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--no-libreoffice", action="store_true")
    args = ap.parse_args()
    paths = generate(args.out, libreoffice=not args.no_libreoffice)
    print(f"{len(paths)} documents in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""How well the draft consolidates (issue 7): repeats, attribution, figures kept, unit-specific text kept,
length, speed; per corpus, beside the full-text compilation (what the draft was before) as the baseline.

    .venv/bin/python bench/consolidation.py [--corpora samples,docgen,realistic,realistic2,foreign]
                                            [--speed-docs 200] [--calibrate] [--keep DIR]

The truth of "a statement several units made" comes from the generators, never from the clustering:
every string constant of a corpus's generator modules (tests/docgen/content.py, tests/realistic/prose.py,
tests/realistic2/prose.py, tests/foreign/content.py …) is a template; a truth paragraph (the corpus's JSON)
written from a template is that statement, under the outline node the truth puts it in; a paragraph no
template wrote is the unit's own. The draft is read back with python-docx like an editor reads it:
outline headings, attribution lines ('[Unit — file.docx …]'), statement paragraphs ('… (A: …; B: …)').

Documents are consolidated in rounds of at most one report per unit (a province's submission round).

- repeats: over statements made by 2+ units in a round and node, Σ(passages expressing it − 1) / Σ(units − 1)
- attribution recall: (statement, unit) pairs whose unit is named at a passage expressing the statement;
  precision: units named at passages that express a statement, that made one of the statements it expresses
- figures kept: numbers a unit wrote in a shared statement found in the neutral text or in that unit's part
- own text: paragraphs no other unit shares, present verbatim (or, when merged, expressed naming the unit)
- length: characters of the draft under the outline / characters of the units' body paragraphs
- speed: consolidate() for --speed-docs generated reports / parsing them, one run
- --calibrate: pairwise precision/recall of the clustering per threshold (same-template sentence pairs
  of different units in one node are the positives)
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from tonghop.aggregators.consolidate import consolidate  # noqa: E402
from tonghop.parsers.docx_reader import DocxError  # noqa: E402
from tonghop.parsers.parse import parse_file  # noqa: E402
from tonghop.reference import load_reference  # noqa: E402
from tonghop.reports.docx_parts import heading_text  # noqa: E402
from tonghop.reports.draft_docx import write_draft  # noqa: E402
from tonghop.reports.tap_hop_docx import write_compilation  # noqa: E402

CORPORA = ("samples", "docgen", "realistic", "realistic2", "foreign")
GENERATORS = {
    "samples": ("tests.docgen.content", "tests.docgen.indicators", "tests.docgen.blocks"),
    "docgen": ("tests.docgen.content", "tests.docgen.indicators", "tests.docgen.blocks"),
    "realistic": ("tests.realistic.prose", "tests.realistic.report"),
    "realistic2": ("tests.realistic2.prose", "tests.realistic2.docs"),
    "foreign": ("tests.foreign.content", "tests.foreign.build"),
}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[sd]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ATTRIBUTION = re.compile(r"^\[(?P<name>.+?) — (?P<file>[^\]]+?\.docx)")
_MERGED = re.compile(r"^\[Nội dung chung của \d+ đơn vị: (?P<items>.+)\]$")
_COMMITTEE = re.compile(r"^(?:Huyện ủy|Thành ủy|Thị ủy|Quận ủy|Đảng ủy)\s+")
CHUNK_MIN = 12
EXPRESS_SHARE = 0.6


def norm(text: str) -> str:
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text)).strip()


def fold(text: str) -> str:
    return norm(text).casefold()


# ---------------------------------------------------------------- templates: the generators' knowledge


@dataclass(frozen=True)
class Template:
    text: str
    pattern: re.Pattern
    chunks: tuple[str, ...]       # literal parts, casefolded, at least CHUNK_MIN characters
    required: tuple[str, ...] = ()  # what the statement is about (an indicator's name): must all be there

    def expressed_in(self, passage_folded: str) -> bool:
        if not all(r in passage_folded for r in self.required):
            return False
        total = sum(len(c) for c in self.chunks)
        found = sum(len(c) for c in self.chunks if c in passage_folded)
        return total > 0 and found >= EXPRESS_SHARE * total


def _strings(value, out: list[str]) -> None:
    if isinstance(value, str):
        if len(value) >= 25 and " " in value:
            out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _strings(v, out)


_NAMING = re.compile(r"(?:Ban Chấp hành |BCH )?(?:Đảng bộ|Đảng ủy|Huyện ủy|Thành ủy|Thị ủy|Quận ủy)"
                     r"(?: (?:huyện|thành phố|thị xã))? ?(?=\{[^{}]*\})")


def make_template(text: str) -> Template | None:
    parts = _PLACEHOLDER.split(text)
    # 'Đảng bộ {place}' names the unit as a whole: the words before the field are not the statement's
    literal = _PLACEHOLDER.split(_NAMING.sub("", text))
    pieces = [q.strip(" .;:!?,") for p in literal for q in re.split(r"[.;:!?](?:\s|$)", fold(p))]
    chunks = tuple(q for q in pieces if len(q) >= CHUNK_MIN)
    if not chunks:
        return None
    regex = "(.+?)".join(re.escape(norm(p)) for p in parts)
    return Template(text, re.compile(regex, re.IGNORECASE), chunks)


def _ast_strings(source: str) -> list[str]:
    """Every string constant and f-string of a module's source; an f-string's fields become '{}'."""
    import ast
    out: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            out.append("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append(node.value)
    return [t for t in out if len(t) >= 25 and " " in t]


def load_templates(corpus: str) -> list[Template]:
    """The corpus generators' sentences: string constants and f-strings of their modules."""
    import importlib.util
    texts: list[str] = []
    for name in GENERATORS[corpus]:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        texts += _ast_strings(Path(spec.origin).read_text(encoding="utf-8"))
    seen, out = set(), []
    for t in texts:
        if t not in seen:
            seen.add(t)
            tpl = make_template(t)
            if tpl is not None:
                out.append(tpl)
    return out


_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
_NAME_VALUE = re.compile(rf"(?:(?:Ban Thường vụ |Ban Chấp hành |BCH |[Tt]oàn |[Ll]ực lượng )?(?:Đảng bộ|Đảng ủy|Huyện ủy|"
                         rf"Thành ủy|Thị ủy|Quận ủy|[Hh]uyện|[Tt]hành phố|[Tt]hị xã|[Qq]uận|[Xx]ã)\b.*"
                         rf"|[{_UPPER}]\w*(?: [{_UPPER}]\w*)*)")


MATCHED: dict[str, str] = {}


def which_template(text: str, templates: list[Template]) -> tuple[Template, tuple[str, ...]] | None:
    """The template a paragraph was written from (its pattern covers at least 85% of the paragraph) and
    the values of its fields that say what the statement is about (an indicator's name), leaving out the
    fields that name the unit and the numbers."""
    t = norm(text)
    tf = t.casefold()
    best = None
    matched = [t]
    for tpl in templates:
        if not all(c in tf for c in tpl.chunks[:1]):
            continue
        m = tpl.pattern.search(t)
        if m and (m.end() - m.start()) >= 0.85 * len(t):
            if best is None or len(tpl.text) > len(best[0].text):
                values = tuple(g for g in m.groups() if g and not any(c.isdigit() for c in g)
                               and not _NAME_VALUE.fullmatch(g.split(", ")[-1].strip()) and len(g.strip()) > 3)
                best = (tpl, values)
                matched[0] = t[m.start():m.end()]
    if best is None:        # the generator added to a template (a tracked insertion, a link): most of it is there
        scored = [(sum(len(c) for c in tpl.chunks if c in tf) / sum(len(c) for c in tpl.chunks), tpl)
                  for tpl in templates if "{}" not in tpl.text]
        share, tpl = max(scored, key=lambda x: (x[0], len(x[1].text)), default=(0.0, None))
        if tpl is not None and share >= 0.8 and len(t) <= 1.3 * len(tpl.text):
            best = (tpl, ())
    if best is not None:
        MATCHED[text] = matched[0]          # the sentence the template wrote (without a list label before it)
    return best


def statement_template(tpl: Template, values: tuple[str, ...]) -> tuple[str, Template]:
    """The statement a template and its content fields make, and how to recognise it in a passage."""
    if not values:
        return tpl.text, tpl
    extra = tuple(fold(v).strip(" .;:,") for v in values if len(v.strip()) > 3)
    return tpl.text + "|" + "|".join(values), Template(tpl.text, tpl.pattern, tpl.chunks, extra)


# ---------------------------------------------------------------- corpora


def corpus_files(name: str, work: Path, docs: int) -> list[tuple[Path, str]]:
    """(docx path, outline id) of a corpus, generated into work (the samples are read where they are)."""
    out = work / name
    if name != "samples" and out.is_dir() and any(out.rglob("*.json")):      # kept from an earlier run (--keep)
        return [(p, "de-cuong-thanh-pho" if "thanh-pho" in p.parts else "de-cuong-huyen")
                for p in sorted(out.rglob("*.docx")) if p.with_suffix(".json").exists()]
    if name == "samples":
        return [(p, "de-cuong-huyen") for p in sorted((ROOT / "data" / "samples" / "inbox").glob("*.docx"))]
    if name == "docgen":
        from tests.docgen.corpus import generate_corpus
        return [(p, "de-cuong-huyen") for p in generate_corpus(n=docs, seed=31, out_dir=out, broken=0)]
    if name == "realistic":
        from tests.realistic.make_realistic import generate
        return [(p, "de-cuong-huyen") for p in generate(out, libreoffice=shutil.which("soffice") is not None)]
    if name == "realistic2":
        from tests.realistic2.make_corpus import generate
        paths = generate(out, libreoffice=shutil.which("soffice") is not None)
        return [(p, "de-cuong-thanh-pho" if "thanh-pho" in p.parts else "de-cuong-huyen") for p in paths]
    if name == "foreign":
        from tests.foreign.make_foreign import generate
        return [(p, "de-cuong-huyen") for p in generate(out, n=42, seed=5)]
    raise ValueError(name)


def truth_of(path: Path) -> dict | None:
    for candidate in (path.with_suffix(".json"), ROOT / "data" / "samples" / "truth" / (path.stem + ".json")):
        if candidate.exists():
            return json.loads(candidate.read_text(encoding="utf-8"))
    return None


def rounds(docs: list[tuple[Path, dict, str]]) -> list[list[tuple[Path, dict, str]]]:
    """Submission rounds: at most one report per unit (latest version first), per outline."""
    by_key: dict[tuple[str, str], list] = defaultdict(list)
    for path, truth, outline in docs:
        key = (outline, truth.get("unit_id") or path.name)
        by_key[key].append((path, truth, outline))
    out: dict[tuple[str, int], list] = defaultdict(list)
    for (outline, _), items in sorted(by_key.items()):
        items.sort(key=lambda x: (-x[1].get("version", 1), x[0].name))
        kept = [items[0]] if items[0][1].get("version", 1) > 1 else items    # a resubmission replaces
        for n, item in enumerate(kept):
            out[(outline, n)].append(item)
    return [v for _, v in sorted(out.items())]


# ---------------------------------------------------------------- reading the draft back


@dataclass
class Passage:
    node: str
    text: str
    units: set[str]
    statement: bool
    segments: dict[str, str] = field(default_factory=dict)   # unit -> its part of a statement (+ neutral text)


def unit_forms(ref) -> dict[str, list[str]]:
    forms = {}
    for u in ref.units:
        names = {u.ten, *u.bi_danh, _COMMITTEE.sub("", u.ten)}
        forms[u.id] = sorted(names, key=len, reverse=True)
    return forms


def read_passages(path: Path, ref, forms: dict[str, list[str]], files: dict[str, str]) -> list[Passage]:
    """Passages under outline headings with the units each names."""
    document = docx.Document(str(path))
    titles = {norm(heading_text(n)): n.id for n in ref.outline.nodes}
    by_name = {u.ten: u.id for u in ref.units}
    out: list[Passage] = []
    node = None
    current: set[str] | None = None
    for p in document.paragraphs:
        text = norm(p.text)
        if p.style.name.startswith("Heading"):
            node = titles.get(text)
            current = None
            continue
        if node is None or not text:
            continue
        m = _MERGED.match(text)
        if m:
            current = {_unit_of(item.split(" — ")[0], item.split(" — ")[1].split(",")[0], by_name, files)
                       for item in m["items"].split("; ")}
            continue
        m = _ATTRIBUTION.match(text)
        if m:
            current = {_unit_of(m["name"], m["file"], by_name, files)}
            continue
        if text.startswith("[") and text.endswith("]"):
            current = set()                       # a note of the draft's own
            continue
        if current is None:                       # before any attribution line: a statement
            open_at = _closing_group(text)
            neutral, names = (text[:open_at], text[open_at:]) if open_at > 0 else (text, "")
            found = {}
            for uid, fs in list(forms.items()) + [(k, [k]) for k in files.values() if k not in forms]:
                for f in fs:
                    at = names.find(f)
                    if at >= 0:
                        found[uid] = at
                        break
            order = sorted(found.items(), key=lambda x: x[1])
            segments = {}
            for n, (uid, at) in enumerate(order):
                end = order[n + 1][1] if n + 1 < len(order) else len(names)
                segments[uid] = neutral + " " + names[at:end]
            out.append(Passage(node, text, set(found), True, segments))
        else:
            out.append(Passage(node, text, set(current), False, {u: text for u in current}))
    return out


def _closing_group(text: str) -> int:
    """Where the parenthesised group that ends a paragraph opens (nested brackets counted), or -1."""
    end = len(text.rstrip(" .;:!?"))
    if end == 0 or text[end - 1] != ")":
        return -1
    depth = 0
    for i in range(end - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return -1


def _unit_of(name: str, file: str, by_name: dict[str, str], files: dict[str, str]) -> str:
    return by_name.get(name.strip()) or files.get(file.strip(), file.strip())


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    repeats_num: float = 0.0
    repeats_den: float = 0.0
    pairs: int = 0
    pairs_named: int = 0
    named: int = 0
    named_right: int = 0
    figures: int = 0
    figures_kept: int = 0
    own: int = 0
    own_kept: int = 0
    body_chars: int = 0
    doc_chars: int = 0
    shared_statements: int = 0
    lost: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k, v in vars(other).items():
            if isinstance(v, list):
                getattr(self, k).extend(v)
            else:
                setattr(self, k, getattr(self, k) + v)

    def row(self) -> dict:
        def r(a, b):
            return round(a / b, 4) if b else None
        return {"repeats": r(self.repeats_num, self.repeats_den), "attr_recall": r(self.pairs_named, self.pairs),
                "attr_precision": r(self.named_right, self.named), "figures_kept": r(self.figures_kept, self.figures),
                "own_present": r(self.own_kept, self.own), "length": r(self.doc_chars, self.body_chars),
                "shared_statements": self.shared_statements}


def own_key(text: str, names: list[str]) -> str:
    """A paragraph no template wrote, with its unit's own names as placeholders (an f-string of the
    generator, e.g. the closing 'Trên đây là báo cáo … Đảng bộ huyện X …', is one statement of all units)."""
    t = norm(text)
    for name in names:
        t = t.replace(name, "{}")
    return "own:" + t


def score_round(passages: list[Passage], truths: list[tuple[str, dict]], templates: list[Template],
                doc_chars: int, forms: dict[str, list[str]]) -> Score:
    """truths: (unit key, truth json) of the round's reports."""
    sc = Score(doc_chars=doc_chars)
    made: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    tpl_of: dict[str, Template] = {}
    for unit, truth in truths:
        for p in truth["paragraphs"]:
            if p["section"] in ("front", "back") or p.get("heading") or p.get("role") in ("heading", "part_title"):
                continue
            sc.body_chars += len(norm(p["text"]))
            found = which_template(p["text"], templates)
            if found:
                key, tpl_of_key = statement_template(*found)
                tpl_of[key] = tpl_of_key
            else:
                key = own_key(p["text"], forms.get(unit, []))
            made[(p["section"], key)][unit].append(p["text"])
    makers: dict[int, tuple[Passage, set[str]]] = {}
    by_node: dict[str, list[Passage]] = defaultdict(list)
    for ps in passages:
        by_node[ps.node].append(ps)
    for (node, key), units in made.items():
        tpl = tpl_of.get(key) or make_template(_NUMBER.sub("{}", key[4:]))
        expressing = [ps for ps in by_node.get(node, []) if tpl and tpl.expressed_in(ps.text.casefold())]
        if len(units) >= 2:
            sc.shared_statements += 1
            sc.repeats_num += max(len(expressing), 1) - 1
            sc.repeats_den += len(units) - 1
            if len(expressing) > 1 and len(sc.lost) < 60:
                sc.lost.append(("repeat", node, len(expressing), len(units), key[:70],
                                [ps.text[:50] for ps in expressing]))
        for unit, texts in units.items():
            sc.pairs += 1
            named_here = [ps for ps in expressing if unit in ps.units]
            if named_here:
                sc.pairs_named += 1
            elif len(sc.lost) < 60:
                sc.lost.append(("not named", node, unit, texts[0][:90]))
            if len(units) >= 2:
                for text in texts:
                    for number in _NUMBER.findall(MATCHED.get(text, text)):
                        sc.figures += 1
                        if any(number in ps.segments.get(unit, "") for ps in named_here):
                            sc.figures_kept += 1
                        elif len(sc.lost) < 60:
                            sc.lost.append(("figure", node, unit, number, text[:70]))
            else:
                for text in texts:
                    sc.own += 1
                    t = norm(text)
                    if any(t in ps.text for ps in by_node.get(node, [])) or named_here:
                        sc.own_kept += 1
                    elif len(sc.lost) < 60:
                        sc.lost.append(("own lost", node, unit, t[:90]))
        for ps in expressing:
            makers.setdefault(id(ps), (ps, set()))[1].update(units)
    for ps, makers_of in makers.values():                # precision: a named unit made what the passage says
        for unit in ps.units:
            sc.named += 1
            sc.named_right += unit in makers_of
            if unit not in makers_of and len(sc.lost) < 60:
                sc.lost.append(("wrong unit", ps.node, unit, ps.text[:100]))
    return sc


def draft_chars(path: Path) -> int:
    """Characters of every paragraph from the first heading on (attribution lines and notes included)."""
    document = docx.Document(str(path))
    started, total = False, 0
    for p in document.paragraphs:
        started = started or p.style.name.startswith("Heading")
        total += len(norm(p.text)) if started and not p.style.name.startswith("Heading") else 0
    return total


# ---------------------------------------------------------------- runs


def parse_all(files: list[tuple[Path, str]]) -> tuple[list[tuple[Path, dict, str, object]], float]:
    refs = {}
    out = []
    start = time.perf_counter()
    for path, outline in files:
        ref = refs.setdefault(outline, load_reference(outline))
        truth = truth_of(path)
        if truth is None or truth.get("expected", "ok") != "ok":
            continue
        try:
            sub = parse_file(path, ref)
        except DocxError:
            continue
        out.append((path, truth, outline, replace(sub, source=path.name)))
    return out, time.perf_counter() - start


def run_corpus(name: str, work: Path, templates: list[Template], docs: int, show: int) -> tuple[Score, Score, int]:
    files = corpus_files(name, work, docs)
    parsed, _ = parse_all(files)
    subs = {p: s for p, _, _, s in parsed}
    total, base = Score(), Score()
    n_rounds = 0
    for batch in rounds([(p, t, o) for p, t, o, _ in parsed]):
        outline = batch[0][2]
        ref = load_reference(outline)
        cons = consolidate([subs[p] for p, _, _ in batch], ref)
        out = work / f"{name}-draft-{n_rounds}"
        out.mkdir(parents=True, exist_ok=True)
        d = write_draft(cons, out / "du-thao-tong-hop.docx", base_dir=out)
        c = write_compilation(cons, out / "tap-hop-nguyen-van.docx", base_dir=out)
        forms = unit_forms(ref)
        files_to_unit = {p.name: (t.get("unit_id") or p.name) for p, t, _ in batch}
        # an unknown unit is named by its file in both documents
        forms_all = {**forms, **{p.name: [p.name] for p, t, _ in batch if not t.get("unit_id")}}
        truths = [(t.get("unit_id") or p.name, t) for p, t, _ in batch]
        dp = read_passages(d, ref, forms_all, files_to_unit)
        cp = read_passages(c, ref, forms_all, files_to_unit)
        total.add(score_round(dp, truths, templates, draft_chars(d), forms_all))
        base.add(score_round(cp, truths, templates, draft_chars(c), forms_all))
        n_rounds += 1
    if show:
        for item in total.lost[:show]:
            print("   ", item)
    return total, base, n_rounds


def speed(work: Path, n: int) -> dict:
    from tests.docgen.corpus import generate_corpus
    files = [(p, "de-cuong-huyen") for p in generate_corpus(n=n, seed=47, out_dir=work / "speed", broken=0)]
    parsed, parse_seconds = parse_all(files)
    ref = load_reference()
    subs = [s for _, _, _, s in parsed]
    start = time.perf_counter()
    cons = consolidate(subs, ref)
    cons_seconds = time.perf_counter() - start
    start = time.perf_counter()
    write_draft(cons, work / "speed-draft.docx")
    draft_seconds = time.perf_counter() - start
    return {"reports": len(subs), "parse_s": round(parse_seconds, 2), "consolidate_s": round(cons_seconds, 2),
            "ratio": round(cons_seconds / parse_seconds, 3), "draft_write_s": round(draft_seconds, 2)}


def calibrate(work: Path, corpora: list[str], thresholds: list[float], docs: int) -> list[dict]:
    """Pairwise precision/recall of the sentence clustering against same-template truth."""
    from tonghop.aggregators.clusters import Item, cluster
    from tonghop.aggregators.consolidate import contributions_by_node, order_submissions
    from tonghop.aggregators.masking import masker_for
    from tonghop.aggregators.sentences import split_sentences
    nodes_items = []
    for name in corpora:
        templates = load_templates(name)
        files = corpus_files(name, work, docs)
        parsed, _ = parse_all(files)
        subs = {p: s for p, _, _, s in parsed}
        for batch in rounds([(p, t, o) for p, t, o, _ in parsed]):
            ref = load_reference(batch[0][2])
            masker = masker_for(ref.units)
            by_node, _ = contributions_by_node(order_submissions([subs[p] for p, _, _ in batch], ref), ref)
            for _node, contributions in by_node.items():
                items, labels = [], []
                for c in contributions:
                    for p in c.paragraphs:
                        found = which_template(p.text, templates)
                        key = statement_template(*found)[0] if found else None
                        for si, s in enumerate(split_sentences(p.text)):
                            items.append(Item(c.unit_id, c.unit_name, c.source, p.index, 0, si, masker.mask(s.text)))
                            labels.append((key, si) if key else None)
                nodes_items.append((items, labels))
    rows = []
    for threshold, same_words in [(t, True) for t in thresholds] + [(t, False) for t in thresholds]:
        tp = fp = fn = 0
        for items, labels in nodes_items:
            group = {}
            found = cluster(items, threshold) if same_words else _fuzzy_only(items, threshold)
            for g, members in enumerate(found):
                for i in members:
                    group[i] = g
            for i in range(len(items)):
                for j in range(i + 1, len(items)):
                    if items[i].unit_id == items[j].unit_id:
                        continue
                    same = labels[i] is not None and labels[i] == labels[j]
                    pred = i in group and group.get(j) == group[i]
                    tp += same and pred
                    fp += pred and not same
                    fn += same and not pred
        rows.append({"threshold": threshold, "same_content_words": same_words, "precision": round(tp / (tp + fp), 4) if tp + fp else None,  # noqa: E501
                     "recall": round(tp / (tp + fn), 4) if tp + fn else None, "pairs_true": tp + fn})
    return rows


def _fuzzy_only(items, threshold: float) -> list[list[int]]:
    """The clustering without its content-word rule (rapidfuzz on masked keys alone), for comparison."""
    from rapidfuzz import fuzz, process

    from tonghop.aggregators.clusters import clusterable
    candidates = [i for i, it in enumerate(items) if clusterable(it.masked)]
    if len(candidates) < 2:
        return []
    keys = [items[i].masked.key for i in candidates]
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=threshold, workers=-1)
    taken, groups = set(), []
    for a in range(len(candidates)):
        if a in taken:
            continue
        group = [a] + [int(b) for b in scores[a].nonzero()[0] if b > a and int(b) not in taken]
        if len({items[candidates[b]].unit_id for b in group}) > 1:
            taken.update(group)
            groups.append([candidates[b] for b in group])
    return groups


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=",".join(CORPORA))
    ap.add_argument("--docs", type=int, default=28, help="documents of the generated docgen corpus")
    ap.add_argument("--speed-docs", type=int, default=200)
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="keep the corpora and drafts in this folder")
    args = ap.parse_args()
    corpora = [c for c in args.corpora.split(",") if c]
    work = args.keep or Path(tempfile.mkdtemp(prefix="tonghop-consolidation-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.calibrate:
            for row in calibrate(work, corpora, [70, 75, 80, 85, 88, 90, 92, 95, 98, 100], args.docs):
                print(json.dumps(row, ensure_ascii=False))
            return
        print(f"{'corpus':<11} {'rounds':>6} {'shared':>6} | {'repeats':>7} {'recall':>7} {'precis.':>7} "
              f"{'figures':>7} {'own':>7} {'length':>7} | full text: {'repeats':>7} {'length':>7}")
        for name in corpora:
            templates = load_templates(name)
            sc, base, n = run_corpus(name, work, templates, args.docs, args.show_errors)
            r, b = sc.row(), base.row()
            print(f"{name:<11} {n:>6} {r['shared_statements']:>6} | {r['repeats']!s:>7} {r['attr_recall']!s:>7} "
                  f"{r['attr_precision']!s:>7} {r['figures_kept']!s:>7} {r['own_present']!s:>7} {r['length']!s:>7} | "
                  f"{'':>11}{b['repeats']!s:>7} {b['length']!s:>7}", flush=True)
        if args.speed_docs:
            print("speed:", json.dumps(speed(work, args.speed_docs)))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

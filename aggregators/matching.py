"""Match reported indicator names to the catalog: normalised keys, batch fuzzy scoring, one threshold.

A `Matcher` is built once per catalog; `match_names` scores every name against every catalog
name and alias at once (`rapidfuzz.process.cdist`), combines several scorers with an IDF-weighted
word coverage, penalises contradicting qualifiers (giảm/tăng, đô thị/nông thôn, ...) and unit
disagreement, and leaves a name unmatched (id None, candidates kept) below `MATCH_THRESHOLD`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from tonghop.aggregators.syllables import is_syllable
from tonghop.model import Candidate, Catalog
from tonghop.parsers.normalize import ABBREVIATIONS, match_key, strip_diacritics
from tonghop.reference import load_abbreviations

__all__ = [
    "ALIAS_THRESHOLD", "alias_hits", "alias_key", "build_matcher", "match_name", "match_names", "MATCH_THRESHOLD",
    "Matcher", "MatchResult", "merge_abbreviations", "name_key", "NOT_IN_CATALOG", "unit_class", "unit_suffix",
    "with_aliases",
]


# Calibrated by bench/calibrate_match.py on the generated labelled corpus (bench/match_corpus.py:
# paraphrased, abbreviated, reordered, typo'd, diacritic-less catalog names plus non-catalog names
# and near-miss traps, both shipped catalogs, seed 7): the smallest threshold whose precision is
# >= 0.995 on each catalog (margin over the 0.98 requirement; 0.695 for seeds 7 and 101).
# Recompute with `python bench/calibrate_match.py`.
MATCH_THRESHOLD = 0.695
# A name this close to a name an analyst decided for the same unit (token_sort_ratio on alias keys, same
# qualifiers) is that decided name: "Số xã đạt chuẩn NTM" and "Số xã đạt chuẩn NTM." / "số xã đạt chuẩn NTM".
ALIAS_THRESHOLD = 0.92
NOT_IN_CATALOG = -1     # owner of an alias an analyst decided is not a catalog indicator ("-")

# Syllable spelling variants that match_key leaves alone (i/y, tone-placement residue).
_SPELLING = {"tỉ": "tỷ", "kĩ": "kỹ", "lí": "lý", "mĩ": "mỹ", "sỹ": "sĩ", "kỉ": "kỷ", "quí": "quý",
             "hàng": "hằng", "thuỷ": "thủy", "hoá": "hóa", "hoà": "hòa", "uỷ": "ủy", "khoá": "khóa"}
# Words that say nothing about which indicator it is (periods, "chỉ tiêu", fillers).
_FILLER = frozenset("chỉ tiêu đến năm giai đoạn nhiệm kỳ cả trở lên khoảng đạt được trong các những "
                    "của và với hằng mỗi bình quân về".split())
_LEADING_LABEL = re.compile(r"^\s*(?:[-+*•–]\s*|\(?[0-9IVXivx]{1,4}[.)/-]\s+|\(?[a-zđ][.)]\s+)+")
_UNIT_SUFFIX = re.compile(r"\(([^()]{1,30})\)\s*$")

# Qualifiers that make two indicator names different indicators when one has it and the other not.
# They are matched as one alternation (first match wins at a position), so they must not overlap.
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("giam", r"\b(?:giảm|kéo giảm|hạ)\b"),
    ("tang", r"\b(?:tăng|tốc độ)\b"),
    ("nang_cao", r"\bnâng cao\b"),
    ("kieu_mau", r"\bkiểu mẫu\b"),
    ("ntm", r"\bnông thôn mới\b"),
    ("nong_thon", r"\bnông thôn\b(?! mới)"),
    ("do_thi", r"\bđô thị\b(?! hóa)"),
    ("do_thi_hoa", r"\bđô thị hóa\b"),
    ("thon", r"(?<!nông )\bthôn\b"),
    ("xuat_khau", r"\bxuất khẩu\b"),
    ("nhap_khau", r"\bnhập khẩu\b"),
    ("chi", r"(?:^|\s)chi\s(?!bộ)"),
    ("xuat_sac", r"\bxuất sắc\b"),
    ("tsvm", r"\btrong sạch,? vững mạnh\b"),
    ("can_ngheo", r"\bcận nghèo\b"),
    ("bao_hiem_xh", r"\bbảo hiểm xã hội\b"),
    ("bao_hiem_tn", r"\bbảo hiểm thất nghiệp\b"),
    ("bao_hiem_yt", r"\bbảo hiểm y tế\b"),
    ("y_te", r"\by tế\b"),
    ("bac_si", r"\bbác sĩ\b"),
    ("giuong", r"\bgiường bệnh\b"),
    ("mam_non", r"\bmầm non\b"),
    ("tieu_hoc", r"\btiểu học\b"),
    ("thcs", r"\btrung học cơ sở\b"),
    ("thpt", r"\btrung học phổ thông\b"),
    ("bang_cap", r"\b(?:bằng cấp|chứng chỉ)\b"),
    ("xu_ly", r"\b(?:kỷ luật|vi phạm|giải thể|yếu kém)\b"),
    ("per_pop", r"\b(?:vạn|nghìn|ngàn) dân\b"),
    ("dang_vien", r"\bđảng viên\b"),
    ("to_chuc_dang", r"\btổ chức (?:cơ sở )?đảng\b|\bchi bộ\b"),
    ("thuy_san", r"\bthủy sản\b"),
    ("dich_vu", r"\bdịch vụ\b"),
    ("cong_nghiep", r"\bcông nghiệp\b"),
    ("nong_nghiep", r"\bnông nghiệp\b|\bnông lâm\b"),
    ("luong_thuc", r"\blương thực\b"),
)


@dataclass(frozen=True)
class MatchResult:
    """The catalog id a name was matched to (None below the threshold), its score, top candidates."""

    id: str | None
    score: float
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, eq=False)
class _Space:
    """Keys of every catalog name/alias in one script (with or without diacritics), ready to score."""

    keys: tuple[str, ...]
    words: tuple[str, ...]                     # vocabulary in column order
    vocab: dict = field(repr=False)            # syllable -> column
    weights: np.ndarray = field(repr=False)    # IDF weight per vocab syllable
    key_bags: np.ndarray = field(repr=False)   # n_keys x n_vocab, 0/1
    key_mass: np.ndarray = field(repr=False)   # weighted size of each key's bag
    key_flags: np.ndarray = field(repr=False)  # n_keys x n_qualifiers, bool
    qualifiers: re.Pattern[str] = field(repr=False, default=re.compile(""))   # one group per qualifier


@dataclass(frozen=True, eq=False)
class Matcher:
    """Everything needed to match names against one catalog; build with `build_matcher`."""

    catalog: Catalog
    abbreviations: tuple[tuple[str, str], ...]
    plain_abbreviations: tuple[tuple[str, str], ...]   # also keyed without diacritics, for names typed without
    owners: np.ndarray = field(repr=False)     # entry index of each key
    marked: _Space = field(repr=False)
    plain: _Space = field(repr=False)
    entry_units: tuple[str | None, ...] = ()
    threshold: float = MATCH_THRESHOLD
    aliases: tuple[tuple[str, int], ...] = ()   # one unit's decided names: (alias key, entry index or NOT_IN_CATALOG)


# ---------------------------------------------------------------- abbreviations


def merge_abbreviations(extra: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    """parsers.normalize.ABBREVIATIONS overlaid with the user's table, in match_key's argument form."""
    table = dict(ABBREVIATIONS)
    table.update({_fold(k): _fold(v) for k, v in (extra or {}).items()})
    return tuple(sorted(table.items()))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# ---------------------------------------------------------------- keys


@lru_cache(maxsize=65536)
def name_key(text: str, abbreviations: tuple[tuple[str, str], ...]) -> str:
    """Matching form of an indicator name: match_key, spelling variants unified, no labels,
    unit suffix, numbers or filler words."""
    text = _LEADING_LABEL.sub("", text)
    if unit_suffix(text):
        text = _UNIT_SUFFIX.sub("", text)
    key = match_key(text, abbreviations)
    words = [_SPELLING.get(w, w) for w in key.replace("/", " ").replace("%", " ").split()]
    return " ".join(w for w in words if not w.isdigit())


def _bag_words(key: str) -> list[str]:
    return [w for w in key.split() if w not in _FILLER]


def unit_suffix(name: str) -> str | None:
    """The unit written in brackets at the end of a name: 'Tỷ lệ che phủ rừng (%)' -> '%'."""
    m = _UNIT_SUFFIX.search(name)
    if not m:
        return None
    unit = m.group(1).strip()
    kind = unit_class(unit)
    known = kind and (not kind.startswith("count:") or kind[6:] in _COUNT_UNITS)
    return unit if known else None


@lru_cache(maxsize=4096)
def unit_class(unit: str | None) -> str | None:
    """Coarse kind of a unit of measure: percent, money, money per person, per population, count."""
    if not unit:
        return None
    u = " ".join(unicodedata.normalize("NFC", unit).casefold().replace("/", " / ").split())
    if "%" in u or "phần trăm" in u:
        return "percent"
    if re.search(r"\b(?:đồng|usd|vnđ|vnd|đô la)\b", u):
        return "money_per_person" if re.search(r"/ (?:người|hộ|lao động)", u) else "money"
    m = re.match(r"([^/]+?) / (?:1\.?000|một )?(?:vạn|nghìn|ngàn|1\.?000)? ?(?:dân|người dân)\b", u)
    if m:
        return f"per_pop:{m.group(1).strip()}"
    if re.fullmatch(r"lần|điểm|bậc|hạng", u):
        return "score"
    if re.fullmatch(r"[^\d%/]{1,20}", u):
        return f"count:{_COUNT_SYNONYMS.get(u, u)}"
    return None


_COUNT_UNITS = frozenset(("xã", "thôn", "người", "hộ", "trường", "giường", "ha", "tấn", "con", "lượt", "km", "vụ",
                          "doanh nghiệp", "hợp tác xã", "chi bộ", "tổ chức", "sản phẩm", "công trình", "dự án",
                          "lượt khách", "bác sĩ"))
_COUNT_SYNONYMS = {"đv": "người", "đảng viên": "người", "lao động": "người", "lượt người": "người",
                   "học sinh": "người", "hộ": "hộ", "hộ gia đình": "hộ", "xã, thị trấn": "xã", "xã/thị trấn": "xã"}


def _unit_factor(query: str | None, entry: str | None) -> float:
    """Evidence from units: same kind +, different kind -, unknown neutral."""
    if query is None or entry is None:
        return 1.0
    if query == entry:
        return 1.04
    if query.split(":")[0] == entry.split(":")[0] == "count":
        return 0.9
    return 0.8


# ---------------------------------------------------------------- unit-scoped aliases


def alias_key(name: str) -> str:
    """The form under which a decided name is compared: name_key with the built-in abbreviations, without
    diacritics (so a later report typed without them, or with other abbreviations, still finds it)."""
    return strip_diacritics(name_key(name, _BUILTIN_ABBREVIATIONS))


def alias_hits(names: list[str], alias_keys: list[str], threshold: float = ALIAS_THRESHOLD) -> list[int | None]:
    """For each name, the index of the alias key it is (exact key, else the closest at `threshold` or more
    with the same qualifiers), or None."""
    if not names or not alias_keys:
        return [None] * len(names)
    keys = [alias_key(n) for n in names]
    exact = {k: i for i, k in reversed(list(enumerate(alias_keys)))}
    sims = process.cdist(keys, alias_keys, scorer=fuzz.token_sort_ratio, processor=None, dtype=np.float32) / 100.0
    flags_q, flags_a = _flags(_PLAIN_QUALIFIERS, keys), _flags(_PLAIN_QUALIFIERS, list(alias_keys))
    same = (flags_q[:, None, :] == flags_a[None, :, :]).all(axis=2)
    sims = np.where(same, sims, 0.0)
    out: list[int | None] = []
    for r, k in enumerate(keys):
        if k in exact:
            out.append(exact[k])
            continue
        best = int(np.argmax(sims[r]))
        out.append(best if k and sims[r, best] >= threshold else None)
    return out


def with_aliases(matcher: Matcher, aliases: Iterable[tuple[str, str]]) -> Matcher:
    """The matcher for one unit, with the names an analyst decided for that unit as aliases:
    (name as written, catalog id or "-"). Ids not in the catalog are left out."""
    index = {e.id: i for i, e in enumerate(matcher.catalog.entries)}
    pairs = []
    for name, target in aliases:
        owner = NOT_IN_CATALOG if target == "-" else index.get(target)
        key = alias_key(name)
        if owner is not None and key:
            pairs.append((key, owner))
    return replace(matcher, aliases=tuple(dict.fromkeys(pairs)))


def _apply_aliases(matcher: Matcher, names: list[str], scores: np.ndarray) -> np.ndarray:
    """Scores with the unit's decided names: a decided id scores 1 (the others stay below it), a name
    decided as not in the catalog scores 0 everywhere."""
    keys = [k for k, _ in matcher.aliases]
    for row, hit in enumerate(alias_hits(names, keys)):
        if hit is None:
            continue
        owner = matcher.aliases[hit][1]
        if owner == NOT_IN_CATALOG:
            scores[row] = np.minimum(scores[row], matcher.threshold * 0.99)
        else:
            scores[row] = np.minimum(scores[row], 0.999)
            scores[row, owner] = 1.0
    return scores


# ---------------------------------------------------------------- building


def build_matcher(catalog: Catalog, abbreviations: dict[str, str] | None = None,
                  threshold: float = MATCH_THRESHOLD) -> Matcher:
    """Normalise every catalog name and alias once; `abbreviations` extends the built-in table
    (default: data/catalog/viet-tat.csv)."""
    table = merge_abbreviations(load_abbreviations() if abbreviations is None else abbreviations)
    keys, owners = [], []
    for i, entry in enumerate(catalog.entries):
        entry_keys = dict.fromkeys(name_key(n, table) for n in (entry.ten, *entry.bi_danh))
        for key in filter(None, entry_keys):
            keys.append(key)
            owners.append(i)
    owners_arr = np.asarray(owners, dtype=np.int64)
    marked = _space(tuple(keys), owners_arr, len(catalog.entries), plain=False)
    plain = _space(tuple(strip_diacritics(k) for k in keys), owners_arr, len(catalog.entries), plain=True)
    units = tuple(unit_class(e.dvt) for e in catalog.entries)
    plain_table = tuple(sorted({**{strip_diacritics(k): v for k, v in table}, **dict(table)}.items()))
    return Matcher(catalog=catalog, abbreviations=table, plain_abbreviations=plain_table, owners=owners_arr, marked=marked,
                   plain=plain,
                   entry_units=units, threshold=threshold)


def _space(keys: tuple[str, ...], owners: np.ndarray, n_entries: int, plain: bool) -> _Space:
    vocab: dict[str, int] = {}
    for key in keys:
        for w in _bag_words(key):
            vocab.setdefault(w, len(vocab))
    bags = np.zeros((len(keys), len(vocab)), dtype=np.float32)
    for r, key in enumerate(keys):
        for w in _bag_words(key):
            bags[r, vocab[w]] = 1.0
    # document frequency over entries (an entry's aliases count once)
    per_entry = np.zeros((n_entries, len(vocab)), dtype=bool)
    np.logical_or.at(per_entry, owners, bags.astype(bool))
    df = per_entry.sum(axis=0)
    weights = np.log1p(n_entries / np.maximum(df, 1)).astype(np.float32)
    pattern = re.compile("|".join(f"(?P<{name}>{strip_diacritics(p) if plain else p})" for name, p in _QUALIFIERS))
    flags = _flags(pattern, list(keys))
    return _Space(keys=keys, words=tuple(vocab), vocab=vocab, weights=weights, key_bags=bags, key_mass=bags @ weights,
                  key_flags=flags, qualifiers=pattern)


# ---------------------------------------------------------------- scoring


def match_names(matcher: Matcher, names: list[str], units: list[str | None] | None = None) -> list[MatchResult]:
    """Match many names at once; `units` (same length, may hold None) adds unit agreement as evidence."""
    units = list(units) if units is not None else [None for _ in names]
    if len(units) != len(names):
        raise ValueError("names và units phải cùng độ dài / names and units must have the same length")
    pairs = list(dict.fromkeys(zip(names, units)))        # units repeat names: score each once
    if not pairs:
        return []
    scores = _entry_scores(matcher, [n for n, _ in pairs], [u for _, u in pairs])
    if matcher.aliases:
        scores = _apply_aliases(matcher, [n for n, _ in pairs], scores)
    results = _results(matcher, scores)
    index = {pair: i for i, pair in enumerate(pairs)}
    return [results[index[pair]] for pair in zip(names, units)]


def _entry_scores(matcher: Matcher, names: list[str], units: list[str | None]) -> np.ndarray:
    """n_names x n_entries: best key score of each entry, times the unit evidence."""
    plain_rows = np.array([not _has_marks(n) for n in names], dtype=bool)
    keys = [name_key(n, matcher.plain_abbreviations if p else matcher.abbreviations)
            for n, p in zip(names, plain_rows)]
    scores = np.zeros((len(names), len(matcher.catalog.entries)), dtype=np.float32)
    for space, rows in ((matcher.marked, np.flatnonzero(~plain_rows)), (matcher.plain, np.flatnonzero(plain_rows))):
        if rows.size:
            queries = [keys[r] if space is matcher.marked else strip_diacritics(keys[r]) for r in rows]
            distinct = list(dict.fromkeys(queries))
            key_scores = _score_keys(space, distinct)
            per_entry = _best_per_entry(key_scores, matcher.owners, len(matcher.catalog.entries))
            where = {q: i for i, q in enumerate(distinct)}
            scores[rows] = per_entry[[where[q] for q in queries]]
    scores *= _unit_matrix(matcher, names, units)
    return np.clip(scores, 0.0, 1.0, out=scores)


def match_name(matcher: Matcher, name: str, unit: str | None = None) -> MatchResult:
    """One name; prefer `match_names` for many."""
    return match_names(matcher, [name], [unit])[0]


def _score_keys(space: _Space, queries: list[str]) -> np.ndarray:
    """n_queries x n_keys combined score in 0..1."""
    keys = list(space.keys)
    queries = [_corrected(q, space.vocab, space.words) for q in queries]
    kw: dict[str, Any] = dict(processor=None, workers=-1, dtype=np.float32)
    sort = process.cdist(queries, keys, scorer=fuzz.token_sort_ratio, **kw)
    plain = process.cdist(queries, keys, scorer=fuzz.ratio, **kw)
    common, q_mass = _overlap(space, queries)
    k_mass = space.key_mass[None, :]
    dice = 2.0 * common / np.maximum(q_mass + k_mass, 1e-6)
    # one name containing the other (what token_set_ratio rewards), damped by the size difference
    contained = common / np.maximum(np.minimum(q_mass, k_mass), 1e-6)
    length = np.minimum(q_mass, k_mass) / np.maximum(np.maximum(q_mass, k_mass), 1e-6)
    fuzzy = np.maximum(np.maximum(sort, plain) / 100.0, contained * (0.6 + 0.4 * length))
    score = 0.5 * fuzzy + 0.5 * dice
    flags = _flags(space.qualifiers, queries)
    mismatches = (flags[:, None, :] != space.key_flags[None, :, :]).sum(axis=2)
    return score * np.power(0.6, mismatches, dtype=np.float32)


def _flags(qualifiers: re.Pattern[str], texts: list[str]) -> np.ndarray:
    """n_texts x n_qualifiers: which qualifiers each text carries."""
    columns = {name: i for i, (name, _) in enumerate(_QUALIFIERS)}
    out = np.zeros((len(texts), len(_QUALIFIERS)), dtype=bool)
    for r, text in enumerate(texts):
        for m in qualifiers.finditer(text):
            out[r, columns[m.lastgroup]] = True
    return out


def _overlap(space: _Space, queries: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """IDF-weighted shared word mass (n_queries x n_keys) and each query's mass (n_queries x 1);
    a query word is mapped to a catalog word within one typo, unknown words weigh the most."""
    n_vocab = len(space.vocab)
    bags = np.zeros((len(queries), n_vocab), dtype=np.float32)
    unknown = np.zeros(len(queries), dtype=np.float32)
    top = float(space.weights.max()) if n_vocab else 1.0
    for r, q in enumerate(queries):
        for w in set(_bag_words(q)):
            col = _vocab_column(w, space)
            if col is None:
                unknown[r] += top
            else:
                bags[r, col] = 1.0
    common = bags @ (space.key_bags * space.weights).T
    return common, (bags @ space.weights)[:, None] + unknown[:, None]


def _corrected(query: str, vocab: dict, words: tuple[str, ...]) -> str:
    """Words that cannot be Vietnamese syllables (typos) replaced by the catalog word one edit away."""
    out = []
    for w in query.split():
        if w not in vocab and w.isalpha() and not is_syllable(w):
            col = _typo_column(w, words)
            w = words[col] if col is not None else w
        out.append(w)
    return " ".join(out)


def _vocab_column(word: str, space: _Space) -> int | None:
    col = space.vocab.get(word)
    if col is not None or len(word) < 4:
        return col
    return _typo_column(word, space.words)


@lru_cache(maxsize=65536)
def _typo_column(word: str, words: tuple[str, ...]) -> int | None:
    """Column of the catalog word one edit (transpositions included) away from `word`, if any."""
    hit = process.extractOne(word, words, scorer=OSA.distance, score_cutoff=1)
    return hit[2] if hit else None


def _best_per_entry(key_scores: np.ndarray, owners: np.ndarray, n_entries: int) -> np.ndarray:
    out = np.zeros((key_scores.shape[0], n_entries), dtype=np.float32)
    np.maximum.at(out.T, owners, key_scores.T)
    return out


def _unit_matrix(matcher: Matcher, names: list[str], units: list[str | None]) -> np.ndarray:
    classes = [unit_class(u) if u else unit_class(unit_suffix(n)) for n, u in zip(names, units)]
    cache: dict[str | None, np.ndarray] = {}
    rows = []
    for c in classes:
        if c not in cache:
            cache[c] = np.array([_unit_factor(c, e) for e in matcher.entry_units], dtype=np.float32)
        rows.append(cache[c])
    return np.vstack(rows)


@lru_cache(maxsize=65536)
def _has_marks(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return not letters or strip_diacritics(name) != name


def _results(matcher: Matcher, scores: np.ndarray) -> list[MatchResult]:
    """Best id (None below the threshold), its score and the top 3 candidates of every row."""
    entries = matcher.catalog.entries
    top = np.argsort(-scores, axis=1, kind="stable")[:, :3]
    top_scores = np.take_along_axis(scores, top, axis=1).astype(np.float64).round(4).tolist()
    out = []
    for idx, vals in zip(top.tolist(), top_scores):
        candidates = tuple(Candidate(id=entries[i].id, ten=entries[i].ten, score=v) for i, v in zip(idx, vals) if v > 0)
        best = vals[0] if vals else 0.0
        matched = entries[idx[0]].id if vals and best >= matcher.threshold else None
        out.append(MatchResult(id=matched, score=best, candidates=candidates))
    return out


_BUILTIN_ABBREVIATIONS = merge_abbreviations({})
_PLAIN_QUALIFIERS = re.compile("|".join(f"(?P<{name}>{strip_diacritics(p)})" for name, p in _QUALIFIERS))

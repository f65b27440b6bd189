"""Outline alignment: the document's heading sequence × the outline's nodes → outline ids.

A monotone sequence alignment (dynamic programming), not a nearest-string lookup per heading:
each pairing scores text similarity plus label and kind agreement, and consecutive pairings score
how well the second node follows the first in the outline. Order is what tells apart two nodes
with identical words (P1.III.2 and P1.IV.1); a heading may stay unaligned (an extra or deeper
heading) and a node may be skipped (a missing section).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from model import Outline, OutlineNode
from parsers.headings import Candidate, Label, parse_label, roman_value
from parsers.normalize import has_diacritics, match_key, strip_diacritics

MIN_GAIN_SCORE = 0.62      # a pairing must score above this to be kept
NEXT_BONUS = 0.06          # the node right after the previous one in the outline
SKIP_PENALTY = 0.02        # per outline node skipped between two aligned headings


@dataclass(frozen=True)
class Alignment:
    """Outline node and score of one aligned heading candidate."""

    pos: int
    node_id: str
    score: float


def node_label(node: OutlineNode) -> Label | None:
    """The label of an outline node as a Label ('Phần thứ nhất' -> part 1, 'III' -> roman)."""
    text = node.label.strip()
    if not text:
        return None
    label, _ = parse_label(text + " x") if not text.lower().startswith("ph") else parse_label(text)
    if label is None:
        label, _ = parse_label(text + ". x")
    return label


def _keys(outline: Outline) -> tuple[list[str], list[int]]:
    keys, owner = [], []
    for j, node in enumerate(outline.nodes):
        for title in (node.title, *node.aliases):
            keys.append(match_key(title))
            owner.append(j)
    return keys, owner


def token_overlap(queries: list[str], keys: list[str]) -> np.ndarray:
    """rapidfuzz's token_set_ratio without its third term, as one matrix product (0..100).

    Shared words I, words of a query A and of a key B (sets): max(ratio(I, A), ratio(I, B)) for
    the sorted, space-joined strings, where ratio(I, X) = 2|I| / (|I| + |X|) since I's words are a
    subset of X's. The term token_set_ratio adds, ratio(A, B), is token_sort_ratio's business."""
    q_words = [set(q.split()) for q in queries]
    k_words = [set(k.split()) for k in keys]
    vocab: dict[str, int] = {}
    for words in (*q_words, *k_words):
        for w in words:
            vocab.setdefault(w, len(vocab))
    lens = np.zeros(len(vocab), dtype=np.float32)
    for w, i in vocab.items():
        lens[i] = len(w)
    q = np.zeros((len(q_words), len(vocab)), dtype=np.float32)
    k = np.zeros((len(k_words), len(vocab)), dtype=np.float32)
    for i, words in enumerate(q_words):
        q[i, [vocab[w] for w in words]] = 1
    for j, words in enumerate(k_words):
        k[j, [vocab[w] for w in words]] = 1
    shared_n = q @ k.T
    shared = (q * lens) @ k.T + np.maximum(shared_n - 1, 0)            # joined length of I
    a = (q @ lens + np.maximum(q.sum(axis=1) - 1, 0))[:, None]
    b = (k @ lens + np.maximum(k.sum(axis=1) - 1, 0))[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.maximum(2 * shared / (shared + a), 2 * shared / (shared + b))
    return np.where(shared_n > 0, 100 * score, 0).astype(np.float32)


def _scores(queries: list[str], keys: list[str]) -> np.ndarray:
    """Combined similarity in 0..1 of every query against every key.

    ratio catches typos, token_sort reordering, token_set extra or missing words (discounted by
    the length ratio, since a short heading is a subset of many long titles)."""
    if not queries or not keys:
        return np.zeros((len(queries), len(keys)))
    r = process.cdist(queries, keys, scorer=fuzz.ratio, dtype=np.float32)
    ts = process.cdist(queries, keys, scorer=fuzz.token_sort_ratio, dtype=np.float32)
    tset = token_overlap(queries, keys)
    qlen = np.array([max(len(q), 1) for q in queries], dtype=np.float32)[:, None]
    klen = np.array([max(len(k), 1) for k in keys], dtype=np.float32)[None, :]
    lr = np.minimum(qlen, klen) / np.maximum(qlen, klen)
    best = np.maximum.reduce([r, ts, tset * (0.72 + 0.28 * lr)]) / 100.0
    empty = np.array([[not q] for q in queries], dtype=bool)
    return np.where(empty, 0.0, best)


def similarity(titles: list[str], outline: Outline) -> np.ndarray:
    """Text similarity (0..1) of each heading title to each outline node (M × N).

    Titles typed without diacritics are compared with the outline's titles stripped of theirs."""
    keys, owner = _keys(outline)
    queries = [match_key(t) for t in titles]
    accented = [has_diacritics(t) for t in titles]
    per_key = np.zeros((len(titles), len(keys)))
    acc_rows = [i for i, a in enumerate(accented) if a]
    plain_rows = [i for i, a in enumerate(accented) if not a]
    if acc_rows:
        per_key[acc_rows] = _scores([queries[i] for i in acc_rows], keys)
    if plain_rows:
        per_key[plain_rows] = _scores([strip_diacritics(queries[i]) for i in plain_rows],
                                      [strip_diacritics(k) for k in keys])
    out = np.zeros((len(titles), len(outline.nodes)))
    for k, j in enumerate(owner):
        out[:, j] = np.maximum(out[:, j], per_key[:, k])
    return out


def _as_int(label: Label | None) -> str | None:
    if label is None:
        return None
    return str(roman_value(label.value)) if label.kind == "roman" else label.value


LABEL_TRUST_GAP = 0.05     # a label's number does not count against a near-exact match of the words
NEAR_EXACT = 0.9           # elsewhere (a renumbered section keeps its words, not its number)


def pair_score(sim: float, cand: Candidate, label: Label | None, parent: Label | None = None,
               best_sim: float = 0.0) -> float:
    """Evidence that a candidate is an outline node: text similarity adjusted by labels.

    Units renumber their sections, so a matching number adds no evidence where the heading's words
    fit another node near-exactly and this one clearly less."""
    w = sim
    cl = cand.label
    trust = 0.0 if best_sim >= NEAR_EXACT and sim < best_sim - LABEL_TRUST_GAP else 1.0
    if cl is not None and label is not None:
        if cl.kind == label.kind:
            w += 0.06
            if cl.value == label.value:
                w += 0.1 * trust
                if cl.kind == "part":
                    w = max(w, 0.9)
        elif cl.kind == "letter" and label.kind in ("part", "roman"):
            w -= 0.4
        elif {cl.kind, label.kind} == {"multi", "arabic"}:
            w -= 0.04
            parts = cl.value.split(".")
            if parts[-1] == label.value:
                w += 0.05 * trust
                if len(parts) == 2 and parts[0] == _as_int(parent):
                    w += 0.1 * trust         # "2.2." written for II.2
        elif cl.kind == "part" or label.kind == "part":
            w -= 0.3
        else:
            w -= 0.12
    elif label is not None and label.kind == "part" and cl is None:
        w -= 0.1 if cand.style_level == 0 else 0.3      # a part without "Phần …" is rare
    w -= (1.0 - cand.strength) * 0.25
    return w


def align(candidates: list[Candidate], outline: Outline) -> list[Alignment]:
    """The best monotone alignment of heading candidates to outline nodes."""
    m, n = len(candidates), len(outline.nodes)
    if m == 0:
        return []
    sim = similarity([c.title for c in candidates], outline)
    labels = [node_label(node) for node in outline.nodes]
    index = {node.id: j for j, node in enumerate(outline.nodes)}
    parents = [labels[index[node.parent]] if node.parent else None for node in outline.nodes]
    best = sim.max(axis=1)
    weight = np.array([[pair_score(sim[i, j], candidates[i], labels[j], parents[j], best[i]) for j in range(n)]
                       for i in range(m)])
    gain = weight - MIN_GAIN_SCORE
    neg = -1e9
    # best[j+1]: best total with the last aligned node j (index 0: nothing aligned yet)
    best = np.full(n + 1, neg)
    best[0] = 0.0
    back: list[list[tuple[int, bool]]] = []
    for i in range(m):
        new = best.copy()
        choice = [(j, False) for j in range(n + 1)]
        for k in range(n):
            if gain[i, k] <= 0:
                continue
            for j in range(k + 1):          # previous last node j-1 < k
                if best[j] <= neg / 2:
                    continue
                skipped = k - j              # nodes between previous (j-1) and k
                trans = NEXT_BONUS if skipped == 0 else -SKIP_PENALTY * skipped
                total = best[j] + gain[i, k] + trans
                if total > new[k + 1]:
                    new[k + 1] = total
                    choice[k + 1] = (j, True)
        back.append(choice)
        best = new
    state = int(np.argmax(best))
    result = []
    for i in range(m - 1, -1, -1):
        prev, used = back[i][state]
        if used:
            node = state - 1
            result.append(Alignment(candidates[i].pos, outline.nodes[node].id, float(min(1.0, max(0.0, weight[i, node])))))
            state = prev
    result.reverse()
    return result


_CLOSING = re.compile(
    r"^(?:n[oơ]i\s+nh[aậ]n\b|t\s*/\s*m\b|tm\s*\.|thay\s+m[aặ]t\b|k\s*/\s*t\b|kt\s*\.\s|q\.\s*b[ií]\s+th)", re.I)


def is_closing(text: str) -> bool:
    """Start of the closing block: recipients ('Nơi nhận') or signature ('T/M BAN THƯỜNG VỤ')."""
    return bool(_CLOSING.match(text.strip()))

"""Statements several units made under one outline node: sentences clustered on their masked keys.

Two sentences of different units are one statement when their masked keys are close (rapidfuzz ratio at
least CLUSTER_THRESHOLD, calibrated in bench/consolidation.py) AND their content words are the same set:
fuzzy closeness alone would merge 'kiểm tra 12 tổ chức' with 'giám sát 12 tổ chức'.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from tonghop.aggregators.masking import Masked

__all__ = [
    "cluster", "CLUSTER_THRESHOLD", "clusterable", "Item", "MIN_KEY_CHARS", "MIN_LEAD_IN_CHARS",
]

CLUSTER_THRESHOLD = 90.0   # rapidfuzz ratio on masked keys (bench/consolidation.py --calibrate)
MIN_KEY_CHARS = 20         # shorter sentences stay with their unit
MIN_LEAD_IN_CHARS = 20     # a lead-in ending with ':' ('Kết quả cụ thể như sau:') is shared like any sentence


@dataclass(frozen=True)
class Item:
    """One sentence of one unit's paragraph under a node."""

    unit_id: str
    unit_name: str
    source: str
    paragraph: int          # block index of the paragraph in the source
    order: int              # position of the paragraph within the unit's contribution
    sentence: int           # position of the sentence within the paragraph
    masked: Masked


def clusterable(m: Masked) -> bool:
    """A sentence worth comparing: long enough (a lead-in ending with ':' longer still) and with content words."""
    least = MIN_LEAD_IN_CHARS if m.text.rstrip().endswith(":") else MIN_KEY_CHARS
    return len(m.key) >= least and bool(m.content)


def cluster(items: list[Item], threshold: float = CLUSTER_THRESHOLD) -> list[list[int]]:
    """Groups of item indexes, each one statement made by two or more units, in the order of their first
    item. Greedy: every item joins the first earlier group whose leader it matches."""
    candidates = [i for i, it in enumerate(items) if clusterable(it.masked)]
    if len(candidates) < 2:
        return []
    # identical (key, content words) are one form: compare forms, not sentences (boilerplate repeats a lot)
    forms: dict[tuple[str, frozenset[str]], list[int]] = {}
    for i in candidates:
        forms.setdefault((items[i].masked.key, items[i].masked.content), []).append(i)
    form_list = list(forms.items())
    keys = [key for (key, _), _ in form_list]
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.uint8, workers=-1)
    taken: set[int] = set()
    groups: list[list[int]] = []
    for a, ((_, content), _members) in enumerate(form_list):
        if a in taken:
            continue
        joined = [a]
        for b in np.nonzero(scores[a])[0]:
            b = int(b)
            if b > a and b not in taken and form_list[b][0][1] == content:
                joined.append(b)
        group = sorted(i for f in joined for i in form_list[f][1])
        if len({items[i].unit_id for i in group}) > 1:
            taken.update(joined)
            groups.append(group)
    groups.sort(key=lambda g: g[0])
    return groups

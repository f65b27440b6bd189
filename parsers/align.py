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

from tonghop.model import Outline, OutlineNode
from tonghop.parsers.docx_reader import Block
from tonghop.parsers.headings import Candidate, Label, parse_label, roman_value
from tonghop.parsers.normalize import has_diacritics, match_key, strip_diacritics

__all__ = [
    "align", "Alignment", "BODY_WORDS", "closing_marker", "closing_marker_of_block", "closing_position", "EXACT",
    "is_closing", "LABEL_TRUST_GAP", "MIN_GAIN_SCORE", "NEAR_EXACT", "NEXT_BONUS", "node_label", "pair_scores",
    "pairing_floor", "similarity", "SKIP_PENALTY", "token_overlap", "WEAK_HEADING_FLOOR",
]

MIN_GAIN_SCORE = 0.62      # a pairing must score above this to be kept
NEXT_BONUS = 0.06          # the node right after the previous one in the outline
SKIP_PENALTY = 0.02        # per outline node skipped between two aligned headings


# A line that is a heading only by its looks (bold or capitals, no label, no heading style) is an outline
# heading only when its words say so clearly: a title "NGHỊ QUYẾT" shares two words with "Bối cảnh thực
# hiện nghị quyết" and scored 0.69. Calibrated on the corpora (bench/real_shapes.py --calibrate): such lines
# aligned rightly score 0.78 and more, wrongly 0.69 and less; labelled or styled headings keep 0.62.
WEAK_HEADING_FLOOR = 0.75


def pairing_floor(candidates: list[Candidate]) -> np.ndarray:
    """The score each candidate's pairing must exceed to be aligned: higher for a line with no label and
    no heading style (it is then reported as an unmatched heading)."""
    return np.array([WEAK_HEADING_FLOOR if c.label is None and c.style_level is None else MIN_GAIN_SCORE
                     for c in candidates])


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
EXACT = 0.98               # an unlabelled line worded exactly as a part (or its alias) may be that part


def pair_scores(sim: np.ndarray, candidates: list[Candidate], labels: list[Label | None],
                parents: list[Label | None]) -> np.ndarray:
    """Evidence (M × N) that each candidate is each outline node: text similarity adjusted by labels.

    Same kind of label +0.06, same number +0.1 (a part's own number makes it at least 0.9); a letter
    for a part or Roman node -0.4, "2.2." for an Arabic node -0.04 (+0.05 for its last number, +0.1
    more when its first is the parent's), other kind clashes -0.12 (-0.3 with a part); an unlabelled
    line for a part -0.3 (-0.1 if styled as a top heading or worded exactly: "PHỤ LỤC"); weak
    heading evidence costs up to 0.25.
    Units renumber their sections, so a matching number adds no evidence where the heading's words
    fit another node near-exactly and this one clearly less."""
    best = sim.max(axis=1, keepdims=True)
    trust = ~((best >= NEAR_EXACT) & (sim < best - LABEL_TRUST_GAP))
    # "A." / "B." compare as parts ("A. TÌNH HÌNH THỰC HIỆN…" for Phần thứ nhất)
    ck = np.array([("part" if c.label.kind == "upper" else c.label.kind) if c.label else "" for c in candidates],
                  dtype=object)[:, None]
    cv = np.array([c.label.value if c.label else "" for c in candidates], dtype=object)[:, None]
    last = np.array([c.label.value.split(".")[-1] if c.label else "" for c in candidates], dtype=object)[:, None]
    legal = np.array([c.label.value.split(".")[0] if c.label and c.label.value.count(".") == 1 else "~"
                      for c in candidates], dtype=object)[:, None]
    nk = np.array([lb.kind if lb else "" for lb in labels], dtype=object)[None, :]
    nv = np.array([lb.value if lb else "" for lb in labels], dtype=object)[None, :]
    pv = np.array([_as_int(pl) or "" for pl in parents], dtype=object)[None, :]
    both = (ck != "") & (nk != "")
    same = both & (ck == nk)
    value = same & (cv == nv)
    letter = both & ~same & (ck == "letter") & ((nk == "part") | (nk == "roman"))
    multi = both & ~same & (((ck == "multi") & (nk == "arabic")) | ((ck == "arabic") & (nk == "multi")))
    part = both & ~same & ~letter & ~multi & ((ck == "part") | (nk == "part"))
    other = both & ~same & ~letter & ~multi & ~part
    tail = multi & (last == nv)
    w = (sim + 0.06 * same + 0.1 * (value & trust) - 0.4 * letter - 0.04 * multi
         + 0.05 * (tail & trust) + 0.1 * (tail & (legal == pv) & trust) - 0.3 * part - 0.12 * other)
    w = np.where(value & (ck == "part"), np.maximum(w, 0.9), w)
    styled_top = np.array([c.style_level == 0 for c in candidates])[:, None]
    w = w - ((ck == "") & (nk == "part")) * np.where(styled_top | (sim >= EXACT), 0.1, 0.3)
    strength = np.array([c.strength for c in candidates])[:, None]
    return (w - (1.0 - strength) * 0.25).astype(float)


def align(candidates: list[Candidate], outline: Outline) -> list[Alignment]:
    """The best monotone alignment of heading candidates to outline nodes."""
    m, n = len(candidates), len(outline.nodes)
    if m == 0:
        return []
    sim = similarity([c.title for c in candidates], outline)
    labels = [node_label(node) for node in outline.nodes]
    index = {node.id: j for j, node in enumerate(outline.nodes)}
    parents = [labels[index[node.parent]] if node.parent else None for node in outline.nodes]
    weight = pair_scores(sim, candidates, labels, parents)
    gain = weight - pairing_floor(candidates)[:, None]
    # best[j]: best total with the last aligned node j-1 (j = 0: nothing aligned yet)
    best = np.full(n + 1, -1e9)
    best[0] = 0.0
    skipped = np.arange(n + 1)
    trans = np.where(skipped == 0, NEXT_BONUS, -SKIP_PENALTY * skipped)   # by nodes skipped in between
    back_prev = np.tile(np.arange(n + 1), (m, 1))
    back_used = np.zeros((m, n + 1), dtype=bool)
    for i in range(m):
        new = best.copy()
        for k in np.nonzero(gain[i] > 0)[0]:
            totals = best[: k + 1] + trans[k::-1] + gain[i, k]     # previous last node j-1 < k
            j = int(np.argmax(totals))
            if totals[j] > new[k + 1]:
                new[k + 1] = totals[j]
                back_prev[i, k + 1], back_used[i, k + 1] = j, True
        best = new
    state = int(np.argmax(best))
    result = []
    for i in range(m - 1, -1, -1):
        if back_used[i, state]:
            node = state - 1
            result.append(Alignment(candidates[i].pos, outline.nodes[node].id,
                                    float(min(1.0, max(0.0, weight[i, node])))))
            state = int(back_prev[i, state])
    result.reverse()
    return result


# The closing block (contract §2: recipients and signature) begins at one of these, each a whole word
# at the start of a short line: "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "T/M CẤP UỶ CƠ SỞ", "K/T BÍ THƯ", "Q. CHỦ
# TỊCH", "THAY MẶT …", a bare signature title ("PHÓ BÍ THƯ THƯỜNG TRỰC"), "(Đã ký)". A word that merely
# starts with the same letters ("QUYẾT ĐỊNH", "Quy hoạch chung…", "KT-XH", "TM và dịch vụ") is body.
_RECIPIENTS = re.compile(r"^n[oơ]i\s+nh[aậ]n\s*(?::|$)", re.I)
_ON_BEHALF = re.compile(r"^(?:(?P<tm>t\s*/\s*m|t\s*\.\s*m\b\.?|tm\s*\.|tm\b)"
                        r"|(?P<kt>k\s*/\s*t|k\s*\.\s*t\b\.?|kt\s*\.|kt\b)"
                        r"|(?P<q>q\s*[./])"
                        r"|(?P<thay>thay\s+m[aặ]t\b))\s*(?P<rest>\w.*)?$", re.I)
_ORG_WORD = re.compile(r"^(?:ban|bch|btv|cấp|đảng|chi\s+bộ|huyện|thành|thị|tỉnh|quận|xã|phường|ủy|uỷ|ubnd|"
                       r"hđnd|hội|đoàn|mặt\s+trận|mttq|liên|chi|tập\s+thể|lãnh\s+đạo)\b", re.I)
_TITLE_WORD = re.compile(r"^(?:phó\s+)?(?:bí\s+thư|chủ\s+tịch|chủ\s+nhiệm|trưởng|giám\s+đốc|thủ\s+trưởng|"
                         r"hiệu\s+trưởng|tổng\s+(?:giám\s+đốc|biên\s+tập)|chánh|viện\s+trưởng)\b", re.I)
_BARE_TITLE = re.compile(r"^(?:phó\s+)?bí\s+thư(?:\s+thường\s+trực)?$", re.I)
# The signer's role over a signature, upper case on a short line: "NGƯỜI LÀM ĐƠN", "GIẢNG VIÊN HƯỚNG DẪN",
# "PHÓ CHỦ TỊCH", "HIỆU TRƯỞNG", "XÁC NHẬN CỦA …" (ending a form, a student report, a state decision)
_SIGNER_ROLE = re.compile(r"^(?:người\s+(?:làm\s+đơn|viết|báo\s+cáo|lập(?:\s+biểu)?|khai|đề\s+nghị)|giảng\s+viên"
                          r"(?:\s+hướng\s+dẫn)?|giáo\s+viên\s+(?:hướng\s+dẫn|chủ\s+nhiệm)|(?:phó\s+)?chủ\s+tịch"
                          r"|(?:phó\s+)?giám\s+đốc|(?:phó\s+)?hiệu\s+trưởng|thủ\s+trưởng(?:\s+đơn\s+vị)?"
                          r"|(?:phó\s+)?trưởng\s+(?:ban|phòng|khoa)|xác\s+nhận\s+của)\b", re.I)
_SIGNED = re.compile(r"^\(\s*đã\s+ký\s*\)", re.I)
MAX_CLOSING_WORDS = 12     # a signature line is short; a sentence that begins "Thay mặt …" is body


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def closing_marker(text: str) -> str | None:
    """What kind of closing-block start a line is: 'recipients', 'behalf' (T/M, K/T, Q., Thay mặt),
    'title' (a bare signature title), 'signed' ('(Đã ký)'), or None for body text.

    Only the first line of a multi-line text (a table cell) counts."""
    line = text.strip().split("\n", 1)[0].strip()
    if not line:
        return None
    if _RECIPIENTS.match(line):
        return "recipients"
    if _SIGNED.match(line):
        return "signed"
    if len(line.split()) > MAX_CLOSING_WORDS:
        return None
    m = _ON_BEHALF.match(line)
    if m:
        rest = (m.group("rest") or "").strip()
        if not rest:
            return None
        if m.group("thay"):
            plain = _ORG_WORD.match(rest) and not rest.endswith((",", ".", ";", ":"))
            return "behalf" if _upper(line) or plain else None
        if _upper(rest):
            return "behalf"
        # "TM" / "KT" without a slash or dot are also ordinary abbreviations ("TM và dịch vụ"); with one,
        # a signature in sentence case still names a body (T/M Ban Thường vụ) or a title (KT. Bí thư)
        marked = re.match(r"^\w\s*[/.]|^\w\w\s*\.", line) is not None
        words = _TITLE_WORD if m.group("kt") or m.group("q") else _ORG_WORD
        return "behalf" if marked and words.match(rest) else None
    if (_BARE_TITLE.match(line) or _SIGNER_ROLE.match(line) and len(line.split()) <= 6) and _upper(line):
        return "title"
    return None


def is_closing(text: str) -> bool:
    """Start of the closing block: recipients ('Nơi nhận:') or signature ('T/M BAN THƯỜNG VỤ')."""
    return closing_marker(text) is not None


BODY_WORDS = 25            # a paragraph this long after a closing line is body, not recipients or signature
_LIST_ITEM = re.compile(r"^[-+•*–]")


def closing_marker_of_block(block: Block) -> str | None:
    """The closing-block marker a body block starts with: a paragraph's first line, or a signature
    table's cell (recipients and signature side by side; never a data table's header row)."""
    if block.origin != "body":
        return None
    if block.kind == "p":
        return closing_marker(block.text)
    if block.table is None:
        return None
    for row in block.table.rows[:3]:
        cells = list(dict.fromkeys(c for c in row if c))
        if len(cells) > 2:
            return None                 # three or more headed columns: a data table
        for cell in cells:
            kind = closing_marker(cell)
            if kind in ("recipients", "behalf"):
                return kind
    return None


def _body_follows(blocks: list[Block], pos: int) -> bool:
    """Whether body prose (a long paragraph that is no recipient line) follows position pos."""
    for b in blocks[pos + 1:]:
        if b.kind == "p" and b.origin == "body" and len(b.text.split()) >= BODY_WORDS \
                and not _LIST_ITEM.match(b.text):
            return True
    return False


def closing_position(blocks: list[Block], headings: list[int]) -> int:
    """Where the closing block begins (len(blocks) when there is none).

    It is the tail after the last body section: the first closing line after the last outline heading
    (or, with no outline headings, anywhere) after which no body prose follows; when every closing line
    is followed by prose (an appendix after the signature), the first of them. Outline headings after
    the signature (an outline with appendices) start their own sections again (parse.build_sections)."""
    starts = [pos for pos, b in enumerate(blocks) if closing_marker_of_block(b)]
    if headings:
        first = next((p for p in starts if p > headings[0]), len(blocks))
        if first < len(blocks) and any(h > first for h in headings):
            return first
        starts = [p for p in starts if p > headings[-1]]
    if not starts:
        return len(blocks)
    return next((p for p in starts if not _body_follows(blocks, p)), starts[0])

"""Near-duplicates: syndicated copies and reused passages, found with MinHash LSH.

Two levels, both over word shingles of match keys (so hamza, ta marbuta, diacritics and
digit forms do not hide a copy):
- whole articles (4-word shingles): a wire story run again by another outlet, perhaps with
  its own dateline or credits -> Reuse(kind="duplicate");
- paragraphs (3-word shingles): a wire paragraph pasted into different articles, often
  lightly reworded -> Reuse(kind="passage", passage=<this article's paragraph>).
LSH (datasketch) only proposes candidate pairs; each is checked on the exact Jaccard of
the shingle sets, so the result does not depend on hash collisions. Fixed seeds and sorted
output keep it deterministic.
"""

from __future__ import annotations

import bisect
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from datasketch import MinHash

from marsad.arabic.tokenize import doc_tokens, iter_tokens
from marsad.model import Doc, Reuse, Token

DOC_SHINGLE = 4
PARAGRAPH_SHINGLE = 3
NUM_PERM = 128
SEED = 20210715

# Whole-article copies: a syndicated copy with a different dateline/credit line scores
# 0.80-0.95 on 4-shingles in tests/fixtures/stories/corpus.jsonl and SaudiNewsNet's
# same-headline pairs; two different articles of one story stay below 0.25 there.
DUPLICATE_JACCARD = 0.7
# Paragraphs: a wire paragraph with 2-3 words changed keeps 0.45-0.65 of its 3-shingles
# (fixture rewordings in tests/test_duplicates.py); two paragraphs of one story reporting
# the same fact in their own words share under 0.2.
PASSAGE_JACCARD = 0.4
# Shorter paragraphs (bylines, "شارك القصة", one-line captions) are furniture, not passages.
MIN_PASSAGE_WORDS = 10
# A paragraph that is in hundreds of articles is boilerplate; keep each article's list short.
MAX_REUSE_PER_DOC = 20

_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def _crc32(data: bytes) -> int:
    """A stable 32-bit hash (Python's hash() is salted per process)."""
    return zlib.crc32(data)


def word_keys(text: str) -> list[str]:
    return _word_keys(iter_tokens(text))


def _word_keys(tokens: Iterable[Token]) -> list[str]:
    """Match keys of the words (punctuation left out): what shingles are made of."""
    return [t.key for t in tokens if t.key[:1].isalnum()]


def shingles(keys: Sequence[str], k: int) -> set[str]:
    if len(keys) < k:
        return {" ".join(keys)} if keys else set()
    return {" ".join(keys[i:i + k]) for i in range(len(keys) - k + 1)}


def minhash(items: Iterable[str]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_crc32,
                 permutations=_PERMUTATIONS, scheme="affine32")
    mh.update_batch([s.encode("utf-8") for s in sorted(items)])
    return mh


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass
class _Unit:
    """One thing that is compared: a whole article, or a paragraph together with every
    article that has it word for word (wire paragraphs and boilerplate repeat exactly, so
    each distinct paragraph is hashed and compared once)."""

    shingles: frozenset[str]
    holders: list[tuple[int, str]]  # (doc index, the paragraph as that article has it)


def _paragraph_keys(doc: Doc, tokens: list[Token]) -> list[tuple[str, list[str]]]:
    """(paragraph, its word keys) for the paragraphs long enough to be passages. Sentences
    never cross a newline, so a paragraph's tokens are those inside its offsets."""
    text = doc.article.text
    starts = [t.start for t in tokens]
    out = []
    offset = 0
    for line in text.split("\n"):
        begin, offset = offset, offset + len(line) + 1
        if len(line.split()) < MIN_PASSAGE_WORDS:
            continue
        lo = bisect.bisect_left(starts, begin)
        hi = bisect.bisect_left(starts, begin + len(line))
        out.append((line.strip(), _word_keys(tokens[lo:hi])))
    return out


def _bands(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows): generous, since every candidate is checked exactly afterwards.

    Short paragraphs give noisy MinHash estimates (a reworded pair with exact Jaccard 0.47
    was estimated at 0.34 and missed by datasketch's own 28x2 banding for threshold 0.2).
    64 bands of 2 rows propose a pair at estimated 0.3 with probability 0.9997; 32 bands of
    4 rows propose one at 0.6 with probability 0.98 (1 - (1 - s**r)**b).
    """
    return (64, 2) if threshold < 0.5 else (32, 4)


def signatures(units: Sequence[frozenset[str]]) -> np.ndarray:
    """MinHash signatures (units x NUM_PERM, uint32) of many shingle sets at once: the
    values datasketch's `MinHash.update_batch` gives (affine32 scheme, crc32, the same
    permutations; tests/test_duplicates.py checks), without a Python object per unit —
    datasketch's per-object path costs about 1 ms a unit, minutes on a year of news."""
    out = np.full((len(units), NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    a, b = _PERMUTATIONS
    a, b = a.astype(np.uint32), b.astype(np.uint32)
    chunk: list[int] = []
    owners: list[int] = []

    def flush() -> None:
        if not chunk:
            return
        hv = _fmix32(np.array(chunk, dtype=np.uint32))[:, None]
        permuted = hv * a + b  # uint32 arithmetic: the wrap-around is the modulo 2^32
        rows = np.array(owners)
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        out[rows[starts]] = np.minimum(out[rows[starts]], np.minimum.reduceat(permuted, starts, axis=0))
        chunk.clear()
        owners.clear()

    for i, items in enumerate(units):
        chunk.extend(_crc32(x.encode("utf-8")) for x in items)
        owners.extend([i] * len(items))
        if len(chunk) >= 50_000:
            flush()
    flush()
    return out


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies first."""
    with np.errstate(over="ignore"):
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        return hv ^ (hv >> np.uint32(16))


def _candidate_pairs(sigs: np.ndarray, bands: int, rows: int) -> set[tuple[int, int]]:
    """Pairs (i < j) that agree on all `rows` values of at least one band: LSH banding,
    as datasketch's MinHashLSH does it, with numpy sorting instead of per-key buckets."""
    pairs: set[tuple[int, int]] = set()
    n = len(sigs)
    if n < 2:
        return pairs
    for band in range(bands):
        block = np.ascontiguousarray(sigs[:, band * rows:(band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        boundaries = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        starts = np.r_[0, boundaries]
        ends = np.r_[boundaries, n]
        for start, end in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist(), strict=True):
            members = sorted(order[start:end].tolist())
            pairs.update((x, y) for k, x in enumerate(members) for y in members[k + 1:])
    return pairs


def _similar_units(units: list[_Unit], threshold: float) -> list[tuple[int, int, float]]:
    """(i, j, jaccard) for distinct units above the threshold, i < j; a unit is always
    similar to itself (score 1.0) when several articles hold it."""
    present = [i for i, unit in enumerate(units) if unit.shingles]
    sigs = signatures([units[i].shingles for i in present])
    pairs = [(i, i, 1.0) for i in present if len(units[i].holders) > 1]
    for x, y in sorted(_candidate_pairs(sigs, *_bands(threshold))):
        i, j = present[x], present[y]
        score = jaccard(units[i].shingles, units[j].shingles)
        if score >= threshold:
            pairs.append((i, j, score))
    return pairs


def _holder_pairs(a: _Unit, b: _Unit, same: bool) -> list[tuple[tuple[int, str], tuple[int, str]]]:
    """The (article, paragraph) pairs of two similar units, of different articles."""
    if same:
        return [(x, y) for k, x in enumerate(a.holders) for y in a.holders[k + 1:] if x[0] != y[0]]
    return [(x, y) for x in a.holders for y in b.holders if x[0] != y[0]]


def _units(keyed: list[tuple[int, str, frozenset[str]]]) -> list[_Unit]:
    """Units in order of first appearance, one per distinct shingle set."""
    by_set: dict[frozenset[str], _Unit] = {}
    for doc, text, sh in keyed:
        unit = by_set.get(sh)
        if unit is None:
            unit = by_set[sh] = _Unit(sh, [])
        unit.holders.append((doc, text))
    return list(by_set.values())


def _other_outlet(a: Doc, b: Doc) -> bool:
    """Passages count across outlets; within one site a repeated paragraph is furniture."""
    return not (a.article.outlet and a.article.outlet == b.article.outlet)


def find_reuse(docs: list[Doc]) -> list[Doc]:
    """Each doc with `reuse` filled: the articles it copies and the passages it shares."""
    found: dict[int, list[Reuse]] = defaultdict(list)
    # One doc's tokens at a time: only the shingle sets are kept for the whole corpus.
    whole_keyed: list[tuple[int, str, frozenset[str]]] = []
    part_keyed: list[tuple[int, str, frozenset[str]]] = []
    for i, d in enumerate(docs):
        tokens = doc_tokens(d)
        whole_keyed.append((i, "", frozenset(shingles(_word_keys(tokens), DOC_SHINGLE))))
        part_keyed += [(i, p, frozenset(shingles(keys, PARAGRAPH_SHINGLE))) for p, keys in _paragraph_keys(d, tokens)]
    whole = _units(whole_keyed)
    copies: set[tuple[int, int]] = set()
    for u, v, score in _similar_units(whole, DUPLICATE_JACCARD):
        for (i, _), (j, _) in _holder_pairs(whole[u], whole[v], u == v):
            i, j = min(i, j), max(i, j)
            copies.add((i, j))
            found[i].append(Reuse(docs[j].id, "duplicate", round(score, 3)))
            found[j].append(Reuse(docs[i].id, "duplicate", round(score, 3)))
    parts = _units(part_keyed)
    for u, v, score in _similar_units(parts, PASSAGE_JACCARD):
        for (i, text_i), (j, text_j) in _holder_pairs(parts[u], parts[v], u == v):
            if (min(i, j), max(i, j)) in copies or not _other_outlet(docs[i], docs[j]):
                continue
            found[i].append(Reuse(docs[j].id, "passage", round(score, 3), text_i))
            found[j].append(Reuse(docs[i].id, "passage", round(score, 3), text_j))
    return [replace(d, reuse=_ordered(found[i])) if found.get(i) else d for i, d in enumerate(docs)]


def _ordered(reuse: list[Reuse]) -> tuple[Reuse, ...]:
    unique = {(r.other, r.kind, r.passage): r for r in reuse}
    best = sorted(unique.values(), key=lambda r: (r.kind != "duplicate", -r.similarity, r.other,
                                                   r.passage or ""))
    return tuple(best[:MAX_REUSE_PER_DOC])

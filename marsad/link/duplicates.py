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

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from datasketch import MinHash, MinHashLSH

from marsad.arabic.tokenize import iter_tokens
from marsad.model import Doc, Reuse

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
    return [t.key for t in iter_tokens(text) if t.key[:1].isalnum()]


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


@dataclass(frozen=True)
class _Unit:
    """One thing that is compared: a whole article or one of its paragraphs."""

    doc: int
    text: str
    shingles: frozenset[str]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if len(p.split()) >= MIN_PASSAGE_WORDS]


def _bands(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows): generous, since every candidate is checked exactly afterwards.

    Short paragraphs give noisy MinHash estimates (a reworded pair with exact Jaccard 0.47
    was estimated at 0.34 and missed by datasketch's own 28x2 banding for threshold 0.2).
    64 bands of 2 rows propose a pair at estimated 0.3 with probability 0.9997; 32 bands of
    4 rows propose one at 0.6 with probability 0.98 (1 - (1 - s**r)**b).
    """
    return (64, 2) if threshold < 0.5 else (32, 4)


def _similar_pairs(units: list[_Unit], threshold: float) -> list[tuple[int, int, float]]:
    """(i, j, jaccard) for units of different articles above the threshold, i < j."""
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_bands(threshold))
    hashes = []
    for i, unit in enumerate(units):
        mh = minhash(unit.shingles)
        hashes.append(mh)
        if unit.shingles:
            lsh.insert(i, mh, check_duplication=False)
    pairs = []
    for i, unit in enumerate(units):
        for j in sorted(lsh.query(hashes[i])):
            if j <= i or units[j].doc == unit.doc:
                continue
            score = jaccard(set(unit.shingles), set(units[j].shingles))
            if score >= threshold:
                pairs.append((i, j, score))
    return pairs


def _other_outlet(a: Doc, b: Doc) -> bool:
    """Passages count across outlets; within one site a repeated paragraph is furniture."""
    return not (a.article.outlet and a.article.outlet == b.article.outlet)


def find_reuse(docs: list[Doc]) -> list[Doc]:
    """Each doc with `reuse` filled: the articles it copies and the passages it shares."""
    found: dict[int, list[Reuse]] = defaultdict(list)
    whole = [_Unit(i, "", frozenset(shingles(word_keys(d.article.text), DOC_SHINGLE)))
             for i, d in enumerate(docs)]
    copies: set[tuple[int, int]] = set()
    for i, j, score in _similar_pairs(whole, DUPLICATE_JACCARD):
        copies.add((i, j))
        found[i].append(Reuse(docs[j].id, "duplicate", round(score, 3)))
        found[j].append(Reuse(docs[i].id, "duplicate", round(score, 3)))
    parts = [_Unit(i, p, frozenset(shingles(word_keys(p), PARAGRAPH_SHINGLE)))
             for i, d in enumerate(docs) for p in paragraphs(d.article.text)]
    for i, j, score in _similar_pairs(parts, PASSAGE_JACCARD):
        a, b = parts[i], parts[j]
        if (min(a.doc, b.doc), max(a.doc, b.doc)) in copies:
            continue
        if not _other_outlet(docs[a.doc], docs[b.doc]):
            continue
        found[a.doc].append(Reuse(docs[b.doc].id, "passage", round(score, 3), a.text))
        found[b.doc].append(Reuse(docs[a.doc].id, "passage", round(score, 3), b.text))
    return [replace(d, reuse=_ordered(found[i])) if found.get(i) else d for i, d in enumerate(docs)]


def _ordered(reuse: list[Reuse]) -> tuple[Reuse, ...]:
    unique = {(r.other, r.kind, r.passage): r for r in reuse}
    best = sorted(unique.values(), key=lambda r: (r.kind != "duplicate", -r.similarity, r.other,
                                                   r.passage or ""))
    return tuple(best[:MAX_REUSE_PER_DOC])

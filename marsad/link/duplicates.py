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
import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

import numpy as np
from datasketch import MinHash

from marsad.arabic.tokenize import doc_tokens, iter_tokens
from marsad.model import Doc, Reuse, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE
from marsad.run.scratch import scratch_database, transaction

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
# Candidate pairs are checked a unit at a time, in order; boilerplate paragraphs pair with
# hundreds of others, so their hashes are kept while read (a few MB at most).
_UNITS_READ_AT_ONCE = 20_000

_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
_U64 = np.uint64
# Odd 64-bit constants of the shingle hash (a polynomial over word hashes, then
# splitmix64's finalizer): order-sensitive, so "أ ب ج" and "ج ب أ" differ.
_SHINGLE_BASE = _U64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _word_hash(key: str) -> int:
    """A stable 64-bit hash of a word key (Python's hash() is salted per process, and the
    LSH bands must not change from one run to the next)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def word_keys(text: str) -> list[str]:
    return [t.key for t in _words(iter_tokens(text))]


def _words(tokens: Iterable[Token]) -> list[Token]:
    """The word tokens (punctuation left out): their match keys are what shingles are made of."""
    return [t for t in tokens if t.key[:1].isalnum()]


def _word_hashes(keys: Sequence[str]) -> np.ndarray:
    return np.fromiter(map(_word_hash, keys), dtype=_U64, count=len(keys))


def shingle_hashes(keys: Sequence[str] | np.ndarray, k: int) -> np.ndarray:
    """The distinct k-word shingles of the words, each as a 64-bit hash, sorted (uint64).

    Shingles are hashed from their words' hashes in numpy instead of being joined into
    strings: on news text the strings cost five Python operations a token, this one. Two
    distinct shingles share a hash with odds of 2**-64, so Jaccard on these is exact in
    practice. Fewer than k words make one shingle of them all; none, none."""
    words = keys if isinstance(keys, np.ndarray) else _word_hashes(keys)
    n = len(words)
    if n == 0:
        return np.empty(0, dtype=_U64)
    width = min(k, n)
    with np.errstate(over="ignore"):
        h = words[:n - width + 1].copy()
        for j in range(1, width):
            h = h * _SHINGLE_BASE + words[j:n - width + 1 + j]
        return np.unique(_mix64(h))


def _mix64(h: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: spreads the polynomial's bits over the whole word."""
    with np.errstate(over="ignore"):
        h = (h ^ (h >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
        h = (h ^ (h >> _U64(27))) * _U64(0x94D049BB133111EB)
        return h ^ (h >> _U64(31))


def _fold32(h: np.ndarray) -> np.ndarray:
    """A shingle hash folded to the 32 bits the MinHash permutations take."""
    return ((h >> _U64(32)) ^ h).astype(np.uint32)


def minhash(hashes: np.ndarray) -> MinHash:
    """datasketch's MinHash of a shingle-hash set (the reference `signatures` must equal)."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=lambda b: int.from_bytes(b, "little"),
                 permutations=_PERMUTATIONS, scheme="affine32")
    mh.update_batch([int(x).to_bytes(4, "little") for x in _fold32(hashes)])
    return mh


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard of two sorted distinct hash arrays."""
    if not a.size or not b.size:
        return 0.0
    inter = int(np.intersect1d(a, b, assume_unique=True).size)
    return inter / (a.size + b.size - inter)


def _paragraphs(doc: Doc, tokens: list[Token], hashes: np.ndarray) -> list[tuple[tuple[int, int], np.ndarray]]:
    """(span of the paragraph, its word hashes) for the paragraphs long enough to be
    passages; the span leaves out the line's outer spaces. `tokens` are the doc's words and
    `hashes` theirs. Sentences never cross a newline, so a paragraph's words are those
    inside its offsets."""
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
        span = (begin + len(line) - len(line.lstrip()), begin + len(line.rstrip()))
        out.append((span, hashes[lo:hi]))
    return out


def _bands(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows): generous, since every candidate is checked exactly afterwards.

    Short paragraphs give noisy MinHash estimates (a reworded pair with exact Jaccard 0.47
    was estimated at 0.34 and missed by datasketch's own 28x2 banding for threshold 0.2).
    64 bands of 2 rows propose a pair at estimated 0.3 with probability 0.9997; 32 bands of
    4 rows propose one at 0.6 with probability 0.98 (1 - (1 - s**r)**b).
    """
    return (64, 2) if threshold < 0.5 else (32, 4)


def signatures(units: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures (units x NUM_PERM, uint32) of many shingle-hash sets at once: the
    values datasketch's `MinHash.update_batch` gives (affine32 scheme, the same
    permutations; tests/test_duplicates.py checks), without a Python object per unit —
    datasketch's per-object path costs about 1 ms a unit, minutes on a year of news."""
    out = np.full((len(units), NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    if not units:
        return out
    a, b = _PERMUTATIONS
    a, b = a.astype(np.uint32), b.astype(np.uint32)
    sizes = np.array([len(u) for u in units])
    owners = np.repeat(np.arange(len(units)), sizes)
    values = np.concatenate(units) if sizes.sum() else np.empty(0, dtype=_U64)
    for begin in range(0, len(values), 50_000):  # bounded memory: 50,000 x 128 at a time
        chunk, rows = values[begin:begin + 50_000], owners[begin:begin + 50_000]
        hv = _fmix32(_fold32(chunk))[:, None]
        permuted = hv * a + b  # uint32 arithmetic: the wrap-around is the modulo 2^32
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        out[rows[starts]] = np.minimum(out[rows[starts]], np.minimum.reduceat(permuted, starts, axis=0))
    return out


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies first."""
    with np.errstate(over="ignore"):
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        return hv ^ (hv >> np.uint32(16))


def _band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Each signature's LSH band keys (units x bands, int64): a band's number and its `rows`
    values hashed into one integer, so that two units share a key when they agree on all
    the band's values, as in datasketch's MinHashLSH (and, with odds of 2**-64, by chance:
    every proposed pair is checked on its exact Jaccard anyway)."""
    h = np.broadcast_to(np.arange(bands, dtype=_U64)[None, :], (len(sigs), bands)).copy()
    values = sigs[:, :bands * rows].reshape(len(sigs), bands, rows).astype(_U64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            h = _mix64(h * _SHINGLE_BASE + values[:, :, r])
    return h.view(np.int64)


class _UnitIndex:
    """The distinct shingle sets of one level (whole articles, or paragraphs), added one
    doc at a time, with their LSH band keys. A unit is a set together with every article
    that has it word for word (wire paragraphs and boilerplate repeat exactly, so each
    distinct paragraph is hashed and compared once). They are kept in SQLite tables
    (`db`), so that what a corpus leaves is on disk when `db` is (`marsad batch`), however
    large the corpus. SQLite also does the banding: units sharing a band key are one
    GROUP BY."""

    def __init__(self, db: sqlite3.Connection, name: str, threshold: float) -> None:
        self.db, self.name, self.threshold = db, name, threshold
        self.bands, self.rows = _bands(threshold)
        self.n_units = 0
        db.executescript(f"""
            CREATE TABLE {name}_units (unit INTEGER PRIMARY KEY, digest INTEGER NOT NULL,
                                       hashes BLOB NOT NULL, signed INTEGER NOT NULL);
            CREATE INDEX {name}_units_digest ON {name}_units (digest);
            CREATE TABLE {name}_holders (unit INTEGER NOT NULL, doc INTEGER NOT NULL,
                                         begin INTEGER NOT NULL, end INTEGER NOT NULL);
            CREATE INDEX {name}_holders_unit ON {name}_holders (unit);
            CREATE TABLE {name}_bands (key INTEGER NOT NULL, unit INTEGER NOT NULL);
        """)

    def add(self, doc: int, spans_and_sets: list[tuple[tuple[int, int], np.ndarray]]) -> None:
        """Adds a doc's units: (span, its sorted distinct shingle hashes) each."""
        new_units: list[int] = []
        new_sets: list[np.ndarray] = []
        holders: list[tuple[int, int, int, int]] = []
        for (begin, end), items in spans_and_sets:
            blob = items.tobytes()
            digest = hash(blob)
            unit = self._find(digest, blob)
            if unit is None:
                unit = self.n_units
                self.n_units += 1
                self.db.execute(f"INSERT INTO {self.name}_units VALUES (?, ?, ?, ?)",
                                (unit, digest, blob, int(bool(items.size))))
                if items.size:
                    new_units.append(unit)
                    new_sets.append(items)
            holders.append((unit, doc, begin, end))
        self.db.executemany(f"INSERT INTO {self.name}_holders VALUES (?, ?, ?, ?)", holders)
        if new_sets:
            keys = _band_keys(signatures(new_sets), self.bands, self.rows)
            units = np.repeat(np.array(new_units, dtype=np.int64), self.bands)
            self.db.executemany(f"INSERT INTO {self.name}_bands VALUES (?, ?)",
                                zip(keys.ravel().tolist(), units.tolist(), strict=True))

    def _find(self, digest: int, blob: bytes) -> int | None:
        for unit, hashes in self.db.execute(f"SELECT unit, hashes FROM {self.name}_units WHERE digest = ?", (digest,)):
            if hashes == blob:
                return int(unit)
        return None

    def _hashes_of(self, unit: int) -> np.ndarray:
        row = self.db.execute(f"SELECT hashes FROM {self.name}_units WHERE unit = ?", (unit,)).fetchone()
        return np.frombuffer(row[0], dtype=np.uint64)

    def similar(self) -> Iterator[tuple[int, int, float]]:
        """(u, v, jaccard) for distinct units above the threshold, u < v; a unit is always
        similar to itself (score 1.0) when several articles hold it. LSH proposes the
        pairs (units agreeing on a whole band); each is checked on the exact Jaccard."""
        name = self.name
        shared = self.db.execute(f"SELECT h.unit FROM {name}_holders h JOIN {name}_units u USING (unit) "
                                 "WHERE u.signed GROUP BY h.unit HAVING count(*) > 1 ORDER BY h.unit")
        for (unit,) in shared.fetchall():
            yield unit, unit, 1.0
        pairs: set[tuple[int, int]] = set()
        groups = self.db.execute(f"SELECT group_concat(unit) FROM {name}_bands GROUP BY key "
                                 "HAVING count(*) > 1")
        for (members,) in groups:
            units = sorted(int(u) for u in members.split(","))
            pairs.update((x, y) for k, x in enumerate(units) for y in units[k + 1:])
        read: dict[int, np.ndarray] = {}  # units' hashes, read once while their pairs come

        def hashes_of(unit: int) -> np.ndarray:
            found = read.get(unit)
            if found is None:
                if len(read) >= _UNITS_READ_AT_ONCE:
                    read.clear()
                found = read[unit] = self._hashes_of(unit)
            return found

        for i, j in sorted(pairs):
            score = jaccard(hashes_of(i), hashes_of(j))
            if score >= self.threshold:
                yield i, j, score

    def holder_pairs(self, u: int, v: int) -> list[tuple[tuple[int, int, int], tuple[int, int, int]]]:
        """The (doc, span) pairs of two similar units, of different docs."""
        a, b = self._holders(u), self._holders(v)
        if u == v:
            return [(x, y) for k, x in enumerate(a) for y in a[k + 1:] if x[0] != y[0]]
        return [(x, y) for x in a for y in b if x[0] != y[0]]

    def _holders(self, unit: int) -> list[tuple[int, int, int]]:
        return self.db.execute(f"SELECT doc, begin, end FROM {self.name}_holders WHERE unit = ? ORDER BY rowid",
                               (unit,)).fetchall()


@dataclass(frozen=True)
class FoundReuse:
    """Reuse found for one doc, before its passage's text is read back from the doc."""

    other: str
    kind: Literal["duplicate", "passage"]
    similarity: float
    span: tuple[int, int] | None = None


class ReuseFinder:
    """Finds copies and shared passages over docs added one at a time (in any order: the
    result does not depend on it). What it keeps of each doc (its shingle hashes, band
    keys, id and outlet) is in the SQLite database `db`: a file for `marsad batch`
    (`DocShelf.scratch_db`), memory by default."""

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.db = db if db is not None else scratch_database(None)
        self.db.execute("CREATE TABLE reuse_docs (doc INTEGER PRIMARY KEY, id TEXT NOT NULL, outlet TEXT)")
        self._n_docs = 0
        self._whole = _UnitIndex(self.db, "reuse_whole", DUPLICATE_JACCARD)
        self._parts = _UnitIndex(self.db, "reuse_parts", PASSAGE_JACCARD)

    def add(self, doc: Doc) -> None:
        i = self._n_docs
        self._n_docs += 1
        words = _words(doc_tokens(doc))
        hashes = _word_hashes([t.key for t in words])
        with transaction(self.db):
            self.db.execute("INSERT INTO reuse_docs VALUES (?, ?, ?)", (i, doc.id, doc.article.outlet))
            self._whole.add(i, [((0, 0), shingle_hashes(hashes, DOC_SHINGLE))])
            self._parts.add(i, [(span, shingle_hashes(part, PARAGRAPH_SHINGLE))
                                for span, part in _paragraphs(doc, words, hashes)])

    def found(self) -> dict[str, list[FoundReuse]]:
        """The reuse of every doc that has some, by doc id."""
        docs = _DocNames(self.db)
        found: dict[str, list[FoundReuse]] = defaultdict(list)
        copies: set[tuple[int, int]] = set()
        for u, v, score in self._whole.similar():
            for (i, *_), (j, *_) in self._whole.holder_pairs(u, v):
                i, j = min(i, j), max(i, j)
                copies.add((i, j))
                found[docs.id(i)].append(FoundReuse(docs.id(j), "duplicate", round(score, 3)))
                found[docs.id(j)].append(FoundReuse(docs.id(i), "duplicate", round(score, 3)))
        for u, v, score in self._parts.similar():
            for (i, *span_i), (j, *span_j) in self._parts.holder_pairs(u, v):
                # Passages count across outlets; within one site a repeated paragraph is furniture.
                same_outlet = bool(docs.outlet(i)) and docs.outlet(i) == docs.outlet(j)
                if (min(i, j), max(i, j)) in copies or same_outlet:
                    continue
                found[docs.id(i)].append(FoundReuse(docs.id(j), "passage", round(score, 3), (span_i[0], span_i[1])))
                found[docs.id(j)].append(FoundReuse(docs.id(i), "passage", round(score, 3), (span_j[0], span_j[1])))
        return dict(found)


class _DocNames:
    """A doc number's id and outlet, read from the finder's table when first asked."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._read: dict[int, tuple[str, str | None]] = {}

    def _row(self, doc: int) -> tuple[str, str | None]:
        if doc not in self._read:
            self._read[doc] = self.db.execute("SELECT id, outlet FROM reuse_docs WHERE doc = ?", (doc,)).fetchone()
        return self._read[doc]

    def id(self, doc: int) -> str:
        return self._row(doc)[0]

    def outlet(self, doc: int) -> str | None:
        return self._row(doc)[1]


def with_reuse(doc: Doc, found: list[FoundReuse]) -> Doc:
    """`doc` with its reuse: the best `MAX_REUSE_PER_DOC`, each passage as the doc has it."""
    text = doc.article.text
    reuse = [Reuse(f.other, f.kind, f.similarity, text[f.span[0]:f.span[1]] if f.span else None) for f in found]
    unique = {(r.other, r.kind, r.passage): r for r in reuse}
    best = sorted(unique.values(), key=lambda r: (r.kind != "duplicate", -r.similarity, r.other,
                                                   r.passage or ""))
    return replace(doc, reuse=tuple(best[:MAX_REUSE_PER_DOC]))


def find_reuse(docs: list[Doc]) -> list[Doc]:
    """Each doc with `reuse` filled: the articles it copies and the passages it shares."""
    finder = ReuseFinder()
    for doc in docs:
        finder.add(doc)
    found = finder.found()
    return [with_reuse(d, found[d.id]) if d.id in found else d for d in docs]

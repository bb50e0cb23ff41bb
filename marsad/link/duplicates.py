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
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from datasketch import MinHash

from marsad.arabic.tokenize import doc_tokens, iter_tokens
from marsad.model import Doc, Reuse, Token
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


def _paragraph_keys(doc: Doc, tokens: list[Token]) -> list[tuple[tuple[int, int], list[str]]]:
    """(span of the paragraph, its word keys) for the paragraphs long enough to be
    passages; the span leaves out the line's outer spaces. Sentences never cross a
    newline, so a paragraph's tokens are those inside its offsets."""
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
        out.append((span, _word_keys(tokens[lo:hi])))
    return out


def _bands(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows): generous, since every candidate is checked exactly afterwards.

    Short paragraphs give noisy MinHash estimates (a reworded pair with exact Jaccard 0.47
    was estimated at 0.34 and missed by datasketch's own 28x2 banding for threshold 0.2).
    64 bands of 2 rows propose a pair at estimated 0.3 with probability 0.9997; 32 bands of
    4 rows propose one at 0.6 with probability 0.98 (1 - (1 - s**r)**b).
    """
    return (64, 2) if threshold < 0.5 else (32, 4)


def signatures(units: Sequence[Set[str]]) -> np.ndarray:
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


def _band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Each signature's LSH band keys (units x bands x 2, int64): a band's `rows` values
    packed into two integers (rows <= 4), so that two units share a band exactly when they
    agree on all its values, as in datasketch's MinHashLSH."""
    assert rows <= 4
    wide = np.zeros((len(sigs), bands, 4), dtype=np.uint32)
    wide[:, :, :rows] = sigs[:, :bands * rows].reshape(len(sigs), bands, rows)
    return wide.view(np.int64)  # (hi, lo) uint32 pairs read as one 64-bit integer each


def _hashes(items: set[str]) -> np.ndarray:
    """A shingle set as sorted distinct 64-bit hashes: an eighth of the strings' memory.
    Python's string hash is salted per process, but only equality is used, within one
    process; two shingles share a hash with odds of 2**-64, so Jaccard is as exact."""
    return np.unique(np.fromiter((hash(x) for x in items), dtype=np.int64, count=len(items)))


def _jaccard_of_hashes(a: np.ndarray, b: np.ndarray) -> float:
    inter = int(np.intersect1d(a, b, assume_unique=True).size)
    return inter / (a.size + b.size - inter)


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
            CREATE TABLE {name}_bands (band INTEGER NOT NULL, k1 INTEGER NOT NULL,
                                       k2 INTEGER NOT NULL, unit INTEGER NOT NULL);
        """)

    def add(self, doc: int, spans_and_sets: list[tuple[tuple[int, int], set[str]]]) -> None:
        new_units: list[int] = []
        new_sets: list[set[str]] = []
        holders: list[tuple[int, int, int, int]] = []
        for (begin, end), items in spans_and_sets:
            hashes = _hashes(items)
            blob = hashes.tobytes()
            digest = hash(blob)
            unit = self._find(digest, blob)
            if unit is None:
                unit = self.n_units
                self.n_units += 1
                self.db.execute(f"INSERT INTO {self.name}_units VALUES (?, ?, ?, ?)",
                                (unit, digest, blob, int(bool(items))))
                if items:
                    new_units.append(unit)
                    new_sets.append(items)
            holders.append((unit, doc, begin, end))
        self.db.executemany(f"INSERT INTO {self.name}_holders VALUES (?, ?, ?, ?)", holders)
        if new_sets:
            keys = _band_keys(signatures(new_sets), self.bands, self.rows)
            rows = np.empty((len(new_units), self.bands, 4), dtype=np.int64)
            rows[:, :, 0] = np.arange(self.bands)
            rows[:, :, 1:3] = keys
            rows[:, :, 3] = np.array(new_units)[:, None]
            self.db.executemany(f"INSERT INTO {self.name}_bands VALUES (?, ?, ?, ?)",
                                rows.reshape(-1, 4).tolist())

    def _find(self, digest: int, blob: bytes) -> int | None:
        for unit, hashes in self.db.execute(f"SELECT unit, hashes FROM {self.name}_units WHERE digest = ?", (digest,)):
            if hashes == blob:
                return int(unit)
        return None

    def _hashes_of(self, unit: int) -> np.ndarray:
        row = self.db.execute(f"SELECT hashes FROM {self.name}_units WHERE unit = ?", (unit,)).fetchone()
        return np.frombuffer(row[0], dtype=np.int64)

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
        groups = self.db.execute(f"SELECT group_concat(unit) FROM {name}_bands GROUP BY band, k1, k2 "
                                 "HAVING count(*) > 1")
        for (members,) in groups:
            units = sorted(int(u) for u in members.split(","))
            pairs.update((x, y) for k, x in enumerate(units) for y in units[k + 1:])
        for i, j in sorted(pairs):
            score = _jaccard_of_hashes(self._hashes_of(i), self._hashes_of(j))
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
        tokens = doc_tokens(doc)
        with transaction(self.db):
            self.db.execute("INSERT INTO reuse_docs VALUES (?, ?, ?)", (i, doc.id, doc.article.outlet))
            self._whole.add(i, [((0, 0), shingles(_word_keys(tokens), DOC_SHINGLE))])
            self._parts.add(i, [(span, shingles(keys, PARAGRAPH_SHINGLE))
                                for span, keys in _paragraph_keys(doc, tokens)])

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

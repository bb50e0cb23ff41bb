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
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from marsad.arabic.tokenize import doc_tokens
from marsad.link.shingles import (
    band_keys,
    bands_and_rows,
    jaccard,
    shingle_hashes,
    signatures,
    word_hashes,
    word_tokens,
)
from marsad.model import Doc, Reuse, Token
from marsad.run.scratch import scratch_database, transaction

DOC_SHINGLE = 4
PARAGRAPH_SHINGLE = 3

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


def unit_band_keys(sets: Sequence[np.ndarray], threshold: float) -> np.ndarray:
    """The LSH band keys (sets x bands) of shingle sets, for a level's `threshold`."""
    return band_keys(signatures(sets), *bands_and_rows(threshold))


@dataclass(frozen=True)
class ReuseUnits:
    """A doc's share of the near-duplicate search, from its text alone (`reuse_units`):
    the shingle set of its whole text and the (span, shingle set) of each long paragraph,
    with their LSH band keys when computed beforehand (`marsad batch`'s workers do, so the
    finder only merges; in one process the finder signs only the sets it has not seen)."""

    whole: np.ndarray
    parts: tuple[tuple[tuple[int, int], np.ndarray], ...]
    whole_keys: np.ndarray | None = None  # 1 x the whole level's bands
    parts_keys: np.ndarray | None = None  # len(parts) x the paragraph level's bands


def reuse_units(doc: Doc, with_band_keys: bool = False) -> ReuseUnits:
    """The doc's shingle sets (and, `with_band_keys`, their band keys): what `ReuseFinder`
    keeps of it."""
    words = word_tokens(doc_tokens(doc))
    hashes = word_hashes([t.key for t in words])
    whole = shingle_hashes(hashes, DOC_SHINGLE)
    parts = tuple((span, shingle_hashes(part, PARAGRAPH_SHINGLE)) for span, part in _paragraphs(doc, words, hashes))
    if not with_band_keys:
        return ReuseUnits(whole, parts)
    return ReuseUnits(whole, parts, unit_band_keys([whole], DUPLICATE_JACCARD),
                      unit_band_keys([items for _, items in parts], PASSAGE_JACCARD))


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
        self.bands, self.rows = bands_and_rows(threshold)
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

    def add(self, doc: int, spans_and_sets: Sequence[tuple[tuple[int, int], np.ndarray]],
            keys_of_sets: np.ndarray | None = None) -> None:
        """Adds a doc's units: (span, its sorted distinct shingle hashes) each; with
        `keys_of_sets`, the band keys of each set (`unit_band_keys`), computed already."""
        new_units: list[int] = []
        new_sets: list[np.ndarray] = []
        new_rows: list[int] = []  # their rows in `keys_of_sets`
        holders: list[tuple[int, int, int, int]] = []
        for row, ((begin, end), items) in enumerate(spans_and_sets):
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
                    new_rows.append(row)
            holders.append((unit, doc, begin, end))
        self.db.executemany(f"INSERT INTO {self.name}_holders VALUES (?, ?, ?, ?)", holders)
        if new_sets:
            if keys_of_sets is None:  # (only the sets never seen before are signed)
                keys = unit_band_keys(new_sets, self.threshold)
            else:
                keys = keys_of_sets[new_rows]
            self._add_band_keys(new_units, keys)

    def _add_band_keys(self, units: list[int], keys: np.ndarray) -> None:
        """The rows (band key, unit) of these units (ascending) and their keys (units x bands):
        one statement for each run of consecutive units, which SQLite unpacks from a JSON
        array (a row of Python parameters each cost twice as much; a unit has 32 or 64)."""
        begin = 0
        for end in range(1, len(units) + 1):
            if end == len(units) or units[end] != units[end - 1] + 1:
                self.db.execute(f"INSERT INTO {self.name}_bands SELECT value, ?2 + key / ?3 FROM json_each(?1)",
                                (json.dumps(keys[begin:end].ravel().tolist()), units[begin], self.bands))
                begin = end

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

    def add(self, doc: Doc, units: ReuseUnits | None = None) -> None:
        """Adds a doc, with its `reuse_units` when they were computed already."""
        self.add_units(doc.id, doc.article.outlet, units or reuse_units(doc))

    def add_units(self, doc_id: str, outlet: str | None, units: ReuseUnits) -> None:
        """Adds a doc by its id, its outlet and its `reuse_units` (all the finder reads of it)."""
        i = self._n_docs
        self._n_docs += 1
        with transaction(self.db):
            self.db.execute("INSERT INTO reuse_docs VALUES (?, ?, ?)", (i, doc_id, outlet))
            self._whole.add(i, [((0, 0), units.whole)], units.whole_keys)
            self._parts.add(i, units.parts, units.parts_keys)

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

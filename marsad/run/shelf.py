"""Where the corpus-level step keeps the docs it links and groups.

`marsad analyze` keeps them in memory (`MemoryShelf`); `marsad batch` keeps them in a
SQLite file on disk (`DiskShelf`), so the memory of the process that links and groups
does not grow with the input. The step's own state that grows with the corpus (the
near-duplicate finder's shingles, the entity records and name lookups, the stories, their
index by term and their vectors) goes where the shelf keeps its docs: beside a disk
shelf, in a scratch database (`scratch_db`), with only the frequent entities and the
recent stories held in memory; what stays in memory besides is one story's docs at a
time, bounded word caches (`marsad.run.caching`) and the document frequency of each word.
Both shelves give the docs in the same canonical order, (source, id), so the
corpus-level step gives the same answer whichever shelf holds them.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from marsad.model import Doc
from marsad.run.scratch import scratch_database, transaction

# A doc as a shelf keeps it and as work sent elsewhere carries it: (id, source, pickle).
PickledDoc = tuple[str, str, bytes]


def pickle_doc(doc: Doc) -> bytes:
    return pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)


# Docs read from disk per query: large enough to amortise the query, small enough that
# a page of docs is a few MB.
_PAGE = 256


class DocShelf(Protocol):
    """Docs by id. A doc put again replaces the one held unless it comes from a source
    later in sort order: the same page under two addresses is kept once, under the first,
    whatever order the pages arrived in (as `pipeline.analyze_raw_pages` chooses)."""

    def put(self, doc: Doc) -> None: ...

    def put_many(self, docs: Iterable[Doc]) -> None: ...

    def get(self, doc_id: str) -> Doc: ...

    def get_many(self, doc_ids: Sequence[str]) -> list[Doc]:
        """The docs of these ids, in the order given."""
        ...

    def ids(self) -> list[str]:
        """Every doc's id, in the canonical order (source, id)."""
        ...

    def pickled(self) -> Iterator[bytes]:
        """Every doc pickled (`pickle_doc`), in the canonical order: for work sent elsewhere."""
        ...

    def pickled_many(self, doc_ids: Sequence[str]) -> list[bytes]:
        """The docs of these ids pickled (`pickle_doc`), in the order given."""
        ...

    def __iter__(self) -> Iterator[Doc]:
        """The docs in the canonical order. Docs may be put while iterating."""
        ...

    def __len__(self) -> int: ...

    def scratch_db(self) -> sqlite3.Connection | None:
        """A new scratch database (`marsad.run.scratch`) beside the docs, for the corpus-level
        step's own state; None when the docs are in memory: that state stays in memory
        too (in dicts, which are faster; the step's answer is the same)."""
        ...


class MemoryShelf:
    def __init__(self, docs: Iterable[Doc] = ()) -> None:
        self._docs: dict[str, Doc] = {}
        for doc in docs:
            self.put(doc)

    def put(self, doc: Doc) -> None:
        kept = self._docs.get(doc.id)
        if kept is None or doc.article.source <= kept.article.source:
            self._docs[doc.id] = doc

    def put_many(self, docs: Iterable[Doc]) -> None:
        for doc in docs:
            self.put(doc)

    def get(self, doc_id: str) -> Doc:
        return self._docs[doc_id]

    def get_many(self, doc_ids: Sequence[str]) -> list[Doc]:
        return [self._docs[i] for i in doc_ids]

    def ids(self) -> list[str]:
        return sorted(self._docs, key=lambda i: (self._docs[i].article.source, i))

    def pickled(self) -> Iterator[bytes]:
        return (pickle_doc(doc) for doc in self)

    def pickled_many(self, doc_ids: Sequence[str]) -> list[bytes]:
        return [pickle_doc(self._docs[i]) for i in doc_ids]

    def __iter__(self) -> Iterator[Doc]:
        for doc_id in self.ids():
            yield self._docs[doc_id]

    def __len__(self) -> int:
        return len(self._docs)

    def scratch_db(self) -> None:
        return None


class DiskShelf:
    """Pickled docs in a SQLite file that only this process uses and that is removed on
    close: no journal and no fsync, since nothing is lost if it is (the run starts again)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = scratch_database(path)  # autocommit; put_many is one transaction
        self._db.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, source TEXT NOT NULL, doc BLOB NOT NULL)")
        self._scratch: list[tuple[sqlite3.Connection, Path]] = []

    def put(self, doc: Doc) -> None:
        self.put_many([doc])

    def put_many(self, docs: Iterable[Doc]) -> None:
        self.put_pickled([(d.id, d.article.source, pickle_doc(d)) for d in docs])

    def put_pickled(self, rows: Sequence[PickledDoc]) -> None:
        """Puts docs pickled already (by the workers that made them: `pickle_doc`)."""
        with transaction(self._db):  # committed: nothing stays pending in memory
            self._db.executemany(
                "INSERT INTO docs (id, source, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "source = excluded.source, doc = excluded.doc WHERE excluded.source <= docs.source", rows)

    def get(self, doc_id: str) -> Doc:
        row = self._db.execute("SELECT doc FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return pickle.loads(row[0])

    def get_many(self, doc_ids: Sequence[str]) -> list[Doc]:
        return [pickle.loads(blob) for blob in self.pickled_many(doc_ids)]

    def pickled_many(self, doc_ids: Sequence[str]) -> list[bytes]:
        found: dict[str, bytes] = {}
        for begin in range(0, len(doc_ids), _PAGE):
            page = doc_ids[begin:begin + _PAGE]
            marks = ",".join("?" * len(page))
            found.update(self._db.execute(f"SELECT id, doc FROM docs WHERE id IN ({marks})", page))
        return [found[i] for i in doc_ids]

    def ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM docs ORDER BY source, id")]

    def __iter__(self) -> Iterator[Doc]:
        # Over a snapshot of the ids: no cursor stays open while docs are put.
        return _in_pages(self, self.ids())

    def pickled(self) -> Iterator[bytes]:
        return _pickled_docs(self._db)

    def pickled_in_another_thread(self) -> Iterator[bytes]:
        """`pickled`, for another thread to read over a connection of its own (opened and
        closed in that thread), while this one goes on reading the docs: no doc may be put
        from now on."""
        self._db.execute("PRAGMA locking_mode=NORMAL")
        self._db.execute("SELECT count(*) FROM docs").fetchone()  # (which gives up the file's lock)
        return _pickled_over_a_connection_of_its_own(self.path)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def scratch_db(self) -> sqlite3.Connection:
        path = self.path.with_name(f"{self.path.name}.scratch{len(self._scratch)}")
        db = scratch_database(path)
        self._scratch.append((db, path))
        return db

    def close(self) -> None:
        for db, path in [(self._db, self.path), *self._scratch]:
            db.close()
            path.unlink(missing_ok=True)

    def __enter__(self) -> DiskShelf:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _pickled_docs(db: sqlite3.Connection) -> Iterator[bytes]:
    ids = [row[0] for row in db.execute("SELECT id FROM docs ORDER BY source, id")]
    for begin in range(0, len(ids), _PAGE):
        page = ids[begin:begin + _PAGE]
        marks = ",".join("?" * len(page))
        found = dict(db.execute(f"SELECT id, doc FROM docs WHERE id IN ({marks})", page).fetchall())
        yield from (found[i] for i in page)


def _pickled_over_a_connection_of_its_own(path: Path) -> Iterator[bytes]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield from _pickled_docs(db)
    finally:
        db.close()


def _in_pages(shelf: DocShelf, doc_ids: list[str]) -> Iterator[Doc]:
    """The docs of these ids, in order, read a page at a time."""
    for begin in range(0, len(doc_ids), _PAGE):
        yield from shelf.get_many(doc_ids[begin:begin + _PAGE])

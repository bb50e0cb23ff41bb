"""SQLite databases for the working state of a run that grows with every article (the
doc shelf of `marsad batch`, near-duplicate shingles, story vectors, page hashes for
`--db`): in memory for `marsad analyze`, in a file for `marsad batch`, so that a run's
memory does not grow with its corpus.

A scratch database belongs to one run: nothing in it needs to survive a crash (the run
starts again), so it has no journal and no fsync, and its file goes when it is closed.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

V = TypeVar("V")
_END = object()


def scratch_database(path: Path | None) -> sqlite3.Connection:
    """A new, empty scratch database: in memory when `path` is None, else in that file
    (replaced if it is there). Autocommit: callers group writes with `transaction`."""
    if path is not None:
        path.unlink(missing_ok=True)
    db = sqlite3.connect(":memory:" if path is None else path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    # One connection uses the file: holding its lock saves taking it (and re-checking the
    # page cache) at every statement, two thirds of a point query's time (5 µs, not 15).
    db.execute("PRAGMA locking_mode=EXCLUSIVE")
    return db


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One transaction around the block's writes (one commit, not one a statement); inside
    a transaction already open, the block is part of it."""
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        # No journal, so no rollback: a step that fails fails its run, which starts afresh.
        if db.in_transaction:
            db.execute("COMMIT")


def in_transactions(db: sqlite3.Connection | None, items: Iterable[V], every: int) -> Iterator[V]:
    """The items, the writes to `db` made while each `every` of them is made (and used by
    the caller, before the next is asked for) grouped in one transaction: a commit per
    item costs more than the item's own writes. `db` None: the items as they come."""
    if db is None:
        yield from items
        return
    began = db.in_transaction  # (inside a transaction already: part of it)
    item_iter = iter(items)
    n = 0
    try:
        while True:
            if n % every == 0 and not began:
                if db.in_transaction:
                    db.execute("COMMIT")
                db.execute("BEGIN")
            item = next(item_iter, _END)
            if item is _END:
                return
            n += 1
            yield item  # type: ignore[misc]
    finally:
        if not began and db.in_transaction:
            db.execute("COMMIT")


class SpilledMapping(MutableMapping[str, V]):
    """A dict of objects kept in a scratch table, with the `hot` most recently used held
    in memory and written back when they leave (pickled): for state that every article
    may add to and only a few recent entries of which are read again (entity records, the
    clusterer's stories). An object taken from it and changed must be put back
    (`mapping[key] = obj`), as with a dict of immutable values: a copy read after its
    object was written back would not see later changes. Iteration is by first write to
    the table, not by insertion."""

    def __init__(self, db: sqlite3.Connection, table: str, hot: int) -> None:
        self.db, self.table, self.hot = db, table, max(1, hot)
        self._held: OrderedDict[str, V] = OrderedDict()
        # Until the first object leaves memory, a key not held is in no table row either:
        # not asked of SQLite (most keys a clusterer asks for, its new terms, are nowhere).
        self._spilled = False
        db.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")

    def __getitem__(self, key: str) -> V:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: V | None = None) -> V | None:  # type: ignore[override]
        """As a dict's (without the KeyError that `Mapping.get` catches: most keys a
        clusterer asks for, its new terms, are nowhere)."""
        value = self._held.get(key)
        if value is not None:
            self._held.move_to_end(key)
            return value
        if not self._spilled:
            return default
        row = self.db.execute(f"SELECT value FROM {self.table} WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        loaded: V = pickle.loads(row[0])
        self._hold(key, loaded)
        return loaded

    def __setitem__(self, key: str, value: V) -> None:
        self._hold(key, value)

    def __delitem__(self, key: str) -> None:
        held = self._held.pop(key, None) is not None
        if self.db.execute(f"DELETE FROM {self.table} WHERE key = ?", (key,)).rowcount == 0 and not held:
            raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return key in self._held or (self._spilled and self.db.execute(
            f"SELECT 1 FROM {self.table} WHERE key = ?", (key,)).fetchone() is not None)

    def __iter__(self) -> Iterator[str]:
        self.flush()
        return iter([row[0] for row in self.db.execute(f"SELECT key FROM {self.table} ORDER BY rowid")])

    def __len__(self) -> int:
        self.flush()
        return int(self.db.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0])

    def values_by_key(self) -> Iterator[V]:
        """Every value, in key order, read a row at a time (none is held)."""
        self.flush()
        for (blob,) in self.db.execute(f"SELECT value FROM {self.table} ORDER BY key"):
            yield pickle.loads(blob)

    def flush(self) -> None:
        """Write every held object to the table (they stay held)."""
        with transaction(self.db):
            self._write(self._held.items())

    def _hold(self, key: str, value: V) -> None:
        self._held[key] = value
        self._held.move_to_end(key)
        if len(self._held) > self.hot:
            # The least recently used leave a sixteenth of the hot set at a time: one
            # statement for them all (an entity record or a story was written a statement each).
            self._write([self._held.popitem(last=False) for _ in range(max(1, self.hot // 16))])

    def _write(self, items: Iterable[tuple[str, V]]) -> None:
        rows = [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items]
        self._spilled = self._spilled or bool(rows)
        self.db.executemany(
            f"INSERT INTO {self.table} (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", rows)

"""The store's default backend: one SQLite file in WAL mode.

One connection writes; each reading thread has its own connection, so a page served while
another thread or process writes never waits for the write (WAL readers see the last
committed state).
"""

from __future__ import annotations

import sqlite3

from marsad.model import Query, ResultPage, SearchHit
from marsad.store import search as fts
from marsad.store.backend import ThreadConnections
from marsad.store.migrations import SQLITE_MIGRATIONS

# Milliseconds a writer waits for another process's write transaction. A write holds the
# lock while the corpus step runs over the store (seconds per thousand articles), so a
# second ingest beside a large one waits rather than fails.
BUSY_TIMEOUT_MS = 600_000


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class SQLiteBackend:
    migrations = SQLITE_MIGRATIONS

    def __init__(self, path: str) -> None:
        self.path = path
        self._writer = _connect(path)
        self._writer.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a committed page survives a process kill (only power loss can
        # take back the last commits), at a fraction of FULL's fsyncs.
        self._writer.execute("PRAGMA synchronous = NORMAL")
        self._readers = ThreadConnections(lambda: _connect(path))

    def writer(self) -> sqlite3.Connection:
        return self._writer

    def reader(self) -> sqlite3.Connection:
        return self._readers.get()

    def begin_write(self) -> None:
        # IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading.
        self._writer.execute("BEGIN IMMEDIATE")

    def has_table(self, name: str) -> bool:
        return bool(
            self._writer.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
        )

    def index_article(self, seq: int, title: str | None, text: str) -> None:
        fts.index_article(self._writer, seq, title, text)

    def search(self, query: Query, named: dict[str, tuple[str, ...]]) -> ResultPage[SearchHit]:
        return fts.search(self.reader(), query, named)

    def close(self) -> None:
        self._readers.close_all()
        self._writer.close()

"""What the store needs of a database: the small protocol its two backends keep.

`marsad.store.Store` does everything else (the write path, the read queries) in the SQL
that SQLite and PostgreSQL both accept, with `?` placeholders.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from marsad.model import Query, ResultPage, SearchHit


class Connection(Protocol):
    # `Any` parameters: sqlite3's and psycopg's own signatures both satisfy them.
    def execute(self, sql: str, params: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, rows: Any, /) -> Any: ...

    def close(self) -> None: ...


class Backend(Protocol):
    migrations: list[str]

    def writer(self) -> Connection:
        """The one connection that writes (the caller serialises its use)."""
        ...

    def reader(self) -> Connection:
        """A connection for reads in the calling thread: readers never wait on a writer."""
        ...

    def begin_write(self) -> None:
        """Open a write transaction holding the database's writer lock (one writer at a
        time across processes)."""
        ...

    def has_table(self, name: str) -> bool: ...

    def index_article(self, seq: int, title: str | None, text: str) -> None:
        """Add an article to the full-text index, inside the write transaction."""
        ...

    def search(self, query: Query, named: dict[str, tuple[str, ...]]) -> ResultPage[SearchHit]:
        """Articles with the query's words, or of the `named` entities (id -> names)."""
        ...

    def close(self) -> None: ...


ConnectionT = TypeVar("ConnectionT", bound=Connection)


class ThreadConnections(Generic[ConnectionT]):
    """One reading connection per thread, opened on first use, all closed together: a page
    served in one thread never waits for a write in another (both backends read so)."""

    def __init__(self, connect: Callable[[], ConnectionT]) -> None:
        self._connect = connect
        self._local = threading.local()
        self._opened: list[ConnectionT] = []
        self._lock = threading.Lock()

    def get(self) -> ConnectionT:
        conn: ConnectionT | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
            with self._lock:
                self._opened.append(conn)
        return conn

    def close_all(self) -> None:
        with self._lock:
            for conn in self._opened:
                conn.close()
            self._opened.clear()

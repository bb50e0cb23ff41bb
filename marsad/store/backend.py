"""What the store needs of a database: the small protocol its two backends keep.

`marsad.store.Store` does everything else (the write path, the read queries) in the SQL
that SQLite and PostgreSQL both accept, with `?` placeholders.
"""

from __future__ import annotations

from typing import Any, Protocol

from marsad.model import Query, ResultPage, SearchHit


class Connection(Protocol):
    # `Any` parameters: sqlite3's and psycopg's own signatures both satisfy them.
    def execute(self, sql: str, params: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, rows: Any, /) -> Any: ...


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

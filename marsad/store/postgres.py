"""The store on PostgreSQL (`open_store("postgresql://...")`), behind the same backend
protocol as SQLite.

What differs from SQLite is here: the connections (psycopg 3, one per reading thread), the
schema (BIGSERIAL instead of rowids), writers serialised by an advisory lock (SQLite's
BEGIN IMMEDIATE), and search with a 'simple' tsvector over the same normalised match keys
and clitic stems that SQLite's FTS5 index holds (marsad.store.search), so both backends
find the same articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.model import Query, ResultPage, SearchHit
from marsad.store import search as fts
from marsad.store.backend import ThreadConnections
from marsad.store.migrations import PG_MIGRATIONS

# Any constant works: it names the one lock that serialises marsad writers in a database.
WRITER_LOCK = 0x6D61727361640001


class _Connection:
    """psycopg's connection behind the sqlite3-style calls the store makes (`?`
    placeholders, execute/executemany returning cursors)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        params = tuple(params)
        return self._conn.execute(self._sql(sql), params or None)

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self._conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)

    def close(self) -> None:
        self._conn.close()


def _connect(address: str) -> _Connection:
    import psycopg  # optional backend: imported only when a postgresql:// store is opened

    return _Connection(psycopg.connect(address, autocommit=True))


class PostgresBackend:
    migrations = PG_MIGRATIONS

    def __init__(self, address: str) -> None:
        self.address = address
        self._writer = _connect(address)
        self._readers = ThreadConnections(lambda: _connect(address))

    def writer(self) -> _Connection:
        return self._writer

    def reader(self) -> _Connection:
        return self._readers.get()

    def begin_write(self) -> None:
        self._writer.execute("BEGIN")
        self._writer.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))

    def has_table(self, name: str) -> bool:
        return bool(self._writer.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0])

    def index_article(self, seq: int, title: str | None, text: str) -> None:
        words, stems = fts.index_columns(title, text)
        self._writer.execute(
            "INSERT INTO search_docs (seq, words, doc) VALUES "
            "(?, to_tsvector('simple', ?), to_tsvector('simple', ?) || to_tsvector('simple', ?))",
            (seq, words, words, stems),
        )

    def search(self, query: Query, named: dict[str, tuple[str, ...]]) -> ResultPage[SearchHit]:
        conn = self.reader()

        def word_docs(key: str) -> int:
            row = conn.execute(
                "SELECT count(*) FROM search_docs WHERE words @@ plainto_tsquery('simple', ?)", (key,)
            ).fetchone()
            return int(row[0])

        groups = fts.query_terms(query.text, word_docs)
        if not groups:
            return ResultPage(0, ())
        ordered = [sorted(g) for g in groups]
        tsquery = " && ".join(
            "(" + " || ".join("plainto_tsquery('simple', ?)" for _ in terms) + ")" for terms in ordered
        )
        term_params = [t for terms in ordered for t in terms]
        where, params = fts.filter_sql(query)
        either, named_params = fts.entity_clause(named)
        base = (
            f"FROM search_docs s JOIN articles a ON a.seq = s.seq, (SELECT {tsquery} AS query) q "
            f"WHERE (s.doc @@ q.query OR {either}){where}"
        )
        args = [*term_params, *named_params, *params]
        total = conn.execute(f"SELECT count(*) {base}", args).fetchone()
        rows = conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, "
            f"a.record::json -> 'article' ->> 'text' {base} "
            "ORDER BY ts_rank(s.doc, q.query) DESC, a.published DESC NULLS LAST, a.seq DESC "
            "LIMIT ? OFFSET ?",
            [*args, query.limit, query.offset],
        ).fetchall()
        return ResultPage(int(total[0]), tuple(fts.make_hit(row, groups, named) for row in rows))

    def close(self) -> None:
        self._readers.close_all()
        self._writer.close()

"""The store on PostgreSQL (`open_store("postgresql://...")`), through the same interface.

Everything above the backend hooks of `marsad.store.Store` is shared: the write path, the
transactions per page, the JSON records and the read queries (written in the SQL both
databases accept). What differs is here: the connection (psycopg 3), the schema (BIGSERIAL
instead of rowids), writers serialised by an advisory lock (SQLite's BEGIN IMMEDIATE), and
search with a 'simple' tsvector over the same normalised match keys and clitic stems that
SQLite's FTS5 index holds (marsad.store.search), so both backends find the same articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.store import search as fts
from marsad.store.sqlite import MIGRATIONS, Store

# Any constant works: it names the one lock that serialises marsad writers in a database.
WRITER_LOCK = 0x6D61727361640001

PG_MIGRATIONS: list[str] = [
    # 1: the model's records (as marsad.store.MIGRATIONS[0], with PostgreSQL's types)
    MIGRATIONS[0]
    .replace("seq INTEGER PRIMARY KEY", "seq BIGSERIAL PRIMARY KEY")
    .replace(") WITHOUT ROWID;", ");"),
    # 2: search: 'simple' keeps the keys as they are (no stemming, no stop words)
    """
    CREATE TABLE search_docs (
        seq BIGINT PRIMARY KEY REFERENCES articles(seq),
        words TSVECTOR NOT NULL, doc TSVECTOR NOT NULL
    );
    CREATE INDEX search_docs_words ON search_docs USING GIN (words);
    CREATE INDEX search_docs_doc ON search_docs USING GIN (doc);
    """,
    # 3: as SQLite's
    MIGRATIONS[2],
]


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


class PostgresStore(Store):
    migrations = PG_MIGRATIONS

    def _connect(self, path: str) -> Any:
        import psycopg

        return _Connection(psycopg.connect(path, autocommit=True))

    def _has_table(self, name: str) -> bool:
        return bool(self._conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0])

    def _begin(self) -> None:
        self._conn.execute("BEGIN")
        self._conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))

    def _index(self, seq: int, title: str | None, text: str) -> None:
        words, stems = fts.index_columns(title, text)
        self._conn.execute(
            "INSERT INTO search_docs (seq, words, doc) VALUES "
            "(?, to_tsvector('simple', ?), to_tsvector('simple', ?) || to_tsvector('simple', ?))",
            (seq, words, words, stems),
        )

    def _word_docs(self, key: str) -> int:
        row = self._conn.execute(
            "SELECT count(*) FROM search_docs WHERE words @@ plainto_tsquery('simple', ?)", (key,)
        ).fetchone()
        return int(row[0])

    def _search(self, q: str, filters: fts.Filters, offset: int, limit: int) -> dict[str, Any]:
        groups = fts.query_terms(q, self._word_docs)
        if not groups:
            return {"total": 0, "items": []}
        ordered = [sorted(g) for g in groups]
        tsquery = " && ".join(
            "(" + " || ".join("plainto_tsquery('simple', ?)" for _ in terms) + ")"
            for terms in ordered
        )
        term_params = [t for terms in ordered for t in terms]
        where, params = fts.filter_sql(filters)
        base = (
            f"FROM search_docs s JOIN articles a ON a.seq = s.seq, (SELECT {tsquery} AS query) q "
            f"WHERE s.doc @@ q.query{where}"
        )
        total = self._conn.execute(f"SELECT count(*) {base}", [*term_params, *params]).fetchone()
        rows = self._conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, "
            f"a.record::json -> 'article' ->> 'text' {base} "
            "ORDER BY ts_rank(s.doc, q.query) DESC, a.published DESC NULLS LAST, a.seq DESC "
            "LIMIT ? OFFSET ?",
            [*term_params, *params, limit, offset],
        ).fetchall()
        terms = set().union(*groups)
        items = [
            {
                "id": aid,
                "title": title,
                "outlet": outlet,
                "published": published,
                "url": url,
                "snippet": fts.snippet(text or "", terms) or fts.snippet(title or "", terms),
            }
            for aid, title, outlet, published, url, text in rows
        ]
        return {"total": int(total[0]), "items": items}

"""The store: analysed pages kept in one SQLite file, added to incrementally.

Write path (`ingest`, `ingest_one`): a page whose content hash is stored is skipped; a new
page is cleaned and analysed (outside any lock), then in ONE transaction its entities are
linked against the known ones (`EntityIndex`), it joins a story (`StoryClusterer`), that one
story is rebuilt from its stored articles, and everything is written, together with the
linker's and clusterer's changed state. A crash (even kill -9) therefore loses at most the
page being written, and a re-run completes the rest without duplicating anything.

Read path: the lists and records that the HTTP API, the web pages and the report show,
shaped by marsad.store.export's serialisers; search lives in marsad.store.search.

Docs and stories are stored as full-fidelity JSON records (every model field, except the
sentences, which are recomputed from the text) because export's dicts are lossy (a quantity's
unit text, a quote's directness): a story rebuild needs the docs as the pipeline made them.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from marsad.arabic.tokenize import split_sentences
from marsad.clean import clean_pages
from marsad.errors import MarsadError
from marsad.link.duplicates import find_reuse
from marsad.link.entities import EntityIndex
from marsad.model import (
    Analysis,
    Article,
    Claim,
    ClaimValue,
    Doc,
    Entity,
    Event,
    Mention,
    Problem,
    Quantity,
    Quote,
    RawPage,
    Reuse,
    Story,
    SummarySentence,
    TimeExpr,
    TimelineEntry,
)
from marsad.pipeline import RunContext, analyze_article
from marsad.run.limits import time_limit
from marsad.store import search as fts
from marsad.store.export import doc_to_dict, entity_to_dict, event_to_dict, story_to_dict
from marsad.stories import joins_stories, make_story
from marsad.stories.cluster import StoryClusterer, StoryState

log = logging.getLogger(__name__)

# Seconds a writer waits for another process's transaction (a CLI ingest beside a server).
BUSY_TIMEOUT_MS = 30_000

# Numbered schema scripts, applied in order and recorded in meta.schema_version. Never edit
# a released entry: append a new one.
MIGRATIONS: list[str] = [
    # 1: the model's records
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE pages (
        content_hash TEXT PRIMARY KEY, source TEXT NOT NULL, ingested_at TEXT NOT NULL,
        article TEXT
    );
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL REFERENCES pages(content_hash),
        source TEXT NOT NULL, url TEXT, outlet TEXT, published TEXT, title TEXT,
        language TEXT NOT NULL, is_article INTEGER NOT NULL, record TEXT NOT NULL
    );
    CREATE INDEX articles_by_date ON articles(published DESC, seq DESC);
    CREATE INDEX articles_by_outlet ON articles(outlet, published DESC);
    CREATE TABLE entities (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL,
        n_articles INTEGER NOT NULL, data TEXT NOT NULL, link_state TEXT NOT NULL
    );
    CREATE INDEX entities_by_size ON entities(n_articles DESC, id);
    CREATE TABLE mentions (
        article TEXT NOT NULL REFERENCES articles(id), start INTEGER NOT NULL,
        stop INTEGER NOT NULL, type TEXT NOT NULL, entity TEXT REFERENCES entities(id)
    );
    CREATE INDEX mentions_by_article ON mentions(article);
    CREATE INDEX mentions_by_entity ON mentions(entity);
    CREATE TABLE entity_articles (
        entity TEXT NOT NULL REFERENCES entities(id), article TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (entity, article)
    ) WITHOUT ROWID;
    CREATE INDEX entity_articles_by_article ON entity_articles(article);
    CREATE TABLE stories (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
        first_seen TEXT, last_seen TEXT,
        size INTEGER NOT NULL, data TEXT NOT NULL, record TEXT NOT NULL,
        cluster_state TEXT NOT NULL
    );
    CREATE INDEX stories_newest ON stories(last_seen DESC, id);
    CREATE INDEX stories_biggest ON stories(size DESC, last_seen DESC);
    CREATE TABLE story_articles (
        article TEXT PRIMARY KEY REFERENCES articles(id),
        story TEXT NOT NULL REFERENCES stories(id), vector TEXT NOT NULL
    );
    CREATE INDEX story_articles_by_story ON story_articles(story);
    CREATE TABLE events (
        story TEXT NOT NULL REFERENCES stories(id), position INTEGER NOT NULL,
        id TEXT NOT NULL, type TEXT NOT NULL, date TEXT, data TEXT NOT NULL,
        PRIMARY KEY (story, position)
    );
    CREATE INDEX events_by_date ON events(date DESC);
    CREATE INDEX events_by_type ON events(type, date DESC);
    CREATE TABLE problems (
        source TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (source, error)
    );
    CREATE TABLE cluster_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
    """,
    # 2: Arabic full-text search
    fts.SQLITE_SCHEMA,
    # 3: `marsad watch` asks whether an address is already stored
    "CREATE INDEX pages_by_source ON pages(source);",
]


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    failed: list[Problem] = field(default_factory=list)


def open_store(path: str) -> Store:
    """Open (creating and migrating when needed) the store at `path`: a SQLite file, or a
    postgresql:// address for the PostgreSQL backend."""
    if path.startswith(("postgresql://", "postgres://")):
        from marsad.store.postgres import PostgresStore  # optional backend

        return PostgresStore(path)  # type: ignore[return-value]
    return Store(path)


# --- records <-> model (full fidelity; export's dicts are for readers) ------------------


def _tuples(data: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}


def _make(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in _tuples(data).items() if k in names})


def doc_record(doc: Doc) -> str:
    data = dataclasses.asdict(dataclasses.replace(doc, sentences=()))
    del data["sentences"]
    return json.dumps(data, ensure_ascii=False)


def doc_from_record(text: str, *, with_sentences: bool = True) -> Doc:
    data = json.loads(text)
    article = _make(Article, data["article"])
    return Doc(
        article=article,
        sentences=tuple(split_sentences(article.text)) if with_sentences else (),
        mentions=tuple(_make(Mention, m) for m in data["mentions"]),
        quantities=tuple(_make(Quantity, q) for q in data["quantities"]),
        times=tuple(_make(TimeExpr, t) for t in data["times"]),
        quotes=tuple(_make(Quote, q) for q in data["quotes"]),
        events=tuple(_make(Event, e) for e in data["events"]),
        reuse=tuple(_make(Reuse, r) for r in data["reuse"]),
    )


def story_from_record(text: str) -> Story:
    data = json.loads(text)
    return _make(
        Story,
        {
            **data,
            "summary": [_make(SummarySentence, s) for s in data["summary"]],
            "timeline": [_make(TimelineEntry, t) for t in data["timeline"]],
            "claims": [
                _make(Claim, {**c, "values": [_make(ClaimValue, v) for v in c["values"]]})
                for c in data["claims"]
            ],
            "events": [_make(Event, e) for e in data["events"]],
        },
    )


def entity_from_dict(data: dict[str, Any]) -> Entity:
    return _make(Entity, data)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- the store -------------------------------------------------------------------------


class Store:
    """One SQLite file. Thread-safe: one connection behind a lock (the API serves from
    threads while ingest writes); WAL lets other processes read while this one writes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._conn = self._connect(path)
        self._migrate()
        self._generation = -1  # forces loading the linker/clusterer state on first write
        self._entities = EntityIndex()
        self._clusterer = StoryClusterer()
        self._default_ctx: RunContext | None = None

    # --- the backend: SQLite here; PostgresStore overrides these few methods -------------

    migrations = MIGRATIONS

    def _connect(self, path: str) -> Any:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # NORMAL in WAL mode: a committed page survives a process kill (only power loss can
        # take back the last commits), at a fraction of FULL's fsyncs.
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def _has_table(self, name: str) -> bool:
        return bool(
            self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
        )

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading.
        self._conn.execute("BEGIN IMMEDIATE")

    def _index(self, seq: int, title: str | None, text: str) -> None:
        fts.index_article(self._conn, seq, title, text)

    def _search(self, q: str, filters: fts.Filters, offset: int, limit: int) -> dict[str, Any]:
        return fts.search(self._conn, q, filters, offset=offset, limit=limit)

    def _ctx(self) -> RunContext:
        # One default context per store, so the entity tagger is loaded once, not per page.
        if self._default_ctx is None:
            self._default_ctx = RunContext()
        return self._default_ctx

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- schema ------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self._lock, self._transaction():
            version = self.schema_version()
            for number, script in enumerate(self.migrations, start=1):
                if number <= version:
                    continue
                for statement in _statements(script):
                    self._conn.execute(statement)
                self._set_meta("schema_version", str(number))

    def schema_version(self) -> int:
        if not self._has_table("meta"):
            return 0
        return int(self._meta("schema_version") or 0)

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._begin()
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # --- write path --------------------------------------------------------------------

    def ingest(
        self,
        pages: Iterable[RawPage | Problem],
        ctx: Any = None,
        progress: Callable[[str, str], None] | None = None,
    ) -> IngestReport:
        """Add pages one transaction each; `progress(source, outcome)` after each page,
        outcome one of "added", "duplicate", "failed"."""
        report = IngestReport()
        for page in pages:
            if isinstance(page, Problem):
                self.record_problem(page)
                report.failed.append(page)
                outcome = "failed"
            else:
                result = self.ingest_one(page, ctx)
                if result["errors"]:
                    report.failed.append(Problem(page.source, "; ".join(result["errors"])))
                    outcome = "failed"
                elif result["duplicate"]:
                    report.duplicates += 1
                    outcome = "duplicate"
                else:
                    report.added += 1
                    outcome = "added"
            if progress is not None:
                progress(page.source, outcome)
        return report

    def ingest_one(self, page: RawPage, ctx: Any = None) -> dict[str, Any]:
        """Store one page: {"id", "story", "duplicate", "errors"}."""
        known = self._page_article(page.content_hash)
        if known is not None:
            return self._duplicate(known)
        doc = _analyse(page, ctx or self._ctx())
        if isinstance(doc, Problem):
            self.record_problem(doc)
            return {"id": None, "story": None, "duplicate": False, "errors": [doc.error]}
        return self.ingest_analysed(page.content_hash, page.source, doc)

    def ingest_analysed(self, content_hash: str, source: str, doc: Doc) -> dict[str, Any]:
        """Store a page analysed elsewhere (`marsad batch --db` does it on Dask), as
        `ingest_one` stores it: one transaction, linked and clustered with what the store
        holds, stored once however often it comes."""
        with self._lock:
            try:
                with self._transaction():
                    known = self._page_article(content_hash)  # already stored, or another writer was faster
                    if known is not None:
                        return self._duplicate(known)
                    story_id = self._write_page(content_hash, source, doc)
            except BaseException:
                self._generation = -1  # in-memory state may hold the rolled-back page
                raise
        return {"id": doc.id, "story": story_id, "duplicate": False, "errors": []}

    def _duplicate(self, article_id: str) -> dict[str, Any]:
        story = self.story_of_article(article_id)
        return {"id": article_id, "story": story, "duplicate": True, "errors": []}

    def has_source(self, source: str) -> bool:
        """Whether a page from this source (a URL for fetched pages) is stored."""
        return bool(self._rows("SELECT 1 FROM pages WHERE source = ? LIMIT 1", (source,)))

    def _page_article(self, content_hash: str) -> str | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT article FROM pages WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        return row[0] if row else None

    def record_problem(self, problem: Problem) -> None:
        """Keep a page that could not be read or analysed in the store's list of errors."""
        with self._lock, self._transaction():
            self._conn.execute(
                "INSERT INTO problems (source, error, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (problem.source, problem.error, _now()),
            )

    def _write_page(self, content_hash: str, source: str, doc: Doc) -> str | None:
        self._load_state()
        if self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (doc.id,)).fetchone():
            # Same article id from different bytes (ids are content-hash prefixes): keep one.
            self._insert_page(content_hash, source, doc.id)
            return self.story_of_article(doc.id)
        doc = self._entities.add_doc(doc)
        conn = self._conn
        self._insert_page(content_hash, source, doc.id)
        a = doc.article
        cursor = conn.execute(
            "INSERT INTO articles (id, content_hash, source, url, outlet, published, title, "
            "language, is_article, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
            (
                a.id,
                content_hash,
                a.source,
                a.url,
                a.outlet,
                a.published,
                a.title,
                a.language,
                int(a.is_article),
                doc_record(doc),
            ),
        )
        self._index(cursor.fetchone()[0], a.title, a.text)
        self._write_entities(doc)
        story_id = self._cluster(doc) if joins_stories(doc) else None
        self._generation += 1
        self._set_meta("generation", str(self._generation))
        return story_id

    def _insert_page(self, content_hash: str, source: str, article_id: str) -> None:
        self._conn.execute(
            "INSERT INTO pages (content_hash, source, ingested_at, article) VALUES (?, ?, ?, ?)",
            (content_hash, source, _now(), article_id),
        )

    def _write_entities(self, doc: Doc) -> None:
        touched = sorted({m.entity for m in doc.mentions if m.entity})
        for eid in touched:
            record = self._entities.record(eid)
            # EntityIndex builds one Entity per record; only the touched ones are rewritten.
            entity = self._entities.entity(record)
            self._conn.execute(
                "INSERT INTO entities (id, type, name, n_articles, data, link_state) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "n_articles = excluded.n_articles, data = excluded.data, "
                "link_state = excluded.link_state",
                (
                    eid,
                    entity.type,
                    entity.name,
                    len(entity.articles),
                    _dumps(entity_to_dict(entity)),
                    _dumps(record.to_dict()),
                ),
            )
            self._conn.execute(
                "INSERT INTO entity_articles (entity, article) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                (eid, doc.id),
            )
        self._conn.executemany(
            "INSERT INTO mentions (article, start, stop, type, entity) VALUES (?, ?, ?, ?, ?)",
            [(doc.id, m.start, m.end, m.type, m.entity) for m in doc.mentions],
        )

    def _cluster(self, doc: Doc) -> str:
        """Assign `doc` to a story, rebuild that story, store it and the clusterer's change."""
        clusterer = self._clusterer
        terms = set(clusterer._terms(doc))  # the document frequencies this doc will raise
        story_id = clusterer.add(doc)
        state: StoryState = clusterer.stories[story_id]
        conn = self._conn
        conn.executemany(
            "INSERT INTO cluster_terms (term, docs) VALUES (?, 1) "
            "ON CONFLICT (term) DO UPDATE SET docs = cluster_terms.docs + 1",
            [(t,) for t in sorted(terms)],
        )
        self._set_meta("cluster_docs", str(clusterer.n_docs))
        members = [doc]
        for aid, record, vector in conn.execute(
            "SELECT a.id, a.record, sa.vector FROM story_articles sa "
            "JOIN articles a ON a.id = sa.article WHERE sa.story = ?",
            (story_id,),
        ):
            members.append(doc_from_record(record))
            clusterer.vectors[aid] = json.loads(vector)
        members = self._find_reuse(members)
        story = make_story(story_id, members, clusterer.vectors, state.thread)
        for member in members:  # keep memory flat: vectors live in the store
            if member.id != doc.id:
                clusterer.vectors.pop(member.id, None)
        conn.execute(
            "INSERT INTO stories (id, title, first_seen, last_seen, size, data, record, "
            "cluster_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "title = excluded.title, first_seen = excluded.first_seen, "
            "last_seen = excluded.last_seen, size = excluded.size, data = excluded.data, "
            "record = excluded.record, cluster_state = excluded.cluster_state",
            (
                story.id,
                story.title,
                story.first_seen,
                story.last_seen,
                len(story.articles),
                _dumps(story_to_dict(story)),
                _dumps(dataclasses.asdict(story)),
                _dumps(state.to_json()),
            ),
        )
        conn.execute(
            "INSERT INTO story_articles (article, story, vector) VALUES (?, ?, ?)",
            (doc.id, story_id, _dumps(clusterer.vectors.pop(doc.id, {}))),
        )
        conn.execute("DELETE FROM events WHERE story = ?", (story_id,))
        conn.executemany(
            "INSERT INTO events (story, position, id, type, date, data) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (story_id, i, e.id, e.type, e.date, _dumps(event_to_dict(e)))
                for i, e in enumerate(story.events)
            ],
        )
        return story_id

    def _find_reuse(self, members: list[Doc]) -> list[Doc]:
        """Copies and shared passages among one story's articles; changed records are saved.

        Looked for inside the story only: syndicated copies of one report land in one story,
        and the cost per page stays bounded by the story's size, not the store's.
        """
        before = {d.id: d.reuse for d in members}
        linked = find_reuse(sorted(members, key=lambda d: (d.article.source, d.id)))
        for doc in linked:
            if doc.reuse != before[doc.id]:
                self._conn.execute(
                    "UPDATE articles SET record = ? WHERE id = ?", (doc_record(doc), doc.id)
                )
        return linked

    def _load_state(self) -> None:
        """Reload the linker and clusterer when another writer has changed the store."""
        generation = int(self._meta("generation") or 0)
        if generation == self._generation:
            return
        conn = self._conn
        self._entities = EntityIndex.from_state(
            {"records": [json.loads(s) for (s,) in conn.execute("SELECT link_state FROM entities")]}
        )
        self._clusterer = StoryClusterer.from_state(
            {
                "n_docs": int(self._meta("cluster_docs") or 0),
                "df": dict(conn.execute("SELECT term, docs FROM cluster_terms").fetchall()),
                "stories": [
                    json.loads(s)
                    for (s,) in conn.execute("SELECT cluster_state FROM stories ORDER BY seq")
                ],
                "assignments": dict(
                    conn.execute("SELECT article, story FROM story_articles").fetchall()
                ),
            }
        )
        self._generation = generation

    # --- read path ---------------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, tuple(params)).fetchall()

    def _page(
        self, where: str, params: list[Any], count_sql: str, items_sql: str, offset: int, limit: int
    ) -> tuple[int, list[tuple[Any, ...]]]:
        total = self._rows(count_sql.format(where=where), params)[0][0]
        rows = self._rows(items_sql.format(where=where), [*params, limit, offset])
        return total, rows

    def list_articles(
        self,
        offset: int = 0,
        limit: int = 20,
        outlet: str | None = None,
        story: str | None = None,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> dict[str, Any]:
        """Articles newest first, without their text."""
        where, params = fts.filter_sql(fts.Filters(outlet, entity, story, date_from, date_to))
        total, rows = self._page(
            where,
            params,
            "SELECT count(*) FROM articles a WHERE 1 = 1{where}",
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source, a.language, "
            "a.is_article, sa.story FROM articles a "
            "LEFT JOIN story_articles sa ON sa.article = a.id "
            "WHERE 1 = 1{where} ORDER BY a.published IS NULL, a.published DESC, a.seq DESC "
            "LIMIT ? OFFSET ?",
            offset,
            limit,
        )
        keys = (
            "id",
            "title",
            "outlet",
            "published",
            "url",
            "source",
            "language",
            "is_article",
            "story",
        )
        items = [dict(zip(keys, row, strict=True)) for row in rows]
        for item in items:
            item["is_article"] = bool(item["is_article"])
        return {"total": total, "items": items}

    def list_stories(
        self, offset: int = 0, limit: int = 20, sort: str = "newest"
    ) -> dict[str, Any]:
        order = {
            "newest": "last_seen IS NULL, last_seen DESC, size DESC, id",
            "biggest": "size DESC, last_seen IS NULL, last_seen DESC, id",
        }[sort]
        total = self._rows("SELECT count(*) FROM stories")[0][0]
        rows = self._rows(
            f"SELECT data FROM stories ORDER BY {order} LIMIT ? OFFSET ?", (limit, offset)
        )
        return {"total": total, "items": [json.loads(d) for (d,) in rows]}

    def list_entities(
        self, offset: int = 0, limit: int = 20, type: str | None = None
    ) -> dict[str, Any]:
        where, params = (" WHERE type = ?", [type]) if type else ("", [])
        total = self._rows(f"SELECT count(*) FROM entities{where}", params)[0][0]
        rows = self._rows(
            f"SELECT data FROM entities{where} ORDER BY n_articles DESC, id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return {"total": total, "items": [json.loads(d) for (d,) in rows]}

    def list_events(
        self, offset: int = 0, limit: int = 20, type: str | None = None, story: str | None = None
    ) -> dict[str, Any]:
        """Story events (merged across the story's articles), newest first."""
        clauses, params = [], []
        if type:
            clauses.append("type = ?")
            params.append(type)
        if story:
            clauses.append("story = ?")
            params.append(story)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        total = self._rows(f"SELECT count(*) FROM events{where}", params)[0][0]
        rows = self._rows(
            f"SELECT story, data FROM events{where} "
            "ORDER BY date IS NULL, date DESC, story, position LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return {"total": total, "items": [{**json.loads(d), "story": s} for s, d in rows]}

    def search(
        self,
        q: str,
        offset: int = 0,
        limit: int = 20,
        outlet: str | None = None,
        entity: str | None = None,
        story: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> dict[str, Any]:
        with self._lock:
            filters = fts.Filters(outlet, entity, story, date_from, date_to)
            return self._search(q, filters, offset, limit)

    def get_doc(self, article_id: str) -> Doc | None:
        rows = self._rows("SELECT record FROM articles WHERE id = ?", (article_id,))
        return doc_from_record(rows[0][0], with_sentences=False) if rows else None

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        doc = self.get_doc(article_id)
        if doc is None:
            return None
        return {**doc_to_dict(doc), "story": self.story_of_article(article_id)}

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT data FROM stories WHERE id = ?", (story_id,))
        return json.loads(rows[0][0]) if rows else None

    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT data FROM entities WHERE id = ?", (entity_id,))
        return json.loads(rows[0][0]) if rows else None

    def story_of_article(self, article_id: str) -> str | None:
        rows = self._rows("SELECT story FROM story_articles WHERE article = ?", (article_id,))
        return rows[0][0] if rows else None

    def articles_per_day(self, story_id: str) -> list[tuple[str, int]]:
        """(YYYY-MM-DD, articles) for one story's chart."""
        return [
            (d, n)
            for d, n in self._rows(
                "SELECT substr(a.published, 1, 10) AS day, count(*) FROM story_articles sa "
                "JOIN articles a ON a.id = sa.article "
                "WHERE sa.story = ? AND a.published IS NOT NULL GROUP BY day ORDER BY day",
                (story_id,),
            )
        ]

    def outlets_of_story(self, story_id: str) -> list[tuple[str, int]]:
        """(outlet, articles) for one story's chart, most articles first."""
        return [
            (o, n)
            for o, n in self._rows(
                "SELECT a.outlet, count(*) AS n FROM story_articles sa JOIN articles a "
                "ON a.id = sa.article WHERE sa.story = ? AND a.outlet IS NOT NULL "
                "GROUP BY a.outlet ORDER BY n DESC, a.outlet",
                (story_id,),
            )
        ]

    def stats(self) -> dict[str, int]:
        counts = {}
        for name in ("articles", "stories", "entities", "events", "pages", "problems"):
            counts[name] = self._rows(f"SELECT count(*) FROM {name}")[0][0]
        return counts

    # --- whole-store views (export) ----------------------------------------------------

    def iter_docs(self) -> Iterator[Doc]:
        for (record,) in self._rows("SELECT record FROM articles ORDER BY source, id"):
            yield doc_from_record(record, with_sentences=False)

    def iter_stories(self) -> Iterator[Story]:
        for (record,) in self._rows("SELECT record FROM stories ORDER BY first_seen, id"):
            yield story_from_record(record)

    def analysis(self) -> Analysis:
        """Everything stored, as the Analysis that `marsad analyze` would write."""
        entities = [
            entity_from_dict(json.loads(d))
            for (d,) in self._rows("SELECT data FROM entities ORDER BY id")
        ]
        problems = [
            Problem(s, e)
            for s, e in self._rows("SELECT source, error FROM problems ORDER BY source, error")
        ]
        return Analysis(
            docs=tuple(self.iter_docs()),
            entities=tuple(entities),
            stories=tuple(self.iter_stories()),
            errors=tuple(problems),
        )

    def article_rows(self) -> Iterator[dict[str, Any]]:
        """One flat row per article (the CSV export)."""
        for doc in self.iter_docs():
            a = doc.article
            yield {
                "id": a.id,
                "source": a.source,
                "outlet": a.outlet,
                "published": a.published,
                "title": a.title,
                "is_article": int(a.is_article),
                "language": a.language,
                "mentions": len(doc.mentions),
                "quantities": len(doc.quantities),
                "times": len(doc.times),
                "quotes": len(doc.quotes),
                "events": len(doc.events),
                "story": self.story_of_article(a.id),
            }


def _analyse(page: RawPage, ctx: RunContext) -> Doc | Problem:
    """Clean and analyse one page (pure: no store access), or say why it failed."""
    articles, problems = clean_pages([page])
    if problems or not articles:
        return problems[0] if problems else Problem(page.source, "cleaning produced no article")
    article = articles[0]
    try:
        with time_limit(ctx.page_time_limit_s, article.source):
            return analyze_article(article, ctx)
    except MarsadError as exc:
        return Problem(article.source, str(exc))
    except Exception as exc:  # one bad page never stops an ingest
        log.exception("analysis failed for %s", article.source)
        return Problem(article.source, f"internal error while analysing: {exc!r}")


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]

"""The store: analysed pages kept in a database (SQLite, or PostgreSQL), added to over
many runs. It stores; it does not analyse differently from `marsad analyze`.

Write path (`ingest`, `ingest_one`, `add_analysed`): a page whose content hash is stored
is skipped; new pages go through the per-article stages (`pipeline.analyze_raw_pages`,
outside any lock), then, in ONE write transaction, the corpus step (`pipeline.Corpus`) runs
over every stored article and the new ones, and what changed is written (`write`). The
store therefore holds exactly what `marsad analyze` computes over the same pages, however
many runs brought them. A crash (even kill -9) loses at most the group being written; a
re-run completes it without duplicating anything.

Read path (`read.StoreReader`): lists and records for the API, the web pages, the report
and the exports; search lives in `search`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from marsad.errors import StoreError
from marsad.model import Doc, Entity, Problem, Query, RawPage, ResultPage, SearchHit
from marsad.pipeline import Corpus, RunContext, analyze_article, analyze_raw_pages
from marsad.store.backend import Backend
from marsad.store.migrations import migrate
from marsad.store.read import StoreReader
from marsad.store.records import doc_from_record, entity_from_record, now
from marsad.store.search import query_key
from marsad.store.write import write_corpus, write_entity_names

log = logging.getLogger(__name__)

Progress = Callable[[int], None]  # told the number of pages done (stored, skipped or failed)

# Pages analysed between two writes. The corpus step runs over the whole store at each
# write, so the group grows with the store (as many pages as are stored, at least this
# many): the stored corpus doubles from write to write, and a long ingest costs about two
# corpus steps over its pages in all, while a kill loses at most the group being analysed.
MIN_WRITE_GROUP = 16
ENTITY_NAMES_VERSION = 5  # the schema version that added search by any name of an entity


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    failed: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # about pages stored all the same


def open_store(path: str) -> Store:
    """Open (creating and migrating when needed) the store at `path`: a SQLite file, or a
    postgresql:// address for the PostgreSQL backend. A store that cannot be opened is a
    `StoreError` naming it, and a file this call created is removed again."""
    if path.startswith(("postgresql://", "postgres://")):
        return _open_postgres(path)
    import sqlite3

    from marsad.store.sqlite import SQLiteBackend

    created = not Path(path).exists()
    try:
        return Store(SQLiteBackend(path))
    except (sqlite3.Error, OSError) as exc:
        if created:
            for leftover in (path, f"{path}-wal", f"{path}-shm"):
                Path(leftover).unlink(missing_ok=True)
        reason = "not a marsad store (not a SQLite database)" if "not a database" in str(exc) else str(exc)
        raise StoreError(f"{path}: cannot open the store: {reason}") from exc


def _open_postgres(address: str) -> Store:
    import psycopg

    from marsad.store.postgres import PostgresBackend

    parts = urlsplit(address)
    shown = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()  # no password
    try:
        return Store(PostgresBackend(address))
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{shown}: cannot open the store: {reason}") from exc


class Store(StoreReader):
    """Thread-safe: writes from this process are serialised here, across processes by the
    database's writer lock; each reading thread reads through its own connection."""

    def __init__(self, backend: Backend) -> None:
        import threading

        self.backend = backend
        self._lock = threading.RLock()
        self._default_ctx: RunContext | None = None
        try:
            with self._transaction():
                before = self.schema_version()
                migrate(backend.migrations, self.schema_version, backend.writer().execute,
                        lambda n: self._set_meta("schema_version", str(n)))
                if 0 < before < ENTITY_NAMES_VERSION:  # an older store: name keys from its entities
                    write_entity_names(backend.writer(), self._stored_entities())
        except BaseException:
            backend.close()
            raise

    def close(self) -> None:
        with self._lock:
            self.backend.close()

    def _ctx(self) -> RunContext:
        # One default context per store, so the entity tagger is loaded once, not per page.
        if self._default_ctx is None:
            self._default_ctx = RunContext()
        return self._default_ctx

    # --- schema and transactions ----------------------------------------------------------

    def schema_version(self) -> int:
        if not self.backend.has_table("meta"):
            return 0
        return int(self._meta("schema_version") or 0)

    def _meta(self, key: str) -> str | None:
        row = self.backend.writer().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.backend.writer().execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
            conn = self.backend.writer()
            self.backend.begin_write()
            try:
                yield
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # --- search -------------------------------------------------------------------------------

    def search(self, query: Query) -> ResultPage[SearchHit]:
        """Articles with every word of the query; a query that is a name of an entity (or a
        person's surname) finds the articles of all its names too, unless `query.exact`."""
        return self.backend.search(query, {} if query.exact else self.entities_named(query.text))

    def entities_named(self, text: str) -> dict[str, tuple[str, ...]]:
        """Entity id -> its names, for the entities that `text` names."""
        key = query_key(text)
        if not key:
            return {}
        rows = self._rows("SELECT e.id, e.data FROM entity_names n JOIN entities e ON e.id = n.entity "
                          "WHERE n.key = ?", (key,))
        return {eid: tuple(json.loads(data)["aliases"]) for eid, data in rows}

    def _stored_entities(self) -> list[Entity]:
        rows = self.backend.writer().execute("SELECT data FROM entities").fetchall()
        return [entity_from_record(data) for (data,) in rows]

    # --- write path -----------------------------------------------------------------------

    def ingest(self, pages: Iterable[RawPage | Problem], ctx: RunContext | None = None,
               progress: Progress | None = None) -> IngestReport:
        """Add pages; `progress(n)` as pages are done (analysed, skipped as stored, or failed).
        The pages of one write group are cleaned together, as `marsad analyze` cleans the
        pages it is given: what cleaning learns across a site's pages (repeated furniture
        lines, a site's title affixes) comes from the pages of that group."""
        ctx = ctx or self._ctx()
        report = IngestReport()
        group: list[RawPage] = []
        seen: set[str] = set()
        stored = self._article_count()  # counted again after each write, not per page
        for page in pages:
            if isinstance(page, Problem):
                self.record_problem(page)
                (report.warnings if page.page_kept else report.failed).append(page)
                _tell(progress, 1)
            elif page.content_hash in seen or self._has_page(page.content_hash):
                report.duplicates += 1
                _tell(progress, 1)
            else:
                seen.add(page.content_hash)
                group.append(page)
                if len(group) >= max(MIN_WRITE_GROUP, stored):
                    self._add_pages(group, ctx, report, progress)
                    group = []
                    stored = self._article_count()
        if group:
            self._add_pages(group, ctx, report, progress)
        return report

    def ingest_one(self, page: RawPage, ctx: RunContext | None = None) -> dict[str, Any]:
        """Store one page: {"id", "story", "duplicate", "errors"}."""
        report = self.ingest([page], ctx)
        if report.failed:
            return {"id": None, "story": None, "duplicate": False, "errors": [p.error for p in report.failed]}
        article_id = self._page_article(page.content_hash)
        story = self.story_of_article(article_id) if article_id else None
        return {"id": article_id, "story": story, "duplicate": bool(report.duplicates), "errors": []}

    def add_analysed(self, analysed: Iterable[tuple[str, Doc]]) -> int:
        """Store pages analysed elsewhere by the per-article stages (`marsad batch --db` does
        it on Dask), given as (content hash, doc): one write, as `ingest` makes. Returns
        the number of articles added."""
        fresh = [(h, doc) for h, doc in analysed if not self._has_page(h)]
        before = self._article_count()
        self._commit([doc for _h, doc in fresh], [(h, doc.article.source, doc.id) for h, doc in fresh])
        return self._article_count() - before

    def _add_pages(self, pages: list[RawPage], ctx: RunContext, report: IngestReport,
                   progress: Progress | None) -> None:
        docs, problems = analyze_raw_pages(pages, ctx, progress=progress)
        unanalysed = {p.source for p in problems}  # pages to try again on a later run: no row in `pages`
        for problem in problems:
            self.record_problem(problem)
            report.failed.append(problem)
        doc_of = {doc.article.content_hash: doc.id for doc in docs}
        # A page that became no doc and no problem has the text of another page of this run.
        rows = [(p.content_hash, p.source, doc_of.get(p.content_hash)) for p in pages
                if p.content_hash in doc_of or p.source not in unanalysed]
        self._commit(docs, rows)
        report.added += len(docs)

    def _commit(self, docs: list[Doc], pages: list[tuple[str, str, str | None]]) -> None:
        """One write: the corpus step over the stored articles and `docs`, and its answer
        written (`write.write_corpus`). The writer lock is held throughout, so a second
        writer (another process) waits and then computes over this one's articles too."""
        with self._transaction():
            stored = self._analysed_docs()
            fresh = {d.id: d for d in docs if d.id not in stored}
            analysis = Corpus([*stored.values(), *fresh.values()], self._ctx()).add(())
            pages = [p for p in pages if not self._has_page(p[0])]
            write_corpus(self.backend, analysis, fresh, pages)

    def _analysed_docs(self) -> dict[str, Doc]:
        """Every stored article as the per-article stages left it. Stores written before the
        corpus step was shared (schema < 4) lack that record: those articles run through the
        per-article stages again, from their cleaned text."""
        docs: dict[str, Doc] = {}
        rows = self.backend.writer().execute("SELECT id, analysed, record FROM articles").fetchall()
        for article_id, analysed, record in rows:
            if analysed is not None:
                docs[article_id] = doc_from_record(analysed)
            else:
                docs[article_id] = analyze_article(doc_from_record(record, with_sentences=False).article, self._ctx())
        return docs

    def _article_count(self) -> int:
        with self._lock:
            return int(self.backend.writer().execute("SELECT count(*) FROM articles").fetchone()[0])

    def _has_page(self, content_hash: str) -> bool:
        with self._lock:  # the writer's connection: it sees this process's open write
            row = self.backend.writer().execute(
                "SELECT 1 FROM pages WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        return row is not None

    def _page_article(self, content_hash: str) -> str | None:
        row = self.backend.reader().execute(
            "SELECT article FROM pages WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def has_source(self, source: str) -> bool:
        """Whether a page from this source (a URL for fetched pages) is stored."""
        return bool(self._rows("SELECT 1 FROM pages WHERE source = ? LIMIT 1", (source,)))

    def record_problem(self, problem: Problem) -> None:
        """Keep a page that could not be read or analysed in the store's list of errors."""
        with self._transaction():
            self.backend.writer().execute(
                "INSERT INTO problems (source, error, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (problem.source, problem.error, now()),
            )


def _tell(progress: Progress | None, done: int) -> None:
    if progress is not None:
        progress(done)

"""The store's write side: bring the stored records to what the corpus step computed.

Called inside one write transaction (`Store._commit`). Only what changed is written: a
new article is inserted and indexed for search; an article, entity or story whose record
differs from the stored one is rewritten with its rows in the side tables (mentions,
entity_articles, story_articles, events); an entity or story the corpus no longer has is
deleted. Rows that point at others are removed before the rows they point at.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from marsad.model import Analysis, Doc, Entity, Story
from marsad.store.backend import Backend, Connection
from marsad.store.export import entity_to_dict, event_to_dict, story_to_dict
from marsad.store.records import doc_record, dumps, now, story_record
from marsad.store.search import name_keys


def _stored(conn: Connection, sql: str) -> dict[str, str]:
    return {key: value for key, value in conn.execute(sql).fetchall()}


def _in_chunks(conn: Connection, sql: str, keys: Sequence[str], size: int = 500) -> None:
    """`sql` with one `IN (...)` of many keys, a chunk at a time (SQLite binds ≤ 32,766)."""
    for begin in range(0, len(keys), size):
        part = keys[begin:begin + size]
        conn.execute(sql.format(marks=", ".join("?" * len(part))), part)


def write_corpus(backend: Backend, analysis: Analysis, analysed: dict[str, Doc],
                 pages: Iterable[tuple[str, str, str | None]]) -> None:
    """`analysis`: the corpus step over every doc; `analysed`: the per-article docs of the
    articles this write adds; `pages`: (content hash, source, article id) of the pages
    this write adds."""
    conn = backend.writer()
    stored_docs = _stored(conn, "SELECT id, record FROM articles")
    new_docs, changed_docs = [], []
    for doc in analysis.docs:
        record = doc_record(doc)
        if doc.id not in stored_docs:
            new_docs.append((doc, record))
        elif stored_docs[doc.id] != record:
            changed_docs.append((doc, record))
    entities = {e.id: (e, dumps(entity_to_dict(e))) for e in analysis.entities}
    stories = {s.id: (s, story_record(s)) for s in analysis.stories}
    stale_entities = _changed(_stored(conn, "SELECT id, data FROM entities"), entities)
    stale_stories = _changed(_stored(conn, "SELECT id, record FROM stories"), stories)

    # 1. rows that point at stale records
    _in_chunks(conn, "DELETE FROM mentions WHERE article IN ({marks})", [d.id for d, _ in changed_docs])
    _in_chunks(conn, "DELETE FROM entity_articles WHERE entity IN ({marks})", stale_entities)
    _in_chunks(conn, "DELETE FROM entity_names WHERE entity IN ({marks})", stale_entities)
    _in_chunks(conn, "DELETE FROM story_articles WHERE story IN ({marks})", stale_stories)
    _in_chunks(conn, "DELETE FROM events WHERE story IN ({marks})", stale_stories)
    # 2. the records
    gone_entities = [eid for eid in stale_entities if eid not in entities]
    gone_stories = [sid for sid in stale_stories if sid not in stories]
    _in_chunks(conn, "DELETE FROM entities WHERE id IN ({marks})", gone_entities)
    _in_chunks(conn, "DELETE FROM stories WHERE id IN ({marks})", gone_stories)
    conn.executemany(
        "INSERT INTO pages (content_hash, source, ingested_at, article) VALUES (?, ?, ?, ?)",
        [(h, source, now(), aid) for h, source, aid in pages],
    )
    for doc, record in new_docs:
        _insert_article(backend, doc, record, doc_record(analysed[doc.id]))
    for doc, record in changed_docs:
        _update_article(conn, doc, record, analysed.get(doc.id))
    _write_entities(conn, [entities[eid][0] for eid in stale_entities if eid in entities],
                    {eid: data for eid, (_e, data) in entities.items()})
    _write_stories(conn, [stories[sid] for sid in stale_stories if sid in stories])
    # 3. rows that point at the new records
    conn.executemany(
        "INSERT INTO mentions (article, start, stop, type, entity) VALUES (?, ?, ?, ?, ?)",
        [(doc.id, m.start, m.end, m.type, m.entity) for doc, _ in new_docs + changed_docs for m in doc.mentions],
    )


def _changed(stored: dict[str, str], now_: dict[str, tuple[Any, str]]) -> list[str]:
    """Ids whose record is new, different or gone, sorted."""
    ids = {i for i, (_item, record) in now_.items() if stored.get(i) != record}
    return sorted(ids | (stored.keys() - now_.keys()))


_ARTICLE_COLUMNS = "source, url, outlet, published, title, language, is_article, record"


def _article_values(doc: Doc, record: str) -> tuple[Any, ...]:
    a = doc.article
    return (a.source, a.url, a.outlet, a.published, a.title, a.language, int(a.is_article), record)


def _insert_article(backend: Backend, doc: Doc, record: str, analysed: str) -> None:
    a = doc.article
    cursor = backend.writer().execute(
        f"INSERT INTO articles (id, content_hash, {_ARTICLE_COLUMNS}, analysed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
        (a.id, a.content_hash, *_article_values(doc, record), analysed),
    )
    backend.index_article(cursor.fetchone()[0], a.title, a.text)


def _update_article(conn: Connection, doc: Doc, record: str, analysed: Doc | None) -> None:
    sets = ", ".join(f"{c} = ?" for c in _ARTICLE_COLUMNS.split(", "))
    conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*_article_values(doc, record), doc.id))
    if analysed is not None:  # the same page under an address earlier in sort order
        conn.execute("UPDATE articles SET analysed = ? WHERE id = ?", (doc_record(analysed), doc.id))


def _write_entities(conn: Connection, entities: list[Entity], data: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO entities (id, type, name, n_articles, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, "
        "n_articles = excluded.n_articles, data = excluded.data",
        [(e.id, e.type, e.name, len(e.articles), data[e.id]) for e in entities],
    )
    conn.executemany(
        "INSERT INTO entity_articles (entity, article) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(e.id, aid) for e in entities for aid in e.articles],
    )
    write_entity_names(conn, entities)


def write_entity_names(conn: Connection, entities: Iterable[Entity]) -> None:
    """The keys under which search finds each entity (`search.name_keys`)."""
    conn.executemany(
        "INSERT INTO entity_names (key, entity) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(key, e.id) for e in entities for key in sorted({k for n in e.aliases for k in name_keys(n, e.type)})],
    )


def _write_stories(conn: Connection, stories: list[tuple[Story, str]]) -> None:
    conn.executemany(
        "INSERT INTO stories (id, title, first_seen, last_seen, size, data, record) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
        "first_seen = excluded.first_seen, last_seen = excluded.last_seen, size = excluded.size, "
        "data = excluded.data, record = excluded.record",
        [(s.id, s.title, s.first_seen, s.last_seen, len(s.articles), dumps(story_to_dict(s)), record)
         for s, record in stories],
    )
    conn.executemany(
        "INSERT INTO story_articles (article, story) VALUES (?, ?)",
        [(aid, s.id) for s, _ in stories for aid in s.articles],
    )
    conn.executemany(
        "INSERT INTO events (story, position, id, type, date, data) VALUES (?, ?, ?, ?, ?, ?)",
        [(s.id, i, e.id, e.type, e.date, dumps(event_to_dict(e))) for s, _ in stories for i, e in enumerate(s.events)],
    )

"""The store's schema: numbered scripts per backend, applied in order and recorded in
`meta.schema_version` (`migrate`). Never edit a released entry: append a new one."""

from __future__ import annotations

from collections.abc import Callable

from marsad.store import search as fts

_CORPUS_STEP_SHARED = """
    ALTER TABLE articles ADD COLUMN analysed TEXT;
    DROP TABLE cluster_terms;
    ALTER TABLE entities DROP COLUMN link_state;
    ALTER TABLE stories DROP COLUMN cluster_state;
    ALTER TABLE story_articles DROP COLUMN vector;
"""

# The keys of an entity's names (`search.name_keys`); filled by the store when it writes
# entities (a store migrated to this version refills it from its entities on opening).
_ENTITY_NAMES = """
    CREATE TABLE entity_names (
        key TEXT NOT NULL, entity TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (key, entity)
    );
    CREATE INDEX entity_names_by_entity ON entity_names(entity);
"""

SQLITE_MIGRATIONS: list[str] = [
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
    # 4: the store keeps each doc as the per-article stages left it (`analysed`), the input
    # of the one corpus step that analyze runs too; the linker's and clusterer's own state
    # is no longer kept (the corpus step is recomputed from the analysed docs).
    _CORPUS_STEP_SHARED,
    # 5: search finds an entity by any of its names (and a person by surname)
    _ENTITY_NAMES,
]

PG_MIGRATIONS: list[str] = [
    # 1: the model's records (as SQLite's, with PostgreSQL's types)
    SQLITE_MIGRATIONS[0]
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
    # 3, 4, 5: as SQLite's
    SQLITE_MIGRATIONS[2],
    SQLITE_MIGRATIONS[3],
    SQLITE_MIGRATIONS[4],
]


def statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def migrate(
    scripts: list[str],
    version: Callable[[], int],
    run: Callable[[str], object],
    set_version: Callable[[int], None],
) -> None:
    """Apply the scripts after `version()`, each statement through `run`; the caller holds
    one transaction around it, so a failed migration leaves the schema as it was."""
    done = version()
    for number, script in enumerate(scripts, start=1):
        if number <= done:
            continue
        for statement in statements(script):
            run(statement)
        set_version(number)

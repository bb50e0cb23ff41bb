"""Where an entity index keeps its records and name lookups: dicts (`MemoryNames`, for
`marsad analyze` and the store) or a scratch database (`StoredNames`, for `marsad batch`).
Both answer the same questions; the links they give are the same."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator, MutableMapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from marsad.run.caching import WORD_CACHE_SIZE, WordCache
from marsad.run.scratch import SpilledMapping, transaction


@dataclass
class EntityRecord:
    """One entity: its names as written (with counts), match keys, skeletons, articles, roles."""

    id: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    skeletons: set[str] = field(default_factory=set)
    articles: list[str] = field(default_factory=list)
    roles: Counter[str] = field(default_factory=Counter)
    # Articles that name this person in full (counted before linking, by
    # `EntityIndex.register_full_names`): how well a bare surname's owners are known.
    full_name_docs: int = 0
    # The names of the articles that name it in full, while they are few (`marsad.link.context`).
    context: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "names": dict(self.names), "keys": sorted(self.keys),
                "skeletons": sorted(self.skeletons), "articles": self.articles, "roles": dict(self.roles),
                "full_name_docs": self.full_name_docs, "context": sorted(self.context)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EntityRecord:
        return cls(d["id"], d["type"], Counter(d["names"]), set(d["keys"]), set(d["skeletons"]),
                   list(d["articles"]), Counter(d["roles"]), d.get("full_name_docs", 0), set(d.get("context", ())))


class Records:
    """The records by id, in a dict or a `SpilledMapping` (a record changed is saved)."""

    records: MutableMapping[str, EntityRecord]

    def record(self, rid: str) -> EntityRecord:
        return self.records[rid]

    def has_record(self, rid: str) -> bool:
        return rid in self.records

    def save(self, record: EntityRecord) -> None:
        self.records[record.id] = record


class MemoryNames(Records):
    """An index's records and name lookups, in dicts (`marsad analyze`, the store)."""

    def __init__(self) -> None:
        self.records: dict[str, EntityRecord] = {}
        self.by_key: dict[tuple[str, str], str] = {}
        self.by_skeleton: dict[tuple[str, str], set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.given_names: set[str] = set()  # first words of full person names
        # Every key of every record, and the last words of multi-word ones: what a glued
        # proclitic may be cut down to ("لواشنطن" -> واشنطن).
        self.known_keys: set[str] = set()

    def records_by_id(self) -> Iterator[EntityRecord]:
        return iter(sorted(self.records.values(), key=lambda r: r.id))

    def writing(self) -> AbstractContextManager[None]:
        return nullcontext()

    def key_owner(self, etype: str, key: str) -> str | None:
        return self.by_key.get((etype, key))

    def add_key(self, etype: str, key: str, rid: str) -> None:
        self.by_key.setdefault((etype, key), rid)  # the first record with a key keeps it
        self.known_keys.add(key)
        if " " in key:
            self.known_keys.add(key.split()[-1])

    def skeleton_owners(self, etype: str, skel: str) -> set[str]:
        return self.by_skeleton.get((etype, skel), set())

    def add_skeleton(self, etype: str, skel: str, rid: str) -> None:
        self.by_skeleton.setdefault((etype, skel), set()).add(rid)

    def surname_owners(self, surname: str) -> set[str]:
        return self.by_surname.get(surname, set())

    def add_surname(self, surname: str, rid: str) -> None:
        self.by_surname.setdefault(surname, set()).add(rid)

    def add_given_name(self, word: str) -> None:
        self.given_names.add(word)

    def is_given_name(self, word: str) -> bool:
        return word in self.given_names

    def __contains__(self, key: object) -> bool:  # a known key (see known_keys)
        return key in self.known_keys

    def add_article(self, record: EntityRecord, doc_id: str) -> None:
        if doc_id not in record.articles:
            record.articles.append(doc_id)

    def articles_of(self, record: EntityRecord) -> list[str]:
        return record.articles


# Entity records held in memory by `StoredNames`: the frequent names of a run (a record
# is ~1.6 KB on SaudiNewsNet; 41,000 records at 24,000 articles, most seen once).
HOT_RECORDS = 5_000


class StoredNames(Records):
    """The same, in a scratch database (`marsad.run.scratch`): for `marsad batch`, whose run may
    meet a new name in every article. Records are held in a `SpilledMapping`; the lookups
    are indexed tables; a record's articles are rows of their own (the pairs of entity and
    article are what grows with every page), not a list in the record."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.records: SpilledMapping[EntityRecord] = SpilledMapping(db, "entity_records", HOT_RECORDS)
        db.executescript("""
            CREATE TABLE entity_keys (type TEXT, key TEXT, id TEXT NOT NULL, PRIMARY KEY (type, key)) WITHOUT ROWID;
            CREATE TABLE entity_skeletons (type TEXT, skel TEXT, id TEXT, PRIMARY KEY (type, skel, id)) WITHOUT ROWID;
            CREATE TABLE entity_surnames (surname TEXT, id TEXT, PRIMARY KEY (surname, id)) WITHOUT ROWID;
            CREATE TABLE entity_given_names (word TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE entity_known (key TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE entity_articles (id TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (id, doc));
        """)
        # What the tables have said, for the words asked again and again (every mention of
        # a name asks its keys): a key keeps its first owner and a known key or given name
        # stays known, so an answer once found holds for the run (bounded: hot words only).
        self._owners: WordCache[tuple[str, str], str] = WordCache(WORD_CACHE_SIZE)
        self._known: WordCache[str, bool] = WordCache(WORD_CACHE_SIZE)
        self._given: WordCache[str, bool] = WordCache(WORD_CACHE_SIZE)

    def records_by_id(self) -> Iterator[EntityRecord]:
        return self.records.values_by_key()

    def writing(self) -> AbstractContextManager[None]:
        """One transaction for an article's writes (a commit per statement costs more)."""
        return transaction(self.db)

    def key_owner(self, etype: str, key: str) -> str | None:
        owner = self._owners.get((etype, key))
        if owner is None:
            row = self.db.execute("SELECT id FROM entity_keys WHERE type = ? AND key = ?", (etype, key)).fetchone()
            if row:
                owner = self._owners.put((etype, key), row[0])
        return owner

    def add_key(self, etype: str, key: str, rid: str) -> None:
        if self._owners.get((etype, key)) is not None:
            return  # owned already, so known already: the inserts would all be ignored
        self.db.execute("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?)", (etype, key, rid))
        self.db.execute("INSERT OR IGNORE INTO entity_known VALUES (?)", (key,))
        if " " in key:
            self.db.execute("INSERT OR IGNORE INTO entity_known VALUES (?)", (key.split()[-1],))

    def skeleton_owners(self, etype: str, skel: str) -> set[str]:
        return {row[0] for row in self.db.execute(
            "SELECT id FROM entity_skeletons WHERE type = ? AND skel = ?", (etype, skel))}

    def add_skeleton(self, etype: str, skel: str, rid: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO entity_skeletons VALUES (?, ?, ?)", (etype, skel, rid))

    def surname_owners(self, surname: str) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM entity_surnames WHERE surname = ?", (surname,))}

    def add_surname(self, surname: str, rid: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO entity_surnames VALUES (?, ?)", (surname, rid))

    def add_given_name(self, word: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO entity_given_names VALUES (?)", (word,))

    def is_given_name(self, word: str) -> bool:
        return self._has_row(self._given, "SELECT 1 FROM entity_given_names WHERE word = ?", word)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._has_row(self._known, "SELECT 1 FROM entity_known WHERE key = ?", key)

    def _has_row(self, seen: WordCache[str, bool], query: str, value: str) -> bool:
        """Whether `query` finds a row for `value`; a row found is remembered in `seen`
        (rows are never deleted in a run; a miss is asked again, the row may come later)."""
        if seen.get(value):
            return True
        found = self.db.execute(query, (value,)).fetchone() is not None
        if found:
            seen.put(value, True)
        return found

    def add_article(self, record: EntityRecord, doc_id: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO entity_articles VALUES (?, ?)", (record.id, doc_id))

    def articles_of(self, record: EntityRecord) -> list[str]:
        return [row[0] for row in self.db.execute(
            "SELECT doc FROM entity_articles WHERE id = ? ORDER BY rowid", (record.id,))]

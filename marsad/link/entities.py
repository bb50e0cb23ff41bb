"""One record per real-world entity, across every spelling and every article.

Within an article a surname or short form joins the full name seen there ("الكاظمي" →
"مصطفى الكاظمي"), and a role-only reference joins the person it names. Across articles,
names meet on their match key, on a known alias (داعش / تنظيم الدولة), or on the
transliteration skeleton of a full name (ماكغورك / ماجورك). A false merge is worse than a
missed one: a bare surname joins only when one person of that surname is known, and two
full names with different first names never merge.

`EntityIndex` is incremental (the store adds one article at a time) and serialisable;
`link_entities` runs it over a list of docs in a canonical order.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sqlite3
from collections import Counter
from collections.abc import Container, Iterable, Iterator, MutableMapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from marsad.arabic.normalize import match_key
from marsad.link.transliteration import name_similarity, skeleton
from marsad.model import Doc, Entity, Mention
from marsad.run.scratch import SpilledMapping, transaction
from marsad.settings import PACKAGE_DIR

ALIASES_FILE = PACKAGE_DIR / "arabic" / "lexicon" / "aliases.tsv"
# Two full person names merge across articles when their skeletons are this similar (0–100)
# and have the same number of words: 92 joins ماكغورك/ماكجورك-style variants in the tests
# while keeping names that differ by one real consonant apart.
PERSON_SIMILARITY = 92.0
_EDGE_PUNCT = "،,.:؛\"'«»()[]“”-–—"


@lru_cache(maxsize=1)
def alias_table() -> dict[tuple[str, str], str]:
    """(type, match key) -> canonical key, from the team's alias list."""
    table: dict[tuple[str, str], str] = {}
    for line in ALIASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        etype, _, names = line.partition("\t")
        forms = [match_key(n) for n in names.split("|") if n.strip()]
        for form in forms:
            table[(etype.strip(), form)] = forms[0]
    return table


def name_key(text: str, known: Container[str] = frozenset()) -> str:
    """Match key of a mention's name, with glued proclitics removed where safe:
    والعراق / بالعراق / للعراق → العراق; لواشنطن → واشنطن when واشنطن is known."""
    key = match_key(text.strip(_EDGE_PUNCT)).replace("ـ", "")
    if key.startswith("لل") and len(key) > 4:
        return "ال" + key[2:]
    for prefix in ("وبال", "وال", "فال", "بال", "كال", "ولل"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            return ("ال" + key[len(prefix):]) if prefix != "ولل" else "ال" + key[3:]
    for prefix in ("وب", "ول", "و", "ف", "ب", "ل", "ك"):
        rest = key[len(prefix):]
        if key.startswith(prefix) and rest in known:
            return rest
    return key


@dataclass
class _Record:
    id: str
    type: str
    names: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    skeletons: set[str] = field(default_factory=set)
    articles: list[str] = field(default_factory=list)
    roles: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "names": dict(self.names), "keys": sorted(self.keys),
                "skeletons": sorted(self.skeletons), "articles": self.articles, "roles": dict(self.roles)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> _Record:
        return cls(d["id"], d["type"], Counter(d["names"]), set(d["keys"]), set(d["skeletons"]),
                   list(d["articles"]), Counter(d["roles"]))


@dataclass
class _LocalCluster:
    """Mentions of one entity inside one article."""

    type: str
    mentions: list[int] = field(default_factory=list)  # indexes into the doc's mentions
    names: list[str] = field(default_factory=list)  # display names (clitics removed)
    keys: set[str] = field(default_factory=set)

    @property
    def full_name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def _display_name(text: str, key: str, original_key: str) -> str:
    """The surface form without the clitics that name_key removed (diacritics kept)."""
    text = text.strip(_EDGE_PUNCT).replace("ـ", "")
    if key == original_key:
        return text
    if "لل" in original_key[:3] and key.startswith("ال"):  # للعراق / وللعراق -> العراق
        at = text.find("لل")
        return "ال" + text[at + 2:]
    drop = len(original_key) - len(key)
    i = 0
    while drop > 0 and i < len(text):
        if not _MARKS.match(text[i]):
            drop -= 1
        i += 1
    while i < len(text) and _MARKS.match(text[i]):
        i += 1
    return text[i:]


_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670]")


class _Records:
    """The records by id, in a dict or a `SpilledMapping` (a record changed is saved)."""

    records: MutableMapping[str, _Record]

    def record(self, rid: str) -> _Record:
        return self.records[rid]

    def has_record(self, rid: str) -> bool:
        return rid in self.records

    def save(self, record: _Record) -> None:
        self.records[record.id] = record


class _MemoryNames(_Records):
    """An index's records and name lookups, in dicts (`marsad analyze`, the store)."""

    def __init__(self) -> None:
        self.records: dict[str, _Record] = {}
        self.by_key: dict[tuple[str, str], str] = {}
        self.by_skeleton: dict[tuple[str, str], set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        # Every key of every record, and the last words of multi-word ones: what a glued
        # proclitic may be cut down to ("لواشنطن" -> واشنطن).
        self.known_keys: set[str] = set()

    def records_by_id(self) -> Iterator[_Record]:
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

    def __contains__(self, key: object) -> bool:  # a known key (see known_keys)
        return key in self.known_keys

    def add_article(self, record: _Record, doc_id: str) -> None:
        if doc_id not in record.articles:
            record.articles.append(doc_id)

    def articles_of(self, record: _Record) -> list[str]:
        return record.articles


# Entity records held in memory by `_StoredNames`: the frequent names of a run (a record
# is ~1.6 KB on SaudiNewsNet; 41,000 records at 24,000 articles, most seen once).
_HOT_RECORDS = 5_000


class _StoredNames(_Records):
    """The same, in a scratch database (`marsad.run.scratch`): for `marsad batch`, whose run may
    meet a new name in every article. Records are held in a `SpilledMapping`; the lookups
    are indexed tables; a record's articles are rows of their own (the pairs of entity and
    article are what grows with every page), not a list in the record."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.records: SpilledMapping[_Record] = SpilledMapping(db, "entity_records", _HOT_RECORDS)
        db.executescript("""
            CREATE TABLE entity_keys (type TEXT, key TEXT, id TEXT NOT NULL, PRIMARY KEY (type, key)) WITHOUT ROWID;
            CREATE TABLE entity_skeletons (type TEXT, skel TEXT, id TEXT, PRIMARY KEY (type, skel, id)) WITHOUT ROWID;
            CREATE TABLE entity_surnames (surname TEXT, id TEXT, PRIMARY KEY (surname, id)) WITHOUT ROWID;
            CREATE TABLE entity_known (key TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE entity_articles (id TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (id, doc));
        """)

    def records_by_id(self) -> Iterator[_Record]:
        return self.records.values_by_key()

    def writing(self) -> AbstractContextManager[None]:
        """One transaction for an article's writes (a commit per statement costs more)."""
        return transaction(self.db)

    def key_owner(self, etype: str, key: str) -> str | None:
        row = self.db.execute("SELECT id FROM entity_keys WHERE type = ? AND key = ?", (etype, key)).fetchone()
        return row[0] if row else None

    def add_key(self, etype: str, key: str, rid: str) -> None:
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

    def __contains__(self, key: object) -> bool:
        return self.db.execute("SELECT 1 FROM entity_known WHERE key = ?", (key,)).fetchone() is not None

    def add_article(self, record: _Record, doc_id: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO entity_articles VALUES (?, ?)", (record.id, doc_id))

    def articles_of(self, record: _Record) -> list[str]:
        return [row[0] for row in self.db.execute(
            "SELECT doc FROM entity_articles WHERE id = ? ORDER BY rowid", (record.id,))]


class EntityIndex:
    """Entities known so far; `add_doc` links one article's mentions against them. `db`:
    a scratch database to keep the records and lookups in (`_StoredNames`), instead of
    dicts; the links are the same."""

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.names: _MemoryNames | _StoredNames = _MemoryNames() if db is None else _StoredNames(db)

    # --- persistence ---------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        return {"records": [self._with_articles(r).to_dict() for r in self.names.records_by_id()]}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> EntityIndex:
        index = cls()
        for d in state.get("records", []):
            record = _Record.from_dict(d)
            index._register(record, record.keys, record.skeletons)
        return index

    def _register(self, record: _Record, keys: Iterable[str], skeletons: Iterable[str]) -> None:
        """Save the record, and index these keys and skeletons of it (the ones it did not
        have before: the others are indexed already)."""
        self.names.save(record)
        for key in keys:
            self.names.add_key(record.type, key, record.id)
            if record.type == "PER" and len(key.split()) >= 2:
                self.names.add_surname(key.split()[-1], record.id)
        for skel in skeletons:
            self.names.add_skeleton(record.type, skel, record.id)

    def record(self, rid: str) -> _Record:
        return self.names.record(rid)

    # --- linking ---------------------------------------------------------------------------

    def add_doc(self, doc: Doc) -> Doc:
        """Give every mention of `doc` an entity id, creating entities as needed."""
        mentions = list(doc.mentions)
        if not mentions:
            return doc
        clusters = self._local_clusters(mentions)
        ids: dict[int, str] = {}
        with self.names.writing():
            for cluster in clusters:
                record = self._match(cluster) or self._new_record(cluster)
                self._absorb(record, cluster, mentions, doc.id)
                for i in cluster.mentions:
                    ids[i] = record.id
        linked = tuple(dataclasses.replace(m, entity=ids.get(i)) for i, m in enumerate(mentions))
        return dataclasses.replace(doc, mentions=linked)

    def register_full_names(self, docs: Iterable[Doc]) -> None:
        """Create (or find) the records of every full person name, without counting them
        as seen in any article yet."""
        for doc in docs:
            people = [m for m in doc.mentions if m.type == "PER" and not m.antecedent and len(m.text.split()) >= 2]
            with self.names.writing():
                self._register_people(people)

    def _register_people(self, people: list[Mention]) -> None:
        for cluster in self._local_clusters(people):
            if len(cluster.full_name.split()) < 2:
                continue
            record = self._match(cluster) or self._new_record(cluster)
            keys = cluster.keys - record.keys
            skeletons = {skeleton(n) for n in cluster.names} - record.skeletons
            record.keys |= keys
            record.skeletons |= skeletons
            self._register(record, keys, skeletons)

    def _local_clusters(self, mentions: list[Mention]) -> list[_LocalCluster]:
        local = {match_key(m.text.strip(_EDGE_PUNCT)) for m in mentions}
        local |= {k.split()[-1] for k in local if " " in k}  # surnames: "وماكغورك" -> ماكغورك
        known = _EitherSet(local, self.names)
        clusters: list[_LocalCluster] = []
        by_key: dict[tuple[str, str], _LocalCluster] = {}
        deferred: list[tuple[int, Mention, str, str]] = []
        order = sorted(range(len(mentions)), key=lambda i: -len(mentions[i].text.split()))
        for i in order:  # longest names first, so short forms find their full name
            m = mentions[i]
            if m.antecedent:
                deferred.append((i, m, "", ""))
                continue
            original = match_key(m.text.strip(_EDGE_PUNCT))
            key = name_key(m.text, known)
            display = _display_name(m.text, key, original)
            key = alias_table().get((m.type, key), key)
            target = by_key.get((m.type, key)) or self._local_short_form(clusters, m.type, key)
            if target is None:
                target = _LocalCluster(m.type)
                clusters.append(target)
            target.mentions.append(i)
            target.names.append(display)
            target.keys.add(key)
            by_key[(m.type, key)] = target
        for i, m, _, _ in deferred:  # role-only references join their person
            ante = name_key(m.antecedent or "", known)
            target = by_key.get(("PER", ante)) or self._local_short_form(clusters, "PER", ante)
            if target is not None:
                target.mentions.append(i)
        return clusters

    @staticmethod
    def _local_short_form(clusters: list[_LocalCluster], etype: str, key: str) -> _LocalCluster | None:
        """A person's surname or partial name joins the one full name in the article that ends
        with (or contains) it; two candidates mean ambiguity and no join."""
        if etype != "PER":
            return None
        words = key.split()
        hits = [c for c in clusters if c.type == "PER" and any(
            len(k.split()) > len(words) and _is_subsequence(words, k.split()) for k in c.keys)]
        return hits[0] if len(hits) == 1 else None

    def _match(self, cluster: _LocalCluster) -> _Record | None:
        # Longest key first; ties by the key itself, not the set's order (which is the hash seed's).
        for key in sorted(cluster.keys, key=lambda k: (-len(k), k)):
            rid = self.names.key_owner(cluster.type, key)
            if rid:
                return self.names.record(rid)
        full = cluster.full_name
        skel = skeleton(full)
        words = len(full.split())
        if cluster.type != "PER" or words >= 2:
            hits = self.names.skeleton_owners(cluster.type, skel)
            if len(hits) == 1:
                return self.names.record(next(iter(hits)))
        if cluster.type == "PER" and words >= 2:
            surname = match_key(full).split()[-1]
            for rid in sorted(self.names.surname_owners(surname)):
                record = self.names.record(rid)
                if any(len(k.split()) == words and name_similarity(k, full) >= PERSON_SIMILARITY for k in record.keys):
                    return record
        if cluster.type == "PER" and words == 1:
            # A bare surname joins the one known person of that surname, never one of several.
            hits = self.names.surname_owners(match_key(full))
            if len(hits) == 1:
                return self.names.record(next(iter(hits)))
        return None

    def _new_record(self, cluster: _LocalCluster) -> _Record:
        canonical = max(cluster.keys, key=lambda k: (len(k.split()), len(k), k))  # ties: not by set order
        digest = hashlib.sha1(f"{cluster.type}|{canonical}".encode()).hexdigest()[:12]
        record = _Record(id=f"e{digest}", type=cluster.type)
        while self.names.has_record(record.id):  # a hash collision with another name: extend
            digest = hashlib.sha1(digest.encode()).hexdigest()[:12]
            record.id = f"e{digest}"
        return record

    def _absorb(self, record: _Record, cluster: _LocalCluster, mentions: list[Mention], doc_id: str) -> None:
        record.names.update(cluster.names)
        keys = cluster.keys - record.keys
        record.keys |= keys
        skeletons = {skeleton(name) for name in cluster.names
                     if cluster.type != "PER" or len(name.split()) >= 2} - record.skeletons
        record.skeletons |= skeletons
        self.names.add_article(record, doc_id)
        for i in cluster.mentions:
            if mentions[i].role:
                record.roles[" ".join(mentions[i].role.split())] += 1
        self._register(record, keys, skeletons)

    def entities(self) -> Iterator[Entity]:
        """Every entity, by id, one at a time (they may be read from the scratch database)."""
        # A full name registered up front but never linked in any article has no record to show.
        return (self.entity(r) for r in self.names.records_by_id() if r.names)

    def entity(self, record: _Record) -> Entity:
        # The fullest common spelling: most words first, then most frequent, then shortest.
        name = max(record.names, key=lambda n: (len(n.split()), record.names[n], -len(n)))
        aliases = tuple(sorted(record.names, key=lambda n: (-record.names[n], n)))
        roles = tuple(r for r, _ in record.roles.most_common())
        return Entity(id=record.id, type=record.type, name=name, aliases=aliases,  # type: ignore[arg-type]
                      articles=tuple(self.names.articles_of(record)), roles=roles)

    def _with_articles(self, record: _Record) -> _Record:
        return dataclasses.replace(record, articles=self.names.articles_of(record))


class _EitherSet(Container[str]):
    """Membership in either of two sets (or the known keys of an index), without building
    their union."""

    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, item: object) -> bool:
        return item in self.first or item in self.second


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    """"ماكغورك" in "بريت ماكغورك"; "مصطفى الكاظمي" in "مصطفى عبد اللطيف الكاظمي"."""
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def link_entities(docs: list[Doc]) -> tuple[list[Doc], list[Entity]]:
    """Link every doc's mentions; docs are linked in the order given (callers sort them).

    Full person names are registered first, so that a bare surname in an early article
    ("ماكغورك") finds the person a later article names in full.
    """
    index = EntityIndex()
    index.register_full_names(docs)
    linked = [index.add_doc(doc) for doc in docs]
    return linked, list(index.entities())


"""One record per real-world entity, across every spelling and every article.

Within an article a surname or short form joins the full name seen there ("الكاظمي" →
"مصطفى الكاظمي"), and a role-only reference joins the person it names. Across articles,
names meet on their match key, on a known alias (داعش / تنظيم الدولة), or on a spelling
variant: the same transliteration skeleton, and letters that agree once transliteration
is folded (`spellings_agree`: ماكغورك / ماجورك, not سوريا / سويسرا), of the same type, and
not two different gazetteer entries (الدمام / دوما). A false merge is worse than a missed
one: a bare surname joins only the person the corpus names with it (one person, or one
who has nearly all its full-name mentions), and two full names whose first names differ
never merge.

`EntityIndex` is incremental (the store adds one article at a time) and serialisable;
`link_entities` runs it over a list of docs in a canonical order.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import word_frequencies
from marsad.link.context import ArticleContexts, context_keys
from marsad.link.names import (
    EitherSet,
    PersonVotes,
    alias_table,
    article_added_to_a_name,
    different_known_entries,
    display_name,
    gazetteer_type,
    known_entry_key,
    name_key,
    raw_key,
    sovereign_titles,
)
from marsad.link.neighbours import holds_all, name_words_beside
from marsad.link.records import EntityRecord, MemoryNames, StoredNames
from marsad.link.short_forms import is_first_name_of, is_short_form, surname_of
from marsad.link.transliteration import COMMON_SPELLING, skeleton, spellings_agree
from marsad.model import Doc, Entity, Mention

# A bare surname that several full names end with joins the one named in full in this many
# times as many articles as any other: باراك أوباما (14 and 15 articles in two samples of
# 1,000 SaudiNewsNet articles) over the tagger's "رؤية أوباما", "بفيتو أوباما" ... (one
# each, eight of them in one sample: a share of all owners would fail there); two real
# people of one surname (جو بايدن / هانتر بايدن) are rarely so lopsided.
DOMINANT_RATIO = 5
# ...and at least this many articles name it in full, also when it is the only owner of a
# surname that is a frequent word (one article is no evidence of a corpus's usage).
DOMINANT_MIN_DOCS = 2


@dataclass
class _LocalCluster:
    """Mentions of one entity inside one article."""

    type: str
    mentions: list[int] = field(default_factory=list)  # indexes into the doc's mentions
    names: list[str] = field(default_factory=list)  # display names (clitics removed)
    keys: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # sovereign titles its mentions carry (الملك، الأمير)
    beside: tuple[str, ...] = ()  # a one-word person's words beside it that are its name's (`name_words_beside`)

    @property
    def full_name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


class EntityIndex:
    """Entities known so far; `add_doc` links one article's mentions against them. `db`:
    a scratch database to keep the records and lookups in (`StoredNames`), instead of
    dicts; the links are the same."""

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.names: MemoryNames | StoredNames = MemoryNames() if db is None else StoredNames(db)
        self.person_votes = PersonVotes()  # `register_full_names` counts them
        self.contexts = ArticleContexts()  # ...and these

    # --- persistence ---------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        return {"records": [self._with_articles(r).to_dict() for r in self.names.records_by_id()]}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> EntityIndex:
        index = cls()
        for d in state.get("records", []):
            record = EntityRecord.from_dict(d)
            index._register(record, record.keys, record.skeletons)
        return index

    def _register(self, record: EntityRecord, keys: Iterable[str], skeletons: Iterable[str]) -> None:
        """Save the record, and index these keys and skeletons of it (the ones it did not
        have before: the others are indexed already)."""
        self.names.save(record)
        for key in keys:
            # A first name joined its full name in one article ("عبد الله" of "عبد الله
            # الأول"); elsewhere it is anyone of that name, so it finds no record.
            if record.type == "PER" and is_first_name_of(key, record.keys):
                continue
            self.names.add_key(record.type, key, record.id)
            surname = surname_of(key) if record.type == "PER" else None
            if surname:
                self.names.add_surname(surname, record.id)
                self.names.add_given_name(key.split()[0])
        for skel in skeletons:
            self.names.add_skeleton(record.type, skel, record.id)

    def record(self, rid: str) -> EntityRecord:
        return self.names.record(rid)

    # --- linking ---------------------------------------------------------------------------

    def add_doc(self, doc: Doc) -> Doc:
        """Give every mention of `doc` an entity id, creating entities as needed."""
        mentions = [self.person_votes.retyped(m) for m in doc.mentions]
        if not mentions:
            return doc
        spans = [(m.start, m.end) for m in mentions]
        beside = {i: words for i, m in enumerate(mentions) if m.type == "PER" and " " not in m.text.strip()
                  and (words := name_words_beside(doc.article.text, m, spans, self.names.is_given_name))}
        clusters = self._local_clusters(mentions, beside)
        # (asked only of a bare name whose person few articles name in full: worked out then)
        context = cache(lambda: context_keys(mentions))
        ids: dict[int, str] = {}
        with self.names.writing():
            for cluster in clusters:
                record = self._match(cluster, context) or self._new_record(cluster)
                self._absorb(record, cluster, mentions, doc.id)
                for i in cluster.mentions:
                    ids[i] = record.id
        linked = tuple(_with_entity(m, ids.get(i)) for i, m in enumerate(mentions))
        return dataclasses.replace(doc, mentions=linked)

    def register_full_names(self, docs: Iterable[Doc]) -> None:
        """Create (or find) the records of every full person name, without counting them
        as seen in any article yet (but counting the articles that name each in full)."""
        for doc in docs:
            self.register_full_names_of(doc.mentions)

    def register_full_names_of(self, mentions: Sequence[Mention], context: frozenset[str] | None = None) -> None:
        """`register_full_names` of one article, given its mentions (all it reads of it) and,
        when worked out already (`marsad batch`'s workers do), their `context_keys`."""
        self.person_votes.count(mentions)
        people = [m for m in mentions if m.type == "PER" and not m.antecedent and len(m.text.split()) >= 2]
        context = context_keys(mentions) if context is None else context
        self.contexts.count(context)
        with self.names.writing():
            self._register_people(people, context)

    def _register_people(self, people: list[Mention], context: frozenset[str] = frozenset()) -> None:
        for cluster in self._local_clusters(people):
            if len(cluster.full_name.split()) < 2:
                continue
            record = self._match(cluster) or self._new_record(cluster)
            keys = cluster.keys - record.keys
            skeletons = _lookup_skeletons(cluster, record) - record.skeletons
            record.keys |= keys
            record.skeletons |= skeletons
            if record.full_name_docs < DOMINANT_MIN_DOCS:  # (only a person named in few articles needs it)
                record.context |= context - {skeleton(k) for k in cluster.keys}
            record.full_name_docs += 1
            self._register(record, keys, skeletons)

    def _local_clusters(self, mentions: list[Mention],
                        beside: dict[int, tuple[str, ...]] | None = None) -> list[_LocalCluster]:
        local = {raw_key(m.text) for m in mentions}
        local |= {k.split()[-1] for k in local if " " in k}  # surnames: "وماكغورك" -> ماكغورك
        known = EitherSet(local, self.names)
        clusters: list[_LocalCluster] = []
        by_key: dict[tuple[str, str], _LocalCluster] = {}
        by_name_beside: dict[tuple[str, str, tuple[str, ...]], _LocalCluster] = {}
        deferred: list[tuple[int, Mention]] = []
        order = sorted(range(len(mentions)), key=lambda i: -len(mentions[i].text.split()))
        for i in order:  # longest names first, so short forms find their full name
            m = mentions[i]
            if m.antecedent:
                deferred.append((i, m))
                continue
            key = name_key(m.text, known)
            display = display_name(m.text, key, raw_key(m.text))
            key = alias_table().get((m.type, key)) or known_entry_key(m.type, key) or key
            titles = sovereign_titles(m.role)
            words_beside = (beside or {}).get(i, ())
            if words_beside:  # part of a name the tagger cut: only a person whose name holds those words
                target = (by_name_beside.get((m.type, key, words_beside))
                          or self._local_short_form(clusters, m.type, key, titles, words_beside))
            else:
                target = by_key.get((m.type, key)) or self._local_short_form(clusters, m.type, key, titles)
            if target is None:
                target = _LocalCluster(m.type, beside=words_beside)
                clusters.append(target)
            target.mentions.append(i)
            target.names.append(display)
            target.titles |= titles
            target.keys.add(key)
            if words_beside:
                by_name_beside[(m.type, key, words_beside)] = target
            else:
                by_key[(m.type, key)] = target
        for i, m in deferred:  # role-only references join their person
            ante = name_key(m.antecedent or "", known)
            target = by_key.get(("PER", ante)) or self._local_short_form(clusters, "PER", ante)
            if target is not None:
                target.mentions.append(i)
        return clusters

    def _local_short_form(self, clusters: list[_LocalCluster], etype: str, key: str,
                          titles: frozenset[str] = frozenset(), beside: tuple[str, ...] = ()) -> _LocalCluster | None:
        """A person's surname or partial name joins the one full name in the article it is a
        short form of (`is_short_form`); two candidates mean ambiguity and no join. A bare
        surname whose person the corpus knows (`_surname_owner`) joins a name of this article
        only if it is that person's ("أوباما", not the tagger's "رؤية أوباما"); a given name
        under a sovereign title (`titles`: "الملك خالد") only one written under that title too; one
        with name words `beside` it only a name that holds them."""
        words = key.split()
        if etype != "PER" or not words:  # a "name" of punctuation alone is nobody's short form
            return None
        hits = [c for c in clusters if c.type == "PER" and any(is_short_form(words, k.split()) for k in c.keys)
                and holds_all(c.keys, beside)]
        if len(hits) != 1 or (titles and len(words) == 1 and titles.isdisjoint(hits[0].titles)
                              and any(k.split()[0] == key for k in hits[0].keys)):
            return None
        if len(words) == 1:
            owner = self._surname_owner(key)
            if owner is not None and owner.keys.isdisjoint(hits[0].keys):
                return None
        return hits[0]

    def _match(self, cluster: _LocalCluster,
               context: Callable[[], frozenset[str]] | None = None) -> EntityRecord | None:
        """The known record this article's cluster is, if any (`context`: gives the article's names)."""
        full = match_key(cluster.full_name) if cluster.names else ""
        words = len(full.split())
        if cluster.type == "PER" and words == 1:
            # Before the key: an article whose bare "أوباما" found no owner may have made a
            # record of it, which must not keep the next one from the person.
            owner = self._surname_owner(full)
            if owner is not None and self._bare_name_of(cluster, owner, context):
                return owner
        # Longest key first; ties by the key itself, not the set's order (which is the hash seed's).
        # A person is looked up by the names as long as the fullest: the article's "عبد الله"
        # of "عبد الله العدوان" must not find "عبد الله الثاني", whose short form it was elsewhere.
        keys = cluster.keys if cluster.type != "PER" else {k for k in cluster.keys if len(k.split()) == words}
        for key in sorted(keys, key=lambda k: (-len(k), k)):
            rid = self.names.key_owner(cluster.type, key)
            bare = cluster.type == "PER" and words == 1
            if rid and (not bare or self._bare_name_of(cluster, self.names.record(rid), context)):
                return self.names.record(rid)
        if cluster.type != "PER" or words >= 2:
            hits = [self.names.record(rid) for rid in sorted(self.names.skeleton_owners(cluster.type, skeleton(full)))]
            agreeing = [r for r in hits if self._spelling_of(cluster, r)]
            if len(agreeing) == 1:
                return agreeing[0]
        if cluster.type == "PER" and words >= 2:
            surname = full.split()[-1]
            for rid in sorted(self.names.surname_owners(surname)):
                record = self.names.record(rid)
                if self._spelling_of(cluster, record):
                    return record
        return None

    def _bare_name_of(self, cluster: _LocalCluster, record: EntityRecord,
                      context: Callable[[], frozenset[str]] | None) -> bool:
        """Whether a one-word person's cluster may be this record's: a name that holds the words
        beside it (`name_words_beside`); and a person named in full in fewer than
        `DOMINANT_MIN_DOCS` articles only where this article shares a rare name with those
        (`marsad.link.context`): "رويس" of a report on Iran is not a footballer's. A public
        figure the gazetteer lists (آية الله خامنئي) is named alone on any subject."""
        if not holds_all(record.keys, cluster.beside):
            return False
        if context is None or record.full_name_docs >= DOMINANT_MIN_DOCS or all(" " not in k for k in record.keys) \
                or any(gazetteer_type(k) == "PER" for k in record.keys):
            return True
        own = {skeleton(k) for k in cluster.keys}  # (not the surname itself)
        return self.contexts.share_a_rare_name(context() - own, record.context)

    @staticmethod
    def _spelling_of(cluster: _LocalCluster, record: EntityRecord) -> bool:
        """Whether a cluster's names are spellings of a record's: some pair of keys agrees
        letter by letter, and no pair is two different gazetteer entries. A family name's
        article counts (الأحمد is not أحمد); a place's does not (الموصل / موصل)."""
        pairs = [(a, b) for a in cluster.keys for b in record.keys]
        if any(different_known_entries(a, b) for a, b in pairs):
            return False
        return any(spellings_agree(a, b, article_matters=cluster.type == "PER") and not article_added_to_a_name(a, b)
                   for a, b in pairs)

    def _surname_owner(self, surname: str) -> EntityRecord | None:
        """The person a bare surname names across the corpus: the one full name ending in it
        (named in full in `DOMINANT_MIN_DOCS` articles or more where the surname is a frequent
        word), or the one named in full in `DOMINANT_RATIO` times as many articles as any
        other; never a word that begins another full name (a given name, not a family's). Two
        people of one article who share a surname are two owners: the bare one joins neither,
        unless the corpus names one of them far more often."""
        if self.names.is_given_name(surname):
            return None  # "إبراهيم" alone is anyone called Ibrahim, not "توفيق إبراهيم"
        owners = [self.names.record(rid) for rid in sorted(self.names.surname_owners(surname))]
        if not owners:
            return None
        support = sorted(((max(r.full_name_docs, len(self.names.articles_of(r))), r.id) for r in owners), reverse=True)
        if len(owners) == 1:
            # A rare surname (ديسلفا) is its one owner's; a frequent word is so only when the
            # corpus names him in full more than once: one article naming "أحمد النصر" says
            # nothing of "النصر" elsewhere (a club the tagger took for a person), nor one
            # "سعد القحطاني" of every other القحطاني.
            common = word_frequencies()[0].get(surname, 0) >= COMMON_SPELLING
            return owners[0] if not common or support[0][0] >= DOMINANT_MIN_DOCS else None
        (best, rid), (runner_up, _) = support[0], support[1]
        if best >= DOMINANT_MIN_DOCS and best >= DOMINANT_RATIO * runner_up:
            return self.names.record(rid)
        return None

    def _new_record(self, cluster: _LocalCluster) -> EntityRecord:
        canonical = max(cluster.keys, key=lambda k: (len(k.split()), len(k), k))  # ties: not by set order
        digest = hashlib.sha1(f"{cluster.type}|{canonical}".encode()).hexdigest()[:12]
        record = EntityRecord(id=f"e{digest}", type=cluster.type)
        while self.names.has_record(record.id):  # a hash collision with another name: extend
            digest = hashlib.sha1(digest.encode()).hexdigest()[:12]
            record.id = f"e{digest}"
        return record

    def _absorb(self, record: EntityRecord, cluster: _LocalCluster, mentions: list[Mention], doc_id: str) -> None:
        record.names.update(cluster.names)
        # A cut name's one word ("الحسين" of "مشاعل الحسين") is no key others may find it by.
        keys = {k for k in cluster.keys - record.keys if not cluster.beside or " " in k}
        record.keys |= keys
        skeletons = _lookup_skeletons(cluster, record) - record.skeletons
        record.skeletons |= skeletons
        self.names.add_article(record, doc_id)
        for i in cluster.mentions:
            role = mentions[i].role
            if role:
                record.roles[" ".join(role.split())] += 1
        self._register(record, keys, skeletons)

    def entities(self) -> Iterator[Entity]:
        """Every entity, by id, one at a time (they may be read from the scratch database)."""
        # A full name registered up front but never linked in any article has no record to show.
        return (self.entity(r) for r in self.names.records_by_id() if r.names)

    def entity(self, record: EntityRecord) -> Entity:
        # The fullest common spelling: most words first, then most frequent, then shortest.
        name = max(record.names, key=lambda n: (len(n.split()), record.names[n], -len(n)))
        aliases = tuple(sorted(record.names, key=lambda n: (-record.names[n], n)))
        roles = tuple(r for r, _ in record.roles.most_common())
        return Entity(id=record.id, type=record.type, name=name, aliases=aliases,  # type: ignore[arg-type]
                      articles=tuple(self.names.articles_of(record)), roles=roles)

    def _with_articles(self, record: EntityRecord) -> EntityRecord:
        return dataclasses.replace(record, articles=self.names.articles_of(record))


def _with_entity(mention: Mention, entity: str | None) -> Mention:
    """`dataclasses.replace(mention, entity=entity)` at a quarter of its cost (which passes
    every field through `__init__` again): linking asks it of every mention of a corpus."""
    if mention.entity == entity:
        return mention
    linked = object.__new__(Mention)
    linked.__dict__.update(mention.__dict__, entity=entity)
    return linked


def _lookup_skeletons(cluster: _LocalCluster, record: EntityRecord) -> set[str]:
    """The skeletons other articles' names may find this record by: a person's names of
    two words or more, less a first name alone ("عبد الله" of "عبد الله الأول")."""
    if cluster.type != "PER":
        return {skeleton(name) for name in cluster.names}
    keys = cluster.keys | record.keys
    return {skeleton(name) for name in cluster.names
            if len(name.split()) >= 2 and not is_first_name_of(match_key(name), keys)}


def link_entities(docs: list[Doc]) -> tuple[list[Doc], list[Entity]]:
    """Link every doc's mentions; docs are linked in the order given (callers sort them).

    Full person names are registered first, so that a bare surname in an early article
    ("ماكغورك") finds the person a later article names in full.
    """
    index = EntityIndex()
    index.register_full_names(docs)
    linked = [index.add_doc(doc) for doc in docs]
    return linked, list(index.entities())

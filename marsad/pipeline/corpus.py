"""The corpus-level step: names shared across articles, one record per entity, near-
duplicates and stories, over the docs the per-article stages made (`stages`).

Every command runs this one step: `marsad analyze` over the docs of its pages, `marsad
batch` over a shelf on disk, and the store (`ingest`, `watch`, the API) over everything it
holds whenever pages are added (`Corpus`). Its answer depends only on the set of docs, not
on the order or the number of runs in which they came.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from marsad.clean.lexicon import agency_variants, line_key
from marsad.extract.coref import KnownPeople, names_by_surname, person_names_of, propagate_known_names, propagate_names
from marsad.link.context import context_keys
from marsad.link.duplicates import ReuseFinder, ReuseUnits, reuse_units, with_reuse
from marsad.link.entities import EntityIndex
from marsad.model import Analysis, Doc, Entity, Mention, Participant, Problem, Story
from marsad.pipeline.stages import DocStage, RunContext, add_events, add_quotes, add_roles, add_sentences
from marsad.run.scratch import in_transactions
from marsad.run.shelf import DocShelf, MemoryShelf
from marsad.run.timing import StepClock
from marsad.stories import DescribeStories, cluster_stories, describe_with, joins_stories
from marsad.stories.reading import ArticleReading, ArticleReadings, read_text

T = TypeVar("T")

# Docs whose writes (to the scratch database, back to the shelf) go together.
_DOCS_AT_ONCE = 256


class Corpus:
    """The docs of a corpus as the per-article stages left them; `add` puts more in and
    gives the corpus-level answer over all of them.

    The answer is computed anew over the whole corpus each time: which spelling is kept,
    which story an article opens and which it joins depend on the canonical order (source,
    id) of every doc, so an update in place would make the answer depend on the order in
    which pages arrived. Recomputing keeps `marsad analyze` and a store filled over many
    runs equal, at the cost of the corpus step over the whole corpus (about 10 ms an
    article, `marsad bench`) per call.
    """

    def __init__(self, docs: Iterable[Doc] = (), ctx: RunContext | None = None) -> None:
        self.ctx = ctx or RunContext()
        self._docs: dict[str, Doc] = {}
        for doc in docs:
            self._keep(doc)

    def _keep(self, doc: Doc) -> None:
        # The same page under two addresses is kept once, under the first in sort order.
        kept = self._docs.get(doc.id)
        if kept is None or doc.article.source < kept.article.source:
            self._docs[doc.id] = doc

    def add(self, docs: Iterable[Doc], errors: Iterable[Problem] = ()) -> Analysis:
        for doc in docs:
            self._keep(doc)
        return link_and_group(list(self._docs.values()), list(errors), self.ctx)


# After a corpus-level name repeat, the stages that read mentions run again.
STAGES_AFTER_MENTIONS: tuple[DocStage, ...] = (add_roles, add_quotes, add_events)


def without_tokens(doc: Doc) -> Doc:
    """The doc with its sentences' tokens dropped (three quarters of a doc's memory): how
    `marsad batch` holds docs for the corpus-level step, which tokenises them again where
    it reads tokens (`doc_tokens`, `sentence_tokens`, `with_shared_names`)."""
    if not doc.sentences or not doc.sentences[0].tokens:
        return doc
    return dataclasses.replace(doc, sentences=tuple(dataclasses.replace(s, tokens=()) for s in doc.sentences))


def share_person_names(docs: list[Doc], ctx: RunContext) -> list[Doc]:
    """A person the tagger named in one article is the same name in another where it was
    missed ("بريت ماكغورك"): add those mentions and re-run the stages that read them."""
    known = names_by_surname(person_names_of(docs))
    return [with_shared_names(doc, known, ctx) for doc in docs]


def with_shared_names(doc: Doc, known: KnownPeople, ctx: RunContext) -> Doc:
    """`doc` with the repeats of the `known` full names (see `share_person_names`); the
    same doc when it has none."""
    if doc.article.language != "ar" or not doc.sentences:
        return doc
    mentions = propagate_known_names(doc, known)
    if mentions is None or len(mentions) == len(doc.mentions):
        return doc
    slim = not doc.sentences[0].tokens
    if slim:  # held without tokens: the same sentences, tokenised again for the stages
        doc = add_sentences(doc, ctx)
    doc = dataclasses.replace(doc, mentions=tuple(mentions))
    # The full names now found here are this article's own: their later bare
    # surnames ("ساليفان") are repeats too.
    doc = dataclasses.replace(doc, mentions=tuple(propagate_names(doc)))
    for stage in STAGES_AFTER_MENTIONS:
        doc = stage(doc, ctx)
    return without_tokens(doc) if slim else doc


@dataclass(frozen=True)
class PreparedDoc:
    """The per-document part of the corpus step (`prepare_for_corpus`): what it makes of
    one doc given the full names known across the corpus, and all that the rest of the
    step reads of the doc as it merges these, a doc at a time, in the canonical order."""

    doc_id: str
    outlet: str | None
    mentions: tuple[Mention, ...]  # after the names shared (what linking registers)
    context: frozenset[str]  # their names (`link.context.context_keys`), for the full names' pass
    shared: Doc | None  # the doc with the names shared from other articles; None: unchanged
    reuse: ReuseUnits  # its share of the near-duplicate search
    story: ArticleReading | None  # what story clustering reads of its text (None: joins no story)


# (the shelf, the known full names) -> each doc's `PreparedDoc`, in the canonical order:
# in this process by default; `marsad batch` has its Dask workers do it (from the docs as
# the shelf keeps them, pickled: they are never unpickled here).
PrepareDocs = Callable[[DocShelf, KnownPeople], Iterator[PreparedDoc]]


def prepare_for_corpus(doc: Doc, known: KnownPeople, ctx: RunContext, with_band_keys: bool = False) -> PreparedDoc:
    """`with_shared_names`, the doc's `reuse_units` (with their LSH band keys when asked:
    a worker computes them all, so the main process only merges) and what story clustering
    reads of its text (`stories.reading.read_text`). A doc held without its tokens is
    tokenised once, for all three, and given back without them."""
    slim = doc.article.language == "ar" and bool(doc.sentences) and not doc.sentences[0].tokens
    full = add_sentences(doc, ctx) if slim else doc
    shared = with_shared_names(full, known, ctx)
    units = reuse_units(full, with_band_keys)
    story = read_text(shared) if joins_stories(shared) else None
    if shared is not full:
        return _prepared(doc, without_tokens(shared) if slim else shared, units, story)
    return _prepared(doc, doc, units, story)


def _prepared(doc: Doc, shared: Doc, units: ReuseUnits, story: ArticleReading | None) -> PreparedDoc:
    return PreparedDoc(doc.id, doc.article.outlet, shared.mentions, context_keys(shared.mentions),
                       None if shared is doc else shared, units, story)


def events_with_entity_ids(doc: Doc) -> Doc:
    """Events are coded per article, before linking: their participants become entity ids
    once the linker has given the mentions theirs (so events merge across spellings)."""
    if not doc.events:
        return doc
    ids: dict[str, str] = {}
    for m in doc.mentions:
        if m.entity:
            ids.setdefault(m.text, m.entity)

    def linked(sides: tuple[Participant, ...]) -> tuple[Participant, ...]:
        return tuple(dataclasses.replace(p, entity=ids.get(p.text, p.entity)) for p in sides)

    events = tuple(dataclasses.replace(e, actors=linked(e.actors), targets=linked(e.targets)) for e in doc.events)
    return dataclasses.replace(doc, events=events)


def link_and_group(docs: list[Doc], errors: list[Problem], ctx: RunContext | None = None,
                   timings: dict[str, float] | None = None) -> Analysis:
    """The corpus-level part, over docs held in memory (`link_and_group_shelf`)."""
    shelf = MemoryShelf(docs)
    entities, stories = link_and_group_shelf(shelf, ctx, timings)
    return Analysis(docs=tuple(shelf), entities=tuple(entities), stories=tuple(stories),
                    errors=tuple(sorted(errors, key=lambda p: p.source)))


def link_and_group_shelf(shelf: DocShelf, ctx: RunContext | None = None,
                         timings: dict[str, float] | None = None,
                         person_names_found: set[tuple[str, ...]] | None = None,
                         prepare: PrepareDocs | None = None, describe: DescribeStories | None = None,
                         ) -> tuple[Iterator[Entity], Iterator[Story]]:
    """The corpus-level part: names shared across articles, entities, reuse, stories.

    The docs are read from the shelf and their changes put back, a doc at a time and in
    its canonical order (source, id), so the result does not depend on the order in which
    pages arrived, nor on where the shelf keeps them (analyze and batch give the same
    answer). `person_names_found`: the full person names of all the docs, when the caller
    collected them already (batch workers do, from each doc's `person_names`). `prepare`:
    how the per-document part (`prepare_for_corpus`) is computed when not here, in order
    (batch: on its workers), and `describe` how each story is made of its articles once
    they are grouped (`stories.cluster_stories`; here by default, of the shelf's docs); the
    answer is the same. `timings`, when given, receives the seconds each step took
    (`marsad bench`). The entities and
    the stories come one at a time, made as they are read (the shelf must stay open until
    then). The step's own state that grows with the corpus (entity records, shingles,
    stories) is kept where the shelf keeps its docs (`DocShelf.scratch_db`).
    """
    clock = StepClock(timings)
    ctx = ctx or RunContext()
    scratch = shelf.scratch_db()  # None: the shelf is in memory, and so is this state
    index = EntityIndex(scratch)
    reuse = ReuseFinder(scratch)
    readings = ArticleReadings(scratch)  # what clustering reads of each story article
    story_ids = []
    # Two reads of the shelf do the first three steps (each doc's share of a step is
    # timed as that step): every read from disk costs about half a millisecond a doc.
    with clock("share_names"):
        if person_names_found is None:
            person_names_found = person_names_of(shelf)
        known = names_by_surname(person_names_found)
    outlets: dict[str, str] = {}  # line key -> an outlet's name as the corpus writes it
    # The scratch database's writes, and the docs put back on the shelf, go a few hundred
    # docs at a time (a transaction per doc cost more than the doc's writes).
    changed = _Changed(shelf)
    for ready in in_transactions(scratch, (prepare or _prepare_here(ctx, clock))(shelf, known), _DOCS_AT_ONCE):
        with clock("share_names"):
            if ready.shared is not None:
                changed.put(ready.shared)
            if ready.outlet:
                outlets.setdefault(line_key(ready.outlet), ready.outlet)
        with clock("link_entities"):
            index.register_full_names_of(ready.mentions, ready.context)
        with clock("near_duplicates"):
            # (its text, id and outlet: names shared change none)
            reuse.add_units(ready.doc_id, ready.outlet, ready.reuse)
        with clock("stories"):
            if ready.story is not None:
                readings.put(ready.story)
    changed.flush()
    for doc in in_transactions(scratch, shelf, _DOCS_AT_ONCE):
        with clock("link_entities"):
            linked = events_with_entity_ids(index.add_doc(with_outlet_from_credits(doc, outlets)))
            changed.put_if_changed(doc, linked)
        if joins_stories(doc):
            with clock("stories"):
                story_ids.append(doc.id)
                readings.add_links(linked)  # (reuse, found next, changes nothing clustering reads)
    changed.flush()
    with clock("near_duplicates"):
        found = reuse.found()
        with_found = sorted(found)
        for begin in range(0, len(with_found), _DOCS_AT_ONCE):
            for doc in shelf.get_many(with_found[begin:begin + _DOCS_AT_ONCE]):
                changed.put_if_changed(doc, with_reuse(doc, found[doc.id]))
        changed.flush()
    stories = cluster_stories(readings.in_order(story_ids), describe or describe_with(shelf.get_many), scratch)
    return (_timed(clock, "link_entities", index.entities()),
            _timed(clock, "stories", in_transactions(scratch, stories, _DOCS_AT_ONCE)))


class _Changed:
    """Docs to put back on the shelf, put a few hundred at a time."""

    def __init__(self, shelf: DocShelf) -> None:
        self.shelf = shelf
        self.docs: list[Doc] = []

    def put_if_changed(self, before: Doc, after: Doc) -> None:
        if after is not before:
            self.put(after)

    def put(self, doc: Doc) -> None:
        self.docs.append(doc)
        if len(self.docs) >= _DOCS_AT_ONCE:
            self.flush()

    def flush(self) -> None:
        self.shelf.put_many(self.docs)
        self.docs = []


def _prepare_here(ctx: RunContext, clock: StepClock) -> PrepareDocs:
    """`prepare_for_corpus` in this process, each part timed as its step."""

    def prepare(shelf: DocShelf, known: KnownPeople) -> Iterator[PreparedDoc]:
        for doc in shelf:
            with clock("share_names"):
                shared = with_shared_names(doc, known, ctx)
            with clock("near_duplicates"):
                units = reuse_units(doc)
            with clock("stories"):
                story = read_text(shared) if joins_stories(shared) else None
            with clock("link_entities"):  # (its names' context_keys)
                prepared = _prepared(doc, shared, units, story)
            yield prepared

    return prepare


def with_outlet_from_credits(doc: Doc, outlets: dict[str, str]) -> Doc:
    """A page that names no outlet but credits one that other pages of the corpus name in
    full ("المصادر: الرافدين، واع" beside pages of "صحيفة الرافدين") is that outlet's:
    outlets credit themselves first. An agency is never taken for the outlet. Decided here,
    over the whole corpus, so that the answer does not depend on which pages came together."""
    if doc.article.outlet is not None:
        return doc
    agencies = agency_variants()
    for credit in doc.article.credits:
        key = line_key(credit)
        if not key or key in agencies:
            continue
        named = {name for k, name in outlets.items() if k == key or k.endswith(" " + key)}
        if len(named) == 1:
            return dataclasses.replace(doc, article=dataclasses.replace(doc.article, outlet=named.pop()))
    return doc


def _timed(clock: StepClock, name: str, items: Iterator[T]) -> Iterator[T]:
    """The items, with the time taken to make each one added to the step `name`."""
    while True:
        with clock(name):
            item = next(items, None)
        if item is None:
            return
        yield item

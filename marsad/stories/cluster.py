"""Online story clustering: each new article joins the most similar recent story or starts
a new one, without re-reading older articles (the Europe Media Monitor / Event Registry
recipe: TF-IDF against story centroids, shared entities, a time window).

State per story is small and JSON-able: a capped TF-IDF centroid over content terms, the
entity ids and the event days its articles give, each with how many articles give it (so
a name or a day weighs by its share of the story, as a term does in the centroid), and
first/last publication dates. Candidate stories come from an inverted index (term or
entity -> recent stories), so adding an article costs the same whether the store holds a
hundred stories or a hundred thousand.
Articles are processed in (day, id) order, dated ones first, so the result is deterministic.
"""

from __future__ import annotations

import math
import resource
import sqlite3
import time
from collections import Counter
from collections.abc import Container, Iterable, Iterator, MutableMapping, Sequence
from itertools import repeat
from operator import mul

from marsad.model import Doc
from marsad.run.scratch import SpilledMapping
from marsad.stories.days import article_day, day_beside, months_apart
from marsad.stories.ordinals import leading_ordinals
from marsad.stories.reading import ArticleReading, read_article, read_text
from marsad.stories.signature import FEATURES, pair_features, same_happening_model, tf_idf
from marsad.stories.specifics import distinct_specifics, specifics_of
from marsad.stories.state import SeenBefore, StoredVectors, StoryState
from marsad.stories.story_features import (
    DocFeatures,
    add_story_counts,
    dates_link,
    one_article_story,
    ordinals_differ,
    story_id_for,
)
from marsad.stories.terms import without_known_conjunction

__all__ = ["StoredVectors", "StoryClusterer", "StoryState", "add_story_counts", "article_day", "benchmark_clustering",
           "dates_link", "one_article_story", "story_id_for"]

TITLE_REPEAT = 2  # title words count twice: they name the story
DOC_TERMS = 40  # an article's vector keeps its 40 heaviest terms
CENTROID_TERMS = 150  # a story's centroid keeps its 150 heaviest terms
RETRIEVAL_TERMS = 10  # candidate stories come from the article's 10 heaviest terms ...
MAX_POSTINGS = 64  # ... and the 64 most recent stories on each term or entity
MAX_CANDIDATES = 24  # full similarity is computed for the 24 best-retrieved stories

# An article joins a story whose last article is at most 7 days older: in
# tests/fixtures/stories/corpus.jsonl the longest gap inside one gold story is 3 days and
# the closest look-alike pair (two attacks on one base) is 21 days apart.
WINDOW_DAYS = 7
# A new story is threaded to an older one on the same subject seen within 120 days.
THREAD_DAYS = 120

# Subject similarity (text, entities, stated days) for a thread link to an earlier story on
# the same subject (a developing story's earlier happening in the window, or an older one):
# on the corpus fixture the drone attack links to the rocket attack on the same base three
# weeks earlier. Whether an article joins a story is the learned same-happening decision
# (`signature.SameHappening`); its developing-story route reads this similarity too, with a
# bound the training script chooses.
TEXT_WEIGHT = 0.65
ENTITY_WEIGHT = 0.25
DATE_WEIGHT = 0.10
THREAD_THRESHOLD = 0.15
_FAR = FEATURES.index("happening_far")

def _norm(vec: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vec.values())) or 1.0


def _top(vec: dict[str, float], n: int) -> dict[str, float]:
    if len(vec) <= n:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


# With a scratch database, the stories whose state stays in memory: the recent ones, which
# an article's candidates mostly are (~7 KB a story on SaudiNewsNet, 5,500 stories at
# 24,000 articles, two thirds of them of one article).
_HOT_STORIES = 2_000
# ... and the terms and entities whose recent stories stay in memory (105,000 of them at
# 24,000 articles, most in one story or two).
_HOT_POSTINGS = 20_000


class StoryClusterer:
    """Assigns articles to stories one at a time; see the module docstring. With `db` (a
    scratch database, `marsad.run.scratch`) the stories, the index from terms to stories, the
    assignments and this session's vectors are kept there, the recent and frequent ones
    held in memory (`SpilledMapping`): what grows with every article of a corpus then is
    not in memory (the document frequencies are: they grow with the vocabulary); the
    stories are the same."""

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        self.postings: MutableMapping[str, list[str]]  # term or "e:" entity -> recent stories
        self.stories: MutableMapping[str, StoryState]
        self.assignments: MutableMapping[str, str]  # article id -> story id
        # This session's docs' vectors, to pick each story's central article (the store
        # drops each once written).
        self.vectors: MutableMapping[str, dict[str, float]]
        if db is None:
            self.postings, self.stories, self.assignments, self.vectors = {}, {}, {}, {}
        else:
            self.postings = SpilledMapping(db, "story_postings", _HOT_POSTINGS)
            self.stories = SpilledMapping(db, "story_states", _HOT_STORIES)
            # Each written once, read back only for an article seen again.
            self.assignments = SpilledMapping(db, "story_assignments", _HOT_STORIES)
            self.vectors = StoredVectors(db)

    # --- public ----------------------------------------------------------------------

    def add(self, doc: Doc) -> str:
        return self.add_batch([doc])[doc.id]

    def add_batch(self, docs: Sequence[Doc]) -> dict[str, str]:
        return {doc.id: story_id for _, doc, story_id in self.assign_batch(docs)}

    def assign_batch(self, docs: Sequence[Doc]) -> Iterator[tuple[int, Doc, str]]:
        """`assign_readings` of these docs (`reading.read_article`), with each doc."""
        for i, _, story_id in self.assign_readings([read_article(doc) for doc in docs]):
            yield i, docs[i], story_id

    def assign_readings(self, readings: Sequence[ArticleReading]) -> Iterator[tuple[int, ArticleReading, str]]:
        """(position in `readings`, the reading, its story id) of each article, in the order
        assigned: dated first, then by day and id. Document frequencies are updated with
        the whole batch first, so the first articles of a run get sensible IDF. `readings`
        may read them lazily (`reading.ArticleReadings`, as `marsad batch` holds a corpus):
        each is read twice, and none is kept here."""
        keys = []
        added: Counter[str] = Counter()
        had_terms = bool(self.df)
        for i, reading in enumerate(readings):
            keys.append((reading.day is None, reading.day or 0, reading.doc_id, i))
            title, body = self._known_terms(reading, self.df)
            added.update(set(title * TITLE_REPEAT + body))
        # Every article's terms are read as the clusterer knew them before this batch.
        df_before: Container[str] = SeenBefore(self.df, {t for t in added if t not in self.df}) if had_terms else ()
        self.df.update(added)
        del added  # a corpus's whole vocabulary, with counts: not kept while assigning
        self.n_docs += len(keys)
        for *_, doc_id, i in sorted(keys):
            reading = readings[i]
            if doc_id in self.assignments:
                yield i, reading, self.assignments[doc_id]
            else:
                yield i, reading, self._assign(doc_id, self.features(reading, df_before))

    def text_similarity(self, f: DocFeatures, story: StoryState) -> float:
        """Cosine of the article's vector with the story's centroid (its norm kept on the story)."""
        if not story.norm:
            story.norm = _norm(story.centroid)
        # (in C: the products summed in the vector's order, as a generator would)
        return sum(map(mul, f.vector.values(), map(story.centroid.get, f.vector, repeat(0.0)))) / story.norm

    def similarity(self, doc_features: DocFeatures, story: StoryState, text: float | None = None) -> float:
        """Subject similarity (text, entities, stated days); `text` when already computed."""
        if text is None:
            text = self.text_similarity(doc_features, story)
        # Entities and days count by the share of the story's articles that have them, as
        # its centroid weighs terms: a story that has taken in every name and day of a
        # week would otherwise match any article of that week (one story of 2,941 of
        # 5,841 SaudiNewsNet articles, when an entity or a day counted once seen).
        n = max(1, len(story.articles))
        ents = doc_features.entities
        shared_day = max(map(story.event_days.get, doc_features.event_days, repeat(0)), default=0) / n
        if not ents:  # no mentions (a non-Arabic page, or no tagger): text and dates only
            return (TEXT_WEIGHT * text + DATE_WEIGHT * shared_day) / (TEXT_WEIGHT + DATE_WEIGHT)
        entity = sum(map(story.entities.get, ents, repeat(0))) / (len(ents) * n)
        return TEXT_WEIGHT * text + ENTITY_WEIGHT * entity + DATE_WEIGHT * shared_day

    def to_state(self) -> dict:
        return {"version": 1, "n_docs": self.n_docs, "df": dict(self.df),
                "stories": [s.to_json() for s in self.stories.values()],
                "assignments": self.assignments}

    @classmethod
    def from_state(cls, state: dict) -> StoryClusterer:
        self = cls()
        self.n_docs = state["n_docs"]
        self.df = Counter(state["df"])
        self.assignments = dict(state["assignments"])
        for data in state["stories"]:
            story = StoryState.from_json(data)
            self.stories[story.id] = story
            self._index(story, story.centroid.keys(), story.entities.keys())
        return self

    # --- features ----------------------------------------------------------------------

    def _terms(self, doc: Doc, known: Container[str] | None = None) -> list[str]:
        """Content terms of the title (repeated) and lead; `known` (the terms seen before,
        default: all seen so far) decides whether a leading و/ف is a clitic."""
        title, body = self._known_terms(read_text(doc), self.df if known is None else known)
        return list(title * TITLE_REPEAT + body)

    @staticmethod
    def _known_terms(reading: ArticleReading, known: Container[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return without_known_conjunction(reading.title, known), without_known_conjunction(reading.body, known)

    def doc_features(self, doc: Doc, known: Container[str] | None = None) -> DocFeatures:
        """The doc's features (`features` of its `read_article`)."""
        return self.features(read_article(doc), self.df if known is None else known)

    def features(self, reading: ArticleReading, known: Container[str]) -> DocFeatures:
        """The article's features; `known` as for `_terms`."""
        title, body = self._known_terms(reading, known)
        counts = Counter(title * TITLE_REPEAT + body)
        vec = tf_idf(counts, self.df, self.n_docs)
        vec = _top(vec, DOC_TERMS)
        norm = _norm(vec)
        vec = {t: w / norm for t, w in vec.items()}
        return DocFeatures(vec, reading.entities, reading.event_days, reading.day, reading.people,
                            reading.happening_day, frozenset(title), reading.numbers, reading.events, reading.kind,
                            specifics_of(reading.specifics, known), reading.happening_weekday, reading.month)

    def pair_features(self, f: DocFeatures, story: StoryState, text: float | None = None) -> list[float]:
        """`signature.pair_features` of an article against a story."""
        if text is None:
            text = self.text_similarity(f, story)
        return pair_features(text, f.title, f.vector, f.entities, f.people, f.day, f.happening_day, f.numbers,
                             f.events, f.kind, story.signature(), f.weekday)

    # --- assignment --------------------------------------------------------------------

    def _candidates(self, f: DocFeatures) -> list[StoryState]:
        hits: Counter[str] = Counter()
        for term in sorted(f.vector, key=lambda t: (-f.vector[t], t))[:RETRIEVAL_TERMS]:
            hits.update(self.postings.get(term, ()))
        for entity in f.entities:
            hits.update(self.postings.get("e:" + entity, ()))
        best = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
        return [story for sid, _ in best if (story := self.stories.get(sid)) is not None]

    def _assign(self, doc_id: str, f: DocFeatures) -> str:
        model = same_happening_model()
        in_window: list[tuple[float, str]] = []
        threads: list[tuple[float, str]] = []
        developing: list[tuple[float, str]] = []
        undated: set[str] = set()  # stories an undated pair may join below the threshold
        same_day: set[str] = set()  # ... and a pair of one stated happening day (`joins_same_day`)
        for story in self._candidates(f):
            gap = (f.day - story.last_day) if f.day is not None else 0
            if f.day is not None and f.day < story.first_day - WINDOW_DAYS:
                continue  # an older article than the story: only within the window
            text = self.text_similarity(f, story)
            subject = self.similarity(f, story, text) if gap <= THREAD_DAYS else 0.0
            if abs(gap) <= WINDOW_DAYS and not months_apart(f.month, story.months) and not distinct_specifics(
                    f.specifics, (f.vector, f.title), leading_ordinals(story.specifics), (story.centroid, story.title),
                    self.df, self.n_docs):  # another month (an address's), another guest, another round
                features = self.pair_features(f, story, text)
                p = model.probability(features)
                in_window.append((p, story.id))
                undated_pair = f.day is None or not story.has_day
                far = bool(features[_FAR]) and not day_beside(f.weekday, story.weekdays)
                stated_same_day = f.happening_day is not None and model.same_day(features)
                if (undated_pair or stated_same_day) and model.may_join_undated(
                        features, ordinals_differ(f.numbers, story.numbers)):
                    (undated if undated_pair else same_day).add(story.id)
                if model.joins_developing(features, p, subject, len(story.articles), dates_link(f, story, far)):
                    developing.append((subject, story.id))
            if gap <= THREAD_DAYS:  # a related story: in the window, one not the same happening
                threads.append((subject, story.id))
        in_window.sort(key=lambda x: (-x[0], x[1]))
        developing.sort(key=lambda x: (-x[0], x[1]))
        best, runner_up = in_window[0] if in_window else (0.0, ""), in_window[1][0] if len(in_window) > 1 else 0.0
        if best[0] >= model.threshold:
            story = self.stories[best[1]]
        elif (best[1] in undated and model.joins_undated(best[0], runner_up)) or (
                best[1] in same_day and model.joins_same_day(best[0], runner_up)):
            story = self.stories[best[1]]
        elif developing:
            story = self.stories[developing[0][1]]
        else:
            story = self._new_story(doc_id, f)
            threads.sort(key=lambda x: (-x[0], x[1]))
            if threads and threads[0][0] >= THREAD_THRESHOLD:
                story.thread = threads[0][1]
        self._join(story, doc_id, f)
        return story.id

    def _new_story(self, doc_id: str, f: DocFeatures) -> StoryState:
        day = f.day if f.day is not None else 0
        story = StoryState(story_id_for(doc_id), day, day, has_day=f.day is not None)
        self.stories[story.id] = story
        return story

    def _join(self, story: StoryState, doc_id: str, f: DocFeatures) -> None:
        for t, w in f.vector.items():
            story.centroid[t] = story.centroid.get(t, 0.0) + w
        story.centroid = _top(story.centroid, CENTROID_TERMS)
        story.norm = _norm(story.centroid)
        for e in f.entities:
            story.entities[e] = story.entities.get(e, 0) + 1
        add_story_counts(story, f)
        if f.day is not None:
            story.first_day = min(story.first_day, f.day) if story.articles and story.has_day else f.day
            story.last_day = max(story.last_day, f.day) if story.has_day else f.day
            story.has_day = True
        story.articles.append(doc_id)
        self.assignments[doc_id] = story.id
        self.vectors[doc_id] = f.vector
        top_terms = sorted(f.vector, key=lambda t: (-f.vector[t], t))[:RETRIEVAL_TERMS]
        self._index(story, top_terms, f.entities)
        self.stories[story.id] = story  # put back: the stories may be a `SpilledMapping`

    def _index(self, story: StoryState, terms: Iterable[str], entities: Iterable[str]) -> None:
        for key in [*terms, *("e:" + e for e in entities)]:
            posting = self.postings.get(key) or []
            if story.id in posting:
                continue
            posting.append(story.id)
            if len(posting) > MAX_POSTINGS:
                del posting[0]
            self.postings[key] = posting


def benchmark_clustering(docs: list[Doc]) -> dict:
    """Cluster `docs` once and report the rate and memory (printed by the bench command)."""
    start = time.perf_counter()
    clusterer = StoryClusterer()  # as `marsad analyze` clusters (batch: state on disk)
    clusterer.add_batch(docs)
    seconds = time.perf_counter() - start
    sizes = Counter(clusterer.assignments.values())
    return {
        "articles": len(docs),
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(docs) / seconds, 1) if seconds else None,
        "stories": len(clusterer.stories),
        "stories_with_2_or_more": sum(1 for n in sizes.values() if n >= 2),
        "largest_story": max(sizes.values(), default=0),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }

"""Stories: articles about one happening, across outlets, with what they agree and differ on.

`build_stories` clusters the docs online (cluster.py), then gives each story a title (its
most central article's), first/last seen, an extractive summary, a timeline, claims,
entities, outlets, and the events merged across its articles.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from marsad.model import Doc, Story
from marsad.stories.claims import story_claims
from marsad.stories.cluster import StoryClusterer, story_id_for
from marsad.stories.events import merge_events
from marsad.stories.reading import ArticleReading, read_article
from marsad.stories.split import Member, split_story
from marsad.stories.summary import summarize
from marsad.stories.timeline import build_timeline


def _central_doc(members: list[Doc], vectors: Mapping[str, dict[str, float]]) -> Doc:
    """The article closest to the story centroid (ties: the earliest)."""
    if len(members) == 1:
        return members[0]  # (most stories: no vector to read back)
    # Each vector read once: they may be in a scratch database (`StoredVectors`).
    member_vectors = {d.id: vectors.get(d.id, {}) for d in members}
    centroid: dict[str, float] = defaultdict(float)
    for vector in member_vectors.values():
        for t, w in vector.items():
            centroid[t] += w

    def closeness(d: Doc) -> float:
        return sum(w * centroid[t] for t, w in member_vectors[d.id].items())

    return max(members, key=lambda d: (closeness(d), bool(d.article.title),
                                       _neg(d.article.published), _neg(d.id)))


def _neg(value: str | None) -> tuple[int, ...]:
    """Sort key that prefers the smaller string inside a max()."""
    return tuple(-ord(ch) for ch in (value or "\uffff"))


def make_story(story_id: str, members: list[Doc], vectors: Mapping[str, dict[str, float]],
               thread: str | None) -> Story:
    """The story of these articles; `vectors` are their vectors in the clusterer."""
    members = sorted(members, key=lambda d: (d.article.published or "", d.id))
    central = _central_doc(members, vectors)
    dates = sorted(d.article.published for d in members if d.article.published)
    entities = sorted({m.entity for d in members for m in d.mentions if m.entity})
    outlets = sorted({d.article.outlet for d in members if d.article.outlet})
    return Story(
        id=story_id,
        articles=tuple(d.id for d in members),
        title=central.article.title or central.article.text[:80],
        summary=tuple(summarize(members)),
        timeline=tuple(build_timeline(members)),
        claims=tuple(story_claims(members)),
        events=tuple(merge_events(members)),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        entities=tuple(entities),
        outlets=tuple(outlets),
        thread=thread,
    )


# A story as clustering leaves it: its id, its articles' ids, their vectors in the
# clusterer and the story it is threaded to.
StoryParts = tuple[str, list[str], Mapping[str, dict[str, float]], str | None]
# The stories made of their parts, in order (`make_story`, each given its articles): here by
# default (`describe_with`); `marsad batch` has its Dask workers do it, since a story's
# description needs only its own articles.
DescribeStories = Callable[[Iterable[StoryParts]], Iterator[Story]]


def describe_with(docs_of: Callable[[list[str]], list[Doc]]) -> DescribeStories:
    """Each story made here, of its articles as `docs_of` gives them (by id, in order)."""

    def describe(parts: Iterable[StoryParts]) -> Iterator[Story]:
        return (make_story(story_id, docs_of(ids), vectors, thread) for story_id, ids, vectors, thread in parts)

    return describe


def joins_stories(doc: Doc) -> bool:
    """Stories group Arabic news articles: listing pages, empty pages and pages in other
    languages stay out."""
    a = doc.article
    return a.is_article and a.language == "ar" and bool(a.text)


def build_stories(docs: Sequence[Doc]) -> list[Story]:
    """Cluster these articles (the caller picks them, with `joins_stories`) into stories
    and describe each one."""
    by_id = {doc.id: doc for doc in docs}
    describe = describe_with(lambda ids: [by_id[i] for i in ids])
    return list(cluster_stories([read_article(doc) for doc in docs], describe))


def cluster_stories(readings: Sequence[ArticleReading], describe: DescribeStories,
                    db: sqlite3.Connection | None = None) -> Iterator[Story]:
    """The stories of these articles (as `reading.read_article` reads them), one at a time,
    by first publication and id. `readings` may read them lazily
    (`reading.ArticleReadings`, as `marsad batch` holds a corpus): each is read twice, and
    none is kept; the caller may write each story out before the next is made. The
    clusterer's state (the stories, the articles' vectors) is kept in the scratch database
    `db` (`DocShelf.scratch_db`) when given, else in memory. `describe` makes each story of
    its parts (clustering is sequential; describing a story is not)."""
    clusterer = StoryClusterer(db)
    members: dict[str, list[tuple[int, Member, str | None]]] = defaultdict(list)
    for i, reading, story_id in clusterer.assign_readings(readings):
        members[story_id].append((i, Member(reading.doc_id, reading.day is None, reading.happening_weekday),
                                  reading.published))
    parts: list[tuple[str, list[str], str | None]] = []  # (story id, its articles in order, thread)
    first_seen: dict[str, str] = {}
    for story_id, placed in members.items():
        placed.sort(key=lambda m: m[0])
        published = {m.doc_id: day for _, m, day in placed}
        thread = clusterer.stories[story_id].thread
        for n, ids in enumerate(split_story([m for _, m, _ in placed], clusterer.vectors)):
            # A part split off is another happening of the story's subject: threaded to it.
            part = (story_id, ids, thread) if n == 0 else (story_id_for(f"{story_id}/{ids[0]}"), ids, story_id)
            parts.append(part)
            days = [day for doc_id in ids if (day := published[doc_id])]
            if days:
                first_seen[part[0]] = min(days)
    parts.sort(key=lambda part: (first_seen.get(part[0], ""), part[0]))
    yield from describe((story_id, ids, clusterer.vectors, thread) for story_id, ids, thread in parts)

"""Stories: articles about one happening, across outlets, with what they agree and differ on.

`build_stories` clusters the docs online (cluster.py), then gives each story a title (its
most central article's), first/last seen, an extractive summary, a timeline, claims,
entities, outlets, and the events merged across its articles.
"""

from __future__ import annotations

from collections import defaultdict

from marsad.model import Doc, Story
from marsad.stories.claims import story_claims
from marsad.stories.cluster import StoryClusterer
from marsad.stories.events import merge_events
from marsad.stories.summary import summarize
from marsad.stories.timeline import build_timeline


def _central_doc(members: list[Doc], clusterer: StoryClusterer) -> Doc:
    """The article closest to the story centroid (ties: the earliest)."""
    centroid: dict[str, float] = defaultdict(float)
    for d in members:
        for t, w in clusterer.vectors.get(d.id, {}).items():
            centroid[t] += w

    def closeness(d: Doc) -> float:
        return sum(w * centroid[t] for t, w in clusterer.vectors.get(d.id, {}).items())

    return max(members, key=lambda d: (closeness(d), bool(d.article.title),
                                       _neg(d.article.published), _neg(d.id)))


def _neg(value: str | None) -> tuple[int, ...]:
    """Sort key that prefers the smaller string inside a max()."""
    return tuple(-ord(ch) for ch in (value or "\uffff"))


def make_story(story_id: str, members: list[Doc], clusterer: StoryClusterer,
               thread: str | None) -> Story:
    members = sorted(members, key=lambda d: (d.article.published or "", d.id))
    central = _central_doc(members, clusterer)
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


def build_stories(docs: list[Doc]) -> list[Story]:
    """Cluster the articles into stories and describe each one."""
    articles = [d for d in docs if d.article.is_article and d.article.text]
    clusterer = StoryClusterer()
    assignment = clusterer.add_batch(articles)
    members: dict[str, list[Doc]] = defaultdict(list)
    for doc in articles:
        members[assignment[doc.id]].append(doc)
    stories = [make_story(sid, group, clusterer, clusterer.stories[sid].thread)
               for sid, group in members.items()]
    return sorted(stories, key=lambda s: (s.first_seen or "", s.id))

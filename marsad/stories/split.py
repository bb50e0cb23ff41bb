"""A second look at each story once every article is placed: a story whose undated articles
name their happening on weekdays more than a day apart holds more than one happening, and is
split along them.

Clustering is online, so a veto at join time moves the error rather than removing it: an
article kept out of a wrong story starts a story of its own, which the next articles of its
family join (issue 21's undated look-alikes: an envoy's visits, a pope's journeys, strikes on
one airport). Once the whole family has gathered, its members can be compared with each other
instead: the articles that name a weekday are grouped by average text similarity, never
putting two whose weekdays disagree in one group (a developing story's next-day report gives
its own day's: weekdays one apart agree, `days.day_beside`), and the articles that name none
stay with the largest group, which keeps the story's id. Only two undated articles disagree:
where an article is dated its dates decide, so corpora with publication dates (the
SaudiNewsNet pair sets) are unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from marsad.stories.days import day_beside


@dataclass(frozen=True)
class Member:
    """What the split reads of one article of a story."""

    doc_id: str
    undated: bool  # no publication day (`reading.ArticleReading.day`)
    weekday: int | None  # its happening's (`days.doc_happening_weekday`)


def weekdays_disagree(a: Member, b: Member) -> bool:
    """Two undated articles on weekdays more than a day apart. A dated article's weekday is not
    asked: its dates decide, and a story's dated report may announce a meeting on a later day
    than an undated one names (the seeds' Baghdad and Washington meetings, one story)."""
    if not (a.undated and b.undated) or a.weekday is None or b.weekday is None or a.weekday == b.weekday:
        return False
    return not day_beside(a.weekday, {b.weekday: 1})


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    return sum(w * b.get(t, 0.0) for t, w in a.items())  # unit vectors (`StoryClusterer.features`)


def _groups(members: Sequence[Member], vectors: Mapping[str, Mapping[str, float]]) -> list[list[Member]]:
    """Average-link grouping that never joins two groups holding a disagreeing pair."""
    groups = [[m] for m in members]
    similar = {}
    for a, b in combinations(members, 2):
        similar[a.doc_id, b.doc_id] = similar[b.doc_id, a.doc_id] = _cosine(vectors[a.doc_id], vectors[b.doc_id])
    while True:
        best: tuple[float, int, int] | None = None
        for i, j in combinations(range(len(groups)), 2):
            one, other = groups[i], groups[j]
            if not one or not other or any(weekdays_disagree(a, b) for a in one for b in other):
                continue
            pairs = [similar[a.doc_id, b.doc_id] for a in one for b in other]
            score = sum(pairs) / len(pairs)
            if best is None or score > best[0]:
                best = (score, i, j)
        if best is None:
            return [g for g in groups if g]
        _, i, j = best
        groups[i] += groups[j]
        groups[j] = []


def split_story(members: Sequence[Member], vectors: Mapping[str, Mapping[str, float]]) -> list[list[str]]:
    """The story's articles (ids, in `members`' order) as one or more stories; the first keeps
    the story's id. `vectors`: the articles' unit vectors in the clusterer (only read when the
    story's weekdays disagree)."""
    named = [m for m in members if m.weekday is not None]
    if not any(weekdays_disagree(a, b) for a, b in combinations(named, 2)):
        return [[m.doc_id for m in members]]
    order = {m.doc_id: i for i, m in enumerate(members)}
    groups = sorted(_groups(named, {m.doc_id: vectors.get(m.doc_id, {}) for m in named}),
                    key=lambda g: (-len(g), min(order[m.doc_id] for m in g)))
    kept = {m.doc_id for g in groups[1:] for m in g}
    first = [m.doc_id for m in members if m.doc_id not in kept]
    return [first] + [sorted((m.doc_id for m in g), key=order.__getitem__) for g in groups[1:]]

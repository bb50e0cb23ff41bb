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
from functools import cache

import numpy as np
from sklearn.feature_extraction import DictVectorizer

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


@cache
def _weekdays_apart() -> np.ndarray:
    """7 x 7: two weekdays more than a day apart (`weekdays_disagree` of two undated articles)."""
    return np.array([[a != b and not day_beside(a, {b: 1}) for b in range(7)] for a in range(7)])


def _disagreements(members: Sequence[Member]) -> np.ndarray:
    """`weekdays_disagree` of every pair, as a boolean matrix."""
    apart = _weekdays_apart()
    undated = np.array([m.undated and m.weekday is not None for m in members], dtype=bool)
    weekday = np.array([m.weekday if m.weekday is not None else 0 for m in members], dtype=int)
    return np.asarray(undated[:, None] & undated[None, :] & apart[weekday[:, None], weekday[None, :]])


def _groups(members: Sequence[Member], vectors: Mapping[str, Mapping[str, float]]) -> list[list[Member]]:
    """Average-link grouping that never joins two groups holding a disagreeing pair. The pair
    sums of cosines are kept per group and updated on each merge, so a family of hundreds of
    undated articles is grouped in about a second (a group-by-group rescan is quartic)."""
    n = len(members)
    groups = [[m] for m in members]
    if n < 2:
        return groups
    matrix = DictVectorizer().fit_transform([dict(vectors[m.doc_id]) for m in members])
    sums = np.asarray((matrix @ matrix.T).toarray(), dtype=float)  # unit vectors: cosines
    blocked = _disagreements(members)
    sizes = np.ones(n)
    upper = np.triu(np.ones((n, n), dtype=bool), 1)  # (i, j), i < j: the first best wins ties
    score = np.where(upper & ~blocked, sums, -np.inf)
    while True:
        k = int(np.argmax(score))
        i, j = divmod(k, n)
        if score[i, j] == -np.inf:
            return [g for g in groups if g]
        groups[i] += groups[j]
        groups[j] = []
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        blocked[i, :] |= blocked[j, :]
        blocked[:, i] |= blocked[:, j]
        sizes[i] += sizes[j]
        live = np.array([bool(g) for g in groups])
        averages = sums[i, :] / (sizes[i] * sizes)
        row = np.where(live & ~blocked[i, :], averages, -np.inf)
        score[:, j] = score[j, :] = -np.inf
        score[i, i + 1:] = row[i + 1:]
        score[:i, i] = row[:i]


def split_story(members: Sequence[Member], vectors: Mapping[str, Mapping[str, float]]) -> list[list[str]]:
    """The story's articles (ids, in `members`' order) as one or more stories; the first keeps
    the story's id. `vectors`: the articles' unit vectors in the clusterer (only read when the
    story's weekdays disagree)."""
    named = [m for m in members if m.weekday is not None]
    # most stories have no two undated articles naming different weekdays: no matrix for them
    if len({m.weekday for m in named if m.undated}) < 2 or not _disagreements(named).any():
        return [[m.doc_id for m in members]]
    order = {m.doc_id: i for i, m in enumerate(members)}
    groups = sorted(_groups(named, {m.doc_id: vectors.get(m.doc_id, {}) for m in named}),
                    key=lambda g: (-len(g), min(order[m.doc_id] for m in g)))
    kept = {m.doc_id for g in groups[1:] for m in g}
    first = [m.doc_id for m in members if m.doc_id not in kept]
    return [first] + [sorted((m.doc_id for m in g), key=order.__getitem__) for g in groups[1:]]

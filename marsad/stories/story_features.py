"""What the clusterer knows of one article (`DocFeatures`) and how it counts into a story:
the counts a story keeps of its articles' days, names and numbers, the story an article would
start on its own, and whether an article's dates tie it to a story it may develop."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from marsad.stories.state import StoryState


def story_id_for(first_article_id: str) -> str:
    return "s" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class DocFeatures:
    vector: dict[str, float]  # unit length
    entities: frozenset[str]
    event_days: frozenset[int]
    day: int | None
    people: frozenset[str]
    happening_day: int | None
    title: frozenset[str]
    numbers: frozenset[str]
    events: frozenset[str]
    kind: str
    specifics: frozenset[str]  # its title's ordinals and counterpart (`specifics.title_specifics`)
    weekday: int | None  # the happening's (`days.doc_happening_weekday`)
    month: int | None  # of its publication (`days.publication_month`)


def add_story_counts(story: StoryState, f: DocFeatures) -> None:
    """Count what the article says into the story (entities are counted by the caller)."""
    happening = f.happening_day if f.happening_day is not None else f.day
    for day in [*f.event_days]:
        story.event_days[day] = story.event_days.get(day, 0) + 1
    if happening is not None:
        story.happening_days[happening] = story.happening_days.get(happening, 0) + 1
    for by_day, key in ((story.weekdays, f.weekday), (story.months, f.month)):
        if key is not None:
            by_day[key] = by_day.get(key, 0) + 1
    for counts, items in ((story.title, f.title), (story.people, f.people), (story.numbers, f.numbers),
                          (story.events, f.events), (story.kinds, (f.kind,)), (story.specifics, f.specifics)):
        for item in items:
            counts[item] = counts.get(item, 0) + 1


def one_article_story(doc_id: str, f: DocFeatures) -> StoryState:
    """The story an article would start (to compare article pairs, as training does)."""
    day = f.day if f.day is not None else 0
    story = StoryState(story_id_for(doc_id), day, day, has_day=f.day is not None)
    story.centroid = dict(f.vector)
    story.entities = dict.fromkeys(f.entities, 1)
    add_story_counts(story, f)
    story.articles.append(doc_id)
    return story


def ordinals_differ(numbers: frozenset[str], story_numbers: dict[str, int]) -> bool:
    """Both state ordinals (`signature.doc_numbers`: "o4" of الجولة الرابعة) and none in common."""
    mine = {n for n in numbers if n[0] == "o"}
    theirs = {n for n in story_numbers if n[0] == "o"}
    return bool(mine) and bool(theirs) and not mine & theirs


def dates_link(f: DocFeatures, story: StoryState, far: bool = False) -> bool:
    """Whether an article's dates tie it to a story it may develop: it states a day the story
    dates its happening on ("والخميس الماضي" two days after a Thursday meeting), or the story
    states its happening's day. An undated article or story ties unless its happening's day or
    weekday is another (`far`: the `happening_far` feature; an envoy's visit on a Tuesday and
    one on a Saturday)."""
    if f.day is None or not story.has_day:
        return not far
    happening = f.happening_day if f.happening_day is not None else f.day
    return happening in story.event_days or any(day in story.happening_days for day in f.event_days)

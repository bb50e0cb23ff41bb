"""What makes a happening: the signature of an article and the same-happening decision.

An article's signature is what its title and lead say about the happening they report: its
content terms (as a TF-IDF vector, `cluster.py` makes it), the entities, the days it states,
its publication day, its distinguishing numbers and ordinals ("14 صاروخا", "الجولة الرابعة"),
its event types, and its kind (news, or a routine market report, job advert or obituary).
`pair_features` compares an article's signature with a story's (the story's counts divided by
its number of articles, so a one-article story is the article itself), and `SameHappening`
turns the features into the probability that both report one happening: a logistic
regression whose weights and threshold `scripts/train_story_pairs.py` learns from
hand-labelled SaudiNewsNet pairs (marsad/models/story_pairs.json).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from marsad.arabic.normalize import match_key
from marsad.arabic.numbers import ORDINAL_VALUES, parse_digits
from marsad.model import Doc, Token
from marsad.stories.terms import load_word_list

# A number names a happening ("14 صاروخا", "22 عاماً") unless it is a year (Gregorian or
# Hijri) or one: those are in every article.
_YEARS = (range(1380, 1480), range(1900, 2100))


@cache
def _kind_words() -> dict[str, str]:
    words = {}
    for line in load_word_list("story_kinds.tsv"):
        kind, forms = line.split("\t")
        for form in forms.split("|"):
            key = match_key(form)
            words[key] = kind
            words.setdefault(key[2:] if key.startswith("ال") else "ال" + key, kind)
    return words


# A page is of a routine kind when its title and lead use at least 3 of its words: a market
# close uses 5-15 ("المؤشر ... نقطة ... تداولات"), news of one happening 0-2 (SaudiNewsNet
# development pairs, 2015-08-10/11).
KIND_MIN_WORDS = 3


def doc_kind(tokens: Iterable[Token]) -> str:
    words = _kind_words()
    counts: dict[str, int] = {}
    for token in tokens:
        kind = words.get(token.key)
        if kind is not None:
            counts[kind] = counts.get(kind, 0) + 1
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=("news", 0))
    return best[0] if best[1] >= KIND_MIN_WORDS else "news"


def doc_numbers(tokens: Sequence[Token], doc: Doc, lead_end: int) -> frozenset[str]:
    """The distinguishing numbers of the title and lead: digits as written ("n14"), number
    words the quantity extractor read ("n3" for ثلاثة جنود) and ordinals ("o4")."""
    found = set()
    for token in tokens:
        key = token.key
        if key[:1].isdigit():
            value = parse_digits(key)
            if value is not None and _distinguishing(value):
                found.add(f"n{value:g}")
        elif (ordinal := ORDINAL_VALUES.get(key)) is not None and ordinal > 1:
            found.add(f"o{ordinal}")
    for q in doc.quantities:
        if q.start < lead_end and _distinguishing(q.value):
            found.add(f"n{q.value:g}")
    return frozenset(found)


def _distinguishing(value: float) -> bool:
    return value > 1 and not (value == int(value) and any(int(value) in r for r in _YEARS))


def day_number(value: str | None) -> int | None:
    """Days since 0001-01-01 for YYYY-MM-DD (month/year dates take their first day)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d).toordinal()
    except (ValueError, IndexError):
        return None


def doc_entities(doc: Doc) -> set[str]:
    """Linked entity ids; unlinked PER/ORG/LOC mentions count by their match key."""
    found = set()
    for m in doc.mentions:
        found.add(m.entity if m.entity else "k:" + match_key(m.text))
    return found


# A lead paragraph dates its own news: "أعلنت الحكومتان مساء الخميس 11 يونيو 2020 ...".
LEAD_CHARS = 400


def article_day(doc: Doc) -> int | None:
    """The publication day, or for an undated page the latest full date stated (not
    inferred) in its lead paragraph; None when neither is known."""
    day = day_number(doc.article.published)
    if day is not None:
        return day
    lead_end = min(len(doc.article.text), LEAD_CHARS)
    days = [day_number(t.value) for t in doc.times
            if t.start < lead_end and not t.relative and t.value and len(t.value) == 10]
    stated = [d for d in days if d is not None]
    return max(stated) if stated else None


def doc_event_days(doc: Doc) -> set[int]:
    days = set()
    for t in doc.times:
        if t.value and len(t.value) == 10:
            day = day_number(t.value)
            if day is not None:
                days.add(day)
    return days


def doc_happening_day(doc: Doc, lead_end: int) -> int | None:
    """The first day the lead states or resolves ("الثلاثاء", "أمس", "12 آذار"): news says
    when its happening was in its first lines."""
    for t in sorted(doc.times, key=lambda t: t.start):
        if t.start >= lead_end:
            break
        if t.value and len(t.value) == 10:
            return day_number(t.value)
    return None


def doc_people(doc: Doc, lead_end: int) -> frozenset[str]:
    """The people the lead names (entity ids, else match keys): who acted, met, called."""
    return frozenset(m.entity or "k:" + match_key(m.text) for m in doc.mentions
                     if m.type == "PER" and m.start < lead_end)


def doc_event_types(doc: Doc, lead_end: int) -> frozenset[str]:
    """PLOVER types of the events asserted in the lead (what happened, not what was said)."""
    return frozenset(e.type for e in doc.events if e.start < lead_end and e.mode == "asserted")


# --- the decision ----------------------------------------------------------------------

FEATURES = ("text", "title", "entity", "no_entities", "entity_conflict", "people", "people_conflict",
            "happening_same_day", "happening_far", "numbers", "events",
            "kind_mismatch", "routine")


@dataclass(frozen=True)
class Signature:
    """What a story (or a one-article story) is: counts of what its articles say."""

    n: int  # articles
    day: int | None  # publication day (the story's latest)
    title: dict[str, int]
    entities: dict[str, int]
    people: dict[str, int]
    happening_days: dict[int, int]
    numbers: dict[str, int]
    events: dict[str, int]
    kinds: dict[str, int]


def pair_features(text: float, title: frozenset[str], entities: frozenset[str], people: frozenset[str],
                  day: int | None, happening_day: int | None, numbers: frozenset[str],
                  events: frozenset[str], kind: str, story: Signature) -> list[float]:
    """The features of an article against a story, in the order of FEATURES. `text` is the
    cosine of the article's vector with the story's centroid."""
    n = max(1, story.n)

    def share(mine: Iterable, theirs: dict) -> float:
        mine = list(mine)
        return sum(theirs.get(x, 0) for x in mine) / (len(mine) * n) if mine else 0.0

    # The happening's day: the first day the lead states (or resolves: "أمس"), else the
    # publication day; against the nearest of the story's.
    happening = happening_day if happening_day is not None else day
    happening_gap = min((abs(happening - d) for d in story.happening_days), default=1) if happening is not None else 1
    # Numbers count by how many the story states (3 at most), not by share: one small
    # number ("3") is in many unrelated leads, three shared ones rarely are.
    shared_numbers = min(3.0, sum(story.numbers.get(x, 0) for x in numbers) / n) / 3
    people_share = share(people, story.people)
    entity_share = share(entities, story.entities)
    story_kind = max(story.kinds.items(), key=lambda kv: (kv[1], kv[0]))[0] if story.kinds else "news"
    return [
        text,
        share(title, story.title),
        entity_share,
        float(not entities or not story.entities),
        float(bool(entities) and bool(story.entities) and entity_share == 0.0),
        people_share,
        float(bool(people) and bool(story.people) and people_share == 0.0),
        float(happening_gap == 0),
        float(happening_gap >= 2),
        shared_numbers,
        share(events, story.events),
        float(kind != story_kind),
        float(kind != "news" or story_kind != "news"),
    ]


@dataclass(frozen=True)
class SameHappening:
    """Logistic regression over `pair_features`; `threshold` on its probability."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"features": list(FEATURES), "weights": list(self.weights), "bias": self.bias,
                "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict) -> SameHappening:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("story pair model was trained on other features; rerun scripts/train_story_pairs.py")
        return cls(tuple(float(w) for w in data["weights"]), float(data["bias"]), float(data["threshold"]))


MODEL_FILE = "story_pairs.json"
BACKGROUND_FILE = "story_df.json"


@dataclass(frozen=True)
class Background:
    """Document frequencies of content terms in a large news corpus (SaudiNewsNet, written
    by scripts/train_story_pairs.py): a term's weight then does not hang on how many
    articles one run holds (five seed pages or a day's stream), as the model was trained."""

    documents: int
    df: dict[str, int]


@cache
def background() -> Background:
    path = resources.files("marsad") / "models" / BACKGROUND_FILE
    if not path.is_file():
        return Background(0, {})
    data = json.loads(path.read_text(encoding="utf-8"))
    return Background(int(data["documents"]), data["df"])


@cache
def same_happening_model() -> SameHappening:
    text = (resources.files("marsad") / "models" / MODEL_FILE).read_text(encoding="utf-8")
    return SameHappening.from_json(json.loads(text))

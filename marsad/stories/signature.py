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
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import repeat
from operator import mul

from marsad.arabic.normalize import match_key
from marsad.arabic.numbers import parse_digits
from marsad.arabic.tokenize import iter_tokens
from marsad.extract.org_names import nationality_keys
from marsad.model import Doc, Token
from marsad.stories.ordinals import stated_ordinals
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
    in_dates = _date_digits(doc, lead_end)
    undated = [token for token in tokens if (token.start, token.key) not in in_dates]
    for token in undated:
        if token.key[:1].isdigit():
            value = parse_digits(token.key)
            if value is not None and _distinguishing(value):
                found.add(f"n{value:g}")
    found.update(f"o{ordinal}" for ordinal in stated_ordinals(undated) if ordinal > 1)
    for q in doc.quantities:
        if q.start < lead_end and _distinguishing(q.value):
            found.add(f"n{q.value:g}")
    return frozenset(found)


def _date_digits(doc: Doc, lead_end: int) -> set[tuple[int, str]]:
    """(offset, key) of the lead's words inside its dates ("29 يونيو", "21/7"): a day of the
    month is in every article of that day, it names no happening. Title tokens, whose
    offsets are into the title, match only where the text has the same word there."""
    text = doc.article.text
    found: set[tuple[int, str]] = set()
    for t in doc.times:
        if t.start < lead_end:
            found.update((token.start, token.key) for token in iter_tokens(text, t.start, t.end))
    return found


def _distinguishing(value: float) -> bool:
    return value > 1 and not (value == int(value) and any(int(value) in r for r in _YEARS))


def doc_entities(doc: Doc) -> set[str]:
    """Linked entity ids; unlinked PER/ORG/LOC mentions count by their match key. A body
    counts by its name less a closing nationality too ("o:البنك المركزي" of "البنك المركزي
    المصري" and of a bare "البنك المركزي"): one country's bank is its own record, but the
    article that writes it bare, beside one that names the country, tells of the same bank."""
    found = set()
    for m in doc.mentions:
        found.add(m.entity if m.entity else "k:" + match_key(m.text))
        if m.type == "ORG":
            found.add("o:" + institution_base(match_key(m.text)))
    return found


def institution_base(key: str) -> str:
    """An institution's name key without a closing nationality adjective, when two words or
    more stay ("الاتحاد الاوروبي" is no "الاتحاد" that every federation shares)."""
    head, _, last = key.rpartition(" ")
    return head if " " in head and last in nationality_keys() else key


def doc_people(doc: Doc, lead_end: int) -> frozenset[str]:
    """The people the lead names (entity ids, else match keys): who acted, met, called."""
    return frozenset(m.entity or "k:" + match_key(m.text) for m in doc.mentions
                     if m.type == "PER" and m.start < lead_end)


def doc_event_types(doc: Doc, lead_end: int) -> frozenset[str]:
    """PLOVER types of the events asserted in the lead (what happened, not what was said)."""
    return frozenset(e.type for e in doc.events if e.start < lead_end and e.mode == "asserted")


# --- the decision ----------------------------------------------------------------------

FEATURES = ("text", "title", "entity", "no_entities", "entity_conflict", "people", "people_conflict",
            "happening_same_day", "happening_far", "published_other_day", "numbers", "events",
            "kind_mismatch", "routine", "routine_other_day")


_ROUTINE = FEATURES.index("routine")
_TEXT = FEATURES.index("text")
_FAR = FEATURES.index("happening_far")
_SAME_DAY = FEATURES.index("happening_same_day")


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
    weekdays: dict[int, int]  # the happening's weekday (`doc_happening_weekday`) -> articles


def pair_features(text: float, title: frozenset[str], weights: dict[str, float], entities: frozenset[str],
                  people: frozenset[str], day: int | None, happening_day: int | None, numbers: frozenset[str],
                  events: frozenset[str], kind: str, story: Signature, weekday: int | None = None) -> list[float]:
    """The features of an article against a story, in the order of FEATURES. `text` is the
    cosine of the article's vector with the story's centroid; `weights` that vector (its
    terms' TF-IDF weights)."""
    n = max(1, story.n)
    # (The sums below run in C, over the items in the order a generator would take them.)
    # Title terms weigh as in the article's vector: a shared "العيد" or "الرياض" says less
    # than a shared name (two two-word titles sharing only "العيد" were one story).
    title_weight = sum(map(weights.get, title, repeat(0.0)))
    title_share = (sum(map(mul, map(weights.get, title, repeat(0.0)), map(story.title.get, title, repeat(0))))
                   / (title_weight * n) if title_weight else 0.0)

    def share(mine: Collection, theirs: dict) -> float:
        return sum(map(theirs.get, mine, repeat(0))) / (len(mine) * n) if mine else 0.0

    # The happening's day: the first day the lead states (or resolves: "أمس"), else the
    # publication day; against the nearest of the story's.
    happening = happening_day if happening_day is not None else day
    if happening is not None and story.happening_days:
        happening_gap = min(abs(happening - d) for d in story.happening_days)
    elif weekday is not None and story.weekdays:
        # Without a date on one side, the weekdays: the same one, or another. Each page names
        # its happening's weekday ("أمس (الإثنين)", "اليوم (الأحد)"), so one day apart is another
        # day as much as three are (real pages of rounds 1-3 and 5: same-story pairs one day
        # apart 10, look-alikes 97; two or more apart 13 and 139; labels/stories/README.md).
        happening_gap = 0 if weekday in story.weekdays else 2
    else:
        happening_gap = 1
    # Numbers count by how many the story states (3 at most), not by share: one small
    # number ("3") is in many unrelated leads, three shared ones rarely are.
    shared_numbers = min(3.0, sum(map(story.numbers.get, numbers, repeat(0))) / n) / 3
    people_share = share(people, story.people)
    entity_share = share(entities, story.entities)
    story_kind = max(story.kinds.items(), key=lambda kv: (kv[1], kv[0]))[0] if story.kinds else "news"
    # Published on another day than the story's latest article: a follow-up, or (for a
    # market close or a weather report, which are of one day) another happening.
    other_day = float(day is not None and story.day is not None and day != story.day)
    routine = float(kind != "news" or story_kind != "news")
    return [
        text,
        title_share,
        entity_share,
        float(not entities or not story.entities),
        float(bool(entities) and bool(story.entities) and entity_share == 0.0),
        people_share,
        float(bool(people) and bool(story.people) and people_share == 0.0),
        float(happening_gap == 0),
        float(happening_gap >= 2),
        other_day,
        shared_numbers,
        share(events, story.events),
        float(kind != story_kind),
        routine,
        routine * other_day,
    ]


@dataclass(frozen=True)
class SameHappening:
    """Logistic regression over `pair_features`: an article joins a story of the window when
    its probability is at least `threshold`. A developing story (a preview and its meeting,
    tolls rising over days, each outlet in its own words) gets articles the model does not
    call the same happening: one joins a story of at least `developing_articles` articles
    when the probability is at least `developing_probability` and the subject similarity
    (`StoryClusterer.similarity`) at least `developing_similarity`. The four bounds are chosen
    by scripts/train_story_pairs.py on the clustering of the labelled pairs (see
    marsad/models/MODEL_CARD.md)."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    developing_probability: float = 1.0  # 1.0: no developing route
    developing_similarity: float = 1.0
    developing_articles: int = 1
    # The text cosine a developing story's article needs when its dates do not tie it to the
    # story (`cluster.dates_link`); 0.0: dates are not asked.
    developing_text: float = 0.0
    # Where the article or the story has no publication day (an excerpt: most real pages), the
    # model's probability is read without the date evidence it was fitted with (SaudiNewsNet
    # articles all have one), and one outlet's words against another's: an undated article joins
    # the best story at `undated_probability` or more when it leads the runner-up story by
    # `undated_margin` (the look-alikes of a family score alike) and the weekdays and ordinals
    # do not tell another happening (`may_join_undated`). 1.0: off. Chosen on real-page rounds
    # 1-3 and 5 (labels/stories/README.md).
    undated_probability: float = 1.0
    undated_margin: float = 0.0
    # A dated article whose lead states its happening's day, the story's day (`same_day`), joins
    # the best story at `same_day_probability` when it leads the runner-up by `same_day_margin`:
    # one day's happening told by two outlets in their own words (the Mangaf fire's tolls of one
    # day, real-page round 7). The bounds are those of an undated pair, stricter: SaudiNewsNet's
    # same-day pairs (wire copies, many candidates of a day) are decided at the threshold.
    same_day_probability: float = 1.0
    same_day_margin: float = 0.0

    def probability(self, features: Sequence[float]) -> float:
        if len(features) != len(self.weights):
            raise ValueError(f"{len(features)} features for {len(self.weights)} weights")
        z = self.bias + sum(map(mul, self.weights, features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def joins_developing(self, features: Sequence[float], probability: float, similarity: float,
                         articles: int, dates_link: bool = True) -> bool:
        """A market close, a forecast or an advert is of one moment: it develops into no story.
        The same actors on another day are another happening unless the article's dates tie it
        to the story (`dates_link`) or it is written much as the story is (a follow-up)."""
        return (not features[_ROUTINE] and probability >= self.developing_probability
                and similarity >= self.developing_similarity and articles >= self.developing_articles
                and (dates_link or features[_TEXT] >= self.developing_text))

    def may_join_undated(self, features: Sequence[float], ordinals_differ: bool) -> bool:
        """An undated pair's story may be joined below the threshold (`joins_undated`): not on
        another weekday (`happening_far`), not of another ordinal (round, session, anniversary),
        not a routine report."""
        return not features[_FAR] and not ordinals_differ and not features[_ROUTINE]

    def joins_undated(self, probability: float, runner_up: float) -> bool:
        """The best story's probability is high enough and clearly above the runner-up's."""
        return probability >= self.undated_probability and probability - runner_up >= self.undated_margin

    @staticmethod
    def same_day(features: Sequence[float]) -> bool:
        """The article's happening day is one the story's articles date theirs on."""
        return bool(features[_SAME_DAY])

    def joins_same_day(self, probability: float, runner_up: float) -> bool:
        """`joins_undated` with the same-day bounds."""
        return probability >= self.same_day_probability and probability - runner_up >= self.same_day_margin

    def to_json(self) -> dict:
        return {"features": list(FEATURES), "weights": list(self.weights), "bias": self.bias,
                "threshold": self.threshold, "developing_probability": self.developing_probability,
                "developing_similarity": self.developing_similarity, "developing_articles": self.developing_articles,
                "developing_text": self.developing_text, "undated_probability": self.undated_probability,
                "undated_margin": self.undated_margin, "same_day_probability": self.same_day_probability,
                "same_day_margin": self.same_day_margin}

    @classmethod
    def from_json(cls, data: dict) -> SameHappening:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("story pair model was trained on other features; rerun scripts/train_story_pairs.py")
        return cls(tuple(float(w) for w in data["weights"]), float(data["bias"]), float(data["threshold"]),
                   float(data["developing_probability"]), float(data["developing_similarity"]),
                   int(data["developing_articles"]), float(data.get("developing_text", 0.0)),
                   float(data.get("undated_probability", 1.0)), float(data.get("undated_margin", 0.0)),
                   float(data.get("same_day_probability", 1.0)), float(data.get("same_day_margin", 0.0)))


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


def tf_idf(counts: Mapping[str, int], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """The TF-IDF weights of terms counted in an article, their document frequencies those of
    the background corpus and of the `n_docs` articles `df` counts (the clusterer's)."""
    bg = background()
    n, bg_df = 1 + n_docs + bg.documents, bg.df
    return {t: (1 + math.log(c)) * math.log(n / (1 + df.get(t, 0) + bg_df.get(t, 0)) + 1.0) for t, c in counts.items()}


@cache
def same_happening_model() -> SameHappening:
    text = (resources.files("marsad") / "models" / MODEL_FILE).read_text(encoding="utf-8")
    return SameHappening.from_json(json.loads(text))

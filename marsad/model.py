"""The typed records that cross stage boundaries.

Data flows one way: ingest -> clean -> arabic -> extract -> link -> stories -> outputs.
Every annotation points into `Article.text` by character offsets (end exclusive), so
annotations never hold drifting copies of the text. Records are frozen: a stage returns
new records (``dataclasses.replace``) instead of mutating what it was given.
No logic lives here beyond trivial derived properties.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, Literal, NamedTuple, TypeVar

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
Bound = Literal["exact", "about", "at_least", "at_most", "more_than", "less_than"]
Granularity = Literal["day", "week", "month", "year"]  # a week's value is its Monday
EventMode = Literal["asserted", "future", "negated", "hypothetical"]
# What a page is: an article, or one of the pages that are not (no entities, no stories).
PageType = Literal["article", "listing", "home", "ticker", "feed", "video", "author", "error", "other"]
ItemT = TypeVar("ItemT")


# --- ingest -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RawPage:
    """One input page, decoded to text, before any cleaning.

    `content` is the decoded page (HTML or a plain-text dump); `is_html` is decided from
    the content, not the file name. The `hint_*` fields come from JSON Lines metadata and
    win over what cleaning would infer.
    """

    source: str  # URL when known, else path, or path:LINE for JSON Lines
    content: str
    is_html: bool
    content_hash: str  # sha256 of the decoded content, hex
    url: str | None = None
    hint_published: str | None = None
    hint_outlet: str | None = None
    hint_title: str | None = None
    site_key: str | None = None  # groups pages of one site (directory or domain)


@dataclass(frozen=True)
class Problem:
    """An input that could not be read or processed; the batch goes on without it."""

    source: str
    error: str
    # The page was analysed all the same, without what is wrong (a date that is no date):
    # a warning about a page, not a page lost.
    page_kept: bool = False


# --- clean ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """A cleaned page: body text and metadata. Offsets of all annotations index `text`."""

    id: str
    source: str
    text: str
    title: str | None
    published: str | None  # YYYY-MM-DD (or YYYY-MM / YYYY when only that is stated)
    outlet: str | None
    language: str
    is_article: bool
    credits: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # lines taken out as site furniture, in page order
    url: str | None = None
    lede: str | None = None  # a standfirst/subtitle line when the page shows one
    content_hash: str = ""
    page_type: PageType = "article"  # "article" exactly when is_article


# --- arabic primitives ------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


class Token(NamedTuple):
    """A word or punctuation mark with offsets into the article text.

    `key` is the normalised match key of the whole token; `stem` is the key with the
    attached proclitics (و ف ب ل ك ال ...) removed; `prefix` is what was removed.
    A NamedTuple rather than a dataclass: millions are made per corpus, and it is
    immutable all the same.
    """

    start: int
    end: int
    text: str
    key: str
    stem: str
    prefix: str = ""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()


# --- extract ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: EntityType
    entity: str | None = None  # entity id, filled in by link
    role: str | None = None  # "رئيس الوزراء العراقي" when the text gives one
    source: str = "model"  # "model" | "gazetteer" | "role" | "coref"
    antecedent: str | None = None  # for a role-only reference: the person's name as first written


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    bound: Bound = "exact"
    unit: str | None = None  # counted noun, normalised singular (جندي, صاروخ, هجوم)
    unit_text: str | None = None  # the counted noun phrase as written
    is_percent: bool = False


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD / YYYY-MM / YYYY, None when it cannot be resolved
    relative: bool = False
    granularity: Granularity | None = None
    calendar: str = "gregorian"  # or "hijri" when written as a Hijri date


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None = None  # entity id
    speaker_text: str | None = None  # the speaker as written ("مسؤول حكومي عراقي")
    speaker_kind: str | None = None  # "entity" | "anonymous" | "institution"
    direct: bool = True  # False for reported speech without quotation marks


@dataclass(frozen=True)
class Participant:
    """One side of an event: an entity mention or a typed agent phrase ("الشرطة العراقية")."""

    text: str  # as the sentence writes it
    entity: str | None = None  # the entity's id once linked
    code: str = ""  # CAMEO-style actor code when known: IRQGOV, USAGOV ...

    @property
    def ref(self) -> str:
        """Who it is, for comparing and merging: the entity when linked, else the words."""
        return self.entity or self.text


@dataclass(frozen=True)
class Event:
    """A PLOVER-style event coded from one sentence (or merged across articles)."""

    type: str  # PLOVER 2.0 event type: CONSULT, ASSAULT, AGREE, ...
    trigger: str
    actors: tuple[Participant, ...]  # the source side
    targets: tuple[Participant, ...]  # the side acted on
    location: str | None
    date: str | None
    sentence: str
    mode: EventMode = "asserted"
    start: int = 0  # sentence offsets in the article text
    end: int = 0
    articles: tuple[str, ...] = ()  # article ids that report it (filled when merged)
    id: str = ""
    date_stated: bool = True  # False when `date` is the publication date standing in

    @property
    def participant_refs(self) -> tuple[str, ...]:
        """Every side's `ref`, actors first."""
        return tuple(p.ref for p in self.actors + self.targets)


@dataclass(frozen=True)
class Reuse:
    """This article shares text with another: a whole copy or a reused passage."""

    other: str  # the other article's id
    kind: Literal["duplicate", "passage"]
    similarity: float
    passage: str | None = None


@dataclass(frozen=True)
class Doc:
    """An article with everything the per-article stages found in it."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    reuse: tuple[Reuse, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


# --- link -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """One real-world entity with every spelling seen for it."""

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    roles: tuple[str, ...] = ()
    wikidata: str | None = None
    code: str | None = None  # CAMEO-style actor code when known (IRQGOV)


# --- stories ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimValue:
    value: float | str  # a number, or a date string for date claims
    articles: tuple[str, ...]
    bound: str = "exact"
    text: str = ""


@dataclass(frozen=True)
class Claim:
    about: str
    values: tuple[ClaimValue, ...]
    agree: bool
    kind: Literal["quantity", "date"] = "quantity"


@dataclass(frozen=True)
class SummarySentence:
    text: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class TimelineEntry:
    date: str | None
    text: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    id: str
    articles: tuple[str, ...]
    title: str
    summary: tuple[SummarySentence, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    first_seen: str | None = None
    last_seen: str | None = None
    entities: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    thread: str | None = None  # id of a related earlier story, when linked as a thread


# --- the whole run ----------------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    docs: tuple[Doc, ...]
    entities: tuple[Entity, ...] = ()
    stories: tuple[Story, ...] = ()
    errors: tuple[Problem, ...] = field(default_factory=tuple)


# --- the read side: what readers ask the store, and what it answers ----------------------


@dataclass(frozen=True)
class Query:
    """Words to find and filters, a page at a time (cli, API and web ask the store so)."""

    text: str = ""
    outlet: str | None = None
    entity: str | None = None  # entity id
    story: str | None = None  # story id
    date_from: dt.date | None = None  # published on or after this day
    date_to: dt.date | None = None  # ... and on or before this one
    offset: int = 0
    limit: int = 20
    exact: bool = False  # only the spelling asked for, not the other names of its entity


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str  # a few lines of the article around its first match, plain text
    highlights: tuple[tuple[int, int], ...] = ()  # matches: character offsets into `snippet`
    matched: tuple[str, ...] = ()  # the entity's names as this article spells them


@dataclass(frozen=True)
class ResultPage(Generic[ItemT]):
    total: int
    items: tuple[ItemT, ...]

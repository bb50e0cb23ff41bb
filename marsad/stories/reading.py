"""What story clustering reads of an article (`ArticleReading`), apart from the article.

Its title's and lead's content terms, numbers and kind, its days and event types come
from the text (`read_text`), wherever the doc is: `marsad batch` has its workers read them
with the rest of a doc's share of the corpus step. The entities and the people its
mentions name come once the linker has given them their ids (`ArticleReadings.add_links`).
The clusterer then reads these, never the doc: a corpus held on disk is not read back and
tokenised again for it.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import doc_tokens
from marsad.model import Doc, Token
from marsad.stories.days import (
    article_day,
    doc_event_days,
    doc_happening_day,
    doc_happening_weekday,
    publication_month,
)
from marsad.stories.signature import doc_entities, doc_event_types, doc_kind, doc_numbers
from marsad.stories.specifics import TitleParts, title_parts
from marsad.stories.terms import content_terms, title_tokens

# Only the lead of an article is read: news puts the what/who/where in the first
# paragraphs, and 250 tokens keep the per-article cost flat for long pages.
LEAD_TOKENS = 250


@dataclass(frozen=True)
class ArticleReading:
    """An article as the story clusterer reads it."""

    doc_id: str
    published: str | None
    day: int | None  # `days.article_day`
    # The content terms of the title and of the lead, a leading و/ف kept (the clusterer
    # drops it where the rest is a term it knew before: `terms.without_known_conjunction`).
    title: tuple[str, ...]
    body: tuple[str, ...]
    lead_end: int  # where the lead ends in the text
    numbers: frozenset[str]
    kind: str
    event_days: frozenset[int]
    happening_day: int | None
    happening_weekday: int | None  # `days.doc_happening_weekday`
    events: frozenset[str]  # event types the lead asserts
    specifics: TitleParts  # what its title specifies of the happening (`specifics.title_parts`)
    month: int | None  # `days.publication_month`
    # From the linked mentions: the entity ids (else match keys) of all, and of the people
    # the lead names (none until `with_links`).
    entities: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()


def read_article(doc: Doc) -> ArticleReading:
    """Everything the clusterer reads of a doc, its mentions as they are."""
    reading = read_text(doc)
    return with_links(reading, linked_names(doc))


def read_text(doc: Doc) -> ArticleReading:
    """What the clusterer reads of the doc's text and of the stages' findings in it, which
    linking leaves as they are: the title and lead tokenised once."""
    lead = list(doc_tokens(doc, LEAD_TOKENS))
    title_toks = title_tokens(doc)
    title_terms = content_terms(title_toks)
    if is_byline(title_toks, title_terms):
        title_toks = headline_tokens(doc, lead)
        title_terms = content_terms(title_toks)
    lead_end = lead[-1].end if lead else 0
    tokens = title_toks + lead
    day, happening_day = article_day(doc), doc_happening_day(doc, lead_end)
    return ArticleReading(doc.id, doc.article.published, day, tuple(title_terms),
                          tuple(content_terms(lead)), lead_end, doc_numbers(tokens, doc, lead_end), doc_kind(tokens),
                          frozenset(doc_event_days(doc)), happening_day,
                          doc_happening_weekday(doc, lead_end, happening_day, day),
                          doc_event_types(doc, lead_end), title_parts(title_toks), publication_month(doc, day))


# A page whose headline the cleaner did not find (a stored excerpt that starts at the lead)
# still says which happening it reports in its first sentence ("انطلقت اليوم الجولة الأولى
# من المفاوضات ..."): that sentence, at most this many tokens, specifies it as a title would.
HEADLINE_TOKENS = 30


def headline_tokens(doc: Doc, lead: list[Token]) -> list[Token]:
    """The untitled doc's first sentence (its first HEADLINE_TOKENS tokens of the lead), less
    the words of its dates and times ("تشرين الثاني" or "الثامنة مساء" state no ordinal) and
    a dateline or byline before it ("بيروت- فشل ..."، "وطنا اليوم: ..."); a first sentence that
    is only a byline ("زاد الاردن الاخباري -") gives way to the next."""
    ends: list[int | None] = [sentence.end for sentence in doc.sentences] or [None]
    start = 0
    for end in ends:
        times = [(t.start, t.end) for t in doc.times if end is None or t.start < end]
        sentence = [t for t in lead[start:start + HEADLINE_TOKENS] if (end is None or t.start < end)
                    and not any(b <= t.start < e for b, e in times)]
        start += sum(1 for t in lead[start:] if end is None or t.start < end)
        sentence = sentence[_byline_end(sentence):]
        if not is_byline(sentence) or start >= len(lead):
            return sentence
    return []


# A byline or dateline ends on a dash, colon or bar within the first words of a line
# ("صراحة نيوز – وافقت ..."); a line of one content word is one ("وكالات").
BYLINE_WORDS = 4
BYLINE_MARKS = frozenset("-–—:|")


def _byline_end(tokens: Sequence[Token]) -> int:
    """Where the words after a leading byline or dateline begin (0 when there is none)."""
    return next((i + 1 for i, t in enumerate(tokens[:BYLINE_WORDS + 1]) if t.key in BYLINE_MARKS and i > 0), 0)


def is_byline(tokens: Sequence[Token], terms: Sequence[str] | None = None) -> bool:
    """A title or first line that names its outlet or agency, not the happening: one content
    word at most (`terms`: its content terms, when known) ("وكالات"), or ending on a dash or
    colon ("زاد الاردن الاخباري -"), or three words at most around one ("ناظورسيتي -متابعة")."""
    if tokens and tokens[-1].key in BYLINE_MARKS:
        return True
    n = len(content_terms(tokens) if terms is None else terms)
    return n <= 1 or (n <= 3 and any(t.key in BYLINE_MARKS for t in tokens))


# A linked doc's names as the clusterer counts them: the entities (`doc_entities`) and
# each person mention's start and entity (its match key when it has none).
LinkedNames = tuple[frozenset[str], tuple[tuple[int, str], ...]]


def linked_names(doc: Doc) -> LinkedNames:
    people = tuple((m.start, m.entity or "k:" + match_key(m.text)) for m in doc.mentions if m.type == "PER")
    return frozenset(doc_entities(doc)), people


def with_links(reading: ArticleReading, names: LinkedNames) -> ArticleReading:
    """The reading with its entities and the people its lead names (`signature.doc_people`)."""
    entities, people = names
    return replace(reading, entities=entities,
                   people=frozenset(name for start, name in people if start < reading.lead_end))


class ArticleReadings:
    """The readings of a corpus's story articles by doc id: the text's part put first
    (`put`), the linked names added once the doc is linked (`add_links`). Kept in the
    scratch database `db` (`marsad.run.scratch`) when given, else in memory."""

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.db = db
        self._held: dict[str, tuple[ArticleReading, LinkedNames | None]] = {}
        if db is not None:
            db.execute("CREATE TABLE story_readings (id TEXT PRIMARY KEY, reading BLOB NOT NULL, names BLOB)")

    def put(self, reading: ArticleReading) -> None:
        if self.db is None:
            self._held[reading.doc_id] = (reading, None)
        else:
            self.db.execute("INSERT OR REPLACE INTO story_readings VALUES (?, ?, NULL)",
                            (reading.doc_id, pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL)))

    def add_links(self, doc: Doc) -> None:
        """The linked doc's names, for its reading put before."""
        names = linked_names(doc)
        if self.db is None:  # (held whole: read twice by the clusterer)
            self._held[doc.id] = (with_links(self._held[doc.id][0], names), None)
        else:
            self.db.execute("UPDATE story_readings SET names = ? WHERE id = ?",
                            (pickle.dumps(names, protocol=pickle.HIGHEST_PROTOCOL), doc.id))

    def __getitem__(self, doc_id: str) -> ArticleReading:
        if self.db is None:
            reading, names = self._held[doc_id]
        else:
            row = self.db.execute("SELECT reading, names FROM story_readings WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise KeyError(doc_id)
            reading, names = pickle.loads(row[0]), None if row[1] is None else pickle.loads(row[1])
        return reading if names is None else with_links(reading, names)

    def in_order(self, doc_ids: list[str]) -> Sequence[ArticleReading]:
        """The readings of these docs, in this order, each read when indexed."""
        return _InOrder(self, doc_ids)


class _InOrder(Sequence[ArticleReading]):
    def __init__(self, readings: ArticleReadings, doc_ids: list[str]) -> None:
        self.readings, self.doc_ids = readings, doc_ids

    def __len__(self) -> int:
        return len(self.doc_ids)

    def __getitem__(self, index: int) -> ArticleReading:  # type: ignore[override]  # (no slices: none is taken)
        return self.readings[self.doc_ids[index]]

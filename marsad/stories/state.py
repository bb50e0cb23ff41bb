"""The clusterer's state: a story's counts (`StoryState`) and the articles' vectors kept in
a scratch database (`StoredVectors`)."""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field

from marsad.run.scratch import scratch_database
from marsad.stories.signature import Signature


@dataclass
class StoryState:
    """A story as the clusterer keeps it: what its articles say, counted (see
    `signature.Signature`), and first/last publication days."""

    id: str
    first_day: int
    last_day: int
    centroid: dict[str, float] = field(default_factory=dict)  # summed unit doc vectors
    entities: dict[str, int] = field(default_factory=dict)  # entity -> articles naming it
    event_days: dict[int, int] = field(default_factory=dict)  # day -> articles stating it
    articles: list[str] = field(default_factory=list)
    thread: str | None = None
    title: dict[str, int] = field(default_factory=dict)  # title term -> articles using it
    numbers: dict[str, int] = field(default_factory=dict)  # "n14", "o4" -> articles stating it
    events: dict[str, int] = field(default_factory=dict)  # event type -> articles
    kinds: dict[str, int] = field(default_factory=dict)  # news / market / jobs / obituary -> articles
    has_day: bool = True  # False while no article of it had a day
    people: dict[str, int] = field(default_factory=dict)  # people named in leads -> articles
    happening_days: dict[int, int] = field(default_factory=dict)  # day its lead dates -> articles
    specifics: dict[str, int] = field(default_factory=dict)  # title ordinal or counterpart term -> articles
    weekdays: dict[int, int] = field(default_factory=dict)  # the happening's weekday -> articles
    months: dict[int, int] = field(default_factory=dict)  # publication month (`days.publication_month`) -> articles
    norm: float = 0.0  # the centroid's length (0: not computed yet)

    def signature(self) -> Signature:
        return Signature(len(self.articles), self.last_day if self.has_day else None, self.title,
                         self.entities, self.people, self.happening_days, self.numbers, self.events, self.kinds,
                         self.weekdays)

    def to_json(self) -> dict:
        return {"id": self.id, "first_day": self.first_day, "last_day": self.last_day,
                "centroid": self.centroid, "entities": self.entities,
                "event_days": [[day, n] for day, n in sorted(self.event_days.items())],
                "articles": self.articles, "thread": self.thread, "title": self.title,
                "numbers": self.numbers, "events": self.events, "kinds": self.kinds,
                "has_day": self.has_day, "people": self.people, "specifics": self.specifics,
                "happening_days": [[day, n] for day, n in sorted(self.happening_days.items())],
                "weekdays": [[day, n] for day, n in sorted(self.weekdays.items())],
                "months": [[month, n] for month, n in sorted(self.months.items())]}

    @classmethod
    def from_json(cls, data: dict) -> StoryState:
        counted: dict[int, int] = {}
        for item in data["event_days"]:
            day, n = item if isinstance(item, list) else (item, 1)  # older state: the days only
            counted[int(day)] = int(n)
        happening = {int(day): int(n) for day, n in data.get("happening_days", [])}
        weekdays = {int(day): int(n) for day, n in data.get("weekdays", [])}
        months = {int(month): int(n) for month, n in data.get("months", [])}
        return cls(**{**data, "event_days": counted, "happening_days": happening, "weekdays": weekdays,
                      "months": months})


class StoredVectors(MutableMapping[str, dict[str, float]]):
    """Article id -> its vector, kept in a SQLite table (`marsad.run.scratch`): on disk when
    a whole corpus is clustered by `marsad batch`, so the vectors of every article (read
    back only to pick each story's central article) do not stay in memory."""

    def __init__(self, db: sqlite3.Connection | None = None) -> None:
        self.db = db if db is not None else scratch_database(None)
        self.db.execute("CREATE TABLE IF NOT EXISTS story_vectors "
                        "(id TEXT PRIMARY KEY, terms TEXT NOT NULL, weights BLOB NOT NULL)")

    def __getitem__(self, doc_id: str) -> dict[str, float]:
        row = self.db.execute("SELECT terms, weights FROM story_vectors WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        terms, weights = row
        return dict(zip(terms.split(_TERM_SEP) if terms else [], array("d", weights), strict=True))

    def __setitem__(self, doc_id: str, vector: dict[str, float]) -> None:
        self.db.execute("INSERT OR REPLACE INTO story_vectors VALUES (?, ?, ?)",
                        (doc_id, _TERM_SEP.join(vector), array("d", vector.values()).tobytes()))

    def __delitem__(self, doc_id: str) -> None:
        if self.db.execute("DELETE FROM story_vectors WHERE id = ?", (doc_id,)).rowcount == 0:
            raise KeyError(doc_id)

    def __iter__(self) -> Iterator[str]:
        return iter([row[0] for row in self.db.execute("SELECT id FROM story_vectors ORDER BY rowid")])

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM story_vectors").fetchone()[0])


_TERM_SEP = "\x1f"  # between a vector's terms: a control character, which the tokeniser splits words on


class SeenBefore:
    """The terms a clusterer knew before a batch: its counts less the terms the batch brought."""

    def __init__(self, df: Counter[str], brought: set[str]) -> None:
        self.df, self.brought = df, brought

    def __contains__(self, term: object) -> bool:
        return term in self.df and term not in self.brought

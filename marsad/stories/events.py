"""Events of one story merged across the articles that report them.

ACLED's de-duplication rule: two reports are one event when they have the same type, the
same day (or the same month when one of them is only dated to the month) and share an
actor or the place. Every reporting article is kept (GDELT's "mentions"), so a reader can
see how many outlets carried it. Merging is a union-find over pairs, so the result does not
depend on the order of the docs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import replace

from marsad.arabic.normalize import match_key
from marsad.extract.actor_codes import country_of
from marsad.model import Doc, Event, Participant
from marsad.stories.groups import DisjointSets


def _participants(event: Event) -> set[str]:
    return {match_key(x) for x in event.participant_refs if x}


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Same day, or same month/year when one date is coarser; undated only with undated
    (a planned event without a date is not merged into a dated one by accident)."""
    if a is None or b is None:
        return a is None and b is None
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def _same_place(a: Event, b: Event) -> bool:
    return bool(a.location and b.location and match_key(a.location) == match_key(b.location))


def same_event(a: Event, b: Event, places: frozenset[str] = frozenset()) -> bool:
    """`places`: participant values (entity ids or texts) that are places. Sharing one
    place-participant alone ("واشنطن") is weak evidence; a person, an organisation, or two
    places ("بين بغداد وواشنطن") is an overlap of actors."""
    if a.type != b.type or a.mode != b.mode:
        return False
    place_keys = frozenset(match_key(p) for p in places)
    return _same_reported_event(a, b, _participants(a), _participants(b), place_keys)


def _same_reported_event(a: Event, b: Event, pa: set[str], pb: set[str], place_keys: frozenset[str]) -> bool:
    """`same_event` for two events of one type and mode, their participant keys given."""
    common_set = pa & pb
    shared = bool(common_set - place_keys) or len(common_set) >= 2
    if not _dates_agree(a.date, b.date):
        # A report whose date could not be resolved (an undated page) joins a dated one only
        # when it names two of the same participants, or one and the same place.
        one_undated = (a.date is None) != (b.date is None)
        common = len(common_set)
        if one_undated:
            return common >= 2 or (common == 1 and _same_place(a, b))
        # A date that is only the page's publication date (the sentence gave none) may be
        # a few days after the stated one: "بحث الكاظمي مع ماكغورك" reported on Saturday.
        return common >= 2 and _fallback_fits(a, b)
    if a.date is None:
        # Two undated reports share no day to go by: only their participants can tell.
        return shared
    # ACLED's "same place" rule, only where both reports state the day (a publication date
    # standing in is no evidence) and not against the actors: two meetings in Baghdad on
    # one day with different people in them (the envoy's and the minister's) are two.
    return shared or (a.date_stated and b.date_stated and _same_place(a, b) and not (pa and pb))


def _group(events: Sequence[Event], places: frozenset[str] = frozenset()) -> list[list[Event]]:
    sets = DisjointSets(len(events))
    place_keys = frozenset(match_key(p) for p in places)
    participants = [_participants(e) for e in events]
    # Only events of one type and mode can be one event: compare within those buckets.
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(events):
        buckets.setdefault((e.type, e.mode), []).append(i)
    for members in buckets.values():
        for i, j in _pairs_worth_comparing(events, participants, members):
            if sets.find(i) == sets.find(j):
                continue  # already one event through other reports
            if _same_reported_event(events[i], events[j], participants[i], participants[j], place_keys):
                sets.join(i, j)
    return sets.groups(events)


def _pairs_worth_comparing(events: Sequence[Event], participants: list[set[str]],
                           members: list[int]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) that share a participant or a place: every rule of `same_event` needs
    one or the other, so the other pairs of a big story need not be compared at all.
    Generated, not collected: one country can be in thousands of a story's events. A pair
    that shares two things comes twice, which union-find does not mind."""
    postings: dict[tuple[str, str], list[int]] = {}
    for i in members:
        for key in sorted(participants[i]):
            postings.setdefault(("p", key), []).append(i)
        location = events[i].location
        if location:
            postings.setdefault(("l", match_key(location)), []).append(i)
    for posting in sorted(postings):
        ids = postings[posting]
        for k, a in enumerate(ids):
            for b in ids[k + 1:]:
                yield a, b


# How far a publication date may lie after the day of the event it reports.
FALLBACK_DAYS = 7


def _fallback_fits(a: Event, b: Event) -> bool:
    from datetime import date as _date

    stated, fallback = (a, b) if a.date_stated and not b.date_stated else (b, a)
    if stated.date_stated == fallback.date_stated or not stated.date or not fallback.date:
        return False
    if len(stated.date) != 10 or len(fallback.date) != 10:
        return False
    gap = (_date.fromisoformat(fallback.date) - _date.fromisoformat(stated.date)).days
    return 0 <= gap <= FALLBACK_DAYS


def _most_specific_date(group: list[Event]) -> str | None:
    """A stated date wins over a publication date standing in; then the finer one."""
    dated = [e for e in group if e.date]
    if not dated:
        return None
    return max(dated, key=lambda e: (e.date_stated, len(e.date or ""))).date


def _merge(group: list[Event]) -> Event:
    """The richest report is the representative; arguments and articles are unioned."""
    best = max(
        group,
        key=lambda e: (len(e.actors) + len(e.targets) + bool(e.location), -(e.start), e.articles),
    )
    actors: dict[str, Participant] = {}
    targets: dict[str, Participant] = {}
    for e in [best] + [x for x in group if x is not best]:
        for p in e.actors:
            actors.setdefault(p.ref, p)
        for p in e.targets:
            if p.ref not in actors:
                targets.setdefault(p.ref, p)
    articles = tuple(sorted({a for e in group for a in e.articles}))
    merged = replace(
        best,
        actors=tuple(actors.values()),
        targets=tuple(targets.values()),
        location=_most_reported_place(group, set(actors), best.location),
        date=_most_specific_date(group),
        date_stated=any(e.date_stated for e in group if e.date),
        articles=articles,
    )
    return replace(merged, id=event_id(merged))


def _most_reported_place(group: list[Event], actors: set[str], fallback: str | None) -> str | None:
    """The place most reports give (on match keys), leaving out places that are actors of
    the merged event ("الحوار بين بغداد وواشنطن" is not held in Washington). A city counts
    the votes of its own country as well: "بغداد" and "العراق" agree, and the city is
    the more precise answer (GDELT keeps the most specific place too)."""
    votes: dict[str, list[str]] = {}
    for e in group:
        if e.location and e.location not in actors:
            votes.setdefault(match_key(e.location), []).append(e.location)
    if not votes:
        return fallback if fallback not in actors else None
    score = {k: len(v) for k, v in votes.items()}
    countries = [k for k in votes if _is_country(k)]
    for city in (k for k in votes if k not in countries):
        code = country_of(city)
        score[city] += sum(len(votes[c]) for c in countries if code and country_of(c) == code)
    fallback_key = match_key(fallback) if fallback else ""
    key = max(votes, key=lambda k: (score[k], k not in countries, k == fallback_key, k))
    return fallback if key == fallback_key else votes[key][0]


def _is_country(key: str) -> bool:
    from marsad.extract.gazetteer import list_entries

    return tuple(key.split()) in list_entries("gazetteer_countries.tsv")


def event_id(event: Event) -> str:
    """Stable across runs: type, date and the sorted reporting articles and participants."""
    basis = "|".join(
        [
            event.type,
            event.mode,
            event.date or "",
            ",".join(event.articles),
            ",".join(sorted(_participants(event))),
        ]
    )
    return "ev_" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def merge_events(docs: list[Doc]) -> list[Event]:
    """One event per real-world occurrence across `docs`, with every reporting article."""
    events: list[Event] = []
    for doc in sorted(docs, key=lambda d: d.id):
        for e in doc.events:
            events.append(e if e.articles else replace(e, articles=(doc.id,)))
    places = frozenset(m.entity or m.text for d in docs for m in d.mentions if m.type == "LOC")
    merged = [_merge(g) for g in _group(events, places)]
    return sorted(merged, key=lambda e: (e.date or "9999", e.type, e.id))


def plover_record(event: Event, story_id: str | None) -> dict:
    """One PLOVER-style JSON record (for `marsad export --format events-jsonl`)."""
    return {
        "id": event.id or event_id(event),
        "event_type": event.type,
        "mode": event.mode,
        "event_date": event.date,
        "actor": [p.ref for p in event.actors],
        "actor_text": [p.text for p in event.actors],
        "actor_code": [p.code for p in event.actors],
        "recipient": [p.ref for p in event.targets],
        "recipient_text": [p.text for p in event.targets],
        "recipient_code": [p.code for p in event.targets],
        "location": event.location,
        "trigger": event.trigger,
        "sentence": event.sentence,
        "articles": list(event.articles),
        "mentions": len(event.articles),
        "story_id": story_id,
    }

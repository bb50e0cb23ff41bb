"""Events joined within a sentence (two triggers of one type) and across adjacent sentences
that elaborate one event (the date or the victims told in the next sentence)."""

from __future__ import annotations

from dataclasses import replace

from marsad.model import Event, Participant


def union_events(first: Event, other: Event) -> Event:
    """Two triggers of one type in one sentence ("التقى ... وبحث معه") are one event."""

    actors = _merged(first.actors, other.actors)
    refs = {p.ref for p in actors}
    return replace(
        first,
        actors=actors,
        targets=tuple(p for p in _merged(first.targets, other.targets) if p.ref not in refs),
        # a place that is a participant of the other trigger ("الحوار بين بغداد وواشنطن")
        # is not where the event happened
        location=next((p for p in (first.location, other.location) if p and p not in refs), None),
    )


def _merged(a: tuple[Participant, ...], b: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """One participant per `ref`, in the order first named, as the later naming gives it."""
    by_ref: dict[str, Participant] = {}
    for p in a + b:
        by_ref[p.ref] = p
    return tuple(by_ref.values())


def _participants(event: Event) -> set[str]:
    return set(event.participant_refs)


def join_elaborations(
    coded: list[tuple[int, bool, Event]], places: frozenset[str] = frozenset(), doubted: frozenset[int] = frozenset()
) -> list[Event]:
    """A news paragraph often names an event in one sentence and gives its date or its
    victims in the next ("اغتالت الولايات المتحدة سليماني ... كانت الغارة في 3 يناير 2020").
    Same type and mode in adjacent sentences, with shared or missing participants and no
    conflicting stated dates, are one event; the stated date wins over the fallback.

    Sharing only a place (`places`: the texts of the doc's LOC mentions) is not enough: a
    meeting with the American envoy and the Iranian minister's visit, told in adjacent
    sentences, both involve Baghdad and are two events.

    `doubted` (ids of events the learned detector does not believe) go out unless joined to
    one it believes, or joined into an anchored one: the date told in a second sentence
    belongs to the event named in the first."""
    out: list[tuple[int, bool, Event]] = []
    believed: dict[int, bool] = {}  # id of an event in `out` -> believed
    for k, stated, event in coded:
        prev = next(
            (
                i
                for i in range(len(out) - 1, -1, -1)
                if out[i][0] >= k - 1
                and out[i][0] < k
                and out[i][2].type == event.type
                and out[i][2].mode == event.mode
            ),
            None,
        )
        if prev is not None:
            _, pstated, pevent = out[prev]
            shared = (_participants(pevent) & _participants(event)) - places
            missing = not _participants(pevent) or not _participants(event)
            dates_fit = not (stated and pstated) or _date_prefix_match(pevent.date, event.date)
            if (shared or missing) and dates_fit:
                joined = union_events(pevent, event)
                if stated and (not pstated or len(event.date or "") > len(pevent.date or "")):
                    joined = replace(joined, date=event.date)
                # told across the two sentences with a named participant and a stated date,
                # the joined event is anchored as one sentence's would be (`anchored`)
                believed[id(joined)] = (
                    believed[id(pevent)]
                    or id(event) not in doubted
                    or (joined.mode == "asserted" and bool(_participants(joined)) and (stated or pstated))
                )
                out[prev] = (k, stated or pstated, joined)
                continue
        believed[id(event)] = id(event) not in doubted
        out.append((k, stated, event))
    return [e for _, _, e in out if believed[id(e)]]


def _date_prefix_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    n = min(len(a), len(b))
    return a[:n] == b[:n]

"""Events of a document: triggers, modes and arguments assembled into `Event`s, dated, and
joined across adjacent sentences that elaborate one event."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from marsad.extract.actor_codes import actor_code, country_of
from marsad.extract.events.arguments import Arg, Args, attach_arguments, place_mentions
from marsad.extract.events.lexicon import Lexicon, load_lexicon
from marsad.extract.events.modes import event_mode
from marsad.extract.events.triggers import Hit, find_triggers
from marsad.model import Doc, Event, Mention, Sentence, TimeExpr, Token

# --- dates -------------------------------------------------------------------------------


def event_date(
    sentence: Sentence,
    trigger_offset: int,
    times: Sequence[TimeExpr],
    mode: str,
    reference: date | None,
) -> str | None:
    """The resolved time expression of the sentence nearest the trigger, else the
    publication date for reported (past) events; a planned event without its own date
    stays undated rather than taking the day it was announced."""
    inside = [t for t in times if t.value and sentence.start <= t.start and t.end <= sentence.end]
    if inside and reference is not None:
        # "أعلن البيت الأبيض الجمعة أنه سيستقبل ... في 26 يوليو": a planned event takes the
        # date still to come, a reported one a date already past.
        ref = reference.isoformat()
        fitting = [t for t in inside if ((t.value or "") >= ref[: len(t.value or "")]) == (mode == "future")]
        inside = fitting or inside
    if inside:
        return min(inside, key=lambda t: abs(t.start - trigger_offset)).value
    if mode in ("future", "hypothetical") or reference is None:
        return None
    return reference.isoformat()


# --- assembling events -------------------------------------------------------------------


def _arg_value(arg: Arg) -> str:
    return arg.mention.entity or arg.mention.text


def _arg_code(arg: Arg, tokens: Sequence[Token]) -> str:
    context = " ".join(t.text for t in tokens[arg.last + 1 : arg.last + 3])
    return actor_code(arg.mention.text, arg.mention.role, context, arg.mention.type) or ""


def code_sentence(
    sentence: Sentence,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpr],
    reference: date | None,
    lex: Lexicon | None = None,
) -> list[Event]:
    lex = lex or load_lexicon()
    tokens = sentence.tokens
    hits = find_triggers(tokens, lex)
    if not hits:
        return []
    placed = place_mentions(
        tokens, (m for m in mentions if sentence.start <= m.start and m.end <= sentence.end)
    )
    inside = frozenset(j for a in placed for j in range(a.first, a.last + 1))
    if inside & {h.index for h in hits}:
        hits = find_triggers(tokens, lex, inside)
    triggers_at = {h.index for h in hits}
    events: dict[str, Event] = {}
    for hit in hits:
        args = attach_arguments(tokens, hit, placed, triggers_at)
        if hit.trigger.weak and not (args.actors or args.targets or args.location):
            continue  # "التقى الفريقان": a weak trigger with no named participant or place
        event = _make_event(sentence, tokens, hit, args, times, reference)
        events[event.type] = _union(events[event.type], event) if event.type in events else event
    return list(events.values())


def _make_event(
    sentence: Sentence,
    tokens: Sequence[Token],
    hit: Hit,
    args: Args,
    times: Sequence[TimeExpr],
    reference: date | None,
) -> Event:
    tok = tokens[hit.index]
    last = tokens[min(len(tokens) - 1, hit.index + len(hit.trigger.rest))]
    mode = event_mode(tokens, hit)
    actors = list(dict.fromkeys(args.actors))
    targets = [a for a in dict.fromkeys(args.targets) if a not in actors]
    actor_values = [_arg_value(a) for a in actors]
    actor_texts = [a.mention.text for a in actors]
    actor_codes = [_arg_code(a, tokens) for a in actors]
    if args.adjective_actor and not actors:
        actor_values.append(args.adjective_actor)
        actor_texts.append(args.adjective_actor)
        actor_codes.append(country_of(args.adjective_actor) or "")
    return Event(
        type=hit.trigger.type,
        trigger=sentence.text[tok.start - sentence.start : last.end - sentence.start],
        actors=tuple(actor_values),
        targets=tuple(_arg_value(a) for a in targets),
        location=_arg_value(args.location) if args.location else None,
        date=event_date(sentence, tok.start, times, mode, reference),
        sentence=sentence.text,
        mode=mode,  # type: ignore[arg-type]
        actor_codes=tuple(actor_codes),
        target_codes=tuple(_arg_code(a, tokens) for a in targets),
        actor_texts=tuple(actor_texts),
        target_texts=tuple(a.mention.text for a in targets),
        start=sentence.start,
        end=sentence.end,
    )


def _union(first: Event, other: Event) -> Event:
    """Two triggers of one type in one sentence ("التقى ... وبحث معه") are one event."""

    def merged(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a + b))

    actors = merged(first.actors, other.actors)
    codes = dict(
        zip(first.actors + other.actors, first.actor_codes + other.actor_codes, strict=True)
    )
    texts = dict(
        zip(first.actors + other.actors, first.actor_texts + other.actor_texts, strict=True)
    )
    targets = tuple(t for t in merged(first.targets, other.targets) if t not in actors)
    tcodes = dict(
        zip(first.targets + other.targets, first.target_codes + other.target_codes, strict=True)
    )
    ttexts = dict(
        zip(first.targets + other.targets, first.target_texts + other.target_texts, strict=True)
    )
    return replace(
        first,
        actors=actors,
        actor_codes=tuple(codes[a] for a in actors),
        actor_texts=tuple(texts[a] for a in actors),
        targets=targets,
        target_codes=tuple(tcodes[t] for t in targets),
        target_texts=tuple(ttexts[t] for t in targets),
        # a place that is a participant of the other trigger ("الحوار بين بغداد وواشنطن")
        # is not where the event happened
        location=next((p for p in (first.location, other.location) if p and p not in actors), None),
    )


def extract_events(doc: Doc, reference: date | None) -> list[Event]:
    lex = load_lexicon()
    coded: list[tuple[int, bool, Event]] = []  # (sentence index, date stated there, event)
    for k, sentence in enumerate(doc.sentences):
        events = code_sentence(sentence, doc.mentions, doc.times, reference, lex)
        if events:
            stated = any(
                t.value and sentence.start <= t.start and t.end <= sentence.end for t in doc.times
            )
            coded += ((k, stated, event) for event in events)
    places = frozenset(m.text for m in doc.mentions if m.type == "LOC")
    joined = _join_elaborations(coded, places)
    stated_ids = {id(e) for _, st, e in coded if st}
    return [_with_article(e if id(e) in stated_ids or e.date is None else replace(e, date_stated=False), doc.id)
            for e in joined]


def _participants(event: Event) -> set[str]:
    return set(event.actors + event.targets)


def _join_elaborations(coded: list[tuple[int, bool, Event]], places: frozenset[str] = frozenset()) -> list[Event]:
    """A news paragraph often names an event in one sentence and gives its date or its
    victims in the next ("اغتالت الولايات المتحدة سليماني ... كانت الغارة في 3 يناير 2020").
    Same type and mode in adjacent sentences, with shared or missing participants and no
    conflicting stated dates, are one event; the stated date wins over the fallback.

    Sharing only a place (`places`: the texts of the doc's LOC mentions) is not enough: a
    meeting with the American envoy and the Iranian minister's visit, told in adjacent
    sentences, both involve Baghdad and are two events."""
    out: list[tuple[int, bool, Event]] = []
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
                joined = _union(pevent, event)
                if stated and (not pstated or len(event.date or "") > len(pevent.date or "")):
                    joined = replace(joined, date=event.date)
                out[prev] = (k, stated or pstated, joined)
                continue
        out.append((k, stated, event))
    return [e for _, _, e in out]


def _date_prefix_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _with_article(event: Event, article_id: str) -> Event:
    return replace(event, articles=(article_id,))


def benchmark_events(docs: Sequence[Doc]) -> dict[str, float]:
    """Sentences per second of the coder alone (mentions and times already filled)."""
    load_lexicon()
    sentences = sum(len(d.sentences) for d in docs)
    began = time.perf_counter()
    events = sum(len(extract_events(d, None)) for d in docs)
    seconds = time.perf_counter() - began
    return {
        "sentences": sentences,
        "events": events,
        "seconds": round(seconds, 4),
        "sentences_per_s": round(sentences / seconds, 1) if seconds else float("inf"),
    }

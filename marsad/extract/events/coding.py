"""Events of a document: triggers, modes and arguments assembled into `Event`s, dated, and
joined across adjacent sentences that elaborate one event."""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TypeVar

import numpy as np

from marsad.extract.actor_codes import actor_code, country_of
from marsad.extract.events.agents import agent_args, agent_sectors, country_codes, find_agents, possessed
from marsad.extract.events.arguments import attach_arguments
from marsad.extract.events.dating import event_date
from marsad.extract.events.detector import CREATE_FLOOR, anchored, context_features
from marsad.extract.events.joining import join_elaborations, union_events
from marsad.extract.events.lexicon import PARTIES, Lexicon, Trigger, any_has_word, load_lexicon
from marsad.extract.events.modes import event_mode
from marsad.extract.events.placing import Arg, Args, place_mentions
from marsad.extract.events.scoring import Detector, Reading, load_detector
from marsad.extract.events.senses import other_sense
from marsad.extract.events.sources import passive_arrests, sources_refined, worth_reading
from marsad.extract.events.triggers import Hit, assertable, find_triggers
from marsad.model import Doc, Event, Mention, Participant, Quantity, Sentence, TimeExpr, Token

_Span = TypeVar("_Span", Mention, TimeExpr, Quantity)

# --- assembling events -------------------------------------------------------------------


def _participant(arg: Arg, tokens: Sequence[Token]) -> Participant:
    m = arg.mention
    if arg.code:  # a typed agent phrase, its code found with it
        return Participant(m.text, None, arg.code)
    context = " ".join(t.text for t in tokens[arg.last + 1 : arg.last + 3])
    return Participant(m.text, m.entity, actor_code(m.text, m.role, context, m.type) or "")


CIVILIANS = ("CVL",)  # a sector alone: civilians, protesters of no stated country


def _of_place(p: Participant, place: str) -> Participant:
    """Civilians and protesters of no stated country are of the country where the event
    took place (the gold standard's annotators: "تظاهر مئات الأشخاص في أثينا" GRCCVL)."""
    country = actor_code(place, None, "", "LOC") if p.code in CIVILIANS else None
    return replace(p, code=country + p.code) if country and len(country) == 3 else p


def _arguments_placed(tokens: Sequence[Token], sentence: Sentence, mentions: Sequence[Mention]
                      ) -> tuple[list[Arg], frozenset[int]]:
    """The sentence's entity mentions and the typed agent phrases outside them ("مسلحون",
    "الشرطة العراقية") as arguments in sentence order, and the tokens inside the mentions."""
    placed = place_mentions(tokens, (m for m in mentions if sentence.start <= m.start and m.end <= sentence.end))
    inside = frozenset(j for a in placed for j in range(a.first, a.last + 1))
    sectors = agent_sectors(tokens)
    if not any(sectors):  # most sentences name no kind of agent
        return placed, inside
    agents = agent_args(tokens, find_agents(tokens, inside | _titles(tokens, placed), sectors))
    if agents:
        placed = _possessors_named(tokens, sorted(placed + agents, key=lambda a: a.first))
    return placed, inside


def _possessors_named(tokens: Sequence[Token], placed: list[Arg]) -> list[Arg]:
    """A possessed agent word of no stated country ("جنوده", "قواته") takes the country of the
    nearest participant named before it with one, a mention as well as an agent phrase ("قال
    الجيش الأمريكي إن جنوده قتلوا": USAMIL)."""
    out = list(placed)
    for k, arg in enumerate(placed):
        if len(arg.code) != 3 or not possessed(tokens[arg.first]):
            continue
        for before in reversed(placed[:k]):
            country = (before.code or _participant(before, tokens).code)[:3]
            if country in country_codes():
                out[k] = replace(arg, code=country + arg.code)
                break
    return out


def _titles(tokens: Sequence[Token], placed: Sequence[Arg]) -> frozenset[int]:
    """The tokens of a named person's title written before the name ("رئيس الوزراء العراقي
    مصطفى الكاظمي"): part of that participant, not an agent of their own."""
    out: set[int] = set()
    for a in placed:
        words = set(a.mention.role.split()) if a.mention.role else set()
        j = a.first - 1
        while j >= 0 and tokens[j].text in words:
            out.add(j)
            j -= 1
    return frozenset(out)


def code_sentence(
    sentence: Sentence,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpr],
    reference: date | None,
    lex: Lexicon | None = None,
    checked_only: bool = False,
    at: Sequence[int] | None = None,  # the tokens where the lexicon finds a trigger, when known
) -> list[Event]:
    """The sentence's events; `checked_only`: asserted ones only of the types and triggers
    checked on real sentences (lexicon/event_types_asserted.tsv)."""
    lex = lex or load_lexicon()
    tokens = sentence.tokens
    hits = find_triggers(tokens, lex, at=at)
    if not hits:
        return []
    modes = [_emitted_mode(tokens, hit, checked_only) for hit in hits]
    if not any(modes) and not _any_in_mentions(hits, tokens, sentence, mentions):
        # Nothing would be emitted, and no hit lies in a name (whose removal could bring
        # back a hit it governed): the arguments need not be read (most candidate
        # sentences of a news stream end here).
        return []
    placed, inside = _arguments_placed(tokens, sentence, mentions)
    if inside & {h.index for h in hits}:
        hits = find_triggers(tokens, lex, inside, at)
        modes = [_emitted_mode(tokens, hit, checked_only) for hit in hits]
    triggers_at = {h.index for h in hits}
    events: dict[str, Event] = {}
    told = Args()  # the arguments of the sentence's event told last that has an actor
    for hit, mode in zip(hits, modes, strict=True):
        if mode is None:
            continue
        args = attach_arguments(tokens, hit, placed, triggers_at)
        if told.actors and _conjoined_verb(tokens, hit) and not args.passive and all(
                a in told.targets for a in args.actors):
            # "اعتقلت قوة من الشرطة ثلاثة شبان واعتدت عليهم": the subject of the verb before,
            # not its object (the participant nearest before the joined verb)
            args.actors = [a for a in told.actors if a not in args.targets]
        if args.actors:
            told = args
        if hit.trigger.weak and not (args.actors or args.targets or args.location):
            continue  # "التقى الفريقان": a weak trigger with no named participant or place
        event = _make_event(sentence, tokens, hit, args, times, reference, mode)
        events[event.type] = union_events(events[event.type], event) if event.type in events else event
    return list(events.values())


def _conjoined_verb(tokens: Sequence[Token], hit: Hit) -> bool:
    """A verb joined by و to what the sentence told before ("اعتقلت قوة من الشرطة ثلاثة شبان
    واعتدت عليهم"): it shares that event's subject."""
    return hit.trigger.pos == "v" and tokens[hit.index].key[:1] == "و" and hit.index > 0


def _emitted_mode(tokens: Sequence[Token], hit: Hit, checked_only: bool) -> str | None:
    """The hit's event mode, or None when its event is not emitted (`checked_only`: an
    asserted event of a type or trigger not checked on real sentences)."""
    mode = event_mode(tokens, hit)
    if checked_only and mode == "asserted" and not assertable(hit, tokens):
        return None
    return mode


def _any_in_mentions(hits: Sequence[Hit], tokens: Sequence[Token], sentence: Sentence,
                     mentions: Sequence[Mention]) -> bool:
    """Whether a hit's token overlaps one of the sentence's mentions (those `place_mentions`
    may place over it)."""
    spans = [(m.start, m.end) for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
    return any(start < tokens[h.index].end and tokens[h.index].start < end for h in hits for start, end in spans)


def _make_event(
    sentence: Sentence,
    tokens: Sequence[Token],
    hit: Hit,
    args: Args,
    times: Sequence[TimeExpr],
    reference: date | None,
    mode: str | None = None,  # the hit's `event_mode`, when the caller has it
) -> Event:
    tok = tokens[hit.index]
    last = tokens[min(len(tokens) - 1, hit.index + len(hit.trigger.rest))]
    mode = mode or event_mode(tokens, hit)
    actor_args = list(dict.fromkeys(args.actors))
    actors = [_participant(a, tokens) for a in actor_args]
    targets = [_participant(a, tokens) for a in dict.fromkeys(args.targets) if a not in actor_args]
    if args.adjective_actor and not actors:
        actors.append(Participant(args.adjective_actor, None, country_of(args.adjective_actor) or ""))
    if args.location and any(p.code in CIVILIANS for p in actors):
        actors = [_of_place(p, args.location.mention.text) for p in actors]
    return Event(
        type=hit.trigger.type,
        trigger=sentence.text[tok.start - sentence.start : last.end - sentence.start],
        actors=tuple(actors),
        targets=tuple(targets),
        location=(args.location.mention.entity or args.location.mention.text) if args.location else None,
        date=event_date(sentence, tok.start, times, mode, reference),
        sentence=sentence.text,
        mode=mode,  # type: ignore[arg-type]
        start=sentence.start,
        end=sentence.end,
    )


def extract_events(doc: Doc, reference: date | None, *, learned: bool = True) -> list[Event]:
    """The doc's events; `learned=False` leaves out the learned detector and the actor rule
    for the types it does not check (`_codable`): the lexicon coder alone, as its own tests
    and the detector's training read it."""
    return extract_events_of_docs([doc], [reference], learned=learned)[0]


def extract_events_of_docs(docs: Sequence[Doc], references: Sequence[date | None], *,
                           learned: bool = True) -> list[list[Event]]:
    """The events of each doc (`extract_events`). The detector reads the sentences of all
    the docs at once: its numpy steps then serve a group, as the tagger's do."""
    lex = load_lexicon()
    detector = load_detector() if learned else None
    sentences = [s for doc in docs for s in doc.sentences]
    n = len(sentences)
    # (without a detector, the lexicon coder reads every sentence: `at` unknown)
    reading = detector.read(sentences, lex) if detector else Reading(np.zeros((n, 0)), [None] * n)
    found: list[list[Event]] = []
    begin = 0
    for doc, reference in zip(docs, references, strict=True):
        end = begin + len(doc.sentences)
        part = Reading(reading.scores[begin:end], reading.triggers[begin:end])
        found.append(_doc_events(doc, reference, lex, detector, part))
        begin = end
    return found


def _doc_events(doc: Doc, reference: date | None, lex: Lexicon, detector: Detector | None,
                reading: Reading) -> list[Event]:
    coded: list[tuple[int, bool, Event]] = []  # (sentence index, date stated there, event)
    doubted: set[int] = set()
    sentences = doc.sentences
    mentions = _by_sentence(sentences, doc.mentions)
    times = _by_sentence(sentences, doc.times)
    quantities = _by_sentence(sentences, doc.quantities)
    scores = reading.scores.tolist()
    # (with no coded event, the model only matters where it may add one: CREATE_FLOOR)
    may_add = detector.may_reach(reading.scores, CREATE_FLOOR, quantities).tolist() if detector else []
    for k, sentence in enumerate(sentences):
        at = reading.triggers[k]
        learned = detector is not None
        events = code_sentence(sentence, mentions[k], times[k], reference, lex, learned, at) if at is None or at else []
        doubted_here: set[int] = set()
        if detector and (events or may_add[k]):
            inside = mentions[k], times[k], quantities[k]
            events = _detect(sentence, events, reference, detector, scores[k], inside, doubted_here)
        if detector and events:  # a trigger word in another sense, an event told back (`senses`)
            events = [e for e in events if not other_sense(e, sentence.tokens)]
        if events:
            stated = any(t.value for t in times[k])
            if detector and any(worth_reading(e, sentence.tokens) for e in events):  # who did it (`sources`)
                placed = _arguments_placed(sentence.tokens, sentence, mentions[k])[0]
                unrefined = events  # kept alive: `doubted_here` holds the ids of its events
                events = [sources_refined(e, sentence.tokens, placed, partial(_participant, tokens=sentence.tokens))
                          for e in unrefined]
                doubted_here.update(id(new) for old, new in zip(unrefined, events, strict=True)
                                    if id(old) in doubted_here)
            resolved = [_parties_resolved(e, sentence, coded) for e in events]
            # Doubt follows an event into its resolved copy, by the id of an object `coded`
            # keeps alive: the id of a replaced one may be taken by a later event.
            doubted.update(id(new) for old, new in zip(events, resolved, strict=True) if id(old) in doubted_here)
            events = resolved
            coded += ((k, stated, event) for event in events)
    places = frozenset(m.text for m in doc.mentions if m.type == "LOC")
    joined = join_elaborations(coded, places, frozenset(doubted))
    if detector is not None:  # learned (with no model file, no type is checked)
        joined = passive_arrests([e for e in joined if _codable(e, detector.kinds)], sentences, mentions,
                                 _arguments_placed)
    if reference is not None:
        joined = [e for e in joined if not _history(e, doc.times, reference)]
    stated_ids = {id(e) for _, st, e in coded if st}
    return [_with_article(e if id(e) in stated_ids or e.date is None else replace(e, date_stated=False), doc.id)
            for e in joined]


def _parties_resolved(event: Event, sentence: Sentence, before: list[tuple[int, bool, Event]]) -> Event:
    """An event whose actors are "the two sides" ("وتوصل الجانبان إلى اتفاق") takes as its
    actors the participants of the nearest earlier event of the doc that names two or more."""
    if event.actors or not any_has_word(sentence.tokens, PARTIES):
        return event
    for _, _, earlier in reversed(before):
        names = earlier.actors + earlier.targets
        refs = {p.ref for p in names}
        if len(refs) >= 2:
            return replace(event, actors=names, targets=tuple(p for p in event.targets if p.ref not in refs))
    return event


def _codable(event: Event, checked: Sequence[str]) -> bool:
    """Whether an event stands without the learned detector's word on its type. An asserted
    event of a type no model checks on real gold needs a participant (an entity mention or a
    typed agent phrase) as its actor, as PETRARCH codes no event without a source actor: on
    1,000 SaudiNewsNet articles those without one were mostly no event at all ("مرافق
    للاجتماعات" in a hotel, "علماء الاجتماع", "زيارة السوق"), and half of all asserted events."""
    return event.mode != "asserted" or event.type in checked or bool(event.actors)


HISTORY_YEARS = 2  # a stated date this many calendar years before the article's is history


def _history(event: Event, times: Sequence[TimeExpr], reference: date) -> bool:
    """An asserted event whose sentence dates it only years before the article ("شارك في
    الاحتجاجات الطلابية عام 1990"، "منذ الاحتجاجات الضخمة في 2009"): history told as
    background, not news (issue 22: on SaudiNewsNet such were a share of the asserted
    PROTEST events). A sentence that also states a recent date keeps its events."""
    if event.mode != "asserted":
        return False
    years = [t.value[:4] for t in times
             if t.value and event.start <= t.start and t.end <= event.end]
    return bool(years) and all(y.isdigit() and int(y) <= reference.year - HISTORY_YEARS for y in years)


def _by_sentence(sentences: Sequence[Sentence], items: Sequence[_Span]) -> list[list[_Span]]:
    """The items (mentions, times, quantities) lying inside each sentence, found once a doc
    rather than by reading all of the doc's items for every sentence."""
    starts = [s.start for s in sentences]
    out: list[list[_Span]] = [[] for _ in sentences]
    for item in items:
        k = bisect_right(starts, item.start) - 1
        if k >= 0 and item.end <= sentences[k].end:
            out[k].append(item)
    return out


def _detect(
    sentence: Sentence,
    events: list[Event],
    reference: date | None,
    detector: Detector,
    score: list[float],
    inside: tuple[list[Mention], list[TimeExpr], list[Quantity]],
    doubted: set[int],
) -> list[Event]:
    """The learned detector's word on the types it knows: an asserted lexicon event the model
    does not believe is doubted (a topic, a reference back, a habit: it goes unless a believed
    event of the next or previous sentence takes it in, `join_elaborations`). Events in another
    mode keep it: they are not counted as asserted either way. Where the lexicon found no
    event of the type, the model adds one above CREATE_FLOOR (for the types whose model
    `creates`, chosen by cross-validation), its trigger the word that
    weighs most (the same rule as the cross-validation, marsad.evaluate.events_gsr.detected).
    `score`: the sentence's row of `Detector.scores`; `inside`: the doc's mentions, times and
    quantities inside the sentence."""
    mentions, times, quantities = inside
    probabilities = detector.probabilities(score, context_features(sentence, events, mentions, times, quantities))
    for kind, threshold, creates, probability in zip(detector.kinds, detector.thresholds, detector.creates,
                                                      probabilities, strict=True):
        believed = probability >= threshold
        if not believed:
            doubted.update(
                id(e)
                for e in events
                if e.type == kind and e.mode == "asserted" and not anchored(e, sentence, times)
            )
        elif creates and probability >= CREATE_FLOOR and not any(e.type == kind for e in events):
            found = _model_event(sentence, mentions, times, reference, kind, detector)
            if found:
                events.append(found)
    return events


def _model_event(
    sentence: Sentence, mentions: Sequence[Mention], times: Sequence[TimeExpr], reference: date | None,
    kind: str, detector: Detector,
) -> Event | None:
    """An event of `kind` the model found with no lexicon trigger, its trigger the word that
    weighs most outside the participants ("مسلحون", "كرامي" are who, not what happened)."""
    tokens = sentence.tokens
    placed, _ = _arguments_placed(tokens, sentence, mentions)
    index = detector.strongest_word(sentence, kind, frozenset(j for a in placed for j in range(a.first, a.last + 1)))
    if index is None:
        return None
    hit = Hit(index, Trigger(kind, "x", frozenset(), "agent", False), False)
    args = attach_arguments(tokens, hit, placed, {index})
    return _make_event(sentence, tokens, hit, args, times, reference)


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

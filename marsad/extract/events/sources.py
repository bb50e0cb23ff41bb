"""Who did it, read again once the detector has spoken (issue 22, "type + source" on the
UniversalPetrarch validation): an asserted event whose source is a word that names no one who
acts takes the participant the sentence names for it.

- "قال الجيش الأمريكي إن جنوده قتلوا": a possessed agent word ("جنوده", "قواته") stands for
  its possessor, the nearest participant named before it with a country (the one
  `coding._possessors_named` took the country from).
- A protest's source is never a place nor the police or the army ("نزل آلاف المتظاهرين الى
  الشوارع في كل من الهند وباكستان", "رشقوا قوى الأمن بالحجارة"): the protesters the
  sentence names, else no source (on the GSR dev half's validation sentences nine of the
  nineteen wrong PROTEST sources were places).

- An attack with no source, which the sentence says someone claimed or carried out, or
  ascribes to someone ("... في هجوم انتحاري ... وتبنته حركة طالبان", "نسب الى المتمردين
  التاميل", "من فعل مقاتلين"): that one (five of the fifteen ASSAULT sentences of the dev
  half's validation rows that had no source named it so).

- An arrest whose only parties are named persons ("واعتقل X (70 عاما) الأسبوع الماضي"، "أن X
  اعتقل بعد أن ..."): the verb is a passive written without its vowels, and the persons are
  the arrested, its targets, not who arrested them (no police, army nor body is named).
- "طلب (الوزير) من X": X is asked, the target, not the source.

Run after the detection, not inside the lexicon coder: the detector's features read the
lexicon coder's actors as it was trained on them, so its decisions (and the cross-validated
figures) stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from marsad.arabic.normalize import match_key
from marsad.extract.events.agents import country_codes, possessed
from marsad.extract.events.lexicon import PROTESTERS, is_break
from marsad.extract.events.placing import Arg
from marsad.extract.events.senses import trigger_indexes
from marsad.model import Event, Mention, Participant, Sentence, Token

# Words after which a sentence names who carried out or claimed an attack (match keys)
CLAIMS = frozenset(match_key(w) for w in (
    "تبنى تبناه تبنته تبناها تبنتها تبنت نفذه نفذته نفذها نفذتها نسب نسبت نسبه نسبها فعل".split()))
CLAIM_REACH = 3  # tokens from the claim word to the claimant

# Verbs of arrest and detention and of asking (match keys, less a conjunction و)
ARRESTS = frozenset(match_key(w) for w in (
    "اعتقل اعتقلت اعتقلا اعتقلوا يعتقل تعتقل احتجز احتجزت احتجزوا يحتجز تحتجز".split()))
ASKS = frozenset(match_key(w) for w in "طلب طلبت طلبوا يطلب تطلب يطلبون".split())
FROM = "من"
# Words before a partitive من: "طلب عدد من النواب" is who asks, not whom
PARTITIVE = frozenset(match_key(w) for w in "عدد بعض مجموعة جمع العديد كثير وفد".split())
ASKED_REACH = 8  # "طلب" ... "من X", a VSO subject with its title between

# The sectors that police or fight a protest, not the protesters (CAMEO role codes)
FORCES = frozenset({"COP", "MIL", "SPY"})


def sources_refined(event: Event, tokens: Sequence[Token], placed: Sequence[Arg],
                    participant: Callable[[Arg], Participant]) -> Event:
    """`event` with its source read again (module doc); `placed`: the sentence's arguments,
    `participant`: how an argument becomes a participant (`coding._participant`)."""
    if event.mode != "asserted":
        return event
    asked = _asked(tokens, placed, event) if _trigger_verb(event, tokens) in ASKS else None
    if asked is not None:
        target = participant(asked)
        return replace(event, actors=tuple(p for p in event.actors if p.ref != target.ref),
                       targets=(target, *(p for p in event.targets if p.ref != target.ref)))
    if not event.actors:
        claimant = _claimant(tokens, placed) if event.type == "ASSAULT" else None
        return _with_source(event, (participant(claimant),)) if claimant is not None else event
    arg = next((a for a in placed if a.mention.text == event.actors[0].text), None)
    if arg is None:
        return event
    if possessed(tokens[arg.first]):
        owner = _possessor(placed, arg, participant)
        if owner is not None:
            return _with_source(event, (participant(owner), *event.actors[1:]))
    if event.type == "PROTEST" and _no_protester(arg):
        crowd = [a for a in placed if tokens[a.first].key.removeprefix("و") in PROTESTERS]
        kept = tuple(p for p in event.actors[1:] if not _names_no_protester(p, placed))
        return _with_source(event, (participant(crowd[0]),) if crowd else kept)
    return event


def worth_reading(event: Event, tokens: Sequence[Token]) -> bool:
    """Whether `sources_refined` may change the event: most events' sources are kept, and the
    sentence's arguments need not be placed again for them (speed)."""
    if event.mode != "asserted":
        return False
    if event.type == "REQUEST" and _trigger_verb(event, tokens) in ASKS:
        return True
    if not event.actors:
        return event.type == "ASSAULT" and any(map(_claim_word, tokens))
    head = event.actors[0].text.split()[0].removeprefix("و") if event.actors[0].text else ""
    return event.type == "PROTEST" or (head.endswith("ه") and not head.startswith("ال"))


def passive_arrests(events: list[Event], sentences: Sequence[Sentence], mentions: Sequence[Sequence[Mention]],
                    placer: Callable[[Sequence[Token], Sentence, Sequence[Mention]], tuple[list[Arg], frozenset[int]]],
                    ) -> list[Event]:
    """The events with an arrest of named persons alone read as passive (module doc). Run
    once the events without an actor are dropped (`coding._codable`): the arrested keep the
    event, now with no actor, as the sentence names none."""
    at = {s.start: (s, m) for s, m in zip(sentences, mentions, strict=True)}
    out = []
    for event in events:
        sentence, named = at.get(event.start, (None, ()))
        if sentence is not None and event.mode == "asserted" and event.actors and _trigger_verb(
            event, sentence.tokens) in ARRESTS and _persons_only(event, placer(sentence.tokens, sentence, named)[0]):
            event = replace(event, actors=(), targets=(*event.actors, *event.targets))
        out.append(event)
    return out


def _trigger_verb(event: Event, tokens: Sequence[Token]) -> str:
    """The key of the event's trigger word, less a conjunction و ("" for none found)."""
    at = trigger_indexes(event, tokens)
    key = tokens[at[0]].key if at else ""
    return key[1:] if key[:1] == "و" and key[1:] in ARRESTS | ASKS else key


def _persons_only(event: Event, placed: Sequence[Arg]) -> bool:
    """Every party of the event is a named person (an entity mention of a person, no typed
    agent phrase such as الشرطة)."""
    args = [next((a for a in placed if a.mention.text == p.text), None) for p in event.actors + event.targets]
    return all(a is not None and a.mention.type == "PER" and not a.code for a in args)


def _asked(tokens: Sequence[Token], placed: Sequence[Arg], event: Event) -> Arg | None:
    """The participant right after the من that follows the asking verb ("طلب من X")."""
    for i in trigger_indexes(event, tokens):
        for j in range(i + 1, min(len(tokens) - 1, i + 1 + ASKED_REACH)):
            if is_break(tokens[j]):
                break
            if tokens[j].key == FROM and tokens[j - 1].key not in PARTITIVE:
                return next((a for a in placed if a.first == j + 1), None)
    return None


def _claim_word(token: Token) -> bool:
    """A word after which the sentence names who claimed or carried out an attack (وتبنته)."""
    return token.key in CLAIMS or token.key.removeprefix("و") in CLAIMS


def _claimant(tokens: Sequence[Token], placed: Sequence[Arg]) -> Arg | None:
    for j, token in enumerate(tokens):
        if not _claim_word(token):
            continue
        after = [a for a in placed if j < a.first <= j + CLAIM_REACH and not a.victim]
        if after and not any(is_break(t) for t in tokens[j + 1 : after[0].first]):
            return after[0]
    return None


def _possessor(placed: Sequence[Arg], arg: Arg, participant: Callable[[Arg], Participant]) -> Arg | None:
    for before in reversed([a for a in placed if a.last < arg.first]):
        if (before.code or participant(before).code)[:3] in country_codes():
            return before
    return None


def _no_protester(arg: Arg) -> bool:
    """A place named as such, or a force that polices a protest."""
    if arg.code:
        return arg.code[-3:] in FORCES
    return arg.mention.type == "LOC"


def _names_no_protester(p: Participant, placed: Sequence[Arg]) -> bool:
    arg = next((a for a in placed if a.mention.text == p.text), None)
    return arg is not None and _no_protester(arg)


def _with_source(event: Event, actors: tuple[Participant, ...]) -> Event:
    refs = {p.ref for p in actors}
    return replace(event, actors=actors, targets=tuple(p for p in event.targets if p.ref not in refs))

"""Arguments of a trigger from the sentence's entity mentions by Arabic word order (VSO,
SVO, verbal-noun genitive, and the prepositions مع / على / ضد / في / إلى)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates
from marsad.extract.actor_codes import country_of
from marsad.extract.events.lexicon import (
    AGENT_MARKS,
    FORWARD_WINDOW,
    GENITIVE_WINDOW,
    LOCATIVE,
    ON,
    PASSIVE_AUX,
    PLACE_NOUNS,
    SUBJECT_BACK,
    TIME_WORDS,
    TO,
    WITH,
    _has_word,
    is_break,
    load_lexicon,
)
from marsad.extract.events.triggers import Hit
from marsad.model import Mention, Token

# --- arguments ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Arg:
    """A mention placed in the sentence's token sequence."""

    mention: Mention
    first: int  # token index of its first token
    last: int
    prep: str  # the preposition governing it ("" when none)
    conjoined: bool  # introduced by و ("X وY")


@dataclass
class Args:
    actors: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    adjective_actor: str | None = None  # "الغارة الأمريكية": the actor is only a nationality
    location: Arg | None = None


def _inside_a_role(m: Mention, people: list[Mention]) -> bool:
    """"مبعوث البيت الأبيض للشرق الأوسط بريت ماكغورك": the organisation and the place are
    part of the person's title, not participants of their own."""
    return m.type != "PER" and any(
        p.role and m.text in p.role and 0 <= p.start - m.end <= 60 for p in people)


@lru_cache(maxsize=1)
def _not_participants() -> frozenset[str]:
    """Function words, weekdays, months and generic news words (lexicon/stopwords.tsv) and
    time words (lexicon/event_grammar.tsv): a mention that is only one of these is a tagger's
    slip ("على" read as the name Ali, "فجر اليوم"), never an actor or a target."""
    from marsad.extract.quotes import load_word_list

    words = {match_key(line.split("\t")[0]) for line in load_word_list("stopwords.tsv")}
    return frozenset(words | TIME_WORDS)


def _can_take_part(text: str) -> bool:
    words = [match_key(w) for w in text.split()]
    return bool(words) and not all(w in _not_participants() for w in words)


def place_mentions(tokens: Sequence[Token], mentions: Iterable[Mention]) -> list[Arg]:
    starts = [t.start for t in tokens]
    placed: list[Arg] = []
    mentions = list(mentions)
    people = [m for m in mentions if m.type == "PER" and m.role]
    for m in mentions:
        if m.type == "MISC" or _inside_a_role(m, people) or not _can_take_part(m.text):
            continue
        if _place_told_again(tokens, m):
            continue
        first = bisect.bisect_left(starts, m.start)
        if first >= len(tokens) or tokens[first].start >= m.end:
            if first > 0 and tokens[first - 1].end > m.start:
                first -= 1  # mention starts inside a token ("لـالكاظمي")
            else:
                continue
        last = max(first, bisect.bisect_left(starts, m.end) - 1)
        placed.append(
            Arg(m, first, last, _preposition(tokens, first, m), _conjoined(tokens, first, m))
        )
    return placed


def _place_told_again(tokens: Sequence[Token], m: Mention) -> bool:
    """ "استهدفت قاعدة التاجي ... في أوسع هجوم على القاعدة": a place noun with ال after the
    sentence named that kind of place is the place again, though a tagger reads القاعدة as
    al-Qaeda."""
    if len(m.text) > 8 or " " in m.text:  # one word: ال and a place noun
        return False
    key = match_key(m.text)
    if not key.startswith("ال") or key[2:] not in PLACE_NOUNS:
        return False
    return any(t.key == key[2:] and t.end <= m.start for t in tokens)


def _preposition(tokens: Sequence[Token], first: int, m: Mention) -> str:
    """The preposition governing a mention: a proclitic (بـ، لـ) glued to its first word,
    else the word before it (في، مع، على، إلى، بين، يد ...)."""
    tok = tokens[first]
    glued = match_key(tok.text[: m.start - tok.start]) if m.start > tok.start else _own_prefix(tok)
    glued = glued.lstrip("وف")
    if glued[:1] in ("ب", "ل", "ك"):
        return glued[:1]
    if first > 0:
        prev = tokens[first - 1].key
        prev = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 2 else prev
        if prev in LOCATIVE | WITH | ON | TO | {"من", "بين", "عن"} | AGENT_MARKS:
            return prev
    return ""


def _own_prefix(tok: Token) -> str:
    """The proclitics glued to a word: those the tokenizer split off (بالعراق -> بال), or a
    preposition before a known name (بواشنطن: واشنطن is in the gazetteer)."""
    if tok.prefix not in ("", "ال"):
        return tok.prefix
    for prefix, stem in clitic_candidates(tok.key):
        if prefix and prefix[-1] in "بلك" and not prefix.endswith("ال") and _known_name(stem):
            return prefix
    return ""


@lru_cache(maxsize=50_000)
def _known_name(key: str) -> bool:
    from marsad.extract.gazetteer import Gazetteer

    return (key,) in Gazetteer.load().entries


def _conjoined(tokens: Sequence[Token], first: int, m: Mention) -> bool:
    tok = tokens[first]
    if m.start > tok.start and tok.text[: m.start - tok.start].startswith("و"):
        return True
    return first > 0 and tokens[first - 1].key == "و"


def _with_conjuncts(args: list[Arg], head: Arg) -> list[Arg]:
    """The head argument and the ones joined to it by و right after it."""
    group = [head]
    pos = args.index(head)
    for nxt in args[pos + 1 :]:
        if nxt.conjoined and nxt.first - group[-1].last <= 2:
            group.append(nxt)
        else:
            break
    return group


def attach_arguments(
    tokens: Sequence[Token], hit: Hit, placed: list[Arg], triggers_at: set[int]
) -> Args:
    i = hit.index
    args = Args()
    forward = _forward_args(tokens, i, placed, triggers_at)
    if hit.trigger.pos == "n":
        _noun_arguments(tokens, hit, forward, args)
        if not args.actors and not args.adjective_actor and hit.trigger.args != "patient":
            args.actors.extend(_subject_of_governing_verb(tokens, i, placed))
    else:
        _verb_arguments(tokens, hit, placed, forward, args)
    args.location = _location(hit, placed, args)
    return args


def _forward_args(
    tokens: Sequence[Token], i: int, placed: list[Arg], triggers_at: set[int]
) -> list[Arg]:
    stop = min(len(tokens), i + 1 + FORWARD_WINDOW)
    for j in range(i + 1, stop):
        if tokens[j].text in "؛;." or (j in triggers_at and j > i + 1):
            stop = j
            break
    return [a for a in placed if i < a.first < stop]


def _subject_before(tokens: Sequence[Token], i: int, placed: list[Arg]) -> list[Arg]:
    """SVO: the nearest mention ending just before the verb, no clause break between."""
    before = [a for a in placed if a.last < i and i - a.last <= SUBJECT_BACK]
    if not before:
        return []
    head = before[-1]
    if any(is_break(t) for t in tokens[head.last + 1 : i]) or head.prep in LOCATIVE | WITH | ON:
        return []
    if head.prep in ("ب", "ل", "ك"):
        return []  # "علاقة بغداد بواشنطن منذ اغتالت ...": a prepositional phrase is no subject
    # walk back over conjuncts: "الكاظمي وماكغورك يبحثان"
    group = [head]
    for prev in reversed(before[:-1]):
        if group[0].conjoined and group[0].first - prev.last <= 2:
            group.insert(0, prev)
        else:
            break
    return group


def _verb_arguments(
    tokens: Sequence[Token], hit: Hit, placed: list[Arg], forward: list[Arg], args: Args
) -> None:
    plain = [
        a
        for a in forward
        if a.prep in ("", "ب") and not (a.prep == "ب" and a.mention.type == "LOC")
    ]
    subject = _subject_before(tokens, hit.index, placed)
    passive = hit.trigger.args == "patient" and _looks_passive(tokens, hit.index, forward)
    if passive:
        if plain:
            args.targets.extend(_with_conjuncts(forward, plain[0]))
        args.actors.extend(a for a in forward if a.prep in AGENT_MARKS)
        args.adjective_actor = _nationality_after_noun(tokens, hit.index, forward)
        return
    objects = plain
    if subject:
        args.actors.extend(subject)
    elif plain and not _named_place(tokens, plain[0]):
        group = _with_conjuncts(forward, plain[0])
        args.actors.extend(group)
        objects = [a for a in plain if a not in group]
    if objects and hit.trigger.args != "on":
        args.targets.extend(_with_conjuncts(forward, objects[0]))
    _prepositional_targets(hit, forward, args)


def _prepositional_targets(hit: Hit, forward: list[Arg], args: Args) -> None:
    taken = {id(a) for a in args.actors + args.targets}
    for arg in forward:
        if id(arg) in taken:
            continue
        if arg.prep in WITH or (arg.prep in ON and hit.trigger.type not in ("AGREE", "REQUEST")):
            args.targets.extend(_with_conjuncts(forward, arg))
            break
        if arg.prep in TO and hit.trigger.type == "CONSULT" and not args.targets:
            args.targets.append(arg)  # زيارة إلى واشنطن: the host
            break


def _named_place(tokens: Sequence[Token], arg: Arg, after_noun: bool = False) -> bool:
    """A place named after a place noun ("قاعدة التاجي"), or right after an attack noun and
    no country ("هجوم التاجي"): the object or scene of the event, not its actor."""
    if arg.mention.type != "LOC":
        return False
    if after_noun:
        return not country_of(arg.mention.text)
    return arg.first > 0 and _has_word(tokens[arg.first - 1], PLACE_NOUNS)


def _looks_passive(tokens: Sequence[Token], i: int, forward: list[Arg]) -> bool:
    """ "قتل سليماني في غارة أمريكية", "اعتقل ثلاثة على يد": the first mention is the
    patient when the clause names the means (an attack noun) or the agent (على يد)."""
    if i > 0 and tokens[i - 1].key in PASSIVE_AUX:
        return True
    if any(a.prep in AGENT_MARKS for a in forward):
        return True
    following = tokens[i + 1 : i + 1 + FORWARD_WINDOW]
    for tok, (found, _) in zip(following, load_lexicon().lookups(following), strict=True):
        if is_break(tok):
            break
        if any(t.pos == "n" and t.type == "ASSAULT" for t in found):
            return True
    return False


def _subject_of_governing_verb(tokens: Sequence[Token], i: int, placed: list[Arg]) -> list[Arg]:
    """A verbal noun that is the object of a verb takes that verb's subject as its actor:
    "أعلنت الخرطوم وجوبا اتفاقا", "جددت الرياض مطالبتها", "أجرت البحرية الروسية مناورات"
    (verb, subject, noun). The subject is a plain mention ending right before the noun, at
    most one word between, no clause break, and a word before it (the verb)."""
    before = [a for a in placed if a.last < i and i - a.last <= 2]
    if not before:
        return []
    head = before[-1]
    if head.prep or head.first == 0 or any(is_break(t) for t in tokens[head.first - 1 : i]):
        return []
    group = [head]  # "الخرطوم وجوبا": conjuncts before the last one
    for prev in reversed([a for a in placed if a.last < head.first]):
        if group[0].conjoined and group[0].first - prev.last <= 2 and not prev.prep:
            group.insert(0, prev)
        else:
            break
    if group[0].first == 0 or is_break(tokens[group[0].first - 1]):
        return []
    return group


def _noun_arguments(tokens: Sequence[Token], hit: Hit, forward: list[Arg], args: Args) -> None:
    i = hit.index
    genitive = [a for a in forward if a.prep == "" and a.first - i <= GENITIVE_WINDOW]
    adjective = _nationality_after_noun(tokens, i, forward)
    between = [a for a in forward if a.prep == "بين"]
    if between:
        args.actors.extend(_with_conjuncts(forward, between[0]))
    elif hit.trigger.args == "patient":
        if genitive:
            args.targets.extend(_with_conjuncts(forward, genitive[0]))
        args.actors.extend(a for a in forward if a.prep in AGENT_MARKS)
    elif genitive and hit.trigger.type == "ASSAULT" and _named_place(tokens, genitive[0], after_noun=True):
        args.targets.append(genitive[0])  # "هجوم التاجي": the place attacked
    elif genitive:
        args.actors.extend(_with_conjuncts(forward, genitive[0]))
    if not args.actors and adjective:
        args.adjective_actor = adjective
    _prepositional_targets(hit, forward, args)


def _nationality_after_noun(tokens: Sequence[Token], i: int, forward: list[Arg]) -> str | None:
    """ "الغارة الأمريكية", "ضربات إسرائيلية": a nationality adjective right after the noun."""
    for j, tok in enumerate(tokens[i + 1 : i + 3], start=i + 1):
        if any(a.first <= j <= a.last for a in forward):
            return None
        if country_of(tok.text):
            return tok.text
    return None


def _location(hit: Hit, placed: list[Arg], args: Args) -> Arg | None:
    used = {id(a) for a in args.actors}
    locs = [a for a in placed if a.mention.type == "LOC" and id(a) not in used]
    marked = [
        a for a in locs if a.prep in LOCATIVE or (a.prep in TO and hit.trigger.type == "CONSULT")
    ]
    # the place attacked is where an attack happened ("سقط صاروخ على قاعدة عين الأسد")
    hit_places = (
        [a for a in args.targets if a.mention.type == "LOC"]
        if hit.trigger.type == "ASSAULT"
        else []
    )
    pool = hit_places or marked
    pool = pool or [a for a in locs if id(a) not in {id(t) for t in args.targets}]
    if not pool:
        return None
    return min(pool, key=lambda a: (a.first < hit.index, abs(a.first - hit.index)))

"""The participants of a sentence placed in its token sequence: its entity mentions (and,
from `agents`, its typed agent phrases) with the preposition that governs each, whether و
joins it to the one before, and whether it is told as counted people."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.arabic.normalize import match_key
from marsad.arabic.numbers import word_value
from marsad.arabic.tokenize import clitic_candidates
from marsad.extract.events.lexicon import (
    AGENT_MARKS,
    COUNTS,
    GRAMMAR_WORDS,
    LOCATIVE,
    ON,
    OTHER_PREPOSITIONS,
    PARTITIVES,
    PLACE_NOUNS,
    TIME_WORDS,
    TO,
    WITH,
)
from marsad.model import Mention, Token


@dataclass(frozen=True)
class Arg:
    """A mention placed in the sentence's token sequence."""

    mention: Mention
    first: int  # token index of its first token
    last: int
    prep: str  # the preposition governing it ("" when none)
    conjoined: bool  # introduced by و ("X وY")
    code: str = ""  # a typed agent phrase's CAMEO code (agents.agent_args); "" for a mention
    counted: bool = False  # a number before it ("ثلاثة جنود"): people counted
    victim: bool = False  # a victim noun ("شخص", "قتلى"): the killed or hurt, never an actor


@dataclass
class Args:
    actors: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    adjective_actor: str | None = None  # "الغارة الأمريكية": the actor is only a nationality
    passive: bool = False  # a verb read as passive ("قتل 20 شخصا"): its subject is no actor
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
    from marsad.extract.quote_words import load_word_list

    words = {match_key(line.split("\t")[0]) for line in load_word_list("stopwords.tsv")}
    return frozenset(words | TIME_WORDS)


@lru_cache(maxsize=50_000)
def not_an_event_word(key: str) -> bool:
    """A function word, a grammar word of the coder, a time word or a number ("وسط", "خلال",
    "أمس", "20"): never the trigger of an event the learned detector finds on its own."""
    bare = key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key
    return (not key[:1].isalnum() or is_count(key) or key in _not_participants() or bare in _not_participants()
            or bare in GRAMMAR_WORDS)


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
        placed.append(Arg(m, first, last, _preposition(tokens, first, m), _conjoined(tokens, first, m),
                          counted=m.type != "LOC" and counted_at(tokens, first)))
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
    return preposition_of(tokens, first, glued)


_GOVERNING = LOCATIVE | WITH | ON | TO | OTHER_PREPOSITIONS | AGENT_MARKS


def preposition_of(tokens: Sequence[Token], first: int, glued: str) -> str:
    """`_preposition` of the phrase starting at `first` whose first word carries the
    proclitics `glued` (a typed agent phrase: those the tokenizer split off)."""
    glued = glued.lstrip("وف")
    if glued[:1] in ("ب", "ل", "ك"):
        return glued[:1]
    before = _before_count(tokens, first)
    if before >= 0:
        prev = tokens[before].key
        prev = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 2 else prev
        if prev in _GOVERNING:
            return prev
    return ""


def is_count(key: str) -> bool:
    """A number or a vague number word ("20", "ثلاثة", "العشرات"): what follows is counted."""
    return key[:1].isdecimal() or word_value(key) is not None or key.removeprefix("ال") in COUNTS


def counted_at(tokens: Sequence[Token], first: int) -> bool:
    """ "ثلاثة جنود", "20 شخصا", "خمسة من رجال الشرطة", "سبعة من عناصر الشرطة الأفغانية": a
    number before the phrase (across من and a partitive): people counted, in news often the
    killed or the hurt."""
    j = first - 1
    if j > 0 and tokens[j].key.removeprefix("و") in PARTITIVES:
        j -= 1
    if j > 0 and tokens[j].key == "من":
        j -= 1
    return j >= 0 and is_count(tokens[j].key)


def _before_count(tokens: Sequence[Token], first: int) -> int:
    """Index of the word before a phrase and the count or part it is told in ("من قبل أربعة
    مسلحين", "احتشد الآلاف من المتظاهرين", "عدد من الشبان"): the preposition governing the
    phrase stands there; the من of a part is none."""
    def part(k: int) -> bool:
        return is_count(tokens[k].key) or tokens[k].key.removeprefix("و") in PARTITIVES

    j = first - 1
    while j >= 0 and (part(j) or (tokens[j].key == "من" and j > 0 and part(j - 1))):
        j -= 1
    return j


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

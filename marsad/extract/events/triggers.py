"""Trigger finding: the lexicon's hits in a sentence, less those inside names, those of
weak triggers in a sports or markets sentence, and event nouns that are the topic of a
communicative verb ("أدان الهجوم")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import compress, count

from marsad.extract.events.lexicon import (
    ASSERTED_FROM,
    ELABORATING,
    FIRST,
    LIGHT_VERBS,
    PROTESTERS,
    RELATIVE,
    SUBJECT_BACK,
    TIME_NOUNS,
    TIME_WORDS,
    TOPIC_TAKING,
    Lexicon,
    Trigger,
    _has_word,
    _requirement_met,
    _rest_matches,
    any_has_word,
    is_break,
)
from marsad.extract.gazetteer import country_names
from marsad.model import Token

# --- trigger finding ---------------------------------------------------------------------

_TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


@dataclass
class Hit:
    index: int
    trigger: Trigger
    future_prefix: bool
    # the light verb whose بـ-object the trigger is ("قام انتحاري بتفجير"), -1 for none:
    # the trigger is then read as a verb of its tense, its mode and subject read from it
    light: int = -1


def find_triggers(
    tokens: Sequence[Token], lex: Lexicon, inside_names: frozenset[int] = frozenset(),
    at: Sequence[int] | None = None,
) -> list[Hit]:
    """Trigger hits in token order; `inside_names` are token indexes inside entity
    mentions ("قوات الدعم السريع" is a name, not an act of support). `at`: the indexes of
    the tokens whose look-up finds a trigger when the caller knows them already."""
    hits: list[Hit] = []
    nonpolitical: bool | None = None
    if at is None:  # the tokens with candidate triggers
        at = list(compress(count(), map(FIRST, lex.lookups(tokens))))
    for i in at:
        if i in inside_names:
            continue
        candidates, future = lex.lookup(tokens[i].key)
        if i + 1 < len(tokens) and _has_word(tokens[i], TIME_NOUNS) and (
                tokens[i + 1].key in TIME_WORDS or tokens[i + 1].key in country_names()):
            # "فجر اليوم": dawn, not a bombing; "فجر ليبيا": a militia's name, "Libya Dawn"
            # (issue 22: 17 asserted ASSAULT events on 1,000 SaudiNewsNet articles)
            continue
        generic = i > 0 and tokens[i - 1].key == "اي"  # "أي هجوم": no particular event
        # a written ta marbuta ends a noun, never a verb + pronoun ه: "طالبة" is a student
        noun_form = tokens[i].text.rstrip(_TASHKEEL).endswith("ة")
        for trig in candidates:
            if (generic and trig.pos == "n") or (noun_form and trig.pos == "v"):
                continue
            if not (_rest_matches(tokens, i, trig) and _requirement_met(tokens, i, trig)):
                continue
            if trig.weak:
                if nonpolitical is None:
                    nonpolitical = any_has_word(tokens, lex.nonpolitical)
                if nonpolitical:
                    continue
            hits.append(Hit(i, trig, future))
            break
    hits = [_periphrastic(hit, tokens, lex) for hit in hits]
    return _protesters_if_alone(_drop_topics(hits, tokens), tokens)


def light_verb(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the light verb (قام، يقوم، سيقوم، وقامت ...) whose بـ-object the word at
    `i` is, its subject at most between them ("قام انتحاري بتفجير حزام ناسف"، "المهاجم قام
    بتفجير نفسه"), no clause break between; None when there is none."""
    if not _bare(tokens[i].key).startswith("ب"):
        return None
    for j in range(i - 1, max(-1, i - 2 - SUBJECT_BACK), -1):
        if is_break(tokens[j]):
            return None
        if _light_form(tokens[j].key):
            return j
    return None


def _bare(key: str) -> str:
    return key[1:] if key[:1] in ("و", "ف") else key


def _light_form(key: str) -> bool:
    bare = _bare(key)
    return bare in LIGHT_VERBS or (bare[:1] == "س" and bare[1:] in LIGHT_VERBS)


def _periphrastic(hit: Hit, tokens: Sequence[Token], lex: Lexicon) -> Hit:
    """A verbal noun after a light verb and بـ ("قام انتحاري بتفجير"، "سيقوم الجيش بقصف") is
    read as the verb it names, in the light verb's tense and future, so the noun's event
    has the mode, subject and features a verb of the same act has ("فجر انتحاري نفسه"): as
    a noun it had no actor and a noun's features, and the GSR-trained detector doubted
    such bombings (issue 22: two suicide bombings on one Qatif page of the stories'
    round 5)."""
    if hit.trigger.pos != "n":
        return hit
    j = light_verb(tokens, hit.index)
    if j is None or hit.trigger not in lex.lookup(_bare(tokens[hit.index].key)[1:])[0]:
        return hit
    bare = _bare(tokens[j].key)
    future = bare[:1] == "س" and bare not in LIGHT_VERBS
    return Hit(hit.index, replace(hit.trigger, pos="v", present=light_tense(bare) == "present"), future, j)


def light_tense(key: str) -> str:
    """A light verb's form as the detector's trigger forms name them: "present" (يقوم،
    سيقوم، وتقوم) or "v" (قام، وقامت)."""
    return "present" if _bare(key).removeprefix("س")[:1] in ("ي", "ت") else "v"


def protester_word(hit: Hit, tokens: Sequence[Token]) -> bool:
    """A hit on a protester word ("المتظاهرون": its PROTEST row in lexicon/event_triggers.tsv)."""
    return hit.trigger.type == "PROTEST" and tokens[hit.index].key.removeprefix("و") in PROTESTERS


def _protesters_if_alone(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """Protesters tell of a protest only where no other PROTEST trigger does ("ورفع
    المتظاهرون لافتات"): with one, that trigger's mode and rules decide ("في دعوة للمشاركة في
    مظاهرة"، "وهتف المتظاهرون") — issue 22."""
    if any(h.trigger.type == "PROTEST" and not protester_word(h, tokens) for h in hits):
        return [h for h in hits if not protester_word(h, tokens)]
    return hits


def _drop_topics(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """An event noun that is the topic of a communicative verb is not an event of its own,
    and a multi-word trigger's noun ("شن هجوما") is not counted twice."""
    kept: list[Hit] = []
    for n, hit in enumerate(hits):
        if not any(_governs(prev, hit, tokens) for prev in hits[:n]):
            kept.append(hit)
    return kept


def _governs(prev: Hit, hit: Hit, tokens: Sequence[Token]) -> bool:
    if protester_word(prev, tokens):
        return False  # a protester word is a participant: no event noun is its topic
    between = tokens[prev.index + 1 : hit.index]
    commas_ok = prev.trigger.pos != "n"  # a verb's object may follow a comma'd subject
    if any(is_break(t) and not (commas_ok and t.text in "،,") for t in between):
        return False
    if hit.trigger.pos == "n":
        if prev.trigger.type in TOPIC_TAKING or len(between) <= 1:
            return True
        # an indefinite accusative after a verb is its purpose: "استدعت السفير احتجاجا"
        if prev.trigger.pos != "n" and tokens[hit.index].key.endswith("ا"):
            return True
    # هدد بقصف، رفض أن ينسحب
    return prev.trigger.type in ("REQUEST", "THREATEN", "REJECT") and len(between) <= 2


def assertable(hit: Hit, tokens: Sequence[Token]) -> bool:
    """Whether an asserted event of this hit is emitted (lexicon/event_types_asserted.tsv).
    On hand-labelled SaudiNewsNet sentences most asserted events of the other types were no
    such event; most of those from a verbal noun ("الزيارة", "الاتفاق النووي"), and 43 of 53
    of those whose verb follows a relative pronoun ("الاتفاق الذي أبرمته إيران"), referred
    back to one told before. The learned detector decides its own types, but not an event
    word right after a relative either: on the GSR dev half 0 of 61 ASSAULT and PROTEST
    sentences with one were "yes" ("المدينة التي شهدت احتجاجات")."""
    if any(t.key in RELATIVE for t in tokens[max(0, hit.index - 2) : hit.index]):
        return False
    if hit.trigger.entry in ELABORATING and tokens[hit.index].key[:1] == "و":
        return False  # "وهتف المتظاهرون": the protest told before, chanting
    allowed = ASSERTED_FROM.get(hit.trigger.type)
    if allowed == "detector":
        return True
    # a light verb's noun ("قام بزيارة") was not checked on real sentences as a verb: as its noun
    return allowed == "any" or (allowed == "verb" and hit.trigger.pos != "n" and hit.light < 0)

"""Does this sentence itself report a specific, actual event of a type? A linear model per
type learned from the Arabic event gold standard (scripts/train_events.py, data
../shared/data/arabic-event-gsr), over the sentence's words and word pairs and what the
lexicon coder found in it (trigger types and modes, participants, dates, numbers, grammar
words). The lexicon is one voice among the features, not the decision: "the investigation
into the killing" has a trigger and no event.

This module says what the features are (`sentence_features`, what training reads);
`scoring` weighs them at run time, all of a doc's sentences at once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from marsad.arabic.normalize import match_key
from marsad.extract.events.lexicon import (
    BACK,
    CLAUSE_BREAKS,
    DENIAL_VERBS,
    FUTURE_AFTER,
    FUTURE_BEFORE,
    HYPOTHETICAL,
    KEY,
    NEGATORS,
    NEGATORS_NEAR,
    load_lexicon,
)
from marsad.extract.events.triggers import light_tense, light_verb
from marsad.model import Event, Mention, Quantity, Sentence, TimeExpr

GRAMMAR_CLASSES = (
    ("negator", NEGATORS),
    ("negator_near", NEGATORS_NEAR),
    ("denial", DENIAL_VERBS),
    ("future", FUTURE_BEFORE | FUTURE_AFTER),
    ("hypothetical", HYPOTHETICAL),
)
# The model adds an event where the lexicon found none only above this probability: at the
# CV threshold alone (0.1 for PROTEST) it coded 514 asserted PROTEST events on 1,000
# SaudiNewsNet articles, most of them not protests. The CV figures apply the same rule.
CREATE_FLOOR = 0.5
LENGTH_BUCKETS = (8, 16, 32, 64)  # words: a headline, a short report, a long one, a run-on


def _strip_clitics(key: str) -> str:
    """The word less a leading و/ف and article, so والشرطة and الشرطة share a feature."""
    if key[:1] in ("و", "ف") and len(key) > 3:
        key = key[1:]
    if key.startswith(("ال", "لل", "بال")) and len(key) > 4:
        key = key[3:] if key.startswith("بال") else key[2:]
    return key


def _definite(key: str) -> bool:
    """A trigger written with the article ("المظاهرات"، "بالهجوم"): mostly an event the
    reader already knows, referred back to; on the GSR dev half 7 % of the sentences whose
    lexicon trigger is definite are "yes", 22 % of the others (issue 22). The word features
    lose it (`_strip_clitics`)."""
    if key[:1] in ("و", "ف") and len(key) > 3:
        key = key[1:]
    return key.startswith(("ال", "بال", "لل", "كال")) and len(key) > 4


def _trigger_index(sentence: Sentence, trigger: str) -> int:
    """The index of the token where an event's trigger starts in its sentence."""
    at = sentence.start + max(0, sentence.text.find(trigger))
    return next((k for k, token in enumerate(sentence.tokens) if token.start >= at), len(sentence.tokens))


def _word_before(sentence: Sentence, index: int) -> str:
    """The word before an event's trigger (its token `index`), "^" when the trigger opens
    the sentence: a report opens with its event ("تظاهر الآلاف ..."; on the GSR dev half half
    of such sentences are "yes"), background follows a relative, a demonstrative or a
    preposition of time ("الذي"، "هذه المظاهرات"، "بعد الهجوم"; 0 of 80 "yes") — issue 22."""
    before = sentence.tokens[index - 1].key if index > 0 else "^"
    return word_of(before) or before


def word_of(key: str) -> str:
    """A token key's word feature; "" for punctuation that breaks a clause (its key is the
    mark itself) and for empty keys: they are no words. (At run time `scoring` asks once per
    token key and remembers the answer with the key's other facts.)"""
    return "" if not key or key in CLAUSE_BREAKS else _strip_clitics(key)


def _sentence_words(sentence: Sentence) -> tuple[str, ...]:
    return tuple(filter(None, map(word_of, map(KEY, sentence.tokens))))


def length_bucket(words: int) -> int:
    return sum(words > n for n in LENGTH_BUCKETS)


def sentence_features(
    sentence: Sentence,
    coded: Sequence[Event],
    mentions: Iterable[Mention] = (),
    times: Iterable[TimeExpr] = (),
    quantities: Iterable[Quantity] = (),
) -> set[str]:
    """Binary features of one sentence by name, as the model is trained on them: its words
    and word pairs, grammar-word classes and length (the sentence's own, `Detector.scores`
    reads them from all of a doc's sentences at once), and `context_features`."""
    words = _sentence_words(sentence)
    keys = set(map(KEY, sentence.tokens))
    feats = {"bias", "len:" + str(length_bucket(len(words)))}
    feats.update("g:" + name for name, group in GRAMMAR_CLASSES if not keys.isdisjoint(group))
    feats.update("w:" + w for w in words)
    feats.update(f"b:{a}_{b}" for a, b in pairwise(words))
    return feats | context_features(sentence, coded, mentions, times, quantities)


def context_features(
    sentence: Sentence,
    coded: Sequence[Event],
    mentions: Iterable[Mention] = (),
    times: Iterable[TimeExpr] = (),
    quantities: Iterable[Quantity] = (),
) -> set[str]:
    """What the lexicon coder and the earlier stages found in the sentence: `coded` are the
    lexicon coder's events in it, the others the doc's mentions, times and quantities (those
    lying inside it count)."""
    feats: set[str] = set()
    for event in coded:
        kind = event.type
        trigger = match_key(event.trigger.split()[0] if event.trigger else "")
        at = _trigger_index(sentence, event.trigger)
        # "قام انتحاري بتفجير": the noun read as the light verb's act (triggers._periphrastic),
        # its form the light verb's and the word before it the light verb's
        light = light_verb(sentence.tokens, at) if at < len(sentence.tokens) else None
        tense = light_tense(sentence.tokens[light].key) if light is not None else ""
        feats.add("ev:" + kind)
        feats.add(f"ev:{kind}:{event.mode}")
        feats.add(f"ev:{kind}:trigger:" + _strip_clitics(trigger))
        feats.update(_entry_features(kind, trigger, tense))
        if _definite(trigger) and not tense:
            feats.add(f"ev:{kind}:definite")
        before = _word_before(sentence, light if light is not None and tense else at)
        feats.add(f"ev:{kind}:after:" + before)
        if before in BACK:  # "منذ الاحتجاجات"، "هذه المظاهرات": one feature for the words that point back
            feats.add(f"ev:{kind}:after_back")
        feats.update(f"ev:{kind}:actor:{p.code[-3:]}" for p in event.actors if p.code)
        if event.actors:
            feats.add(f"ev:{kind}:actor")
        if event.targets:
            feats.add(f"ev:{kind}:target")
        if event.location:
            feats.add(f"ev:{kind}:place")
    first, last = sentence.start, sentence.end
    for m in mentions:
        if first <= m.start and m.end <= last:
            feats.add("m:" + m.type)
    for t in times:
        if t.value and first <= t.start and t.end <= last:
            feats.add("time")
            feats.add("time:" + (t.granularity or "day"))
    for q in quantities:
        if first <= q.start and q.end <= last:
            feats.add("qty")
            if q.unit:
                feats.add("qty:" + q.unit)
    return feats


def _entry_features(kind: str, trigger: str, light: str = "") -> tuple[str, ...]:
    """The lexicon row the trigger is a form of, and whether it is a verb, a present verb
    or a noun: one feature for "تظاهر"، "تظاهروا"، "يتظاهرون", which the trigger's own
    form splits into rare ones (on the GSR dev half the PROTEST sentences whose trigger is a
    past verb of demonstrating are mostly "yes", those of a chanting verb or an event noun
    mostly "no"; issue 22)."""
    found = [t for t in load_lexicon().lookup(trigger)[0] if t.type == kind]
    if not found:  # an event the model added, its trigger no lexicon form
        return ()
    row = found[0]
    if light and row.pos == "n":  # a light verb's noun: the form of the light verb ("v", "present")
        return f"ev:{kind}:entry:{row.entry}", f"ev:{kind}:form:{light}", f"ev:{kind}:light"
    form = "present" if row.present else row.pos
    return f"ev:{kind}:entry:{row.entry}", f"ev:{kind}:form:{form}"


def anchored(event: Event, sentence: Sentence, times: Iterable[TimeExpr]) -> bool:
    """An asserted event with a named participant and a date stated in its own sentence
    ("اغتالت الولايات المتحدة في 3 يناير 2020 سليماني"): specific and actual whatever the
    model says of the sentence, so the model does not take it away. (The gold standard's
    annotators marked such background as "no" when it is not the news of the day; counted
    in the cross-validated figures, see scripts/train_events.py.) A year alone ("في عام
    2005") does not anchor: it places the event in history, and on the GSR dev half 25 of 28
    events it anchored were "no" sentences (issue 22). Nor does a date read against the
    article's ("أمس"، "الأحد"، "3 يناير الماضي"): the GSR rows, which carry no article date,
    never had one; trained with their articles' dates (from their ids), such dates kept
    events the annotators called "no" (negatives fired 130 of 1,370 against 68, nested
    ASSAULT F1 70.7 -> 61.1)."""
    return (
        event.mode == "asserted"
        and bool(event.actors or event.targets)
        and any(t.value and not t.relative and t.granularity != "year"
                and sentence.start <= t.start and t.end <= sentence.end for t in times)
    )


@dataclass(frozen=True)
class TypeModel:
    """A logistic model of one event type: weights by feature name, and the probability
    above which a sentence reports an event (chosen by cross-validation over documents).
    What training gives; the coder reads the types together (`scoring.Detector`)."""

    weights: dict[str, float]
    threshold: float
    creates: bool = True  # adds an event where the lexicon found none (above CREATE_FLOOR)

    def probability(self, feats: Iterable[str]) -> float:
        get = self.weights.get
        return logistic(sum(get(f, 0.0) for f in feats))


def logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

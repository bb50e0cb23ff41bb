"""Does this sentence itself report a specific, actual event of a type? A linear model per
type learned from the Arabic event gold standard (scripts/train_events.py, data
../shared/data/arabic-event-gsr), over the sentence's words and word pairs and what the
lexicon coder found in it (trigger types and modes, participants, dates, numbers, grammar
words). The lexicon is one voice among the features, not the decision: "the investigation
into the killing" has a trigger and no event.

Weights ship as JSON (marsad/models/events_detector.json); scoring a sentence is a dict
look-up per feature, so it adds little to the coder's time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.extract.events.lexicon import (
    DENIAL_VERBS,
    FUTURE_AFTER,
    FUTURE_BEFORE,
    HYPOTHETICAL,
    NEGATORS,
    NEGATORS_NEAR,
    is_break,
)
from marsad.model import Event, Mention, Quantity, Sentence, TimeExpr

MODEL_FILE = Path(__file__).resolve().parents[2] / "models" / "events_detector.json"

_GRAMMAR_CLASSES = (
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
_LENGTH_BUCKETS = (8, 16, 32, 64)  # words: a headline, a short report, a long one, a run-on


def _strip_clitics(key: str) -> str:
    """The word less a leading و/ف and article, so والشرطة and الشرطة share a feature."""
    if key[:1] in ("و", "ف") and len(key) > 3:
        key = key[1:]
    if key.startswith(("ال", "لل", "بال")) and len(key) > 4:
        key = key[3:] if key.startswith("بال") else key[2:]
    return key


def sentence_features(
    sentence: Sentence,
    coded: Sequence[Event],
    mentions: Iterable[Mention] = (),
    times: Iterable[TimeExpr] = (),
    quantities: Iterable[Quantity] = (),
) -> set[str]:
    """Binary features of one sentence: `coded` are the lexicon coder's events in it, the
    others the doc's mentions, times and quantities lying inside it."""
    words = [_strip_clitics(t.key) for t in sentence.tokens if t.key and not is_break(t)]
    feats = {"bias"}
    feats.update("w:" + w for w in words)
    feats.update(f"b:{a}_{b}" for a, b in pairwise(words))
    keys = {t.key for t in sentence.tokens}
    for name, group in _GRAMMAR_CLASSES:
        if not keys.isdisjoint(group):
            feats.add("g:" + name)
    feats.add("len:" + str(sum(len(words) > n for n in _LENGTH_BUCKETS)))
    for event in coded:
        kind = event.type
        feats.add("ev:" + kind)
        feats.add(f"ev:{kind}:{event.mode}")
        feats.add(f"ev:{kind}:trigger:" + _strip_clitics(match_key(event.trigger.split()[0] if event.trigger else "")))
        feats.update(f"ev:{kind}:actor:{code[-3:]}" for code in event.actor_codes if code)
        if event.actors:
            feats.add(f"ev:{kind}:actor")
        if event.targets:
            feats.add(f"ev:{kind}:target")
        if event.location:
            feats.add(f"ev:{kind}:place")
    inside = sentence.start, sentence.end
    for m in mentions:
        if inside[0] <= m.start and m.end <= inside[1]:
            feats.add("m:" + m.type)
    if any(t.value and inside[0] <= t.start and t.end <= inside[1] for t in times):
        feats.add("time")
    for q in quantities:
        if inside[0] <= q.start and q.end <= inside[1]:
            feats.add("qty")
            if q.unit:
                feats.add("qty:" + q.unit)
    return feats


def anchored(event: Event, sentence: Sentence, times: Iterable[TimeExpr]) -> bool:
    """An asserted event with a named participant and a date stated in its own sentence
    ("اغتالت الولايات المتحدة في 3 يناير 2020 سليماني"): specific and actual whatever the
    model says of the sentence, so the model does not take it away. (The gold standard's
    annotators marked such background as "no" when it is not the news of the day; counted
    in the cross-validated figures, see scripts/train_events.py.)"""
    return (
        event.mode == "asserted"
        and bool(event.actors or event.targets)
        and any(t.value and sentence.start <= t.start and t.end <= sentence.end for t in times)
    )


@dataclass(frozen=True)
class TypeModel:
    """A logistic model of one event type: weights by feature, and the probability above
    which a sentence reports an event (chosen by cross-validation over documents)."""

    weights: dict[str, float]
    threshold: float

    def probability(self, feats: Iterable[str]) -> float:
        get = self.weights.get
        z = sum(get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def strongest_word(self, sentence: Sentence) -> int | None:
        """Index of the token whose word weighs most for the type: the trigger of an event
        the model found without a lexicon trigger."""
        best, best_w = None, 0.0
        for i, tok in enumerate(sentence.tokens):
            w = self.weights.get("w:" + _strip_clitics(tok.key), 0.0)
            if w > best_w:
                best, best_w = i, w
        return best


@lru_cache(maxsize=1)
def load_detector(path: Path = MODEL_FILE) -> dict[str, TypeModel]:
    """Models by PLOVER type; empty when the file is absent (the lexicon decides alone)."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        kind: TypeModel({k: float(v) for k, v in model["weights"].items()}, float(model["threshold"]))
        for kind, model in data["types"].items()
    }

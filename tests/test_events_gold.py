"""Quality floors of the event coder on the team-written gold set.

Measured with `marsad eval events` using the gold file's mention lists (the coder alone):
all 182 sentences micro F1 0.939, dev half 0.967 (the half the lexicon rules were checked
against), held-out test half 0.911, mode accuracy 0.993, actor attachment 0.85.
Floors sit about 5 points below, so a regression fails CI. The end-to-end score with the
NER model (when marsad/models/ner.crfsuite exists) is printed, not asserted.
"""

from __future__ import annotations

import json

import pytest

from marsad.evaluate.events import GOLD_FILE, NER_MODEL, evaluate, load_gold
from marsad.extract.events import PLOVER_TYPES


def test_gold_set_is_big_and_covers_every_type():
    gold = load_gold()
    assert len(gold) >= 150
    assert sum(1 for g in gold if not g["events"]) >= 30
    types = {e["type"] for g in gold for e in g["events"]}
    assert types == set(PLOVER_TYPES)
    modes = {e["mode"] for g in gold for e in g["events"]}
    assert {"future", "negated", "hypothetical"} <= modes
    for line in GOLD_FILE.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for m in item["mentions"]:
            assert m["text"] in item["sentence"]


# The floors hold the lexicon coder (`learned=False`: every type, no detector, no actor rule)
# to its behaviour on these team-written sentences: all 0.942, test half 0.917. The shipped
# coder emits asserted events only of the types checked on real sentences (issue 22,
# lexicon/event_types_asserted.tsv), so its figure here is printed by `marsad eval events`
# (micro F1 0.661 with the gold mentions), not held to a floor: team-written sentences
# prove behaviour, not quality.
@pytest.mark.parametrize("split, floor", [("all", 0.87), ("test", 0.85)])
def test_micro_f1_floor(split, floor):
    scores = evaluate(split=split, use_model=False, learned=False)
    p, r, f = scores.micro
    print(f"{split}: P={p:.3f} R={r:.3f} F1={f:.3f}")
    assert f >= floor


def test_modes_and_arguments_floor():
    scores = evaluate(use_model=False, learned=False)
    assert scores.mode_accuracy >= 0.94
    assert scores.actor_accuracy >= 0.80


def test_end_to_end_with_ner_model_is_reported():
    if not NER_MODEL.exists():
        pytest.skip(f"{NER_MODEL} not trained yet: end-to-end event score needs the NER model")
    p, r, f = evaluate(use_model=True).micro
    print(f"end to end with NER: P={p:.3f} R={r:.3f} F1={f:.3f}")
    assert f > 0

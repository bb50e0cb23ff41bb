"""The hand labels of SaudiNewsNet sentences per event type (labels/events, issue 22) hold
ids and labels only, and `marsad eval events` finds every labelled sentence again."""

from __future__ import annotations

import pytest

from marsad.evaluate.events_snn import SNN_DIR, evaluate_snn, load_labels
from marsad.extract.events import PLOVER_TYPES

LABEL_KEYS = {"type", "article", "at", "sentence", "start", "end", "sha1", "label", "reason", "coder_fired"}
# why a line's type or label changed after it was judged (its README); a held-out line's mark;
# who the source and target are, as short names, on the twelfth round's "yes" lines
OPTIONAL_KEYS = {"relabelled", "held_out", "gold_source", "gold_target"}
REASONS = {"event", "ref", "plan", "habit", "hyp", "neg", "sense", "topic", "name"}


def test_labels_hold_ids_and_labels_only():
    labels = load_labels()
    held_out = load_labels(held_out=True)
    assert len(labels) >= 800 and len(held_out) >= 60
    assert all(lab.get("held_out") for lab in held_out) and not any(lab.get("held_out") for lab in labels)
    judged = {lab["article"] for lab in labels}
    assert not judged & {lab["article"] for lab in held_out}  # drawn from articles never judged before
    labels = labels + held_out
    for lab in labels:
        assert LABEL_KEYS <= set(lab) <= LABEL_KEYS | OPTIONAL_KEYS
        assert lab["type"] in PLOVER_TYPES and lab["label"] in ("yes", "no") and lab["reason"] in REASONS
        assert (lab["reason"] == "event") == (lab["label"] == "yes")
        assert len(lab["article"]) == 16 and len(lab["sha1"]) == 12 and 0 <= lab["start"] < lab["end"]
    assert len({(lab["article"], lab["start"], lab["type"]) for lab in labels}) == len(labels)


@pytest.mark.skipif(not SNN_DIR.is_dir(), reason="needs ../shared/data/saudinewsnet")
def test_every_labelled_sentence_is_found_and_scored():
    labels = load_labels()
    scores = evaluate_snn(labels)
    assert sum(s.yes + s.no for s in scores.values()) == len(labels)
    assert all(s.lost == 0 for s in scores.values())  # the cleaner and splitter give the same sentences
    assert all(s.fired >= s.tp and s.yes >= s.tp for s in scores.values())

"""CI floor on real gold: ASSAULT / PROTEST detection cross-validated over documents on the
development half of the Arabic event gold standard (../shared/data/arabic-event-gsr).
The floors sit a little under what `marsad eval events` printed at the commit that set them
(ASSAULT F1 see marsad/models/MODEL_CARD.md); about 20 s on two cores."""

from __future__ import annotations

import pytest

from marsad.evaluate.events_gsr import (
    C_GRID,
    GSR,
    actor_agreement,
    creates,
    cross_validate,
    document_of,
    median_choice,
    smoothed,
)
from marsad.evaluate.events_spans import code_agrees, gold_codes, span_validation
from marsad.extract.events.scoring import MODEL_FILE


def test_document_of_keeps_an_articles_sentences_together():
    assert document_of("AAW_ARB_20071026.0026-2") == "AAW_ARB_20071026.0026"
    assert document_of("e6874d82b9c4_32") == "e6874d82b9c4"


@pytest.mark.skipif(not GSR.is_dir(), reason=f"{GSR} not present")
@pytest.mark.skipif(not MODEL_FILE.is_file(), reason="the detector is not trained (scripts/train_events.py)")
def test_gsr_cross_validated_floor():
    scores = {s.kind: s for s in cross_validate()}
    for s in scores.values():
        print(s)
    # entry round: 0.701 / 0.472 / 0.587 (0.686 / 0.495 / 0.591 before; 0.654 ASSAULT before
    # the robustness round)
    assert scores["ASSAULT"].f1 >= 0.65
    assert scores["PROTEST"].f1 >= 0.46
    assert (scores["ASSAULT"].f1 + scores["PROTEST"].f1) / 2 >= 0.56


@pytest.mark.skipif(not GSR.is_dir(), reason=f"{GSR} not present")
@pytest.mark.skipif(not MODEL_FILE.is_file(), reason="the detector is not trained (scripts/train_events.py)")
def test_gsr_actor_agreement_floor():
    """Source and target against the gold spans of the dev half (issue 22, actors that are
    actors: 49/168 ASSAULT and 27/38 PROTEST sources, 82/165 ASSAULT targets at the commit
    that set the floor; 21 and 9 sources before typed agent phrases took their roles beside
    the mentions). The source round: ASSAULT 49/166 sources, 83/164 targets, 41/76 roles
    (48, 83, 39 before); PROTEST 26/36 (28/38: two chanting sentences no longer coded)."""
    scores = {a.kind: a for a in actor_agreement()}
    for a in scores.values():
        print(a)
    assert scores["ASSAULT"].source_right >= 46
    assert scores["ASSAULT"].target_right >= 78
    assert scores["ASSAULT"].role_right >= 38
    assert scores["PROTEST"].source_right >= 24


def test_the_shipped_threshold_is_the_median_of_the_folds_choices():
    assert median_choice([(0.3, 0.15), (3.0, 0.175), (3.0, 0.225), (0.1, 0.475), (0.03, 0.475)]) == (0.3, 0.225)
    assert median_choice([(c, 0.5) for c in C_GRID[:3]])[0] == C_GRID[1]


def test_events_are_added_where_they_raise_f1():
    """Added detections raise F1 when more of them are right than half the F1: at F1 0.6,
    12 of 30 (0.40 > 0.30) do, 8 of 30 (0.27) do not; none right never."""
    assert creates(12, 30, 0.6) and not creates(8, 30, 0.6)
    assert not creates(0, 0, 0.6) and not creates(0, 4, 0.0)


def test_a_lone_spike_of_f1_is_not_chosen_over_a_plateau():
    curve = [0.30, 0.30, 0.45, 0.30, 0.30, 0.40, 0.41, 0.40, 0.40, 0.39]
    best = max(range(len(curve)), key=smoothed(curve).__getitem__)
    assert 5 <= best <= 8


def test_a_gold_source_code_agrees_on_its_country_and_role_where_given():
    golds = gold_codes([{"source_role": {"main": "USA", "role": "MIL"}}, {"source_role": {}},
                        {"source_role": "UNKNOWN"}, {"source_role": {"main": "None", "role": "None"}}])
    assert golds == [("USA", "MIL")]
    assert code_agrees("USAMIL", "USA", "MIL") and code_agrees("IRQCVL", None, "CVL")
    assert code_agrees("ISRMIL", "ISR", None)
    assert not code_agrees("MIL", "USA", "MIL") and not code_agrees("REB", None, "UAF")


@pytest.mark.skipif(not GSR.is_dir(), reason=f"{GSR} not present")
@pytest.mark.skipif(not MODEL_FILE.is_file(), reason="the detector is not trained (scripts/train_events.py)")
def test_span_sentences_type_and_source_floor():
    """The UniversalPetrarch validation's figures on the dev half's span sentences (issue 22:
    type >= 75 %, type + source >= 100 of 645 there), in-sample for the actor rules: 232 and
    77 of 312 at the commit that set the floor (233 and 75 before it); of the 206 the csv
    labels yes, 205 and 63. After the entry round 226 and 71 (202 and 60): the retrained
    ASSAULT model's threshold (0.575 at C 0.1, 0.525 at C 0.3 before) codes fewer of them,
    while its nested F1 over 8 fold splits rose 64.3 -> 67.3. The source round (the source
    actor's errors counted first: a country or a force the phrase names, "جنوده" after a
    named army, "قوات الأمن", a passive's means "جراء ضربة أمريكية"): 228 and 76 (200 and 61),
    against 226 and 70 (202 and 59) at its start. The validation-halves round: 219 and 72 (189
    and 58): the retrained ASSAULT model no longer adds the events it had memorised on these
    very sentences, while on the validation file's held-out half (no dev-half sentence) type
    right rose 167 -> 172 of 317 and the nested ASSAULT F1 over 8 splits 67.6 -> 68.9."""
    scores = span_validation()
    assert sum(s.sentences for s in scores) == 312
    assert sum(s.type_right for s in scores) >= 215
    assert sum(s.type_source_right for s in scores) >= 70
    assert sum(s.yes_type_source_right for s in scores) >= 58

"""CI floor on real gold: ASSAULT / PROTEST detection cross-validated over documents on the
development half of the Arabic event gold standard (../shared/data/arabic-event-gsr).
The floors sit a little under what `marsad eval events` printed at the commit that set them
(ASSAULT F1 see marsad/models/MODEL_CARD.md); about 20 s on two cores."""

from __future__ import annotations

import pytest

from marsad.evaluate.events_gsr import GSR, actor_agreement, cross_validate, document_of
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
    assert scores["ASSAULT"].f1 >= 0.58
    assert scores["PROTEST"].f1 >= 0.35  # 0.375 at the protest-gathering triggers
    assert (scores["ASSAULT"].f1 + scores["PROTEST"].f1) / 2 >= 0.48  # 0.492 there


@pytest.mark.skipif(not GSR.is_dir(), reason=f"{GSR} not present")
@pytest.mark.skipif(not MODEL_FILE.is_file(), reason="the detector is not trained (scripts/train_events.py)")
def test_gsr_actor_agreement_floor():
    """Source and target against the gold spans of the dev half (issue 22, actors that are
    actors: 42/168 ASSAULT and 26/38 PROTEST sources at the commit that set the floor, 21
    and 9 before typed agent phrases took their roles beside the mentions)."""
    scores = {a.kind: a for a in actor_agreement()}
    for a in scores.values():
        print(a)
    assert scores["ASSAULT"].source_right >= 38
    assert scores["ASSAULT"].target_right >= 65
    assert scores["PROTEST"].source_right >= 22

"""Issue 22, tenth events round: an explosive named before its verb is an attack ("عبوة
ناسفة انفجرت"), a participant past a complement's أن is no subject of the verb before it,
and the span rows the GSR development half leaves "ambiguous" can be trained on, never
scored. Texts composed here."""

from __future__ import annotations

import numpy as np
from event_docs import REF, make_doc

from marsad.evaluate.events_gsr import _prf
from marsad.extract.events import coding


def events(text: str, names: list[tuple[str, str]] = ()) -> list[tuple[str, str, list[str]]]:  # type: ignore[assignment]
    return [(e.type, e.mode, [p.text for p in e.actors])
            for e in coding.extract_events(make_doc(text, names), REF, learned=False)]


def test_an_explosive_named_before_its_verb_went_off():
    assert [e[:2] for e in events("وقال مصدر أمني إن «عبوة ناسفة انفجرت على دورية للشرطة».")] == [
        ("ASSAULT", "asserted")]
    assert [e[:2] for e in events("سيارة مفخخة انفجرت قرب سوق شعبي في المدينة.")] == [("ASSAULT", "asserted")]
    assert [e[:2] for e in events("وقذيفة سقطت على منزل في البلدة أمس.")] == [("ASSAULT", "asserted")]
    # a gas pipe is no explosive, before or after the verb; nor is one past a clause break
    assert events("أنبوب الغاز انفجر في المصنع.") == []
    assert events("وعثر على عبوة ناسفة، ثم انفجر أنبوب الغاز.") == []


def test_a_participant_past_a_complement_is_no_subject():
    name = "سامر حنا"
    text = f"اتفق النقاد هذا الموسم على أن فيلم «الطريق» للمخرج {name} هو الأفضل."
    assert all(name not in actors for kind, _, actors in events(text, [(name, "PER")]) if kind == "AGREE")
    agreed = events("واتفق وزير الخارجية مع نظيره على أن تستمر المحادثات.", [("وزير الخارجية", "PER")])
    assert ("AGREE", "asserted", ["وزير الخارجية"]) in agreed


def test_rows_trained_on_only_are_never_scored():
    y = np.array([1, 0, 1, 1])
    predicted = np.array([True, False, False, False])
    scored = np.array([True, True, True, False])
    assert _prf(y, predicted, scored) == (1.0, 0.5, 2 / 3)

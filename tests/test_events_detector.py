"""The learned detector's place in the coder, with small hand-made models (the shipped
model's quality is measured on real gold: tests/test_events_gsr.py)."""

from __future__ import annotations

import dataclasses

import pytest
from event_docs import REF, make_doc, with_models

from marsad.extract.events import coding
from marsad.extract.events.detector import TypeModel, context_features, sentence_features
from marsad.extract.events.scoring import Detector, load_detector, save
from marsad.model import TimeExpr

NEVER = TypeModel({"bias": -10.0}, 0.5)
ALWAYS = TypeModel({"bias": 10.0, "w:اعتصام": 1.0}, 0.5)


def test_features_carry_words_lexicon_events_and_modes():
    doc = make_doc("لم تهاجم القوات القرية.", [("القرية", "LOC")])
    coded = coding.code_sentence(doc.sentences[0], doc.mentions, doc.times, REF)
    feats = sentence_features(doc.sentences[0], coded, doc.mentions)
    assert "ev:ASSAULT:negated" in feats and "g:negator" in feats and "m:LOC" in feats
    assert "w:قوات" in feats  # the article is stripped: القوات and قوات are one feature


def test_unbelieved_asserted_event_is_dropped_and_other_modes_kept(monkeypatch):
    with_models(monkeypatch, ASSAULT=NEVER)
    doc = make_doc("هاجمت القوات القرية. لم تهاجم القوات المدينة.", [("القرية", "LOC"), ("المدينة", "LOC")])
    assert [(e.type, e.mode) for e in coding.extract_events(doc, REF)] == [("ASSAULT", "negated")]


def test_dated_event_with_a_named_participant_is_anchored(monkeypatch):
    with_models(monkeypatch, ASSAULT=NEVER)
    text = "هاجمت القوات القرية في 3 يوليو 2021."
    at = text.index("3 يوليو 2021")
    times = [TimeExpr(at, at + len("3 يوليو 2021"), "3 يوليو 2021", "2021-07-03", granularity="day")]
    events = coding.extract_events(make_doc(text, [("القرية", "LOC")], times), REF)
    assert [(e.type, e.date) for e in events] == [("ASSAULT", "2021-07-03")]


def test_a_year_alone_does_not_anchor(monkeypatch):
    """"في عام 2005" places an attack in history: the model may take it away."""
    with_models(monkeypatch, ASSAULT=NEVER)
    text = "هاجمت القوات القرية في عام 2005."
    at = text.index("2005")
    times = [TimeExpr(at, at + 4, "2005", "2005", granularity="year")]
    assert coding.extract_events(make_doc(text, [("القرية", "LOC")], times), REF) == []


def test_features_say_a_definite_trigger_and_the_word_before_it():
    doc = make_doc("تظاهر العمال أمام المصنع. وأثارت هذه المظاهرات غضب الحكومة.", [])
    first, second = (sentence_features(s, coding.code_sentence(s, doc.mentions, doc.times, REF))
                     for s in doc.sentences)
    assert "ev:PROTEST:after:^" in first and "ev:PROTEST:definite" not in first
    assert "ev:PROTEST:after:هذه" in second and "ev:PROTEST:definite" in second


def test_features_name_the_lexicon_row_and_the_verb_form_of_a_trigger():
    """"تظاهروا" and "يتظاهرون" share the row's feature; one is past, one present."""
    doc = make_doc("وتظاهروا أمام المصنع. ويتظاهرون كل أسبوع. وأثارت المظاهرات غضب الحكومة.", [])
    past, present, noun = (sentence_features(s, coding.code_sentence(s, doc.mentions, doc.times, REF))
                           for s in doc.sentences)
    assert "ev:PROTEST:entry:تظاهر" in past and "ev:PROTEST:entry:تظاهر" in present
    assert "ev:PROTEST:form:v" in past and "ev:PROTEST:form:present" in present
    assert "ev:PROTEST:entry:مظاهرة" in noun and "ev:PROTEST:form:n" in noun


def test_a_protest_called_for_tomorrow_is_future():
    doc = make_doc("وتنظم النقابات تظاهرات غدا أمام البرلمان.", [])
    assert [(e.type, e.mode) for e in coding.extract_events(doc, REF, learned=False)] == [("PROTEST", "future")]


def test_a_model_that_does_not_create_adds_no_event(monkeypatch):
    doc = make_doc("وقف العمال أمام المصنع.", [])
    believing = TypeModel({"bias": 0.0, "w:مصنع": 3.0}, 0.3)  # p 0.95
    with_models(monkeypatch, PROTEST=dataclasses.replace(believing, creates=False))
    assert [e for e in coding.extract_events(doc, REF) if e.type == "PROTEST"] == []
    with_models(monkeypatch, PROTEST=believing)
    assert [e.type for e in coding.extract_events(doc, REF)] == ["PROTEST"]


def test_believed_sentence_without_trigger_gets_an_event_above_the_floor(monkeypatch):
    doc = make_doc("وقف العمال أمام المصنع.", [])
    with_models(monkeypatch, PROTEST=TypeModel({"bias": 0.0, "w:مصنع": 0.5}, 0.3))  # p 0.62 >= 0.5
    events = [e for e in coding.extract_events(doc, REF) if e.type == "PROTEST"]
    assert len(events) == 1 and events[0].trigger == "المصنع"
    with_models(monkeypatch, PROTEST=TypeModel({"bias": 0.0, "w:مصنع": 0.2}, 0.3))  # p 0.55: believed...
    assert len([e for e in coding.extract_events(doc, REF) if e.type == "PROTEST"]) == 1
    with_models(monkeypatch, PROTEST=TypeModel({"bias": -0.5, "w:مصنع": 0.2}, 0.3))  # p 0.43: under the floor
    assert [e for e in coding.extract_events(doc, REF) if e.type == "PROTEST"] == []


def test_learned_false_is_the_lexicon_alone(monkeypatch):
    with_models(monkeypatch, ASSAULT=NEVER)
    doc = make_doc("هاجمت القوات القرية.", [("القرية", "LOC")])
    assert [e.type for e in coding.extract_events(doc, REF, learned=False)] == ["ASSAULT"]
    assert coding.extract_events(doc, REF) == []


def test_shipped_model_loads_both_types():
    detector = load_detector()
    if not detector:
        pytest.skip("the detector is not trained (scripts/train_events.py)")
    assert set(detector.kinds) == {"ASSAULT", "PROTEST"}
    assert all(0 < t < 1 for t in detector.thresholds)


# Composed sentences with what the scorer must count once: a repeated word and pair, a
# negator and a future word, punctuation between words (no pair across it), two sentences.
SCORED = (
    "لن تهاجم القوات القرية ، ولم تهاجم القوات القرية أمس.",
    "تظاهر العمال أمام المصنع: تظاهر العمال.",
    "هجوم. تظاهر العمال.",  # two sentences: no pair across them
    "قال المتحدث إن الشرطة اعتقلت عشرة محتجين في العاصمة بعد اعتصام استمر يومين أمام الوزارة.",
)


def test_doc_scores_equal_the_models_over_the_named_features(tmp_path):
    """The detector weighs all of a doc's sentences at once from its tables: the same
    probability as each type's weights summed over `sentence_features`, by name. Checked
    with hand-made weights on every kind of feature, and after a save / load round trip."""
    models = {
        "ASSAULT": TypeModel({"bias": -0.5, "w:قوات": 0.7, "b:تهاجم_قوات": 0.3, "b:قوات_قريه": 0.2, "g:negator": -1.1,
                              "g:future": -0.4, "len:1": 0.25, "ev:ASSAULT": 0.6, "ev:ASSAULT:negated": -0.9,
                              "m:LOC": 0.15, "w:هجوم": 1.3}, 0.5),
        "PROTEST": TypeModel({"bias": -1.0, "w:عمال": 0.4, "b:تظاهر_عمال": 0.8, "b:مصنع_تظاهر": 5.0,
                              "w:اعتصام": 0.9, "b:._تظاهر": 3.0, "len:3": -0.2, "ev:PROTEST:asserted": 0.5}, 0.2),
    }
    save(tmp_path / "d.json", models, {"types": {}})
    for detector in (Detector.of(models), load_detector(tmp_path / "d.json")):
        for text in SCORED:
            doc = make_doc(text, [("القرية", "LOC")] if "القرية" in text else [])
            rows = detector.scores(doc.sentences).tolist()
            for sentence, row in zip(doc.sentences, rows, strict=True):
                coded = coding.code_sentence(sentence, doc.mentions, doc.times, REF)
                named = sentence_features(sentence, coded, doc.mentions)
                got = detector.probabilities(row, context_features(sentence, coded, doc.mentions))
                want = [models[kind].probability(named) for kind in detector.kinds]
                assert got == pytest.approx(want, abs=1e-12), text


def test_asserted_event_of_an_unchecked_type_needs_an_actor(monkeypatch):
    """CONSULT has no learned model: with no participant it is no codable event (a hotel's
    meeting rooms), with one it stays; the lexicon alone (`learned=False`) keeps both."""
    with_models(monkeypatch, ASSAULT=NEVER)
    bare = make_doc("يضم الفندق قاعة للاجتماعات.", [])
    named = make_doc("اجتمع الكاظمي مع ماكغورك.", [("الكاظمي", "PER"), ("ماكغورك", "PER")])
    assert [e.type for e in coding.extract_events(bare, REF, learned=False)] == ["CONSULT"]
    assert coding.extract_events(bare, REF) == []
    assert [(e.type, [p.text for p in e.actors]) for e in coding.extract_events(named, REF)] == [("CONSULT", ["الكاظمي"])]


def test_verbal_noun_takes_the_subject_of_its_verb(monkeypatch):
    with_models(monkeypatch, ASSAULT=NEVER)
    doc = make_doc("أعلنت بغداد وأربيل اتفاقا لتقاسم عائدات النفط.", [("بغداد", "LOC"), ("أربيل", "LOC")])
    events = [e for e in coding.extract_events(doc, REF, learned=False) if e.type == "AGREE"]
    assert [[p.text for p in e.actors] for e in events] == [["بغداد", "أربيل"]]


def test_the_two_sides_are_the_participants_told_before(monkeypatch):
    with_models(monkeypatch, ASSAULT=NEVER)
    text = "التقى الكاظمي ماكغورك في بغداد أمس. وتوصل الجانبان إلى اتفاق على جدول الانسحاب."
    doc = make_doc(text, [("الكاظمي", "PER"), ("ماكغورك", "PER"), ("بغداد", "LOC")])
    agree = [e for e in coding.extract_events(doc, REF) if e.type == "AGREE"]
    assert len(agree) == 1 and {p.text for p in agree[0].actors} == {"الكاظمي", "ماكغورك"}


def test_no_model_file_leaves_the_lexicon_and_the_actor_rule(tmp_path, monkeypatch):
    detector = load_detector(tmp_path / "absent.json")
    assert not detector and detector.kinds == ()
    monkeypatch.setattr(coding, "load_detector", lambda: detector)
    doc = make_doc("هاجمت القوات القرية. يضم الفندق قاعة للاجتماعات.", [("القرية", "LOC")])
    assert [e.type for e in coding.extract_events(doc, REF)] == ["ASSAULT"]  # the actorless CONSULT goes


def test_doubt_follows_an_event_into_its_resolved_copy(monkeypatch):
    # Resolving "الجانبان" to the sides of an earlier event makes a new event object: the
    # detector's doubt must follow it (it was kept by the id of the object it replaced,
    # which a later event could take: the same doc gave other events later in a process).
    with_models(monkeypatch, ASSAULT=NEVER)
    monkeypatch.setattr(coding, "_parties_resolved", lambda event, sentence, before: dataclasses.replace(event))
    doc = make_doc("هاجمت القوات القرية.", [("القرية", "LOC")])
    assert coding.extract_events(doc, REF, learned=False)  # the lexicon codes it...
    assert coding.extract_events(doc, REF) == []  # ...and the model's doubt drops the copy

"""The learned detector's place in the coder, with small hand-made models (the shipped
model's quality is measured on real gold: tests/test_events_gsr.py)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.arabic.tokenize import split_sentences
from marsad.extract.events import coding
from marsad.extract.events.detector import TypeModel, load_detector, sentence_features
from marsad.model import Article, Doc, Mention, TimeExpr

REF = date(2021, 7, 15)


def make_doc(text: str, names: list[tuple[str, str]], times: list[TimeExpr] = ()) -> Doc:
    mentions = tuple(Mention(text.index(n), text.index(n) + len(n), n, kind) for n, kind in names)
    article = Article(id="d", source="d", text=text, title=None, published=REF.isoformat(), outlet=None,
                      language="ar", is_article=True)
    return Doc(article=article, sentences=tuple(split_sentences(text)), mentions=mentions, times=tuple(times))


def with_models(monkeypatch: pytest.MonkeyPatch, **models: TypeModel) -> None:
    monkeypatch.setattr(coding, "load_detector", lambda: models)


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
    models = load_detector()
    if not models:
        pytest.skip("the detector is not trained (scripts/train_events.py)")
    assert set(models) == {"ASSAULT", "PROTEST"}
    assert all(0 < m.threshold < 1 for m in models.values())

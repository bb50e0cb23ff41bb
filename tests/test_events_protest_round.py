"""Issue 22, PROTEST robustness round: modes and rules that hold across fold splits of the
GSR dev half (a call, a negated happening, a relative before the trigger, history dated
years back), the pooled "points back" feature, the feature-frequency choice, and the
actor codes of stateless groups and of the nationalities the tables lacked. Texts composed
here."""

from __future__ import annotations

from event_docs import REF, make_doc, with_models

from marsad.evaluate.events_gsr import median_min_rows
from marsad.extract.actor_codes import actor_code, country_of
from marsad.extract.events import coding
from marsad.extract.events.detector import TypeModel, sentence_features
from marsad.model import TimeExpr

# believes every sentence, and adds no event where the lexicon found none
BELIEVER = TypeModel({"bias": 10.0}, 0.5, creates=False)


def modes(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.mode) for e in coding.extract_events(make_doc(text, []), REF, learned=False)]


def test_an_event_noun_after_a_call_is_called_for_not_held():
    assert modes("وعلق المتظاهرون لافتة في دعوة للمشاركة في مظاهرة اليوم.") == [("PROTEST", "future")]


def test_a_negated_verb_of_happening_negates_the_event_noun():
    assert modes("وقال الشهود إنه لم تقع اشتباكات في المدينة.") == [("ASSAULT", "negated")]
    assert modes("وقال الشهود إنه وقعت اشتباكات في المدينة.") == [("ASSAULT", "asserted")]


def test_an_event_word_after_a_relative_is_no_new_event_for_the_detector_types(monkeypatch):
    with_models(monkeypatch, PROTEST=BELIEVER)
    told = make_doc("وتعود القصة إلى المدينة التي شهدت احتجاجات واسعة.", [("المدينة", "LOC")])
    new = make_doc("وشهدت المدينة احتجاجات واسعة.", [("المدينة", "LOC")])
    assert [e.type for e in coding.extract_events(told, REF)] == []
    assert [(e.type, e.mode) for e in coding.extract_events(new, REF)] == [("PROTEST", "asserted")]


def _dated(year: str):  # type: ignore[no-untyped-def]
    text = f"وتظاهر الطلاب أمام الجامعة عام {year}."
    at = text.index(year)
    return make_doc(text, [("الجامعة", "ORG")], [TimeExpr(at, at + 4, year, year, granularity="year")])


def test_an_event_dated_years_before_the_article_is_history(monkeypatch):
    with_models(monkeypatch, PROTEST=BELIEVER)
    assert coding.extract_events(_dated("1990"), REF) == []
    assert [e.type for e in coding.extract_events(_dated("2021"), REF)] == ["PROTEST"]
    assert [e.type for e in coding.extract_events(_dated("1990"), None)] == ["PROTEST"]  # no article date


def test_a_word_pointing_back_before_the_trigger_is_one_feature():
    doc = make_doc("وأثارت هذه المظاهرات غضب الحكومة.", [])
    sentence = doc.sentences[0]
    feats = sentence_features(sentence, coding.code_sentence(sentence, doc.mentions, doc.times, REF))
    assert "ev:PROTEST:after:هذه" in feats and "ev:PROTEST:after_back" in feats


def test_the_shipped_feature_frequency_is_the_median_of_the_folds_choices():
    assert median_min_rows([4, 16, 8, 8, 16]) == 8


def test_stateless_groups_and_more_nationalities_have_codes():
    assert actor_code("حلف شمال الاطلسي", None, "", "ORG") == "IGO"
    assert country_of("صوماليون") == "SOM" and country_of("الصومال") == "SOM"
    assert actor_code("قراصنة صوماليون", None, "", "ORG") == "SOMUAF"
    assert country_of("مالي") is None  # "financial" as often as the country


def test_protesters_doing_anything_tell_of_a_protest_where_no_other_trigger_does(monkeypatch):
    events = coding.extract_events(make_doc("ورفع المتظاهرون لافتات كتب عليها اسم المدينة.", []), REF, learned=False)
    assert [(e.type, e.mode, [p.text for p in e.actors]) for e in events] == [
        ("PROTEST", "asserted", ["المتظاهرون"])]
    # another PROTEST trigger decides: a call, or chanting that elaborates a protest told before
    assert modes("وعلق المتظاهرون لافتة في دعوة للمشاركة في مظاهرة اليوم.") == [("PROTEST", "future")]
    with_models(monkeypatch, PROTEST=BELIEVER)
    chanting = make_doc("وهتف المتظاهرون ضد الحكومة.", [])
    assert [e.type for e in coding.extract_events(chanting, REF) if e.mode == "asserted"] == []

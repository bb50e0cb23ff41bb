"""Issue 22, eleventh events round: a verbal noun after a light verb and بـ ("قام انتحاري
بتفجير حزام ناسف") is read as the verb it names: its mode and tense are the light verb's, its
actor the light verb's subject, and the detector's features those of a verb; a negator joined
by و ("ولم يقم"، "ولم يفجر") negates. Texts composed here."""

from __future__ import annotations

from event_docs import REF, make_doc

from marsad.arabic.tokenize import split_sentences
from marsad.extract.events import coding
from marsad.extract.events.detector import context_features


def events(text: str, names: list[tuple[str, str]] = (), learned: bool = False  # type: ignore[assignment]
           ) -> list[tuple[str, str, list[str]]]:
    return [(e.type, e.mode, [p.text for p in e.actors])
            for e in coding.extract_events(make_doc(text, names), REF, learned=learned)]


def test_a_light_verbs_noun_has_its_subject_and_mode():
    assert events("وقام انتحاري بتفجير حزام ناسف داخل مسجد في البلدة.", [("انتحاري", "PER")]) == [
        ("ASSAULT", "asserted", ["انتحاري"])]
    assert events("وأوضح البيان أن المهاجم قام بتفجير نفسه عند مدخل المسجد.", [("المهاجم", "PER")]) == [
        ("ASSAULT", "asserted", ["المهاجم"])]
    assert events("وقام مسلحون باختطاف ثلاثة مهندسين على الطريق.") == [("ASSAULT", "asserted", ["مسلحون"])]
    assert [e[:2] for e in events("ولم يقم المسلحون بتفجير المبنى.")] == [("ASSAULT", "negated")]
    # a negator joined by و negates a plain verb too
    assert [e[:2] for e in events("ولم يفجر المسلحون المبنى.")] == [("ASSAULT", "negated")]
    assert [e[:2] for e in events("وسيقوم الجيش بقصف مواقع المسلحين.")] == [("ASSAULT", "future")]


def test_what_follows_the_noun_is_its_object_not_its_subject():
    found = events("وقامت الطائرات في الصباح بقصف مواقع المسلحين قرب المدينة.", [("المدينة", "LOC")])
    assert [e[:2] for e in found] == [("ASSAULT", "asserted")]
    assert all("المسلحين" not in actors for _, _, actors in found)


def test_a_light_verbs_noun_of_a_verb_only_type_is_not_asserted():
    # a visit after قام is not asserted: CONSULT's verbal nouns were never checked as verbs
    found = events("وقام الوزير بزيارة إلى العاصمة.", [("الوزير", "PER")], learned=True)
    assert all(mode != "asserted" for kind, mode, _ in found if kind == "CONSULT")


def test_the_detector_reads_a_light_verbs_noun_as_a_verb():
    text = "قام انتحاري بتفجير حزام ناسف داخل المسجد."
    doc = make_doc(text, [("انتحاري", "PER")])
    sentence = split_sentences(text)[0]
    coded = coding.code_sentence(sentence, doc.mentions, doc.times, REF)
    feats = context_features(sentence, coded)
    assert {"ev:ASSAULT:form:v", "ev:ASSAULT:light", "ev:ASSAULT:after:^", "ev:ASSAULT:actor"} <= feats
    assert "ev:ASSAULT:form:n" not in feats
    present = split_sentences("يقوم الجيش بقصف المواقع.")[0]
    assert "ev:ASSAULT:form:present" in context_features(present, coding.code_sentence(present, (), (), REF))

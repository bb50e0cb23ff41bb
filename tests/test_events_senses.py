"""Events read again after the detection (issue 22, fourteenth round): an event told back as
the news's setting, or a trigger word in another sense, is dropped (events/senses.py); an
arrest of named persons alone is passive, "طلب من X" asks X (events/sources.py). Sentences
composed by the team; the rules are applied to the lexicon coder's events directly."""

from __future__ import annotations

from functools import partial

from marsad.arabic.tokenize import split_sentences
from marsad.extract.events.coding import _arguments_placed, _participant, code_sentence
from marsad.extract.events.senses import other_sense
from marsad.extract.events.sources import passive_arrests, sources_refined
from marsad.model import Event, Mention


def coded(text: str, kind: str, names: list[tuple[str, str]] = ()) -> tuple[Event, list[Mention]]:  # type: ignore[assignment]
    sentence = split_sentences(text)[0]
    mentions = [Mention(text.index(s), text.index(s) + len(s), s, t) for s, t in names]  # type: ignore[arg-type]
    events = [e for e in code_sentence(sentence, mentions, [], None) if e.type == kind and e.mode == "asserted"]
    assert len(events) == 1, events
    return events[0], mentions


def dropped(text: str, kind: str) -> bool:
    event, _ = coded(text, kind)
    return other_sense(event, split_sentences(text)[0].tokens)


def test_an_event_told_after_baad_an_is_the_setting_not_news():
    assert dropped("عاد اللاعب إلى التدريبات بعد أن رفض العرض الأخير من النادي.", "REJECT")
    assert not dropped("رفض اللاعب العرض الأخير من النادي أمس.", "REJECT")


def test_waqqa_is_a_signing_only_with_what_is_signed():
    assert dropped("وقع الزلزال على بعد 50 كيلومترا من المدينة.", "AGREE")
    assert not dropped("وقع الوزيران اتفاقية للتعاون التجاري أمس.", "AGREE")


def test_hosting_a_visit_to_a_place_and_a_present_verb_are_no_meeting():
    assert dropped("واستضافت المدينة معرض الكتاب أمس.", "CONSULT")
    assert dropped("زار الوزير مستشفى المدينة أمس.", "CONSULT")
    assert dropped("يلتقي الوزير نظيره الأردني كل شهر.", "CONSULT")
    assert not dropped("التقى الوزير نظيره الأردني أمس.", "CONSULT")


def test_declining_to_be_named_is_no_rejection():
    assert dropped("وقال مسؤول رفض الكشف عن اسمه إن الحكومة ستجتمع.", "REJECT")


def test_cutting_supply_roads_is_no_protest():
    assert dropped("وقطعت القوات طرق إمداد المسلحين.", "PROTEST")


def test_an_arrest_of_a_named_person_alone_is_passive():
    text = "واعتقل سامي الخالدي الأسبوع الماضي في مدينة الرياض."
    event, mentions = coded(text, "COERCE", [("سامي الخالدي", "PER")])
    sentence = split_sentences(text)[0]
    [read] = passive_arrests([event], [sentence], [mentions], _arguments_placed)
    assert not read.actors and [p.text for p in read.targets] == ["سامي الخالدي"]


def test_an_arrest_by_the_police_keeps_its_source():
    text = "واعتقلت الشرطة سامي الخالدي في مدينة الرياض."
    event, mentions = coded(text, "COERCE", [("الشرطة", "ORG"), ("سامي الخالدي", "PER")])
    assert event.actors
    [read] = passive_arrests([event], split_sentences(text)[:1], [mentions], _arguments_placed)
    assert read.actors and "الشرطة" in read.actors[0].text


def test_asking_from_someone_makes_them_the_target():
    text = "طلب الوزير من الحكومة الأردنية تقديم المساعدة للاجئين."
    event, mentions = coded(text, "REQUEST", [("الحكومة الأردنية", "ORG")])
    sentence = split_sentences(text)[0]
    placed = _arguments_placed(sentence.tokens, sentence, mentions)[0]
    read = sources_refined(event, sentence.tokens, placed, partial(_participant, tokens=sentence.tokens))
    assert [p.text for p in read.targets][:1] == ["الحكومة الأردنية"]
    assert "الحكومة الأردنية" not in [p.text for p in read.actors]

"""Targets that are targets (issue 22, thirteenth events round): a title written after a
person's name is that person's apposition, not the target; "طلب من X" asks X; "وقع" is a
signing only with what is signed or whom with. Sentences composed by the team; the lexicon
coder is read directly (the detector's decision is not what they test)."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.events.coding import code_sentence
from marsad.model import Event, Mention


def coded(text: str, mentions: list[tuple[str, str]], roles: dict[str, str] | None = None) -> list[Event]:
    sentence = split_sentences(text)[0]
    placed = [Mention(text.index(s), text.index(s) + len(s), s, t, role=(roles or {}).get(s))  # type: ignore[arg-type]
              for s, t in mentions]
    return code_sentence(sentence, placed, [], None)


def of_type(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, events
    return found[0]


def targets(event: Event) -> list[str]:
    return [p.text for p in event.targets]


def test_a_title_after_a_comma_is_the_source_again_not_the_target():
    event = of_type(coded("من جهته، اتهم خالد المطيري، النائب في البرلمان، إيران بتحريك الأطراف.",
                          [("خالد المطيري", "PER"), ("إيران", "LOC")]), "ACCUSE")
    assert [p.text for p in event.actors] == ["خالد المطيري"]
    assert targets(event) == ["إيران"]


def test_the_body_a_title_is_of_is_no_target():
    event = of_type(coded("أدان السفير أحمد الزهراني مندوب اليمن لدى جامعة الدول العربية الانتهاكات التي "
                          "ترتكبها جماعة الحوثي.",
                          [("أحمد الزهراني", "PER"), ("اليمن", "LOC"), ("جامعة الدول العربية", "ORG"),
                           ("جماعة الحوثي", "ORG")]), "ACCUSE")
    assert "اليمن" not in targets(event) and "جامعة الدول العربية" not in targets(event)


def test_two_titles_after_a_name_are_no_target():
    event = of_type(coded("انتقد محمد العتيبي نائب رئيس النادي قرار اللجنة.", [("محمد العتيبي", "PER")]), "ACCUSE")
    assert not any("نائب" in t or "رئيس" in t for t in targets(event))


def test_a_title_before_the_next_name_is_that_persons():
    # (the tagger gives the second person the title before the name as its role)
    event = of_type(coded("التقى مفرج الحقباني وزير العدل وليد الصمعاني في الرياض.",
                          [("مفرج الحقباني", "PER"), ("وليد الصمعاني", "PER"), ("الرياض", "LOC")],
                          {"وليد الصمعاني": "وزير العدل"}), "CONSULT")
    assert targets(event) == ["وليد الصمعاني"]


def test_the_one_asked_follows_min():
    event = of_type(coded("وقال المصدر إن حزب الله طلب من الحرس الثوري زيادة عدد الخبراء.",
                          [("حزب الله", "ORG"), ("الحرس الثوري", "ORG")]), "REQUEST")
    assert targets(event) == ["الحرس الثوري"]


def test_waqa_alone_or_with_ala_is_no_signing():
    assert not [e for e in coded("وكان الحادث الذي وقع على طريق الرياض قد أسفر عن إصابة خمسة.",
                                 [("الرياض", "LOC")]) if e.type == "AGREE"]
    assert not [e for e in coded("ولم تتمالك نفسها من شدة وقع الخبر وسقطت مغشيا عليها.", []) if e.type == "AGREE"]


def test_waqa_with_what_is_signed_or_whom_with_is_a_signing():
    assert of_type(coded("وقع الوزير خالد الفهد على مذكرة تفاهم مع نظيره الفرنسي.", [("خالد الفهد", "PER")]), "AGREE")
    event = of_type(coded("ووقع اللاعب خالد الشمري مع نادي الهلال لمدة ثلاثة مواسم.",
                          [("خالد الشمري", "PER"), ("نادي الهلال", "ORG")]), "AGREE")
    assert targets(event) == ["نادي الهلال"]

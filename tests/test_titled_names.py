"""Persons named right after a title that the tagger left, and a first name it cut off after a
title or a role (issue 20, round 7). Texts written for the tests."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.titled_names import titled_names
from marsad.model import Mention


def persons(text: str, found: tuple[str, ...] = ()) -> list[str]:
    tokens = split_sentences(text)[0].tokens
    mentions = [Mention(text.index(p), text.index(p) + len(p), p, "PER", source="model") for p in found]
    return [m.text for m in titled_names(mentions, tokens, text) if m.type == "PER"]


def test_a_name_set_off_after_a_title_is_a_person() -> None:
    assert persons("وحضرت الدكتورة ريم الصافي، مديرة المكتب، اللقاء.") == ["ريم الصافي"]
    assert persons("ونقل عن النقيب سالم بن عوض الكثيري، نائب المدير، قوله") == ["سالم بن عوض الكثيري"]
    assert persons("وقال المهندس ريان الشمري رئيس اللجنة إن العمل بدأ.") == ["ريان الشمري"]


def test_words_after_a_title_that_are_no_name_make_no_person() -> None:
    assert persons("وقال المهندس إن المشروع جاهز، وأضاف أنه") == []
    assert persons("وأكد الدكتور في كلمته، أن العام حافل") == []
    assert persons("وقال الدكتور عن الجامعة إن العمل جار.") == []


def test_a_first_name_cut_off_after_a_title_or_a_role_is_put_back() -> None:
    assert persons("وحضرت الوزيرة سناء فتاح العلوي الجلسة.", ("فتاح العلوي",)) == ["سناء فتاح العلوي"]
    # a frequent word between is no first name
    assert persons("وقال الرئيس أمس خالد العمري إن", ("خالد العمري",)) == ["خالد العمري"]


def test_a_person_begun_on_a_body_s_adjective_starts_after_it() -> None:
    from marsad.extract.titled_names import without_body_adjective
    text = "وبحضور رئيس المجلس الشعبي الولائي بن سالم الكثيري أمس."
    start = text.index("الولائي")
    end = text.index(" أمس")
    tokens = split_sentences(text)[0].tokens
    mended = without_body_adjective([Mention(start, end, text[start:end], "PER")], tokens, text)
    assert [m.text for m in mended] == ["بن سالم الكثيري"]
    text = "واستقبل الأمير الوليد بن طلال الوفد."
    start = text.index("الوليد")
    end = text.index(" الوفد")
    tokens = split_sentences(text)[0].tokens
    assert [m.text for m in without_body_adjective([Mention(start, end, text[start:end], "PER")], tokens, text)] \
        == ["الوليد بن طلال"]


def test_words_with_a_glued_pronoun_tanwin_or_preposition_are_no_name() -> None:
    assert persons("وأمر القاضي بسجنه عامًا، وأضاف") == []
    assert persons("وقالت المتحدثة باسمها سو يون إن", ("سو يون",)) == ["سو يون"]


def test_a_bare_title_or_a_list_after_one_opens_no_name() -> None:
    assert persons("وزار الجناح وركن أطلقي موهبتك، وركن المقهى.") == []
    assert persons("وقال سالم الكاملي، مهندس برمجيات وألعاب إلكترونية ومستشار التسويق") == []


def test_a_post_s_noun_before_a_rare_definite_body_is_that_body_not_a_person() -> None:
    from marsad.extract.titled_names import without_role_persons
    text = "وحضر شيخ الزيتونة المعمور اللقاء."
    tokens = split_sentences(text)[0].tokens
    start = text.index("شيخ")
    end = text.index(" اللقاء")
    tagged = [Mention(start, end, text[start:end], "PER", source="model")]
    assert [(m.text, m.type) for m in without_role_persons(tagged, tokens, text)] == [("الزيتونة المعمور", "ORG")]

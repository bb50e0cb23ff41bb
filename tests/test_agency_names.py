"""News agencies in datelines and credits are organisations, whatever the tagger read them as
(issue 20, round 3 of real pages). Texts composed by the team."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.agency_names import agency_mentions
from marsad.model import Mention


def test_an_agency_in_a_dateline_or_after_a_correspondent_is_an_organisation() -> None:
    text = "إربد (بترا) - قال مراسل الأناضول إن المهرجان افتتح في البتراء."
    tokens = split_sentences(text)[0].tokens
    petra = text.index("بترا")
    tagged = [Mention(petra, petra + 4, "بترا", "LOC", source="model")]
    found = [(m.text, m.type) for m in agency_mentions(tagged, tokens, text)]
    assert ("بترا", "ORG") in found and ("الأناضول", "ORG") in found


def test_a_place_that_shares_an_agencys_name_stays_a_place_out_of_a_dateline() -> None:
    text = "زار الوفد منطقة الأناضول الشهر الماضي."
    tokens = split_sentences(text)[0].tokens
    start = text.index("الأناضول")
    tagged = [Mention(start, start + len("الأناضول"), "الأناضول", "LOC", source="model")]
    assert [(m.text, m.type) for m in agency_mentions(tagged, tokens, text)] == [("الأناضول", "LOC")]


def test_an_outlet_is_named_by_a_statement_s_word_or_the_verb_of_learning_news() -> None:
    from marsad.extract.agency_names import outlet_mentions
    text = 'وقال المدير في تصريحات خاصة لـ"النهار الجديد" إن العقد وقع، وعلمت "الصباح" أن الوفد غادر.'
    tokens = split_sentences(text)[0].tokens
    found = [(m.text, m.type) for m in outlet_mentions([], tokens, text)]
    assert found == [("النهار الجديد", "ORG"), ("الصباح", "ORG")]
    # a quoted word after لـ with no statement before it is no outlet
    text = 'وجرى التصويت وفقا لـ"اللائحة" المعمول بها.'
    assert outlet_mentions([], split_sentences(text)[0].tokens, text) == []


def test_a_channel_s_word_and_a_place_after_it_are_one_outlet() -> None:
    from marsad.extract.agency_names import outlet_mentions
    text = "ونشرت شبكة جنين صورا للموقع."
    tokens = split_sentences(text)[0].tokens
    start = text.index("جنين")
    tagged = [Mention(start, start + 4, "جنين", "LOC", source="model")]
    assert [(m.text, m.type) for m in outlet_mentions(tagged, tokens, text)] == [("شبكة جنين", "ORG")]

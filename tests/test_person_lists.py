"""Persons named in a list joined by و (issue 20, round 6): the items beside the persons the
tagger found are persons too, when the list holds two of them. Texts written for the tests."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.person_lists import person_lists
from marsad.model import Mention


def persons(text: str, found: tuple[str, ...]) -> list[str]:
    tokens = split_sentences(text)[0].tokens
    mentions = [Mention(text.index(p), text.index(p) + len(p), p, "PER", source="model") for p in found]
    return [m.text for m in person_lists(mentions, tokens, text) if m.type == "PER"]


def test_the_items_beside_two_persons_of_a_list_are_persons() -> None:
    text = "ويغني في الحفل ريتا ونجوى كرم ووائل كفوري وشذى حسون ومتعب الصقار في الليلة الأولى."
    assert persons(text, ("وائل كفوري", "وشذى حسون")) == [
        "ريتا", "نجوى كرم", "وائل كفوري", "وشذى حسون", "متعب الصقار"]


def test_a_list_with_one_person_found_adds_none() -> None:
    text = "وحضر المباراة سامر الحلو ومخلص شوشان وآخرون."
    assert persons(text, ("سامر الحلو",)) == ["سامر الحلو"]


def test_titles_and_common_words_are_not_made_persons() -> None:
    text = "وصل خالد العمري وسعيد الكندي ووزير الخارجية والوفد المرافق إلى المطار."
    assert persons(text, ("خالد العمري", "وسعيد الكندي")) == ["خالد العمري", "وسعيد الكندي"]


def test_a_verb_phrase_before_two_listed_persons_is_no_person() -> None:
    # "طلبوا مني الدخول" (round 6's junk record): مني is a frequent word of no name's cluster.
    text = "وقال إنهم طلبوا مني الدخول وسعيد الكندي وخالد العمري ينتظران."
    assert persons(text, ("وسعيد الكندي", "وخالد العمري")) == ["وسعيد الكندي", "وخالد العمري"]

"""Parties written without حزب where a sentence speaks of parties, and a party quoted after
حزب (marsad/extract/party_names.py, marsad/data/ner_party_names.tsv). Composed sentences."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.party_names import party_names, with_party_names
from marsad.model import Mention


def parties(text: str, given: list[Mention] | None = None) -> list[str]:
    tokens = split_sentences(text)[0].tokens
    return [m.text for m in with_party_names(given or [], tokens, text) if m.type == "ORG"]


def test_the_learnt_list_holds_names_and_no_adjectives_or_titles() -> None:
    names = party_names()
    assert ("العداله", "التنميه") in names["العداله"] and ("الاستقلال",) in names["الاستقلال"]
    assert "الحاكم" not in names and "الرييس" not in names and "الله" not in names


def test_a_bare_party_is_read_where_the_sentence_speaks_of_parties() -> None:
    text = "ويرجح أن يتحالف مع الحزبين الكبيرين الاستقلال والعدالة والتنمية قبل نهاية الشهر."
    assert parties(text) == ["الاستقلال", "العدالة والتنمية"]
    # a name of several words, written with و apart, anywhere in such a sentence
    text = "وهاجمت الأحزاب المنافسة، ومنها العدالة و التنمية، نتائج الاقتراع."
    assert parties(text) == ["العدالة و التنمية"]


def test_a_one_word_name_far_from_the_word_for_parties_stays_a_word() -> None:
    text = "واتفقت الأحزاب على موعد الانتخابات بعد ذكرى عيد الاستقلال المجيد."
    assert parties(text) == []
    text = "وأكد الوزير أن الاستقلال الاقتصادي هدف للحكومة."
    assert parties(text) == []


def test_a_quoted_name_after_party_is_the_party_and_the_word_alone_goes() -> None:
    text = "وأعلن حزب «الأمل الجديد» مشاركته في الحكومة."
    start = text.index("حزب")
    head = Mention(start, start + 3, "حزب", "ORG", source="model")
    assert parties(text, [head]) == ["الأمل الجديد"]

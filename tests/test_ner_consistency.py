"""Label consistency within an article (marsad.extract.ner_consistency): a name the tagger
found is labelled where the same article repeats it untagged. Composed sentences."""

from __future__ import annotations

from marsad.arabic.normalize import match_key
from marsad.extract.ner_consistency import consistent_labels


def labelled(article: list[str], labels: list[list[str]]) -> list[list[str]]:
    """The pass over composed sentences, words numbered by their match keys as the
    decoder numbers them (one id per key)."""
    ids: dict[str, int] = {}
    words = [[ids.setdefault(match_key(w), len(ids)) for w in s.split()] for s in article]
    keys = {i: key for key, i in ids.items()}
    return consistent_labels(words, labels, keys.__getitem__)


def test_a_name_found_once_is_labelled_where_the_article_repeats_it():
    article = ["فاز حزب الليكود في الانتخابات", "وقال زعيم الليكود إن", "ودعا الليكود إلى", "وقال زعيم الحزب"]
    labels = [["O", "O", "B-ORG", "O", "O"], ["O", "O", "O", "O"], ["O", "O", "O"], ["O", "O", "O"]]
    got = labelled(article, labels)
    assert got[1:3] == [["O", "O", "B-ORG", "O"], ["O", "B-ORG", "O"]]
    assert got[3] == ["O", "O", "O"]
    # Spellings that share a match key are one word: الليكود with a diacritic.
    assert labelled(["زعيم الليكود", "زعيم اللِيكود"], [["O", "B-ORG"], ["O", "O"]])[1] == ["O", "B-ORG"]


def test_multi_word_names_win_and_tagged_words_are_left_alone():
    article = ["زار أحمد سالم دمشق", "ثم التقى أحمد سالم", "وقال سالم إن", "التقى أحمد الوزير"]
    labels = [["O", "B-PER", "I-PER", "B-LOC"], ["O", "O", "O", "O"], ["O", "B-LOC", "O"], ["O", "O", "O"]]
    got = labelled(article, labels)
    assert got[1] == ["O", "O", "B-PER", "I-PER"]
    assert got[2] == ["O", "B-LOC", "O"]  # the tagger's own label stays
    assert got[3] == ["O", "O", "O"]  # a first name alone is not the person


def test_a_surname_alone_is_the_person_the_article_named_in_full():
    article = ["قال بنيامين نتنياهو إن", "وأضاف نتنياهو أن", "قال فهد بن خالد", "وصل خالد"]
    labels = [["O", "B-PER", "I-PER", "O"], ["O", "O", "O"], ["O", "B-PER", "I-PER", "I-PER"], ["O", "O"]]
    got = labelled(article, labels)
    assert got[1] == ["O", "B-PER", "O"]
    assert got[3] == ["O", "O"]  # خالد of "فهد بن خالد" is the father, not a surname


def test_ordinary_words_the_tagger_once_took_for_names_are_not_spread():
    # على is a function word; تنظيم/التنظيم a noun news writes with and without the article.
    article = ["قال على إن التنظيم", "وأعلن التنظيم على"]
    labels = [["O", "B-PER", "O", "B-ORG"], ["O", "O", "O"]]
    assert labelled(article, labels)[1] == ["O", "O", "O"]


def test_an_article_without_names_is_unchanged():
    article = ["قال إن الاجتماع عقد"]
    assert labelled(article, [["O"] * 4]) == [["O"] * 4]

"""Name repeats (one sense per document) and names shared across articles."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.coref import (
    _stem_options,
    names_by_surname,
    person_names,
    propagate_known_names,
    propagate_names,
)
from marsad.model import Article, Doc, Mention


def doc_with(text: str, people: list[str]) -> Doc:
    mentions = []
    for name in people:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "PER"))
    article = Article(id="a", source="a", text=text, title=None, published=None, outlet=None,
                      language="ar", is_article=True)
    return Doc(article=article, sentences=tuple(split_sentences(text)), mentions=tuple(mentions))


def added(doc: Doc, known: frozenset[tuple[str, ...]] = frozenset()) -> list[str]:
    before = {(m.start, m.end) for m in doc.mentions}
    return [m.text for m in propagate_names(doc, names_by_surname(known)) if (m.start, m.end) not in before]


def test_a_later_surname_repeats_the_full_name_without_its_conjunction():
    text = "التقى الوزير المبعوث بريت ماكغورك في بغداد. وماكغورك قال إن الزيارة مهمة."
    repeats = [m for m in propagate_names(doc_with(text, ["بريت ماكغورك"])) if m.source == "coref"]
    assert [m.text for m in repeats] == ["ماكغورك"]
    assert repeats[0].start == text.index("وماكغورك") + 1


def test_a_surname_two_people_share_is_not_repeated():
    text = "قال سالم العلي وخالد العلي إن الاتفاق قريب. وأضاف العلي أن الوفد سيصل."
    assert added(doc_with(text, ["سالم العلي", "خالد العلي"])) == []


def test_full_names_from_other_articles_are_found_but_not_their_last_words():
    other = doc_with("وصل المبعوث جاك ساليفان إلى الرياض.", ["جاك ساليفان"])
    known = frozenset(person_names(other))
    assert known == {("جاك", "ساليفان")}
    here = doc_with("قال جاك ساليفان إن المحادثات مستمرة. وأكد ساليفان أن الوفد عائد.", [])
    assert added(here, known) == ["جاك ساليفان"]
    # A name another article has (perhaps mis-tagged) does not make a common word a person.
    known = frozenset({("سالم", "الماضي")})
    assert added(doc_with("ارتفعت الأسعار الأسبوع الماضي بنسبة كبيرة.", []), known) == []


def test_the_corpus_step_passes_over_a_doc_that_names_every_known_name_itself():
    # Its own names were repeated by the per-article stage: nothing new to look for.
    text = "قال جاك ساليفان إن المحادثات مستمرة. وأكد ساليفان أن الوفد عائد."
    doc = doc_with(text, ["جاك ساليفان"])
    doc = Doc(article=doc.article, sentences=doc.sentences, mentions=tuple(propagate_names(doc)))
    known = names_by_surname({("جاك", "ساليفان")})
    assert propagate_known_names(doc, known) is None
    # A name it does not name itself is looked for, and found.
    here = doc_with("وصل المبعوث جاك ساليفان إلى الرياض.", [])
    assert [m.text for m in propagate_known_names(here, known) or []] == ["جاك ساليفان"]


def test_the_corpus_step_passes_over_a_doc_whose_known_name_is_written_nowhere_in_full():
    # Every word of "جاك ساليفان" is here, but apart: no repeat, so the doc is passed over
    # without the search; written word after word (with a clitic), it is found.
    known = names_by_surname({("جاك", "ساليفان")})
    apart = doc_with("قال جاك إن ساليفان لم يصل بعد إلى الرياض.", [])
    assert propagate_known_names(apart, known) is None
    glued = doc_with("التقى الوزير بجاك ساليفان في الرياض.", [])
    assert [m.text for m in propagate_known_names(glued, known) or []] == ["جاك ساليفان"]


def test_a_name_learnt_from_another_article_brings_its_surname_repeats():
    from marsad.pipeline import RunContext, share_person_names

    other = doc_with("وصل المبعوث جاك ساليفان إلى الرياض.", ["جاك ساليفان"])
    here = doc_with("قال جاك ساليفان إن المحادثات مستمرة. وأكد ساليفان أن الوفد عائد.", [])
    here = Doc(article=Article(id="b", source="b", text=here.article.text, title=None, published=None,
                               outlet=None, language="ar", is_article=True),
               sentences=here.sentences)
    shared = {d.id: d for d in share_person_names([other, here], RunContext())}
    assert [m.text for m in shared["b"].mentions] == ["جاك ساليفان", "ساليفان"]


def test_a_fathers_name_or_a_regnal_number_is_not_repeated_as_a_surname():
    text = "استقبل الأمير فهد بن خالد الوفد. وقال خالد الثقفي إن الزيارة مهمة. وصل خالد متأخرا."
    assert added(doc_with(text, ["فهد بن خالد"])) == []
    text = "قال الملك عبد الله الثاني إن الوضع هادئ، وفي اليوم الثاني وصل الوفد."
    assert added(doc_with(text, ["عبد الله الثاني"])) == []


def test_a_word_of_its_own_is_not_a_repeat_of_a_name_it_contains():
    # "كريم العتيبي" is another person, not ك + "ريم العتيبي"; only its surname is a repeat.
    text = "قالت ريم العتيبي إن المعرض افتتح. وحضر كريم العتيبي الحفل."
    assert added(doc_with(text, ["ريم العتيبي"])) == ["العتيبي"]


def test_a_keys_name_words_are_found_under_every_proclitic():
    # The known names' words a key holds are looked for only among the key less at most four
    # letters, or that with ال put back: every clitic form of a name is one of those.
    known = names_by_surname({("بريت", "ماكغورك"), ("مصطفى", "الكاظمي"), ("سعد", "الحريري")})
    for word in ("ماكغورك", "الكاظمي", "الحريري", "مصطفى"):
        bare = word[2:] if word.startswith("ال") else word
        for prefix in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فك", "وال", "بال", "فبال", "وكال", "لل", "ولل"):
            for key in (prefix + word, prefix + bare):
                assert known.name_words_in([key]) == _stem_options(key) & known.name_words, key
    assert "الكاظمي" in known.name_words_in(["للكاظمي"])
    assert "ماكغورك" in known.name_words_in(["وبماكغورك"])
    assert known.name_words_in(["والوزير", "بغداد"]) == set()

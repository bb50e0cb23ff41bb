"""Bodies named by جهاز, إدارة or دائرة before a word a body is named of, two bodies joined by
و cut apart, outlets' names, and a company's name alone (issue 20, round 7). Texts written
for the tests."""

from __future__ import annotations

import pytest

from marsad.arabic.tokenize import split_sentences
from marsad.extract.body_heads import company_names_alone, named_bodies
from marsad.model import Mention


def bodies(text: str, found: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    tokens = split_sentences(text)[0].tokens
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, t, source="model") for n, t in found]
    return [(m.text, m.type) for m in named_bodies(mentions, tokens, text)]


@pytest.mark.parametrize(("text", "name"), [
    ("وأعلنت دائرة الثقافة والسياحة في الإمارة برنامجها.", "دائرة الثقافة والسياحة"),
    ("وقررت الإدارة المركزية للسياحة والمصايف إغلاق الشواطئ.", "الإدارة المركزية للسياحة والمصايف"),
    ("وقال رئيس الجهاز المركزي للإحصاءات إن النسبة ارتفعت.", "الجهاز المركزي للإحصاءات"),
    ("ونفذت القيادة العامة للقوات المسلحة مناورة كبرى.", "القيادة العامة للقوات المسلحة"),
])
def test_a_noun_that_often_names_a_thing_opens_a_body_before_what_a_body_is_of(text: str, name: str) -> None:
    assert (name, "ORG") in bodies(text)


@pytest.mark.parametrize("text", [
    "واشترى جهاز الهاتف الجديد من السوق.",
    "ونجحت إدارة الأزمة في تهدئة الموقف.",
    "وخرج اللاعب من دائرة الضوء هذا الموسم.",
    "وأكدت الإدارة المحلية أن العمل مستمر.",
    "وأكدت القيادة السياسية للبلاد أن العمل مستمر.",
    "وأعلنت إدارة الهلال التعاقد مع اللاعب.",
])
def test_the_same_nouns_before_other_words_open_nothing(text: str) -> None:
    assert bodies(text) == []


def test_a_span_over_two_bodies_joined_by_and_is_cut_into_the_two() -> None:
    text = "وشاركت وزارة الداخلية والحرس الوطني في التمرين."
    assert bodies(text, (("وزارة الداخلية والحرس الوطني", "ORG"),)) == [
        ("وزارة الداخلية", "ORG"), ("الحرس الوطني", "ORG")]
    # the plural of a body's word names no one body: the first alone is kept
    text = "ودعت الحكومة اليمنية والمنظمات الدولية إلى الحوار."
    assert bodies(text, (("الحكومة اليمنية والمنظمات الدولية", "ORG"),)) == [("الحكومة اليمنية", "ORG")]
    # a ministry's portfolio is no second body
    text = "وأعلنت وزارة الأوقاف والشؤون الإسلامية الخطة."
    assert bodies(text, (("وزارة الأوقاف والشؤون الإسلامية", "ORG"),)) == [
        ("وزارة الأوقاف والشؤون الإسلامية", "ORG")]


def test_a_name_ending_on_an_outlet_s_word_is_an_organisation() -> None:
    text = "الواحة نيوز - افتتح المحافظ المعرض."
    assert bodies(text, (("الواحة نيوز", "LOC"),)) == [("الواحة نيوز", "ORG")]
    text = "وقال سالم لفرانس برس إن"
    assert bodies(text, (("سالم لفرانس برس", "PER"),)) == [("سالم لفرانس برس", "PER")]


def test_a_company_named_after_its_word_keeps_its_reading_where_written_alone() -> None:
    text = "وقالت شركة سنبرا الهولندية إنها تتفاوض. وأكدت سنبرا أن العرض قائم."
    first = text.index("سنبرا")
    alone = text.index("سنبرا", first + 1)
    mentions = [Mention(first, first + len("سنبرا الهولندية"), "سنبرا الهولندية", "ORG", source="gazetteer"),
                Mention(alone, alone + len("سنبرا"), "سنبرا", "PER", source="model")]
    assert [m.type for m in company_names_alone(mentions, text)] == ["ORG", "ORG"]


def test_a_police_force_named_by_its_place_is_one_organisation() -> None:
    text = "وقالت شرطة محافظة إب إن الدورية وصلت."
    assert bodies(text, (("إب", "LOC"),)) == [("شرطة محافظة إب", "ORG")]
    text = "وأحيل المتهم إلى قسم شرطة ملوي أمس."
    assert bodies(text, (("ملوي", "LOC"),)) == [("قسم شرطة ملوي", "ORG")]
    # the police alone, or a person after the word, is no named force
    text = "وقال إن الشرطة وصلت وإن شرطة المرور غائبة."
    assert bodies(text) == []


def test_sentence_key_sets_hold_every_head_and_police_key():
    """The key sets that let a sentence skip the token loop hold every key the per-token
    tests accept, under any proclitic string `clitic_candidates` splits off."""
    from marsad.extract.body_heads import _head_keys, _named_head, _police_keys, _police_proclitic
    from marsad.extract.org_names import org_words
    proclitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فك", "ال", "وال", "بال", "لل", "ولل", "فبال", "وكال"]
    stems = set(org_words()["head_named"]) | {"شرطه", "مدير", "اداريه"}
    for key in {p + stem for p in proclitics for stem in stems} | {p + "ال" + s for p in ("لل", "ولل") for s in stems}:
        assert (key in _head_keys()) == (_named_head(key) is not None), key
        assert (key in _police_keys()) == (_police_proclitic(key) is not None), key

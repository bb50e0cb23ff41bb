"""Organisations named by a head noun and the definite words after it (issue 20): the
names a reader marks on real pages that the tagger left out, and the words that end them."""

from __future__ import annotations

import pytest

from marsad.arabic.tokenize import split_sentences
from marsad.extract.org_names import org_names
from marsad.model import Mention


def names(text: str, people: tuple[str, ...] = ()) -> list[str]:
    tokens = split_sentences(text)[0].tokens
    found = [Mention(text.index(p), text.index(p) + len(p), p, "PER") for p in people]
    return [m.text for m in org_names(found, tokens, text) if m.type == "ORG"]


@pytest.mark.parametrize(("text", "name"), [
    ("أصدرت وزارة القوى العاملة قرارا بتنظيم العمل.", "وزارة القوى العاملة"),
    ("قال الأمين العام لحزب الاستقلال إن الحكومة تأخرت.", "حزب الاستقلال"),
    ("وكانت الهيئة العامة للثقافة قد شاركت في المعرض.", "الهيئة العامة للثقافة"),
    ("عينت المديرة المساعدة لديوان رئيس الجمهورية أمس.", "ديوان رئيس الجمهورية"),
    ("شملت التعيينات إدارة البريد وهيئة الطيران المدني والهيئة العامة للمنطقة الاقتصادية.",
     "الهيئة العامة للمنطقة الاقتصادية"),
    ("كشف مدير مرصد العالم العربي للديمقراطية والانتخابات عن المسودة.",
     "مرصد العالم العربي للديمقراطية والانتخابات"),
    ("سجل لدى الهيئة العامة لتنمية المؤسسات الصغيرة والمتوسطة عدد كبير.",
     "الهيئة العامة لتنمية المؤسسات الصغيرة والمتوسطة"),
    ("افتتح الوزير مستشفى النجيلة المركزي بمطروح.", "مستشفى النجيلة المركزي"),
    ("وصل الوفد إلى مقر وزارة الشؤون البلدية والقروية صباحا.", "وزارة الشؤون البلدية والقروية"),
])
def test_a_body_named_by_its_head_noun_is_one_organisation(text: str, name: str) -> None:
    assert name in names(text)


def test_a_title_right_after_the_head_takes_the_person_the_tagger_found() -> None:
    assert names("تخرج في جامعة الملك سعود بالرياض.", people=("سعود",)) == ["جامعة الملك سعود"]
    # Later in the name a title is someone's: the name stops before it.
    assert names("قال رئيس مجلس القضاء الإداري الشيخ خالد إن العمل بدأ.") == ["مجلس القضاء الإداري"]


@pytest.mark.parametrize(("text", "name"), [
    ("أعلنت وزارة القوى العاملة اليوم عن وظائف.", "وزارة القوى العاملة"),  # a day word after the body
    ("نقل الجرحى إلى مستشفى الولادة الذي افتتح أمس.", "مستشفى الولادة"),  # a relative pronoun
    ("فاز نادي برشلونة الإسباني للمرة الثالثة.", "نادي برشلونة الإسباني"),  # a nationality ends it
    ("أصدرت وزارة الطاقة الإجراءات الجديدة.", "وزارة الطاقة"),  # the verb's plural object
    ("يرشحهم حزب العمال الحزب الحاكم في البلاد.", "حزب العمال"),  # another body in apposition
])
def test_the_name_ends_where_its_words_end(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize("text", [
    "أسس الطلاب مؤسسة للتعليم العالي.",  # a common noun and a preposition
    "قالت الشركة للعلاقات العامة إن الخبر صحيح.",  # the company named before
    "وتخطط شركة ألمانية لصناعة السيارات للتوسع.",  # ألمانية only looks definite in its key
    "شارك في الفعاليات الأكاديمية والثقافية عدد من الطلاب.",  # a definite head after a definite noun
    "وأكد أن الهيئة العامة تعمل.",  # with the article a head needs two words after it
])
def test_no_name_where_the_words_make_none(text: str) -> None:
    assert names(text) == []


def test_a_listed_name_on_the_head_is_left_as_it_is() -> None:
    # The gazetteer's "وزارة الخارجية" keeps linking with the articles that write it alone.
    text = "قال المتحدث باسم وزارة الخارجية المصرية إن الاتصال تم."
    start = text.index("وزارة")
    found = [Mention(start, start + len("وزارة الخارجية"), "وزارة الخارجية", "ORG", source="gazetteer")]
    tokens = split_sentences(text)[0].tokens
    assert org_names(found, tokens, text) == found


def test_the_tagger_s_organisation_that_stops_short_is_carried_to_the_name_s_end() -> None:
    text = "وكانت الهيئة العامة للثقافة قد شاركت في المعرض."
    start = text.index("الهيئة")
    found = [Mention(start, start + len("الهيئة"), "الهيئة", "ORG", source="model")]
    tokens = split_sentences(text)[0].tokens
    assert [m.text for m in org_names(found, tokens, text)] == ["الهيئة العامة للثقافة"]


@pytest.mark.parametrize(("text", "name"), [
    ('أطلقت شركة "أبل" أول من أمس هاتفا جديدا.', "أبل"),
    ('وفق ما كشفت عنه صحيفة "صدى الاقتصادية" الليبية.', "صدى الاقتصادية"),
    ("نقلت وكالة «الأنباء الألمانية» عن مصدر قوله.", "الأنباء الألمانية"),
])
def test_a_name_quoted_after_the_word_for_a_company_or_a_paper_is_an_organisation(text: str, name: str) -> None:
    assert names(text) == [name]


def test_a_quoted_name_after_any_other_word_or_left_open_is_no_organisation() -> None:
    assert names('أطلقت مبادرة "نرسم بسمتهم" في الحي.') == []
    assert names('نقلت صحيفة "الوطن عن مصدر قوله، والخبر صحيح') == []


@pytest.mark.parametrize(("text", "name"), [
    ("استقبل الأمير ضيفه في قصر الورود بالعاصمة.", "قصر الورود"),
    ("تقام المباراة على ملعب خليفة الدولي مساء الخميس.", "ملعب خليفة الدولي"),
    ("أغلقت البلدية شارع الياسمين أمام السيارات.", "شارع الياسمين"),
])
def test_a_site_named_by_its_head_noun_is_a_place(text: str, name: str) -> None:
    tokens = split_sentences(text)[0].tokens
    assert (name, "LOC") in [(m.text, m.type) for m in org_names([], tokens, text)]


def test_a_name_quoted_after_a_film_or_a_prize_is_a_work_and_after_a_hall_a_place() -> None:
    text = 'فاز فيلم "النخلة" بجائزة "الوردة الذهبية" في حفل أقيم بقاعة "النجمة" مساء أمس.'
    tokens = split_sentences(text)[0].tokens
    found = [(m.text, m.type) for m in org_names([], tokens, text)]
    assert found == [("النخلة", "MISC"), ("الوردة الذهبية", "MISC"), ("النجمة", "LOC")]


def test_a_site_named_by_rare_bare_words_is_a_place_and_a_common_noun_is_not() -> None:
    def places(text: str) -> list[str]:
        tokens = split_sentences(text)[0].tokens
        return [m.text for m in org_names([], tokens, text) if m.type == "LOC"]

    assert places("عقد الاجتماع في قصر زهرانا برئاسة الوزير.") == ["قصر زهرانا"]
    assert places("بيع النفط من حقل نورسان والشرارة أمس.") == ["حقل نورسان"]
    assert places("أغلقت البلدية شارع رئيسي في المدينة.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("وتولى الحقيبة وزير لوزارة الأوقاف والشؤون الإسلامية منذ سنوات.", "وزارة الأوقاف والشؤون الإسلامية"),
    ("أعلنت وزارة الاقتصاد والمالية عن خطة جديدة.", "وزارة الاقتصاد والمالية"),
])
def test_a_ministry_s_portfolios_joined_by_and_are_one_name(text: str, name: str) -> None:
    assert name in names(text)


def test_a_listed_ministry_is_carried_on_over_its_next_portfolio_only() -> None:
    text = "أعلنت وزارة الاقتصاد والمالية عن خطة جديدة."
    start = text.index("وزارة")
    listed = [Mention(start, start + len("وزارة الاقتصاد"), "وزارة الاقتصاد", "ORG", source="gazetteer")]
    tokens = split_sentences(text)[0].tokens
    assert [m.text for m in org_names(listed, tokens, text)] == ["وزارة الاقتصاد والمالية"]
    # another body after the conjunction is not a portfolio
    assert "وزارة الداخلية والحكومة" not in names("نسقت وزارة الداخلية والحكومة الجهود.")


def test_a_word_a_pronoun_ends_carries_no_name_on() -> None:
    # "والتزاماتها" is و + التزامات + ها: its ال is the noun's, not the article
    assert names("وقع المرشحون على برنامج منظمة العمل والتزاماتها الدولية.") == ["منظمة العمل"]


@pytest.mark.parametrize(("text", "name", "person"), [
    ("أقيم الحفل في فندق المحروسة على البحر.", "فندق المحروسة", None),
    ("عبر الموكب كوبري محمد نجيب العلوي إلى الضفة الأخرى.", "كوبري محمد نجيب العلوي", "محمد نجيب العلوي"),
])
def test_a_hotel_or_a_bridge_is_a_named_site(text: str, name: str, person: str | None) -> None:
    tokens = split_sentences(text)[0].tokens
    found = [Mention(text.index(person), text.index(person) + len(person), person, "PER")] if person else []
    assert (name, "LOC") in [(m.text, m.type) for m in org_names(found, tokens, text)]


def test_a_district_after_its_generic_noun_is_the_name_alone() -> None:
    from marsad.extract.district_names import district_names
    text = "تعمل البلدية على تطوير منطقة الغوير وأحياء الجمرك ثم منطقة العمليات."
    tokens = split_sentences(text)[0].tokens
    found = [(m.text, m.type) for m in district_names([], tokens, text)]
    # a frequent noun after منطقة is no district's name
    assert found == [("الغوير", "LOC"), ("الجمرك", "LOC")]


def test_the_word_for_a_company_is_left_out_before_its_own_name() -> None:
    text = "قالت شركة سامسونج الكورية إن أرباحها ارتفعت، وأعلنت شركة الكهرباء الوطنية خطة."
    start = text.index("سامسونج")
    found = [Mention(start, start + len("سامسونج"), "سامسونج", "ORG", source="gazetteer")]
    tokens = split_sentences(text)[0].tokens
    names_found = [m.text for m in org_names(found, tokens, text) if m.type == "ORG"]
    assert "سامسونج الكورية" in names_found and "شركة الكهرباء الوطنية" in names_found


def test_a_prize_named_by_definite_words_is_a_misc_and_no_body_s_end() -> None:
    text = "أعلنت الجائزة العالمية للرواية الأفريقية قائمتها التي ترعاها مؤسسة جائزة الكتاب."
    tokens = split_sentences(text)[0].tokens
    found = [(m.text, m.type) for m in org_names([], tokens, text)]
    assert ("الجائزة العالمية للرواية الأفريقية", "MISC") in found
    assert ("مؤسسة جائزة الكتاب", "ORG") in found

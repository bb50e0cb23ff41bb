"""Linking precision (issue 20): names merge only when their letters agree, their types
agree and they are not two different gazetteer entries; a surname alone joins the person
the corpus names with it. Fixtures are short texts written for these tests."""

from __future__ import annotations

from link_docs import doc_with, entity_of

from marsad.arabic.normalize import match_key
from marsad.link.entities import EntityIndex, link_entities
from marsad.link.names import different_known_entries, known_entry_key, name_key
from marsad.link.transliteration import spellings_agree, words_agree
from marsad.model import Doc, Entity


def same_entity(docs: list[Doc], entities: list[Entity], a: tuple[str, str], b: tuple[str, str]) -> bool:
    return entity_of(docs, entities, *a).id == entity_of(docs, entities, *b).id


def test_transliteration_variants_agree() -> None:
    for a, b in [("ماكغورك", "ماجورك"), ("ترامب", "ترمب"), ("بوتين", "بوتن"), ("نتنياهو", "نتانياهو"),
                 ("أمريكا", "أميركا"), ("غوغل", "جوجل"), ("الكونغرس", "الكونجرس"), ("إنجلترا", "انكلترا")]:
        assert words_agree(match_key(a), match_key(b)), (a, b)


def test_names_one_letter_apart_do_not_agree() -> None:
    for a, b in [("سوريا", "سويسرا"), ("سوريا", "ساري"), ("الدمام", "دوما"), ("سعيد", "سعود"),
                 ("حسن", "حسين"), ("سلمان", "سليمان"), ("إيران", "إيرانيا"), ("الأحمد", "الأحمدي"),
                 ("القرية", "الكورية"), ("سوسة", "سوسية"), ("طهران", "تيرانا")]:
        assert not words_agree(match_key(a), match_key(b)), (a, b)


def test_a_place_article_is_dropped_only_where_the_press_writes_it() -> None:
    assert spellings_agree(match_key("الموصل"), match_key("موصل"))
    assert spellings_agree(match_key("القاهرة"), match_key("قاهرة"))
    assert not spellings_agree(match_key("الخبر"), match_key("خبر"))  # Khobar, "news"
    assert not spellings_agree(match_key("القاعدة"), match_key("قاعدة"))  # al-Qaeda, "a base"
    # a family name's article always counts
    assert not spellings_agree(match_key("عبدالله الأحمد"), match_key("عبدالله أحمد"), article_matters=True)


def test_two_gazetteer_entries_never_merge() -> None:
    assert different_known_entries(match_key("سوريا"), match_key("سويسرا"))
    assert different_known_entries(match_key("الدمام"), match_key("دوما"))
    assert not different_known_entries(match_key("الأمريكية"), match_key("أميركي"))
    assert known_entry_key("ORG", match_key("قاعدة")) is None


def test_similar_places_stay_apart_across_articles() -> None:
    docs, entities = link_entities([
        doc_with("a", "زار الوفد سوريا ثم الدمام.", [("سوريا", "LOC"), ("الدمام", "LOC")]),
        doc_with("b", "وصل الوزير إلى سويسرا قادما من دوما.", [("سويسرا", "LOC"), ("دوما", "LOC")]),
        doc_with("c", "قال ساري إن الصور وصلت من سوريا.", [("ساري", "LOC"), ("الصور", "LOC"), ("سوريا", "LOC")]),
    ])
    syria = entity_of(docs, entities, "a", "سوريا")
    assert syria.aliases == ("سوريا",)
    assert not same_entity(docs, entities, ("a", "الدمام"), ("b", "دوما"))
    assert same_entity(docs, entities, ("a", "سوريا"), ("c", "سوريا"))


def test_spelling_variants_still_merge_across_articles() -> None:
    docs, entities = link_entities([
        doc_with("a", "قال الرئيس فلاديمير بوتين إن المحادثات جيدة.", [("فلاديمير بوتين", "PER")]),
        doc_with("b", "أكد فلاديمير بوتن أن الاتفاق قريب.", [("فلاديمير بوتن", "PER")]),
        doc_with("c", "زار الوزير أمريكا الشهر الماضي.", [("أمريكا", "LOC")]),
        doc_with("d", "عاد الوزير من أميركا أمس.", [("أميركا", "LOC")]),
    ])
    assert same_entity(docs, entities, ("a", "فلاديمير بوتين"), ("b", "فلاديمير بوتن"))
    assert same_entity(docs, entities, ("c", "أمريكا"), ("d", "أميركا"))


def test_people_whose_first_names_differ_by_a_vowel_stay_apart() -> None:
    docs, entities = link_entities([
        doc_with("a", "قال سعيد القحطاني إن المشروع اكتمل.", [("سعيد القحطاني", "PER")]),
        doc_with("b", "وأضاف سعود القحطاني أن العمل مستمر.", [("سعود القحطاني", "PER")]),
        doc_with("c", "وقال محمد حسن إن الفريق جاهز.", [("محمد حسن", "PER")]),
        doc_with("d", "وأكد محمد حسين أن المباراة صعبة.", [("محمد حسين", "PER")]),
    ])
    assert not same_entity(docs, entities, ("a", "سعيد القحطاني"), ("b", "سعود القحطاني"))
    assert not same_entity(docs, entities, ("c", "محمد حسن"), ("d", "محمد حسين"))


def test_types_must_agree() -> None:
    docs, entities = link_entities([
        doc_with("a", "وصل الوفد إلى الأردن.", [("الأردن", "LOC")]),
        doc_with("b", "فاز فريق الأردن بالمباراة.", [("الأردن", "ORG")]),
    ])
    assert not same_entity(docs, entities, ("a", "الأردن"), ("b", "الأردن"))


def test_a_base_is_not_al_qaeda() -> None:
    docs, entities = link_entities([
        doc_with("a", "تبنى تنظيم القاعدة الهجوم وقالت القاعدة إنه انتقام.",
                 [("تنظيم القاعدة", "ORG"), ("القاعدة", "ORG")]),
        doc_with("b", "سقطت قذائف على قاعدة التاجي شمال بغداد.", [("قاعدة التاجي", "LOC"), ("بغداد", "LOC")]),
        doc_with("c", "قالت قاعدة إن الهجوم فشل.", [("قاعدة", "ORG")]),
    ])
    qaeda = entity_of(docs, entities, "a", "القاعدة")
    assert entity_of(docs, entities, "a", "تنظيم القاعدة").id == qaeda.id
    assert entity_of(docs, entities, "b", "قاعدة التاجي").id != qaeda.id
    assert entity_of(docs, entities, "c", "قاعدة").id != qaeda.id


def test_nationality_forms_are_one_record() -> None:
    docs, entities = link_entities([
        doc_with("a", "قال المسؤول الأميركي إن القوات الأمريكية انسحبت.",
                 [("الأميركي", "MISC"), ("الأمريكية", "MISC")]),
    ])
    assert same_entity(docs, entities, ("a", "الأميركي"), ("a", "الأمريكية"))


def test_a_surname_alone_joins_the_person_the_corpus_names_with_it() -> None:
    """باراك أوباما in most articles; one article also has a tagger's "يلقي أوباما": the
    bare surname elsewhere (and there) is still Obama."""
    docs = [doc_with(f"full{i}", "قال الرئيس باراك أوباما إن الاتفاق جيد.", [("باراك أوباما", "PER")])
            for i in range(4)]
    docs.append(doc_with("noise", "وأشار باراك أوباما ثم يلقي أوباما كلمة. وقال أوباما إن الوقت حان.",
                         [("باراك أوباما", "PER"), ("يلقي أوباما", "PER"), ("أوباما", "PER")]))
    docs.append(doc_with("bare", "وقال اوباما إن بلاده ستدعم الاتفاق.", [("اوباما", "PER")]))
    linked, entities = link_entities(docs)
    obama = entity_of(linked, entities, "full0", "باراك أوباما")
    assert entity_of(linked, entities, "bare", "اوباما").id == obama.id
    assert entity_of(linked, entities, "noise", "أوباما").id == obama.id
    assert len([e for e in entities if e.name == "باراك أوباما"]) == 1


def test_a_given_name_alone_joins_nobody_across_articles() -> None:
    docs, entities = link_entities([
        doc_with("a", "قال توفيق إبراهيم إن الموسم انتهى.", [("توفيق إبراهيم", "PER")]),
        doc_with("b", "وصرح إبراهيم العساف بأن الميزانية مستقرة.", [("إبراهيم العساف", "PER")]),
        doc_with("c", "وقال إبراهيم إنه سعيد.", [("إبراهيم", "PER")]),
    ])
    assert entity_of(docs, entities, "c", "إبراهيم").id != entity_of(docs, entities, "a", "توفيق إبراهيم").id


def test_a_fathers_name_is_not_a_surname() -> None:
    docs, entities = link_entities([
        doc_with("a", "استقبل الأمير فهد بن خالد الوفد. وقال خالد إن الزيارة مهمة.",
                 [("فهد بن خالد", "PER"), ("خالد", "PER")]),
        doc_with("b", "أعلن ولي العهد محمد بن سلمان بن عبدالعزيز أن الملك سلمان بن عبدالعزيز وافق.",
                 [("محمد بن سلمان بن عبدالعزيز", "PER"), ("سلمان بن عبدالعزيز", "PER")]),
        doc_with("c", "قال عبد الله الثاني إن الوضع هادئ. وأكد الثاني أن الجيش مستعد.",
                 [("عبد الله الثاني", "PER"), ("الثاني", "PER")]),
    ])
    assert not same_entity(docs, entities, ("a", "فهد بن خالد"), ("a", "خالد"))
    assert not same_entity(docs, entities, ("b", "محمد بن سلمان بن عبدالعزيز"), ("b", "سلمان بن عبدالعزيز"))
    assert not same_entity(docs, entities, ("c", "عبد الله الثاني"), ("c", "الثاني"))


def test_a_first_name_kept_short_form_still_joins() -> None:
    docs, entities = link_entities([doc_with(
        "a", "التقى سلطان بن سلمان بن عبدالعزيز الوفد، وقال سلطان بن سلمان إن السياحة تنمو.",
        [("سلطان بن سلمان بن عبدالعزيز", "PER"), ("سلطان بن سلمان", "PER")])])
    assert same_entity(docs, entities, ("a", "سلطان بن سلمان بن عبدالعزيز"), ("a", "سلطان بن سلمان"))


def test_name_key_keeps_words_of_their_own() -> None:
    assert name_key("كريم الساعدي", {"ريم الساعدي"}) == match_key("كريم الساعدي")
    assert name_key("لواشنطن", {"واشنطن"}) == "واشنطن"
    assert name_key("والعراق") == "العراق"


def test_the_index_in_a_scratch_database_counts_given_names_too(tmp_path) -> None:
    from marsad.run.scratch import scratch_database

    docs = [doc_with("a", "قال توفيق إبراهيم إن الموسم انتهى.", [("توفيق إبراهيم", "PER")]),
            doc_with("b", "وصرح إبراهيم العساف بأن الميزانية مستقرة.", [("إبراهيم العساف", "PER")]),
            doc_with("c", "وقال إبراهيم إنه سعيد.", [("إبراهيم", "PER")])]
    stored = EntityIndex(scratch_database(tmp_path / "e.sqlite"))
    in_memory = EntityIndex()
    for index in (stored, in_memory):
        index.register_full_names(docs)
    assert [stored.add_doc(d) for d in docs] == [in_memory.add_doc(d) for d in docs]


def test_a_fathers_full_name_inside_a_sons_is_another_person() -> None:
    docs, entities = link_entities([doc_with(
        "a", "نعى سعد دوابشة ابنه علي سعد دوابشة، وقال المتحدث إن دي ماريا وأنخيل دي ماريا واحد.",
        [("سعد دوابشة", "PER"), ("علي سعد دوابشة", "PER"), ("دي ماريا", "PER"), ("أنخيل دي ماريا", "PER")])])
    assert not same_entity(docs, entities, ("a", "سعد دوابشة"), ("a", "علي سعد دوابشة"))
    assert same_entity(docs, entities, ("a", "دي ماريا"), ("a", "أنخيل دي ماريا"))


def test_a_name_that_skips_a_father_is_another_person() -> None:
    docs, entities = link_entities([doc_with(
        "a", "غادر الملك سلمان بن عبدالعزيز جدة، وكان في وداعه الأمير سلمان بن سلطان بن عبدالعزيز.",
        [("سلمان بن عبدالعزيز", "PER"), ("سلمان بن سلطان بن عبدالعزيز", "PER")])])
    assert not same_entity(docs, entities, ("a", "سلمان بن عبدالعزيز"), ("a", "سلمان بن سلطان بن عبدالعزيز"))


def test_a_saudi_region_is_no_persons_surname() -> None:
    """"أمين الأحساء" (the mayor of al-Ahsa) tagged as a person does not make الأحساء his name."""
    docs, entities = link_entities([doc_with(
        "a", "عقدت اللجنة اجتماعها في الأحساء، وأوضح أمين الأحساء أن الانتخابات تسير كما خطط لها.",
        [("الأحساء", "PER"), ("أمين الأحساء", "PER")])])
    assert not same_entity(docs, entities, ("a", "الأحساء"), ("a", "أمين الأحساء"))


def test_a_first_name_joined_in_one_article_joins_nobody_elsewhere() -> None:
    docs, entities = link_entities([
        doc_with("a", "نزل في الفندق الملك عبد الله الأول، وكتب عبد الله في مذكراته عن إقامته.",
                 [("عبد الله الأول", "PER"), ("عبد الله", "PER")]),
        doc_with("b", "راح ضحية الهجوم الصحافي عبد الله وزميله.", [("عبد الله", "PER")]),
        doc_with("c", "وقال أحمد عيد رئيس الاتحاد إن أحمد لم يكن يعلم.", [("أحمد عيد", "PER"), ("أحمد", "PER")]),
        doc_with("d", "وسجل أحمد هدف الفوز.", [("أحمد", "PER")]),
    ])
    assert same_entity(docs, entities, ("a", "عبد الله الأول"), ("a", "عبد الله"))
    assert not same_entity(docs, entities, ("a", "عبد الله الأول"), ("b", "عبد الله"))
    assert same_entity(docs, entities, ("c", "أحمد عيد"), ("c", "أحمد"))
    assert not same_entity(docs, entities, ("c", "أحمد عيد"), ("d", "أحمد"))


def test_a_place_without_the_article_does_not_take_one() -> None:
    docs, entities = link_entities([
        doc_with("a", "أقلعت الطائرة المتجهة إلى سيول صباح أمس.", [("سيول", "LOC")]),
        doc_with("b", "ألحقت السيول أضرارا بالطرق في المحافظة.", [("السيول", "LOC")]),
    ])
    assert not same_entity(docs, entities, ("a", "سيول"), ("b", "السيول"))


def test_a_surname_named_in_full_in_one_article_only_joins_nobody_elsewhere() -> None:
    docs, entities = link_entities([
        doc_with("a", "شارك في العرض جميل الشايب وأحمد النصر.", [("جميل الشايب", "PER"), ("أحمد النصر", "PER")]),
        doc_with("b", "تقام مباراة السوبر بين الهلال والنصر.", [("والنصر", "PER")]),
    ])
    assert not same_entity(docs, entities, ("a", "أحمد النصر"), ("b", "والنصر"))


def test_a_rare_surname_still_joins_its_one_owner() -> None:
    # (the two articles share a name: the club; see tests/test_link_cut_names.py)
    docs, entities = link_entities([
        doc_with("a", "وقع نادي الفيحاء مع المدرب خورخي ديسلفا عقدا لموسمين.", [("الفيحاء", "ORG"), ("خورخي ديسلفا", "PER")]),
        doc_with("b", "وقاد ديسلفا الفيحاء إلى الفوز.", [("ديسلفا", "PER"), ("الفيحاء", "ORG")]),
    ])
    assert same_entity(docs, entities, ("a", "خورخي ديسلفا"), ("b", "ديسلفا"))


def test_a_person_mention_of_punctuation_alone_links_to_no_one() -> None:
    # SaudiNewsNet 2015-08-02: the tagger made a quotation mark a person; its name key is
    # empty, and looking for the full name it is short for raised IndexError.
    doc = doc_with("q", "قال الوزير خالد العتيبي « إن المشروع سيكتمل» في المؤتمر.",
                   [("خالد العتيبي", "PER"), ("«", "PER")])
    docs, entities = link_entities([doc])
    assert entity_of(docs, entities, "q", "خالد العتيبي").name == "خالد العتيبي"


def test_a_given_name_under_a_sovereign_title_is_not_the_articles_untitled_person() -> None:
    # Found on SaudiNewsNet (issue 20): "قصر الملك عبدالعزيز" joined an official named
    # عبدالعزيز in full; the titled given name is the king, the untitled one the official.
    docs, entities = link_entities([
        doc_with("a", "قال المهندس عبدالعزيز الحمدان إن الزوار يقصدون قصر الملك عبدالعزيز في العيد.",
                 [("عبدالعزيز الحمدان", "PER"), ("عبدالعزيز", "PER")], roles=True),
        doc_with("b", "وصل الأمير نايف بن سعود إلى المدينة، وافتتح الأمير نايف المعرض.",
                 [("نايف بن سعود", "PER"), ("نايف", "PER")], roles=True),
    ])
    doc_a = next(d for d in docs if d.id == "a")
    official, king = doc_a.mentions
    assert king.role == "الملك" and official.entity != king.entity
    assert same_entity(docs, entities, ("b", "نايف بن سعود"), ("b", "نايف"))  # the same title: one prince

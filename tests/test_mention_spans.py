"""Mention spans mended after tagging: a country's institution named with its nationality
adjective is one ORG, a name is not cut after بن, and the organisations the matcher alone
knows (gazetteer_orgs_matched.tsv) leave the tagger's features as they were. Texts composed
by the team."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.entities import EntityTagger, extract_mentions
from marsad.extract.gazetteer import MATCH_ONLY, Gazetteer, gazetteer_files
from marsad.extract.mention_spans import mend_spans
from marsad.model import Article, Doc, Mention


def _mentions(text: str) -> list[tuple[str, str]]:
    article = Article(id="a", source="test", text=text, title=None, published=None, outlet=None,
                      language="ar", is_article=True)
    doc = Doc(article, sentences=tuple(split_sentences(text)))
    return [(m.text, m.type) for m in extract_mentions(doc, EntityTagger.load())]


def test_an_institution_and_its_nationality_are_one_organisation() -> None:
    found = _mentions("وقالت القوات المسلحة السودانية إن الجيش السوداني استعاد السيطرة على "
                      "المدينة، فيما رحبت الحكومة الأردنية بالخطوة.")
    assert ("القوات المسلحة السودانية", "ORG") in found
    assert ("الجيش السوداني", "ORG") in found
    assert ("الحكومة الأردنية", "ORG") in found
    assert ("السوداني", "MISC") not in found and ("السودانية", "MISC") not in found


def test_a_country_s_league_is_one_misc() -> None:
    found = _mentions("يلتقي الفريقان غدا في الدوري السعودي، بينما يتصدر فريق آخر الدوري الإسباني.")
    assert ("الدوري السعودي", "MISC") in found
    assert ("الدوري الإسباني", "MISC") in found
    assert ("السعودي", "MISC") not in found


def test_the_adjective_of_a_minister_is_not_his_ministry() -> None:
    # الأردني (masculine) qualifies وزير, not الخارجية (feminine).
    found = _mentions("واستقبل وزير الخارجية الأردني نظيره في العاصمة أمس.")
    assert not any(etype == "ORG" and "الأردني" in text for text, etype in found)


def test_a_glued_conjunction_is_not_part_of_the_institution() -> None:
    found = _mentions("أعلنت الشرطة المحلية توقيف شخصين، والجيش الليبي يواصل عملياته قرب الحدود.")
    assert ("الجيش الليبي", "ORG") in found


def test_a_nationality_after_an_ordinary_noun_stays_an_adjective() -> None:
    found = _mentions("التقى الوفد المصري بعدد من رجال الأعمال في العاصمة.")
    assert not any(etype == "ORG" and "المصري" in text for text, etype in found)


def test_a_name_is_not_cut_after_bin() -> None:
    # The tagger reads علي as the preposition على and stops at بن.
    text = "وكان الرئيس الأسبق زين العابدين بن علي قد غادر البلاد."
    start = text.index("زين")
    cut = Mention(start, text.index(" علي"), "زين العابدين بن", "PER")
    tokens = split_sentences(text)[0].tokens
    assert [(m.text, m.type) for m in mend_spans([cut], tokens, text)] == [("زين العابدين بن علي", "PER")]
    whole = Mention(start, text.index(" قد"), "زين العابدين بن علي", "PER")
    assert mend_spans([whole], tokens, text) == [whole]


def test_state_bodies_are_organisations() -> None:
    found = _mentions("وناقش مجلس الوزراء في جلسته مشروع القانون الذي أحالته وزارة العدل إلى مجلس النواب.")
    assert {("مجلس الوزراء", "ORG"), ("وزارة العدل", "ORG"), ("مجلس النواب", "ORG")} <= set(found)


def test_match_only_lists_leave_the_tagger_features_as_they_were() -> None:
    everything = Gazetteer.load()
    without = Gazetteer.load([f for f in gazetteer_files() if f.name not in MATCH_ONLY])
    assert everything.token_roles() == without.token_roles()
    assert len(everything) > len(without)


def test_a_generic_noun_before_a_known_place_is_not_its_name() -> None:
    text = "وتواصلت الاشتباكات في مدينة أم درمان منذ الصباح."
    start = text.index("مدينة")
    cut = Mention(start, text.index(" منذ"), "مدينة أم درمان", "LOC")
    mended = mend_spans([cut], split_sentences(text)[0].tokens, text)
    assert [(m.text, m.type) for m in mended] == [("أم درمان", "LOC")]
    assert text[mended[0].start:mended[0].end] == "أم درمان"
    unknown = Mention(text.index("مدينة"), text.index(" منذ"), "مدينة أم درمان", "LOC")
    assert mend_spans([unknown], split_sentences("مدينة نصر")[0].tokens, "مدينة نصر") != []


def test_a_country_is_told_from_its_adjective() -> None:
    # the country after بين; the adjective of الشركات (a definite noun) stays an adjective
    found = _mentions("وتوسطت القاهرة بين السعودية والإمارات، فيما رحبت الشركات السعودية بالاتفاق.")
    assert found.count(("السعودية", "LOC")) == 1


def test_a_fair_named_after_a_place_is_one_event() -> None:
    found = _mentions("واختتمت أمس فعاليات معرض تونس الدولي للكتاب بمشاركة مئات الناشرين.")
    assert ("معرض تونس الدولي للكتاب", "MISC") in found
    assert ("تونس", "LOC") not in found


def test_a_tagger_span_that_runs_on_over_a_preposition_is_cut_before_it() -> None:
    from marsad.extract.entities import sentence_mentions

    text = "بث الحفل من مقر الشركة في كوبرتينو كاليفورنيا أمس، وقال محمد علي حسن إنه سعيد."
    sentence = split_sentences(text)[0]
    words = [t.text for t in sentence.tokens]
    labels = ["O"] * len(words)
    at = words.index("الشركة")
    labels[at:at + 4] = ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    ali = words.index("محمد")
    labels[ali:ali + 3] = ["B-PER", "I-PER", "I-PER"]
    found = [(m.text, m.type) for m in sentence_mentions(sentence, text, EntityTagger.load(), labels=labels)]
    assert found == [("الشركة", "ORG"), ("محمد علي حسن", "PER")]  # the name علي is no preposition


def test_a_father_s_name_tagged_apart_is_the_name_s() -> None:
    text = "وقال الملك عبدالله الثاني ابن الحسين في كلمته إن البلاد بخير."
    first, second = text.index("عبدالله"), text.index("ابن")
    mentions = [Mention(first, first + len("عبدالله الثاني"), "عبدالله الثاني", "PER"),
                Mention(second, second + len("ابن الحسين"), "ابن الحسين", "PER")]
    mended = mend_spans(mentions, split_sentences(text)[0].tokens, text)
    assert [(m.text, m.type) for m in mended] == [("عبدالله الثاني ابن الحسين", "PER")]


def test_a_named_site_keeps_its_noun_and_a_town_loses_it() -> None:
    text = "قصفت الطائرات مخيم جباليا، وهبطت الطائرة في مطار بيروت الدولي قرب مدينة صيدا."
    tokens = split_sentences(text)[0].tokens
    places = [Mention(text.index(p), text.index(p) + len(p), p, "LOC", source="gazetteer")
              for p in ("جباليا", "بيروت", "مدينة صيدا")]
    mended = [m.text for m in mend_spans(places, tokens, text)]
    assert mended == ["مخيم جباليا", "مطار بيروت الدولي", "صيدا"]


def test_a_league_s_division_is_part_of_its_name() -> None:
    found = _mentions("وتصدر الفريق الدوري المصري الممتاز بعد فوزه، فيما تراجع منافسه في الدوري الأوزبكي.")
    assert ("الدوري المصري الممتاز", "MISC") in found
    assert ("الدوري الأوزبكي", "MISC") in found  # a nationality the gazetteer lacked before
    found = _mentions("ويلعب الفريق غدا في الدوري المصري أمام جمهوره.")
    assert ("الدوري المصري", "MISC") in found


def test_the_sultanate_is_part_of_the_state_s_name() -> None:
    text = "وتشارك في المعرض فنزويلا وإيطاليا وسلطنة عمان هذا العام."
    tokens = split_sentences(text)[0].tokens
    head, oman = text.index("وسلطنة"), text.index("عمان")
    mentions = [Mention(head, head + len("وسلطنة"), "وسلطنة", "LOC"),
                Mention(oman, oman + len("عمان"), "عمان", "LOC", source="gazetteer")]
    assert [(m.text, m.type) for m in mend_spans(mentions, tokens, text)] == [("سلطنة عمان", "LOC")]
    # the sultanate alone, written with the article, is no name's head
    text = "وأكدت السلطنة دعمها، وزار الوزير عمان أمس."
    tokens = split_sentences(text)[0].tokens
    oman = text.index("عمان")
    alone = [Mention(oman, oman + len("عمان"), "عمان", "LOC", source="gazetteer")]
    assert [m.text for m in mend_spans(alone, tokens, text)] == ["عمان"]


def test_the_side_of_a_capital_is_not_the_place_s_name() -> None:
    text = "وزار مسجدا بمدينة أم درمان، غربي العاصمة الخرطوم، يوم الجمعة."
    start = text.index("غربي")
    span = Mention(start, start + len("غربي العاصمة الخرطوم"), "غربي العاصمة الخرطوم", "LOC")
    mended = mend_spans([span], split_sentences(text)[0].tokens, text)
    assert [(m.text, m.type) for m in mended] == [("الخرطوم", "LOC")]
    # جنوب السودان is a country's name: the noun شمال/جنوب is not a side here
    text = "وأعلنت حكومة جنوب السودان أمس وقف القتال."
    start = text.index("جنوب")
    span = Mention(start, start + len("جنوب السودان"), "جنوب السودان", "LOC")
    assert [m.text for m in mend_spans([span], split_sentences(text)[0].tokens, text)] == ["جنوب السودان"]


def test_a_club_named_by_an_ordinary_word_is_a_club_in_a_sports_report() -> None:
    from marsad.extract.sport_clubs import with_clubs

    text = "انفرد الهلال بصدارة الدوري بعد فوزه في المباراة، فيما خسر والترجي أمس."
    tokens = [t for s in split_sentences(text) for t in s.tokens]
    clubs = [(m.text, m.type) for m in with_clubs([], tokens, text)]
    assert clubs == [("الهلال", "ORG"), ("الترجي", "ORG")]
    # a type the tagger gave the club's word alone becomes ORG; a longer name stays
    start = text.index("الهلال")
    person = Mention(start, start + len("الهلال"), "الهلال", "PER", source="model")
    assert next((m.text, m.type) for m in with_clubs([person], tokens, text)) == ("الهلال", "ORG")
    # outside sport the word is the crescent
    text = "وأعلنت المحكمة العليا رؤية الهلال مساء اليوم، وبدأ الناس الصيام."
    tokens = [t for s in split_sentences(text) for t in s.tokens]
    assert with_clubs([], tokens, text) == []


def test_a_name_after_league_is_one_competition() -> None:
    text = "وتصدر الفريق دوري روشن السعودي للمحترفين بعد فوزه أمس."
    tokens = split_sentences(text)[0].tokens
    league, adjective = text.index("دوري"), text.index("السعودي")
    mentions = [Mention(league, league + len("دوري روشن"), "دوري روشن", "PER", source="model"),
                Mention(adjective, adjective + len("السعودي"), "السعودي", "MISC", source="gazetteer")]
    assert [(m.text, m.type) for m in mend_spans(mentions, tokens, text)] == \
        [("دوري روشن السعودي للمحترفين", "MISC")]
    # a person after a league's name is no part of it
    text = "وقال محمد علي إن الدوري صعب."
    tokens = split_sentences(text)[0].tokens
    start = text.index("محمد")
    person = [Mention(start, start + len("محمد علي"), "محمد علي", "PER", source="model")]
    assert mend_spans(person, tokens, text) == person


def test_a_name_begun_after_ould_takes_its_first_name() -> None:
    text = "ومولاي ولد محمد الأقظف أمينا عاما للرئاسة."
    tokens = split_sentences(text)[0].tokens
    start = text.index("محمد")
    cut = [Mention(start, start + len("محمد الأقظف"), "محمد الأقظف", "PER", source="model")]
    assert [(m.text, m.type) for m in mend_spans(cut, tokens, text)] == [("مولاي ولد محمد الأقظف", "PER")]
    # ولد "was born" after a function word: the name is the one after it
    text = "وقد ولد محمد الأقظف في نواكشوط."
    tokens = split_sentences(text)[0].tokens
    start = text.index("محمد")
    born = [Mention(start, start + len("محمد الأقظف"), "محمد الأقظف", "PER", source="model")]
    assert mend_spans(born, tokens, text) == born


def test_a_ministry_found_alone_takes_its_country_adjective_and_a_state_its_formal_name() -> None:
    found = _mentions("وأشاد الضيف بدور وزارة الخارجية الأردنية، ثم زار الجمهورية التونسية "
                      "والمملكة المغربية في جولته.")
    assert ("وزارة الخارجية الأردنية", "ORG") in found
    assert ("الجمهورية التونسية", "LOC") in found
    assert ("المملكة المغربية", "LOC") in found


def test_a_rulers_title_and_the_state_he_rules_are_a_place_and_no_person() -> None:
    found = _mentions("استقبل أمير الكويت نواف الأحمد الوفد، وقال ملك البحرين إن العلاقات قوية.")
    assert ("الكويت", "LOC") in found and ("البحرين", "LOC") in found
    assert not any(kind == "PER" and ("الكويت" in name or "البحرين" in name) for name, kind in found)


def test_a_festival_named_after_a_place_is_one_event() -> None:
    found = _mentions("وتنطلق الدورة الجديدة لمهرجان جرش للثقافة والفنون الشهر المقبل بمشاركة واسعة.")
    assert ("مهرجان جرش للثقافة والفنون", "MISC") in found


def test_a_club_s_head_and_its_place_are_one_club_in_a_sports_report() -> None:
    from marsad.extract.sport_clubs import with_clubs
    text = ("فاز النجم الساحلي على مستقبل قابس في المباراة، وتعادل اتحاد بن قردان مع شبيبة العمران "
            "في الجولة الرابعة من الدوري، فيما تألق النجم المصري محمد صلاح.")
    tokens = split_sentences(text)[0].tokens
    clubs = [m.text for m in with_clubs([], tokens, text) if m.type == "ORG"]
    assert clubs == ["النجم الساحلي", "مستقبل قابس", "اتحاد بن قردان", "شبيبة العمران"]


def test_club_head_forms_are_the_clitic_forms_of_club_heads():
    """The keys `club_names` looks at hold every key a clitic split of which is a club
    head's stem (the per-token test it replaces)."""
    from marsad.arabic.tokenize import clitic_candidates
    from marsad.extract.sport_clubs import _head_forms, _head_stems
    proclitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فك", "ال", "وال", "بال", "لل", "ولل", "فبال", "وكال"]
    stems = set(_head_stems()) | {"نجمه", "مستقبلي"}
    for key in {p + stem for p in proclitics for stem in stems} | {p + "ال" + s for p in ("لل", "ولل") for s in stems}:
        expected = any(stem in _head_stems() for _, stem in clitic_candidates(key)[1:])
        assert (key in _head_forms()) == expected, key

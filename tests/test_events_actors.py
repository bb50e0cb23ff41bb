"""Actors that are actors (issue 22): typed agent phrases take their roles beside the entity
mentions by word order, counted people and victims are the patients, passives and agent
marks, verbs of undergoing, and protesters. Sentences composed by the team."""

from __future__ import annotations

from datetime import date

from marsad.arabic.tokenize import split_sentences
from marsad.extract.events import extract_events
from marsad.extract.events.placing import not_an_event_word
from marsad.model import Article, Doc, Event, Mention

REF = date(2021, 7, 15)


def doc_of(text: str, mentions: list[tuple[str, str]] = ()) -> Doc:  # type: ignore[assignment]
    """A doc with the given (surface, type) mentions placed by index."""
    placed = [Mention(text.index(s), text.index(s) + len(s), s, kind) for s, kind in mentions]  # type: ignore[arg-type]
    article = Article(id="a1", source="a1", text=text, title=None, published=REF.isoformat(), outlet=None,
                      language="ar", is_article=True)
    return Doc(article=article, sentences=tuple(split_sentences(text)), mentions=tuple(placed))


def event_of(text: str, kind: str, mentions: list[tuple[str, str]] = ()) -> Event:  # type: ignore[assignment]
    """The lexicon coder's one event of `kind` (the learned detector left out: these test
    the argument rules, not the decision)."""
    found = [e for e in extract_events(doc_of(text, mentions), REF, learned=False) if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger) for e in found]
    return found[0]


def actors(event: Event) -> list[str]:
    return [p.text for p in event.actors]


def targets(event: Event) -> list[str]:
    return [p.text for p in event.targets]


def test_agent_words_with_their_adjectives_are_one_actor_before_a_later_mention():
    event = event_of("هاجم مفجرون انتحاريون موكب الوزير قرب بغداد.", "ASSAULT", [("بغداد", "LOC")])
    assert actors(event) == ["مفجرون انتحاريون"]
    assert event.actors[0].code == "UAF"


def test_agent_right_after_the_verb_is_its_subject_not_the_mention_further_on():
    text = "قتلت القوات الأمريكية 11 مسلحا ينتمون إلى جيش المهدي."
    event = event_of(text, "ASSAULT", [("جيش المهدي", "ORG")])
    assert actors(event) == ["القوات الأمريكية"]
    assert event.actors[0].code == "USAMIL"
    assert "مسلحا" in targets(event)


def test_counted_people_after_a_verb_of_killing_are_killed_not_killers():
    event = event_of("قتل 20 شخصا في انفجار سيارة مفخخة وسط المدينة.", "ASSAULT")
    assert actors(event) == []
    assert targets(event) == ["شخصا"]


def test_counted_people_before_the_verb_are_its_patients():
    event = event_of("وقال مصدر أمني إن ثلاثة جنود أمريكيين قتلوا أمس.", "ASSAULT")
    assert actors(event) == []
    assert targets(event) == ["جنود أمريكيين"]


def test_a_victim_noun_is_never_an_actor():
    event = event_of("وقتل شخص بعد تعرضه للضرب.", "ASSAULT")
    assert actors(event) == []
    assert targets(event) == ["شخص"]


def test_suicide_bombers_who_blew_themselves_up_are_the_actors_though_counted():
    event = event_of("فجر ثلاثة انتحاريين أنفسهم في سوق شعبي.", "ASSAULT")
    assert actors(event) == ["انتحاريين"]


def test_the_agent_after_a_passive_mark_through_a_number():
    event = event_of("قتل شاب برصاص الشرطة في الحي.", "ASSAULT")
    assert actors(event) == ["الشرطة"]
    assert targets(event) == []
    event = event_of("اختطف مدير الشركة من قبل أربعة مسلحين.", "ASSAULT")
    assert actors(event) == ["مسلحين"]


def test_who_carried_out_or_claimed_an_attack_is_its_actor():
    event = event_of("وقع هجوم انتحاري تبنته حركة طالبان في كابل.", "ASSAULT",
                     [("حركة طالبان", "ORG"), ("كابل", "LOC")])
    assert actors(event) == ["حركة طالبان"]


def test_the_subject_of_a_verb_of_undergoing_is_the_target():
    event = event_of("تعرضت القوات الأمريكية لهجوم بالقذائف.", "ASSAULT")
    assert actors(event) == []
    assert targets(event) == ["القوات الأمريكية"]


def test_the_governing_verbs_subject_across_a_place_or_a_count():
    event = event_of("قام متظاهرون في ضواحي روما بالاحتجاج على القرار.", "PROTEST", [("روما", "LOC")])
    assert actors(event) == ["متظاهرون"]
    event = event_of("وجهت القوات الأمريكية عدة ضربات جوية على مواقع في الجبال.", "ASSAULT")
    assert actors(event) == ["القوات الأمريكية"]


def test_a_noun_after_an_event_verb_does_not_take_its_subject():
    event = event_of("ستة أشخاص قتلوا جراء ضربة جوية على القرية.", "ASSAULT")
    assert actors(event) == []
    assert "أشخاص" in targets(event)


def test_a_place_after_a_protest_verb_is_where_not_whom():
    event = event_of("تظاهر مئات الطلاب في القاهرة.", "PROTEST", [("القاهرة", "LOC")])
    assert actors(event) == ["الطلاب"]
    assert targets(event) == []
    assert event.location == "القاهرة"


def test_protesters_anywhere_in_the_sentence_are_its_protests_actors():
    event = event_of("اندلعت مظاهرات في العاصمة، ورفع المتظاهرون شعارات.", "PROTEST")
    assert actors(event) == ["المتظاهرون"]


def test_people_told_as_a_part_are_the_subject_across_their_count():
    event = event_of("احتشد الآلاف من المتظاهرين أمام البرلمان.", "PROTEST")
    assert actors(event) == ["المتظاهرين"]


def test_an_armed_attack_is_no_armed_actor():
    event = event_of("أسفر هجوم مسلح عن مقتل جنديين.", "ASSAULT")
    assert actors(event) == []


def test_a_noun_of_another_noun_is_no_participant_of_the_event_noun():
    event = event_of("يواجه الوزير اتهامات بسلب أموال الشعب.", "ACCUSE")
    assert "الشعب" not in actors(event)


def test_the_learned_detectors_own_trigger_is_no_function_word_or_number():
    assert not_an_event_word("وسط") and not_an_event_word("خلال") and not_an_event_word("20")
    assert not not_an_event_word("اختطف")


def test_a_singular_agent_right_after_an_event_verb_is_its_subject_not_an_adjective():
    event = event_of("استهدف انتحاري اجتماعا لقادة الشرطة في المدينة.", "ASSAULT")
    assert actors(event) == ["انتحاري"]


def test_the_subject_before_the_verb_that_governs_a_counted_attack_noun():
    event = event_of("وكانت القوات الأمريكية وجهت عدة ضربات جوية على مواقع في الجبال.", "ASSAULT")
    assert actors(event) == ["القوات الأمريكية"]


def test_who_carried_out_an_attack_told_after_it():
    event = event_of("وأسفر الهجوم الذي نفذته حركة طالبان عن مقتل جنديين.", "ASSAULT", [("حركة طالبان", "ORG")])
    assert actors(event) == ["حركة طالبان"]


def test_whom_a_protest_demands_of_is_its_target_not_where_it_is():
    event = event_of("تجمع المتظاهرون أمام مقر البلدية في المدينة مطالبين الحكومة بالتدخل.", "PROTEST",
                     [("الحكومة", "ORG")])
    assert actors(event) == ["المتظاهرون"]
    assert targets(event) == ["الحكومة"]


def test_two_agent_nouns_side_by_side_are_subject_and_object_not_one_phrase():
    event = event_of("ورشق مئات المتظاهرين قوات الأمن بالحجارة خلال مظاهرة.", "PROTEST")
    assert actors(event) == ["المتظاهرين"]


def test_an_abbreviated_title_does_not_end_the_clause():
    event = event_of("زار د. سالم الهاشمي المستشفى الجديد أمس.", "CONSULT", [("سالم الهاشمي", "PER")])
    assert actors(event) == ["سالم الهاشمي"]


def test_kidnapping_is_an_assault_as_plover_and_the_gold_standard_code_it():
    event = event_of("اختطف مسلحون مجهولون ثلاثة مهندسين أجانب جنوب المدينة.", "ASSAULT")
    assert event.mode == "asserted"
    assert actors(event) == ["مسلحون مجهولون"]
    assert event.actors[0].code == "UAF"  # gunmen of no stated side: unidentified armed forces
    doc = doc_of("اختطف مسلحون مجهولون ثلاثة مهندسين أجانب جنوب المدينة.")
    assert not [e for e in extract_events(doc, REF, learned=False) if e.type == "COERCE"]


def test_a_team_that_snatches_a_win_kidnaps_nobody():
    doc = doc_of("خطف الفريق الضيف الفوز في الدقائق الأخيرة من المباراة.")
    assert not [e for e in extract_events(doc, REF, learned=False) if e.type == "ASSAULT"]


def test_a_nationality_adjective_after_the_noun_the_agent_governs():
    event = event_of("وشن سلاح الجو الإسرائيلي غارة على موقع قرب الحدود.", "ASSAULT")
    assert actors(event) == ["سلاح الجو الإسرائيلي"]
    assert event.actors[0].code == "ISRMIL"


def test_a_nationality_of_the_ner_gazetteer_gives_the_country():
    event = event_of("قصف الجيش الباكستاني مخابئ المتشددين في الجبال.", "ASSAULT")
    assert event.actors[0].code == "PAKMIL"


def test_his_soldiers_are_of_the_army_named_before():
    event = event_of("وقال الجيش الأمريكي إن جنوده قتلوا خمسة مسلحين في غارة.", "ASSAULT")
    assert actors(event) == ["جنوده"]
    assert event.actors[0].code == "USAMIL"


def test_civilians_of_no_stated_country_are_of_the_country_of_the_place():
    event = event_of("تظاهر مئات الأشخاص في القاهرة احتجاجا على رفع الأسعار.", "PROTEST", [("القاهرة", "LOC")])
    assert actors(event) == ["الأشخاص"]
    assert event.actors[0].code == "EGYCVL"


def test_his_soldiers_are_of_the_army_the_tagger_named_before():
    event = event_of("وقال الجيش الأمريكي إن جنوده قتلوا خمسة مسلحين في غارة.", "ASSAULT",
                     [("الجيش الأمريكي", "ORG")])
    assert actors(event) == ["جنوده"]
    assert event.actors[0].code == "USAMIL"


def test_a_force_named_by_the_agent_word_it_governs():
    event = event_of("وقتلت قوات الأمن ثلاثة مسلحين خلال مداهمة في المدينة.", "ASSAULT")
    assert actors(event) == ["قوات الأمن"]
    assert event.actors[0].code == "COP"


def test_members_of_a_force_counted_after_a_verb_of_killing_are_killed():
    event = event_of("قتل أمس سبعة من عناصر الشرطة الأفغانية في غرب البلاد.", "ASSAULT",
                     [("الشرطة الأفغانية", "ORG")])
    assert actors(event) == []
    assert targets(event) == ["الشرطة الأفغانية"]


def test_a_verb_joined_by_and_shares_the_subject_of_the_verb_before_not_its_object():
    event = event_of("اعتقلت قوة من الشرطة ثلاثة شبان واعتدت عليهم بالضرب.", "ASSAULT")
    assert actors(event) == ["قوة من الشرطة"]  # not "شبان", the object nearest before it


def test_a_passive_killing_takes_the_nationality_of_the_strike_that_caused_it():
    event = event_of("وقال مصدر إن «ثمانية أشخاص قتلوا جراء ضربة جوية أمريكية».", "ASSAULT")
    assert event.actors[0].code == "USA"
    assert targets(event) == ["أشخاص"]


def test_an_attack_noun_in_a_result_clause_leaves_the_verb_active():
    event = event_of("استهدف انتحاري اجتماعا لشيوخ العشائر مما أسفر عن مقتل اثنين منهم.", "ASSAULT")
    assert actors(event) == ["انتحاري"]


def test_counted_protesters_in_the_accusative_are_the_protests_actor():
    event = event_of("حمل نحو 25 متظاهرا لافتات ورددوا هتافات ضد الحرب.", "PROTEST")
    assert actors(event) == ["متظاهرا"]

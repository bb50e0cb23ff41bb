"""Event coder: types, modes, argument attachment by word order, actor codes, merging."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from marsad.arabic.tokenize import split_sentences
from marsad.extract.actor_codes import actor_code, lemma_key
from marsad.extract.events import benchmark_events, extract_events, load_lexicon
from marsad.model import Article, Doc, Event, Mention, Participant, TimeExpr
from marsad.stories.events import merge_events, plover_record, same_event


def texts(side: tuple[Participant, ...]) -> tuple[str, ...]:
    return tuple(p.text for p in side)


def codes(side: tuple[Participant, ...]) -> tuple[str, ...]:
    return tuple(p.code for p in side)


def refs(side: tuple[Participant, ...]) -> tuple[str, ...]:
    return tuple(p.ref for p in side)


def sides(*linked: str) -> tuple[Participant, ...]:
    """Participants already linked to these entity ids."""
    return tuple(Participant(text=f"name of {e}", entity=e) for e in linked)


REF = date(2021, 7, 15)


def make_doc(
    text: str, mentions: list[tuple], doc_id: str = "a1", times: list[TimeExpr] = ()
) -> Doc:
    """A Doc built by hand: mentions are (surface, type[, role[, entity]]) found by index."""
    placed = []
    for surface, kind, *rest in mentions:
        start = text.index(surface)
        role = rest[0] if rest else None
        entity = rest[1] if len(rest) > 1 else None
        placed.append(Mention(start, start + len(surface), surface, kind, entity=entity, role=role))
    article = Article(
        id=doc_id,
        source=doc_id,
        text=text,
        title=None,
        published=REF.isoformat(),
        outlet=None,
        language="ar",
        is_article=True,
    )
    return Doc(
        article=article,
        sentences=tuple(split_sentences(text)),
        mentions=tuple(sorted(placed, key=lambda m: m.start)),
        times=tuple(times),
    )


def only(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger) for e in events]
    return found[0]


def test_vso_meeting_actor_target_location_and_codes():
    text = "التقى رئيس الوزراء العراقي مصطفى الكاظمي مبعوث البيت الأبيض بريت ماكغورك في بغداد."
    doc = make_doc(
        text,
        [
            ("مصطفى الكاظمي", "PER", "رئيس الوزراء العراقي", "Q1"),
            ("بريت ماكغورك", "PER", "مبعوث البيت الأبيض"),
            ("بغداد", "LOC"),
        ],
    )
    event = only(extract_events(doc, REF), "CONSULT")
    # the entity id when linked, the words as written, the CAMEO code from the role
    assert event.actors == (Participant("مصطفى الكاظمي", "Q1", "IRQGOV"),)
    assert event.targets == (Participant("بريت ماكغورك", None, "USAGOV"),)
    assert refs(event.actors) == ("Q1",) and refs(event.targets) == ("بريت ماكغورك",)
    assert event.location == "بغداد"
    assert event.mode == "asserted" and event.date == "2021-07-15"
    assert event.articles == ("a1",)


def test_svo_order():
    doc = make_doc(
        "الكاظمي يلتقي ماكغورك في بغداد.",
        [("الكاظمي", "PER"), ("ماكغورك", "PER"), ("بغداد", "LOC")],
    )
    event = only(extract_events(doc, REF), "CONSULT")
    assert texts(event.actors) == ("الكاظمي",) and texts(event.targets) == ("ماكغورك",)


def test_discuss_with_co_actor():
    doc = make_doc(
        "بحث الأعرجي مع السفير الأميركي ماثيو تولر العلاقات الثنائية.",
        [("الأعرجي", "PER"), ("ماثيو تولر", "PER", "السفير الأميركي")],
    )
    event = only(extract_events(doc, REF), "CONSULT")
    assert texts(event.actors) == ("الأعرجي",) and texts(event.targets) == ("ماثيو تولر",)
    assert codes(event.targets) == ("USAGOV",)


def test_passive_missiles_fell_on_base():
    doc = make_doc(
        "سقط 14 صاروخا على قاعدة عين الأسد غرب العراق.",
        [("قاعدة عين الأسد", "LOC"), ("العراق", "LOC")],
    )
    event = only(extract_events(doc, REF, learned=False), "ASSAULT")
    assert event.actors == ()
    assert refs(event.targets) == ("قاعدة عين الأسد",) and event.location == "قاعدة عين الأسد"


def test_passive_killing_in_raid_has_nationality_actor():
    doc = make_doc(
        "قتل قاسم سليماني في غارة أمريكية قرب مطار بغداد.",
        [("قاسم سليماني", "PER"), ("مطار بغداد", "LOC")],
    )
    event = only(extract_events(doc, REF, learned=False), "ASSAULT")
    assert texts(event.targets) == ("قاسم سليماني",)
    assert codes(event.targets) == ("IRNMIL",)  # from the actor dictionary
    assert codes(event.actors) == ("USA",)


def test_verbal_noun_with_and_conjoined_patients():
    doc = make_doc(
        "لقاء الكاظمي مع ماكغورك تناول ملف القوات.", [("الكاظمي", "PER"), ("ماكغورك", "PER")]
    )
    event = only(extract_events(doc, REF, learned=False), "CONSULT")
    assert texts(event.actors) == ("الكاظمي",) and texts(event.targets) == ("ماكغورك",)
    doc = make_doc(
        "أثار اغتيال سليماني والمهندس غضبا واسعا.", [("سليماني", "PER"), ("المهندس", "PER")]
    )
    event = only(extract_events(doc, REF, learned=False), "ASSAULT")
    assert texts(event.targets) == ("سليماني", "المهندس") and event.actors == ()


@pytest.mark.parametrize(
    "text, kind, mode",
    [
        ("سيستقبل بايدن الكاظمي في واشنطن.", "CONSULT", "future"),
        ("من المقرر أن يزور الكاظمي واشنطن.", "CONSULT", "future"),
        ("لم يلتق الكاظمي بايدن.", "CONSULT", "negated"),
        ("لن تنسحب القوات الأميركية من العراق.", "RETREAT", "negated"),
        ("نفى المتحدث أن يكون الكاظمي قد التقى بايدن.", "CONSULT", "negated"),
        ("قد تفرض واشنطن عقوبات على طهران.", "SANCTION", "hypothetical"),
        ("إذا هاجمت الفصائل السفارة فإن الرد سيكون قاسيا.", "ASSAULT", "hypothetical"),
        ("اتهمت طهران واشنطن بالتدخل.", "ACCUSE", "asserted"),
    ],
)
def test_modes(text, kind, mode):
    mentions = [
        (n, "PER" if n in ("بايدن", "الكاظمي") else "LOC")
        for n in ("بايدن", "الكاظمي", "واشنطن", "طهران", "العراق", "السفارة")
        if n in text
    ]
    assert only(extract_events(make_doc(text, mentions), REF), kind).mode == mode


def test_future_event_without_own_date_is_undated_and_dated_one_uses_time():
    text = "سيستقبل بايدن الكاظمي في واشنطن في 26 يوليو."
    at = text.index("26 يوليو")
    times = [TimeExpr(at, at + len("26 يوليو"), "26 يوليو", "2021-07-26", granularity="day")]
    doc = make_doc(text, [("بايدن", "PER"), ("الكاظمي", "PER"), ("واشنطن", "LOC")], times=times)
    assert only(extract_events(doc, REF), "CONSULT").date == "2021-07-26"
    doc = make_doc("سيستقبل بايدن الكاظمي في واشنطن.", [("بايدن", "PER"), ("الكاظمي", "PER")])
    assert only(extract_events(doc, REF), "CONSULT").date is None


@pytest.mark.parametrize(
    "text",
    [
        "التقى الفريقان في نهائي الكأس.",
        "شهدت البورصة هجوما من المستثمرين على أسهم البنوك.",
        "قال المحلل إن العلاقات بين البلدين تمر بمرحلة حساسة.",
        "طالبت الحكومة بدعم المزارعين.",  # لدعم/بدعم is a noun: no SUPPORT verb
    ],
)
def test_no_political_event(text):
    events = extract_events(make_doc(text, []), REF)
    assert [e.type for e in events if e.type != "REQUEST"] == []


def test_topic_noun_is_not_a_second_event():
    doc = make_doc("أدان الكاظمي الهجوم على السفارة.", [("الكاظمي", "PER"), ("السفارة", "LOC")])
    assert [e.type for e in extract_events(doc, REF, learned=False)] == ["ACCUSE"]
    doc = make_doc("طالب البرلمان بانسحاب القوات الأجنبية.", [("البرلمان", "ORG")])
    assert [e.type for e in extract_events(doc, REF, learned=False)] == ["REQUEST"]


def test_trigger_inside_a_name_is_ignored():
    doc = make_doc(
        "اشتبكت قوات الدعم السريع مع الجيش السوداني.",
        [("قوات الدعم السريع", "ORG"), ("الجيش السوداني", "ORG")],
    )
    event = only(extract_events(doc, REF, learned=False), "ASSAULT")
    assert [e.type for e in extract_events(doc, REF, learned=False)] == ["ASSAULT"]
    assert texts(event.actors) == ("قوات الدعم السريع",) and texts(event.targets) == ("الجيش السوداني",)


def test_actor_codes_from_roles_adjectives_and_dictionary():
    assert actor_code("مصطفى الكاظمي", "رئيس الوزراء العراقي") == "IRQGOV"
    assert actor_code("جو بايدن", "الرئيس الأميركي") == "USAGOV"
    assert actor_code("الحرس الثوري", None, "الإيراني", "ORG") == "IRNMIL"
    assert actor_code("البيت الأبيض", None, "", "ORG") == "USAGOV"
    assert actor_code("الكاظمي") is None  # not the Baghdad district الكاظمية (IRQ)
    assert lemma_key("الأميركيين") == "اميركي"


def test_lexicon_covers_every_plover_type():
    types = {t.type for bucket in load_lexicon().triggers.values() for t in bucket}
    assert types == {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }


def _meeting_doc(doc_id: str, text: str, published_day: str) -> Doc:
    doc = make_doc(
        text,
        [
            ("الكاظمي", "PER", None, "E1"),
            ("ماكغورك", "PER", None, "E2"),
            ("بغداد", "LOC", None, "E3"),
        ],
        doc_id=doc_id,
    )
    return replace(doc, events=tuple(extract_events(doc, date.fromisoformat(published_day))))


def test_merge_across_articles_acled_rule():
    a = _meeting_doc("a", "التقى الكاظمي ماكغورك في بغداد.", "2021-07-15")
    b = _meeting_doc("b", "الكاظمي يلتقي ماكغورك في بغداد.", "2021-07-15")
    c = _meeting_doc("c", "التقى الكاظمي ماكغورك في بغداد.", "2021-07-20")  # another day
    merged = merge_events([b, a, c])
    consult = [e for e in merged if e.type == "CONSULT"]
    assert sorted(e.articles for e in consult) == [("a", "b"), ("c",)]
    assert merge_events([a, b, c]) == merged  # order of docs does not matter
    assert all(e.id.startswith("ev_") for e in merged)
    first = next(e for e in consult if e.articles == ("a", "b"))
    record = plover_record(first, "story1")
    assert record["event_type"] == "CONSULT" and record["mentions"] == 2
    assert record["actor"] == ["E1"] and record["recipient"] == ["E2"]
    assert record["event_date"] == "2021-07-15" and record["story_id"] == "story1"


def test_same_event_month_vs_day_and_type():
    e = Event(
        type="ASSAULT",
        trigger="قصف",
        actors=sides("E1"),
        targets=sides(),
        location=None,
        date="2021-06-27",
        sentence="",
    )
    assert same_event(e, replace(e, date="2021-06", actors=sides("E1", "E9")))
    assert not same_event(e, replace(e, date="2021-07"))
    assert not same_event(e, replace(e, type="COERCE"))
    assert not same_event(e, replace(e, actors=sides("E5")))


def test_merge_needs_more_than_a_shared_city():
    e = Event(type="CONSULT", trigger="التقى", actors=sides("E1"), targets=sides("E2"), location="بغداد",
              date="2021-07-15", sentence="", date_stated=True)
    other_meeting = replace(e, actors=sides("E7"), targets=sides("E8"))
    # Two meetings in Baghdad on one day, with other people in them, are two events ...
    assert not same_event(e, other_meeting)
    # ... but a report of that day and place that names nobody joins (ACLED's place rule),
    assert same_event(e, replace(e, actors=sides(), targets=sides()))
    # not when the day is only the page's publication date standing in,
    assert not same_event(e, replace(e, actors=sides(), targets=sides(), date_stated=False))
    # nor between undated reports, which have no day to share.
    undated = replace(e, date=None)
    assert not same_event(undated, replace(undated, actors=sides(), targets=sides()))
    # One shared capital as a participant is weak; a shared person or two shared places is not.
    a = replace(e, actors=sides("WASH"), targets=sides("E2"))
    assert not same_event(a, replace(e, actors=sides("WASH"), targets=sides("E9")), frozenset({"WASH"}))
    assert same_event(a, replace(e, actors=sides("WASH"), targets=sides("E2")), frozenset({"WASH"}))
    assert same_event(replace(e, actors=sides("BAGH", "WASH"), targets=sides()),
                      replace(e, actors=sides("WASH", "BAGH"), targets=sides("E3")), frozenset({"WASH", "BAGH"}))


def test_merged_place_is_the_most_reported_and_most_specific():
    text_a = "التقى الكاظمي ماكغورك في بغداد."
    text_b = "التقى الكاظمي ماكغورك في العراق."
    text_c = "التقى الكاظمي ماكغورك في العراق."
    docs = []
    for doc_id, text in (("a", text_a), ("b", text_b), ("c", text_c)):
        place = "بغداد" if "بغداد" in text else "العراق"
        doc = make_doc(text, [("الكاظمي", "PER", None, "E1"), ("ماكغورك", "PER", None, "E2"),
                              (place, "LOC")], doc_id=doc_id)
        docs.append(replace(doc, events=tuple(extract_events(doc, REF))))
    merged = [e for e in merge_events(docs) if e.type == "CONSULT"]
    assert len(merged) == 1 and merged[0].articles == ("a", "b", "c")
    # Baghdad is in Iraq: the two Iraq reports agree with it, and the city is more precise.
    assert merged[0].location == "بغداد"


def test_a_place_among_the_actors_is_not_the_location():
    text = "وجرى خلال اللقاء بحث الحوار بين بغداد وواشنطن."
    doc = make_doc(text, [("بغداد", "LOC"), ("واشنطن", "LOC")])
    events = [e for e in extract_events(doc, REF, learned=False) if e.type == "CONSULT"]
    assert events and all(e.location not in refs(e.actors) for e in events)


def test_benchmark_reports_speed():
    doc = make_doc("التقى الكاظمي ماكغورك في بغداد. ارتفعت الأسعار.", [("الكاظمي", "PER")])
    result = benchmark_events([doc] * 5)
    assert result["sentences"] == 10 and result["events"] == 5


@pytest.mark.parametrize(("text", "protest"), [
    ("تجمع مئات المتظاهرين أمام مبنى المحافظة مطالبين بإقالة المحافظ.", True),
    ("واحتشد آلاف المحتجين في الساحة الرئيسية للمدينة.", True),
    ("وأقفل شبان غاضبون الطريق الدولي بالإطارات المشتعلة.", True),
    ("وقطع مزارعون الطرق المؤدية إلى العاصمة بجراراتهم.", True),
    ("وخرج آلاف المتظاهرين إلى شوارع العاصمة.", True),
    # gathering without protesters, blocking "the way" in a figure of speech, a beheading
    ("تجمع أعضاء النادي في القاعة لحضور الحفل السنوي.", False),
    ("ومن شأن الاتفاق أن يقطع الطريق على أي تقارب بين الطرفين.", False),
    ("وقطع المسلحون رأسه على الطريقة نفسها.", False),
])
def test_protest_triggers_need_a_crowd_or_a_road(text: str, protest: bool) -> None:
    """Gatherings are protests when protesters, placards or demands come with them;
    blocking roads is PROTEST in PLOVER (the Arabic event gold standard's convention)."""
    events = extract_events(make_doc(text, []), REF, learned=False)
    assert any(e.type == "PROTEST" for e in events) is protest, [(e.type, e.trigger) for e in events]

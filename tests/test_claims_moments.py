"""Claims compare like with like (issue 21, round 11): false conflicts read on SaudiNewsNet
development days (2015-08-09/10/11, labels/claims/), on short news texts composed here in the
same shapes. Each test also keeps what must stay: a real disagreement, a sum, a decision."""

from __future__ import annotations

import dataclasses

from story_docs import make_doc

from marsad.extract.quantities import extract_quantities
from marsad.stories.claims import quantity_claims


def percents(doc):
    return dataclasses.replace(doc, quantities=tuple(dataclasses.replace(q, is_percent=True, unit=None)
                                                     for q in doc.quantities))


def rows(*docs):
    return {tuple(sorted(x.value for x in c.values)): c for c in quantity_claims(list(docs))}


def test_a_figure_whose_digits_the_page_lost_is_no_count():
    assert [q.value for q in extract_quantities("وأعلن النادي أنه أنفق ???? مليون ريال لسداد الرواتب")] == []
    assert [q.value for q in extract_quantities("وأعلن النادي أنه أنفق 27.2 مليون ريال لسداد الرواتب")] == [27.2e6]
    assert [q.value for q in extract_quantities("هل يعود؟ 5 لاعبين غابوا عن التدريب")] == [5.0]


def test_counts_apart_from_in_addition_to_are_not_summed_but_a_split_count_is():
    # a prize for each team, then "إضافة إلى" another prize: two sums, not one of 20,000
    a = make_doc("a", "ومنح الاتحاد كل فريق مكافأة قدرها خمسة آلاف ريال إضافة إلى منح صاحب المركز الأول "
                      "مكافأة قدرها 15 ألف ريال.", outlet="الأولى",
                 quantities=(("خمسة آلاف ريال", 5000, "exact", "ريال", "ريال"),
                             ("15 ألف ريال", 15000, "exact", "ريال", "ريال")))
    b = make_doc("b", "وخصص الاتحاد لصاحب المركز الأول مكافأة قدرها 15 ألف ريال.", outlet="الثانية",
                 quantities=(("15 ألف ريال", 15000, "exact", "ريال", "ريال"),))
    found = rows(a, b)
    assert not any(20000.0 in values for values in found)
    assert list(found) == [(15000.0,)] and found[(15000.0,)].agree
    # one count split by kind right before "بالإضافة إلى" is still their sum (8 + 17 = 25, vs 50)
    c = make_doc("c", "ونفذت ثماني هجمات بطائرات مسيرة منذ يناير، بالإضافة إلى 17 هجوما صاروخيا.", outlet="الأولى",
                 quantities=(("ثماني هجمات", 8, "exact", "هجوم", "هجمات"), ("17 هجوما", 17, "exact", "هجوم", "هجوما")))
    d = make_doc("d", "ونفذ 50 هجوما منذ بداية العام.", outlet="الثانية",
                 quantities=(("50 هجوما", 50, "exact", "هجوم", "هجوما"),))
    summed = rows(c, d)
    assert list(summed) == [(25.0, 50.0)] and not summed[(25.0, 50.0)].agree


def test_a_price_s_move_in_percent_is_a_market_moment_but_a_rate_decision_stays():
    a = percents(make_doc("a", "وذكر التقرير أن أسعار النفط ارتفعت بنسبة 45.5 في المائة خلال النصف الأول من العام.",
                 outlet="الأولى", quantities=(("45.5 في المائة", 45.5, "exact", "%", None),)))
    b = percents(make_doc("b", "وفي الثالث من الشهر انخفضت أسعار النفط بنسبة 5.2 في المائة بعد بيانات الصين.",
                 outlet="الثانية", quantities=(("5.2 في المائة", 5.2, "exact", "%", None),)))
    assert rows(a, b) == {}
    c = percents(make_doc("c", "ورفع البنك المركزي أسعار الفائدة بواقع 2 بالمئة في اجتماعه.", outlet="الأولى",
                 quantities=(("2 بالمئة", 2, "exact", "%", None),)))
    e = percents(make_doc("e", "وقرر البنك المركزي رفع أسعار الفائدة بواقع 3 بالمئة في اجتماعه.", outlet="الثانية",
                 quantities=(("3 بالمئة", 3, "exact", "%", None),)))
    hikes = rows(c, e)
    assert list(hikes) == [(2.0, 3.0)] and not hikes[(2.0, 3.0)].agree


def test_a_count_its_clause_dates_weeks_before_is_an_earlier_happening():
    # July's toll recalled in an article of August is not the day's toll
    a = make_doc("a", "وكان الهجوم الذي وقع في 20 يوليو قد أوقع 32 قتيلا في المدينة.", outlet="الأولى",
                 published="2015-08-11", quantities=(("32 قتيلا", 32, "exact", "قتيل", "قتيلا"),),
                 times=(("20 يوليو", "2015-07-20"),))
    b = make_doc("b", "وأسفر الهجومان عن سقوط ستة قتلى في صفوف الشرطة.", outlet="الثانية", published="2015-08-11",
                 quantities=(("ستة قتلى", 6, "exact", "قتيل", "قتلى"),))
    assert all(c.agree for c in quantity_claims([a, b]))
    # a count dated yesterday is the day's count: 6 against 8 is a real disagreement
    c = make_doc("c", "وأسفر الهجومان أمس عن سقوط ثمانية قتلى في صفوف الشرطة.", outlet="الثالثة",
                 published="2015-08-11", quantities=(("ثمانية قتلى", 8, "exact", "قتيل", "قتلى"),),
                 times=(("أمس", "2015-08-10"),))
    found = rows(b, c)
    assert list(found) == [(6.0, 8.0)] and not found[(6.0, 8.0)].agree


def test_one_set_of_statements_is_one_row_however_many_topics_it_reads_as():
    # each outlet tells the camp's "4 لقاءات تجريبية" and, later, its "4 لقاءات ودية": one row of 4
    a = make_doc("a", "وخاض الفريق 4 لقاءات تجريبية في المعسكر. وفاز في 4 لقاءات ودية.", outlet="الأولى",
                 quantities=(("4 لقاءات تجريبية", 4, "exact", "لقاء", "لقاءات"),
                             ("4 لقاءات ودية", 4, "exact", "لقاء", "لقاءات")))
    b = make_doc("b", "ولعب الفريق 4 لقاءات تجريبية في المعسكر. وكسب 4 لقاءات ودية.", outlet="الثانية",
                 quantities=(("4 لقاءات تجريبية", 4, "exact", "لقاء", "لقاءات"),
                             ("4 لقاءات ودية", 4, "exact", "لقاء", "لقاءات")))
    assert [sorted(v.value for v in c.values) for c in quantity_claims([a, b])] == [[4.0]]
    # the same weight spelled كيلوجرام and كيلوغرام is one counted noun
    c = make_doc("c", "وضبطت الشرطة 120 كيلوجراما من المخدرات.", outlet="الأولى",
                 quantities=(("120 كيلوجراما", 120, "exact", "كيلوجرام", "كيلوجراما"),))
    d = make_doc("d", "وضبطت الشرطة 120 كيلوغراما من المخدرات.", outlet="الثانية",
                 quantities=(("120 كيلوغراما", 120, "exact", "كيلوغرام", "كيلوغراما"),))
    assert len(quantity_claims([c, d])) == 1


def test_the_span_of_a_price_record_is_a_market_moment_a_contract_span_is_a_claim():
    """Round 15 (SaudiNewsNet 2015-08-06/07/08): crude "at its lowest in four months" and
    gasoline "at its lowest in seven months" were a conflict of months."""
    crude = make_doc("a", "وهبط الخام إلى أدنى مستوى له في أربعة أشهر ونصف.", outlet="الأولى",
                     quantities=(("أربعة أشهر", 4, "exact", "شهر", "أشهر"),))
    gasoline = make_doc("b", "وهبطت عقود البنزين إلى أدنى مستوياتها في سبعة أشهر ونصف.", outlet="الثانية",
                        quantities=(("سبعة أشهر", 7, "exact", "شهر", "أشهر"),))
    assert rows(crude, gasoline) == {}
    a = make_doc("a", "ووقع اللاعب عقدا مع النادي لمدة أربعة أشهر تجريبية.", outlet="الأولى",
                 quantities=(("أربعة أشهر", 4, "exact", "شهر", "أشهر"),))
    b = make_doc("b", "ووقع اللاعب عقدا مع النادي لمدة سبعة أشهر تجريبية.", outlet="الثانية",
                 quantities=(("سبعة أشهر", 7, "exact", "شهر", "أشهر"),))
    assert not rows(a, b)[(4.0, 7.0)].agree

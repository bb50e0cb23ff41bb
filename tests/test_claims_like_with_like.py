"""Claims compare like with like (issue 21, part 3): false conflicts read on real SaudiNewsNet
days (labels/claims/), on short news texts composed here in the same shapes. Each test also
keeps a real disagreement, or an agreement, that must stay."""

from __future__ import annotations

from story_docs import make_doc

from marsad.model import ClaimValue
from marsad.stories.claims import quantity_claims, values_agree


def said(value: float, text: str, bound: str = "exact") -> ClaimValue:
    return ClaimValue(value, ("x",), bound, text)


def rows(*docs):
    return {tuple(sorted(x.value for x in c.values)): c for c in quantity_claims(list(docs))}


def test_one_figure_written_two_ways_agrees():
    # "50ر62" (the Arabic decimal mark, parts in reverse) printed by another page as 50.62
    assert values_agree(said(62.5e6, "50ر62 مليون يورو"), said(50.62e6, "50.62 مليون يورو"))
    # a page that prints decimals in reverse, and a dot that marks thousands
    assert values_agree(said(2.1, "2.1 فرنك"), said(1.2, "1,2 فرنك"))
    assert values_agree(said(614.196, "614.196 طنا"), said(614196.0, "614196 طنا"))
    # one figure rounded to the digits it is written with
    assert values_agree(said(2.2e12, "2.2 تريليون دولار"), said(2.23e12, "2.23 تريليون دولار"))
    assert values_agree(said(147e3, "147 ألف متر مكعب"), said(147080.0, "147080 متر مكعب"))
    # figures that differ stay apart: a digit more than rounding, counts of people, words
    assert not values_agree(said(2.3e12, "2.3 تريليون دولار"), said(2.23e12, "2.23 تريليون دولار"))
    assert not values_agree(said(12, "12 قتيلا"), said(13, "13 قتيلا"))
    assert not values_agree(said(38, "38 طفلا"), said(83, "83 طفلا"))
    assert not values_agree(said(10e6, "عشرة ملايين متر"), said(9e6, "تسعة ملايين متر"))


def test_scores_and_reference_numbers_are_not_counts_but_a_range_s_end_is():
    a = make_doc("a", "فاز المنتخب في الشوط الثاني 25 - 18 بعد أن خسر الأول. ويبني المقاول 8-10 مدارس في المنطقة.",
                 outlet="الأولى", quantities=(("18", 18, "exact", "بعد", "بعد"), ("10 مدارس", 10, "exact", "مدرسة", "مدارس")))
    b = make_doc("b", "وعاد المنتخب في الشوط الثاني ليفوز 25-22 بعد خسارته الأول. ويشمل العقد بناء 8-10 مدارس.",
                 outlet="الثانية", quantities=(("22", 22, "exact", "بعد", "بعد"), ("10 مدارس", 10, "exact", "مدرسة", "مدارس")))
    found = rows(a, b)
    assert list(found) == [(10.0,)] and found[(10.0,)].agree


def test_a_figure_compared_with_is_not_the_level():
    a = make_doc("a", "بلغ عدد العمليات خلال الشهر 99.5 مليون عملية مقارنة بـ 82.9 مليون عملية قبل عام.",
                 outlet="الأولى", quantities=(("99.5 مليون", 99.5e6, "exact", "عملية", "عملية"),
                                               ("82.9 مليون", 82.9e6, "exact", "عملية", "عملية")))
    b = make_doc("b", "سجلت نقاط البيع 91 مليون عملية خلال الشهر نفسه.",
                 outlet="الثانية", quantities=(("91 مليون", 91e6, "exact", "عملية", "عملية"),))
    found = rows(a, b)
    assert list(found) == [(91e6, 99.5e6)]  # the month's figures differ; last year's is apart
    assert not found[(91e6, 99.5e6)].agree


def test_the_figure_a_level_replaces_is_not_that_level():
    """Round 15 (SaudiNewsNet 2015-08-07): "97 سفينة يوميا بدلا من 49 سفينة" against 97 alone."""
    a = make_doc("a", "وسترتفع طاقة الممر إلى 60 شاحنة يوميا بدلا من 35 شاحنة يوميا العام الماضي.",
                 outlet="الأولى", quantities=(("60 شاحنة", 60, "exact", "شاحنة", "شاحنة"),
                                               ("35 شاحنة", 35, "exact", "شاحنة", "شاحنة")))
    b = make_doc("b", "وقالت الهيئة إن الممر سيستقبل 65 شاحنة يوميا.", outlet="الثانية",
                 quantities=(("65 شاحنة", 65, "exact", "شاحنة", "شاحنة"),))
    found = rows(a, b)
    assert list(found) == [(60.0, 65.0)] and not found[(60.0, 65.0)].agree  # the new levels still differ


def test_a_rate_per_period_is_not_a_total():
    a = make_doc("a", "وتخطط الشركة لبيع 50 ألف سيارة سنويا، وباعت 11 ألفا و532 سيارة في الربع الثاني.",
                 outlet="الأولى", quantities=(("50 ألف", 50e3, "exact", "سيارة", "سيارة"),
                                               ("11 ألفا و532", 11532, "exact", "سيارة", "سيارة")))
    b = make_doc("b", "باعت الشركة 11 ألفا و532 سيارة في الربع الثاني من العام.",
                 outlet="الثانية", quantities=(("11 ألفا و532", 11532, "exact", "سيارة", "سيارة"),))
    found = rows(a, b)
    assert list(found) == [(11532.0,)] and found[(11532.0,)].agree  # the rate stands apart


def test_the_sources_who_told_it_are_not_a_count_of_the_happening():
    a = make_doc("a", "وذكر مصدران أمنيان أن حصيلة الضحايا بلغت 27 قتيلا.", outlet="الأولى",
                 quantities=(("مصدران", 2, "exact", "مصدر", "مصدران"), ("27", 27, "exact", "قتيل", "قتيلا")))
    b = make_doc("b", "وذكرت ثلاثة مصادر في الشرطة أن حصيلة الضحايا بلغت 20 قتيلا.", outlet="الثانية",
                 quantities=(("ثلاثة", 3, "exact", "مصدر", "مصادر"), ("20", 20, "exact", "قتيل", "قتيلا")))
    found = rows(a, b)
    assert list(found) == [(20.0, 27.0)] and not found[(20.0, 27.0)].agree  # the toll differs, for real

"""False conflicts found by reading the claims of a real SaudiNewsNet day (2015-08-10,
labels/claims/), on news texts composed here in the same shape, run through the whole
pipeline as `marsad analyze` runs it, then compared as one story. Each story also states one
real disagreement that must stay a conflict."""

from __future__ import annotations

import pytest
from composed_stories import analysed_stories

from marsad.extract.quantities import extract_quantities
from marsad.model import Claim, Doc
from marsad.stories.claims import story_claims

STORIES = {
    # Two clashes in two cities: their tolls are two counts, not one count in conflict.
    "places": [
        ("الأولى", "قتل 14 مسلحا في اشتباكات مع القوات الحكومية في مدينة حمص وسط البلاد، بحسب مصادر محلية. "
                   "وأصيب سبعة جنود في الاشتباكات."),
        ("الثانية", "قتل نحو 20 مسلحا في معارك عنيفة قرب مدينة حلب شمال البلاد. وأصيب تسعة جنود في المعارك "
                    "بحسب بيان عسكري."),
    ],
    # Spans of time said of different things (an injury's length, a gap between matches, an age).
    "durations": [
        ("الأولى", "أعلن النادي أن مهاجمه تعرض لإصابة تبعده عن الملاعب لمدة 15 يوما، ويغيب عن مباراة الكأس. "
                   "ويبلغ اللاعب من العمر 25 عاما."),
        ("الثانية", "يغيب مهاجم النادي عن مباراة الكأس بسبب الإصابة، وتقام مباراة الإياب بعدها بثلاثة أيام. "
                    "ووقع اللاعب عقدا مدته عامان."),
    ],
    # Those displaced and those injured by one storm are two counts, though a count that
    # says nothing of its role (the province's people) could go with either.
    "roles": [
        ("الأولى", "ضرب الإعصار المقاطعة الساحلية التي يسكنها 1.2 مليون شخص مساء السبت، وأدى إلى نزوح أكثر "
                   "من 90 ألف شخص. وقالت السلطات إن فرق الإنقاذ تواصل البحث عن المفقودين في القرى المتضررة."),
        ("الثانية", "أسفر الإعصار الذي ضرب المقاطعة الساحلية عن إصابة 310 أشخاص على الأقل، وتسبب في نزوح نحو 90 "
                    "ألف شخص من منازلهم. وأعلنت الحكومة حالة الطوارئ في المقاطعة لمدة أسبوع."),
    ],
    # Civil-service ranks are labels, a number's parts after "و" belong to it, and the state
    # before a change ("من ... إلى") is not the state after it.
    "numbers": [
        ("الأولى", "وافق المجلس على تعيين المهندس سامي العمري بالمرتبة الخامسة عشرة بأمانة المنطقة. وعبرت القناة "
                   "أمس 40 سفينة بحمولات بلغت مليون و 300 ألف طن، لترتفع الطاقة الاستيعابية للمحطة من 60 ألف متر "
                   "مكعب إلى 140 ألف متر مكعب."),
        ("الثانية", "وافق المجلس على تعيين المهندس سامي العمري بالمرتبة 15 بأمانة المنطقة. وعبرت القناة أمس 40 "
                    "سفينة بحمولات بلغت 1.3 مليون طن، لترتفع الطاقة الاستيعابية للمحطة إلى 150 ألف متر مكعب."),
    ],
    # One event dated from "أمس" in one outlet and from "اليوم" in another (each counted from
    # its own day), and a meeting both outlets put on a Tuesday: neither is a date conflict.
    "deictic": [
        ("الأولى", "الرياض - وافق مجلس الوزراء أمس على تنظيم الهيئة العامة للنقل. وتعقد لجنة النقل الخليجية "
                   "اجتماعها السادس يوم غد الثلاثاء في الرياض."),
        ("الثانية", "الرياض - وافق مجلس الوزراء اليوم على تنظيم الهيئة العامة للنقل. وتعقد لجنة النقل الخليجية "
                    "اجتماعها السادس الثلاثاء المقبل في الرياض."),
    ],
    # One toll that one outlet dates Sunday and another Monday: a real date conflict, read
    # from the sentence's weekday, not from "اليوم" in a website's name before it.
    "weekdays": [
        ("الثانية", "القاهرة - صرح المتحدث باسم وزارة الصحة لموقع عين اليوم بأنه توفي 21 شخصا من كبار السن ونقل 66 "
                    "آخرون إلى المستشفيات اليوم الاثنين بسبب موجة الحر. ودعت الوزارة المواطنين إلى تجنب الشمس."),
        ("الأولى", "القاهرة - توفي 21 شخصا من كبار السن ونقل 66 آخرون إلى المستشفيات الأحد بسبب موجة الحر "
                   "التي تضرب البلاد. وقالت هيئة الأرصاد إن الحرارة ستنخفض نهاية الأسبوع."),
    ],
    # All the jobs a chamber offers, and the jobs of one hospital among them, each told in
    # its own words: two counts of one story, not one count told two ways.
    "parts": [
        ("الأولى", "تستأنف غرفة التجارة نشاطها التوظيفي بعد عطلة العيد، إذ تبلغ إجمالي الوظائف المتاحة في منشآت "
                   "القطاع الخاص 413 وظيفة للجنسين. وتجرى المقابلات في مقر الغرفة."),
        ("الثانية", "يستقبل الفرع النسائي يوم الأربعاء الراغبات في شغل 15 وظيفة لدى مستشفى أهلي بمسمى "
                    "أخصائية تغذية. وتشترط المنشأة شهادة جامعية."),
    ],
    # One man's age given two ways is a conflict; his wife's age is another count.
    "ages": [
        ("الأولى", "توفي فجر أمس الشاب محمد عبد الله (32 عاما) متأثرا بجروحه التي أصيب بها في حريق منزله بقرية دوما، "
                   "فيما ترقد زوجته فاطمة علي (27 عاما) في المستشفى. وشيع المئات جثمانه ظهر أمس."),
        ("الثانية", "توفي فجر أمس الشاب محمد عبد الله، 38 عاما، متأثرا بجروحه التي أصيب بها في حريق منزله بقرية دوما. "
                    "وشيع المئات جثمانه ظهر أمس في القرية."),
    ],
    # A week's passengers and the rise on the week before: a level and a difference.
    "change": [
        ("الأولى", "أبها - بلغ عدد المسافرين عبر مطار أبها الأسبوع الماضي 98 ألف مسافر، وفق إدارة المطار. وتوقع "
                   "مدير المطار أن تستمر الحركة في التزايد."),
        ("الثانية", "أبها - شهد مطار أبها الأسبوع الماضي حركة مسافرين متزايدة بزيادة 272 مسافرا عن الأسبوع الذي "
                    "سبقه، وفق إدارة المطار. وأضاف المدير أن الحركة ستتزايد."),
    ],
    # A chain of leads, each close to the next, joins a cabinet's approval (Sunday) and a
    # speaker's demand (Monday) that share few words: two happenings, not one in conflict.
    "chain": [
        ("الأولى", "وافق مجلس الوزراء العراقي في جلسة استثنائية يوم الأحد على حزمة إصلاحات رئيس الحكومة. "
                   "وقال المتحدث باسم الحكومة إن الحزمة تشمل إلغاء مناصب عدة."),
        ("الثانية", "وافق مجلس الوزراء العراقي أمس على حزمة إصلاحات رئيس الحكومة، وطالب رئيس مجلس النواب بإقالة "
                    "الوزراء الفاسدين. وقال المتحدث باسم البرلمان إن المجلس سيدعم الحزمة."),
        ("الثالثة", "طالب رئيس مجلس النواب العراقي الاثنين بإقالة الوزراء الفاسدين ومحاسبتهم أمام القضاء. "
                    "وقال إن البرلمان سيعقد جلسة خاصة لمناقشة الملف."),
    ],
}


@pytest.fixture(scope="module")
def docs() -> dict[str, list[Doc]]:
    # the second article of each story is dated five days before the others
    return analysed_stories(STORIES, lambda i: "2024-05-06" if i != 1 else "2024-05-01")


def rows(docs: list[Doc], kind: str = "quantity") -> list[Claim]:
    return [c for c in story_claims(docs) if c.kind == kind]


def values(claim: Claim) -> set[float]:
    return {float(v.value) for v in claim.values}


def test_tolls_in_two_cities_are_not_one_toll_in_conflict(docs):
    assert not any({14.0, 20.0} <= values(c) for c in rows(docs["places"]))


def test_a_real_disagreement_stays_a_conflict(docs):
    wounded = [c for c in rows(docs["places"]) if {7.0, 9.0} <= values(c)]
    assert len(wounded) == 1 and not wounded[0].agree  # 7 vs 9 soldiers wounded, no place either side


def test_bare_spans_of_time_are_not_claims(docs):
    assert not any(values(c) & {15.0, 3.0, 25.0, 2.0} for c in rows(docs["durations"]) if not c.agree)


def test_a_count_without_a_role_does_not_bridge_two_roles(docs):
    for claim in rows(docs["roles"]):
        assert not ({310.0, 90000.0} <= values(claim) or {1200000.0, 90000.0} <= values(claim)), claim
    displaced = [c for c in rows(docs["roles"]) if values(c) == {90000.0}]
    assert displaced and displaced[0].agree


def test_ranks_parts_of_numbers_and_states_before_a_change(docs):
    for claim in rows(docs["numbers"]):
        assert 10.0 not in values(claim) and 300000.0 not in values(claim) and 60000.0 not in values(claim), claim
    tons = [c for c in rows(docs["numbers"]) if 1300000.0 in values(c)]
    assert tons and tons[0].agree
    capacity = [c for c in rows(docs["numbers"]) if 140000.0 in values(c)]
    assert capacity and not capacity[0].agree  # 140 vs 150 thousand: a real disagreement


def test_dates_counted_from_each_article_s_own_day_do_not_conflict(docs):
    assert all(c.agree for c in rows(docs["deictic"], "date"))


@pytest.mark.parametrize("text, expected", [
    ("عين بالمرتبة الخامسة عشرة بأمانة المنطقة", []),
    ("مريض في التاسعة عشرة من عمره", []),
    ("بحمولات بلغت نحو مليونين و 368 ألف طن", [2368000.0]),
    ("وباعت الشركة 11 ألفا و532 سيارة", [11532.0]),
    ("بتكلفة إجمالية بلغت (167) مليون ريال لخدمة أكثر من (36) ألف منزل", [167000000.0, 36000.0]),
    ("انظر الجدول (3) في التقرير", []),
    ("تعرض المجموعة قروضا بقيمة 2ر1 مليار دولار", [1200000000.0]),
    ("وصلت إلى السوق 204.732 عبوة تزن 614.196 طنا", [204732.0, 614.196]),
    ("تستمر العروض من السابعة حتى 11 مساءً", []),
    ("خلف الإعصار ستة قتلى وأربعة آخرين في عداد المفقودين", [6.0, 4.0]),
])
def test_quantities_read_as_the_text_means_them(text, expected):
    found = extract_quantities(text)
    assert [q.value for q in found] == expected
    assert all(q.unit != "قتيل" for q in found if q.value == 4.0)


def test_a_chain_of_close_leads_does_not_make_a_date_conflict(docs):
    assert all(c.agree for c in rows(docs["chain"], "date"))


def test_a_toll_dated_on_two_weekdays_is_a_date_conflict(docs):
    conflicts = [c for c in rows(docs["weekdays"], "date") if not c.agree]
    assert len(conflicts) == 1 and len(conflicts[0].values) == 2


def test_counts_of_a_whole_and_a_part_told_in_their_own_words_do_not_conflict(docs):
    assert all(c.agree for c in rows(docs["parts"]))


def test_one_person_s_age_given_two_ways_is_a_conflict(docs):
    ages = [c for c in rows(docs["ages"]) if values(c) & {32.0, 38.0}]
    assert len(ages) == 1 and values(ages[0]) == {32.0, 38.0} and not ages[0].agree


def test_a_difference_is_not_the_level_it_changes(docs):
    assert all(c.agree for c in rows(docs["change"]))

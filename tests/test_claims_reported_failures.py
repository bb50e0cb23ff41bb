"""The claims failures issue 21 reported on SaudiNewsNet stories, on news texts composed here
in the same shape (two or three outlets of one happening), run through the whole pipeline
(cleaning, numbers, tagger, quotes) as `marsad analyze` runs it, then compared as one story."""

from __future__ import annotations

import pytest
from composed_stories import analysed_stories

from marsad.model import Claim, Doc
from marsad.stories.claims import story_claims

# (outlet, text) of each article of a story; every article is dated 2024-05-06.
STORIES = {
    "troops": [
        ("الرافدين", "تعرضت قاعدة عين الأسد الجوية في محافظة الأنبار غرب العراق مساء الأحد لهجوم بصواريخ "
                     "كاتيوشا، ما أسفر عن إصابة ثلاثة جنود بجروح طفيفة، بحسب مصادر أمنية. ويتمركز في القاعدة "
                     "نحو 2500 جندي من قوات التحالف الدولي. ولم تتبن أي جهة الهجوم حتى الآن."),
        ("الأفق", "أعلنت خلية الإعلام الأمني أن قاعدة عين الأسد في الأنبار تعرضت مساء الأحد لهجوم صاروخي أسفر "
                  "عن إصابة ثلاثة جنود. وقالت الخلية في بيان إن القوات الأمنية عثرت على منصة الإطلاق."),
    ],
    "drones": [
        ("الرافدين", "تعرض مطار أربيل الدولي ليل الأحد لهجوم بعشر طائرات مسيرة مفخخة، وقالت سلطات إقليم كردستان "
                     "إن الدفاعات الجوية أسقطت ثماني طائرات قبل وصولها إلى المطار. ولم يسفر الهجوم عن إصابات."),
        ("الأفق", "استهدفت عشر طائرات مسيرة مطار أربيل الدولي ليل الأحد، بحسب بيان لحكومة إقليم كردستان. "
                  "وأضاف البيان أن الأضرار اقتصرت على مخزن قرب المدرج."),
    ],
    "inflow": [
        ("النيل", "القاهرة - قال مصرفيون إن تدفقات المستثمرين الأجانب على أذون الخزانة المصرية بلغت نحو 50 "
                  "مليون دولار الأحد. وأضافوا أن الجنيه تماسك أمام الدولار في تعاملات اليوم."),
        ("المشرق", "القاهرة - قال وزير المالية المصري الأحد إن الحكومة تستهدف جذب استثمارات أجنبية تصل إلى 5 "
                   "مليارات دولار في أذون الخزانة والسندات خلال العام المقبل. وأشار الوزير إلى تحسن "
                   "مؤشرات الاقتصاد."),
    ],
    "stocks": [
        ("الاقتصادية اليوم", "أغلق مؤشر السوق الرئيسي تعاملات الأحد مرتفعا 45 نقطة عند مستوى 9120 نقطة، بتداولات "
                             "بلغت قيمتها 6.2 مليار ريال. وارتفع سهم الراجحي إلى 78 ريالا، وصعد سهم سابك إلى 95 "
                             "ريالا، فيما تراجع سعر خام برنت إلى 82 دولارا للبرميل. وسجل مؤشر قطاع البنوك 12 "
                             "نقطة مكاسب عند 7650 نقطة."),
        ("السوق نيوز", "ارتفع مؤشر السوق الرئيسي 38 نقطة ليغلق عند 9113 نقطة في نهاية تعاملات الأحد. وأغلق سهم "
                       "الراجحي عند 77.8 ريال، وسهم سابك عند 94 ريالا، بينما بلغ سعر خام برنت 81.5 دولار "
                       "للبرميل. وصعد مؤشر قطاع البنوك إلى 7655 نقطة."),
    ],
    # One minister: a statement that two outlets date a day apart (Tuesday / Wednesday), and
    # another statement of his, on Sunday, about something else.
    "statements": [
        ("الأولى", "عمّان - قال وزير الخارجية الأردني سامر الحديدي الثلاثاء إن بلاده ترفض أي تهجير لسكان القطاع، "
                   "وإن الأردن سيواصل إرسال قوافل المساعدات. وجاءت تصريحات الحديدي خلال مؤتمر صحفي في عمّان مع "
                   "نظيره النرويجي."),
        ("الثانية", "عمّان - قال وزير الخارجية الأردني سامر الحديدي الأحد إن المحادثات مع الجانب العراقي حول الربط "
                    "الكهربائي حققت تقدما كبيرا. وأوضح الحديدي أن الخط الجديد سيدخل الخدمة قبل نهاية العام."),
        ("الثالثة", "عمّان - أكد وزير الخارجية الأردني سامر الحديدي الأربعاء أن بلاده ترفض أي تهجير لسكان القطاع، "
                    "وأن الأردن سيواصل إرسال قوافل المساعدات. وتحدث الحديدي في مؤتمر صحفي مع نظيره النرويجي في عمّان."),
    ],
}


@pytest.fixture(scope="module")
def docs() -> dict[str, list[Doc]]:
    analysed = analysed_stories(STORIES, lambda i: "2024-05-06")
    assert all(d.quantities or d.quotes for ds in analysed.values() for d in ds)  # every article states what is compared
    return analysed


def quantity_rows(docs: list[Doc]) -> list[Claim]:
    return [c for c in story_claims(docs) if c.kind == "quantity"]


def values(claim: Claim) -> set[float]:
    return {float(v.value) for v in claim.values}


def test_soldiers_stationed_are_not_soldiers_wounded(docs):
    rows = quantity_rows(docs["troops"])
    assert not any(values(c) & {2500.0} and values(c) & {3.0} for c in rows), [(c.about, values(c)) for c in rows]
    wounded = [c for c in rows if values(c) == {3.0}]
    assert wounded and wounded[0].agree


def test_drones_shot_down_are_not_among_the_drones_that_attacked(docs):
    rows = quantity_rows(docs["drones"])
    assert not any(8.0 in values(c) for c in rows), [(c.about, values(c)) for c in rows]
    attacked = [c for c in rows if values(c) == {10.0}]
    assert attacked and attacked[0].agree


def test_a_one_day_inflow_does_not_conflict_with_planned_investment(docs):
    rows = quantity_rows(docs["inflow"])
    assert not any(values(c) == {50e6, 5e9} for c in rows), [(c.about, values(c)) for c in rows]
    assert all(c.agree for c in rows)


def test_a_market_close_has_no_claims_of_points_or_prices(docs):
    assert quantity_rows(docs["stocks"]) == []


def test_one_statement_dated_a_day_apart_conflicts_and_another_statement_does_not(docs):
    by_outlet = {d.article.outlet: d.id for d in docs["statements"]}
    conflicts = [c for c in story_claims(docs["statements"]) if c.kind == "date" and not c.agree]
    assert [{v.value: v.articles for v in c.values} for c in conflicts] == [
        {"2024-04-30": (by_outlet["الأولى"],), "2024-05-01": (by_outlet["الثالثة"],)}]  # Tuesday, Wednesday


def test_every_row_has_a_topic(docs):
    assert all(c.about.strip() for story in docs.values() for c in story_claims(story))

from __future__ import annotations

from story_docs import make_doc

from marsad.model import ClaimValue
from marsad.stories.claims import date_claims, quantity_claims, values_agree


def v(value, bound="exact"):
    return ClaimValue(value, ("x",), bound)


def test_bounds():
    assert values_agree(v(3500, "about"), v(3500, "about"))
    assert values_agree(v(10, "more_than"), v(11))
    assert not values_agree(v(50), v(25, "at_least"))
    assert not values_agree(v(12), v(15))
    assert values_agree(v("2023-05-04"), v("2023-05"))
    assert not values_agree(v("2023-05-04"), v("2023-05-03"))


def story():
    a = make_doc("a", "ولا يزال نحو 3500 جندي أجنبي في البلاد، من بينهم 2500 جندي أمريكي. "
                      "ونفذ خمسون هجوما صاروخيا أو بطائرات مسيرة منذ بداية العام.",
                 quantities=(("نحو 3500", 3500, "about", "جندي", "جندي"),
                             ("2500", 2500, "exact", "جندي", "جندي"),
                             ("خمسون", 50, "exact", "هجوم", "هجوما")))
    b = make_doc("b", "ولا يزال حوالي 3500 جندي أجنبي في البلاد بينهم 2500 جندي أميركي. "
                      "ووقعت ما لا يقل عن ثماني هجمات بطائرات مسيرة بالإضافة إلى 17 هجوما صاروخيا.",
                 quantities=(("حوالي 3500", 3500, "about", "جندي", "جندي"),
                             ("2500", 2500, "exact", "جندي", "جندي"),
                             ("ما لا يقل عن ثماني", 8, "at_least", "هجوم", "هجمات"),
                             ("17", 17, "exact", "هجوم", "هجوما")))
    return [a, b]


def test_quantity_claims_group_the_same_count_and_mark_agreement():
    claims = {tuple(sorted(str(x.value) for x in c.values)): c for c in quantity_claims(story())}
    foreign = claims[("3500.0",)]
    assert foreign.agree and foreign.values[0].articles == ("a", "b")
    assert foreign.values[0].bound == "about"
    american = claims[("2500.0",)]  # أمريكي / أميركي spellings are one thing
    assert american.agree and american.values[0].articles == ("a", "b")
    attacks = claims[("25.0", "50.0")]  # 8 + 17 summed in article b
    assert not attacks.agree
    summed = next(x for x in attacks.values if x.value == 25.0)
    assert summed.bound == "at_least" and "+" in summed.text


def test_foreign_and_american_soldiers_are_different_things():
    claims = quantity_claims(story())
    for c in claims:
        assert {x.value for x in c.values} != {3500.0, 2500.0}


def test_single_article_values_are_not_claims():
    assert quantity_claims(story()[:1]) == []


def test_dates_of_the_same_statement_conflict():
    a = make_doc("a", "والأربعاء، قال المبعوث الخاص جون ميلر إن المحادثات ستستأنف الأسبوع المقبل.",
                 mentions=(("جون ميلر", "PER", "P1"),), times=(("الأربعاء", "2023-05-03"),))
    b = make_doc("b", "وأول من أمس الثلاثاء، أكد المبعوث جون ميلر أن المحادثات ستستأنف قريبا.",
                 mentions=(("جون ميلر", "PER", "P1"),), times=(("أول من أمس الثلاثاء", "2023-05-02"),))
    import dataclasses

    from marsad.extract.quotes import extract_quotes
    docs = [dataclasses.replace(d, quotes=tuple(extract_quotes(d))) for d in (a, b)]
    (claim,) = date_claims(docs)
    assert claim.kind == "date" and not claim.agree
    assert {x.value: x.articles for x in claim.values} == {"2023-05-02": ("b",), "2023-05-03": ("a",)}

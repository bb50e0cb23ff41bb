"""Claims tell items apart (issue 21, round 14): the shapes of the false conflicts left on
SaudiNewsNet 2015-08-04/10 (a market's sectors and firms' results told as lists, each value
told alike by the outlets that give it; a bank's profit against another firm's provision; a
round "مائة" for a counted 101), on short news texts composed here. Each test also keeps a
real disagreement."""

from __future__ import annotations

from story_docs import make_doc

from marsad.stories.claim_values import stated_bound
from marsad.stories.claims import quantity_claims


def rows(*docs):
    return {tuple(sorted(x.value for x in c.values)): c for c in quantity_claims(list(docs))}


def sectors(doc_id, outlet, moves):
    text = "وتراجعت قطاعات السوق " + "، و".join(f"{name} بنسبة {n}%" for name, n in moves) + "."
    return make_doc(doc_id, text, outlet=outlet, quantities=tuple((f"{n}%", n, "exact", "%", "%") for _, n in moves))


def test_lists_that_share_values_and_differ_in_more_are_items_left_out():
    a = sectors("a", "الأولى", [("المصارف", 1.2), ("التأمين", 0.4), ("الزراعة", 2.3), ("النقل", 0.7)])
    b = sectors("b", "الثانية", [("المصارف", 1.2), ("التأمين", 0.4), ("الإعلام", 3.1), ("الفنادق", 0.9)])
    assert all(c.agree for c in rows(a, b).values())


def screens(doc_id, outlet, sizes):
    text = "وطرحت الشركة شاشتين جديدتين بقياس " + " و".join(f"{n} بوصة" for n in sizes) + "."
    return make_doc(doc_id, text, outlet=outlet,
                    quantities=tuple((f"{n} بوصة", n, "exact", "بوصة", "بوصة") for n in sizes))


def test_lists_one_item_apart_still_disagree_on_that_item():
    found = rows(screens("a", "الأولى", [27, 23.6]), screens("b", "الثانية", [27, 32.6]))
    assert [values for values, row in found.items() if not row.agree] == [(23.6, 27.0, 32.6)]


def test_an_outlet_that_states_both_values_counts_two_things():
    both = make_doc("a", "وأسر الجيش 40 مسلحا في الشمال، و25 مسلحا في الجنوب.", outlet="الأولى",
                    quantities=(("40 مسلحا", 40, "exact", "مسلح", "مسلحا"), ("25 مسلحا", 25, "exact", "مسلح", "مسلحا")))
    one = make_doc("b", "وأسر الجيش 25 مسلحا في عملية أمس.", outlet="الثانية",
                   quantities=(("25 مسلحا", 25, "exact", "مسلح", "مسلحا"),))
    north = make_doc("c", "وأسر الجيش 40 مسلحا في عملية أمس.", outlet="الثالثة",
                     quantities=(("40 مسلحا", 40, "exact", "مسلح", "مسلحا"),))
    assert all(c.agree for c in rows(both, one, north).values())  # 40 and 25 both stand
    assert not rows(one, north)[(25.0, 40.0)].agree  # told by two outlets alone, they differ


def profit(doc_id, outlet, firm, surface, value):
    text = f"وسجلت شركة {firm} صافي أرباح بلغ {surface} في الربع الثاني."
    return make_doc(doc_id, text, outlet=outlet, mentions=((firm, "ORG", f"org-{firm}"),),
                    quantities=((surface, value, "exact", "ريال", "ريال"),))


def test_sums_of_money_of_different_firms_are_two_things():
    found = rows(profit("a", "الأولى", "الأسمدة", "6 مليارات ريال", 6e9),
                 profit("b", "الثانية", "الاتصالات", "800 مليون ريال", 8e8))
    assert not any(not c.agree for c in found.values())
    same_firm = rows(profit("a", "الأولى", "الأسمدة", "6 مليارات ريال", 6e9),
                     profit("c", "الثالثة", "الأسمدة", "5 مليارات ريال", 5e9))
    assert not same_firm[(5e9, 6e9)].agree


def test_a_round_hundred_in_words_is_about_that_many():
    assert stated_bound("مائة طفل", 100, "exact") == "about"
    assert stated_bound("ألف قتيل", 1000, "exact") == "about"
    assert stated_bound("100 طفل", 100, "exact") == "exact"
    assert stated_bound("خمسة مليارات", 5e9, "exact") == "exact"
    assert stated_bound("ثلاثة", 3, "exact") == "exact"
    rounded = make_doc("a", "وحرر الجيش مائة طفل من قبضة المسلحين.", outlet="الأولى",
                       quantities=(("مائة طفل", 100, "exact", "طفل", "طفل"),))
    counted = make_doc("b", "وحرر الجيش 101 طفل من قبضة المسلحين.", outlet="الثانية",
                       quantities=(("101 طفل", 101, "exact", "طفل", "طفل"),))
    assert all(c.agree for c in rows(rounded, counted).values())
    other = make_doc("c", "وحرر الجيش 130 طفلا من قبضة المسلحين.", outlet="الثالثة",
                     quantities=(("130 طفلا", 130, "exact", "طفل", "طفلا"),))
    assert not rows(rounded, other)[(100.0, 130.0)].agree

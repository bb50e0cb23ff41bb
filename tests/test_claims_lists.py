"""Claims compare a part with parts and an item of a list with the same item (issue 21, round
13): the shapes of the false conflicts left on SaudiNewsNet 2015-08-06/07/08 (a total against
its parts, the items of a list of one noun), on short news texts composed here. Each test also
keeps a real disagreement."""

from __future__ import annotations

from story_docs import make_doc

from marsad.stories.claim_values import stated_value
from marsad.stories.claims import quantity_claims


def rows(*docs):
    return {tuple(sorted(x.value for x in c.values)): c for c in quantity_claims(list(docs))}


def reports(doc_id, outlet, text, *figures):
    return make_doc(doc_id, text, outlet=outlet,
                    quantities=tuple((f"{n} بلاغا", n, "exact", "بلاغ", "بلاغا") for n in figures))


def test_a_total_is_compared_with_totals_and_its_parts_with_parts():
    listed = reports("a", "الأولى", "وتلقت الأمانة 594 بلاغا، منها 209 بلاغا عن الصرف الصحي و385 بلاغا عن المياه.",
                     594, 209, 385)
    part_alone = reports("b", "الثانية", "وتلقت الأمانة 385 بلاغا عن تسرب المياه في الأحياء.", 385)
    assert all(c.agree for c in rows(listed, part_alone).values())
    other_total = reports("c", "الثالثة", "وتلقت الأمانة 600 بلاغا، منها 215 بلاغا عن الصرف الصحي و385 بلاغا عن المياه.",
                          600, 215, 385)
    found = rows(listed, other_total)
    assert not found[(594.0, 600.0)].agree  # two totals of one count still disagree
    assert not any(594.0 in values and (209.0 in values or 385.0 in values) for values in found)


def test_a_fee_and_the_parts_it_adds_up_to_are_not_one_fee():
    total = make_doc("a", "وحددت الجامعة رسوم السكن 1500 ريال (1000 ريال للفصل) (500 ريال تأمين).", outlet="الأولى",
                     quantities=(("1500 ريال", 1500, "exact", "ريال", "ريال"), ("1000 ريال", 1000, "exact", "ريال", "ريال"),
                                 ("500 ريال", 500, "exact", "ريال", "ريال")))
    parts = make_doc("b", "وحددت الجامعة رسوم السكن بـ(1000 ريال للفصل الواحد).", outlet="الثانية",
                     quantities=(("1000 ريال", 1000, "exact", "ريال", "ريال"),))
    assert all(c.agree for c in rows(total, parts).values())


def seized(doc_id, outlet, items):
    text = "وتصدر المضبوطات " + "، ثم ".join(f"{name} {n} كيلوغراما" for name, n in items) + "."
    return make_doc(doc_id, text, outlet=outlet,
                    quantities=tuple((f"{n} كيلوغراما", n, "exact", "كيلوغرام", "كيلوغراما") for _, n in items))


def test_the_items_of_a_list_are_each_their_own_thing():
    a = seized("a", "الأولى", [("الأرز", 676), ("السكر", 358), ("الحبوب الكاملة", 312), ("الزيوت", 48)])
    b = seized("b", "الثانية", [("الأرز", 676), ("السكر", 358), ("الحبوب الكاملة", 312), ("الشاي", 70)])
    assert all(c.agree for c in rows(a, b).values())
    c = seized("c", "الثالثة", [("الأرز", 676), ("السكر", 385), ("الحبوب الكاملة", 312), ("الشاي", 70)])
    conflicts = [values for values, row in rows(a, c).items() if not row.agree]
    assert conflicts == [(358.0, 385.0)]  # the sugar, told two ways


def test_one_digit_group_before_billion_is_billions_and_decimals():
    assert stated_value("2,650 مليار درهم", 2650e9) == 2.65e9
    assert stated_value("٢٬٦٥٠ مليار", 2650e9) == 2.65e9
    assert stated_value("860 مليار ريال", 860e9) == 860e9
    assert stated_value("2,650 مليون درهم", 2650e6) == 2650e6  # millions in thousands stay
    assert stated_value("(1.063.837) مليون راكب", 1063837e6) == 1063837

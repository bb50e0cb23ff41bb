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


def _doc(doc_id, text, outlet, quantities):
    return make_doc(doc_id, text, outlet=outlet, quantities=quantities)


def test_soldiers_wounded_are_not_soldiers_stationed():
    a = _doc("a", "ويتمركز في القاعدة نحو 2500 جندي من القوات النظامية. وأسفر الهجوم عن إصابة ثلاثة جنود بجروح.",
             "الأولى", (("نحو 2500", 2500, "about", "جندي", "جندي"), ("ثلاثة", 3, "exact", "جندي", "جنود")))
    b = _doc("b", "أسفر القصف عن إصابة ثلاثة جنود بجروح طفيفة نقلوا إلى المستشفى.",
             "الثانية", (("ثلاثة", 3, "exact", "جندي", "جنود"),))
    claims = quantity_claims([a, b])
    assert [sorted(x.value for x in c.values) for c in claims] == [[3.0]]
    assert claims[0].agree


def test_drones_launched_are_not_drones_shot_down_and_duals_count_two():
    a = _doc("a", "تعرضت القاعدة لهجوم بـ12 طائرة مسيرة. وأسقطت الدفاعات الجوية ثماني طائرات قبل وصولها.",
             "الأولى", (("12", 12, "exact", "طائرة", "طائرة"), ("ثماني", 8, "exact", "طائرة", "طائرات")))
    b = _doc("b", "قال المتحدث إن أكثر من عشرين طائرة مسيرة استهدفت القاعدة وأصيب جنديين في الهجوم.",
             "الثانية", (("أكثر من عشرين", 20, "more_than", "طائرة", "طائرة"),))
    c = _doc("c", "وأسفر الهجوم عن إصابة ثلاثة جنود من حراس القاعدة.", "الثالثة",
             (("ثلاثة", 3, "exact", "جندي", "جنود"),))
    by_values = {tuple(sorted(x.value for x in cl.values)): cl for cl in quantity_claims([a, b, c])}
    assert not by_values[(12.0, 20.0)].agree  # 8 shot down is not among the drones that attacked
    assert not by_values[(2.0, 3.0)].agree  # "جنديين": two soldiers


def test_prices_and_index_levels_are_not_claims():
    a = _doc("a", "أغلق المؤشر عند مستوى 8790 نقطة وارتفع سعر البرميل إلى 50 دولارا.", "الأولى",
             (("8790", 8790, "exact", "نقطة", "نقطة"), ("50", 50, "exact", "دولار", "دولارا")))
    b = _doc("b", "أغلق المؤشر عند مستوى 8800 نقطة وبلغ سعر البرميل 49 دولارا.", "الثانية",
             (("8800", 8800, "exact", "نقطة", "نقطة"), ("49", 49, "exact", "دولار", "دولارا")))
    assert quantity_claims([a, b]) == []


def test_values_of_one_outlet_alone_do_not_conflict():
    a = make_doc("a", "قتل 12 شخصا في الانفجار.", outlet="الأولى", quantities=(("12", 12, "exact", "شخص", "شخصا"),))
    b = make_doc("b", "ارتفع عدد القتلى إلى 15 شخصا في الانفجار.", outlet="الأولى",
                 quantities=(("15", 15, "exact", "شخص", "شخصا"),))
    assert quantity_claims([a, b]) == []  # one outlet updating its own count: no second outlet


def test_two_statements_of_one_speaker_are_not_a_date_conflict():
    a = make_doc("a", "والأربعاء، قال المبعوث جون ميلر إن وفدا فنيا سيزور السدود الثلاثة في الربيع.",
                 mentions=(("جون ميلر", "PER", "P1"),), times=(("الأربعاء", "2023-05-03"),))
    b = make_doc("b", "والأحد، أكد المبعوث جون ميلر أن بلاده تدين قصف الميناء وتطالب بتحقيق دولي.",
                 mentions=(("جون ميلر", "PER", "P1"),), times=(("الأحد", "2023-04-30"),))
    import dataclasses

    from marsad.extract.quotes import extract_quotes
    docs = [dataclasses.replace(d, quotes=tuple(extract_quotes(d))) for d in (a, b)]
    assert [c for c in date_claims(docs) if not c.agree] == []


def test_demo_planted_conflicts_are_found(fixtures_dir):
    """demo/README.md plants four disagreements between outlets; each is a claim in conflict."""
    from marsad.ingest import read_inputs
    from marsad.pipeline import analyze_pages

    analysis = analyze_pages(read_inputs([str(fixtures_dir.parent.parent / "demo")]))
    conflicts = [c for s in analysis.stories for c in s.claims if not c.agree]
    values = [sorted(str(x.value) for x in c.values) for c in conflicts]
    assert ["2.0", "3.0"] in values  # wounded soldiers
    assert any("20.0" in v and "12.0" in v for v in values)  # drones
    assert any("40.0" in v and any(x.startswith("33.3") for x in v) for v in values)  # share of the Euphrates
    assert ["2024-03-12", "2024-03-13"] in values  # Tuesday / Wednesday
    rows = [{x.value for x in c.values} for s in analysis.stories for c in s.claims]
    assert not any({2.0, 27.25} <= row for row in rows)  # the hike is not the deposit rate it leads to
    assert all(c.about.strip() for s in analysis.stories for c in s.claims)


def test_a_total_after_a_count_does_not_take_that_count_s_role():
    # "أسقطت ثماني طائرات من أصل 12": the 12 attacked, they were not all shot down.
    a = _doc("a", "وأعلن الجيش أنه أسقط ثماني طائرات من أصل 12 طائرة مسيرة شاركت في الهجوم.", "الأولى",
             (("ثماني", 8, "exact", "طائرة", "طائرات"), ("12", 12, "exact", "طائرة", "طائرة")))
    b = _doc("b", "تعرضت القاعدة لهجوم بـ12 طائرة مسيرة، واعترضت الدفاعات ثماني طائرات منها.", "الثانية",
             (("12", 12, "exact", "طائرة", "طائرة"), ("ثماني", 8, "exact", "طائرة", "طائرات")))
    by_values = sorted(sorted(x.value for x in c.values) for c in quantity_claims([a, b]))
    assert by_values == [[8.0], [12.0]]
    assert all(c.agree for c in quantity_claims([a, b]))


def test_a_one_day_inflow_is_not_a_planned_investment():
    a = _doc("a", "ضخ مستثمرون أجانب 50 مليون دولار في أدوات الدين خلال يوم واحد. "
                  "وتعتزم الحكومة جذب استثمارات أجنبية تصل إلى خمسة مليارات دولار.", "الأولى",
             (("50 مليون", 50e6, "exact", "دولار", "دولار"), ("خمسة مليارات", 5e9, "exact", "دولار", "دولار")))
    b = _doc("b", "وتخطط الحكومة لاستثمارات أجنبية تصل إلى 5 مليارات دولار، بعد أن ضخ مستثمرون 50 مليون دولار أمس.",
             "الثانية", (("5 مليارات", 5e9, "exact", "دولار", "دولار"), ("50 مليون", 50e6, "exact", "دولار", "دولار")))
    claims = quantity_claims([a, b])
    assert sorted(sorted(x.value for x in c.values) for c in claims) == [[50e6], [5e9]]
    assert all(c.agree for c in claims)


def _percents(doc):
    import dataclasses

    return dataclasses.replace(doc, quantities=tuple(dataclasses.replace(q, is_percent=True, unit=None)
                                                     for q in doc.quantities))


def test_a_rate_hike_is_not_the_rate_it_leads_to():
    a = _percents(_doc("a", "رفع البنك المركزي أسعار الفائدة بواقع 2 بالمئة، ليصل سعر عائد الإيداع إلى 27.25 "
                            "بالمئة وسعر الإقراض إلى 28.25 بالمئة.", "الأولى",
                       (("2 بالمئة", 2, "exact", None, None), ("27.25 بالمئة", 27.25, "exact", None, None),
                        ("28.25 بالمئة", 28.25, "exact", None, None))))
    b = _percents(_doc("b", "وقررت لجنة السياسة النقدية رفع سعر عائد الإيداع إلى 27.25 بالمئة، بزيادة في الفائدة "
                            "بمقدار 2 بالمئة.", "الثانية",
                       (("27.25 بالمئة", 27.25, "exact", None, None), ("2 بالمئة", 2, "exact", None, None))))
    claims = quantity_claims([a, b])
    assert sorted(sorted(x.value for x in c.values) for c in claims) == [[2.0], [27.25]]
    assert all(c.agree for c in claims)


def test_sums_of_money_that_say_nothing_of_what_they_are_conflict_only_in_one_role():
    a = _doc("a", "وقال المسؤول إن الحكومة أنفقت 136 مليون دولار، وضخ المستثمرون 50 مليون دولار في السوق.",
             "الأولى", (("136 مليون", 136e6, "exact", "دولار", "دولار"), ("50 مليون", 50e6, "exact", "دولار", "دولار")))
    b = _doc("b", "وأوضح المتحدث أن العقد بلغ 544 ألف دولار، وضخ المستثمرون 60 مليون دولار في السوق.", "الثانية",
             (("544 ألف", 544e3, "exact", "دولار", "دولار"), ("60 مليون", 60e6, "exact", "دولار", "دولار")))
    c = _doc("c", "وقالت الوزارة إن الحكومة أنفقت نحو 136 مليون دولار.", "الثالثة",
             (("نحو 136 مليون", 136e6, "about", "دولار", "دولار"),))
    by_values = {tuple(sorted(x.value for x in cl.values)): cl for cl in quantity_claims([a, b, c])}
    assert by_values[(136e6, 136e6)].agree  # the same sum, stated by two outlets
    assert not by_values[(50e6, 60e6)].agree  # an inflow of 50 against one of 60: a conflict
    assert not any(544e3 in values for values in by_values)  # a contract's sum is no other sum


def test_a_plural_that_looks_like_a_dual_is_no_count_of_two():
    # "مدنيين" is the plural of مدني ("civilians"), not two of them; "مدنيان" is two; a
    # definite dual behind a proclitic ("للجنديين") is two named before, no count.
    a = _doc("a", "وأسفر الهجوم عن إصابة ثلاثة مدنيين بجروح.", "الأولى", (("ثلاثة", 3, "exact", "مدني", "مدنيين"),))
    b = _doc("b", "وأصيب مدنيان في الهجوم.", "الثانية", ())
    c = _doc("c", "وأسفر الهجوم عن إصابة مدنيين وللجنديين بجروح.", "الثالثة", ())
    [claim] = quantity_claims([a, b, c])
    assert sorted((x.value, x.articles) for x in claim.values) == [(2.0, ("b",)), (3.0, ("a",))]


# Two undated lead sentences: the statement stands lower in the article, as it did on the
# SaudiNewsNet page (a lead's happening may start or end on the day it names).
_LEAD = "جمدت الحكومة أموال عدد من القادة. وشمل القرار أفراد أسرهم أيضا."


def test_a_day_that_bounds_a_period_is_not_the_statement_s_date():
    """"ستبقى سارية حتى 26 فبراير 2024" says when the sanctions end, not when the spokesman
    spoke: it must not meet another outlet's dated statement, in agreement or in conflict."""
    import dataclasses

    from marsad.extract.quotes import extract_quotes
    for bound, written, day in (("حتى", "26 فبراير 2024", "2024-02-26"), ("اعتبارا من", "4 سبتمبر 2023", "2023-09-04")):
        a = make_doc("a", f"{_LEAD} قال المتحدث جون ميلر إن العقوبات ستبقى سارية {bound} {written} بعد مصادقة الحكومة عليها.",
                     mentions=(("جون ميلر", "PER", "P1"),), times=((written, day),))
        b = make_doc("b", f"{_LEAD} والخميس، قال المتحدث جون ميلر إن العقوبات ستبقى سارية بعد مصادقة الحكومة عليها.",
                     mentions=(("جون ميلر", "PER", "P1"),), times=(("الخميس", "2023-08-10"),))
        docs = [dataclasses.replace(d, quotes=tuple(extract_quotes(d))) for d in (a, b)]
        assert date_claims(docs) == [], bound


def test_an_agreeing_row_holds_one_figure():
    """Airlines at two airports, stated alike by both outlets: two rows, not one row "4, 6"."""
    text = "وسيرتفع عدد شركات الطيران في مطار الجوف إلى 4 شركات، وفي مطار تبوك إلى 6 شركات."
    docs = [_doc(name, text, outlet, (("4", 4, "exact", "شركة", "شركات"), ("6", 6, "exact", "شركة", "شركات")))
            for name, outlet in (("a", "الأولى"), ("b", "الثانية"))]
    claims = quantity_claims(docs)
    assert sorted([x.value for x in c.values] for c in claims) == [[4.0], [6.0]]
    assert all(c.agree and c.values[0].articles == ("a", "b") for c in claims)


def test_fractions_in_figures_rounds_and_spans_are_not_shares():
    a = _doc("a", "تأهل اللاعب إلى ربع النهائي بعد غياب خمس سنوات ونصف، وضبطت الشرطة ربع مليون حبة.", "الأولى",
             (("ربع", 0.25, "exact", None, None), ("ونصف", 0.5, "exact", None, None)))
    b = _doc("b", "وبلغ اللاعب ربع النهائي للمرة الأولى منذ خمس سنوات ونصف السنة، وضبطت ربع مليون حبة.", "الثانية",
             (("ربع", 0.25, "exact", None, None), ("ونصف", 0.5, "exact", None, None)))
    assert quantity_claims([a, b]) == []
    c = _doc("c", "ويشكل الشباب ثلث السكان ونصف العاملين في المدينة.", "الأولى",
             (("ثلث", 1 / 3, "exact", None, None), ("ونصف", 0.5, "exact", None, None)))
    d = _doc("d", "ويشكل الشباب ثلث السكان ونصف العاملين في المدينة.", "الثانية",
             (("ثلث", 1 / 3, "exact", None, None), ("ونصف", 0.5, "exact", None, None)))
    assert sorted(round(c.values[0].value) for c in quantity_claims([c, d])) == [33, 50]


def test_a_scale_word_after_a_grouped_figure_does_not_multiply_it():
    a = _doc("a", "واستقبل المطار (1.063.837) مليون مسافر خلال العام.", "الأولى",
             (("1.063.837) مليون", 1063837e6, "exact", "مسافر", "مسافر"),))
    b = _doc("b", "واستقبل المطار 1.063.837 مسافرا خلال العام.", "الثانية",
             (("1.063.837", 1063837, "exact", "مسافر", "مسافرا"),))
    [claim] = quantity_claims([a, b])
    assert claim.agree and [x.value for x in claim.values] == [1063837.0]


def test_sums_of_money_are_not_added_up():
    a = _doc("a", "وخصصت الجائزة 5 آلاف ريال لكل مشارك إضافة إلى 15 ألف ريال للفائز الأول.", "الأولى",
             (("5 آلاف", 5000, "exact", "ريال", "ريال"), ("15 ألف", 15000, "exact", "ريال", "ريال")))
    b = _doc("b", "وينال كل مشارك 5 آلاف ريال بالإضافة إلى 15 ألف ريال للفائز الأول.", "الثانية",
             (("5 آلاف", 5000, "exact", "ريال", "ريال"), ("15 ألف", 15000, "exact", "ريال", "ريال")))
    claims = quantity_claims([a, b])
    assert sorted([x.value for x in c.values] for c in claims) == [[5000.0], [15000.0]]


def test_a_count_of_years_in_brackets_after_an_untagged_name_is_an_age():
    from marsad.model import Quantity
    from marsad.stories.claims import _person_aged

    doc = make_doc("a", "وكان دي ماريا (27 عاما) وقع عقدا لأربع سنوات.")
    start = doc.article.text.index("27")
    assert _person_aged(doc, Quantity(start, start + 7, "27 عاما", 27.0, "exact", "عام", "عاما")) == "ماريا"


def test_a_date_row_that_agrees_names_one_day():
    """A day counted from the article's own ("اليوم") conflicts with nothing, but it does not
    make Thursday's visit and Friday's one row that agrees."""
    import dataclasses
    a = make_doc("a", "زار أمير المنطقة الجرحى في المستشفى اليوم واطمأن على صحتهم.", outlet="الأولى",
                 times=(("اليوم", "2023-05-05"),))
    b = make_doc("b", "زار أمير المنطقة الجرحى في موقع الحادث يوم الخميس واطمأن على صحتهم.", outlet="الثانية",
                 times=(("يوم الخميس", "2023-05-04"),))
    docs = [dataclasses.replace(d, times=tuple(dataclasses.replace(t, relative=True) for t in d.times))
            for d in (a, b)]
    assert not [c for c in date_claims(docs) if c.agree and len(c.values) > 1]


def test_a_count_after_among_them_is_a_part_not_the_total():
    c = _doc("c", "وقال نادي الأسير إن من بين الأسرى المضربين عن الطعام 120 أسيرا في سجن نفحة.", "الثالثة",
             (("120", 120, "exact", "أسير", "أسيرا"),))
    d = _doc("d", "وارتفع عدد الأسرى المضربين عن الطعام إلى 148 أسيرا في سجون الاحتلال.", "الرابعة",
             (("148", 148, "exact", "أسير", "أسيرا"),))
    assert all(claim.agree for claim in quantity_claims([c, d]))  # 120 of one prison is no other count of all

"""Claims tell firms apart (issue 21, round 15): the shape of the false conflicts of
SaudiNewsNet 2015-07-23 (one story of several firms' half-year results, each article naming
its firm in its lead and then only "الشركة" beside the exchange), on short news texts composed
here. The same firm's figures, however its name is written, still agree or disagree."""

from __future__ import annotations

from story_docs import make_doc

from marsad.stories.claim_firms import StoryFirms
from marsad.stories.claims import quantity_claims


def results(doc_id, outlet, lead_firm, firm_mention, profit, rise):
    """A results article: the firm in its lead, the exchange (an ORG too) beside its figures."""
    text = (f"سجل صافي أرباح {lead_firm} تراجعا في النصف الأول من العام الحالي. "
            f"وأوضحت الشركة في بيان لها على موقع تداول أنها حققت صافي ربح خلال الربع الثاني بلغ "
            f"{profit} مليون ريال بارتفاع نسبته {rise}% عن الربع السابق.")
    return make_doc(doc_id, text, outlet=outlet,
                    mentions=((firm_mention, "ORG", f"org-{doc_id}"), ("تداول", "ORG", "org-tadawul")),
                    quantities=((f"{profit} مليون ريال", profit * 1e6, "exact", "ريال", "ريال"),
                                (f"{rise}%", rise, "exact", "%", "%")))


def firms_of(docs):
    firms = StoryFirms(docs)
    return {d.id: firms.firm_of(d, ()) for d in docs}


def conflicts(*docs):
    return [sorted(v.value for v in c.values) for c in quantity_claims(list(docs)) if not c.agree]


def test_results_of_different_firms_are_not_one_claim():
    chemicals = results("a", "الأولى", "شركة الصناعات الكيميائية", "شركة الصناعات الكيميائية", 19.9, 30)
    electrical = results("b", "الثانية", "شركة الصناعات الكهربائية", "الصناعات الكهربائية", 339, 169)
    assert firms_of([chemicals, electrical])["a"] != firms_of([chemicals, electrical])["b"]
    assert conflicts(chemicals, electrical) == []


def test_one_firm_named_two_ways_is_one_firm():
    a = results("a", "الأولى", "شركة النخيل للتطوير", "شركة النخيل للتطوير", 50, 12)
    b = results("b", "الثانية", "شركة النخيل للتطوير", "النخيل", 65, 12)  # the linker kept the names apart
    assert firms_of([a, b])["a"] == firms_of([a, b])["b"]
    assert conflicts(a, b) == [[50e6, 65e6]]  # the profit still disagrees; the 12% agrees


def test_an_article_whose_lead_names_no_firm_compares_with_any():
    named = results("a", "الأولى", "شركة النخيل للتطوير", "شركة النخيل للتطوير", 50, 12)
    unnamed = results("b", "الثانية", "المطور العقاري", "تداول", 65, 12)  # "تداول" is no firm: no شركة before it
    assert firms_of([named, unnamed])["b"] == frozenset()
    assert conflicts(named, unnamed) == [[50e6, 65e6]]


def test_a_sentence_that_names_a_firm_gives_that_firms_figures():
    """A round-up whose lead is another firm's dividend still agrees on the firm it names later."""
    cement = make_doc("a", "أوصى مجلس إدارة شركة أسمنت الجنوب بتوزيع أرباح بإجمالي 85 مليون ريال.",
                      outlet="الأولى", mentions=(("أسمنت الجنوب", "ORG", "org-cement"),),
                      quantities=(("85 مليون ريال", 85e6, "exact", "ريال", "ريال"),))
    text = ("أعلن البنك الأهلي التجاري صرف أرباح النصف الأول بإجمالي 600 مليون ريال. "
            "وأوصى مجلس إدارة شركة أسمنت الجنوب بتوزيع أرباح بإجمالي 85 مليون ريال.")
    roundup = make_doc("b", text, outlet="الثانية",
                       mentions=(("البنك الأهلي التجاري", "ORG", "org-b"), ("أسمنت الجنوب", "ORG", "org-cement")),
                       quantities=(("600 مليون ريال", 600e6, "exact", "ريال", "ريال"),
                                   ("85 مليون ريال", 85e6, "exact", "ريال", "ريال")))
    agreeing = [sorted(v.value for v in c.values) for c in quantity_claims([cement, roundup]) if c.agree]
    assert agreeing == [[85e6]] and conflicts(cement, roundup) == []

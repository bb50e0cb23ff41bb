"""Round 18 of issue 19: a today line in both calendars is a date, never the headline; a page
that comes without its address meets the bare-page model, one with it the shipped decision.
Every page here is composed by the team (the real page the date rule was written for is only
named in the labels: test10's ar-667)."""

from __future__ import annotations

from page_docs import HEADLINE, P1, P2, clean_one

from marsad.clean import clean_page_shaped
from marsad.clean.metadata import parse_dateline
from marsad.clean.page_type import PageTypeModel, decide_page_type
from marsad.ingest import make_page


def test_a_today_line_in_both_calendars_is_a_date_not_the_headline() -> None:
    today = "پنجشنبه / ۱۶ مرداد / ۱۴۰۴ - 7 August, 2025"
    assert parse_dateline(today).date == "2025-08-07"
    headline = "افتتاح ایستگاه جدید قطار شهری در مرکز شهر"
    lede = ("وزیر راه و شهرسازی صبح امروز ایستگاه جدید قطار شهری را افتتاح کرد و گفت این ایستگاه روزانه "
            "به پنجاه هزار مسافر خدمات می دهد.")
    dump = f"{today}\n\n{headline}\n\n{lede}\n\n{lede}"
    assert clean_one(dump).title == headline


# A stand-in bare-page model that calls every page with words a non-article, the pages the
# "plainly an article" rule passes too.
SAYS_NOT_ARTICLE = PageTypeModel(("log_body_words",), ("article", "not_article"), (0.0,), (1.0,), ((100.0,),), (0.0,),
                                 over_plain=True)


def test_only_a_page_without_its_address_meets_the_bare_model() -> None:
    dump = f"{HEADLINE}\n\n{P1}\n\n{P2}"
    _article, bare = clean_page_shaped(make_page("page", dump))
    _article, addressed = clean_page_shaped(make_page("page", dump, url="https://example-news.com/news/99812"))
    assert decide_page_type(bare, bare_model=SAYS_NOT_ARTICLE) != "article"
    assert decide_page_type(addressed, bare_model=SAYS_NOT_ARTICLE) == decide_page_type(addressed, use_bare=False)
    assert decide_page_type(bare, use_bare=False) == "article"

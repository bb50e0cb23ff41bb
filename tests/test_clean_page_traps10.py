"""Traps of real pages' text dumps (issue 19, round 16): a page's description cut mid-word and
its keywords over the masthead and the headline, an article's hashed id under a "news" folder,
a lone teaser cut before its "read more" link. Every page here is composed by the team; the
real pages these rules were written for are only named in the labels (test2's ar-319, test9's
ar-591, the eighth entity round's ent11-r8-10)."""

from __future__ import annotations

from page_docs import HEADLINE, P1, P2, clean_one

LEDE = ("أعلنت وزارة النقل صباح اليوم الأحد تشغيل خط القطار الجديد بين المدينة والمطار الدولي "
        "بعد عامين من الأعمال، وحددت أسعار التذاكر للركاب")


def test_a_description_cut_mid_word_and_the_keywords_are_not_the_headline() -> None:
    dump = (f"{LEDE[:-3]}\n\nالنقل,القطار,المطار,وزارة النقل,التذاكر\n\nعاجل\nرئيس التحرير\nسعاد علي\n\n"
            f"{HEADLINE}\n\n{LEDE}.\n\n{P2}")
    assert clean_one(dump).title == HEADLINE
    assert clean_one(dump, "https://example-news.com/news/99812").title == HEADLINE


def test_a_headline_that_opens_its_lede_whole_stays_the_headline() -> None:
    headline = "موعد افتتاح محطة القطار الجديدة"
    dump = f"{headline}\n\n{headline} .. {P1}\n\n{P2}"
    assert clean_one(dump).title == headline


def test_a_headline_with_commas_is_still_a_headline() -> None:
    headline = "الوزير: المحطة جاهزة، والقطار يصل، والتذاكر متاحة"
    assert clean_one(f"{headline}\n\n{P1}\n\n{P2}").title == headline


def test_an_articles_hashed_id_under_a_news_folder_makes_it_its_own_page() -> None:
    url = "https://example-tv.com/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%AF%D9%88%D9%84%D9%8A/artc-3f6c81ea"
    story = f"{P1} {P2} {LEDE}."
    article = clean_one(f"{story}\n\nhttps://twitter.com/i/web/status/1801574254154023311", url)
    assert article.is_article
    # (the same folder without an item's id is a section's page)
    folder = "https://example-tv.com/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%AF%D9%88%D9%84%D9%8A"
    assert not clean_one(story, folder).is_article


def test_a_lone_teaser_cut_before_its_read_more_link_is_a_listing() -> None:
    teaser = f"{HEADLINE}\n\n{P1} وقال الوزير إن المحطة تخدم نحو خمسين ألف راكب يوميا وتربط … اقرأ المزيد"
    article = clean_one(teaser)
    assert (article.is_article, article.page_type) == (False, "listing")


def test_a_lede_with_its_read_more_link_over_the_story_stays_an_article() -> None:
    page = (f"{HEADLINE}\n\n{P1} وقال الوزير إن المحطة تخدم نحو خمسين ألف راكب يوميا وتربط … اقرأ المزيد\n\n"
            f"{P2}\n\nوأضاف الوزير أن العمل جار على محطتين أخريين في الأحياء الجنوبية تفتحان العام المقبل.")
    assert clean_one(page).is_article


def test_a_persian_headline_over_its_reports_credit_under_a_standfirst() -> None:
    lede = ("وزیر راه و شهرسازی صبح امروز ایستگاه جدید قطار شهری را در مرکز شهر افتتاح کرد و گفت این ایستگاه "
            "روزانه به پنجاه هزار مسافر خدمات می دهد و محله های شرقی را به فرودگاه وصل می کند.")
    dump = (f"۱۴۰۲/۰۸/۱۲\n۱۰:۲۰\n\n{lede}\n\nایستگاه جدید قطار شهری افتتاح شد\n\nبه گزارش ایرنا:\n\n{lede}\n\n"
            "وی افزود که کار ساخت دو ایستگاه دیگر در جنوب شهر نیز تا پایان سال آینده به پایان می رسد.")
    assert clean_one(dump).title == "ایستگاه جدید قطار شهری افتتاح شد"

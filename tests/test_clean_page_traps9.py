"""Traps of real pages' text dumps (issue 19, round 15): a search box's label, a site's menu or
name over a today bar with the headline under it, a headline printed three times, a breadcrumb
without separators, a news item's number, an embedded post's date, the site's latest stories
under the article, a WordPress feed of one item, a script's tag page. Every page here is
composed by the team; the real pages these rules were written for are only named in the labels
(labels/pages/arabic-news-test9.jsonl)."""

from __future__ import annotations

from page_docs import HEADLINE, P1, P2, clean_one


def test_a_headline_printed_three_times_under_a_search_label_and_a_today_bar() -> None:
    dump = (f"الكلمة الحرة\nوكالة المدينة الإخبارية\nإبحــث في المدينة\nالخميس ,21 نوفمبر, 2024 م\nطباعة\n"
            f"{HEADLINE}.\n{HEADLINE}.\n{HEADLINE}.\n31-01-2013 03:05 PM\n{P1}\n{P2}")
    article = clean_one(dump)
    assert (article.title, article.published) == (f"{HEADLINE}.", "2013-01-31")


def test_a_menu_over_a_date_bar_the_short_headline_right_under_it() -> None:
    dump = (f"المؤسس\nراسلنا\nالخصوصية\nعن الموقع\nفريق التحرير\nالأربعاء 2 أكتوبر 2024\n"
            f"مواسم المحطات الجديدة\nسعاد علي - الرياض\n{P1}\n{P2}")
    assert clean_one(dump).title == "مواسم المحطات الجديدة"


def test_a_sites_name_twice_around_its_today_bar_is_neither_title_nor_date() -> None:
    dump = (f"الفجر المشرق\nالأحد 23 نوفمبر 2025 12:42 مـ 3 جمادى آخر 1447 هـ\nالفجر المشرق\n\nمقالات ورأى\n\n"
            f"محمد علي يكتب: المحطة الجديدة بداية أم نهاية ؟!\n\n{P1}\n\n{P2}")
    article = clean_one(dump)
    assert (article.title, article.published) == ("محمد علي يكتب: المحطة الجديدة بداية أم نهاية ؟!", None)


def test_a_breadcrumb_without_separators_over_the_headline() -> None:
    assert clean_one(f"Home News {HEADLINE}\n\n{HEADLINE}\n\n14\n0\n\n{P1}\n{P2}").title == HEADLINE


def test_a_news_items_number_over_the_headline_is_furniture() -> None:
    headline = "افتتاح بیمارستان جدید در مرکز شهر (عکس)"
    body = ("عملیات ساخت بیمارستان جدید شهر در سال ۹۲ آغاز شد و پس از ده سال با حضور وزیر بهداشت "
            "به شکل رسمی افتتاح شد.")
    dump = f"کد خبر ۹۲۴۲۰۱\nکد ۹۲۴۲۰۱\nتاریخ انتشار: ۲۳:۱۴ - ۱۶-۰۹-۱۴۰۲\n\n{headline}\n\n{headline}\n{body}"
    article = clean_one(dump)
    assert (article.title, article.published) == (headline, "2023-12-07")


def test_an_embedded_posts_date_is_not_the_pages() -> None:
    dump = (f"{HEADLINE}\n\n{P1}\n{P2}\n#Trains #City\n— someone (@someone77) August 22, 2025\n"
            "the station opened today pic.twitter.com/abc123")
    assert clean_one(dump).published is None


def test_the_sites_latest_stories_under_an_article_leave_it_an_article() -> None:
    teasers = "\n\n".join(f"{h}\n\n{lede}…\n\n04/12/2025" for h, lede in (
        ("ارتفاع أسعار الخضار في الأسواق الشعبية", "شهدت الأسواق الشعبية في العاصمة ارتفاعا ملحوظا في أسعار الخضار"),
        ("افتتاح مدرسة جديدة في الحي الشمالي", "افتتحت مديرية التربية مدرسة جديدة في الحي الشمالي تتسع لألف طالب"),
        ("فريق المدينة يتأهل إلى نصف النهائي", "تأهل فريق المدينة إلى الدور نصف النهائي من كأس البطولة بعد فوزه")))
    article = clean_one(f"فيديو\n\n{HEADLINE}\n\n{P1}\n\n{P2}\n\nالمصدر: وكالات\n\nأحدث الأخبار\n\n{teasers}")
    assert (article.is_article, article.title) == (True, HEADLINE)
    assert "ارتفاع أسعار الخضار" not in article.text


def test_a_wordpress_feed_of_one_item_flattened_to_a_line_is_a_feed() -> None:
    dump = ("سعاد علي, Author at المدينة https://example.org/author/suad/ أخبار المدينة Thu, 23 Oct 2025 "
            "13:24:41 +0000 ar hourly 1 https://wordpress.org/?v=6.8.3 " + HEADLINE + " https://example.org/?p=27000 "
            + P1 + "\n\nThe post " + HEADLINE + " appeared first on المدينة.\n\n]]>\n" + P2)
    assert clean_one(dump).page_type == "feed"


def test_a_scripts_tag_page_is_a_listing() -> None:
    dump = f"{P1}\n{P2}\nارتفاع أسعار الخضار في الأسواق الشعبية.. ووزارة التموين توضح"
    article = clean_one(dump, url="https://example.org/tags.php?t=%D9%88%D8%A8%D8%A7%D8%A1")
    assert (article.is_article, article.page_type) == (False, "listing")

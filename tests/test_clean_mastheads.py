"""A text dump's headline below the site's masthead, a today bar in both calendars, a run of
ticker times or a deck that goes on from it. Every page here is composed by the team."""

from __future__ import annotations

from marsad.clean import clean_pages
from marsad.clean.dates import states_both_calendars
from marsad.ingest import make_page
from marsad.model import Article

HEADLINE = "وزير الزراعة يفتتح معرض الزهور السنوي بمشاركة مئتي عارض"
P1 = ("افتتح وزير الزراعة صباح اليوم معرض الزهور السنوي في حديقة المدينة، بمشاركة مئتي عارض من "
      "المشاتل والشركات الزراعية.")
P2 = "وقال الوزير إن المعرض يستمر شهرا كاملا ويفتح أبوابه للجمهور من التاسعة صباحا حتى التاسعة مساء."


def _one(content: str) -> Article:
    [article], problems = clean_pages([make_page("page", content)])
    assert not problems
    return article


def test_a_masthead_with_its_roles_glued_to_the_names_is_not_the_headline() -> None:
    dump = (f"جريدة الوادي رئيس مجلس الإدارة ورئيس التحريرسامي عادل\n\n{HEADLINE}\n\n{P1}\n{P2}")
    assert _one(dump).title == HEADLINE


def test_a_line_of_roles_over_the_names_is_not_the_headline() -> None:
    """"رئيس حزب ... ورئيس مجلس الإدارة" (six words, ended by a role) with the names under it,
    printed twice."""
    masthead = "رئيس حزب النهضة ورئيس مجلس الإدارة\nد. كمال حسن\nرئيس التحرير\nمنى سالم\n"
    dump = f"{masthead}{masthead}\n{HEADLINE}\n\n{P1}\n{P2}"
    assert _one(dump).title == HEADLINE


def test_a_headline_that_names_a_role_stays_the_headline() -> None:
    headline = "استقالة رئيس مجلس الإدارة بعد خسائر الشركة في الربع الأول"
    dump = f"اقتصاد\n\n{headline}\n\n{P1}\n{P2}"
    assert _one(dump).title == headline


def test_a_today_bar_in_both_calendars_is_not_the_story_date() -> None:
    """No headline found over a ticker: the bar's day is the copy's, not the story's."""
    bar = "الإثنين 23 فبراير 2026 11:04 صـ 6 رمضان 1447 هـ"
    assert states_both_calendars(bar)
    assert not states_both_calendars("الإثنين 23 فبراير 2026 11:04 صـ")
    ticker = " ".join(["وزير الزراعة يتفقد المعرض ويلتقي العارضين في الحديقة"] * 12)
    dump = f"الوادي\n{bar}\n{ticker}\n\nتقارير\n\n{HEADLINE}"
    assert _one(dump).published is None


def test_a_run_of_ticker_times_above_the_headline_is_passed_over() -> None:
    times = "".join(f"-\n{h:02d}:{m:02d}\n" for h in range(20, 8, -1) for m in (40, 10))
    dump = f"{times}\n{HEADLINE}\n{P1}\n{P2}"
    assert _one(dump).title == HEADLINE


def test_a_deck_that_goes_on_from_the_headline_is_not_it() -> None:
    dump = (f"منوعات\n{HEADLINE}\n.. والإقبال يفوق المتوقع\nسارة علي\n2025/04/12\n{P1}\n{P2}")
    article = _one(dump)
    assert article.title == HEADLINE
    assert article.published == "2025-04-12"


def test_one_bulleted_line_is_the_headline_several_are_a_menu() -> None:
    dump = f"• {HEADLINE}\n* والإقبال يفوق توقعات المنظمين هذا العام\n{P1}\n{P2}"
    assert _one(dump).title == HEADLINE
    menu = "• سياسة محلية\n• اقتصاد وأعمال\n• رياضة عربية\n"
    assert _one(f"{menu}{HEADLINE}\n{P1}\n{P2}").title == HEADLINE


def test_the_sites_name_and_taglines_are_not_the_headline() -> None:
    bar = "مجلة الرواد – مجلة عربية محكمة في العلوم – زوروا موقعنا"
    headline = "معامل التأثير العربي للمجلات"
    dump = f"{bar}\n\n{headline}\n\n{P1}\n{P2}"
    assert _one(dump).title == headline


def test_a_writers_post_under_the_byline_and_labelled_fields_before_the_date() -> None:
    """The dateline stands below labelled fields (writer, post, time), past the usual window."""
    headline = "معامل التأثير العربي للمجلات"
    fields = "الكاتب\n\nالكاتب : د. سامي حسن\n\nمدير مشروع المعامل العربية\n\nالوقت\n\n11:07 صباحًا\n\nتاريخ النشر\n\n"
    dump = f"{headline}\n\n{fields}24, أغسطس 2019\n\n{P1}\n{P2}"
    article = _one(dump)
    assert article.title == headline
    assert article.published == "2019-08-24"


def test_a_one_word_kicker_before_a_bar_stays_a_site_name_goes() -> None:
    kicked = f"غدًا | {HEADLINE}"
    assert _one(f"أخبار مصر\n\n{kicked}\n\n{P1}\n{P2}").title == kicked
    assert _one(f"{HEADLINE} | أخبار مصر\n\n{P1}\n{P2}").title == HEADLINE

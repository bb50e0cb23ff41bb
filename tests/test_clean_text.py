"""The plain-text cleaner on the team's own pages: one test per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.clean import clean_pages
from marsad.clean.metadata import parse_dateline, split_credits, strip_site_suffix
from marsad.clean.text import clean_text_page, is_caption
from marsad.ingest import make_page, read_inputs
from marsad.model import Article

CLEAN = Path(__file__).parent / "fixtures" / "clean"


def clean_fixture(name: str) -> Article:
    pages = list(read_inputs([str(CLEAN / name)]))
    articles, problems = clean_pages(pages)  # type: ignore[arg-type]
    assert not problems
    return articles[0]


def test_wordpress_dump_furniture_title_date_caption_credits() -> None:
    a = clean_fixture("wordpress_dump.txt")
    assert a.title == "انطلاق محادثات الحدود بين البلدين في عمّان"
    assert a.published == "2024-03-03"
    assert a.text.startswith("بدأ وفدان رسميان من البلدين")
    assert a.text.endswith("بحسب ما نقلت وكالة رويترز.")
    for furniture in ("Skip to content", "الرئيسية", "اقرأ أيضا: وزير الخارجية يزور بيروت الأسبوع المقبل",
                      "اترك تعليقاً", "Leave a Reply", "الوفدان خلال الجلسة الافتتاحية في عمّان (رويترز)",
                      "الأحد 3 مارس 2024"):
        assert furniture not in a.text
        assert furniture in a.removed
    assert "Your email address will not be published. Required fields are marked *" in a.removed
    assert "تفاصيل الجولة الجديدة" in a.text  # a subheading between paragraphs stays
    assert a.removed.count("انطلاق محادثات الحدود بين البلدين في عمّان | أخبار العالم") == 1  # the copy
    assert a.credits == ("الأناضول", "رويترز")
    assert a.is_article and a.language == "ar"


def test_a_date_in_the_top_bar_is_page_chrome_and_a_body_date_is_not_publication() -> None:
    a = clean_fixture("chrome_date.txt")
    assert a.title == "مجلس النواب يقر قانون الموازنة بعد جلسة طويلة"
    assert a.published is None
    assert "الاثنين 22 نوفمبر 2026" in a.removed
    assert a.text.startswith("أقر مجلس النواب")


def test_listing_page_is_not_an_article() -> None:
    assert clean_fixture("listing.txt").is_article is False


def test_persian_in_arabic_script_is_labelled_not_arabic() -> None:
    a = clean_fixture("persian.txt")
    assert a.language == "fa"


def test_update_stamp_does_not_win_over_the_dateline() -> None:
    a = clean_fixture("levant_update.txt")
    assert a.published == "2023-07-15"
    assert a.title == "تشييع ضحايا حادث السير في طرابلس"
    assert "المساهمون" in a.removed
    assert a.text.endswith("وإصابة سبعة آخرين بجروح مختلفة.")


def test_lines_repeated_across_pages_of_one_site_are_furniture() -> None:
    bodies = [
        "وصل الوزير إلى المدينة صباح اليوم في زيارة رسمية تستمر يومين لبحث مشاريع البنية التحتية.",
        "أعلنت البلدية عن خطة لتوسيع شبكة الحافلات العامة لتشمل الأحياء الجديدة خلال العام المقبل.",
        "افتتح معرض للحرف اليدوية في وسط المدينة بمشاركة عشرات الحرفيين من مختلف المحافظات.",
    ]
    pages = [
        make_page(f"site/{i}.txt", f"نشرة الصباح مع سامر\nعنوان الخبر رقم {i}\n{body}\n{body}\nتطبيق الصحيفة مجانا",
                  site_key="site")
        for i, body in enumerate(bodies)
    ]
    articles, _ = clean_pages(pages)
    for a in articles:
        assert "نشرة الصباح مع سامر" in a.removed
        assert "تطبيق الصحيفة مجانا" in a.removed
        assert "نشرة الصباح" not in a.text


def test_empty_or_navigation_only_pages_are_not_articles() -> None:
    articles, _ = clean_pages([make_page("nav.txt", "الرئيسية\nسياسة\nاقتصاد\nرياضة\nاتصل بنا")])
    assert articles[0].is_article is False
    assert articles[0].text == ""


def test_nbsp_and_bidi_marks_are_cleaned_from_the_text() -> None:
    cleaned = clean_text_page("عنوان الخبر هنا\n\u200fقال\u00a0الوزير إن الاجتماع المقبل سيعقد في القاهرة الشهر المقبل.\u00a0\u00a0")
    assert cleaned.text == "قال الوزير إن الاجتماع المقبل سيعقد في القاهرة الشهر المقبل."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الخميس 15 يوليو 2021", "2021-07-15"),
        ("السبت 2021/07/17", "2021-07-17"),
        ("17-07-2021", "2021-07-17"),
        ("نشر في: 3 كانون الثاني 2022 - 10:45", "2022-01-03"),
        ("الأحد 5 جانفي 2020", "2020-01-05"),
        ("15 يوليو/تموز 2021", "2021-07-15"),
        ("مساء الخميس 11 يونيو/حزيران 2020، في بيان مشترك للحكومتين عقب الجولة الأولى", None),
        ("عام 2021", None),
        ("31 فبراير 2021", None),
    ],
)
def test_dateline_parsing(line: str, expected: str | None) -> None:
    assert parse_dateline(line)[0] == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("الحكومة تقر الموازنة | أخبار السياسة", "الحكومة تقر الموازنة"),
        ("الحكومة تقر الموازنة - اليوم السابع", "الحكومة تقر الموازنة"),
        ("الحكومة تقر الموازنة", "الحكومة تقر الموازنة"),
        ("غزة - القاهرة: محادثات جديدة", "غزة - القاهرة: محادثات جديدة"),
    ],
)
def test_site_suffixes_are_dropped_from_titles(title: str, expected: str) -> None:
    assert strip_site_suffix(title) == expected


def test_credits_are_split_and_agencies_canonical() -> None:
    assert split_credits("العربي، أ.ف.ب") == ["العربي", "أ.ف.ب"]
    assert split_credits("فرانس برس, رويترز") == ["أ.ف.ب", "رويترز"]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("الرئيس خلال المؤتمر الصحفي (Getty)", True),
        ("جانب من الاحتجاجات في الساحة (أ ف ب)", True),
        ("صورة أرشيفية لمبنى البرلمان", True),
        ("وقال الوزير (رويترز) إن الاتفاق سيوقع قريبا في العاصمة.", False),
    ],
)
def test_captions(line: str, caption: bool) -> None:
    assert is_caption(line) is caption

"""The plain-text cleaner on the team's own pages: one test per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.clean import clean_pages
from marsad.clean.credits import agencies_credited_in, split_credits
from marsad.clean.language import detect_language
from marsad.clean.lexicon import outlet_for_url
from marsad.clean.metadata import parse_dateline, site_name_from_title, strip_site_suffix
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
        ("السبت ٢٠٢٤/٠٢/١٧", "2024-02-17"),
    ],
)
def test_dateline_parsing(line: str, expected: str | None) -> None:
    assert parse_dateline(line).date == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("الخميس 15 يوليو 2021", "date"),
        ("آخر تحديث: 13 مارس 2024 - 10:45", "update"),
        ("Updated 13 March 2024", "update"),
        ("اليوم: الأربعاء 13 مارس 2024", "today"),
    ],
)
def test_update_stamps_and_today_bars_are_told_apart(line: str, kind: str) -> None:
    assert parse_dateline(line).kind == kind


def test_portal_page_with_byline_update_stamp_and_today_bar() -> None:
    """A layout unlike the seeds: a "today" bar, breadcrumbs, a byline, a reading-time
    widget, an update stamp as the only date, a widget in the middle of the body."""
    a = clean_fixture("news_portal.txt")
    assert a.title == "البصرة تطلق مشروعا لتحلية مياه شط العرب"
    assert a.outlet == "شبكة الأفق الإخبارية"  # the title's site suffix
    assert a.published is None  # neither the today bar nor the update stamp is the date
    assert a.text.startswith("أطلقت الحكومة المحلية في البصرة")
    assert a.text.endswith("بحسب ما نقلت وكالة الأنباء العراقية.")
    for furniture in ("اليوم: الأربعاء 13 مارس 2024", "تسجيل الدخول", "الرئيسية > أخبار > العراق",
                      "كتب: أحمد علي", "3 دقائق قراءة", "تابعنا على تلغرام", "Share on WhatsApp",
                      "الوسوم: البصرة، المياه، شط العرب", "© 2024 جميع الحقوق محفوظة"):
        assert furniture in a.removed
        assert furniture not in a.text
    assert "مخاوف المزارعين" in a.text  # subheading
    assert a.credits == ("واع",)


def test_english_banner_is_not_the_title_of_an_arabic_page() -> None:
    a = clean_fixture("english_banner.txt")
    assert a.title == "البرلمان يقر قانون الانتخابات الجديد بأغلبية الأصوات"
    assert a.published == "2024-03-14"
    assert "Parliament approves new electoral law - Horizon News" in a.removed
    for furniture in ("Home | News | Politics | Sport", "Breaking News", "Related posts",
                      "Subscribe to our newsletter", "Privacy Policy"):
        assert furniture in a.removed
    assert a.text.endswith("ويخفض سن الترشح إلى 25 عاما.")


def test_caption_without_credit_under_the_dateline_and_agencies_in_the_body() -> None:
    a = clean_fixture("gulf_caption.txt")
    assert a.published == "2024-02-17"  # Arabic-Indic digits
    assert "جانب من جلسات المنتدى في العاصمة السعودية" in a.removed
    assert a.text.startswith("وزراء الطاقة يبحثون")
    assert "14 مارس 2023" in a.text  # a date in the body stays there and is not the date
    assert a.credits == ("واس", "د.ب.أ")  # Qena (قنا) the place is not the Qatari agency
    assert "الكلمات المفتاحية: الطاقة، الرياض" in a.removed


@pytest.mark.parametrize("name", ["ticker.txt", "rss_dump.txt", "listing.txt"])
def test_tickers_feed_dumps_and_listings_are_not_articles(name: str) -> None:
    a = clean_fixture(name)
    assert a.is_article is False
    assert a.language == "ar"


def test_a_feed_dump_has_no_made_up_title() -> None:
    assert clean_fixture("rss_dump.txt").title is None


def test_title_copy_with_extra_spaces_and_site_suffix_is_removed_once() -> None:
    page = (
        "وزارة النقل تفتتح طريقا سريعا جديدا | أخبار محلية\n"
        "وزارة النقل  تفتتح طريقا سريعا  جديدا\n"
        "افتتحت وزارة النقل اليوم طريقا سريعا يربط العاصمة بالمدن الساحلية بطول 120 كيلومترا.\n"
        "وقال الوزير إن الطريق سيختصر زمن الرحلة إلى النصف تقريبا.\n"
    )
    cleaned = clean_text_page(page)
    assert cleaned.title == "وزارة النقل تفتتح طريقا سريعا جديدا"
    assert cleaned.removed == ["وزارة النقل تفتتح طريقا سريعا جديدا"]
    assert cleaned.text.startswith("افتتحت وزارة النقل")


def test_hints_from_json_lines_win_over_what_the_page_says() -> None:
    content = (CLEAN / "wordpress_dump.txt").read_text(encoding="utf-8")
    page = make_page("feed.jsonl:1", content, url="https://www.alquds.co.uk/x", published="2024-03-04",
                     outlet="وكالة تجريبية", title="انطلاق محادثات الحدود بين البلدين في عمّان")
    [a], _ = clean_pages([page])
    assert (a.published, a.outlet, a.title) == ("2024-03-04", "وكالة تجريبية", "انطلاق محادثات الحدود بين البلدين في عمّان")
    assert a.text.startswith("بدأ وفدان رسميان")


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.aljazeera.net/news/2024/3/12/x", "الجزيرة نت"),
        ("https://www.bbc.com/arabic/articles/x", "بي بي سي عربي"),
        ("https://www.france24.com/ar/x", "فرانس 24"),
        ("https://news.alarabiya.net/x", "العربية"),
        ("https://unknown-site.example/x", None),
        (None, None),
    ],
)
def test_outlet_display_names_by_domain_and_edition_path(url: str | None, outlet: str | None) -> None:
    assert outlet_for_url(url) == outlet


def test_outlet_falls_back_to_the_domain_then_none() -> None:
    body = "افتتحت البلدية اليوم حديقة عامة جديدة في وسط المدينة بمساحة عشرة آلاف متر مربع وسط حضور رسمي وشعبي."
    [known, unknown, none], _ = clean_pages([
        make_page("a", body, url="https://www.youm7.com/story/1"),
        make_page("b", body + " ", url="https://www.city-news.example/1"),
        make_page("c", body + "  "),
    ])
    assert (known.outlet, unknown.outlet, none.outlet) == ("اليوم السابع", "city-news.example", None)


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("خبر ما | صحيفة الرافدين", "صحيفة الرافدين"),
        ("خبر ما | أخبار السياسة", None),
        ("خبر ما - شبكة الأفق الإخبارية", "شبكة الأفق الإخبارية"),
        ("غزة - القاهرة: محادثات جديدة", None),
    ],
)
def test_site_name_from_a_title_suffix(title: str, site: str | None) -> None:
    assert site_name_from_title(title) == site


@pytest.mark.parametrize(
    ("sentence", "agencies"),
    [
        ("وفقاً لما نشرته وكالة الأنباء الفرنسية مساء أمس.", ["أ.ف.ب"]),
        ("نقلت وكالة رويترز عن مصدر أمني قوله إن الهجوم فشل.", ["رويترز"]),
        ("أفادت الوكالة الألمانية (د ب أ) بأن الوفد وصل.", ["د.ب.أ"]),
        ("ذكرت قنا أن الأمير استقبل الوزير.", ["قنا"]),
        ("افتتح مصنع جديد في محافظة قنا جنوب مصر.", []),
        ("قال مراسل فرانس برس وأسوشيتد برس إن الحشود تفرقت.", ["أ.ف.ب", "أ.ب"]),
    ],
)
def test_agencies_credited_in_the_body_are_canonical(sentence: str, agencies: list[str]) -> None:
    assert agencies_credited_in(sentence) == agencies


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وزیر امور خارجه ایران روز یکشنبه با همتای خود در تهران دیدار کرد و درباره همکاری ها گفتگو کرد.", "fa"),
        ("وزیر خارجہ نے آج اسلام آباد میں ایک پریس کانفرنس سے خطاب کیا اور کہا کہ پاکستان امن چاہتا ہے۔", "ur"),
        ("سەرۆکی حکومەتی هەرێمی کوردستان ئەمڕۆ لە هەولێر پێشوازی لە شاندێکی ئەمریکی کرد.", "ku"),
        ("د افغانستان بهرنیو چارو وزیر نن په کابل کې له خبریالانو سره خبرې وکړې.", "ps"),
        # Arabic typed on a Persian keyboard (ی, ک), as Iranian outlets' Arabic pages are:
        ("أکد وزیر الخارجیة الإیراني فی تصریح أن بلاده مستعدة للحوار مع دول الجوار، مشیرا إلى أن الزیارة ستکون إلى بغداد.", "ar"),
        ("قال الرئيس الإيراني مسعود پزشکیان في مؤتمر صحفي إن المفاوضات مستمرة مع الأطراف الأوروبية وإن بلاده لن تتراجع.", "ar"),
        ("إزاي الحال؟ الحكومة قررت ترفع أسعار البنزين من النهارده والناس مش مصدقة اللي بيحصل في البلد.", "ar"),
        ("Dışişleri Bakanı bugün Ankara'da gazetecilere açıklama yaptı ve görüşmelerin sürdüğünü söyledi.", "tr"),
        ("The foreign minister met his counterpart in Baghdad on Tuesday to discuss water sharing.", "en"),
        ("12 | 34", "und"),
    ],
)
def test_language_of_arabic_script_and_other_pages(text: str, language: str) -> None:
    assert detect_language(text) == language


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


def test_the_demo_corpus_cleans_as_its_readme_says() -> None:
    demo = Path(__file__).resolve().parent.parent / "demo"
    pages = list(read_inputs([str(demo)]))
    articles, problems = clean_pages([p for p in pages if hasattr(p, "content")])  # type: ignore[misc]
    assert not problems
    by_name = {a.source.rsplit("/", 1)[-1]: a for a in articles}
    assert len(articles) == 13
    wasat = by_name["wasat-water-talks.txt"]
    assert (wasat.title, wasat.outlet, wasat.published) == (
        "اجتماع ثلاثي في عمّان لتقاسم مياه الفرات", "الوسط اليوم", "2024-03-13")
    assert "\u00a0" not in wasat.text and "Leave a Reply" in wasat.removed
    assert by_name["rafidain-water-talks.txt"].published == "2024-03-12"
    assert by_name["listing-iraq-tag.txt"].is_article is False
    assert by_name["persian-water.txt"].language == "fa"
    assert by_name["egx"].outlet == "وكالة أنباء المشرق"  # a JSON Lines page with html
    assert all(a.language == "ar" and a.is_article for name, a in by_name.items()
               if name not in ("listing-iraq-tag.txt", "persian-water.txt"))


def test_a_title_tail_the_page_credits_elsewhere_is_the_outlet() -> None:
    from marsad.clean.metadata import split_own_name

    assert split_own_name("خبر عن المياه - الوسط اليوم", ["المصدر: الوسط اليوم"]) == ("خبر عن المياه", "الوسط اليوم")
    assert split_own_name("غزة - القاهرة: محادثات جديدة", ["المصدر: رويترز"]) == ("غزة - القاهرة: محادثات جديدة", None)


def test_a_listing_has_no_title_taken_from_one_of_its_headlines() -> None:
    a = clean_fixture("listing.txt")
    assert a.title is None
    assert "افتتاح جسر جديد في البصرة" in a.removed

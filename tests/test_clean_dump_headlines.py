"""A text dump's own headline and date among what real pages print around them: a caption
that holds fewer of the address's words, a section word or breadcrumb glued before it, a menu
of story tags printed twice, a weather-and-currency bar above it, a format label after it, the
neighbouring articles' links with their dates, an address that sends to a random post. Every
page here is composed by the team."""

from __future__ import annotations

from urllib.parse import quote

from page_docs import clean_one

from marsad.clean.dates import address_date
from marsad.clean.titles import title_from_address

P1 = ("أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم مزارعي الزيتون في المحافظات الشمالية، بعد موسم "
      "صعب شهد تراجعا في الإنتاج.")
P2 = ("وقال الوزير في مؤتمر صحفي إن الخطة تشمل قروضا ميسرة وتوزيع بذور محسنة على أكثر من ثلاثة آلاف "
      "مزارع خلال الأشهر المقبلة.")
P3 = "وأضاف أن الوزارة ستتابع تنفيذ الخطة مع المجالس المحلية، وأن النتائج الأولى ستعلن قبل نهاية العام."


def _address(slug: str) -> str:
    return "https://news.example/2025/" + quote(slug)


def test_of_two_lines_the_one_that_holds_more_of_the_slug_is_the_headline() -> None:
    """The caption under a headline repeats its first words; the slug's number is the headline's."""
    headline = "«موسم الزيتون في الجبل».. 40 عامًا من الحصاد"
    dump = f"{headline}\nموسم الزيتون في الجبل\nموسم الزيتون في الجبل\n\n{P1}\n{P2}\n{P3}"
    assert clean_one(dump, _address("موسم-الزيتون-في-الجبل-40-ع/")).title == headline


def test_a_section_word_or_breadcrumb_glued_before_the_headline_goes_by_the_slug() -> None:
    headline = "الحكومة تطلق خطة لدعم مزارعي الزيتون"
    address = _address("الحكومة-تطلق-خطة-لدعم-مزارعي-الزيتون")
    for glued in ("إقتصاد", "الرئيسية الاخباراخبار المحليات"):
        assert clean_one(f"{glued} {headline}\n\n{P1}\n{P2}\n{P3}", address).title == headline, glued
    # a first word the slug spells stays, and so do words after the slug's last one (slugs cut headlines)
    assert title_from_address([f"{headline} بعد موسم صعب"], address) == f"{headline} بعد موسم صعب"
    assert title_from_address([f"عاجل {headline}"], _address("عاجل-الحكومة-تطلق-خطة-لدعم")) == f"عاجل {headline}"


def test_a_menu_of_story_tags_printed_again_without_bullets_is_not_the_headline() -> None:
    tags = ["حرب الموانئ في البحر الأحمر الكبرى", "أزمة المياه في الشمال", "خارج الملعب", "فريق الرئيس", "فيديوهات"]
    menu = "\n".join(f"  • {tag}" for tag in tags) + "\n" + "\n".join(f"    {tag}\n\n    {tag}" for tag in tags)
    headline = "الحكومة تطلق خطة لدعم مزارعي الزيتون في الشمال"
    assert clean_one(f"مباشر\n{menu}\n{headline}\n\n{P1}\n{P2}\n{P3}").title == headline


def test_the_headline_over_the_first_paragraph_below_a_weather_and_currency_bar() -> None:
    bar = "\n".join(["الساعة 00:00 م", "22° القدس", "21° رام الله", "21° الخليل", "25° غزة", "4.62 جنيه إسترليني",
                     "5.17 دينار أردني", "3.95 يورو", "3.66 دولار أمريكي", "0.08 جنيه مصري", "4", "الأكثر رواجا"])
    headline = "الحكومة تطلق خطة لدعم مزارعي الزيتون"
    article = clean_one(f"{bar}\n\n{headline}\n\nحجم الخط\nimg_2231.jpg\nعمان-وكالات\n\n{P1}\n{P2}\n{P3}")
    assert (article.title, article.is_article) == (headline, True)


def test_a_format_label_after_a_bar_is_part_of_the_headline() -> None:
    headline = "20 مستشفى في 11 محافظة تدخل الخدمة خلال العام| إنفوجراف"
    assert clean_one(f"{headline}\n\n{P1}\n{P2}\n{P3}").title == headline
    # a section or a site after the bar still goes
    assert clean_one(f"20 مستشفى في 11 محافظة تدخل الخدمة خلال العام | أخبار محلية\n\n{P1}\n{P2}\n{P3}").title == (
        "20 مستشفى في 11 محافظة تدخل الخدمة خلال العام")


def test_the_previous_and_next_articles_links_give_neither_headline_nor_date() -> None:
    headline = "الحكومة تطلق خطة لدعم مزارعي الزيتون"
    links = ("المقال السابق\n\nالبنك المركزي يبقي أسعار الفائدة دون تغيير\n20/02/2020\n\n"
             "المقال التالي\n\nالمنتخب يتأهل إلى نصف النهائي بعد فوز صعب\n21/02/2020\n")
    article = clean_one(f"{links}{headline}\n\n{P1}\n{P2}\n{P3}")
    assert (article.title, article.published, article.is_article) == (headline, None, True)
    # the links under the article leave the text as well
    below = clean_one(f"{headline}\n\n{P1}\n{P2}\n{P3}\n{links}")
    assert "البنك المركزي" not in below.text and below.published is None


def test_an_address_that_sends_to_a_random_post_gives_no_date() -> None:
    assert address_date("https://news.example/2018/09/20/other-post/") == "2018-09-20"
    assert address_date("https://news.example/2018/09/20/other-post/?random-post=1") is None
    assert address_date("https://news.example/2018/09/20/other-post/?random=1") is None


def test_a_story_typed_without_full_stops_keeps_its_short_headline_and_its_lede() -> None:
    # each paragraph a line with no full stop; "وقال ..." continues the lede above it
    lede = "كشف رئيس جمعية مزارعي الزيتون في الشمال عن تراجع كبير في إنتاج الموسم الحالي"
    page = "\n".join(["خسائر موسم الزيتون", lede,
                      "وقال في تصريح صحفي إن الأمطار تأخرت هذا العام وإن الآفات أصابت نصف الحقول تقريبا",
                      "وأشار إلى أن المزارعين يطالبون بتعويضات عاجلة قبل بدء الموسم المقبل",
                      "وأكد أن الجمعية رفعت طلبا إلى الوزارة لشراء المحصول بسعر يغطي تكاليف الإنتاج"])
    article = clean_one(page)
    assert article.is_article and article.title == "خسائر موسم الزيتون"
    assert article.text.startswith(lede)


def test_a_blog_post_typed_without_full_stops_over_the_blogs_comment_box() -> None:
    # no headline: two paragraphs, the second "وأوضح ..."; the comment box's colon is no full stop
    first = ("صادق المجلس البلدي اليوم الأحد على مشروع اتفاقية شراكة مع جمعية مزارعي الزيتون لدعم الموسم الحالي "
             "في قرى الشمال والوسط الموقعة في منتصف الشهر الماضي بمقر الولاية")
    page = "\n".join([first, "وأوضح رئيس المجلس أن الاتفاقية تحدد إطار التعاون بين الطرفين وتسمح للجمعية باستعمال "
                      "مخازن البلدية لحفظ المحصول حتى بيعه في الأسواق المحلية بأسعار تغطي تكاليف الإنتاج", "ليست هناك تعليقات:", "إرسال تعليق"])
    article = clean_one(page)
    assert article.is_article and article.title is None
    assert article.text.startswith(first) and "تعليق" not in article.text


def test_a_punctuated_excerpt_that_opens_with_wa_qala_under_its_headline_keeps_the_headline() -> None:
    headline = "توزيع الكهرباء: خطة لقطع التيار عند ارتفاع الحمل في العدادات الذكية"
    page = "\n".join([headline, "وأوضحت الشركة أن الخطة الجديدة تبرمج العدادات لتقطع التيار دقائق معدودة عند ارتفاع "
                      "الحمل في ساعات الذروة.", "وبينت أن العدادات الذكية تتيح معرفة الاستهلاك ساعة بساعة."])
    assert clean_one(page).title == headline


def test_an_address_time_stamp_of_fourteen_digits_is_the_date() -> None:
    assert address_date("https://news.example/breaking/news-20250206181613") == "2025-02-06"
    assert address_date("https://news.example/breaking/news-20251399181613") is None  # no such month

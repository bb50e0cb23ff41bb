"""Traps of real pages' text dumps (issue 19, round 14): a ticker signed with the site's Latin
name, teasers whose "read more" link is glued to the next one, Blogger's other label heading,
Joomla's list offset, an explainer that invites the reader along, a today bar over a menu,
and a paper's issue line. Every page here is composed by the team; the real pages these rules
were written for are only named in the labels (labels/pages/arabic-news-test8.jsonl)."""

from __future__ import annotations

from page_docs import HEADLINE, P1, P2, clean_one

TEASERS = [
    ("ارتفاع أسعار الخضار في الأسواق الشعبية مع بداية الشتاء",
     "شهدت الأسواق الشعبية في العاصمة ارتفاعا ملحوظا في أسعار الخضار مع بداية فصل الشتاء وتراجع "
     "الكميات الواردة من المزارع…"),
    ("افتتاح مدرسة جديدة في الحي الشمالي بسعة ألف طالب",
     "افتتحت مديرية التربية مدرسة جديدة في الحي الشمالي تتسع لألف طالب وطالبة وتضم مختبرات حديثة "
     "وملاعب رياضية…"),
    ("فريق المدينة يتأهل إلى نصف نهائي كأس البطولة",
     "تأهل فريق المدينة إلى الدور نصف النهائي من كأس البطولة بعد فوزه على ضيفه بهدفين نظيفين في "
     "مباراة حماسية"),
]


def test_a_ticker_signed_with_the_sites_latin_name_is_a_ticker() -> None:
    headlines = [teaser[0] for teaser in TEASERS] + [HEADLINE, "تعليق الدوام في المدارس غدا بسبب الأحوال الجوية",
                                                     "وفاة شاب إثر حادث سير على الطريق الصحراوي",
                                                     "البنك المركزي يبقي أسعار الفائدة دون تغيير",
                                                     "انطلاق مهرجان الزيتون الوطني في العاصمة",
                                                     "الأمن العام يحذر من السيول في المناطق المنخفضة"]
    dump = "2026-01-13 - الثلاثاء\n" + " alnabaa ".join(headlines) + " alnabaa تراجع أسعار الذه"
    article = clean_one(dump)
    assert (article.is_article, article.page_type) == (False, "ticker")


def test_teasers_whose_read_more_link_is_glued_to_the_next_headline_make_a_listing() -> None:
    (h1, l1), (h2, l2), (h3, l3) = TEASERS
    dump = f"محليات\n{h1}\n{l1}\nأكمل القراءة »{h2}\n{l2}\nأكمل القراءة »{h3}\n{l3}"
    article = clean_one(dump)
    assert (article.is_article, article.page_type) == (False, "listing")


def test_an_article_ending_with_dots_is_still_an_article() -> None:
    article = clean_one(f"{HEADLINE}\n{P1}\n{P2}\nوأضاف أن المرحلة الثانية من المشروع تبدأ العام المقبل…")
    assert article.is_article


def test_bloggers_other_label_heading_makes_a_listing_without_the_address() -> None:
    heading = "إظهار الرسائل ذات التسميات رياضة. إظهار كافة الرسائل"
    dump = f"{heading}\n{heading}\n\nالخميس، 8 يناير 2026\n\n{HEADLINE}\n\n{P1}\n\n{P2}"
    article = clean_one(dump)
    assert (article.is_article, article.page_type) == (False, "listing")


def test_joomlas_list_offset_in_the_query_is_an_index_page() -> None:
    url = "http://www.example-news.com/index.php/opinion/120-0-8-8-5?start=60"
    article = clean_one(f"سامي عادل\n\n{P1} {P2}", url)
    assert (article.is_article, article.page_type) == (False, "listing")
    # (a few items in, or an article's own page split in parts, is no index)
    assert clean_one(f"{HEADLINE}\n{P1}\n{P2}", "http://www.example-news.com/index.php/local/4512-train-station?start=5").is_article


def test_an_explainer_that_invites_the_reader_along_is_not_news() -> None:
    opening = ["الجالية العربية في المدينة؛ هم العرب المقيمون فيها لأسباب مختلفة.",
               "تشكل الهجرة أهم هذه الأسباب، علاوة على العمل والدراسة.",
               "ينتشر التواجد العربي في مختلف الأحياء، وبشكل أساسي في وسط المدينة.",
               "دعونا نتعرف إلى الجالية العربية في المدينة، بالإضافة إلى عنوان مراكزها.",
               "كما سنذكر بعض المطاعم العربية هناك، بالإضافة إلى المحلات."]
    article = clean_one("الجالية العربية في المدينة | دليل المقيمين الجدد\n\n" + "\n\n".join(opening))
    assert (article.is_article, article.page_type) == (False, "other")


def test_a_today_bar_over_a_bulleted_menu_gives_way_to_the_headline_over_its_dateline() -> None:
    menu = "\n".join(f"  • {item}" for item in ("الرئيسية", "محليات", "عربي دولي", "جامعات", "اقتصاد", "الرياضة",
                                                 "تكنولوجيا", "أخبار الفن", "صحة و جمال", "وظائف", "عدد اليوم",
                                                 "تلفزيون الصحيفة", "الصفحات الكاملة للصحيفة PDF"))
    subheads = "\n\n".join(("المحافظ: موازنة المحطة خمسون مليون دينار", "التشغيل التجريبي يبدأ الشهر المقبل",
                            "خطوط حافلات جديدة تربط المحطة بالأحياء"))
    dump = (f"2026-02-15 | 2:51 مساءً\nصحيفة الخبر اليومي\n{menu}\nالخبر اليومي\nHome محليات\n\n{HEADLINE}\n\n"
            f"الأحد, 14 فبراير 2026, 12:26\n\n{subheads}\n\nالخبر اليومي – سامي عادل\n{P1}\n\n{P2}")
    article = clean_one(dump)
    assert (article.title, article.published) == (HEADLINE, "2026-02-14")


def test_a_papers_issue_line_over_the_headline_dates_the_page() -> None:
    issue = "العدد 3595 - الثلثاء 10 يوليو 2012م الموافق 20 شعبان 1433هـ"
    article = clean_one(f"{issue}\n\n{HEADLINE}\n\n{P1}\n\n{P2}")
    assert (article.title, article.published) == (HEADLINE, "2012-07-10")


def test_a_today_bar_in_both_calendars_over_the_headline_still_dates_nothing() -> None:
    bar = "الثلاثاء 10 يوليو 2012م الموافق 20 شعبان 1433هـ"
    assert clean_one(f"{bar}\n\n{HEADLINE}\n\n{P1}\n\n{P2}").published is None


def test_error_pages_in_the_words_themes_print_are_error_pages() -> None:
    pages = ["عفواً! تعذر العثور على تلك الصفحة.\nيبدو أنه لم يتم العثور على شيء في هذا المكان. ربما جرب أحد "
             "الروابط أدناه أو البحث؟\nبحث عن:\nأحدث المقالات\n" + TEASERS[0][0] + "\n" + TEASERS[1][0],
             "Oops! That page can’t be found.\nIt looks like nothing was found at this location.\nSearch for:",
             "الرئيسية\nأخبار محلية\nرياضة\nاقتصاد\nخطأ 404\nعذراً، لم نتمكن من العثور على الصفحة التي طلبتها.\n"
             "العودة للرئيسية",
             "عذرا، حدث خطأ\nالصفحة التي تحاول الوصول إليها غير موجودة"]
    for page in pages:
        article = clean_one(page)
        assert (article.is_article, article.page_type) == (False, "error"), page


def test_an_error_notice_over_the_latest_news_is_still_an_error_page() -> None:
    dump = (f"الصفحة المطلوبة غير موجودة\nربما تم حذف الصفحة أو تغيير رابطها. يمكنك تصفح آخر الأخبار:\n"
            f"{TEASERS[0][1]}\n{TEASERS[1][1]}")
    assert clean_one(dump).page_type == "error"


def test_a_column_about_missing_pages_is_an_article() -> None:
    body = ("وعندما تقرأ خبرا مثيرا وتذهب لتفتح الصفحة، تفاجئك عبارة الصفحة غير موجودة، لتجعلك تستاء وكأنك "
            "فقدت شيئا ثمينا، وهي عبارة صارت مألوفة لكل من يتابع المواقع الإخبارية كل يوم.")
    more = ("والسؤال الذي يطرحه كثير من القراء هو لماذا تبقي المواقع على العناوين المثيرة بعد حذف محتواها، "
            "ولماذا لا تعتذر للقارئ بكلمة واضحة بدل أن تتركه أمام صفحة فارغة.")
    article = clean_one(f"\nالصفحة غير موجودة\n{body}\n{more}")
    assert article.is_article and article.title == "الصفحة غير موجودة"


FEED_ITEMS = [(headline, f"https://www.example-news.com/news/{i}.html", f"Sat, 13 Jun 2026 1{i}:18:00 +0200", lede)
              for i, (headline, lede) in enumerate(TEASERS)]


def test_a_feed_flattened_to_lines_is_a_feed_without_its_address() -> None:
    dump = "أخبار المدينة : جريدة إلكترونية\nhttps://www.example-news.com/\n" + "\n".join(
        "\n".join(item) for item in FEED_ITEMS)
    assert clean_one(dump).page_type == "feed"


def test_a_feed_run_together_on_one_line_is_a_feed() -> None:
    dump = "أخبار المدينة https://www.example-news.com/ " + " ".join(" ".join(item) for item in FEED_ITEMS)
    assert clean_one(dump).page_type == "feed"


def test_a_feed_whose_tags_were_stripped_to_cdata_is_a_feed() -> None:
    dump = "<![CDATA[أخبار المدينة]]>\n" + "\n".join(f"<![CDATA[{h}]]>\n<![CDATA[{link}]]>\n{lede}"
                                                      for h, link, _stamp, lede in FEED_ITEMS)
    assert clean_one(dump).page_type == "feed"


COLUMNS = [("ذاكرة المدينة القديمة", "12 يناير 2025",
            "في كل زاوية من زوايا المدينة القديمة حكاية لم تكتب بعد، وأهلها يعرفون ذلك جيدا ويحفظونها عن ظهر "
            "قلب…"),
           ("عن الصحافة التي نحتاجها", "5 يناير 2025",
            "ليست الصحافة مهنة نقل الأخبار فقط، بل هي مسؤولية أمام القارئ قبل أي شيء آخر، وهذا ما ننساه "
            "كثيرا…")]


def test_a_writers_page_dating_each_column_under_its_lede_is_not_an_article() -> None:
    dump = "\n\n".join(f"{headline}\n\n{lede}\n\n{day}" for headline, day, lede in COLUMNS)
    assert not clean_one(dump).is_article


def test_a_writers_page_dating_each_column_under_its_headline_is_not_an_article() -> None:
    dump = "سامي عادل\n" + "\n".join(f"{headline}\n{day}\n{lede}" for headline, day, lede in COLUMNS)
    assert not clean_one(dump).is_article


def test_an_article_with_its_dateline_and_a_last_stamp_is_an_article() -> None:
    article = clean_one(f"{HEADLINE}\n12 يناير 2025\n{P1} {P2}\n{P2} {P1}\n12 يناير 2025")
    assert article.is_article and article.published == "2025-01-12"


def test_an_article_dated_under_its_headline_and_stamped_another_day_at_its_end_is_an_article() -> None:
    assert clean_one(f"{HEADLINE}\n12 يناير 2025\n{P1} {P2}\n{P2} {P1}\n13 يناير 2025").is_article


TICKER = [teaser[0] for teaser in TEASERS] + [HEADLINE, "تعليق الدوام في المدارس غدا بسبب الأحوال الجوية",
                                              "وفاة شاب إثر حادث سير على الطريق الصحراوي",
                                              "البنك المركزي يبقي أسعار الفائدة دون تغيير",
                                              "انطلاق مهرجان الزيتون الوطني في العاصمة"]


def test_a_ticker_flattened_with_a_mark_between_its_headlines_is_a_ticker() -> None:
    for mark in (" | ", " • ", " ◄ ", " - "):
        article = clean_one("عاجل" + mark + mark.join(TICKER))
        assert (article.is_article, article.page_type) == (False, "ticker"), mark


def test_runs_of_years_highlights_and_pauses_are_no_ticker() -> None:
    years = "تولى رئاسة الجامعة تباعا: " + "، ".join(f"الدكتور سامي عادل رقم {i} ({1950 + 5 * i} - {1955 + 5 * i})"
                                                   for i in range(9)) + "."
    highlights = " ".join(f"- {P1}" for _ in range(9))
    pauses = " ... ".join(("حدثا أليما", "ويوما صعبا في ذاكرة المدينة", "وبيوم كان حزينا بمثل هذا اليوم",
                           "وليس تاريخه فقط", "والحديث عن الخامس من حزيران", "يوم سالت فيه الدماء",
                           "وسقطت فيه الأرواح", "وهجر فيه الآلاف من أبناء المدن")) + "."
    for line in (years, highlights, pauses):
        assert clean_one(f"{HEADLINE}\n{line}\n{P1}\n{P2}").is_article, line[:40]


def test_a_blogs_date_header_on_line_one_keeps_the_headline_under_it() -> None:
    other = "افتتاح مدرسة جديدة في الحي الشمالي بسعة ألف طالب"
    dump = f"الخميس، 8 يناير 2026\n{HEADLINE}\n{P1}\n{P2}\n{other}\nالأربعاء، 7 يناير 2026\n{P2}"
    assert clean_one(dump).title == HEADLINE

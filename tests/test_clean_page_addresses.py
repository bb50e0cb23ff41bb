"""What an address says of the page under it (a year's month archive with a query, a site's
video section, an article split in pages), and a forum thread known without its address. Every
page here is composed by the team."""

from __future__ import annotations

from marsad.clean import clean_pages
from marsad.ingest import make_page
from marsad.model import Article

TITLE = "الحكومة تطلق خطة لدعم مزارعي الزيتون"
P1 = ("أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم مزارعي الزيتون في المحافظات الشمالية، بعد موسم "
      "صعب شهد تراجعا في الإنتاج.")
P2 = ("وقال الوزير في مؤتمر صحفي إن الخطة تشمل قروضا ميسرة وتوزيع بذور محسنة على أكثر من ثلاثة آلاف "
      "مزارع خلال الأشهر المقبلة.")
PAGE = f"{TITLE}\n\n{P1}\n\n{P2}"


def _one(url: str) -> Article:
    [article], problems = clean_pages([make_page(url, PAGE, url=url)])
    assert not problems
    return article


def test_a_months_archive_with_a_query_is_a_listing() -> None:
    for url in ("https://blog.example.com/2016/11/", "https://blog.example.com/2016/11/?m=0"):
        assert _one(url).page_type == "listing", url
    assert _one("https://blog.example.com/2016/11/olive-harvest-plan-north.html").is_article


def test_the_sites_video_section_holds_videos_whatever_their_slug() -> None:
    for url in ("https://news.example/videos/2020/8/5/olive-harvest-plan-in-the-north",
                "https://news.example/tr/watch/olive-harvest-plan-in-the-north"):
        article = _one(url)
        assert (article.is_article, article.page_type) == (False, "video"), url
    # deeper, a section called "tv" under the news holds articles with their own slug
    assert _one("https://news.example/news/tv/78366-olive-harvest-plan-in-the-north/").is_article


def test_an_articles_own_address_with_a_page_number_is_the_article() -> None:
    assert _one("https://news.example/world/4401586-olive-harvest-plan-north?page=1").is_article
    for url in ("https://news.example/opinion?page=48", "https://news.example/taxonomy/term/118211?page=1"):
        assert _one(url).page_type == "listing", url


def test_a_forum_thread_without_its_address_by_its_members_fields() -> None:
    thread = "\n".join(["منتدى الزيتون", "اذهب الى الأسفل", "كاتب الموضوعرسالة", "أبو خالد",
                        "الجنس : ذكر عدد المساهمات : 1811", "تاريخ التسجيل : 15/11/2011",
                        f"مُساهمةموضوع: {TITLE}", P1, P2])
    [article], _ = clean_pages([make_page("thread", thread)])
    assert (article.is_article, article.page_type) == (False, "other")
    # one such word alone ("المشاركات" in a report) leaves an article an article
    [report], _ = clean_pages([make_page("report", f"{TITLE}\n\nالمشاركات\n\n{P1}\n\n{P2}")])
    assert report.is_article


def test_more_kinds_of_page_known_by_their_address() -> None:
    kinds = {
        "https://news.example/amp/video/1728334-olive-harvest-plan-in-the-north": "video",  # an AMP copy
        "http://lessons.example//audio_show/39452": "video",  # a recording's page (and a doubled slash)
        "http://columns.example/?author=157": "author",  # WordPress's writer page by number
        "http://forum.example/viewtopic?t=1414&topic_name": "other",  # Forumotion's topic
        "https://blog.example.com/2026/02/digest-for-february-09-2026.html": "listing",  # a digest of posts
        "https://www.social.example/widgets/share/tool/preview?url=https%3A%2F%2Fwp.me%2Fx": "other",  # a share card
    }
    for url, kind in kinds.items():
        article = _one(url)
        assert (article.is_article, article.page_type) == (False, kind), url
    # an article whose slug names a video, and a query that is no writer's number, stay articles
    assert _one("https://news.example/news/78366-olive-harvest-plan-video").is_article
    assert _one("https://news.example/?p=53632").is_article


def test_a_forumotion_join_prompt_that_runs_on_into_a_sentence_counts_as_a_forum_field() -> None:
    thread = "\n".join(["منتديات الزيتون", "هل تريد التفاعل مع هذه المساهمة؟ كل ما عليك هو إنشاء حساب جديد ببضع "
                        "خطوات أو تسجيل الدخول للمتابعة.", TITLE, "اذهب الى الأسفل", P1, P2])
    [article], _ = clean_pages([make_page("thread", thread)])
    assert (article.is_article, article.page_type) == (False, "other")
    # paragraphs that open with a field's word or two are a report's own words
    report = "\n".join([TITLE, "تاريخ التسجيل في برنامج الدعم يبدأ الأسبوع المقبل ويستمر شهرا كاملا في كل "
                         "المحافظات الشمالية بحسب الوزارة.", "المشاركات في البرنامج مفتوحة لكل المزارعين الذين "
                         "تضرروا من الموسم الماضي وخسروا جزءا من محصولهم.", P1, P2])
    [kept], _ = clean_pages([make_page("report", report)])
    assert kept.is_article


def test_a_recorded_lessons_transcript_is_a_video_page() -> None:
    lesson = "\n".join(["شرح كتاب الزكاة [12]", "الحلقة مفرغة", P1, P2])
    [article], _ = clean_pages([make_page("lesson", lesson)])
    assert (article.is_article, article.page_type) == (False, "video")


def test_a_journals_download_stub_is_no_listing() -> None:
    stub = "العودة إلى تفاصيل المؤلَّف أثر الجفاف على زراعة الزيتون في المناطق الجبلية تنزيل تنزيل بصيغة PDF"
    [article], _ = clean_pages([make_page("stub", stub)])
    assert (article.is_article, article.page_type) == (False, "other")


def test_an_item_number_in_the_query_makes_an_archive_folder_an_articles_page() -> None:
    assert _one("https://paper.example/archives/ar/detail.php?categ=5&id=4212").is_article
    assert _one("https://paper.example/archives/").page_type == "listing"  # the folder alone is an index


def test_a_random_posts_link_says_nothing_of_the_page_it_shows() -> None:
    # WordPress's "?random-post=1" on a tag address shows one whole post: no listing
    assert _one("https://news.example/tag/olive-oil?random-post=1").is_article
    assert _one("https://news.example/tag/olive-oil").page_type == "listing"


def test_a_vbulletin_5_topic_is_a_forum_thread() -> None:
    url = "https://forum.example/vb/forum/news-archive/local-news/300315-olive-harvest-plan-north?p=300315"
    article = _one(url)
    assert (article.is_article, article.page_type) == (False, "other")

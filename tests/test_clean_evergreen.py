"""Pages that read like articles and are not news items: an essay or a guide headed
"مقدمة", a question-and-answer site's question page, a category page whose teasers each end
in a "read more" link. Every page here is composed by the team."""

from __future__ import annotations

import math

from page_docs import clean_one

from marsad.clean import clean_pages_shaped
from marsad.ingest import make_page

P1 = ("تعد الحرائق من أخطر ما يهدد الغابات في المناطق الجبلية، إذ تأتي النيران خلال ساعات قليلة على "
      "مساحات واسعة من الأشجار والنباتات وتترك وراءها أضرارا اقتصادية وبيئية كبيرة.")
P2 = ("ويمكن الحد من خطر الحرائق بتنظيف الأرض من الأعشاب اليابسة قبل الصيف، وفتح طرق للإطفاء بين "
      "الحقول، وتوعية الزوار بعدم إشعال النار في الأماكن المفتوحة.")
P3 = ("وتعمل فرق الدفاع المدني مع السكان على مراقبة الغابات في الأشهر الحارة، وتبلغ عن أي دخان "
      "تراه في وقت مبكر حتى تصل سيارات الإطفاء قبل أن تتسع النيران.")


def test_a_guide_headed_introduction_is_not_an_article() -> None:
    guide = f"الوقاية من حرائق الغابات\n\nإعداد: م. سامر علي\n* مقدمة:\n{P1}\n{P2}\n{P3}"
    article = clean_one(guide)
    assert not article.is_article
    assert article.page_type == "other"
    news = f"الوقاية من حرائق الغابات\n\nإعداد: م. سامر علي\n{P1}\n{P2}\n{P3}"
    assert clean_one(news).is_article


def test_a_question_page_of_a_questions_and_answers_site_is_not_an_article() -> None:
    question = ("0 تصويتات\nفي تصنيف معلومات عامة بواسطة (12ألف نقاط)\n\nكيف نحمي الغابات من الحرائق\n\n"
                f"الإجابة هي كالتالي\n\n{P1}\n{P2}")
    assert not clean_one(question).is_article


def test_teasers_each_with_its_read_more_link_make_a_category_page() -> None:
    """The "اقرأ المزيد" link alone on its line is furniture by the lexicon, and still counted
    as a teaser's link."""
    teasers = "".join(f"  • عنوان الموضوع رقم {n} عن الغابات\n\n    {p[:175]}....\n\n    اقرأ المزيد\n\n"
                      for n, p in enumerate((P1, P2, P3), 1))
    page = f"نظام حماية الغابات\n\n{teasers}  • عنوان الموضوع الأخير\n\n    {P1[:120]}"
    [(article, shape)], _problems = clean_pages_shaped([make_page("page", page)])
    assert shape.get("log_read_more") >= math.log1p(3)
    assert not article.is_article
    assert article.page_type == "listing"


def test_an_encyclopedias_entry_says_whose_it_is() -> None:
    entry = clean_one(f"الغابات في بلاد الشام\nمن ويكيبيديا، الموسوعة الحرة\n{P1}\n\n{P2}\n\n{P3}")
    assert (entry.is_article, entry.page_type) == (False, "other")
    # a report that mentions the encyclopedia in a sentence stays an article
    report = clean_one(f"حملة لحماية الغابات\n\n{P1}\n\n{P2} ونقل الموقع فقرة عن الموسوعة الحرة في شرحه للخطة.")
    assert report.is_article


def test_a_blogs_index_heading_makes_a_listing_even_with_one_whole_post() -> None:
    for heading in ("عرض المشاركات من سبتمبر, 2025", "عرض المشاركات ذات التصنيف غابات", "Showing posts from May, 2024"):
        page = f"التخطي إلى المحتوى الرئيسي\nالمشاركات\n{heading}\nحرائق الغابات في الصيف\n{P1}\n\n{P2}\n\n{P3}"
        archive = clean_one(page)
        assert (archive.is_article, archive.page_type) == (False, "listing"), heading
    # a post that tells of "عرض المشاركات" in its body stays an article
    assert clean_one(f"حرائق الغابات في الصيف\n\n{P1}\n\n{P2} وتم عرض المشاركات من المدارس في المعرض.").is_article

"""What a page's lines show of a listing (marsad/clean/listing_cues.py): unrelated teasers,
a teaser trimmed before its "for more" link, a hashtag heading, the "see also" block under
an article. Every text here is composed by the team."""

from __future__ import annotations

from marsad.clean import clean_pages
from marsad.clean.lines import split_lines
from marsad.clean.listing_cues import before_related_block, cohesion, hashtag_heading, linked_cuts
from marsad.ingest import make_page
from marsad.model import Article

# One story told in three paragraphs ...
STORY = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الواحة بسعة مئتي سرير، في إطار خطة لتوسيع "
    "الخدمات الطبية في المحافظات الجنوبية.",
    "وقال وزير الصحة خلال حفل الافتتاح إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل، وإن الكوادر "
    "الطبية أكملت تدريبها خلال الأسابيع الماضية.",
    "وأضاف الوزير أن الوزارة تعمل على تجهيز ثلاثة مستشفيات أخرى في المحافظات الشمالية قبل نهاية العام، "
    "بتمويل من الموازنة العامة للدولة.",
)
# ... and teasers of three stories that have nothing to do with one another.
TEASERS = (
    "أعلن نادي الشرطة تعاقده مع مدرب جديد لقيادة الفريق الأول لكرة القدم خلال الموسم المقبل بعد سلسلة من "
    "النتائج المخيبة في الدوري.",
    "ارتفعت أسعار الذهب في الأسواق صباح اليوم بنسبة طفيفة مدفوعة بزيادة الطلب العالمي على المعدن الأصفر "
    "قبيل عطلة نهاية الأسبوع.",
    "حذرت هيئة الأرصاد الجوية من موجة حر شديدة تضرب المناطق الساحلية بدءا من الغد مع توقعات بتجاوز "
    "درجات الحرارة أربعين درجة مئوية.",
)


def _one(content: str) -> Article:
    [article], problems = clean_pages([make_page("page", content)])
    assert not problems
    return article


def test_an_articles_paragraphs_hang_together_and_teasers_do_not() -> None:
    told = cohesion(split_lines("\n\n".join(STORY)))
    assert told.unrelated == 0.0
    listed = cohesion(split_lines("\n\n".join(TEASERS)))
    assert listed.unrelated == 1.0
    assert cohesion(split_lines("\n\n".join(TEASERS[:2]))).unrelated == 0.0  # two paragraphs say nothing


def test_a_run_of_unrelated_teasers_without_an_address_is_not_an_article() -> None:
    assert _one("\n\n".join(TEASERS)).is_article is False
    assert _one("افتتاح مستشفى جديد في الجنوب\n\n" + "\n\n".join(STORY)).is_article


def test_the_see_also_block_under_an_article_is_not_its_shape() -> None:
    lines = split_lines("\n\n".join((*STORY[:2], "شاهد أيضاً", *TEASERS)))
    assert [ln.text for ln in before_related_block(lines)] == list(STORY[:2])
    widget_on_top = split_lines("\n\n".join(("الأكثر قراءة", *STORY)))  # a box above the headline stays
    assert len(before_related_block(widget_on_top)) == 4
    page = "\n\n".join(("افتتاح مستشفى جديد في الجنوب", *STORY, "شاهد أيضاً", *TEASERS))
    assert _one(page).is_article


def test_a_teaser_trimmed_before_its_for_more_link() -> None:
    assert linked_cuts(split_lines(f"{TEASERS[0][:-1]} ... للمزيد")) == 1
    assert linked_cuts(split_lines(STORY[0])) == 0


def test_a_hashtag_heading_but_not_a_post_number() -> None:
    assert hashtag_heading(split_lines("الوسوم - #الصحة\n" + TEASERS[0]))
    assert not hashtag_heading(split_lines("#1 |\n" + STORY[0]))


def test_a_lone_news_paragraph_is_an_article_and_a_lone_heading_is_not() -> None:
    assert _one(STORY[0]).is_article  # most one-paragraph pages are briefs
    assert _one("وسم: الصحة\n\n" + STORY[0]).is_article is False


def test_a_label_repeated_over_each_teaser_makes_a_listing() -> None:
    # an empty date label, or an image's placeholder, over every item of a category page
    for label in ("نشر بتاريخ:", "Post image"):
        page = "\n".join(f"{label}\n{teaser}" for teaser in TEASERS)
        assert (_one(page).is_article, _one(page).page_type) == (False, "listing"), label
    # a headline printed twice over one story is no such label
    assert _one("\n".join(["افتتاح مستشفى جديد في الواحة", "افتتاح مستشفى جديد في الواحة", *STORY])).is_article
    # an article's own subheads, one set per part ("المقادير" over each recipe), are no item fields
    parts = "\n".join(f"المقادير\n{paragraph}" for paragraph in STORY)
    assert _one(f"أطباق سهلة لمائدة رمضان\n{parts}").is_article


def test_a_tickers_timed_headlines_each_with_its_link() -> None:
    headlines = ("نادي الشرطة يتعاقد مع مدرب جديد", "ارتفاع طفيف في أسعار الذهب صباح اليوم",
                 "الأرصاد تحذر من موجة حر على السواحل", "افتتاح مستشفى جديد في مدينة الواحة")
    page = "\n".join(f"1{i}:0{i} . {h}... المزيد |" for i, h in enumerate(headlines))
    article = _one(page)
    assert (article.is_article, article.page_type) == (False, "ticker")

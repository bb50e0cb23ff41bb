"""More forms HTML pages give their headline, lede and date in: a kicker inside the <h1>, a
lede block named "description", a <time> marked published by its class, ISO-form stamps in a
Hijri calendar. Every page here is composed by the team."""

from __future__ import annotations

from marsad.clean import clean_pages
from marsad.clean.dates import parse_stamp
from marsad.ingest import make_page
from marsad.model import Article

TITLE = "افتتاح مستشفى جديد في الجنوب"
P1 = ("أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، في إطار خطة لتوسيع "
      "الخدمات الطبية في المحافظات الجنوبية.")
P2 = ("وقال وزير الصحة إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل، وإن الكوادر الطبية "
      "أكملت تدريبها خلال الأسابيع الماضية.")
URL = "https://news.example/news/55/hospital"


def _page(body: str, head: str = "", title: str = TITLE) -> Article:
    html = (f"<html lang=\"ar\" dir=\"rtl\"><head><title>{title}</title>{head}</head><body>"
            f"<nav><a href=\"/\">الرئيسية</a></nav>{body}<footer>جميع الحقوق محفوظة</footer></body></html>")
    [article], problems = clean_pages([make_page(URL, html, url=URL)])
    assert not problems
    return article


def _article(heading: str = TITLE, above: str = "") -> str:
    return f"<article><h1>{heading}</h1>{above}<div class=\"content\"><p>{P1}</p><p>{P2}</p></div></article>"


def test_a_kicker_in_the_h1_is_not_part_of_the_headline() -> None:
    article = _page(_article(heading=f"<span class=\"label\">عاجل</span> {TITLE}"))
    assert article.title == TITLE


def test_an_h1_with_the_site_name_or_longer_than_the_meta_title_is_kept_otherwise() -> None:
    # Two words after the meta title are not a kicker: the <h1> is the headline as written.
    longer = f"{TITLE} بسعة مئتي سرير"
    assert _page(_article(heading=longer), title=f"{TITLE} بسعة مئتي سرير").title == longer


def test_a_lede_block_named_description_stays_in_the_body() -> None:
    lede = "مستشفى بسعة مئتي سرير يبدأ استقبال المرضى الشهر المقبل في الجنوب"
    article = _page(_article(above=f"<p class=\"article-desc\">{lede}</p>"))
    assert article.text.startswith(lede) and P1 in article.text


def test_a_description_that_is_not_the_storys_is_not_a_lede() -> None:
    # The site's tagline, a picture's caption, a description that names no story.
    tagline = "موقع إخباري مستقل يهتم بأخبار المدينة والمنطقة منذ عام ألفين وعشرة"
    caption = "وزير الصحة خلال جولته في أقسام المستشفى الجديد صباح اليوم"
    for block in (f"<p class=\"site-description\">{tagline}</p>", f"<div class=\"news-img-desc\">{caption}</div>",
                  f"<div class=\"description\">{caption}</div>"):
        article = _page(_article(above=block))
        assert article.text.startswith(P1[:30]), block


def test_a_time_marked_published_by_its_class_gives_its_local_date() -> None:
    # WordPress: the datetime in UTC, the text the reader sees in local time, a day later.
    stamp = "<time class=\"entry-date published\" datetime=\"2024-03-24T22:30:00+00:00\">25 مارس 2024</time>"
    assert _page(_article(above=stamp)).published == "2024-03-25"


def test_iso_form_stamps_in_the_hijri_calendars() -> None:
    solar = parse_stamp("1402-05-12T10:30:00+03:30")  # an Iranian page's meta tag
    lunar = parse_stamp("1445-09-15")
    assert solar is not None and (solar.iso, solar.utc) == ("2023-08-03", False)
    assert lunar is not None and lunar.iso == "2024-03-25"
    head = "<meta property=\"article:published_time\" content=\"1402-05-12T10:30:00+03:30\">"
    assert _page(_article(), head=head).published == "2023-08-03"

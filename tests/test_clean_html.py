"""The HTML path: trafilatura for the main text, meta tags for date and outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.clean import clean_pages
from marsad.ingest import make_page

HTML = (Path(__file__).parent / "fixtures" / "clean" / "article.html").read_text(encoding="utf-8")


def test_html_article_text_and_metadata() -> None:
    [article], problems = clean_pages([make_page("https://www.sahel.example/water", HTML, url="https://www.sahel.example/water")])
    assert not problems
    assert article.title == "افتتاح أكبر محطة لتحلية المياه في الساحل"
    assert article.published == "2024-02-11"
    assert article.outlet == "جريدة الساحل"
    assert article.text.startswith("افتتحت وزارة المياه صباح الأحد")
    assert article.text.endswith("وتراجع منسوب الأنهار.")
    for furniture in ("الرئيسية", "شارك الخبر", "جميع الحقوق محفوظة", "(أ ف ب)", "عاجل: انقطاع"):
        assert furniture not in article.text
    assert article.is_article and article.language == "ar"


def test_outlet_from_the_domain_when_the_page_does_not_say() -> None:
    html = HTML.replace('<meta property="og:site_name" content="جريدة الساحل">', "")
    [article], _ = clean_pages([make_page("u", html, url="https://www.aljazeera.net/news/1")])
    assert article.outlet == "الجزيرة نت"


def test_rss_dump_is_not_an_article() -> None:
    rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار</title>' + "".join(
        f"<item><title>خبر رقم {i}</title><link>https://x.example/{i}</link></item>" for i in range(20)
    ) + "</channel></rss>"
    [article], _ = clean_pages([make_page("feed.xml", rss)])
    assert article.is_article is False


def test_broken_html_does_not_stop_the_batch() -> None:
    pages = [make_page("bad.html", "<html><body><div><p>" + "<" * 5000), make_page("ok.html", HTML)]
    articles, problems = clean_pages(pages)
    assert len(articles) + len(problems) == 2
    assert any(a.title == "افتتاح أكبر محطة لتحلية المياه في الساحل" for a in articles)


BODY = (
    "<p>أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، في إطار خطة لتوسيع "
    "الخدمات الطبية في المحافظات الجنوبية.</p>"
    "<p>وقال وزير الصحة إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل، وإن الكوادر الطبية "
    "أكملت تدريبها خلال الأسابيع الماضية.</p>"
)


def _page(head: str = "", before: str = "", url: str | None = None) -> list[object]:
    html = (f"<html><head><title>افتتاح مستشفى جديد في الجنوب</title>{head}</head><body>"
            f"<article><h1>افتتاح مستشفى جديد في الجنوب</h1>{before}{BODY}</article>"
            "<footer>© 2024 جميع الحقوق محفوظة</footer></body></html>")
    articles, problems = clean_pages([make_page(url or "page.html", html, url=url)])
    assert not problems
    return articles  # type: ignore[return-value]


def test_date_from_json_ld() -> None:
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-05-02T10:00:00Z"}</script>'
    [article] = _page(head=ld)
    assert article.published == "2023-05-02"  # type: ignore[attr-defined]


def test_date_from_a_time_element() -> None:
    [article] = _page(before='<time datetime="2022-11-20">20 نوفمبر 2022</time>')
    assert article.published == "2022-11-20"  # type: ignore[attr-defined]


def test_no_date_is_invented_from_a_copyright_line() -> None:
    [article] = _page()
    assert article.published is None  # type: ignore[attr-defined]


def test_outlet_of_an_arabic_edition_from_the_url_path() -> None:
    [article] = _page(url="https://www.bbc.com/arabic/articles/c0000")
    assert article.outlet == "بي بي سي عربي"  # type: ignore[attr-defined]


def test_furniture_the_html_path_drops_is_listed_in_removed() -> None:
    [article], _ = clean_pages([make_page("https://www.sahel.example/water", HTML, url="https://www.sahel.example/water")])
    assert article.removed[:3] == ("الرئيسية", "سياسة", "اقتصاد")
    assert "المحطة الجديدة على الشاطئ الشمالي (أ ف ب)" in article.removed  # the figcaption
    assert "شارك الخبر فيسبوك تويتر واتساب" in article.removed
    assert "افتتاح أكبر محطة لتحلية المياه في الساحل" not in article.removed  # the title is not furniture
    assert not any(line in article.text for line in article.removed)


def test_a_page_whose_extractor_raises_becomes_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.clean as clean

    def explode(html: str, url: str | None) -> None:
        raise ValueError("parser exploded")

    monkeypatch.setattr(clean, "extract_html", explode)
    articles, problems = clean_pages([make_page("bad.html", HTML), make_page("ok.txt", "سطر\nقال الوزير إن الجلسة المقبلة ستعقد في بغداد مطلع الشهر المقبل لبحث الملفات العالقة.")])
    assert [p.source for p in problems] == ["bad.html"]
    assert "parser exploded" in problems[0].error
    assert [a.source for a in articles] == ["ok.txt"]


def test_an_html_tag_page_of_links_is_not_an_article() -> None:
    heads = ["وزير النفط يلتقي وفدا من شركة أجنبية", "الأمطار تغلق طرقا في السليمانية",
             "افتتاح جسر جديد في البصرة", "ارتفاع أسعار الذهب في الأسواق المحلية",
             "الحكومة تعلن خطة لإعادة إعمار المدارس", "البرلمان يستأنف جلساته الأسبوع المقبل"]
    items = "".join(f"<li><a href='/n/{i}'>{h}</a><span>منذ {i + 1} ساعات</span></li>" for i, h in enumerate(heads))
    html = f"<html><head><title>وسم: العراق</title></head><body><h1>وسم: العراق</h1><ul>{items}</ul></body></html>"
    [article], _ = clean_pages([make_page("tag.html", html)])
    assert article.is_article is False
    assert "افتتاح جسر جديد في البصرة منذ 3 ساعات" in article.removed


def test_an_empty_html_page_is_not_an_article() -> None:
    [article], problems = clean_pages([make_page("empty.html", "<html><body></body></html>")])
    assert not problems
    assert (article.is_article, article.text, article.language) == (False, "", "und")

"""The HTML path: trafilatura for the main text, meta tags for date and outlet."""

from __future__ import annotations

from pathlib import Path

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

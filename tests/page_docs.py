"""Composed pages the cleaning tests share: one news item's headline and two paragraphs, and
cleaning one page that must come through without a problem."""

from __future__ import annotations

from marsad.clean import clean_pages
from marsad.ingest import make_page
from marsad.model import Article

HEADLINE = "وزير النقل يفتتح محطة القطار الجديدة في وسط المدينة"
P1 = ("افتتح وزير النقل صباح اليوم محطة القطار الجديدة في وسط المدينة، بحضور عدد من المسؤولين "
      "وممثلي الشركات المنفذة للمشروع.")
P2 = "وقال الوزير إن المحطة تخدم نحو خمسين ألف راكب يوميا وتربط الأحياء الشرقية بالمطار الدولي."


def clean_one(content: str, url: str | None = None) -> Article:
    """The article of one page (named by its address, else "page"), cleaned without a problem."""
    [article], problems = clean_pages([make_page(url or "page", content, url=url)])
    assert not problems
    return article

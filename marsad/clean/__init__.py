"""Clean (PLACEHOLDER until the cleaning work lands): RawPage -> Article."""
from __future__ import annotations

from marsad.model import Article, Problem, RawPage


def clean_pages(pages: list[RawPage]) -> tuple[list[Article], list[Problem]]:
    """Clean every page; pages of one site are cleaned together (repeated lines)."""
    articles = [
        Article(id=p.content_hash[:16], source=p.source, text=p.content.strip(), title=p.hint_title,
                published=p.hint_published, outlet=p.hint_outlet, language="ar", is_article=True,
                url=p.url, content_hash=p.content_hash)
        for p in pages
    ]
    return articles, []

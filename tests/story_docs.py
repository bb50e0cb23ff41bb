"""Hand-built Docs for the story tests: annotations placed by text.index, so the tests do
not depend on the extractors of other stages."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.model import Article, Doc, Mention, Quantity, TimeExpr


def span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    return at, at + len(surface)


def make_doc(doc_id: str, text: str, *, title: str | None = None, published: str | None = None,
             outlet: str | None = None, mentions: tuple = (), quantities: tuple = (),
             times: tuple = ()) -> Doc:
    """mentions: (surface, type, entity id[, nth]); quantities: (surface, value, bound, unit,
    unit_text); times: (surface, value)."""
    ms = []
    for surface, typ, entity, *nth in mentions:
        s, e = span(text, surface, nth[0] if nth else 0)
        ms.append(Mention(s, e, surface, typ, entity))
    qs = []
    for surface, value, bound, unit, unit_text in quantities:
        s, e = span(text, surface)
        qs.append(Quantity(s, e, surface, float(value), bound, unit, unit_text))
    ts = []
    for surface, value in times:
        s, e = span(text, surface)
        ts.append(TimeExpr(s, e, surface, value, granularity="day" if value and len(value) == 10 else None))
    article = Article(id=doc_id, source=doc_id, text=text, title=title, published=published,
                      outlet=outlet, language="ar", is_article=True)
    return Doc(article, sentences=tuple(split_sentences(text)), mentions=tuple(ms),
               quantities=tuple(qs), times=tuple(ts))

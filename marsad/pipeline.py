"""The one place where the stages are wired, as plain ordered lists, and the one place
where a bad page is caught, turned into a `Problem`, and the batch goes on."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from marsad.arabic.tokenize import split_sentences
from marsad.clean import clean_pages
from marsad.errors import MarsadError
from marsad.extract.dates import extract_times
from marsad.extract.entities import EntityTagger, extract_mentions
from marsad.extract.events import extract_events
from marsad.extract.quantities import extract_quantities
from marsad.extract.quotes import extract_quotes
from marsad.extract.roles import attach_roles
from marsad.link.duplicates import find_reuse
from marsad.link.entities import link_entities
from marsad.model import Analysis, Article, Doc, Problem, RawPage
from marsad.stories import build_stories

log = logging.getLogger(__name__)


@dataclass
class RunContext:
    """What the stages need besides the document: passed explicitly, never global."""

    reference_date: date | None = None
    tagger: EntityTagger | None = None  # loaded once per run, on first use

    def get_tagger(self) -> EntityTagger:
        if self.tagger is None:
            self.tagger = EntityTagger.load()
        return self.tagger


DocStage = Callable[[Doc, RunContext], Doc]


def add_sentences(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, sentences=tuple(split_sentences(doc.article.text)))


def add_quantities(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, quantities=tuple(extract_quantities(doc.article.text)))


def add_times(doc: Doc, ctx: RunContext) -> Doc:
    ref = _reference_for(doc.article, ctx)
    return dataclasses.replace(doc, times=tuple(extract_times(doc.article.text, ref)))


def add_mentions(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, mentions=tuple(extract_mentions(doc, ctx.get_tagger())))


def add_roles(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, mentions=tuple(attach_roles(doc)))


def add_quotes(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, quotes=tuple(extract_quotes(doc)))


def add_events(doc: Doc, ctx: RunContext) -> Doc:
    ref = _reference_for(doc.article, ctx)
    return dataclasses.replace(doc, events=tuple(extract_events(doc, ref)))


# Per-article stages, in order. Arabic extractors run only on Arabic articles.
ARABIC_STAGES: tuple[DocStage, ...] = (
    add_sentences,
    add_quantities,
    add_times,
    add_mentions,
    add_roles,
    add_quotes,
    add_events,
)


def _reference_for(article: Article, ctx: RunContext) -> date | None:
    """Relative dates resolve against the publication date, else the user's date."""
    if article.published and len(article.published) == 10:
        return date.fromisoformat(article.published)
    return ctx.reference_date


def analyze_article(article: Article, ctx: RunContext) -> Doc:
    doc = Doc(article=article)
    if article.language != "ar" or not article.text:
        return doc
    for stage in ARABIC_STAGES:
        doc = stage(doc, ctx)
    return doc


def analyze_pages(
    pages: Iterable[RawPage | Problem], ctx: RunContext | None = None
) -> Analysis:
    """Run every stage over the pages; bad pages become `Problem`s, never a crash."""
    ctx = ctx or RunContext()
    raw: list[RawPage] = []
    errors: list[Problem] = []
    for page in pages:
        (errors if isinstance(page, Problem) else raw).append(page)  # type: ignore[arg-type]
    articles, clean_errors = clean_pages(raw)
    errors.extend(clean_errors)
    docs: list[Doc] = []
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:  # the same page given twice is analysed once
            continue
        seen.add(article.id)
        try:
            docs.append(analyze_article(article, ctx))
        except MarsadError as exc:
            errors.append(Problem(article.source, str(exc)))
        except Exception as exc:  # one bad page never stops a batch
            log.exception("analysis failed for %s", article.source)
            errors.append(Problem(article.source, f"internal error while analysing: {exc!r}"))
    linked, entities = link_entities(docs)
    linked = find_reuse(linked)
    stories = build_stories(linked)
    return Analysis(docs=tuple(linked), entities=tuple(entities), stories=tuple(stories),
                    errors=tuple(errors))

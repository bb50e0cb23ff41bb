"""The one place where the stages are wired, as plain ordered lists, and the one place
where a bad page is caught, turned into a `Problem`, and the batch goes on."""

from __future__ import annotations

import dataclasses
import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from marsad.arabic.tokenize import split_sentences
from marsad.clean import clean_pages
from marsad.errors import MarsadError
from marsad.extract.coref import propagate_names
from marsad.extract.dates import extract_times
from marsad.extract.entities import EntityTagger, extract_mentions, extract_mentions_of_docs
from marsad.extract.events import extract_events, extract_events_of_docs
from marsad.extract.quantities import extract_quantities
from marsad.extract.quotes import extract_quotes
from marsad.extract.roles import attach_roles, names_after_titles
from marsad.extract.titled_names import names_that_can_be
from marsad.model import Article, Doc, Problem, RawPage, Token
from marsad.run.limits import PageAlarm, page_cpu_seconds
from marsad.run.timing import StepClock
from marsad.settings import PAGE_TIME_LIMIT_S

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class RunContext:
    """What the stages need besides the document: passed explicitly, never global."""

    reference_date: date | None = None
    tagger: EntityTagger | None = None  # loaded once per run, on first use
    page_time_limit_s: float = PAGE_TIME_LIMIT_S
    # Articles a stage with a group form takes at once (see Stage): at 64 the tagger's numpy
    # steps serve ~1,000 sentences each, and the mentions stage costs ~5% less than at 16.
    group_size: int = 64
    # A corpus run that keeps every doc (analyze, bench) sets this: what each group of pages
    # leaves alive is frozen out of the cyclic collector (gc.freeze), which otherwise scans
    # the growing result set again and again (~0.5 ms an article). The stages make no
    # reference cycles to leak (66 cyclic objects over 1,381 SaudiNewsNet articles).
    freeze_results: bool = False

    def get_tagger(self) -> EntityTagger:
        if self.tagger is None:
            self.tagger = EntityTagger.load()
        return self.tagger


DocStage = Callable[[Doc, RunContext], Doc]
GroupStage = Callable[[list[Doc], RunContext], list[Doc]]


@dataclass(frozen=True)
class Stage:
    """A per-article stage. `one` analyses a doc; `many`, where a stage has it, analyses a
    group of docs at once and gives what `one` gives each (spaCy's `pipe`): the NER
    decoder's numpy steps then serve a group's sentences together."""

    name: str
    one: DocStage
    many: GroupStage | None = None


def add_sentences(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, sentences=tuple(split_sentences(doc.article.text)))


def _tokens(doc: Doc) -> list[Token]:
    return [t for s in doc.sentences for t in s.tokens]


def add_times(doc: Doc, ctx: RunContext) -> Doc:
    ref = _reference_for(doc.article, ctx)
    return dataclasses.replace(doc, times=tuple(extract_times(doc.article.text, ref, _tokens(doc))))


def add_quantities(doc: Doc, ctx: RunContext) -> Doc:
    # Dates found by add_times are not quantities: they are passed in rather than re-found.
    found = extract_quantities(doc.article.text, _tokens(doc), list(doc.times))
    return dataclasses.replace(doc, quantities=tuple(found))


def add_mentions(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, mentions=tuple(extract_mentions(doc, ctx.get_tagger())))


def add_mentions_to_docs(docs: list[Doc], ctx: RunContext) -> list[Doc]:
    found = extract_mentions_of_docs(docs, ctx.get_tagger())
    return [dataclasses.replace(doc, mentions=tuple(m)) for doc, m in zip(docs, found, strict=True)]


def add_titled_names(doc: Doc, ctx: RunContext) -> Doc:
    """Names the tagger missed that stand in apposition right after a title."""
    extra = names_that_can_be(names_after_titles(doc))
    if not extra:
        return doc
    return dataclasses.replace(doc, mentions=tuple(sorted(doc.mentions + tuple(extra), key=lambda m: (m.start, m.end))))


def add_name_repeats(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, mentions=tuple(propagate_names(doc)))


def add_roles(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, mentions=tuple(attach_roles(doc)))


def add_quotes(doc: Doc, ctx: RunContext) -> Doc:
    return dataclasses.replace(doc, quotes=tuple(extract_quotes(doc)))


def add_events(doc: Doc, ctx: RunContext) -> Doc:
    ref = _reference_for(doc.article, ctx)
    return dataclasses.replace(doc, events=tuple(extract_events(doc, ref)))


def add_events_to_docs(docs: list[Doc], ctx: RunContext) -> list[Doc]:
    found = extract_events_of_docs(docs, [_reference_for(doc.article, ctx) for doc in docs])
    return [dataclasses.replace(doc, events=tuple(events)) for doc, events in zip(docs, found, strict=True)]


# Per-article stages, in order. Arabic extractors run only on Arabic articles.
ARABIC_STAGES: tuple[Stage, ...] = (
    Stage("sentences", add_sentences),
    Stage("times", add_times),
    Stage("quantities", add_quantities),
    Stage("mentions", add_mentions, add_mentions_to_docs),
    Stage("titled_names", add_titled_names),
    Stage("name_repeats", add_name_repeats),
    Stage("roles", add_roles),
    Stage("quotes", add_quotes),
    Stage("events", add_events, add_events_to_docs),
)


def _reference_for(article: Article, ctx: RunContext) -> date | None:
    """Relative dates resolve against the publication date, else the user's date."""
    if article.published and len(article.published) == 10:
        return date.fromisoformat(article.published)
    return ctx.reference_date


def runs_stages(article: Article) -> bool:
    """The extractors read Arabic articles: listings, tickers, feeds and other non-articles
    (`Article.page_type`), pages in other languages and empty pages keep only their cleaning."""
    return article.is_article and article.language == "ar" and bool(article.text)


def analyze_article(article: Article, ctx: RunContext) -> Doc:
    doc = Doc(article=article)
    if not runs_stages(article):
        return doc
    for stage in ARABIC_STAGES:
        doc = stage.one(doc, ctx)
    return doc


def analyze_raw_pages(raw: list[RawPage], ctx: RunContext, timings: dict[str, float] | None = None,
                      progress: Callable[[int], None] | None = None) -> tuple[list[Doc], list[Problem]]:
    """The per-article part (the map step of `marsad batch`): clean, then every stage.
    `timings`, when given, receives the seconds of cleaning and of each stage; `progress`,
    the number of pages done after each group (all the pages, by the end)."""
    clock = StepClock(timings)
    with clock("clean"):
        articles, errors = clean_pages(raw)
    # The same page given twice is analysed once: under its first source in sort order,
    # as the shelves keep it, so the choice does not depend on the order pages came in.
    by_id: dict[str, Article] = {}
    for article in articles:
        kept = by_id.get(article.id)
        if kept is None or article.source < kept.source:
            by_id[article.id] = article
    unique = list(by_id.values())
    docs: list[Doc] = []
    size = max(1, ctx.group_size)
    for begin in range(0, len(unique), size):
        group_docs, group_errors = _analyze_group(unique[begin:begin + size], ctx, clock)
        docs += group_docs
        errors += group_errors
        if ctx.freeze_results:
            gc.freeze()
        if progress is not None:
            progress(len(group_docs) + len(group_errors))
    if progress is not None:  # pages cleaned away, or the same as another
        progress(len(raw) - len(unique))
    return docs, errors


class _PageWork:
    """A page going through the stages: its doc so far, and its time against the limit."""

    def __init__(self, article: Article) -> None:
        self.doc = Doc(article=article)
        self.spent = 0.0
        self.problem: Problem | None = None


def _analyze_group(articles: list[Article], ctx: RunContext, clock: StepClock) -> tuple[list[Doc], list[Problem]]:
    """The stages over a group of articles, one stage at a time. Each page keeps its own
    time limit and its own error: a page that fails becomes a `Problem`, the rest go on."""
    work = [_PageWork(a) for a in articles]
    with PageAlarm(ctx.page_time_limit_s) as alarm:
        for stage in ARABIC_STAGES:
            live = [w for w in work if w.problem is None and runs_stages(w.doc.article)]
            with clock(stage.name):
                if stage.many is not None and len(live) > 1:
                    _run_on_group(stage, live, ctx, alarm)
                else:
                    for w in live:
                        _run_on_page(stage, w, ctx, alarm)
    docs = [w.doc for w in work if w.problem is None]
    return docs, [w.problem for w in work if w.problem is not None]


def _run_on_page(stage: Stage, work: _PageWork, ctx: RunContext, alarm: PageAlarm) -> None:
    source = work.doc.article.source
    began = page_cpu_seconds()
    try:
        with alarm.left(ctx.page_time_limit_s - work.spent):
            work.doc = stage.one(work.doc, ctx)
    except MarsadError as exc:
        work.problem = Problem(source, str(exc))
    except Exception as exc:  # one bad page never stops a batch
        log.exception("analysis failed for %s", source)
        work.problem = Problem(source, f"internal error while analysing: {exc!r}")
    work.spent += page_cpu_seconds() - began


def _run_on_group(stage: Stage, live: list[_PageWork], ctx: RunContext, alarm: PageAlarm) -> None:
    """The group form, within the least time any of its pages has left (a group takes
    milliseconds); if it fails or runs out of time, each page runs alone, so that only the
    page at fault is reported and a huge page costs about its own limit, not the group's."""
    assert stage.many is not None
    began = page_cpu_seconds()
    try:
        with alarm.left(ctx.page_time_limit_s - max(w.spent for w in live)):
            docs = stage.many([w.doc for w in live], ctx)
    except Exception:
        for w in live:
            _run_on_page(stage, w, ctx, alarm)
        return
    # The group's time is shared out by size, so a huge page uses up its own limit.
    elapsed = page_cpu_seconds() - began
    sizes = [len(w.doc.article.text) for w in live]
    total = sum(sizes) or 1
    for w, doc, size in zip(live, docs, sizes, strict=True):
        w.doc = doc
        w.spent += elapsed * size / total



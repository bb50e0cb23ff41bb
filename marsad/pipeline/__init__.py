"""The one place where the stages are wired, as plain ordered lists, and the one place
where a bad page is caught, turned into a `Problem`, and the run goes on.

`stages`: the per-article stages (clean, then every extractor), a group of pages at a time.
`corpus`: the corpus-level step over those docs (`Corpus`), shared by every command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from marsad.model import Analysis, Problem, RawPage
from marsad.pipeline.corpus import (
    Corpus,
    PreparedDoc,
    PrepareDocs,
    events_with_entity_ids,
    link_and_group,
    link_and_group_shelf,
    prepare_for_corpus,
    share_person_names,
    with_shared_names,
    without_tokens,
)
from marsad.pipeline.stages import (
    ARABIC_STAGES,
    RunContext,
    Stage,
    add_sentences,
    analyze_article,
    analyze_raw_pages,
)

__all__ = [
    "ARABIC_STAGES",
    "Corpus",
    "PrepareDocs",
    "PreparedDoc",
    "RunContext",
    "Stage",
    "add_sentences",
    "analyze_article",
    "analyze_pages",
    "analyze_raw_pages",
    "events_with_entity_ids",
    "link_and_group",
    "link_and_group_shelf",
    "prepare_for_corpus",
    "share_person_names",
    "with_shared_names",
    "without_tokens",
]


def analyze_pages(pages: Iterable[RawPage | Problem], ctx: RunContext | None = None,
                  progress: Callable[[int], None] | None = None) -> Analysis:
    """Run every stage over the pages; bad pages become `Problem`s, never a crash."""
    ctx = ctx or RunContext()
    raw: list[RawPage] = []
    errors: list[Problem] = []
    for page in pages:
        (errors if isinstance(page, Problem) else raw).append(page)  # type: ignore[arg-type]
    docs, doc_errors = analyze_raw_pages(raw, ctx, progress=progress)
    return Corpus(ctx=ctx).add(docs, errors + doc_errors)



"""News texts composed for the claims tests, run through the whole pipeline (cleaning,
numbers, tagger, quotes) as `marsad analyze` runs it: each story's articles as its docs."""

from __future__ import annotations

from collections.abc import Callable

from marsad.ingest import make_page
from marsad.model import Doc
from marsad.pipeline import RunContext, analyze_raw_pages

Stories = dict[str, list[tuple[str, str]]]  # story -> (outlet, text) of each article


def analysed_stories(stories: Stories, published: Callable[[int], str]) -> dict[str, list[Doc]]:
    """story -> the docs of its articles, in order; `published(i)`: the date of a story's
    i-th article. No page may fail."""
    pages = [make_page(f"{story}-{i}", text, url=f"https://site{i}.example/{story}", published=published(i),
                       outlet=outlet)
             for story, articles in stories.items() for i, (outlet, text) in enumerate(articles)]
    analysed, problems = analyze_raw_pages(pages, RunContext())
    assert not problems
    by_url = {d.article.url: d for d in analysed}
    return {story: [by_url[f"https://site{i}.example/{story}"] for i in range(len(articles))]
            for story, articles in stories.items()}

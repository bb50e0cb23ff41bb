"""Story clustering on hand-labelled real news pages (labels/stories/real_pages.jsonl).

Each page is given to the whole pipeline as `marsad analyze` is given a page: its stored text
and its address, nothing else (no title, date or outlet hint), so cleaning, the publication
date and the stories are all marsad's own. Scored by the pairwise measure of
`marsad.evaluate.stories.pairwise_scores` over every page (a page marsad put in no story is a
story of its own), and by the look-alike stories (same actors or place, another occasion:
`real_stories.jsonl`) it puts together. The page texts are third-party and stay outside the
repository, in a pages directory (`file` is relative to it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from marsad.evaluate.stories import PairScores, json_records, pairwise_scores
from marsad.model import Analysis, Doc, RawPage

REAL_PAGES = Path(__file__).resolve().parents[2] / "labels" / "stories" / "real_pages.jsonl"


@dataclass(frozen=True)
class RealPage:
    id: str
    address: str
    file: Path
    story: str


@dataclass(frozen=True)
class RealPageScores:
    pairs: PairScores
    pages: int  # labelled pages whose text was found
    lookalikes: int  # look-alike story pairs among those pages
    lookalikes_merged: tuple[tuple[str, str, int], ...]  # (story, story, page pairs put together)
    other_merged: tuple[tuple[str, str, int], ...]  # different stories, not look-alikes, put together
    split: tuple[tuple[str, int], ...]  # gold stories marsad spread over more than one story: (story, parts)


def read_real_pages(path: Path, pages_dir: Path) -> list[RealPage]:
    """The labelled pages whose text is in `pages_dir`."""
    return [RealPage(r["id"], r["address"], pages_dir / r["file"], r["story"])
            for r in json_records(path) if (pages_dir / r["file"]).is_file()]


def read_days(path: Path) -> dict[str, str]:
    """story -> the labelled day of its happening (full dates only) from the stories file."""
    return {r["story"]: r["day"] for r in json_records(path) if r.get("day") and len(r["day"]) == 10}


def read_lookalikes(path: Path) -> set[tuple[str, str]]:
    """Look-alike story pairs (sorted) from the stories file beside the pages file."""
    return {tuple(sorted((r["story"], other))) for r in json_records(path)  # type: ignore[misc]
            for other in r.get("lookalikes", ())}


def raw_pages(pages: list[RealPage], with_addresses: bool = True,
              days: dict[str, str] | None = None) -> list[RawPage]:
    """The pages as `marsad analyze` reads them; with `days` (story -> YYYY-MM-DD), each page
    of a story whose day is labelled comes with that day as its publication date."""
    from marsad.ingest import make_page

    return [make_page(f"{p.address}#{p.id}" if with_addresses else p.id,
                      p.file.read_bytes().decode("utf-8", errors="replace"),
                      url=p.address if with_addresses else None, published=(days or {}).get(p.story))
            for p in pages]


def predicted_stories(pages: list[RealPage], raws: list[RawPage], analysis: Analysis) -> dict[str, str]:
    """page id -> marsad's story id ("alone:<page id>" for a page in no story)."""
    story_of = {a: s.id for s in analysis.stories for a in s.articles}
    by_source = {d.article.source: story_of.get(d.id) for d in analysis.docs}
    return {p.id: by_source.get(raw.source) or f"alone:{p.id}" for p, raw in zip(pages, raws, strict=True)}


def score_real_pages(pages: list[RealPage], predicted: dict[str, str],
                     lookalikes: set[tuple[str, str]]) -> RealPageScores:
    gold = {p.id: p.story for p in pages}
    merged: Counter[tuple[str, str]] = Counter()
    for i, a in enumerate(pages):
        for b in pages[i + 1:]:
            if a.story != b.story and predicted[a.id] == predicted[b.id]:
                merged[tuple(sorted((a.story, b.story)))] += 1  # type: ignore[index]
    stories = set(gold.values())
    present = {pair for pair in lookalikes if pair[0] in stories and pair[1] in stories}
    parts = Counter({s: len({predicted[p.id] for p in pages if p.story == s}) for s in stories})
    return RealPageScores(
        pairs=pairwise_scores(gold, predicted), pages=len(pages), lookalikes=len(present),
        lookalikes_merged=tuple((a, b, n) for (a, b), n in sorted(merged.items()) if (a, b) in present),
        other_merged=tuple((a, b, n) for (a, b), n in sorted(merged.items()) if (a, b) not in present),
        split=tuple((s, n) for s, n in sorted(parts.items()) if n > 1),
    )


def evaluate_real_pages(path: Path, pages_dir: Path, with_addresses: bool = True,
                        labelled_days: bool = False) -> RealPageScores:
    """`labelled_days`: give each page its story's labelled day as its publication date (what
    the clustering does when dates are right: the part of its errors that dates cause)."""
    from marsad.pipeline import analyze_pages

    pages = read_real_pages(path, pages_dir)
    stories_file = path.with_name(path.name.replace("pages", "stories"))
    has_stories = stories_file.is_file()
    raws = raw_pages(pages, with_addresses, read_days(stories_file) if labelled_days and has_stories else None)
    analysis = analyze_pages(raws)
    lookalikes = read_lookalikes(stories_file) if has_stories else set()
    return score_real_pages(pages, predicted_stories(pages, raws, analysis), lookalikes)


def render_real_pages(name: str, s: RealPageScores) -> list[str]:
    p = s.pairs
    lines = [f"real pages {name}: P={p.precision:.3f} R={p.recall:.3f} F1={p.f1:.3f} ({s.pages} pages, "
             f"{p.gold_stories} gold stories, {p.predicted_stories} predicted); look-alike story pairs put "
             f"together {len(s.lookalikes_merged)}/{s.lookalikes}"]
    lines += [f"  look-alikes merged: {a} + {b} ({n} page pairs)" for a, b, n in s.lookalikes_merged]
    lines += [f"  other stories merged: {a} + {b} ({n} page pairs)" for a, b, n in s.other_merged]
    lines += [f"  split: {story} in {n} stories" for story, n in s.split]
    return lines


def real_page_docs(path: Path, pages_dir: Path) -> tuple[list[Doc], dict[str, str]]:
    """The docs of a round's pages as `marsad analyze` gives them to the clusterer, and each
    page's labelled story by its address (to cluster the round again with other bounds:
    scripts/train_story_pairs.py --undated-from-pages)."""
    from marsad.pipeline import analyze_pages
    from marsad.stories import joins_stories

    pages = read_real_pages(path, pages_dir)
    analysis = analyze_pages(raw_pages(pages))
    return [d for d in analysis.docs if joins_stories(d)], {p.address: p.story for p in pages}

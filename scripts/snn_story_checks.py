"""Whether the SaudiNewsNet stories issue 21 found mixed (unrelated articles in one story)
are still mixed: the checks of labels/stories/snn_mixed_stories.tsv on marsad's clustering
of whole SaudiNewsNet days (the whole pipeline, shipped models).

    python scripts/snn_story_checks.py                 # every day the checks name
    python scripts/snn_story_checks.py --show-stories  # and each checked article's story

Each check is a pair of articles (by url) labelled by hand: `apart` (different happenings:
they must not share a story) or `together` (one happening). Prints PASS or FAIL for each,
then, for each article a check names, the other articles of its story that no check pairs
with it (`read`: judge them by eye and label them), and the count of mixed stories (a story
holding an `apart` pair).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from marsad.arabic.words import table_rows
from marsad.model import Doc, RawPage
from marsad.pipeline import analyze_pages
from marsad.run.bench import DEFAULT_CORPUS, pages_from_zips
from marsad.stories.groups import DisjointSets

CHECKS = Path(__file__).resolve().parent.parent / "labels" / "stories" / "snn_mixed_stories.tsv"


@dataclass(frozen=True)
class Check:
    day: str
    kind: str  # apart / together
    a: str  # article urls
    b: str
    why: str


def read_checks(path: Path) -> list[Check]:
    checks = []
    for row in table_rows(path, 4):
        day, kind, a, b, why = [*row, ""][:5]
        if kind not in ("apart", "together"):
            raise SystemExit(f"{path}: check must be apart or together: {row}")
        checks.append(Check(day, kind, a, b, why))
    return checks


def day_pages(days: list[str], corpus: Path) -> list[RawPage]:
    """Every article of these SaudiNewsNet days, once per address."""
    pages, seen = [], set()
    for page in pages_from_zips([corpus / f"{day}.zip" for day in days]):
        if page.url not in seen:
            seen.add(page.url)
            pages.append(page)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=Path, default=CHECKS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-stories", action="store_true", help="list each checked article's story")
    args = parser.parse_args()
    checks = read_checks(args.checks)
    days = sorted({c.day for c in checks})
    analysis = analyze_pages(day_pages(days, args.corpus))
    story_of: dict[str, str] = {a: s.id for s in analysis.stories for a in s.articles}
    doc_of: dict[str, Doc] = {d.article.url or d.article.source: d for d in analysis.docs}
    members: dict[str, list[str]] = {}
    for url, doc in doc_of.items():
        if doc.id in story_of:
            members.setdefault(story_of[doc.id], []).append(url)

    def story(url: str) -> str | None:
        doc = doc_of.get(url)
        return story_of.get(doc.id) if doc is not None else None

    failed = 0
    for c in checks:
        sa, sb = story(c.a), story(c.b)
        if sa is None or sb is None:
            print(f"MISSING {c.kind} {c.a if sa is None else c.b}")
            failed += 1
            continue
        ok = (sa == sb) == (c.kind == "together")
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'} {c.kind:<8} {c.why}")
    # One happening per `together` group (the checks' together pairs, joined transitively).
    checked = sorted({u for c in checks for u in (c.a, c.b)})
    index = {u: i for i, u in enumerate(checked)}
    sets = DisjointSets(len(checked))
    for c in checks:
        if c.kind == "together":
            sets.join(index[c.a], index[c.b])

    def group(url: str) -> int:
        return sets.find(index[url])

    apart = {frozenset((group(c.a), group(c.b))) for c in checks if c.kind == "apart"}
    stories = sorted({sid for u in checked if (sid := story(u)) is not None})
    mixed = to_read = 0
    for sid in stories:
        groups = {group(u) for u in members[sid] if u in index}
        is_mixed = any(frozenset((x, y)) in apart for x in groups for y in groups)
        unjudged = [u for u in members[sid] if u not in index]
        mixed += is_mixed
        to_read += len(unjudged)
        if args.show_stories or unjudged or is_mixed:
            print(f"story {sid} ({len(members[sid])} articles){' MIXED' if is_mixed else ''}")
            for u in members[sid]:
                print(f"  {'read' if u in unjudged else f'group {group(u)}':<9} {doc_of[u].article.title!r} {u}")
    print(f"{len(checks)} checks on {', '.join(days)} ({len(analysis.docs)} articles): {failed} failed; "
          f"the checked articles' stories: {len(stories)}, mixed {mixed}; articles in them not yet judged: {to_read}")


if __name__ == "__main__":
    main()

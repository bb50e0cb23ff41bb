#!/usr/bin/env python3
"""Claims rows on real stories: analyse the first N SaudiNewsNet articles of the bench corpus
as `marsad analyze` does, and count the claims of the stories of two articles or more (date
or quantity, agreeing or in conflict); with --show, print each conflict row to read them.

usage: python scripts/claims_conflicts.py [--limit 2000] [--show]
"""

from __future__ import annotations

import argparse
from collections import Counter

from marsad.pipeline import analyze_pages
from marsad.run.bench import DEFAULT_CORPUS, load_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--show", action="store_true", help="print every conflict row")
    args = parser.parse_args()
    analysis = analyze_pages(load_corpus(DEFAULT_CORPUS, args.limit))
    stories = [s for s in analysis.stories if len(s.articles) > 1]
    rows: Counter[tuple[str, str]] = Counter()
    for story in stories:
        for claim in story.claims:
            rows[(claim.kind, "agree" if claim.agree else "conflict")] += 1
            if args.show and not claim.agree:
                print(f"{claim.kind}\t{claim.about[:60]}\t" + " | ".join(f"{v.value} [{v.text[:40]}]"
                                                                       for v in claim.values))
    print(f"{len(analysis.docs)} articles, {len(stories)} stories of 2+ articles; claim rows: "
          + ", ".join(f"{kind} {verdict} {n}" for (kind, verdict), n in sorted(rows.items())))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Claims rows on real stories: analyse SaudiNewsNet articles as `marsad analyze` does, and
count the claims of the stories of two articles or more (date or quantity, agreeing or in
conflict); with --labels, score the conflict rows against rows judged by hand; with --show,
print each conflict row (each value with its outlet and sentence) to read and judge them.

usage: python scripts/claims_conflicts.py [--limit 2000] [--day 2015-08-10]
                                          [--labels labels/claims/snn_2015-08-10.tsv] [--show]
                                          [--agreeing labels/claims/snn_2015-08-07_agreeing.tsv]
                                          [--sample 30 --seed 12] [--cache FILE]

--day takes the articles of that day's zip only. The first 2,000 articles of the corpus (the
default) and 2015-08-10 are the ones the claims rules were set on; 2015-08-11 was judged
after them (labels/claims/README.md). --cache FILE keeps the analysis (articles and stories) in
FILE (made on the first run): later runs recompute only the claims of the same stories with the
code of the day, so rows of two codes compare on the same stories.
"""

from __future__ import annotations

import argparse
import pickle
import random
from collections import Counter
from dataclasses import replace
from itertools import islice
from pathlib import Path

from marsad.model import Claim, Doc, Story
from marsad.pipeline import analyze_pages
from marsad.run.bench import DEFAULT_CORPUS, load_corpus, pages_from_zips
from marsad.stories.claims import story_claims

Entries = frozenset[str]  # "article id:value" of each value of a row


def row_entries(claim: Claim) -> Entries:
    return frozenset(f"{article}:{value.value}" for value in claim.values for article in value.articles)


def read_labels(path: Path) -> dict[tuple[str, Entries], str]:
    """(kind, entries) -> "real" | "false", from kind<TAB>entries (;-separated)<TAB>verdict<TAB>note."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, entries, verdict, *_ = line.split("\t")
            labels[(kind, frozenset(entries.split(";")))] = verdict
    return labels


def verdict_of(claim: Claim, labels: dict[tuple[str, Entries], str]) -> str | None:
    """The row's verdict: as judged; a row inside a false row is false (none of its values
    conflict for real), a row holding a real row is real; else None (to judge)."""
    entries = row_entries(claim)
    if (claim.kind, entries) in labels:
        return labels[(claim.kind, entries)]
    for (kind, judged), verdict in labels.items():
        inside, holding = entries <= judged, judged <= entries
        if kind == claim.kind and ((verdict == "false" and inside) or (verdict == "real" and holding)):
            return verdict
    return None


def show(claim: Claim, docs: dict[str, Doc]) -> None:
    print(f"{claim.kind}\t{';'.join(sorted(row_entries(claim)))}\t?\t{claim.about[:60]}")
    for value in claim.values:
        for article in value.articles:
            doc = docs[article]
            first = value.text.split(" + ")[0]
            at = doc.article.text.find(first) if first else -1
            context = doc.article.text[max(0, at - 120): at + 120].replace("\n", " ") if at >= 0 else value.text
            print(f"#   [{value.value} {value.bound}] {doc.article.outlet} {article}: ...{context}...")


def analysed(args: argparse.Namespace) -> tuple[dict[str, Doc], list[Story]]:
    """The articles by id and the stories of 2+ articles (with --cache, their claims recomputed
    by this code on the stored analysis)."""
    if args.cache and args.cache.exists():
        with args.cache.open("rb") as f:
            docs, stories = pickle.load(f)
        return docs, [replace(s, claims=tuple(story_claims([docs[a] for a in s.articles]))) for s in stories]
    if args.day:
        pages = list(islice(pages_from_zips([DEFAULT_CORPUS / f"{args.day}.zip"]), args.limit))
    else:
        pages = load_corpus(DEFAULT_CORPUS, args.limit)
    analysis = analyze_pages(pages)
    docs = {doc.id: doc for doc in analysis.docs}
    stories = [s for s in analysis.stories if len(s.articles) > 1]
    if args.cache:
        with args.cache.open("wb") as f:
            pickle.dump((docs, stories), f)
    return docs, stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--day", help="one day of the corpus (its zip, e.g. 2015-08-10), up to --limit articles")
    parser.add_argument("--labels", type=Path, help="conflict rows judged by hand (labels/claims/)")
    parser.add_argument("--show", action="store_true", help="print every conflict row not judged yet")
    parser.add_argument("--agreeing", type=Path, help="agreeing rows judged by hand: how many still shown")
    parser.add_argument("--sample", type=int, default=0, help="print this many agreeing rows drawn at random, to judge")
    parser.add_argument("--seed", type=int, default=12, help="random.seed of --sample")
    parser.add_argument("--cache", type=Path, help="keep the analysis here; recompute only the claims")
    args = parser.parse_args()
    docs, stories = analysed(args)
    labels = read_labels(args.labels) if args.labels else {}
    rows: Counter[tuple[str, str]] = Counter()
    judged: Counter[tuple[str, str]] = Counter()
    for story in stories:
        for claim in story.claims:
            rows[(claim.kind, "agree" if claim.agree else "conflict")] += 1
            if claim.agree:
                continue
            verdict = verdict_of(claim, labels)
            judged[(claim.kind, verdict or "not judged")] += 1
            if args.show and verdict is None:
                show(claim, docs)
    if args.sample:
        agreeing = [c for story in stories for c in story.claims if c.agree]
        random.seed(args.seed)
        for claim in random.sample(agreeing, min(args.sample, len(agreeing))):
            show(claim, docs)
    print(f"{len(docs)} articles, {len(stories)} stories of 2+ articles; claim rows: "
          + ", ".join(f"{kind} {verdict} {n}" for (kind, verdict), n in sorted(rows.items())))
    if args.agreeing:
        shown = {(c.kind, row_entries(c)) for story in stories for c in story.claims}
        sample = read_labels(args.agreeing)
        kept = Counter(verdict for row, verdict in sample.items() if row in shown)
        print("sampled agreeing rows still shown: " + ", ".join(
            f"{verdict} {kept[verdict]} of {n}" for verdict, n in sorted(Counter(sample.values()).items())))
    if args.labels:
        print("conflict rows judged by hand: " + ", ".join(f"{kind} {verdict} {n}"
                                                             for (kind, verdict), n in sorted(judged.items())))


if __name__ == "__main__":
    main()

"""Entity merges on real text, for hand-labelling and counting (labels/merges/).

    python scripts/link_merges.py list OUT.json        # records with more than one distinct alias
    python scripts/link_merges.py count labels/merges/snn_*.tsv   # verdicts of labelled files
    python scripts/link_merges.py list OUT.json | python scripts/link_merges.py sample - --seed 20 --size 100

`OUT.json` is what `marsad analyze FILE.jsonl --format json` writes (make FILE.jsonl with
scripts/snn_sample.py). A record with more than one distinct alias (by match key) is a
merge; each is labelled right, wrong or junk by hand (see labels/merges/README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from marsad.arabic.normalize import match_key


def merged_records(path: Path) -> list[tuple[str, str, list[str], list[str]]]:
    """(type, name, distinct aliases, article ids) of every record with two aliases or more."""
    rows = []
    for entity in json.loads(path.read_text(encoding="utf-8"))["entities"]:
        distinct: dict[str, str] = {}
        for alias in entity["aliases"]:
            distinct.setdefault(match_key(alias), alias)
        if len(distinct) > 1:
            rows.append((entity["type"], entity["name"], list(distinct.values()), list(entity["articles"])))
    return sorted(rows)


def verdicts(path: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("type\t"):
            counts[line.rsplit("\t", 1)[1]] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list").add_argument("output", type=Path)
    sub.add_parser("count").add_argument("labels", type=Path, nargs="+")
    sampler = sub.add_parser("sample", help="a random sample of the lines `list` wrote (file or -), in their order")
    sampler.add_argument("listed")
    sampler.add_argument("--seed", type=int, default=20)
    sampler.add_argument("--size", type=int, default=100)
    args = parser.parse_args()
    if args.command == "sample":
        lines = (sys.stdin if args.listed == "-" else open(args.listed, encoding="utf-8")).read().splitlines()
        for i in sorted(random.Random(args.seed).sample(range(len(lines)), min(args.size, len(lines)))):
            print(lines[i])
        return
    if args.command == "list":
        for etype, name, aliases, articles in merged_records(args.output):
            print(f"{etype}\t{name}\t{' | '.join(aliases)}\t{','.join(articles)}")
        return
    for path in args.labels:
        counts = verdicts(path)
        total = sum(counts.values())
        judged = total - counts["junk"]
        wrong = counts["wrong"]
        print(f"{path.name}: {total} merged records, {wrong} wrong ({100 * wrong / total:.1f}%), "
              f"{counts['junk']} junk, {counts['unsure']} unsure; wrong of judged {wrong}/{judged}")


if __name__ == "__main__":
    main()

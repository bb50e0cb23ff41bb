"""Entity merges on real text, for hand-labelling and counting (labels/merges/).

    python scripts/link_merges.py list OUT.json        # records with more than one distinct alias
    python scripts/link_merges.py count labels/merges/snn_*.tsv   # verdicts of labelled files
    python scripts/link_merges.py list OUT.json | python scripts/link_merges.py sample - --seed 20 --size 100
    python scripts/link_merges.py splits OUT.json | python scripts/link_merges.py sample - --seed 26 --size 30
    python scripts/link_merges.py compare BEFORE.json AFTER.json   # merges two runs of one sample differ in

`OUT.json` is what `marsad analyze FILE.jsonl --format json` writes (make FILE.jsonl with
scripts/snn_sample.py). A record with more than one distinct alias (by match key) is a
merge; each is labelled right, wrong or junk by hand (see labels/merges/README.md). `splits`
lists the other side: one-word person records left apart from a full name ending in that word.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

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


def split_persons(path: Path) -> list[tuple[str, str, str, str]]:
    """(name, id, article ids, full names) of every person record whose aliases are all one
    word while another person record has an alias of several words ending in that word."""
    persons = [e for e in json.loads(path.read_text(encoding="utf-8"))["entities"] if e["type"] == "PER"]
    by_last: dict[str, list[dict[str, Any]]] = {}
    for entity in persons:
        for key in {match_key(alias) for alias in entity["aliases"]}:
            if len(key.split()) >= 2:
                by_last.setdefault(key.split()[-1], []).append(entity)
    rows = []
    for entity in persons:
        keys = {match_key(alias) for alias in entity["aliases"]}
        if all(len(key.split()) == 1 for key in keys):
            fulls = {f["id"]: f for key in keys for f in by_last.get(key, []) if f["id"] != entity["id"]}
            if fulls:
                rows.append((entity["name"], entity["id"], ",".join(entity["articles"]),
                             " || ".join(f"{f['name']}[{f['id']}:{len(f['articles'])}]" for f in fulls.values())))
    return sorted(rows)


def compare(before: Path, after: Path) -> list[str]:
    """The merged records of one run that the other lacks (by type and distinct aliases), and
    those both have whose articles differ."""
    def records(path: Path) -> dict[tuple[str, frozenset[str]], tuple[str, frozenset[str]]]:
        return {(etype, frozenset(match_key(a) for a in aliases)): (name, frozenset(articles))
                for etype, name, aliases, articles in merged_records(path)}
    old, new = records(before), records(after)
    lines = [f"merged records: {len(old)} -> {len(new)}"]
    for mark, these, those in (("gone", old, new), ("new", new, old)):
        for k in sorted(these.keys() - those.keys()):
            lines.append(f"{mark}\t{k[0]}\t{these[k][0]}\t{' | '.join(sorted(k[1]))}")
    for k in sorted(old.keys() & new.keys()):
        lost, gained = old[k][1] - new[k][1], new[k][1] - old[k][1]
        if lost or gained:
            lines.append(f"articles\t{k[0]}\t{old[k][0]}\tlost {','.join(sorted(lost))}"
                         f"\tgained {','.join(sorted(gained))}")
    return lines


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
    sub.add_parser("splits", help="one-word persons apart from a full name").add_argument("output", type=Path)
    comparer = sub.add_parser("compare", help="merged records two runs of one sample differ in")
    comparer.add_argument("before", type=Path)
    comparer.add_argument("after", type=Path)
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
    if args.command == "compare":
        print("\n".join(compare(args.before, args.after)))
        return
    if args.command == "splits":
        for row in split_persons(args.output):
            print("\t".join(row))
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

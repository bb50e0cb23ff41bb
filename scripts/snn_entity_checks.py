"""The entity records SaudiNewsNet gives for the words of issue 20's failures, and whether
each check of labels/entities/snn_failures.tsv holds (the whole pipeline, shipped model).

    python scripts/snn_entity_checks.py --limit 1000            # the first 1,000 articles
    python scripts/snn_entity_checks.py --skip 3000 --limit 500 # another slice
    python scripts/snn_entity_checks.py --limit 200 --show 3    # fewer records per check
    python scripts/snn_entity_checks.py --offset 22 --stride 30 # labels/merges/ set 4

Prints, for each check, PASS, FAIL, `read` (mentions to judge by eye) or `unseen` (no
article of the slice writes the word), how many articles write it, then the records or
mentions it read: type, name, aliases, articles; or the mention in its words.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.words import table_rows
from marsad.model import Analysis, Doc, Entity, Mention
from marsad.pipeline import analyze_pages
from marsad.run.bench import DEFAULT_CORPUS, load_corpus

CHECKS = Path(__file__).resolve().parent.parent / "labels" / "entities" / "snn_failures.tsv"
PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u0670-\u06d3\u064b-\u065f]+")


@dataclass(frozen=True)
class Check:
    word: str
    kind: str
    other: str


def read_checks(path: Path) -> list[Check]:
    return [Check(*[*row, ""][:3]) for row in table_rows(path, 2)]


def keys_of(word: str) -> set[str]:
    """The word's match key with or without a glued proclitic."""
    key = match_key(word)
    return {p + key for p in PROCLITICS}


def records_of(analysis: Analysis, word: str) -> list[Entity]:
    keys = keys_of(word)
    return [e for e in analysis.entities
            if match_key(e.name) in keys or any(match_key(a) in keys for a in e.aliases)]


def describe(entity: Entity) -> str:
    aliases = " | ".join(sorted(set(entity.aliases))[:8])
    return f"{entity.type} {entity.name} [{aliases}] {len(entity.articles)} articles"


def mentions(analysis: Analysis) -> list[tuple[Doc, Mention]]:
    return [(d, m) for d in analysis.docs for m in d.mentions]


def context(doc: Doc, mention: Mention, width: int = 30) -> str:
    text = doc.article.text
    return (text[max(0, mention.start - width):mention.start] + "[" + text[mention.start:mention.end] + "]"
            + text[mention.end:mention.end + width]).replace("\n", " ")


def written_word(text: str, at: int) -> str:
    start = at
    while start > 0 and _WORD.match(text[start - 1]):
        start -= 1
    found = _WORD.match(text, start)
    return found.group(0) if found else ""


def articles_writing(analysis: Analysis, word: str) -> int:
    """How many articles write the word (alone, or with a proclitic glued on)."""
    pattern = re.compile(r"(?<![\u0621-\u064a])(?:" + "|".join(sorted(PROCLITICS, key=len, reverse=True))
                         + ")" + re.escape(match_key(word)) + r"(?![\u0621-\u064a])")
    return sum(1 for d in analysis.docs if pattern.search(match_key(d.article.text)))


def run_check(analysis: Analysis, check: Check) -> tuple[str, list[str]]:
    """(verdict, the lines it read) for one check."""
    key = match_key(check.word)
    if check.kind in ("apart", "together", "none", "not"):
        records = records_of(analysis, check.word)
        shown = [describe(e) for e in records]
        if not records:
            return "PASS", shown
        if check.kind == "none":
            return "FAIL", shown
        if check.kind == "not":
            return ("FAIL" if any(e.type == check.other for e in records) else "PASS"), shown
        others = records_of(analysis, check.other)
        if check.kind == "apart":
            return ("FAIL" if {e.id for e in records} & {e.id for e in others} else "PASS"), shown
        if not others:
            return "unseen", [*shown, f"({check.other}: no record)"]
        split = [e for e in records if e.id not in {o.id for o in others}]
        return ("FAIL" if split else "PASS"), shown + [describe(e) for e in others if e not in records]
    found: list[str] = []
    for doc, mention in mentions(analysis):
        words = mention.text.split()
        if not words:
            continue
        if check.kind == "cut":
            if match_key(written_word(doc.article.text, mention.start)) in keys_of(check.word):
                first = match_key(words[0])
                if first != key and key.endswith(first):
                    found.append(f"{mention.type} {context(doc, mention)}")
        elif check.kind in ("starts", "ends"):
            edge = words[0] if check.kind == "starts" else words[-1]
            if len(words) > 1 and match_key(edge) in keys_of(check.word):
                found.append(f"{mention.type} {context(doc, mention)}")
        elif check.kind == "sense":
            if mention.type == "ORG" and match_key(mention.text) in keys_of(check.word):
                before = {match_key(w) for w in _WORD.findall(doc.article.text[:mention.start])}
                if before & keys_of(check.other):
                    found.append(f"{mention.type} {context(doc, mention)}")
        elif check.kind == "read":
            if mention.type == check.other and match_key(mention.text) in keys_of(check.word):
                found.append(f"{mention.type} {context(doc, mention)}")
    if check.kind in ("read", "sense"):
        return "read", found
    return ("FAIL" if found else "PASS"), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--skip", type=int, default=0, help="articles to pass over first")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--stride", type=int, default=1, help="every stride-th article (scripts/snn_sample.py)")
    parser.add_argument("--offset", type=int, default=0, help="...from this one")
    parser.add_argument("--show", type=int, default=6, help="records or mentions shown per check")
    parser.add_argument("--checks", type=Path, default=CHECKS)
    args = parser.parse_args()
    wanted = args.skip + args.offset + args.stride * args.limit
    pages = load_corpus(args.corpus, wanted)[args.skip + args.offset::args.stride][:args.limit]
    analysis = analyze_pages(pages)
    verdicts: dict[str, int] = defaultdict(int)
    for check in read_checks(args.checks):
        written = articles_writing(analysis, check.word)
        verdict, lines = run_check(analysis, check) if written else ("unseen", [])
        verdicts[verdict] += 1
        print(f"{verdict:<6} {check.word} {check.kind} {check.other}".rstrip()
              + f"  (written in {written} articles; {len(lines)} shown below)")
        for line in lines[:args.show]:
            print("       " + line)
    print(f"{len(pages)} articles: " + ", ".join(f"{v} {k}" for k, v in sorted(verdicts.items())))


if __name__ == "__main__":
    main()

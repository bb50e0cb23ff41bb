"""Learn the bodies named by a definite head noun and one definite adjective: المحكمة العليا,
الحرس الثوري, البنك المركزي, المجلس البلدي; and the pairs that open a longer name (المجلس
الأعلى للقضاء, الاتحاد الدولي لكرة القدم). Two sources, both shipped with the list:
- the labelled NER corpora' training parts (ANERcorp, NewsFANE, the Wojood sample; never their
  dev splits): a pair they mark as the start of an organisation at least 3 times and for at
  least half of the times they write it (الأمم المتحدة, الجامعة العربية, الاتحاد الأفريقي);
- SaudiNewsNet: a pair whose head opens a body's name (the heads of ner_org_names.tsv and
  ner_span_heads.tsv, and the heads the corpora mark ORG after the article in at least 30 % of
  their uses) and whose adjective news writes after that head for at least 10 % of its uses,
  at least 10 times: a name's fixed adjective, not a passing description. An adjective that is
  a participle (مسلحة, موالية, منفذة: "armed", "loyal to", "executing") or a nationality (the
  gazetteer's: a country's institution, which ner_span_heads.tsv reads) is left out.
A pair that SaudiNewsNet follows with a preposition's phrase (لـ, للـ) in most of its uses is
a frame (`opens`: المجلس الأعلى is no name alone); the others are names alone (`name`). A pair
written without the article in at least a tenth as many uses is a kind of body, not one
(جيش نظامي, حكومة ائتلافية, جمعية عمومية), and is left out.
marsad/extract/body_pairs.py reads the list.

    python scripts/learn_body_pairs.py marsad/data/ner_body_pairs.tsv
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from marsad.arabic.tokenize import ARTICLE_PREFIXES, token_keys
from marsad.evaluate.ner_corpora import load_corpora
from marsad.extract.mention_spans import institution_heads
from marsad.extract.org_names import nationality_keys, org_words
from marsad.run.bench import snn_contents

MIN_AS_ORG = 3  # times the corpora mark the pair as the start of an organisation
MIN_SHARE = 0.5  # of all the times they write it (definite head, definite adjective)
MIN_HEAD_SHARE = 0.3  # of a head's definite uses before an adjective that the corpora mark ORG
MIN_HEAD_AS_ORG = 5
MIN_SNN = 10  # times SaudiNewsNet writes the pair
MIN_ADJECTIVE_SHARE = 0.10  # of the adjective's uses, right after that head
FRAME_SHARE = 0.5  # followed by a preposition's phrase: the pair opens a longer name
MAX_BARE_SHARE = 0.1  # written without the article, against with it
_WORD = re.compile(r"[\u0621-\u064a]+")


def definite_pairs(keys: list[tuple[str, str, str]]) -> list[tuple[int, tuple[str, str]]]:
    """(index, (head stem, adjective stem)) of each definite word followed by a word with the
    bare article (والحرس الثوري -> (حرس, ثوري)); `keys`: (match key, stem, prefix) per word."""
    return [(i, (keys[i][1], keys[i + 1][1])) for i in range(len(keys) - 1)
            if keys[i][2] in ARTICLE_PREFIXES and keys[i + 1][2] == "ال"
            and keys[i][1].isalpha() and keys[i + 1][1].isalpha()]


def corpora_counts() -> tuple[Counter, Counter, Counter, Counter]:
    """(pair as ORG, pair written, head as ORG, head written) over the training parts."""
    pair_org: Counter = Counter()
    pair_all: Counter = Counter()
    head_org: Counter = Counter()
    head_all: Counter = Counter()
    for corpus in load_corpora():
        for sentence in corpus.train:
            keys = [token_keys(word) for word, _ in sentence]
            labels = [label for _, label in sentence]
            for i, pair in definite_pairs(keys):
                pair_all[pair] += 1
                head_all[pair[0]] += 1
                if labels[i] == "B-ORG" and labels[i + 1] == "I-ORG":
                    pair_org[pair] += 1
                    head_org[pair[0]] += 1
    return pair_org, pair_all, head_org, head_all


def snn_counts(heads: frozenset[str]) -> tuple[Counter, Counter, Counter, Counter]:
    """(pair written, pair followed by a preposition's phrase, pair written without the
    article, adjective written) in SaudiNewsNet."""
    pairs: Counter = Counter()
    followed: Counter = Counter()
    bare: Counter = Counter()
    adjectives: Counter = Counter()
    for content in snn_contents():
        keys = [token_keys(w) for w in _WORD.findall(content)]
        adjectives.update(k[1] for k in keys if k[2] == "ال")
        for i, pair in definite_pairs(keys):
            if pair[0] in heads:
                pairs[pair] += 1
                if i + 2 < len(keys) and keys[i + 2][0].startswith("ل"):
                    followed[pair] += 1
        bare.update((keys[i][0], keys[i + 1][0]) for i in range(len(keys) - 1)
                    if keys[i][0] in heads and not keys[i][2] and not keys[i + 1][2])
    return pairs, followed, bare, adjectives


def _participle(stem: str) -> bool:
    """مسلحه, مواليه, منفذه, راعيه, حاكم: a participle describes what a body does, names none."""
    return (stem.startswith("م") and len(stem) >= 5) or (len(stem) in (4, 5) and stem[1] == "ا")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    pair_org, pair_all, head_org, head_all = corpora_counts()
    words = org_words()
    heads = set(words["head"] | words["head_any"])
    heads |= {k.removeprefix("ال") for k, kind in institution_heads().items() if kind in ("head", "head_of")}
    heads |= {h for h, n in head_org.items() if n >= MIN_HEAD_AS_ORG and n / head_all[h] >= MIN_HEAD_SHARE}
    nationalities = {k.removeprefix("ال") for k in nationality_keys()}
    pairs, followed, bare, adjectives = snn_counts(frozenset(heads))
    kept: dict[tuple[str, str], str] = {}
    for pair, n in pair_org.items():
        if n >= MIN_AS_ORG and n / pair_all[pair] >= MIN_SHARE:
            kept[pair] = "corpora"
    for pair, n in pairs.items():
        if n >= MIN_SNN and n / adjectives[pair[1]] >= MIN_ADJECTIVE_SHARE \
                and pair[1] not in nationalities and not _participle(pair[1]) and pair not in kept:
            kept[pair] = "saudinewsnet"
    rows = sorted(kept, key=lambda p: (-pairs[p], p))
    lines = ["# Bodies named by a definite head and one definite adjective, as stems (حرس ثوري is",
             "# الحرس الثوري), learnt by scripts/learn_body_pairs.py (its docstring says how) from the",
             "# training parts of ANERcorp, NewsFANE and the Wojood sample and from SaudiNewsNet.",
             "# kind: name (a name alone: المحكمة العليا) or opens (a frame that SaudiNewsNet follows",
             "# with a preposition's phrase in most of its uses: المجلس الأعلى للقضاء); source; the",
             "# counts: SaudiNewsNet's uses, of them followed by لـ, its uses without the article;",
             "# the corpora's ORG / all.",
             "pair\tkind\tsource\tsnn\tsnn_followed\tsnn_bare\tcorpora_org\tcorpora_all"]
    # A kind of body, not one body, is written as often without the article ("جيش نظامي",
    # "حكومة ائتلافية", "جمعية عمومية"); a name seldom is ("حرس ثوري").
    rows = [p for p in rows if bare[p] < MAX_BARE_SHARE * max(pairs[p], 1)]
    for pair in rows:
        kind = "opens" if pairs[pair] and followed[pair] / pairs[pair] >= FRAME_SHARE else "name"
        lines.append(f"{pair[0]} {pair[1]}\t{kind}\t{kept[pair]}\t{pairs[pair]}\t{followed[pair]}\t{bare[pair]}"
                     f"\t{pair_org[pair]}\t{pair_all[pair]}")
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} pairs written to {args.output}")


if __name__ == "__main__":
    main()

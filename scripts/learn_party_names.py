"""Learn the names of political parties from the words written after حزب ("party"): حزب
العدالة والتنمية -> العدالة والتنمية, حزب الاستقلال -> الاستقلال. Two sources, both shipped with
the list:
- the labelled NER corpora' training parts (ANERcorp, NewsFANE, the Wojood sample; never their
  dev splits): the rest of an organisation they mark that opens with حزب;
- SaudiNewsNet: after حزب (its bare construct form, with or without a glued preposition), the
  run of definite words, each glued و + definite word kept (العدالة والتنمية); of each run the
  longest start that news writes at least MIN_SNN times and at least MIN_CARRY of the times it
  writes the start one word shorter (so "العدالة والتنمية" is the name, not "العدالة" nor
  "العدالة والتنمية الحاكم").
A name whose first word news writes right after الحزب as well (الحزب الحاكم, الحزب الجمهوري:
an adjective) is left out, and so is a name of one word that news writes on its own more than
MAX_OWN_USES times as often (الرئيس, المعارضة), or that is a function word, a nationality, a known place or a deity
(الله: حزب الله is a name only whole) is left out. marsad/extract/party_names.py reads the list:
a party written bare is read as one only where its sentence speaks of parties.

    python scripts/learn_party_names.py marsad/data/ner_party_names.tsv
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from marsad.arabic.tokenize import token_keys
from marsad.evaluate.ner_corpora import load_corpora
from marsad.extract.mention_spans import known_places
from marsad.extract.org_names import nationality_keys
from marsad.extract.roles import function_words
from marsad.run.bench import snn_contents

MIN_SNN = 5  # times SaudiNewsNet writes the name after حزب
MIN_CORPORA = 1  # times the corpora mark it
MIN_CARRY = 0.5  # share of the shorter start's uses that go on to the longer name
MAX_OWN_USES = 100  # a one-word name's uses in all, against after حزب (SaudiNewsNet's names only)
MAX_ADJECTIVE_SHARE = 0.2  # uses right after الحزب, against after حزب: an adjective
_LONGEST = 4
_PARTY = "حزب"
_LEFT_OUT = frozenset({"الله"})
_WORD = re.compile(r"[\u0621-\u064a]+")


def name_key(word: str) -> str:
    """A word of a name as the list keeps it: its match key, a glued و cut before the
    article (والتنميه -> التنميه), so that "و التنمية" written apart matches too."""
    key = token_keys(word)[0]
    return key[1:] if key.startswith("وال") else key


def _is_party(word: str) -> bool:
    _, stem, prefix = token_keys(word)
    return stem == _PARTY and not prefix.endswith("ال")


def corpora_names() -> Counter:
    names: Counter = Counter()
    for corpus in load_corpora():
        for sentence in corpus.train:
            for i, (word, label) in enumerate(sentence):
                if label != "B-ORG" or not _is_party(word):
                    continue
                rest = []
                for next_word, next_label in sentence[i + 1:i + 1 + _LONGEST]:
                    if next_label != "I-ORG":
                        break
                    rest.append(name_key(next_word))
                if rest:
                    names[tuple(rest)] += 1
    return names


def snn_runs() -> tuple[Counter, Counter, Counter]:
    """Every start (one word and more) of each run of definite words after حزب, counted; and
    the definite words written right after الحزب (an adjective: الحزب الحاكم)."""
    starts: Counter = Counter()
    after_definite: Counter = Counter()
    written: Counter = Counter()
    for content in snn_contents():
        words = _WORD.findall(content)
        written.update(map(name_key, words))
        for i, word in enumerate(words[:-1]):
            if not _is_party(word):
                if token_keys(word)[0] in ("الحزب", "والحزب"):
                    after_definite[name_key(words[i + 1])] += 1
                continue
            run: list[str] = []
            for nxt in words[i + 1:i + 1 + _LONGEST]:
                key = token_keys(nxt)[0]
                if not key.startswith(("ال", "وال", "لل")) or key in ("الذي", "التي"):
                    break
                run.append(name_key(nxt))
                starts[tuple(run)] += 1
    return starts, after_definite, written


def snn_names(starts: Counter) -> set[tuple[str, ...]]:
    names = set()
    for start, n in starts.items():
        if len(start) > 1 or n < MIN_SNN:
            continue
        name = start
        while True:
            longer = max((s for s in starts if len(s) == len(name) + 1 and s[:-1] == name),
                         key=starts.__getitem__, default=None)
            if longer is None or starts[longer] < max(MIN_SNN, MIN_CARRY * starts[name]):
                break
            name = longer
        names.add(name)
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    corpora = corpora_names()
    starts, after_definite, written = snn_runs()
    places, nationalities, functions = known_places(), nationality_keys(), function_words()
    kept: dict[tuple[str, ...], str] = {n: "saudinewsnet" for n in snn_names(starts)}
    kept.update({n: "corpora" for n, c in corpora.items() if c >= MIN_CORPORA and n not in kept})
    rows = []
    for name in sorted(kept, key=lambda n: (-starts[n] - corpora[n], n)):
        # an adjective (الحزب الحاكم, الحزب الجمهوري) describes a party, names none alone
        if after_definite[name[0]] >= MAX_ADJECTIVE_SHARE * max(starts[name[:1]], 1):
            continue
        # a word news writes mostly on its own (الرئيس, المعارضة) names no party alone
        if len(name) == 1 and kept[name] == "saudinewsnet" and written[name[0]] > MAX_OWN_USES * starts[name]:
            continue
        if len(name) == 1 and (name[0] in functions or name[0] in nationalities or name[0] in _LEFT_OUT
                               or (name[0],) in places or (name[0].removeprefix("ال"),) in places):
            continue
        rows.append(f"{' '.join(name)}\t{kept[name]}\t{starts[name]}\t{corpora[name]}")
    lines = ["# Parties' names as written after حزب (match keys; a glued و cut before the article),",
             "# learnt by scripts/learn_party_names.py (its docstring says how) from SaudiNewsNet and",
             "# the NER corpora' training parts; their uses after حزب in each. Read by",
             "# marsad/extract/party_names.py.",
             "name\tsource\tsnn\tcorpora", *rows]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {args.output}")


if __name__ == "__main__":
    main()

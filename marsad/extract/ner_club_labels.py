"""Clubs named after their towns: the tagger's LOC becomes ORG where sports news writes a club.

ANERcorp and NewsFANE label a football club ORG even when it bears its town's name
(هامبورغ, ميلان, بورتو); the tagger, whose gazetteer features know the towns, tags them
LOC. Three contexts tell a club from its town (on ANERcorp's dev split the LOC-for-ORG
errors were mostly these):
- a masculine country adjective right after the name: "هامبورغ الألماني" is the club (the
  town is feminine: "هامبورغ الألمانية"). In the training parts' gold labels a one- or
  two-word span before such an adjective is ORG 94 times, LOC 12 (ANERcorp and NewsFANE).
  Not a name with the article ("الريف المغربي", a region), nor one after a place's head
  noun ("مطار نيس الفرنسي": marsad/data/ner_span_heads.tsv);
- the head word نادي or فريق right before it ("نادي قطر"; not منتخب: a national team's
  country stays LOC in ANERcorp, "منتخب مصر");
- a fixture list: a sentence with two or more "NAME ( COUNTRY )" pairs and a score's dash
  beside them ("بورتو ( البرتغال ) - هامبورغ ( المانيا ) 1 - 0"): each NAME by a dash is a
  club, one the tagger left O included. A dateline ("بالم سبرينجز ( كاليفورنيا )") has one
  pair; a list of regions ("آسيا ( الكويت ) و أوروبا ( فرنسا )") no dash.
Runs on the tagger's labels before `marsad.extract.ner_consistency`, which then labels the
same article's other mentions of a club it left O.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import compress, count, repeat
from operator import eq
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import split_clitics
from marsad.arabic.words import table_rows
from marsad.extract.crf import bio_spans
from marsad.extract.mention_spans import institution_heads
from marsad.extract.roles import function_words

NATIONALITIES_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer_nationalities.tsv"
# A club's name before its country's adjective has one or two words ("سسكا موسكو الروسي").
_LONGEST_CLUB = 2
# Proclitics a club's head word may carry (لنادي, بالفريق, وفريق).
_HEAD_PREFIXES = ("", "ال", "لل", "و", "ب", "ل", "ف", "وال", "بال", "ولل", "ول", "وب", "فال")
_HEADS = ("نادي", "فريق")
# Pairs of "NAME ( COUNTRY )" that make a sentence a fixture list (with a dash beside one).
_FIXTURE_PAIRS = 2


@lru_cache(maxsize=1)
def country_adjectives() -> frozenset[str]:
    """Match keys of the masculine adjectives of countries with the article (الألماني,
    القطري): the nationality list's words that end in ي and name a country (a country
    code: not أوروبي or إفريقي, which follow regions, "المغرب العربي" aside)."""
    return frozenset(match_key("ال" + row[0]) for row in table_rows(NATIONALITIES_FILE, 4)
                     if row[3].strip() and row[0].endswith("ي") and not row[0].startswith("ال"))


@lru_cache(maxsize=1)
def club_heads() -> frozenset[str]:
    return frozenset(match_key(prefix + head) for head in _HEADS for prefix in _HEAD_PREFIXES)


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """Nouns before a place that keep it a place whatever adjective follows ("مدينة سان
    بطرسبرغ الروسي", "مطار نيس الفرنسي"): marsad/data/ner_span_heads.tsv's place and site heads."""
    return frozenset(k for k, kind in institution_heads().items() if kind in ("place_head", "site_head"))


def club_labels(words: Sequence[Sequence[int]], labels: list[list[str]],
                key_of: Callable[[int], str]) -> list[list[str]]:
    """The tagger's `labels` for one article (changed in place), its clubs ORG. `words`:
    the sentences as the decoder's type ids, `key_of` a type id's word key (looked up only
    around a LOC: most words are never read)."""
    for sentence, sentence_labels in zip(words, labels, strict=True):
        if "B-LOC" in sentence_labels:
            _sentence_clubs(sentence, sentence_labels, key_of)
    return labels


def _sentence_clubs(words: Sequence[int], labels: list[str], key_of: Callable[[int], str]) -> None:
    adjectives, heads = country_adjectives(), club_heads()
    n = len(words)
    for first in compress(count(), map(eq, labels, repeat("B-LOC"))):
        stop = first + 1
        while stop < n and labels[stop] == "I-LOC":
            stop += 1
        after_adjective = stop - first <= _LONGEST_CLUB and stop < n and key_of(words[stop]) in adjectives \
            and not key_of(words[first]).startswith("ال") \
            and not (first and split_clitics(key_of(words[first - 1]))[1] in place_heads())
        if after_adjective or (first and key_of(words[first - 1]) in heads):
            labels[first:stop] = ["B-ORG"] + ["I-ORG"] * (stop - first - 1)
    if labels.count("B-LOC") < _FIXTURE_PAIRS:
        return
    pairs = [i for i in range(1, n - 2) if labels[i + 1] == "B-LOC" and key_of(words[i]) == "("
             and key_of(words[i + 2]) == ")"]
    # A score's dash joins the two sides of a fixture ("بورتو ( البرتغال ) - هامبورغ"); a
    # list of regions with their countries ("آسيا ( الكويت ) و أوروبا ( فرنسا )") has none.
    sides = [i for i in pairs if (i + 3 < n and key_of(words[i + 3]) == "-") or _after_dash(words, labels, i, key_of)]
    if len(pairs) < _FIXTURE_PAIRS or not sides:
        return
    ends = {stop: (first, kind) for first, stop, kind in bio_spans(labels)}
    for i in sides:
        if i in ends:
            first, kind = ends[i]
            if kind == "LOC":
                labels[first:i] = ["B-ORG"] + ["I-ORG"] * (i - first - 1)
        elif labels[i - 1] == "O":
            key = key_of(words[i - 1])
            if len(key) > 1 and key.isalpha() and key not in function_words():
                labels[i - 1] = "B-ORG"


def _after_dash(words: Sequence[int], labels: list[str], i: int, key_of: Callable[[int], str]) -> bool:
    """Whether the name before the "(" at `i` (the tagger's span, or one word) follows a dash."""
    first = i - 1
    while first > 0 and labels[first].startswith("I-"):
        first -= 1
    return first > 0 and key_of(words[first - 1]) == "-"

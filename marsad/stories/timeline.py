"""Story timelines: the dated facts of a story's articles, in date order, each citing every
article that states it.

A fact is a sentence holding a resolved time expression (the extractor has turned "الخميس"
or "7 يوليو/تموز" into a date). The same fact told by several outlets is one entry: sentences
with the same date whose content terms overlap enough are merged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from marsad.model import Doc, TimelineEntry
from marsad.stories.summary import _Candidate, _terms, group_same

# Sentences with the same date are one fact from a lower overlap than summary lines need:
# the date already agrees, and outlets retell a dated event in their own words (fixture
# pairs of one dated event share 0.3-0.6 of their terms; different facts on one day < 0.2).
SAME_FACT_JACCARD = 0.3
MIN_WORDS = 5  # a dateline ("الخميس 15 يوليو 2021") is not a fact
MAX_ENTRIES = 25  # a long story keeps its best-attested dated facts


def dated_sentences(doc: Doc) -> list[tuple[str, _Candidate]]:
    out = []
    for i, s in enumerate(doc.sentences):
        if len(s.text.split()) < MIN_WORDS:
            continue
        values = [t.value for t in doc.times if s.start <= t.start < s.end and t.value]
        if values:
            # The most specific date in the sentence is the one the fact happened on.
            value = max(values, key=lambda v: (len(v), v))
            out.append((value, _Candidate(doc.id, i, s.text, _terms(s))))
    return out


def build_timeline(docs: Sequence[Doc]) -> list[TimelineEntry]:
    by_date: dict[str, list[_Candidate]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.id):
        for value, candidate in dated_sentences(doc):
            by_date[value].append(candidate)
    entries = []
    for value, candidates in by_date.items():
        for members in group_same(candidates, SAME_FACT_JACCARD):
            first = min(members, key=lambda c: (c.article, c.index))
            articles = tuple(sorted({c.article for c in members}))
            entries.append(TimelineEntry(value, first.text, articles))
    if len(entries) > MAX_ENTRIES:
        entries = sorted(entries, key=lambda e: (-len(e.articles), e.date or "", e.text))[:MAX_ENTRIES]
    return sorted(entries, key=lambda e: (e.date or "", e.articles, e.text))

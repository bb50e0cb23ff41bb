"""Extractive story summaries: the sentences most central to the story, none repeating another,
each citing every article that carries it.

Sentences that say the same thing in several outlets (a wire sentence lightly reworded) are
merged first, so the summary line lists all of them. Centrality is cosine similarity to the
story's term centroid, where a term weighs as much as the number of articles using it; the
lines are then picked by Maximal Marginal Relevance (Carbonell & Goldstein 1998).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from marsad.model import Doc, Sentence, SummarySentence
from marsad.stories.groups import DisjointSets
from marsad.stories.terms import content_terms, jaccard, sentence_tokens

SENTENCES_PER_ARTICLE = 15  # the lead carries the news; later sentences are background
MIN_WORDS, MAX_WORDS = 6, 80  # shorter lines are captions and datelines, longer are run-ons
# Two sentences are the same statement when they share half their content terms (Jaccard):
# the reworded wire sentences of the fixtures (e.g. "ولا يزال نحو ..." / "لا يزال حوالي ...")
# score 0.5-0.8, different sentences of one story about the same subject under 0.35.
SAME_SENTENCE_JACCARD = 0.5
SUMMARY_MIN, SUMMARY_MAX = 5, 7
MMR_LAMBDA = 0.7  # relevance vs. novelty, the usual setting in the MMR literature


@dataclass
class SentenceGroup:
    """One statement, as written in one or more articles."""

    text: str
    terms: frozenset[str]
    articles: set[str]
    score: float = 0.0
    first: tuple[str, int] = ("", 0)  # (article id, sentence index) of its first appearance


@dataclass(frozen=True)
class _Candidate:
    article: str
    index: int
    text: str
    terms: frozenset[str]


def candidate_sentences(doc: Doc, limit: int = SENTENCES_PER_ARTICLE) -> list[_Candidate]:
    title = (doc.article.title or "").strip()
    out = []
    for i, s in enumerate(doc.sentences[:limit]):
        n_words = len(s.text.split())
        if not MIN_WORDS <= n_words <= MAX_WORDS or s.text.strip() == title:
            continue
        out.append(_Candidate(doc.id, i, s.text, _terms(s)))
    return out


def _terms(sentence: Sentence) -> frozenset[str]:
    return frozenset(content_terms(sentence_tokens(sentence)))


def group_same(candidates: Sequence[_Candidate], threshold: float) -> list[list[_Candidate]]:
    """Union of sentences whose term sets overlap by at least `threshold` (Jaccard).

    Exact prefix filtering (the AllPairs/PPJoin idea): with terms ordered rarest first, two
    sets with Jaccard >= t must share a term among the first |s| - ceil(t*|s|) + 1 of each.
    Only pairs that share such a prefix term are compared, so a story of thousands of
    articles (a sparse product had 1.3 billion overlapping pairs there) stays cheap.
    """
    if not candidates:
        return []
    df: Counter[str] = Counter(t for c in candidates for t in c.terms)
    ordered = [sorted(c.terms, key=lambda t: (df[t], t)) for c in candidates]
    sets = DisjointSets(len(candidates))
    index: dict[str, list[int]] = defaultdict(list)  # prefix term -> sentences seen so far
    for j, terms in enumerate(ordered):
        size = len(terms)
        if not size:
            continue
        prefix = size - math.ceil(threshold * size - 1e-9) + 1
        seen: set[int] = set()
        for term in terms[:prefix]:
            for i in index[term]:
                if i in seen:
                    continue
                seen.add(i)
                # Length filter: Jaccard >= t needs t*|a| <= |b| <= |a|/t.
                other = len(ordered[i])
                if not threshold * size <= other * (1 + 1e-9) or other * threshold > size * (1 + 1e-9):
                    continue
                if _jaccard_at_least(candidates[i].terms, candidates[j].terms, threshold):
                    sets.join(i, j)
            index[term].append(j)
    return sets.groups(candidates)


def _jaccard_at_least(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    """The same test, in the same float32 arithmetic, as the sparse product used before."""
    shared = np.float32(len(a & b))
    return bool(shared / (np.float32(len(a)) + np.float32(len(b)) - shared) >= threshold)


def _centrality(terms: frozenset[str], centroid: Counter[str], norm: float) -> float:
    if not terms:
        return 0.0
    return sum(centroid[t] for t in terms) / (math.sqrt(len(terms)) * norm)


def sentence_groups(docs: Sequence[Doc]) -> list[SentenceGroup]:
    """Every candidate statement of the story, merged across articles and scored."""
    candidates = [c for d in sorted(docs, key=lambda d: d.id) for c in candidate_sentences(d)]
    per_article: dict[str, set[str]] = {}
    for c in candidates:
        per_article.setdefault(c.article, set()).update(c.terms)
    centroid: Counter[str] = Counter()
    for terms in per_article.values():
        centroid.update(terms)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    groups = []
    for members in group_same(candidates, SAME_SENTENCE_JACCARD):
        best = max(members, key=lambda c: (_centrality(c.terms, centroid, norm), -c.index, c.article))
        articles = {c.article for c in members}
        # A statement more outlets carry is more central to the story (log: 2 vs 1 matters
        # more than 12 vs 11).
        score = _centrality(best.terms, centroid, norm) * (1 + math.log(len(articles)))
        first = min((c.article, c.index) for c in members)
        groups.append(SentenceGroup(best.text, best.terms, articles, score, first))
    return groups


# A story of more articles is summarised from this many of them, spread evenly over its
# time line: 300 articles give ~4,500 candidate statements, already far more than seven
# lines need, and the largest SaudiNewsNet cluster (thousands of articles) stays cheap.
SUMMARY_ARTICLES = 300


def summary_sample(docs: Sequence[Doc], limit: int = SUMMARY_ARTICLES) -> list[Doc]:
    """At most `limit` docs, evenly spaced in publication order (deterministic)."""
    ordered = sorted(docs, key=lambda d: (d.article.published or "", d.id))
    if len(ordered) <= limit:
        return ordered
    step = len(ordered) / limit
    return [ordered[int(k * step)] for k in range(limit)]


def summarize(docs: Sequence[Doc]) -> list[SummarySentence]:
    """5-7 summary lines by MMR over the merged statements."""
    groups = sorted(sentence_groups(summary_sample(docs)), key=lambda g: (-g.score, g.first))
    chosen: list[SentenceGroup] = []
    while groups and len(chosen) < SUMMARY_MAX:
        def mmr(g: SentenceGroup) -> float:
            overlap = max((jaccard(g.terms, c.terms) for c in chosen), default=0.0)
            return MMR_LAMBDA * g.score - (1 - MMR_LAMBDA) * overlap
        at = max(range(len(groups)), key=lambda i: (mmr(groups[i]), -i))
        best = groups.pop(at)
        too_close = any(jaccard(best.terms, c.terms) >= SAME_SENTENCE_JACCARD for c in chosen)
        if too_close:
            continue
        chosen.append(best)
        if len(chosen) >= SUMMARY_MIN and mmr(best) <= 0:
            break
    return [SummarySentence(g.text, tuple(sorted(g.articles))) for g in chosen]

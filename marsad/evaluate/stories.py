"""Pairwise clustering precision/recall/F1 of story clustering against a gold JSON Lines file.

Every pair of articles the system puts in one story is a predicted link; every pair the gold
`gold_story` field puts together is a true link (the pairwise measure of Manning et al. for
clustering, which penalises both merged look-alikes and split stories).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from marsad.model import Analysis

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "stories" / "corpus.jsonl"


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    articles: int
    gold_stories: int
    predicted_stories: int


def _pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    by_label: dict[str, list[str]] = {}
    for item, label in labels.items():
        by_label.setdefault(label, []).append(item)
    return {pair for members in by_label.values() for pair in combinations(sorted(members), 2)}


def pairwise_scores(gold: dict[str, str], predicted: dict[str, str]) -> PairScores:
    """gold/predicted: item -> cluster label, over the same items."""
    items = gold.keys() & predicted.keys()
    g = _pairs({i: gold[i] for i in items})
    p = _pairs({i: predicted[i] for i in items})
    tp = len(g & p)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, len(items), len(set(gold[i] for i in items)),
                      len(set(predicted[i] for i in items)))


def read_gold(path: Path) -> dict[str, str]:
    """url -> gold story, from the JSON Lines file."""
    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["url"]] = record["gold_story"]
    return gold


def analyze_corpus(path: Path) -> Analysis:
    from marsad.ingest import read_inputs
    from marsad.pipeline import analyze_pages

    return analyze_pages(read_inputs([str(path)]))


def evaluate_stories(path: Path = CORPUS) -> tuple[PairScores, Analysis]:
    analysis = analyze_corpus(path)
    url_of = {d.id: d.article.url or d.article.source for d in analysis.docs}
    predicted = {url_of[a]: s.id for s in analysis.stories for a in s.articles}
    return pairwise_scores(read_gold(path), predicted), analysis

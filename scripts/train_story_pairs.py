#!/usr/bin/env python3
"""Train the same-happening decision of story clustering (marsad/models/story_pairs.json).

Reads hand-labelled pairs of SaudiNewsNet articles (by default the development set
../shared/data/snn-story-pairs-dev; `--train` adds the team's labels/story_pairs files),
analyses only the articles the pairs name with marsad's pipeline, computes each pair's
features as the clusterer does (the later article against a one-article story of the earlier:
`StoryClusterer.pair_features`), fits a logistic regression, and sets the joining threshold on
its cross-validated probabilities. Pairs marked unsure are left out.

usage: python scripts/train_story_pairs.py [--train FILE ...] [--out PATH]
Then `marsad eval stories --pairs` scores the clustering on every labelled pair set.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

import marsad.stories.cluster
from marsad.evaluate.stories import DEV_PAIRS, SNN_DATASET, analyze_pair_articles, pair_days, read_pairs
from marsad.model import Article, Doc
from marsad.stories.cluster import StoryClusterer, article_day, one_article_story
from marsad.stories.signature import BACKGROUND_FILE, FEATURES, MODEL_FILE, SameHappening, background

MODELS = Path(__file__).resolve().parents[1] / "marsad" / "models"
OUT = MODELS / MODEL_FILE
# The days of labels/story_pairs/snn_2015-07-21+2015-07-22.jsonl, kept out of everything
# training reads: the pairs the model is tested on.
HELD_OUT_DAYS = ("2015-07-21", "2015-07-22")
# 3 articles: rarer terms are names of one happening, weighted as unseen ones (the file
# stays ~1 MB).
BACKGROUND_MIN_DF = 3
# L2 strength of the regression: 16 features, 259 pairs; C=1 is scikit-learn's default and
# C=10 gave the same out-of-fold recall at precision 0.9 (0.86) and a lower dev-pair
# clustering precision (0.91 against 0.95).
C = 1.0
FOLDS = 5
# Same-happening pairs written in other words (drawn from the mid and low TF-IDF bands) count
# this many times: most same pairs in SaudiNewsNet are wire copies, while the streams marsad
# reads (and the real-page sets) report one happening in each outlet's own words.
# 3: with 1 the model joined none of the seed and demo pages written by separate outlets
# (all SaudiNewsNet sets within 0.02 of these figures); 8 moved the dev pairs' precision
# from 0.94 to 0.88.
OTHER_WORDING_WEIGHT = 3.0
# The threshold maximises F1 of the out-of-fold pair decisions, among those with pair
# precision at least 0.85 (the issue asks precision >= 0.85-0.9 with recall >= 0.7).
MIN_PRECISION = 0.85


def pair_matrix(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    pairs = read_pairs(path)
    analysis = analyze_pair_articles(pairs, pair_days(path))
    docs = {d.article.url or d.article.source: d for d in analysis.docs}
    clusterer = StoryClusterer()
    for doc in analysis.docs:  # document frequencies as a batch of these articles gives them
        clusterer.df.update(set(clusterer._terms(doc, ())))
    clusterer.n_docs = len(analysis.docs)
    rows, labels, weights = [], [], []
    for p in pairs:
        if p.a not in docs or p.b not in docs:
            print(f"  missing article: {p.a if p.a not in docs else p.b}")
            continue
        first, later = sorted((docs[p.a], docs[p.b]), key=lambda d: (article_day(d) is None, article_day(d) or 0, d.id))
        story = one_article_story(first.id, clusterer.doc_features(first, ()))
        rows.append(clusterer.pair_features(clusterer.doc_features(later, ()), story))
        labels.append(int(p.same))
        weights.append(OTHER_WORDING_WEIGHT if p.same and p.band != "hi" else 1.0)
    print(f"{path.name}: {len(rows)} pairs, {sum(labels)} same")
    return np.array(rows, dtype=float), np.array(labels), np.array(weights)


def best_threshold(probs: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    """(threshold, precision, recall): the best F1 with precision >= MIN_PRECISION."""
    best, best_f1 = (0.5, 0.0, 0.0), -1.0
    for t in np.arange(0.95, 0.199, -0.01):
        pred = probs >= t
        tp = int((pred & (labels == 1)).sum())
        p = tp / pred.sum() if pred.sum() else 0.0
        r = tp / labels.sum() if labels.sum() else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if p >= MIN_PRECISION and f1 >= best_f1:
            best, best_f1 = (round(float(t), 2), p, r), f1
    return best


def write_background(out: Path) -> None:
    """Document frequencies of the content terms of every SaudiNewsNet article (title and
    lead, as the clusterer reads them) but those of the held-out days; terms in fewer than
    BACKGROUND_MIN_DF articles are left out (they weigh as unseen terms do)."""
    clusterer, df, seen = StoryClusterer(), Counter[str](), set()
    for archive_path in sorted(SNN_DATASET.glob("*.zip")):
        if archive_path.stem in HELD_OUT_DAYS:
            continue
        with zipfile.ZipFile(archive_path) as archive:
            for inner in archive.namelist():
                for a in json.loads(archive.read(inner)):
                    if a["url"] in seen or not (a.get("content") or "").strip():
                        continue
                    seen.add(a["url"])
                    article = Article(id=a["url"], source=a["url"], text=a["content"], title=a.get("title"),
                                      published=None, outlet=None, language="ar", is_article=True)
                    df.update(set(clusterer._terms(Doc(article=article), ())))
    kept = {t: n for t, n in sorted(df.items()) if n >= BACKGROUND_MIN_DF}
    out.write_text(json.dumps({"documents": len(seen), "df": kept}, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"background: {len(seen)} articles, {len(kept)} terms -> {out}")


def _no_joins() -> SameHappening:
    """Stand-in for the model while the pipeline analyses the training articles (it clusters
    them too, which training does not read): the model being trained may not exist yet."""
    return SameHappening((0.0,) * len(FEATURES), -10.0, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="*", type=Path, default=[], help="more labelled pair files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    write_background(MODELS / BACKGROUND_FILE)
    background.cache_clear()
    trained = marsad.stories.cluster.same_happening_model
    marsad.stories.cluster.same_happening_model = _no_joins  # type: ignore[assignment]
    matrices = [pair_matrix(p) for p in [DEV_PAIRS, *args.train]]
    marsad.stories.cluster.same_happening_model = trained  # type: ignore[assignment]
    x = np.vstack([m[0] for m in matrices])
    y = np.concatenate([m[1] for m in matrices])
    w = np.concatenate([m[2] for m in matrices])
    regression = LogisticRegression(C=C, max_iter=1000)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    probs = cross_val_predict(regression, x, y, cv=folds, method="predict_proba", params={"sample_weight": w})[:, 1]
    threshold, precision, recall = best_threshold(probs, y)
    print(f"{FOLDS}-fold pair decisions: threshold {threshold:.2f} precision {precision:.2f} recall {recall:.2f}")
    regression.fit(x, y, sample_weight=w)
    model = SameHappening(tuple(float(w) for w in regression.coef_[0]), float(regression.intercept_[0]), threshold)
    data = model.to_json()
    data["trained_on"] = [str(p.name) for p in [DEV_PAIRS, *args.train]]
    data["pairs"] = len(y)
    data["cv_precision"], data["cv_recall"] = round(precision, 3), round(recall, 3)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for name, weight in zip(FEATURES, model.weights, strict=True):
        print(f"  {name:<22}{weight:+.2f}")
    print(f"  {'bias':<22}{model.bias:+.2f}\nwrote {args.out}")


if __name__ == "__main__":
    main()

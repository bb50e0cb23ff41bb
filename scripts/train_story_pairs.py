#!/usr/bin/env python3
"""Train the same-happening decision of story clustering (marsad/models/story_pairs.json).

Reads hand-labelled pairs of SaudiNewsNet articles (by default the development set
../shared/data/snn-story-pairs-dev; `--train` adds the team's labels/story_pairs files),
analyses only the articles the pairs name with marsad's pipeline, computes each pair's
features as the clusterer does (the later article against a one-article story of the earlier:
`StoryClusterer.pair_features`) and fits a logistic regression. Pairs marked unsure are left
out.

The decision's bounds (the joining threshold, and the developing-story route's
probability, subject similarity and text cosine without a date link: `SameHappening`) are
chosen on the clustering itself:
each labelled set is clustered with a model fitted on the other sets, for every bound on a
grid, and the pooled pair decisions choose (the best F1 with precision at least
MIN_PRECISION), among the bounds that keep the seed pages' stories as labelled
(labels/story_pairs/seed_stories.json) and the team corpus's floor (TEAM_FLOOR).

With --text-bound-only the shipped weights and bounds are kept and only the developing
route's text bound is chosen, the same way, on the sets' clustering with those weights.

With --undated-from-pages CACHE the shipped weights and other bounds are kept and only the
undated route's bounds (`undated_probability`, `undated_margin`) are chosen: on the real-page
rounds used for fixing (REAL_PAGE_ROUNDS; rounds 4 and 6 are held out), each clustered again
for every pair of bounds on a grid, for the best mean pair F0.5 of the rounds (precision
first: the look-alikes merged are what the issue's real-page sets fail on).

With --undated-copies every pair is also fitted on with both articles analysed without their
publication date (SaudiNewsNet articles all have one; the real pages' excerpts mostly do not,
so the date features' "unknown" is otherwise never learned).

usage: python scripts/train_story_pairs.py [--train FILE ...] [--out PATH] [--text-bound-only]
                                           [--undated-copies] [--undated-from-pages CACHE]
Then `marsad eval stories` scores the clustering on every labelled pair set.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

import marsad.stories.cluster
from marsad.evaluate.stories import (
    CORPUS,
    DEV_PAIRS,
    SNN_DATASET,
    LabelledPair,
    analyze_corpus,
    analyze_pair_articles,
    pair_days,
    pairwise_scores,
    read_gold,
    read_pairs,
)
from marsad.evaluate.stories_real import real_page_docs
from marsad.ingest import read_inputs
from marsad.model import Article, Doc
from marsad.pipeline import analyze_pages
from marsad.settings import SHARED_DIR
from marsad.stories import joins_stories
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
# Same-happening pairs written in other words (drawn from the mid and low TF-IDF bands) count
# this many times: most same pairs in SaudiNewsNet are wire copies, while the streams marsad
# reads (and the real-page sets) report one happening in each outlet's own words.
# 3: with 1 the model joined none of the seed and demo pages written by separate outlets
# (all SaudiNewsNet sets within 0.02 of these figures); 8 moved the dev pairs' precision
# from 0.94 to 0.88.
OTHER_WORDING_WEIGHT = 3.0
# The bounds maximise F1 of the held-out clustering's pair decisions, among those with pair
# precision at least 0.9 when some reach it (the issue asks precision >= 0.9 with recall >=
# 0.7 on SaudiNewsNet pairs of other days); none that keep the seed stories do yet.
MIN_PRECISION = 0.9
THRESHOLDS = [round(float(t), 2) for t in np.arange(0.55, 0.901, 0.05)]
# The developing route: off, or from this probability with at least this subject similarity
# (below the threshold), into a story of at least this many articles.
DEVELOPING_PROBABILITIES = [0.15, 0.2, 0.3, 0.4]
DEVELOPING_SIMILARITIES = [0.3, 0.35, 0.4, 0.5]
DEVELOPING_ARTICLES = [1, 2]
# ... and, where the article's dates do not tie it to the story (`cluster.dates_link`), at
# least this text cosine (0.0: dates not asked).
DEVELOPING_TEXTS = [0.0, 0.4, 0.45]
SEEDS = SHARED_DIR / "seeds"
LABELS = Path(__file__).resolve().parents[1] / "labels"
# The real-page rounds the undated route's bounds are chosen on (labels/stories/README.md):
# nearly every pair of their excerpts is undated on one side; rounds 4 and 6 are held out.
REAL_PAGE_ROUNDS = ("real_pages.jsonl", "real_pages_round2.jsonl", "real_pages_round3.jsonl",
                    "real_pages_round5.jsonl", "real_pages_round7.jsonl")
UNDATED_PROBABILITIES = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 1.0]  # 1.0: no undated route
UNDATED_MARGINS = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25]
# The bounds must also keep the floor tests/test_cluster.py sets on the team's composed corpus
# (pair precision, recall), as they keep the seed stories.
TEAM_FLOOR = (0.9, 0.85)
SEED_STORIES = Path(__file__).resolve().parents[1] / "labels" / "story_pairs" / "seed_stories.json"

# threshold; developing probability, similarity, articles, text cosine without a date link
Bounds = tuple[float, float, float, int, float]


@dataclass
class PairSet:
    name: str
    x: np.ndarray  # pair features
    y: np.ndarray  # 1: one happening
    weights: np.ndarray
    docs: list[Doc]  # the articles the pairs name, as the clusterer gets them
    pairs: list[LabelledPair]
    # The same pairs' rows with both articles analysed without their publication date
    # (--undated-copies): fitted on beside x, never clustered nor counted.
    undated: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None


def read_pair_set(path: Path, undated_copies: bool = False) -> PairSet:
    pairs = read_pairs(path)
    analysis = analyze_pair_articles(pairs, pair_days(path))
    x, y, weights, kept = pair_rows(pairs, analysis.docs)
    pair_set = PairSet(path.name if path != DEV_PAIRS else "snn-story-pairs-dev", x, y, weights,
                       [d for d in analysis.docs if joins_stories(d)], kept)
    if undated_copies:
        pair_set.undated = pair_rows(kept, analyze_pair_articles(kept, pair_days(path), undated=True).docs)[:3]
    print(f"{path.name}: {len(pair_set.y)} pairs, {int(pair_set.y.sum())} same")
    return pair_set


def pair_rows(pairs: list[LabelledPair],
              analysed: list[Doc]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[LabelledPair]]:
    """Each pair's features, label and weight, and the pairs kept (those whose articles are
    missing are dropped)."""
    docs = {d.article.url or d.article.source: d for d in analysed}
    clusterer = StoryClusterer()
    for doc in analysed:  # document frequencies as a batch of these articles gives them
        clusterer.df.update(set(clusterer._terms(doc, ())))
    clusterer.n_docs = len(analysed)
    rows, labels, weights, kept = [], [], [], []
    for p in pairs:
        if p.a not in docs or p.b not in docs:
            print(f"  missing article: {p.a if p.a not in docs else p.b}")
            continue
        first, later = sorted((docs[p.a], docs[p.b]), key=lambda d: (article_day(d) is None, article_day(d) or 0, d.id))
        story = one_article_story(first.id, clusterer.doc_features(first, ()))
        rows.append(clusterer.pair_features(clusterer.doc_features(later, ()), story))
        labels.append(int(p.same))
        weights.append(OTHER_WORDING_WEIGHT if p.same and p.band != "hi" else 1.0)
        kept.append(p)
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES)), np.array(labels), np.array(weights), kept


def fit(sets: list[PairSet]) -> tuple[tuple[float, ...], float]:
    rows = [(s.x, s.y, s.weights) for s in sets] + [s.undated for s in sets if s.undated is not None]
    regression = LogisticRegression(C=C, max_iter=1000)
    regression.fit(np.vstack([x for x, _, _ in rows]), np.concatenate([y for _, y, _ in rows]),
                   sample_weight=np.concatenate([w for _, _, w in rows]))
    return tuple(float(w) for w in regression.coef_[0]), float(regression.intercept_[0])


def cluster(docs: list[Doc], model: SameHappening) -> dict[str, str]:
    """url -> story id, as `marsad analyze` clusters these docs with this decision."""
    marsad.stories.cluster.same_happening_model = lambda: model  # type: ignore[assignment]
    story_of = StoryClusterer().add_batch(docs)
    return {d.article.url or d.article.source: story_of[d.id] for d in docs}


def pair_counts(pair_set: PairSet, story_of: dict[str, str]) -> tuple[int, int]:
    """(same pairs put together, different pairs put together)."""
    tp = fp = 0
    for p in pair_set.pairs:
        if story_of.get(p.a) is not None and story_of.get(p.a) == story_of.get(p.b):
            tp += p.same
            fp += not p.same
    return tp, fp


def bounds_grid() -> list[Bounds]:
    grid = [(t, 1.0, 1.0, 1, 0.0) for t in THRESHOLDS]  # no developing route
    grid += [(t, dp, ds, n, dt) for t, dp, ds, n, dt in itertools.product(
        THRESHOLDS, DEVELOPING_PROBABILITIES, DEVELOPING_SIMILARITIES, DEVELOPING_ARTICLES, DEVELOPING_TEXTS)
        if dp < t]
    return grid


def held_out_counts(sets: list[PairSet]) -> dict[Bounds, list[int]]:
    """For every bounds on the grid: [same, different] pairs put together over all sets, each
    set clustered with the model fitted on the others."""
    counts = {b: [0, 0] for b in bounds_grid()}
    for i, held in enumerate(sets):
        weights, bias = fit(sets[:i] + sets[i + 1:])
        for bounds, found in counts.items():
            tp, fp = pair_counts(held, cluster(held.docs, SameHappening(weights, bias, *bounds)))
            found[0] += tp
            found[1] += fp
        print(f"  clustered {held.name} ({len(held.docs)} articles) with the model of the other sets")
    return counts


def seed_docs() -> tuple[list[Doc], list[set[str]]]:
    """The seed pages as the clusterer gets them, and their labelled stories (by the first
    three characters of each file name)."""
    if not SEEDS.is_dir():
        return [], []
    analysis = analyze_pages(read_inputs([str(SEEDS)]))
    stories = [set(s) for s in json.loads(SEED_STORIES.read_text(encoding="utf-8"))["stories"]]
    return [d for d in analysis.docs if joins_stories(d)], stories


def keeps_seed_stories(docs: list[Doc], stories: list[set[str]], model: SameHappening) -> bool:
    story_of = cluster(docs, model)
    by_name = {Path(d.article.source).name[:3]: story_of[d.article.url or d.article.source] for d in docs}
    found = [{by_name[name] for name in story if name in by_name} for story in stories]
    return all(len(f) == 1 for f in found) and len(set().union(*found)) == len(found)


def team_corpus() -> tuple[list[Doc], dict[str, str]]:
    """The team's composed corpus of developing stories and look-alikes as the clusterer gets
    it, and its gold stories (url -> story)."""
    analysis = analyze_corpus(CORPUS)
    return [d for d in analysis.docs if joins_stories(d)], read_gold(CORPUS)


def keeps_team_stories(docs: list[Doc], gold: dict[str, str], model: SameHappening) -> bool:
    """The floor tests/test_cluster.py keeps on the team corpus: its developing stories (a
    follow-up two days on, written in other words) stay whole, its look-alikes apart."""
    scores = pairwise_scores(gold, cluster(docs, model))
    return scores.precision >= TEAM_FLOOR[0] and scores.recall >= TEAM_FLOOR[1]


def choose_bounds(counts: dict[Bounds, list[int]], same: int, seeds: list[Doc], seed_stories: list[set[str]],
                  team: tuple[list[Doc], dict[str, str]], weights: tuple[float, ...],
                  bias: float) -> tuple[SameHappening, float, float]:
    """The model with the best bounds, and their held-out pair precision and recall."""
    scored = []
    for bounds, (tp, fp) in counts.items():
        precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / same
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        # Precise enough first, then the best F1; on ties the higher bounds.
        scored.append(((precision >= MIN_PRECISION, f1, *bounds), bounds, precision, recall))
    scored.sort(reverse=True)
    for _, bounds, precision, recall in scored:
        model = SameHappening(weights, bias, *bounds)
        if seeds and not keeps_seed_stories(seeds, seed_stories, model):
            print(f"  {bounds}: held-out P {precision:.3f} R {recall:.3f}, but not the seeds' stories")
        elif not keeps_team_stories(*team, model):
            print(f"  {bounds}: held-out P {precision:.3f} R {recall:.3f}, but not the team corpus's stories")
        else:
            return model, precision, recall
    raise SystemExit("no bounds keep the seed stories and the team corpus's")


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


def text_bound_counts(sets: list[PairSet], shipped: SameHappening) -> dict[Bounds, list[int]]:
    """For each DEVELOPING_TEXTS value with the shipped weights and other bounds: [same,
    different] pairs put together over all sets (in-sample: the weights were fitted on them)."""
    counts = {}
    for text in DEVELOPING_TEXTS:
        bounds = (shipped.threshold, shipped.developing_probability, shipped.developing_similarity,
                  shipped.developing_articles, text)
        found = [0, 0]
        for pair_set in sets:
            model = SameHappening(shipped.weights, shipped.bias, *bounds)
            tp, fp = pair_counts(pair_set, cluster(pair_set.docs, model))
            found[0] += tp
            found[1] += fp
        print(f"  text bound {text}: {found[0]} same, {found[1]} different pairs put together")
        counts[bounds] = found
    return counts


def choose_undated_bounds(shipped: SameHappening, pages_dir: Path) -> tuple[float, float]:
    """The undated route's bounds with the best mean pair F0.5 over REAL_PAGE_ROUNDS (ties: the
    higher probability, then margin: the fewer joins)."""
    rounds = [real_page_docs(LABELS / "stories" / name, pages_dir) for name in REAL_PAGE_ROUNDS]
    scored = []
    for probability, margin in itertools.product(UNDATED_PROBABILITIES, UNDATED_MARGINS):
        model = dataclasses.replace(shipped, undated_probability=probability, undated_margin=margin)
        scores = [pairwise_scores(gold, {a: "alone:" + a for a in gold} | cluster(docs, model))
                  for docs, gold in rounds]
        f_half = [1.25 * s.precision * s.recall / (0.25 * s.precision + s.recall) if s.recall else 0.0
                  for s in scores]
        scored.append((round(sum(f_half) / len(f_half), 6), probability, margin))
        print(f"  undated {probability} / {margin}: mean F0.5 {scored[-1][0]:.3f}, F1 "
              f"{sum(s.f1 for s in scores) / len(scores):.3f}; P/R "
              + " ".join(f"{s.precision:.2f}/{s.recall:.2f}" for s in scores))
    best = max(scored)
    print(f"undated bounds {best[1]} / {best[2]}: mean real-page F0.5 {best[0]:.3f}")
    return best[1], best[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="*", type=Path, default=[], help="more labelled pair files")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--text-bound-only", action="store_true",
                        help="keep the shipped weights and bounds; choose only the developing route's text "
                             "cosine without a date link, on these sets' clustering")
    parser.add_argument("--undated-copies", action="store_true",
                        help="fit on every pair a second time with both articles analysed without their "
                             "publication date, as page excerpts come (the bounds are chosen as before)")
    parser.add_argument("--undated-from-pages", type=Path, metavar="CACHE",
                        help="keep the shipped model; choose only the undated route's bounds on the real-page "
                             "rounds (their texts in this page cache)")
    args = parser.parse_args()
    if args.undated_from_pages:
        data = json.loads(OUT.read_text(encoding="utf-8"))
        probability, margin = choose_undated_bounds(SameHappening.from_json(data), args.undated_from_pages)
        data.update(undated_probability=probability, undated_margin=margin, undated_chosen_on=list(REAL_PAGE_ROUNDS))
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
        return
    if not args.text_bound_only:
        write_background(MODELS / BACKGROUND_FILE)
        background.cache_clear()
    trained = marsad.stories.cluster.same_happening_model
    # The shipped model is read only to keep its weights (a model of other features is retrained).
    shipped = trained() if args.text_bound_only else None
    marsad.stories.cluster.same_happening_model = _no_joins  # type: ignore[assignment]
    sets = [read_pair_set(p, args.undated_copies) for p in [DEV_PAIRS, *args.train]]
    seeds, seed_stories = seed_docs()
    team = team_corpus()
    if shipped is not None:
        counts, (weights, bias) = text_bound_counts(sets, shipped), (shipped.weights, shipped.bias)
    else:
        counts = held_out_counts(sets)
        weights, bias = fit(sets)
    model, precision, recall = choose_bounds(counts, sum(int(s.y.sum()) for s in sets), seeds, seed_stories,
                                             team, weights, bias)
    marsad.stories.cluster.same_happening_model = trained  # type: ignore[assignment]
    print(f"bounds {model.threshold} / {model.developing_probability} / {model.developing_similarity} / "
          f"{model.developing_articles} / {model.developing_text}: "
          f"{'in-sample' if args.text_bound_only else 'held-out'} clustering pair precision {precision:.3f} "
          f"recall {recall:.3f}")
    data = model.to_json()
    if args.text_bound_only:  # the weights' record stays; the text bound's figures are in-sample
        data = {**json.loads(OUT.read_text(encoding="utf-8")), **data,
                "developing_text_in_sample": [round(precision, 3), round(recall, 3)]}
    else:
        data["trained_on"] = [str(p.name) for p in [DEV_PAIRS, *args.train]]
        data["pairs"] = int(sum(len(s.y) for s in sets))
        data["undated_copies"] = args.undated_copies
        data["held_out_precision"], data["held_out_recall"] = round(precision, 3), round(recall, 3)
    # The undated route's bounds are chosen on real pages (marsad/models/MODEL_CARD.md), not on
    # these dated pairs: the shipped ones are kept.
    shipped_data = json.loads(OUT.read_text(encoding="utf-8")) if OUT.is_file() else {}
    data.update({k: shipped_data[k] for k in ("undated_probability", "undated_margin", "same_day_probability",
                                              "same_day_margin") if k in shipped_data})
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for name, weight in zip(FEATURES, model.weights, strict=True):
        print(f"  {name:<22}{weight:+.2f}")
    print(f"  {'bias':<22}{model.bias:+.2f}\nwrote {args.out}")


if __name__ == "__main__":
    main()

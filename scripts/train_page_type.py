"""Train the page-type classifier (marsad/models/page_type.json) on hand-labelled real pages.

    python scripts/train_page_type.py --labels labels-ar.jsonl --labels labels-web.jsonl \
        --pages-dir /path/to/pages [--out marsad/models/page_type.json]

Reads the training part of the labelled pages (`marsad.evaluate.clean.split_of`: the dev
part, and a held-out set whose records name their split, are never seen here), computes
each page's shape as cleaning does, picks the
regularisation (and, given several, the class weights) by cross-validation on the training
part, and writes a logistic regression (scaler + coefficients as JSON, no pickle). Page
types with fewer than MIN_CLASS_PAGES training pages are learned as one "not_article"
class; the rules name their kind. With `--decision-cv` the choice is made on what cleaning
does: each held-out labelled page decided by the rules and a model fitted on the other
folds, given without its address, its is_article accuracy weighed to the private sets'
share of non-articles (`--choose-at-prior`, about 10%; the labelled pages hold 39%).
The dev figure comes from `marsad eval clean --split dev`.

    python scripts/train_page_type.py --binary --with-team-pages --also-without-address \
        --labels labels/pages/arabic-news.jsonl --pages-dir /work/cache/pages \
        --decision-cv --non-article-prior 0.5,0.3,0.2,0.1
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from marsad.clean import clean_pages_shaped
from marsad.clean.page_shape import FEATURES, PageShape
from marsad.clean.page_type import MODEL_FILE, PageTypeModel, decide_page_type
from marsad.evaluate.clean import PageLabel, raw_page, read_labels
from marsad.ingest import read_inputs
from marsad.model import RawPage

# A page type is learned as its own class from this many training pages on; rarer types
# are pooled (3 is the least a 3-fold cross-validation can stratify).
MIN_CLASS_PAGES = 3
# A feature is learned when this many training pages show it (non-zero).
MIN_FEATURE_PAGES = 5
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


REPO = Path(__file__).resolve().parent.parent
TEAM_PAGE_DIRS = (REPO / "demo", REPO / "tests" / "fixtures" / "clean", REPO / "tests" / "fixtures" / "store",
                  REPO.parent / "shared" / "seeds")
# The team's pages that are not articles say so in their file names.
_NOT_ARTICLE_NAME = re.compile(r"listing|ticker|rss|feed")


def team_pages() -> list[tuple[RawPage, PageLabel]]:
    """Whole pages the team composed (and the seeds), labelled by their file names."""
    found = []
    for page in read_inputs([str(d) for d in TEAM_PAGE_DIRS if d.exists()]):
        if not isinstance(page, RawPage):
            continue
        name = page.source.rsplit("/", 1)[-1]
        kind = "listing" if _NOT_ARTICLE_NAME.search(name) else "article"
        found.append((page, PageLabel(id=f"team:{name}", address=page.url, file=Path(page.source),
                                      is_article=kind == "article", page_type=kind, title=None, published=None,
                                      lang=None)))
    return found


def class_weights(y: np.ndarray, non_article_prior: float) -> dict[str, float]:
    """Weights that make the training pages look like a set with this share of
    non-articles (0.5: balanced); each class's weight is the share wanted over the share had."""
    had = Counter(str(t) for t in y)
    articles, others = had["article"], len(y) - had["article"]
    return {t: (1 - non_article_prior) * len(y) / articles if t == "article" else non_article_prior * len(y) / others
            for t in had}


def fit(x: np.ndarray, y: np.ndarray, features: tuple[str, ...], c: float,
        weights: dict[str, float]) -> PageTypeModel:
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, class_weight=weights, max_iter=2000).fit(scaler.transform(x), y)
    return PageTypeModel(
        features=features, classes=tuple(str(c) for c in model.classes_), mean=tuple(float(m) for m in scaler.mean_),
        scale=tuple(float(s) if s > 0 else 1.0 for s in scaler.scale_),
        coef=tuple(tuple(float(v) for v in row) for row in model.coef_),
        intercept=tuple(float(b) for b in model.intercept_),
    )


@dataclass
class DecisionScores:
    """Held-out is_article right, by (address given, gold is an article): [right, pages]."""
    counts: dict[tuple[bool, bool], list[int]] = field(
        default_factory=lambda: {(a, g): [0, 0] for a in (True, False) for g in (True, False)})

    def add(self, with_address: bool, gold: bool, right: bool) -> None:
        self.counts[(with_address, gold)][0] += right
        self.counts[(with_address, gold)][1] += 1

    def accuracy(self, with_address: bool, non_article_prior: float | None = None) -> float:
        (ra, na), (rn, nn) = self.counts[(with_address, True)], self.counts[(with_address, False)]
        if non_article_prior is None:
            return (ra + rn) / max(1, na + nn)
        return (1 - non_article_prior) * ra / max(1, na) + non_article_prior * rn / max(1, nn)

    def render(self) -> str:
        out = []
        for with_address in (True, False):
            (ra, na), (rn, nn) = self.counts[(with_address, True)], self.counts[(with_address, False)]
            out.append(f"{'with' if with_address else 'without'} addresses {ra + rn}/{na + nn} "
                       f"(articles {ra}/{na}, non-articles {rn}/{nn}; at a 10% non-article prior "
                       f"{self.accuracy(with_address, 0.1):.3f})")
        return "; ".join(out)


def decision_cv(x: np.ndarray, y: np.ndarray, groups: list[str], folds: StratifiedGroupKFold,
                shapes: list[PageShape], labels: list[PageLabel], features: tuple[str, ...], c: float,
                weights: dict[str, float]) -> DecisionScores:
    """Each labelled real page decided by the rules and a model fitted on the other folds."""
    scores = DecisionScores()
    for train, held in folds.split(x, y, groups):
        model = fit(x[train], y[train], features, c, weights)
        for i in held:
            if labels[i].id.startswith("team:"):
                continue
            decided = decide_page_type(shapes[i], model=model) == "article"
            scores.add(labels[i].address is not None, labels[i].is_article, decided == labels[i].is_article)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, action="append", required=True)
    parser.add_argument("--pages-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--with-team-pages", action="store_true",
                        help="also train on the team's composed pages (demo/, tests/fixtures/clean/ and "
                             "store/) and the seeds")
    parser.add_argument("--binary", action="store_true", help="learn article / not_article only; rules name the kind")
    parser.add_argument("--non-article-prior", type=lambda v: [float(p) for p in v.split(",")], default=[0.5],
                        help="weigh the classes as if this share of pages were non-articles (0.5: balanced); "
                             "several, comma-separated, are tried and the best kept")
    parser.add_argument("--decision-cv", action="store_true",
                        help="choose by the whole decision's (rules and model) cross-validated is_article on the "
                             "labelled real pages given without addresses, weighted to --choose-at-prior")
    parser.add_argument("--choose-at-prior", type=float, default=0.1,
                        help="the share of non-articles the choice assumes (the private sets: about 0.1)")
    parser.add_argument("--also-without-address", action="store_true",
                        help="also train on each labelled page without its address (pages often come without one)")
    args = parser.parse_args()

    labels = [lb for lb in read_labels(args.labels, args.pages_dir) if lb.split == "train"]
    if args.also_without_address:
        labels += [dataclasses.replace(lb, address=None) for lb in labels if lb.address]
    pages = [raw_page(lb) for lb in labels]
    if args.with_team_pages:  # whole pages (the real ones are excerpts): teach the model their shape too
        for page, label in team_pages():
            pages.append(page)
            labels.append(label)
    shaped, problems = clean_pages_shaped(pages)
    if problems:
        raise SystemExit(f"{len(problems)} training pages could not be cleaned")
    counts = Counter(lb.page_type for lb in labels)
    targets = [lb.page_type if counts[lb.page_type] >= MIN_CLASS_PAGES and (lb.is_article or not args.binary)
               else "not_article" for lb in labels]
    if Counter(targets)["not_article"] < MIN_CLASS_PAGES:  # too few to pool: fold into the largest non-article type
        largest = max((t for t in set(targets) if t not in ("article", "not_article")), key=targets.count)
        targets = [largest if t == "not_article" else t for t in targets]
    # Features seen on too few training pages (the HTML ones, while few HTML pages are
    # labelled) are left out rather than learned from one or two pages.
    all_x = np.array([shape.values for _article, shape in shaped])
    seen = [i for i, _name in enumerate(FEATURES) if np.sum(np.nan_to_num(all_x[:, i]) != 0) >= MIN_FEATURE_PAGES]
    features = tuple(FEATURES[i] for i in seen)
    x = all_x[:, seen]
    x = np.where(np.isnan(x), np.nanmean(x, axis=0), x)  # a page without an address: the mean
    y = np.array(targets)
    # A page and its address-less copy stay in one fold.
    groups = [lb.id for lb in labels]
    folds = StratifiedGroupKFold(n_splits=3, shuffle=True, random_state=0)
    shapes = [shape for _article, shape in shaped]
    best_c, best_prior, best_score = C_GRID[0], args.non_article_prior[0], -1.0
    for prior in args.non_article_prior:  # (the first listed wins a tie)
        weights = class_weights(y, prior)
        for c in C_GRID:
            pipe = make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight=weights, max_iter=2000))
            score = float(cross_val_score(pipe, x, y, cv=folds, groups=groups).mean())
            line = f"prior {prior} C={c}: cross-validated page-type accuracy {score:.3f}"
            if args.decision_cv:  # the whole decision (rules and model) on the held-out labelled pages
                right = decision_cv(x, y, groups, folds, shapes, labels, features, c, weights)
                score = right.accuracy(False, args.choose_at_prior)
                line += f"; whole decision {right.render()}"
            print(line)
            if score > best_score:
                best_c, best_prior, best_score = c, prior, score
    weights = class_weights(y, best_prior)
    shipped = fit(x, y, features, best_c, weights)
    data = shipped.to_json()
    data["trained_on"] = {"pages": len(labels), "types": dict(Counter(targets)), "C": best_c,
                          "non_article_prior": best_prior, "cv_accuracy": round(best_score, 3),
                          "chosen_by": "whole decision without addresses" if args.decision_cv else "model CV"}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(labels)} training pages {dict(Counter(targets))}; prior {best_prior}, C={best_c}; wrote {args.out}")
    print(f"features: {', '.join(features)}")


if __name__ == "__main__":
    main()

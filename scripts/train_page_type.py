"""Train the page-type classifier (marsad/models/page_type.json) on hand-labelled real pages.

    python scripts/train_page_type.py --labels labels-ar.jsonl --labels labels-web.jsonl \
        --pages-dir /path/to/pages [--out marsad/models/page_type.json]

Reads the training part of the labelled pages (`marsad.evaluate.clean.split_of`: the dev
part is never seen here), computes each page's shape as cleaning does, picks the
regularisation by cross-validation on the training part, and writes a logistic regression
(scaler + coefficients as JSON, no pickle). Page types with fewer than MIN_CLASS_PAGES
training pages are learned as one "not_article" class; the rules name their kind.
Prints the cross-validated accuracy; the dev figure comes from `marsad eval clean --split dev`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from marsad.clean import clean_pages_shaped
from marsad.clean.page_type import FEATURES, MODEL_FILE, PageTypeModel
from marsad.evaluate.clean import PageLabel, raw_page, read_labels, split_of
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, action="append", required=True)
    parser.add_argument("--pages-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--with-team-pages", action="store_true",
                        help="also train on the team's composed pages (demo/, tests/fixtures/clean/ and "
                             "store/) and the seeds")
    parser.add_argument("--binary", action="store_true", help="learn article / not_article only; rules name the kind")
    parser.add_argument("--also-without-address", action="store_true",
                        help="also train on each labelled page without its address (pages often come without one)")
    args = parser.parse_args()

    labels = [lb for lb in read_labels(args.labels, args.pages_dir) if split_of(lb.id) == "train"]
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
    best_c, best_score = C_GRID[0], -1.0
    for c in C_GRID:
        pipe = make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight="balanced", max_iter=2000))
        score = float(cross_val_score(pipe, x, y, cv=folds, groups=groups).mean())
        print(f"C={c}: cross-validated page-type accuracy {score:.3f}")
        if score > best_score:
            best_c, best_score = c, score
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=best_c, class_weight="balanced", max_iter=2000).fit(scaler.transform(x), y)
    scale = [float(s) if s > 0 else 1.0 for s in scaler.scale_]
    shipped = PageTypeModel(
        features=features, classes=tuple(str(c) for c in model.classes_), mean=tuple(float(m) for m in scaler.mean_),
        scale=tuple(scale), coef=tuple(tuple(float(v) for v in row) for row in model.coef_),
        intercept=tuple(float(b) for b in model.intercept_),
    )
    data = shipped.to_json()
    data["trained_on"] = {"pages": len(labels), "types": dict(Counter(targets)), "C": best_c,
                          "cv_accuracy": round(best_score, 3)}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(labels)} training pages {dict(Counter(targets))}; C={best_c}; wrote {args.out}")
    print(f"features: {', '.join(features)}")


if __name__ == "__main__":
    main()

"""Refit the page-type model on every labelled set whose pages are cached, chosen by
leave-one-set-out cross-validation of the whole decision (rules and model), with and
without addresses, against the shipped decision on the same pages.

    python scripts/page_type_by_set.py --pages-dir /work/cache/pages [--write marsad/models/page_type.json]
    python scripts/page_type_by_set.py --pages-dir /work/cache/pages --bare-model --plain-rule-stays \
        --groups 'text without teaser links' --priors 0.15,0.2 [--write marsad/models/page_type_bare.json]

Each labelled set (the training part of `arabic-news.jsonl`, its dev part, the held-out
sets test2 ... test11, each entity round's page labels) is one fold: its pages are decided
by the rules in front of a model fitted on the other sets only. Each page is cleaned (with
its set, as `marsad eval clean` does) twice: with its address and without it, and the model
learns from both copies, so the address-less case is learned too. The address features
(what the address says: /tag/, /author/, a slug that spells the headline ...) are a group
of their own, NaN without an address (the model then counts them at their training mean);
the choice tries the text features alone and the text and address features together, each
with several regularisations and class weights. test12 (and any later held-out set) is not
read: it stays for the round's final score. With `--write` the chosen setting is refitted on
all the sets and written as the shipped model (only worth it when every cross-validated total
beats the shipped decision's). With `--bare-model` (round 18) the pages with their address keep
the shipped decision and a second model, fitted on the bare copies only, decides the pages
without it (`page_type_bare.json`, which `decide_page_type` reads when it ships).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from train_page_type import C_GRID, MIN_FEATURE_PAGES, class_weights, fit

from marsad.clean import clean_pages_shaped
from marsad.clean.page_shape import FEATURES, PageShape
from marsad.clean.page_type import PageTypeModel, decide_page_type, load_model, rule_page_type
from marsad.evaluate.clean import PageLabel, raw_page, read_labels

REPO = Path(__file__).resolve().parent.parent
LABEL_FILES = ([REPO / "labels" / "pages" / "arabic-news.jsonl"]
               + [REPO / "labels" / "pages" / f"arabic-news-test{n}.jsonl" for n in range(2, 12)]
               + sorted((REPO / "labels" / "entities").glob("real_pages_round*_pages.jsonl")))
PRIORS = (0.5, 0.3, 0.2, 0.15, 0.1)
# The features only the rules read are kept out of the model, as the shipped one does
# (the group 'every cue' tries them too).
RULES_ONLY = frozenset(FEATURES[FEATURES.index("qa_labels"):FEATURES.index("unrelated_paragraphs")]) | {
    "feed_markup", "video_path", "error_words", "video_meta", "home_path", "search_heading",
    "address_spells_title", "institution_headings", "forum_address", "story_elsewhere", "headline_run",
    "essay_heading"}

Page = tuple[PageLabel, PageShape, bool]  # the label, the shape, given with its address


def shaped_pages(labels: list[PageLabel]) -> list[Page]:
    """Every page cleaned with its set, with and without its address."""
    by_set: dict[str, list[PageLabel]] = defaultdict(list)
    for label in labels:
        by_set[label.split].append(label)
    out: list[Page] = []
    for members in by_set.values():
        for with_address in (True, False):
            given = members if with_address else [dataclasses.replace(lb, address=None) for lb in members]
            pages = [raw_page(lb) for lb in given]
            shaped, problems = clean_pages_shaped(pages)
            if problems:
                raise SystemExit(f"{len(problems)} pages could not be cleaned")
            out += [(lb, shape, with_address) for lb, (_article, shape) in zip(members, shaped, strict=True)]
    return out


def address_group(pages: list[Page]) -> frozenset[str]:
    """The features a page without its address never tells (NaN then)."""
    bare = np.array([shape.values for _lb, shape, with_address in pages if not with_address])
    return frozenset(name for i, name in enumerate(FEATURES) if np.all(np.isnan(bare[:, i])))


Counts = dict[tuple[str, bool], list[int]]  # (set, with address) -> [right, pages]


def tally(pages: list[Page], decide: dict[int, bool]) -> Counts:
    counts: Counts = defaultdict(lambda: [0, 0])
    for i, (label, _shape, with_address) in enumerate(pages):
        if i in decide:
            counts[(label.split, with_address)][0] += decide[i] == label.is_article
            counts[(label.split, with_address)][1] += 1
    return counts


def total(counts: Counts, with_address: bool) -> int:
    return sum(right for (_set, w), (right, _n) in counts.items() if w == with_address)


def fit_on(pages: list[Page], rows: list[int], features: tuple[str, ...], c: float, prior: float) -> PageTypeModel:
    x = np.array([[pages[i][1].values[FEATURES.index(f)] for f in features] for i in rows])
    x = np.where(np.isnan(x), np.nanmean(x, axis=0), x)
    y = np.array(["article" if pages[i][0].is_article else "not_article" for i in rows])
    return fit(x, y, features, c, class_weights(y, prior))


def learned_features(pages: list[Page], rows: list[int], allowed: frozenset[str]) -> tuple[str, ...]:
    """The allowed features that enough of these pages show (not zero, not NaN)."""
    return tuple(f for f in FEATURES if f in allowed and sum(
        1 for i in rows if not math.isnan(v := pages[i][1].values[FEATURES.index(f)]) and v != 0)
        >= MIN_FEATURE_PAGES)


def is_article(shape: PageShape, model: PageTypeModel, plain_rule: bool) -> bool:
    """The shipped decision with this model; without `plain_rule` the model also decides the
    pages the 'plainly an article' rule passes (what the rules rule out stays out)."""
    if plain_rule:
        return decide_page_type(shape, model=model, use_bare=False) == "article"
    return rule_page_type(shape) is None and model.predict(shape) == "article"


def leave_one_set_out(pages: list[Page], allowed: frozenset[str], c: float, prior: float,
                      plain_rule: bool = True) -> dict[int, bool]:
    decided: dict[int, bool] = {}
    for held in sorted({lb.split for lb, _s, _w in pages}):
        rows = [i for i, (lb, _s, _w) in enumerate(pages) if lb.split != held]
        model = fit_on(pages, rows, learned_features(pages, rows, allowed), c, prior)
        for i, (lb, shape, _w) in enumerate(pages):
            if lb.split == held:
                decided[i] = is_article(shape, model, plain_rule)
    return decided


def bare_leave_one_set_out(pages: list[Page], allowed: frozenset[str], c: float, prior: float,
                           over_plain: bool) -> dict[int, bool]:
    """The two-model decision: a page with its address keeps the shipped decision; a page
    without it meets a model fitted on the other sets' bare copies only."""
    shipped = load_model()
    decided: dict[int, bool] = {}
    for held in sorted({lb.split for lb, _s, _w in pages}):
        rows = [i for i, (lb, _s, w) in enumerate(pages) if lb.split != held and not w]
        model = dataclasses.replace(fit_on(pages, rows, learned_features(pages, rows, allowed), c, prior),
                                    over_plain=over_plain)
        for i, (lb, shape, with_address) in enumerate(pages):
            if lb.split == held:
                decided[i] = decide_page_type(shape, model=shipped, bare_model=None if with_address else model,
                                              use_bare=not with_address) == "article"
    return decided


def render(counts: Counts, name: str) -> str:
    sets = sorted({s for s, _w in counts})
    cells = [f"{s} {counts[(s, True)][0]}/{counts[(s, True)][1]} ({counts[(s, False)][0]})" for s in sets]
    pages = sum(n for (_s, w), (_r, n) in counts.items() if w)
    return f"{name}: with {total(counts, True)}/{pages}, without {total(counts, False)}/{pages}\n  " + ", ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages-dir", type=Path, required=True)
    parser.add_argument("--priors", type=lambda v: tuple(float(p) for p in v.split(",")), default=PRIORS,
                        help="the non-article shares the class weights may assume, comma-separated")
    parser.add_argument("--groups", type=lambda v: v.split(","), default=["text", "text+address", "every cue"],
                        help="which feature groups to try, comma-separated")
    parser.add_argument("--model-over-plain", action="store_true",
                        help="let the model decide the pages the 'plainly an article' rule passes")
    parser.add_argument("--bare-model", action="store_true",
                        help="keep the shipped decision for pages with their address and fit a second model "
                             "on the bare copies for pages without it")
    parser.add_argument("--plain-rule-stays", action="store_true",
                        help="(with --bare-model) the bare model never overrules the 'plainly an article' rule")
    parser.add_argument("--write", type=Path, help="refit the chosen setting on all the sets and write it here")
    args = parser.parse_args()
    labels = read_labels(LABEL_FILES, args.pages_dir)
    pages = shaped_pages(labels)
    print(f"{len(labels)} labelled pages in {len({lb.split for lb in labels})} sets: "
          f"{dict(Counter(lb.split for lb in labels))}; non-articles {sum(not lb.is_article for lb in labels)}")
    address = address_group(pages)
    print(f"address features: {', '.join(sorted(address))}")
    shipped = load_model()
    baseline = tally(pages, {i: decide_page_type(shape, model=shipped, use_bare=False) == "article"
                             for i, (_lb, shape, _w) in enumerate(pages)})
    print(render(baseline, "shipped decision (set with/pages (without))"))
    model_cues = frozenset(FEATURES) - RULES_ONLY
    groups = {"text": model_cues - address, "text+address": model_cues,
              "every cue": frozenset(FEATURES),  # (the rules' own cues as well)
              "text without teaser links": model_cues - address - {"log_read_more"}}  # (the rules read them)
    groups = {name: cues for name, cues in groups.items() if name in args.groups}
    best: tuple[int, str, float, float, bool, dict[int, bool]] | None = None
    for group, allowed in groups.items():
        for prior in args.priors:
            for c in C_GRID:
                for over_plain in ((False,) if args.plain_rule_stays else (False, True)) if args.bare_model \
                        else (args.model_over_plain,):
                    decided = (bare_leave_one_set_out(pages, allowed, c, prior, over_plain) if args.bare_model
                               else leave_one_set_out(pages, allowed, c, prior, not over_plain))
                    counts = tally(pages, decided)
                    print(render(counts, f"{group} prior {prior} C={c}{' over plain' if over_plain else ''}"))
                    both = total(counts, True) + total(counts, False)
                    if best is None or both > best[0]:
                        best = (both, group, c, prior, over_plain, decided)
    assert best is not None
    _both, group, c, prior, over_plain, decided = best
    for i, (label, shape, with_address) in enumerate(pages):  # (ids only: the pages are third-party text)
        if decided[i] != (decide_page_type(shape, model=shipped, use_bare=False) == "article"):
            verdict = "right" if decided[i] == label.is_article else "wrong"
            print(f"  {label.split} {label.id} {'with' if with_address else 'without'} address: gold "
                  f"{'article' if label.is_article else label.page_type}, refit {verdict}")
    print(f"chosen: {group}, prior {prior}, C={c}{', over plain' if over_plain else ''}; shipped decision "
          f"{total(baseline, True)} with, {total(baseline, False)} without")
    if args.write:
        rows = [i for i, (_lb, _s, w) in enumerate(pages) if not (args.bare_model and w)]
        model = dataclasses.replace(fit_on(pages, rows, learned_features(pages, rows, groups[group]), c, prior),
                                    over_plain=over_plain)
        data = model.to_json()
        data["trained_on"] = {"pages": len(rows), "C": c, "non_article_prior": prior, "features": group,
                              "copies": "without addresses" if args.bare_model else "with and without addresses",
                              "chosen_by": "leave-one-set-out whole decision, with and without addresses"}
        args.write.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()

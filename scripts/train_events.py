"""Train the sentence-level event detector (marsad/models/events_detector.json) on the
development half of the Arabic event gold standard, and report cross-validated figures.

    python scripts/train_events.py [--gsr ../shared/data/arabic-event-gsr] [--out FILE] [--report-only]

Each labelled sentence goes through marsad's per-article stages (sentences, times,
quantities, mentions, roles) and the lexicon coder; its features are
marsad.extract.events.detector.sentence_features. One logistic model per type
(scikit-learn), `yes` against `easy no` + `difficult no` (`ambiguous` left out).
Folds are DOCUMENTS (GroupKFold on the document part of the id): every sentence of an
article stays on one side. The figures printed are nested: for each outer fold, C and the
threshold are chosen by an inner cross-validation on the other folds alone, then applied.
The shipped model takes the medians of the outer folds' choices (C on its grid, the
threshold), steadier than one choice over all the rows (PROTEST has 47 positives), and adds
events where the lexicon found none only if most outer folds chose to (`adds_events`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.evaluate.events_gsr import (  # noqa: E402
    FILES,
    GSR,
    PRUNE,
    _fit,
    _prf,
    analyse,
    median_choice,
    outer_folds,
    read_rows,
    type_data,
)
from marsad.extract.events.detector import TypeModel  # noqa: E402
from marsad.extract.events.scoring import MODEL_FILE, save  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gsr", type=Path, default=GSR)
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    ap.add_argument("--report-only", action="store_true", help="print the CV figures, write no model")
    args = ap.parse_args()

    rows = read_rows(args.gsr)
    docs = analyse(rows)
    model_types: dict[str, dict] = {}
    models: dict[str, TypeModel] = {}
    f1s = []
    for kind, _ in FILES:
        vec, x, y, groups, kept, other_mode, none = type_data(rows, docs, kind)
        predicted, chosen = outer_folds(x, y, groups, kept, other_mode, none)
        choices = [(c, t) for c, t, _ in chosen]
        adding = [creates for *_, creates in chosen]  # whether each fold's model adds events the lexicon did not find
        p, r, f = _prf(y, predicted)
        f1s.append(f)
        print(f"{kind}: {len(y)} sentences ({y.sum()} yes, {len(set(groups))} documents) "
              f"cross-validated P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f}  (negatives fired "
              f"{int(predicted[y == 0].sum())}/{int((y == 0).sum())})")
        print(f"{kind}: outer folds chose (C, threshold) " + ", ".join(f"({c}, {t:.3f})" for c, t in choices)
              + f"; adding events where the lexicon found none in {sum(adding)} of {len(adding)}")
        if args.report_only:
            continue
        c, t = median_choice(choices)
        clf = _fit(x, y, c)
        weights = {name: round(float(w), 4) for name, w in zip(vec.feature_names_, clf.coef_[0], strict=True)
                   if abs(w) >= PRUNE}
        models[kind] = TypeModel(weights, round(t, 3), 2 * sum(adding) > len(adding))
        model_types[kind] = {"C": c,
                             "cv": {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)}}
        print(f"{kind}: shipped C {c} threshold {t:.3f}, adds events: {models[kind].creates}, {len(weights)} weights")
    print(f"cross-validated macro F1 {100 * sum(f1s) / len(f1s):.1f}")
    if not args.report_only:
        meta = {"data": "openeventdata arabic_event_gsr, development half (../shared/data/arabic-event-gsr, MIT)",
                "trained_by": "scripts/train_events.py", "types": model_types}
        save(args.out, models, meta)
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()

"""Train marsad's shipped NER tagger (a python-crfsuite CRF) from ANERcorp's training part.

    python scripts/train_ner.py                   # tune c1/c2 on dev, write the model + card
    python scripts/train_ner.py --write-dev dev.txt   # also write the dev split for `marsad eval ner`

The last 10% of the file by position (cut at a sentence end) is held out as the dev split;
the shipped model is trained on the other 90%, so the dev figures in the model card are
the shipped model's own.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from marsad.evaluate.ner import Scores, Tagged, read_sentences, score
from marsad.extract.entities import ner_lexicon
from marsad.extract.ner_features import FeatureExtractor
from marsad.settings import NER_MODEL_PATH, SHARED_DIR

CORPUS = SHARED_DIR / "data" / "anercorp" / "train.txt"
CARD = NER_MODEL_PATH.parent / "MODEL_CARD.md"
DEV_FRACTION = 0.10
# (c1, c2) pairs tried on dev: L1 keeps the model small, L2 smooths rare features.
GRID = ((0.1, 0.005), (0.03, 0.005), (0.2, 0.005))
MAX_ITERATIONS = 300


def split_dev(sentences: list[Tagged],
              fraction: float = DEV_FRACTION) -> tuple[list[Tagged], list[Tagged]]:
    """Hold out the last `fraction` of tokens, cut at a sentence boundary."""
    total = sum(len(s) for s in sentences)
    seen = 0
    for i, sentence in enumerate(sentences):
        if seen >= total * (1 - fraction):
            return sentences[:i], sentences[i:]
        seen += len(sentence)
    return sentences, []


def write_conll(sentences: list[Tagged], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for sentence in sentences:
            out.writelines(f"{token} {label}\n" for token, label in sentence)
            out.write("\n")


def train(rows: list[tuple[list[list[str]], list[str]]], c1: float, c2: float, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in rows:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def evaluate(model: Path, rows: list[tuple[list[list[str]], list[str]]]) -> Scores:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return score((y for _, y in rows), (tagger.tag(x) for x, _ in rows))


def model_card(scores: Scores, c1: float, c2: float, tried: list[tuple[float, float, float]],
               n_train: tuple[int, int], n_dev: tuple[int, int], seconds: float, gazetteer: bool) -> str:
    tried_lines = "\n".join(f"| {a} | {b} | {100 * f:.2f} |" for a, b, f in tried)
    return f"""# marsad NER tagger (`ner.crfsuite`)

A linear-chain CRF (python-crfsuite, L-BFGS, c1={c1}, c2={c2}, {MAX_ITERATIONS} iterations
at most) that tags Arabic tokens with PER, LOC, ORG and MISC in BIO.

## Data
ANERcorp, training part of the CAMeL Lab split (`../shared/data/anercorp/train.txt`,
2002–2006 MSA newswire), redistributed under **CC BY-SA 4.0**. Cite:
- Y. Benajiba, P. Rosso, J. M. Benedí Ruiz (2007). ANERsys: An Arabic Named Entity
  Recognition System Based on Maximum Entropy. CICLing 2007.
- O. Obeid et al. (2020). CAMeL Tools: An Open Source Python Toolkit for Arabic Natural
  Language Processing. LREC 2020.

The model is trained on the first 90% of that file ({n_train[0]} sentences, {n_train[1]}
tokens); the last 10% by position ({n_dev[0]} sentences, {n_dev[1]} tokens, cut at a
sentence end) is the dev split used to choose c1/c2 and to report the figures below.
ANERcorp's standard test part was not used.

## Features (marsad/extract/ner_features.py, computed once per word type)
Match key (marsad.arabic.normalize.match_key); conservative clitic split (stem and
proclitic) and every clitic candidate stem; key prefixes and suffixes of 1–3 letters;
stem prefix/suffix of 2; letter trigrams of the stem; shape (number, digits, Latin,
punctuation, length bucket); trigger-word flags (marsad/data/ner_triggers.tsv) on every
clitic split; gazetteer-position flags (B-/I- of the entries in
marsad/data/gazetteer_*.tsv): {"used" if gazetteer else "not used in this model"}; a ±2
window of the neighbours' key, stem, shape, last two letters and flags; word
bigrams with the previous and the next word.

## Dev split scores (conlleval-style exact spans)
```
{scores.table()}
```

Much of the dev split is sports and business news: football clubs and car makers that the
training part never names account for most of the missed ORG spans. These are not figures
on ANERcorp's standard test split and are not comparable with published ones.

c1/c2 tried (micro F1 on dev):

| c1 | c2 | F1 |
|---|---|---|
{tried_lines}

## Reproduce
```
python scripts/train_ner.py
python scripts/train_ner.py --write-dev /tmp/ner_dev.txt && marsad eval ner /tmp/ner_dev.txt
```
Tagging speed: `marsad.extract.entities.benchmark_tagger(sentences)` prints tokens/s.
Training and tuning took {seconds:.0f} s on one core ({platform.processor() or platform.machine()}).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=NER_MODEL_PATH)
    parser.add_argument("--write-dev", type=Path, help="Write the dev split here (ANERcorp format).")
    parser.add_argument("--no-tune", action="store_true", help="Train only the first c1/c2 pair.")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    sentences = read_sentences(args.corpus)
    train_part, dev_part = split_dev(sentences)
    if args.write_dev:
        write_conll(dev_part, args.write_dev)
        print(f"dev split: {len(dev_part)} sentences -> {args.write_dev}")
    lexicon = ner_lexicon()
    features = FeatureExtractor(lexicon)

    def rows(part: list[Tagged]) -> list[tuple[list[list[str]], list[str]]]:
        return [(features.sentence_features([t for t, _ in s]), [lab for _, lab in s])
                for s in part]

    train_rows, dev_rows = rows(train_part), rows(dev_part)
    grid = GRID[:1] if args.no_tune else GRID
    tried: list[tuple[float, float, float]] = []
    best: tuple[float, float, float, Scores] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for c1, c2 in grid:
            path = Path(tmp) / f"ner-{c1}-{c2}.crfsuite"
            train(train_rows, c1, c2, path)
            scores = evaluate(path, dev_rows)
            f1 = scores.prf()[2]
            tried.append((c1, c2, f1))
            print(f"c1={c1} c2={c2}: dev micro F1 {100 * f1:.2f}", flush=True)
            if best is None or f1 > best[2]:
                best = (c1, c2, f1, scores)
                args.output.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, args.output)
    assert best is not None
    c1, c2, _, scores = best
    seconds = time.perf_counter() - began
    n_train = (len(train_part), sum(map(len, train_part)))
    n_dev = (len(dev_part), sum(map(len, dev_part)))
    if args.output == NER_MODEL_PATH:
        CARD.write_text(model_card(scores, c1, c2, tried, n_train, n_dev, seconds, bool(lexicon)),
                        encoding="utf-8")
    print(scores.table())
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB) in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

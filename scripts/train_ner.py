"""Train marsad's shipped NER tagger (a python-crfsuite CRF) on ANERcorp + NewsFANE + Wojood.

    python scripts/train_ner.py                        # tune on the dev splits, write the model + card
    python scripts/train_ner.py --write-dev /tmp/ner   # also write the three dev splits for `marsad eval ner`
    python scripts/train_ner.py --write-dev /tmp/ner --no-train   # only write the dev splits
    python scripts/train_ner.py --grid 0.05,0.05       # train one setting only (the shipped one)
    python scripts/train_ner.py --decoding-only        # only choose the shipped model's O and type biases again
    python scripts/train_ner.py --grid 0.05,0.05 --with-dev --output DIR/ner.crfsuite  # train + dev, not shipped
    python scripts/train_ner.py --grid 0.05,0.05 --fold 1 [--less] --outside-biases 0.5 --type-biases MISC=0.5
                                                       # the learning-curve check on a second dev fold

Each corpus keeps a fixed dev split (marsad.evaluate.ner_corpora): ANERcorp the last 10% by
position, NewsFANE and Wojood every tenth block of contiguous sentences. The model is trained
on the three training parts together; the setting with the best mean micro F1 over the three
dev splits ships, so the dev figures in the model card are the shipped model's own
(marsad/models/MODEL_CARD.md copies them from this script's output). Each trained model is
scored as `marsad eval ner` scores it (article runs, `marsad.evaluate.ner.tag_as_articles`)
at each O bias of OUTSIDE_BIASES; the bias chosen goes to `ner.decoding.json` beside it
(`--decoding-only` then adds the type biases, TYPE_BIAS_TYPES).

Once the settings and biases are chosen, `--with-dev` trains a final model on the training
and dev parts together (tried and not shipped: the shipped model's dev figures and CI floors
would then be of text it saw; MODEL_CARD.md) and writes beside it the decoding settings of `--decoding`
(by default the shipped ones, read before anything is written); it scores nothing, since
its dev figures would be of text it saw. Whether the extra tenth helps is measured apart:
`--fold 1` holds out another tenth as dev and trains on the rest (fold 0's dev included),
`--fold 1 --less` trains on that rest without fold 0's dev part; the two on fold 1's dev
split are a learning-curve point (MODEL_CARD.md).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from marsad.evaluate.ner import Scores, Tagged, score, tag_as_articles
from marsad.evaluate.ner_corpora import Corpus, load_corpora, write_conll
from marsad.extract.entities import EntityTagger, decoding_path, ner_lexicon
from marsad.extract.ner_features import CLUSTERS_FILE, NO_VECTORS, FeatureExtractor, load_clusters
from marsad.settings import NER_MODEL_PATH

# (c1, c2, word clusters used) tried on the dev splits: L1 keeps the model small, L2
# smooths rare features; the run without clusters measures what the clusters bring.
# MODEL_CARD.md lists the runs made and their dev figures (c1=0.05 c2=0.05 shipped).
GRID = ((0.05, 0.05, True), (0.05, 0.01, True), (0.05, 0.2, True), (0.1, 0.01, True), (0.1, 0.05, False))
# Training corpora of the shipped model: with NewsFANE (ANERcorp's text, re-annotated)
# ANERcorp's dev F1 fell 70.3 -> 68.3 and the mean over the three dev splits 68.3 -> 68.0
# (c1=0.1, c2=0.01).
CORPORA = "anercorp,wojood"
MAX_ITERATIONS = 300
# O biases tried at decoding (marsad.extract.crf.CompiledCRF.from_tagger), after each
# training: the CRF's precision is well above its recall, and a lower O score evens them.
OUTSIDE_BIASES = (0.0, 0.25, 0.5, 0.75, 1.0)
# Then, at the chosen O bias, a bias for each type's labels in turn (`--decoding-only`), each
# kept where it raises the mean: MISC is the type the CRF misses most (recall 36 % on
# ANERcorp's dev split at 72 % precision).
TYPE_BIAS_TYPES = ("MISC", "ORG", "PER")
TYPE_BIASES = (0.25, 0.5, 0.75, 1.0)

Rows = list[tuple[list[list[str]] | list[dict[str, float]], list[str]]]


def train(rows: Rows, c1: float, c2: float, path: Path, possible_states: bool = False,
          max_iterations: int = MAX_ITERATIONS, min_freq: float = 0.0) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in rows:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True, "feature.possible_states": possible_states,
                        "feature.minfreq": min_freq})
    trainer.train(str(path))
    # Whether L-BFGS stopped on its own criterion or at max_iterations (not converged).
    log = trainer.logparser
    ended = next((line.strip() for line in log.log if line.startswith("L-BFGS ") and "optimization" not in line), "")
    print(f"trained c1={c1} c2={c2}: {len(log.iterations)} iterations, loss "
          f"{(log.last_iteration or {}).get('loss')}; {ended}", flush=True)


def parse_type_biases(text: str) -> dict[str, float]:
    """"MISC=0.5,ORG=0.25" -> {"MISC": 0.5, "ORG": 0.25}."""
    return {kind: float(value) for kind, _, value in (item.partition("=") for item in text.split(",") if item)}


def training_part(corpora: list[Corpus], used: set[str], with_dev: bool, less: bool) -> list[Tagged]:
    """The sentences a model learns from: the training parts of the corpora used, with their
    dev parts (`with_dev`, the final model) or without fold 0's dev part (`less`, fold 1)."""
    part: list[Tagged] = []
    for corpus in (c for c in corpora if c.name in used):
        added = {id(s) for s in corpus.added} if less else set()
        part += [s for s in corpus.train if id(s) not in added]
        part += corpus.dev if with_dev else []
    return part


def evaluate(model: Path, features: FeatureExtractor, dev: list[Tagged], outside_bias: float,
             type_biases: dict[str, float] | None = None) -> Scores:
    """Dev scores as `marsad eval ner` prints them: the compiled decoder with this O bias
    (and type biases), runs of ARTICLE_SENTENCES sentences read as one article."""
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    tagger = EntityTagger(crf, features, model, outside_bias, type_biases)
    predicted = tag_as_articles(tagger, [[t for t, _ in s] for s in dev])
    return score([[lab for _, lab in s] for s in dev], predicted)


def dev_mean(model: Path, features: FeatureExtractor, corpora: list, bias: float,
             type_biases: dict[str, float] | None = None) -> float:
    """Mean dev micro F1 over the corpora, each figure printed."""
    scores = {c.name: evaluate(model, features, c.dev, bias, type_biases) for c in corpora}
    mean = sum(s.prf()[2] for s in scores.values()) / len(scores)
    figures = " ".join(f"{n} {100 * s.prf()[2]:.2f}" for n, s in scores.items())
    print(f"O bias {bias} type biases {type_biases or {}}: dev micro F1 {figures} mean {100 * mean:.2f}", flush=True)
    return mean


def choose_bias(model: Path, features: FeatureExtractor, corpora: list, biases: tuple[float, ...]) -> float:
    """The O bias with the best mean dev F1 for a trained model, then each type's bias in
    turn (TYPE_BIAS_TYPES, kept only where it raises the mean), written beside it."""
    means = {bias: dev_mean(model, features, corpora, bias) for bias in biases}
    chosen = max(biases, key=lambda b: (means[b], -b))
    best, type_biases = means[chosen], {}
    for kind in TYPE_BIAS_TYPES:
        for value in TYPE_BIASES:
            mean = dev_mean(model, features, corpora, chosen, {**type_biases, kind: value})
            if mean > best:
                best, type_biases[kind] = mean, value
    settings = {"outside_bias": chosen, **({"type_biases": type_biases} if type_biases else {})}
    decoding_path(model).write_text(json.dumps(settings) + "\n", encoding="utf-8")
    return chosen


def parse_grid(text: str) -> tuple[tuple[float, float, bool], ...]:
    """"0.1,0.01" or "0.1,0.01,noclusters"; several separated by ";"."""
    grid = []
    for item in text.split(";"):
        c1, c2, *rest = item.split(",")
        grid.append((float(c1), float(c2), not rest or rest[0] != "noclusters"))
    return tuple(grid)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=NER_MODEL_PATH)
    parser.add_argument("--write-dev", type=Path, help="Write each corpus's dev split in this folder.")
    parser.add_argument("--no-train", action="store_true", help="Stop after writing the dev splits.")
    parser.add_argument("--grid", type=parse_grid, default=GRID, help="Settings to try (see parse_grid).")
    parser.add_argument("--corpora", default=CORPORA, help="Training corpora to use.")
    parser.add_argument("--possible-states", action="store_true",
                        help="Weights for every (attribute, label) pair, not only those seen in training.")
    parser.add_argument("--max-iterations", type=int, default=MAX_ITERATIONS)
    parser.add_argument("--min-freq", type=float, default=0.0,
                        help="crfsuite's feature.minfreq: drop (attribute, label) features seen fewer times.")
    parser.add_argument("--vectors", action=argparse.BooleanOptionalAction, default=True,
                        help="Word-vector features (marsad/data/ner_word_vectors.npz, when present).")
    parser.add_argument("--clusters", type=Path, default=CLUSTERS_FILE,
                        help="Word-cluster file to train with (default: the shipped one).")
    parser.add_argument("--decoding-only", action="store_true",
                        help="Train nothing: choose the O bias of the model at --output on the dev splits.")
    parser.add_argument("--outside-biases", type=lambda t: tuple(map(float, t.split(","))), default=OUTSIDE_BIASES,
                        help="O biases to try at decoding, comma-separated.")
    parser.add_argument("--type-biases", type=parse_type_biases, default={},
                        help="Type biases to score with beside each O bias, e.g. MISC=0.5.")
    parser.add_argument("--fold", type=int, choices=(0, 1), default=0,
                        help="Dev fold: 0 the fixed dev splits, 1 another tenth (the learning-curve check).")
    parser.add_argument("--less", action="store_true", help="With --fold 1: train without fold 0's dev part.")
    parser.add_argument("--with-dev", action="store_true",
                        help="Train the final model on train + dev with one setting; score nothing.")
    parser.add_argument("--decoding", type=Path, default=decoding_path(NER_MODEL_PATH),
                        help="With --with-dev: the decoding settings (O and type biases) to ship beside it.")
    args = parser.parse_args(argv)
    if args.less and not args.fold:
        parser.error("--less needs --fold 1")
    if args.with_dev and (args.fold or len(args.grid) != 1):
        parser.error("--with-dev trains one setting (--grid C1,C2) on fold 0's train + dev")
    if args.with_dev and args.output.resolve() == NER_MODEL_PATH.resolve():
        # The shipped model stays the train-only one, whose dev figures are of unseen text.
        parser.error("--with-dev needs --output elsewhere than the shipped model")
    shipped_decoding = args.decoding.read_text(encoding="utf-8") if args.with_dev else ""

    began = time.perf_counter()
    corpora = list(load_corpora(args.fold))
    if not corpora:
        print("no corpus found under ../shared/data", file=sys.stderr)
        return 1
    if args.write_dev:
        args.write_dev.mkdir(parents=True, exist_ok=True)
        for corpus in corpora:
            write_conll(corpus.dev, args.write_dev / f"{corpus.name}_dev.txt")
        print(f"dev splits written to {args.write_dev}")
    if args.no_train:
        return 0
    training = training_part(corpora, set(args.corpora.split(",")), args.with_dev, args.less)
    print(f"training on {len(training)} sentences, {sum(map(len, training))} tokens", flush=True)
    lexicon = ner_lexicon()

    def rows(features: FeatureExtractor, part: list[Tagged]) -> Rows:
        return [(features.sentence_items([t for t, _ in s]), [lab for _, lab in s]) for s in part]

    tried: list[tuple[float, float, bool, float, dict[str, Scores]]] = []
    best: tuple[float, int] | None = None
    if args.decoding_only:
        chosen = choose_bias(args.output, FeatureExtractor(lexicon), corpora, args.outside_biases)
        print(f"chose O bias {chosen}; wrote {decoding_path(args.output)}: "
              f"{decoding_path(args.output).read_text(encoding='utf-8').strip()}")
        return 0
    if args.with_dev:
        c1, c2, clusters = args.grid[0]
        features = FeatureExtractor(lexicon, clusters=load_clusters(args.clusters) if clusters else {},
                                    vectors=None if args.vectors else NO_VECTORS)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        train(rows(features, training), c1, c2, args.output, args.possible_states, args.max_iterations, args.min_freq)
        decoding_path(args.output).write_text(shipped_decoding, encoding="utf-8")
        print(f"trained on train + dev: wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB) and "
              f"{decoding_path(args.output).name} ({shipped_decoding.strip()}) in {time.perf_counter() - began:.0f} s")
        return 0
    type_biases = {"type_biases": args.type_biases} if args.type_biases else {}
    with tempfile.TemporaryDirectory() as tmp:
        for clusters in sorted({g[2] for g in args.grid}, reverse=True):
            features = FeatureExtractor(lexicon, clusters=load_clusters(args.clusters) if clusters else {},
                                        vectors=None if args.vectors else NO_VECTORS)
            train_rows = rows(features, training)
            for c1, c2, _ in (g for g in args.grid if g[2] == clusters):
                path = Path(tmp) / f"ner-{c1}-{c2}-{clusters}.crfsuite"
                train(train_rows, c1, c2, path, args.possible_states, args.max_iterations, args.min_freq)
                for bias in args.outside_biases:
                    scores = {c.name: evaluate(path, features, c.dev, bias, args.type_biases) for c in corpora}
                    mean = sum(s.prf()[2] for s in scores.values()) / len(scores)
                    tried.append((c1, c2, clusters, bias, scores))
                    figures = " ".join(f"{n} {100 * s.prf()[2]:.2f}" for n, s in scores.items())
                    print(f"c1={c1} c2={c2} clusters={clusters} O bias {bias} {args.type_biases}: dev {figures} "
                          f"mean {100 * mean:.2f} ({time.perf_counter() - began:.0f} s)", flush=True)
                    if best is None or mean > best[0]:
                        best = (mean, len(tried) - 1)
                        args.output.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, args.output)
                        decoding = {"outside_bias": bias, **type_biases}
                        decoding_path(args.output).write_text(json.dumps(decoding) + "\n", encoding="utf-8")
    assert best is not None
    c1, c2, clusters, bias, scores = tried[best[1]]
    for name, s in scores.items():
        print(f"== {name} dev ({s.sentences} sentences, {s.tokens} tokens)\n{s.table()}")
    seconds = time.perf_counter() - began
    print(f"chose c1={c1} c2={c2} clusters={clusters} O bias {bias}; wrote {args.output} and "
          f"{decoding_path(args.output).name} "
          f"({args.output.stat().st_size / 1e6:.1f} MB) in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

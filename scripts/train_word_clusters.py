"""Learn the NER tagger's word-cluster features from unlabelled news (SaudiNewsNet).

    python scripts/train_word_clusters.py            # writes marsad/data/ner_word_clusters.tsv.gz
                                                     # and marsad/data/ner_word_vectors.npz
    python scripts/train_word_clusters.py --no-clusters   # the vectors file alone
    python scripts/train_word_clusters.py --skipgram --output /tmp/clusters_sg.tsv.gz
                                                     # with skip-gram clusters (train_ner.py --clusters)

Word vectors (gensim word2vec, CBOW) are trained on the match keys of every token of the
SaudiNewsNet articles (`../shared/data/saudinewsnet/dataset/*.zip`, ~9.6M tokens, 2015 Saudi
and pan-Arab news); the most frequent keys are then clustered with k-means at three
granularities (`--skipgram` adds a skip-gram word2vec clustered at two finer ones, columns
j512 and j2048: tried beside these and not shipped, MODEL_CARD.md). Words used alike (city
names, first names, ministries) share a cluster, so the CRF can generalise from the names it
saw in training to ones it never saw. The same keys' unit vectors, reduced by PCA to
VECTOR_DIMENSIONS and stored as float16, are the tagger's dense features
(`marsad.extract.ner_features.load_vectors`).

Needs the `train` extra (gensim). Keys are marsad.arabic.normalize.match_key of the token,
the same key the tagger's features use (marsad.extract.ner_features).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import PCA

from marsad.arabic.normalize import match_key
from marsad.settings import SHARED_DIR

CORPUS_DIR = SHARED_DIR / "data" / "saudinewsnet" / "dataset"
OUTPUT = Path(__file__).resolve().parent.parent / "marsad" / "data" / "ner_word_clusters.tsv.gz"
VECTORS_OUTPUT = OUTPUT.with_name("ner_word_vectors.npz")
# Dimensions of the shipped vectors: PCA of the 100-dimensional unit vectors (a small file;
# the first components carry most of what tells names, places and words apart).
VECTOR_DIMENSIONS = 50
# Granularities: coarse clusters generalise, fine ones keep name classes apart.
GRANULARITIES = (64, 256, 1024)
# Those of the skip-gram vectors (`--skipgram`).
SKIPGRAM_GRANULARITIES = (512, 2048)
# Keys kept in the shipped file: the most frequent ones (the file stays under 1 MB).
VOCABULARY = 80_000
# Words (Arabic letters and marks, Latin, digits) and single punctuation marks, as the
# tagger's tokens are split; Arabic comma, semicolon and question mark are punctuation.
_TOKEN = re.compile(r"(?:(?![\u060c\u061b\u061f\u066a-\u066d\u06d4])[\w\u0610-\u061a\u064b-\u065f\u0670])+|[^\w\s]")


def article_lines(corpus_dir: Path):
    """One line of space-separated match keys per paragraph of every article."""
    for archive in sorted(corpus_dir.glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                for article in json.loads(zipped.read(name)):
                    for paragraph in (article.get("content") or "").split("\n"):
                        keys = [match_key(t) for t in _TOKEN.findall(paragraph)]
                        if len(keys) > 2:
                            yield " ".join(k for k in keys if k)


def write_vectors(path: Path, keys: list[str], unit_vectors: np.ndarray) -> None:
    """The keys and their PCA-reduced unit vectors (float16), compressed; no text but the keys."""
    reduced = PCA(n_components=VECTOR_DIMENSIONS, random_state=1).fit_transform(unit_vectors)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, keys=np.array(keys), vectors=reduced.astype(np.float16),
                        note=np.array("Word vectors for the NER tagger: written by scripts/train_word_clusters.py "
                                      "from SaudiNewsNet (Alhagri 2015, CC BY-NC-SA 4.0): word2vec CBOW (100 dims, "
                                      f"window 3, 5 epochs) on match keys, unit vectors, PCA to {VECTOR_DIMENSIONS} "
                                      f"dims; the {len(keys)} most frequent keys."))
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)", flush=True)


def _kmeans(vectors: np.ndarray, k: int) -> np.ndarray:
    return MiniBatchKMeans(n_clusters=k, random_state=1, batch_size=4096, n_init=1).fit_predict(vectors)


def _skipgram_clusters(args: argparse.Namespace, keys: list[str]) -> list[np.ndarray]:
    """k-means of skip-gram vectors of the same keys (negative sampling, frequent words
    subsampled, as the eleventh session's network vectors were trained)."""
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence

    model = Word2Vec(LineSentence(str(args.scratch)), vector_size=100, window=3, min_count=5, sg=1,
                     negative=5, sample=1e-4, epochs=5, workers=args.workers, seed=1)
    vectors = np.stack([model.wv[k] for k in keys])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return [_kmeans(vectors, k) for k in SKIPGRAM_GRANULARITIES]


def main(argv: list[str] | None = None) -> int:
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/marsad_word_clusters.txt"))
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--vectors-output", type=Path, default=VECTORS_OUTPUT)
    parser.add_argument("--no-clusters", action="store_true",
                        help="Write the vectors file only (word2vec with 2 workers is not bit-repeatable: "
                             "keep the shipped clusters).")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skipgram", action="store_true", help="Add skip-gram clusters (j512, j2048).")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    counts: Counter[str] = Counter()
    with args.scratch.open("w", encoding="utf-8") as out:
        for line in article_lines(args.corpus):
            counts.update(line.split())
            out.write(line + "\n")
    print(f"{sum(counts.values())} tokens, {len(counts)} keys ({time.perf_counter() - began:.0f} s)", flush=True)
    # A narrow window (3) makes neighbours say what kind of word this is (a name, a place)
    # more than what the article is about; seed and one worker-order keep it repeatable enough.
    model = Word2Vec(LineSentence(str(args.scratch)), vector_size=100, window=3, min_count=5,
                     sg=0, epochs=5, workers=args.workers, seed=1)
    print(f"word2vec done ({time.perf_counter() - began:.0f} s)", flush=True)
    keys = [k for k, _ in counts.most_common() if k in model.wv.key_to_index][:VOCABULARY]
    vectors = np.stack([model.wv[k] for k in keys])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    write_vectors(args.vectors_output, keys, vectors)
    if args.no_clusters:
        args.scratch.unlink()
        return 0
    columns = [_kmeans(vectors, k) for k in GRANULARITIES]
    names = [f"k{k}" for k in GRANULARITIES]
    if args.skipgram:
        columns += _skipgram_clusters(args, keys)
        names += [f"j{k}" for k in SKIPGRAM_GRANULARITIES]
    print(f"k-means done ({time.perf_counter() - began:.0f} s)", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.output, "wt", encoding="utf-8") as out:
        out.write("# Word clusters for the NER tagger: written by scripts/train_word_clusters.py from\n"
                  "# SaudiNewsNet (Alhagri 2015, CC BY-NC-SA 4.0): word2vec CBOW (100 dims, window 3, 5\n"
                  "# epochs) on match keys, then k-means on unit vectors (j columns: of skip-gram vectors);\n"
                  f"# the {len(keys)} most frequent keys.\n")
        out.write("key\t" + "\t".join(names) + "\n")
        for i, key in enumerate(keys):
            out.write(key + "\t" + "\t".join(str(int(col[i])) for col in columns) + "\n")
    args.scratch.unlink()
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

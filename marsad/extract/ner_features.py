"""CRF features for the NER tagger, computed once per word type.

A plain python-crfsuite setup that builds a feature dict for every token in Python manages
about 25k tokens/s (issue 4). News text repeats its words, so the features of a word type
(and the prefixed copies its neighbours borrow for the ±2 window) are built once, cached,
and a sentence's rows are plain list concatenations of cached lists.

Training (scripts/train_ner.py) and tagging (marsad.extract.entities) share this module,
so the two cannot drift apart.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, split_clitics
from marsad.arabic.words import key_table
from marsad.run.caching import WordCache

TRIGGERS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_triggers.tsv"
# Word clusters learnt from unlabelled news by scripts/train_word_clusters.py.
CLUSTERS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_word_clusters.tsv.gz"
# Word vectors from the same word2vec (PCA-reduced, float16): real-valued features.
VECTORS_FILE = CLUSTERS_FILE.with_name("ner_word_vectors.npz")
# The vectors are scaled so that their mean length is this: all of a word's dimensions
# together weigh about as much as one of its binary features.
VECTOR_SCALE = 1.0

_DIGIT = re.compile(r"[0-9]")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile("[\u0621-\u064a]")
_DIGIT_OR_LATIN = re.compile(r"[0-9A-Za-z]")
# Offsets of the context window and the names their features carry.
_WINDOW = ((-2, "-2:"), (-1, "-1:"), (1, "+1:"), (2, "+2:"))
_PAD = {offset: [f"{name}pad"] for offset, name in _WINDOW}
# The families of a word's own features that it also lends its neighbours, prefixed with
# their offset ("-1:w=...", "+2:s2=..."): the word, its shape, its trigger and gazetteer
# marks, its middle cluster, its stem and its last two letters.
LENT_FAMILIES = frozenset({"w", "sh", "len", "tr", "gz", "k256", "ck256", "st", "s2"})


def is_lent(feature: str) -> bool:
    """Whether a word's own feature is also one of its neighbours' context features."""
    return feature.partition("=")[0] in LENT_FAMILIES


@lru_cache(maxsize=1)
def load_triggers(path: Path = TRIGGERS_FILE) -> dict[str, str]:
    """Trigger word key -> entity kind it announces (PER/LOC/ORG)."""
    return key_table(path)


@lru_cache(maxsize=1)
def load_clusters(path: Path = CLUSTERS_FILE) -> dict[str, tuple[str, ...]]:
    """Match key -> its cluster features ("k64=12", "k256=80", "k1024=511"); empty when the
    file is absent (a model trained without clusters then sees the features it learnt)."""
    if not path.is_file():
        return {}
    clusters: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = (line.rstrip("\n").split("\t") for line in handle if not line.startswith("#"))
        names = next(rows)[1:]
        for key, *ids in rows:
            clusters[key] = tuple(sys.intern(f"{name}={i}") for name, i in zip(names, ids, strict=True))
    return clusters


@dataclass(frozen=True, slots=True)
class WordVectors:
    """Match key -> row of `matrix` (scaled vectors, float32)."""

    rows: dict[str, int]
    matrix: np.ndarray

    @property
    def dimensions(self) -> int:
        return int(self.matrix.shape[1])


NO_VECTORS = WordVectors({}, np.zeros((0, 0), dtype=np.float32))


@lru_cache(maxsize=1)
def load_vectors(path: Path = VECTORS_FILE) -> WordVectors:
    """The word vectors of scripts/train_word_clusters.py; none when the file is absent."""
    if not path.is_file():
        return NO_VECTORS
    with np.load(path, allow_pickle=False) as data:
        keys, matrix = data["keys"].tolist(), data["vectors"].astype(np.float32)
    matrix *= VECTOR_SCALE / float(np.linalg.norm(matrix, axis=1).mean())
    return WordVectors({k: i for i, k in enumerate(keys)}, matrix)


def _length_bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    return "4-5" if n <= 5 else "6-8" if n <= 8 else "9+"


# The shape feature of an Arabic word by its length (the lists are shared, never changed).
_LENGTH_SHAPES = [[f"len={_length_bucket(n)}"] for n in range(10)]
_SHAPE_NUMBER, _SHAPE_DIGITS, _SHAPE_LATIN, _SHAPE_PUNCT = ["sh=num"], ["sh=hasdigit"], ["sh=latin"], ["sh=punct"]


def _shape(key: str) -> list[str]:
    if _DIGIT_OR_LATIN.search(key) is None:  # most words: one scan decides
        return _LENGTH_SHAPES[min(len(key), 9)] if _ARABIC.search(key) else _SHAPE_PUNCT
    if _DIGIT.search(key):
        return _SHAPE_NUMBER if key.replace(",", "").replace(".", "").isdigit() else _SHAPE_DIGITS
    if _LATIN.search(key):
        return _SHAPE_LATIN
    if not _ARABIC.search(key):
        return _SHAPE_PUNCT
    return _LENGTH_SHAPES[min(len(key), 9)]


@dataclass(frozen=True, slots=True)
class TypeFeatures:
    """The cached features of one word type: its own, and its copies for each offset."""

    key: str
    own: list[str]
    window: dict[int, list[str]]


class FeatureExtractor:
    """Builds crfsuite feature rows for sentences, caching per word type.

    `lexicon` maps a match key to gazetteer roles such as ("B-LOC", "I-ORG") — the position
    of that word inside a multi-word gazetteer entry. Empty means no gazetteer features.
    """

    def __init__(self, lexicon: Mapping[str, Sequence[str]] | None = None,
                 triggers: Mapping[str, str] | None = None,
                 clusters: Mapping[str, Sequence[str]] | None = None,
                 vectors: WordVectors | None = None) -> None:
        self.lexicon = lexicon or {}
        self.triggers = load_triggers() if triggers is None else triggers
        self.clusters = load_clusters() if clusters is None else clusters
        self.vectors = load_vectors() if vectors is None else vectors
        d = self.vectors.dimensions
        # Real-valued features: the word's vector ("v3"), else its first clitic stem's that
        # has one ("cv3": وبغداد -> بغداد), as `dense_values` orders them.
        self.dense_names = tuple([f"v{i}" for i in range(d)] + [f"cv{i}" for i in range(d)])
        self._cache: WordCache[str, TypeFeatures] = WordCache()

    def word_features(self, word: str) -> TypeFeatures:
        return self._cache.get(word) or self._cache.put(word, self._build(word))

    def sentence_features(self, words: Sequence[str]) -> list[list[str]]:
        types = [self.word_features(w) for w in words]
        n = len(types)
        rows: list[list[str]] = []
        pad = _PAD
        for i, own in enumerate(types):
            before = types[i - 1] if i else None
            after = types[i + 1] if i + 1 < n else None
            rows.append([
                *own.own,
                *(types[i - 2].window[-2] if i >= 2 else pad[-2]),
                *(before.window[-1] if before else pad[-1]),
                *(after.window[1] if after else pad[1]),
                *(types[i + 2].window[2] if i + 2 < n else pad[2]),
                # Word bigrams with each neighbour: multi-word names (ريال مدريد، البنك التجاري).
                f"bg-={before.key if before else '^'}|{own.key}",
                f"bg+={own.key}|{after.key if after else '$'}",
            ])
        return rows

    def sentence_items(self, words: Sequence[str]) -> list[list[str]] | list[dict[str, float]]:
        """A sentence as python-crfsuite reads it (training, and its own tagger): the rows of
        `sentence_features`, with the words' real-valued features when there are vectors
        (a row is then a dict: a repeated feature's count is its value, as crfsuite adds them)."""
        rows = self.sentence_features(words)
        if not self.dense_names:
            return rows
        values = self.dense_values([self.word_key(w) for w in words])
        items: list[dict[str, float]] = []
        for row, dense in zip(rows, values, strict=True):
            item: dict[str, float] = {}
            for feature in row:
                item[feature] = item.get(feature, 0.0) + 1.0
            item.update((n, float(v)) for n, v in zip(self.dense_names, dense, strict=True) if v)
            items.append(item)
        return items

    def dense_values(self, keys: Sequence[str]) -> np.ndarray:
        """(keys x `dense_names`) values: each key's vector, else that of its first clitic
        stem that has one (as `_cluster_marks`), else zeros."""
        vectors = self.vectors
        d = vectors.dimensions
        out = np.zeros((len(keys), 2 * d), dtype=np.float32)
        if not d:
            return out
        row_of = vectors.rows.get
        for i, key in enumerate(keys):
            row = row_of(key)
            if row is not None:
                out[i, :d] = vectors.matrix[row]
                continue
            for _, stem in clitic_candidates(key)[1:]:
                row = row_of(stem)
                if row is not None:
                    out[i, d:] = vectors.matrix[row]
                    break
        return out

    @staticmethod
    def pad_features(offset: int) -> list[str]:
        """What a position borrows from a neighbour at `offset` that is past the sentence."""
        return _PAD[offset]

    @staticmethod
    def window_name(offset: int) -> str:
        """The prefix a neighbour's context features carry at `offset` ("-2:", "+1:")."""
        return dict(_WINDOW)[offset]

    def _build(self, word: str) -> TypeFeatures:
        key, own = self.type_parts(word)
        context = [f for f in own if is_lent(f)]
        window = {offset: [name + f for f in context] for offset, name in _WINDOW}
        return TypeFeatures(key, own, window)

    @staticmethod
    def word_key(word: str) -> str:
        """The key a word's features are built from: every feature is a function of it, so
        words that share one (with and without diacritics) share their features."""
        return match_key(word) or word

    def type_parts(self, word: str) -> tuple[str, list[str]]:
        """(match key, the word's own features), uncached. Those of the `LENT_FAMILIES` are
        also its neighbours' context features."""
        key = self.word_key(word)
        return key, self.key_parts(key)

    def key_parts(self, key: str) -> list[str]:
        """The own features of a word key. Written out flat: this runs for every new word
        type, and its cost is most of a cold tagger's."""
        prefix, stem = split_clitics(key)
        candidates = clitic_candidates(key)
        n = len(key)
        split = stem != key
        own = ["b", "w=" + key]
        if split:
            own += ("st=" + stem, "pf=" + prefix)
        # Every plausible clitic split: the CRF learns which stems are names (وبغداد -> بغداد).
        for _, candidate in candidates[1:]:
            own.append("c=" + candidate)
        # Prefixes and suffixes of one to three letters (those shorter than the key).
        if n > 3:
            own += ("p1=" + key[0], "p2=" + key[:2], "p3=" + key[:3],
                    "s1=" + key[-1], "s2=" + key[-2:], "s3=" + key[-3:])
        elif n == 3:
            own += ("p1=" + key[0], "p2=" + key[:2], "s1=" + key[-1], "s2=" + key[-2:])
        elif n == 2:
            own += ("p1=" + key[0], "s1=" + key[-1])
        if split:
            own += ("sp2=" + stem[:2], "ss2=" + stem[-2:])
        # Letter trigrams of the stem: foreign names (ماكغورك، بنفيكا) share spellings such as
        # غو/كي/يكا that Arabic words rarely have, which helps with names never seen in training.
        if len(stem) >= 4 and _ARABIC.search(stem):
            padded = f"^{stem}$"
            own += ["g=" + padded[j:j + 3] for j in range(len(stem))]
        own += _shape(key)
        own += self._lexical_marks(candidates)
        own += self._cluster_marks(key, candidates)
        return own

    def _cluster_marks(self, key: str, candidates: tuple[tuple[str, str], ...]) -> list[str]:
        """The word's clusters from unlabelled news (coarse to fine), else those of its first
        clitic split that has some (وبغداد -> بغداد's), marked "c"; or a mark that it has none
        (a word unseen in 9M tokens of news is often a rare name)."""
        if not self.clusters:
            return []
        found = self.clusters.get(key)
        if found:
            return list(found)
        for _, stem in candidates[1:]:
            found = self.clusters.get(stem)
            if found:
                return ["c" + f for f in found]
        return ["k=none"]

    def _lexical_marks(self, candidates: tuple[tuple[str, str], ...]) -> list[str]:
        """Trigger-word and gazetteer flags, looked up on every clitic split of the word."""
        marks: set[str] = set()
        triggers, lexicon = self.triggers, self.lexicon
        for _, stem in candidates:
            kind = triggers.get(stem)
            if kind:
                marks.add(f"tr={kind}")
            roles = lexicon.get(stem)
            if roles:
                marks.update(f"gz={role}" for role in roles)
        return sorted(marks) if marks else []

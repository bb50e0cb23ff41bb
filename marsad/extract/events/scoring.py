"""The learned event detector at run time: the type models (`detector.TypeModel`) read as
one `Detector` that scores all of a doc's sentences at once. Every sentence is scored (the
model may add an event where the lexicon found none), 20,000 for 1,000 articles, so a token
key is looked up once (its word's id, its grammar-word classes, and whether the lexicon may
find a trigger there: the lexicon coder then reads only the sentences that have one), and
the words, word pairs, grammar classes and length of the sentences are weighed with numpy.
What depends on the lexicon coder's events and the doc's mentions
(`detector.context_features`, a handful of features) is added per sentence, only where it
may matter (`may_reach`).

The weights ship as tables (marsad/models/events_detector.json, written by `save` from
scripts/train_events.py): the vocabulary with each word's weight per type, the word pairs as
vocabulary indexes, the other features by name; loading them is a few array copies.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from marsad.extract.events.detector import GRAMMAR_CLASSES, LENGTH_BUCKETS, TypeModel, logistic, word_of
from marsad.extract.events.lexicon import KEY, Lexicon, load_lexicon
from marsad.extract.events.placing import not_an_event_word
from marsad.model import Quantity, Sentence

MODEL_FILE = Path(__file__).resolve().parents[2] / "models" / "events_detector.json"
TOKEN_MEMO_LIMIT = 200_000  # token keys remembered; past this the memo starts afresh
_GRAMMAR_BITS = len(GRAMMAR_CLASSES)  # a token's grammar classes, as bits under its word id
_GRAMMAR = (1 << _GRAMMAR_BITS) - 1
_TRIGGER = 1 << _GRAMMAR_BITS  # and above them, whether the lexicon may find a trigger there
_FLAG_BITS = _GRAMMAR_BITS + 1
_FLAGS = (1 << _FLAG_BITS) - 1
TOKENS = attrgetter("tokens")


class Reading(NamedTuple):
    """`Detector.read` of a doc's sentences."""

    scores: np.ndarray  # a row per sentence, a column per type
    # per sentence: the indexes of its tokens where the lexicon finds a trigger (None: not read)
    triggers: list[tuple[int, ...] | None]


def _grammar_masks() -> dict[str, int]:
    """Grammar word -> its classes as bits."""
    masks: dict[str, int] = {}
    for bit, (_, words) in enumerate(GRAMMAR_CLASSES):
        for word in words:
            masks[word] = masks.get(word, 0) | 1 << bit
    return masks


_GRAMMAR_MASKS = _grammar_masks()


class Detector:
    """Per type (`kinds`, with their `thresholds`): the weight of each vocabulary word, of
    each word pair (`pair_codes`: first index * vocabulary size + second, sorted) and of
    each other feature by name (`named`: bias, grammar classes, length, context)."""

    def __init__(self, kinds: Sequence[str], thresholds: Sequence[float], vocabulary: Sequence[str],
                 word_weights: np.ndarray, pairs: np.ndarray, pair_weights: np.ndarray,
                 named: Mapping[str, Sequence[float]], creates: Sequence[bool] | None = None) -> None:
        self.kinds = tuple(kinds)
        self.thresholds = tuple(thresholds)
        # per type: whether the model adds an event where the lexicon found none (`TypeModel`)
        self.creates = tuple(creates) if creates is not None else (True,) * len(self.kinds)
        self._creating = np.array(self.creates, dtype=bool)
        width = len(self.kinds)
        self.vocabulary = list(vocabulary)
        self._ids = dict(zip(self.vocabulary, range(len(self.vocabulary)), strict=True))
        self._size = len(self.vocabulary)
        self._word = np.asarray(word_weights, dtype=float).reshape(self._size, width)
        pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        codes = pairs[:, 0] * self._size + pairs[:, 1]
        order = np.argsort(codes, kind="stable")
        self._pair_codes = codes[order]
        self._pair = np.asarray(pair_weights, dtype=float).reshape(len(pairs), width)[order]
        self._rows = np.concatenate([self._word, self._pair])  # a word's row, or vocabulary size + a pair's
        self.named = {name: tuple(map(float, row)) for name, row in named.items()}
        zero = (0.0,) * width
        self._bias = np.array(self.named.get("bias", zero))
        self._grammar = np.array([self.named.get("g:" + name, zero) for name, _ in GRAMMAR_CLASSES])
        self._length = np.array([self.named.get(f"len:{n}", zero) for n in range(len(LENGTH_BUCKETS) + 1)])
        self._buckets = np.array(LENGTH_BUCKETS)
        self._grammar_shifts = np.arange(_GRAMMAR_BITS)
        self._token_memo: _TokenMemo | None = None
        # The most that the context of a sentence with no coded event can add to a type's
        # score: every positive weight of a named feature that `scores` does not count and
        # that is no coded event's ("ev:...") nor a quantity's unit ("qty:UNIT", counted by
        # the units the sentence has, `may_reach`): whatever `context_features` gives it
        # then (its mentions' types, a time, a quantity), and at worst more, never less.
        quiet = [row for name, row in self.named.items()
                 if name != "bias" and not name.startswith(("g:", "len:", "ev:", "qty:"))]
        self._quiet_bound = np.maximum(0.0, np.array(quiet)).sum(axis=0) if quiet else np.zeros(width)
        self._unit_bound = {name[4:]: np.maximum(0.0, row) for name, row in self.named.items()
                            if name.startswith("qty:")}

    @classmethod
    def of(cls, models: Mapping[str, TypeModel]) -> Detector:
        """The detector of models keyed by feature name (as training gives them)."""
        width = len(models)
        words: dict[str, list[float]] = {}
        pairs: dict[tuple[str, str], list[float]] = {}
        named: dict[str, list[float]] = {}
        for k, model in enumerate(models.values()):
            for name, weight in model.weights.items():
                if name.startswith("w:"):
                    words.setdefault(name[2:], [0.0] * width)[k] = weight
                elif name.startswith("b:"):
                    for pair in _pair_readings(name[2:]):
                        pairs.setdefault(pair, [0.0] * width)[k] = weight
                else:
                    named.setdefault(name, [0.0] * width)[k] = weight
        vocabulary = sorted(set(words) | {w for pair in pairs for w in pair})
        ids = {w: i for i, w in enumerate(vocabulary)}
        zero = [0.0] * width
        return cls(tuple(models), [m.threshold for m in models.values()], vocabulary,
                   np.array([words.get(w, zero) for w in vocabulary]).reshape(len(vocabulary), width),
                   np.array([(ids[a], ids[b]) for a, b in pairs], dtype=np.int64).reshape(-1, 2),
                   np.array(list(pairs.values())).reshape(len(pairs), width), named,
                   [m.creates for m in models.values()])

    def tables(self) -> dict[str, Any]:
        """The detector as JSON-ready tables, one flat list per type or column (they load
        fastest so); `load_detector` reads them back."""
        size = max(1, self._size)
        return {
            "kinds": list(self.kinds),
            "vocabulary": self.vocabulary,
            "word_weights": {kind: self._word[:, k].tolist() for k, kind in enumerate(self.kinds)},
            "pairs": {"first": (self._pair_codes // size).tolist(), "second": (self._pair_codes % size).tolist()},
            "pair_weights": {kind: self._pair[:, k].tolist() for k, kind in enumerate(self.kinds)},
            "named": {name: list(row) for name, row in sorted(self.named.items())},
        }

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def _memo(self, lex: Lexicon) -> _TokenMemo:
        """The token memo, afresh when it grew past its bound or the lexicon changed."""
        memo = self._token_memo
        if memo is None or len(memo) > TOKEN_MEMO_LIMIT or memo.lex is not lex or memo.generation != lex.generation:
            memo = self._token_memo = _TokenMemo(self._ids, lex)
        return memo

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
        """Each sentence's score (log-odds) for each type from its own words, word pairs,
        grammar classes and length: `sentence_features` less `context_features`."""
        return self.read(sentences, load_lexicon()).scores

    def read(self, sentences: Sequence[Sentence], lex: Lexicon) -> Reading:
        """The sentences' `scores`, and which of them have a token where `lex` may find a
        trigger (in the others the lexicon coder finds nothing): one look-up per token
        serves both."""
        n, size = len(sentences), self._size
        out = np.tile(self._bias, (n, 1))
        if not n or not self.kinds:
            return Reading(out, [None] * n)
        lengths = list(map(len, map(TOKENS, sentences)))
        info = np.fromiter(map(self._memo(lex).__getitem__, map(KEY, chain.from_iterable(map(TOKENS, sentences)))),
                           dtype=np.int64, count=sum(lengths))
        of_token = np.repeat(np.arange(n), lengths)
        flagged = np.flatnonzero(info & _FLAGS)  # few tokens: grammar words, trigger candidates
        classes = np.zeros(n, dtype=np.int64)
        np.bitwise_or.at(classes, of_token[flagged], info[flagged] & _FLAGS)
        if (classes & _GRAMMAR).any():
            out += ((classes[:, None] >> self._grammar_shifts) & 1) @ self._grammar
        word_ids = info >> _FLAG_BITS
        is_word = word_ids > 0
        ids, of_word = word_ids[is_word] - 2, of_token[is_word]  # -1: a word no weight names
        out += self._length[np.searchsorted(self._buckets, np.bincount(of_word, minlength=n))]
        # the words and the word pairs named in the tables, each counted once a sentence
        # (binary features): rows of the words' table, then of the pairs' table after it
        known = ids >= 0
        rows, of_row = ids[known], of_word[known]
        both = known[:-1] & known[1:] & (of_word[1:] == of_word[:-1])
        codes = ids[:-1][both] * size + ids[1:][both]
        if len(codes) and len(self._pair_codes):
            at = np.minimum(np.searchsorted(self._pair_codes, codes), len(self._pair_codes) - 1)
            hit = self._pair_codes[at] == codes
            rows = np.concatenate([rows, size + at[hit]])
            of_row = np.concatenate([of_row, of_word[:-1][both][hit]])
        span = len(self._rows)
        keys = np.sort(of_row * span + rows)
        if len(keys):
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
        np.add.at(out, keys // span, self._rows[keys % span])
        return Reading(out, _by_sentence(flagged[(info[flagged] & _TRIGGER) > 0], lengths))

    def may_reach(self, scores: np.ndarray, probability: float,
                  quantities: Sequence[Sequence[Quantity]]) -> np.ndarray:
        """For each sentence (a row of `scores`, with the `quantities` inside it): whether,
        with no coded event, it may reach `probability` for some type that `creates` whatever its
        context.
        Nearly all sentences cannot, and then the model has nothing to add there (exact: an
        upper bound of what context adds, less a margin for rounding)."""
        if not len(scores) or not self._creating.any():
            return np.zeros(len(scores), bool)
        bound = scores + self._quiet_bound
        for k in compress(count(), quantities):
            for unit in {q.unit for q in quantities[k] if q.unit} & self._unit_bound.keys():
                bound[k] += self._unit_bound[unit]
        floor = math.log(probability / (1 - probability)) - 1e-9
        return np.asarray((bound >= floor)[:, self._creating].any(axis=1))

    def probabilities(self, score: Sequence[float], context: Iterable[str]) -> list[float]:
        """Each type's probability (in `kinds` order) from a sentence's row of `scores`
        and its `context_features`."""
        total = list(score)
        for row in filter(None, map(self.named.get, context)):
            total = [z + w for z, w in zip(total, row, strict=True)]
        return [logistic(z) for z in total]

    def strongest_word(self, sentence: Sentence, kind: str, skip: frozenset[int] = frozenset()) -> int | None:
        """Index of the token whose word weighs most for the type, outside `skip` (the
        participants): the trigger of an event the model found without a lexicon trigger."""
        k = self.kinds.index(kind)
        best, best_w = None, 0.0
        for i, tok in enumerate(sentence.tokens):
            if i in skip or not_an_event_word(tok.key):
                continue  # "وسط", "خلال", "20": the event's arguments are read from its trigger
            word_id = self._ids.get(word_of(tok.key))
            w = float(self._word[word_id, k]) if word_id is not None else 0.0
            if w > best_w:
                best, best_w = i, w
        return best


class _TokenMemo(dict[str, int]):
    """Token key -> its word id shifted past its flag bits (its grammar classes, and whether
    `lex` may find a trigger at it): the word id is 0 for no word (punctuation), 1 for a
    word no weight names, else its vocabulary index + 2. A key is worked out the first time
    it is asked for; after that it is a C-level look-up."""

    def __init__(self, ids: dict[str, int], lex: Lexicon) -> None:
        super().__init__()
        self.ids = ids
        self.lex = lex
        self.generation = lex.generation

    def __missing__(self, key: str) -> int:
        word = word_of(key)
        info = ((self.ids.get(word, -1) + 2) << _FLAG_BITS if word else 0) | _GRAMMAR_MASKS.get(key, 0)
        # may_trigger first: 96% of keys can hold no trigger, and the lexicon need not
        # remember those (the coder reads only the sentences that have a candidate)
        if self.lex.may_trigger(key) and self.lex.lookup(key)[0]:
            info |= _TRIGGER
        self[key] = info
        return info


def _by_sentence(tokens: np.ndarray, lengths: Sequence[int]) -> list[tuple[int, ...] | None]:
    """Indexes of tokens across the sentences (in order) as indexes within each sentence."""
    out: list[list[int]] = [[] for _ in lengths]
    ends = list(accumulate(lengths))
    k = start = 0
    for i in tokens.tolist():
        while i >= ends[k]:
            start = ends[k]
            k += 1
        out[k].append(i - start)
    return list(map(tuple, out))


def _pair_readings(body: str) -> list[tuple[str, str]]:
    """The word pairs a "b:" feature's body names: "a_b"; a word with "_" in it makes the
    name ambiguous, and then every reading counts."""
    first, _, second = body.partition("_")
    if "_" not in second:
        return [(first, second)]
    return [(body[:i], body[i + 1 :]) for i, c in enumerate(body) if c == "_"]


def save(path: Path, models: Mapping[str, TypeModel], meta: Mapping[str, Any]) -> None:
    """Write the models as the tables `load_detector` reads; `meta`: what else the file
    says (the data, the script, each type's C and cross-validated figures under "types")."""
    tables = Detector.of(models).tables()
    types = {kind: {**meta.get("types", {}).get(kind, {}), "threshold": models[kind].threshold,
                    "creates": models[kind].creates} for kind in models}
    path.write_text(json.dumps({**meta, **tables, "types": types}, ensure_ascii=False, sort_keys=True) + "\n",
                    encoding="utf-8")


@lru_cache(maxsize=1)
def load_detector(path: Path = MODEL_FILE) -> Detector:
    """The shipped detector; one with no types when the file is absent (the lexicon decides alone)."""
    if not path.is_file():
        return Detector.of({})
    data = json.loads(path.read_text(encoding="utf-8"))
    kinds = data["kinds"]

    def columns(table: dict[str, list[float]]) -> np.ndarray:
        return np.array([table[kind] for kind in kinds], dtype=float).T

    pairs = np.array([data["pairs"]["first"], data["pairs"]["second"]], dtype=np.int64).T
    return Detector(kinds, [float(data["types"][k]["threshold"]) for k in kinds], data["vocabulary"],
                    columns(data["word_weights"]), pairs, columns(data["pair_weights"]), data["named"],
                    [bool(data["types"][k].get("creates", True)) for k in kinds])

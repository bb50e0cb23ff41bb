"""A trained crfsuite model, compiled for fast tagging of whole articles.

python-crfsuite's `Tagger.tag` wants every token's features as strings, which it looks up
one by one in C++: at ~40 features a token that is most of the NER stage's time. The
features of our tagger (marsad.extract.ner_features) are of three kinds only — a word's
own, a neighbour's at a fixed offset, and word bigrams — so a position's state scores are
the sum of a few vectors that depend on one word type (or one pair) each. Those vectors
are summed once per word type and cached; Viterbi then runs over all the sentences of an
article at once, one numpy step per token position. The answer is the crfsuite answer
(tests/test_ner.py compares the two on every sentence of a corpus), only faster.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain, compress, count, repeat
from operator import is_, ne
from typing import TYPE_CHECKING

import numpy as np

from marsad.extract.ner_features import FeatureExtractor, is_lent

if TYPE_CHECKING:
    import pycrfsuite

# Offsets whose window features a word lends to its neighbours, in row order after "own".
_OFFSETS = (-2, -1, 1, 2)
# The feature every word has (marsad.extract.ner_features): its weights are each label's bias.
BIAS_FEATURE = "b"
# Keep the per-type cache bounded (news text has a few hundred thousand types).
_CACHE_LIMIT = 400_000


class CompiledCRF:
    def __init__(self, labels: Sequence[str], state: dict[str, np.ndarray], transitions: np.ndarray,
                 features: FeatureExtractor) -> None:
        self.labels = list(labels)
        self._state = state  # attribute -> weight per label
        self._trans = transitions  # [from, to]
        self._features = features
        self._zero = np.zeros(len(self.labels))
        # All weights as one matrix; a word type's score rows are sums of gathered rows.
        names = list(state)
        self._weights = np.stack([state[a] for a in names]) if names else np.zeros((0, len(self.labels)))
        self._attr_row = {a: i for i, a in enumerate(names)}
        # A feature's weights are found by "units": unit i is attribute i scored at the word
        # itself (row 0), unit row * n + i is attribute i lent at offset row 1-4. A word's own
        # feature f of a lent family is also the attribute "<offset prefix>f" of its
        # neighbours. Each feature the model knows has a number; its units, at the word and
        # at the offsets where the model has it, lie in `_feature_units` from its start.
        self._n_attrs = n_attrs = len(names)
        units: dict[str, list[int]] = {attr: [i] for attr, i in self._attr_row.items()}
        for row, off in enumerate(_OFFSETS, start=1):
            prefix = features.window_name(off)
            for attr, i in self._attr_row.items():
                if attr.startswith(prefix) and is_lent(attr[len(prefix):]):
                    units.setdefault(attr[len(prefix):], []).append(row * n_attrs + i)
        self._feature_number = {f: n for n, f in enumerate(units)}
        sizes = np.array([len(found) for found in units.values()], dtype=np.int64)
        self._feature_size, self._feature_start = sizes, np.cumsum(sizes) - sizes
        self._feature_units = np.array([u for found in units.values() for u in found], dtype=np.int64)
        self._weights_by_label = np.ascontiguousarray(self._weights.T)
        self._pads = {off: self._sum(features.pad_features(off)) for off in _OFFSETS}
        # Real-valued features (`FeatureExtractor.dense_values`): a word's own, weight x value.
        dense = [state.get(name, self._zero) for name in features.dense_names]
        self._dense_weights = np.stack(dense) if any(v is not self._zero for v in dense) else None
        # Word-bigram weights, "bg-=a|b" (with the word before) and "bg+=a|b" (with the word
        # after): the words of weighted bigrams get small ids, a pair is the code
        # left * words + right, and all positions' pairs are found at once by a sorted search.
        pairs: dict[str, dict[tuple[str, str], np.ndarray]] = {"bg-": {}, "bg+": {}}
        for attr, vec in state.items():
            kind, _, pair = attr.partition("=")
            if kind in pairs and "|" in pair:
                left, _, right = pair.partition("|")
                pairs[kind][(left, right)] = vec
        words = sorted({w for table in pairs.values() for pair in table for w in pair})
        self._bigram_word_id = word_id = {w: i for i, w in enumerate(words)}
        self._bigram_words = len(words)
        self._bigram_tables: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for kind, table in pairs.items():
            codes = np.array([word_id[a] * len(words) + word_id[b] for a, b in table], dtype=np.int64)
            order = np.argsort(codes)
            vectors = np.stack(list(table.values())) if table else np.zeros((0, len(self.labels)))
            self._bigram_tables[kind] = (codes[order], vectors[order])
        # The sentence's edges: what crfsuite's features call the word before the first, after the last.
        self._start_id, self._end_id = word_id.get("^", -1), word_id.get("$", -1)
        # Word types get integer ids; their rows live in one growing matrix, so a whole
        # article's state scores are a few fancy-indexing operations.
        self.cache_limit = _CACHE_LIMIT
        self._ids: dict[str, int] = {}  # word -> type id
        self._key_ids: dict[str, int] = {}  # word key -> type id
        self._type_keys: list[str] = []  # type id -> word key
        self._rows = np.zeros((1024, 1 + len(_OFFSETS), len(self.labels)))
        self._bigram_ids = np.full(1024, -1, dtype=np.int64)  # per type id: its key's bigram word id, or -1

    @classmethod
    def from_tagger(cls, tagger: pycrfsuite.Tagger, features: FeatureExtractor,
                    outside_bias: float = 0.0, type_biases: Mapping[str, float] | None = None) -> CompiledCRF:
        """The model's weights, with `outside_bias` taken off label O's bias weight (the
        "b" feature every word has): a CRF trained on sparse names says O too often, and a
        lower O score trades precision for recall (Minkov et al. 2006, HLT-NAACL). 0 gives
        crfsuite's own labels. `type_biases` ("MISC": 0.5) are added to the bias weight of
        that type's B- and I- labels, for the same reason per type."""
        info = tagger.info()
        labels = tagger.labels()
        index = {label: i for i, label in enumerate(labels)}
        state: dict[str, np.ndarray] = {}
        for (attr, label), weight in info.state_features.items():
            vec = state.get(attr)
            if vec is None:
                vec = state[attr] = np.zeros(len(labels))
            vec[index[label]] += weight
        if outside_bias and "O" in index:
            state.setdefault(BIAS_FEATURE, np.zeros(len(labels)))[index["O"]] -= outside_bias
        for label, i in index.items():
            if type_biases and type_biases.get(label[2:]):
                state.setdefault(BIAS_FEATURE, np.zeros(len(labels)))[i] += type_biases[label[2:]]
        trans = np.zeros((len(labels), len(labels)))
        for (src, dst), weight in info.transitions.items():
            trans[index[src], index[dst]] = weight
        return cls(labels, state, trans, features)

    def _sum(self, attrs: Sequence[str]) -> np.ndarray:
        total = self._zero.copy()
        get = self._state.get
        for attr in attrs:  # a repeated attribute counts each time, as in crfsuite
            vec = get(attr)
            if vec is not None:
                total += vec
        return total

    def _add_types(self, words: Sequence[str], keyed: bool = False) -> None:
        """Give new words their type ids, and new types (word keys: a word's features are a
        function of its key) score rows: row 0 the key's own features, rows 1-4 what it
        lends to the words 2 and 1 positions after it and 1 and 2 before it (window offsets
        -2, -1, +1, +2). All new types of a call are summed in one go: the per-type Python
        work is only C-level maps from features to units. `keyed`: the words are new word
        keys already."""
        ids, key_ids = self._ids, self._key_ids
        first_id = len(key_ids)
        keys: list[str] = []  # the new types
        if keyed:
            keys = list(words)
            key_ids.update(zip(keys, range(first_id, first_id + len(keys)), strict=True))
        else:
            word_key = self._features.word_key
            for word in words:
                key = word_key(word)
                type_id = key_ids.get(key)
                if type_id is None:
                    type_id = key_ids[key] = first_id + len(keys)
                    keys.append(key)
                ids[word] = type_id
        if not keys:
            return
        self._type_keys += keys
        needed = first_id + len(keys)
        while needed > len(self._rows):
            self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
            self._bigram_ids = np.concatenate([self._bigram_ids, np.full_like(self._bigram_ids, -1)])
        number_of = self._feature_number.get
        parts = self._features.key_parts
        unknown = repeat(-1)
        numbers: list[int] = []  # the features of all the new types, one after the other
        ends: list[int] = []  # where each type's features end
        for key in keys:
            # A repeated attribute is gathered, and so counted, each time, as in crfsuite.
            numbers += map(number_of, parts(key), unknown)
            ends.append(len(numbers))
        word_id = self._bigram_word_id.get
        self._bigram_ids[first_id:needed] = [word_id(k, -1) for k in keys]
        feature = np.array(numbers, dtype=np.int64)
        type_of = np.repeat(np.arange(len(keys)), np.diff(np.array([0, *ends])))
        known = feature >= 0
        feature, type_of = feature[known], type_of[known]
        # Each feature's units, in one gather: unit k of feature f is _feature_units[start[f] + k].
        sizes = self._feature_size[feature]
        first_unit = np.cumsum(sizes) - sizes
        within = np.arange(int(sizes.sum())) - np.repeat(first_unit, sizes)
        unit = self._feature_units[np.repeat(self._feature_start[feature], sizes) + within]
        row, attr = np.divmod(unit, self._n_attrs)
        target = np.repeat(type_of, sizes) * (1 + len(_OFFSETS)) + row
        block = self._rows[first_id:needed].reshape(-1, len(self.labels))
        for label, weights in enumerate(self._weights_by_label):
            block[:, label] = np.bincount(target, weights=weights[attr], minlength=len(block))
        if self._dense_weights is not None:
            self._rows[first_id:needed, 0] += self._features.dense_values(keys) @ self._dense_weights

    def type_ids(self, sentences: Sequence[Sequence[str]], keyed: bool = False) -> list[int]:
        """The type id of each word of the sentences, concatenated (one id per word key: two
        spellings of a word, with and without diacritics, share it); new words get theirs.
        `keyed`: the sentences are given as word keys (`FeatureExtractor.word_key`), as a
        caller whose tokens carry them can: no key is worked out again."""
        ids_of = self._key_ids if keyed else self._ids
        flat = list(chain.from_iterable(sentences))
        found = list(map(ids_of.get, flat))
        if None in found:
            new = list(dict.fromkeys(compress(flat, map(is_, found, repeat(None)))))
            if len(ids_of) + len(new) > self.cache_limit:
                self._ids.clear()  # start the cache afresh rather than grow without bound
                self._key_ids.clear()
                self._type_keys.clear()
                new = list(dict.fromkeys(flat))
            self._add_types(new, keyed)
            found = list(map(ids_of.__getitem__, flat))
        return found  # type: ignore[return-value]  # (no None left)

    def emissions(self, sentences: Sequence[Sequence[str]], type_ids: Sequence[int] | None = None) -> np.ndarray:
        """State scores, (all positions of all sentences) x labels, sentences concatenated;
        `type_ids`: the sentences' `type_ids`, when the caller has them."""
        found = self.type_ids(sentences) if type_ids is None else type_ids
        total = len(found)
        idx = np.array(found, dtype=np.int64)
        lengths = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
        starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
        pos = np.arange(total) - starts  # position within its sentence
        left = np.repeat(lengths, lengths) - pos - 1  # words after it in its sentence
        gathered = self._rows[idx]  # (position, own + the four offsets, label)
        out = gathered[:, 0].copy()
        lent = np.empty_like(out)
        for row, off in enumerate(_OFFSETS, start=1):
            # What the word `off` places away lends to this position: its row, shifted.
            if off < 0:
                lent[-off:] = gathered[:off, row]
                outside = pos < -off
            else:
                lent[:-off] = gathered[off:, row]
                outside = left < off
            lent[outside] = self._pads[off]  # past the sentence: the padding features
            out += lent
        # Bigram weights, where both words occur in some weighted bigram.
        bigram = self._bigram_ids[idx]
        before = np.roll(bigram, 1)
        before[pos == 0] = self._start_id
        after = np.roll(bigram, -1)
        after[left == 0] = self._end_id
        self._add_bigrams(out, "bg-", before, bigram)
        self._add_bigrams(out, "bg+", bigram, after)
        return out

    def type_key(self, type_id: int) -> str:
        """The word key of a type id (`type_ids`)."""
        return self._type_keys[type_id]

    def _add_bigrams(self, out: np.ndarray, kind: str, first: np.ndarray, second: np.ndarray) -> None:
        """Add to each position the weights of its bigram (first, second word ids) of `kind`."""
        codes, vectors = self._bigram_tables[kind]
        where = np.flatnonzero((first >= 0) & (second >= 0))
        if not len(codes) or not len(where):
            return
        code = first[where] * self._bigram_words + second[where]
        at = np.searchsorted(codes, code)
        at[at == len(codes)] = 0
        hit = codes[at] == code
        out[where[hit]] += vectors[at[hit]]  # a position has one bigram of each kind

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """The best label sequence of each sentence (Viterbi). All the sentences given (an
        article's, or a group of articles') are decoded together, in blocks of similar
        length: each numpy step then serves many sentences, and padding stays bounded."""
        return self.tag_with_type_ids(sentences)[0]

    def tag_with_type_ids(self, sentences: Sequence[Sequence[str]], keyed: bool = False
                          ) -> tuple[list[list[str]], list[list[int]]]:
        """`tag_sentences`, and each sentence's `type_ids` (what an article-level pass over
        the labels compares words by); `keyed` as for `type_ids`."""
        if not sentences:
            return [], []
        lengths = [len(s) for s in sentences]
        if max(lengths) == 0:
            return [[] for _ in sentences], [[] for _ in sentences]
        ids = self.type_ids(sentences, keyed)
        flat = self.emissions(sentences, ids)
        offsets = np.cumsum([0, *lengths]).tolist()
        # Longest first, so that in a block the sentences still going at step t are a prefix.
        order = sorted(range(len(sentences)), key=lambda b: -lengths[b])
        labels = self.labels
        out: list[list[str]] = [[] for _ in sentences]
        for block in _blocks(order, lengths):
            paths = self._viterbi([flat[offsets[b]:offsets[b + 1]] for b in block])
            for b, path in zip(block, paths, strict=True):
                out[b] = [labels[k] for k in path[: lengths[b]].tolist()]
        return out, [ids[offsets[b]:offsets[b + 1]] for b in range(len(sentences))]

    def _viterbi(self, scores_by_sentence: list[np.ndarray]) -> np.ndarray:
        """Best paths (padded rows) of sentences given longest first, as state scores."""
        lengths = [len(s) for s in scores_by_sentence]
        n, width, n_labels = len(lengths), lengths[0], len(self.labels)
        alive = np.searchsorted(-np.array(lengths), -np.arange(width), side="left").tolist()  # len > t
        scores = np.zeros((n, width, n_labels))
        for row, rows in enumerate(scores_by_sentence):
            scores[row, : len(rows)] = rows
        back = np.zeros((width, n, n_labels), dtype=np.int64)
        delta = scores[:, 0].copy()
        last = np.zeros((n, n_labels))  # delta at each sentence's last word
        trans = self._trans[None, :, :]
        cand_buffer = np.empty((n, n_labels, n_labels))
        sentence_index, label_index = np.arange(n), np.arange(n_labels)[None, :]
        for t in range(1, width):
            m, ended = alive[t], alive[t - 1]
            if m < ended:
                last[m:ended] = delta[m:ended]
            cand = cand_buffer[:m]
            np.add(delta[:m, :, None], trans, out=cand)  # alive x from x to
            best_from = back[t, :m]
            cand.argmax(axis=1, out=best_from)
            # The maxima, read where the argmax found them (a gather costs less than a max).
            delta = cand[sentence_index[:m, None], best_from, label_index]
            delta += scores[:m, t]
        last[: alive[width - 1]] = delta
        # Backtrack all sentences together, each from its own last word.
        paths = np.zeros((n, width), dtype=np.int64)
        state = last.argmax(axis=1)
        for t in range(width - 1, -1, -1):
            m = alive[t]
            paths[:m, t] = state[:m]
            if t:
                state[:m] = back[t, sentence_index[:m], state[:m]]
        return paths


# Padded positions (sentences x longest length) one Viterbi block may hold: a few MB of
# scores and back-pointers, however long the longest sentence of the group.
_BLOCK_CELLS = 60_000


def _blocks(order: list[int], lengths: list[int]) -> list[list[int]]:
    """Cut sentences sorted longest first into blocks of at most _BLOCK_CELLS padded cells
    (empty sentences are left out: they have no labels to find)."""
    blocks: list[list[int]] = []
    for b in order:
        if not lengths[b]:
            break
        if blocks and (len(blocks[-1]) + 1) * lengths[blocks[-1][0]] <= _BLOCK_CELLS:
            blocks[-1].append(b)
        else:
            blocks.append([b])
    return blocks


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans, end exclusive. An I- without a matching open span
    starts a new one (conlleval's reading of IOB2 errors)."""
    spans: list[tuple[int, int, str]] = []
    start, kind, previous = -1, None, -2
    # Only the labels that are not "O" are read (most are "O"); an "O" between two of them
    # is seen as a gap in their positions.
    for i in compress(count(), map(ne, labels, repeat("O"))):
        bio, _, this = labels[i].partition("-")
        if kind is not None and (i != previous + 1 or bio != "I" or this != kind):
            spans.append((start, previous + 1, kind))
            kind = None
        if bio == "B" or (bio == "I" and kind is None):
            start, kind = i, this
        previous = i
    if kind is not None:
        spans.append((start, previous + 1, kind))
    return spans

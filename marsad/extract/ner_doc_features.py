"""Article-level features for the NER tagger: what the article says of a word elsewhere.

A linear-chain CRF reads one sentence, and news names a person after a title once
(الرئيس X) and alone later, a party after its head noun once and bare after. For a word
that may be a name (Arabic, three letters or more, no trigger word), each "dp:"/"dn:"
feature says that another occurrence of its stem in the same article stands right after /
right before a word with that trigger or gazetteer mark (a title, a place's head noun, a
gazetteer first name), and "dc=" that the article writes the stem two or three times or
more: context aggregation over a few marks (Ratinov & Roth 2009, CoNLL), not the labels of
a first pass. Training (scripts/train_ner.py), python-crfsuite's tagger and the compiled
one (marsad.extract.crf) all read them from `doc_matrix`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# The marks of a word (marsad.extract.ner_features) that its neighbours' article features
# carry: trigger kinds and gazetteer positions.
CONTEXT_MARKS = ("tr=PER", "tr=LOC", "tr=ORG", "gz=B-PER", "gz=I-PER", "gz=B-LOC", "gz=I-LOC",
                 "gz=B-ORG", "gz=I-ORG", "gz=B-MISC")
_MARK_BIT = {mark: 1 << i for i, mark in enumerate(CONTEXT_MARKS)}
_N_MARKS = len(CONTEXT_MARKS)
_SHIFTS = np.arange(2 * _N_MARKS, dtype=np.int64)  # a word's bits before, then after it
DOC_FEATURES = (*(f"dp:{m}" for m in CONTEXT_MARKS), *(f"dn:{m}" for m in CONTEXT_MARKS), "dc=2", "dc=3")
# The length shapes of an Arabic word of three letters or more (ner_features._shape).
_NAME_LENGTHS = frozenset({"len=3", "len=4-5", "len=6-8", "len=9+"})


def type_context(own: Sequence[str]) -> tuple[int, str | None]:
    """From a word type's own features: the bits of its CONTEXT_MARKS (what it tells its
    neighbours), and the stem its article features are gathered by (None: it gets none)."""
    bits, name_like, trigger, stem = 0, False, False, own[1][2:]  # own[1] is "w=<key>"
    for feature in own:
        bit = _MARK_BIT.get(feature)
        if bit:
            bits |= bit
        if feature in _NAME_LENGTHS:
            name_like = True
        elif feature.startswith("tr="):
            trigger = True
        elif feature.startswith("st="):
            stem = feature[3:]
    return bits, stem if name_like and not trigger else None


def doc_matrix(bits: np.ndarray, groups: np.ndarray, lengths: Sequence[int] | np.ndarray,
               articles: Sequence[int]) -> np.ndarray:
    """(positions x DOC_FEATURES) booleans for sentences given concatenated: `bits` and
    `groups` per position (its type's context bits and stem number, -1 for none),
    `lengths` the sentences' lengths, `articles` how many sentences each article has."""
    n = len(bits)
    out = np.zeros((n, len(DOC_FEATURES)), dtype=bool)
    take = np.flatnonzero(groups >= 0)
    if not len(take):
        return out
    length = np.asarray(lengths, dtype=np.int64)
    ends = np.cumsum(length)[length > 0]
    starts = ends - length[length > 0]
    before = np.roll(bits, 1)
    before[starts] = 0
    after = np.roll(bits, -1)
    after[ends - 1] = 0
    seen = (before | (after << _N_MARKS))[take]
    article = np.repeat(np.repeat(np.arange(len(articles)), articles), length)[take]
    _, group = np.unique(article * (int(groups.max()) + 1) + groups[take], return_inverse=True)
    # How many of each group's occurrences have each bit, all bits in one count.
    own = (seen[:, None] >> _SHIFTS) & 1
    cells = (group[:, None] * len(_SHIFTS) + _SHIFTS).ravel()
    counts = np.bincount(cells, weights=own.ravel(), minlength=(int(group.max()) + 1) * len(_SHIFTS))
    out[take, : len(_SHIFTS)] = counts.reshape(-1, len(_SHIFTS))[group] > own  # another occurrence has it
    count = np.bincount(group)[group]
    out[take, 2 * _N_MARKS] = count >= 2
    out[take, 2 * _N_MARKS + 1] = count >= 3
    return out


def article_doc_features(owns: Sequence[Sequence[str]], lengths: Sequence[int],
                         articles: Sequence[int]) -> list[list[str]]:
    """Each position's article features by name (python-crfsuite's rows), from each
    position's own features (`owns`), as `doc_matrix` finds them."""
    contexts = [type_context(own) for own in owns]
    numbers: dict[str, int] = {}
    groups = np.array([-1 if stem is None else numbers.setdefault(stem, len(numbers)) for _, stem in contexts],
                      dtype=np.int64)
    bits = np.array([b for b, _ in contexts], dtype=np.int64)
    matrix = doc_matrix(bits, groups, lengths, articles)
    return [[DOC_FEATURES[j] for j in np.flatnonzero(row)] for row in matrix]

"""The arithmetic of near-duplicate finding (`duplicates`): word and shingle hashes,
MinHash signatures and LSH band keys, as numpy arrays. Each is a function of one text
alone, so a doc's share of it can be computed wherever the doc is (`marsad batch` has
its workers do it); the finder only merges.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from marsad.arabic.tokenize import iter_tokens
from marsad.model import Token
from marsad.run.caching import TOKEN_CACHE_SIZE, WordCache

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SEED = 20210715



def _affine32_permutations() -> np.ndarray:
    """The permutations (2 x NUM_PERM, uint32: odd a, b) of datasketch's
    `MinHash(num_perm=NUM_PERM, seed=SEED)` (its default affine32 scheme), drawn the way it
    draws them; tests/test_duplicates.py checks. Importing datasketch costs 2.5 s of CPU
    (its LSH imports scipy.integrate), so only the reference `minhash` does."""
    draw = np.random.RandomState(SEED)
    a = draw.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    return np.array([a, draw.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)])


_PERMUTATIONS = _affine32_permutations()
_U64 = np.uint64
# Odd 64-bit constants of the shingle hash (a polynomial over word hashes, then
# splitmix64's finalizer): order-sensitive, so "أ ب ج" and "ج ب أ" differ.
_SHINGLE_BASE = _U64(0x9E3779B97F4A7C15)


def _word_hash(key: str) -> int:
    """A stable 64-bit hash of a word key (Python's hash() is salted per process, and the
    LSH bands must not change from one run to the next)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


# Word key -> `_word_hash`, looked up with a plain dict.get in C (every word of every article).
_WORD_HASHES: WordCache[str, int] = WordCache(TOKEN_CACHE_SIZE)


def word_keys(text: str) -> list[str]:
    return [t.key for t in word_tokens(iter_tokens(text))]


def word_tokens(tokens: Iterable[Token]) -> list[Token]:
    """The word tokens (punctuation left out): their match keys are what shingles are made of."""
    return [t for t in tokens if t.key[:1].isalnum()]


def word_hashes(keys: Sequence[str]) -> np.ndarray:
    return np.fromiter(_WORD_HASHES.get_many(keys, _word_hash), dtype=_U64, count=len(keys))


def shingle_hashes(keys: Sequence[str] | np.ndarray, k: int) -> np.ndarray:
    """The distinct k-word shingles of the words, each as a 64-bit hash, sorted (uint64).

    Shingles are hashed from their words' hashes in numpy instead of being joined into
    strings: on news text the strings cost five Python operations a token, this one. Two
    distinct shingles share a hash with odds of 2**-64, so Jaccard on these is exact in
    practice. Fewer than k words make one shingle of them all; none, none."""
    words = keys if isinstance(keys, np.ndarray) else word_hashes(keys)
    n = len(words)
    if n == 0:
        return np.empty(0, dtype=_U64)
    width = min(k, n)
    with np.errstate(over="ignore"):
        h = words[:n - width + 1].copy()
        for j in range(1, width):
            h = h * _SHINGLE_BASE + words[j:n - width + 1 + j]
        return _sorted_distinct(_mix64(h))


def _sorted_distinct(values: np.ndarray) -> np.ndarray:
    """`np.unique` of a 1-d array, by a sort and a neighbour test: numpy 2's `unique` hashes
    first, four times slower on an article's few hundred shingles."""
    values = np.sort(values)
    if values.size < 2:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _mix64(h: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: spreads the polynomial's bits over the whole word."""
    with np.errstate(over="ignore"):
        h = (h ^ (h >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
        h = (h ^ (h >> _U64(27))) * _U64(0x94D049BB133111EB)
        return h ^ (h >> _U64(31))


def _fold32(h: np.ndarray) -> np.ndarray:
    """A shingle hash folded to the 32 bits the MinHash permutations take."""
    return ((h >> _U64(32)) ^ h).astype(np.uint32)


def minhash(hashes: np.ndarray) -> MinHash:
    """datasketch's MinHash of a shingle-hash set (the reference `signatures` must equal)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=lambda b: int.from_bytes(b, "little"),
                 permutations=_PERMUTATIONS, scheme="affine32")
    mh.update_batch([int(x).to_bytes(4, "little") for x in _fold32(hashes)])
    return mh


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard of two sorted distinct hash arrays."""
    if not a.size or not b.size:
        return 0.0
    inter = int(np.intersect1d(a, b, assume_unique=True).size)
    return inter / (a.size + b.size - inter)


def bands_and_rows(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows): generous, since every candidate is checked exactly afterwards.

    Short paragraphs give noisy MinHash estimates (a reworded pair with exact Jaccard 0.47
    was estimated at 0.34 and missed by datasketch's own 28x2 banding for threshold 0.2).
    64 bands of 2 rows propose a pair at estimated 0.3 with probability 0.9997; 32 bands of
    4 rows propose one at 0.6 with probability 0.98 (1 - (1 - s**r)**b).
    """
    return (64, 2) if threshold < 0.5 else (32, 4)


def signatures(units: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures (units x NUM_PERM, uint32) of many shingle-hash sets at once: the
    values datasketch's `MinHash.update_batch` gives (affine32 scheme, the same
    permutations; tests/test_duplicates.py checks), without a Python object per unit —
    datasketch's per-object path costs about 1 ms a unit, minutes on a year of news."""
    out = np.full((len(units), NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    a, b = _PERMUTATIONS
    for row, unit in enumerate(units):
        # One unit at a time, into one buffer: the units of one call are a doc's (one
        # text, or its paragraphs), and grouping them cost more in bookkeeping (np.repeat,
        # reduceat) than it saved; 1,000 SaudiNewsNet docs 0.76-0.83 -> 0.52-0.57 CPU s.
        for begin in range(0, len(unit), 50_000):  # bounded memory: 50,000 x 128 at a time
            permuted = np.multiply(_fmix32(_fold32(unit[begin:begin + 50_000]))[:, None], a)
            np.add(permuted, b, out=permuted)  # uint32 arithmetic: the wrap-around is the modulo 2^32
            np.minimum(out[row], permuted.min(axis=0), out=out[row])
    return out


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies first."""
    with np.errstate(over="ignore"):
        hv = hv ^ (hv >> np.uint32(16))
        hv = hv * np.uint32(0x85EBCA6B)
        hv = hv ^ (hv >> np.uint32(13))
        hv = hv * np.uint32(0xC2B2AE35)
        return hv ^ (hv >> np.uint32(16))


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Each signature's LSH band keys (units x bands, int64): a band's number and its `rows`
    values hashed into one integer, so that two units share a key when they agree on all
    the band's values, as in datasketch's MinHashLSH (and, with odds of 2**-64, by chance:
    every proposed pair is checked on its exact Jaccard anyway)."""
    h = np.broadcast_to(np.arange(bands, dtype=_U64)[None, :], (len(sigs), bands)).copy()
    values = sigs[:, :bands * rows].reshape(len(sigs), bands, rows).astype(_U64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            h = _mix64(h * _SHINGLE_BASE + values[:, :, r])
    return h.view(np.int64)


"""Keys that bring together the spellings of a foreign name written in Arabic letters.

"ماكغورك" / "ماجورك" / "ماكجورك" (g as غ, ج, ك, ق, or كغ), "ترامب" / "ترمب" (optional long
vowels), "بوتين" / "بوتن": the skeleton keeps the consonant frame and maps letters that
render one foreign sound to one class. Hand-written: no library knows Arabic
transliteration habits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from marsad.arabic.normalize import match_key
from marsad.run.caching import LRU_WORD_CACHE_SIZE

# Letter classes for sounds foreign names spell in several ways.
_CLASSES = (
    (re.compile("كغ|كج|غ|ج|ق|گ"), "K"),   # g: ماكغورك / ماجورك / ماكجورك
    (re.compile("ك"), "K"),
    (re.compile("[تط]"), "T"),          # t: تولر / طولر
    (re.compile("[سص]"), "S"),          # s
    (re.compile("[زذظ]"), "Z"),         # z
    (re.compile("[دض]"), "D"),          # d
    (re.compile("[ثس]"), "S"),
    (re.compile("[فڤ]"), "F"),          # v
    (re.compile("[بپ]"), "B"),          # p
)
_LONG_VOWELS = re.compile("(?<=.)[اويى]")  # long vowels after the first letter are optional
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)  # linking asks it of every name of every article
def skeleton(name: str) -> str:
    """A coarse key: consonant frame with letter classes, article kept off, per word."""
    words = []
    for word in match_key(name).split():
        word = word[2:] if word.startswith("ال") and len(word) > 4 else word
        word = word.replace("ه", "").replace("ة", "") if len(word) > 3 else word
        for pattern, cls in _CLASSES:
            word = pattern.sub(cls, word)
        word = _LONG_VOWELS.sub("", word)
        word = _REPEATS.sub(r"\1", word)
        if word:
            words.append(word)
    return " ".join(words)


def name_similarity(a: str, b: str) -> float:
    """0..100: how alike two names are once transliteration variants are folded."""
    ka, kb = skeleton(a), skeleton(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 100.0
    return float(fuzz.ratio(ka, kb))

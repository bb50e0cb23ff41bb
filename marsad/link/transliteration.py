"""Keys that bring together the spellings of a foreign name written in Arabic letters.

"ماكغورك" / "ماجورك" / "ماكجورك" (g as غ, ج, ك, ق, or كغ), "ترامب" / "ترمب" (optional long
vowels), "بوتين" / "بوتن": the skeleton keeps the consonant frame and maps letters that
render one foreign sound to one class. Hand-written: no library knows Arabic
transliteration habits; the alignment of two spellings is rapidfuzz's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import word_frequencies
from marsad.run.caching import LRU_WORD_CACHE_SIZE

# Letter classes for sounds foreign names spell in several ways, as one translation table:
# every letter of a class becomes its Latin capital, which no other class touches, so one
# `str.translate` gives what a substitution per class gave, one after the other (linking
# makes the skeleton of every distinct name: the substitutions were a tenth of its time).
_CLASS_LETTERS = (
    ("غجقگك", "K"),  # g: ماكغورك / ماجورك / ماكجورك, and ك
    ("تط", "T"),     # t: تولر / طولر
    ("سصث", "S"),    # s
    ("زذظ", "Z"),    # z
    ("دض", "D"),     # d
    ("فڤ", "F"),     # v
    ("بپ", "B"),     # p
)
_CLASSES = str.maketrans({letter: cls for letters, cls in _CLASS_LETTERS for letter in letters})
# g written with two letters (كغ, كج) is one sound: one class letter, before the table.
_TWO_LETTER_G = ("كغ", "كج")


def _fold_classes(word: str, table: dict[int, str]) -> str:
    for spelling in _TWO_LETTER_G:
        word = word.replace(spelling, "K")
    return word.translate(table)


_LONG_VOWELS = re.compile("(?<=.)[اويى]")  # long vowels after the first letter are optional
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)  # linking asks it of every name of every article
def skeleton(name: str) -> str:
    """A coarse key: consonant frame with letter classes, article kept off, per word."""
    words = []
    for word in match_key(name).split():
        word = word[2:] if word.startswith("ال") and len(word) > 4 else word
        word = word.replace("ه", "").replace("ة", "") if len(word) > 3 else word
        word = _fold_classes(word, _CLASSES)
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


# --- Whether two spellings are one name ---------------------------------------------------

_VOWEL_LETTERS = frozenset("اوي")
# A long vowel written in one spelling and not the other (بوتين / بوتن, نتنياهو / نتانياهو)
# is a transliteration variant only in words this long: in shorter ones it makes another
# name (حسن / حسين, سعد / سعيد).
MIN_VOWEL_VARIANT_LETTERS = 4
# ...and only when one of the two spellings is uncommon: two spellings that SaudiNewsNet
# both uses over 100 times are two names (سلمان 4,769 / سليمان 829), while press variants
# have a rare side (نتانياهو 31, ترمب 39, بوتن under 20).
COMMON_SPELLING = 100


# The classes a spelling comparison folds: those of the skeleton less ق, which in Arabic
# words is its own letter (القرية is not الكورية).
_SPELLING_CLASSES = {letter: cls for letter, cls in _CLASSES.items() if letter != ord("ق")}


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _classed(word: str) -> str:
    """A word with the letters of one foreign sound made one class, long vowels kept."""
    return _fold_classes(word, _SPELLING_CLASSES)


def _consonants(classed: str) -> str:
    return classed[:1] + "".join(c for c in classed[1:] if c not in _VOWEL_LETTERS)


def _vowels(classed: str) -> list[str]:
    return sorted(c for c in classed[1:] if c in _VOWEL_LETTERS)


def words_agree(a: str, b: str) -> bool:
    """Whether two words (match keys) are spellings of one name: the same letters once
    transliteration classes are folded (ماكغورك / ماجورك, غوغل / جوجل), the same letters with
    the long vowels in other places (أمريكا / أميركا), or one long vowel added inside a
    foreign name (ترمب / ترامب) where `MIN_VOWEL_VARIANT_LETTERS` and `COMMON_SPELLING` allow.
    An ending added is never a variant (الأحمد / الأحمدي, إيران / إيرانيا), nor a letter
    changed (سوريا / سويسرا, الدمام / دوما, سعيد / سعود), nor a vowel added to an Arabic
    word with the article (السلمي / السالمي)."""
    if a == b:
        return True
    ca, cb = _classed(a), _classed(b)
    if ca == cb:
        return True
    if _consonants(ca) != _consonants(cb) or ca[-1:] != cb[-1:]:
        return False
    if _vowels(ca) == _vowels(cb):
        return True  # the same long vowels in other places
    short, long = sorted((ca, cb), key=len)
    if (len(long) != len(short) + 1 or len(short) < MIN_VOWEL_VARIANT_LETTERS or short.startswith("ال")
            or _both_common(a, b)):
        return False
    # Inside the word: not at its start, not at its end, and not before a final ة or ا (سوسة /
    # سوسية, هولندا / هولنديا: a place and its adjective or adverb).
    last_inside = len(long) - (2 if long.endswith(("ه", "ا")) else 1)
    ops = Levenshtein.editops(short, long)
    return all(op.tag == "insert" and long[op.dest_pos] in _VOWEL_LETTERS and 0 < op.dest_pos < last_inside
               for op in ops)


def _both_common(a: str, b: str) -> bool:
    counts, _ = word_frequencies()
    return counts.get(a, 0) >= COMMON_SPELLING and counts.get(b, 0) >= COMMON_SPELLING


def article_is_written(word: str) -> bool:
    """Whether a name with the article is one the press writes so, its bare form rare
    (الموصل 258 / موصل 9, القاهرة / قاهرة): then the bare form is that name too. Not where the
    bare form is a word of its own (الخبر / خبر, العين / عين)."""
    if not word.startswith("ال") or len(word) <= 4:
        return False
    counts, _ = word_frequencies()
    return counts.get(word, 0) >= COMMON_SPELLING and counts.get(word[2:], 0) < COMMON_SPELLING


def spellings_agree(a: str, b: str, article_matters: bool = False) -> bool:
    """Whether two names (match keys) are spellings of one name, word by word (`words_agree`).
    A place's article may be left off where the press writes the name with it
    (`article_is_written`); a family name's always counts (الأحمد is not أحمد)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return all(words_agree(x, y) or (not article_matters and _agree_without_article(x, y))
               for x, y in zip(wa, wb, strict=True))


def _agree_without_article(x: str, y: str) -> bool:
    if x.startswith("ال") == y.startswith("ال"):
        return False
    with_article, bare = (x, y) if x.startswith("ال") else (y, x)
    # One difference at a time: the article, or a transliteration class (not a vowel too:
    # الموصل / موصول).
    return article_is_written(with_article) and _classed(with_article[2:]) == _classed(bare)

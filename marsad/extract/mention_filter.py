"""Mentions that are not named entities, and words at a mention's edges that are not names.

The tagger follows ANERcorp, where currencies and الله are MISC; an analyst reading the
entity list wants neither, nor a generic noun (مدينة), a field of study (علم النفس), an event
noun in front of a name (مقتل سليماني), a generic noun in front of a place (قاعدة عين الأسد),
a word or an honorific after one (أحمد عبد الملك بعنوان, الأمير نايف رحمه الله), a title
before a person's name (للمخرج يحيى العبد الله), nor a word
written with tanwin (دومًا, "always", is not Douma: a name takes none). The word lists are
marsad/data/ner_not_entities.tsv.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, word_frequencies
from marsad.arabic.words import key_table
from marsad.model import Mention
from marsad.run.caching import LRU_WORD_CACHE_SIZE

NOT_ENTITIES_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_not_entities.tsv"
_WORD = re.compile(r"\S+")
_DROP_KINDS = frozenset({"deity", "currency", "field", "generic", "honorific"})
_TRAILING_KINDS = frozenset({"trailing", "honorific"})
# Honorific phrases run to four words (صلى الله عليه وسلم); longest first.
_TRAILING_WORDS = (4, 3, 2, 1)
# "i-" as Arabic copy writes a product line's name (آي فون, آي باد), never a person's first word.
_PRODUCT_PREFIX = "آي "
# Tanwin (an indefinite ending: دومًا, حقاً, سعيدٌ) is written on common words, never on a name.
_TANWIN = re.compile("[\u064b-\u064d]")


@lru_cache(maxsize=1)
def load_not_entities(path: Path = NOT_ENTITIES_FILE) -> dict[str, str]:
    """Match key of a word or phrase -> its kind (deity, currency, field, generic, event, trailing)."""
    return key_table(path)


def _kind(text: str, lists: dict[str, str]) -> str | None:
    """The kind of a word or phrase, read through a glued conjunction or preposition (والله)."""
    key = match_key(text)
    found = lists.get(key)
    if found or " " in key:
        return found
    for _, stem in clitic_candidates(key)[1:]:
        found = lists.get(stem)
        # A generic noun must be the whole word: المدينة (Medina) is not ال + مدينة.
        if found and found != "generic":
            return found
    return None


def clean_mention(mention: Mention) -> Mention | None:
    """The mention without leading event nouns and trailing non-name words, or None when
    what is left is not a named entity. Offsets stay those of the article's text."""
    kept = _kept_span(mention.text)
    if kept is None:
        return None
    first, last, stripped_event = kept
    if mention.type == "PER" and mention.text.startswith(_PRODUCT_PREFIX):
        return replace(mention, type="MISC")  # آي فون, آي باد: a product line, not a person
    if mention.type == "PER":
        person = _person_span(mention.text, first, last)
        if person is None:
            return None
        first, last = person
    # An event is MISC in ANERcorp; the name left once its event noun is gone is not.
    if stripped_event and mention.type == "MISC":
        return None
    if (first, last) == (0, len(mention.text)):
        return mention
    return replace(mention, start=mention.start + first, end=mention.start + last, text=mention.text[first:last])


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _person_span(text: str, first: int, last: int) -> tuple[int, int] | None:
    """(first, last) of a person's name within `text[first:last]`, or None where what is
    left names no one. Cached, as `_kept_span`: the same names come back again and again."""
    # A title or a profession before a person's name is not part of it (للمخرج, العماد).
    lists = load_not_entities()
    while (space := text.find(" ", first, last)) > 0 and _kind(text[first:space], lists) == "title":
        first = space + 1
    if _kind(text[first:last], lists) == "title":
        return None
    # "عبد العزيز الجهني كمدرب": ك + a role, "as coach", ends no one's name.
    if (space := text.rfind(" ", first, last)) > first and _as_a_role(text[space + 1:last]):
        last = space
    elif space < first and _as_a_role(text[first:last]):
        return None
    return first, last


_RARE_WHOLE = 100  # SaudiNewsNet writes the word with its ك fewer times than this ...
_COMMON_BARE = 500  # ... and the word without it at least this often: كمدرب, كمساعد; not كريم, كامل


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _as_a_role(word: str) -> bool:
    """ك ("as") glued to a common noun: كمدرب, كإداري, كمشرف, which no name is."""
    key = match_key(word)
    if not key.startswith("ك") or len(key) < 5:  # not كاين, كولو: "اين", "ولو" are function words
        return False
    counts = word_frequencies()[0]
    return counts.get(key, 0) < _RARE_WHOLE and counts.get(key[1:], 0) >= _COMMON_BARE


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _kept_span(text: str) -> tuple[int, int, bool] | None:
    """(start, end) of what a mention's text keeps, and whether a leading event noun went;
    None when nothing is left or what is left is not a named entity. Cached: the same
    names come back again and again."""
    lists = load_not_entities()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if len(words) == 1 and _TANWIN.search(text):
        return None
    while words and (n := _trailing_words(text, words, lists)):
        del words[-n:]
    stripped_event = False
    while words and _kind(text[words[0][0]:words[0][1]], lists) == "event":
        words.pop(0)
        stripped_event = True
    # "وقاعدة عين الأسد" is the place عين الأسد; "القاعدة" alone (al-Qaeda) is no head noun.
    while len(words) > 1 and _is_head(text[words[0][0]:words[0][1]], lists):
        words.pop(0)
    if not words:
        return None
    first, last = words[0][0], words[-1][1]
    if _kind(text[first:last], lists) in _DROP_KINDS:
        return None
    return first, last, stripped_event


def _is_head(word: str, lists: dict[str, str]) -> bool:
    """Whether a word is a generic head noun in front of a place's name (قاعدة, وقاعدة;
    not with the article: القاعدة is also al-Qaeda)."""
    key = match_key(word)
    return any(lists.get(stem) == "head" for prefix, stem in clitic_candidates(key) if not prefix.endswith("ال"))


def _trailing_words(text: str, words: list[tuple[int, int]], lists: dict[str, str]) -> int:
    """How many of the last words are a trailing word or an honorific phrase (0: none).
    A one-word honorific or deity never trails: الله ends عبد الله."""
    for n in _TRAILING_WORDS:
        if n > len(words):
            continue
        last_words = text[words[-n][0]:words[-1][1]]
        if last_words.endswith("علي"):
            continue  # the name علي, not the preposition على: their match keys are one
        kind = lists.get(match_key(last_words))
        if kind == "trailing" or (kind == "honorific" and n > 1):
            return n
    return 0

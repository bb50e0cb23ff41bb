"""The word beside a one-word person mention, where it says whose name the mention is part of.

The tagger often takes one word of a name: "مشاعل [الحسين]", "إيد [رويس]", "[وعبدالعزيز] فلاته",
"ودي [ميستورا]". Such a mention is not the bare surname or first name of whoever else the
article or the corpus names with that word (عبدالله الحسين of another article, ماركو رويس, طارق
عبدالعزيز of the same list): it joins only a person whose name holds the word beside it ("جمال
[اليافعي]", one of two اليافعي in its article; "أدلوف [هتلر]", the أدولف هتلر of another).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import is_whole_word, word_frequencies
from marsad.extract.ner_features import load_clusters
from marsad.extract.roles import function_words, role_first_words
from marsad.link.names import gazetteer_type
from marsad.link.short_forms import SURNAME_PARTICLES
from marsad.link.transliteration import words_agree
from marsad.model import Mention

# A word before a mention is a name's where the corpus opens a full person name with it and
# the word clusters learnt from SaudiNewsNet put it with the given names (those of محمد and
# جمال: فهد, عماد, طارق), or never saw it (a rare spelling); a word after a given name where
# it is in those clusters and news writes it fewer times than this (فلاته). Not the rare
# inflected words of news (سيشهد, بالانتقال, مبقيا), nor a title: a word taken for a name
# keeps a mention from its person, and most words beside a name are no name.
RARE_WORD = 100
_WORD_BEFORE = re.compile(r"([\u0621-\u064a\u064b-\u065f]+) +$")  # spaces only between: no comma, no quote
_WORD_AFTER = re.compile(r"^ +([\u0621-\u064a\u064b-\u065f]+)")
_CONTEXT = 30  # characters looked at on each side
_PROCLITICS = ("وب", "ول", "وال", "بال", "لل", "و", "ف", "ب", "ل", "ك", "س")
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "كم", "ته", "ني")


def name_words_beside(text: str, mention: Mention, spans: Sequence[tuple[int, int]],
                      is_given_name: Callable[[str], bool]) -> tuple[str, ...]:
    """The words (match keys) beside a one-word person mention that belong to its name: the
    word before, a given name or a family name's particle (دي، أبو); and, where the mention
    is itself a given name, a rare word after it (its family name). `spans`: the article's
    mentions, whose words are theirs; `is_given_name`: the corpus's first names."""
    words = []
    before = _WORD_BEFORE.search(text[max(0, mention.start - _CONTEXT):mention.start])
    if before and not _covered(spans, mention.start - len(before.group(0)), mention.start):
        key = _without_conjunction(match_key(before.group(1)))
        if key in SURNAME_PARTICLES or (_may_name(key) and is_given_name(key) and _name_like(key)):
            words.append(key)
    after = _WORD_AFTER.search(text[mention.end:mention.end + _CONTEXT])
    if after and is_given_name(_without_conjunction(match_key(mention.text.strip()))) \
            and not _covered(spans, mention.end, mention.end + len(after.group(0))):
        key = match_key(after.group(1))
        if key == _without_conjunction(key) and _may_name(key) and _rare(key) and _in_given_names_clusters(key):
            words.append(key)
    return tuple(words)


def holds_word(key: str, word: str) -> bool:
    """Whether a name (match key) holds a word, in a spelling of it (أدلوف / أدولف) or with a
    compound's space left out (أبوبكر of "أبو بكر")."""
    words = key.split()
    return any(words_agree(word, w) for w in words) or any(a + b == word for a, b in pairwise(words))


def holds_all(keys: Iterable[str], words: Iterable[str]) -> bool:
    """Whether some name of `keys` holds each of `words`."""
    names = list(keys)
    return all(any(holds_word(k, w) for k in names) for w in words)


def _may_name(key: str) -> bool:
    """Not the article's word (الرئيس), a function word, a role's opening, a place (بمدينة
    جدة) or a letter (م.)."""
    return (len(key) >= 2 and not key.startswith("ال") and key not in function_words()
            and key not in role_first_words() and gazetteer_type(key) in (None, "PER"))


def _rare(key: str) -> bool:
    return word_frequencies()[0].get(key, 0) < RARE_WORD


def _name_like(key: str) -> bool:
    """In a given names' word cluster, or a word the clusters never saw that bears no clitic."""
    if key not in load_clusters():
        return not key.endswith(_PRONOUN_ENDINGS) and not _glued(key)
    return _in_given_names_clusters(key)


def _in_given_names_clusters(key: str) -> bool:
    return load_clusters().get(key, ())[1:2] in _given_names_clusters()


@lru_cache(maxsize=1)
def _given_names_clusters() -> tuple[tuple[str, ...], ...]:
    """The middle-sized word clusters of محمد and جمال (marsad/data/ner_word_clusters.tsv.gz)."""
    clusters = load_clusters()
    return tuple(clusters.get(match_key(name), ())[1:2] for name in ("محمد", "جمال"))


def _glued(key: str) -> bool:
    """A word with a preposition or conjunction glued on (لحمزة, بالدعوة)."""
    return any(key.startswith(p) and len(key) - len(p) >= 2 and not is_whole_word(key, key[len(p):])
               for p in _PROCLITICS)


def _without_conjunction(key: str) -> str:
    """"ودي" -> دي, "وعبدالعزيز" -> عبدالعزيز; not "وليد" (a word of its own)."""
    if len(key) > 2 and key[0] in "وف" and not is_whole_word(key, key[1:]):
        return key[1:]
    return key


def _covered(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether another mention covers part of [start, end)."""
    return any(s < end and start < e for s, e in spans)

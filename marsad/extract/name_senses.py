"""Names that are also common nouns: القاعدة is al-Qaeda, or a base, a rule, a tax base.

The tagger learnt القاعدة as an organisation and the gazetteer lists it, so every base an
article wrote of became al-Qaeda, and then an event's actor. What tells the two apart is in
the article: a definite feminine adjective after the word (القاعدة العسكرية), a word before
it that only the noun takes (هذه القاعدة, داخل القاعدة), quotes (a name: «القاعدة»), and
which sense the article last made explicit before it: the noun written without the article
(قاعدة التاجي, القواعد) or the name after a head word (تنظيم القاعدة); and a word after it
that only the common word takes (ساري المفعول, "in force", is not Sari). The words are
marsad/data/ner_noun_senses.tsv.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, split_clitics
from marsad.arabic.words import table_rows
from marsad.model import Mention, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE

NOUN_SENSES_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_noun_senses.tsv"
_OPENING_QUOTES = frozenset('«"“')


@dataclass(frozen=True)
class NounSense:
    nouns: frozenset[str]  # match keys of the noun without the article, and its plural
    heads: frozenset[str]  # words before the name that make it the name
    before: frozenset[str]  # words before it that make it the noun
    after: frozenset[str] = frozenset()  # words right after it that make it the common word


def _keys(cell: str) -> frozenset[str]:
    return frozenset(match_key(word) for word in cell.split("|") if word.strip())


@lru_cache(maxsize=1)
def load_noun_senses(path: Path = NOUN_SENSES_FILE) -> dict[str, NounSense]:
    """Match key of a name -> what makes it the common noun."""
    return {match_key(row[0]): NounSense(_keys(row[1]), _keys(row[2]), _keys(row[3]),
                                         _keys(row[4]) if len(row) > 4 else frozenset())
            for row in table_rows(path, 4)}


def _stems(key: str) -> set[str]:
    """The word and what is left of it once glued conjunctions and prepositions are off."""
    return {stem for _, stem in clitic_candidates(key)}


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _name_words(text: str) -> tuple[str, ...]:
    """A mention's words as match keys, a preposition glued to the first one's article off
    (للقاعدة, بالقاعدة -> القاعدة). Cached: every mention of every article is asked about,
    and names repeat."""
    words = match_key(text).split(" ")
    prefix, stem = split_clitics(words[0])
    if prefix.endswith(("ال", "لل")):
        words[0] = "ال" + stem
    return tuple(words)


def _is_definite_feminine_adjective(key: str) -> bool:
    return key.startswith("ال") and key.endswith("ه") and len(key) > 4


def without_noun_senses(mentions: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
    """The mentions less those of a listed name that the article uses as the common noun.
    `tokens`: the article's tokens in order (the mentions' offsets fall on them)."""
    senses = load_noun_senses()
    hits = [(m, words) for m in mentions if (words := _name_words(m.text))[0] in senses]
    if not hits:
        return mentions
    starts = [t.start for t in tokens]
    dropped = set()
    marks: dict[str, list[tuple[int, bool]]] = {}
    for mention, words in hits:
        name, sense = words[0], senses[words[0]]
        at = bisect_right(starts, mention.start) - 1
        after = tokens[at + 1].key if at + 1 < len(tokens) else ""
        # "القاعدة الجوية" tagged as one name is the noun too; other longer names are others'.
        if len(words) > 1 and not (len(words) == 2 and _is_definite_feminine_adjective(words[1])):
            continue
        before = _stems(_word_before(tokens, at))
        if before & sense.heads:
            continue
        if name not in marks:
            marks[name] = _sense_marks(name, sense, tokens)
        if _is_definite_feminine_adjective(after) or before & sense.before or after in sense.after:
            dropped.add(id(mention))
        # A name in quotes is a name («القاعدة»); else the sense the article made explicit last.
        elif not _is_quoted(tokens, at) and _last_mark_is_noun(marks[name], at):
            dropped.add(id(mention))
    return [m for m in mentions if id(m) not in dropped]


def _word_before(tokens: Sequence[Token], at: int) -> str:
    """The key of the word before token `at`, over an opening quote (تنظيم «القاعدة»)."""
    for token in reversed(tokens[max(0, at - 2):at]):
        if token.key[:1].isalpha():
            return token.key
    return ""


def _sense_marks(name: str, sense: NounSense, tokens: Sequence[Token]) -> list[tuple[int, bool]]:
    """(token index, whether it is the noun) of every place the article says which sense it
    means: the noun written bare (قاعدة التاجي), its plural (القواعد) or the name after a
    head word (تنظيم القاعدة)."""
    marks = []
    bare_name = name[2:]
    for i, token in enumerate(tokens):
        stems = _stems(token.key)
        if name in stems and _stems(_word_before(tokens, i)) & sense.heads:
            marks.append((i, False))
        # The noun with the article is the name's own spelling, ambiguous; its plural
        # (هذه القواعد) is not.
        elif (stems | {token.stem}) & sense.nouns and not (
                token.prefix.endswith(("ال", "لل")) and token.stem == bare_name):
            marks.append((i, True))
    return marks


def _last_mark_is_noun(marks: list[tuple[int, bool]], at: int) -> bool:
    """Whether the sense last made explicit before token `at` is the noun: "قاعدة التاجي ...
    إن القاعدة لم تتضرر" is the base. With none before, the tagger's name stands."""
    before = [is_noun for i, is_noun in marks if i < at]
    return bool(before) and before[-1]


def _is_quoted(tokens: Sequence[Token], at: int) -> bool:
    return at > 0 and tokens[at - 1].text in _OPENING_QUOTES

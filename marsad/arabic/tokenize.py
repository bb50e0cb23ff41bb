"""Tokens, sentences and clitics, all with character offsets into the clean text.

Hand-written because the Arabic-specific parts (proclitics glued to words, "لـ" with a
tatweel, abbreviations such as أ.ف.ب that contain dots) are what general tokenizers get
wrong, and a regex pass is fast enough for the throughput targets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.model import Doc, Sentence, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE, TOKEN_CACHE_SIZE, WordCache

_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ffA-Za-z"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640"
# A word: letters with diacritics/tatweel; dotted single-letter abbreviations (أ.ف.ب, U.S)
# stay whole.
# A number: digits with thousands/decimal separators (3,500  2.5  ٣٬٥٠٠  ٢٫٥).
TOKEN_RE = re.compile(
    rf"(?<![{_LETTER}])[{_LETTER}][{_MARKS}]*(?:\.[{_LETTER}][{_MARKS}]*)+(?![{_LETTER}])"
    rf"|[{_LETTER}{_MARKS}]+"
    r"|[0-9٠-٩۰-۹]+(?:[.,٬٫][0-9٠-٩۰-۹]+)*"
    r"|\S"
)

# Sentence ends: . ! ? ؟ and … ; a newline always ends a sentence (paragraphs).
_SENT_END = re.compile(r"[.!?؟…]+[\"'”»)\]]*(?=\s|$)|\n+")
# A dot after these does not end a sentence (titles and initials).
_ABBREVIATIONS = frozenset({"د", "م", "ص", "ج", "ق", "ه", "هـ", "أ", "ا", "Mr", "Dr", "St"})

# Proclitic sequences, longest first. Keys are in match-key form (alef unified).
_DEFINITE = ("ال",)
_PROCLITIC_WITH_ARTICLE = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
# The same as a set: a token's prefix that carries the article (والحرس, للمحكمة, فبالبنك).
ARTICLE_PREFIXES = frozenset(_PROCLITIC_WITH_ARTICLE)
_SINGLE_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def split_clitics(key: str) -> tuple[str, str]:
    """Conservative split of a match key into (proclitics, stem).

    Only prefixes that end in the article (وال، بال، لل، ال ...) are removed, since a lone
    و/ب/ل can be part of the word (وزير، بغداد، لبنان). Use `clitic_candidates` when a
    lexicon can decide.
    """
    # Every such prefix has "ال" within its first four letters or "لل" within its first three.
    if "ال" not in key[:4] and "لل" not in key[:3]:
        return "", key
    for prefix in _PROCLITIC_WITH_ARTICLE:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            return prefix, key[len(prefix):]
    return "", key


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def clitic_candidates(key: str) -> tuple[tuple[str, str], ...]:
    """Every plausible (prefix, stem) split of a match key, the unsplit form first.

    "وبغداد" -> (("", "وبغداد"), ("و", "بغداد"), ("وب", "غداد")). A caller with a lexicon
    picks the first stem it knows. Stems shorter than two letters are not offered.
    """
    out: list[tuple[str, str]] = [("", key)]
    seen = {key}

    def add(prefix: str, stem: str) -> None:
        if len(stem) >= 2 and stem not in seen:
            seen.add(stem)
            out.append((prefix, stem))

    conj = ""
    rest = key
    for first in ("و", "ف"):
        if rest.startswith(first):
            conj, rest = first, rest[1:]
            add(conj, rest)
            break
    for prep in ("ب", "ل", "ك"):
        if rest.startswith(prep):
            if prep == "ل" and rest.startswith("لل"):
                add(conj + "لل", rest[2:])
                add(conj + "لل", "ال" + rest[2:])
            add(conj + prep, rest[1:])
            rest_after = rest[1:]
            if rest_after.startswith("ال"):
                add(conj + prep + "ال", rest_after[2:])
            break
    if rest.startswith("ال"):
        add(conj + "ال", rest[2:])
    return tuple(out)


WORD_FREQUENCIES_FILE = Path(__file__).resolve().parent / "lexicon" / "word_frequencies.tsv"
# A glued proclitic is real when the bare word is far more frequent than the word with it:
# on SaudiNewsNet و/ب/ل + a name is at most 0.19 of the bare name (ولبنان/لبنان, وسوريا/سوريا
# 0.13, وواشنطن 0.07), while words that only look so are more frequent than their "stem"
# (كريم/ريم 4.8, كامل/امل 2.7, باسم/اسم 2.2, فيصل/يصل 1.8). 0.5 sits between the two.
WHOLE_WORD_RATIO = 0.5


@lru_cache(maxsize=1)
def word_frequencies() -> tuple[dict[str, int], frozenset[str]]:
    """(match key -> count in SaudiNewsNet, one-word gazetteer names) from the shipped list
    (scripts/build_word_frequencies.py)."""
    counts: dict[str, int] = {}
    names: set[str] = set()
    with WORD_FREQUENCIES_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("word\t"):
                continue
            word, count, gazetteer = line.rstrip("\n").split("\t")
            counts[word] = int(count)
            if gazetteer == "1":
                names.add(word)
    return counts, frozenset(names)


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def is_whole_word(key: str, stem: str) -> bool:
    """Whether `key` is a word of its own rather than proclitics glued to `stem`: a known
    one-word name (بشار, not ب + شار), or a word about as frequent as the stem or more
    (كريم is not ك + ريم, كامل not ك + امل). A word too rare to be listed is cut as before."""
    counts, names = word_frequencies()
    if key in names:
        return True
    whole = counts.get(key, 0)
    return whole > 0 and whole >= WHOLE_WORD_RATIO * counts.get(stem, 0)


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def name_clitic_candidates(key: str) -> tuple[tuple[str, str], ...]:
    """`clitic_candidates` for names: the splits that leave a word standing are dropped
    ("كريم" is offered whole only; "وواشنطن" still gives و + واشنطن). Splits that end in
    the article (والعراق -> العراق) are judged on the stem with its article."""
    options = clitic_candidates(key)
    return tuple(option for option in options if not option[0] or not _cuts_a_word(key, *option))


def _cuts_a_word(key: str, prefix: str, stem: str) -> bool:
    """Whether the split cuts into a word of its own: the key itself, or for a conjunction
    and a preposition the word after the conjunction ("وكامل" is و + كامل, not وك + امل)."""
    word = _stem_word((prefix, stem))
    if is_whole_word(key, word):
        return True
    return len(prefix) == 2 and _CUTTABLE_PROCLITIC.fullmatch(prefix) is not None and is_whole_word(key[1:], word)


def _stem_word(option: tuple[str, str]) -> str:
    """The word a split leaves: the stem, with the article when the prefix ends in it."""
    prefix, stem = option
    if stem.startswith("ال") or not (prefix.endswith("ال") or prefix.endswith("لل")):
        return stem
    return "ال" + stem


_CUTTABLE_PROCLITIC = re.compile("[وف]?[بلك]?")
_MARK_RUN = re.compile(f"[{_MARKS}]*")  # diacritics and tatweel, as in TOKEN_RE


# Cached: the gazetteer's and the tagger's spans ask it of the same words again and again.
@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def proclitic_length(word: str, prefix: str, keep_whole_words: bool = True) -> int:
    """How many characters of `word` (surface text) the proclitics `prefix` (match-key
    form: "و", "وب", "ل") take up, tatweel and diacritics after them included ("لـ").

    0 when the prefix cannot be cut off cleanly: one with the article (للعراق has lost the
    article's alef, so no substring of it is "العراق"), one that is not at the start, or one
    that is part of a word of its own (كريم, كامل: `is_whole_word`) unless
    `keep_whole_words` is off (the first word of a longer name: لرئاسة + الجمهورية).
    """
    if not prefix or _CUTTABLE_PROCLITIC.fullmatch(prefix) is None:
        return 0
    key = match_key(word)
    if keep_whole_words and key.startswith(prefix) and _cuts_a_word(key, prefix, key[len(prefix):]):
        return 0
    i = 0
    for letter in prefix:
        if i >= len(word) or word[i] != letter:
            return 0
        i = _MARK_RUN.match(word, i + 1).end()  # type: ignore[union-attr]  # `*` always matches
    return i if i < len(word) else 0


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Tokens of text[start:end] with absolute offsets (lazily: a caller may stop early)."""
    new = tuple.__new__
    cache = _word_keys.recent
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        yield new(Token, m.span() + (cache.get(word) or _cached_word(word)))


def _compute_keys(word: str) -> tuple[str, str, str]:
    key = match_key(word)
    prefix, stem = split_clitics(key)
    return key, stem, prefix


# Keys per word type, bounded (`marsad.run.caching`); the hottest loops read its recent
# generation with a plain dict.get. It holds the word itself too, so that the tokens of
# one word share one string (a corpus keeps millions of tokens: ~60 bytes each saved).
_word_keys: WordCache[str, tuple[str, str, str, str]] = WordCache(TOKEN_CACHE_SIZE)


def _cached_word(word: str) -> tuple[str, str, str, str]:
    """(word, match key, stem, prefix), from the cache."""
    entry = _word_keys.get(word)
    if entry is None:
        entry = _word_keys.put(word, (word, *_compute_keys(word)))
    return entry


def token_keys(word: str) -> tuple[str, str, str]:
    """(match key, stem, prefix) of a word."""
    return _cached_word(word)[1:]  # type: ignore[return-value]


def make_token(word: str, start: int) -> Token:
    return Token(start, start + len(word), *_cached_word(word))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Every token of the text (the hot path: a tuple per token, built directly). `offset`
    is added to the offsets (the text's place in a longer one, such as a sentence's)."""
    out: list[Token] = []
    append = out.append
    new = tuple.__new__
    cache = _word_keys.recent
    if offset:
        for m in TOKEN_RE.finditer(text):
            word = m.group()
            begin = m.start() + offset
            append(new(Token, (begin, begin + len(word)) + (cache.get(word) or _cached_word(word))))
        return out
    for m in TOKEN_RE.finditer(text):  # (the span is the offsets: one tuple less per token)
        word = m.group()
        append(new(Token, m.span() + (cache.get(word) or _cached_word(word))))
    return out


def _is_abbreviation_dot(text: str, dot: int) -> bool:
    """True when the dot at `dot` closes an abbreviation or a one-letter initial."""
    j = dot
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in ".":
        j -= 1
    word = text[j:dot]
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; newlines are hard boundaries (scraped paragraphs)."""
    bounds: list[tuple[int, int]] = []
    begin = 0
    for m in _SENT_END.finditer(text):
        if m.group()[0] == "." and len(m.group()) == 1 and _is_abbreviation_dot(text, m.start()):
            continue
        stop = m.start() if m.group()[0] == "\n" else m.end()
        _append_bounds(text, begin, stop, bounds)
        begin = m.end()
    _append_bounds(text, begin, len(text), bounds)
    return bounds


def _append_bounds(text: str, begin: int, stop: int, out: list[tuple[int, int]]) -> None:
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    if stop > begin:
        out.append((begin, stop))


_start = itemgetter(0)  # Token.start
_end = itemgetter(1)  # Token.end


def split_sentences(text: str, with_tokens: bool = True) -> list[Sentence]:
    """Sentences with offsets, each with its tokens (the text is tokenised once)."""
    bounds = sentence_bounds(text)
    if not with_tokens:
        return [Sentence(b, e, text[b:e]) for b, e in bounds]
    tokens = tokenize(text)
    sentences: list[Sentence] = []
    i = 0
    for b, e in bounds:
        # Binary searches rather than a walk over every token: skip the tokens that start
        # before the sentence, then take those that end inside it (offsets only grow).
        i = bisect_left(tokens, b, i, key=_start)
        j = bisect_right(tokens, e, i, key=_end)
        sentences.append(Sentence(b, e, text[b:e], tuple(tokens[i:j])))
        i = j
    return sentences


def doc_tokens(doc: Doc, limit: int | None = None) -> list[Token]:
    """The article's tokens, from its sentences when the pipeline made them."""
    tokens: list[Token] = []
    if doc.sentences and doc.sentences[0].tokens:
        for sentence in doc.sentences:
            tokens.extend(sentence.tokens)
            if limit is not None and len(tokens) >= limit:
                break
    elif limit is None:
        return tokenize(doc.article.text)  # (a doc held without its tokens: the same tokens)
    else:
        for token in iter_tokens(doc.article.text):
            tokens.append(token)
            if len(tokens) >= limit:
                break
    return tokens if limit is None else tokens[:limit]

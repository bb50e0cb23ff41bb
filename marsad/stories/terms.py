"""Content terms of an article or a sentence: the words that say what it is about.

Stories, summaries and claims compare articles on these terms. A term is a token's stem
(its match key with the article and the prepositions glued to it removed, see
`marsad.arabic.tokenize.split_clitics`), with function words, weekday and month names
left out (lexicon/stopwords.tsv).
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from functools import cache, lru_cache
from importlib import resources

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, iter_tokens, tokenize
from marsad.model import Doc, Sentence, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE, WORD_CACHE_SIZE, WordCache


def load_word_list(name: str) -> list[str]:
    """Lines of a lexicon file, comments and blanks skipped."""
    text = (resources.files("marsad.arabic") / "lexicon" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    return frozenset(match_key(line.split("\t")[0]) for line in load_word_list("stopwords.tsv"))


def is_word(token: Token) -> bool:
    return token.key[:1].isalpha()


def is_stopword(token: Token) -> bool:
    return _is_stopword_key(token.key)


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _is_stopword_key(key: str) -> bool:
    # Cached per word key: stories ask this of every token of every article, repeatedly.
    stop = stopwords()
    return any(stem in stop for _, stem in clitic_candidates(key))


# Suffixes a light stemmer removes (longest first), in match-key form: dual and plural
# endings, ta marbuta, nisba ya, and the commonest attached pronouns. Hand-written because
# the aim is only to bring "مسيرة / مسيرتين / المسيرات" and "العراق / العراقية" together for
# term matching, and Arabic stemmers in libraries (ISRI, Snowball) over-strip names.
_SUFFIXES = ("تين", "تان", "يين", "يون", "ات", "ون", "ين", "ان", "يه", "ها", "هم", "ه", "ي")
_MIN_STEM = 3


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def light_stem(key: str) -> str:
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= _MIN_STEM:
            return key[: -len(suffix)]
    return key


def content_terms(tokens: Iterable[Token], known: Container[str] = ()) -> list[str]:
    """The terms of the content words (`_content_stem`); a leading و/ف is dropped too when
    the rest is a word already seen on its own (`known`: "وواشنطن" -> "واشنطن"), since a
    lone و can also begin a word (وزير). Stories ask this of every sentence of every
    article, so the per-word part is looked up once per word key."""
    cache = _CONTENT_STEMS.recent
    out = []
    for token in tokens:
        stem = cache.get(token.key)
        if stem is None:
            stem = _content_stem(token)
            cache = _CONTENT_STEMS.recent  # (a put may start a new generation)
        if stem:
            out.append(_with_known(stem, known) if known else stem)
    return out


def without_known_conjunction(stems: Iterable[str], known: Container[str]) -> tuple[str, ...]:
    """`content_terms`' stems as it gives them with `known` (its stems without it): a
    leading و/ف dropped where the rest is a word seen on its own."""
    return tuple(_with_known(stem, known) for stem in stems) if known else tuple(stems)


def _with_known(stem: str, known: Container[str]) -> str:
    if stem[:1] in ("و", "ف") and len(stem) >= 5 and stem[1:] in known:
        return stem[1:]
    return stem


def _content_stem(token: Token) -> str:
    """The token's light stem when it is a content word (two letters or more, not a function
    word), else "" (cached by its key: a token's stem is a function of its key)."""
    key = token.key
    stem = _CONTENT_STEMS.get(key)
    if stem is None:
        content = len(key) >= 2 and key[:1].isalpha() and not _is_stopword_key(key)
        stem = _CONTENT_STEMS.put(key, light_stem(token.stem) if content else "")
    return stem


# Larger than the tokenizer's: stories read every word of a corpus's leads and summaries
# again, story after story (3,000 SaudiNewsNet articles: 99,000 word keys).
_CONTENT_STEMS: WordCache[str, str] = WordCache(4 * WORD_CACHE_SIZE)


def sentence_tokens(sentence: Sentence) -> tuple[Token, ...]:
    """The sentence's tokens, with offsets into the article (a doc held without its tokens,
    as `marsad batch` holds them, has its sentences tokenised again)."""
    if sentence.tokens:
        return sentence.tokens
    return tuple(tokenize(sentence.text, sentence.start))


def title_tokens(doc: Doc) -> list[Token]:
    return list(iter_tokens(doc.article.title or ""))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of two term sets' union that both hold (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0

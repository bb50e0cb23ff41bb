"""Persons named in a list joined by و ("ويشارك فيه إليسا ونجوى كرم ووائل كفوري وشذى حسون"):
the tagger finds some of them and leaves the others, whose words it never saw as names
(نجوى كرم, متعب الصقار, عودة زيادات). Where a list already holds two persons the tagger
found, the items beside them made of name-like words are persons too.

An item starts at a glued و that is a conjunction (ونجوى is و + نجوى; وهبي and وليد are
words of their own: `is_whole_word`) and runs over one to three words with no article but
a last one (متعب الصقار), none of them a function word, a title or a word a mention already
covers. The first item of the list has no و: it is the name-like words right before the
second, back to a function word, a punctuation mark or a word with a glued preposition.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import is_whole_word, word_frequencies
from marsad.extract.mention_filter import load_not_entities
from marsad.extract.ner_features import load_clusters
from marsad.extract.roles import function_words, role_first_words
from marsad.model import Mention, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE

_LONGEST = 3  # words in an item
_MIN_PERSONS = 2  # persons the tagger found in the list
# A word SaudiNewsNet writes fewer times than this is no common noun or verb of news (بيسان,
# نهاوند, شوشان); a frequent one opens an item only if it shares محمد's word cluster.
_RARE = 100
_PRONOUN_ENDINGS = ("ته", "ها", "هم", "هما", "كم")  # شقيقته, زملاؤهم: a noun, not a name


@lru_cache(maxsize=1)
def _name_cluster() -> str | None:
    """The coarsest word cluster of محمد (marsad/data/ner_word_clusters.tsv.gz): the cluster
    news writes given names in (خالد, متعب, إياد), learnt from SaudiNewsNet."""
    features = load_clusters().get(match_key("محمد"), ())
    return features[0] if features else None


def opens_name(token: Token) -> bool:
    """Whether an item's first word can begin a person's name: no article on a common noun,
    no pronoun glued on, and a given name's cluster or a word news seldom writes (a foreign
    or rare name)."""
    key = token.key[1:] if _joined(token) else token.key
    counts = word_frequencies()[0]
    if key.endswith(_PRONOUN_ENDINGS) or (token.prefix and counts.get(token.stem, 0) >= _RARE):
        return False  # a noun with the article (الفريق), not a name that begins so (إليسا)
    return rare_or_name_like(key)


def goes_on_name(token: Token) -> bool:
    """Whether a later word of an item can be a name's: a family name with the article, or a
    bare word news seldom writes or writes in the given names' cluster (كرم, بن); not a
    frequent word of any other kind ("طلبوا مني الدخول": مني is no name)."""
    return bool(token.prefix) or rare_or_name_like(token.key)


def rare_or_name_like(key: str) -> bool:
    """A word news seldom writes (a foreign or rare name), or one in the given names' word cluster."""
    cluster = load_clusters().get(key, ())
    return word_frequencies()[0].get(key, 0) < _RARE or (bool(cluster) and cluster[0] == _name_cluster())


def _named_on(words: Sequence[Token]) -> bool:
    """Whether an item's later words are a name's: each name-like, or the last a family name
    news seldom writes (الصريصري), which makes a frequent word before it a name's too (عيد)."""
    if all(map(goes_on_name, words)):
        return True
    last = words[-1]
    return bool(last.prefix) and word_frequencies()[0].get(last.key, 0) < _RARE


def _joined(token: Token) -> bool:
    """A word with the conjunction و glued on, not one that begins with the letter."""
    return _joined_key(token.key)


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _joined_key(key: str) -> bool:
    """`_joined` of a word's key (cached: a list's words are asked again and again)."""
    return (len(key) > 2 and key[0] == "و" and key[1] != "و" and not is_whole_word(key, key[1:])) \
        or key.startswith("وو")


def glued_preposition(token: Token) -> bool:
    """A word with ب, ل, ك or ف glued on (بمشاركة), not one that begins with the letter."""
    key = token.key
    return len(key) > 3 and key[0] in "بلكف" and not is_whole_word(key, key[1:]) \
        and word_frequencies()[0].get(key[1:], 0) >= _RARE


def _name_word(token: Token, last: bool) -> bool:
    """A word a name in a list may be made of: no article but on its last word, no function
    word, no title (الدكتور) or role (وزير), no number or mark."""
    key = token.key[1:] if _joined(token) else token.key
    if not key.isalpha() or len(key) < 2 or key in function_words() or load_not_entities().get(key) \
            or key in role_first_words():
        return False
    return last or not token.prefix


def person_lists(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with the persons of its و-lists added (see the module's doc)."""
    persons = [m for m in mentions if m.type == "PER"]
    if len(persons) < _MIN_PERSONS or not any(map(_joined_key, map(attrgetter("key"), tokens))):
        return mentions
    covered = [False] * len(tokens)
    person_at: dict[int, Mention] = {}
    for m in mentions:
        for i, t in enumerate(tokens):
            if m.start < t.end and t.start < m.end:
                covered[i] = True
                if m.type == "PER" and t.start <= m.start:
                    person_at.setdefault(i, m)
    items = _items(tokens, covered, person_at)
    added: list[Mention] = []
    for chain in _chains(items):
        if sum(1 for first, _, found in chain if found) < _MIN_PERSONS:
            continue
        for first, end, found in chain:
            if found or not opens_name(tokens[first]) or not _named_on(tokens[first + 1:end]):
                continue
            start = tokens[first].start + (1 if _joined(tokens[first]) else 0)
            added.append(Mention(start, tokens[end - 1].end, text[start:tokens[end - 1].end], "PER",
                                 source="gazetteer"))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def _items(tokens: Sequence[Token], covered: list[bool],
           person_at: dict[int, Mention]) -> list[tuple[int, int, bool]]:
    """(first, end, found by the tagger) of each و-item of the sentence, in order."""
    items: list[tuple[int, int, bool]] = []
    at_end = {t.end: i + 1 for i, t in enumerate(tokens)}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _joined(token):
            i += 1
            continue
        if i in person_at:
            end = at_end.get(person_at[i].end, i + 1)
            items.append((i, end, True))
            i = end
            continue
        end = i
        while end < len(tokens) and end - i < _LONGEST and not covered[end] \
                and (end == i or not _joined(tokens[end])) and _name_word(tokens[end], last=True):
            end += 1
            if tokens[end - 1].prefix:
                break  # the article is on a name's last word only
        if end > i and (end == len(tokens) or _joined(tokens[end]) or not _name_word(tokens[end], last=True)):
            items.append((i, end, False))
            i = end
        else:
            i += 1
    return _with_first_items(items, tokens, covered, person_at)


def _with_first_items(items: list[tuple[int, int, bool]], tokens: Sequence[Token], covered: list[bool],
                      person_at: dict[int, Mention]) -> list[tuple[int, int, bool]]:
    """The items with the list's first one (no و) before each item that starts a chain."""
    out: list[tuple[int, int, bool]] = []
    previous_end = -1
    for first, end, found in items:
        if first != previous_end and first > 0:
            at_end = {t.end: i + 1 for i, t in enumerate(tokens)}
            before = next((k for k, m in person_at.items() if at_end.get(m.end) == first), None)
            if before is not None:
                out.append((before, first, True))
            elif not covered[first - 1]:
                start = first
                while start > 0 and first - start < _LONGEST and not covered[start - 1] \
                        and not _joined(tokens[start - 1]) \
                        and _name_word(tokens[start - 1], last=start == first) \
                        and not glued_preposition(tokens[start - 1]):
                    start -= 1
                if start < first:
                    out.append((start, first, False))
        out.append((first, end, found))
        previous_end = end
    return out


def _chains(items: list[tuple[int, int, bool]]) -> list[list[tuple[int, int, bool]]]:
    """The items grouped into lists: each item right after the one before it."""
    chains: list[list[tuple[int, int, bool]]] = []
    for item in items:
        if chains and chains[-1][-1][1] == item[0]:
            chains[-1].append(item)
        else:
            chains.append([item])
    return chains

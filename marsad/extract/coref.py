"""Name repeats: once the tagger has found "مصطفى الكاظمي", every later "الكاظمي" (also
"والكاظمي", "للكاظمي") in the same article is that person, even where the tagger missed it.

A one-sense-per-document rule, standard in NER post-processing: a name in news keeps its
type within an article. Surnames are propagated only when one person carries them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, compress, count
from operator import attrgetter, methodcaller

from marsad.arabic.tokenize import doc_tokens, name_clitic_candidates, word_frequencies
from marsad.extract.entities import name_start
from marsad.extract.name_senses import without_noun_senses
from marsad.extract.ner_consistency import surname_stands_alone
from marsad.extract.roles import role_first_words
from marsad.model import Doc, Mention, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE, TOKEN_CACHE_SIZE, WordCache

# A surname whose feminine form SaudiNewsNet writes this often (word_frequencies.tsv) is
# also an adjective (العربية 7,608, الغربية 1,038; السيسي and الفيصل have none):
# `_is_adjective_here`.
FREQUENT_WORD = 100
# A word written with the article, a conjunction or preposition maybe glued on (والإعلام, للشمال).
_DEFINITE = re.compile("[وف]?[بكل]?ال|[وف]?لل")
_START, _END, _KEY = attrgetter("start"), attrgetter("end"), attrgetter("key")


@dataclass(frozen=True)
class KnownPeople:
    """Full person names (token keys) found across a corpus, as `propagate_names` takes
    them: by last word, and every word of them (`name_words`), so that a doc's words are
    split into their clitic forms only where one of those could be a name's."""

    by_surname: Mapping[str, Collection[tuple[str, ...]]]
    name_words: frozenset[str]
    # Key -> the name words it is or holds (`name_words_in`): an article's words are mostly
    # the corpus's usual ones, and most hold none (the shared empty set).
    _held: WordCache[str, frozenset[str]] = field(
        default_factory=lambda: WordCache(TOKEN_CACHE_SIZE), compare=False, repr=False)

    def name_words_in(self, keys: Collection[str]) -> set[str]:
        """The words of known names that these token keys are, or are under a clitic
        (`_stem_options`): all that `propagate_names` asks of a doc's words."""
        # (most keys were seen in other articles, and most hold no name word)
        return set().union(*filter(None, self._held.get_many(list(keys), self._name_words_of)))

    def _name_words_of(self, key: str) -> frozenset[str]:
        # A form of a key is the key less at most `_PROCLITIC_LETTERS` letters, or that
        # with "ال" put back ("للكاظمي" -> "الكاظمي"): a key none of whose such forms is a
        # name word holds none (most keys), and is not split into its forms.
        if key and self._word_ends.isdisjoint([key[i:] for i in range(min(len(key), _PROCLITIC_LETTERS + 1))]):
            return _NO_WORDS
        return _stem_options(key) & self.name_words

    @cached_property
    def _word_ends(self) -> frozenset[str]:
        """The name words, and those less a leading "ال": a key some form of which is a
        name word ends in one of these (one C-level set test a key, not ten)."""
        return frozenset(self.name_words | {w[2:] for w in self.name_words if w.startswith("ال")}) - {""}


# The most letters a name's clitic forms take off a key ("وبال": `name_clitic_candidates`).
_PROCLITIC_LETTERS = 4
_NO_WORDS: frozenset[str] = frozenset()


def names_by_surname(names: Iterable[tuple[str, ...]]) -> KnownPeople:
    """Full names (token keys) indexed by their last word, as `propagate_names` takes them."""
    index: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    words: set[str] = set()
    for name in names:
        index[name[-1]].add(name)
        words.update(name)
    return KnownPeople(dict(index), frozenset(words))


def propagate_names(doc: Doc, known_people: KnownPeople | None = None) -> list[Mention]:
    """The doc's mentions plus the repeats of names it already found, and of the full
    person names in `known_people` (token keys of names found in other articles: see
    `names_by_surname`). Only the names whose words are all in the doc are looked at, so
    the cost does not grow with the corpus."""
    index = _TokenIndex(doc)
    found = _found_names(doc, index)
    return _with_repeats(doc, index, found, _known_here(index, known_people))


def propagate_known_names(doc: Doc, known_people: KnownPeople) -> list[Mention] | None:
    """`propagate_names` with the names known from other articles, for a doc whose own
    names were repeated already (the per-article stage `add_name_repeats`); None when no
    known name it does not name itself has all its words here, so nothing would be added
    (the corpus step passes over most docs so)."""
    index = _TokenIndex(doc)
    found = _found_names(doc, index)
    own = {keys for keys, _ in found}
    extra = _known_here(index, known_people)
    if not _written_here(index, [name for name in extra if name not in own]):
        return None
    return _with_repeats(doc, index, found, extra)


def _written_here(index: _TokenIndex, names: list[tuple[str, ...]]) -> bool:
    """Whether one of these names is written word after word somewhere in the doc, as
    `_with_repeats` tests a repeat (each word itself or one of its clitic forms): a name
    written nowhere repeats nowhere, and most docs' known names are so (their words are
    in the doc, apart). Cheaper than the search for repeats, which the rest pass on to."""
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in names:
        by_first[name[0]].append(name)
    tokens = index.tokens
    for i in _positions_of(index.keys, _starters(index.present, set(by_first))):
        for first in _stem_options(tokens[i].key) & by_first.keys():
            for keys in by_first[first]:
                window = tokens[i + 1:i + len(keys)]
                if len(window) == len(keys) - 1 and all(
                        k == t.key or k in _stem_options(t.key) for k, t in zip(keys[1:], window, strict=True)):
                    return True
    return False


def _found_names(doc: Doc, index: _TokenIndex) -> list[tuple[tuple[str, ...], str]]:
    # Role-only references ("رئيس الوزراء") are titles, not names: they are not repeated.
    return [(index.span_keys(m.start, m.end), m.type) for m in doc.mentions if m.source != "role"]


def _known_here(index: _TokenIndex, known_people: KnownPeople | None) -> list[tuple[str, ...]]:
    """The full names of `known_people` all of whose words are in the doc, in some form:
    only those can be repeated here (the others would be tried at every token of their
    first word, "محمد", for nothing). Sorted: no hash-order effects."""
    present = index.present
    if known_people is None or not known_people.by_surname or not present:
        return []
    # The known names' words written here, in some form (splitting every word of every
    # article into its clitic forms cost more than the repeats themselves).
    name_words_here = known_people.name_words_in(present)
    by_surname = known_people.by_surname
    return sorted(k for stem in name_words_here & by_surname.keys() for k in by_surname[stem]
                  if name_words_here.issuperset(k))


def _with_repeats(doc: Doc, index: _TokenIndex, found: list[tuple[tuple[str, ...], str]],
                  extra: list[tuple[str, ...]]) -> list[Mention]:
    mentions = list(doc.mentions)
    tokens, token_keys, present = index.tokens, index.keys, index.present
    names: dict[tuple[str, ...], tuple[str, int]] = {}  # token keys -> (type, count of owners)
    surname_owner: dict[str, set[str]] = defaultdict(set)
    for keys, etype in found + [(k, "PER") for k in extra]:
        if not keys:
            continue
        names.setdefault(keys, (etype, 0))
    # A bare surname stands for a person only when the article itself names that person in
    # full: a name from another article lends its full form, never its last word (one
    # mis-tagged "... الماضي" elsewhere made every "الماضي" of a corpus a person).
    for keys, etype in found:
        if etype == "PER" and surname_stands_alone(keys):
            surname_owner[keys[-1]].add(" ".join(keys))
    for surname, owners in surname_owner.items():
        if len(owners) == 1 and (surname,) not in names:
            names[(surname,)] = ("PER", 0)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for keys, (kind, _) in names.items():
        by_first[keys[0]].append((keys, kind))
    for options in by_first.values():
        options.sort(key=lambda kv: -len(kv[0]))  # longest name first
    overlaps_mention = _overlap_test(mentions)
    added: list[Mention] = []
    next_free = 0  # tokens before it belong to a repeat already found
    for i in _positions_of(token_keys, _starters(present, set(by_first))):
        if i < next_free:
            continue
        hit = None
        # In clitic-candidate order (the unsplit word first), never in set order: which
        # form wins must not depend on the process's hash seed.
        for first in (f for f in _ordered_stem_options(tokens[i].key) if f in by_first):
            for keys, kind in by_first[first]:
                window = tokens[i:i + len(keys)]
                if len(window) == len(keys) and all(
                        k == t.key or k in _stem_options(t.key) for k, t in zip(keys[1:], window[1:], strict=True)):
                    hit = (len(keys), kind, first)
                    break
            if hit:
                break
        if hit and hit[0] == 1 and hit[1] == "PER" and _is_adjective_here(tokens, i, first):
            hit = None
        if hit:
            n, kind, first = hit
            # "وماكغورك" repeats ماكغورك: the mention starts after the glued conjunction.
            start = name_start(tokens[i], first.__eq__)
            end = tokens[i + n - 1].end
            # (repeats found earlier end before this token, so only mentions can overlap it)
            if not overlaps_mention(start, end):
                added.append(Mention(start, end, doc.article.text[start:end], kind, source="coref"))  # type: ignore[arg-type]
            next_free = i + n
    # A repeat of القاعدة (al-Qaeda) may be the base of the next sentence: judged again.
    return without_noun_senses(sorted(mentions + added, key=lambda m: (m.start, m.end)), tokens)


def _is_adjective_here(tokens: Sequence[Token], i: int, word: str) -> bool:
    """Whether a one-word person name at token `i` is the adjective it also is: a nisba
    (العربي, الغربي: their feminine forms are frequent words, a name has none) written with
    the article, nothing glued to it, right after a definite word ("الإعلام العربي",
    "الشمال الغربي" in an article that names محمد العربي). After a title ("الرئيس العربي")
    it stays the person; "السيسي" (no feminine) and "والعربي" are never adjectives here."""
    token = tokens[i]
    if i == 0 or token.key != word or not token.text.startswith("ال"):
        return False
    if word_frequencies()[0].get(word + "ه", 0) < FREQUENT_WORD:
        return False
    before = tokens[i - 1]
    titles = role_first_words()
    return (_DEFINITE.match(before.text) is not None and before.key not in titles
            and "ال" + before.stem not in titles)


def _starters(keys: set[str], first_words: set[str]) -> set[str]:
    """The keys one of whose forms (`_stem_options`) is a first word of a name: only their
    tokens can start a repeat. Every form of a key is a suffix of it, or "ال" + a suffix
    ("للكاظمي" -> "الكاظمي"), so a key that ends in no first word's `_tail` is passed over
    in C, without its forms."""
    tails = tuple(map(_tail, first_words))
    maybe = filter(methodcaller("endswith", tails), keys)
    return {key for key in maybe if not _stem_options(key).isdisjoint(first_words)}


def _tail(word: str) -> str:
    """The word less a leading "ال": every form of a key (`_stem_options`) is a suffix of
    it, or "ال" + a suffix, so a key one of whose forms is `word` ends in this."""
    return word[2:] if word.startswith("ال") else word


def _positions_of(keys: list[str], wanted: set[str]) -> list[int]:
    """Indexes of the keys in `wanted`, ascending (the test runs in C, key by key)."""
    return list(compress(count(), map(wanted.__contains__, keys)))


class _TokenIndex:
    """A doc's tokens in text order, with their keys and offsets as flat lists. Tokens do
    not overlap, so their starts and their ends both ascend and `bisect` finds a span's."""

    def __init__(self, doc: Doc) -> None:
        # (a doc held without its tokens is tokenised again; one with no sentences has none)
        self.tokens: list[Token] = doc_tokens(doc) if doc.sentences else []
        self.keys: list[str] = list(map(_KEY, self.tokens))
        self.starts: list[int] = list(map(_START, self.tokens))
        self.ends: list[int] = list(map(_END, self.tokens))

    @cached_property
    def present(self) -> set[str]:
        """The distinct keys (asked by the known names' search and by the repeats)."""
        return set(self.keys)

    def span_keys(self, start: int, end: int) -> tuple[str, ...]:
        """Keys of the tokens overlapping [start, end): a mention may start after a clitic."""
        return tuple(self.keys[bisect_right(self.ends, start):bisect_left(self.starts, end)])


def _overlap_test(mentions: Sequence[Mention]) -> Callable[[int, int], bool]:
    """A test of whether a span overlaps one of the mentions. Spans sorted by start, with
    the running maximum of their ends: some span overlaps [start, end) exactly when one
    of those that start before `end` ends after `start`."""
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(starts, end)
        return k > 0 and reach[k - 1] > start

    return overlaps


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _ordered_stem_options(key: str) -> tuple[str, ...]:
    """`_stem_options` in a fixed order: the word itself, then its clitic splits."""
    return tuple(dict.fromkeys([key, *_name_forms(key)]))


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _stem_options(key: str) -> frozenset[str]:
    """The token itself and its clitic-free forms: "والكاظمي" -> {والكاظمي, الكاظمي};
    "كريم" is only itself (a word of its own is not ك + ريم: `name_clitic_candidates`)."""
    return frozenset(_name_forms(key)) | {key}


def _name_forms(key: str) -> list[str]:
    """The forms a name written in this token may have, less those that take the article
    off: "والسيول" (and the floods) repeats no سيول (Seoul), "الحماس" no حماس; a name is
    written with its article or without it, the same each time."""
    return [stem for prefix, stem in name_clitic_candidates(key)
            if stem.startswith("ال") or not prefix.endswith(("ال", "لل"))]


def person_names_of(docs: Iterable[Doc]) -> set[tuple[str, ...]]:
    """The full person names of all these docs (see `person_names`)."""
    return {name for doc in docs for name in person_names(doc)}


def person_names(doc: Doc) -> set[tuple[str, ...]]:
    """Token keys of the full person names (two words or more) the tagger found in a doc."""
    index = _TokenIndex(doc)
    return {keys for m in doc.mentions if m.type == "PER" and m.source in ("model", "gazetteer")
            for keys in [index.span_keys(m.start, m.end)] if len(keys) >= 2}

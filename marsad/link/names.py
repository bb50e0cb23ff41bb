"""A mention's name as the linker compares it: its match key without glued proclitics, its
display form, the team's alias list, and the gazetteer entry it names (if any).

A proclitic is cut only where it is one: "والعراق" is و + العراق, "لواشنطن" is ل + واشنطن
when واشنطن is known, but "كريم" is never ك + ريم (`marsad.arabic.tokenize.is_whole_word`).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from functools import lru_cache

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import is_whole_word
from marsad.arabic.words import word_class
from marsad.extract.gazetteer import Gazetteer, gazetteer_files
from marsad.link.transliteration import article_is_written
from marsad.model import Mention
from marsad.run.caching import LRU_WORD_CACHE_SIZE
from marsad.settings import PACKAGE_DIR

ALIASES_FILE = PACKAGE_DIR / "arabic" / "lexicon" / "aliases.tsv"
EDGE_PUNCT = "،,.:؛\"'«»()[]“”-–—"
_ARTICLE_PREFIXES = ("وبال", "وال", "فال", "بال", "كال")
_SINGLE_PREFIXES = ("وب", "ول", "و", "ف", "ب", "ل", "ك")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670]")


@lru_cache(maxsize=1)
def alias_table() -> dict[tuple[str, str], str]:
    """(type, match key) -> canonical key, from the team's alias list."""
    table: dict[tuple[str, str], str] = {}
    for line in ALIASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        etype, _, names = line.partition("\t")
        forms = [match_key(n) for n in names.split("|") if n.strip()]
        for form in forms:
            table[(etype.strip(), form)] = forms[0]
    return table


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def raw_key(text: str) -> str:
    """The match key of a mention's text as written (edge punctuation and tatweel off).
    Cached by the text: the linker asks it of each mention's text several times."""
    return match_key(text.strip(EDGE_PUNCT)).replace("ـ", "")


def name_key(text: str, known: Container[str] = frozenset()) -> str:
    """Match key of a mention's name, with glued proclitics removed where they are real:
    والعراق / بالعراق / للعراق → العراق; لواشنطن → واشنطن when واشنطن is known; a word of
    its own (كريم, كامل, والده) keeps every letter."""
    key, cut = _name_key_cuts(text)
    if isinstance(cut, str):
        return cut
    return next((rest for rest in cut if rest in known), key)


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _name_key_cuts(text: str) -> tuple[str, str | tuple[str, ...]]:
    """What `name_key` decides from the text alone, cached by the text: (its raw key, the
    key with an article's proclitics cut, or else the keys left by cutting one proclitic,
    in order, one of which `name_key` takes when it is known)."""
    key = raw_key(text)
    first = key.split(" ", 1)[0]
    if key.startswith(("لل", "ولل")) and len(first) > 4:
        cut = 2 if key.startswith("لل") else 3
        stem = "ال" + key[cut:]
        if not is_whole_word(first, stem.split(" ", 1)[0]):
            return key, stem
    for prefix in _ARTICLE_PREFIXES:
        if key.startswith(prefix) and len(first) - len(prefix) >= 2:
            stem = "ال" + key[len(prefix):]
            if not is_whole_word(first, stem.split(" ", 1)[0]):
                return key, stem
            break
    return key, tuple(key[len(prefix):] for prefix in _SINGLE_PREFIXES
                      if key.startswith(prefix) and not is_whole_word(first, key[len(prefix):].split(" ", 1)[0]))


def display_name(text: str, key: str, original_key: str) -> str:
    """The surface form without the clitics that name_key removed (diacritics kept)."""
    text = text.strip(EDGE_PUNCT).replace("ـ", "")
    if key == original_key:
        return text
    if "لل" in original_key[:3] and key.startswith("ال"):  # للعراق / وللعراق -> العراق
        at = text.find("لل")
        return "ال" + text[at + 2:]
    drop = len(original_key) - len(key)
    i = 0
    while drop > 0 and i < len(text):
        if not _MARKS.match(text[i]):
            drop -= 1
        i += 1
    while i < len(text) and _MARKS.match(text[i]):
        i += 1
    return text[i:]


# The lists whose spellings of one entry are one name (hand-written, CLDR countries and
# nationality forms). GeoNames' alternate city names are not: they hold ordinary words
# (بركة is listed for بحركة), so a city's spellings only keep names apart.
SPELLING_LISTS = ("gazetteer_countries.tsv", "gazetteer_nationalities.tsv", "gazetteer_orgs.tsv",
                  "gazetteer_orgs_matched.tsv", "gazetteer_places.tsv", "gazetteer_regions.tsv")


@lru_cache(maxsize=2)
def _gazetteer_entries(spellings_only: bool = False) -> dict[str, tuple[str, str]]:
    """Match key of every gazetteer name (and of it without the article, where the press
    writes it so: `article_is_written`) -> (type, the
    entry's key): its canonical name's match key, or for a nationality the key of the
    first canonical listed with its country code (أميركي and أمريكي are one, USA), its
    plural (الأميركيون, the people) another.
    `spellings_only`: from `SPELLING_LISTS` alone."""
    files = [f for f in gazetteer_files() if not spellings_only or f.name in SPELLING_LISTS]
    table: dict[str, tuple[str, str]] = {}
    nations: dict[str, str] = {}
    for words, entry in Gazetteer.load(files).entries.items():
        entry_key = match_key(entry.canonical)
        if entry.type == "MISC" and entry.code:
            entry_key = nations.setdefault(entry.code, entry_key)
            if words[-1].endswith(("يين", "يون")):  # the people (الأميركيون), not the adjective
                entry_key += " +"
        key = " ".join(words)
        table[key] = (entry.type, entry_key)
        if len(words) == 1 and article_is_written(key):  # الموصل / موصل, not القاعدة / قاعدة
            table.setdefault(key[2:], (entry.type, entry_key))
    return table


def known_entry_key(etype: str, key: str) -> str | None:
    """The key of the gazetteer entry of this type that this name (match key) is, if any:
    every spelling the gazetteer lists for one entry links to one record."""
    found = _gazetteer_entries(spellings_only=True).get(key)
    return found[1] if found and found[0] == etype else None


def gazetteer_type(key: str) -> str | None:
    """The type (LOC, ORG ...) of the gazetteer entry this name (match key) is, if any."""
    found = _gazetteer_entries().get(key)
    return found[0] if found else None


def different_known_entries(a: str, b: str) -> bool:
    """Whether two names (match keys) are two different gazetteer entries: سوريا and
    سويسرا, الدمام and دوما never merge however alike their letters."""
    ea, eb = _gazetteer_entries().get(a), _gazetteer_entries().get(b)
    return ea is not None and eb is not None and ea[1] != eb[1]


def article_added_to_a_name(a: str, b: str) -> bool:
    """Whether one name (match key) is the other with the article, the bare one a gazetteer
    name and the other not: سيول (Seoul) with it is السيول, floods; الموصل / موصل, a name
    written with its article, still agree (`article_is_written`)."""
    if a.startswith("ال") == b.startswith("ال"):
        return False
    with_article, bare = (a, b) if a.startswith("ال") else (b, a)
    return with_article[2:] == bare and gazetteer_type(bare) is not None and gazetteer_type(with_article) is None


# A one-word name the corpus tags a person this many times, and in this share of all its
# one-word mentions, is that person where the tagger gave it another type: أوباما, a person
# in 100+ mentions of 1,000 SaudiNewsNet articles, was an organisation in two («أوباما»
# يدافع ..., "في حالة أوباما"). A word often a club or a place (النصر) keeps its types.
PERSON_VOTES = 10
PERSON_SHARE = 0.9


class PersonVotes:
    """The types the corpus gives each one-word name (label consistency across articles)."""

    def __init__(self) -> None:
        self.types: dict[str, Counter[str]] = defaultdict(Counter)

    def count(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            if not m.antecedent and " " not in (key := raw_key(m.text)):
                self.types[key][m.type] += 1

    def retyped(self, mention: Mention) -> Mention:
        """The mention as a person where the corpus nearly always tags its word so."""
        if mention.type == "PER" or mention.antecedent:
            return mention
        votes = self.types.get(raw_key(mention.text))
        if not votes or votes["PER"] < PERSON_VOTES or votes["PER"] < PERSON_SHARE * sum(votes.values()):
            return mention
        return dataclasses.replace(mention, type="PER")


def sovereign_titles(role: str | None) -> frozenset[str]:
    """The titles of kings, princes, sheikhs and prophets (match keys) in a mention's role:
    a given name under one ("مستشفى الملك خالد") is that title's bearer, not the article's
    untitled "خالد مرغلاني"."""
    if not role:
        return frozenset()
    titles = word_class("sovereign_title")
    return frozenset(key for key in map(match_key, role.split()) if key in titles)


class EitherSet(Container[str]):
    """Membership in either of two sets (or the known keys of an index), without building
    their union."""

    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, item: object) -> bool:
        return item in self.first or item in self.second

"""A mention's name as the linker compares it: its match key without glued proclitics, its
display form, the team's alias list, and the gazetteer entry it names (if any).

A proclitic is cut only where it is one: "والعراق" is و + العراق, "لواشنطن" is ل + واشنطن
when واشنطن is known, but "كريم" is never ك + ريم (`marsad.arabic.tokenize.is_whole_word`).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import is_whole_word
from marsad.extract.gazetteer import Gazetteer
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


def raw_key(text: str) -> str:
    """The match key of a mention's text as written (edge punctuation and tatweel off)."""
    return match_key(text.strip(EDGE_PUNCT)).replace("ـ", "")


def name_key(text: str, known: Container[str] = frozenset()) -> str:
    """Match key of a mention's name, with glued proclitics removed where they are real:
    والعراق / بالعراق / للعراق → العراق; لواشنطن → واشنطن when واشنطن is known; a word of
    its own (كريم, كامل, والده) keeps every letter."""
    key = raw_key(text)
    first = key.split(" ", 1)[0]
    if key.startswith(("لل", "ولل")) and len(first) > 4:
        cut = 2 if key.startswith("لل") else 3
        stem = "ال" + key[cut:]
        if not is_whole_word(first, stem.split(" ", 1)[0]):
            return stem
    for prefix in _ARTICLE_PREFIXES:
        if key.startswith(prefix) and len(first) - len(prefix) >= 2:
            stem = "ال" + key[len(prefix):]
            if not is_whole_word(first, stem.split(" ", 1)[0]):
                return stem
            break
    for prefix in _SINGLE_PREFIXES:
        rest = key[len(prefix):]
        if key.startswith(prefix) and rest in known and not is_whole_word(first, rest.split(" ", 1)[0]):
            return rest
    return key


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


@lru_cache(maxsize=1)
def _gazetteer_entries() -> dict[str, tuple[str, str]]:
    """Match key of every gazetteer name (and of it without the article) -> (type,
    canonical name) of its entry."""
    table: dict[str, tuple[str, str]] = {}
    for words, entry in Gazetteer.load().entries.items():
        key = " ".join(words)
        table[key] = (entry.type, entry.canonical)
        if key.startswith("ال") and len(words[0]) > 4:
            table.setdefault(key[2:], (entry.type, entry.canonical))
    return table


def gazetteer_canonical(key: str) -> str | None:
    """The canonical name of the gazetteer entry this name (match key) is, if any."""
    found = _gazetteer_entries().get(key)
    return found[1] if found else None


def gazetteer_type(key: str) -> str | None:
    """The type (LOC, ORG ...) of the gazetteer entry this name (match key) is, if any."""
    found = _gazetteer_entries().get(key)
    return found[0] if found else None


def different_known_entries(a: str, b: str) -> bool:
    """Whether two names (match keys) are two different gazetteer entries: سوريا and
    سويسرا, الدمام and دوما never merge however alike their letters."""
    ca, cb = gazetteer_canonical(a), gazetteer_canonical(b)
    return ca is not None and cb is not None and ca != cb

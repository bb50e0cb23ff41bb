"""Word lists the cleaner reads: furniture phrases, news agencies, known outlets.

Loaded once per process from the package's data files (each says where it came from).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from marsad.arabic.normalize import match_key_unspaced
from marsad.settings import PACKAGE_DIR

LEXICON_DIR = PACKAGE_DIR / "arabic" / "lexicon"
DATA_DIR = PACKAGE_DIR / "data"


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


_PUNCT = re.compile(r"[^\w\s]")
MAX_FURNITURE_WORDS = 24


def line_key(text: str) -> str:
    """Match key of a line with punctuation and symbols squeezed out."""
    return " ".join(_PUNCT.sub(" ", match_key_unspaced(text)).split())


@dataclass(frozen=True)
class FurnitureLexicon:
    exact: frozenset[str]
    prefixes: tuple[str, ...]

    def matches(self, text: str, words: int, key: str | None = None) -> bool:
        """`key`: the text's line_key when the caller has it already (ask only for lines of
        up to MAX_FURNITURE_WORDS words: the key of a paragraph is dear and never matches)."""
        if words > MAX_FURNITURE_WORDS:  # furniture lines are short; paragraphs never match
            return False
        key = line_key(text) if key is None else key
        if not key:
            return bool(text.strip())  # a line of symbols only ("+ -", "|", "»")
        if key in self.exact:
            return True
        # A prefix phrase marks a short line only: "اقرأ أيضا: <headline>", not a paragraph.
        return words <= 16 and any(key.startswith(p) for p in self.prefixes)


@lru_cache(maxsize=1)
def furniture_lexicon() -> FurnitureLexicon:
    exact, prefixes = set(), []
    for phrase, kind in _rows(LEXICON_DIR / "furniture.tsv"):
        key = line_key(phrase)
        (exact.add(key) if kind.strip() == "exact" else prefixes.append(key))
    return FurnitureLexicon(frozenset(exact), tuple(sorted(set(prefixes), key=len, reverse=True)))


@lru_cache(maxsize=1)
def agency_pattern() -> re.Pattern[str]:
    """Every agency spelling (in line-key form) at the start of a word, the longest that
    ends at a word's end. Search " " + the line key: a line key's words are one space
    apart, so the leading space marks a word's start and `m.start()` is the offset in the
    key itself. The space as the pattern's first character and the spellings as a trie
    let the regex engine skip to the spaces and try each letter once, not each spelling
    (the agencies scan of a whole article costs about a third of the plain alternation)."""
    # A conjunction or preposition may be glued on: "وأسوشيتد برس", "لرويترز".
    return re.compile(r" (?:[وف]?[بل]?)(" + _trie_alternation(agency_variants()) + r")(?!\S)")


def _trie_alternation(words: Iterable[str]) -> str:
    """A regex matching the same strings as the alternation of `words`, longest first, as
    a trie: at each letter, the longer words are tried before the one that ends there."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}  # a word ends here

    def alternation(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(letter) + alternation(node[letter]) for letter in sorted(node) if letter]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return alternation(trie)


@lru_cache(maxsize=1)
def agency_variants() -> dict[str, str]:
    """match key of a spelling -> canonical agency name (أ.ف.ب, رويترز ...)."""
    table: dict[str, str] = {}
    for canonical, variants in _rows(LEXICON_DIR / "agencies.tsv"):
        for variant in variants.split("|"):
            table[line_key(variant)] = canonical
    return table


@lru_cache(maxsize=1)
def site_words() -> dict[str, frozenset[str]]:
    """kind ("outlet" | "section" | "format") -> match keys of words that name a site, a section
    or what kind of item the page is."""
    table: dict[str, set[str]] = {"outlet": set(), "section": set(), "format": set()}
    for word, kind in _rows(LEXICON_DIR / "site_words.tsv"):
        table[kind.strip()].add(line_key(word))
    return {kind: frozenset(words) for kind, words in table.items()}


@lru_cache(maxsize=1)
def broadcast_cues() -> tuple[str, ...]:
    """Line keys of phrases that mark a broadcast's transcript or episode page."""
    return tuple(line_key(row[0]) for row in _rows(LEXICON_DIR / "broadcast_cues.tsv"))


@lru_cache(maxsize=1)
def related_headings() -> frozenset[str]:
    """Line keys of the headings over a block of other stories ("شاهد أيضاً", "Related posts")."""
    return frozenset(line_key(row[0]) for row in _rows(LEXICON_DIR / "related_headings.tsv"))


@lru_cache(maxsize=1)
def neighbour_links() -> frozenset[str]:
    """Line keys of the labels over the links to the previous and next article ("المقال السابق")."""
    return frozenset(line_key(row[0]) for row in _rows(LEXICON_DIR / "neighbour_links.tsv"))


@lru_cache(maxsize=1)
def prose_openers() -> frozenset[str]:
    """Keys of "and" with a reporting verb ("وقال", "وأشار", "وأكد", "وأضاف"): a line that opens
    with one continues a story's prose, whether or not it ends with a full stop. From the quote
    extractor's reporting verbs (finite verbs, participles, continuations; not the ambiguous)."""
    rows = _rows(LEXICON_DIR / "reporting_verbs.tsv")
    return frozenset(line_key("و" + row[0]) for row in rows
                     if len(row) >= 3 and row[1] in ("verb", "participle", "continuation") and row[2] == "0")


@lru_cache(maxsize=1)
def forum_fields() -> tuple[str, ...]:
    """Line keys of a forum thread's profile fields and labels ("تاريخ التسجيل", "كاتب الموضوع")."""
    return tuple(line_key(row[0]) for row in _rows(LEXICON_DIR / "forum_fields.tsv"))


@lru_cache(maxsize=1)
def masthead_roles() -> tuple[re.Pattern[str], frozenset[str]]:
    """A pattern of the masthead's roles in line-key form ("رئيس التحرير", longest first, so a
    role is found whole), and the words a role line starts with ("رئيس", "مدير")."""
    rows = _rows(LEXICON_DIR / "masthead_roles.tsv")
    roles = sorted({line_key(phrase) for phrase, kind in rows if kind.strip() == "role"}, key=len, reverse=True)
    heads = frozenset(line_key(phrase) for phrase, kind in rows if kind.strip() == "head")
    return re.compile("|".join(re.escape(r) for r in roles)), heads


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Function words and generic news words, as written (lexicon/stopwords.tsv)."""
    return frozenset(row[0].strip() for row in _rows(LEXICON_DIR / "stopwords.tsv"))


@lru_cache(maxsize=1)
def institution_headings() -> frozenset[str]:
    """Line keys of the section headings of an institution's "about" pages."""
    return frozenset(line_key(row[0]) for row in _rows(LEXICON_DIR / "institution_headings.tsv"))


@lru_cache(maxsize=1)
def essay_headings() -> frozenset[str]:
    """Line keys of an essay's or a guide's section headings ("مقدمة", "الخاتمة")."""
    return frozenset(line_key(row[0]) for row in _rows(LEXICON_DIR / "essay_headings.tsv"))


@lru_cache(maxsize=1)
def outlet_names() -> dict[str, str]:
    """web domain, or domain/path prefix ("bbc.com/arabic") -> display name."""
    return {domain.strip().lower(): name.strip() for domain, name in _rows(DATA_DIR / "outlets.tsv")}


def outlet_for_domain(domain: str | None) -> str | None:
    """The display name of a known outlet's domain (sub-domains count: news.example.com)."""
    if not domain:
        return None
    names = outlet_names()
    parts = domain.lower().removeprefix("www.").split(".")
    for i in range(len(parts) - 1):  # news.example.com -> example.com
        name = names.get(".".join(parts[i:]))
        if name:
            return name
    return None


def outlet_for_url(url: str | None) -> str | None:
    """Like `outlet_for_domain`, but an Arabic edition under a path of a multilingual site
    ("bbc.com/arabic/...", "france24.com/ar/...") is matched first."""
    if not url:
        return None
    parts = urlsplit(url if "//" in url else "//" + url)
    host = (parts.hostname or "").removeprefix("www.")
    first = parts.path.strip("/").split("/", 1)[0].lower()
    if host and first:
        hosts = host.split(".")
        for i in range(len(hosts) - 1):
            name = outlet_names().get(".".join(hosts[i:]) + "/" + first)
            if name:
                return name
    return outlet_for_domain(host)

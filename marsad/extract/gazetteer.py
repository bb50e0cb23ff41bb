"""Gazetteer lookup: longest match of known names over a sentence's tokens.

The lists live in marsad/data/gazetteer_*.tsv, each with a header naming its source and
licence (scripts/build_gazetteers.py writes the generated ones). Names are compared on
match keys, and the first word of a name may carry proclitics (والعراق، بالعراق، لواشنطن),
which is why this is hand-written rather than a plain phrase matcher.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import compress, count
from pathlib import Path
from typing import NamedTuple

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, name_clitic_candidates
from marsad.model import Token
from marsad.run.caching import TOKEN_CACHE_SIZE, WordCache

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Hand-written lists are read last so that their canonical names and ids win over the
# generated ones for the same surface form.
CURATED = ("gazetteer_places.tsv", "gazetteer_orgs.tsv")
# Lists the matcher reads but the tagger's gazetteer features leave out (`token_roles`):
# the shipped model learnt without them (see the file's header).
MATCH_ONLY = frozenset({"gazetteer_orgs_matched.tsv", "gazetteer_regions.tsv"})
# One-word names SaudiNewsNet mostly uses as ordinary words (معسكر, الصور, عالية), found by
# scripts/build_gazetteer_common_words.py: the gazetteer does not fill these in alone.
COMMON_WORDS_FILE = DATA_DIR / "ner_common_words.tsv"


class GazetteerEntry(NamedTuple):
    type: str
    canonical: str
    code: str | None
    wikidata: str | None


class GazetteerMatch(NamedTuple):
    start: int  # token index
    end: int  # token index, exclusive
    type: str
    canonical: str
    code: str | None
    wikidata: str | None
    prefix: str = ""  # proclitics glued to the first word ("و" of "وواشنطن"), match-key form


def _read_tsv(path: Path) -> Iterable[list[str]]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
        next(rows, None)  # column names
        yield from rows


def gazetteer_files(data_dir: Path = DATA_DIR) -> list[Path]:
    files = sorted(data_dir.glob("gazetteer_*.tsv"))
    return [f for f in files if f.name not in CURATED] + [f for f in files if f.name in CURATED]


class Gazetteer:
    def __init__(self, entries: dict[tuple[str, ...], GazetteerEntry],
                 match_only: frozenset[tuple[str, ...]] = frozenset()) -> None:
        self.entries = entries
        self.match_only = match_only  # names of the MATCH_ONLY lists
        # Longest name (in words) starting with each first word: bounds the lookups.
        self._longest: dict[str, int] = {}
        self._starts_cache: WordCache[str, tuple[tuple[str, str, int, int], ...]] = WordCache(TOKEN_CACHE_SIZE)
        for key in entries:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None) -> Gazetteer:
        return _load(tuple(paths or gazetteer_files()))

    def __len__(self) -> int:
        return len(self.entries)

    def match_keys(self, keys: Sequence[str]) -> list[GazetteerMatch]:
        """Longest non-overlapping matches over a sentence's token match keys, left to right."""
        # Almost no word begins a name: find those that do with one C-level map over the
        # cache, then try only them.
        starts = self._starts_cache.get_many(keys, self._name_starts)
        matches: list[GazetteerMatch] = []
        free = 0  # the first position no match has taken
        for i in compress(count(), starts):
            if i < free:
                continue
            candidates = starts[i]
            found = self._longest_at(keys, i, candidates)
            if found is not None:
                length, entry, prefix = found
                matches.append(GazetteerMatch(i, i + length, *entry, prefix))
                free = i + length
        return matches

    def starts_name(self, key: str) -> bool:
        """Whether some name in the lists begins with this word (match key)."""
        return key in self._longest

    def match_tokens(self, tokens: Sequence[Token]) -> list[GazetteerMatch]:
        return self.match_keys([t.key for t in tokens])

    def match_words(self, words: Sequence[str]) -> list[GazetteerMatch]:
        return self.match_keys([match_key(w) for w in words])

    def token_roles(self) -> dict[str, tuple[str, ...]]:
        """Word key -> its positions in names (B-LOC for a first word, I-ORG for a later
        one): the gazetteer features of the CRF."""
        roles: dict[str, set[str]] = {}
        for key, entry in self.entries.items():
            if key in self.match_only:
                continue
            for position, word in enumerate(key):
                roles.setdefault(word, set()).add(("B-" if position == 0 else "I-") + entry.type)
        return {word: tuple(sorted(r)) for word, r in roles.items()}

    def _name_starts(self, key: str) -> tuple[tuple[str, str, int, int], ...]:
        """(prefix, stem, longest name length, shortest) for each clitic split of a word that begins a
        name (`match_keys` caches it per word, since almost every word of a text begins none)."""
        # "المالي" must not match مالي: an article the name does not have is not a clitic;
        # nor "كامل" آمل: a word of its own keeps its letters (`name_clitic_candidates`).
        longest = self._longest
        # A clitic split's stem is the key less at most four letters, or "ال" and the key
        # less two or three (للعراق): seven lookups pass by nearly every new word unsplit.
        if not (key in longest or key[1:] in longest or key[2:] in longest or key[3:] in longest
                or key[4:] in longest or "ال" + key[2:] in longest or "ال" + key[3:] in longest):
            return ()
        options = [(prefix, stem) for prefix, stem in clitic_candidates(key)
                   if stem in longest and not prefix.endswith("ال")]
        if not any(prefix for prefix, _ in options):
            return tuple((prefix, stem, longest[stem], 1) for prefix, stem in options)
        # Judged only for the rare words it matters to. A split that cuts into a word of its
        # own is still taken for a name of two words or more: the words after it say which
        # it is ("لرئاسة الجمهورية" is ل + رئاسة الجمهورية, though لرئاسة is a word).
        kept = name_clitic_candidates(key)
        return tuple((prefix, stem, longest[stem], 1 if (prefix, stem) in kept else 2)
                     for prefix, stem in options if (prefix, stem) in kept or longest[stem] > 1)

    def _longest_at(self, keys: Sequence[str], i: int,
                    starts: tuple[tuple[str, str, int, int], ...]) -> tuple[int, GazetteerEntry, str] | None:
        best: tuple[int, GazetteerEntry, str] | None = None
        for prefix, stem, longest, shortest in starts:
            for length in range(min(longest, len(keys) - i), shortest - 1, -1):
                if best is not None and length <= best[0]:
                    break
                entry = self.entries.get((stem, *keys[i + 1:i + length]))
                if entry is not None:
                    best = (length, entry, prefix)
                    break
        return best


@lru_cache(maxsize=1)
def common_words(path: Path = COMMON_WORDS_FILE) -> frozenset[str]:
    """Match keys of the one-word names that are mostly ordinary words (empty without the file)."""
    if not path.is_file():
        return frozenset()
    return frozenset(row[0] for row in _read_tsv(path) if row)


@cache
def list_entries(*names: str) -> dict[tuple[str, ...], GazetteerEntry]:
    """The entries of the named lists alone ("gazetteer_countries.tsv", ...), read in the
    order `gazetteer_files` reads them; each set of lists is read once per process."""
    return Gazetteer.load([path for path in gazetteer_files() if path.name in names]).entries


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Match keys of the names of countries and territories (gazetteer_countries.tsv)."""
    return frozenset(" ".join(key) for key in list_entries("gazetteer_countries.tsv"))


@lru_cache(maxsize=4)
def _load(paths: tuple[Path, ...]) -> Gazetteer:
    entries: dict[tuple[str, ...], GazetteerEntry] = {}
    match_only: set[tuple[str, ...]] = set()
    for path in paths:
        for row in _read_tsv(path):
            if len(row) < 3 or not row[0].strip():
                continue
            row = row + [""] * (5 - len(row))
            key = tuple(match_key(w) for w in row[0].split())
            entries[key] = GazetteerEntry(row[1].strip(), row[2].strip(), row[3].strip() or None,
                                          row[4].strip() or None)
            (match_only.add if path.name in MATCH_ONLY else match_only.discard)(key)
    return Gazetteer(entries, frozenset(match_only))

"""Closed classes of Arabic words (complementizers, words that end a speaker or a role
phrase, words that make a number a label, date words ...), read from
lexicon/grammar_words.tsv as match keys: the extractors keep no word lists in code."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from marsad.arabic.normalize import match_key

GRAMMAR_WORDS_FILE = Path(__file__).resolve().parent / "lexicon" / "grammar_words.tsv"


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for line in GRAMMAR_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, word = line.split("\t")[:2]
            found[name].add(match_key(word.strip()))
    return {name: frozenset(words) for name, words in found.items()}


def word_class(name: str) -> frozenset[str]:
    """The match keys of one class of grammar_words.tsv (KeyError for an unknown class)."""
    return _classes()[name]


def table_rows(path: Path, columns: int) -> Iterator[list[str]]:
    """The rows of a tab-separated word list with a header row (comment lines start with #)
    that have at least `columns` cells and a first cell."""
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows, None)  # header
        yield from (row for row in rows if len(row) >= columns and row[0].strip())


def key_table(path: Path) -> dict[str, str]:
    """A two-column word list with a header row: the match key of each first column -> the
    second column, the first row winning for a key."""
    table: dict[str, str] = {}
    for row in table_rows(path, 2):
        table.setdefault(match_key(row[0]), row[1].strip())
    return table

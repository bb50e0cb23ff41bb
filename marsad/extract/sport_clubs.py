"""Clubs whose names are ordinary words (الهلال the crescent, الترجي "hope"): in a sports
report they are the club. The tagger learnt few of them (ANERcorp is political news) and
left الهلال O in "انفرد الهلال بصدارة الدوري"; the gazetteer cannot list them, since outside
sport they are words. An article with at least two different sport words
(marsad/data/ner_sport_clubs.tsv) makes each of them an ORG: a word the tagger left O
becomes a mention, and one it gave another type (a PER, a LOC) takes ORG.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from marsad.arabic.tokenize import proclitic_length
from marsad.arabic.words import key_table
from marsad.model import Mention, Token

CLUBS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_sport_clubs.tsv"
# Sport words an article must write (different ones) before its club names are read as clubs.
MIN_SPORT_WORDS = 2


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(club name keys, the same without the article: the tokens' stems, sport word keys)."""
    table = key_table(CLUBS_FILE)
    clubs = frozenset(k for k, kind in table.items() if kind == "club")
    return (clubs, frozenset(k.removeprefix("ال") for k in clubs),
            frozenset(k for k, kind in table.items() if kind == "sport"))


def _club_key(token: Token) -> str:
    """The token as a club's name is written: its stem with the article it carries
    (للهلال -> الهلال, والترجي -> الترجي), or its stem (وبيراميدز -> بيراميدز)."""
    return "ال" + token.stem if token.prefix.endswith(("ال", "لل")) else token.stem


def with_clubs(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The article's mentions with its clubs' names as ORG, if it is a sports report."""
    clubs, stems, sport = _words()
    # Most articles write no club's name: one set look-up per token (in C) tells.
    if stems.isdisjoint(map(attrgetter("stem"), tokens)):
        return mentions
    written = [_club_key(t) for t in tokens]
    at = [i for i, key in enumerate(written) if key in clubs]
    if not at or len(sport.intersection(written) | sport.intersection(map(attrgetter("key"), tokens))) \
            < MIN_SPORT_WORDS:
        return mentions
    out = list(mentions)
    changed = False
    for i in at:
        token = tokens[i]
        covering = [j for j, m in enumerate(out) if m.start < token.end and token.start < m.end]
        if not covering:
            # The proclitics before the article go (والهلال -> الهلال); لل keeps its letters,
            # as the linker reads it (للهلال: ل + الهلال).
            prefix = token.prefix[:-2] if token.prefix.endswith(("ال", "لل")) else token.prefix
            start = token.start + (proclitic_length(token.text, prefix) if prefix else 0)
            out.append(Mention(start, token.end, text[start:token.end], "ORG", source="gazetteer"))
            changed = True
        elif len(covering) == 1 and out[covering[0]].type != "ORG":
            # The tagger's span is the club alone (not a longer name holding the word).
            mention = out[covering[0]]
            if mention.end == token.end and mention.start >= token.start:
                out[covering[0]] = Mention(mention.start, mention.end, mention.text, "ORG", source=mention.source)
                changed = True
    return sorted(out, key=lambda m: (m.start, m.end)) if changed else mentions

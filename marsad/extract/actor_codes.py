"""CAMEO/PLOVER-style actor codes (country + sector: IRQGOV, USAMIL) for event actors.

Three sources, most specific first: the team-written table of nationality adjectives and
sector words (lexicon/actor_sectors.tsv, with the NER gazetteer's nationality adjectives
for the countries it lacks) applied to the mention's role and neighbouring
words, then the compact lookup built from UniversalPetrarch's Arabic actor dictionary
(data/actor_codes.tsv, rebuilt by scripts/build_actor_codes.py). Both are compared on a
*lemma key*: the dictionary's entries are lemmas ("رئيس_وزير_عراقي_"), so surface words lose
the article and the feminine/plural nisba endings before lookup. Hand-written because no
library lemmatises Arabic at this speed without a model.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.arabic.normalize import match_key

_MAX_NGRAM = 4  # longest phrase in either table, in words
# CAMEO codes of actors that belong to no state (international bodies, NGOs, militant
# networks, companies): a group named by one ("حلف شمال الاطلسي" IGO) is that actor, not a place
STATELESS = frozenset({"IGO", "NGO", "IMG", "MNC"})


def lemma_word(word: str) -> str:
    """A surface word reduced towards its dictionary lemma: الأميركية -> اميركي."""
    return lemma_of_key(match_key(word))


def lemma_of_key(key: str) -> str:
    """`lemma_word` of a word's match key (a token's key)."""
    for prefix in ("وال", "بال", "لل", "ال"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            key = key[len(prefix) :]
            break
    for plural in ("يين", "يون"):  # nisba plurals: العراقيين -> عراقي
        if key.endswith(plural) and len(key) > 5:
            return key[: -len(plural)] + "ي"
    if key.endswith("ه") and len(key) > 3:  # ta marbuta (ة is ه in match keys)
        key = key[:-1]
    return key


def lemma_key(phrase: str) -> str:
    words = phrase.replace("_", " ").split()
    return " ".join(w for w in (lemma_word(x) for x in words) if w)


@dataclass(frozen=True)
class CodeTables:
    countries: dict[str, str]  # lemma key -> ISO-3 / IGO
    sectors: dict[str, str]  # lemma key -> GOV / MIL ...
    actors: dict[str, str]  # lemma key -> code of a named actor (actor dictionary)
    agents: dict[str, str]  # lemma key -> sector of a generic agent (agents dictionary)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> CodeTables:
        countries: dict[str, str] = {}
        sectors: dict[str, str] = {}
        for row in _rows(resources.files("marsad.arabic") / "lexicon" / "actor_sectors.tsv"):
            table = countries if row["part"] == "country" else sectors
            table[lemma_key(row["phrase"])] = row["code"]
        # the NER gazetteer's nationality adjectives fill the countries the table lacks
        # (الباكستاني، الأفغانية، جزائريين): "الجيش الباكستاني" is PAKMIL, not MIL
        for row in _rows(resources.files("marsad") / "data" / "gazetteer_nationalities.tsv"):
            if row["code"]:
                countries.setdefault(lemma_key(row["name"]), row["code"])
        actors: dict[str, str] = {}
        agents: dict[str, str] = {}
        path = resources.files("marsad") / "data" / "actor_codes.tsv"
        if path.is_file():
            for row in _rows(path):
                (actors if row["kind"] == "actor" else agents).setdefault(row["key"], row["code"])
        return cls(countries, sectors, actors, agents)


def _rows(path) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t"))


def _ngrams(words: list[str]) -> list[str]:
    """All n-grams, longest first, so "رئيس الوزراء" wins over "رئيس"."""
    out: list[str] = []
    for n in range(min(_MAX_NGRAM, len(words)), 0, -1):
        out.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return out


def _first(table: dict[str, str], grams: list[str]) -> str | None:
    for gram in grams:
        code = table.get(gram)
        if code:
            return code
    return None


@lru_cache(maxsize=50_000)
def actor_code(
    text: str, role: str | None = None, context: str = "", kind: str = "PER"
) -> str | None:
    """Code for a mention `text` of entity type `kind`, with its `role` and `context` (the
    word right after it, used only when it is a nationality adjective).

    "مصطفى الكاظمي" + role "رئيس الوزراء العراقي" -> IRQGOV; "الحرس الثوري" + context
    "الإيراني" -> IRNMIL; "البيت الأبيض" -> USAGOV from the dictionary.
    """
    tables = CodeTables.load()
    own = lemma_key(text)
    adjective = _nationality_adjective(context)
    described = f"{lemma_key(role or '')} {own} {adjective}".split()
    grams = _ngrams(described)
    country = _first(tables.countries, grams)
    sector = _first(tables.sectors, grams)
    if not country and role:  # "مبعوث البيت الأبيض": the institution in the role names the country
        institution = _first(
            tables.actors, [g for g in _ngrams(lemma_key(role).split()) if " " in g]
        )
        country = institution[:3] if institution else None
    if country and sector:
        return country + sector
    known = tables.actors.get(own)
    # A bare country code from the dictionary names a place; a person or group that shares
    # the lemma (الكاظمي / the district الكاظمية) is not that country.
    if known and (len(known) > 3 or kind == "LOC" or (kind != "PER" and known in STATELESS)):
        return known + sector if len(known) == 3 and sector else known
    if kind != "PER" and not sector:
        sector = tables.agents.get(own)
    if country:
        return country + (sector or "")
    return None


def _nationality_adjective(context: str) -> str:
    """The first context word when it is a nisba adjective (الإيراني، الأمريكية)."""
    words = context.split()
    if not words:
        return ""
    word = lemma_word(words[0])
    return word if word.endswith("ي") else ""


@lru_cache(maxsize=50_000)
def country_of(word: str) -> str | None:
    """ISO-3 code when `word` is a nationality adjective or country name (الأمريكية -> USA);
    remembered per word: the event coder asks it of the words after every agent and noun."""
    return CodeTables.load().countries.get(lemma_key(word))

"""Typed agent phrases as event participants beside the entity mentions: "الشرطة
العراقية" (IRQCOP), "مسلحون" (REB), "المتظاهرين" (CVL), with CAMEO sector codes from
lexicon/actor_sectors.tsv and UniversalPetrarch's actor dictionary, and a country where a
nationality adjective follows. They are placed as arguments (`agent_args`) and take their
roles by the same word-order rules as the mentions (`arguments.attach_arguments`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import is_

from marsad.extract.actor_codes import CodeTables, actor_code, country_of, lemma_of_key
from marsad.extract.events.lexicon import (
    AGENT_MARKS,
    KEY,
    LOCATIVE,
    MODIFIERS,
    ON,
    OTHER_PREPOSITIONS,
    TO,
    VICTIMS,
    WITH,
    is_break,
    load_lexicon,
)
from marsad.extract.events.placing import Arg, _conjoined, _not_participants, counted_at, is_count, preposition_of
from marsad.model import Mention, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE

_PREPOSITIONS = ON | WITH | AGENT_MARKS | LOCATIVE | TO | OTHER_PREPOSITIONS


@dataclass(frozen=True)
class Agent:
    """A typed agent phrase ("الشرطة العراقية", "مسلحون", "المتظاهرين") outside the entity
    mentions: its tokens, its words and its CAMEO code (IRQCOP, REB)."""

    first: int
    last: int
    text: str
    code: str


def _sectors(keys: Iterable[str]) -> list[str]:
    """`_sector_of` of each token key ("" for none), remembered in a plain dict: a token
    costs one C-level look-up (half an lru_cache's), and every event sentence asks for all
    of its tokens."""
    memo = _SECTOR_MEMO
    keys = list(keys)
    found = list(map(memo.get, keys))
    if None in found:
        if len(memo) > LRU_WORD_CACHE_SIZE:
            memo.clear()
        for i in compress(count(), map(is_, found, repeat(None))):
            found[i] = memo[keys[i]] = _sector_of(keys[i]) or ""
    return found  # type: ignore[return-value]


_SECTOR_MEMO: dict[str, str] = {}


def _sector_of(key: str) -> str | None:
    """The CAMEO sector of a word (by its match key) that names a kind of agent (الشرطة
    COP، مسلحون REB، المدنيين CVL), from lexicon/actor_sectors.tsv, then the sector-only
    entries of UniversalPetrarch's actor dictionary (data/actor_codes.tsv). Its agents
    dictionary is left out: it codes common nouns (مجتمع "society" CVL, طيار "pilot" MIL
    in "بدون طيار")."""
    lemma = lemma_of_key(key)
    sector = _sectors_by_lemma().get(lemma)
    if not sector or len(lemma) < 3 or key in _not_participants():  # أمام "in front of" is no imam
        return None
    return sector


@lru_cache(maxsize=1)
def _sectors_by_lemma() -> dict[str, str]:
    """Lemma key -> the sector it names: the sector words, else an actor dictionary entry
    whose code is a sector alone (one table read once, not two per word)."""
    tables = CodeTables.load()
    codes = set(tables.sectors.values())
    table = {key: code for key, code in tables.actors.items() if code and code in codes}
    table.update((key, sector) for key, sector in tables.sectors.items() if sector)
    return table


def _is_adjective_after_noun(token: Token, before: Token) -> bool:
    """A singular nisba (عسكري، العسكرية) or a modifier (lexicon/event_grammar.tsv: مسلح)
    right after a word that is no preposition, number or punctuation modifies that word;
    plurals (المدنيين، مسلحون) stand alone as agents."""
    key = token.key
    singular_nisba = key.endswith(("ي", "يه")) and not key.endswith(("يي", "ويه"))
    return (singular_nisba or key in MODIFIERS) and not (
        is_break(before) or before.key in _PREPOSITIONS or is_count(before.key))


def agent_sectors(tokens: Sequence[Token]) -> list[str]:
    """Each token's sector if its word names a kind of agent, else "" (most sentences have
    none): what `find_agents` reads."""
    return _sectors(map(KEY, tokens))


def find_agents(tokens: Sequence[Token], taken: frozenset[int], sectors: Sequence[str] | None = None) -> list[Agent]:
    """Agent phrases outside the mentions (`taken`): a sector word with the agent words and
    nationality adjectives right after it ("مفجرون انتحاريون", "الشرطة العراقية").
    `sectors`: `agent_sectors` of the tokens, when the caller has them."""
    agents: list[Agent] = []
    after = -1  # the last token of the agent found last
    # the sector words first (a remembered look-up per token), then the few of them read
    if sectors is None:
        sectors = agent_sectors(tokens)
    for j in compress(count(), sectors):
        tok = tokens[j]
        if j <= after or j in taken or is_break(tok) or j + 1 in taken:
            continue  # j + 1 taken: "الرئيس دونالد ترامب", the title of a named participant
        if j > 0 and _is_adjective_after_noun(tok, tokens[j - 1]) and not _event_verb(tokens[j - 1]):
            continue  # "قاعدة التاجي العسكرية", "هجوم مسلح": a modifier; "استهدف انتحاري": the subject
        last = j
        governed: set[int] = set()  # nouns the agent word governs, read past for its country
        sector = sectors[j]
        while last + 1 < len(tokens) and last + 1 not in taken and not _conjunct(tokens[last + 1]):
            if (sectors[last + 1] and _adjective_like(tokens[last + 1])) or country_of(tokens[last + 1].text):
                last += 1  # "مفجرون انتحاريون", "جنود أميركيين": one phrase
            elif last == j and _governs_agent(tokens, j, sectors):
                last += 1  # "قوات الأمن", "جنود الاحتلال": the governed agent word says who
                sector = sectors[last]
            elif (tokens[last + 1].key == "من" and last + 2 < len(tokens) and sectors[last + 2]
                  and last + 2 not in taken):
                last += 2  # "قوة من الشرطة العراقية", "المتشددين من الموالين"
            elif _genitive_then_nationality(tokens, last + 1, taken):
                governed.add(last + 1)
                last += 2  # "سلاح الجو الإسرائيلي", "جيش الاحتلال الإسرائيلي"
            else:
                break
        text = " ".join(t.text for t in tokens[j : last + 1])
        context = " ".join(t.text for i, t in enumerate(tokens[j + 1 : last + 1], j + 1) if i not in governed)
        code = actor_code(tok.text, None, context, "ORG") or sector
        if code != sector and code in country_codes():
            code += sector  # "سلاح ... الإسرائيلي": the country found, the sector is the word's
        elif sector != sectors[j] and code.endswith(sectors[j]):
            code = code[: -len(sectors[j])] + sector  # "قوات الأمن العراقية": IRQCOP, not IRQMIL
        agents.append(Agent(j, last, text, code))
        after = last
    return agents


def _governs_agent(tokens: Sequence[Token], j: int, sectors: Sequence[str]) -> bool:
    """An agent word in the construct state (no article) before a definite agent word: the
    two are one phrase, and the second names the force ("قوات الأمن" COP, "عناصر الشرطة")."""
    nxt = j + 1
    return (nxt < len(tokens) and bool(sectors[nxt]) and not tokens[j].key.removeprefix("و").startswith("ال")
            and not possessed(tokens[j]) and tokens[nxt].key.startswith("ال") and not is_break(tokens[nxt]))


def _genitive_then_nationality(tokens: Sequence[Token], i: int, taken: frozenset[int]) -> bool:
    """A definite noun and then a nationality adjective after an agent word: the adjective
    gives the agent's country across the noun it governs ("سلاح الجو الإسرائيلي")."""
    if i + 1 >= len(tokens) or not tokens[i].key.startswith("ال") or tokens[i].key in _PREPOSITIONS:
        return False  # most words that end an agent phrase stop here
    return (i not in taken and i + 1 not in taken and tokens[i + 1].key.endswith(_NISBA)
            and country_of(tokens[i + 1].text) is not None)


_NISBA = ("ي", "يه", "يين", "يون")  # الإسرائيلي، الإسرائيلية، الباكستانيين (match keys: ة is ه)


def possessed(token: Token) -> bool:
    """ "جنوده", "قواته": a sector word with the possessive ه (written ه, not the ة of
    "قوة"), whose possessor was named before it."""
    text = token.text.removeprefix("و")
    return text.endswith("ه") and not text.startswith("ال")


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(CodeTables.load().countries.values())


def _event_verb(token: Token) -> bool:
    """A trigger verb of the lexicon ("استهدف", "فجر"): what follows it is its subject, not an
    adjective of it."""
    return any(t.pos == "v" for t in load_lexicon().lookup(token.key)[0])


def _adjective_like(token: Token) -> bool:
    """An agent word that may describe the one before it: a nisba or a participle
    ("انتحاريون", "متمردين", "مجهولون"), not another noun ("المتظاهرين قوات": two agents)."""
    stem = token.key.removeprefix("ال")
    return stem.startswith("م") or stem.endswith(("ي", "يون", "يين", "يه", "يا"))


def _conjunct(token: Token) -> bool:
    """ "والمسلحين" after "الجيش": a second agent joined by و, not a word of the first."""
    key = token.key
    return key[:1] == "و" and bool(_sectors([key[1:]])[0])


def agent_args(tokens: Sequence[Token], agents: Iterable[Agent]) -> list[Arg]:
    """Agent phrases placed as arguments beside the entity mentions, governed and joined by
    the words before them as a mention is (`place_mentions`)."""
    out = []
    for a in agents:
        m = Mention(tokens[a.first].start, tokens[a.last].end, a.text, "ORG", source="agent")
        out.append(Arg(m, a.first, a.last, preposition_of(tokens, a.first, tokens[a.first].prefix),
                       _conjoined(tokens, a.first, m),
                       a.code, counted_at(tokens, a.first), tokens[a.first].key.removeprefix("و") in VICTIMS))
    return out

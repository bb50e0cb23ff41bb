"""Typed agent phrases as event participants where no entity mention stands: "الشرطة
العراقية" (IRQCOP), "مسلحون" (REB), "المتظاهرين" (CVL), with CAMEO sector codes from
lexicon/actor_sectors.tsv and UniversalPetrarch's actor dictionary, and a country where a
nationality adjective follows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import is_

from marsad.extract.actor_codes import CodeTables, actor_code, country_of, lemma_of_key
from marsad.extract.events.arguments import _not_participants
from marsad.extract.events.lexicon import (
    AGENT_MARKS,
    FORWARD_WINDOW,
    KEY,
    LOCATIVE,
    ON,
    OTHER_PREPOSITIONS,
    PASSIVE_AUX,
    SUBJECT_BACK,
    TO,
    WITH,
    is_break,
)
from marsad.extract.events.triggers import Hit
from marsad.model import Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE

_PREPOSITIONS = ON | WITH | AGENT_MARKS | LOCATIVE | TO | OTHER_PREPOSITIONS


@dataclass(frozen=True)
class Agent:
    """A typed agent phrase ("الشرطة العراقية", "مسلحون", "المتظاهرين") standing as a
    participant where no entity mention does: its words and its CAMEO code (IRQCOP, REB)."""

    first: int
    last: int
    text: str
    code: str
    prep: str


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
    """A singular nisba (عسكري، العسكرية) right after a word that is no preposition or
    punctuation modifies that word; plurals (المدنيين، مسلحون) stand alone as agents."""
    key = token.key
    singular_nisba = key.endswith(("ي", "يه")) and not key.endswith(("يي", "ويه"))
    return singular_nisba and not is_break(before) and before.key not in ON | WITH | TO | LOCATIVE | AGENT_MARKS


def find_agents(tokens: Sequence[Token], taken: frozenset[int]) -> list[Agent]:
    """Agent phrases outside the mentions (`taken`): a sector word with a nationality
    adjective after it when there is one."""
    agents: list[Agent] = []
    after = -1  # the last token of the agent found last
    # the sector words first (a remembered look-up per token), then the few of them read
    sectors = _sectors(map(KEY, tokens))
    for j in compress(count(), sectors):
        tok = tokens[j]
        if j <= after or j in taken or is_break(tok) or j + 1 in taken:
            continue  # j + 1 taken: "الرئيس دونالد ترامب", the title of a named participant
        if j > 0 and _is_adjective_after_noun(tok, tokens[j - 1]):
            continue  # "قاعدة التاجي العسكرية", "مستشفى عسكري": a modifier, not an agent
        sector = sectors[j]
        last = j
        if j + 1 < len(tokens) and j + 1 not in taken and country_of(tokens[j + 1].text):
            last = j + 1
        text = " ".join(t.text for t in tokens[j : last + 1])
        context = tokens[last].text if last > j else ""
        code = actor_code(tok.text, None, context, "ORG") or sector
        prev = tokens[j - 1].key if j else ""
        prep = prev if prev in _PREPOSITIONS else ""
        agents.append(Agent(j, last, text, code, prep))
        after = last
    return agents


def agent_participants(tokens: Sequence[Token], hit: Hit, agents: list[Agent]) -> tuple[Agent | None, Agent | None]:
    """(actor, target) among typed agents for a trigger that found no mention: the subject
    before a verb with no clause break (SVO) or the first agent after it (VSO, or a noun's
    genitive); the target the next agent after the trigger, or one after على / ضد."""
    i = hit.index
    clause_before = []
    for j in range(i - 1, max(-1, i - 1 - SUBJECT_BACK), -1):
        if is_break(tokens[j]):
            break
        clause_before.append(j)
    after: list[Agent] = []
    for a in agents:
        if i < a.first <= i + FORWARD_WINDOW and not any(is_break(t) for t in tokens[i + 1 : a.first]):
            after.append(a)
    before = [a for a in agents if a.last in clause_before and a.prep not in ON | LOCATIVE]
    actor: Agent | None = None
    plain_after = [a for a in after if a.prep == ""]
    active = hit.trigger.pos != "n" and not _passive_marked(tokens, i)
    if hit.trigger.args != "patient" and before:
        actor = before[-1]
    elif plain_after and active and (hit.trigger.args != "patient" or len(plain_after) > 1):
        actor = plain_after[0]  # VSO; a patient verb with two agents after it is active too
    rest = [a for a in after if a is not actor and (a.prep in ON or a.prep == "")]
    target = rest[0] if rest else None
    if actor is None and hit.trigger.args == "patient":
        actor = next((a for a in after if a.prep in AGENT_MARKS), None)
    return actor, target


def _passive_marked(tokens: Sequence[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].key in PASSIVE_AUX

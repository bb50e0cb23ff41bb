"""Parties written without the word حزب (issue 20: "الحزبين العريقين الاستقلال والاتحاد
الاشتراكي", "الأحزاب المنافسة ... العدالة و التنمية" were missed), and a party's name in
quotes after حزب (حزب «التجمع الوطني للأحرار»: the tagger took حزب alone).

The names are learnt (marsad/data/ner_party_names.tsv, made by scripts/learn_party_names.py:
what SaudiNewsNet and the NER corpora write after حزب). A learnt name written bare is a party
only in a sentence that speaks of parties in the plural or the dual (الأحزاب, الحزبين, أحزاب):
a name of several words anywhere in it, a name of one word (الاستقلال, النور: ordinary words
too) only near that word (within _NEAR words after it) or joined by و or a comma to another
party of the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from marsad.arabic.tokenize import clitic_candidates
from marsad.arabic.words import table_rows
from marsad.model import Mention, Token

PARTY_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_party_names.tsv"
_PARTY = "حزب"
_PARTIES = frozenset({"احزاب", "حزبين", "حزبان", "حزبا", "حزبي"})  # stems: the plural, the dual
_QUOTES = frozenset("«\"“")
_CLOSING = frozenset("»\"”")
_JOINERS = frozenset({"و", "،", ","})
_NEAR = 3
_LONGEST_QUOTED = 6


@lru_cache(maxsize=1)
def party_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the learnt names (as name keys) that open with it, longest first."""
    names: dict[str, list[tuple[str, ...]]] = {}
    for row in table_rows(PARTY_NAMES_FILE, 1):
        words = tuple(row[0].split())
        names.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in names.items()}


def _name_key(token: Token) -> str:
    """A token as the list keeps a name's word: a glued و cut before the article."""
    return token.key[1:] if token.key.startswith("وال") else token.key


def _stems(token: Token) -> set[str]:
    return {stem for _, stem in clitic_candidates(token.key)} | {token.stem}


def with_party_names(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """A sentence's mentions with its parties written bare, or quoted after حزب, as ORG."""
    # most sentences write no حزب nor أحزاب: substring searches of the sentence tell
    written = text[tokens[0].start:tokens[-1].end] if tokens else ""
    if _PARTY not in written and "حزاب" not in written:
        return mentions
    found, heads = _quoted(tokens)
    # حزب alone, taken by the tagger before the quoted name, is no name
    mentions = [m for m in mentions if m.end not in heads or m.text != _PARTY]
    cues = [i for i, t in enumerate(tokens) if "حز" in t.key and not _PARTIES.isdisjoint(_stems(t))]
    if cues:
        found += _bare(tokens, cues, mentions)
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in found)
            or (m.type == "ORG" and any(m.start <= s and e <= m.end and (s, e) != (m.start, m.end)
                                        and m.text != _PARTY for s, e in found))]
    added = [Mention(s, e, text[s:e], "ORG", source="gazetteer") for s, e in found
             if not any(m.start <= s and e <= m.end for m in kept)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _quoted(tokens: Sequence[Token]) -> tuple[list[tuple[int, int]], set[int]]:
    """حزب «X»: the quoted words, and where each حزب before them ends."""
    found, heads = [], set()
    for i, token in enumerate(tokens[:-2]):
        if token.key.endswith(_PARTY) and _PARTY in _stems(token) and tokens[i + 1].text in _QUOTES:
            for j in range(i + 2, min(len(tokens), i + 2 + _LONGEST_QUOTED)):
                if tokens[j].text in _CLOSING:
                    if j > i + 2:
                        found.append((tokens[i + 2].start, tokens[j - 1].end))
                        heads.add(token.end)
                    break
    return found, heads


def _bare(tokens: Sequence[Token], cues: list[int], mentions: list[Mention]) -> list[tuple[int, int]]:
    names = party_names()
    matches: list[tuple[int, int]] = []  # token index spans
    i = 0
    while i < len(tokens):
        end = _match(tokens, i, names.get(_name_key(tokens[i]), ()))
        if end is None:
            i += 1
            continue
        matches.append((i, end))
        i = end
    orgs = {m.start for m in mentions if m.type == "ORG"} | {tokens[a].start for a, _ in matches}
    found = []
    for first, end in matches:
        several = sum(1 for t in tokens[first:end] if t.key not in _JOINERS) > 1
        near = any(0 < first - c <= _NEAR for c in cues)
        joined = (first >= 2 and tokens[first - 1].key in _JOINERS
                  and _org_ends_at(tokens, first - 1, mentions, matches)) \
            or (end + 1 < len(tokens) and tokens[end].key in _JOINERS and tokens[end + 1].start in orgs) \
            or (tokens[first].key.startswith("وال") and _org_ends_at(tokens, first, mentions, matches))
        if several or near or joined:
            found.append((tokens[first].start + (1 if tokens[first].key.startswith("وال") else 0), tokens[end - 1].end))
    return found


def _match(tokens: Sequence[Token], at: int, candidates: tuple[tuple[str, ...], ...]) -> int | None:
    """The token index after the longest learnt name starting at `at` (a و written apart
    inside it skipped: "الأصالة و المعاصرة")."""
    for name in candidates:
        i, ok = at, True
        for word in name:
            while i < len(tokens) and tokens[i].key == "و" and i > at:
                i += 1
            if i >= len(tokens) or _name_key(tokens[i]) != word:
                ok = False
                break
            i += 1
        if ok:
            return i
    return None


def _org_ends_at(tokens: Sequence[Token], before: int, mentions: list[Mention],
                 matches: list[tuple[int, int]]) -> bool:
    """Whether a party (an ORG or a learnt name) ends right before token `before`."""
    if before < 1:
        return False
    edge = tokens[before - 1].end
    return any(m.type == "ORG" and m.end == edge for m in mentions) \
        or any(tokens[e - 1].end == edge for _, e in matches)

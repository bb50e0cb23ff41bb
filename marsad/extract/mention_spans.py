"""Mention spans the tagger cuts short, mended from the sentence's tokens:

- a country's institution named with its nationality adjective is one ORG ("الجيش
  السوداني", "وزارة الخارجية المصرية"): the tagger leaves the noun out and the gazetteer
  gives the adjective alone as MISC (nouns: marsad/data/ner_institution_heads.tsv);
- a person's name is not cut after بن / ابن / بنت ("زين العابدين بن" + علي, which the
  tagger reads as the preposition على).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from marsad.arabic.tokenize import clitic_candidates, proclitic_length
from marsad.arabic.words import key_table
from marsad.model import Mention, Token

HEADS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_institution_heads.tsv"
_SON_OF = (" بن", " ابن", " بنت", " إبن")


@lru_cache(maxsize=1)
def institution_heads() -> dict[str, str]:
    """Match key (with the article where written so) -> head | head_of."""
    return key_table(HEADS_FILE)


def _head_kind(token: Token, heads: dict[str, str]) -> tuple[str, str] | None:
    """(kind, glued proclitic) of a token that is an institution noun: والجيش -> head, و."""
    for prefix, stem in clitic_candidates(token.key):
        kind = heads.get(stem)
        if kind and (kind == "head_of" or stem.startswith("ال")):
            return kind, prefix
    return None


def _is_definite(token: Token) -> bool:
    return token.prefix.endswith(("ال", "لل"))


def _agrees(noun: Token, adjective: Token) -> bool:
    """Whether a singular nationality adjective agrees in gender with the noun: "وزير
    الخارجية الأردني" qualifies the minister (masculine), not the ministry (feminine). A
    plural that is not a person's (القوات) takes the feminine."""
    feminine = noun.key.endswith("ه") or noun.key.endswith("ات")
    if adjective.key.endswith("يه"):
        return feminine
    return adjective.key.endswith("ي") and not feminine


def _institution(tokens: Sequence[Token], at: int, text: str,
                 heads: dict[str, str]) -> Mention | None:
    """The ORG that the nationality adjective at token `at` closes, if one does."""
    # The longer name first: "وزارة الخارجية المصرية", not "الخارجية المصرية".
    start, prefix = None, ""
    if at >= 2 and _is_definite(tokens[at - 1]) and (found := _head_kind(tokens[at - 2], heads)):
        if found[0] == "head_of" and _agrees(tokens[at - 2], tokens[at]):
            start, prefix = at - 2, found[1]
    if start is None and at >= 1 and _is_definite(tokens[at - 1]) and (found := _head_kind(tokens[at - 1], heads)):
        if found[0] == "head" and _agrees(tokens[at - 1], tokens[at]):
            start, prefix = at - 1, found[1]
    if start is None:
        return None
    first = tokens[start]
    # وزارة / والجيش: the name starts after a glued conjunction or preposition (للجيش
    # keeps its letters: the linker reads لل as ل + ال).
    cut = 0 if prefix.startswith("لل") else proclitic_length(first.text, prefix.removesuffix("ال"))
    begin = first.start + cut
    end = tokens[at].end
    return Mention(begin, end, text[begin:end], "ORG", source="gazetteer")


def mend_spans(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with institutions joined to their adjective and names ending
    in بن carried on to the next word. Most sentences have neither: they pass untouched."""
    nationalities = [m for m in mentions if m.type == "MISC" and m.source == "gazetteer"]
    cut_names = [m for m in mentions if m.type == "PER" and m.text.endswith(_SON_OF)]
    if not nationalities and not cut_names:
        return mentions
    at_end = {t.end: i for i, t in enumerate(tokens)}
    added: list[Mention] = []
    heads = institution_heads()
    for adjective in nationalities:
        at = at_end.get(adjective.end)
        found = _institution(tokens, at, text, heads) if at is not None else None
        # Only where the noun went unnamed: an ORG already found ("البنك المركزي" + المصري)
        # stays as it is, so that it keeps linking with the articles that write it alone.
        if found is not None and not any(m.start < adjective.start and found.start < m.end for m in mentions):
            added.append(found)
    for name in cut_names:
        at = at_end.get(name.end)
        if at is not None and at + 1 < len(tokens) and tokens[at + 1].key.isalpha():
            end = tokens[at + 1].end
            added.append(Mention(name.start, end, text[name.start:end], "PER", source=name.source))
    if not added:
        return mentions
    kept = [m for m in mentions if not any(a.start < m.end and m.start < a.end and a.start <= m.start
                                               and m.end <= a.end for a in added)]
    # A mention already spanning the new one (the tagger's "الحكومة اليمنية") stays as it is.
    added = [a for a in added if not any(m.start < a.end and a.start < m.end for m in kept)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))

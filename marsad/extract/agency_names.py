"""News agencies named in an article's datelines and credits ("عمان (بترا) -", "بحسب مراسل
الأناضول"): an organisation, whatever the tagger made of the name (it reads بترا as Petra
and الأناضول as Anatolia). The spellings are the cleaner's list of agencies
(marsad/arabic/lexicon/agencies.tsv); a name counts only where the context says it is an
agency: in parentheses, or right after مراسل ("correspondent") or وكالة ("agency")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from marsad.arabic.normalize import match_key
from marsad.clean.lexicon import agency_variants, line_key
from marsad.model import Mention, Token

_BEFORE = frozenset(match_key(w) for w in ("مراسل", "لمراسل", "ومراسل", "وكالة", "لوكالة", "ووكالة"))


@lru_cache(maxsize=1)
def _one_word_agencies() -> frozenset[str]:
    return frozenset(key for key in agency_variants() if " " not in key)


def agency_mentions(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with each agency named in a dateline or a credit an ORG: the
    tagger's mention on it retyped, or a new one where it found none."""
    agencies = _one_word_agencies()
    out = list(mentions)
    last = len(tokens) - 1
    # The context is tested first: it is a lookup on the word before, and it rules out
    # nearly every token, where the agency test costs a line key (every token of every
    # sentence: about 5% of the mentions stage when it came first).
    for i in range(1, last + 1):
        before = tokens[i - 1]
        in_brackets = i < last and before.text == "(" and tokens[i + 1].text == ")"
        if not in_brackets and before.key not in _BEFORE:
            continue
        token = tokens[i]
        if line_key(token.text) not in agencies:
            continue
        on = [m for m in out if m.start < token.end and token.start < m.end]
        if not on:
            out.append(Mention(token.start, token.end, text[token.start:token.end], "ORG", source="gazetteer"))
        elif len(on) == 1 and (on[0].start, on[0].end) == (token.start, token.end) and on[0].type != "ORG":
            out[out.index(on[0])] = replace(on[0], type="ORG")
    return sorted(out, key=lambda m: (m.start, m.end))

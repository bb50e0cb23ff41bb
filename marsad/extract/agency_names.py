"""News agencies named in an article's datelines and credits ("عمان (بترا) -", "بحسب مراسل
الأناضول"): an organisation, whatever the tagger made of the name (it reads بترا as Petra
and الأناضول as Anatolia). The spellings are the cleaner's list of agencies
(marsad/arabic/lexicon/agencies.tsv); a name counts only where the context says it is an
agency: in parentheses, right after مراسل ("correspondent") or وكالة ("agency"), first in a
sentence before a dash ("وأج - يتصدر"), or after a slash ("هتون/ واس")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from operator import attrgetter

from marsad.arabic.normalize import match_key
from marsad.clean.lexicon import agency_variants, line_key
from marsad.model import Mention, Token

_DATELINE_MARKS = frozenset({"-", "–", "/", ":"})
_TEXT, _KEY = attrgetter("text"), attrgetter("key")
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
    # Most sentences have none of the contexts (a bracket, a slash, مراسل, a dash after the
    # first word): C-level set tests pass them by without a loop over their tokens.
    texts = set(map(_TEXT, tokens))
    if "(" not in texts and "/" not in texts and _BEFORE.isdisjoint(map(_KEY, tokens)) \
            and not (last > 0 and tokens[1].text in _DATELINE_MARKS):
        return sorted(out, key=lambda m: (m.start, m.end))
    # The context is tested first: it is a lookup on the word before, and it rules out
    # nearly every token, where the agency test costs a line key (every token of every
    # sentence: about 5% of the mentions stage when it came first).
    for i in range(last + 1):
        before = tokens[i - 1] if i else None
        in_brackets = before is not None and i < last and before.text == "(" and tokens[i + 1].text == ")"
        # a dateline: "وأج - يتصدر ...", "هتون/ واس": first in its sentence before a dash, or after a slash
        dateline = (before is None and i < last and tokens[i + 1].text in _DATELINE_MARKS) \
            or (before is not None and before.text == "/")
        if not in_brackets and not dateline and (before is None or before.key not in _BEFORE):
            continue
        token = tokens[i]
        if line_key(token.text) not in agencies:
            continue
        if before is not None and before.text == "/" and i > 1:
            # "هتون/ واس": the outlet that credits the agency is an organisation too
            outlet = tokens[i - 2]
            out = [replace(m, type="ORG") if (m.start, m.end) == (outlet.start, outlet.end) else m for m in out]
        on = [m for m in out if m.start < token.end and token.start < m.end]
        if not on:
            out.append(Mention(token.start, token.end, text[token.start:token.end], "ORG", source="gazetteer"))
        elif len(on) == 1 and (on[0].start, on[0].end) == (token.start, token.end) and on[0].type != "ORG":
            out[out.index(on[0])] = replace(on[0], type="ORG")
    return sorted(out, key=lambda m: (m.start, m.end))

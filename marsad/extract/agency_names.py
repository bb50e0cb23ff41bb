"""News agencies named in an article's datelines and credits ("عمان (بترا) -", "بحسب مراسل
الأناضول"): an organisation, whatever the tagger made of the name (it reads بترا as Petra
and الأناضول as Anatolia). The spellings are the cleaner's list of agencies
(marsad/arabic/lexicon/agencies.tsv); a name counts only where the context says it is an
agency: in parentheses, right after مراسل ("correspondent") or وكالة ("agency"), first in a
sentence before a dash ("وأج - يتصدر"), or after a slash ("هتون/ واس"). Outlets named by
their context are ORG too (`outlet_mentions`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from operator import attrgetter

from marsad.arabic.normalize import match_key
from marsad.clean.lexicon import agency_variants, line_key
from marsad.extract.org_names import org_words
from marsad.extract.roles import function_words
from marsad.model import Mention, Token

_DATELINE_MARKS = frozenset({"-", "–", "/", ":"})
_TEXT, _KEY = attrgetter("text"), attrgetter("key")
_BEFORE = frozenset(match_key(w) for w in ("مراسل", "لمراسل", "ومراسل", "وكالة", "لوكالة", "ووكالة"))
_OPENING, _CLOSING = frozenset('"«“'), frozenset('"»”')
# An outlet's quoted name has one to four words.
_LONGEST_OUTLET = 4
# Words before "لـ" and an outlet's quoted name at most this far: "تصريحات خاصة لـ".
_CUE_REACH = 3


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


@lru_cache(maxsize=1)
def _outlet_gate() -> frozenset[str]:
    """The keys without which a sentence names no outlet by its context: an outlet's word or
    a cue, bare or after و, and the لـ written apart ("لـ"مصر اليوم"")."""
    words = org_words()
    bare = words["outlet"] | words["outlet_cue"]
    return frozenset(bare | {"و" + k for k in bare} | {"ل"})


def outlet_mentions(mentions: list[Mention], tokens: Sequence[Token], text: str,
                    keys: Sequence[str] | None = None) -> list[Mention]:
    """The sentence's mentions with the outlets its context names as ORG: a quoted name
    after "لـ" that a statement's word comes shortly before ("في تصريحات خاصة لـ"مصر
    اليوم"") or after the verb of learning news ("وعلمت "الحياة""), and a paper's, channel's
    or site's word with the one bare word after it that the tagger took for a place or a
    person ("شبكة قدس", "مجلة أكتوبر": the two are the outlet's name)."""
    if _outlet_gate().isdisjoint(keys if keys is not None else [t.key for t in tokens]):
        return mentions  # one set test: most sentences have no outlet's word nor a cue
    words = org_words()
    cues, outlets = words["outlet_cue"], words["outlet"]
    out = list(mentions)
    for i, token in enumerate(tokens[:-2]):
        stem = token.key.removeprefix("و")
        if stem in outlets and not token.prefix:
            _outlet_word(out, tokens[i + 1], token, text)
            continue
        if token.text not in _OPENING or i == 0:
            continue
        before = tokens[i - 1]
        cued = before.key.removeprefix("و") in cues or (before.key == "ل" and any(
            t.key in cues for t in tokens[max(0, i - 1 - _CUE_REACH):i - 1]))
        reach = range(i + 1, min(i + 2 + _LONGEST_OUTLET, len(tokens)))
        end = next((j for j in reach if tokens[j].text in _CLOSING), None)
        if not cued or end is None or end == i + 1:
            continue
        first, last = tokens[i + 1], tokens[end - 1]
        if any(m.start < last.end and first.start < m.end and (m.start < first.start or m.end > last.end) for m in out):
            continue
        out = [m for m in out if not (first.start <= m.start and m.end <= last.end)]
        out.append(Mention(first.start, last.end, text[first.start:last.end], "ORG", source="gazetteer"))
    return sorted(out, key=lambda m: (m.start, m.end))


def _outlet_word(out: list[Mention], word: Token, descriptor: Token, text: str) -> None:
    """An outlet's word and the bare word after it that the tagger took for a place or a
    person: the two are one ORG (in `out`, in place)."""
    if word.prefix or not word.key.isalpha() or word.key in function_words():
        return
    on = [m for m in out if m.start < word.end and word.start < m.end]
    if len(on) != 1 or (on[0].start, on[0].end) != (word.start, word.end) or on[0].type not in ("LOC", "PER"):
        return
    start = descriptor.start + (len(descriptor.text) - len(descriptor.text.removeprefix("و")))
    out[out.index(on[0])] = Mention(start, word.end, text[start:word.end], "ORG", source=on[0].source)

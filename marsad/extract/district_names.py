"""Districts named after منطقة, حي or أحياء (kind `district` of marsad/data/ner_org_names.tsv),
which a reader marks by their name alone: "منطقة الغوير" -> الغوير, "أحياء الجمرك" -> الجمرك.
Only a rare definite word is a name; a frequent one is a noun ("منطقة الجزاء")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from marsad.arabic.tokenize import word_frequencies
from marsad.extract.org_names import PROCLITICS, RARE_WORD, org_words
from marsad.model import Mention, Token

# A district's name after منطقة / حي is a definite word SaudiNewsNet writes fewer times than
# this (الغوير, اليرموك, الجمرك), its stem under RARE_WORD; a frequent one is a noun
# ("منطقة الجزاء", "منطقة العمليات") or a region the gazetteer has.
_RARE_DISTRICT = 100


@lru_cache(maxsize=1)
def _district_keys() -> frozenset[str]:
    """The keys of منطقة, حي, أحياء with a glued conjunction or preposition (بمنطقة, وحي)."""
    return frozenset(prefix + stem for stem in org_words()["district"] for prefix in PROCLITICS)


def district_names(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with the districts named after منطقة, حي or أحياء (kind
    `district`) where none stands there: the name alone, as a reader marks it ("منطقة
    الغوير" -> الغوير)."""
    heads = _district_keys()
    if heads.isdisjoint(map(attrgetter("key"), tokens[:-1])):
        return mentions  # (nearly every sentence: one C-level pass tells)
    counts, _ = word_frequencies()
    added: list[Mention] = []
    for at, token in enumerate(tokens[:-1]):
        if token.key not in heads:
            continue  # nor "المنطقة", the one named before
        name = tokens[at + 1]
        if name.prefix != "ال" or not name.key.isalpha() or len(name.stem) < 3 \
                or counts.get(name.key, 0) >= _RARE_DISTRICT or counts.get(name.stem, 0) >= RARE_WORD \
                or any(m.start < name.end and name.start < m.end for m in mentions):
            continue
        added.append(Mention(name.start, name.end, name.text, "LOC", source="gazetteer"))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions

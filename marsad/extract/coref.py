"""Name repeats: once the tagger has found "مصطفى الكاظمي", every later "الكاظمي" (also
"والكاظمي", "للكاظمي") in the same article is that person, even where the tagger missed it.

A one-sense-per-document rule, standard in NER post-processing: a name in news keeps its
type within an article. Surnames are propagated only when one person carries them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from marsad.arabic.tokenize import clitic_candidates
from marsad.extract.entities import name_start
from marsad.model import Doc, Mention

# Surnames shorter than this are too often ordinary words ("علي" aside, which is a name).
MIN_SURNAME_LETTERS = 4


def propagate_names(doc: Doc, known_people: frozenset[tuple[str, ...]] = frozenset()) -> list[Mention]:
    """The doc's mentions plus the repeats of names it already found, and of the full
    person names in `known_people` (token keys of names found in other articles)."""
    mentions = list(doc.mentions)
    names: dict[tuple[str, ...], tuple[str, int]] = {}  # token keys -> (type, count of owners)
    surname_owner: dict[str, set[str]] = defaultdict(set)
    present = {t.key for s in doc.sentences for t in s.tokens} if known_people else set()
    present_stems = set().union(*(_stem_options(p) for p in present)) if present else set()
    extra = sorted(k for k in known_people if k[-1] in present_stems)  # sorted: no hash-order effects
    # Role-only references ("رئيس الوزراء") are titles, not names: they are not repeated.
    found = [(tuple(_keys(doc, m.start, m.end)), m.type) for m in mentions if m.source != "role"]
    for keys, etype in found + [(k, "PER") for k in extra]:
        if not keys:
            continue
        names.setdefault(keys, (etype, 0))
        if etype == "PER" and len(keys) >= 2 and len(keys[-1]) >= MIN_SURNAME_LETTERS:
            surname_owner[keys[-1]].add(" ".join(keys))
    for surname, owners in surname_owner.items():
        if len(owners) == 1 and (surname,) not in names:
            names[(surname,)] = ("PER", 0)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for keys, (etype, _) in names.items():
        by_first[keys[0]].append((keys, etype))
    for options in by_first.values():
        options.sort(key=lambda kv: -len(kv[0]))  # longest name first
    taken = [(m.start, m.end) for m in mentions]
    tokens = [t for s in doc.sentences for t in s.tokens]
    added: list[Mention] = []
    i = 0
    while i < len(tokens):
        hit = None
        for first in _stem_options(tokens[i].key) & by_first.keys():
            for keys, etype in by_first[first]:
                window = tokens[i:i + len(keys)]
                if len(window) == len(keys) and all(
                        k == t.key or k in _stem_options(t.key) for k, t in zip(keys[1:], window[1:], strict=True)):
                    hit = (len(keys), etype, first)
                    break
            if hit:
                break
        if hit:
            n, etype, first = hit
            # "وماكغورك" repeats ماكغورك: the mention starts after the glued conjunction.
            start = name_start(tokens[i], first.__eq__)
            end = tokens[i + n - 1].end
            if not any(s < end and start < e for s, e in taken):
                added.append(Mention(start, end, doc.article.text[start:end], etype, source="coref"))  # type: ignore[arg-type]
                taken.append((start, end))
            i += n
        else:
            i += 1
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def _keys(doc: Doc, start: int, end: int) -> list[str]:
    return [t.key for s in doc.sentences if s.start <= start < s.end or start <= s.start < end
            for t in s.tokens if start < t.end and t.start < end]  # a mention may start after a clitic


@lru_cache(maxsize=200_000)
def _stem_options(key: str) -> frozenset[str]:
    """The token itself and its clitic-free forms: "والكاظمي" -> {والكاظمي, الكاظمي, كاظمي}."""
    return frozenset(stem for _, stem in clitic_candidates(key)) | {key}


def person_names(doc: Doc) -> set[tuple[str, ...]]:
    """Token keys of the full person names (two words or more) the tagger found in a doc."""
    return {tuple(keys) for m in doc.mentions if m.type == "PER" and m.source in ("model", "gazetteer")
            for keys in [_keys(doc, m.start, m.end)] if len(keys) >= 2}

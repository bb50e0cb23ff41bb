"""Clubs whose names are ordinary words (الهلال the crescent, الترجي "hope"): in a sports
report they are the club. The tagger learnt few of them (ANERcorp is political news) and
left الهلال O in "انفرد الهلال بصدارة الدوري"; the gazetteer cannot list them, since outside
sport they are words. An article with at least two different sport words
(marsad/data/ner_sport_clubs.tsv) makes each of them an ORG: a word the tagger left O
becomes a mention, and one it gave another type (a PER, a LOC) takes ORG.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, proclitic_length, word_frequencies
from marsad.arabic.words import key_table
from marsad.extract.body_heads import clitic_forms
from marsad.extract.mention_spans import known_places
from marsad.extract.org_names import nationality_keys
from marsad.extract.roles import function_words
from marsad.model import Mention, Token

CLUBS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_sport_clubs.tsv"
# Sport words an article must write (different ones) before its club names are read as clubs.
MIN_SPORT_WORDS = 2
# A bare word after a club's head that SaudiNewsNet writes less often, and never with the
# article, is a name (قابس, بوسالم); a frequent one is a noun (مستقبل الفريق's فريق).
_RARE_WORD = 500
# A country's adjective names a club only after the club's own name (الترجي, الهلال) or a
# federation (الاتحاد السعودي); after a noun it is the noun's ("النجم المصري", a player).
_BY_COUNTRY = frozenset({"club", "federation"})
# An adjective SaudiNewsNet writes fewer times than this is a place's the gazetteer lacks
# (الجرجيسي, المنستيري, الساحلي), not one of sports reports (الكروي, الرسمي, الصحي).
_RARE_ADJECTIVE = 100


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(club name keys, the same without the article: the tokens' stems, sport word keys)."""
    kinds = _kinds()
    clubs = frozenset(k for k, kind in kinds.items() if "club" in kind)
    return (clubs, frozenset(k.removeprefix("ال") for k in clubs),
            frozenset(k for k, kind in kinds.items() if "sport" in kind))


@lru_cache(maxsize=1)
def _kinds() -> dict[str, frozenset[str]]:
    """Word key -> its kinds (club, sport, club_head, club_head_named)."""
    return {k: frozenset(v.split("+")) for k, v in key_table(CLUBS_FILE).items()}


@lru_cache(maxsize=1)
def _head_forms() -> frozenset[str]:
    """Every key one of whose clitic splits (not itself) is a club head's stem (ومستقبل)."""
    heads = _head_stems()
    return frozenset(key for key in clitic_forms(heads)
                     if any(stem in heads for _, stem in clitic_candidates(key)[1:]))


@lru_cache(maxsize=1)
def _sport_stems() -> frozenset[str]:
    """The sport words written with the article, without it: a token with the article whose
    stem is one writes that sport word (`_club_key`)."""
    return frozenset(k[2:] for k in _words()[2] if k.startswith("ال"))


@lru_cache(maxsize=1)
def _head_stems() -> frozenset[str]:
    """The stems of the club heads (نادي, نجم, مستقبل): one set test tells most reports."""
    return frozenset(k.removeprefix("ال") for k, kind in _kinds().items() if kind & {"club_head", "club_head_named"})


def _club_key(token: Token) -> str:
    """The token as a club's name is written: its stem with the article it carries
    (للهلال -> الهلال, والترجي -> الترجي), or its stem (وبيراميدز -> بيراميدز)."""
    return "ال" + token.stem if token.prefix.endswith(("ال", "لل")) else token.stem


def with_clubs(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The article's mentions with its clubs' names as ORG, if it is a sports report."""
    clubs, stems, sport = _words()
    # Most articles write no club's name: one set look-up per token (in C) tells.
    token_stems = set(map(attrgetter("stem"), tokens))
    if stems.isdisjoint(token_stems) and _head_stems().isdisjoint(token_stems):
        return mentions
    # Its sport words counted generously (a stem, with the article or without, or a whole key)
    # rule out most of the rest before each token's club key is written.
    keys = set(map(attrgetter("key"), tokens))
    if len(sport & token_stems) + len(_sport_stems() & token_stems) + len(sport & keys) < MIN_SPORT_WORDS:
        return mentions
    written = [_club_key(t) for t in tokens]
    at = [i for i, key in enumerate(written) if key in clubs]
    if len(sport.intersection(written) | sport.intersection(map(attrgetter("key"), tokens))) < MIN_SPORT_WORDS:
        return mentions
    out = clubs_with_country(places_as_clubs(club_names(list(mentions), tokens, text), tokens, text), text)
    changed = False
    for i in at:
        token = tokens[i]
        covering = [j for j, m in enumerate(out) if m.start < token.end and token.start < m.end]
        if not covering:
            # The proclitics before the article go (والهلال -> الهلال); لل keeps its letters,
            # as the linker reads it (للهلال: ل + الهلال).
            prefix = token.prefix[:-2] if token.prefix.endswith(("ال", "لل")) else token.prefix
            start = token.start + (proclitic_length(token.text, prefix) if prefix else 0)
            out.append(Mention(start, token.end, text[start:token.end], "ORG", source="gazetteer"))
            changed = True
        elif len(covering) == 1 and out[covering[0]].type != "ORG":
            # The tagger's span is the club alone (not a longer name holding the word).
            mention = out[covering[0]]
            if mention.end == token.end and mention.start >= token.start:
                out[covering[0]] = Mention(mention.start, mention.end, mention.text, "ORG", source=mention.source)
                changed = True
    return sorted(out, key=lambda m: (m.start, m.end)) if changed else out


# Words before a place that say it is written as a place, not its club: في الشارقة, بتوقيت
# أبوظبي, مدينة العين (match keys).
_AS_PLACE = frozenset({"في", "بتوقيت", "توقيت", "مدينه", "اماره", "العاصمه", "ولايه", "محافظه", "الي", "من"})


def places_as_clubs(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """A sports report's places that name their clubs (الشارقة, عجمان, العين) as ORG: a
    place after a club cue ("فريق عجمان", "أمام الشارقة", "يستضيف الشارقة") is its club, and
    so is the same place wherever the report writes it, unless as a place (في الشارقة,
    بتوقيت أبوظبي, بالشارقة). A cue the tagger took into the club's span goes."""
    cues = frozenset(k for k, kind in _kinds().items() if "club_cue" in kind)
    before = {t.start: tokens[i - 1] if i else None for i, t in enumerate(tokens)}
    word_at = {t.start: t for t in tokens}
    clubs: set[str] = set()
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if m.type == "ORG" and len(words) == 2 and match_key(words[0]) in cues:
            # "فريق الشارقة", "بنظيره عجمان": the club is the place
            place = m.start + len(words[0]) + 1
            m = Mention(place, m.end, text[place:m.end], "ORG", source=m.source)
            clubs.add(match_key(m.text))
        elif m.type == "LOC" and " " not in m.text and (cue := before.get(m.start)) is not None and cue.key in cues:
            clubs.add(match_key(m.text))
        out.append(m)
    if not clubs:
        return mentions
    for j, m in enumerate(out):
        if m.type != "LOC" or match_key(m.text) not in clubs:
            continue
        prev, token = before.get(m.start), word_at.get(m.start)
        if (prev is not None and prev.key in _AS_PLACE) or (token is not None and token.key.startswith(("ب", "ف"))
                                                            and not token.stem.startswith(("ب", "ف"))):
            continue
        out[j] = Mention(m.start, m.end, m.text, "ORG", source=m.source)
    return out


def clubs_with_country(mentions: list[Mention], text: str) -> list[Mention]:
    """A sports report's club (an ORG of one word) and the country's adjective right after it
    as one name ("الفيصلي" + السعودي, "الغرافة" + القطري: the club as a reader marks it);
    not where a person follows ("مدرب النصر البرازيلي فلان": the coach is Brazilian)."""
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        before = out[-1] if out else None
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if before is not None and before.type == "ORG" and " " not in before.text and m.type == "MISC" \
                and not text[before.end:m.start].strip() and match_key(m.text) in nationality_keys() \
                and m.text.endswith("ي") and not (after is not None and after.type == "PER"
                                                  and not text[m.end:after.start].strip()):
            out[-1] = Mention(before.start, m.end, text[before.start:m.end], "ORG", source=before.source)
            continue
        out.append(m)
    return out


def club_names(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """A sports report's mentions with the clubs named by a head and the word after it
    (`club_head` in marsad/data/ner_sport_clubs.tsv) as one ORG: "النجم الساحلي", not the
    tagger's nothing; "اتحاد بن قردان", not its person; "الترجي التونسي", not the club and
    a nationality. Not where a person follows ("النجم البرازيلي نيمار": a star)."""
    kinds = _kinds()
    starts = {m.start: m for m in mentions}
    counts, names = word_frequencies()
    found: list[tuple[int, int]] = []
    heads = _head_stems()
    # Only a token whose stem is a head, or one a clitic split makes a head, can open a name.
    forms = _head_forms()
    for i in [i for i, t in enumerate(tokens[:-1]) if t.stem in heads or t.key in forms]:
        token = tokens[i]
        definite = token.prefix.endswith(("ال", "لل"))
        # "ومستقبل": a bare head's glued conjunction or preposition is cut here
        prefix, stem = (token.prefix, token.stem) if definite or token.stem in heads else \
            next(((p, st) for p, st in clitic_candidates(token.key)[1:] if st in heads), ("", ""))
        if stem not in heads:
            continue
        kind = kinds.get(("ال" if definite else "") + stem, frozenset())
        end = _club_name_end(tokens, i, definite, kind, counts, names)
        if end is None:
            continue
        person_after = starts.get(tokens[end].start) if end < len(tokens) else None
        if person_after is not None and person_after.type == "PER":
            continue
        prefix = prefix[:-2] if definite else prefix
        start = token.start + (proclitic_length(token.text, prefix) if prefix else 0)
        found.append((start, tokens[end - 1].end))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in found)]
    # An ORG already spanning the name ("الاتحاد المنستيري", the tagger's) stays as it is.
    added = [Mention(s, e, text[s:e], "ORG", source="gazetteer") for s, e in found
             if not any(m.type == "ORG" and m.start <= s and e <= m.end for m in mentions)]
    kept += [m for m in mentions if m not in kept and not any(m.start < e and s < m.end for s, e in
                                                               ((a.start, a.end) for a in added))]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _of_place(adjective: str) -> bool:
    """Whether a nisba adjective is a known place's: الصفاقسي (صفاقس), اللندني (لندن),
    الآسيوي (آسيا)."""
    stem = adjective.removeprefix("ال")[:-1]
    places = known_places()
    variants = (stem, "ال" + stem, stem + "ه", stem + "يا", stem + "ا", stem.removesuffix("و") + "ا")
    return any((name,) in places for name in variants)


def _club_name_end(tokens: Sequence[Token], at: int, definite: bool, kind: frozenset[str],
                   counts: dict[str, int], names: frozenset[str]) -> int | None:
    """The index after a club's name whose head is token `at`, or None where none is."""
    nxt = tokens[at + 1]
    if definite:
        # A place's adjective (الصفاقسي, المنستيري), or a country's after a club's own name
        # (الترجي التونسي, الهلال السوداني); not the feminine (a team's), nor any other
        # adjective (النادي الصحي, الهلال الكروي).
        ok = nxt.prefix == "ال" and nxt.key.isalpha() and nxt.key.endswith("ي") and len(nxt.stem) > 2 \
            and (bool(kind & _BY_COUNTRY) if nxt.key in nationality_keys()
                 else _of_place(nxt.key) or counts.get(nxt.key, 0) < _RARE_ADJECTIVE or nxt.key in _words()[0])
        return at + 2 if ok and "club_head" in kind else None
    if nxt.prefix != "" or not nxt.key.isalpha():
        if nxt.prefix == "ال" and "club_head" in kind and nxt.key.isalpha() and nxt.key not in function_words():
            return at + 2  # "شبيبة العمران", "اتحاد العاصمة"
        return None
    if nxt.key in ("بن", "ابن") and at + 2 < len(tokens) and tokens[at + 2].key.isalpha():
        return at + 3  # "اتحاد بن قردان"
    rare = counts.get(nxt.key, 0) < _RARE_WORD and not counts.get("ال" + nxt.key)
    if (rare or nxt.key in names) and nxt.key not in function_words() and len(nxt.key) > 2:
        return at + 2  # "مستقبل قابس", "مستقبل سليمان"
    return None

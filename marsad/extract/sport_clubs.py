"""Sports clubs, the one reader of them (issue 20): a club is often written with a word that
is also something else, and only context tells.

- On the tagger's labels (`club_labels`, before `marsad.extract.ner_consistency`): clubs
  named after their towns. ANERcorp and NewsFANE label a football club ORG even when it bears
  its town's name (هامبورغ, ميلان, بورتو); the tagger, whose gazetteer features know the
  towns, tags them LOC. A LOC becomes ORG before a masculine country adjective ("هامبورغ
  الألماني": the town is feminine; in the training parts' gold labels a one- or two-word span
  before such an adjective is ORG 94 times, LOC 12), not with the article ("الريف المغربي")
  nor after a place's head ("مطار نيس الفرنسي"); after a club noun (`club_noun` in
  marsad/data/ner_sport_clubs.tsv: "نادي قطر"; not منتخب, a national team's country stays
  LOC); and in a fixture list, two or more "NAME ( COUNTRY )" pairs with a score's dash
  ("بورتو ( البرتغال ) - هامبورغ ( المانيا ) 1 - 0"), not a dateline nor a list of regions.
- On an article's mentions (`with_clubs`), in a sports report (at least two different sport
  words of the same file): names that are ordinary words (الهلال the crescent, الترجي
  "hope"), which the gazetteer cannot list; a club's head and its place or name ("النجم
  الساحلي", "مستقبل قابس"); a place after a club cue ("أمام الشارقة"); and a name the report
  itself marks as a club by its cues (`clubs_by_cue`: "يستضيف الوصل نظيره البطائح").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import compress, count, repeat
from operator import attrgetter, eq
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, proclitic_length, split_clitics, word_frequencies
from marsad.arabic.words import key_table, table_rows
from marsad.extract.body_heads import clitic_forms
from marsad.extract.club_slots import learnt_club_positions, learnt_stems
from marsad.extract.crf import bio_spans
from marsad.extract.mention_spans import institution_heads, known_places
from marsad.extract.org_names import nationality_keys
from marsad.extract.roles import function_words
from marsad.model import Mention, Token

CLUBS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_sport_clubs.tsv"
NATIONALITIES_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer_nationalities.tsv"
# A club's name before its country's adjective has one or two words ("سسكا موسكو الروسي").
_LONGEST_CLUB = 2
# Pairs of "NAME ( COUNTRY )" that make a sentence a fixture list (with a dash beside one).
_FIXTURE_PAIRS = 2
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
# A definite word SaudiNewsNet writes fewer times than this, which a report's cues mark as a
# club (الوصل, البطائح), is one; a frequent one is a noun ("أمام الجماهير", "الفريق يواجه").
_RARE_CLUB = 100


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(club name keys, the same without the article: the tokens' stems, sport word keys)."""
    clubs = _keys_of_kind("club")
    return clubs, frozenset(k.removeprefix("ال") for k in clubs), _keys_of_kind("sport")


@lru_cache(maxsize=1)
def _kinds() -> dict[str, frozenset[str]]:
    """Word key -> its kinds (club, sport, club_head, club_head_named)."""
    return {k: frozenset(v.split("+")) for k, v in key_table(CLUBS_FILE).items()}


@lru_cache(maxsize=8)
def _keys_of_kind(kind: str) -> frozenset[str]:
    """The word keys of one kind of the file (club, sport, match_word, club_cue, club_noun)."""
    return frozenset(k for k, kinds in _kinds().items() if kind in kinds)


@lru_cache(maxsize=1)
def _head_forms() -> frozenset[str]:
    """Every key one of whose clitic splits (not itself) is a club head's stem (ومستقبل)."""
    heads = _head_stems()
    return frozenset(key for key in clitic_forms(heads)
                     if any(stem in heads for _, stem in clitic_candidates(key)[1:]))


@lru_cache(maxsize=1)
def _head_stems() -> frozenset[str]:
    """The stems of the club heads (نادي, نجم, مستقبل): one set test tells most reports."""
    return frozenset(k.removeprefix("ال") for k, kind in _kinds().items() if kind & {"club_head", "club_head_named"})


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The words of a match between two clubs (يستضيف, يواجه, نظيره): a report may name only
    clubs no list knows, and these words then say it is one worth reading."""
    return _keys_of_kind("match_word")


@lru_cache(maxsize=1)
def _sport_stems() -> frozenset[str]:
    """The sport words as a token's stem may write them (with the article cut, or as they
    are): every sport word a token writes (`_club_key`) has its stem here."""
    return frozenset(k.removeprefix("ال") for k in _words()[2])


def clubs_by_cue(tokens: Sequence[Token]) -> frozenset[str]:
    """The names a sports report itself marks as clubs (as written, with the article): a rare
    definite word right after a match's word ("يستضيف الوصل", "نظيره البطائح") or right
    before one where it opens its clause ("الوصل يواجه"), whatever the club list knows; not a
    place (its own rule, `places_as_clubs`), a nationality or a sport word."""
    cues = _cue_keys()
    # The match's words are found first, by one set test a token: only their neighbours are read.
    at = [j for j, key in enumerate(map(attrgetter("key"), tokens)) if key in cues]
    candidates = {j + 1 for j in at if j + 1 < len(tokens)}
    candidates |= {j - 1 for j in at if j and tokens[j].key in _cue_words()
                   and (j == 1 or not tokens[j - 2].key.removeprefix("و").isalpha())}
    kinds, counts, places = _kinds(), word_frequencies()[0], known_places()
    found = set()
    for i in sorted(candidates):
        token = tokens[i]
        if not token.prefix.endswith(("ال", "لل")) or len(token.stem) < 3 or not token.stem.isalpha():
            continue
        key = "ال" + token.stem
        if counts.get(key, 0) >= _RARE_CLUB or key in kinds or key in nationality_keys() \
                or key in function_words() or (key,) in places or (token.stem,) in places:
            continue
        found.add(key)
    return frozenset(found)


@lru_cache(maxsize=1)
def _cue_keys() -> frozenset[str]:
    """The match's words as a token's key may have them before a name: after و (ويستضيف), or
    bare where the word does not itself begin with و (واجه reads as و + اجه, and is left)."""
    return frozenset(k for k in _cue_words() if not k.startswith("و")) | frozenset("و" + k for k in _cue_words())


def _club_key(token: Token) -> str:
    """The token as a club's name is written: its stem with the article it carries
    (للهلال -> الهلال, والترجي -> الترجي), or its stem (وبيراميدز -> بيراميدز)."""
    return "ال" + token.stem if token.prefix.endswith(("ال", "لل")) else token.stem


def with_clubs(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The article's mentions with its clubs' names as ORG, if it is a sports report."""
    clubs, stems, sport = _words()
    # Most articles write no club's name nor a match's word: set look-ups per token (in C) tell.
    token_stems = set(map(attrgetter("stem"), tokens))
    listed = not (stems.isdisjoint(token_stems) and _head_stems().isdisjoint(token_stems))
    learnt = not learnt_stems().isdisjoint(token_stems)
    if not (listed or learnt) and (_cue_words().isdisjoint(token_stems) or _sport_stems().isdisjoint(token_stems)):
        return mentions
    # Its sport words counted generously (a stem, with the article or without, or a whole key)
    # rule out most of the rest before each token's club key is written.
    keys = set(map(attrgetter("key"), tokens))
    if len(sport & token_stems) + len(_sport_stems() & token_stems) + len(sport & keys) < MIN_SPORT_WORDS:
        return mentions
    written = [_club_key(t) for t in tokens]
    if len(sport.intersection(written) | (sport & keys)) < MIN_SPORT_WORDS:
        return mentions
    named = clubs | clubs_by_cue(tokens)
    at = [i for i, key in enumerate(written) if key in named]
    if learnt:
        at = sorted(set(at).union(learnt_club_positions(tokens, written, _keys_of_kind("club_cue"), named)))
    if not listed and not at:
        return mentions
    out = clubs_with_country(places_as_clubs(club_names(list(mentions), tokens, text), tokens, text), text) \
        if listed else list(mentions)
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
    cues = _keys_of_kind("club_cue")
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


# The tagger's labels: clubs it tagged as their towns.

@lru_cache(maxsize=1)
def country_adjectives() -> frozenset[str]:
    """Match keys of the masculine adjectives of countries with the article (الألماني,
    القطري): the nationality list's words that end in ي and name a country (a country
    code: not أوروبي or إفريقي, which follow regions, "المغرب العربي" aside)."""
    return frozenset(match_key("ال" + row[0]) for row in table_rows(NATIONALITIES_FILE, 4)
                     if row[3].strip() and row[0].endswith("ي") and not row[0].startswith("ال"))


@lru_cache(maxsize=4096)
def is_club_noun(key: str) -> bool:
    """Whether a word is a club noun with any clitics it may carry (لنادي, بالفريق, وفريق)."""
    nouns = _keys_of_kind("club_noun")
    return any(stem.removeprefix("ال") in nouns for _, stem in clitic_candidates(key))


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """Nouns before a place that keep it a place whatever adjective follows ("مدينة سان
    بطرسبرغ الروسي", "مطار نيس الفرنسي"): marsad/data/ner_span_heads.tsv's place and site heads."""
    return frozenset(k for k, kind in institution_heads().items() if kind in ("place_head", "site_head"))


def club_labels(words: Sequence[Sequence[int]], labels: list[list[str]],
                key_of: Callable[[int], str]) -> list[list[str]]:
    """The tagger's `labels` for one article (changed in place), its clubs ORG. `words`:
    the sentences as the decoder's type ids, `key_of` a type id's word key (looked up only
    around a LOC: most words are never read)."""
    for sentence, sentence_labels in zip(words, labels, strict=True):
        if "B-LOC" in sentence_labels:
            _sentence_clubs(sentence, sentence_labels, key_of)
    return labels


def _sentence_clubs(words: Sequence[int], labels: list[str], key_of: Callable[[int], str]) -> None:
    adjectives = country_adjectives()
    n = len(words)
    for first in compress(count(), map(eq, labels, repeat("B-LOC"))):
        stop = first + 1
        while stop < n and labels[stop] == "I-LOC":
            stop += 1
        after_adjective = stop - first <= _LONGEST_CLUB and stop < n and key_of(words[stop]) in adjectives \
            and not key_of(words[first]).startswith("ال") \
            and not (first and split_clitics(key_of(words[first - 1]))[1] in place_heads())
        if after_adjective or (first and is_club_noun(key_of(words[first - 1]))):
            labels[first:stop] = ["B-ORG"] + ["I-ORG"] * (stop - first - 1)
    if labels.count("B-LOC") < _FIXTURE_PAIRS:
        return
    pairs = [i for i in range(1, n - 2) if labels[i + 1] == "B-LOC" and key_of(words[i]) == "("
             and key_of(words[i + 2]) == ")"]
    # A score's dash joins the two sides of a fixture ("بورتو ( البرتغال ) - هامبورغ"); a
    # list of regions with their countries ("آسيا ( الكويت ) و أوروبا ( فرنسا )") has none.
    sides = [i for i in pairs if (i + 3 < n and key_of(words[i + 3]) == "-") or _after_dash(words, labels, i, key_of)]
    if len(pairs) < _FIXTURE_PAIRS or not sides:
        return
    ends = {stop: (first, kind) for first, stop, kind in bio_spans(labels)}
    for i in sides:
        if i in ends:
            first, kind = ends[i]
            if kind == "LOC":
                labels[first:i] = ["B-ORG"] + ["I-ORG"] * (i - first - 1)
        elif labels[i - 1] == "O":
            key = key_of(words[i - 1])
            if len(key) > 1 and key.isalpha() and key not in function_words():
                labels[i - 1] = "B-ORG"


def _after_dash(words: Sequence[int], labels: list[str], i: int, key_of: Callable[[int], str]) -> bool:
    """Whether the name before the "(" at `i` (the tagger's span, or one word) follows a dash."""
    first = i - 1
    while first > 0 and labels[first].startswith("I-"):
        first -= 1
    return first > 0 and key_of(words[first - 1]) == "-"

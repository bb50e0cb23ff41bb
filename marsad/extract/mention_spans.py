"""Mention spans the tagger cuts short or runs on, mended from the sentence's tokens
(the nouns at a name's edge: marsad/data/ner_span_heads.tsv):

- a country's institution named with its nationality adjective is one ORG ("الجيش
  السوداني", "الحكومة المصرية"): the tagger leaves the noun out and the gazetteer gives
  the adjective alone as MISC; so is a country's league one MISC ("الدوري السعودي", with
  its division: "الدوري المصري الممتاز");
- a person's name is not cut after بن / ابن / بنت ("زين العابدين بن" + علي, which the
  tagger reads as the preposition على), nor before them ("عبدالله الثاني" + "ابن الحسين"),
  nor after ولد ("مولاي ولد" + "محمد الأقظف");
- a generic noun before a known place is not part of its name ("مدينة أم درمان", "غربي
  العاصمة الخرطوم"), but a named site's noun is ("مخيم جباليا", "نهر النيل", "مطار نواكشوط
  الدولي"), and so is سلطنة in "سلطنة عمان";
- a feminine adjective that is also a country's name is the country where it qualifies
  no noun ("بين السعودية والإمارات", not "السلطات السعودية");
- a fair, festival or forum named after a place is one MISC ("معرض تونس الدولي للكتاب");
- a name after دوري is a competition, a MISC ("دوري روشن السعودي للمحترفين").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import cast

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, proclitic_length
from marsad.arabic.words import key_table
from marsad.extract.gazetteer import list_entries
from marsad.extract.roles import function_words
from marsad.model import EntityType, Mention, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE

HEADS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_span_heads.tsv"
# The lists of places (not the nationality adjectives, which share some of their keys).
PLACE_LISTS = ("gazetteer_countries.tsv", "gazetteer_cities.tsv", "gazetteer_places.tsv",
               "gazetteer_regions.tsv")
_SON_OF = (" بن", " ابن", " بنت", " إبن")
# Words no name ends on: the word after them is the name's (بن سلمان, عبد الملك, أبو الغيط).
_NAME_LINKS = (*_SON_OF, " عبد", " أبو", " أبي", " آل", " ولد")


@lru_cache(maxsize=1)
def institution_heads() -> dict[str, str]:
    """Match key (with the article where written so) -> head | head_of | place_head | event_head."""
    return key_table(HEADS_FILE)


@lru_cache(maxsize=1)
def known_places() -> frozenset[tuple[str, ...]]:
    """Word keys of every place name of the gazetteer's place lists."""
    return frozenset(key for key, entry in list_entries(*PLACE_LISTS).items() if entry.type == "LOC")


def _kinds_before(text: str, start: int) -> frozenset[str]:
    """The kinds of head noun among the two words before `start` (a cheap look at the text
    before the token-level checks, which most mentions need not reach)."""
    end = start - 1
    before = text.rfind(" ", 0, end) if end > 0 else -1
    kinds = _word_kinds(text[before + 1:end])
    if before > 0:
        kinds = kinds | _word_kinds(text[text.rfind(" ", 0, before) + 1:before])
    return kinds


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _word_kinds(word: str) -> frozenset[str]:
    """The head kinds a word as written may be, through a glued clitic (ووزارة: head_of)."""
    heads = institution_heads()
    return frozenset(heads[stem] for _, stem in clitic_candidates(match_key(word)) if stem in heads)


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
    kind = "ORG"
    if start is None and at >= 1 and _is_definite(tokens[at - 1]) and (found := _head_kind(tokens[at - 1], heads)):
        if found[0] in ("head", "league", "state") and _agrees(tokens[at - 1], tokens[at]):
            start, prefix = at - 1, found[1]
            kind = {"league": "MISC", "state": "LOC"}.get(found[0], "ORG")
    if start is None:
        return None
    first = tokens[start]
    # وزارة / والجيش: the name starts after a glued conjunction or preposition (للجيش
    # keeps its letters: the linker reads لل as ل + ال).
    cut = 0 if prefix.startswith("لل") else proclitic_length(first.text, prefix.removesuffix("ال"))
    begin = first.start + cut
    end = tokens[at].end
    # "الدوري المصري" + الممتاز: a league's division is part of its name.
    if kind == "MISC" and at + 1 < len(tokens) and heads.get(tokens[at + 1].key) == "league_tail":
        end = tokens[at + 1].end
    return Mention(begin, end, text[begin:end], cast(EntityType, kind), source="gazetteer")


def mend_spans(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with their edges mended (see the module's doc). Most
    sentences need none of it: they pass untouched."""
    if not mentions:
        return mentions
    mentions = _rulers_of_places(_competitions(mentions, tokens, text), tokens, text)
    return _places_and_events(_institutions_and_names(mentions, tokens, text), tokens, text)


# A ruler's title followed by the state he rules: "سلطان عمان", "أمير قطر", "عاهل البحرين".
_RULERS = frozenset(match_key(w) for w in ("سلطان", "ملك", "أمير", "عاهل", "شاه"))


def _is_ruler(token: Token) -> bool:
    return any(stem.removeprefix("ال") in _RULERS for _, stem in clitic_candidates(token.key))


def _rulers_of_places(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """A person's mention the tagger began with a ruler's title and a known place ("سلطان
    عُمان هيثم بن طارق", "سلطان عُمان السلطان") is the place, a LOC, and the name after it,
    if any; the title is neither."""
    if not any(m.type == "PER" for m in mentions):
        return mentions
    at_start = {t.start: i for i, t in enumerate(tokens)}
    at_end = {t.end: i + 1 for i, t in enumerate(tokens)}
    places = known_places()
    out: list[Mention] = []
    for mention in mentions:
        first, stop = at_start.get(mention.start), at_end.get(mention.end)
        if mention.type != "PER" or first is None or stop is None or stop - first < 2 \
                or not _is_ruler(tokens[first]) \
                or (tokens[first + 1].key,) not in places:
            out.append(mention)
            continue
        place = tokens[first + 1]
        out.append(Mention(place.start, place.end, text[place.start:place.end], "LOC", source=mention.source))
        rest = tokens[first + 2:stop]
        if rest and not (len(rest) == 1 and _is_ruler(rest[0])):
            start, end = rest[0].start, rest[-1].end
            out.append(Mention(start, end, text[start:end], "PER", source=mention.source))
    return out



@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _names_competition(word: str) -> bool:
    """Whether a mention's first word as written is دوري (a competition's head): asked of
    every mention of every sentence, so cached."""
    return institution_heads().get(match_key(word)) == "competition"


def _competitions(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """A name the tagger found after دوري ("league", without the article) is a competition,
    a MISC, with the nationality adjective and the division after it: "دوري روشن" (which it
    took for a person) + السعودي + للمحترفين is دوري روشن السعودي للمحترفين."""
    heads = institution_heads()

    def is_competition(mention: Mention) -> bool:
        return _names_competition(mention.text.partition(" ")[0])

    if not any(map(is_competition, mentions)):
        return mentions
    at_end = {t.end: i for i, t in enumerate(tokens)}
    out: list[Mention] = []
    for mention in mentions:
        before = out[-1] if out else None
        if before is not None and before.type == "MISC" and is_competition(before) and mention.source == "gazetteer" \
                and mention.type == "MISC" and not text[before.end:mention.start].strip():
            out.pop()  # the league's nationality adjective, which the gazetteer found alone, joins it
            start = before.start
        elif " " in mention.text and is_competition(mention):
            start = mention.start
        else:
            out.append(mention)
            continue
        end = mention.end
        last = at_end.get(end)
        if last is not None and last + 1 < len(tokens) and heads.get(tokens[last + 1].key) == "league_tail":
            end = tokens[last + 1].end
        source = before.source if start != mention.start and before is not None else mention.source
        out.append(Mention(start, end, text[start:end], "MISC", source=source))
    return out


def _institutions_and_names(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """Institutions joined to their adjective, names ending in بن or عبد carried on a word, and a
    name joined to the father's name the tagger found apart."""
    heads = institution_heads()
    nationalities = [m for m in mentions if m.type == "MISC" and m.source == "gazetteer"
                     and _kinds_before(text, m.start) & {"head", "head_of", "league", "state"}]
    cut_names = [m for m in mentions if m.type == "PER" and m.text.endswith(_NAME_LINKS)]
    # "عبدالله الثاني" + "ابن الحسين": a father's name the tagger tagged apart is the name's.
    fathers = [(m, n) for m, n in pairwise(mentions) if m.type == n.type == "PER"
               and (" " + n.text).startswith(_SON_OF) and not text[m.end:n.start].strip()]
    # "مولاي" + "ولد" + "محمد الأقظف": a Mauritanian name the tagger began after ولد ("son of").
    after_ould = [m for m in mentions if m.type == "PER" and text[max(0, m.start - 4):m.start] == "ولد "]
    if not nationalities and not cut_names and not fathers and not after_ould:
        return mentions
    at_end = {t.end: i for i, t in enumerate(tokens)}
    added: list[Mention] = []
    for name in after_ould:
        if (found := _with_first_name_before_ould(name, tokens, at_end, text, mentions)) is not None:
            added.append(found)
    for adjective in nationalities:
        at = at_end.get(adjective.end)
        found = _institution(tokens, at, text, heads) if at is not None else None
        # An ORG already found on the noun ("وزارة الخارجية" + العمانية) takes the adjective:
        # one country's ministry is not another's. Any other mention there stays as it is.
        if found is not None and not any(m.start < adjective.start and found.start < m.end
                                         and not (m.type == "ORG" and found.start <= m.start) for m in mentions):
            added.append(found)
    for name in cut_names:
        at = at_end.get(name.end)
        if at is not None and at + 1 < len(tokens) and tokens[at + 1].key.isalpha():
            end = tokens[at + 1].end
            added.append(Mention(name.start, end, text[name.start:end], "PER", source=name.source))
    for name, father in fathers:
        added.append(Mention(name.start, father.end, text[name.start:father.end], "PER", source=name.source))
    if not added:
        return mentions
    kept = [m for m in mentions if not any(a.start < m.end and m.start < a.end and a.start <= m.start
                                               and m.end <= a.end for a in added)]
    # A mention already spanning the new one (the tagger's "الحكومة اليمنية") stays as it is.
    added = [a for a in added if not any(m.start < a.end and a.start < m.end for m in kept)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _with_first_name_before_ould(name: Mention, tokens: Sequence[Token], at_end: dict[int, int], text: str,
                                 mentions: list[Mention]) -> Mention | None:
    """The name with the word before its ولد, when that word can be a first name: no
    article, no function word through a clitic (وقد ولد, حيث ولد: "was born"), in no other
    mention. A glued و is cut off unless the word is one of its own (وليد)."""
    first = _first_token(tokens, at_end.get(name.end), name)
    if first is None or first < 2 or tokens[first - 1].key != "ولد":
        return None
    word = tokens[first - 2]
    if not word.key.isalpha() or word.key.startswith("ال") or any(m.start < word.end and word.start < m.end
                                                                   for m in mentions):
        return None
    if any(stem in function_words() for _, stem in clitic_candidates(word.key)):
        return None
    start = word.start + (proclitic_length(word.text, "و") if word.key.startswith("و") else 0)
    return Mention(start, name.end, text[start:name.end], "PER", source=name.source)


@lru_cache(maxsize=1)
def country_adjectives() -> frozenset[str]:
    """Nationality forms that are also a place's name (السعودية, سورية)."""
    return frozenset(key[0] for key in list_entries("gazetteer_nationalities.tsv") if key in known_places())


def _without_place_head(mention: Mention, heads: dict[str, str]) -> Mention | None:
    """"مدينة أم درمان" -> أم درمان, "غربي العاصمة الخرطوم" -> الخرطوم: when what follows
    the generic nouns (and the side of a place before them) is a known place."""
    rest = mention.text
    for _ in range(2):
        first, _, after = rest.partition(" ")
        if not after or not any(heads.get(stem) in ("place_head", "side")
                                for _, stem in clitic_candidates(match_key(first))):
            break
        rest = after.lstrip()
    if rest == mention.text or tuple(match_key(w) for w in rest.split()) not in known_places():
        return None
    start = mention.end - len(rest)
    return Mention(start, mention.end, rest, "LOC", source=mention.source)


def _first_token(tokens: Sequence[Token], last: int | None, mention: Mention) -> int | None:
    """The index of the mention's first token, counting back from its last (`last`)."""
    if last is None:
        return None
    return next((i for i in range(last, -1, -1) if tokens[i].start <= mention.start), None)


def _with_site_head(mention: Mention, tokens: Sequence[Token], at_end: dict[int, int], text: str,
                    heads: dict[str, str]) -> Mention | None:
    """"مخيم" + جباليا, "نهر" + النيل: a named site's noun is part of its name, as a reader
    marks it (مخيم جباليا, قصر بعبدا); so is الدولي after an airport's place (مطار X الدولي)."""
    last = at_end.get(mention.end)
    first = _first_token(tokens, last, mention)
    if first is None or first == 0 or tokens[first].start != mention.start:
        return None
    head = tokens[first - 1]
    found = next((p for p, stem in clitic_candidates(head.key) if heads.get(stem) == "site_head"), None)
    if found is None or found.endswith("ال"):
        return None
    start = head.start + proclitic_length(head.text, found, keep_whole_words=False)
    end = mention.end
    if last is not None and last + 1 < len(tokens) and tokens[last + 1].key in ("الدولي", "الدوليه"):
        end = tokens[last + 1].end
    return Mention(start, end, text[start:end], "LOC", source=mention.source)


def _is_country(mention: Mention, tokens: Sequence[Token], at: int) -> bool:
    """Whether a nationality form that is also a country's name (السعودية, سورية) names the
    country: glued to a preposition or conjunction (بالسعودية), or after no definite noun it
    could qualify ("بين السعودية", not "السلطات السعودية")."""
    token = tokens[at]
    if token.prefix not in ("", "ال"):
        return True
    return at == 0 or not _is_definite(tokens[at - 1])


def _event(tokens: Sequence[Token], first: int, last: int, mention: Mention, text: str,
           heads: dict[str, str]) -> Mention | None:
    """The MISC that an event noun before the mention opens: معرض + القاهرة الدولي للكتاب
    (the tagger's MISC), or معرض + تونس (a place) [+ الدولي] [+ للكتاب], مهرجان + جرش
    [+ للثقافة والفنون]."""
    if first == 0:
        return None
    head = tokens[first - 1]
    found = next(((p, s) for p, s in clitic_candidates(head.key) if heads.get(s) == "event_head"), None)
    if found is None:
        return None
    end = mention.end
    if mention.type == "LOC":
        # "مهرجان جرش" [الدولي] [للثقافة والفنون]: the place, then what the event is of.
        at = last + 1
        if at < len(tokens) and tokens[at].key == "الدولي":
            at += 1
        if at < len(tokens) and tokens[at].key.startswith("لل"):
            at += 1
            if at < len(tokens) and tokens[at].key.startswith("وال") and tokens[at].key.isalpha():
                at += 1
        end = tokens[at - 1].end
    start = head.start + proclitic_length(head.text, found[0])
    return Mention(start, end, text[start:end], "MISC", source=mention.source)


def _places_and_events(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """Place names without a generic noun in front, countries told from adjectives, events
    named after a place."""
    heads = institution_heads()
    at_end: dict[int, int] | None = None
    mended: list[Mention] = []
    events = False
    for mention in mentions:
        if mention.type not in ("LOC", "MISC"):
            mended.append(mention)
            continue
        kinds = _kinds_before(text, mention.start)
        if "event_head" in kinds:
            at_end = at_end or {t.end: i for i, t in enumerate(tokens)}
            last = at_end.get(mention.end)
            first = _first_token(tokens, last, mention)
            event = _event(tokens, first, last, mention, text, heads) if first is not None and last is not None \
                else None
            if event is not None and not (mended and mended[-1].end > event.start):
                mended.append(event)
                events = True
                continue
        if mention.type == "LOC" and "site_head" in kinds:
            at_end = at_end or {t.end: i for i, t in enumerate(tokens)}
            mention = _with_site_head(mention, tokens, at_end, text, heads) or mention
            if mended and mended[-1].end > mention.start:
                mended.pop()  # the head noun the tagger tagged alone
        elif mention.type == "LOC" and " " in mention.text:
            mention = _without_place_head(mention, heads) or mention
        elif mention.source == "gazetteer" and match_key(mention.text.strip()) in country_adjectives():
            at_end = at_end or {t.end: i for i, t in enumerate(tokens)}
            last = at_end.get(mention.end)
            if last is not None and _is_country(mention, tokens, last):
                mention = Mention(mention.start, mention.end, mention.text, "LOC", source=mention.source)
        mended.append(mention)
    if not events:
        return mended
    # an event that took in the words after its place: the mentions it covers go
    return [m for m in mended if not any(e is not m and e.type == "MISC" and e.start <= m.start and m.end <= e.end
                                         and (e.start, e.end) != (m.start, m.end) for e in mended)]

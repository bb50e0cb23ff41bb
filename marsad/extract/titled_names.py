"""Persons named right after a title and set off after it ("والدكتورة مروة حسان، مدير
المكتب", "النقيب جميل الهمداني، نائب مدير الشرطة"): the tagger, which learnt few women's
and rare names, leaves some of them, while a reader reads the title as the sign of a person.

A name is two to four words after a title written with the article (kind `title` of
marsad/data/ner_not_entities.tsv: الدكتور, المهندس, اللواء, النقيب ...; a bare title, ركن
"corner" or مهندس برمجيات "a software engineer", opens none), a name's link (بن, عبد, أبو) never its last, and
must end where the phrase does: at a comma, a full stop or a colon, or right before a role
(رئيس, نائب, مدير). Its first word is bare and can begin a person's name
(`person_lists.opens_name`: a given name's word cluster or a word news seldom writes), its
later words a name's (a family name with the article, or name-like); no word is a function
word, a title or a role, and no mention the tagger or the rules found may stand on it.

And a person the tagger found right after a title and one bare word ("الوزيرة نادية" + فتاح
العلوي) starts at that word, when news writes it fewer than a thousand times and it is no
function word, title or role: a title is followed by the whole name, so the word between is
its first name, which the tagger cut off. And a person's mention that the tagger began on
the last adjective of a body's name before it ("المجلس الشعبي" + "الولائي بن علي بيداي")
starts after it: `without_body_adjective`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import word_frequencies
from marsad.extract.mention_filter import load_not_entities
from marsad.extract.mention_spans import known_places
from marsad.extract.person_lists import glued_preposition, goes_on_name, opens_name, rare_or_name_like
from marsad.extract.roles import function_words, role_first_words
from marsad.model import Mention, Token

# Tanwin and a glued pronoun are written on common words, never on a name (تعزيرًا, باسمها).
_TANWIN = re.compile("[\u064b-\u064d]")
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "كم", "كما")  # as written: ة's match key is ه too
_LINKS = frozenset({"بن", "بنت", "ابن", "عبد", "ابو", "ابي", "ال"})  # match keys
_ENDS = frozenset({"،", ",", ".", ":", "؛", ";"})
_LONGEST = 4  # words in a name
_RARE_NOUN = 100  # a word with the article written less often than this may be a family name
# A post's body (شيخ الأزهر) is a definite word SaudiNewsNet writes fewer times than this; a
# frequent one is a class or a people (شيخ الإسلام, شيخ العرب), no body's name.
_RARE_BODY = 500
_COMMON = 1000  # a bare word written more often than this between a title and a name is no first name


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(key for key, kind in load_not_entities().items() if kind == "title")


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """The keys `titled_names` looks after: a title (also with و glued on: `is_title`) or a
    role written with the article (الرئيس, الأمير); one set test for every other token."""
    titles = _titles()
    return titles | {"و" + key for key in titles} | {key for key in role_first_words() if key.startswith("ال")}


def is_title(token: Token) -> bool:
    """A title or a profession written before a person's name (المدرب, الدكتور, العماد)."""
    key = token.key
    return key in _titles() or (key[:1] == "و" and key[1:] in _titles())


def _plain_word(token: Token) -> bool:
    """A word a name may hold: letters only, no function word, title, role or listed non-name."""
    key = token.key
    return key.isalpha() and len(key) > 1 and key not in function_words() and key not in role_first_words() \
        and not load_not_entities().get(key) and not _TANWIN.search(token.text) \
        and not token.text.endswith(_PRONOUN_ENDINGS) and not glued_preposition(token)


def without_body_adjective(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with a person's first word dropped where it is a definite
    adjective (الولائي, a nisba in ي) right after another definite word and before a name's
    link (بن): the end of a body's name, not the start of the person's ("الوليد بن طلال" and
    "الحسن بن علي" keep theirs: no ي, or nothing definite before)."""
    if not any(m.type == "PER" for m in mentions):
        return list(mentions)
    at_start = {t.start: i for i, t in enumerate(tokens)}
    out = []
    for m in mentions:
        i = at_start.get(m.start)
        if m.type == "PER" and i is not None and 0 < i < len(tokens) - 2 and tokens[i].prefix == "ال" \
                and tokens[i].key.endswith("ي") and tokens[i - 1].prefix == "ال" and tokens[i + 1].key in _LINKS \
                and tokens[i + 1].end <= m.end:
            start = tokens[i + 1].start
            m = Mention(start, m.end, text[start:m.end], "PER", source=m.source)
        out.append(m)
    return out


def _is_role(token: Token) -> bool:
    """A role's word (رئيس, محافظ, الوالي) that is not also a given name's (أمين)."""
    key = token.key[1:] if token.key[:1] == "و" and token.key[1:] in role_first_words() else token.key
    return (key in role_first_words() or (key.startswith("ال") and key[2:] in role_first_words())) \
        and not rare_or_name_like(key)


def _could_be_name(token: Token) -> bool:
    """A word a person's name may hold: one that can begin a name, or a rare family name
    with the article (الصريصري); not a frequent noun (الديوان, الجامعة) or verb."""
    if (token.key,) in known_places():
        return False  # "محافظ أسوان": the governor's governorate
    if token.prefix.endswith("ال"):
        return word_frequencies()[0].get(token.key, 0) < _RARE_NOUN
    return opens_name(token)


def without_role_persons(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions without the persons made of a role and words that can be no
    name ("رئيس الديوان", "رئيس الجامعة"): a role names no one by itself. Where the
    words after the role are a known place ("محافظ مطروح"), the place is kept, a LOC."""
    out = []
    for m in mentions:
        is_long_person = m.type == "PER" and " " in m.text
        words = [t for t in tokens if m.start <= t.start and t.end <= m.end] if is_long_person else []
        if len(words) > 1 and load_not_entities().get(words[0].key) == "post" and all(
                t.prefix == "ال" for t in words[1:]) and word_frequencies()[0].get(words[1].key, 0) < _RARE_BODY:
            # "شيخ الأزهر الشريف": the post of a body, which is the name (an ORG)
            out.append(Mention(words[1].start, m.end, text[words[1].start:m.end], "ORG", source=m.source))
            continue
        if not words or (not _is_role(words[0]) and not _is_role(words[-1])) \
                or any(_could_be_name(t) for t in words if not _is_role(t) and t.key.isalpha()):
            out.append(m)
            continue
        rest = words[1:] if _is_role(words[0]) else []
        if rest and tuple(t.key for t in rest) in known_places():
            out.append(Mention(rest[0].start, rest[-1].end, text[rest[0].start:rest[-1].end], "LOC", source=m.source))
    return out


def _first_name(token: Token) -> bool:
    """A bare word between a title and a person's mention that is the name's first word."""
    return not token.prefix and _plain_word(token) and word_frequencies()[0].get(token.key, 0) < _COMMON


def _name_end(tokens: Sequence[Token], first: int) -> int | None:
    """The index after a name of two to four words from `first` that ends where the phrase
    does (a comma, a full stop, a colon, a role after it), a link (بن) never last; None
    where no such end comes."""
    for end in range(first + 2, min(first + _LONGEST, len(tokens)) + 1):
        after = tokens[end] if end < len(tokens) else None
        if after is None or after.text in _ENDS or after.key in role_first_words():
            return end if tokens[end - 1].key not in _LINKS else None
    return None


def titled_names(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with the persons named right after a title added, and a
    person's first name cut off after a title or a role (الرئيس, الأمير) put back."""
    openers = _openers()
    if openers.isdisjoint(map(attrgetter("key"), tokens[:-2])):
        return mentions  # (most sentences: one C-level pass tells)
    added: list[Mention] = []
    person_at = {m.start: m for m in mentions if m.type == "PER"}
    for at, token in enumerate(tokens[:-2]):
        if token.key not in openers:
            continue
        titled = is_title(token)
        first = at + 1
        # "المقدم القاضي العسكري موفق المساعيد": titles in a row, a title's adjective after one
        while titled and first < len(tokens) - 2 and (is_title(tokens[first]) or (
                tokens[first].prefix == "ال" and tokens[first].key.endswith("ي") and is_title(tokens[first - 1]))):
            first += 1
        cut = person_at.get(tokens[first + 1].start)
        if cut is not None and _first_name(tokens[first]) \
                and not any(m.start < tokens[first].end and tokens[first].start < m.end for m in mentions):
            mentions = [m for m in mentions if m is not cut]
            start = tokens[first].start
            added.append(Mention(start, cut.end, text[start:cut.end], "PER", source=cut.source))
            continue
        if not titled or not token.key.removeprefix("و").startswith("ال"):
            continue  # a role (الرئيس) or a bare title (ركن "corner", مهندس برمجيات) opens none
        end = _name_end(tokens, first)
        if end is None or any(m.start < tokens[end - 1].end and tokens[first].start < m.end for m in mentions):
            continue
        words = tokens[first:end]
        if tokens[first].prefix or not opens_name(tokens[first]) \
                or not all(t.key in _LINKS or (_plain_word(t) and (t is words[0] or (t.prefix in ("", "ال")
                                                                       and goes_on_name(t)))) for t in words):
            continue
        start, stop = words[0].start, words[-1].end
        added.append(Mention(start, stop, text[start:stop], "PER", source="gazetteer"))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def names_that_can_be(found: list[Mention]) -> list[Mention]:
    """The names set off after a title (`roles.names_after_titles`) that hold no role's word
    ("رئيس الديوان", "ووضح الوالي": a role and a noun or a verb); where a role comes first
    and a known place after it ("محافظ مطروح"), the place is kept, a LOC."""
    out = []
    for m in found:
        keys = [match_key(w) for w in m.text.split()]
        if not any(k.removeprefix("و").removeprefix("ال") in role_first_words() for k in keys):
            out.append(m)
        elif len(keys) > 1 and keys[0] in role_first_words() and tuple(keys[1:]) in known_places():
            place = m.text.split(" ", 1)[1]
            out.append(Mention(m.end - len(place), m.end, place, "LOC", source=m.source))
    return out

"""Bodies named by مركز "centre", joint commands, and competitions and visions the tagger
found only in part (issue 20, the eighth round of real pages).

مركز is as often a rank ("المركز الثالث"), a town's centre ("مركز المدينة") or a police
station as a body, so it is no head of marsad/data/ner_org_names.tsv. It opens a body's name
(an ORG) only where what follows is what centres are named of (kind `centre` of that file):
- a word of research or information (مركز البحوث والتواصل المعرفي, مركز دراسات شمال أفريقيا
  والقرن الأفريقي, مركز الإعلام الأمني: kind `centre_word`);
- a sovereign's title and the name after it, then what the centre is for (مركز الملك سلمان
  للإغاثة والأعمال الإنسانية; "مركز الملك فهد" alone stays a person's or a place's);
- one bare word and what it is for, with لل (مركز دعم للتحولات الديمقراطية);
- with the article, an adjective of scope and what it is for (المركز السعودي للثقافة والتراث,
  المركز الوطني لمكافحة الأوبئة; never المركز الأول, a rank).
The name then runs on over definite words, words with لل or ل, and a portfolio joined by و
(والأعمال الإنسانية, وحقوق الإنسان), and stops at the first bare word after a definite one.

"القوات المشتركة", "الأركان المشتركة" and "القيادة المشتركة" name a joint command, an ORG.

A league the tagger did not find as a name after دوري is still a competition (a MISC): دوري
أبطال آسيا (the continent the gazetteer found is inside it), دوري المحترفين, دوري أدنوك
للمحترفين (a rare bare word, a sponsor's name, before the league's division). And a country's
vision named with its year is a MISC: رؤية المملكة 2030, رؤية مصر 2030. A stadium named by a
date is a LOC: ملعب 8 ماي 1945, ملعب 20 أوت 55.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, proclitic_length, word_frequencies
from marsad.arabic.words import key_table
from marsad.extract.body_heads import INSTITUTION_WORDS_FILE, clitic_forms
from marsad.extract.date_parts import month_starting_at
from marsad.extract.mention_spans import institution_heads
from marsad.extract.org_names import ORG_NAMES_FILE, RARE_WORD, is_body, nationality_keys, org_words
from marsad.extract.roles import function_words
from marsad.model import EntityType, Mention, Token

_LONGEST = 8  # words after مركز
_JOINT = frozenset({"القوات", "الاركان", "القياده"})  # match keys, with the article
_SHARED = "المشتركه"
_LEAGUE = "دوري"
_CHAMPIONS = frozenset({"ابطال", "الابطال"})
_PROFESSIONALS = "المحترفين"
_VISION = "رويه"  # match key of رؤية
_KEY = attrgetter("key")


@lru_cache(maxsize=1)
def _centre_kinds() -> dict[str, frozenset[str]]:
    """Kind -> match keys: `centre` (مركز), `centre_word` (البحوث, دراسات ...)."""
    table = key_table(ORG_NAMES_FILE)
    return {kind: frozenset(k for k, v in table.items() if kind in v.split("+")) for kind in ("centre", "centre_word")}


@lru_cache(maxsize=1)
def _scope_adjectives() -> frozenset[str]:
    """Adjectives that say whose or how wide a centre is (السعودي, الوطني, الدولي): a
    country's, or one of the words bodies are named of."""
    return nationality_keys() | frozenset(key_table(INSTITUTION_WORDS_FILE)) | {"الوطني", "القومي", "الاقليمي"}


def _may_open(key: str) -> bool:
    """Whether the word is a clitic form of a head this module opens names with (مركز,
    دوري, رؤية, a site's head): each opener below needs one, and most words are none."""
    return any(stem in _opener_heads() for _, stem in clitic_candidates(key))


@lru_cache(maxsize=1)
def _opener_heads() -> frozenset[str]:
    return _centre_kinds()["centre"] | org_words()["site"] | {_LEAGUE, _VISION}


@lru_cache(maxsize=1)
def _opener_keys() -> frozenset[str]:
    """Every key `_may_open` says yes to: a set test, where a cache of the test per word
    missed on most of a stream's words (more types than it holds) and split them again."""
    return frozenset(key for key in clitic_forms(_opener_heads()) if _may_open(key))


def _centre_prefix(token: Token) -> tuple[str, bool] | None:
    """(glued proclitic, with the article) of مركز (ومركز, لمركز, المركز, للمركز), else None."""
    for prefix, stem in clitic_candidates(token.key):
        if stem in _centre_kinds()["centre"]:
            return prefix, prefix.endswith(("ال", "لل"))
    return None


def _definite(token: Token) -> bool:
    return token.prefix.endswith(("ال", "لل")) and token.key.isalpha() and len(token.stem) > 1


def _for(token: Token) -> bool:
    """A word saying what a body is for: للإغاثة, لمكافحة, للتحولات."""
    return token.prefix in ("لل", "ل") and token.key.isalpha() and len(token.stem) > 2


def _bare(token: Token) -> bool:
    return token.prefix == "" and token.key.isalpha() and len(token.stem) > 2 \
        and token.key not in function_words()


def _opening_end(tokens: Sequence[Token], at: int, definite: bool) -> int | None:
    """The index after the words that make مركز at `at` a body's name, or None."""
    words = org_words()
    centre_words = _centre_kinds()["centre_word"]
    nxt = at + 1
    if nxt >= len(tokens):
        return None
    token = tokens[nxt]
    if definite:
        ok = token.prefix == "ال" and token.key in _scope_adjectives() and nxt + 1 < len(tokens) \
            and _for(tokens[nxt + 1])
        return nxt + 1 if ok else None
    if token.key in centre_words or token.stem in centre_words:
        return nxt + 1
    if token.prefix == "ال" and token.key in words["title"]:
        # مركز الملك سلمان للإغاثة: a title, one to three name words, then what it is for.
        for end in range(nxt + 2, min(len(tokens), nxt + 5)):
            if _for(tokens[end]) and all(_bare(t) for t in tokens[nxt + 1:end]):
                return end
        return None
    if _bare(token) and nxt + 1 < len(tokens) and tokens[nxt + 1].prefix == "لل" and tokens[nxt + 1].key.isalpha():
        return nxt + 1
    return None


def _adjective(token: Token) -> bool:
    return token.prefix == "ال" and token.key.isalpha() and token.key.endswith(("ي", "يه"))


def _joined(token: Token) -> bool:
    """A word with a glued conjunction و (والتراث; وحقوق, which the tokens keep whole)."""
    return token.prefix.startswith("و") or (token.prefix == "" and token.key.startswith("و") and len(token.key) > 3)


def _name_end(tokens: Sequence[Token], at: int, end: int) -> int:
    """The index after the centre's name, from the opening that ends at `end`: definite
    words after a bare word or one with ل (their genitive) or as adjectives, words saying
    what it is for, a portfolio joined by و; a bare word only in a construct chain of bare
    words (مركز دراسات شمال أفريقيا), never after a definite word or one with لل."""
    stops = org_words()["stop"]
    before = tokens[end - 1]
    after_definite = _definite(before) and not _for(before)
    bare_goes_on = _bare(before)
    i = end
    while i < len(tokens) and i - at <= _LONGEST:
        token = tokens[i]
        if not token.key.isalpha() or token.key in stops or token.stem in stops:
            break
        if _joined(token):
            # a portfolio joined by و: والأعمال الإنسانية, وحقوق الإنسان; never another body
            if is_body(token) or not (_definite(token) or (i + 1 < len(tokens) and _definite(tokens[i + 1]))):
                break
            after_definite, bare_goes_on = _definite(token), False
        elif _for(token):
            after_definite, bare_goes_on = False, False
        elif _definite(token):
            if after_definite and not _adjective(token):
                break  # "والتراث الشريك": the next noun is the sentence's, not the name's
            after_definite, bare_goes_on = True, False
        elif _bare(token) and bare_goes_on:
            after_definite = False
        else:
            break  # "مركز البحوث والتواصل المعرفي يعقد", "للإغاثة سلالا": the sentence goes on
        i += 1
    return i


def _stem_after(token: Token, stem: str) -> str | None:
    """The proclitic glued on `stem` without the article (بدوري -> ب), else None."""
    return next((p for p, st in clitic_candidates(token.key) if st == stem and not p.endswith(("ال", "لل"))), None)


def centre_names(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with centres, joint commands, competitions and visions added
    (see the module's doc); mentions inside one are replaced by it."""
    keys = list(map(_KEY, tokens))
    openers = _opener_keys()
    # Nearly every sentence has no opener and no المشتركة: C-level set tests tell.
    if _SHARED not in keys and openers.isdisjoint(keys[:-1]):
        return _with_country_adjective(mentions, tokens, text)
    found: list[tuple[int, int, EntityType]] = []
    for at, token in enumerate(tokens[:-1]):
        opens = token.key in openers
        centre = _centre_prefix(token) if opens else None
        if centre is not None:
            opening = _opening_end(tokens, at, centre[1])
            if opening is not None:
                prefix = centre[0]
                clitic = "" if prefix.endswith("لل") else prefix.removesuffix("ال")
                start = token.start + proclitic_length(token.text, clitic, keep_whole_words=False)
                found.append((start, tokens[_name_end(tokens, at, opening) - 1].end, "ORG"))
            continue
        if token.stem and ("ال" + token.stem) in _JOINT and token.prefix.endswith(("ال", "لل")) \
                and tokens[at + 1].key == _SHARED:
            clitic = "" if token.prefix.endswith("لل") else token.prefix.removesuffix("ال")
            found.append((token.start + proclitic_length(token.text, clitic, keep_whole_words=False),
                          tokens[at + 1].end, "ORG"))
            continue
        if not opens:
            continue
        league = _league_end(tokens, at, mentions)
        if league is not None:
            found.append((token.start + proclitic_length(token.text, _stem_after(token, _LEAGUE) or "",
                                                         keep_whole_words=False), tokens[league - 1].end, "MISC"))
            continue
        dated = _dated_site_end(tokens, at)
        if dated is not None:
            # "بملعب 8 ماي 1945", "ملعب 20 أوت 55": a stadium named by a date, a LOC
            site = next(p for p, st in clitic_candidates(token.key) if st in org_words()["site"])
            found.append((token.start + proclitic_length(token.text, site, keep_whole_words=False),
                          tokens[dated - 1].end, "LOC"))
            continue
        vision = _stem_after(token, _VISION)
        if vision is not None and at + 2 < len(tokens) and tokens[at + 2].key.isdigit() \
                and len(tokens[at + 2].key) == 4 and _place_or_kingdom(tokens[at + 1], mentions):
            found.append((token.start + proclitic_length(token.text, vision, keep_whole_words=False),
                          tokens[at + 2].end, "MISC"))
    return _with_country_adjective(_with_found(mentions, found, text), tokens, text)


def _with_country_adjective(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """A body's name of two words or more, opened by a body's head (جمعية, مجلس, نادي), and
    the country's adjective right after it that agrees with the head, as one ORG: "جمعية
    الصداقة والتعاون" + اليمنية is جمعية الصداقة والتعاون اليمنية."""
    words = org_words()
    heads = words["head"] | words["head_any"]
    out: list[Mention] = []
    for m in mentions:
        before = out[-1] if out else None
        if before is not None and m.type == "MISC" and before.type == "ORG" and " " in before.text \
                and not text[before.end:m.start].strip() and match_key(m.text) in nationality_keys():
            head = match_key(before.text.split()[0])
            feminine = head.endswith("ه")
            if any(stem in heads for _, stem in clitic_candidates(head)) and m.text.endswith(("ية", "يه")) == feminine:
                out[-1] = Mention(before.start, m.end, text[before.start:m.end], "ORG", source=before.source)
                continue
        out.append(m)
    return out


def _dated_site_end(tokens: Sequence[Token], at: int) -> int | None:
    """The index after a site's name made of its head and a date (day, month, year), else None."""
    sites = org_words()["site"]
    if at + 3 >= len(tokens) or not tokens[at + 1].key.isdigit() or len(tokens[at + 1].key) > 2 \
            or not any(st in sites and not p.endswith("ال") for p, st in clitic_candidates(tokens[at].key)):
        return None
    month = month_starting_at(list(tokens), at + 2)
    year = at + 2 + month[1] if month else None
    if year is None or year >= len(tokens) or not tokens[year].key.isdigit() or len(tokens[year].key) not in (2, 4):
        return None
    return year + 1


def _place_or_kingdom(token: Token, mentions: list[Mention]) -> bool:
    return token.key == "المملكه" or any(m.type == "LOC" and m.start <= token.start and token.end <= m.end
                                          for m in mentions)


def _league_end(tokens: Sequence[Token], at: int, mentions: list[Mention]) -> int | None:
    """The index after a league named after دوري at `at` that the tagger found no name in:
    دوري أبطال آسيا [للنخبة], دوري المحترفين, دوري أدنوك للمحترفين; else None."""
    if _stem_after(tokens[at], _LEAGUE) is None or at + 1 >= len(tokens):
        return None
    nxt = tokens[at + 1]
    tails = {k for k, v in institution_heads().items() if v == "league_tail"}
    end = None
    if nxt.key in _CHAMPIONS and at + 2 < len(tokens):
        place = next((m for m in mentions if m.type == "LOC" and m.start == tokens[at + 2].start), None)
        if place is not None:
            end = next(i for i in range(at + 2, len(tokens))
                       if i + 1 >= len(tokens) or tokens[i + 1].start >= place.end) + 1
    elif nxt.key == _PROFESSIONALS:
        end = at + 2
    elif _bare(nxt) and at + 2 < len(tokens) and tokens[at + 2].key in tails:
        counts, _ = word_frequencies()
        if counts.get(nxt.key, 0) < RARE_WORD and not counts.get("ال" + nxt.key):
            end = at + 2
    if end is None:
        return None
    if any(m.start < tokens[end - 1].end and tokens[at].start < m.end and m.start < tokens[at].start for m in mentions):
        return None  # a longer name the tagger found holds it
    while end < len(tokens) and (tokens[end].key in tails or match_key(tokens[end].text) == "للنخبه"):
        end += 1
    return end


def _with_found(mentions: list[Mention], found: list[tuple[int, int, EntityType]], text: str) -> list[Mention]:
    """The mentions with the found names: those inside one go; one that runs past it stays
    and the found name is left out."""
    if not found:
        return mentions
    out = list(mentions)
    for start, end, etype in found:
        if any(m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in out):
            continue
        out = [m for m in out if not (start <= m.start and m.end <= end)]
        out.append(Mention(start, end, text[start:end], etype, source="gazetteer"))
    return sorted(out, key=lambda m: (m.start, m.end))

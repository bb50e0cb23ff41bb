"""Bodies named by a noun that as often names a thing, and bodies joined by و in one span.

جهاز "device", إدارة "management", دائرة "circle", قيادة "leadership" (kind `head_named` of
marsad/data/ner_org_names.tsv) open a body's name only before a word of what a body is of:
the definite words SaudiNewsNet writes right after the nouns that always open one (وزارة
الثقافة, هيئة الاستثمار, البنك المركزي; marsad/data/ner_institution_words.tsv, learnt by
scripts/learn_institution_words.py). So "دائرة الثقافة والسياحة", "الإدارة المركزية للسياحة
والمصايف" and "الجهاز المركزي للإحصاء" are organisations, and "جهاز الهاتف", "إدارة الأزمة"
and "دائرة الضوء" are not. The name runs on as org_names reads any body's.

And a span the tagger or the gazetteer stretched over a conjunction and a second body
("وزارة الداخلية والحرس الوطني": two bodies of a list, not one ministry's portfolios) is
cut into the two; and a two-word name that ends on an outlet's word (المدينة نيوز, عرب برس) is a
news outlet, an ORG, whatever the place in it made the tagger read.

A police force named by its place is an organisation (شرطة محافظة تعز, بشرطة مديرية
المسراخ, قسم شرطة سمالوط): شرطة, with قسم or مركز "station" before it, and the place the
tagger or the gazetteer found right after it, over a generic head (محافظة, مديرية, منطقة):
`police_by_place`.

Across an article, a company named once after the word for it ("شركة ديكرا البريطانية")
keeps that reading where the article writes its name alone (ديكرا), which the tagger, seeing
a word it never learnt, took for a person: `company_names_alone`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, proclitic_length
from marsad.arabic.words import key_table
from marsad.extract.mention_filter import clean_mention
from marsad.extract.mention_spans import institution_heads
from marsad.extract.org_names import PROCLITICS, is_body, nationality_keys, org_name_end, org_words
from marsad.model import Mention, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE

# Last words of news outlets' names (match keys): News, Press, Times, Post.
_OUTLET_WORDS = frozenset({"نيوز", "برس", "تايمز", "بوست"})
_POLICE = "شرطه"
_STATION = frozenset({"قسم", "مركز"})  # match keys of a police station's words
INSTITUTION_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_institution_words.tsv"


@lru_cache(maxsize=1)
def institution_words() -> frozenset[str]:
    """Match keys, with the article, of the words a body is named of (الثقافه, المركزي)."""
    return frozenset(key_table(INSTITUTION_WORDS_FILE))


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)  # (asked of every token of every sentence)
def _named_head(key: str) -> tuple[str, bool] | None:
    """(glued proclitic, with the article) of a `head_named` noun (لجهاز, والإدارة), else None."""
    for prefix, stem in clitic_candidates(key):
        if stem in org_words()["head_named"]:
            return prefix, prefix.endswith(("ال", "لل"))
    return None


def clitic_forms(stems: frozenset[str]) -> set[str]:
    """Every key `clitic_candidates` can split into one of `stems`: و/ف, ب/ل/ك and ال before
    it, or لل (the article's ال after ل is dropped: للإدارة)."""
    forms = {prefix + article + stem for stem in stems for prefix in PROCLITICS for article in ("", "ال")}
    return forms | {conjunction + "لل" + form for stem in stems for form in (stem, stem.removeprefix("ال"))
                    for conjunction in ("", "و", "ف")}


@lru_cache(maxsize=1)
def _head_keys() -> frozenset[str]:
    """The keys `_named_head` reads as a head: one C-level set test skips a sentence without one."""
    return frozenset(key for key in clitic_forms(org_words()["head_named"]) if _named_head(key))


@lru_cache(maxsize=1)
def _police_keys() -> frozenset[str]:
    """The keys `_police_proclitic` reads as شرطة."""
    return frozenset(key for key in clitic_forms(frozenset({_POLICE})) if _police_proclitic(key) is not None)


def _of_a_body(token: Token) -> bool:
    """A definite word a body is named of (الثقافة, للسياحة, المركزية: an adjective's
    feminine as its masculine, المركزي)."""
    key = "ال" + token.stem
    return token.prefix in ("ال", "لل") and (key in institution_words()
                                             or (key.endswith("يه") and key[:-1] in institution_words()))


def named_bodies(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with the bodies named by a `head_named` noun added, and spans
    over two bodies joined by و cut (see the module's doc)."""
    mentions = [replace(m, type="ORG") if m.type != "ORG" and len(words := m.text.split()) == 2
                and match_key(words[1]) in _OUTLET_WORDS else m for m in _split_joined_bodies(mentions, tokens, text)]
    keys = [t.key for t in tokens]
    added: list[Mention] = []
    head_keys = _head_keys()
    for at in ([] if head_keys.isdisjoint(keys) else range(len(tokens) - 1)):
        token = tokens[at]
        head = _named_head(keys[at]) if keys[at] in head_keys else None
        nxt = tokens[at + 1]
        if head is None or not _of_a_body(nxt) or nxt.key in nationality_keys() \
                or any(m.start <= nxt.start < m.end for m in mentions):
            continue  # "قيادة السعودية", "إدارة الهلال": a country's or a club's leadership
        prefix, definite = head
        end = org_name_end(tokens, at, definite)
        if end - at - 1 < (2 if definite else 1):
            continue  # "الإدارة المحلية": a head with the article needs two words of its own
        clitic = prefix.removesuffix("ال") if prefix.endswith("ال") else ("" if prefix.endswith("لل") else prefix)
        start = token.start + proclitic_length(token.text, clitic, keep_whole_words=False)
        stop = tokens[end - 1].end
        if any(m.start < stop and start < m.end and not (start <= m.start and m.end <= stop) for m in mentions):
            continue  # a mention that runs past the name: left as it is
        mentions = [m for m in mentions if not (start <= m.start and m.end <= stop)]
        added.append(Mention(start, stop, text[start:stop], "ORG", source="gazetteer"))
    mentions = sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions
    return police_by_place(mentions, tokens, text)


def police_by_place(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The sentence's mentions with a police force named by its place read as one ORG, the
    place's mention inside it."""
    heads = institution_heads()
    out = mentions
    police_keys = _police_keys()
    for at in ([] if police_keys.isdisjoint([t.key for t in tokens]) else range(len(tokens) - 1)):
        token = tokens[at]
        police = _police_proclitic(token.key) if token.key in police_keys else None
        if police is None:
            continue
        place = at + 1
        if heads.get(tokens[place].stem) == "place_head" or tokens[place].key == "مديريه":
            place += 1  # شرطة محافظة تعز: the place after its generic head
        found = next((m for m in out if m.type in ("LOC", "ORG") and tokens[at + 1].start <= m.start
                      and place < len(tokens) and m.start == tokens[place].start), None) \
            or next((m for m in out if m.start == tokens[at + 1].start and m.type in ("LOC", "ORG")), None)
        if found is None or any(m is not found and m.start < found.end and token.start < m.end for m in out):
            continue
        first = at - 1 if at > 0 and tokens[at - 1].key in _STATION else at
        clitic = police if first == at else ""
        start = tokens[first].start + proclitic_length(tokens[first].text, clitic, keep_whole_words=False)
        out = [m for m in out if m is not found] + [Mention(start, found.end, text[start:found.end], "ORG",
                                                             source="gazetteer")]
    return sorted(out, key=lambda m: (m.start, m.end))


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)  # (asked of every token of every sentence)
def _police_proclitic(key: str) -> str | None:
    """The proclitic glued on شرطة written without the article ("" alone, ب in بشرطة), else None."""
    return next((p for p, stem in clitic_candidates(key) if stem == _POLICE and not p.endswith("ال")), None)


def _split_joined_bodies(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """Each ORG over "X وY" where Y's first word is a body's own (والحرس, والهيئة, ووزارة) as
    the two ORGs X and Y."""
    out: list[Mention] = []
    for mention in mentions:
        if mention.type != "ORG":
            out.append(mention)
            continue
        inside = [t for t in tokens if mention.start < t.start and t.end <= mention.end]
        cut = next((t for t in inside if t.prefix.startswith("و") and is_body(t)), None)
        if cut is None:
            out.append(mention)
            continue
        before = max((t.end for t in tokens if t.end <= cut.start), default=mention.start)
        # The plural of a body's word (والمنظمات الدولية) names no one body: only the first is kept.
        plural = cut.key.endswith("ات")
        for start, stop in ((mention.start, before),) + (() if plural else ((cut.start + 1, mention.end),)):
            part = clean_mention(Mention(start, stop, text[start:stop], "ORG", source=mention.source))
            if part is not None and " " in part.text:
                out.append(part)
    return out


def company_names_alone(mentions: list[Mention], text: str) -> list[Mention]:
    """An article's mentions with a one-word name that a company's mention holds after the
    word for a company ("شركة ديكرا البريطانية": ديكرا, with or without its country's
    adjective) read as that company (ORG) wherever the article writes it alone."""
    companies = set()
    for m in mentions:
        if m.type == "ORG" and m.start > 0:
            words = m.text.split()
            before = text[max(0, m.start - 12):m.start].split()
            if before and any(stem in org_words()["company"] for _, stem in clitic_candidates(match_key(before[-1]))) \
                    and (len(words) == 1 or (len(words) == 2 and match_key(words[1]) in nationality_keys())):
                companies.add(match_key(words[0]))
    if not companies:
        return mentions
    return [replace(m, type="ORG") if m.type != "ORG" and match_key(m.text) in companies else m for m in mentions]

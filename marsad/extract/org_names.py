"""Organisations named by a head noun and the definite words after it, where the tagger
found none: "وزارة القوى العاملة", "حزب الاستقلال", "الهيئة العامة للثقافة", "ديوان رئيس
الجمهورية", "مرصد العالم العربي للديمقراطية والانتخابات". The word classes (the head nouns,
the titles inside a name, and the definite words that never carry a name on) are
marsad/data/ner_org_names.tsv; the nationality adjectives, which close a name ("نادي
برشلونة الإسباني"), are the gazetteer's.

The name is the head and the run of words that an Arabic name of a body is made of: definite
words (العامة), words with the preposition and the article (للثقافة), a noun in construct
before a definite word (رئيس الجمهورية, لتنمية المؤسسات), a title and the person found
after it (الملك سعود), and last a conjunction with the article (والانتخابات). It stops at anything
else: a verb, a preposition, a number, punctuation, another body's head (والهيئة), a day or
time word, a mention already found that runs past it. A head with the article (الهيئة)
needs two such words: "الهيئة العامة" alone is no name.

And a name in quotes right after the word for a company, a paper, an agency or a channel
is an organisation, the word left out as a reader leaves it (صحيفة "صدى الاقتصادية").

A named site is read the same way, a LOC: its head (قصر, مطار, ملعب, شارع) and the words
after it (قصر البركة, ملعب محمد الخامس, مطار هواري بومدين الدولي), the head kept as a
reader keeps it; a name in quotes after the word for a film, a prize, a festival or a
product is a MISC (فيلم "الزورق", جائزة "التانيت الذهبي"), after مجمع or قاعة a LOC.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, count
from pathlib import Path
from typing import cast

from marsad.arabic.tokenize import clitic_candidates, proclitic_length, word_frequencies
from marsad.arabic.words import key_table
from marsad.extract.gazetteer import list_entries
from marsad.extract.mention_spans import institution_heads
from marsad.extract.roles import function_words
from marsad.model import EntityType, Mention, Token

ORG_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_org_names.tsv"
# Prefixes of a word that carries the name on: the article, لل, and و before either.
_CARRYING = frozenset({"ال", "لل", "وال", "ولل"})
_LONGEST = 7  # words after the head
# A bare word after a site's head that SaudiNewsNet writes less often than this, and never
# with the article, is a name (قصر بعبدا, ملعب مرسول بارك, حقل مسلة); a frequent one is a
# common noun (ملعب كرة).
RARE_WORD = 500
_SITE_NAME_WORDS = 3


@lru_cache(maxsize=1)
def org_words() -> dict[str, frozenset[str]]:
    """Kind (head, head_any, descriptor, stop, title) -> the match keys of the word-class
    file (a word both a head and a descriptor is listed as `head+descriptor`)."""
    table = key_table(ORG_NAMES_FILE)
    return {kind: frozenset(k for k, v in table.items() if kind in v.split("+"))
            for kind in ("head", "head_any", "descriptor", "stop", "title", "site", "work", "portfolios",
                         "district", "prize", "company", "head_named", "programme", "outlet", "outlet_cue")}


@lru_cache(maxsize=1)
def nationality_keys() -> frozenset[str]:
    """The match keys of the one-word nationality adjectives (المصري، السعودية، ...)."""
    return frozenset(key[0] for key in list_entries("gazetteer_nationalities.tsv") if len(key) == 1)


def _head(key: str) -> tuple[str, bool] | None:
    """(glued proclitic, with the article) of a word that opens a body's name: ووزارة ->
    (و, no), للهيئة -> (لل, yes); None for "الشركة" (a head written with the article that
    only ever refers back) and for any other word."""
    found = _head_of(key) if key in _head_keys() else ()
    if found and _type_of(key) == "MISC":
        return None  # a prize's word inside a body's name: مؤسسة جائزة البوكر
    return (found[0], found[1]) if found and found[2] else None


@lru_cache(maxsize=4096)
def _head_of(key: str) -> tuple[str, bool, bool, bool] | tuple[()]:
    """(proclitic, with the article, opens a name, names what is quoted after it) of a head
    or a descriptor (شركة, صحيفة, وكالة); () for any other word."""
    words = org_words()
    for prefix, stem in clitic_candidates(key):
        definite = prefix.endswith(("ال", "لل"))
        opens = stem in words["head_any"] or stem in words["prize"] \
            or ((stem in words["head"] or stem in words["site"]) and not definite)
        describes = stem in words["descriptor"] or stem in words["work"]
        if opens or describes:
            return prefix, definite, opens, describes
    return ()


@lru_cache(maxsize=1024)
def _type_of(key: str) -> EntityType:
    """The type of what a head or a descriptor names: a site's LOC, a work's MISC, else ORG."""
    words = org_words()
    for _, stem in clitic_candidates(key):
        if stem in words["work"]:
            return "MISC"
        if stem in words["site"]:
            return "LOC"
    return "ORG"


PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


@lru_cache(maxsize=1)
def _head_keys() -> frozenset[str]:
    """Every key a head or a descriptor can have with its clitics (ووزاره, للهييه, والهييه):
    one C-level set test tells the sentences that have none, nearly all of them."""
    words = org_words()
    stems = words["head"] | words["head_any"] | words["descriptor"] | words["site"] | words["work"]
    keys = {prefix + article + stem for stem in stems for prefix in PROCLITICS for article in ("", "ال")}
    keys |= {conjunction + "لل" + stem for stem in stems for conjunction in ("", "و", "ف")}
    return frozenset(key for key in keys if _head_of(key))


_OPENING = frozenset('«"“„')
_CLOSING = {"«": "»", '"': '"', "“": "”", "„": "“"}
_QUOTED_WORDS = 5


def quoted_after(tokens: Sequence[Token], at: int) -> tuple[int, int] | None:
    """(first, end) token indexes of a name quoted right after token `at` (شركة "أبل")."""
    if at + 2 >= len(tokens) or tokens[at + 1].text not in _OPENING:
        return None
    closing = _CLOSING[tokens[at + 1].text]
    for end in range(at + 2, min(len(tokens), at + 3 + _QUOTED_WORDS)):
        word = tokens[end].text
        if word == closing:
            return (at + 2, end) if end > at + 2 else None
        if not word.isalnum():
            return None
    return None


def _carries(token: Token, stops: frozenset[str]) -> bool:
    """A definite word the name goes on over (العامة, للثقافة, والتنباك); not one whose
    first letters only look like the article in its key (ألمانية) or that a pronoun ends."""
    if token.prefix not in _CARRYING or not token.key.isalpha() or not token.text.startswith(token.prefix):
        return False
    if token.key.endswith("ها"):
        return False  # "والتزاماتها": a pronoun glued on, so no article (التزام's ال)
    key = token.key[1:] if token.prefix.startswith("و") else token.key
    return key not in stops and ("ال" + token.stem) not in stops


def _bare(token: Token) -> bool:
    """A word with no clitic glued on (رئيس, سعود): a noun in construct or a name."""
    return token.prefix == "" and token.key.isalpha() and len(token.stem) > 2


def _closes(token: Token) -> bool:
    """A nationality adjective (الأردني) or a conjunction with the article ends a name."""
    return token.prefix.startswith("و") or token.key in nationality_keys()


def _name_like(key: str, counts: dict[str, int]) -> bool:
    """A rare word never written with the article: a name (بعبدا, مرسول), not a common
    noun or an adjective (معقل, رئيسي), which news writes with it too."""
    return counts.get(key, 0) < RARE_WORD and not counts.get("ال" + key)


def _site_name_end(tokens: Sequence[Token], at: int) -> int:
    """The index after the rare bare words right after a site's head (at + 1: none)."""
    counts, names = word_frequencies()
    end = at + 1
    while end < len(tokens) and end - at <= _SITE_NAME_WORDS and _bare(tokens[end]) \
            and (_name_like(tokens[end].key, counts) or tokens[end].key in names) \
            and tokens[end].key not in function_words():
        end += 1
    return end


def org_name_end(tokens: Sequence[Token], at: int, definite_head: bool,
                 person_ends: dict[int, int] | None = None, site: bool = False) -> int:
    """The index after the last word of the name whose head is token `at` (`at` + 1: none).
    `person_ends`: token index where a person's mention starts -> the index after it;
    `site`: the head names a site, whose name may be bare rare words (قصر بعبدا)."""
    person_ends = person_ends or {}
    words = org_words()
    stops = words["stop"]
    portfolios = any(stem in words["portfolios"] for _, stem in clitic_candidates(tokens[at].key))
    end = i = at + 1
    if site and not definite_head and (named := max(_site_name_end(tokens, at), person_ends.get(at + 1, 0))) > at + 1:
        end = i = named
    while i < len(tokens) and i - at <= _LONGEST:
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        construct = (_bare(token) or (token.prefix == "ل" and token.key.isalpha())) \
            and token.key not in stops and token.key[1:] not in stops  # not لهذه
        if i == at + 1 and i in person_ends and not definite_head:
            # A person the tagger found names the body or the site (مستشفى جميل التوتنجي,
            # مطار هواري بومدين الدولي): the name takes them and goes on with adjectives.
            end = i = person_ends[i]
            continue
        if i == at + 1 and token.prefix != "ال" and (definite_head or not construct):
            # "مؤسسة للتعليم": a common noun and a preposition; "المجلس للمؤسسات": the body
            # named before. A name goes on with an adjective or a genitive.
            break
        if site and token.prefix.startswith("و"):
            break  # "حقل مسلة والسرير": two sites, not one name
        if token.prefix.startswith("و") and is_body(token):
            break  # "وزارة الداخلية والحكومة": two bodies
        head = _head(token.key)
        if head is not None and (head[0] != "ال" or token.stem in words["head_any"]):
            break  # another body: والهيئة, ووزارة; "حزب العمال الحزب الحاكم"
        if _carries(token, stops):
            # A plural written with the bare article (الإجراءات) after the name is the verb's
            # object, not part of it, unless a noun in construct asks for it (لتنمية المؤسسات).
            after_construct = (i == at + 1 and not definite_head) or _bare(tokens[i - 1]) \
                or tokens[i - 1].prefix == "ل"
            if token.prefix == "ال" and token.key.endswith("ات") and not after_construct:
                break
            end = i = i + 1
            if _closes(token) and not (portfolios and _portfolio_goes_on(tokens, i, stops)):
                break
            if token.key in words["title"]:
                # A title is a name's only right after the head (جامعة الملك سعود), with the
                # person the tagger found after it; later it is someone's (… الإداري الشيخ).
                if i - 1 != at + 1:
                    end -= 1
                    break
                end = i = person_ends.get(i, i)
            continue
        # A noun in construct: the head's own (ديوان رئيس الجمهورية) or one with ل (لتنمية).
        # (ل + a word news writes: لتنمية, لشؤون; not لافتا, "drawing attention", which is no ل + افتا)
        if (construct and nxt is not None and nxt.prefix == "ال" and _carries(nxt, stops)
                and ((i == at + 1 and not definite_head)
                     or (i > at + 1 and token.key.startswith("ل") and word_frequencies()[0].get(token.key[1:], 0)))):
            i += 1
            continue
        break
    return end if _enough(tokens, at, end, definite_head, site) else at + 1


def _portfolio_goes_on(tokens: Sequence[Token], at: int, stops: frozenset[str]) -> bool:
    """Whether a ministry's name goes on after a conjunction with the article: over the
    portfolio's adjective, and then to one more portfolio ("وزارة الأوقاف والشؤون
    الإسلامية", "وزارة التربية الوطنية والتعليم الأولي والرياضة")."""
    if at >= len(tokens) or not _carries(tokens[at], stops) or tokens[at].key in nationality_keys():
        return False
    # Only the portfolio's adjective: a third portfolio right after (والأوقاف والدعوة) is
    # more often a list of bodies or people (والقروية والمواطنين) than one name.
    return tokens[at].key.endswith(("ي", "يه"))  # الإسلامية, الأولي


def _named_company(tokens: Sequence[Token], at: int, end: int, mentions: list[Mention]) -> bool:
    """Whether the head at `at` is the word for a company before its own name, a mention
    found already (شركة أرامكو السعودية, شركة سامسونج): a reader leaves the word out. A
    company named by definite words keeps it (شركة الكهرباء السعودية), and so does one
    named after its founder (شركة سعد الهداب: without the word, a person's name)."""
    if end <= at + 2 or not any(stem in org_words()["company"] for _, stem in clitic_candidates(tokens[at].key)):
        return False
    name = tokens[at + 1]
    return not name.prefix and any(m.start <= name.start < m.end and m.type != "PER" for m in mentions)


def _portfolio_after(mention: Mention, tokens: Sequence[Token], at: int) -> bool:
    """Whether a ministry's next portfolio follows the mention on its head at `at`."""
    words = org_words()
    if not any(stem in words["portfolios"] for _, stem in clitic_candidates(tokens[at].key)):
        return False
    after = next((i for i in range(at, len(tokens)) if tokens[i].start >= mention.end), None)
    if after is None or tokens[after].prefix != "وال" or not _carries(tokens[after], words["stop"]):
        return False  # not "وللمؤسسات", a preposition's phrase
    word = tokens[after]
    # not people (والمواطنين), another body (والحكومة), or another country's (والفلسطينية)
    return not is_body(word) and not word.key.endswith(("ين", "ون")) and word.key[1:] not in nationality_keys()


def is_body(token: Token) -> bool:
    """A word that names a body of its own (والجيش, والحكومة, والهيئة, والحرس) or bodies
    (والشركات, والمؤسسات: the plural of a body's head)."""
    heads = institution_heads()
    words = org_words()
    return any(heads.get(stem) in ("head", "head_of") or heads.get("ال" + stem) == "head" or _head(key) is not None
               or (stem.endswith("ات") and stem[:-2] + "ه" in words["head"] | words["head_any"])
               for key in (token.key,) for _, stem in clitic_candidates(key))


def _enough(tokens: Sequence[Token], at: int, end: int, definite_head: bool, site: bool = False) -> bool:
    """Whether the words after the head make a name: with the article a head needs two of
    its own, and a last word with و is not one ("المجلس الاستشاري والمجتمع" is two bodies)."""
    words_in = end - at - 1 - (end > at + 1 and tokens[end - 1].prefix.startswith("و"))
    return words_in >= (2 if definite_head else 1) or (site and words_in >= 1)


def org_names(mentions: list[Mention], tokens: Sequence[Token], text: str,
              keys: Sequence[str] | None = None) -> list[Mention]:
    """The sentence's mentions with the organisations named by a head noun added where no
    mention stands on the head; a mention wholly inside the new name goes. `keys`: the
    tokens' keys, where the caller has them already (the tagger's)."""
    keys = keys if keys is not None else [t.key for t in tokens]
    head_keys = _head_keys()
    if head_keys.isdisjoint(keys):
        return mentions
    added: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    person_ends: dict[int, int] = {}
    # Where any mention starts -> the index after it: a site's name may be one the tagger
    # found as anything (مطار + "هواري بومدين", which it took for a MISC).
    mention_ends: dict[int, int] = {}
    if mentions:
        at_start = {t.start: i for i, t in enumerate(tokens)}
        at_end = {t.end: i + 1 for i, t in enumerate(tokens)}
        mention_ends = {at_start[m.start]: at_end[m.end] for m in mentions
                        if m.start in at_start and m.end in at_end}
        person_ends = {at_start[m.start]: at_end[m.end] for m in mentions
                       if m.type == "PER" and m.start in at_start and m.end in at_end}
    for at in compress(count(), map(head_keys.__contains__, keys)):
        token = tokens[at]
        prefix, definite, opens, describes = cast(tuple[str, bool, bool, bool], _head_of(keys[at]))
        # A company's or a paper's name quoted after the word for it is an organisation
        # (صحيفة "صدى الاقتصادية", شركة «أبل»), whatever the tagger made of it.
        quoted = quoted_after(tokens, at) if describes else None
        if quoted is not None and quoted[1] - quoted[0] == 1 \
                and any(stem in org_words()["programme"] for _, stem in clitic_candidates(keys[at])) \
                and not _name_like(tokens[quoted[0]].key, word_frequencies()[0]):
            continue  # مشروع "إفطار": a project named by an ordinary word is no name to link
        if quoted is not None:
            start, stop = tokens[quoted[0]].start, tokens[quoted[1] - 1].end
            if not any(s < stop and start < e and not (start <= s and e <= stop) for s, e in taken):
                mentions = [m for m in mentions if not (start <= m.start and m.end <= stop)]
                taken = [(s, e) for s, e in taken if not (start <= s and e <= stop)] + [(start, stop)]
                added.append(Mention(start, stop, text[start:stop], _type_of(keys[at]), source="gazetteer"))
            continue
        if not opens:
            continue
        etype = _type_of(keys[at])
        on_head = [m for m in mentions if m.start < token.end and token.start < m.end]
        if etype == "LOC" and on_head and all(m.type == "PER" and m.source == "model" for m in on_head):
            # The tagger took a site's head into a person ("لمطار هواري"): the site is read
            # from its head, the person's words with it.
            mentions = [m for m in mentions if m not in on_head]
            taken = [(m.start, m.end) for m in mentions] + [(a.start, a.end) for a in added]
            on_head = []
        # The tagger's ORG that stops short of the name ("الهيئة" + العامة للثقافة) is carried
        # on to its end, and so is a listed ministry before its next portfolio ("وزارة
        # الأوقاف" + والشؤون الإسلامية); any other mention on the head stays as it is (the
        # gazetteer's "وزارة الخارجية" links with the articles that write it alone).
        short = on_head[0] if len(on_head) == 1 and on_head[0].type == "ORG" and on_head[0].start >= token.start \
            and (on_head[0].source == "model" or _portfolio_after(on_head[0], tokens, at)) else None
        if on_head and short is None:
            continue
        # After a definite word, a definite head is its adjective ("الفعاليات الأكاديمية").
        if prefix == "ال" and at > 0 and tokens[at - 1].prefix.endswith(("ال", "لل")):
            continue
        site = etype == "LOC"
        end = org_name_end(tokens, at, definite, mention_ends if site else person_ends, site)
        # A mention running past the name's end would be cut: the name stops before it.
        while end > at + 1 and any(s < tokens[end - 1].end < e for s, e in taken):
            end -= 1
        if not _enough(tokens, at, end, definite, site) or (short is not None and tokens[end - 1].end <= short.end):
            continue
        if short is not None:
            mentions = [m for m in mentions if m is not short]
            taken = [(m.start, m.end) for m in mentions] + [(a.start, a.end) for a in added]
        # The name starts after a glued conjunction or preposition; لل keeps its letters
        # (the linker reads it as ل + ال), and so does the article.
        clitic = prefix.removesuffix("ال") if prefix.endswith("ال") else ("" if prefix.endswith("لل") else prefix)
        start = token.start + proclitic_length(token.text, clitic, keep_whole_words=False)
        if _named_company(tokens, at, end, mentions):
            start = tokens[at + 1].start  # "شركة" + أرامكو السعودية: the word for it is no part
        stop = tokens[end - 1].end
        added.append(Mention(start, stop, text[start:stop], etype, source="gazetteer"))
        taken.append((start, stop))
    if not added:
        return mentions
    kept = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))

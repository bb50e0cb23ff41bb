"""A count as claims compare it: what it counts (its noun and describing words), in what
role, year and places; and a percentage with the words that say what it is a share of.
Shared by the count claims (`claims`) and read here once."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates
from marsad.extract.gazetteer import country_names
from marsad.model import Doc, Quantity, Sentence, Token
from marsad.stories.terms import content_terms, is_stopword, is_word, load_word_list, sentence_tokens

_CLAUSE_ENDS = frozenset("،,;؛:.\n")
_SPELLING_VARIANTS = (("اميرك", "امريك"), ("امريكيه", "امريكي"), ("كيلوج", "كيلوغ"), ("انجلتر", "انكلتر"))
# A percentage's subject: the content words among the 4 words before it and the 4 after
# ("حصة العراق من مياه الفرات تراجعت بنحو 40 بالمئة"); two percentages are of one thing when
# these share two words (or all the words one of them has): one shared word ("الصيني") is not
# one subject ("نمو الاقتصاد الصيني" / "التجارة الخارجية الصينية", SaudiNewsNet 2015-08-10).
SHARE_CONTEXT = 4
SHARE_WORDS_SHARED = 2
# "أكثر من ثلث" is said of a share a little above a third, not of 40% (see FRACTION_SPAN).
_FRACTION_BOUND = {"more_than": "just_over", "at_least": "just_over"}


@cache
def moments() -> dict[str, frozenset[str]]:
    return {kind: frozenset(match_key(w) for w in words.split("|"))
            for kind, words in (line.split("\t") for line in load_word_list("claim_moments.tsv"))}


def record_span(tokens: tuple[Token, ...], start: int) -> bool:
    """A span of time is a price's record ("أدنى مستوياته في خمسة أعوام", "أعلى مستوى منذ 3
    أشهر"): a record word and "مستوى" within the four words before it (`moments`' record)."""
    before = [t.key for t in tokens if t.end <= start][-4:]
    records = moments()["record"]
    return any(k in records and any(n.startswith("مستو") for n in before[i + 1:]) for i, k in enumerate(before))


@dataclass(frozen=True)
class Count:
    """One count of one article, as claims compare it."""

    article: str
    head: str
    modifiers: frozenset[str]
    role: str | None
    year: str | None
    value: float
    bound: str
    text: str
    written_about: str
    start: int
    end: int
    places: frozenset[str] = frozenset()  # the places its sentence names (entity ids or keys)
    terms: frozenset[str] = frozenset()  # its sentence's content terms
    day: str | None = None  # the day its clause dates before it (YYYY-MM-DD), if any (`day_before`)
    published: str | None = None  # its article's day
    lead: frozenset[str] = frozenset()  # of a sum or a percentage: the firm its article reports on (claim_firms)


def variant(key: str) -> str:
    for old, new in _SPELLING_VARIANTS:
        key = key.replace(old, new)
    return key


def word_key(token: Token) -> str:
    """A comparable form of a describing word: stem, case ending and gender dropped
    (صاروخيًا -> صاروخي, العراقية -> عراقي, بطائرات -> طائرات)."""
    key = token.stem
    if key.startswith("ب") and len(key) > 4:
        key = key[1:]
    for ending in ("يا", "يه", "يين", "يون"):
        if key.endswith(ending) and len(key) > len(ending) + 2:
            key = key[: -len(ending)] + "ي"
            break
    return variant(key)


@dataclass(frozen=True)
class SentenceFacts:
    """What the count claims read of one sentence: its tokens, the year it states, the places
    below a country it names, its content terms."""

    tokens: tuple[Token, ...]
    year: str | None
    places: frozenset[str]
    terms: frozenset[str]
    firms: frozenset[str] = frozenset()  # the organisations it names (`subjects`)


class DocSentences:
    """A doc's sentences as the count claims read them, each tokenised (a doc held without
    its tokens, as `marsad batch` holds it, is tokenised again) and read once however many
    counts it holds."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._starts = [s.start for s in doc.sentences]
        self._tokens: dict[int, tuple[Token, ...]] = {}
        self._facts: dict[int, SentenceFacts] = {}

    def tokens(self, i: int) -> tuple[Token, ...]:
        """The tokens of sentence `i`."""
        if i not in self._tokens:
            self._tokens[i] = sentence_tokens(self.doc.sentences[i])
        return self._tokens[i]

    def facts_at(self, offset: int) -> SentenceFacts | None:
        """The facts of the sentence holding `offset`, None outside every sentence."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0 or offset >= self.doc.sentences[i].end:
            return None
        if i not in self._facts:
            sentence, tokens = self.doc.sentences[i], self.tokens(i)
            self._facts[i] = SentenceFacts(tokens, _year_in(self.doc, sentence), _places_in(self.doc, sentence),
                                           frozenset(content_terms(tokens)), _organisations_in(self.doc, sentence))
        return self._facts[i]


def _year_in(doc: Doc, sentence: Sentence) -> str | None:
    for t in doc.times:
        if sentence.start <= t.start < sentence.end and t.value:
            return t.value[:4]
    return None


def day_before(doc: Doc, start: int) -> str | None:
    """The day a count's clause dates before it ("الهجوم الذي وقع في 20 تموز/يوليو وأوقع 32
    قتيلا"): the last dated day before `start` with no clause end (، , ; : .) between."""
    text = doc.article.text
    days = [t for t in doc.times if t.end <= start and t.value and len(t.value) == 10]
    if not days:
        return None
    last = max(days, key=lambda t: t.end)
    return None if any(ch in _CLAUSE_ENDS for ch in text[last.end:start]) else last.value


def _places_in(doc: Doc, sentence: Sentence) -> frozenset[str]:
    """The places below a country that a count's sentence names: "قتل 14 حوثيا في محافظة
    صنعاء" and "قتل نحو 15 حوثيا بمدينة مأرب" are two clashes, not two tolls of one. A country
    is left out: one outlet names the province ("الأنبار") where another names the country."""
    countries = country_names()
    return frozenset(m.entity or match_key(m.text) for m in doc.mentions
                     if m.type == "LOC" and sentence.start <= m.start < sentence.end
                     and not any(stem in countries for _, stem in clitic_candidates(match_key(m.text))))


def _organisations_in(doc: Doc, sentence: Sentence) -> frozenset[str]:
    return frozenset(m.entity or match_key(m.text) for m in doc.mentions
                     if m.type == "ORG" and sentence.start <= m.start < sentence.end)


def subjects(facts: SentenceFacts, head: str) -> frozenset[str]:
    """What a count's sentence says it is of, as claims part counts by it: the places below a
    country it names, and for a sum of money or a percentage also the organisations it names:
    a story of several firms' results gives each firm's profit and its change in a sentence that
    names the firm ("سابك" / "موبايلي"; SaudiNewsNet 2015-08-04: a bank's 6 billion riyals against
    another firm's 800 million provision, profit falls of different firms)."""
    if head == "%" or head in moments()["currency"]:
        return facts.places | facts.firms
    return facts.places


def apart(x: frozenset[str], y: frozenset[str]) -> bool:
    """Two counts' places (or leads) say they are of different things: both name some, none shared."""
    return bool(x and y and not x & y)


def narrowed(x: frozenset[str], y: frozenset[str]) -> frozenset[str]:
    """What a group of two groups' counts is of: the places both name, or those either names."""
    return x & y if x and y else x | y


@cache
def _directions() -> dict[str, str]:
    return {match_key(word): direction for direction, words in
            (line.split("\t") for line in load_word_list("claim_directions.tsv")) for word in words.split("|")}


def direction_of(keys: list[str]) -> str | None:
    """"rise" or "fall": the nearest word of `keys` (nearest last) that says which way a figure
    moved (lexicon/claim_directions.tsv), with a conjunction or preposition before it."""
    directions = _directions()
    for key in reversed(keys):
        found = directions.get(key) or (directions.get(key[1:]) if key[:1] in "وفب" else None)
        if found:
            return found
    return None


def share_key(token: Token) -> str:
    """حصتها / حصته / حصة -> حصه: a noun with an attached pronoun, as the bare noun."""
    key = word_key(token)
    for ending in ("تها", "تهم", "ته"):
        if key.endswith(ending) and len(key) > len(ending) + 1:
            return key[: -len(ending)] + "ه"
    return key


def describe_share(doc: Doc, q: Quantity, facts: SentenceFacts, previous_end: int,
                   next_start: int | None) -> Count | None:
    """A percentage or a fraction ("نحو 40 بالمئة", "أكثر من ثلث"), as a percentage of what the
    words around it name ("حصة العراق من مياه الفرات"): its describing words are the content
    words of the SHARE_CONTEXT words before and after it, and its role a change or a level.
    The words after the count before it are not its, nor those before a count that follows
    within SHARE_CONTEXT words: they name that count ("الإيداع إلى 27.25 بالمئة وسعر الإقراض
    إلى 28.25 بالمئة")."""
    tokens = facts.tokens
    if {t.key for t in tokens} & (moments()["index_word"] | moments()["price_noun"]):
        return None  # an index's or a price's move, a market moment
    before = [t for t in tokens if previous_end <= t.start and t.end <= q.start][-SHARE_CONTEXT:]
    after = [t for t in tokens if t.start >= q.end][:SHARE_CONTEXT]
    if not q.is_percent and not _fraction_of_a_whole(tokens, q, after):
        return None
    if next_start is not None and any(t.start >= next_start for t in after):
        after = []
    direction = direction_of([t.key for t in before])
    if direction and {t.key for t in before + after} & moments()["price_subject"]:
        return None  # "ارتفعت أسعار النفط بنسبة 45.5%": a price's move, a market moment
    context = [t for t in before + after if is_word(t) and not is_stopword(t) and len(t.key) > 2
               and t.key not in share_roles()]
    if not context:
        return None
    inside = [t for t in tokens if q.start <= t.start < q.end][:1]
    role = next((r for t in [*before[-1:], *inside] if (r := share_roles().get(t.key)) not in (None, "generic")),
                None)
    value, bound = (q.value, q.bound) if q.is_percent else (100 * q.value, _FRACTION_BOUND.get(q.bound, q.bound))
    words = [share_key(t) for t in context]
    about = doc.article.text[before[0].start if before else q.start:after[-1].end if after else q.end]
    return Count(doc.id, "%", frozenset(words), role, facts.year, value, bound, q.text, about.strip(),
                 q.start, q.end, subjects(facts, "%"), facts.terms, day_before(doc, q.start), doc.article.published)


# What a fraction word is part of when it is no share: a figure ("ربع مليون حبة"), a round of a
# tournament ("ربع النهائي", "نصف النهائي"), a span of time ("نصف ساعة", "ربع قرن").
_NOT_SHARED = frozenset(match_key(w) for w in (
    "مليون", "ملايين", "مليار", "مليارات", "ألف", "آلاف", "النهائي", "نهائي", "قرن", "القرن"))
_FRACTIONS = frozenset(("نصف", "ربع", "ثلث", "خمس", "ثمن", "ثلثي", "ثلثا", "ربعي"))


def _fraction_of_a_whole(tokens: tuple[Token, ...], q: Quantity, after: list[Token]) -> bool:
    """Whether a fraction word ("ثلث", "ونصف") is a share of something, not part of a figure, a
    round or a span (`_NOT_SHARED`, a span of time), nor "and a half" of the count before it
    ("خمس سنوات ونصف", "شهرين ونصف وبرسوم"): SaudiNewsNet read "سنوات ونصف" as 50% and summed
    "1% ونصف" to 51 (2015-08-09/11); "ونصف العمال" after a share is a share again."""
    following = after[0] if after and is_word(after[0]) else None
    if following is not None and (following.key in _NOT_SHARED or following.key in moments()["duration"]
                                  or following.key.removeprefix("ال") in moments()["duration"]):
        return False
    inside = [t for t in tokens if q.start <= t.start < q.end]
    joined = bool(inside) and inside[0].key[:1] == "و" and inside[0].key[1:] in _FRACTIONS
    return not joined or (following is not None and not is_stopword(following)
                          and following.key[:1] != "و")


@cache
def share_roles() -> dict[str, str]:
    """Match key -> change / level, or generic: a word near many percentages that names none
    of them (lexicon/claim_share_roles.tsv)."""
    lines = (line.split("\t") for line in load_word_list("claim_share_roles.tsv"))
    return {match_key(word): role for role, words in lines for word in words.split("|")}

"""Claims: what the outlets of one story say about the same count or the same date.

Quantities are grouped when they count the same thing in the same role: the same counted
noun (unit), the same describing words after it where both give some ("جندي أجنبي" and
"جندي أمريكي" are different things), the same role where both sentences give one (soldiers
wounded are not soldiers stationed, drones launched not drones shot down:
lexicon/claim_roles.tsv; a rate's change is not the level it reaches:
lexicon/claim_share_roles.tsv), and the same year when a sentence dates them. Prices, index
levels and scores are not claims (lexicon/claim_moments.tsv), and values conflict only when
two outlets state different values. Counts one article splits
("ثماني هجمات بطائرات مسيرة بالإضافة إلى 17 هجوما صاروخيا") are added up first. Values agree
when their ranges overlap given their bounds ("نحو 3500" ~ "حوالي 3500"; "أكثر من عشرة" ~ 11).

Dates are grouped when outlets date the same statement (same speaker, and the quoted words
overlap) or the same coded event (same type and actors, and the sentences overlap): two
statements of one speaker, or two meetings of the same people, are two happenings, and
their dates never conflict. They agree when they name the same day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.arabic.normalize import match_key
from marsad.arabic.words import word_class
from marsad.model import Claim, ClaimValue, Doc, Quantity, Sentence, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE
from marsad.stories.claim_dates import date_claims
from marsad.stories.claim_values import make_claim, outlet_of, values_agree
from marsad.stories.groups import DisjointSets
from marsad.stories.terms import is_stopword, is_word, load_word_list, sentence_tokens

__all__ = ["date_claims", "quantity_claims", "story_claims", "values_agree"]

MAX_MODIFIERS = 4  # describing words read after the counted noun
_SUM_WORDS = word_class("sum_phrase")
_SUM_STARTS = frozenset(w.split()[0] for w in _SUM_WORDS)
_SPELLING_VARIANTS = (("اميرك", "امريك"), ("امريكيه", "امريكي"))
# The role of a count is read from the 8 words of its clause before it ("أسفر عن إصابة ثلاثة
# جنود", "تدفقات المستثمرين الأجانب على أذون الخزانة بلغت نحو 50 مليون") and the 3 after its
# counted noun ("ثلاثة جنود أصيبوا"), the nearest first; a comma, semicolon or colon ends the
# clause: a role named in another clause ("أصيب ثلاثة جنود، وفي القاعدة 2500 جندي") is
# another count's.
ROLE_BEFORE = 8
ROLE_AFTER = 3
_CLAUSE_ENDS = frozenset("،,;؛:")
# A percentage's subject: the content words among the 4 words before it and the 4 after
# ("حصة العراق من مياه الفرات تراجعت بنحو 40 بالمئة"); two percentages are of one thing when
# these share a word.
SHARE_CONTEXT = 4
# "أكثر من ثلث" is said of a share a little above a third, not of 40% (see FRACTION_SPAN).
_FRACTION_BOUND = {"more_than": "just_over", "at_least": "just_over"}


@cache
def _roles() -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in load_word_list("claim_roles.tsv"):
        role, stems = line.split("\t")
        pairs += [(match_key(stem), role) for stem in stems.split("|")]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _moments() -> dict[str, frozenset[str]]:
    return {kind: frozenset(match_key(w) for w in words.split("|"))
            for kind, words in (line.split("\t") for line in load_word_list("claim_moments.tsv"))}


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _role_of(key: str) -> str | None:
    # Cached per word key: every quantity of every story asks it of its neighbouring words.
    for prefix in ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ل", "ب"):
        rest = key[len(prefix):]
        # a two-letter rest only when it is a stem itself ("وضخ" -> ضخ)
        if key.startswith(prefix) and (len(rest) >= 3 or any(stem == rest for stem, _ in _roles())):
            key = rest
            break
    return next((role for stem, role in _roles() if key.startswith(stem)), None)


@dataclass(frozen=True)
class _Count:
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


def _variant(key: str) -> str:
    for old, new in _SPELLING_VARIANTS:
        key = key.replace(old, new)
    return key


def _word_key(token: Token) -> str:
    """A comparable form of a describing word: stem, case ending and gender dropped
    (صاروخيًا -> صاروخي, العراقية -> عراقي, بطائرات -> طائرات)."""
    key = token.stem
    if key.startswith("ب") and len(key) > 4:
        key = key[1:]
    for ending in ("يا", "يه", "يين", "يون"):
        if key.endswith(ending) and len(key) > len(ending) + 2:
            key = key[: -len(ending)] + "ي"
            break
    return _variant(key)


def _sentence_of(doc: Doc, offset: int) -> Sentence | None:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s
    return None


def _year_in(doc: Doc, sentence: Sentence | None) -> str | None:
    if sentence is None:
        return None
    for t in doc.times:
        if sentence.start <= t.start < sentence.end and t.value:
            return t.value[:4]
    return None


def _describe(doc: Doc, q: Quantity, previous_end: int = 0, next_start: int | None = None) -> _Count | None:
    """The count `q` states, with its role; `previous_end` is where the count before it ends
    and `next_start` where the one after it starts: the words beyond are theirs ("أسقطت
    ثماني طائرات من أصل 12 طائرة": 12 were not shot down)."""
    sentence = _sentence_of(doc, q.start)
    if sentence is None:
        return None
    tokens = sentence_tokens(sentence)
    words = [t for t in tokens if t.start >= q.end]
    if q.is_percent or (q.value < 1 and not q.unit):
        return _describe_share(doc, q, tokens, previous_end, next_start)
    if q.unit:
        head = _variant(match_key(q.unit))
        unit_keys = match_key(q.unit_text or q.unit).split()
        while words and words[0].key in unit_keys:  # the counted noun written after the span
            words = words[1:]
    else:  # no counted noun from the extractor: the word after the number
        if not words or not is_word(words[0]):
            return None
        head, words = _word_key(words[0]), words[1:]
    modifiers, end = _modifiers(words)
    end = max(end, q.end)
    if _is_moment(head, modifiers, tokens):
        return None
    before = _clause_words_before(tokens, previous_end, q.start)
    after = _clause_words_after(words, end)
    role = next((r for key in [*reversed(before), *after] if (r := _role_of(key)) is not None), None)
    text = doc.article.text
    about = (q.unit_text or q.unit or text[q.end:end]).strip()
    if modifiers and q.unit_text:
        about = f"{q.unit_text} {text[words[0].start:end]}"
    return _Count(doc.id, head, frozenset(modifiers), role, _year_in(doc, sentence), q.value, q.bound,
                  text[q.start:end], about, q.start, end)


def _clause_words_before(tokens: tuple[Token, ...], start: int, end: int) -> list[str]:
    """The keys of the last ROLE_BEFORE words between `start` and `end`, after the last
    clause end (comma, semicolon, colon) there."""
    words: list[str] = []
    for t in tokens:
        if t.start < start or t.end > end:
            continue
        if t.text in _CLAUSE_ENDS:
            words = []
        elif is_word(t):
            words.append(t.key)
    return words[-ROLE_BEFORE:]


def _clause_words_after(words: list[Token], start: int) -> list[str]:
    """The keys of the first ROLE_AFTER words from `start`, up to a clause end."""
    found: list[str] = []
    for t in words:
        if t.start < start:
            continue
        if t.text in _CLAUSE_ENDS or len(found) >= ROLE_AFTER:
            break
        if is_word(t):
            found.append(t.key)
    return found


def _share_key(token: Token) -> str:
    """حصتها / حصته / حصة -> حصه: a noun with an attached pronoun, as the bare noun."""
    key = _word_key(token)
    for ending in ("تها", "تهم", "ته"):
        if key.endswith(ending) and len(key) > len(ending) + 1:
            return key[: -len(ending)] + "ه"
    return key


def _describe_share(doc: Doc, q: Quantity, tokens: tuple[Token, ...], previous_end: int,
                    next_start: int | None) -> _Count | None:
    """A percentage or a fraction ("نحو 40 بالمئة", "أكثر من ثلث"), as a percentage of what the
    words around it name ("حصة العراق من مياه الفرات"): its describing words are the content
    words of the SHARE_CONTEXT words before and after it, and its role a change or a level.
    The words after the count before it are not its, nor those before a count that follows
    within SHARE_CONTEXT words: they name that count ("الإيداع إلى 27.25 بالمئة وسعر الإقراض
    إلى 28.25 بالمئة")."""
    if {t.key for t in tokens} & _moments()["index_word"]:
        return None  # an index's move, a market moment
    before = [t for t in tokens if previous_end <= t.start and t.end <= q.start][-SHARE_CONTEXT:]
    after = [t for t in tokens if t.start >= q.end][:SHARE_CONTEXT]
    if next_start is not None and any(t.start >= next_start for t in after):
        after = []
    context = [t for t in before + after if is_word(t) and not is_stopword(t) and len(t.key) > 2]
    if not context:
        return None
    inside = [t for t in tokens if q.start <= t.start < q.end][:1]
    role = next((r for t in [*before[-1:], *inside] if (r := _share_roles().get(t.key)) is not None), None)
    value, bound = (q.value, q.bound) if q.is_percent else (100 * q.value, _FRACTION_BOUND.get(q.bound, q.bound))
    words = [_share_key(t) for t in context]
    about = doc.article.text[before[0].start if before else q.start:after[-1].end if after else q.end]
    return _Count(doc.id, "%", frozenset(words), role, None, value, bound, q.text, about.strip(), q.start, q.end)


@cache
def _share_roles() -> dict[str, str]:
    """Match key -> change / level (lexicon/claim_share_roles.tsv)."""
    lines = (line.split("\t") for line in load_word_list("claim_share_roles.tsv"))
    return {match_key(word): role for role, words in lines for word in words.split("|")}


def _is_moment(head: str, modifiers: list[str], tokens: tuple[Token, ...]) -> bool:
    """A price, an index level or a score: a moment of a market or a match, not a claim.
    Basis points ("200 نقطة أساس") are a decision's size, and stay."""
    moments = _moments()
    if head in moments["unit"]:
        return "اساس" not in modifiers
    keys = {t.key for t in tokens}
    if head in moments["currency"]:
        return bool(keys & moments["price_word"])
    return bool(keys & moments["score_word"]) and head in moments["score_word"]


def _modifiers(words: list[Token]) -> tuple[list[str], int]:
    found: list[str] = []
    end = 0
    for t in words:
        if not is_word(t):
            break
        if t.key in ("او", "و"):
            continue
        if is_stopword(t) or t.key in _SUM_STARTS or len(found) >= MAX_MODIFIERS:
            break
        found.append(_word_key(t))
        end = t.end
    return found, end


def _summed(doc: Doc, counts: list[_Count]) -> list[_Count]:
    """Counts of one thing an article splits with "بالإضافة إلى" become their sum."""
    out: list[_Count] = []
    for c in counts:
        if out:
            prev = out[-1]
            between = match_key(doc.article.text[prev.end:c.start])
            if prev.head == c.head and any(w in between for w in _SUM_WORDS):
                out[-1] = _Count(c.article, c.head, prev.modifiers | c.modifiers, prev.role or c.role,
                                 c.year or prev.year, prev.value + c.value,
                                 _weaker(prev.bound, c.bound), f"{prev.text} + {c.text}",
                                 prev.written_about, prev.start, c.end)
                continue
        out.append(c)
    return out


def _weaker(a: str, b: str) -> str:
    return a if a != "exact" else b


def _same_thing(a: _Count, b: _Count) -> bool:
    if a.head != b.head or (a.year and b.year and a.year != b.year):
        return False
    if a.role and b.role and a.role != b.role:
        return False
    if a.modifiers and b.modifiers:
        return bool(a.modifiers & b.modifiers)
    if a.modifiers or b.modifiers:
        return False
    return _same_sum(a, b) if a.head in _moments()["currency"] else True


def _same_sum(a: _Count, b: _Count) -> bool:
    """Two sums of money that say nothing of what they are (no describing words, not both
    in one role) are one thing only when they are the same sum: a story's sums are of many
    things (a one-day inflow, a planned investment, a price, a budget), and on SaudiNewsNet
    stories bare "دولار" / "ريال" / "يورو" rows lumped sums from 15 dollars to 2 billion."""
    if a.role is not None and a.role == b.role:
        return True
    return values_agree(ClaimValue(a.value, (), a.bound), ClaimValue(b.value, (), b.bound))


def _components(items: list[_Count]) -> list[list[_Count]]:
    sets = DisjointSets(len(items))
    by_head: dict[str, list[int]] = defaultdict(list)  # only counts of one noun can match
    for i, item in enumerate(items):
        by_head[item.head].append(i)
    for members in by_head.values():
        for k, i in enumerate(members):
            for j in members[k + 1:]:
                if _same_thing(items[i], items[j]):
                    sets.join(i, j)
    return _attach_bare(sets.groups(items))


def _attach_bare(groups: list[list[_Count]]) -> list[list[_Count]]:
    """A count with no describing words joins the one described group of its noun, if
    there is exactly one ("3500 جندي" with "3500 جندي أجنبي"); otherwise it stays apart."""
    described: dict[str, list[list[_Count]]] = defaultdict(list)
    for g in groups:
        if any(c.modifiers for c in g):
            described[g[0].head].append(g)
    out = []
    for g in groups:
        roles = {c.role for c in g} - {None}
        targets = [t for t in described.get(g[0].head, []) if not roles or roles <= {c.role for c in t}]
        if g[0].head in _moments()["currency"]:  # a bare sum joins only the same sum (`_same_sum`)
            targets = [t for t in targets if all(_same_sum(c, d) for c in g for d in t)]
        if not any(c.modifiers for c in g) and len(targets) == 1:
            targets[0].extend(g)
        else:
            out.append(g)
    return out


@cache
def _duals() -> dict[str, str]:
    """Dual form -> counted noun ("جنديين" -> جندي, "طائرتين" -> طائرة), from
    lexicon/units.tsv: a dual is a count of two that the number extractor does not read."""
    duals = {}
    for line in load_word_list("units.tsv"):
        singular = line.split("\t")[0]
        key = match_key(singular)
        stem = key[:-1] + "ت" if key.endswith("ه") else key
        for ending in ("ين", "ان"):
            duals[stem + ending] = singular
    return duals


def _dual_counts(doc: Doc) -> list[Quantity]:
    """"إصابة جنديين عراقيين": a count of 2 soldiers, where no quantity covers the word ("البلدين",
    the two countries named before, is not a count)."""
    covered = [(q.start, q.end) for q in doc.quantities]
    duals = _duals()
    found = []
    for sentence in doc.sentences:
        for t in sentence_tokens(sentence):
            unit = duals.get(t.stem) or duals.get(t.key)
            if unit and not t.key.startswith("ال") and not any(s <= t.start < e for s, e in covered):
                found.append(Quantity(t.start, t.end, t.text, 2.0, "exact", unit, t.text))
    return found


def quantity_claims(docs: list[Doc]) -> list[Claim]:
    items: list[_Count] = []
    for doc in docs:
        quantities = sorted([*doc.quantities, *_dual_counts(doc)], key=lambda q: q.start)
        counts = [c for i, q in enumerate(quantities)
                  if (c := _describe(doc, q, quantities[i - 1].end if i else 0,
                                     quantities[i + 1].start if i + 1 < len(quantities) else None)) is not None]
        items.extend(_summed(doc, counts))
    claims = []
    for group in _components(items):
        first = min(group, key=lambda c: (c.article, c.text))
        claim = make_claim(first.written_about, ((c.value, c.bound, c.article, c.text) for c in group),
                       "quantity", outlet_of(docs))
        if claim is not None:
            claims.append(claim)
    return claims


def story_claims(docs: list[Doc]) -> list[Claim]:
    """Quantity and date claims across a story's articles; conflicts first."""
    if len(set(outlet_of(docs).values())) < 2:
        return []  # a claim is what two outlets state (`make_claim`): most stories have one
    claims = quantity_claims(docs) + date_claims(docs)
    return sorted(claims, key=lambda c: (c.agree, c.kind, c.about))

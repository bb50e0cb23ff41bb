"""Claims: what the outlets of one story say about the same count or the same date.

Quantities are grouped when they count the same thing in the same role: the same counted
noun (unit), the same describing words after it where both give some ("جندي أجنبي" and
"جندي أمريكي" are different things), the same role where both sentences give one (soldiers
wounded are not soldiers stationed, drones launched not drones shot down, a rate per day not a
total, a figure compared with not the level: claim_roles.py; a rate's change is not the level
it reaches: lexicon/claim_share_roles.tsv), and the same year when a sentence dates them (a
count its clause dates weeks before its article is of an earlier happening). Prices, index
levels, scores, a price's move in percent, the span of a price's record ("أدنى مستوى له في أربعة
أشهر") and the sources' count are not claims (lexicon/claim_moments.tsv), and values conflict
only when two outlets state different values, no outlet states both, and the outlets' lists
are one item apart at most (`stated_alike`); a sum of money or a percentage is of the
organisations its sentence names (`subjects`) and of the firm its sentence or its article's
lead names (claim_firms.py).
Counts one article splits ("ثماني هجمات بطائرات مسيرة بالإضافة إلى 17 هجوما صاروخيا") are
added up first. Values agree
when their ranges overlap given their bounds ("نحو 3500" ~ "حوالي 3500"; "أكثر من عشرة" ~ 11),
or when they are one figure written two ways ("50ر62" / 50.62; "2.2" for 2.23: claim_values.py);
an agreeing row holds one figure (values that agree only because no two outlets stand by
each are rows of their own: `claim_rows`).

Dates are grouped when outlets date the same statement (same speaker, and the quoted words
overlap) or the same coded event (same type and actors, and the sentences overlap): two
statements of one speaker, or two meetings of the same people, are two happenings, and
their dates never conflict. They agree when they name the same day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from functools import cache

from marsad.arabic.normalize import match_key
from marsad.arabic.words import word_class
from marsad.model import Claim, ClaimValue, Doc, Quantity, Token
from marsad.stories.claim_counts import (
    SHARE_WORDS_SHARED,
    Count,
    DocSentences,
    apart,
    day_before,
    describe_share,
    moments,
    narrowed,
    record_span,
    subjects,
    variant,
    word_key,
)
from marsad.stories.claim_dates import date_claims
from marsad.stories.claim_firms import StoryFirms, with_firm
from marsad.stories.claim_lists import listed_counts
from marsad.stories.claim_roles import OWN_ROLES, clause_words_after, clause_words_before, own_role, role_of
from marsad.stories.claim_values import claim_rows, outlet_of, stated_alike, stated_bound, stated_value, values_agree
from marsad.stories.groups import DisjointSets
from marsad.stories.terms import is_stopword, is_word, load_word_list

__all__ = ["date_claims", "quantity_claims", "story_claims", "values_agree"]

MAX_MODIFIERS = 4  # describing words read after the counted noun
_SUM_WORDS = word_class("sum_phrase")
_SUM_STARTS = frozenset(w.split()[0] for w in _SUM_WORDS)
# Counts of years that may be a person's age in apposition ("سعد دوابشة (32 عامًا)").
_YEARS = frozenset(("عام", "سنه", "اعوام", "سنوات"))
_APPOSITION_MARKS = " \t(-–،,\"«»“”:"
# A count its clause dates more than this many days before its article is of an earlier
# happening (SaudiNewsNet 2015-08-11: July's Suruc toll beside the day's attacks).
PAST_DAYS = 3
# A number joined by a dash or a slash to a number before it that is not smaller ("25 - 22",
# "قرار رقم 84-44") is a score or a reference number, not a count (SaudiNewsNet 2015-08-09 and
# 2015-08-11: set scores and a council's decision numbers in conflict); after a smaller one it
# is a range's upper end ("8-10 روضات"), and stays. The number before the dash is never a count.
_PAIRED_BEFORE = re.compile(r"(\d+)\s*[-–/]\s*$")
_PAIRED_AFTER = re.compile(r"^\s*[-–/]\s*\d")


def _describe(sentences: DocSentences, q: Quantity, previous_end: int = 0,
              next_start: int | None = None) -> Count | None:
    """The count `q` states, with its role; `previous_end` is where the count before it ends
    and `next_start` where the one after it starts: the words beyond are theirs ("أسقطت
    ثماني طائرات من أصل 12 طائرة": 12 were not shot down)."""
    doc, facts = sentences.doc, sentences.facts_at(q.start)
    if facts is None:
        return None
    text = doc.article.text
    paired, written = _PAIRED_BEFORE.search(text[max(0, q.start - 12):q.start]), re.match(r"\d+", q.text)
    if (paired and written and int(paired.group(1)) >= int(written.group())) \
            or _PAIRED_AFTER.match(text[q.end:q.end + 8]):
        return None
    tokens = facts.tokens
    words = [t for t in tokens if t.start >= q.end]
    if q.is_percent or (q.value < 1 and not q.unit):
        return describe_share(doc, q, facts, previous_end, next_start)
    if q.unit:
        head = variant(match_key(q.unit))
        unit_keys = match_key(q.unit_text or q.unit).split()
        while words and words[0].key in unit_keys:  # the counted noun written after the span
            words = words[1:]
    else:  # no counted noun from the extractor: the word after the number
        if len(words) > 1 and words[0].key == "من":
            words = words[1:]  # "نحو 15 من ميليشيا الحوثي": fifteen of the militia
        if not words or not is_word(words[0]):
            return None
        head, words = word_key(words[0]), words[1:]
    modifiers, end = _modifiers(words)
    end = max(end, q.end)
    if _is_moment(head, modifiers, tokens) or (head in moments()["duration"] and record_span(tokens, q.start)):
        return None
    if head in _YEARS and (person := _person_aged(doc, q)) is not None:
        head, modifiers = f"age {person}", []  # "سعد دوابشة (32 عاما)": his age, one thing per person
    before = clause_words_before(tokens, previous_end, q.start)
    after = clause_words_after(words, end)
    role = next((r for key in [*reversed(before), *after] if (r := role_of(key)) is not None), None)
    described = [t.key for t in tokens if q.end <= t.start and t.end <= end and is_word(t)]
    role = own_role(tokens, q, next_start, described + after) or role
    about = (q.unit_text or q.unit or text[q.end:end]).strip()
    if modifiers and q.unit_text:
        about = f"{q.unit_text} {text[words[0].start:end]}"
    return Count(doc.id, head, frozenset(modifiers), role, facts.year, stated_value(q.text, q.value),
                 stated_bound(q.text, q.value, q.bound),
                 text[q.start:end], about, q.start, end, subjects(facts, head), facts.terms,
                 day_before(doc, q.start), doc.article.published)


def _person_aged(doc: Doc, q: Quantity) -> str | None:
    """The person whose age a count of years gives in apposition ("سعد دوابشة (32 عامًا)", "سعد
    محمد دوابشة -38 عاما", "سعد دوابشة، 33 عاما"): the person's entity (or name) when a PER
    mention ends right before the number, only punctuation between."""
    text = doc.article.text
    for m in doc.mentions:
        if m.type == "PER" and m.end <= q.start and not text[m.end:q.start].strip(_APPOSITION_MARKS):
            return m.entity or match_key(m.text)
    before = text[max(0, q.start - 40):q.start].rstrip()
    if before.endswith("(") and text[q.end:q.end + 2].lstrip().startswith(")") and before[:-1].split():
        return match_key(before[:-1].split()[-1])  # "دي ماريا (27 عاما)": an age, whoever is untagged
    return None


def _is_moment(head: str, modifiers: list[str], tokens: tuple[Token, ...]) -> bool:
    """A price, an index level or a score: a moment of a market or a match, not a claim; or
    the sources who told it ("مصدران أمنيان"). Basis points ("200 نقطة أساس") are a
    decision's size, and stay."""
    kinds = moments()
    if head in kinds["source"]:
        return True
    if head in kinds["unit"]:
        return "اساس" not in modifiers
    keys = {t.key for t in tokens}
    if keys & kinds["index_word"] and keys & kinds["price_word"]:
        return True  # "ارتفعت أسهم 113 شركة" in a market report: the market's moment
    if head in kinds["currency"]:
        return bool(keys & kinds["price_word"])
    return bool(keys & kinds["score_word"]) and head in kinds["score_word"]


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
        found.append(word_key(t))
        end = t.end
    return found, end


def _summed(doc: Doc, counts: list[Count]) -> list[Count]:
    """Counts of one thing an article splits with "بالإضافة إلى" become their sum, when those
    words stand right before the second count (`_sum_between`): "بالإضافة إلى" anywhere between
    them summed unlike things (SaudiNewsNet 2015-08-09/10/11: seven sums, among them 530 and
    280 doctors of two courses, and "بأربع مراحل" + "أربع مراحل" read as 8). Sums of money are
    of different payments ("جائزة قدرها خمسة آلاف ريال إضافة إلى 15 ألف ريال للأول"), and a
    sum is never summed again: a chain of them adds up a list of unlike things."""
    out: list[Count] = []
    for c in counts:
        if out:
            prev = out[-1]
            if prev.head == c.head and prev.head not in moments()["currency"] and " + " not in prev.text \
                    and _sum_between(doc.article.text[prev.end:c.start]):
                out[-1] = Count(c.article, c.head, prev.modifiers | c.modifiers, prev.role or c.role,
                                 c.year or prev.year, prev.value + c.value,
                                 _weaker(prev.bound, c.bound), f"{prev.text} + {c.text}",
                                 prev.written_about, prev.start, c.end, prev.places | c.places, prev.terms | c.terms,
                                 prev.day or c.day, c.published, prev.lead)
                continue
        out.append(c)
    return out


def _sum_between(between: str) -> bool:
    """The words between two counts of one sentence join them into a sum: they end with
    "بالإضافة إلى" right before the second count ("ثماني هجمات بطائرات مسيرة ... بالإضافة إلى
    17 هجوما صاروخيا"), not with more words after it ("مكافأة قدرها خمسة آلاف ريال إضافة إلى منح
    مكافأة لصاحب المركز الأول قدرها 15 ألف ريال": a prize of its own)."""
    if any(ch in between for ch in ".!?؟\n"):
        return False
    words = match_key(between).split()
    return any(" ".join(words[-len(w.split()):]).removeprefix("و") == w for w in _SUM_WORDS)


def _weaker(a: str, b: str) -> str:
    return a if a != "exact" else b


def _same_thing(a: Count, b: Count) -> bool:
    if a.head != b.head or (a.year and b.year and a.year != b.year):
        return False
    if not _same_moment(a, b):
        return False
    if (a.role and b.role and a.role != b.role) or any((a.role == r) != (b.role == r) for r in OWN_ROLES):
        return False
    if apart(a.places, b.places) or apart(a.lead, b.lead):
        return False
    if a.modifiers and b.modifiers:
        # a percentage's subject is several words around it (SHARE_WORDS_SHARED)
        needed = min(SHARE_WORDS_SHARED, len(a.modifiers), len(b.modifiers)) if a.head == "%" else 1
        return len(a.modifiers & b.modifiers) >= needed
    if a.modifiers or b.modifiers or a.head in moments()["duration"]:
        return False  # a span of time says what it is only in its describing words
    return _same_sum(a, b) if a.head in moments()["currency"] else True


def _same_moment(a: Count, b: Count) -> bool:
    """Counts that may be of one happening: a count its clause dates more than PAST_DAYS
    before its own article ("الهجوم الذي وقع في 20 تموز/يوليو وأوقع 32 قتيلا", a background
    fact) is only the count of a happening of that day (its stated day, or its article's)."""
    if not (_background(a) or _background(b)):
        return True
    return _days_apart(_when(a), _when(b)) <= 1


def _background(c: Count) -> bool:
    return bool(c.day and c.published) and _days_apart(str(c.day), str(c.published)[:10]) > PAST_DAYS


def _when(c: Count) -> str:
    return c.day or (c.published or "")[:10]


def _days_apart(x: str, y: str) -> int:
    try:
        return abs((date.fromisoformat(x) - date.fromisoformat(y)).days)
    except ValueError:
        return 0


def _same_sum(a: Count, b: Count) -> bool:
    """Two sums of money that say nothing of what they are (no describing words, not both
    in one role) are one thing only when they are the same sum: a story's sums are of many
    things (a one-day inflow, a planned investment, a price, a budget), and on SaudiNewsNet
    stories bare "دولار" / "ريال" / "يورو" rows lumped sums from 15 dollars to 2 billion."""
    if a.role is not None and a.role == b.role:
        return True
    return values_agree(ClaimValue(a.value, (), a.bound), ClaimValue(b.value, (), b.bound))


def _components(items: list[Count]) -> list[list[Count]]:
    """Counts of one thing, grouped. A count that gives no role or place joins counts that
    do, but never bridges two roles or two places ("تأثر 1.36 مليون شخص" does not make
    those displaced and those wounded one count)."""
    sets = DisjointSets(len(items))
    roles = [{c.role} - {None} for c in items]  # per set root: the roles, places and leads it holds
    places = [c.places for c in items]
    leads = [c.lead for c in items]
    by_head: dict[str, list[int]] = defaultdict(list)  # only counts of one noun can match
    for i, item in enumerate(items):
        by_head[item.head].append(i)
    for members in by_head.values():
        for k, i in enumerate(members):
            for j in members[k + 1:]:
                ri, rj = sets.find(i), sets.find(j)
                if ri == rj or not _same_thing(items[i], items[j]) or len(roles[ri] | roles[rj]) > 1 \
                        or apart(places[ri], places[rj]) or apart(leads[ri], leads[rj]):
                    continue
                sets.join(ri, rj)
                roles[ri] |= roles[rj]
                places[ri], leads[ri] = narrowed(places[ri], places[rj]), narrowed(leads[ri], leads[rj])
    return _attach_bare(sets.groups(items))


def _attach_bare(groups: list[list[Count]]) -> list[list[Count]]:
    """A count with no describing words joins the one described group of its noun, if
    there is exactly one ("3500 جندي" with "3500 جندي أجنبي"); otherwise it stays apart."""
    described: dict[str, list[list[Count]]] = defaultdict(list)
    for g in groups:
        if any(c.modifiers for c in g):
            described[g[0].head].append(g)
    out = []
    for g in groups:
        roles = {c.role for c in g} - {None}
        own = {c.role for c in g} & set(OWN_ROLES)  # a rate never joins totals, nor totals a rate
        targets = [t for t in described.get(g[0].head, []) if (not roles or roles <= {c.role for c in t})
                   and own == {c.role for c in t} & set(OWN_ROLES)]
        if g[0].head in moments()["currency"]:  # a bare sum joins only the same sum (`_same_sum`)
            targets = [t for t in targets if all(_same_sum(c, d) for c in g for d in t)]
        if g[0].head in moments()["duration"]:
            targets = []
        targets = [t for t in targets if all(not apart(c.places, d.places) and not apart(c.lead, d.lead)
                                             and _same_moment(c, d) for c in g for d in t)]
        if not any(c.modifiers for c in g) and len(targets) == 1:
            targets[0].extend(g)
        else:
            out.append(g)
    return out


@cache
def _duals() -> dict[str, str]:
    """Dual form -> counted noun ("جنديين" -> جندي, "طائرتين" -> طائرة), from
    lexicon/units.tsv: a dual is a count of two that the number extractor does not read.
    A noun whose plural (the file's first form) is its own -ين form ("مصابين", "مدنيين")
    has only the nominative -ان as an unmistakable dual."""
    duals = {}
    for line in load_word_list("units.tsv"):
        singular, *rest = line.split("\t")
        key = match_key(singular)
        stem = key[:-1] + "ت" if key.endswith("ه") else key
        plural = match_key(rest[0].split("|")[0]) if rest else ""
        for ending in ("ين", "ان"):
            if stem + ending != plural:
                duals[stem + ending] = singular
    return duals


# The article behind a proclitic: "للمصابين", "بالجنديين", "والطائرتين".
_DEFINITE = re.compile(r"^(?:[وف]?(?:ب|ك)?ال|[وف]?لل)")


def _dual_counts(sentences: DocSentences) -> list[Quantity]:
    """"إصابة جنديين عراقيين": a count of 2 soldiers, where no quantity covers the word ("البلدين",
    the two countries named before, is not a count)."""
    covered = [(q.start, q.end) for q in sentences.doc.quantities]
    duals = _duals()
    found = []
    for i in range(len(sentences.doc.sentences)):
        for t in sentences.tokens(i):
            unit = duals.get(t.stem) or duals.get(t.key)
            if unit and not _DEFINITE.match(t.key) and not any(s <= t.start < e for s, e in covered):
                found.append(Quantity(t.start, t.end, t.text, 2.0, "exact", unit, t.text))
    return found


def quantity_claims(docs: list[Doc]) -> list[Claim]:
    items: list[Count] = []
    firms = StoryFirms(docs)
    for doc in docs:
        sentences = DocSentences(doc)
        quantities = sorted([*doc.quantities, *_dual_counts(sentences)], key=lambda q: q.start)
        counts = [c for i, q in enumerate(quantities)
                  if (c := _describe(sentences, q, quantities[i - 1].end if i else 0,
                                     quantities[i + 1].start if i + 1 < len(quantities) else None)) is not None]
        items.extend(with_firm(listed_counts(sentences, _summed(doc, counts)), firms, sentences))
    claims = []
    outlets = outlet_of(docs)
    shown: set[tuple[str, frozenset[tuple[str, float, str]]]] = set()
    for group in _components(items):
        # one set of statements read under two topics ("4 لقاءات تجريبية" / "4 لقاءات ودية"): one row
        statements = (group[0].head, frozenset((c.article, c.value, c.bound) for c in group))
        if statements in shown:
            continue
        shown.add(statements)
        claims += claim_rows(_about_of(group), [(c.value, c.bound, c.article, c.text) for c in group], "quantity",
                             outlets, stated_alike(group, outlets))
    return claims


def _about_of(group: list[Count]) -> Callable[[list[int]], str]:
    """What the counts at the given indexes of `group` are about: the first's (by article)."""
    return lambda members: min((group[i] for i in members), key=lambda c: (c.article, c.text)).written_about


def story_claims(docs: list[Doc]) -> list[Claim]:
    """Quantity and date claims across a story's articles; conflicts first."""
    if len(set(outlet_of(docs).values())) < 2:
        return []  # a claim is what two outlets state (`make_claim`): most stories have one
    claims = quantity_claims(docs) + date_claims(docs)
    return sorted(claims, key=lambda c: (c.agree, c.kind, c.about))

"""The role of a count, as claims compare it: what befell or was done to what it counts
(lexicon/claim_roles.tsv: wounded, killed, stationed, shot down...), read from the words of
its clause, and the roles a count holds by its own wording, which only counts worded so
share (`OWN_ROLES`)."""

from __future__ import annotations

from functools import cache, lru_cache

from marsad.arabic.normalize import match_key
from marsad.arabic.words import word_class
from marsad.model import Quantity, Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE
from marsad.stories.terms import is_word, load_word_list

# The role of a count is read from the 8 words of its clause before it ("أسفر عن إصابة ثلاثة
# جنود", "تدفقات المستثمرين الأجانب على أذون الخزانة بلغت نحو 50 مليون") and the 3 after its
# counted noun ("ثلاثة جنود أصيبوا"), the nearest first; a comma, semicolon or colon ends the
# clause: a role named in another clause ("أصيب ثلاثة جنود، وفي القاعدة 2500 جندي") is
# another count's.
ROLE_BEFORE = 8
ROLE_AFTER = 3
_CLAUSE_ENDS = frozenset("،,;؛:")
# A state before a change (من X إلى Y), a change itself (بزيادة 272 مسافرا), the figure a count
# is compared with ("مقارنة بـ 82.9 مليون عملية للفترة ذاتها من العام الماضي") and a rate per
# period ("بمتوسط 70 ألف زائر يوميا", "لبيع 50 ألف سيارة سنويا") are never the level a count
# without them states (the week's 98,278 passengers; the month's 99.5 million operations; the
# 11,532 cars of a quarter), unlike other roles (SaudiNewsNet 2015-08-09, 2015-08-10, 2015-08-11).
# A count after "بينهم" / "منهم" / "من بين" is a part of the count before it ("أوقع 10 جرحى بينهم 3
# شرطيين", "148 أسيرا ... من بين الأسرى المضربين 120 أسيرا في سجن نفحة"), never that total nor a
# count of its own (SaudiNewsNet 2015-08-09/10/11: parts against totals in conflict). Counts that
# add up to a count beside them are its parts, and it their "total" (claim_lists.py).
OWN_ROLES = ("from", "change", "compared", "rate", "part", "total")
_PART_OF = frozenset(("بينهم", "منهم", "بينها", "منها", "بينهن", "منهن"))
_CHANGE_BY = word_class("change_by")
_COMPARED_WITH = word_class("compared_with")
_RATE_BY = word_class("rate_by")
_PER_PERIOD = word_class("per_period")


@cache
def _roles() -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in load_word_list("claim_roles.tsv"):
        role, stems = line.split("\t")
        pairs += [(match_key(stem), role) for stem in stems.split("|")]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def role_of(key: str) -> str | None:
    # Cached per word key: every quantity of every story asks it of its neighbouring words.
    for prefix in ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ل", "ب"):
        rest = key[len(prefix):]
        # a two-letter rest only when it is a stem itself ("وضخ" -> ضخ)
        if key.startswith(prefix) and (len(rest) >= 3 or any(stem == rest for stem, _ in _roles())):
            key = rest
            break
    return next((role for stem, role in _roles() if key.startswith(stem)), None)


def own_role(tokens: tuple[Token, ...], q: Quantity, next_start: int | None, after: list[str]) -> str | None:
    """"من 67 ألف متر مكعب إلى 147 ألفا": the first count is the state before a change
    ("from"); "بزيادة 272 مسافرا": a difference ("change"); "مقارنة بـ 82.9 مليون": the figure
    compared with ("compared"); "بمعدل 70 ألفا" or "50 ألف سيارة سنويا" (`after`: the clause's
    words after the counted noun): a rate ("rate"); "بينهم 3" or "من بين ... 120": a part of a
    count before ("part"); else None (`OWN_ROLES`)."""
    previous = next((t.key for t in reversed(tokens) if t.end <= q.start), None)
    before = [t.key for t in tokens if t.end <= q.start and is_word(t)][-6:]
    if any(key.removeprefix("و") in _PART_OF for key in before[-2:]) or "من بين" in " ".join(before):
        return "part"
    before = before[-2:]
    if previous in _CHANGE_BY:
        return "change"
    if previous in _COMPARED_WITH or (previous in ("ب", "مع", "من") and len(before) == 2
                                      and before[0] in _COMPARED_WITH):
        return "compared"
    if previous in _RATE_BY or any(key in _PER_PERIOD for key in after):
        return "rate"
    if next_start is None or previous != "من":
        return None
    between = [t.key for t in tokens if q.end <= t.start and t.end <= next_start and is_word(t)]
    return "from" if between and between[-1] in ("الي", "حتي") else None


def clause_words_before(tokens: tuple[Token, ...], start: int, end: int) -> list[str]:
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


def clause_words_after(words: list[Token], start: int) -> list[str]:
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

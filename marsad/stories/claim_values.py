"""Claim values: when two stated values can both be true, and when a group of statements
of one thing is a claim (two outlets) in conflict (two outlets each standing by a value)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from marsad.arabic.normalize import western_digits
from marsad.model import Claim, ClaimValue, Doc
from marsad.stories.claim_counts import Count
from marsad.stories.groups import DisjointSets
from marsad.stories.terms import jaccard

# A hedged count ("نحو", "حوالي") is taken to be within 10% of its value: outlets rounding
# the same figure (3,500 / 3,450) agree, different figures (3,500 / 2,500) do not.
ABOUT_MARGIN = 0.10
# A lower bound ("أكثر من عشرة", "ما لا يقل عن 25") is read as at most 1.5x its value:
# "more than ten" for 11 killed is ordinary wording, but "at least 25" where another outlet
# counts 50 is a 2x gap an analyst must see (the seeds' attacks claim).
BOUND_SPAN = 1.5
# A fraction's lower bound ("أكثر من ثلث": internally "just_over") is read as at most 1.1x
# its value: "more than a third" is said of 34-36%, not of 40%, which Arabic calls "خُمسان"
# (the demo's planted 40% / "أكثر من ثلث" disagreement).
FRACTION_SPAN = 1.1
SAME_FACT = 0.1  # chosen on 2015-08-10 (labels/claims): every real conflict kept, 3 of 11 false ones gone


def _range(value: float, bound: str) -> tuple[float, float]:
    if bound == "about":
        return value * (1 - ABOUT_MARGIN), value * (1 + ABOUT_MARGIN)
    if bound in ("at_least", "more_than"):
        return value, value * BOUND_SPAN
    if bound == "just_over":
        return value, value * FRACTION_SPAN
    if bound in ("at_most", "less_than"):
        return value / BOUND_SPAN, value
    return value, value


def values_agree(a: ClaimValue, b: ClaimValue) -> bool:
    if isinstance(a.value, str) or isinstance(b.value, str):
        x, y = str(a.value), str(b.value)
        n = min(len(x), len(y))
        return x[:n] == y[:n]
    lo_a, hi_a = _range(a.value, a.bound)
    lo_b, hi_b = _range(b.value, b.bound)
    if lo_a <= hi_b + 1e-9 and lo_b <= hi_a + 1e-9:
        return True
    return _one_figure(a, b) or _one_figure(b, a)


# The digits a value is written with, at the start of its text: "50.62 مليون", "1,2 فرنك",
# "50ر62 مليون" (the Arabic decimal mark, digits written in reverse), "614196 طنا".
_WRITTEN = re.compile(r"^\D{0,15}?(\d+)(?:\s?([.,٫ر])\s?(\d+))?")
_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)


def _one_figure(a: ClaimValue, b: ClaimValue) -> bool:
    """`b` is `a`'s figure written another way: `a` read with its decimal mark as a thousands
    mark or with its two parts swapped ("2.1 فرنك" for 1,2; "50.62 مليون" for "50ر62", 62.5
    million; "614.196 طنا" for 614196: pages print decimals in reverse), or `a` rounded to
    the digits it is written with ("2.2 تريليون" for 2.23; "62 مليون" for 62.5 million; "147
    ألف" for 147,080). SaudiNewsNet 2015-08-09 and 2015-08-11 (labels/claims)."""
    written = _WRITTEN.match(western_digits(a.text or ""))
    if written is None or a.bound != "exact" or not isinstance(a.value, float | int):
        return False
    whole, mark, part = written.groups()
    readings = [float(whole)] if mark is None else [float(f"{whole}.{part}"), float(f"{part}.{whole}"),
                                                    float(whole + part)]
    for scale in _SCALES:
        if not any(_close(a.value, r * scale) for r in readings):
            continue
        if any(_close(float(b.value), r * scale) for r in readings):
            return True
        digits = len(part) if mark == "." or mark == "," else 0  # "ر" marks reversed parts: no rounding read
        return mark != "ر" and abs(float(b.value) - a.value) <= 0.5 * 10 ** -digits * scale + 1e-9
    return False


# A whole figure written in three-digit groups ("1.063.837", "2,418,500"): a scale word after
# it ("(1.063.837) مليون راكب") restates its size, it does not multiply it (SaudiNewsNet
# 2015-08-07: airport passengers read as a million millions).
_GROUPED = re.compile(r"^\D{0,15}?(\d{1,3}(?:([.,٬])\d{3})(?:\2\d{3})+)(?!\d)")


# One digit group before "مليار" ("2,650 مليار درهم") is billions and a decimal comma: a
# developer's results on SaudiNewsNet 2015-08-06 give one sum as "2,650 مليون" and as "2,650
# مليار", read as 2,650 billion; thousands of billions are written "تريليون".
_ONE_GROUP_BILLIONS = re.compile(r"^\D{0,15}?(\d{1,3})[,٬](\d{3})\)?\s*مليار")


def stated_value(text: str, value: float) -> float:
    """The value a count's text states: `value`, or the whole figure its digit groups write
    when a scale word after them made it a thousand times or more larger; one digit group
    before "مليار" is billions and their decimals (`_ONE_GROUP_BILLIONS`)."""
    western = western_digits(text)
    billions = _ONE_GROUP_BILLIONS.match(western)
    if billions is not None and _close(value, float("".join(billions.groups())) * 1e9):
        return float(".".join(billions.groups())) * 1e9
    grouped = _GROUPED.match(western)
    if grouped is None:
        return value
    whole = float(re.sub(r"\D", "", grouped.group(1)))
    return whole if value >= 1000 * whole else value


def stated_bound(text: str, value: float, bound: str) -> str:
    """The bound a count's text states: `bound`, or "about" for a round hundred up to a thousand
    written in words alone ("مائة طفل", "ثلاثمائة", "ألف قتيل"): outlets write a counted 101 or
    1,020 that way (SaudiNewsNet 2015-08-04: "مائة طفل" for another outlet's 101 freed
    children); "خمسة مليارات" is as exact as "5 مليارات"."""
    if bound != "exact" or not 100 <= value <= 1000 or value % 100 or re.search(r"\d", western_digits(text)):
        return bound
    return "about"


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def make_claim(about: str, group: Iterable[tuple[float | str, str, str, str]], kind: str,
               outlet_of: dict[str, str],
               agree: Callable[[ClaimValue, ClaimValue], bool] | None = None) -> Claim | None:
    """The claim of these statements of one thing: shown when two outlets state it, in
    conflict when two outlets state values that cannot both be true (`values_agree`, or
    `agree` when given)."""
    can_both_be_true = agree or values_agree
    if not about.strip():
        return None  # a row must say what it is about
    by_value: dict[tuple[float | str, str], list[tuple[str, str]]] = defaultdict(list)
    for value, bound, article, text in group:
        by_value[(value, bound)].append((article, text))
    if len({outlet_of[a] for entries in by_value.values() for a, _ in entries}) < 2:
        return None
    values = tuple(
        ClaimValue(value, tuple(sorted({a for a, _ in entries})), bound, entries[0][1])
        for (value, bound), entries in sorted(by_value.items(), key=lambda kv: (str(kv[0][0]), kv[0][1]))
    )
    # A conflict needs an outlet standing by each value: one that gives both counts two things.
    agreed = not any(not can_both_be_true(a, b) and _outlets(a, outlet_of) - _outlets(b, outlet_of)
                     and _outlets(b, outlet_of) - _outlets(a, outlet_of)
                     for i, a in enumerate(values) for b in values[i + 1:])
    shown = tuple(ClaimValue(v.value, v.articles, "more_than" if v.bound == "just_over" else v.bound, v.text)
                  for v in values)
    return Claim(about, shown, agreed, kind)  # type: ignore[arg-type]


def claim_rows(about: Callable[[list[int]], str], group: Sequence[tuple[float | str, str, str, str]], kind: str,
               outlet_of: dict[str, str],
               agree: Callable[[ClaimValue, ClaimValue], bool] | None = None) -> list[Claim]:
    """The rows of these statements of one thing (`make_claim`; `about` names the statements
    at the given indexes). An agreeing row holds one figure: values that agree only because no
    two outlets stand by each (the same outlets give both, or their sentences tell other facts)
    are different things, each its own row when two outlets state it ("4 شركات" at one airport
    and "6 شركات" at another; a visit Thursday and another Friday). SaudiNewsNet 2015-08-07 and
    2015-08-09/10/11: most false agreements were such rows."""
    claim = make_claim(about(list(range(len(group)))), group, kind, outlet_of, agree)
    if claim is None or not claim.agree:
        return [] if claim is None else [claim]
    figures = DisjointSets(len(group))
    for i, (value, bound, _, text) in enumerate(group):
        for j in range(i):
            if values_agree(ClaimValue(value, (), bound, text), ClaimValue(group[j][0], (), group[j][1], group[j][3])):
                figures.join(i, j)
    parts = figures.groups(range(len(group)))
    if len(parts) == 1:
        return [claim]
    rows = (make_claim(about(part), [group[i] for i in part], kind, outlet_of) for part in sorted(parts))
    return [Claim(row.about, row.values, True, row.kind) for row in rows if row is not None]


def _outlets(value: ClaimValue, outlet_of: dict[str, str]) -> frozenset[str]:
    return frozenset(outlet_of[a] for a in value.articles)


def outlet_of(docs: list[Doc]) -> dict[str, str]:
    """Article id -> its outlet (the article itself when the outlet is not known)."""
    return {d.id: d.article.outlet or d.id for d in docs}


def stated_alike(group: list[Count], outlets: dict[str, str]) -> Callable[[ClaimValue, ClaimValue], bool]:
    """Two values of a group conflict only when two outlets state them in sentences that
    share SAME_FACT of their content terms: a count the outlets tell alike ("تركيب 400 لوحة" /
    "600 لوحة") differs, while a group's counts of other parts, periods or people of one
    story, each told in its own words, are not one fact told two ways (2015-08-10). Nor do they
    conflict when one outlet states both, or when the outlets standing by them tell lists of
    which they are no one item (`_one_item_apart`): SaudiNewsNet 2015-08-04/09/11, a market's
    sectors, firms' results, the Kabul attacks' tolls, each told alike by the outlets giving it."""
    said: dict[tuple[float, str], list[Count]] = defaultdict(list)
    for c in group:
        said[(c.value, c.bound)].append(c)
    stating = {value: {outlets[c.article] for c in counts} for value, counts in said.items()}
    told: dict[str, set[float]] = defaultdict(set)  # outlet -> the figures it states, whatever their bounds
    for (figure, _), names in stating.items():
        for name in names:
            told[name].add(figure)

    def can_both_be_true(a: ClaimValue, b: ClaimValue) -> bool:
        if values_agree(a, b):
            return True
        stating_a, stating_b = stating[(float(a.value), a.bound)], stating[(float(b.value), b.bound)]
        if stating_a & stating_b or not any(_one_item_apart(told[x], told[y])
                                            for x in stating_a for y in stating_b):
            return True  # two things: one outlet states both, or lists of which these are no one item
        return not any(outlets[x.article] != outlets[y.article] and jaccard(x.terms, y.terms) >= SAME_FACT
                       for x in said[(float(a.value), a.bound)] for y in said[(float(b.value), b.bound)])
    return can_both_be_true


def _one_item_apart(x: set[float], y: set[float]) -> bool:
    """Whether two outlets' figures of a group can be one item told two ways: they share none,
    or all but one each ("27 و32.6 بوصة" / "27 و23.6 بوصة": one screen's size in conflict).
    Lists that share figures and differ in more (a market's sectors, firms' results, each
    figure told alike by the outlets that give it) are items one leaves out. Figures are shared
    when equal: read as agreeing, "1.6 مليون" and 16 million made a list one item apart
    (SaudiNewsNet 2015-08-04)."""
    shared = x & y
    return not shared or (len(x - shared) == 1 and len(y - shared) == 1)

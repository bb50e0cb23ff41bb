"""Quantities: what an article counts, as values with bounds and units.

"نحو 3500 جندي أجنبي" -> 3500, about, جندي; "ما لا يقل عن ثماني هجمات" -> 8, at_least, هجوم;
"أكثر من عشرة مقاتلين" -> 10, more_than, مقاتل; "5 آلاف جندي" -> 5000; "40 بالمئة" -> 40 %.
Years, dates, clock times, phone numbers, ordinals and labels ("المادة 3") are not quantities.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.arabic.normalize import match_key, strip_diacritics
from marsad.arabic.numbers import WORD_VALUES, NumberRun, number_runs, word_value
from marsad.arabic.tokenize import clitic_candidates, tokenize
from marsad.arabic.words import word_class
from marsad.extract.dates import extract_times
from marsad.model import Bound, Quantity, TimeExpr, Token
from marsad.settings import PACKAGE_DIR

UNITS_FILE = PACKAGE_DIR / "arabic" / "lexicon" / "units.tsv"

# Qualifiers before the number (match keys, longest first) and the bound each gives.
_BEFORE: tuple[tuple[tuple[str, ...], Bound], ...] = tuple(
    (tuple(match_key(w) for w in phrase.split()), bound) for phrase, bound in sorted((  # type: ignore[misc]
        ("نحو", "about"), ("حوالي", "about"), ("حوالى", "about"), ("قرابة", "about"), ("زهاء", "about"),
        ("ما يقارب", "about"), ("يقارب", "about"), ("ما يناهز", "about"), ("يناهز", "about"), ("تقريبا", "about"),
        ("ما لا يقل عن", "at_least"), ("لا يقل عن", "at_least"), ("ما لا يقل على", "at_least"),
        ("على الأقل", "at_least"), ("أكثر من", "more_than"), ("ما يزيد على", "more_than"),
        ("ما يزيد عن", "more_than"), ("يزيد على", "more_than"), ("يزيد عن", "more_than"), ("أزيد من", "more_than"),
        ("ما يربو على", "more_than"), ("يربو على", "more_than"), ("يفوق", "more_than"), ("ما يفوق", "more_than"),
        ("أقل من", "less_than"), ("ما دون", "less_than"), ("لا يتجاوز", "at_most"), ("ما لا يزيد عن", "at_most"),
        ("ما لا يزيد على", "at_most"), ("لا يزيد على", "at_most"), ("لا يزيد عن", "at_most"), ("حتى", "at_most"),
        ("بحد أقصى", "at_most"), ("أكثر", "more_than"),
    ), key=lambda pb: -len(pb[0].split()))
)
_AFTER: dict[tuple[str, ...], Bound] = {
    (match_key("على"), match_key("الأقل")): "at_least", (match_key("تقريبا"),): "about",
    (match_key("تقريباً"),): "about", (match_key("على"), match_key("الأكثر")): "at_most",
}
# A number right after these is a label, not a count.
_LABEL_WORDS = word_class("number_label")
_PERCENT_AFTER: tuple[tuple[str, ...], ...] = (
    (match_key("بالمئة"),), (match_key("بالمائة"),), (match_key("في"), match_key("المئة")),
    (match_key("في"), match_key("المائة")), ("%",), ("٪",), (match_key("بالمئه"),),
)
# After the counted noun, these words carry on the noun phrase ("جندي أجنبي"): kept in unit_text.
_NOT_UNIT = word_class("noun_phrase_carrier")
_NOT_COUNTED = word_class("not_counted")
_OTHERS = word_class("others")
_STATE_COUNTS = word_class("state_count")
# A count whose noun is left out after "and" ("قتل 13 شخصا وأصيب 31") counts what the count
# just before it, in the same clause, counted: at most this many characters back.
_ELIDED_UNIT_REACH = 60
_DEFINITE_AFTER_CLITIC = ("بال", "وال", "فال", "كال", "لل")
_CLAUSE_END = re.compile(r"[.!?؟\n؛]")


@lru_cache(maxsize=1)
def unit_forms() -> dict[str, str]:
    """match key of a form -> the singular, from units.tsv."""
    table: dict[str, str] = {}
    for line in UNITS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        singular, _, forms = line.partition("\t")
        for form in [singular, *forms.split("|")]:
            if form.strip():
                table.setdefault(match_key(form.strip()), singular.strip())
    return table


@lru_cache(maxsize=1)
def _known_units() -> frozenset[str]:
    return frozenset(unit_forms().values())


def _unit_of(tok: Token) -> str | None:
    """The singular of a counted noun, with clitics and tanwin alif handled."""
    forms = unit_forms()
    for _prefix, stem in clitic_candidates(tok.key):
        for candidate in (stem, stem[:-1] if stem.endswith("ا") else None):
            if candidate and candidate in forms:
                return forms[candidate]
    return None


@lru_cache(maxsize=50_000)
def _qualifiers_ending_with(key: str) -> tuple[tuple[tuple[str, ...], Bound], ...]:
    """The entries of _BEFORE, in order, that can end at a word with this key: the phrase's
    last word, or a one-word qualifier with a glued preposition ("بنحو")."""
    return tuple(
        (phrase, bound) for phrase, bound in _BEFORE
        if phrase[-1] == key or (len(phrase) == 1 and key[1:] == phrase[0] and key[0] in "بلو")
    )


def _bound_before(tokens: list[Token], start: int) -> tuple[Bound, int]:
    if start == 0:
        return "exact", start
    # Only the qualifiers that can end at the previous word are compared (in _BEFORE order).
    for phrase, bound in _qualifiers_ending_with(tokens[start - 1].key):
        k = len(phrase)
        if start - k >= 0 and tuple(t.key for t in tokens[start - k:start]) == phrase:
            return bound, start - k
        # "بنحو" / "لنحو": a preposition glued to a one-word qualifier
        if k == 1 and start >= 1 and tokens[start - 1].key[1:] == phrase[0] and tokens[start - 1].key[0] in "بلو":
            return bound, start - 1
    return "exact", start


def _is_excluded(tokens: list[Token], run: NumberRun, value: float) -> bool:
    first = tokens[run.start]
    before = tokens[run.start - 1].key if run.start else ""
    if before and any(stem in _LABEL_WORDS or "ال" + stem in _LABEL_WORDS for _p, stem in clitic_candidates(before)):
        return True  # "رقم 5", "بالمركز 3", "وعام 2020"
    if run.start and tokens[run.start - 1].text in _LOST_DIGITS:
        return True  # "أنفقت ???? مليون ريال": the page lost the digits, "مليون" is not one million
    if first.key[:1].isdecimal():
        raw = first.text
        digits = sum(ch.isdecimal() for ch in raw)
        if digits >= 8 and not any(sep in raw for sep in ",.٬٫"):
            return True  # phone numbers and ids
        if raw.startswith("0") and digits >= 6:
            return True
        if (run.start + 1 < len(tokens) and tokens[run.start + 1].text == ":") or before == ":":
            return True  # a clock time "10:30"
        if _in_digit_groups(tokens, run.start):
            return True  # "+964 770 123 4567": a phone number written in groups
        if before == "و" and run.start >= 3 and tokens[run.start - 3].key in _CLOCK_WORDS:
            return True  # the minutes of "الساعة 3 و20 دقيقة"
        if run.end < len(tokens) and tokens[run.end].key in _DAY_PARTS:
            return True  # a time of day "إلى 11 مساءً"
        if before == "(" and run.end < len(tokens) and tokens[run.end].text == ")":
            return True  # a list marker or reference "(1)"
        if run.start and tokens[run.start - 1].key[:1].isascii() and tokens[run.start - 1].key[:1].isalpha():
            return True  # part of Latin-script text ("alert(1)", "COVID 19")
        if 1900 <= value <= 2100 and float(value).is_integer() and digits == 4:
            after = tokens[run.end] if run.end < len(tokens) else None
            return not (after is not None and _unit_of(after))  # a year, unless it counts something
    return False


_CLOCK_WORDS = word_class("clock")
# What a page prints where it lost a figure's digits (SaudiNewsNet 2015-08-10: "???? مليون").
_LOST_DIGITS = frozenset(("?", "\ufffd"))
_MEASURE_UNITS = word_class("measure_unit")
# One dot, then three digits: a thousands dot for a count of things ("204.732 عبوة").
_THOUSANDS_DOT = re.compile(r"^[0-9٠-٩]{1,3}[.٫][0-9٠-٩]{3}$")
_DAY_PARTS = word_class("day_part")


def _in_digit_groups(tokens: list[Token], i: int) -> bool:
    """Digit groups separated only by spaces, or after "+", are one phone or id number."""
    def digits(j: int) -> bool:
        return 0 <= j < len(tokens) and tokens[j].key[:1].isdecimal()

    if i > 0 and tokens[i - 1].text == "+":
        return True
    return (digits(i - 1) and digits(i + 1)) or (digits(i + 1) and digits(i + 2)) or (digits(i - 1) and digits(i - 2))


def extract_quantities(
    text: str, tokens: list[Token] | None = None, times: list[TimeExpr] | None = None
) -> list[Quantity]:
    """Every count or amount in the text, dates and labels excluded. `tokens` and `times`
    may be given when the caller already has them (the pipeline does)."""
    tokens = tokenize(text) if tokens is None else tokens
    if not tokens:
        return []
    if times is None:
        times = extract_times(text, None, tokens)
    date_spans = [(t.start, t.end) for t in times]
    out: list[Quantity] = []
    for run in number_runs(tokens):
        start_char = tokens[run.start].start
        if any(s <= start_char < e for s, e in date_spans):
            continue
        if _is_excluded(tokens, run, run.value):
            continue
        bound, q_start = _bound_before(tokens, run.start)
        end = run.end
        is_percent = False
        unit = None
        unit_text = None
        following = _keys_at(tokens, end)
        for phrase in _PERCENT_AFTER:
            k = len(phrase)
            if following[:k] == phrase:
                is_percent, unit, end = True, "%", end + k
                break
        if not is_percent and not run.is_fraction:
            unit, unit_end = _unit_after(tokens, end) if end < len(tokens) else (None, end)
            if unit is not None and unit_end > end:
                unit_text = text[tokens[end].start:tokens[unit_end - 1].end]
                end = unit_end
            else:
                unit, noun = _unit_before(tokens, run.start)
                if noun is not None:  # "هجمات بلغ عددها 17": the span starts at the noun
                    unit_text, q_start = tokens[noun].text, min(q_start, noun)
                elif out:
                    unit, end = _elided_unit(text, tokens, run.start, end, out[-1])
                    unit_text = text[tokens[run.end].start:tokens[end - 1].end] if end > run.end else None
        following = _keys_at(tokens, end)
        for phrase, after_bound in _AFTER.items():
            k = len(phrase)
            if following[:k] == phrase:
                bound, end = after_bound, end + k
                break
        value = run.value
        if unit is not None and run.end - run.start == 1 and _THOUSANDS_DOT.match(tokens[run.start].text) \
                and match_key(unit) not in _MEASURE_UNITS:
            value = run.value * 1000  # "204.732 عبوة", "98.278 مسافرا": no one counts a fraction of a box
        start, stop = tokens[q_start].start, tokens[end - 1].end
        if q_start == run.start and tokens[q_start].key.startswith("و") and tokens[q_start].text[:1] == "و" \
                and tokens[q_start].key not in WORD_VALUES and word_value(tokens[q_start].key[1:]):
            start += 1  # "وثلاثة آخرين": the conjunction is not part of the quantity
        out.append(Quantity(start, stop, text[start:stop], value, bound, unit, unit_text, is_percent))
    return out


# The longest phrase of _PERCENT_AFTER and _AFTER, in words.
_LONGEST_AFTER = max(len(phrase) for phrase in (*_PERCENT_AFTER, *_AFTER))


def _keys_at(tokens: list[Token], i: int) -> tuple[str, ...]:
    """Keys of the words from i on, as many as the longest phrase after a number."""
    return tuple(t.key for t in tokens[i:i + _LONGEST_AFTER])


def _unit_after(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """The counted noun right after the number (a known noun, else the next content word)."""
    tok = tokens[i]
    if not tok.key[:1].isalpha():
        return None, i
    if tok.key == "من" and i + 1 < len(tokens) and tokens[i + 1].key.startswith(("ال", "بين")):
        partitive = _unit_of(tokens[i + 1])  # "اثنين من الجنود"
        return (partitive, i + 2) if partitive else (None, i)
    if tok.key.startswith(_DEFINITE_AFTER_CLITIC):
        return None, i  # "9 بالمدينة", "25 بالطائف": a counted noun is indefinite
    known = _unit_of(tok)
    if known:
        return known, i + 1
    if tok.key in _NOT_UNIT or tok.key in _NOT_COUNTED or tok.key.startswith("ال") or len(tok.key) < 3 \
            or word_value(tok.key):
        return None, i
    # Unknown noun: as written, without diacritics or the accusative alif (not the alif of a
    # plural such as خلايا or قضايا).
    word = strip_diacritics(tok.text).replace("ـ", "")
    word = word[:-1] if word.endswith("ا") and not word.endswith("ايا") and len(word) > 3 else word
    return word, i + 1


def _elided_unit(text: str, tokens: list[Token], start: int, end: int, before: Quantity) -> tuple[str | None, int]:
    """The unit of a count that leaves its noun out, and where the count ends: "31 آخرين"
    (others) or "وأصيب 31" after "13 شخصا" in one clause count persons too; after "6 قتلى"
    they are other people, not more dead (no unit). `before` is the quantity found just before."""
    # (a unit read from an unknown word, "7 وويندوز", is not lent to the next count)
    if before.unit not in _known_units() or match_key(before.unit) in _STATE_COUNTS:
        return None, end
    gap = text[before.end:tokens[start].start]
    if len(gap) > _ELIDED_UNIT_REACH or _CLAUSE_END.search(gap):
        return None, end
    if end < len(tokens) and tokens[end].key in _OTHERS:
        return before.unit, end + 1
    coordinated = start >= 1 and tokens[start - 1].text.startswith("و") and len(tokens[start - 1].key) > 3
    if coordinated and (end >= len(tokens) or not tokens[end].key[:1].isalpha() or tokens[end].key in _NOT_COUNTED):
        return before.unit, end
    return None, end


def _unit_before(tokens: list[Token], i: int) -> tuple[str | None, int | None]:
    """The counted noun written before the number, and its token index:
    "هجمات بلغ عددها 17", "صواريخ عددها 14" (the noun before "عدد…"), "جنديين اثنين"."""
    if i >= 1 and _unit_of(tokens[i - 1]) and tokens[i].key in WORD_VALUES:
        # "جنديين اثنين": the number follows for emphasis; "ستة قتلى وأربعة آخرين": a new count
        return _unit_of(tokens[i - 1]), i - 1
    lo = max(0, i - 4)
    for j in range(i - 1, lo - 1, -1):
        if tokens[j].text in ".،,؛":
            break
        if tokens[j].key.startswith(("عدد", "وعدد")) and j >= 1:
            for k in range(j - 1, max(-1, j - 3), -1):
                unit = _unit_of(tokens[k])
                if unit:
                    return unit, k
    return None, None

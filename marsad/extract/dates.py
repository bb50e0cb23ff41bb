"""Temporal expressions as values: "الخميس 15 يوليو 2021", "2021/07/17", "7 يوليو/تموز",
"في السابع من أبريل الماضي", "أول من أمس الثلاثاء", "الشهر الماضي", "1442 هـ".

Relative expressions resolve against a reference date (the article's publication date);
without one they are kept with `value=None` rather than guessed. Granularity is honest:
"الشهر الماضي" is a month (YYYY-MM), "العام الماضي" a year, "الأسبوع الماضي" a week (the
date of its Monday, granularity "week").

Hand-written: dateparser misses dual month names ("يوليو/تموز"), Levantine months outside
one locale and ordinal days, and its search mode invents dates from bare numbers.
"""

from __future__ import annotations

import calendar as pycalendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import compress
from operator import itemgetter, or_

from marsad.arabic.calendar import (
    WEEKDAYS,
    hijri_month_number,
    hijri_to_gregorian,
    month_of_key,
    month_table,
    weekday_of_key,
)
from marsad.arabic.normalize import match_key
from marsad.arabic.numbers import ORDINAL_VALUES, ordinal_at
from marsad.arabic.tokenize import tokenize
from marsad.model import TimeExpr, Token

_NUMERIC = re.compile(
    r"(?<![0-9٠-٩/.\-])(?:([0-9٠-٩]{4})[/\-.]([0-9٠-٩]{1,2})[/\-.]([0-9٠-٩]{1,2})"
    r"|([0-9٠-٩]{1,2})[/\-.]([0-9٠-٩]{1,2})[/\-.]([0-9٠-٩]{4}))(?![0-9٠-٩/])"
)
_AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
# Every numeric date has a digit, a separator and a digit at its first separator, at most
# three characters after its start: most articles have none, and a scan for this simple
# pattern is several times cheaper than one for _NUMERIC (whose look-behind defeats the
# regex engine's fast first-character search).
_DIGIT_SEPARATOR_DIGIT = re.compile(r"[0-9٠-٩][/\-.][0-9٠-٩]")


def _numeric_dates(text: str) -> Iterator[re.Match[str]]:
    """_NUMERIC.finditer(text), skipping the part of the text before any could start."""
    first = _DIGIT_SEPARATOR_DIGIT.search(text)
    if first is None:
        return iter(())
    return _NUMERIC.finditer(text, max(0, first.start() - 3))

# First words of an ordinal day ("السابع", "الحادي", "العشرين"): a cheap gate before ordinal_at.
_ORDINAL_STARTS = frozenset(ORDINAL_VALUES) | frozenset(match_key(w) for w in ("العشرين", "الثلاثين"))

_PAST = frozenset(match_key(w) for w in ("الماضي", "الماضية", "المنصرم", "المنصرمة", "السابق", "الفائت", "الفائتة"))
_NEXT = frozenset(match_key(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة"))
_THIS = frozenset(match_key(w) for w in ("الجاري", "الحالي", "الحالية", "الجارية", "هذا", "هذه"))
_UNIT_WORDS = {match_key("الأسبوع"): "week", match_key("الشهر"): "month", match_key("العام"): "year",
               match_key("السنة"): "year", match_key("الاسبوع"): "week"}
_PART_OF = frozenset(match_key(w) for w in ("نهاية", "مطلع", "بداية", "منتصف", "أواخر", "أوائل", "أواسط", "اواخر"))
_YEAR_INTRO = frozenset(match_key(w) for w in ("عام", "العام", "سنة", "لعام", "بعام", "وعام", "منذ", "في"))
_FUTURE_MARKERS = frozenset(match_key(w) for w in ("سوف", "المقرر", "المرتقب", "المرتقبة", "يعتزم", "تعتزم", "المقبل", "المقبلة"))
_AWAL = match_key("أول")  # "أول من أمس"
_THIS_DEMONSTRATIVES = (match_key("هذا"), match_key("هذه"))
_SIMPLE_RELATIVE = {
    match_key("اليوم"): 0, match_key("أمس"): -1, match_key("الأمس"): -1, match_key("البارحة"): -1,
    match_key("غدا"): 1, match_key("غداً"): 1,
}


@dataclass
class _Found:
    start: int  # token index
    end: int  # token index, exclusive
    value: str | None
    relative: bool
    granularity: str | None
    calendar: str = "gregorian"  # "hijri" when written as a Hijri date


def _int(text: str) -> int:
    return int(text.translate(_AR_DIGITS))


def _strip_conj(key: str) -> str:
    return key[1:] if key[:1] in ("و", "ف", "ب", "ل") and len(key) > 3 else key


def _day_ok(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _is_future(tokens: list[Token], i: int) -> bool:
    """The clause around token i speaks of the future: سيعقد / سوف / من المقرر / المقبل.

    The governing verb stands before the date in Arabic word order ("سيعقد الاجتماع يوم
    الخميس"), so the scan goes back to the start of the sentence (at most 12 words); after
    the date only the next word counts, since what follows may be a quoted clause.
    """
    window = [tokens[i + 1]] if i + 1 < len(tokens) else []
    for j in range(i - 1, max(-1, i - 13), -1):
        if tokens[j].text in ".؟!":
            break
        window.append(tokens[j])
    for t in window:
        k = t.key
        if k in _FUTURE_MARKERS:
            return True
        if len(k) >= 4 and k[0] == "س" and k[1] in "يتن" and not k.startswith(("سيا", "سيد", "سين", "ستة", "سنة", "سنو", "تي")):
            return True  # سيعقد، ستعقد، سنعمل: the future prefix on a verb
    return False


def _sentence_tokens(tokens: list[Token], i: int) -> tuple[int, int]:
    lo = i
    while lo > 0 and tokens[lo - 1].text not in ".؟!":
        lo -= 1
    hi = i
    while hi < len(tokens) and tokens[hi].text not in ".؟!":
        hi += 1
    return lo, hi


def _month_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(month, tokens used) for a month name at i, incl. two-word names and dual forms
    "يوليو/تموز", "يوليو تموز", "كانون الثاني"."""
    if i >= len(tokens):
        return None
    month = None
    used = 0
    if i + 1 < len(tokens):
        two = month_of_key(f"{tokens[i].key} {tokens[i + 1].key}")
        if two is not None and " " in _two_word_key(tokens[i], tokens[i + 1]):
            month, used = two, 2
    if month is None:
        one = month_of_key(tokens[i].key)
        if one is None:
            return None
        month, used = one, 1
    j = i + used
    # dual form: "/" then the other series' name, or the name right after
    if j + 1 < len(tokens) and tokens[j].text == "/":
        other = _month_at_simple(tokens, j + 1)
        if other and other[0] == month:
            used += 1 + other[1]
    elif j < len(tokens):
        other = _month_at_simple(tokens, j)
        if other and other[0] == month:
            used += other[1]
    return month, used


def _two_word_key(a: Token, b: Token) -> str:
    return f"{a.key} {b.key}"


def _month_at_simple(tokens: list[Token], i: int) -> tuple[int, int] | None:
    if i + 1 < len(tokens):
        two = month_of_key(f"{tokens[i].key} {tokens[i + 1].key}")
        if two is not None and month_of_key(tokens[i].key) != two:
            return two, 2
    one = month_of_key(tokens[i].key) if i < len(tokens) else None
    return (one, 1) if one is not None else None


def _year_at(tokens: list[Token], i: int) -> int | None:
    if i < len(tokens) and tokens[i].key.isdecimal() and len(tokens[i].key) == 4:
        y = _int(tokens[i].key)
        if 1900 <= y <= 2100:
            return y
    return None


def _resolve_month_day(month: int, day: int | None, ref: date | None, future: bool, direction: str | None) -> tuple[int, str] | None:
    """Year for a date given without one. "الماضي" -> the last such date before the reference,
    "المقبل" or a future sentence -> the next one, otherwise the past one
    (the last one, unless the next one is days away and the last half a year back)."""
    if ref is None:
        return None
    gran = "day" if day else "month"

    def at(year: int) -> date:
        return date(year, month, min(day or 1, pycalendar.monthrange(year, month)[1]))

    anchor = ref if day else date(ref.year, ref.month, 1)
    years = (ref.year - 1, ref.year, ref.year + 1)
    if direction == "past":
        return max(y for y in years if at(y) < anchor), gran
    if direction == "next" or future:
        return min(y for y in years if at(y) >= anchor) if direction != "next" else min(y for y in years if at(y) > anchor), gran
    past = max(y for y in years if at(y) <= anchor)
    upcoming = min(y for y in years if at(y) > anchor)
    # Without a future verb, news reports the past: take the last such date, unless it is
    # half a year back and the next one is days away ("الاجتماع يوم 26 يوليو" a week ahead).
    if (anchor - at(past)).days > 180 and (at(upcoming) - anchor).days <= 30:
        return upcoming, gran
    return past, gran


def _weekday_date(ref: date, weekday: int, future: bool, direction: str | None) -> date:
    if direction == "next" or (future and direction != "past"):
        delta = (weekday - ref.weekday()) % 7
        return ref + timedelta(days=delta or 7) if direction == "next" or delta else ref
    delta = (ref.weekday() - weekday) % 7
    if direction == "past" and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _direction(tokens: list[Token], j: int) -> str | None:
    if j < len(tokens):
        k = tokens[j].key
        if k in _PAST:
            return "past"
        if k in _NEXT:
            return "next"
        if k in _THIS:
            return "this"
    return None


def _match_at(tokens: list[Token], i: int, ref: date | None) -> _Found | None:
    """The longest temporal expression starting at token i."""
    t = tokens[i]
    key = t.key if t.key in _STARTERS or t.key.startswith("ال") else _strip_conj(t.key)
    # "أول من أمس [الثلاثاء]"
    if key in ("اول", _AWAL) and i + 2 < len(tokens) and tokens[i + 1].key == "من" and tokens[i + 2].key in ("امس", "الامس"):
        end = i + 3
        weekday = weekday_of_key(tokens[end].key) if end < len(tokens) else None
        return _relative_days(i, end + (weekday is not None), ref, -2, weekday)
    if key == _AWAL and i + 1 < len(tokens) and tokens[i + 1].key == "امس":
        return _relative_days(i, i + 2, ref, -2)
    if key == "بعد" and i + 1 < len(tokens) and tokens[i + 1].key in ("غد", "غدا"):
        return _relative_days(i, i + 2, ref, 2)
    if key in _SIMPLE_RELATIVE and not (i + 1 < len(tokens) and tokens[i + 1].key in ORDINAL_VALUES):
        end = i + 1  # ("اليوم الأول من الشهر" is "the first day", not "today")
        weekday = weekday_of_key(tokens[end].key) if end < len(tokens) else None  # "أمس الأربعاء"
        return _relative_days(i, end + (weekday is not None), ref, _SIMPLE_RELATIVE[key], weekday)
    # "نهاية الشهر الجاري", "مطلع العام المقبل", "منتصف يونيو"
    if key in _PART_OF and i + 1 < len(tokens):
        unit_after = _UNIT_WORDS.get(tokens[i + 1].key)
        if unit_after in ("month", "year") and _direction(tokens, i + 2) is None:
            found = _relative_unit(i + 1, i + 2, ref, unit_after, "this")  # "منذ بداية العام"
            return _Found(i, found.end, found.value, True, found.granularity)
        inner = _match_at(tokens, i + 1, ref)
        if inner and inner.granularity in ("month", "year", "day", "week"):
            gran = "month" if inner.granularity in ("day", "week") else inner.granularity
            value = inner.value[:7] if inner.value and gran == "month" else inner.value
            return _Found(i, inner.end, value, inner.relative, gran)
        return None
    # "الأسبوع/الشهر/العام الماضي|المقبل|الجاري"
    unit = _UNIT_WORDS.get(key)
    if unit and i + 1 < len(tokens):
        direction = _direction(tokens, i + 1)
        if direction:
            return _relative_unit(i, i + 2, ref, unit, direction)
        return None
    if key in _THIS_DEMONSTRATIVES and i + 1 < len(tokens) and _UNIT_WORDS.get(tokens[i + 1].key):
        return _relative_unit(i, i + 2, ref, _UNIT_WORDS[tokens[i + 1].key], "this")
    # weekday: "الخميس", "والأربعاء", "يوم الخميس المقبل", "الخميس 15 يوليو 2021"
    wd = weekday_of_key(t.key)
    if wd is not None:
        absolute = _absolute_at(tokens, i + 1, ref)
        if absolute:
            absolute.start = i
            return absolute
        direction = _direction(tokens, i + 1)
        end = i + 1 + (direction in ("past", "next"))
        if ref is None:
            return _Found(i, end, None, True, "day")
        future = _is_future(tokens, i)
        return _Found(i, end, _weekday_date(ref, wd, future, direction).isoformat(), True, "day")
    return _absolute_at(tokens, i, ref)


def _relative_days(i: int, end: int, ref: date | None, days: int, weekday: int | None = None) -> _Found:
    """ref + days; when the text also names the weekday ("أمس الأربعاء") and it disagrees,
    the weekday wins, moved at most three days: a page stamped after midnight or in
    another time zone is a day off, while writers rarely get the weekday wrong."""
    if ref is None:
        return _Found(i, end, None, True, "day")
    day = ref + timedelta(days=days)
    if weekday is not None and day.weekday() != weekday:
        shift = (weekday - day.weekday()) % 7
        day += timedelta(days=shift if shift <= 3 else shift - 7)
    return _Found(i, end, day.isoformat(), True, "day")


def _relative_unit(i: int, end: int, ref: date | None, unit: str, direction: str) -> _Found:
    if ref is None:
        return _Found(i, end, None, True, unit)
    step = {"past": -1, "next": 1, "this": 0}[direction]
    if unit == "year":
        return _Found(i, end, str(ref.year + step), True, "year")
    if unit == "month":
        y, m = ref.year, ref.month + step
        y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
        return _Found(i, end, f"{y:04d}-{m:02d}", True, "month")
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
    return _Found(i, end, monday.isoformat(), True, "week")


def _absolute_at(tokens: list[Token], i: int, ref: date | None) -> _Found | None:
    if i >= len(tokens):
        return None
    t = tokens[i]
    hijri = _hijri_at(tokens, i)
    if hijri:
        return hijri
    # ordinal day: "السابع من أبريل", "الحادي عشر من", "الخامس والعشرين من"
    day = None
    j = i
    ordinal = ordinal_at(tokens, i) if t.key in _ORDINAL_STARTS or _strip_conj(t.key) in _ORDINAL_STARTS else None
    if ordinal is not None:
        day, j = ordinal[0], i + ordinal[1]
        if j < len(tokens) and tokens[j].key == "من":
            j += 1
        if j < len(tokens) and _UNIT_WORDS.get(tokens[j].key) == "month" and 1 <= day <= 31:
            return _day_of_relative_month(i, j, tokens, ref, day)  # "الحادي عشر من الشهر الجاري"
        if _month_at(tokens, j) is None or not 1 <= day <= 31:
            return None
    elif t.key.isdecimal() and len(t.key) <= 2:
        day = _int(t.key)
        j = i + 1
        if j < len(tokens) and tokens[j].text == "من":
            j += 1
        if _month_at(tokens, j) is None:
            return None
        if not 1 <= day <= 31:
            return None
    month = _month_at(tokens, j)
    if month is not None:
        m, used = month
        j += used
        if _hijri_marker(tokens, j + 1) and _year_at(tokens, j) is None and tokens[j:j + 1] and tokens[j].key.isdecimal():
            pass
        year = _year_at(tokens, j)
        if year is not None:
            end = j + 1
            if end < len(tokens) and tokens[end].key in ("م", "ميلادي"):
                end += 1
            if day is None:
                return _Found(i, end, f"{year:04d}-{m:02d}", False, "month")
            value = _day_ok(year, m, day)
            return _Found(i, end, value, False, "day") if value else None
        direction = _direction(tokens, j)
        if day is None and direction is None and used == 1 and not _month_context(tokens, i):
            return None  # a bare "مارس" / "آب" is a verb or a noun unless a date word frames it
        end = j + (1 if direction in ("past", "next") else 0)
        resolved = _resolve_month_day(m, day, ref, _is_future(tokens, i), direction if direction != "this" else None)
        if resolved is None:
            return _Found(i, end, None, True, "day" if day else "month")
        y, gran = resolved
        value = _day_ok(y, m, day) if day else f"{y:04d}-{m:02d}"
        return _Found(i, end, value, True, gran) if value else None
    # a year: "عام 2014", "في 2020", "منذ عام 2014"
    year = _year_at(tokens, i)
    if year is not None and i > 0 and _strip_conj(tokens[i - 1].key) in _YEAR_INTRO:
        return _Found(i, i + 1, str(year), False, "year")
    return None


_MONTH_CONTEXT = frozenset(match_key(w) for w in (
    "في", "شهر", "منذ", "حتى", "خلال", "نهاية", "مطلع", "بداية", "منتصف", "أواخر", "أوائل", "أواسط", "قبل", "بعد",
    "مطلع", "اواخر", "الشهر", "لشهر", "بشهر",
))


def _month_context(tokens: list[Token], i: int) -> bool:
    return i > 0 and (tokens[i - 1].key in _MONTH_CONTEXT or _strip_conj(tokens[i - 1].key) in _MONTH_CONTEXT)


def _day_of_relative_month(i: int, j: int, tokens: list[Token], ref: date | None, day: int) -> _Found | None:
    """Day `day` of the month named at token j ("الشهر", "الشهر الماضي", "الشهر المقبل")."""
    direction = _direction(tokens, j + 1)
    end = j + 1 + (direction is not None)
    month = _relative_unit(j, end, ref, "month", direction or "this")
    if month.value is None:
        return _Found(i, end, None, True, "day")
    y, m = int(month.value[:4]), int(month.value[5:7])
    value = _day_ok(y, m, day)
    return _Found(i, end, value, True, "day") if value else None


def _hijri_marker(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].key in ("ه", "هـ", "هجري", "هجريه", "للهجره")


def _hijri_at(tokens: list[Token], i: int) -> _Found | None:
    """"15 رمضان 1442 هـ", "الأول من محرم 1443" -> the Gregorian day; "1442 هـ" -> the
    Gregorian year it starts in."""
    t = tokens[i]
    if t.key.isdecimal() and len(t.key) == 4 and _hijri_marker(tokens, i + 1):
        g = hijri_to_gregorian(_int(t.key), 1, 1)
        return _Found(i, i + 2, str(g.year) if g else None, False, "year", "hijri")
    if t.key.isdecimal() and len(t.key) <= 2:
        day, j = _int(t.key), i + 1
    else:
        ordinal = ordinal_at(tokens, i)
        if ordinal is None:
            return None
        day, j = ordinal[0], i + ordinal[1]
    if j < len(tokens) and tokens[j].key == "من":
        j += 1
    if j + 1 >= len(tokens):
        return None
    hm, used = hijri_month_number(tokens[j].text), 1
    if hm is None and j + 2 < len(tokens):
        hm, used = hijri_month_number(f"{tokens[j].text} {tokens[j + 1].text}"), 2
    year_at = j + used
    if hm is None or year_at >= len(tokens) or not tokens[year_at].key.isdecimal():
        return None
    end = year_at + 1 + (1 if _hijri_marker(tokens, year_at + 1) else 0)
    g = hijri_to_gregorian(_int(tokens[year_at].key), hm, day)
    return _Found(i, end, g.isoformat() if g else None, False, "day", "hijri")


def extract_times(text: str, reference: date | None, tokens: list[Token] | None = None) -> list[TimeExpr]:
    """Every temporal expression in the text, with its value resolved where possible.
    `tokens` may be given when the caller already tokenised the text."""
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for m in _numeric_dates(text):
        if m.group(1):
            y, mo, d = _int(m.group(1)), _int(m.group(2)), _int(m.group(3))
        else:
            d, mo, y = _int(m.group(4)), _int(m.group(5)), _int(m.group(6))
        value = _day_ok(y, mo, d) if 1900 <= y <= 2100 else None
        if value:
            out.append(TimeExpr(m.start(), m.end(), m.group(), value, False, "day"))
            taken.append((m.start(), m.end()))
    tokens = tokenize(text) if tokens is None else tokens
    n = len(tokens)
    resume = 0  # the token after the last expression found
    for i in _possible_starts(tokens):
        if i < resume:
            continue
        tok = tokens[i]
        if taken and _in_spans(tok.start, taken):
            continue
        if taken and i + 1 < n and _in_spans(tokens[i + 1].start, taken) and weekday_of_key(tok.key) is not None:
            continue  # "السبت 2021/07/17": the numeric date carries the value
        found = _match_at(tokens, i, reference)
        if found is None or found.end <= found.start:
            continue
        start, end = tokens[found.start].start, tokens[found.end - 1].end
        out.append(TimeExpr(start, end, text[start:end], found.value, found.relative,
                            found.granularity, found.calendar))  # type: ignore[arg-type]
        resume = found.end
    return sorted(out, key=lambda t: t.start)


_STARTERS = (
    _ORDINAL_STARTS | frozenset(_SIMPLE_RELATIVE) | _PART_OF | frozenset(_UNIT_WORDS)
    | frozenset({_AWAL, "بعد", *_THIS_DEMONSTRATIVES, "عام"})
)


def _starts_expression(k: str) -> bool:
    """A cheap test before the full matcher: digits, trigger words, month and weekday names."""
    return bool(k[:1].isdecimal() or k in _STARTERS or _strip_conj(k) in _STARTERS
                or month_of_key(k) is not None or weekday_of_key(k) is not None)


_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")


@lru_cache(maxsize=1)
def _word_starters() -> frozenset[str]:
    """Every key not starting with a digit that passes _starts_expression, as one set.

    The test looks a key up directly, with one conjunction/preposition off (_strip_conj),
    or through clitic_candidates (month and weekday names); so every such key is a trigger
    word or a name with some of the clitic prefixes that clitic_candidates removes
    (و/ف, then ب/ل/ك or لل, then ال). Each combination is generated and kept if it passes.
    """
    names = set(month_table()) | set(WEEKDAYS)
    forms = set(_STARTERS) | {c + k for c in ("و", "ف", "ب", "ل") for k in _STARTERS}
    for name in names:
        for conj in _CONJUNCTIONS:
            forms.add(conj + "لل" + name)
            if name.startswith("ال"):
                forms.add(conj + "لل" + name[2:])
            for prep in _PREPOSITIONS:
                forms.update((conj + prep + name, conj + prep + "ال" + name))
    return frozenset(k for k in forms if not k[:1].isdecimal() and _starts_expression(k))


_token_key = itemgetter(3)  # Token.key
_first_char = itemgetter(slice(0, 1))


def _possible_starts(tokens: list[Token]) -> list[int]:
    """Indices of the tokens whose key passes _starts_expression, found with C-level maps
    over the keys (a Python call per token costs more than the matcher on the few that pass)."""
    keys = list(map(_token_key, tokens))
    is_word_starter = map(_word_starters().__contains__, keys)
    is_number = map(str.isdecimal, map(_first_char, keys))
    return list(compress(range(len(keys)), map(or_, is_word_starter, is_number)))


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)

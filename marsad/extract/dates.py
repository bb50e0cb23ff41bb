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
from marsad.arabic.numbers import ORDINAL_VALUES, ordinal_at
from marsad.arabic.tokenize import tokenize
from marsad.arabic.words import word_class
from marsad.extract.date_parts import (
    AWAL,
    ORDINAL_STARTS,
    PART_OF,
    SIMPLE_RELATIVE,
    THIS_DEMONSTRATIVES,
    UNIT_WORDS,
    YEAR_INTRO,
    Found,
    digits_value,
    direction_at,
    is_future,
    month_starting_at,
    numeric_dates,
    resolve_hijri_day,
    resolve_month_day,
    valid_day,
    weekday_date,
    without_conjunction,
    year_starting_at,
)
from marsad.model import TimeExpr, Token


def _match_at(tokens: list[Token], i: int, ref: date | None) -> Found | None:
    """The longest temporal expression starting at token i."""
    t = tokens[i]
    key = t.key if t.key in _STARTERS or t.key.startswith("ال") else without_conjunction(t.key)
    # "أول من أمس [الثلاثاء]"
    day_before_yesterday = i + 2 < len(tokens) and tokens[i + 1].key == "من" and tokens[i + 2].key in ("امس", "الامس")
    if key in ("اول", AWAL) and day_before_yesterday:
        end = i + 3
        weekday = weekday_of_key(tokens[end].key) if end < len(tokens) else None
        return _relative_days(i, end + (weekday is not None), ref, -2, weekday)
    if key == AWAL and i + 1 < len(tokens) and tokens[i + 1].key == "امس":
        return _relative_days(i, i + 2, ref, -2)
    if key == "بعد" and i + 1 < len(tokens) and tokens[i + 1].key in ("غد", "غدا"):
        return _relative_days(i, i + 2, ref, 2)
    if key in SIMPLE_RELATIVE and not (i + 1 < len(tokens) and tokens[i + 1].key in ORDINAL_VALUES):
        end = i + 1  # ("اليوم الأول من الشهر" is "the first day", not "today")
        weekday = weekday_of_key(tokens[end].key) if end < len(tokens) else None  # "أمس الأربعاء"
        return _relative_days(i, end + (weekday is not None), ref, SIMPLE_RELATIVE[key], weekday)
    # "نهاية الشهر الجاري", "مطلع العام المقبل", "منتصف يونيو"
    if key in PART_OF and i + 1 < len(tokens):
        unit_after = UNIT_WORDS.get(tokens[i + 1].key)
        if unit_after in ("month", "year") and direction_at(tokens, i + 2) is None:
            found = _relative_unit(i + 1, i + 2, ref, unit_after, "this")  # "منذ بداية العام"
            return Found(i, found.end, found.value, True, found.granularity)
        inner = _match_at(tokens, i + 1, ref)
        if inner and inner.granularity in ("month", "year", "day", "week"):
            gran = "month" if inner.granularity in ("day", "week") else inner.granularity
            value = inner.value[:7] if inner.value and gran == "month" else inner.value
            return Found(i, inner.end, value, inner.relative, gran)
        return None
    # "الأسبوع/الشهر/العام الماضي|المقبل|الجاري"
    unit = UNIT_WORDS.get(key)
    if unit and i + 1 < len(tokens):
        direction = direction_at(tokens, i + 1)
        if direction:
            return _relative_unit(i, i + 2, ref, unit, direction)
        return None
    if key in THIS_DEMONSTRATIVES and i + 1 < len(tokens) and UNIT_WORDS.get(tokens[i + 1].key):
        return _relative_unit(i, i + 2, ref, UNIT_WORDS[tokens[i + 1].key], "this")
    # weekday: "الخميس", "والأربعاء", "يوم الخميس المقبل", "الخميس 15 يوليو 2021"
    wd = weekday_of_key(t.key)
    if wd is not None:
        absolute = _absolute_at(tokens, i + 1, ref)
        if absolute:
            absolute.start = i
            return absolute
        direction = direction_at(tokens, i + 1)
        end = i + 1 + (direction in ("past", "next"))
        if ref is None:
            return Found(i, end, None, True, "day")
        future = is_future(tokens, i)
        return Found(i, end, weekday_date(ref, wd, future, direction).isoformat(), True, "day")
    return _absolute_at(tokens, i, ref)


def _relative_days(i: int, end: int, ref: date | None, days: int, weekday: int | None = None) -> Found:
    """ref + days; when the text also names the weekday ("أمس الأربعاء") and it disagrees,
    the weekday wins, moved at most three days: a page stamped after midnight or in
    another time zone is a day off, while writers rarely get the weekday wrong."""
    if ref is None:
        return Found(i, end, None, True, "day")
    day = ref + timedelta(days=days)
    if weekday is not None and day.weekday() != weekday:
        shift = (weekday - day.weekday()) % 7
        day += timedelta(days=shift if shift <= 3 else shift - 7)
    return Found(i, end, day.isoformat(), True, "day")


def _relative_unit(i: int, end: int, ref: date | None, unit: str, direction: str) -> Found:
    if ref is None:
        return Found(i, end, None, True, unit)
    step = {"past": -1, "next": 1, "this": 0}[direction]
    if unit == "year":
        return Found(i, end, str(ref.year + step), True, "year")
    if unit == "month":
        y, m = ref.year, ref.month + step
        y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
        return Found(i, end, f"{y:04d}-{m:02d}", True, "month")
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
    return Found(i, end, monday.isoformat(), True, "week")


def _absolute_at(tokens: list[Token], i: int, ref: date | None) -> Found | None:
    if i >= len(tokens):
        return None
    t = tokens[i]
    hijri = _hijri_at(tokens, i, ref)
    if hijri:
        return hijri
    # ordinal day: "السابع من أبريل", "الحادي عشر من", "الخامس والعشرين من"
    day = None
    j = i
    ordinal = ordinal_at(tokens, i) if t.key in ORDINAL_STARTS or without_conjunction(t.key) in ORDINAL_STARTS else None
    if ordinal is not None:
        day, j = ordinal[0], i + ordinal[1]
        if j < len(tokens) and tokens[j].key == "من":
            j += 1
        if j < len(tokens) and UNIT_WORDS.get(tokens[j].key) == "month" and 1 <= day <= 31:
            return _day_of_relative_month(i, j, tokens, ref, day)  # "الحادي عشر من الشهر الجاري"
        if month_starting_at(tokens, j) is None or not 1 <= day <= 31:
            return None
    elif t.key.isdecimal() and len(t.key) <= 2:
        day = digits_value(t.key)
        j = i + 1
        if j < len(tokens) and tokens[j].text == "من":
            j += 1
        if month_starting_at(tokens, j) is None:
            return None
        if not 1 <= day <= 31:
            return None
    month = month_starting_at(tokens, j)
    if month is not None:
        m, used = month
        j += used
        bare_number = tokens[j:j + 1] and tokens[j].key.isdecimal() and year_starting_at(tokens, j) is None
        if _hijri_marker(tokens, j + 1) and bare_number:
            pass
        year = year_starting_at(tokens, j)
        if year is not None:
            end = j + 1
            if end < len(tokens) and tokens[end].key in ("م", "ميلادي"):
                end += 1
            if day is None:
                return Found(i, end, f"{year:04d}-{m:02d}", False, "month")
            value = valid_day(year, m, day)
            return Found(i, end, value, False, "day") if value else None
        direction = direction_at(tokens, j)
        if day is None and direction is None and used == 1 and not _month_context(tokens, i):
            return None  # a bare "مارس" / "آب" is a verb or a noun unless a date word frames it
        end = j + (1 if direction in ("past", "next") else 0)
        resolved = resolve_month_day(m, day, ref, is_future(tokens, i), direction if direction != "this" else None)
        if resolved is None:
            return Found(i, end, None, True, "day" if day else "month")
        y, gran = resolved
        value = valid_day(y, m, day) if day else f"{y:04d}-{m:02d}"
        return Found(i, end, value, True, gran) if value else None
    # a year: "عام 2014", "في 2020", "منذ عام 2014"
    year = year_starting_at(tokens, i)
    if year is not None and i > 0 and without_conjunction(tokens[i - 1].key) in YEAR_INTRO:
        return Found(i, i + 1, str(year), False, "year")
    return None


_MONTH_CONTEXT = word_class("month_context")


def _month_context(tokens: list[Token], i: int) -> bool:
    return i > 0 and (tokens[i - 1].key in _MONTH_CONTEXT or without_conjunction(tokens[i - 1].key) in _MONTH_CONTEXT)


def _day_of_relative_month(i: int, j: int, tokens: list[Token], ref: date | None, day: int) -> Found | None:
    """Day `day` of the month named at token j ("الشهر", "الشهر الماضي", "الشهر المقبل")."""
    direction = direction_at(tokens, j + 1)
    end = j + 1 + (direction is not None)
    month = _relative_unit(j, end, ref, "month", direction or "this")
    if month.value is None:
        return Found(i, end, None, True, "day")
    y, m = int(month.value[:4]), int(month.value[5:7])
    value = valid_day(y, m, day)
    return Found(i, end, value, True, "day") if value else None


def _hijri_marker(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].key in ("ه", "هـ", "هجري", "هجريه", "للهجره")


def _hijri_at(tokens: list[Token], i: int, ref: date | None) -> Found | None:
    """"15 رمضان 1442 هـ", "الأول من محرم 1443" -> the Gregorian day; "1442 هـ" -> the
    Gregorian year it starts in; "15 رمضان", "27 شوال المقبل" -> the day of the Hijri year
    the reference says (`resolve_hijri_day`)."""
    t = tokens[i]
    if t.key.isdecimal() and len(t.key) == 4 and _hijri_marker(tokens, i + 1):
        g = hijri_to_gregorian(digits_value(t.key), 1, 1)
        return Found(i, i + 2, str(g.year) if g else None, False, "year", "hijri")
    if t.key.isdecimal() and len(t.key) <= 2:
        day, j = digits_value(t.key), i + 1
    else:
        ordinal = ordinal_at(tokens, i)
        if ordinal is None:
            return None
        day, j = ordinal[0], i + ordinal[1]
    if j < len(tokens) and tokens[j].key == "من":
        j += 1
    if j >= len(tokens) or not 1 <= day <= 30:
        return None
    hm, used = hijri_month_number(tokens[j].text), 1
    if hm is None and j + 1 < len(tokens):
        hm, used = hijri_month_number(f"{tokens[j].text} {tokens[j + 1].text}"), 2
    year_at = j + used
    if hm is None:
        return None
    if year_at >= len(tokens) or not tokens[year_at].key.isdecimal():
        # No year: "3 صفر" is a score (three-nil), never a date without its year.
        if hm == _SAFAR:
            return None
        direction = direction_at(tokens, year_at)
        end = year_at + (direction is not None)
        g = resolve_hijri_day(hm, day, ref, is_future(tokens, i), direction)
        return Found(i, end, g.isoformat() if g else None, True, "day", "hijri")
    end = year_at + 1 + (1 if _hijri_marker(tokens, year_at + 1) else 0)
    g = hijri_to_gregorian(digits_value(tokens[year_at].key), hm, day)
    return Found(i, end, g.isoformat() if g else None, False, "day", "hijri")


_SAFAR = 2


def extract_times(text: str, reference: date | None, tokens: list[Token] | None = None) -> list[TimeExpr]:
    """Every temporal expression in the text, with its value resolved where possible.
    `tokens` may be given when the caller already tokenised the text."""
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for m in numeric_dates(text):
        if m.group(1):
            y, mo, d = digits_value(m.group(1)), digits_value(m.group(2)), digits_value(m.group(3))
        else:
            d, mo, y = digits_value(m.group(4)), digits_value(m.group(5)), digits_value(m.group(6))
        value = valid_day(y, mo, d) if 1900 <= y <= 2100 else None
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
    ORDINAL_STARTS | frozenset(SIMPLE_RELATIVE) | PART_OF | frozenset(UNIT_WORDS)
    | frozenset({AWAL, "بعد", *THIS_DEMONSTRATIVES, "عام"})
)


def _starts_expression(k: str) -> bool:
    """A cheap test before the full matcher: digits, trigger words, month and weekday names."""
    return bool(k[:1].isdecimal() or k in _STARTERS or without_conjunction(k) in _STARTERS
                or month_of_key(k) is not None or weekday_of_key(k) is not None)


_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")


@lru_cache(maxsize=1)
def _word_starters() -> frozenset[str]:
    """Every key not starting with a digit that passes _starts_expression, as one set.

    The test looks a key up directly, with one conjunction/preposition off (without_conjunction),
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

"""Pieces of Arabic date expressions for `marsad.extract.dates`: the word sets, month,
year and weekday readers, and the resolution of a day against a reference date."""

from __future__ import annotations

import calendar as pycalendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.arabic.calendar import (
    hijri_to_gregorian,
    hijri_year_of,
    month_of_key,
)
from marsad.arabic.normalize import match_key, western_digits
from marsad.arabic.numbers import ORDINAL_VALUES
from marsad.arabic.words import word_class
from marsad.model import Token

_NUMERIC = re.compile(
    r"(?<![0-9٠-٩/.\-])(?:([0-9٠-٩]{4})[/\-.]([0-9٠-٩]{1,2})[/\-.]([0-9٠-٩]{1,2})"
    r"|([0-9٠-٩]{1,2})[/\-.]([0-9٠-٩]{1,2})[/\-.]([0-9٠-٩]{4}))(?![0-9٠-٩/])"
)
# Every numeric date has a digit, a separator and a digit at its first separator, at most
# three characters after its start: most articles have none, and a scan for this simple
# pattern is several times cheaper than one for _NUMERIC (whose look-behind defeats the
# regex engine's fast first-character search).
_DIGIT_SEPARATOR_DIGIT = re.compile(r"[0-9٠-٩][/\-.][0-9٠-٩]")


def numeric_dates(text: str) -> Iterator[re.Match[str]]:
    """_NUMERIC.finditer(text), skipping the part of the text before any could start."""
    first = _DIGIT_SEPARATOR_DIGIT.search(text)
    if first is None:
        return iter(())
    return _NUMERIC.finditer(text, max(0, first.start() - 3))

# First words of an ordinal day ("السابع", "الحادي", "العشرين"): a cheap gate before ordinal_at.
ORDINAL_STARTS = frozenset(ORDINAL_VALUES) | frozenset(match_key(w) for w in ("العشرين", "الثلاثين"))

_PAST = word_class("date_past")
_NEXT = word_class("date_next")
_THIS = word_class("date_this")
UNIT_WORDS = {match_key("الأسبوع"): "week", match_key("الشهر"): "month", match_key("العام"): "year",
               match_key("السنة"): "year", match_key("الاسبوع"): "week"}
PART_OF = word_class("date_part_of")
YEAR_INTRO = word_class("year_intro")
_FUTURE_MARKERS = word_class("future_marker")
AWAL = match_key("أول")  # "أول من أمس"
THIS_DEMONSTRATIVES = (match_key("هذا"), match_key("هذه"))
SIMPLE_RELATIVE = {
    match_key("اليوم"): 0, match_key("أمس"): -1, match_key("الأمس"): -1, match_key("البارحة"): -1,
    match_key("غدا"): 1, match_key("غداً"): 1,
}


@dataclass
class Found:
    start: int  # token index
    end: int  # token index, exclusive
    value: str | None
    relative: bool
    granularity: str | None
    calendar: str = "gregorian"  # "hijri" when written as a Hijri date


def digits_value(text: str) -> int:
    return int(western_digits(text))


def without_conjunction(key: str) -> str:
    return key[1:] if key[:1] in ("و", "ف", "ب", "ل") and len(key) > 3 else key


def valid_day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def is_future(tokens: list[Token], i: int) -> bool:
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
        future_prefix = len(k) >= 4 and k[0] == "س" and k[1] in "يتن"
        if future_prefix and not k.startswith(("سيا", "سيد", "سين", "ستة", "سنة", "سنو", "تي")):
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


def month_starting_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
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


def year_starting_at(tokens: list[Token], i: int) -> int | None:
    if i < len(tokens) and tokens[i].key.isdecimal() and len(tokens[i].key) == 4:
        y = digits_value(tokens[i].key)
        if 1900 <= y <= 2100:
            return y
    return None


def resolve_month_day(
    month: int, day: int | None, ref: date | None, future: bool, direction: str | None,
) -> tuple[int, str] | None:
    """Year for a date given without one. "الماضي" -> the last such date before the reference,
    "المقبل" or a future sentence -> the next one, otherwise the past one
    (the last one, unless the next one is days away and the last half a year back)."""
    if ref is None:
        return None

    def at(year: int) -> date:
        return date(year, month, min(day or 1, pycalendar.monthrange(year, month)[1]))

    anchor = ref if day else date(ref.year, ref.month, 1)
    return pick_year(at, (ref.year - 1, ref.year, ref.year + 1), anchor, future, direction), "day" if day else "month"


def resolve_hijri_day(month: int, day: int, ref: date | None, future: bool, direction: str | None) -> date | None:
    """The Gregorian day of a Hijri day and month written without a year ("15 رمضان",
    "27 شوال المقبل"): of the Hijri year the reference falls in when "الجاري" says so, else
    chosen as `resolve_month_day` chooses (the Hijri year is eleven days shorter, so the same
    rule over the three Hijri years around the reference)."""
    if ref is None:
        return None

    def at(year: int) -> date:
        # (day 30 of a 29-day month: its last day)
        return hijri_to_gregorian(year, month, day) or hijri_to_gregorian(year, month, day - 1) or date.min

    this_year = hijri_year_of(ref)
    if direction == "this":
        found = at(this_year)
    else:
        found = at(pick_year(at, (this_year - 1, this_year, this_year + 1), ref, future, direction))
    return None if found == date.min else found


def pick_year(at: Callable[[int], date], years: tuple[int, int, int], anchor: date, future: bool,
              direction: str | None) -> int:
    """Which of three consecutive years a yearless date is in (`resolve_month_day`)."""
    if direction == "past":
        return max(y for y in years if at(y) < anchor)
    if direction == "next" or future:
        after = [y for y in years if (at(y) > anchor if direction == "next" else at(y) >= anchor)]
        return min(after)
    past = max(y for y in years if at(y) <= anchor)
    upcoming = min(y for y in years if at(y) > anchor)
    # Without a future verb, news reports the past: take the last such date, unless it is
    # half a year back and the next one is days away ("الاجتماع يوم 26 يوليو" a week ahead).
    if (anchor - at(past)).days > 180 and (at(upcoming) - anchor).days <= 30:
        return upcoming
    return past


def weekday_date(ref: date, weekday: int, future: bool, direction: str | None) -> date:
    if direction == "next" or (future and direction != "past"):
        delta = (weekday - ref.weekday()) % 7
        return ref + timedelta(days=delta or 7) if direction == "next" or delta else ref
    delta = (ref.weekday() - weekday) % 7
    if direction == "past" and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def direction_at(tokens: list[Token], j: int) -> str | None:
    if j < len(tokens):
        k = tokens[j].key
        if k in _PAST:
            return "past"
        if k in _NEXT:
            return "next"
        if k in _THIS:
            return "this"
    return None

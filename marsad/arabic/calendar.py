"""Month and weekday names of every regional series, read from CLDR (babel) plus the
variants CLDR lacks, all matched on match keys."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from babel import Locale

from marsad.arabic.normalize import match_key, western_digits

# Locales whose month names differ: Egyptian/Gulf, Levantine/Iraqi, Algerian/Tunisian, Moroccan.
_CLDR_LOCALES = ("ar_EG", "ar_IQ", "ar_LB", "ar_DZ", "ar_TN", "ar_MA", "ar_SA")
# Spellings seen in news copy that CLDR does not list.
_EXTRA_MONTHS = {
    "ابريل": 4, "إبريل": 4, "أغسطس": 8, "اغسطس": 8, "يوليه": 7, "يونيه": 6, "فبرایر": 2,
    "سبتمير": 9, "اكتوبر": 10, "نوفمير": 11, "ديسيمبر": 12, "ماي": 5,
    # Levantine names written without the article ("كانون ثاني"), and Maghreb spellings
    "كانون ثاني": 1, "تشرين أول": 10, "تشرين ثاني": 11, "كانون أول": 12, "جويلة": 7, "أفريل": 4,
}
_WEEKDAY_NAMES = (("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الخميس", 3),
                  ("الجمعة", 4), ("السبت", 5), ("الأحد", 6))
# name -> Python weekday (Monday = 0), under both the written name and its match key
WEEKDAYS = {**{name: n for name, n in _WEEKDAY_NAMES}, **{match_key(name): n for name, n in _WEEKDAY_NAMES}}


@lru_cache(maxsize=1)
def month_table() -> dict[str, int]:
    """match key of every month name (one- and two-word) -> month number."""
    table: dict[str, int] = {}
    for loc in _CLDR_LOCALES:
        locale = Locale.parse(loc)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    table.setdefault(match_key(name), number)
    for name, number in _EXTRA_MONTHS.items():
        table.setdefault(match_key(name), number)
    return table


def month_number(word: str) -> int | None:
    """The month a name stands for, with clitics (بيوليو، ويونيو، لشهر) allowed."""
    return month_of_key(match_key(word))


@lru_cache(maxsize=100_000)
def month_of_key(key: str) -> int | None:
    """month_number for a word already in match-key form (cached: called per token)."""
    from marsad.arabic.tokenize import clitic_candidates

    table = month_table()
    for _prefix, stem in clitic_candidates(key):
        if stem in table:
            return table[stem]
    return None


# Month names that are also everyday words (آب "father", مارس "he practised", ماي "water"):
# found by `find_month_names` only where a date frames them.
_HOMOGRAPHS = frozenset(match_key(w) for w in ("آب", "مارس", "ماي"))
_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
# A match key letter stands for every spelling that normalises to it.
_LOOSE = {"ا": "[اأإآٱ]", "ي": "[يىئی]", "و": "[وؤ]", "ه": "[هةۀ]", "ك": "[كک]", " ": "\\s+"}
_DUAL_GAP = re.compile(r"\s*[/\-(]?\s*")


def _loose_pattern(key: str) -> str:
    return "".join(_LOOSE.get(ch, re.escape(ch)) + (_MARKS if ch != " " else "") for ch in key)


@lru_cache(maxsize=1)
def _month_regex() -> re.Pattern[str]:
    """One alternation of every month name in any spelling, after optional clitics
    (و ف ب ل ك): a single C-level scan finds them all."""
    names = sorted(month_table(), key=len, reverse=True)
    alternation = "|".join(_loose_pattern(k) for k in names)
    return re.compile(rf"(?<![{_LETTERS}])(?:[وف]?[بلك]?)(?:{alternation})(?![{_LETTERS}])")


def find_month_names(text: str) -> list[tuple[int, int, int]]:
    """(start, end, month) of every Gregorian month name in the text, any regional series.

    A dual form ("يوليو/تموز", "يوليو تموز", "يوليو (تموز)") is one span. Homographs
    (آب، مارس، ماي) count only next to a number, after "شهر", or in a dual form.
    """
    found: list[tuple[int, int, int]] = []
    for m in _month_regex().finditer(text):
        month = month_number(m.group())
        if month is None:
            continue
        start, end = m.start(), m.end()
        if found and found[-1][2] == month and _DUAL_GAP.fullmatch(text, found[-1][1], start):
            end += text.startswith(")", end)
            found[-1] = (found[-1][0], end, month)  # the second name of a dual form
            continue
        found.append((start, end, month))
    return [f for f in found if not _is_bare_homograph(text, *f)]


def _is_bare_homograph(text: str, start: int, end: int, month: int) -> bool:
    stems = [stem for _prefix, stem in _clitic_stems(match_key(text[start:end]))]
    if not any(stem in _HOMOGRAPHS for stem in stems) or " " in text[start:end].strip():
        return False
    before, after = text[max(0, start - 12):start], text[end:end + 12]
    if re.search(r"[0-9٠-٩]\s*$", before) or re.match(r"\s*[0-9٠-٩]", after):
        return False
    word_before = match_key(before).split()[-1:] or [""]
    word_after = match_key(after).split()[:1] or [""]
    return word_before[0] not in _FRAME_BEFORE and word_after[0] not in _FRAME_AFTER


# Words that make a homograph a month: "في آب", "منتصف مارس", "آب الماضي".
_FRAME_BEFORE = frozenset(match_key(w) for w in (
    "شهر", "لشهر", "بشهر", "في", "منذ", "خلال", "حتى", "مطلع", "أوائل", "أواخر", "منتصف", "نهاية", "بداية", "من"))
_FRAME_AFTER = frozenset(match_key(w) for w in ("الماضي", "المقبل", "المنصرم", "القادم", "الجاري"))


def _clitic_stems(key: str) -> tuple[tuple[str, str], ...]:
    from marsad.arabic.tokenize import clitic_candidates

    return clitic_candidates(key)


def weekday_number(word: str) -> int | None:
    return weekday_of_key(match_key(word))


@lru_cache(maxsize=100_000)
def weekday_of_key(key: str) -> int | None:
    from marsad.arabic.tokenize import clitic_candidates

    for _prefix, stem in clitic_candidates(key):
        if stem in WEEKDAYS:
            return WEEKDAYS[stem]
    return None


_HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الاولى": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "رجب": 7,
    "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}
_HIJRI_TABLE = {match_key(k): v for k, v in _HIJRI_MONTHS.items()}


@lru_cache(maxsize=100_000)
def hijri_month_number(word: str) -> int | None:
    """Hijri month by name ("رمضان", "ذي الحجة"), clitics allowed (cached: the date
    matcher asks it of the words after every number)."""
    from marsad.arabic.tokenize import clitic_candidates

    for _prefix, stem in clitic_candidates(match_key(word)):
        if stem in _HIJRI_TABLE:
            return _HIJRI_TABLE[stem]
    return None


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura conversion (hijridate); None outside its range or for an invalid day."""
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_year_of(day: date) -> int:
    """The Umm al-Qura Hijri year a Gregorian day falls in (its Hijri year, roughly, outside
    hijridate's range)."""
    from hijridate import Gregorian

    try:
        return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    except (ValueError, OverflowError):
        return round((day.year - 622) * 365.2425 / 354.367) + 1


# --- Solar Hijri (Persian) dates, and a date written in either Hijri calendar ---------------

_PERSIAN_MONTHS = {match_key(name): n for n, name in enumerate(
    ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"), start=1)}


def persian_month_number(word: str) -> int | None:
    return _PERSIAN_MONTHS.get(match_key(word))


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Solar Hijri (Jalali) to Gregorian: day 1 of Farvardin is the March equinox day, taken
    from the arithmetic 33-year rule that the Iranian calendar follows within 1200-1600 AP."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)) or not 1200 <= year <= 1600:
        return None
    days = day - 1 + (31 * (month - 1) if month <= 7 else 186 + 30 * (month - 7))
    return _farvardin_first(year) + timedelta(days=days)


def _farvardin_first(year: int) -> date:
    # Count leap years from 1 Farvardin 1300 (21 March 1921) with the 33-year cycle rule.
    start = date(1921, 3, 21)
    offset = sum(366 if _jalali_leap(y) else 365 for y in range(min(year, 1300), max(year, 1300)))
    return start + timedelta(days=offset if year >= 1300 else -offset)


# Leap years of the 33-year cycle (their remainders mod 33).
_JALALI_LEAP = frozenset((1, 5, 9, 13, 17, 22, 26, 30))


def _jalali_leap(year: int) -> bool:
    return year % 33 in _JALALI_LEAP


def calendar_date(words: list[str]) -> str | None:
    """A Hijri ("12 رمضان 1445 هـ") or Solar Hijri ("۱۴ آبان ۱۴۰۳") date in Gregorian."""
    for i, word in enumerate(words):
        month = persian_month_number(word)
        convert = solar_hijri_to_gregorian
        used = 1
        if month is None:
            month = hijri_month_number(word)
            convert = hijri_to_gregorian
            if month is None and i + 1 < len(words):
                month = hijri_month_number(f"{word} {words[i + 1]}")
                used = 2
        if month is None or i == 0:
            continue
        day_word, year_word = western_digits(words[i - 1]), words[i + used:i + used + 1]
        if not (day_word.isdigit() and year_word and western_digits(year_word[0]).isdigit()):
            continue
        converted = convert(int(western_digits(year_word[0])), month, int(day_word))
        if converted:
            return converted.isoformat()
    return None

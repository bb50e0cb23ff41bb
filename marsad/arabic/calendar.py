"""Month and weekday names of every regional series, read from CLDR (babel) plus the
variants CLDR lacks, all matched on match keys."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale

from marsad.arabic.normalize import match_key

# Locales whose month names differ: Egyptian/Gulf, Levantine/Iraqi, Algerian/Tunisian, Moroccan.
_CLDR_LOCALES = ("ar_EG", "ar_IQ", "ar_LB", "ar_DZ", "ar_TN", "ar_MA", "ar_SA")
# Spellings seen in news copy that CLDR does not list.
_EXTRA_MONTHS = {
    "ابريل": 4, "إبريل": 4, "أغسطس": 8, "اغسطس": 8, "يوليه": 7, "يونيه": 6, "فبرایر": 2,
    "سبتمير": 9, "اكتوبر": 10, "نوفمير": 11, "ديسيمبر": 12, "ماي": 5,
}
WEEKDAYS = {  # match key -> Python weekday (Monday = 0)
    match_key(name): number
    for name, number in (("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الخميس", 3),
                         ("الجمعة", 4), ("السبت", 5), ("الأحد", 6))
}


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


def hijri_month_number(word: str) -> int | None:
    """Hijri month by name ("رمضان", "ذي الحجة"), clitics allowed."""
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

"""Month and weekday names of every regional series, read from CLDR (babel) plus the
variants CLDR lacks, all matched on match keys."""

from __future__ import annotations

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
    from marsad.arabic.tokenize import clitic_candidates

    table = month_table()
    for _prefix, stem in clitic_candidates(match_key(word)):
        if stem in table:
            return table[stem]
    return None


def weekday_number(word: str) -> int | None:
    from marsad.arabic.tokenize import clitic_candidates

    for _prefix, stem in clitic_candidates(match_key(word)):
        if stem in WEEKDAYS:
            return WEEKDAYS[stem]
        if "ال" + stem in WEEKDAYS:
            return WEEKDAYS["ال" + stem]
    return None

"""Arabic number words, digits, ordinals and calendar names, one table per primitive."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.arabic.calendar import (
    WEEKDAYS,
    find_month_names,
    hijri_to_gregorian,
    month_number,
    weekday_number,
)
from marsad.arabic.numbers import ordinal_at, parse_number
from marsad.arabic.tokenize import tokenize

MONTHS = [
    # Egyptian / Gulf, with the common spelling variants
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5),
    ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8), ("سبتمبر", 9),
    ("أكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    # Levantine / Iraqi
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7),
    ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
    ("كانون ثاني", 1), ("تشرين أول", 10),
    # Maghreb
    ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
    ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12),
    # clitics and diacritics
    ("بيوليو", 7), ("ويونيو", 6), ("لشباط", 2), ("وفي", None), ("أيّار", 5), ("الخميس", None),
]


@pytest.mark.parametrize(("word", "month"), MONTHS)
def test_month_number(word: str, month: int | None) -> None:
    assert month_number(word) == month


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وصل في 7 يوليو/تموز 2021.", [("يوليو/تموز", 7)]),
        ("نهاية يونيو حزيران", [("يونيو حزيران", 6)]),
        ("في يوليو (تموز) وإبريل", [("يوليو (تموز)", 7), ("وإبريل", 4)]),
        ("في كانون الثاني وشباط", [("كانون الثاني", 1), ("وشباط", 2)]),
        ("في 3 آب 2020", [("آب", 8)]),
        ("منذ آب الماضي", [("آب", 8)]),
        ("زار أبي القرية", []),
        ("مارس الرئيس صلاحياته", []),
        ("يونيو ثم يوليو", [("يونيو", 6), ("يوليو", 7)]),
    ],
)
def test_find_month_names(text: str, found: list[tuple[str, int]]) -> None:
    assert [(text[s:e], m) for s, e, m in find_month_names(text)] == found


def test_weekdays() -> None:
    assert WEEKDAYS["الأحد"] == 6 and WEEKDAYS["الاثنين"] == 0 and WEEKDAYS["السبت"] == 5
    assert weekday_number("والأربعاء") == 2
    assert weekday_number("الجمعة") == 4
    assert weekday_number("الجامعة") is None


def test_hijri_to_gregorian() -> None:
    assert hijri_to_gregorian(1442, 9, 15) == date(2021, 4, 27)
    assert hijri_to_gregorian(1443, 1, 1) == date(2021, 8, 9)
    assert hijri_to_gregorian(1442, 13, 1) is None


NUMBERS = [
    # units, both genders and cases
    ("واحد", 1), ("ثلاث", 3), ("ثلاثة", 3), ("ثماني", 8), ("ثمانية", 8), ("ثمان", 8), ("عشرة", 10),
    ("اثنان", 2), ("اثنين", 2), ("اثنتان", 2),
    # teens
    ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثنتي عشرة", 12), ("خمسة عشر", 15), ("تسعة عشر", 19),
    # tens and compounds
    ("عشرون", 20), ("عشرين", 20), ("تسعين", 90), ("ثلاثة وعشرين", 23), ("واحد وعشرون", 21),
    ("إحدى وعشرين", 21), ("خمسًا وعشرين", 25), ("تسعة وتسعون", 99),
    # hundreds
    ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مئتين", 200), ("مائتي", 200), ("ثلاثمئة", 300),
    ("ثلاثمائة", 300), ("تسعمائة", 900), ("مئة وخمسون", 150), ("ثلاث مئة", 300),
    # thousands and above
    ("ألف", 1000), ("ألفان", 2000), ("ألفين", 2000), ("ألفي", 2000), ("ألفان وخمسمئة", 2500),
    ("ثلاثة آلاف وخمسمئة", 3500), ("عشرين ألفا", 20000), ("خمسة عشر ألف", 15000), ("مليون", 1e6),
    ("مليونان", 2e6), ("ثلاثة ملايين", 3e6), ("مليار", 1e9), ("سبعة مليارات", 7e9), ("مليون ونصف", 1.5e6),
    ("مليون ونصف المليون", 1.5e6),
    # a scale after a scale: thousands of millions; the same scale written twice (a slip)
    ("ثلاثة آلاف مليون", 3e9), ("ألف مليون", 1e9), ("ستة ملايين مليون", 6e6), ("5 آلاف مليون", 5e9),
    # digits mixed with scale words
    ("5 آلاف", 5000), ("2.5 مليون", 2.5e6), ("٣٫٥ مليار", 3.5e9), ("١٠ آلاف", 10000), ("0.5 مليون", 5e5),
    # digits with separators
    ("3,500", 3500), ("٣٬٥٠٠", 3500), ("1.250.000", 1_250_000), ("2,5", 2.5), ("٢٫٥", 2.5), ("35.7", 35.7),
    # fractions
    ("نصف", 0.5), ("ربع", 0.25), ("ثلث", 1 / 3), ("ثلاثة أرباع", 0.75),
    # not a number
    ("آلاف", None), ("مئات", None), ("لآلاف", None), ("وآلاف", None), ("بملايين", None), ("الجيش", None), ("ثلاثة ثلاثة", None), ("", None),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == (pytest.approx(value) if value is not None else None)


ORDINALS = [
    ("الأول", (1, 1)), ("الأولى", (1, 1)), ("السابع", (7, 1)), ("العاشرة", (10, 1)), ("الحادي عشر", (11, 2)),
    ("الثاني عشر", (12, 2)), ("التاسعة عشرة", (19, 2)), ("العشرين", (20, 1)), ("الحادي والعشرين", (21, 2)),
    ("الخامس والعشرين", (25, 2)), ("الثلاثين", (30, 1)), ("الحادي والثلاثين", (31, 2)), ("والسابع", (7, 1)),
    ("الحادي", None), ("الجيش", None), ("الأول عشر", (1, 1)),
]


@pytest.mark.parametrize(("text", "expected"), ORDINALS)
def test_ordinal_at(text: str, expected: tuple[int, int] | None) -> None:
    assert ordinal_at(tokenize(text), 0) == expected


def test_number_run_starts_hold_every_number_token() -> None:
    """number_runs visits only _run_starts: every digit, number word (with a clitic) and
    fraction word must be among them."""
    from marsad.arabic.numbers import _FRACTION_ENDINGS, WORD_VALUES, _is_number_token, _run_starts

    words = [*WORD_VALUES, *("و" + w for w in WORD_VALUES), *("ب" + w for w in WORD_VALUES), "ونصف", "ثلثي", "الخمس"]
    tokens = tokenize(" ".join([*words, "جندي", "السكان", "3", "٣٥", "عشرات", "الثلاثاء", "في"]))
    starts = set(_run_starts(tokens))
    for i, tok in enumerate(tokens):
        if _is_number_token(tok) or tok.key.endswith(_FRACTION_ENDINGS):
            assert i in starts, tok.text

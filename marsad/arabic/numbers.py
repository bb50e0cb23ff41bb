"""Arabic numbers as values: digits with any separators, number words in every gender and
case, compounds ("ثلاثة وعشرين"), mixed forms ("5 آلاف", "2.5 مليون"), fractions.

Hand-written: no Python library reads Arabic number words (num2words only writes them),
and the grammar is small — units, teens, tens, hundreds and three scale words.
"""

from __future__ import annotations

import re

from marsad.arabic.normalize import match_key

_UNITS = {
    1: "واحد واحدة",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي",
    3: "ثلاث ثلاثة",
    4: "أربع أربعة",
    5: "خمس خمسة",
    6: "ست ستة",
    7: "سبع سبعة",
    8: "ثمان ثماني ثمانية",
    9: "تسع تسعة",
    10: "عشر عشرة",
}
_TENS = {
    20: "عشرون عشرين", 30: "ثلاثون ثلاثين", 40: "أربعون أربعين", 50: "خمسون خمسين",
    60: "ستون ستين", 70: "سبعون سبعين", 80: "ثمانون ثمانين", 90: "تسعون تسعين",
}
_HUNDREDS = {
    100: "مئة مائة", 200: "مئتان مئتين مائتان مائتين مئتا مئتي مائتا مائتي",
    300: "ثلاثمئة ثلاثمائة", 400: "أربعمئة أربعمائة", 500: "خمسمئة خمسمائة", 600: "ستمئة ستمائة",
    700: "سبعمئة سبعمائة", 800: "ثمانمئة ثمانمائة ثمانيمئة", 900: "تسعمئة تسعمائة",
}
_SCALES = {
    1_000: "ألف ألفا آلاف الاف ألوف",
    1_000_000: "مليون مليونا ملايين",
    1_000_000_000: "مليار مليارا مليارات بليون",
}
_DUAL_SCALES = {2_000: "ألفان ألفين ألفا", 2_000_000: "مليونان مليونين مليونا", 2_000_000_000: "ملياران مليارين مليارا"}
# "مئات" / "آلاف" alone mean "hundreds of" / "thousands of": not a count.
_VAGUE = frozenset(match_key(w) for w in ("مئات", "عشرات", "آلاف", "الاف", "ملايين", "مليارات", "ألوف"))
_FRACTIONS = {"نصف": 0.5, "ثلث": 1 / 3, "ربع": 0.25, "ثلثي": 2 / 3, "ثلثا": 2 / 3, "ثلاثة أرباع": 0.75}
# "أحد"/"إحدى" alone mean "one of"; they count only inside a teen ("أحد عشر").
_TEEN_ONLY = frozenset(match_key(w) for w in ("أحد", "إحدى", "احدى"))

WORD_VALUES: dict[str, tuple[int, str]] = {}  # match key -> (value, kind: unit|ten|hundred|scale)
for _table, _kind in ((_UNITS, "unit"), (_TENS, "ten"), (_HUNDREDS, "hundred"), (_SCALES, "scale")):
    for _value, _words in _table.items():
        for _w in _words.split():
            WORD_VALUES.setdefault(match_key(_w), (_value, _kind))
for _value, _words in _DUAL_SCALES.items():
    for _w in _words.split():
        WORD_VALUES[match_key(_w)] = (_value, "dual_scale")
for _w in _TEEN_ONLY:
    WORD_VALUES[_w] = (1, "teen_unit")
FRACTION_VALUES = {match_key(k): v for k, v in _FRACTIONS.items() if " " not in k}

_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
DIGITS_RE = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٬٫][0-9٠-٩۰-۹]+)*")


def parse_digits(text: str) -> float | None:
    """"3,500" -> 3500; "2.5" -> 2.5; "٣٬٥٠٠" -> 3500; "٢٫٥" -> 2.5; "1.250.000" -> 1250000.

    ٫ is the Arabic decimal mark and ٬ the Arabic thousands mark. A comma followed by
    3-digit groups groups thousands, else it is a decimal comma; one dot is a decimal point,
    several dots with 3-digit groups group thousands.
    """
    s = text.translate(_ARABIC_INDIC)
    if not s or not s[0].isdecimal():
        return None
    parts = re.split(r"([.,٬٫])", s)
    numbers, seps = parts[0::2], parts[1::2]
    if not seps:
        return float(numbers[0])
    groups_of_three = all(len(n) == 3 for n in numbers[1:])
    if len(set(seps)) == 1:
        sep = seps[0]
        if sep == "٬" or (sep == "," and groups_of_three) or (sep == "." and len(seps) > 1 and groups_of_three):
            return float("".join(numbers))
        if len(seps) == 1:
            return float(numbers[0] + "." + numbers[1])
        return None
    # "1,250.5" / "1.250,5": the last separator is the decimal one.
    integer = "".join(numbers[:-1])
    return float(integer + "." + numbers[-1]) if groups_of_three or len(numbers[-1]) != 3 else None


def word_value(key: str) -> tuple[int, str] | None:
    """Value and kind of one number word given as a match key (clitic و allowed)."""
    hit = WORD_VALUES.get(key)
    if hit is None and key[:1] in ("و", "ب", "ل") and len(key) > 3:
        hit = WORD_VALUES.get(key[1:])  # "وعشرين", "بمئة", "لثلاثة"
    return hit


def combine(values: list[tuple[float, str]]) -> float | None:
    """Value of a run of number parts: [(3, unit), (20, ten)] -> 23; [(5, digit), (1000, scale)] -> 5000;
    [(2000, dual_scale), (500, hundred)] -> 2500; [(3, unit), (1000, scale), (500, hundred)] -> 3500."""
    total = 0.0
    current = 0.0
    for value, kind in values:
        if kind == "scale":
            current = (current or 1) * value
            total += current
            current = 0.0
        elif kind == "hundred" and current and current < 10:
            current = current * value  # "ثلاث مئة" written apart
        else:
            current += value
    total += current
    return total if total > 0 else None


def is_vague(key: str) -> bool:
    return key in _VAGUE

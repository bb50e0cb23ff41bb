"""Arabic numbers as values: digits with any separators, number words in every gender and
case, compounds ("ثلاثة وعشرين"), mixed forms ("5 آلاف", "2.5 مليون"), fractions.

Hand-written: no Python library reads Arabic number words (num2words only writes them),
and the grammar is small — units, teens, tens, hundreds and three scale words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter, or_

from marsad.arabic.normalize import match_key, western_digits
from marsad.model import Token

_UNITS = {  # with the accusative forms that tanwin al-fath leaves ("خمسًا وعشرين")
    1: "واحد واحدة",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي",
    3: "ثلاث ثلاثة ثلاثا",
    4: "أربع أربعة أربعا",
    5: "خمس خمسة خمسا",
    6: "ست ستة ستا",
    7: "سبع سبعة سبعا",
    8: "ثمان ثماني ثمانية ثمانيا",
    9: "تسع تسعة تسعا",
    10: "عشر عشرة عشرا",
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
_DUAL_SCALES = {2_000: "ألفان ألفين ألفا ألفي", 2_000_000: "مليونان مليونين مليونا مليوني",
                2_000_000_000: "ملياران مليارين مليارا ملياري"}
# "مئات" / "آلاف" alone mean "hundreds of" / "thousands of": not a count.
_VAGUE = frozenset(match_key(w) for w in ("مئات", "عشرات", "آلاف", "الاف", "ملايين", "مليارات", "ألوف"))
_FRACTIONS = {"نصف": 0.5, "ثلث": 1 / 3, "ربع": 0.25, "ثلثي": 2 / 3, "ثلثا": 2 / 3}
# Spelt like the cardinals خمس/ست/سبع/تسع/عشر: a fraction only before a definite noun
# ("خمس السكان" a fifth of, "خمس سنوات" five years). Not ثمن: before a definite noun it is
# "the price of" or "praised" (ثمن البضاعة, ثمّن الأمير; all 57 in ten SaudiNewsNet days), or
# the round of sixteen (ثمن النهائي), never an eighth.
_FRACTIONS_BEFORE_DEFINITE = {"خمس": 1 / 5, "سدس": 1 / 6, "سبع": 1 / 7, "تسع": 1 / 9, "عشر": 1 / 10}
# "ثلاثة أرباع": a cardinal over a plural fraction noun.
_FRACTION_PLURALS = {"أثلاث": 3, "أرباع": 4, "أخماس": 5, "أسداس": 6, "أسباع": 7, "أثمان": 8, "أتساع": 9, "أعشار": 10}
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
FRACTION_VALUES = {match_key(k): v for k, v in _FRACTIONS.items()}
_DEFINITE_FRACTIONS = {match_key(k): v for k, v in _FRACTIONS_BEFORE_DEFINITE.items()}
_PLURAL_FRACTIONS = {match_key(k): v for k, v in _FRACTION_PLURALS.items()}

# Ordinals as day numbers and counts: "السابع من أبريل", "الحادي عشر", "الخامس والعشرين".
_ORDINAL_UNITS = {
    1: "الأول الأولى الحادي الحادية", 2: "الثاني الثانية", 3: "الثالث الثالثة", 4: "الرابع الرابعة",
    5: "الخامس الخامسة", 6: "السادس السادسة", 7: "السابع السابعة", 8: "الثامن الثامنة",
    9: "التاسع التاسعة", 10: "العاشر العاشرة",
}
ORDINAL_VALUES = {match_key(w): n for n, words in _ORDINAL_UNITS.items() for w in words.split()}
# "الحادي" and "الأول" differ: only the first combines with عشر / والعشرين.
_ORDINAL_SOLO_ONLY = frozenset(match_key(w) for w in ("الأول", "الأولى"))
_ORDINAL_TENS = {match_key("ال" + w): v for v, words in _TENS.items() for w in words.split()}

DIGITS_RE = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٬٫][0-9٠-٩۰-۹]+)*")


# Number words that continue a number without "و": "ثلاثة آلاف"، "مئتان".
_JOINING_KINDS = ("scale", "hundred", "unit", "dual_scale")


def parse_digits(text: str) -> float | None:
    """"3,500" -> 3500; "2.5" -> 2.5; "٣٬٥٠٠" -> 3500; "٢٫٥" -> 2.5; "1.250.000" -> 1250000.

    ٫ is the Arabic decimal mark and ٬ the Arabic thousands mark. A comma followed by
    3-digit groups groups thousands, else it is a decimal comma; one dot is a decimal point,
    several dots with 3-digit groups group thousands.
    """
    s = western_digits(text)
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
        elif kind == "fraction_of_scale":
            total += value  # "مليون ونصف": half of the scale just closed
        elif kind == "hundred" and current and current < 10:
            current = current * value  # "ثلاث مئة" written apart
        else:
            current += value
    total += current
    return total if total > 0 else None


def is_vague(key: str) -> bool:
    """"آلاف" / "ملايين" alone, a clitic allowed ("لآلاف العائلات", "وآلاف"): thousands of."""
    return key in _VAGUE or (key[:1] in ("و", "ب", "ل") and key[1:] in _VAGUE)


def ordinal_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(value, tokens used) of an ordinal number word starting at token i: "السابع" -> 7,
    "الحادي عشر" -> 11, "العشرين" -> 20, "الخامس والعشرين" -> 25. A و clitic on the
    first word is allowed ("والسابع")."""
    key = tokens[i].key
    if key not in ORDINAL_VALUES and key not in _ORDINAL_TENS and key[:1] == "و":
        key = key[1:]
    if key in _ORDINAL_TENS:
        return _ORDINAL_TENS[key], 1
    unit = ORDINAL_VALUES.get(key)
    if unit is None:
        return None
    nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
    if key not in _ORDINAL_SOLO_ONLY:
        if nxt in ("عشر", "عشره") and unit < 10:
            return unit + 10, 2
        if nxt[:1] == "و" and nxt[1:] in _ORDINAL_TENS and unit < 10:
            return unit + _ORDINAL_TENS[nxt[1:]], 2
    if key in (match_key("الحادي"), match_key("الحادية")):
        return None  # "الحادي" stands only in a compound
    return unit, 1


@dataclass(frozen=True)
class NumberRun:
    """A number written in tokens[start:end] (digits, words or both) and its value."""

    start: int
    end: int
    value: float
    is_fraction: bool = False


def _fraction_at(tokens: list[Token], i: int) -> NumberRun | None:
    """"نصف السكان", "ثلثي", "خمس السكان", "ثلاثة أرباع", and the و form ("ونصف")."""
    key = tokens[i].key
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    base = key[1:] if key[:1] == "و" and len(key) > 3 else key
    if nxt is not None and nxt.key in _PLURAL_FRACTIONS:
        count = WORD_VALUES.get(base)
        if count and count[1] == "unit" and count[0] < _PLURAL_FRACTIONS[nxt.key]:
            return NumberRun(i, i + 2, count[0] / _PLURAL_FRACTIONS[nxt.key], True)
    if nxt is None or not nxt.key[:1].isalpha():
        return None
    for k in (key, base):
        if k in FRACTION_VALUES:
            return NumberRun(i, i + 1, FRACTION_VALUES[k], True)
        if k in _DEFINITE_FRACTIONS and nxt.key.startswith("ال") and word_value(nxt.key) is None:
            return NumberRun(i, i + 1, _DEFINITE_FRACTIONS[k], True)
    return None


def _is_number_token(tok: Token) -> bool:
    return tok.key[:1].isdecimal() or word_value(tok.key) is not None


def _half_of_scale(tokens: list[Token], j: int, parts: list[tuple[float, str]]) -> int:
    """"مليون ونصف [المليون]": tokens used by a trailing half of the last scale, or 0."""
    if not parts or parts[-1][1] not in ("scale", "dual_scale") or j >= len(tokens):
        return 0
    if tokens[j].key != match_key("ونصف"):
        return 0
    scale = parts[-1][0] if parts[-1][1] == "scale" else parts[-1][0] / 2
    parts.append((scale / 2, "fraction_of_scale"))
    nxt = tokens[j + 1].key if j + 1 < len(tokens) else ""
    return 2 if nxt.startswith("ال") and word_value(nxt[2:]) is not None else 1


# Keys that word_value reads as a number: the number words, and with a و/ب/ل clitic.
_NUMBER_WORD_KEYS = frozenset(WORD_VALUES) | frozenset(
    c + k for c in ("و", "ب", "ل") for k in WORD_VALUES if len(c + k) > 3
)
# Endings of the fraction words: a fraction may start a run even when no number word does.
_FRACTION_ENDINGS = ("نصف", "ثلث", "ربع", "ثلثي", "ثلثا", "خمس", "سدس", "سبع", "تسع", "عشر")
_token_key = itemgetter(3)  # Token.key
_first_char = itemgetter(slice(0, 1))
_last_three = itemgetter(slice(-3, None))
# The last three letters of each ending: a set lookup instead of ten endswith per key,
# for a superset that number_runs narrows with the exact test.
_FRACTION_TAILS = frozenset(ending[-3:] for ending in _FRACTION_ENDINGS)


def _run_starts(tokens: list[Token]) -> list[int]:
    """Indices of the tokens that may start a number: digits, number words (word_value)
    and words ending like a fraction (a superset). C-level maps over the keys: a Python
    test per token cost more than reading the few numbers an article has."""
    keys = list(map(_token_key, tokens))
    is_digit = map(str.isdecimal, map(_first_char, keys))
    is_word = map(_NUMBER_WORD_KEYS.__contains__, keys)
    is_fraction = map(_FRACTION_TAILS.__contains__, map(_last_three, keys))
    return list(compress(range(len(keys)), map(or_, map(or_, is_digit, is_word), is_fraction)))


def _ordinal_unit_before(key: str) -> bool:
    """An ordinal unit word ("الخامسة", "بالتاسعة"): a عشر after it makes a compound ordinal."""
    return any(key[len(p):] in ORDINAL_VALUES for p in ("", "ب", "و", "ل", "وب") if key.startswith(p))


def _ra_decimal(tokens: list[Token], j: int) -> float | None:
    """"2ر1 مليار" (1.2 billion), "50ر62 مليون" (62.5 million): wire copy writes a decimal as
    its fraction, the letter ر, then its whole part, glued together (the digits' order is
    flipped in right-to-left text). The value, or None when tokens[j] does not start one."""
    if j + 2 >= len(tokens) or tokens[j + 1].text != "ر" or not tokens[j + 2].text.isdecimal():
        return None
    if not (tokens[j].end == tokens[j + 1].start and tokens[j + 1].end == tokens[j + 2].start):
        return None
    fraction, whole = western_digits(tokens[j].text), western_digits(tokens[j + 2].text)
    return float(f"{whole}.{fraction}") if fraction.isdecimal() and whole.isdecimal() else None


def _rest_after_scale(tokens: list[Token], j: int, parts: list[tuple[float, str]]) -> tuple[float, int] | None:
    """"مليون و 300 ألف" (1,300,000), "11 ألفا و532" (11,532): digits after a closed scale
    and a separate "و", with their own smaller scale word, carry on the number. Returns the
    value they add and the token after them, or None. Word forms ("مليون وثلاثمئة ألف")
    already join in `number_runs`."""
    if not parts or parts[-1][1] not in ("scale", "dual_scale") or j + 1 >= len(tokens):
        return None
    if tokens[j].key != "و" or not tokens[j + 1].key[:1].isdecimal():
        return None
    digits = parse_digits(tokens[j + 1].text)
    if digits is None:
        return None
    magnitude = parts[-1][0] if parts[-1][1] == "scale" else parts[-1][0] / 2
    end = j + 2
    nxt = word_value(tokens[end].key) if end < len(tokens) else None
    if nxt is not None and nxt[1] == "scale":
        digits, end = digits * nxt[0], end + 1
    return (digits, end) if digits < magnitude else None


def number_runs(tokens: list[Token]) -> list[NumberRun]:
    """Every number in a token list, left to right: "ثلاثة وعشرين" -> 23, "5 آلاف" -> 5000,
    "مليون ونصف" -> 1.5 million, "نصف" -> 0.5. Vague plurals ("آلاف المتظاهرين") and a
    lone "one" ("أحد المسؤولين", "يوم واحد") are not numbers."""
    runs: list[NumberRun] = []
    n = len(tokens)
    resume = 0  # the token after the last run
    for i in _run_starts(tokens):
        if i < resume:
            continue
        tok = tokens[i]
        if not _is_number_token(tok) and not tok.key.endswith(_FRACTION_ENDINGS):
            continue
        fraction = _fraction_at(tokens, i)
        if fraction is not None:
            runs.append(fraction)
            resume = fraction.end
            continue
        if not _is_number_token(tok) or (tok.key.startswith("ال") and word_value(tok.key) is None):
            continue
        if tok.key in ("عشر", "عشره") and i and _ordinal_unit_before(tokens[i - 1].key):
            resume = i + 1
            continue  # "بالمرتبة الخامسة عشرة", "في التاسعة عشر من عمره": the 15th, not ten
        parts: list[tuple[float, str]] = []
        j = i
        while j < n:
            t = tokens[j]
            if t.key[:1].isdecimal():
                if parts:
                    break
                value = parse_digits(t.text)
                if value is None:
                    break
                if (reversed_decimal := _ra_decimal(tokens, j)) is not None:
                    value, j = reversed_decimal, j + 2
                parts.append((value, "digit"))
            else:
                wv = word_value(t.key)
                if wv is None or not (j == i or t.key.startswith("و") or wv[1] in _JOINING_KINDS):
                    break
                teen = t.key in ("عشر", "عشره") and parts and parts[-1][1] == "unit" and parts[-1][0] < 10
                if j > i and wv[1] == "unit" and not teen and parts[-1][1] in ("unit", "ten", "digit") \
                        and not t.key.startswith("و"):
                    break  # "جنديين اثنين" / "ثلاثة ثلاثة": two numbers, not one
                one = wv[0] == 1 and wv[1] in ("unit", "teen_unit")
                nxt = tokens[j + 1].key if j + 1 < n else ""
                nxt_value = word_value(nxt) if nxt[:1] == "و" else None
                if one and not (nxt in ("عشر", "عشره") or (nxt_value is not None and nxt_value[1] == "ten")):
                    break  # "أحد المسؤولين" (one of), "يوم واحد": a lone "one" is not a count
                if t.text.startswith(("وأ", "وإ")) and wv[0] == 1:
                    break  # "وأحد" normalises like "واحد"
                if j > i and t.key.startswith("و") and parts and parts[-1][1] == "digit":
                    break
                if parts and parts[-1][1] == "scale" and wv[1] == "scale" and not t.key.startswith("و"):
                    if wv[0] > parts[-1][0]:  # "ثلاثة آلاف مليون": thousands of millions, 3 billion
                        parts[-1] = (parts[-1][0] * wv[0], "scale")
                    j += 1  # "ستة ملايين مليون": the scale written twice, six million
                    continue
                if wv[1] == "dual_scale" and parts:
                    parts.append((float(wv[0]) / 2, "scale"))  # "عشرين ألفا": accusative, not dual
                else:
                    parts.append((float(wv[0]), "unit" if wv[1] == "teen_unit" else wv[1]))
            j += 1
        if not parts:
            continue
        if len(parts) == 1 and parts[0][1] == "scale" and is_vague(tokens[i].key):
            resume = j
            continue  # "آلاف المتظاهرين": thousands of, not a count
        j += _half_of_scale(tokens, j, parts)
        if len(parts) == 1 and parts[0][1] == "digit" and i and tokens[i - 1].text == "(" and j + 1 < n \
                and tokens[j].text == ")" and (scale := word_value(tokens[j + 1].key)) and scale[1] == "scale":
            parts.append((float(scale[0]), "scale"))  # "بلغت (167) مليون ريال": 167 million
            j += 2
        value = combine(parts)
        if value is not None and (rest := _rest_after_scale(tokens, j, parts)) is not None:
            value, j = value + rest[0], rest[1]
        if value is not None:
            runs.append(NumberRun(i, j, value))
        resume = j
    return runs


def parse_number(text: str) -> float | None:
    """The value of a text that is one number and nothing else: "ثلاثة وعشرين" -> 23,
    "2.5 مليون" -> 2500000, "ألفان وخمسمئة" -> 2500, "ثلاثة أرباع" -> 0.75; else None."""
    from marsad.arabic.tokenize import tokenize

    tokens = tokenize(text)
    if len(tokens) == 1 and not tokens[0].key[:1].isdecimal():  # a word alone: "نصف", "واحد", "ألفين"
        key = tokens[0].key
        hit = FRACTION_VALUES.get(key) or (word_value(key) or (None,))[0]
        return float(hit) if hit is not None and not is_vague(key) else None
    runs = number_runs(tokens)
    if len(runs) == 1 and runs[0].start == 0 and runs[0].end == len(tokens):
        return runs[0].value
    return None

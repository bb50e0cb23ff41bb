"""The ordinals a title or lead states of its happening ("للمرة الثانية عشرة" -> 12, "الاجتماع
الوزاري ال33" -> 33, "الجولة الرابعة" -> 4), read as whole numbers: a compound ordinal is one
number, not its first word ("الثانية عشرة" is the twelfth session, not the second); the
ordinal of a month's name ("تشرين الأول", "كانون الثاني", "ربيع الأول") counts nothing, nor
does a rank before a superlative ("ثاني أكبر ميناء")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from marsad.arabic.normalize import match_key
from marsad.arabic.numbers import ORDINAL_VALUES, ordinal_at, parse_digits
from marsad.model import Token

# The first words of month names whose second word is an ordinal.
_MONTH_FIRST_WORDS = frozenset(match_key(w) for w in "تشرين كانون ربيع جمادى جمادي".split())
_ARTICLE = "ال"
# A glued و/ب/ل or لل before an ordinal word ("لأول", "والثالثة", "بالجولة الرابعة" apart).
_GLUED = ("لل", "و", "ب", "ل", "")
# Words whose ordinal tells a time of day, a rank or a part of the happening, not which
# happening: "الساعة السادسة والدقيقة الثامنة", "الدرجة الثانية", "المركز الثالث", "النائب
# الثاني لرئيس الوزراء", Lebanon's three presidencies ("الرئاسة الثانية": the speaker's seat),
# "اليوم الثاني من زيارته" (one visit's days) (a glued و/ب/ل allowed).
_NOT_COUNTING = frozenset(match_key(w) for w in "الساعة الدقيقة الدرجة المرتبة المركز النائب الرئاسة اليوم".split())
# A family name ("الشيخ تميم آل ثاني", "آل الثاني") is no ordinal.
_FAMILY = match_key("آل")
# What follows an hour: "عند التاسعة والنصف", "الحادية عشرة صباحا".
_CLOCK_AFTER = frozenset(match_key(w) for w in "والنصف والربع والثلث الا صباحا مساء ظهرا فجرا عصرا ليلا".split())
# Superlatives of three letters; the others are أفعل, four letters from an alif.
_SHORT_SUPERLATIVES = frozenset(match_key(w) for w in "أهم أشد أحد".split())


def _ordinal_forms() -> dict[str, tuple[str, bool]]:
    """Every glued form of an ordinal word -> the word as `ORDINAL_VALUES` spells it, and
    whether it was written without the article ("ثالث", "لأول"); made once: most tokens are
    looked up here."""
    forms: dict[str, tuple[str, bool]] = {}
    for prefix in _GLUED:
        for word in ORDINAL_VALUES:
            forms.setdefault(prefix + word, (word, False))
            if word.startswith(_ARTICLE):
                forms.setdefault(prefix + word[len(_ARTICLE):], (word, True))
    return forms


_FORMS = _ordinal_forms()
# The tens as ordinals ("العشرين", "والثلاثين"): `ordinal_at` reads them alone.
_TENS = frozenset(match_key(p + "ال" + w) for p in ("", "و")
                  for w in "عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين".split())
_CANDIDATES = frozenset(_FORMS) | _TENS | {_ARTICLE}


def _not_counting(key: str) -> bool:
    return any(key.startswith(p) and key[len(p):] in _NOT_COUNTING for p in ("", "و", "ب", "وب", "ل"))


def _counted_noun(key: str) -> bool:
    """A noun in the accusative after a number ("يوما", "عاما", "شهرا"): the number counts."""
    return len(key) >= 3 and key[-1] == "ا" and not key.startswith(_ARTICLE)


def _superlative(key: str) -> bool:
    return key in _SHORT_SUPERLATIVES or (len(key) == 4 and key[:1] == "ا")


def stated_ordinals(tokens: Sequence[Token]) -> Iterator[int]:
    """The values of the ordinals `tokens` state, in order (`ordinal_at` reads compounds);
    "ال" before digits ("الـ11") is an ordinal in digits, unless a counted noun follows."""
    keys = [t.key for t in tokens]
    free = 0  # the first token no ordinal read before has used
    for i in [i for i, key in enumerate(keys) if key in _CANDIDATES]:  # (few: a lead has 0-3)
        if i < free:
            continue
        key, after = keys[i], keys[i + 1] if i + 1 < len(keys) else ""
        if key == _ARTICLE:
            value = parse_digits(after) if after[:1].isdecimal() else None
            counted = keys[i + 2] if i + 2 < len(keys) else ""
            # ("حرب الـ12 يوما": a count of days, the accusative of a counted noun after it)
            if value is not None and value == int(value) and 1 <= value < 1000 and not _counted_noun(counted):
                yield int(value)
                free = i + 2
            continue
        word = _FORMS.get(key)
        before = keys[i - 1] if i > 0 else ""
        if word is None:
            found = ordinal_at(list(tokens[i:i + 2]), 0)  # العشرين
        elif (before in _MONTH_FIRST_WORDS or before == _FAMILY or _not_counting(before)
              or (word[1] and _superlative(after))):
            found = None
        else:
            found = ordinal_at([tokens[i]._replace(key=word[0]), *tokens[i + 1:i + 2]], 0)
        if found is not None and i + found[1] < len(keys) and keys[i + found[1]] in _CLOCK_AFTER:
            found = None
        if found is not None:
            value, used = found
            yield value
            free = i + used


def leading_ordinals(specifics: Mapping[str, int]) -> list[str]:
    """A story's specifics (`specifics.title_specifics`, counted over its articles) with only
    the ordinals the most of its articles state: a story that one article of another round
    joined ("#2" five times, "#1" once) is still the second round's, and a first round's
    article does not join it by that one."""
    top = max((n for key, n in specifics.items() if key[:1] == "#"), default=0)
    return [key for key, n in specifics.items() if key[:1] != "#" or n == top]

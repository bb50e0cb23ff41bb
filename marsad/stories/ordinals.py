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
# Words whose ordinal tells a time of day or a rank, not which happening: "الساعة السادسة
# والدقيقة الثامنة", "الدرجة الثانية", "المركز الثالث" (a glued و/ب/ل allowed).
_NOT_COUNTING = frozenset(match_key(w) for w in "الساعة الدقيقة الدرجة المرتبة المركز".split())
# Superlatives of three letters; the others are أفعل, four letters from an alif.
_SHORT_SUPERLATIVES = frozenset(match_key(w) for w in "أهم أشد أحد".split())


def _ordinal_word(key: str) -> tuple[str, bool] | None:
    """The ordinal word in `key` as `ORDINAL_VALUES` spells it, and whether it was written
    without the article ("ثالث", "أول"); None when `key` holds none."""
    for prefix in _GLUED:
        if not key.startswith(prefix):
            continue
        rest = key[len(prefix):]
        if rest in ORDINAL_VALUES:
            return rest, False
        if _ARTICLE + rest in ORDINAL_VALUES:
            return _ARTICLE + rest, True
    return None


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
    i = 0
    while i < len(keys):
        key, after = keys[i], keys[i + 1] if i + 1 < len(keys) else ""
        if key == _ARTICLE and after[:1].isdecimal():
            value = parse_digits(after)
            counted = keys[i + 2] if i + 2 < len(keys) else ""
            # ("حرب الـ12 يوما": a count of days, the accusative of a counted noun after it)
            if value is not None and value == int(value) and 1 <= value < 1000 and not _counted_noun(counted):
                yield int(value)
            i += 2
            continue
        word = _ordinal_word(key)
        before = keys[i - 1] if i > 0 else ""
        if word is None or before in _MONTH_FIRST_WORDS or _not_counting(before) or (word[1] and _superlative(after)):
            found = None if word is not None else ordinal_at(list(tokens[i:i + 2]), 0)  # العشرين
        else:
            found = ordinal_at([tokens[i]._replace(key=word[0]), *tokens[i + 1:i + 2]], 0)
        if found is None:
            i += 1
            continue
        value, used = found
        yield value
        i += used


def leading_ordinals(specifics: Mapping[str, int]) -> list[str]:
    """A story's specifics (`specifics.title_specifics`, counted over its articles) with only
    the ordinals the most of its articles state: a story that one article of another round
    joined ("#2" five times, "#1" once) is still the second round's, and a first round's
    article does not join it by that one."""
    top = max((n for key, n in specifics.items() if key[:1] == "#"), default=0)
    return [key for key, n in specifics.items() if key[:1] != "#" or n == top]

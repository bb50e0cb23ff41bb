"""Which shorter name of a person is a short form of a longer one: the family name, the
first name, a name with a middle part left out, never a father's name or part of a compound."""

from __future__ import annotations

from collections.abc import Iterable

from marsad.arabic.words import word_class
from marsad.extract.ner_consistency import COMPOUND_HEADS, PATRONYMIC, ends_in_surname
from marsad.link.names import gazetteer_type

# A short form of several words that is not the first name must be a family name, led by
# one of these (match keys): "دي ماريا", "أبو غزالة", "آل صالح", "بن لادن", "فان غال". One led
# by a given name (عبد ... too: "عبد المحسن" of "مهدي صباح عبد المحسن") is another person,
# mostly the father: "سعد دوابشة" of "علي سعد دوابشة",
# "محمد مرسي" of "عبد الله محمد مرسي", "مرعي بن حسين القحطاني" of "خالد مرعي بن حسين القحطاني".
FAMILY_PARTICLES = word_class("surname_particle")
SURNAME_PARTICLES = (COMPOUND_HEADS - {"عبد"}) | PATRONYMIC | FAMILY_PARTICLES


def surname_of(key: str) -> str | None:
    """The last word of a full person name (match key), when it is a family name."""
    words = key.split()
    if not ends_in_surname(words) or not may_be_surname(words[-1]):
        return None
    return words[-1]


def may_be_surname(word: str) -> bool:
    """Not a place or organisation the gazetteer knows (a tagger's "زيارة عسير" does not
    make عسير a person's surname)."""
    return gazetteer_type(word) in (None, "PER")


def is_short_form(short: list[str], long: list[str]) -> bool:
    """"الكاظمي" of "مصطفى الكاظمي" (the family name), "مصطفى الكاظمي" of "مصطفى عبد اللطيف
    الكاظمي" (first name kept), "مصطفى" (the first name); not "خالد" of "فهد بن خالد" nor
    "سلمان بن عبدالعزيز" of "محمد بن سلمان بن عبدالعزيز" (the father's name), nor "الله" of
    "محمد بن عبد الله" (part of a compound name), nor "سعد دوابشة" of "علي سعد دوابشة"
    (`SURNAME_PARTICLES`), nor "سلمان بن عبدالعزيز" of "سلمان بن سلطان بن عبدالعزيز" (another
    father: `keeps_fathers`), nor "دي ميستورا" of the tagger's "دي ميستورا أبلغهم" (a name that
    opens with a family's particle is a family name, no one's first name)."""
    if len(short) >= len(long) or (short == [long[0]] and short[0] in COMPOUND_HEADS):  # "أبو" of "أبو حليقة"
        return False
    if short[0] == long[0]:
        return is_subsequence(short, long) and keeps_fathers(short, long) and short[0] not in FAMILY_PARTICLES
    if long[-len(short):] != short or not ends_in_surname(long[:len(long) - len(short) + 1]):
        return False
    return short[0] in SURNAME_PARTICLES if len(short) > 1 else may_be_surname(short[0])


def is_first_name_of(key: str, keys: Iterable[str]) -> bool:
    """Whether a person's key is only the first name ("أحمد", "عبد الله") of a longer key."""
    words = key.split()
    if len(words) > 2 or (len(words) == 2 and words[0] not in COMPOUND_HEADS):
        return False
    return any(len(k.split()) > len(words) and k.split()[:len(words)] == words for k in keys)


def keeps_fathers(short: list[str], long: list[str]) -> bool:
    """Whether each "X بن Y" of the short form is one of the long name's: a chain of
    fathers is cut from its end (سلطان بن سلمان of سلطان بن سلمان بن عبدالعزيز), never in
    its middle (سلمان بن عبدالعزيز is the uncle of سلمان بن سلطان بن عبدالعزيز)."""
    links = {tuple(long[i - 1:i + 2]) for i in range(1, len(long) - 1) if long[i] in PATRONYMIC}
    return all(tuple(short[i - 1:i + 2]) in links for i in range(1, len(short) - 1) if short[i] in PATRONYMIC)


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """"ماكغورك" in "بريت ماكغورك"; "مصطفى الكاظمي" in "مصطفى عبد اللطيف الكاظمي"."""
    it = iter(long)
    return all(any(w == x for x in it) for w in short)

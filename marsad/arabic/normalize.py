"""Arabic normalisation, one named function per lossy step.

The display text is never normalised: these functions build *match keys* used to compare,
index and search. Written by hand because each step is a one-line character mapping that
no library exposes separately, and the choice of steps is Arabic-specific.
"""

from __future__ import annotations

import re

from marsad.run.caching import TOKEN_CACHE_SIZE, WordCache

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks (inclusive code point ranges).
_DIACRITIC_RANGES = ((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
_TATWEEL = "\u0640"
# Directional and zero-width format characters that scrapers leave in text.
_FORMAT_MARK_RANGES = ((0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069), (0x061C, 0x061C), (0xFEFF, 0xFEFF),
                       (0x00AD, 0x00AD))


def _char_class(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges) + "]")


_DIACRITICS = _char_class(_DIACRITIC_RANGES)
_FORMAT_MARKS = _char_class(_FORMAT_MARK_RANGES)
# (a run written "[x][x]*": a pattern that opens with a class lets the regex engine skip to
# its characters; "[x]+" is searched for at every position, several times slower on a page)
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t][\u00a0\u2000-\u200a\u202f\u205f\u3000\t]*")

# Character mappings, applied with str.replace: for a handful of characters that is several
# times faster than str.translate with a dict, and match keys are built for every token.
_ALEF_FORMS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"))
_HAMZA_CARRIERS = (("ؤ", "و"), ("ئ", "ي"))
_DIGITS = tuple(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True))
# Persian/Urdu letter forms that appear in Arabic pages typed on other keyboards.
_PERSIAN_FORMS = (("ی", "ي"), ("ک", "ك"), ("ە", "ه"), ("ۀ", "ه"))
_HAS_DIGIT = re.compile("[٠-٩۰-۹]")


def _replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def strip_diacritics(text: str) -> str:
    return _DIACRITICS.sub("", text)


def remove_tatweel(text: str) -> str:
    return text.replace(_TATWEEL, "")


def remove_format_marks(text: str) -> str:
    """Drop bidi controls, zero-width characters and soft hyphens."""
    return _FORMAT_MARKS.sub("", text)


def normalize_spaces(text: str) -> str:
    """NBSP, thin spaces and tabs become one plain space."""
    return _SPACES.sub(" ", text)


def unify_alef(text: str) -> str:
    """أ إ آ ٱ -> ا (writers and keyboards use them interchangeably)."""
    return _replace_all(text, _ALEF_FORMS)


def unify_hamza_carriers(text: str) -> str:
    """ؤ -> و, ئ -> ي."""
    return _replace_all(text, _HAMZA_CARRIERS)


def alef_maqsura_to_ya(text: str) -> str:
    """ى -> ي (Egyptian print writes final ي as ى and vice versa)."""
    return text.replace("ى", "ي")


def ta_marbuta_to_ha(text: str) -> str:
    """ة -> ه (often dropped dots in informal or OCR text)."""
    return text.replace("ة", "ه")


def western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits -> 0-9."""
    return _replace_all(text, _DIGITS) if _HAS_DIGIT.search(text) else text


def unify_persian_letters(text: str) -> str:
    return _replace_all(text, _PERSIAN_FORMS)


def display_clean(text: str) -> str:
    """The only normalisation applied to display text: invisible marks and odd spaces."""
    return normalize_spaces(remove_format_marks(text))


def _letters_stepwise(text: str) -> str:
    """match_key's deletions and letter mappings as the chain of named steps, spaces left as
    they are: the fastest form for long texts (regex scans and str.replace run at C speed
    per character) and the reference for the table."""
    text = remove_format_marks(text)
    text = strip_diacritics(remove_tatweel(text))
    text = unify_alef(unify_hamza_carriers(text))
    text = alef_maqsura_to_ya(ta_marbuta_to_ha(text))
    return unify_persian_letters(western_digits(text))


def _match_key_stepwise(text: str) -> str:
    """match_key by the named steps (for long texts, and the table's reference)."""
    return normalize_spaces(_letters_stepwise(text)).strip().lower()


def _key_table() -> list[int | str | None]:
    """Every deletion and letter mapping of the steps above as one str.translate table,
    indexed by code point (a list, not a dict: a dict raises KeyError for each unmapped
    character, which costs more than the whole chain on a short word)."""
    table: list[int | str | None] = list(range(0x10000))
    table[ord(_TATWEEL)] = None
    for lo, hi in (*_DIACRITIC_RANGES, *_FORMAT_MARK_RANGES):
        table[lo:hi + 1] = [None] * (hi + 1 - lo)
    for old, new in (*_ALEF_FORMS, *_HAMZA_CARRIERS, ("ى", "ي"), ("ة", "ه"), *_DIGITS, *_PERSIAN_FORMS):
        table[ord(old)] = new
    return table


_KEY_TABLE = _key_table()
# A word's key is asked for again and again (every token, every lexicon and role lookup):
# keys of short texts are kept, in a bounded cache (`marsad.run.caching`).
_CACHED_TEXT_LENGTH = 40
_match_keys: WordCache[str, str] = WordCache(TOKEN_CACHE_SIZE)
# Above this length the stepwise chain beats the per-character table lookup.
_TABLE_TEXT_LENGTH = 100


def _compute_match_key(text: str) -> str:
    if len(text) > _TABLE_TEXT_LENGTH:
        return _match_key_stepwise(text)
    return _SPACES.sub(" ", text.translate(_KEY_TABLE)).strip().lower()


def match_key_unspaced(text: str) -> str:
    """match_key(text) with its whitespace left as it was (odd spaces, at the ends too): for
    a caller that splits the key into words, which come out the same. On a long text it
    spares the space steps (for an article: a tenth of its key's cost)."""
    if len(text) <= _TABLE_TEXT_LENGTH:
        return match_key(text)
    return _letters_stepwise(text).lower()


def match_key(text: str) -> str:
    """The full lossy key used for comparing words and names."""
    key = _match_keys.get(text)
    if key is None:
        key = _compute_match_key(text)
        if len(text) <= _CACHED_TEXT_LENGTH:
            _match_keys.put(text, key)
    return key

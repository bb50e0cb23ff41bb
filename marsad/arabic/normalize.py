"""Arabic normalisation, one named function per lossy step.

The display text is never normalised: these functions build *match keys* used to compare,
index and search. Written by hand because each step is a one-line character mapping that
no library exposes separately, and the choice of steps is Arabic-specific.
"""

from __future__ import annotations

import re

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
# Directional and zero-width format characters that scrapers leave in text.
_FORMAT_MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")

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


def match_key(text: str) -> str:
    """The full lossy key used for comparing words and names."""
    text = remove_format_marks(text)
    text = strip_diacritics(remove_tatweel(text))
    text = unify_alef(unify_hamza_carriers(text))
    text = alef_maqsura_to_ya(ta_marbuta_to_ha(text))
    text = unify_persian_letters(western_digits(text))
    return normalize_spaces(text).strip().lower()

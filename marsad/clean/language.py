"""Language identification: py3langid, plus script cues for the languages written in
Arabic script that a character-n-gram model confuses with Arabic (Persian, Urdu, Kurdish)."""

from __future__ import annotations

import re

import py3langid

# Letters that Arabic does not use but these languages do.
_URDU = re.compile("[ٹڈڑںےۓ]")
_KURDISH = re.compile("[ۆێڵڕۊ]")
_PERSIAN = re.compile("[پچژگکی]")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-zÀ-ɏ]")
_TURKISH = re.compile("[ıİşŞğĞ]")
# Share of marked letters among Arabic-script letters above which a page is not Arabic:
# an Arabic article quoting a Persian name stays well below 1%.
SCRIPT_CUE_SHARE = 0.01


def detect_language(text: str) -> str:
    """ISO 639-1 code; Egyptian Arabic (arz) counts as Arabic; "und" when there is no text."""
    sample = text[:3000]
    arabic_letters = len(_ARABIC_SCRIPT.findall(sample))
    latin_letters = len(_LATIN.findall(sample))
    if arabic_letters + latin_letters < 10:
        return "und"
    if arabic_letters > latin_letters:
        # Arabic script: letters only Persian/Urdu/Kurdish use decide; py3langid's n-grams
        # mislabel short Arabic news text as Persian too often to be trusted here.
        for code, pattern in (("ur", _URDU), ("ku", _KURDISH), ("fa", _PERSIAN)):
            if len(pattern.findall(sample)) > SCRIPT_CUE_SHARE * arabic_letters:
                return code
        return "ar"
    if _TURKISH.search(sample):
        return "tr"
    code, _score = py3langid.classify(sample)
    return "ar" if code == "arz" else code

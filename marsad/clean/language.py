"""Language identification: script cues for the languages written in Arabic script, and
py3langid for the rest.

Hand-written for Arabic script because a character-n-gram model trained on general text
confuses Arabic with Persian, Urdu and Kurdish on short news pages. Letters that Arabic
never uses decide first; Persian and Arabic share almost all letters (Iranian outlets' Arabic
pages even type the Persian ی and ک), so their function words decide between them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import py3langid

from marsad.clean.lexicon import LEXICON_DIR

# Letters of one language in Arabic script, none of which Arabic or Persian uses.
_SCRIPT_CUES = (
    ("ur", re.compile("[ٹڈڑںےۓ]")),  # Urdu retroflexes, noon ghunna, bari ye
    ("ps", re.compile("[ټځڅډړږښګڼۍې]")),  # Pashto
    ("ug", re.compile("[ۇۈۋ]")),  # Uyghur rounded vowels
    ("ku", re.compile("[ۆێڵڕە]")),  # Kurdish (Sorani) vowels and velarised l/r
)
_PERSIAN_LETTERS = re.compile("[پچژگ]")
_PERSIAN_FORMS = re.compile("[پچژگیک]")
# Any letter that the cues or the Persian vote look at: a page with none is Arabic, found
# with one scan instead of one per cue.
_ANY_CUE = re.compile("[" + "".join(p.pattern[1:-1] for _code, p in _SCRIPT_CUES) + _PERSIAN_FORMS.pattern[1:-1] + "]")
# The voting words are compared after the few mappings that matter for them (a full
# match key per word would cost more than the rest of cleaning a page).
_VOTE_FORMS = str.maketrans({"ی": "ي", "ک": "ك", "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "\u0640": None})
# Runs of a class written "[x][x]*", not "[x]+": a pattern that opens with a character class
# lets the regex engine skip to the class's characters, several times faster on a page of
# another script (Python's engine finds no such shortcut for a repeat).
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff][\u0600-\u06ff]*")
_LATIN = re.compile("[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ]*")
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())  # (all but A-Z, a-z)
_TURKISH = re.compile("[ıİşŞğĞ]")
_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")
# Share of cue letters among Arabic-script letters above which a page is in that language:
# the five seed pages have none at all, while the Urdu, Kurdish and Persian fixtures measure
# 5%, 23% and 13-14%. Persian letters alone cannot decide: one Persian name (پزشکیان) in a
# short Arabic sentence is 3% of its letters, hence the function-word vote for fa/ar.
SCRIPT_CUE_SHARE = 0.01
# Enough text to decide; below it the language is "und".
MIN_LETTERS = 10


@lru_cache(maxsize=1)
def function_words() -> dict[str, str]:
    """voting form (see _VOTE_FORMS) -> language, for the function words of Arabic and Persian."""
    table: dict[str, str] = {}
    for line in (LEXICON_DIR / "function_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, words = line.split("\t")
            for word in words.split():
                table[word.translate(_VOTE_FORMS)] = code
    return table


def _count(runs: re.Pattern[str], text: str) -> int:
    """Characters of a class in the text, found as runs (one match per word rather than
    one string per letter: several times faster on a page)."""
    return sum(map(len, runs.findall(text)))


def ascii_letters(text: str) -> int:
    """How many letters A-Z and a-z the text holds (counted in its ASCII bytes: an Arabic
    line's are found at once)."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))


def count_runs_up_to(runs: re.Pattern[str], text: str, enough: int) -> int:
    """`_count(runs, text)` while it is under `enough`; once it reaches it, some count of
    at least `enough` (the runs are read from the start only until then)."""
    total = 0
    for m in runs.finditer(text):
        total += m.end() - m.start()
        if total >= enough:
            break
    return total


def load_model() -> None:
    """Load py3langid's model now (a process loads it on its first non-Arabic page, 0.6 s)."""
    py3langid.classify("news")


def detect_language(text: str) -> str:
    """ISO 639-1 code; Egyptian Arabic (arz) counts as Arabic; "und" when there is no text."""
    sample = text[:3000]
    latin_letters = _count(_LATIN, sample)
    # The Arabic letters decide the two tests below once they pass both; their exact count
    # is needed only on a page with a cue letter (`_arabic_script_language`). An Arabic
    # page passes within its first few words, not counting its ~2,000 letters.
    arabic_letters = count_runs_up_to(_ARABIC_SCRIPT, sample, max(latin_letters + 1, MIN_LETTERS - latin_letters))
    if arabic_letters + latin_letters < MIN_LETTERS:
        return "und"
    if arabic_letters > latin_letters:
        return _arabic_script_language(sample)
    if _TURKISH.search(sample):  # dotless ı, ş, ğ: Turkish, which py3langid mixes with Azeri
        return "tr"
    code, _score = py3langid.classify(sample)
    return "ar" if code == "arz" else code


def _arabic_script_language(sample: str) -> str:
    if not _ANY_CUE.search(sample):
        return "ar"  # no cue count can pass the threshold, no Persian form to vote on
    threshold = SCRIPT_CUE_SHARE * _count(_ARABIC_SCRIPT, sample)
    for code, pattern in _SCRIPT_CUES:
        if len(pattern.findall(sample)) > threshold:
            return code
    if len(_PERSIAN_FORMS.findall(sample)) <= threshold:
        return "ar"  # Persian is never written without ی, ک or پ چ ژ گ: no need to vote
    table = function_words()
    votes = {"ar": 0, "fa": 0}
    for word in _WORD.findall(sample.translate(_VOTE_FORMS)):
        vote = table.get(word)
        if vote:
            votes[vote] += 1
    if votes["fa"] != votes["ar"]:
        return "fa" if votes["fa"] > votes["ar"] else "ar"
    return "fa" if len(_PERSIAN_LETTERS.findall(sample)) > threshold else "ar"

"""A text dump's lines, each with what the cleaner reads of it (words, a sentence's end,
its match key), and what it was found to be."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.arabic.normalize import display_clean
from marsad.clean.lexicon import MAX_FURNITURE_WORDS, furniture_lexicon, line_key

_WORDS = re.compile(r"[\w\u0600-\u06ff]+")
# A sentence ends with these (quotes and brackets may follow the stop).
_SENTENCE_END = re.compile(r"[.؟?!…:]\s*[\"'”»)\]]*\s*$|[\"”»]\s*$")

# A body paragraph: at least this many words and a sentence end, or very long. Eight words
# separates the shortest news sentences of the seeds and fixtures from headings and widgets.
MIN_BODY_WORDS = 8
LONG_PARAGRAPH_WORDS = 25
# A dateline is short: the longest in the seeds and fixtures ("نشر في: 3 كانون الثاني 2022 -
# 10:45") has nine words; a stamp with the Hijri and Gregorian dates and two clock times
# ("الخميس 7/3/1429 هـ - الموافق 13/3/2008 م (آخر تحديث) الساعة 16:25 (مكة المكرمة)، 13:25
# (غرينتش)") has 21 counting the clocks' digits.
MAX_DATELINE_WORDS = 22
@dataclass
class Line:
    index: int
    text: str  # display-clean, stripped
    words: int
    # body | title | title_copy | furniture | caption | dateline | credit | repeated | heading | lede
    kind: str = "body"
    date: str | None = None
    stamp: str = "date"  # for datelines: "date", "update" or "today" (see parse_dateline)
    ends_sentence: bool = False
    chrome: bool = False  # furniture by what it says (lexicon, byline), not by where it stands
    _key: str | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        """The line's `line_key`, computed once: the lexicon, the site's repeats and the title all ask."""
        if self._key is None:
            self._key = line_key(self.text)
        return self._key

    @property
    def is_furniture_phrase(self) -> bool:
        """A phrase of the furniture lexicon; a line too long to be one is not asked for its
        key (a paragraph's is dear)."""
        return self.words <= MAX_FURNITURE_WORDS and furniture_lexicon().matches(self.text, self.words, self.key)

    @property
    def sentence_shaped(self) -> bool:
        return (self.words >= MIN_BODY_WORDS and self.ends_sentence) or self.words >= LONG_PARAGRAPH_WORDS


# Page excerpts flattened to one line keep their blocks apart with runs of spaces or tabs; a
# headline may hold one such run by accident ("ترفع الحد   الأدنى"), a flattened page many.
_BLOCK_GAP = re.compile(r" {3,}|\t+")
MIN_FLATTENED_GAPS = 3


def _raw_lines(content: str) -> list[str]:
    out: list[str] = []
    for line in display_clean(content).split("\n"):
        if ("   " in line or "\t" in line) and len(_BLOCK_GAP.findall(line)) >= MIN_FLATTENED_GAPS:
            out.extend(_BLOCK_GAP.split(line))
        else:
            out.append(line)
    return out


def split_lines(content: str) -> list[Line]:
    lines = []
    for i, raw in enumerate(_raw_lines(content)):
        words = raw.split()
        if words:
            text = " ".join(words)
            count = len(words) if len(words) > 30 else len(_WORDS.findall(text))
            lines.append(Line(i, text, count, ends_sentence=bool(_SENTENCE_END.search(text[-6:]))))
    return lines

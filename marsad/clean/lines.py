"""A text dump's lines, each with what the cleaner reads of it (words, a sentence's end,
its match key), and what it was found to be."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from marsad.arabic.normalize import display_clean
from marsad.clean.lexicon import MAX_FURNITURE_WORDS, furniture_lexicon, line_key, prose_openers

_WORDS = re.compile(r"[\w\u0600-\u06ff][\w\u0600-\u06ff]*")  # (runs written so: see language.py)
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
# A teaser trimmed by its site is a line of this many words or more that stops mid-sentence
# or ends with dots (an excerpt cut by whoever stored the page ends mid-word, without dots).
TEASER_MIN_WORDS = 25
_ELLIPSIS_END = re.compile(r"(?:\.\.\.+|…)\s*[\"'”»)\]]*\s*$")  # ("..": a sentence's end in Arabic news)
# Two trimmed teasers or more make a listing's shape (one is a lede or a line break), the more
# so cut to about one length (within 10%: the training part's trimmed listings; an article's
# unpunctuated paragraphs vary more); counts stop at five.
MIN_TEASERS = 2
EVEN_CUT = 0.9
MAX_TEASERS = 5


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
    _prose: bool | None = field(default=None, repr=False, compare=False)

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
    def cut_short(self) -> bool:
        """A long line the site cut: it stops without a sentence's end, or with "..." (a
        listing's teasers, trimmed to a length)."""
        return self.words >= TEASER_MIN_WORDS and (not self.ends_sentence or bool(_ELLIPSIS_END.search(self.text[-8:])))

    @property
    def sentence_shaped(self) -> bool:
        return (self.words >= MIN_BODY_WORDS and (self.ends_sentence or self.continues_prose)) \
            or self.words >= LONG_PARAGRAPH_WORDS

    @property
    def continues_prose(self) -> bool:
        """A line that opens with "and" and a reporting verb ("وقال ...", "وأشار إلى ..."): a
        paragraph of a story written without full stops; no headline or menu item opens so."""
        if self._prose is None:
            self._prose = self.text[:1] == "و" and line_key(self.text.split(" ", 1)[0]) in prose_openers()
        return self._prose


# Page excerpts flattened to one line keep their blocks apart with runs of spaces or tabs; a
# headline may hold one such run by accident ("ترفع الحد   الأدنى"), a flattened page many.
BLOCK_GAP = re.compile(r" {3,}|\t+")
MIN_FLATTENED_GAPS = 3


def _raw_lines(content: str) -> list[str]:
    out: list[str] = []
    for line in display_clean(content).split("\n"):
        if ("   " in line or "\t" in line) and len(BLOCK_GAP.findall(line)) >= MIN_FLATTENED_GAPS:
            out.extend(BLOCK_GAP.split(line))
        else:
            out.append(line)
    return out


def _word_count(words: list[str]) -> int:
    """The runs of _WORDS in the words of a line: a word of letters and digits alone is one run
    (str.isalnum is the pattern's \\w), found without a scan."""
    return sum(1 if word.isalnum() else len(_WORDS.findall(word)) for word in words)


def split_lines(content: str) -> list[Line]:
    lines = []
    for i, raw in enumerate(_raw_lines(content)):
        words = raw.split()
        if words:
            text = " ".join(words)
            count = len(words) if len(words) > 30 else _word_count(words)
            lines.append(Line(i, text, count, ends_sentence=bool(_SENTENCE_END.search(text[-6:]))))
    return lines


@dataclass(frozen=True)
class Teasers:
    """What a text dump shows of a listing's teasers, whatever its lines were taken for (a
    headline-less listing's first teaser reads as a title)."""

    cut: int  # long lines the site cut short, the last line aside (whoever stored the page may cut it)
    even: bool  # two cut lines or more, to about one length
    dots_at_end: bool  # the page's last content line trimmed with dots by the site


def read_teasers(lines: list[Line], content: list[Line]) -> Teasers:
    """`lines`: all the dump's lines; `content`: those that are its content (no captions, datelines ...)."""
    # (a story typed without full stops is no run of cut teasers: "وأوضح ..." continues its paragraphs)
    cut = [len(ln.text) for ln, below in itertools.pairwise(lines)
           if ln.kind != "repeated" and ln.cut_short and not ln.continues_prose and not below.continues_prose]
    return Teasers(cut=min(len(cut), MAX_TEASERS) if len(cut) >= MIN_TEASERS else 0,
                   even=len(cut) >= MIN_TEASERS and min(cut) >= EVEN_CUT * max(cut),
                   dots_at_end=bool(content) and content[-1].cut_short and content[-1].ends_sentence)


NO_TEASERS = Teasers(0, False, False)

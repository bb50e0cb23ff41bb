"""What a page's lines show of a page that is not an article: teasers of stories that have
nothing to do with one another, a teaser that ends in its "for more" link, a hashtag
heading, a broadcast's cues, a Q&A's labels, a ticker's heading; and where an article's
own text ends (the "see also" block under it).

An article's paragraphs tell one story: each shares names and content words with the
others. A tag page, an archive, a section page or a bulletin's run-down puts side by side
teasers of unrelated stories, which share none.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.clean.lexicon import (
    MAX_FURNITURE_WORDS,
    broadcast_cues,
    essay_headings,
    forum_fields,
    function_words,
    line_key,
    related_headings,
)
from marsad.clean.lines import BLOCK_GAP, MIN_FLATTENED_GAPS, Line

# A paragraph long enough to say what it is about (a teaser's lede has 20-40 words).
MIN_PARAGRAPH_WORDS = 15
# The first paragraphs tell: a long article need not be read to its end.
MAX_PARAGRAPHS = 6
# Two paragraphs may part ways (a lede and its background); three or more tell.
MIN_PARAGRAPHS = 3
# Content words: Arabic words with the article (and what is glued before it) removed, of
# this many letters or more, function words aside; read with one pattern, not tokenized
# (cleaning runs at thousands of pages a second). A paragraph that shares none with all the
# others stands alone. Chosen on the training part of the labelled pages: whole words
# rather than their first 4-6 letters, 15 words rather than 10 or 20, none shared rather
# than at most one (best cross-validated page-type accuracy; one allowed called a short
# wire story's third paragraph unrelated).
MIN_STEM = 3
MAX_CHANCE_WORDS = 0
# A related-stories heading is a short line; under the page's first lines it closes the article.
MAX_HEADING_WORDS = 5
# A long teaser whose site trimmed it before its link: "... للمزيد", "… اقرأ المزيد".
_LINKED_CUT = re.compile(r"(?:\.\.\.+|…)\s*(?:للمزيد|المزيد|اقرأ المزيد|اقرا المزيد|إقرأ المزيد|التفاصيل|"
                         r"read more|more)\W*$", re.IGNORECASE)
# A heading that is a hashtag, alone or after a listing word ("التعريفات - #مصر", "أحدث الأخبار مع #المحلية").
_HASHTAG = re.compile(r"(?:^|\s)#[^\W\d_]")  # ("#1", a forum post's number, is not one)
HASHTAG_HEADING_WORDS = 6
HEAD_LINES = 3


@dataclass(frozen=True)
class Cohesion:
    unrelated: float  # share of the long paragraphs that share no content word with the others


NO_COHESION = Cohesion(0.0)


# (str.replace, one letter at a time, is many times faster than str.translate on Arabic text)
_LETTERS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه"))
_STEM = re.compile(rf"(?<![\u0621-\u064a])(?:وبال|وال|بال|فال|كال|ولل|لل|ال)?([\u0621-\u064a]{{{MIN_STEM},}})")
# A paragraph's opening says what it is about (and a long article's paragraphs cost no more).
# The first 400 characters of 8 paragraphs scored 0.888 in the training part's cross-validation
# against 0.883 for 200 of 6, at twice the cost (0.2 ms a page against 0.12).
MAX_PARAGRAPH_CHARS = 200


def _word_stems(text: str) -> list[str]:
    text = text[:MAX_PARAGRAPH_CHARS]
    for letter, plain in _LETTERS:
        text = text.replace(letter, plain)
    found: list[str] = _STEM.findall(text)
    return found


@lru_cache(maxsize=1)
def _function_stems() -> frozenset[str]:
    return frozenset(stem for word in function_words() for stem in _word_stems(f"{word} ال{word}"))


def _content_words(text: str, function: frozenset[str]) -> frozenset[str]:
    return frozenset(_word_stems(text)).difference(function)  # (the pattern reads MIN_STEM letters or more)


def cohesion(lines: list[Line]) -> Cohesion:
    """How the page's long paragraphs (`lines`: its kept lines) hang together; a page with
    fewer than MIN_PARAGRAPHS says nothing."""
    function = _function_stems()
    words = [_content_words(ln.text, function) for ln in lines if ln.words >= MIN_PARAGRAPH_WORDS][:MAX_PARAGRAPHS]
    if len(words) < MIN_PARAGRAPHS:
        return NO_COHESION
    alone = sum(1 for i, own in enumerate(words)
                if len(own & frozenset().union(*words[:i], *words[i + 1:])) <= MAX_CHANCE_WORDS)
    return Cohesion(alone / len(words))


def before_related_block(lines: list[Line]) -> list[Line]:
    """The lines above a "see also" block: one under a paragraph of the page's own (a
    "most read" box above the headline is a widget of the page's top)."""
    headings = related_headings()
    told = False
    for i, line in enumerate(lines):
        if told and line.words <= MAX_HEADING_WORDS and line.key in headings:
            return lines[:i]
        told = told or line.sentence_shaped
    return lines


def linked_cuts(lines: list[Line]) -> int:
    """Long lines trimmed with dots right before a "for more" link: a teaser each."""
    return sum(1 for ln in lines if ln.words > MAX_HEADING_WORDS and _cut_with_dots(ln.text[-40:])
               and _LINKED_CUT.search(ln.text[-40:]))


def _cut_with_dots(tail: str) -> bool:
    """The dots every cut of _LINKED_CUT ends with: a tail without them is let through without a scan."""
    return "…" in tail or "..." in tail


def hashtag_heading(lines: list[Line]) -> bool:
    """A short line at the top that names a hashtag: the page lists what carries it."""
    return any(ln.words <= HASHTAG_HEADING_WORDS and _HASHTAG.search(ln.text) for ln in lines[:HEAD_LINES])


# A broadcast's transcript says so in its first lines ("[تقرير مسجل]", "في هذه الحلقة").
BROADCAST_LINES = 30
# A recording's transcript marks its lines with the time into the recording ("... - 00:01:08").
_MEDIA_TIME = re.compile(r"\b\d{1,2}:\d{2}:\d{2}\W{0,3}\w{0,2}\W{0,2}$")
MIN_TIMED_LINES = 3


def says_broadcast(lines: list[Line]) -> bool:
    """A programme's transcript or episode page, by its first lines."""
    lines = lines[:BROADCAST_LINES]
    if sum(1 for ln in lines if ":" in ln.text[-14:] and _MEDIA_TIME.search(ln.text[-14:])) >= MIN_TIMED_LINES:
        return True
    keys = f" {' '.join(ln.key for ln in lines if ln.words <= MAX_FURNITURE_WORDS)} "
    return any(f" {cue} " in keys for cue in broadcast_cues())


# A teaser that sends the reader to the story on another page: an aggregator's card ("...
# read full story", "Redirecting to full article..."), a short link line ("اقرأ الخبر كاملاً"),
# or WordPress's excerpt link after the cut ("… Continue reading <title>", "… تابع قراءة <title>");
# or a journal's download stub, the paper's title and its PDF link ("… تنزيل بصيغة PDF").
_ELSEWHERE = re.compile(r"read (?:the )?full (?:story|article)|redirecting to (?:the )?full article|"
                        r"اقرأ (?:الخبر|المقال|القصة) (?:كاملا|كاملاً|كامل|من المصدر)", re.IGNORECASE)
_PDF_LINK_END = re.compile(r"(?:تنزيل|تحميل|download)(?: بصيغة| the)? PDF\s*$", re.IGNORECASE)
_CUT_THEN_LINK = re.compile(r"(?:…|\.\.\.)\s*(?:continue reading|تابع (?:ال)?قراءة)\b.{0,150}$", re.IGNORECASE)
ELSEWHERE_LINES = 4  # the link stands at the end of the excerpt (a comment box may follow)
MAX_ELSEWHERE_WORDS = 12


def story_elsewhere(lines: list[Line]) -> bool:
    """One of the page's last lines says the story goes on elsewhere."""
    for line in lines[-ELSEWHERE_LINES:]:
        # (the PDF link ends the line: its last characters are enough)
        if ((line.words <= MAX_ELSEWHERE_WORDS and _ELSEWHERE.search(line.text))
                or _PDF_LINK_END.search(line.text[-40:])):
            return True
        tail = line.text[-200:]
        if ("…" in tail or "..." in tail) and _CUT_THEN_LINK.search(tail):
            return True
    return False


# A site's headline ticker flattened to one line: a run of headlines kept apart by runs of
# spaces ("headline    headline    headline"), none of them a paragraph (an article flattened
# the same way keeps paragraphs of 30 words and more).
MIN_RUN_ITEMS = 8
MAX_RUN_ITEM_WORDS = 25


def headline_run_share(content: str, lines: int) -> float:
    """The share of the page's `lines` that are items of a flattened run of headlines."""
    if "   " not in content:
        return 0.0
    items = 0
    for raw in content.split("\n"):
        if raw.count("   ") >= MIN_FLATTENED_GAPS and len(BLOCK_GAP.findall(raw)) >= MIN_FLATTENED_GAPS:
            run = [item.split() for item in BLOCK_GAP.split(raw) if item.strip()]
            if len(run) >= MIN_RUN_ITEMS and max(len(item) for item in run) <= MAX_RUN_ITEM_WORDS:
                items += len(run)
    return min(1.0, items / max(1, lines))


# A forum thread shows its members' profile fields and its own labels near the top.
FORUM_LINES = 40
MIN_FORUM_FIELDS = 2
MAX_FIELD_LINE_WORDS = 12


@lru_cache(maxsize=2)
def _forum_field_pattern(min_words: int = 1) -> re.Pattern[str]:
    fields = sorted((f for f in forum_fields() if len(f.split()) >= min_words), key=len, reverse=True)
    return re.compile(" (" + "|".join(re.escape(f) for f in fields) + ") ")


# A long line may open with a forum's sentence-long label (Forumotion's join prompt, "هل تريد
# التفاعل مع هذه المساهمة؟ كل ما عليك ..."); a field of one or two words opening a paragraph
# ("المشاركات في ...") is the paragraph's own word.
MIN_OPENING_FIELD_WORDS = 3


def shows_forum_fields(lines: list[Line]) -> bool:
    """Two or more of a forum thread's fields or labels among the page's first lines."""
    lines = lines[:FORUM_LINES]
    keys = "  ".join(ln.key for ln in lines if ln.words <= MAX_FIELD_LINE_WORDS)
    openings = "  ".join(" ".join(ln.key.split(" ", MAX_FIELD_LINE_WORDS)[:MAX_FIELD_LINE_WORDS]) for ln in lines
                         if ln.words > MAX_FIELD_LINE_WORDS)
    found = set(_forum_field_pattern().findall(f" {keys} "))
    found |= set(_forum_field_pattern(MIN_OPENING_FIELD_WORDS).findall(f" {openings} "))
    return len(found) >= MIN_FORUM_FIELDS


# An essay's or a guide's "مقدمة" stands among its first lines, a short line of its own.
ESSAY_LINES = 40
MAX_ESSAY_HEADING_WORDS = 3


def shows_essay_heading(lines: list[Line]) -> bool:
    """An essay's or a guide's section heading ("مقدمة", "* مقدمة:") among the page's first lines,
    or a guide that calls itself one in its opening lines ("سيستكشف هذا الدليل الشامل"), or an
    encyclopedia's entry by its tagline ("من ويكيبيديا، الموسوعة الحرة"): evergreen pages all."""
    headings = essay_headings()
    return (any(ln.words <= MAX_ESSAY_HEADING_WORDS and ln.key in headings for ln in lines[:ESSAY_LINES])
            or any(_may_name_a_guide(ln.text) and _GUIDE_SELF.search(ln.text) for ln in lines[:GUIDE_LINES])
            or any(ln.words <= MAX_TAGLINE_WORDS and _ENCYCLOPEDIA.search(ln.text) for ln in lines[:ESSAY_LINES]))


# A guide names itself so ("هذا الدليل", "دليل شامل"); a news item does not.
_GUIDE_SELF = re.compile(r"هذا\s+الدليل|الدليل\s+الشامل|دليل\s+شامل|دليل\s+عالمي|this\s+guide\b", re.IGNORECASE)
GUIDE_LINES = 4


def _may_name_a_guide(text: str) -> bool:
    """Every phrase of _GUIDE_SELF holds "دليل" or the d of "guide": a paragraph without either
    is let through without a scan."""
    return "دليل" in text or "d" in text or "D" in text


# An encyclopedia's entry (a wiki or its mirror) says whose it is under its heading: "من
# ويكيبيديا، الموسوعة الحرة", "من أرابيكا، الموسوعة الحرة", "From Wikipedia, the free encyclopedia".
_ENCYCLOPEDIA = re.compile(r"الموسوعة الحرة|the free encyclopedia", re.IGNORECASE)
MAX_TAGLINE_WORDS = 8


# A Q&A list's or a fatwa's labels open its lines: a question ("السؤال", "نص السؤال:", a
# numbered "س١:") and an answer ("الجواب", "الإجابة:", "ج:"). An interview's bare "س:" and
# "ج:" are not counted: a numbered question or a worded label is the Q&A page's.
_QUESTION_LABEL = re.compile(r"^\W*(?:نص\s+السؤال|السؤال|سؤال|س\s*[0-9٠-٩]+)\s*(?:[:：]|$)")
_ANSWER_LABEL = re.compile(r"^\W*(?:الجواب|جواب|الإجابة|الاجابة|إجابة|اجابة|ج\s*[0-9٠-٩]*)\s*(?:[:：]|$)")
QA_LINES = 40


def shows_qa_labels(lines: list[Line]) -> bool:
    """A question's label and an answer's label, each opening a line among the page's first lines."""
    head = lines[:QA_LINES]
    return (any(_QUESTION_LABEL.match(ln.text) for ln in head)
            and any(_ANSWER_LABEL.match(ln.text) for ln in head))


# A news ticker's heading over a run of headlines with no stop between them (the site's
# strip flattened into one line): the page holds the ticker, not its article.
_TICKER_HEADINGS = frozenset(line_key(h) for h in ("شريط الأخبار", "شريط الأخبار العاجلة", "شريط الأنباء"))
TICKER_HEAD_LINES = 2


def ticker_heading(lines: list[Line]) -> bool:
    return any(ln.key in _TICKER_HEADINGS for ln in lines[:TICKER_HEAD_LINES])


# A listing's template repeats one short label over each of its items: an empty date label
# ("نشر بتاريخ:") or an image's placeholder ("Post image") over every teaser. An article's
# field labels stand once (a headline printed twice has no paragraph between its copies), and
# its own subheads may repeat, one set per part ("المقادير" over each recipe): the labels are
# an item's fields, a date's or an image's, never a section's name.
_ITEM_FIELD = re.compile(r"^(?:نشر|تاريخ النشر|بتاريخ|اخر تحديث|posted|published|post image|featured image|image|"
                         r"thumbnail|صوره|الصوره)\b")
MAX_LABEL_WORDS = 3
LABELLED_ITEM_LINES = 3  # the item's headline or paragraph within this many lines under its label
MIN_ITEM_WORDS = 6


def item_labels(lines: list[Line]) -> int:
    """How many items a label repeated over each shows: the occurrences of a short line, each
    with a headline or paragraph of its own under it, and a paragraph between each and the next."""
    best = 0
    by_key: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.words <= MAX_LABEL_WORDS and _ITEM_FIELD.match(line.key):
            by_key.setdefault(line.key, []).append(i)
    for at in by_key.values():
        if len(at) < 2:
            continue
        items = [next((ln.key for ln in lines[i + 1:i + 1 + LABELLED_ITEM_LINES] if ln.words >= MIN_ITEM_WORDS),
                      None) for i in at]
        apart = all(any(ln.words >= MIN_PARAGRAPH_WORDS for ln in lines[a + 1:b]) for a, b in itertools.pairwise(at))
        if apart and None not in items and len(set(items)) == len(items):
            best = max(best, len(at))
    return best

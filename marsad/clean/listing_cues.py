"""What a page's lines show of a page that is not an article: teasers of stories that have
nothing to do with one another, a teaser that ends in its "for more" link, a hashtag
heading, a broadcast's cues, a Q&A's labels, a ticker's heading, an item field or a date
repeated over each teaser, an error page's notice; and where an article's own text ends (the
"see also" block under it). (A ticker flattened into one line: headline_runs.py.)

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
from marsad.clean.lines import Line

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
    "most read" box above the headline is a widget of the page's top), or the site's latest
    stories under the story's paragraphs."""
    headings = related_headings()
    latest = latest_stories_at(lines)
    told = False
    for i, line in enumerate(lines[:latest]):
        if told and line.words <= MAX_HEADING_WORDS and line.key in headings:
            return lines[:i]
        told = told or line.sentence_shaped
    return lines[:latest]


# The heading of the site's latest stories, which some themes print under the article; at the
# top of a page it heads a ticker.
_LATEST_HEADINGS = frozenset(line_key(h) for h in ("أحدث الأخبار", "آخر الأخبار", "أخر الأخبار", "اخر الاخبار",
                                                    "Latest News"))
# Paragraphs above such a heading that make it the foot of a story.
STORY_PARAGRAPHS = 2


def latest_stories_at(lines: list[Line]) -> int | None:
    """Where the site's latest stories start under a story of two paragraphs or more."""
    paragraphs = 0
    for at, line in enumerate(lines):
        if line.sentence_shaped and line.kind in ("body", "lede"):
            paragraphs += 1
        elif paragraphs >= STORY_PARAGRAPHS and line.words <= MAX_HEADING_WORDS and line.key in _LATEST_HEADINGS:
            return at
    return None


def linked_cuts(lines: list[Line]) -> int:
    """Long lines trimmed with dots right before a "for more" link: a teaser each."""
    return sum(1 for ln in lines if ln.words > MAX_HEADING_WORDS and _cut_with_dots(ln.text[-40:])
               and _LINKED_CUT.search(ln.text[-40:]))


def _cut_with_dots(tail: str) -> bool:
    """The dots every cut of _LINKED_CUT and _CUT_THEN_LINK holds: a tail without them is let
    through without a scan."""
    return "…" in tail or "..." in tail


def glued_links(lines: list[Line]) -> int:
    """Teasers cut with dots whose "for more" link opens the next line, glued to the next
    teaser's headline ("…" then "أكمل القراءة »13 سنة من المعاناة ..."): a listing's flattened
    items (an article's paragraph ends with its own words, never so)."""
    return sum(1 for above, ln in itertools.pairwise(lines)
               if _CUT_END.search(above.text[-3:]) and _LINK_OPENS.match(ln.text))


_CUT_END = re.compile(r"(?:\.\.\.+|…)\s*$")
_LINK_OPENS = re.compile(r"^\W*(?:أكمل القراءة|اكمل القراءة|اقرأ المزيد|اقرا المزيد|إقرأ المزيد|قراءة المزيد|"
                         r"read more|continue reading)\s*[»>›:]*\s*\S", re.IGNORECASE)


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
        if _cut_with_dots(tail) and _CUT_THEN_LINK.search(tail):
            return True
    return False


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
# An explainer written for search engines invites the reader along in its opening paragraphs
# ("دعونا نتعرف إلى ...", "في هذا المقال سنتعرف على ..."): a news item reports, it does not.
_GUIDE_SELF = re.compile(r"هذا\s+الدليل|الدليل\s+الشامل|دليل\s+شامل|دليل\s+عالمي|this\s+guide\b|"
                         r"دعونا\s+نتعرف|(?:في|خلال)\s+(?:هذا|هذه)\s+(?:المقال|المقالة|المقاله|الموضوع)،?\s+"
                         r"(?:سنتعرف|سوف\s+نتعرف|نتعرف|سنتحدث|سوف\s+نتحدث|نستعرض|سنستعرض)", re.IGNORECASE)
GUIDE_LINES = 6


def _may_name_a_guide(text: str) -> bool:
    """Every phrase of _GUIDE_SELF holds "دليل", "نتعرف"/"نتحدث"/"نستعرض" or the d of "guide":
    a paragraph without any of them is let through without a scan."""
    return any(cue in text for cue in ("دليل", "نتعرف", "نتحدث", "نستعرض", "d", "D"))


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


# An author's or an archive's page dates each teaser on a line of its own, under its lede
# ("<headline>", "<cut lede>", "07 اكتوبر 2020", the next headline ...) or between its headline
# and its lede: dates of different days. An article has one dateline under its headline, and
# perhaps a stamp under its last paragraph.
MIN_DATED_ITEMS = 2


def dated_items(lines: list[Line]) -> int:
    """How many date-only lines close a paragraph or stand between a headline and its
    paragraph, when they name two days or more."""
    under_lede: list[str | None] = []
    under_headline: list[str | None] = []
    for at in range(1, len(lines)):
        line, above = lines[at], lines[at - 1]
        below = lines[at + 1] if at + 1 < len(lines) else None
        if line.kind != "dateline" or line.stamp != "date":
            continue
        if above.words >= MIN_PARAGRAPH_WORDS:
            under_lede.append(line.date)
        elif (below is not None and below.words >= MIN_PARAGRAPH_WORDS and above.kind != "dateline"
              and MIN_HEADLINE_WORDS <= above.words):
            under_headline.append(line.date)
    # (one way for every item: an article's dateline under its headline and a stamp under its
    # last paragraph are two ways)
    return max((len(dated) for dated in (under_lede, under_headline) if len(set(dated)) >= MIN_DATED_ITEMS),
               default=0)


MIN_HEADLINE_WORDS = 2


# An error page says so in a short line at its top, under the site's menu at most: "404",
# "الصفحة غير موجودة", "عفواً! تعذر العثور على تلك الصفحة.", "Oops! That page can’t be found."
# (an article may report that something "was not found", in its own sentences).
_ERROR_WORDS = re.compile(r"\b404\b|not found|page not found|الصفح[ةه] غير موجود|الصفح[ةه] المطلوب[ةه] غير|"
                          r"لم يتم العثور|خطأ 404|عذرا،? الصفح|صفحه مورد نظر|"
                          r"الصفح[ةه](?: \S+){0,5} غير (?:موجود|متوفر|متاح)|تعذر العثور على (?:تلك |هذه )?الصفح|"
                          r"لم (?:نتمكن|نستطع) من العثور|can[’']?t be found|cannot be found|could not be found|"
                          r"nothing (?:was )?found|لا يوجد شيء هنا", re.IGNORECASE)
# ... and may go on to say why, and where to go: "الصفحة التي تبحث عنها ...", "ربما تم حذفها",
# "الرابط الذي اتبعته قد يكون معطلاً": a notice, not a story, whatever teasers follow it.
_ERROR_NOTICE = re.compile(r"(?:الصفح[ةه]|الرابط|المحتوى)\s+(?:التي|الذي)\s+(?:تبحث|تحاول|طلبت|اتبعت)|"
                           r"ربما\s+(?:تم|قد\s+تم)\s+(?:حذف|نقل|تغيير)|قد\s+تكون\s+(?:الصفح[ةه]\s+)?(?:قد\s+)?"
                           r"(?:حذفت|نقلت|أزيلت)|page\s+you\s+(?:are\s+|were\s+)?(?:looking|requested)|"
                           r"(?:doesn[’']t|does not|no longer)\s+exist", re.IGNORECASE)
ERROR_LINES = 8
MAX_ERROR_LINE_WORDS = 15
MAX_NOTICE_WORDS = 25


@dataclass(frozen=True)
class ErrorCues:
    says_error: bool  # a short line at the top says the page is missing
    notice: bool  # ... and one says why or where to go instead


def error_cues(title: str | None, lines: list[Line]) -> ErrorCues:
    """What the page's first lines (`lines`: its content lines) and its `title` say of a missing page."""
    head = lines[:ERROR_LINES]
    text = f"{title or ''} {' '.join(ln.text for ln in head if ln.words <= MAX_ERROR_LINE_WORDS)}"
    says = bool(_ERROR_WORDS.search(text))
    return ErrorCues(says, says and any(ln.words <= MAX_NOTICE_WORDS and _ERROR_NOTICE.search(ln.text) for ln in head))

"""A text dump's headline: the line over its body, its dateline or a breadcrumb that ends
with it; a bulletin's headline that ends with its date."""

from __future__ import annotations

import itertools
import re

from marsad.clean.credits import is_agency_dateline
from marsad.clean.language import ascii_letters, count_runs_up_to
from marsad.clean.lexicon import line_key, masthead_roles, related_headings
from marsad.clean.lines import MIN_BODY_WORDS, Line
from marsad.clean.metadata import dated_name, parse_dateline, strip_site_suffix, tail_kind
from marsad.clean.titles import breadcrumb_headline


def find_title(lines: list[Line], hint_title: str | None) -> Line | None:
    """The headline: the first heading-like line of six words or more above the body (and
    above the page's dateline when there is one), else the longest. Menus and section labels
    are one to three words; a standfirst ends like a sentence."""
    # A run of ticker times ("-", "20:08", ...) may stand above the headline: lines without a
    # letter are never it, nor count in the windows the headline is looked for in.
    # A price table's rows ("17.89 17.79 بنك مصر", "603.00 عيار 21") are neither.
    lines = [ln for ln in lines if ln.kind == "dateline" or (_LETTER.search(ln.text) and not _TABLE_ROW.match(ln.text))]
    if hint_title:
        key = line_key(hint_title)
        size = len(hint_title.split())
        for line in lines[:12]:
            if line.words <= size + 8 and line_key(strip_site_suffix(line.text)) == key:
                return line
        return None
    arabic_page = _mostly_arabic(lines)
    # On a page written without full stops, a line that "وقال ..." or "وأشار ..." continues is the
    # story's first paragraph, whatever its length, and such a line is prose itself. (Under a
    # headline, an excerpt that starts mid-story may open with "وأوضحت ..." too, punctuated.)
    unpunctuated = written_without_full_stops(lines)
    crumbed = (_printed_thrice(lines) or _headline_of_breadcrumb(lines) or _dated_headline(lines)
               or _headline_over_its_caption(lines, arabic_page))
    if crumbed is not None:
        return crumbed
    over_dateline = _headline_over_dateline(lines, arabic_page)
    if over_dateline is not None:
        return over_dateline
    candidates: list[Line] = []
    # One bulleted line is the headline's own mark (a menu or a list of tags bullets several).
    listed = sum(1 for ln in lines[:PARAGRAPH_SEARCH_LINES] if _BULLETED.match(ln.text)) >= 2
    widgets = related_headings()
    top = lines[:12]
    continued = {id(ln) for ln, below in itertools.pairwise(lines[:13]) if unpunctuated and below.continues_prose}
    bar: Line | None = None
    over_bar: list[Line] = []
    for previous, line in zip([None, *top], top, strict=False):  # (each line with the one above it)
        if line.kind == "dateline":
            if any(c.words >= MIN_OVER_DATE_WORDS for c in candidates):
                break  # the headline sits above the dateline; below it come captions
            # (above it only a site's name or a menu's words: a date bar, the headline under it)
            if line.stamp == "date" and bar is None and candidates:
                bar, over_bar = line, list(candidates)
            continue
        if (line.kind != "body" or id(line) in continued or (unpunctuated and line.continues_prose)
                or not _can_be_title(line.text, arabic_page, listed)):
            continue
        if previous is not None and previous.words <= MAX_WIDGET_HEADING_WORDS and previous.key in widgets:
            continue  # the first item of a "most read" or "trending" box
        if _cut_copy(lines, line):
            continue  # the page's description: its lede cut mid-word, over the masthead and the headline
        if line.words >= MIN_BODY_WORDS and line.ends_sentence:
            # (above it only lines too short for a headline: a masthead's "رئيس التحرير", a name)
            if not any(c.words >= FIRST_HEADLINE_WORDS for c in candidates) and (
                    _headline_over_body(lines, line) or _printed_twice(lines, line)):
                candidates.append(line)
            break  # the body has started
        if 2 <= line.words <= 30 or _clauses_headline(line):
            candidates.append(line)
            if bar is not None and line.words <= MAX_HEADLINE_WORDS and not line.text.endswith(".") and (
                    line.words >= FIRST_HEADLINE_WORDS
                    or (line.words >= MIN_OVER_DATE_WORDS and previous is bar
                        and top.index(bar) >= MIN_MENU_ABOVE_BAR)):
                # under the bar: a headline's length (not a standfirst), or a shorter line right under a
                # bar that a site's menu tops
                return line
    if bar is not None and not any(c.words >= FIRST_HEADLINE_WORDS and not c.text.endswith(".")
                                   for c in candidates[len(over_bar):]):
        candidates = over_bar  # (no headline under the bar, only a standfirst: as if the bar ended the head)
    if not candidates:
        return (_title_repeated_in_lede(lines) or _headline_over_first_paragraph(lines, arabic_page, unpunctuated)
                or _headline_over_report_credit(lines))
    # A subtitle or a caption under the headline is often longer than it: the first line of a
    # headline's length wins (masthead names and section labels are shorter).
    first = next((ln for ln in candidates if ln.words >= FIRST_HEADLINE_WORDS and not _STATEMENT_END(ln.text)), None)
    # (none such among the top lines, only menu words and widgets: the headline may stand lower, over the body)
    first = first or _headline_over_first_paragraph(lines, arabic_page, unpunctuated)
    return first or max(candidates, key=lambda ln: (min(ln.words, 30) if ln.words >= 3 else 0, -ln.index))


MAX_WIDGET_HEADING_WORDS = 5
MIN_OVER_DATE_WORDS = 3  # a line of two words over the first dateline is a site's name or a menu item
MIN_MENU_ABOVE_BAR = 3  # lines over a date bar that make them a menu (one is a column's title or a site's name)
MAX_OVER_DATE_PARAGRAPHS = 3  # paragraphs over a dateline that make it the text's closing date


def written_without_full_stops(lines: list[Line]) -> bool:
    """No line among the page's first ends like a sentence: a story typed without full stops.
    (A label's colon is no full stop: a blog's "ليست هناك تعليقات:" under such a story.)"""
    return not any(ln.ends_sentence and ln.words >= MIN_BODY_WORDS for ln in lines[:PARAGRAPH_SEARCH_LINES])


# Below a long menu or a weather-and-currency bar, a dump's headline stands over its first
# paragraph, a few lines up (an image's file name, a place-and-agency line between).
PARAGRAPH_SEARCH_LINES = 40


def _headline_over_first_paragraph(lines: list[Line], arabic_page: bool, unpunctuated: bool) -> Line | None:
    """The first headline-length line among the few left in play right above the page's
    first paragraph (`unpunctuated`: `written_without_full_stops(lines)`)."""
    at = next((i for i, ln in enumerate(lines[:PARAGRAPH_SEARCH_LINES]) if ln.kind == "body" and ln.sentence_shaped),
              None)
    if at is None:
        return None
    above = [ln for ln in lines[:at] if ln.kind == "body"][-HEADLINE_BODY_GAP:]
    if lines[at].continues_prose and above and above[-1] is lines[at - 1] and unpunctuated:
        above = above[:-1]  # ("وقال ..." continues the line above it: the story's first paragraph)
    return next((ln for ln in above if FIRST_HEADLINE_WORDS <= ln.words <= MAX_HEADLINE_WORDS
                 and not _STATEMENT_END(ln.text) and _can_be_title(ln.text, arabic_page)), None)


# A breadcrumb may stand below a long menu.
BREADCRUMB_SEARCH_LINES = 30
# How far below a breadcrumb the headline it ends with may stand (a "more" link, a caption).
CRUMB_TO_HEADLINE_LINES = 4


def _headline_of_breadcrumb(lines: list[Line]) -> Line | None:
    """A breadcrumb ("الصفحة الرئيسية - القضية الفلسطينية - <headline>") ends with the page's
    headline: the line below that repeats it is the title, else the breadcrumb line itself
    (its crumbs are cut from the title afterwards)."""
    for at, line in enumerate(lines[:BREADCRUMB_SEARCH_LINES]):
        if line.kind not in ("body", "furniture") or not line.words >= 3:
            continue
        last_crumb = breadcrumb_headline(line.text)
        if last_crumb is None:
            crumbs = _crumbs_over_headline(line, lines[at + 1] if at + 1 < len(lines) else None)
            if crumbs is not None:
                return crumbs
            continue
        key = line_key(last_crumb)
        below = lines[at + 1:at + 1 + CRUMB_TO_HEADLINE_LINES]
        return next((ln for ln in below if ln.key == key), line if len(key.split()) >= 3 else None)
    return None


# A breadcrumb's words without separators ("Home News", "الرئيسية أخبار محلية").
MAX_BARE_CRUMB_WORDS = 3


def _crumbs_over_headline(line: Line, below: Line | None) -> Line | None:
    """A breadcrumb printed without separators ("Home News <headline>") over the headline alone:
    the line below, which the crumb line ends with, is the title."""
    if below is None or below.kind != "body" or below.words < 3 or not line.key.endswith(" " + below.key):
        return None
    return below if line.words - below.words <= MAX_BARE_CRUMB_WORDS else None


# A photo credit added to the headline to caption the picture under it ("ح.م", "(أرشيفية)").
MAX_CREDIT_WORDS = 3


def _headline_over_its_caption(lines: list[Line], arabic_page: bool) -> Line | None:
    """The line that the next one repeats with a photo credit after it ("لهذا أحسد التوانسة !"
    then "لهذا أحسد التوانسة ! ح.م"): the picture under the headline is captioned with it. Not
    when a line of a headline's length stands above (a short alt text under the headline)."""
    for line, below in itertools.pairwise(lines[:13]):
        if line.kind != "body":
            continue
        if (3 <= line.words <= MAX_HEADLINE_WORDS and 0 < below.words - line.words <= MAX_CREDIT_WORDS
                and below.key.startswith(line.key + " ") and _can_be_title(line.text, arabic_page)):
            return line
        if line.words >= FIRST_HEADLINE_WORDS and _can_be_title(line.text, arabic_page):
            return None
    return None


def _dated_headline(lines: list[Line]) -> Line | None:
    """A bulletin's or digest's headline that ends with its date ("موجز الصحافة – 7 يناير
    2026") opening the page: read as a dateline, it is the title (and its date the page's)."""
    first = next((ln for ln in lines[:3] if ln.kind not in ("furniture", "repeated")), None)
    if first is not None and first.kind == "dateline" and dated_name(first.text):
        return first
    return None


MAX_NAME_WORDS = 3  # a writer's name
_HAS_DIGIT = re.compile(r"[0-9٠-٩]")
# How far down a dump its own dateline may stand (below a welcome line, menus, a caption).
DATELINE_SEARCH_LINES = 15


def _headline_over_dateline(lines: list[Line], arabic_page: bool) -> Line | None:
    """The heading-like line right above the page's first dateline (labels such as "نشر :"
    in between): a welcome sentence, an about blurb or a caption above it is not the title."""
    # (a menu's bulleted items do not count in the window; a dateline on the page's first line
    # is its today bar, with no headline above it: the page's own dateline comes further down)
    head = [ln for ln in lines if not ln.chrome and not _BULLETED.match(ln.text)][:DATELINE_SEARCH_LINES]
    datelines = [ln for ln in head if ln.kind == "dateline"]
    if datelines and datelines[0] is lines[0]:
        # (the next one only while the page's header lasts: no paragraph above it)
        first_paragraph = next((ln.index for ln in lines if ln.kind == "body" and ln.sentence_shaped), None)
        datelines = [ln for ln in datelines[1:] if first_paragraph is None or ln.index < first_paragraph]
    dateline = datelines[0] if datelines else None
    if dateline is None or dateline.stamp != "date":
        return None
    at = lines.index(dateline) - 1  # (a statement's signature date, under its paragraphs, is no header's)
    if sum(1 for ln in lines[:at] if ln.kind == "body" and ln.sentence_shaped) >= MAX_OVER_DATE_PARAGRAPHS:
        return None
    while at >= 0 and lines[at].words <= 2 and lines[at].kind in ("body", "furniture"):
        if _two_word_headline(lines, at):
            break
        at -= 1  # "نشر :", "كتب"
    if at < 0:
        return None
    if _CONTINUES.match(lines[at].text) and at > 0:
        at -= 1  # ".. <deck>" goes on from the headline above it
    line = lines[at]
    if (line.kind == "body" and (3 <= line.words or _two_word_headline(lines, at)) and line.words <= MAX_HEADLINE_WORDS
            and not line.text.endswith(".") and _can_be_title(line.text, arabic_page)):
        return line
    return None


def _two_word_headline(lines: list[Line], at: int) -> bool:
    """A column's two-word headline over its date, under the writer's name at the top ("> مقالات",
    a name, "برنامج حواري", the date): the line above it is a name, with at most a section word
    over it. Under a longer line (the headline, its deck), a short line over the date is the byline."""
    if at < 1 or lines[at].words != 2 or lines[at].kind != "body" or _STATEMENT_END(lines[at].text):
        return False
    name, top = lines[at - 1], lines[at - 2] if at >= 2 else None
    return (name.kind == "body" and name.words <= MAX_NAME_WORDS and not _HAS_DIGIT.search(name.text)
            and not _STATEMENT_END(name.text) and not _CONTINUES.match(name.text)
            and name.key.split(" ", 1)[0] not in masthead_roles()[1]  # ("رئيس مجلس الوزراء" is a post)
            and (top is None or top.words <= 2)
            # (a fourth short line over them: a site menu's items, one or two words each)
            and not (at >= 3 and lines[at - 3].words <= 2 and lines[at - 3].kind in ("body", "furniture")))


# A headline is at most this many words: the longest of the labelled real pages' has 22.
# The first line of at least FIRST_HEADLINE_WORDS over the body is the headline (chosen on the
# training part of the labelled pages: 5 to 7 all give 31/31 there, 29/31 for the longest line).
FIRST_HEADLINE_WORDS = 6
# A line ending so is a statement or a label ("قال لـ«صدى البلد» :", "اضغط هنا."), not a headline.
_STATEMENT_END = re.compile(r"[.:،]\s*$").search
MAX_HEADLINE_WORDS = 24


HEADLINE_BODY_GAP = 3
# A headline of several clauses joined by ".." ("تقليص العمالة أكبر تحديات الصحافة..مستقبل
# الخريجين كارثي..") may run past 30 words; a paragraph does not read so.
_CLAUSE_JOIN = re.compile(r"(?<!\.)\.\.(?!\.)")
_TWO_DOTS_END = re.compile(r"(?<!\.)\.\.$")
MIN_JOINED_CLAUSES = 3
MAX_CLAUSES_HEADLINE_WORDS = 45


def _clauses_headline(line: Line) -> bool:
    return (line.words <= MAX_CLAUSES_HEADLINE_WORDS and not line.ends_sentence
            and len(_CLAUSE_JOIN.findall(line.text)) + 1 >= MIN_JOINED_CLAUSES)


def _headline_over_body(lines: list[Line], line: Line) -> bool:
    """The first line of a dump, ending in "!", "؟" or a quote rather than a full stop, with
    a paragraph right below it, is the headline ("فيديو ... يثير ضجة!")."""
    text = line.text.rstrip()
    # (".." closes many an Arabic headline, "السفيرة.."; one stop or three close a sentence)
    if line.words > MAX_HEADLINE_WORDS or (text.endswith((".", ":", "،")) and not _TWO_DOTS_END.search(text)):
        return False
    # A credit line, the site's logo letters or a copy of the headline may sit between.
    after = [ln for ln in lines if ln.index > line.index and ln.kind == "body"][:HEADLINE_BODY_GAP]
    return any(ln.sentence_shaped and ln.words > line.words for ln in after)


def _headline_over_report_credit(lines: list[Line]) -> Line | None:
    """The line of a headline's length right above a Persian report's opening credit ("به گزارش ...")."""
    at = next((i for i, ln in enumerate(lines[:PARAGRAPH_SEARCH_LINES]) if _REPORT_CREDIT.match(ln.text)), 0)
    return next((ln for ln in lines[at - 1:at] if ln.kind == "body" and 2 <= ln.words <= MAX_HEADLINE_WORDS
                 and not ln.text.rstrip().endswith((".", ":", "،"))), None) if at else None


def _cut_copy(lines: list[Line], line: Line) -> bool:
    """A long line a later one runs on from mid-word ("... قرشا وث" over "... قرشا، وثبتت ..."): a
    description cut to its length, not a headline (one repeated whole ends a word)."""
    return line.words >= FIRST_HEADLINE_WORDS and any(
        later.key.startswith(line.key) and later.key[len(line.key):len(line.key) + 1] not in ("", " ")
        for later in lines[line.index + 1:] if later.index <= line.index + PARAGRAPH_SEARCH_LINES)


def _printed_twice(lines: list[Line], line: Line) -> bool:
    """A headline's length of words that the next line repeats: a headline printed twice
    (over its picture and over the text), even when it ends with a full stop; a paragraph
    is not printed twice."""
    at = lines.index(line)
    return (line.words <= MAX_HEADLINE_WORDS and at + 1 < len(lines) and lines[at + 1].key == line.key)


# Where a headline printed three times (over its picture, in a print bar, over the text) may stand.
THRICE_SEARCH_LINES = 30  # (under a weather widget of a dozen lines too)


def _printed_thrice(lines: list[Line]) -> Line | None:
    """A headline's length of words printed three times in a row near the top: the headline,
    over any slogan or site name above it (no paragraph, site name or menu item is printed so;
    a standfirst printed over and under its picture comes back apart, not in a row)."""
    top = lines[:THRICE_SEARCH_LINES]
    return next((ln for ln, second, third in zip(top, top[1:], top[2:], strict=False)
                 if ln.kind == "body" and FIRST_HEADLINE_WORDS <= ln.words <= MAX_HEADLINE_WORDS
                 and ln.key == second.key == third.key), None)


def _title_repeated_in_lede(lines: list[Line]) -> Line | None:
    """A dump whose first paragraph starts with the headline ("موعد المباراة .. تتجه أنظار")
    and that repeats the headline alone a few lines below: that short line is the title."""
    first = next((ln for ln in lines[:6] if ln.kind == "body" and ln.sentence_shaped), None)
    if first is None:
        return None
    first_key = line_key(first.text[:MAX_HEADLINE_WORDS * 12])  # the headline's length is enough
    for line in lines[:12]:
        if line is not first and line.kind == "body" and 3 <= line.words <= MAX_HEADLINE_WORDS:
            if first_key.startswith(line.key + " "):
                return line
    return None


_LETTER = re.compile(r"[^\W\d_]")
# A table's row opens with two figures, or with a price to the hundredth.
_TABLE_ROW = re.compile(r"^\s*(?:[0-9٠-٩]+(?:[.,][0-9٠-٩]+)?\s+[0-9٠-٩]+(?:[.,][0-9٠-٩]+)?|[0-9٠-٩]+[.,][0-9٠-٩]{2})\s")
# Arabic letters, read as runs (one match a word, not one string a letter; see language.py).
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3][\u0621-\u064a\u0671-\u06d3]*")
# Not a headline: a URL, a clock time ("10:30 | ..."), a "field: value" line of a feed dump.
# A bulleted line is an item of a list or a menu.
_NOT_TITLE = re.compile(r"https?://|www\.|\b\d{1,2}:\d{2}\b|^[A-Za-z]+\s*:\s")
_BULLETED = re.compile(r"^[•·▪●◦■]")
# The site's own title bar: its name, then taglines ("مجلة <name> – مجلة عربية محكمة – زوروا موقعنا").
_BAR_SEPARATOR = re.compile(r"\s+[-–—|]\s+")
MIN_BAR_SEGMENTS = 3
# A line that starts with ".." or "…" goes on from the one above (a deck under its headline).
_CONTINUES = re.compile(r"^\s*(?:\.\.|…)")
_REPORT_CREDIT = re.compile(r"^\s*به\s+گزارش\s")  # a Persian report's first words: "according to <agency>"
_KEYWORD_COMMA = re.compile(r"[^\W\d_][,،](?=[^\W\d_])")  # keywords run together: "مصر,السولار,البنزين"


# The page's script shows in its first few thousand characters.
SCRIPT_SAMPLE_CHARS = 3000


def _mostly_arabic(lines: list[Line]) -> bool:
    sample = " ".join(ln.text for ln in lines[:40])[:SCRIPT_SAMPLE_CHARS]
    return _arabic_at_least_latin(sample)


def _arabic_at_least_latin(text: str) -> bool:
    """As many Arabic letters as Latin ones or more (the Arabic letters are counted only up to
    the Latin ones' number: on an Arabic line, none at all)."""
    latin = ascii_letters(text)
    return count_runs_up_to(_ARABIC_LETTERS, text, latin) >= latin


def _can_be_title(text: str, arabic_page: bool, listed: bool = True) -> bool:
    """A headline is written in the page's script: an English line on an Arabic page is
    a site's banner or a translated teaser, not the article's title. `listed`: the page's
    bulleted lines are items of a list or a menu."""
    # (a colon stands in all but "www.": most lines are let through without a scan)
    if ("www." in text or (":" in text and _NOT_TITLE.search(text)) or _CONTINUES.match(text)
            or (listed and _BULLETED.match(text)) or _site_bar(text) or is_agency_dateline(text)
            or (("," in text or "،" in text) and len(_KEYWORD_COMMA.findall(text)) >= 3)):
        return False
    return _arabic_at_least_latin(text) == arabic_page


def _site_bar(text: str) -> bool:
    """The site's name and taglines, not a headline: three segments or more, the first naming
    an outlet (a headline's own site name stands after it)."""
    if " - " not in text and " – " not in text and " | " not in text and " — " not in text:
        return False
    parts = _BAR_SEPARATOR.split(text)
    return len(parts) >= MIN_BAR_SEGMENTS and tail_kind(parts[0]) == "outlet"


_TRAILING_DATE = re.compile(r"(?:^|[\s|])([0-9٠-٩]{1,2}[-/.][0-9٠-٩]{1,2}[-/.][0-9٠-٩]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})"
                            r"\s*$")


def title_date(title: str) -> str | None:
    """A date that ends the headline line ("نشرة المساء 1-11-2025", "تقرير الأسبوع | 20 تشرين
    الثاني 2025"): the page's date when no dateline states one."""
    parts = [p for p in re.split(r"\s*[|｜]\s*", title) if p.strip()]
    if len(parts) > 1 and parse_dateline(parts[-1]).date:
        return parse_dateline(parts[-1]).date
    named = dated_name(title)  # "موجز الصحافة – 7 يناير 2026"
    if named:
        return named
    m = _TRAILING_DATE.search(title)
    return parse_dateline(m.group(1)).date if m else None

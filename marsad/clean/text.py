"""Plain-text page dumps: separate the article from the site furniture around it.

A line classifier built on features that hold on pages never seen before — the
furniture lexicon is one feature among several: sentence shape (length, final
punctuation), position (header zone before the body, footer zone after it), captions
(photo credits in parentheses), datelines, credit blocks, and lines that repeat across
pages of the same site. Hand-written: trafilatura and its peers work on HTML trees, and a
text dump has lost the tree.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from marsad.clean.credits import (
    agencies_credited_in,
    agency_dateline_credits,
    credit_header,
    is_caption,
    looks_like_credit_list,
    split_credits,
)
from marsad.clean.dates import states_both_calendars
from marsad.clean.headlines import find_title, title_date, written_without_full_stops
from marsad.clean.lexicon import line_key, masthead_roles, neighbour_links
from marsad.clean.lines import MAX_DATELINE_WORDS, Line, split_lines
from marsad.clean.listing_cues import latest_stories_at
from marsad.clean.metadata import loose_date, parse_dateline, site_name_from_title, split_own_name, strip_site_suffix

# A byline or a photo/editing credit: "كتب: أحمد علي", "بقلم - سارة محمود", "By John Smith".
_BYLINE = re.compile(r"^\s*(?:كتب|كتبت|الكاتبة?|بقلم|تحرير|إعداد|اعداد|تصوير|تقرير|مراسل|By|Written by)\s*[:：\-–]\s*\S"
                     r"|^\s*(?-i:By\s+[A-Z][a-z]+)", re.IGNORECASE)
# A header the crawler or the server wrote into the dump ("Date: Sun, 06 Dec 2026 03:53:18 GMT",
# "Last-Modified: ..."): the day of the crawl, never the page's date.
_CRAWL_HEADER = re.compile(r"^\s*(?:Date|Last-Modified|Expires|WARC-Date|Fetched|Crawled|Retrieved)\s*:\s*\S",
                           re.IGNORECASE)
# A news item's number alone on its line, over the headline ("کد خبر ۹۲۴۲۰۱", "کد ۹۲۴۲۰۱", "رقم الخبر: 1234");
# under a listing's teaser the number comes with its date, and that line is left to the listing cues.
_ITEM_NUMBER = re.compile(r"^\s*(?:کد|كد|رقم)(?:\s+(?:خبر|الخبر))?\s*[:：]?\s*[0-9۰-۹٠-٩]+\s*$")
# A site's search box label in the page's head ("إبحــث في <site>", "Search in <site>"); under a
# paragraph the same words are a tip's subheading ("- ابحث في التاريخ").
_SEARCH_LABEL = re.compile(r"^(?:ابحث|بحث|search) (?:في|in) \S+(?: \S+)?$", re.IGNORECASE)
# An embedded post's signature ("— name (@handle) August 22, 2025"): the post's date, not the page's.
_EMBED_SIGNATURE = re.compile(r"^\s*[—–-]+\s*.{0,60}\(@\w+\)\s*\S.{0,30}\d{4}\s*$")
# A name with a role fits in six words; a longer line starting with "كتب" is a sentence.
MAX_BYLINE_WORDS = 6

# How far below the title a dateline may sit and still be the page's own date.
DATELINE_WINDOW = 6


@dataclass
class CleanText:
    text: str
    title: str | None
    published: str | None
    credits: list[str]
    removed: list[str]
    lede: str | None = None
    site_name: str | None = None  # from a title suffix ("... | صحيفة الرافدين")
    body_lines: int = 0
    body_words: int = 0
    short_lines: int = 0
    date_over_title: str | None = None  # a dateline right above the headline: a blog's date header or a today bar
    signed_date: str | None = None  # the one date of the page, under the signature that closes a statement
    notes: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # every line of the page, classified


def clean_text_page(content: str, repeated: frozenset[str] = frozenset(), hint_title: str | None = None,
                    lines: list[Line] | None = None) -> CleanText:
    """Clean one plain-text dump. `repeated`: line keys seen on other pages of the site; `lines`: its split_lines."""
    lines = split_lines(content) if lines is None else lines
    _classify_lines(lines, repeated)
    _mark_widget_after_story(lines)
    title_line = find_title(lines, hint_title)
    title = strip_site_suffix(title_line.text) if title_line else hint_title
    first_body = _first_body_index(lines, 0)
    if title_line and first_body is not None and title_line.index > lines[first_body].index:
        # The headline repeated below a lede that starts with it: the page has no header zone.
        title_line.kind, title_line = "title_copy", None
    if title_line:
        title_line.kind = "title"
        _mark_title_copies(lines, title_line, title or "")
    credits = _mark_credit_blocks(lines)
    published = _mark_header(lines, title_line) or (title_date(title_line.text) if title_line else None)
    _mark_footer(lines)
    has_paragraph = any(ln.kind in ("body", "lede") and ln.sentence_shaped for ln in lines)
    if title_line and not has_paragraph and not hint_title:
        # A listing, ticker or feed dump: its longest headline is one of many, not its title.
        title_line.kind, title, title_line = "furniture", None, None

    kept = [ln for ln in lines if ln.kind in ("body", "heading", "lede")]
    removed = [ln.text for ln in lines if ln.kind not in ("body", "heading", "lede", "title")]
    text = "\n\n".join(ln.text for ln in kept)
    # (the key of the lines joined is their keys joined: the lines keep theirs for later cues)
    for agency in agencies_credited_in(text, " ".join(key for ln in kept if (key := ln.key))):
        if agency not in credits:
            credits.append(agency)
    site_name = site_name_from_title(title_line.text) if title_line else None
    title = title if title_line or hint_title else next((strip_site_suffix(ln.text) for ln in lines
                                                          if ln.kind == "title_copy"), None)
    if title and not hint_title and site_name is None:
        title, site_name = split_own_name(title, [ln.text for ln in lines if ln.kind in ("credit", "furniture")])
    return CleanText(
        text=text, title=title, published=published, credits=credits, removed=removed,
        lede=next((ln.text for ln in lines if ln.kind == "lede"), None), site_name=site_name,
        body_lines=sum(1 for ln in kept if ln.sentence_shaped), body_words=sum(ln.words for ln in kept),
        short_lines=sum(1 for ln in kept if not ln.sentence_shaped), lines=lines,
        date_over_title=_date_over_title(lines, title_line), signed_date=_signed_date(lines),
    )


MAX_SIGNATURE_WORDS = 6  # "المكتب الإعلامي لرئيس مجلس الوزراء", a spokesman's name and post


def _signed_date(lines: list[Line]) -> str | None:
    """A statement closed by who issued it and the day ("المكتب الإعلامي ...", "9-آذار-2024"):
    the page's only dateline, right under a short signature line under the last paragraph."""
    datelines = [ln for ln in lines if ln.kind == "dateline"]
    last = max((i for i, ln in enumerate(lines) if ln.kind in ("body", "lede") and ln.sentence_shaped), default=None)
    if len(datelines) != 1 or datelines[0].stamp != "date" or last is None or last + 2 >= len(lines):
        return None
    signature, dateline = lines[last + 1], lines[last + 2]
    return dateline.date if (dateline is datelines[0] and signature.words <= MAX_SIGNATURE_WORDS
                             and not signature.sentence_shaped and signature.kind != "dateline") else None


def _date_over_title(lines: list[Line], title_line: Line | None) -> str | None:
    """The date of the dateline right above the headline: a blog's date header, or a theme's
    today bar (which of the two, the page's address may tell)."""
    at = lines.index(title_line) if title_line else 0
    above = lines[at - 1] if at else None
    return above.date if above is not None and above.kind == "dateline" and above.stamp == "date" else None


def _classify_lines(lines: list[Line], repeated: frozenset[str]) -> None:
    """First pass, one line at a time: furniture phrases, lines repeated across the site,
    captions, bylines and datelines. Position-dependent decisions come after the title."""
    menu = _bulleted_items(lines)
    told = False  # (a paragraph above: the page's head is over)
    for line in lines:
        told = told or line.sentence_shaped
        head_label = not told and line.words <= 4 and bool(_SEARCH_LABEL.match(line.key))
        if (line.is_furniture_phrase or head_label or _CRAWL_HEADER.match(line.text) or _ITEM_NUMBER.match(line.text)
                or _EMBED_SIGNATURE.match(line.text) or _is_masthead(line)):
            line.kind, line.chrome = "furniture", True
        elif menu and not line.sentence_shaped and line.key in menu and not _BULLET.match(line.text):
            line.kind, line.chrome = "furniture", True  # a menu's item printed again without its bullet
        elif repeated and not line.sentence_shaped and line.key in repeated:
            line.kind = "repeated"
        elif is_caption(line.text):
            line.kind = "caption"
        elif _BYLINE.match(line.text) and line.words <= MAX_BYLINE_WORDS:
            line.kind, line.chrome = "furniture", True
        elif line.words <= MAX_DATELINE_WORDS:
            dateline = parse_dateline(line.text)
            if dateline.date:
                line.kind, line.date, line.stamp = "dateline", dateline.date, dateline.kind
    _mark_neighbour_links(lines)
    _mark_writer_posts(lines)


# A writer's post under the byline ("مدير مشروع <name of the project>") is a few words.
MAX_POST_WORDS = 8


def _mark_writer_posts(lines: list[Line]) -> None:
    """The line under a byline that starts with a role's word ("مدير", "رئيس") is the
    writer's post, not a headline."""
    _roles, heads = masthead_roles()
    for byline, below in itertools.pairwise(lines):
        if (below.kind == "body" and below.words <= MAX_POST_WORDS and not below.sentence_shaped
                and byline.chrome and _BYLINE.match(byline.text) and below.key.split(" ", 1)[0] in heads):
            below.kind, below.chrome = "furniture", True


def _mark_widget_after_story(lines: list[Line]) -> None:
    """Under a story's paragraphs, the heading of the site's latest stories ("أحدث الأخبار") and
    everything below it (their headlines, ledes and dates) are the site's widget, not the page."""
    at = latest_stories_at(lines)
    for below in lines[at:] if at is not None else ():
        below.kind = "furniture"


# A masthead line names a role or two and the people in them; a headline is longer than this.
MAX_MASTHEAD_WORDS = 16


def _is_masthead(line: Line) -> bool:
    """A line of the site's masthead: two roles or more ("جريدة النهار رئيس مجلس الإدارة ورئيس
    التحرير<name>"), a role glued to its holder's name ("رئيس التحريرمحمود"), or a line that
    starts with a role's word and ends with a role ("رئيس حزب الوفد ورئيس مجلس الإدارة")."""
    if line.words > MAX_MASTHEAD_WORDS or line.sentence_shaped:
        return False
    roles, heads = masthead_roles()
    key = line.key
    found = list(roles.finditer(key))
    if not found:
        return False
    if len(found) >= 2 or any(m.end() < len(key) and key[m.end()] != " " for m in found):
        return True
    return found[-1].end() == len(key) and key.split(" ", 1)[0] in heads


# Under a "previous article" label: the neighbour's headline, then its date (or an excerpt line).
NEIGHBOUR_LINES = 2


def _mark_neighbour_links(lines: list[Line]) -> None:
    """The label of a link to the previous or next article and the lines under it (that
    article's headline and date) are furniture: neither is this page's."""
    labels = neighbour_links()
    for i, line in enumerate(lines):
        if line.words > 3 or line.key not in labels:
            continue
        for linked in [line, *lines[i + 1:i + 1 + NEIGHBOUR_LINES]]:
            if linked.sentence_shaped or (linked is not line and linked.key in labels):
                break
            linked.kind, linked.chrome = "furniture", True


_BULLET = re.compile(r"^[•·▪●◦■]\s*")


def _bulleted_items(lines: list[Line]) -> frozenset[str]:
    """The keys of a page's bulleted lines: a menu of story tags ("• إسرائيل تغزو لبنان") that
    the page prints again without bullets is not a headline."""
    return frozenset(line_key(_BULLET.sub("", ln.text)) for ln in lines if _BULLET.match(ln.text))


def _mark_title_copies(lines: list[Line], title_line: Line, title: str) -> None:
    key = line_key(title)
    for line in lines:
        if (line is not title_line and line.kind == "body" and line.words <= title_line.words + 8
                and line_key(strip_site_suffix(line.text)) == key):
            line.kind = "title_copy"


def _mark_credit_blocks(lines: list[Line]) -> list[str]:
    """"المصادر:" then "العربي، أ.ف.ب" → credits; both lines leave the text. So does a wire
    dateline ("رويترز، أ.ف.ب (كابول)"): its agencies are the story's credits."""
    credits: list[str] = []
    for i, line in enumerate(lines):
        if line.kind not in ("body", "furniture"):
            continue
        is_header, names = credit_header(line.text)
        if not is_header:
            wire = agency_dateline_credits(line.text)
            if wire:
                line.kind = "credit"
                credits += wire
            continue
        line.kind = "credit"
        credits += names
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if not names and nxt is not None and nxt.kind == "body" and looks_like_credit_list(nxt.text):
            nxt.kind = "credit"
            credits += split_credits(nxt.text)
    return list(dict.fromkeys(credits))


def _first_body_index(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        if lines[i].kind == "body" and lines[i].sentence_shaped and not _is_menu_run(lines[i]):
            return i
    return None


# A menu flattened to one line: short items between dashes or bars ("أخبار عامة - وكالة أنباء
# المرأة - اخبار الأدب والفن - ..."); long enough to pass for a paragraph, but it is none.
_MENU_SEPARATOR = re.compile(r"\s[-|–]\s")
MIN_MENU_ITEMS = 5
MAX_MENU_ITEM_WORDS = 4


def _is_menu_run(line: Line) -> bool:
    if line.ends_sentence or line.text.count(" - ") + line.text.count(" | ") + 1 < MIN_MENU_ITEMS:
        return False
    items = _MENU_SEPARATOR.split(line.text)
    return len(items) >= MIN_MENU_ITEMS and all(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items)


def _mark_header(lines: list[Line], title_line: Line | None) -> str | None:
    """Lines between the title and the body: datelines, captions, a standfirst.

    Returns the publication date: the first dateline within a few lines below the title.
    A date above the title sits in the page's top bar (often the day of the crawl) and
    is page chrome, not the article's date.
    """
    start = lines.index(title_line) + 1 if title_line else 0
    if title_line:
        for line in lines[:start - 1]:
            if line.kind == "body":
                line.kind = "furniture"  # menus and tickers above the title
    published = None
    datelines = [i for i in range(start, min(len(lines), start + DATELINE_WINDOW)) if lines[i].kind == "dateline"]
    if not datelines and title_line:
        # Labelled fields ("الكاتب", "الوقت", "تاريخ النشر") may push the dateline further down:
        # any stamp between the headline and the first paragraph is still the page's own.
        first = _first_body_index(lines, start)
        datelines = [i for i in range(start, first if first is not None else start) if lines[i].kind == "dateline"]
    if datelines:
        # (with no headline found, a stamp in both calendars on top is the site's today bar)
        published = next((lines[i].date for i in datelines if lines[i].stamp == "date"
                          and (title_line or not states_both_calendars(lines[i].text))), None)
    elif title_line and start >= 2 and lines[start - 2].kind == "dateline" and lines[start - 2].stamp == "date" \
            and (_ISSUE_LINE.match(lines[start - 2].text) or not states_both_calendars(lines[start - 2].text)):
        # The dateline right above the headline, none below it; on the page's first line it may
        # be a theme's today bar ("السبت , سبتمبر 30 2023"), unless the first paragraph names that
        # day, or the line is a paper's issue ("العدد 3595 - الثلثاء 10 يوليو 2012م الموافق ...").
        above = lines[start - 2]
        if start >= 3 or _ISSUE_LINE.match(above.text) or _first_paragraph_date(lines, start) == above.date:
            published = above.date
    # The body starts at the first paragraph after the last dateline of the header.
    body_from = _first_body_index(lines, (datelines[-1] + 1) if datelines else start)
    if body_from is None:
        return published
    unpunctuated = written_without_full_stops(lines)
    for line, below in zip(lines[start:body_from], lines[start + 1:body_from + 1], strict=True):
        if line.kind != "body":
            continue
        if line.sentence_shaped or (unpunctuated and below.continues_prose):
            line.kind = "lede"  # a standfirst: a real sentence, kept in the text (or one "وقال ..." continues)
        else:
            line.kind = "caption"  # a short unpunctuated line between title and body
    return published


# A newspaper's issue line: its number, then the day it came out, the page's date.
_ISSUE_LINE = re.compile(r"^\W*(?:العدد|عدد)\s*[:：]?\s*[0-9٠-٩]+\s*[-–|،,]")


def _first_paragraph_date(lines: list[Line], start: int) -> str | None:
    first = _first_body_index(lines, start)
    return loose_date(lines[first].text) if first is not None else None


def _mark_footer(lines: list[Line]) -> None:
    """After the last paragraph: widgets, comment forms and share bars — unless a line is
    itself a (short) sentence."""
    last = max((i for i, ln in enumerate(lines) if ln.kind == "body" and ln.sentence_shaped), default=None)
    if last is None:  # no paragraph at all: keep only lines that are sentences
        for line in lines:
            if line.kind == "body" and not (line.words >= 4 and line.ends_sentence):
                line.kind = "furniture"
        return
    for line in lines[last + 1:]:
        if line.kind == "body":
            short_sentence = line.words >= 4 and line.ends_sentence and not line.text.endswith(":")
            line.kind = "body" if short_sentence else "furniture"
    # Middle lines that are not sentences stay as subheadings.
    for line in lines[:last]:
        if line.kind == "body" and not line.sentence_shaped:
            line.kind = "heading"

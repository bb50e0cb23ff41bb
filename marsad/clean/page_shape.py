"""A page's shape: the features its page type is decided on (page_type.py).

How much of the kept text is sentences of its own, how many short headline lines and "read
more" teasers it shows, how many of its lines carry a date or a clock time, feed markup,
what its address says (/tag/, /author/, /video/), and the cues of pages that are not news
items (forum fields, an essay's headings, a Q&A's labels). Computed for every page, text
dump or HTML, in FEATURES order; the page-type model reads a subset of them, the rules the rest.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from marsad.clean import address_cues as addr
from marsad.clean import listing_cues as cues
from marsad.clean.headline_runs import headline_run_share
from marsad.clean.lexicon import institution_headings
from marsad.clean.lines import NO_TEASERS, Line, read_teasers
from marsad.clean.text import CleanText
from marsad.clean.titles import spells_title

_FEED_MARKERS = re.compile(r"<(?:rss|feed|channel|urlset|rdf:RDF)\b", re.IGNORECASE)
# A feed flattened to text: its items' links and RFC 822 dates ("Wed, 12 Mar 2024 10:00:00 GMT")
# stand on lines of their own.
_RFC822 = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC|[+-]\d{4})"
_FEED_LINE = re.compile(rf"^(?:https?://\S+|{_RFC822}|(?:link|guid|pubDate|title|description)\s*:.*)$")
MIN_FEED_LINES = 3
# ... or run together on one line: the items' RFC 822 dates, which no article prints (nor
# the CDATA sections a feed's titles and texts come in, once its tags are stripped).
_FEED_DATE = re.compile(_RFC822)
# A WordPress feed's own words, which no article prints: the channel's update period before
# its generator ("hourly 1 https://wordpress.org/?v=6.8.3"), an item's "The post … appeared first
# on …", a CDATA section's end; with one RFC 822 date they make a flattened feed of one item.
_FEED_WORDS = re.compile(r"\b(?:hourly|daily|weekly) \d+ https?://wordpress\.org/\?v=|\bappeared first on\b|\]\]>")
# A post's own feed address ("/<post-slug>/feed") whose text has this many paragraphs of its
# own serves the post.
_POST_FEED = re.compile(r"/[^/]*-[^/]*-[^/]*/feed/?$")
MIN_POST_PARAGRAPHS = 2
_READ_MORE_LINK = (r"اقرأ المزيد|اقرا المزيد|إقرأ المزيد|المزيد من|قراءة المزيد|التفاصيل|تابع القراءة|اقرأ التفاصيل|"
                   r"أكمل القراءة|اكمل القراءة|read more|continue reading|more »")
_READ_MORE = re.compile(rf"{_READ_MORE_LINK}|\.\.\.\s*$|…\s*$", re.IGNORECASE)
_TAIL_LINK = re.compile(rf"^\W*(?:{_READ_MORE_LINK})\W*$", re.IGNORECASE)  # the link alone, on the last line
_CLOCK_OR_DATE = re.compile(r"\b\d{1,2}:\d{2}\b|\d{4}[/\-.]\d{1,2}[/\-.]\d{1,2}|\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}|"
                            r"منذ\s+\S+|ago\b", re.IGNORECASE)
# A page headed as a tag, archive or category page ("وسم: العراق", "أرشيف الأخبار").
_LISTING_HEADING = re.compile(r"^\s*(?:وسم|الوسم|وسوم|هاشتاغ|تصنيف|التصنيف|أرشيف|الأرشيف|قسم|Tag|Tags|Archive|Archives|"
                              r"Category|(?:إجمالي\s+|عدد\s+)?نتائج\s+البحث(?:\s+عن)?|Search\s+results(?:\s+for)?)"
                              r"\s*[:：]", re.IGNORECASE)
# A search's results page says so at its top ("إجمالي نتائج البحث: 617", "نتائج البحث عن: ..."),
# and so does a blog's index of posts, Blogger's month, label and search pages ("عرض المشاركات من
# سبتمبر, 2025", "عرض المشاركات ذات التصنيف ...", in another wording "إظهار الرسائل ذات التسميات
# ...", "Showing posts from ...").
_SEARCH_HEADING = re.compile(r"^\s*(?:(?:إجمالي|عدد)\s+)?نتائج\s+البحث|^\s*Search\s+results\b|"
                             r"^\s*(?:عرض|إظهار|اظهار)\s+(?:المشاركات|الرسائل)\s+(?:من|ذات|المطابقة)\b|"
                             r"^\s*Showing\s+posts\b",
                             re.IGNORECASE)
INDEX_HEADING_LINES = 6  # (under a blog's skip link and its "المشاركات" tab)
_HTML_ARTICLE = re.compile(r"<article\b", re.IGNORECASE)
_ARTICLE_META = re.compile(r"og:type[\"']\s+content=[\"']article|\"@type\"\s*:\s*\"(?:News)?Article\"|"
                           r"article:published_time", re.IGNORECASE)
_VIDEO_META = re.compile(r"og:type[\"']\s+content=[\"']video|<video\b|youtube\.com/embed|"
                         r"\"@type\"\s*:\s*\"VideoObject\"", re.IGNORECASE)
# The same, one alternative at a time in the page's head lowercased, each behind a literal it
# holds: an IGNORECASE alternation is tried at every character (8 ms each on a 27 KB page),
# a literal is found at once. Beside their own case, IGNORECASE folds only these characters
# onto ASCII letters (and lower() turns İ into two): a head holding one asks the patterns above.
_ARTICLE_META_PARTS = (("og:type", re.compile(r"og:type[\"']\s+content=[\"']article")),
                       ("article:published_time", None),
                       ('"@type"', re.compile(r"\"@type\"\s*:\s*\"(?:news)?article\"")))
_VIDEO_META_PARTS = (("og:type", re.compile(r"og:type[\"']\s+content=[\"']video")), ("<video", re.compile(r"<video\b")),
                     ("youtube.com/embed", None), ('"@type"', re.compile(r"\"@type\"\s*:\s*\"videoobject\"")))
_FOLDED_ONTO_ASCII = "İıſ\u212a"
HTML_HEAD_CHARS = 60_000

# Lines that are not the page's content wherever they stand (a line called furniture only for
# standing outside the body, a listing's headline, still counts).
_NOT_CONTENT = frozenset(("repeated", "caption", "credit", "dateline", "title", "title_copy"))
_KEPT = frozenset(("body", "heading", "lede"))
FEATURES = (
    "log_body_words", "body_lines", "short_kept_lines", "log_lines", "sentence_share", "headline_share",
    "log_read_more", "dated_share", "feed_markup", "listing_path", "author_path", "video_path", "article_path",
    "root_path", "error_words", "log_html_articles", "article_meta", "video_meta", "log_longest_paragraph",
    "is_html", "body_position", "home_path", "listing_heading", "broadcast_words", "dated_headline",
    "search_heading", "address_spells_title", "institution_headings", "cut_teasers", "even_cuts", "ellipsis_end",
    "forum_address", "story_elsewhere", "headline_run", "essay_heading",
    "qa_labels", "linked_cuts", "ticker_heading", "deep_page", "item_labels", "glued_links",  # (the rules' only)
    "error_notice", "dated_items",
    "unrelated_paragraphs",  # (last: page_shape reads it last, when a model will ask)
)


@dataclass(frozen=True)
class PageShape:
    values: tuple[float, ...]  # in FEATURES order

    def get(self, name: str) -> float:
        """The feature's value; 0 for one the page does not tell (no address)."""
        value = self.values[FEATURES.index(name)]
        return 0.0 if math.isnan(value) else value


def page_shape(lines: list[Line], cleaned: CleanText, content: str, url: str | None, is_html: bool,
               title: str | None, body_position: float = 0.0, titled_record: bool = False) -> PageShape:
    """The features of one page. `lines` are the page's visible lines (all of them, before
    cleaning); `body_position` is where the kept text starts among them (0 top, 1 bottom)."""
    all_lines = lines
    if url and addr.RANDOM_POST.search(url):
        url = None  # a random post's link: the address tells nothing of the page shown
    # Menus, share bars, captions and datelines are on every page: the shape is that of the rest.
    # (a text dump's lines are classified already; an HTML page's visible blocks are not)
    lines = [ln for ln in lines if ln.kind not in _NOT_CONTENT and not ln.chrome
             and not (is_html and ln.is_furniture_phrase)]
    if not is_html:  # (the other stories under an article, "شاهد أيضاً" ..., are not its shape)
        above = cues.before_related_block(all_lines)
        lines = [ln for ln in lines if ln.index <= above[-1].index] if above else lines
    total = max(1, len(lines))
    # (all the lines: a feed's links and dates are read as furniture and datelines)
    feed_lines = 0 if is_html else sum(1 for ln in all_lines if ln.words <= 12 and _FEED_LINE.match(ln.text))
    sentences = sum(1 for ln in lines if ln.sentence_shaped)
    # (a dump's last line that stops mid-sentence is the excerpt's cut, not a headline)
    headed = lines[:-1] if not is_html else lines
    headlines = sum(1 for ln in headed if 4 <= ln.words <= 16 and not ln.ends_sentence)
    # (not the last line: an excerpt cut short ends with "…" without being a teaser)
    read_more = sum(1 for ln in lines[:-1] if ln.words <= 16 and _READ_MORE.search(ln.text))
    # (a link alone on the last line is a teaser's: "أكمل القراءة »" under a listing's last teaser)
    tail_link = bool(lines) and bool(_TAIL_LINK.match(lines[-1].text))
    # (a "read more" link alone on its line is furniture by the lexicon, yet it tells: one under each teaser)
    links = 0 if is_html else sum(1 for ln in all_lines[:-1] if ln.chrome and _TAIL_LINK.match(ln.text))
    glued = 0 if is_html else cues.glued_links(all_lines)
    read_more += tail_link + links + glued + (0 if is_html else cues.linked_cuts(lines))
    dated = sum(1 for ln in lines if ln.words <= 20 and _CLOCK_OR_DATE.search(ln.text))
    teasers = read_teasers(all_lines, lines[:-1] if tail_link else lines) if not is_html else NO_TEASERS
    # (the kept paragraphs are the cleaned lines that stay: counted once, when they were split)
    longest = max((ln.words for ln in cleaned.lines if ln.kind in _KEPT), default=0) if cleaned.text else 0
    path = re.sub(r"/{2,}", "/", unquote(urlsplit(url).path)) if url else ""  # ("//audio_show/39452")
    query = urlsplit(url).query if url else ""
    # "/archives/19471": a section word before an article's own id or slug.
    own_id = bool(addr.OWN_ID.search(path))
    own_item = (own_id or bool(addr.OWN_ID_QUERY.search(query))  # (or "detail.php?categ=5&id=4212")
                or bool(addr.OWN_HASH_ID.search(path)))
    unknown = math.nan  # no address: the model counts the feature at its training mean
    head = content[:4000]
    # An error page says so at its top; an article may report that something "was not found".
    error = cues.error_cues(title, lines)
    forum = not is_html and cues.shows_forum_fields(all_lines)  # (a thread shows it without the address)
    values = (
        math.log1p(cleaned.body_words), min(cleaned.body_lines, 30), min(cleaned.short_lines, 60),
        math.log1p(len(lines)), sentences / total, headlines / total, math.log1p(read_more), dated / total,
        # (a feed's address that serves a post's own paragraphs, "/<post>/feed", is that post)
        float(bool(_FEED_MARKERS.search(head))
              or (bool(addr.FEED_PATH.search(path)) and not (_POST_FEED.search(path)
                                                         and cleaned.body_lines >= MIN_POST_PARAGRAPHS))
              or (feed_lines >= MIN_FEED_LINES and feed_lines >= 0.2 * len(all_lines))
              or (not is_html and (len(_FEED_DATE.findall(head)) >= MIN_FEED_LINES
                                   or head.count("<![CDATA[") >= MIN_FEED_LINES
                                   or (bool(_FEED_DATE.search(head)) and bool(_FEED_WORDS.search(head)))))),
        float(bool(addr.LISTING_PATH.search(path + ("?" + query if query else "")))
              or ((bool(addr.AMBIGUOUS_PATH.search(path)) or bool(addr.PAGING_QUERY.search("?" + query)))
                  and not own_item)) if url else unknown,
        float(bool(addr.AUTHOR_PATH.search(path)) or bool(addr.AUTHOR_QUERY.search(query))) if url else unknown,
        float((bool(addr.VIDEO_PATH.search(path)) and not own_id) or bool(addr.VIDEO_SECTION.match(path))
              or bool(addr.PROGRAMME_PATH.search(path)))
        if url else unknown,
        float(bool(addr.ARTICLE_PATH.search(path))) if url else unknown,
        float(path.strip("/").count("/") == 0 and len(path) < 25) if url else unknown,
        float(error.says_error),
        math.log1p(len(_HTML_ARTICLE.findall(content))) if is_html else 0.0,
        *(_html_meta(content) if is_html else (0.0, 0.0)),
        math.log1p(longest), float(is_html), body_position,
        float(bool(addr.HOME_PATH.match(path)) and not query) if url else unknown,
        float(any(_LISTING_HEADING.match(ln.text) for ln in all_lines[:3]) or cues.hashtag_heading(all_lines)),
        float(cues.says_broadcast(all_lines)),
        float(bool(title) and bool(cleaned.published)),  # a headline with the page's date under it
        float(any(_SEARCH_HEADING.match(ln.text) for ln in all_lines[:INDEX_HEADING_LINES])),
        float(spells_title(path, title)) if url and addr.AUTHOR_PATH.search(path) else 0.0,  # read for author folders
        float(len({ln.key for ln in all_lines if ln.words <= MAX_HEADING_WORDS and ln.key in institution_headings()})),
        float(teasers.cut), float(teasers.even), float(teasers.dots_at_end),
        float(bool(addr.FORUM_PATH.search(path)) or forum) if url or forum else unknown,
        float(cues.story_elsewhere(all_lines) or bool(addr.SHARE_PATH.search(path))),
        0.0 if is_html else headline_run_share(content, len(all_lines)),
        float(not is_html and cues.shows_essay_heading(all_lines)),
        float(not is_html and cues.shows_qa_labels(all_lines)), 0.0 if is_html else float(cues.linked_cuts(all_lines)),
        float(not is_html and cues.ticker_heading(all_lines)), float(bool(addr.DEEP_PAGE.search("?" + query))),
        0.0 if is_html else float(cues.item_labels(all_lines)), float(glued), float(error.notice),
        0.0 if is_html else float(cues.dated_items(all_lines)),
        0.0,  # (cohesion: below)
    )
    # A titled record that reads as a brief is decided before any model (decide_page_type):
    # the paragraphs' cohesion, the dearest feature, is not read for it.
    if is_html or (titled_record and titled_brief(PageShape(values))):
        return PageShape(values)
    together = cues.cohesion([ln for ln in lines if ln.kind in _KEPT])
    return PageShape((*values[:-1], together.unrelated))


def _html_meta(content: str) -> tuple[float, float]:
    """Whether the page's head says it is an article (_ARTICLE_META), and a video (_VIDEO_META)."""
    head = content[:HTML_HEAD_CHARS]
    if any(c in head for c in _FOLDED_ONTO_ASCII):
        return float(bool(_ARTICLE_META.search(head))), float(bool(_VIDEO_META.search(head)))
    lowered = head.lower()
    return float(_holds_part(lowered, _ARTICLE_META_PARTS)), float(_holds_part(lowered, _VIDEO_META_PARTS))


def _holds_part(lowered: str, parts: tuple[tuple[str, re.Pattern[str] | None], ...]) -> bool:
    return any(anchor in lowered and (pattern is None or bool(pattern.search(lowered))) for anchor, pattern in parts)


# An institution's "about" page shows its section headings ("الرؤية", "الرسالة", "سياسة الجودة").
MAX_HEADING_WORDS = 4
MIN_INSTITUTION_HEADINGS = 2


# "Plainly an article" (page_type.py) and a titled brief have few bare headlines.
MAX_PLAIN_HEADLINE_SHARE = 0.3


def told_address(shape: PageShape) -> bool:
    """Whether the page came with its address (without one its address features are NaN)."""
    return not math.isnan(shape.values[FEATURES.index("listing_path")])


def titled_brief(shape: PageShape) -> bool:
    """A record that came with its own title (JSON Lines, the API) and a sentence of its own,
    with nothing of a listing about it (no teasers, no listing heading or address, few bare
    headlines): a news brief as its provider sent it, however short."""
    return (shape.get("body_lines") >= 1 and shape.get("log_read_more") == 0
            and not shape.get("listing_path") and not shape.get("listing_heading")
            and not shape.get("feed_markup") and not shape.get("error_words")
            and shape.get("headline_share") < MAX_PLAIN_HEADLINE_SHARE)

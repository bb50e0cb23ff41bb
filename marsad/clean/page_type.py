"""What a page is: an article, or a listing, ticker, feed, video, author or error page.

Decided from the page's shape, not its topic: how much of the kept text is sentences of
its own, how many short headline lines and "read more" teasers it shows, how many of its
lines carry a date or a clock time, feed markup, and what its address says (/tag/,
/author/, /video/). A small logistic regression over these features, trained by
`scripts/train_page_type.py` on hand-labelled real pages, decides when its file ships
(marsad/models/page_type.json: coefficients, no pickle); rules decide the clear cases
(feed markup, an empty body) and stand in when the model is absent.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from marsad.clean import address_cues as addr
from marsad.clean import listing_cues as cues
from marsad.clean.lexicon import institution_headings
from marsad.clean.lines import NO_TEASERS, Line, read_teasers
from marsad.clean.text import CleanText
from marsad.clean.titles import spells_title
from marsad.model import PageType
from marsad.settings import PACKAGE_DIR

MODEL_FILE = PACKAGE_DIR / "models" / "page_type.json"

# A page whose kept body has fewer words than this is not an article (tickers, stubs,
# menus): two short news sentences make about 25 words; the briefs in the story corpus have 32+.
MIN_ARTICLE_WORDS = 20
# A listing page: many short headline lines and few paragraphs.
LISTING_MIN_SHORT_LINES = 8
# An HTML page whose kept text starts in its last 15% of blocks, and is short, kept only the
# footer (the 12-page set's lost article came out as a 224-character about-blurb: ~35 words).
FOOTER_POSITION = 0.85
MAX_BLURB_WORDS = 80
# Teaser links ("اقرأ المزيد" under each teaser): three or more make a listing's shape.
MIN_READ_MORE = 3

_FEED_MARKERS = re.compile(r"<(?:rss|feed|channel|urlset|rdf:RDF)\b", re.IGNORECASE)
# A feed flattened to text: its items' links and RFC 822 dates ("Wed, 12 Mar 2024 10:00:00 GMT")
# stand on lines of their own.
_FEED_LINE = re.compile(r"^(?:https?://\S+|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}"
                        r"(?::\d{2})? (?:GMT|UTC|[+-]\d{4})|(?:link|guid|pubDate|title|description)\s*:.*)$")
MIN_FEED_LINES = 3
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
# A search's results page says so at its top ("إجمالي نتائج البحث: 617", "نتائج البحث عن: ...").
_SEARCH_HEADING = re.compile(r"^\s*(?:(?:إجمالي|عدد)\s+)?نتائج\s+البحث|^\s*Search\s+results\b", re.IGNORECASE)
_ERROR_WORDS = re.compile(r"\b404\b|not found|page not found|الصفحة غير موجودة|الصفحة المطلوبة غير|"
                          r"لم يتم العثور|خطأ 404|عذرا،? الصفحة|صفحه مورد نظر", re.IGNORECASE)
_HTML_ARTICLE = re.compile(r"<article\b", re.IGNORECASE)
_ARTICLE_META = re.compile(r"og:type[\"']\s+content=[\"']article|\"@type\"\s*:\s*\"(?:News)?Article\"|"
                           r"article:published_time", re.IGNORECASE)
_VIDEO_META = re.compile(r"og:type[\"']\s+content=[\"']video|<video\b|youtube\.com/embed|"
                         r"\"@type\"\s*:\s*\"VideoObject\"", re.IGNORECASE)

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
    # Menus, share bars, captions and datelines are on every page: the shape is that of the rest.
    # (a text dump's lines are classified already; an HTML page's visible blocks are not)
    lines = [ln for ln in lines if ln.kind not in _NOT_CONTENT and not ln.chrome
             and not (is_html and ln.is_furniture_phrase)]
    if not is_html:  # (the other stories under an article, "شاهد أيضاً" ..., are not its shape)
        above = cues.before_related_block(all_lines)
        lines = [ln for ln in lines if ln.index <= above[-1].index] if above else lines
    total = max(1, len(lines))
    feed_lines = 0 if is_html else sum(1 for ln in lines if ln.words <= 12 and _FEED_LINE.match(ln.text))
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
    read_more += tail_link + links + (0 if is_html else cues.linked_cuts(lines))
    dated = sum(1 for ln in lines if ln.words <= 20 and _CLOCK_OR_DATE.search(ln.text))
    teasers = read_teasers(all_lines, lines[:-1] if tail_link else lines) if not is_html else NO_TEASERS
    # (the kept paragraphs are the cleaned lines that stay: counted once, when they were split)
    longest = max((ln.words for ln in cleaned.lines if ln.kind in _KEPT), default=0) if cleaned.text else 0
    path = unquote(urlsplit(url).path) if url else ""
    query = urlsplit(url).query if url else ""
    # "/archives/19471": a section word before an article's own id or slug.
    own_id = bool(addr.OWN_ID.search(path))
    unknown = math.nan  # no address: the model counts the feature at its training mean
    head = content[:4000]
    # An error page says so at its top; an article may report that something "was not found".
    error_text = f"{title or ''} {' '.join(ln.text for ln in lines[:3] if ln.words <= 12)}"
    forum = not is_html and cues.shows_forum_fields(all_lines)  # (a thread shows it without the address)
    values = (
        math.log1p(cleaned.body_words), min(cleaned.body_lines, 30), min(cleaned.short_lines, 60),
        math.log1p(len(lines)), sentences / total, headlines / total, math.log1p(read_more), dated / total,
        # (a feed's address that serves a post's own paragraphs, "/<post>/feed", is that post)
        float(bool(_FEED_MARKERS.search(head))
              or (bool(addr.FEED_PATH.search(path)) and not (_POST_FEED.search(path)
                                                         and cleaned.body_lines >= MIN_POST_PARAGRAPHS))
              or (feed_lines >= MIN_FEED_LINES and feed_lines >= 0.2 * total)),
        float(bool(addr.LISTING_PATH.search(path + ("?" + query if query else "")))
              or ((bool(addr.AMBIGUOUS_PATH.search(path)) or bool(addr.PAGING_QUERY.search("?" + query)))
                  and not own_id)) if url else unknown,
        float(bool(addr.AUTHOR_PATH.search(path))) if url else unknown,
        float((bool(addr.VIDEO_PATH.search(path)) and not own_id) or bool(addr.VIDEO_SECTION.match(path))
              or bool(addr.PROGRAMME_PATH.search(path)))
        if url else unknown,
        float(bool(addr.ARTICLE_PATH.search(path))) if url else unknown,
        float(path.strip("/").count("/") == 0 and len(path) < 25) if url else unknown,
        float(bool(_ERROR_WORDS.search(error_text))),
        math.log1p(len(_HTML_ARTICLE.findall(content))) if is_html else 0.0,
        float(bool(_ARTICLE_META.search(content[:60_000]))) if is_html else 0.0,
        float(bool(_VIDEO_META.search(content[:60_000]))) if is_html else 0.0,
        math.log1p(longest), float(is_html), body_position,
        float(bool(addr.HOME_PATH.match(path)) and not query) if url else unknown,
        float(any(_LISTING_HEADING.match(ln.text) for ln in all_lines[:3]) or cues.hashtag_heading(all_lines)),
        float(cues.says_broadcast(all_lines)),
        float(bool(title) and bool(cleaned.published)),  # a headline with the page's date under it
        float(any(_SEARCH_HEADING.match(ln.text) for ln in all_lines[:3])),
        float(spells_title(path, title)) if url and addr.AUTHOR_PATH.search(path) else 0.0,  # read for author folders
        float(len({ln.key for ln in all_lines if ln.words <= MAX_HEADING_WORDS and ln.key in institution_headings()})),
        float(teasers.cut), float(teasers.even), float(teasers.dots_at_end),
        float(bool(addr.FORUM_PATH.search(path)) or forum) if url or forum else unknown,
        float(cues.story_elsewhere(all_lines)),
        0.0 if is_html else cues.headline_run_share(content, len(all_lines)),
        float(not is_html and cues.shows_essay_heading(all_lines)), 0.0,  # (cohesion: below)
    )
    # A titled record that reads as a brief is decided before any model (decide_page_type):
    # the paragraphs' cohesion, the dearest feature, is not read for it.
    if is_html or (titled_record and _titled_brief(PageShape(values))):
        return PageShape(values)
    together = cues.cohesion([ln for ln in lines if ln.kind in _KEPT])
    return PageShape((*values[:-1], together.unrelated))


# An institution's "about" page shows its section headings ("الرؤية", "الرسالة", "سياسة الجودة").
MAX_HEADING_WORDS = 4
MIN_INSTITUTION_HEADINGS = 2


@dataclass(frozen=True)
class PageTypeModel:
    features: tuple[str, ...]  # a subset of FEATURES, in this order
    classes: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]  # one row per class (one row only for two classes)
    intercept: tuple[float, ...]

    def predict(self, shape: PageShape) -> str:
        values = [shape.values[FEATURES.index(name)] for name in self.features]
        # A feature the page does not tell (NaN) counts as the training mean: 0 after scaling.
        x = [0.0 if math.isnan(v) else (v - m) / s for v, m, s in zip(values, self.mean, self.scale, strict=True)]
        scores = [sum(c * v for c, v in zip(row, x, strict=True)) + b for row, b in zip(self.coef, self.intercept,
                                                                                         strict=True)]
        if len(self.classes) == 2:
            return self.classes[1] if scores[0] > 0 else self.classes[0]
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]

    def to_json(self) -> dict[str, object]:
        return {"features": list(self.features), "classes": list(self.classes), "mean": list(self.mean),
                "scale": list(self.scale), "coef": [list(r) for r in self.coef], "intercept": list(self.intercept)}


@lru_cache(maxsize=1)
def load_model() -> PageTypeModel | None:
    """The shipped classifier, or None when its file is absent or was trained on other features."""
    if not MODEL_FILE.is_file():
        return None
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if not set(data["features"]) <= set(FEATURES):
        return None
    return PageTypeModel(tuple(data["features"]), tuple(data["classes"]), tuple(data["mean"]), tuple(data["scale"]),
                         tuple(tuple(r) for r in data["coef"]), tuple(data["intercept"]))


_PAGE_TYPES: frozenset[str] = frozenset(
    ("article", "listing", "home", "ticker", "feed", "video", "author", "error", "other"))


def rule_page_type(shape: PageShape) -> PageType | None:
    """The clear cases, whatever a model says: feed markup, a page that says it is an error,
    a body too short to be an article."""
    if shape.get("feed_markup"):
        return "feed"
    if shape.get("error_words") and shape.get("body_lines") <= 1:
        return "error"
    if shape.get("video_path") or shape.get("broadcast_words"):  # "/videos/hyqgq8p", "[تقرير مسجل]": a video's
        return "video"  # own page or a programme's transcript (with its own slug, a video may be an article)
    if shape.get("author_path") and not shape.get("address_spells_title"):  # "/author/64": a writer's page
        return "author"  # lists their articles ("/columnist/<the headline's words>/" is one column)
    if shape.get("search_heading"):  # "إجمالي نتائج البحث: 617"
        return "listing"
    if shape.get("institution_headings") >= MIN_INSTITUTION_HEADINGS:  # "الرؤية", "الرسالة": an "about" page
        return "other"
    if shape.get("essay_heading"):  # "مقدمة": an essay, a guide or an explainer, evergreen
        return "other"
    if shape.get("forum_address") or (shape.get("story_elsewhere") and shape.get("body_lines") <= MAX_TEASER_LINES):
        return "other"  # a forum thread; an aggregator's or an embed's teaser of a story told elsewhere
    if shape.get("headline_run") >= TICKER_RUN_SHARE:  # the page is a flattened run of headlines
        return "ticker"
    if shape.get("home_path"):  # the site's front page
        return "home"
    if shape.get("listing_path"):  # "/tag/...", "/keyword/...", "?page=3", "/2021/08/"
        return "listing"
    if shape.get("log_body_words") < math.log1p(MIN_ARTICLE_WORDS) or shape.get("body_lines") == 0:
        return _empty_page_type(shape)
    if (shape.get("is_html") and shape.get("body_position") >= FOOTER_POSITION
            and shape.get("log_body_words") < math.log1p(MAX_BLURB_WORDS)):
        return "other"  # all that is left of the page is its footer's about-blurb
    return None


TICKER_RUN_SHARE = 0.8
MAX_TEASER_LINES = 2  # a teaser's cut lede: one paragraph, or two


# A ticker is headlines alone; a listing pairs headlines with teasers or dates. Half the
# lines being bare headlines (and under a quarter sentences) separates the labelled tickers.
TICKER_HEADLINE_SHARE = 0.5
TICKER_MAX_SENTENCE_SHARE = 0.25


def _empty_page_type(shape: PageShape) -> PageType:
    """The kind of a page that is not an article."""
    if shape.get("author_path") and not shape.get("address_spells_title"):
        return "author"
    if shape.get("video_path") or shape.get("video_meta"):
        return "video"
    if shape.get("listing_path") or shape.get("listing_heading") or shape.get("log_read_more") > 0:
        return "listing"
    if ((shape.get("dated_share") >= 0.5 or shape.get("headline_share") >= TICKER_HEADLINE_SHARE)
            and shape.get("sentence_share") < TICKER_MAX_SENTENCE_SHARE):
        return "ticker"
    return "listing"


def fallback_page_type(shape: PageShape) -> PageType:
    """Without a model: many headlines and few paragraphs, or a run of teasers, is a listing."""
    short, body = shape.get("short_kept_lines"), shape.get("body_lines")
    if short >= LISTING_MIN_SHORT_LINES and short > 2 * body:
        return _empty_page_type(shape)
    if shape.get("log_read_more") >= math.log1p(MIN_READ_MORE) and body < 2 * math.expm1(shape.get("log_read_more")):
        return "listing"
    return "article"


# Plainly an article: two paragraphs or more of its own, at most one short line kept beside
# them, few bare headlines on the page and no teasers: 33 of the 34 training-part pages of
# this shape are articles (the other a TV transcript), and the model alone called some short
# briefs listings.
MAX_PLAIN_HEADLINE_SHARE = 0.3


def _plainly_an_article(shape: PageShape) -> bool:
    """Two paragraphs of its own and nothing of a listing; or an HTML page that declares
    itself an article (og:type, JSON-LD NewsArticle, article:published_time) and kept a body;
    or paragraphs of an article's length from the top of the page with short lines beside them."""
    if (shape.get("log_read_more") > 0 or shape.get("listing_heading") or _trimmed_teasers(shape)
            or shape.get("unrelated_paragraphs") >= UNRELATED_SHARE):
        return False
    if shape.get("headline_share") < MAX_PLAIN_HEADLINE_SHARE:
        if shape.get("article_meta") and shape.get("body_lines") >= 1:
            return True
        if shape.get("body_lines") >= 2 and shape.get("short_kept_lines") <= 1:
            return True
    return (_article_with_short_lines(shape) or _dated_story(shape) or _named_by_its_address(shape)
            or _lone_paragraph(shape))


# A dump that is one paragraph of its own, a headline at most above it, and nothing of a
# listing (no teaser link, trimmed teaser, listing heading or address): a news brief as most
# such pages are (a tag page's one surviving teaser looks the same, and only its address tells).
MAX_LONE_LINES = 1


def _lone_paragraph(shape: PageShape) -> bool:
    return (not shape.get("is_html") and shape.get("body_lines") == 1
            and shape.get("log_lines") <= math.log1p(MAX_LONE_LINES) and shape.get("sentence_share") >= 0.5)


# Paragraphs that stand alone (listing_cohesion): half of them keep a page from the
# "plainly an article" rule, and the model weighs them.
UNRELATED_SHARE = 0.5


def _trimmed_teasers(shape: PageShape) -> bool:
    """Teasers cut to one length, or a last line ending with dots: the model weighs such a page."""
    return bool(shape.get("ellipsis_end") or shape.get("even_cuts"))


# An article whose subheads, bullet lists, captions or "most read" headlines make many short
# lines: two paragraphs or more, one of them at least OWN_PARAGRAPH_WORDS long, kept from the
# top of the page (a ticker has no paragraph; a listing's address or teasers decide before).
# Chosen on the training part of the labelled pages: 25-30 words with 0.2-0.5 all give 95/100
# (93 without the rule); 0.2 keeps the most listings out when the pages come without addresses.
OWN_PARAGRAPH_WORDS = 30
TOP_OF_PAGE = 0.2


def _article_with_short_lines(shape: PageShape) -> bool:
    """(Text dumps only: the HTML pages' model learned from their markup as well.)"""
    return (not shape.get("is_html") and shape.get("body_lines") >= 2
            and shape.get("log_longest_paragraph") >= math.log1p(OWN_PARAGRAPH_WORDS)
            and shape.get("body_position") <= TOP_OF_PAGE and not shape.get("listing_heading"))


def _dated_story(shape: PageShape) -> bool:
    """A dump with its headline, the page's date under it and a paragraph of an article's
    length (an excerpt may keep only one): a listing's teasers are shorter, or come with
    "read more" or a listing heading. (Text dumps: an HTML page's model reads its markup.)"""
    return (not shape.get("is_html") and bool(shape.get("dated_headline")) and shape.get("body_lines") >= 1
            and shape.get("log_longest_paragraph") >= math.log1p(OWN_PARAGRAPH_WORDS)
            and not shape.get("listing_heading"))


def _named_by_its_address(shape: PageShape) -> bool:
    """A dump whose address spells its headline, with paragraphs of its own, one of an
    article's length: the article the address names (a tag page's address spells its heading,
    but the listing address or its teasers decide before)."""
    return (not shape.get("is_html") and bool(shape.get("address_spells_title")) and shape.get("body_lines") >= 2
            and shape.get("log_longest_paragraph") >= math.log1p(OWN_PARAGRAPH_WORDS)
            and not shape.get("listing_heading"))


def _titled_brief(shape: PageShape) -> bool:
    """A record that came with its own title (JSON Lines, the API) and a sentence of its own,
    with nothing of a listing about it (no teasers, no listing heading or address, few bare
    headlines): a news brief as its provider sent it, however short."""
    return (shape.get("body_lines") >= 1 and shape.get("log_read_more") == 0
            and not shape.get("listing_path") and not shape.get("listing_heading")
            and not shape.get("feed_markup") and not shape.get("error_words")
            and shape.get("headline_share") < MAX_PLAIN_HEADLINE_SHARE)


def decide_page_type(shape: PageShape, *, titled_record: bool = False,
                     model: PageTypeModel | None = None) -> PageType:
    """Rules for feeds and error pages; the model for the rest (rules without it). A body
    too short to be an article is never one, and the model or the rules say what it is —
    unless the page is a record sent with its own title (`titled_record`) that reads as a
    brief: short news items posted to the API or given as JSON Lines stay articles.
    (`model`: one fitted on a fold in cross-validation; else the shipped one.)"""
    if titled_record and _titled_brief(shape):
        return "article"
    ruled = rule_page_type(shape)
    if ruled in ("feed", "error", "video", "author", "listing", "home"):
        return ruled
    if ruled is None and _plainly_an_article(shape):
        return "article"
    model = model or load_model()
    if model is None:
        return ruled or fallback_page_type(shape)
    predicted = model.predict(shape)
    if predicted == "not_article" or (ruled is not None and predicted == "article"):
        return ruled or _empty_page_type(shape)  # a class too rare to learn: the rules name the kind
    return predicted if predicted in _PAGE_TYPES else "other"  # type: ignore[return-value]

"""What a page is: an article, or a listing, ticker, feed, video, author or error page.

Decided from the page's shape, not its topic: how much of the kept text is sentences of
its own, how many short headline lines and "read more" teasers it shows, how many of its
lines carry a date or a clock time, feed markup, and what its address says (/tag/,
/author/, /video/): the features of page_shape.py. A small logistic regression over them,
trained by `scripts/train_page_type.py` on hand-labelled real pages, decides when its file ships
(marsad/models/page_type.json: coefficients, no pickle); rules decide the clear cases
(feed markup, an empty body) and stand in when the model is absent.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.clean.page_shape import (
    FEATURES,
    MAX_PLAIN_HEADLINE_SHARE,
    MIN_INSTITUTION_HEADINGS,
    PageShape,
    titled_brief,
    told_address,
)
from marsad.model import PageType
from marsad.settings import PACKAGE_DIR

MODEL_FILE = PACKAGE_DIR / "models" / "page_type.json"
# A second model for pages that come without their address (scripts/page_type_by_set.py
# --bare-model): learned from the labelled pages' bare copies only, on what their text shows.
BARE_MODEL_FILE = PACKAGE_DIR / "models" / "page_type_bare.json"

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


@dataclass(frozen=True)
class PageTypeModel:
    features: tuple[str, ...]  # a subset of FEATURES, in this order
    classes: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]  # one row per class (one row only for two classes)
    intercept: tuple[float, ...]
    over_plain: bool = False  # (a bare-page model) it also decides the pages "plainly an article" passes

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
                "scale": list(self.scale), "coef": [list(r) for r in self.coef], "intercept": list(self.intercept),
                "over_plain": self.over_plain}


@lru_cache(maxsize=1)
def load_model() -> PageTypeModel | None:
    """The shipped classifier, or None when its file is absent or was trained on other features."""
    return _read_model(MODEL_FILE)


@lru_cache(maxsize=1)
def load_bare_model() -> PageTypeModel | None:
    """The shipped classifier of pages without their address, or None."""
    return _read_model(BARE_MODEL_FILE)


def _read_model(path: Path) -> PageTypeModel | None:
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if not set(data["features"]) <= set(FEATURES):
        return None
    return PageTypeModel(tuple(data["features"]), tuple(data["classes"]), tuple(data["mean"]), tuple(data["scale"]),
                         tuple(tuple(r) for r in data["coef"]), tuple(data["intercept"]),
                         bool(data.get("over_plain", False)))


_PAGE_TYPES: frozenset[str] = frozenset(
    ("article", "listing", "home", "ticker", "feed", "video", "author", "error", "other"))


def rule_page_type(shape: PageShape) -> PageType | None:
    """The clear cases, whatever a model says: feed markup, a page that says it is an error,
    a body too short to be an article."""
    if shape.get("feed_markup"):
        return "feed"
    if shape.get("error_words") and (shape.get("body_lines") <= 1 or shape.get("error_notice")):
        return "error"  # (a notice says why the page is missing, whatever teasers follow it)
    if shape.get("video_path") or shape.get("broadcast_words"):  # "/videos/hyqgq8p", "[تقرير مسجل]": a video's
        return "video"  # own page or a programme's transcript (with its own slug, a video may be an article)
    if shape.get("author_path") and not shape.get("address_spells_title"):  # "/author/64": a writer's page
        return "author"  # lists their articles ("/columnist/<the headline's words>/" is one column)
    if shape.get("search_heading"):  # "إجمالي نتائج البحث: 617"
        return "listing"
    if shape.get("institution_headings") >= MIN_INSTITUTION_HEADINGS:  # "الرؤية", "الرسالة": an "about" page
        return "other"
    if shape.get("essay_heading") or shape.get("qa_labels"):  # "مقدمة": an essay, a guide or an explainer;
        return "other"  # "السؤال" / "الجواب": a fatwa or a Q&A list; evergreen either way
    if shape.get("ticker_heading") and shape.get("body_lines") <= 1:  # "شريط الأخبار" over a run of headlines
        return "ticker"
    if shape.get("deep_page"):  # "?page=407"
        return "listing"
    if shape.get("linked_cuts") >= MIN_LINKED_CUTS and shape.get("linked_cuts") >= shape.get("body_lines"):
        # teasers only, each cut before its "اقرأ المزيد"; or a ticker's timed headlines, each
        # with its link ("12:00 . <headline>... المزيد |"): bare headlines with a time, no sentence
        return "ticker" if shape.get("dated_share") >= TICKER_DATED_SHARE and _bare_headlines(shape) else "listing"
    if shape.get("linked_cuts") and shape.get("body_lines") <= 1:  # one teaser cut before its "اقرأ المزيد"
        return "listing"  # and nothing of its own: a listing's surviving item (a lede's link tops its story)
    if shape.get("glued_links") >= MIN_LINKED_CUTS:  # "…" then "أكمل القراءة »<the next teaser's headline>"
        return "listing"
    if shape.get("forum_address") or (shape.get("story_elsewhere") and shape.get("body_lines") <= MAX_TEASER_LINES):
        return "other"  # a forum thread; an aggregator's or an embed's teaser of a story told elsewhere
    if shape.get("item_labels") >= MIN_LABELLED_ITEMS:  # "نشر بتاريخ:" or "Post image" over each teaser
        return "listing"
    if shape.get("dated_items") >= MIN_DATED_ITEMS:  # a date of its own under each teaser
        return "author" if shape.get("author_path") else "listing"
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
MIN_LINKED_CUTS = 2  # (one is a lede's "read more")
MIN_LABELLED_ITEMS = 2
MIN_DATED_ITEMS = 2
MAX_TEASER_LINES = 2  # a teaser's cut lede: one paragraph, or two


# A ticker is headlines alone; a listing pairs headlines with teasers or dates. Half the
# lines being bare headlines (and under a quarter sentences) separates the labelled tickers.
TICKER_HEADLINE_SHARE = 0.5
TICKER_MAX_SENTENCE_SHARE = 0.25


TICKER_DATED_SHARE = 0.5


def _bare_headlines(shape: PageShape) -> bool:
    return (shape.get("headline_share") >= TICKER_HEADLINE_SHARE
            and shape.get("sentence_share") < TICKER_MAX_SENTENCE_SHARE)


def _empty_page_type(shape: PageShape) -> PageType:
    """The kind of a page that is not an article."""
    if shape.get("author_path") and not shape.get("address_spells_title"):
        return "author"
    if shape.get("video_path") or shape.get("video_meta"):
        return "video"
    if shape.get("listing_path") or shape.get("listing_heading") or shape.get("log_read_more") > 0:
        return "listing"
    if ((shape.get("dated_share") >= TICKER_DATED_SHARE or shape.get("headline_share") >= TICKER_HEADLINE_SHARE)
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
# them, few bare headlines on the page and no teasers (MAX_PLAIN_HEADLINE_SHARE, page_shape.py):
# 33 of the 34 training-part pages of this shape are articles (the other a TV transcript), and
# the model alone called some short briefs listings.


def _plainly_an_article(shape: PageShape) -> bool:
    """Two paragraphs of its own and nothing of a listing; or an HTML page that declares
    itself an article (og:type, JSON-LD NewsArticle, article:published_time) and kept a body;
    or paragraphs of an article's length from the top of the page with short lines beside them."""
    if _shows_listing_cues(shape):
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


def _shows_listing_cues(shape: PageShape) -> bool:
    """A teaser's link, a listing heading, teasers cut to a length, paragraphs that stand alone."""
    return bool(shape.get("log_read_more") > 0 or shape.get("listing_heading") or _trimmed_teasers(shape)
                or shape.get("unrelated_paragraphs") >= UNRELATED_SHARE)


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


def decide_page_type(shape: PageShape, *, titled_record: bool = False, model: PageTypeModel | None = None,
                     bare_model: PageTypeModel | None = None, use_bare: bool = True) -> PageType:
    """Rules for feeds and error pages; the model for the rest (rules without it). A body
    too short to be an article is never one, and the model or the rules say what it is —
    unless the page is a record sent with its own title (`titled_record`) that reads as a
    brief: short news items posted to the API or given as JSON Lines stay articles. A page
    without its address is the bare model's when one ships.
    (`model`, `bare_model`: ones fitted on a fold in cross-validation; else the shipped ones.)"""
    if titled_record and titled_brief(shape):
        return "article"
    ruled = rule_page_type(shape)
    if ruled in ("feed", "error", "video", "author", "listing", "home"):
        return ruled
    # (a listing's cues stay the shipped model's to weigh: it learned them from many more pages)
    bare = ((bare_model or load_bare_model()) if use_bare and not told_address(shape) and not _shows_listing_cues(shape)
            else None)
    if ruled is None and _plainly_an_article(shape) and not (bare is not None and bare.over_plain):
        return "article"
    model = bare or model or load_model()
    if model is None:
        return ruled or fallback_page_type(shape)
    predicted = model.predict(shape)
    if predicted == "not_article" or (ruled is not None and predicted == "article"):
        return ruled or _empty_page_type(shape)  # a class too rare to learn: the rules name the kind
    return predicted if predicted in _PAGE_TYPES else "other"  # type: ignore[return-value]

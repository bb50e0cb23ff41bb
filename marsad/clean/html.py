"""HTML pages: main text and metadata with trafilatura (which uses htmldate for the date),
then the same line classifier as text dumps for the furniture trafilatura lets through."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import htmldate
import trafilatura
import trafilatura.utils
from lxml import etree
from lxml.html import HtmlElement

from marsad.arabic.normalize import display_clean
from marsad.clean.dates import StatedDate, metadata_dates
from marsad.clean.lexicon import line_key

# Captions are never article text, nor the widgets `_mark_widgets` finds (marked, not removed:
# trafilatura prunes its own copy, and the visible blocks still list them as removed).
_WIDGET_MARK = "data-marsad-widget"
PRUNE_XPATH = ["//figcaption", f"//*[@{_WIDGET_MARK}]"]
# Class or id words of share bars and related-links boxes. An element so named is removed
# only when what it holds is a widget (little text, or mostly links): "entry-content no-share"
# is the article itself.
_WIDGET_WORDS = re.compile(r"(?:^|[\s_-])(?:share|sharing|social|related|share-buttons|sharethis|addthis)(?:$|[\s_-])",
                           re.IGNORECASE)
# A widget holds less text than this (a share bar: ~10 words; a related box: a few headlines).
# The shortest article body of the fixtures and seeds is 400+ characters.
MAX_WIDGET_CHARS = 400
# A run of text this long is a sentence of the article, never a share bar's label.
MIN_SENTENCE_WORDS = 12
# Mostly links: a related-links box of long headlines.
MIN_WIDGET_LINK_SHARE = 0.6
# Class words of a lede / standfirst block that trafilatura may drop with the header.
_LEDE_WORDS = re.compile(r"(?:^|[\s_-])(?:lead|lede|standfirst|excerpt|summary|subtitle|sub-title|intro|"
                         r"article__lead|sapo|chapo|brief)(?:$|[\s_-]|__)", re.IGNORECASE)
# A "description" is the story's standfirst only when the class names the story too ("article-desc",
# "news-description", "story-deck"), and never a picture's caption or the site's tagline ("img-desc").
_DESCRIPTION_WORDS = re.compile(r"(?:^|[\s_-])(?:desc|description|abstract|deck)(?:$|[\s_-])", re.IGNORECASE)
_STORY_WORDS = re.compile(r"(?:^|[\s_-])(?:article|news|post|story|entry|single|details?)(?:$|[\s_-])", re.IGNORECASE)
_NOT_STORY_WORDS = re.compile(r"(?:^|[\s_-])(?:site|img|image|photo|pic|caption|video|media|author)(?:$|[\s_-])",
                              re.IGNORECASE)


def _names_a_lede(names: str) -> bool:
    """Whether an element's class names it the standfirst."""
    if _LEDE_WORDS.search(names):
        return True
    return bool(_DESCRIPTION_WORDS.search(names) and _STORY_WORDS.search(names) and not _NOT_STORY_WORDS.search(names))


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None  # trafilatura's title
    published: str | None  # the date the page states (dates.choose_date), else htmldate's
    site_name: str | None
    hostname: str | None
    blocks: tuple[str, ...] = ()  # every visible text block of the page, in page order
    h1: tuple[str, ...] = ()  # the text of each <h1>
    og_title: str | None = None
    html_title: str | None = None  # the <title> element
    lede: str | None = None
    stated_dates: tuple[StatedDate, ...] = ()


def extract_html(html: str, url: str | None) -> HtmlExtract:
    tree = _parse(html)
    if tree is None:
        return HtmlExtract("", None, None, None, None)
    _mark_widgets(tree)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml/trafilatura FutureWarnings on odd markup
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, prune_xpath=PRUNE_XPATH, deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    stated = tuple(metadata_dates(tree, html))
    h1 = tuple(" ".join(display_clean(h.text_content()).split()) for h in tree.iter("h1"))
    title_element = tree.find(".//title")
    html_title = " ".join(display_clean(title_element.text_content()).split()) if title_element is not None else None
    lede = _lede(tree)
    blocks = visible_blocks(tree)
    og_title = _og_value(tree, "og:title") or _og_value(tree, "twitter:title")
    if doc is None:
        return HtmlExtract("", None, None, _og_value(tree, "og:site_name"), None, blocks, h1, og_title, html_title,
                           lede, stated)
    assert not isinstance(doc, dict)  # a dict only with as_dict=True
    return HtmlExtract(
        text=doc.text or "", title=doc.title, published=doc.date,
        site_name=doc.sitename or _og_value(tree, "og:site_name"), hostname=doc.hostname, blocks=blocks,
        h1=tuple(h for h in h1 if h), og_title=og_title, html_title=html_title or None, lede=lede, stated_dates=stated,
    )


def late_date(html: str) -> str | None:
    """htmldate's extensive search (dates in the URL, in free text): the last resort, as it
    costs a few times more than everything else."""
    tree = _parse(html)
    if tree is None:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = htmldate.find_date(tree, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    if found and found.endswith("-01-01"):
        # htmldate turns a bare year ("© 2024") into 1 January: a date only when written out.
        year = found[:4]
        if not any(form in html for form in (f"{year}-01-01", f"{year}/01/01", f"01/01/{year}", f"01-01-{year}")):
            return None
    return found or None


def _parse(html: str) -> HtmlElement | None:
    try:
        return trafilatura.utils.load_html(html)
    except (etree.ParserError, ValueError, TypeError):
        return None


def _mark_widgets(tree: HtmlElement) -> None:
    """Mark share bars and related-links boxes, looking at what each holds first."""
    for element in tree.iter("div", "section", "aside", "ul", "span", "nav", "p"):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if not _WIDGET_WORDS.search(names):
            continue
        texts = list(element.itertext())
        text_chars = sum(len(t.strip()) for t in texts)
        link_chars = sum(len("".join(a.itertext()).strip()) for a in element.iter("a"))
        holds_sentences = any(len(t.split()) >= MIN_SENTENCE_WORDS for t in texts)
        if link_chars >= MIN_WIDGET_LINK_SHARE * text_chars or (text_chars < MAX_WIDGET_CHARS and not holds_sentences):
            element.set(_WIDGET_MARK, "1")


# A lede is a sentence or two: 6 to 80 words.
MIN_LEDE_WORDS, MAX_LEDE_WORDS = 6, 80


def _lede(tree: HtmlElement) -> str | None:
    """The standfirst when exactly one block is marked as one (a listing marks every teaser)."""
    found: list[str] = []
    for element in tree.iter("div", "p", "h2", "span", "section"):
        if not _names_a_lede(element.get("class", "")):
            continue
        text = " ".join(display_clean(element.text_content()).split())
        if MIN_LEDE_WORDS <= len(text.split()) <= MAX_LEDE_WORDS and text not in found:
            if any(text in other or other in text for other in found):
                continue
            found.append(text)
    return found[0] if len(found) == 1 else None


# Elements that start a new line when a browser renders the page.
_BLOCK_TAGS = frozenset(
    "p div li ul ol nav header footer aside section article main h1 h2 h3 h4 h5 h6 figure "
    "figcaption blockquote table tr td th form dl dt dd pre address caption".split()
)
_INVISIBLE = ["script", "style", "noscript", "template", "svg", "head", "iframe"]


def visible_blocks(root: HtmlElement) -> tuple[str, ...]:
    """The page's visible text as lines, one per innermost block element, in page order.

    trafilatura returns only what it keeps; these lines let the cleaner list what it took
    out (menus, captions, share bars, footers) in `Article.removed`, as for text dumps.
    """
    etree.strip_elements(root, *_INVISIBLE, with_tail=False)  # the tree is ours: trafilatura worked on a copy
    lines: list[str] = []
    for element in root.iter(*_BLOCK_TAGS):
        if any(child.tag in _BLOCK_TAGS for child in element.iterdescendants()):
            text = (element.text or "").strip()  # text directly inside a container
            if text:
                lines.append(" ".join(display_clean(text).split()))
            continue
        # Inline elements side by side ("<a>headline</a><span>time</span>") are separate words.
        text = " ".join(display_clean(" ".join(element.itertext())).split())
        if text:
            lines.append(text)
    return tuple(lines)


# Four words or more (three spaces) make a block specific enough to find inside a paragraph.
MIN_INLINE_SPACES = 3


def removed_blocks(blocks: tuple[str, ...], kept_text: str, title: str | None) -> list[str]:
    """Blocks of the page that are not in the kept text: the furniture taken out.
    The first block that is the headline is the title, not furniture."""
    kept_lines = {line_key(line) for line in kept_text.split("\n")}
    kept_key = f" {line_key(kept_text)} "
    title_key = line_key(title) if title else None
    removed: list[str] = []
    for block in blocks:
        key = line_key(block)
        # A short block ("سياسة") counts as kept only as a whole line of the text, since
        # its words also occur inside sentences; a longer one may be part of a paragraph.
        if not key or key in kept_lines or (key.count(" ") >= MIN_INLINE_SPACES and f" {key} " in kept_key):
            continue
        if key == title_key:
            title_key = None  # later copies are furniture
            continue
        removed.append(block)
    return removed


def _og_value(source: HtmlElement | str, prop: str) -> str | None:
    """A meta tag's content by property or name (og:site_name, og:title, twitter:title)."""
    if isinstance(source, str):
        return None
    for meta in source.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == prop and meta.get("content"):
            return " ".join(display_clean(meta.get("content", "")).split()) or None
    return None

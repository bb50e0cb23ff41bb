"""HTML pages: main text and metadata with trafilatura (which uses htmldate for the date),
then the same line classifier as text dumps for the furniture trafilatura lets through."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from marsad.arabic.normalize import display_clean
from marsad.clean.lexicon import line_key

# Captions and embedded widgets are never article text.
PRUNE_XPATH = ["//figcaption", "//*[contains(@class, 'share')]", "//*[contains(@class, 'related')]"]
_OG_SITE = re.compile(r'<meta[^>]+property=["\']og:site_name["\'][^>]+content=["\']([^"\']+)', re.IGNORECASE)


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    published: str | None
    site_name: str | None
    hostname: str | None
    blocks: tuple[str, ...] = ()  # every visible text block of the page, in page order


def extract_html(html: str, url: str | None) -> HtmlExtract:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml/trafilatura FutureWarnings on odd markup
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, prune_xpath=PRUNE_XPATH, deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    blocks = visible_blocks(html)
    if doc is None:
        return HtmlExtract("", None, None, _og_site_name(html), None, blocks)
    assert not isinstance(doc, dict)  # a dict only with as_dict=True
    return HtmlExtract(
        text=doc.text or "", title=doc.title, published=doc.date,
        site_name=doc.sitename or _og_site_name(html), hostname=doc.hostname, blocks=blocks,
    )


# Elements that start a new line when a browser renders the page.
_BLOCK_TAGS = frozenset(
    "p div li ul ol nav header footer aside section article main h1 h2 h3 h4 h5 h6 figure "
    "figcaption blockquote table tr td th form dl dt dd pre address caption".split()
)
_INVISIBLE = ["script", "style", "noscript", "template", "svg", "head", "iframe"]


def visible_blocks(html: str) -> tuple[str, ...]:
    """The page's visible text as lines, one per innermost block element, in page order.

    trafilatura returns only what it keeps; these lines let the cleaner list what it took
    out (menus, captions, share bars, footers) in `Article.removed`, as for text dumps.
    """
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ()
    etree.strip_elements(root, *_INVISIBLE, with_tail=False)
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


def _og_site_name(html: str) -> str | None:
    m = _OG_SITE.search(html[:50_000])
    return m.group(1).strip() if m else None

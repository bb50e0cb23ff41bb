"""Clean: raw pages → `Article`s (body text, title, date, outlet, credits, language).

Text dumps go through the line classifier (text.py); HTML goes through trafilatura first
(html.py). Pages of one site are cleaned together, so lines repeated across them count
as furniture.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter, defaultdict

from marsad.clean.dates import address_date, agency_dateline, choose_date, in_address_month
from marsad.clean.html import extract_html, late_date, removed_blocks
from marsad.clean.language import detect_language
from marsad.clean.lexicon import line_key, outlet_for_domain, outlet_for_url
from marsad.clean.lines import MAX_DATELINE_WORDS, Line, split_lines
from marsad.clean.metadata import parse_dateline
from marsad.clean.page_shape import PageShape, page_shape
from marsad.clean.page_type import decide_page_type
from marsad.clean.text import CleanText, clean_text_page
from marsad.clean.titles import (
    choose_html_title,
    repeated_affixes,
    strip_affixes,
    strip_crawl_prefix,
    title_from_address,
)
from marsad.ingest import domain_of
from marsad.model import Article, Problem, RawPage

_HTML_TITLE = re.compile(r"<title[^>]*>([^<]{1,400})</title>", re.IGNORECASE)
# How far from the headline (in visible blocks) an HTML page's dateline may stand: a few
# lines above it (section, date) or below it (byline, date, share bar).
DATELINE_ABOVE, DATELINE_BELOW = 3, 8
# Where a dump's headline may be found by the address's slug: its first lines.
HEAD_LINES = 15


def clean_pages(pages: list[RawPage]) -> tuple[list[Article], list[Problem]]:
    """Clean every page; one bad page becomes a Problem and the others go on."""
    cleaned, problems = clean_pages_shaped(pages)
    return [article for article, _shape in cleaned], problems


def clean_pages_shaped(pages: list[RawPage]) -> tuple[list[tuple[Article, PageShape]], list[Problem]]:
    """`clean_pages`, each article with its page-shape features."""
    # A text page is split into lines once: for its site's repeated lines, then for its cleaning.
    lines = {id(page): split_lines(strip_crawl_prefix(page.content)) for page in pages if not page.is_html}
    repeated = _repeated_lines_by_site(pages, lines)
    affixes = _title_affixes_by_site(pages)
    articles: list[tuple[Article, PageShape]] = []
    problems: list[Problem] = []
    for page in pages:
        site = page.site_key or ""
        try:
            articles.append(clean_page_shaped(page, repeated.get(site, frozenset()), affixes.get(site, frozenset()),
                                              lines.pop(id(page), None)))
        except Exception as exc:  # a parser failure on one page must not stop the batch
            problems.append(Problem(page.source, f"could not clean page: {type(exc).__name__}: {exc}"))
    return articles, problems



def _repeated_lines_by_site(pages: list[RawPage], lines: dict[int, list[Line]]) -> dict[str, frozenset[str]]:
    """Short lines that appear on at least half (and at least 3) of a site's text pages
    (`lines`: each text page's lines, by the page's id)."""
    by_site: dict[str, list[RawPage]] = defaultdict(list)
    for page in pages:
        if page.site_key and not page.is_html:
            by_site[page.site_key].append(page)
    out: dict[str, frozenset[str]] = {}
    for site, site_pages in by_site.items():
        if len(site_pages) < 3:
            continue
        counts: Counter[str] = Counter()
        for page in site_pages:
            counts.update({ln.key for ln in lines[id(page)] if ln.words <= 12})
        threshold = max(3, len(site_pages) // 2)
        out[site] = frozenset(k for k, n in counts.items() if n >= threshold and k)
    return out


def _title_affixes_by_site(pages: list[RawPage]) -> dict[str, frozenset[str]]:
    """Name segments repeated at either end of one site's page titles (HTML <title>)."""
    titles: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        if page.site_key and page.is_html:
            m = _HTML_TITLE.search(page.content[:20_000])
            if m:
                titles[page.site_key].append(html_lib.unescape(m.group(1)))
    return {site: repeated_affixes(found) for site, found in titles.items() if len(found) >= 2}


def clean_page(page: RawPage, repeated: frozenset[str] = frozenset(),
               site_affixes: frozenset[str] = frozenset()) -> Article:
    """One page to an Article; the page's JSON Lines hints win over what cleaning infers."""
    return clean_page_shaped(page, repeated, site_affixes)[0]


def clean_page_shaped(page: RawPage, repeated: frozenset[str] = frozenset(),
                      site_affixes: frozenset[str] = frozenset(),
                      lines: list[Line] | None = None) -> tuple[Article, PageShape]:
    """`clean_page`, with the page-shape features its page type was decided on (training reads
    them); `lines`: a text page's lines when they were split already."""
    if page.is_html:
        return _clean_html_page(page, repeated, site_affixes)
    content = strip_crawl_prefix(page.content)  # the crawler's date is not the page's
    cleaned = clean_text_page(content, repeated, hint_title=page.hint_title, lines=lines)
    title = page.hint_title or (strip_affixes(cleaned.title, site_affixes, page.url) if cleaned.title else None)
    if not page.hint_title:
        # A headline the address spells out is the page's own, over a guess from the lines' shape.
        spelled = title_from_address([ln.text for ln in cleaned.lines[:HEAD_LINES]], page.url)
        title = strip_affixes(spelled, site_affixes, page.url) if spelled else title
    # The address's date before the lines' (a dump's top line may be the site's date bar).
    published = (page.hint_published or address_date(page.url) or cleaned.published
                 or in_address_month(cleaned.date_over_title, page.url) or agency_dateline(cleaned.text)
                 or cleaned.signed_date)
    outlet = page.hint_outlet or _outlet_name(cleaned.site_name, page.url)
    kept = [i for i, ln in enumerate(cleaned.lines) if ln.kind in ("body", "lede")]
    position = kept[0] / len(cleaned.lines) if kept else 1.0
    shape = page_shape(cleaned.lines, cleaned, page.content, page.url, False, title, position,
                       titled_record=bool(page.hint_title))
    return _article(page, cleaned, cleaned.text, title, published, outlet, cleaned.removed, cleaned.lede, shape)


def _clean_html_page(page: RawPage, repeated: frozenset[str],
                     site_affixes: frozenset[str]) -> tuple[Article, PageShape]:
    extract = extract_html(page.content, page.url)
    site_names = site_affixes | ({line_key(extract.site_name)} if extract.site_name else set())
    html_title = choose_html_title(extract.h1, extract.og_title, extract.html_title, extract.title,
                                   frozenset(site_names), page.url, extract.blocks)
    cleaned = clean_text_page(extract.text, repeated, hint_title=page.hint_title or html_title)
    text, lede = cleaned.text, cleaned.lede
    if extract.lede and line_key(extract.lede) not in line_key(text):
        text, lede = f"{extract.lede}\n\n{text}" if text else extract.lede, extract.lede  # the standfirst is body
    title = page.hint_title or html_title or cleaned.title
    visible = _visible_date(extract.blocks, title)
    published = (page.hint_published or choose_date(list(extract.stated_dates), visible or cleaned.published)
                 or extract.published or address_date(page.url) or late_date(page.content))
    outlet = page.hint_outlet or _outlet_name(extract.site_name, page.url, extract.hostname)
    removed = removed_blocks(extract.blocks, text, title) if extract.blocks else cleaned.removed
    lines = split_lines("\n".join(extract.blocks))
    position = _body_position(extract.blocks, text)
    shape = page_shape(lines, cleaned, page.content, page.url, True, title, position)
    return _article(page, cleaned, text, title, published, outlet, removed, lede, shape)


def _article(page: RawPage, cleaned: CleanText, text: str, title: str | None, published: str | None,
             outlet: str | None, removed: list[str], lede: str | None,
             shape: PageShape) -> tuple[Article, PageShape]:
    page_type = decide_page_type(shape, titled_record=bool(page.hint_title))
    # An empty body (listing, navigation) is still in some language: judge the raw lines.
    language = detect_language(text or "\n".join(cleaned.removed) or title or "")
    return Article(
        id=page.content_hash[:16], source=page.source, text=text, title=title,
        published=published, outlet=outlet, language=language,
        is_article=page_type == "article", credits=tuple(cleaned.credits),
        removed=tuple(removed), url=page.url, lede=lede, content_hash=page.content_hash, page_type=page_type,
    ), shape


def _visible_date(blocks: tuple[str, ...], title: str | None) -> str | None:
    """The dateline the page shows near its headline (below it first, then above)."""
    key = line_key(title) if title else None
    at = next((i for i, b in enumerate(blocks) if key and line_key(b) == key), None)
    if at is None:
        return None
    below = range(at + 1, min(len(blocks), at + 1 + DATELINE_BELOW))
    above = range(at - 1, max(-1, at - 1 - DATELINE_ABOVE), -1)
    near = [*below, *above]
    for i in near:
        if len(blocks[i].split()) <= MAX_DATELINE_WORDS:
            dateline = parse_dateline(blocks[i])
            if dateline.date and dateline.kind == "date":
                return dateline.date
    return None


def _body_position(blocks: tuple[str, ...], text: str) -> float:
    """Where the kept text starts among the page's blocks: 0 at the top, 1 at the bottom
    (a body that is the footer's about-blurb starts near 1)."""
    if not text or not blocks:
        return 1.0
    first = line_key(text.split("\n", 1)[0])
    for i, block in enumerate(blocks):
        if line_key(block) == first:
            return i / len(blocks)
    return 0.0


def _outlet_name(site_name: str | None, url: str | None, hostname: str | None = None) -> str | None:
    """og:site_name (or a title's site suffix) when it is a name; else a known outlet's
    display name for the URL; else the domain itself. trafilatura falls back to the host
    name for the site name, and a known display name is better than that."""
    if site_name and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", site_name):
        return site_name
    domain = domain_of(url) or hostname
    return outlet_for_url(url) or outlet_for_domain(domain) or site_name or domain

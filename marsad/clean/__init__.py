"""Clean: raw pages → `Article`s (body text, title, date, outlet, credits, language).

Text dumps go through the line classifier (text.py); HTML goes through trafilatura first
(html.py). Pages of one site are cleaned together, so lines repeated across them count
as furniture.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from marsad.clean.html import extract_html, removed_blocks
from marsad.clean.language import detect_language
from marsad.clean.lexicon import line_key, outlet_for_domain, outlet_for_url
from marsad.clean.text import CleanText, clean_text_page, split_lines
from marsad.ingest import domain_of
from marsad.model import Article, Problem, RawPage

# A page whose body has fewer words than this is not an article (tickers, stubs, menus).
# Two short news sentences make about 25 words; the briefs in the story corpus have 32+.
MIN_ARTICLE_WORDS = 20
# A listing page: many short headline lines and few paragraphs.
LISTING_MIN_SHORT_LINES = 8
_FEED_MARKERS = re.compile(r"<(?:rss|feed|channel|urlset)\b", re.IGNORECASE)


def clean_pages(pages: list[RawPage]) -> tuple[list[Article], list[Problem]]:
    """Clean every page; one bad page becomes a Problem and the others go on."""
    repeated = _repeated_lines_by_site(pages)
    articles: list[Article] = []
    problems: list[Problem] = []
    for page in pages:
        try:
            articles.append(clean_page(page, repeated.get(page.site_key or "", frozenset())))
        except Exception as exc:  # a parser failure on one page must not stop the batch
            problems.append(Problem(page.source, f"could not clean page: {type(exc).__name__}: {exc}"))
    return articles, problems


def _repeated_lines_by_site(pages: list[RawPage]) -> dict[str, frozenset[str]]:
    """Short lines that appear on at least half (and at least 3) of a site's text pages."""
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
            counts.update({line_key(ln.text) for ln in split_lines(page.content) if ln.words <= 12})
        threshold = max(3, len(site_pages) // 2)
        out[site] = frozenset(k for k, n in counts.items() if n >= threshold and k)
    return out


def clean_page(page: RawPage, repeated: frozenset[str] = frozenset()) -> Article:
    """One page to an Article; the page's JSON Lines hints win over what cleaning infers."""
    if page.is_html:
        extract = extract_html(page.content, page.url)
        cleaned = clean_text_page(extract.text, repeated, hint_title=page.hint_title or extract.title)
        title = page.hint_title or _strip_title(extract.title) or cleaned.title
        published = page.hint_published or extract.published or cleaned.published
        outlet = page.hint_outlet or _outlet_name(extract.site_name, page.url, extract.hostname)
        removed = removed_blocks(extract.blocks, cleaned.text, title) if extract.blocks else cleaned.removed
    else:
        cleaned = clean_text_page(page.content, repeated, hint_title=page.hint_title)
        title = page.hint_title or cleaned.title
        published = page.hint_published or cleaned.published
        outlet = page.hint_outlet or _outlet_name(cleaned.site_name, page.url)
        removed = cleaned.removed
    is_feed = bool(_FEED_MARKERS.search(page.content[:2000]))
    # An empty body (listing, navigation) is still in some language: judge the raw lines.
    language = detect_language(cleaned.text or "\n".join(cleaned.removed) or title or "")
    return Article(
        id=page.content_hash[:16], source=page.source, text=cleaned.text, title=title,
        published=published, outlet=outlet, language=language,
        is_article=not is_feed and is_article_body(cleaned), credits=tuple(cleaned.credits),
        removed=tuple(removed), url=page.url, lede=cleaned.lede, content_hash=page.content_hash,
    )


def _outlet_name(site_name: str | None, url: str | None, hostname: str | None = None) -> str | None:
    """og:site_name (or a title's site suffix) when it is a name; else a known outlet's
    display name for the URL; else the domain itself. trafilatura falls back to the host
    name for the site name, and a known display name is better than that."""
    if site_name and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", site_name):
        return site_name
    domain = domain_of(url) or hostname
    return outlet_for_url(url) or outlet_for_domain(domain) or site_name or domain


def _strip_title(title: str | None) -> str | None:
    from marsad.clean.metadata import strip_site_suffix

    return strip_site_suffix(title) if title else None


def is_article_body(cleaned: CleanText) -> bool:
    """False for empty, navigation-only and listing pages (many headlines, few paragraphs)."""
    if cleaned.body_words < MIN_ARTICLE_WORDS or cleaned.body_lines == 0:
        return False
    return not (cleaned.short_lines >= LISTING_MIN_SHORT_LINES and cleaned.short_lines > 2 * cleaned.body_lines)

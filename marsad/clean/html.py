"""HTML pages: main text and metadata with trafilatura (which uses htmldate for the date),
then the same line classifier as text dumps for the furniture trafilatura lets through."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import trafilatura

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


def extract_html(html: str, url: str | None) -> HtmlExtract:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml/trafilatura FutureWarnings on odd markup
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, prune_xpath=PRUNE_XPATH, deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    if doc is None:
        return HtmlExtract("", None, None, _og_site_name(html), None)
    return HtmlExtract(
        text=doc.text or "", title=doc.title, published=doc.date,
        site_name=doc.sitename or _og_site_name(html), hostname=doc.hostname,
    )


def _og_site_name(html: str) -> str | None:
    m = _OG_SITE.search(html[:50_000])
    return m.group(1).strip() if m else None

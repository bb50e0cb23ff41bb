"""A RawPage from decoded text: HTML told by content, valid Unicode, a stable content hash."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from marsad.model import RawPage

_HTML_SIGNS = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a\s|br|h[1-6])\b",
    re.IGNORECASE,
)
# UTF-16 surrogate code points: a str holds one alone only when it came from a JSON "\ud800"
# escape (Python's JSON reader pairs the halves that belong together). Not encodable as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def make_page(
    source: str, content: str, *, url: str | None = None, published: str | None = None,
    outlet: str | None = None, title: str | None = None, site_key: str | None = None,
    force_html: bool = False,
) -> RawPage:
    if content.startswith("\ufeff"):
        content = content[1:]
    # Lone surrogates cannot be written as UTF-8 (file, database, HTTP): replaced here, so
    # that every caller (JSON Lines, the API, the watcher) hands on valid text.
    content, source = replace_surrogates(content), replace_surrogates(source)
    url, outlet, title, site_key = (replace_surrogates(v) if v else v for v in (url, outlet, title, site_key))
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    return RawPage(
        source=source, content=content, is_html=force_html or looks_like_html(content),
        content_hash=digest, url=url, hint_published=published, hint_outlet=outlet, hint_title=title,
        site_key=site_key or domain_of(url),
    )


def replace_surrogates(text: str) -> str:
    """Lone UTF-16 surrogates replaced with U+FFFD (the replacement character)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def find_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in `text`, if any."""
    m = _SURROGATE.search(text)
    return m.start() if m else None


def looks_like_html(text: str) -> bool:
    head = text[:4096].encode("utf-8", "ignore")
    return len(_HTML_SIGNS.findall(head)) >= 2 or (head.lstrip()[:1] == b"<" and bool(_HTML_SIGNS.search(head)))


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None

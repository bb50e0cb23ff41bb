"""`marsad watch`: poll RSS/Atom feeds and news sitemaps, fetch new article pages politely,
and ingest them into the store.

Polite means: robots.txt is obeyed (for our user agent), one request per host at a time
with a minimum gap between requests to the same host, feeds are re-fetched with
conditional GET (ETag / Last-Modified, so an unchanged feed costs a 304), every request
has a timeout, and a response bigger than the size cap is dropped unread. A page whose URL
is already stored is not fetched again; a page whose content is already stored (the same
article under another URL) is stored once, by the store's content hash.
"""

from __future__ import annotations

import calendar
import time
import urllib.robotparser
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from marsad import __version__
from marsad.errors import InputError
from marsad.ingest import decode_bytes, make_page, normalize_date_hint
from marsad.model import Problem
from marsad.settings import MAX_INPUT_BYTES

USER_AGENT = f"marsad/{__version__} (+news monitoring; obeys robots.txt)"
# Seconds between two requests to one host: the common crawl-delay default for news sites
# that state none; robots.txt's Crawl-delay wins when it is longer.
HOST_DELAY_S = 1.0
TIMEOUT_S = 20.0
# Sitemap indexes point at more sitemaps; two levels cover news sitemap setups in practice.
MAX_SITEMAP_DEPTH = 2

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Link:
    """An article address found in a feed or sitemap, with what the feed says about it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class WatchReport:
    feeds: int = 0
    links: int = 0
    added: int = 0
    already_stored: int = 0
    not_modified: int = 0
    refused_by_robots: int = 0
    failed: list[Problem] = field(default_factory=list)


class PoliteClient:
    """GETs with robots.txt, a per-host delay, conditional GET and a size cap."""

    def __init__(
        self,
        *,
        host_delay_s: float = HOST_DELAY_S,
        timeout_s: float = TIMEOUT_S,
        max_bytes: int = MAX_INPUT_BYTES,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.host_delay_s = host_delay_s
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=timeout_s,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last_request: dict[str, float] = {}
        self._validators: dict[str, dict[str, str]] = {}  # url -> ETag / Last-Modified

    def close(self) -> None:
        self._client.close()

    def allowed(self, url: str) -> bool:
        return self._robots_for(url).can_fetch(USER_AGENT, url)

    def get(self, url: str, *, conditional: bool = False) -> bytes | None:
        """The body, or None when the server says it has not changed (304).
        Raises InputError for HTTP errors, oversized bodies and network failures."""
        headers = dict(self._validators.get(url, {})) if conditional else {}
        fetched = self._fetch(url, headers)
        if fetched is None:
            return None
        response_headers, body = fetched
        if conditional:
            self._validators[url] = {
                ask: response_headers[given]
                for ask, given in (
                    ("If-None-Match", "ETag"),
                    ("If-Modified-Since", "Last-Modified"),
                )
                if given in response_headers
            }
        return body

    def _fetch(self, url: str, headers: dict[str, str]) -> tuple[httpx.Headers, bytes] | None:
        self._wait_for_host(url)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return None
                if response.status_code >= 400:
                    raise InputError(url, f"HTTP {response.status_code}")
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise InputError(url, f"too large ({int(declared)} bytes)")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:  # stop reading: the rest is never downloaded
                        raise InputError(url, f"too large (over {self.max_bytes} bytes)")
                return response.headers, bytes(body)
        except httpx.HTTPError as exc:
            raise InputError(url, f"fetch failed: {type(exc).__name__}: {exc}") from exc

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        delay = self.host_delay_s
        robots = self._robots.get(host)
        if robots is not None:
            delay = max(delay, float(robots.crawl_delay(USER_AGENT) or 0))
        last = self._last_request.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urlsplit(url)
        host = parts.netloc
        if host not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            robots_url = f"{parts.scheme}://{host}/robots.txt"
            try:
                self._wait_for_host(robots_url)
                response = self._client.get(robots_url)
                if response.status_code in (401, 403):
                    parser.parse(["User-agent: *", "Disallow: /"])  # as urllib's own reader does
                elif response.status_code >= 400:
                    parser.parse([])  # no robots.txt: everything is allowed
                else:
                    parser.parse(response.text.splitlines())
            except httpx.HTTPError:
                parser.parse([])  # unreachable robots.txt: the page fetch will tell
            self._robots[host] = parser
        return self._robots[host]


# --- feeds and sitemaps ----------------------------------------------------------------


def _feed_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).strftime("%Y-%m-%d")
    return None


def links_from_feed(data: bytes, base: str) -> list[Link] | None:
    """Article links of an RSS/Atom feed; None when `data` is not a feed."""
    feed = feedparser.parse(data)
    if not feed.get("version"):  # feedparser reads anything; only a known format is a feed
        return None
    return [
        Link(urljoin(base, e.link), e.get("title"), _feed_date(e))
        for e in feed.entries
        if e.get("link")
    ]


def parse_sitemap(data: bytes) -> tuple[list[Link], list[str]] | None:
    """(article links, child sitemaps) of a sitemap or sitemap index; None if not one."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return None
    if root.tag == f"{_SITEMAP_NS}sitemapindex":
        return [], [loc.text.strip() for loc in root.iter(f"{_SITEMAP_NS}loc") if loc.text]
    if root.tag != f"{_SITEMAP_NS}urlset":
        return None
    links = []
    for url in root.iter(f"{_SITEMAP_NS}url"):
        loc = url.findtext(f"{_SITEMAP_NS}loc")
        if not loc:
            continue
        title = url.findtext(f"{_NEWS_NS}news/{_NEWS_NS}title")
        date = url.findtext(f"{_NEWS_NS}news/{_NEWS_NS}publication_date") or url.findtext(
            f"{_SITEMAP_NS}lastmod"
        )
        links.append(Link(loc.strip(), title, normalize_date_hint(date)))
    return links, []


# --- the watcher -----------------------------------------------------------------------


class Watcher:
    """Polls `sources` (feed or sitemap URLs) and ingests new pages into `store`."""

    def __init__(
        self,
        store: Any,
        sources: list[str],
        client: PoliteClient | None = None,
        ctx: Any = None,
        progress: Callable[[str, str], None] | None = None,
    ) -> None:
        self.store = store
        self.sources = sources
        self.client = client or PoliteClient()
        self.ctx = ctx
        self.progress = progress or (lambda _url, _outcome: None)

    def poll_once(self) -> WatchReport:
        report = WatchReport()
        for source in self.sources:
            report.feeds += 1
            for link in self._links(source, report, depth=0):
                report.links += 1
                self._ingest(link, report)
        return report

    def run(self, interval_s: float, rounds: int | None = None) -> Iterator[WatchReport]:
        done = 0
        while rounds is None or done < rounds:
            yield self.poll_once()
            done += 1
            if rounds is None or done < rounds:
                time.sleep(interval_s)

    def _links(self, url: str, report: WatchReport, depth: int) -> list[Link]:
        try:
            if not self.client.allowed(url):
                report.refused_by_robots += 1
                return []
            data = self.client.get(url, conditional=True)
        except InputError as exc:
            report.failed.append(Problem(exc.source, exc.problem))
            return []
        if data is None:
            report.not_modified += 1
            return []
        sitemap = parse_sitemap(data)
        if sitemap is not None:
            links, children = sitemap
            if depth < MAX_SITEMAP_DEPTH:
                for child in children:
                    links += self._links(child, report, depth + 1)
            return links
        feed_links = links_from_feed(data, url)
        if feed_links is None:
            report.failed.append(Problem(url, "neither an RSS/Atom feed nor a sitemap"))
            return []
        return feed_links

    def _ingest(self, link: Link, report: WatchReport) -> None:
        if self.store.has_source(link.url):
            report.already_stored += 1
            self.progress(link.url, "already stored")
            return
        try:
            if not self.client.allowed(link.url):
                report.refused_by_robots += 1
                self.progress(link.url, "refused by robots.txt")
                return
            data = self.client.get(link.url)
            text = decode_bytes(data or b"", link.url)
        except InputError as exc:
            report.failed.append(Problem(exc.source, exc.problem))
            self.progress(link.url, "failed")
            return
        page = make_page(link.url, text, url=link.url, published=link.published, title=link.title)
        result = self.store.ingest_one(page, self.ctx)
        if result["errors"]:
            report.failed.append(Problem(link.url, "; ".join(result["errors"])))
            self.progress(link.url, "failed")
        elif result["duplicate"]:
            report.already_stored += 1
            self.progress(link.url, "already stored")
        else:
            report.added += 1
            self.progress(link.url, "added")

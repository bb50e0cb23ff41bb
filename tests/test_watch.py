"""`marsad watch` against feeds, sitemaps and pages served on loopback by the test itself:
new pages are ingested once, robots.txt is obeyed, unchanged feeds cost a 304, oversized
pages are dropped, and a second poll adds nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from marsad.run.watch import PoliteClient, Watcher, links_from_feed, parse_sitemap
from marsad.store import open_store

ARTICLES = {
    "/news/1": (
        "حريق في سوق الكوت",
        "اندلع حريق كبير في سوق الكوت الشعبي صباح الأحد، وقال الدفاع المدني إن فرقه سيطرت على "
        "النيران بعد ساعتين من العمل المتواصل. وأضاف أن الحريق لم يسفر عن إصابات وأن التحقيق جار "
        "لمعرفة أسبابه، فيما قدر تجار في السوق خسائرهم بعشرات الملايين من الدنانير.",
    ),
    "/news/2": (
        "تجار سوق الكوت يطالبون بتعويض",
        "طالب تجار سوق الكوت الشعبي الحكومة المحلية بتعويضهم عن خسائر الحريق الذي اندلع في السوق "
        "صباح الأحد، وقال ممثل عنهم إن عشرات المحال احترقت بالكامل. وأكد مسؤول في المحافظة أن "
        "لجنة ستحصي الأضرار خلال أيام.",
    ),
    "/private/3": ("صفحة محجوبة", "هذه صفحة لا يسمح ملف robots.txt بجلبها لأي زاحف آلي."),
}
BIG_PAGE = "/news/big"
LAST_MODIFIED = formatdate(0, usegmt=True)


def page_html(title: str, body: str) -> bytes:
    return (
        f'<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    ).encode()


def rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        "<pubDate>Sun, 05 May 2024 08:00:00 GMT</pubDate></item>"
        for path, (title, _) in ARTICLES.items()
    )
    items += f"<item><title>كبير</title><link>{base}{BIG_PAGE}</link></item>"
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'
        f"{items}</channel></rss>"
    ).encode()


def sitemap(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{base}/news/1</loc><news:news><news:publication_date>2024-05-05T08:00:00Z"
        "</news:publication_date><news:title>حريق في سوق الكوت</news:title></news:news></url>"
        f"<url><loc>{base}/news/2</loc></url></urlset>"
    ).encode()


def sitemap_index(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap></sitemapindex>"
    ).encode()


class Site:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers)))
                if self.path == "/robots.txt":
                    return self._send(b"User-agent: *\nDisallow: /private/\n", "text/plain")
                if self.path == "/feed.xml":
                    if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                        self.send_response(304)
                        self.end_headers()
                        return None
                    return self._send(rss(site.base), "application/rss+xml", LAST_MODIFIED)
                if self.path == "/sitemap.xml":
                    return self._send(sitemap_index(site.base), "application/xml")
                if self.path == "/sitemap-news.xml":
                    return self._send(sitemap(site.base), "application/xml")
                if self.path == BIG_PAGE:
                    return self._send(b"<p>" + "ب".encode() * 600_000 + b"</p>", "text/html")
                if self.path in ARTICLES:
                    return self._send(page_html(*ARTICLES[self.path]), "text/html; charset=utf-8")
                self.send_response(404)
                self.end_headers()
                return None

            def _send(self, body: bytes, kind: str, modified: str | None = None) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if modified:
                    self.send_header("Last-Modified", modified)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading an oversized page, as it should

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


def client() -> PoliteClient:
    # A short host delay keeps the test quick; the size cap is 1 MB so BIG_PAGE is refused.
    return PoliteClient(host_delay_s=0.01, max_bytes=1_000_000)


def test_feed_pages_are_ingested_once_and_robots_is_obeyed(site: Site, tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "w.db"))
    watcher = Watcher(store, [f"{site.base}/feed.xml"], client())
    first = watcher.poll_once()
    assert first.links == 4 and first.added == 2
    assert first.refused_by_robots == 1 and "/private/3" not in site.paths()
    assert [p.source for p in first.failed] == [f"{site.base}{BIG_PAGE}"]
    assert "too large" in first.failed[0].error
    stored = {a["url"]: a for a in store.list_articles()["items"]}
    assert set(stored) == {f"{site.base}/news/1", f"{site.base}/news/2"}
    assert stored[f"{site.base}/news/1"]["published"] == "2024-05-05"
    # The second poll: the feed is unchanged (304), nothing is fetched or added again.
    fetched_before = len(site.requests)
    second = watcher.poll_once()
    assert second.not_modified == 1 and second.added == 0
    feed_request = site.requests[fetched_before]
    assert feed_request[0] == "/feed.xml" and feed_request[1].get("If-Modified-Since")
    assert site.paths()[fetched_before:] == ["/feed.xml"]
    assert store.stats()["articles"] == 2
    assert all(h.get("User-Agent", "").startswith("marsad/") for _, h in site.requests)


def test_sitemap_index_leads_to_the_news_sitemap(site: Site, tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    report = Watcher(store, [f"{site.base}/sitemap.xml"], client()).poll_once()
    assert report.links == 2 and report.added == 2 and report.failed == []
    titles = {a["title"] for a in store.list_articles()["items"]}
    assert "حريق في سوق الكوت" in titles
    # The same pages reached through the feed later are already stored: not fetched again.
    again = Watcher(store, [f"{site.base}/feed.xml"], client()).poll_once()
    assert again.added == 0 and again.already_stored == 2


def test_unreachable_and_non_feed_sources_are_reported(site: Site, tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "u.db"))
    report = Watcher(
        store, [f"{site.base}/missing.xml", f"{site.base}/news/1"], client()
    ).poll_once()
    errors = {p.source: p.error for p in report.failed}
    assert "HTTP 404" in errors[f"{site.base}/missing.xml"]
    assert "neither" in errors[f"{site.base}/news/1"]


def test_feed_and_sitemap_parsers() -> None:
    links = links_from_feed(rss("http://x.test"), "http://x.test/feed.xml")
    assert links is not None and links[0].url == "http://x.test/news/1"
    assert links[0].published == "2024-05-05" and links[0].title == "حريق في سوق الكوت"
    parsed = parse_sitemap(sitemap("http://x.test"))
    assert parsed is not None
    urls, children = parsed
    assert [u.url for u in urls] == ["http://x.test/news/1", "http://x.test/news/2"]
    assert urls[0].published == "2024-05-05" and children == []
    assert parse_sitemap(b"<html></html>") is None and parse_sitemap(b"not xml") is None


def test_cli_watch_one_round(site: Site, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from marsad.cli import app

    db = tmp_path / "cli.db"
    args = [
        "watch",
        f"{site.base}/sitemap.xml",
        "--db",
        str(db),
        "--rounds",
        "1",
        "--host-delay",
        "0.1",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output
    assert open_store(str(db)).stats()["articles"] == 2

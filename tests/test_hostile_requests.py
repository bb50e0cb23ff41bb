"""Hostile requests (issue 25): paging numbers past SQLite's integers, bodies that are not
what they claim (impossible dates, lone surrogates), security headers on every response,
and pages that need nothing the Content-Security-Policy forbids."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx2 in its test client
    from fastapi.testclient import TestClient

from marsad.serve.api import create_app
from marsad.serve.security import MAX_OFFSET

# Composed pages (no seed text): one story told by two outlets on two days, so that the
# story page draws both inline charts.
PAGES = [
    {"title": "انفجار في سوق ببغداد", "outlet": "وكالة الرافدين", "published": "2024-03-03",
     "url": "https://rafidain.example/a1",
     "text": "قتل 12 شخصا في انفجار سيارة مفخخة في سوق شعبي ببغداد صباح الأحد. "
             "وقال وزير الداخلية العراقي إن القوات الأمنية فتحت تحقيقا في انفجار السوق."},
    {"title": "ارتفاع حصيلة انفجار سوق بغداد", "outlet": "صحيفة دجلة", "published": "2024-03-04",
     "url": "https://dijla.example/b2",
     "text": "ارتفعت حصيلة انفجار السوق الشعبي في بغداد إلى 15 قتيلا بحسب مصادر طبية. "
             "وقال وزير الداخلية العراقي إن التحقيق في انفجار السيارة المفخخة مستمر."},
]
TOO_BIG = str(2**63)  # one past SQLite's largest integer: was a 500 OverflowError
PAGED_API = ["/api/articles", "/api/stories", "/api/entities", "/api/events", "/api/search?q=بغداد"]
PAGED_WEB = ["/", "/search?q=بغداد"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    from marsad.store import open_store
    store = open_store(str(tmp_path_factory.mktemp("hostile") / "api.db"))
    app_client = TestClient(create_app(store), raise_server_exceptions=False)
    for page in PAGES:
        assert app_client.post("/api/pages", json=page).status_code == 201
    return app_client


def _with(url: str, **params: str) -> str:
    return url + ("&" if "?" in url else "?") + "&".join(f"{k}={v}" for k, v in params.items())


@pytest.mark.parametrize("url", PAGED_API)
def test_huge_offsets_are_refused_naming_the_field(client: TestClient, url: str) -> None:
    response = client.get(_with(url, offset=TOO_BIG))
    assert response.status_code == 422
    assert response.json()["error"].startswith(f"query.offset: Input should be less than or equal to {MAX_OFFSET}")
    assert client.get(_with(url, offset=str(MAX_OFFSET))).json()["items"] == []


@pytest.mark.parametrize("url", PAGED_WEB)
def test_web_pages_refuse_huge_offsets_in_html(client: TestClient, url: str) -> None:
    response = client.get(_with(url, offset=TOO_BIG))
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert 'dir="rtl"' in response.text and "offset" in response.text


@pytest.mark.parametrize("field", ["text", "title", "outlet"])
def test_lone_surrogates_in_a_posted_page_are_refused_naming_the_field(client: TestClient, field: str) -> None:
    body = {**PAGES[0], "url": f"https://rafidain.example/s-{field}", field: "خبر \ud800 عن السوق"}
    before = client.get("/api/stats").json()
    response = client.post("/api/pages", content=json.dumps(body), headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"].startswith(f"{field}: holds a lone UTF-16 surrogate at character 4")
    assert "\\ud800" in response.json()["error"]  # shown escaped, the answer is valid UTF-8
    assert client.get("/api/stats").json() == before


@pytest.mark.parametrize("published", ["2024-13-45", "9999-99-99", "0000-00-00", "2023-02-29"])
def test_impossible_dates_are_refused_not_silently_dropped(client: TestClient, published: str) -> None:
    before = client.get("/api/stats").json()
    body = {**PAGES[0], "url": "https://rafidain.example/dated", "text": PAGES[0]["text"] + " " + published,
            "published": published}
    response = client.post("/api/pages", json=body)
    assert response.status_code == 422
    assert response.json()["error"].startswith(f"published: '{published}' is not a real date")
    assert client.get("/api/stats").json() == before


def test_a_binary_body_is_refused_as_a_binary_file_is(client: TestClient) -> None:
    response = client.post("/api/pages", json={"text": "\x00\x01" * 20})
    assert response.status_code == 422 and response.json()["error"].startswith("text: binary content")


def test_an_impossible_date_filter_is_refused(client: TestClient) -> None:
    response = client.get("/api/articles?date_from=2024-13-45")
    assert response.status_code == 422 and response.json()["error"].startswith("query.date_from: '2024-13-45'")
    page = client.get("/search?q=بغداد&date_from=2024-02-30")
    assert page.status_code == 200 and "أُهمل التاريخ غير الصالح" in page.text


def test_a_page_the_pipeline_cannot_store_is_422_never_201_with_no_id() -> None:
    class Refusing:
        def ingest_one(self, page: Any) -> dict[str, Any]:
            return {"id": None, "story": None, "duplicate": False, "errors": ["could not clean page: X"]}

    response = TestClient(create_app(Refusing())).post("/api/pages", json={"text": "نص قصير"})
    assert response.status_code == 422
    assert response.json() == {"error": "page not stored: could not clean page: X"}


def test_a_5000_digit_number_in_a_body_is_a_4xx(client: TestClient) -> None:
    body = '{"text": "نص", "published": ' + "7" * 5000 + "}"
    response = client.post("/api/pages", content=body, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500


def _story_id(client: TestClient) -> str:
    items = client.get("/api/stories?sort=biggest").json()["items"]
    assert items, "the two composed pages make a story"
    return str(items[0]["id"])


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    article = client.get("/api/articles").json()["items"][0]["id"]
    urls = ["/", f"/stories/{_story_id(client)}", f"/articles/{article}", "/search?q=بغداد", "/stories/none",
            "/api/stats", "/api/nothing", _with("/", offset=TOO_BIG), "/static/style.css", "/docs", "/openapi.json"]
    for url in urls:
        headers = client.get(url).headers
        assert headers["x-content-type-options"] == "nosniff", url
        assert headers["x-frame-options"] == "DENY", url
        assert "frame-ancestors 'none'" in headers["content-security-policy"], url
    page_policy = client.get("/").headers["content-security-policy"]
    assert "unsafe-inline" not in page_policy and "script-src" not in page_policy  # no script runs on the pages
    assert "script-src 'self' 'unsafe-inline'" in client.get("/docs").headers["content-security-policy"]


def test_a_500_carries_the_security_headers(tmp_path: Path) -> None:
    class Broken:
        def stats(self) -> dict[str, Any]:
            raise RuntimeError("disk on fire")

    response = TestClient(create_app(Broken()), raise_server_exceptions=False).get("/api/stats")
    assert response.status_code == 500 and response.headers["x-content-type-options"] == "nosniff"


# What the page policy forbids: scripts, inline styles and handlers, resources loaded from
# elsewhere (links a reader follows to the source are navigation, which the policy leaves alone).
_FORBIDDEN = re.compile(r"<script|<style|\sstyle=|\son[a-z]+=|\ssrc=\"(?:https?:)?//|<link[^>]+href=\"(?:https?:)?//",
                        re.IGNORECASE)


def test_pages_need_nothing_the_policy_forbids_and_keep_their_inline_charts(client: TestClient) -> None:
    article = client.get("/api/articles").json()["items"][0]["id"]
    story = client.get(f"/stories/{_story_id(client)}").text
    assert story.count('<svg class="chart"') == 2  # the charts are inline SVG: allowed as markup
    for url in ["/", f"/stories/{_story_id(client)}", f"/articles/{article}", "/search?q=بغداد", "/stories/none"]:
        html = client.get(url).text
        assert not _FORBIDDEN.search(html), (url, _FORBIDDEN.search(html))


def test_no_page_breaks_the_policy_in_a_browser(client: TestClient, tmp_path: Path) -> None:
    """Headless Chromium (scripts/ci_browser.sh installs it) loads each page under the real
    headers and reports every Content-Security-Policy violation: there must be none, the
    style sheet applies, both charts draw, and /docs still builds its operation list."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (scripts/ci_browser.sh)")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is missing: install Debian's chromium (scripts/ci_browser.sh)")
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(client.app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 20 s"
        time.sleep(0.05)
    story = f"/stories/{_story_id(client)}"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--headless", "--no-sandbox", "--disable-gpu"])
            for url in ["/", story, "/search?q=بغداد", "/docs"]:
                page = browser.new_page()
                violations: list[str] = []
                page.on("console", lambda m, seen=violations: seen.append(m.text) if "CSP " in m.text else None)
                page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                                     "console.log('CSP ' + e.violatedDirective + ' ' + e.blockedURI))")
                page.goto(f"http://127.0.0.1:{port}{url}")
                page.wait_for_load_state("networkidle")
                assert violations == [], (url, violations)
                if url == story:
                    assert page.locator("svg.chart rect.bar").count() >= 4
                if url == "/docs":
                    assert page.locator(".opblock").count() >= 5
                else:  # the style sheet applied: the header bar is not the browser's default
                    header = "getComputedStyle(document.querySelector('header.site')).backgroundColor"
                    background = page.evaluate(header)
                    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
                page.close()
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)

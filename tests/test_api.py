"""The HTTP API and the web routes, through FastAPI's test client, over a real store filled
from short composed Arabic pages (no seed text)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx2 in its test client
    from fastapi.testclient import TestClient

from marsad.serve.api import MAX_PAGE_SIZE, create_app

PAGES = [
    {
        "title": "انفجار في سوق ببغداد",
        "outlet": "وكالة الرافدين",
        "published": "2024-03-03",
        "url": "https://rafidain.example/a1",
        "text": "قتل 12 شخصا في انفجار سيارة مفخخة في سوق شعبي ببغداد صباح الأحد. "
        "وقال وزير الداخلية العراقي إن القوات الأمنية فتحت تحقيقا في الحادث.",
    },
    {
        "title": "ارتفاع حصيلة انفجار بغداد",
        "outlet": "صحيفة دجلة",
        "published": "2024-03-04",
        "url": "https://dijla.example/b2",
        "text": "ارتفعت حصيلة انفجار السوق في بغداد إلى 15 قتيلا بحسب مصادر طبية. "
        "وأعلنت وزارة الصحة العراقية أن المستشفيات استقبلت عشرات الجرحى.",
    },
    {
        "title": "مباحثات في عمّان حول المياه",
        "outlet": "وكالة الرافدين",
        "published": "2024-03-05",
        "url": "https://rafidain.example/c3",
        "text": "التقى وزير الخارجية الأردني نظيره السوري في عمّان لبحث ملف المياه والحدود.",
    },
]
HOSTILE_TEXT = (
    'خبر عاجل <script>alert("x")</script> عن سوق بغداد '
    "<img src=x onerror=alert(1)> ولا شيء غير ذلك."
)


def open_test_store(path: Path) -> Any:
    store_module = pytest.importorskip(
        "marsad.store"
    )
    return store_module.open_store(str(path))


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    store = open_test_store(tmp_path / "api.db")
    app_client = TestClient(create_app(store))
    for page in PAGES:
        assert app_client.post("/api/pages", json=page).status_code == 201
    return app_client


@pytest.fixture
def bare_client() -> TestClient:
    # For requests refused before the store is consulted (size limit, validation, routing).
    return TestClient(create_app(None), raise_server_exceptions=False)


# --- refused before the store ----------------------------------------------------------


def test_body_over_the_limit_is_413_with_a_json_error(bare_client: TestClient) -> None:
    body = b'{"text": "' + "ب".encode() * (1_100_000) + b'"}'  # 2.2 MB of Arabic
    response = bare_client.post(
        "/api/pages", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "too large" in response.json()["error"]


def test_chunked_body_over_the_limit_is_413(tmp_path: Path) -> None:
    app = create_app(None, max_body_bytes=1000)
    chunks = (b"x" * 400 for _ in range(5))  # no Content-Length: counted as it arrives
    response = TestClient(app).post(
        "/api/pages", content=chunks, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_page_size_over_the_cap_is_422_with_a_clear_message(bare_client: TestClient) -> None:
    response = bare_client.get("/api/articles", params={"limit": MAX_PAGE_SIZE + 1})
    assert response.status_code == 422
    error = response.json()["error"]
    assert "limit" in error and str(MAX_PAGE_SIZE) in error


@pytest.mark.parametrize("body", [{}, {"text": "  "}, {"text": "نص", "html": "<p>نص</p>"}])
def test_a_page_needs_exactly_one_of_text_or_html(
    bare_client: TestClient, body: dict[str, str]
) -> None:
    response = bare_client.post("/api/pages", json=body)
    assert response.status_code == 422
    assert "exactly one" in response.json()["error"]


def test_bad_date_and_url_are_422(bare_client: TestClient) -> None:
    response = bare_client.post(
        "/api/pages", json={"text": "نص", "published": "أمس", "url": "javascript:x"}
    )
    assert response.status_code == 422
    assert "published" in response.json()["error"] and "url" in response.json()["error"]


def test_unknown_api_address_is_404_json(bare_client: TestClient) -> None:
    response = bare_client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"error": "no such address: /api/nothing-here"}


def test_openapi_docs_are_served_without_a_cdn(bare_client: TestClient) -> None:
    docs = bare_client.get("/docs")
    assert docs.status_code == 200 and "https://" not in docs.text and "cdn" not in docs.text
    paths = bare_client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/stories/{story_id}", "/api/search", "/api/pages"} <= set(paths)


# --- over a real store -----------------------------------------------------------------


def test_lists_are_paged_with_total_and_items(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert set(first) >= {"total", "items"} and first["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(set(ids)) == 3
    for path in ("/api/stories", "/api/entities", "/api/events"):
        body = client.get(path).json()
        assert isinstance(body["total"], int) and isinstance(body["items"], list), path


def test_post_then_get_the_article(client: TestClient) -> None:
    page = {
        "text": "أعلنت الحكومة العراقية عطلة رسمية يوم الخميس في بغداد.",
        "outlet": "صحيفة دجلة",
        "published": "2024-03-06",
        "title": "عطلة رسمية",
    }
    posted = client.post("/api/pages", json=page)
    assert posted.status_code == 201
    body = posted.json()
    assert body["duplicate"] is False and body["id"]
    article = client.get(f"/api/articles/{body['id']}").json()
    assert article["title"] == "عطلة رسمية" and "عطلة رسمية يوم الخميس" in article["text"]
    assert article["outlet"] == "صحيفة دجلة" and article["published"] == "2024-03-06"
    assert client.get("/api/articles").json()["total"] == 4


def test_the_same_page_twice_is_stored_once(client: TestClient) -> None:
    again = client.post("/api/pages", json=PAGES[0])
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert client.get("/api/articles").json()["total"] == 3


def test_unknown_ids_are_404_json(client: TestClient) -> None:
    for kind in ("articles", "stories", "entities"):
        response = client.get(f"/api/{kind}/no-such-id")
        assert response.status_code == 404
        assert "no-such-id" in response.json()["error"]


def test_search_answers_paged_items_with_article_ids(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "بغداد"}).json()
    assert body["total"] >= 2 and all("id" in item for item in body["items"])
    for item in body["items"]:
        assert client.get(f"/api/articles/{item['id']}").status_code == 200
    # Arabic matching: a clitic-attached form finds the bare word.
    assert client.get("/api/search", params={"q": "ببغداد"}).json()["total"] >= 1


def test_search_needs_a_query(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422
    assert "q" in client.get("/api/search", params={"q": " "}).json()["error"]


# --- web pages over the store ----------------------------------------------------------


def test_article_page_shows_hostile_text_as_text(client: TestClient) -> None:
    posted = client.post("/api/pages", json={"text": HOSTILE_TEXT, "title": "<b>عنوان</b>"}).json()
    html = client.get(f"/articles/{posted['id']}").text
    assert '<script>alert("x")</script>' not in html and "<img src=x" not in html
    # Highlights may wrap words of the text in tags; the text itself must read escaped.
    shown = re.sub(r"<[^>]+>", "", html)
    assert "&lt;script&gt;" in shown and "onerror=alert(1)&gt;" in shown
    assert "&lt;b&gt;عنوان&lt;/b&gt;" in html


def test_web_pages_are_rtl_and_render(client: TestClient) -> None:
    first_article = client.get("/api/articles").json()["items"][0]["id"]
    for path in ("/", "/?sort=biggest", "/search", "/search?q=بغداد", f"/articles/{first_article}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="ar" dir="rtl">' in response.text, path


def test_search_page_highlights_matches(client: TestClient) -> None:
    html = client.get("/search", params={"q": "بغداد"}).text
    assert "<mark>" in html and 'class="result"' in html


def test_unknown_web_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/stories/no-such-story")
    assert response.status_code == 404 and 'dir="rtl"' in response.text


def test_search_hits_give_highlights_as_offsets_into_the_snippet(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "بغداد"}).json()
    assert body["items"]
    for hit in body["items"]:
        assert "\x02" not in hit["snippet"] and "\x03" not in hit["snippet"]
        assert hit["highlights"] and all("بغداد" in hit["snippet"][a:b] for a, b in hit["highlights"])
    described = client.get("/openapi.json").json()["components"]["schemas"]["SearchHitOut"]["properties"]
    assert "offsets" in described["highlights"]["description"]

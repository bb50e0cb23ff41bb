"""End-to-end in headless Chromium: the story page (summary, timeline, a highlighted
conflict), a search run from the search page, and hostile article text shown as text.

Debian's /usr/bin/chromium is driven by Playwright for Python (Playwright's own browser
download does not work here; scripts/ci_browser.sh installs both). Screenshots are saved
under tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.model import Query
from marsad.serve.api import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (scripts/ci_browser.sh)"
)
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (scripts/ci_browser.sh)",
        allow_module_level=True,
    )
store_module = pytest.importorskip(
    "marsad.store"
)

# Composed pages (no seed text): two outlets report different death tolls for one attack,
# so the story's claims table must show a conflict.
COMPOSED_PAGES = [
    {
        "title": "انفجار يهز سوقا شعبيا في بغداد",
        "outlet": "وكالة الرافدين",
        "published": "2024-03-03",
        "text": "قتل 12 شخصا وأصيب 30 آخرون في انفجار سيارة مفخخة في سوق الشورجة ببغداد يوم 3 مارس 2024. "
        "وقال المتحدث باسم وزارة الداخلية العراقية إن القوات الأمنية طوقت المكان وفتحت تحقيقا. "
        "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.",
    },
    {
        "title": "حصيلة انفجار الشورجة ترتفع",
        "outlet": "صحيفة دجلة",
        "published": "2024-03-04",
        "text": "ارتفعت حصيلة انفجار سوق الشورجة في بغداد إلى 15 قتيلا و40 جريحا بحسب مصادر طبية. "
        "وكانت سيارة مفخخة قد انفجرت في السوق يوم 3 مارس 2024 وفق وزارة الداخلية العراقية. "
        "وأدان رئيس الوزراء العراقي الهجوم ووعد بملاحقة المسؤولين.",
    },
    {
        "title": "الداخلية العراقية: 12 قتيلا في انفجار الشورجة",
        "outlet": "قناة الفرات",
        "published": "2024-03-04",
        "text": "أكدت وزارة الداخلية العراقية مقتل 12 شخصا في انفجار سوق الشورجة ببغداد. "
        "وقال المتحدث باسم الوزارة إن التحقيقات مستمرة لكشف منفذي الهجوم على السوق.",
    },
    {
        "title": "خبر فيه وسوم",
        "outlet": "مدونة",
        "published": "2024-03-05",
        "text": 'نص عن سوق بغداد فيه <script>window.__pwned = 1</script> و <img src=x onerror="window.__pwned=2">.',
    },
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fill(store: Any) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(create_app(store))
    if DEMO_DIR.is_dir() and any(DEMO_DIR.iterdir()):
        from marsad.ingest import read_inputs

        for page in read_inputs([str(DEMO_DIR)]):
            if hasattr(page, "content"):
                store.ingest_one(page)
    for page in COMPOSED_PAGES:
        assert client.post("/api/pages", json=page).status_code in (200, 201)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    import uvicorn

    store = store_module.open_store(str(tmp_path_factory.mktemp("browser") / "web.db"))
    _fill(store)
    port = _free_port()
    app_server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not app_server.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    app_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server: tuple[str, Any]) -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _story_with_conflict(store: Any) -> str | None:
    for item in store.list_stories(offset=0, limit=100, sort="biggest")["items"]:
        story = store.get_story(item["id"])
        if story and any(not claim["agree"] for claim in story.get("claims") or ()):
            return str(story["id"])
    return None


def test_story_page_shows_summary_timeline_and_a_conflict(
    server: tuple[str, Any], browser: Any
) -> None:
    base, store = server
    story_id = _story_with_conflict(store)
    if story_id is None:
        import marsad.stories

        if "PLACEHOLDER" in (marsad.stories.__doc__ or ""):
            pytest.skip(
                "story building (marsad.stories) is still the placeholder: no stories to show"
            )
        pytest.fail(
            "the store holds no story with conflicting claims, though the pages disagree on the toll"
        )
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = browser.new_page(viewport=viewport)
        page.goto(f"{base}/stories/{story_id}")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("section.summary p").count() >= 1
        assert page.locator("section.summary sup.cite a").count() >= 1
        assert page.locator("ol.timeline li").count() >= 1
        conflict = page.locator("tr.conflict").first
        assert conflict.is_visible()
        assert conflict.locator(".badge.conflict").inner_text().strip() == "تعارض"
        # Nothing sticks out sideways on a phone: the page is no wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
        page.screenshot(path=str(ARTIFACTS / f"story-{name}.png"), full_page=True)
        page.close()


def test_story_list_links_to_story_pages(server: tuple[str, Any], browser: Any) -> None:
    base, store = server
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{base}/?sort=biggest")
    links = page.locator("ul.stories a.title")
    if links.count() == 0:
        assert store.list_stories(offset=0, limit=1, sort="biggest")["total"] == 0
        page.close()
        pytest.skip("the store holds no stories (story building not landed)")
    links.first.click()
    page.wait_for_url("**/stories/**")
    assert page.locator("h1").first.inner_text().strip()
    page.close()


def test_search_from_the_search_page(server: tuple[str, Any], browser: Any) -> None:
    base, _ = server
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{base}/search")
    form = page.locator("form#search-form")
    form.locator("input[name=q]").fill("الشورجة")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("li.result")
    assert page.locator("li.result").count() >= 2
    assert page.locator("li.result .snippet mark").count() >= 1
    assert "الشورجة" in page.locator("li.result .snippet mark").first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "search-phone.png"), full_page=True)
    page.locator("li.result a").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator(".article-text").inner_text().strip()
    page.close()


def test_hostile_article_text_shows_as_text_and_never_runs(
    server: tuple[str, Any], browser: Any
) -> None:
    base, store = server
    hits = (
        store.search(Query(text="وسوم", limit=5)).items
        or store.search(Query(text="بغداد", limit=50)).items
    )
    hostile = [
        h.id for h in hits if "__pwned" in (store.get_article(h.id) or {}).get("text", "")
    ]
    assert hostile, "the composed page with tags was not stored"
    page = browser.new_page(viewport=DESKTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/articles/{hostile[0]}")
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text and 'onerror="window.__pwned=2"' in text
    assert page.evaluate("window.__pwned === undefined") and dialogs == []
    assert page.locator(".article-text script, .article-text img").count() == 0
    page.screenshot(path=str(ARTIFACTS / "article-hostile.png"), full_page=True)
    page.close()


def test_claim_rows_open_to_the_sentences_behind_them(server: tuple[str, Any], browser: Any) -> None:
    base, store = server
    story_id = _story_with_conflict(store)
    assert story_id is not None
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{base}/stories/{story_id}")
    rows = page.locator("section.claims tr")
    classes = [rows.nth(i).get_attribute("class") for i in range(rows.count())]
    shown = [c for c in classes if c in ("agree", "conflict")]
    assert shown[0] == "conflict" and shown == sorted(shown, key=lambda c: c != "conflict")  # conflicts first
    value = page.locator("tr.conflict ul.values > li").filter(has=page.locator("details.sentences")).first
    said = value.locator("strong").first.inner_text().strip()
    sentences = value.locator("details.sentences")
    assert not sentences.locator("li").first.is_visible()  # folded until asked for
    sentences.locator("summary").click()
    sentence = sentences.locator("li").first
    assert sentence.is_visible() and said in sentence.inner_text()  # the sentence that states the value
    page.screenshot(path=str(ARTIFACTS / "story-claims-open.png"), full_page=True)
    page.close()


def test_search_with_either_spelling_finds_the_same_articles(server: tuple[str, Any], browser: Any) -> None:
    base, _ = server
    found = {}
    page = browser.new_page(viewport=DESKTOP)
    for spelling in ("فيليب كارتر", "فليب كارتر"):
        page.goto(f"{base}/search")
        page.locator("form#search-form input[name=q]").fill(spelling)
        page.locator("form#search-form button[type=submit]").click()
        page.wait_for_selector("li.result")
        results = page.locator("li.result")
        found[spelling] = {results.nth(i).get_attribute("data-article") for i in range(results.count())}
        assert page.locator("li.result .matched").count() >= 1
    assert found["فيليب كارتر"] == found["فليب كارتر"] and len(found["فليب كارتر"]) == 4
    page.screenshot(path=str(ARTIFACTS / "search-two-spellings.png"), full_page=True)
    page.close()


def test_entity_page_lists_its_names_and_articles(server: tuple[str, Any], browser: Any) -> None:
    base, store = server
    carter = [e for e in store.list_entities(limit=200)["items"] if "فليب كارتر" in e["aliases"]]
    assert len(carter) == 1
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{base}/entities/{carter[0]['id']}")
    body = page.locator("main").inner_text()
    assert "فيليب كارتر" in body and "فليب كارتر" in body
    assert page.locator("main a[href^='/articles/']").count() >= 4
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    page.screenshot(path=str(ARTIFACTS / "entity-phone.png"), full_page=True)
    page.close()

"""The PostgreSQL backend through the same interface as SQLite: incremental ingest, Arabic
search, the read interface and the API over it. Needs a server: scripts/ci_postgres.sh
(sourced by .ci/run) starts one on loopback and exports MARSAD_TEST_PG."""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from marsad.ingest import make_page, read_inputs
from marsad.model import Query
from marsad.store import open_store

PG_URL = os.environ.get("MARSAD_TEST_PG")
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store"

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="MARSAD_TEST_PG is not set (source scripts/ci_postgres.sh to start one)"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema per test, dropped afterwards, so tests never see each other's rows."""
    psycopg = pytest.importorskip("psycopg")
    assert PG_URL is not None
    schema = f"marsad_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def snapshot(store: Any) -> dict[str, Any]:
    return {
        "stats": store.stats(),
        "articles": store.list_articles(limit=100),
        "stories": store.list_stories(limit=100),
        "events": store.list_events(limit=100),
    }


def test_open_store_picks_postgres_and_migrates(pg_url: str) -> None:
    from marsad.store.migrations import PG_MIGRATIONS
    from marsad.store.postgres import PostgresBackend

    store = open_store(pg_url)
    assert isinstance(store.backend, PostgresBackend)
    assert store.schema_version() == len(PG_MIGRATIONS)
    store.close()
    assert open_store(pg_url).schema_version() == len(PG_MIGRATIONS)


def test_ingest_twice_changes_nothing_and_builds_stories(pg_url: str) -> None:
    store = open_store(pg_url)
    first = store.ingest(read_inputs([str(FIXTURES)]))
    assert (first.added, first.duplicates, first.failed) == (6, 0, [])
    before = snapshot(store)
    again = open_store(pg_url).ingest(read_inputs([str(FIXTURES)]))
    assert (again.added, again.duplicates) == (0, 6)
    assert snapshot(store) == before
    sizes = sorted(len(s["articles"]) for s in store.list_stories(limit=10)["items"])
    assert sizes == [2, 3]
    flood = store.list_stories(sort="biggest")["items"][0]
    assert store.list_articles(story=flood["id"])["total"] == 3
    assert store.get_story(flood["id"])["title"] == flood["title"]


def test_sqlite_and_postgres_group_the_same_way(pg_url: str, tmp_path: Path) -> None:
    pg = open_store(pg_url)
    lite = open_store(str(tmp_path / "same.db"))
    for store in (pg, lite):
        store.ingest(read_inputs([str(FIXTURES)]))

    def groups(store: Any) -> set[frozenset[str]]:
        return {frozenset(s["articles"]) for s in store.list_stories(limit=100)["items"]}

    assert groups(pg) == groups(lite)
    for query in ("بالبصرة", "الفيضانات", "عمان", "الكهرباء"):
        assert {i.id for i in pg.search(Query(text=query, limit=100)).items} == {
            i.id for i in lite.search(Query(text=query, limit=100)).items
        }, query


def test_arabic_search_and_filters(pg_url: str) -> None:
    store = open_store(pg_url)
    pages = [
        ("وصل وفد من إيران إلى العاصمة.", "وكالة أ", "2024-01-10"),
        ("قال مسؤول في ايران إن المحادثات ستستأنف.", "وكالة ب", "2024-01-12"),
        ("وصلت شحنة قمح إلى الأردن والعراق.", "وكالة ب", "2024-02-03"),
        ("عقد مؤتمر للاستثمار بالعراق.", "وكالة أ", "2024-02-05"),
        ("أعلنت الحُكُومَةُ خطة جديدة.", "وكالة أ", "2024-02-06"),
    ]
    ids = [
        store.ingest_one(make_page(f"composed:{i}", t, outlet=o, published=d, title=f"خبر {i}"))[
            "id"
        ]
        for i, (t, o, d) in enumerate(pages)
    ]

    def found(q: str, **filters: Any) -> set[str]:
        result = store.search(Query(text=q, limit=100, **filters))
        assert result.total == len(result.items)
        return {i.id for i in result.items}

    assert found("ايران") == found("إيران") == {ids[0], ids[1]}
    assert found("العراق") == {ids[2], ids[3]}
    assert found("العراق", outlet="وكالة أ") == {ids[3]}
    assert found("العراق", date_to=date(2024, 2, 3)) == {ids[2]}
    assert found("الحكومة") == {ids[4]}
    (hit,) = store.search(Query(text="العراق", outlet="وكالة ب")).items
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["والعراق"]


def test_api_over_postgres(pg_url: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from marsad.serve.api import create_app

    client = TestClient(create_app(open_store(pg_url)))
    page = {
        "text": "افتتح معرض للكتاب في بغداد بمشاركة مئات دور النشر.",
        "outlet": "وكالة أ",
        "title": "معرض الكتاب",
    }
    posted = client.post("/api/pages", json=page)
    assert posted.status_code == 201
    assert client.post("/api/pages", json=page).json()["duplicate"] is True
    article = client.get(f"/api/articles/{posted.json()['id']}").json()
    assert article["outlet"] == "وكالة أ"
    assert client.get("/api/search", params={"q": "ببغداد"}).json()["total"] == 1
    assert client.get("/api/articles").json()["total"] == 1

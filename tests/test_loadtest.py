"""A bounded load test on loopback with concurrent ingest: no errors, no lost pages.
(Latency figures are printed by `marsad loadtest`, never asserted.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import read_inputs
from marsad.run.loadtest import LoopbackServer, composed_pages, run_load_test

DEMO = Path(__file__).resolve().parent.parent / "demo"


def test_search_and_story_pages_under_load_with_concurrent_ingest(tmp_path: Path) -> None:
    store_mod = pytest.importorskip("marsad.store")
    from marsad.serve.api import create_app

    store = store_mod.open_store(str(tmp_path / "load.db"))
    store.ingest(read_inputs([str(DEMO)]))
    with LoopbackServer(create_app(store)) as server:
        report = run_load_test(server.url, requests=60, concurrency=4, ingest_pages=composed_pages(6))
    assert report.requests == 60
    assert report.errors == []
    assert report.ingested == 6 and report.lost_pages == []
    assert set(report.latencies_ms) >= {"search", "story_page", "ingest_post"}

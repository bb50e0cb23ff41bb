"""A bounded load test of the HTTP API on loopback: a fixed number of search and story
requests from concurrent clients while pages are POSTed for ingest at the same time.
It stops by itself and reports throughput, latency percentiles, errors and lost pages.

Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

DEFAULT_QUERIES = ("العراق", "إيران", "الوزير", "هجوم", "اتفاق", "واشنطن", "الحكومة", "صاروخ")


@dataclass
class LoadReport:
    requests: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    latencies_ms: dict[str, list[float]] = field(default_factory=dict)
    ingested: int = 0
    lost_pages: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        per_kind = {kind: _percentiles(values) for kind, values in self.latencies_ms.items()}
        return {
            "requests": self.requests,
            "seconds": round(self.seconds, 2),
            "requests_per_s": round(self.requests / max(self.seconds, 1e-9), 1),
            "latency_ms": per_kind,
            "errors": len(self.errors),
            "error_samples": self.errors[:5],
            "pages_ingested_concurrently": self.ingested,
            "lost_pages": len(self.lost_pages),
        }


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)
    return {"n": len(values), "p50": at(0.5), "p95": at(0.95), "max": round(ordered[-1], 1),
            "mean": round(statistics.fmean(values), 1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LoopbackServer:
    """uvicorn serving an ASGI app on 127.0.0.1 in a background thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start within 20 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def run_load_test(
    base_url: str, *, requests: int = 400, concurrency: int = 8,
    ingest_pages: list[dict[str, Any]] | None = None, queries: tuple[str, ...] = DEFAULT_QUERIES,
) -> LoadReport:
    """Send `requests` GETs (searches and story pages, alternating) from `concurrency`
    clients while one client POSTs `ingest_pages`; then check every posted page is stored."""
    report = LoadReport()
    with httpx.Client(base_url=base_url, timeout=30) as probe:
        stories = [s["id"] for s in probe.get("/api/stories", params={"limit": 50}).json()["items"]]
    paths: list[tuple[str, str, dict[str, str] | None]] = []
    for i in range(requests):
        if i % 2 == 0 or not stories:
            paths.append(("search", "/api/search", {"q": queries[i % len(queries)]}))
        else:
            paths.append(("story_page", f"/stories/{stories[i % len(stories)]}", None))
    lock = threading.Lock()
    posted: list[str] = []

    def fetch(job: tuple[str, str, dict[str, str] | None], client: httpx.Client) -> None:
        kind, path, params = job
        t0 = time.perf_counter()
        try:
            resp = client.get(path, params=params)
            ok = resp.status_code == 200
            detail = f"{resp.status_code} {path}"
        except httpx.HTTPError as exc:
            ok, detail = False, f"{type(exc).__name__} {path}"
        elapsed = (time.perf_counter() - t0) * 1000
        with lock:
            report.latencies_ms.setdefault(kind, []).append(elapsed)
            if not ok:
                report.errors.append(detail)

    def ingest() -> None:
        with httpx.Client(base_url=base_url, timeout=60) as client:
            for page in ingest_pages or []:
                t0 = time.perf_counter()
                resp = client.post("/api/pages", json=page)
                elapsed = (time.perf_counter() - t0) * 1000
                with lock:
                    report.latencies_ms.setdefault("ingest_post", []).append(elapsed)
                    if resp.status_code in (200, 201):  # 201: a new page, 200: already stored
                        posted.append(resp.json()["id"])
                    else:
                        report.errors.append(f"{resp.status_code} POST /api/pages: {resp.text[:120]}")

    clients = [httpx.Client(base_url=base_url, timeout=30) for _ in range(concurrency)]
    t0 = time.perf_counter()
    writer = threading.Thread(target=ingest)
    writer.start()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for i, job in enumerate(paths):
            pool.submit(fetch, job, clients[i % concurrency])
    writer.join()
    report.seconds = time.perf_counter() - t0
    report.requests = len(paths)
    for client in clients:
        client.close()
    report.ingested = len(posted)
    with httpx.Client(base_url=base_url, timeout=30) as client:
        report.lost_pages = [pid for pid in posted if client.get(f"/api/articles/{pid}").status_code != 200]
    if ingest_pages and len(posted) != len(ingest_pages):
        report.lost_pages += ["(post failed)"] * (len(ingest_pages) - len(posted))
    return report


def composed_pages(n: int) -> list[dict[str, Any]]:
    """Distinct short pages for the concurrent ingest (composed, numbered so each is new)."""
    cities = ["بغداد", "دمشق", "عمّان", "بيروت", "القاهرة", "الرياض", "الرباط", "تونس"]
    pages = []
    for i in range(n):
        city = cities[i % len(cities)]
        pages.append({
            "text": (f"عاجل: اجتماع رقم {i + 1} لمجلس المحافظة في {city}\n\n"
                     f"عقد مجلس المحافظة في {city} اليوم اجتماعه الدوري رقم {i + 1} لمناقشة مشاريع المياه. "
                     f"وقال رئيس المجلس إن {10 + i} مشروعا ستنجز قبل نهاية العام."),
            "url": f"https://loadtest.example/{i + 1}",
            "outlet": "اختبار الحمل",
        })
    return pages

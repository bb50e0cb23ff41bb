"""`marsad batch` on a 2-worker LocalCluster gives what `marsad analyze` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marsad.batch import chunk_pages, run_batch
from marsad.export import analysis_to_dict
from marsad.ingest import make_page, read_inputs
from marsad.model import Problem
from marsad.pipeline import analyze_pages

PAGES = {
    "site-a/1.txt": "وزير المالية يعلن خطة جديدة\n\nأعلن وزير المالية يوم الأحد خطة لخفض العجز بنحو 3 مليارات دولار خلال عامين.\n\nوقال الوزير إن الخطة تشمل تقليص الإنفاق بنسبة 5 بالمئة.\n",
    "site-a/2.txt": "أمطار غزيرة تغلق طرقا في عمّان\n\nأغلقت السلطات في عمّان أمس ثلاثة طرق رئيسية بعد أمطار غزيرة استمرت ساعات.\n\nوأكد الدفاع المدني إنقاذ 14 شخصا علقوا في سياراتهم.\n",
    "site-b/1.txt": "وزير المالية: خطة خفض العجز تبدأ الشهر المقبل\n\nقال وزير المالية إن خطة خفض العجز بقيمة 3 مليارات دولار ستبدأ الشهر المقبل.\n\nوأضاف أن الحكومة ستقلص الإنفاق بنسبة خمسة بالمئة.\n",
    "site-b/feed.jsonl": json.dumps({"text": "افتتاح معرض الكتاب في الرباط بمشاركة 700 دار نشر من 40 دولة.", "url": "https://example.ma/book", "published": "2024-05-02"}, ensure_ascii=False) + "\n{broken\n",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in PAGES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_batch_equals_analyze_on_a_two_worker_local_cluster(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch_analysis, report = run_batch([str(corpus)], out, workers=2, chunk_pages_n=1)
    local = analysis_to_dict(analyze_pages(read_inputs([str(corpus)])))
    batched = analysis_to_dict(batch_analysis)
    assert batched["articles"] == local["articles"]
    assert batched["entities"] == local["entities"]
    assert batched["stories"] == local["stories"]
    assert batched["errors"] == local["errors"]
    assert report.articles == 4 and report.errors == 1

    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert sorted(a["id"] for a in articles) == sorted(a["id"] for a in local["articles"])
    for table in ("mentions", "quantities", "times", "events", "entities"):
        assert (out / f"{table}.parquet").exists()
    n_quantities = sum(len(a["quantities"]) for a in local["articles"])
    assert pq.read_table(out / "quantities.parquet").num_rows == n_quantities
    assert len((out / "errors.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_chunks_keep_a_site_together() -> None:
    pages = [make_page(f"{site}/{i}", f"نص رقم {i} من {site}", site_key=site) for site in ("a", "b") for i in range(3)]
    chunks = list(chunk_pages([*pages, Problem("x", "bad")], size=2))
    assert [[p.site_key for p in c] for c, _ in chunks] == [["a", "a", "a"], ["b", "b", "b"]]
    assert chunks[-1][1] == [Problem("x", "bad")]

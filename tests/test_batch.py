"""`marsad batch` on a 2-worker LocalCluster gives what `marsad analyze` gives."""

from __future__ import annotations

import dataclasses
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


def test_docs_held_without_tokens_link_and_group_as_full_docs_do() -> None:
    """`marsad batch` keeps docs for the corpus-level step without their tokens (a quarter
    of the memory); names shared across articles, reuse and stories tokenise them again
    and must give exactly what the full docs give. The demo corpus has names that one
    outlet gives in full and another only in part, so the re-run of the stages is taken."""
    from marsad.model import RawPage
    from marsad.pipeline import RunContext, analyze_raw_pages, link_and_group, without_tokens

    demo = Path(__file__).resolve().parent.parent / "demo"
    raw = [p for p in read_inputs([str(demo)]) if isinstance(p, RawPage)]
    ctx = RunContext()
    docs, errors = analyze_raw_pages(raw, ctx)
    # One more article where the tagger "missed" a full name that another article has: the
    # corpus-level step must find it again and re-run the stages after NER on that doc.
    donor = next(d for d in docs if any(m.type == "PER" and len(m.text.split()) >= 2 for m in d.mentions))
    name = next(m for m in donor.mentions if m.type == "PER" and len(m.text.split()) >= 2)
    article = dataclasses.replace(donor.article, id="missed-name", source="zz-missed.txt")
    docs.append(dataclasses.replace(donor, article=article, mentions=tuple(m for m in donor.mentions if m != name)))
    full = link_and_group(docs, errors, ctx)
    slim_docs = [without_tokens(d) for d in docs]
    assert all(not s.tokens for d in slim_docs for s in d.sentences)
    slim = link_and_group(slim_docs, errors, ctx)
    assert analysis_to_dict(slim) == analysis_to_dict(full)
    missed = next(d for d in full.docs if d.id == "missed-name")
    assert any((m.start, m.end) == (name.start, name.end) for m in missed.mentions)
    assert full.stories and any(d.reuse for d in full.docs)

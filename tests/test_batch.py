"""`marsad batch` on a 2-worker LocalCluster gives what `marsad analyze` gives."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marsad.ingest import make_page, read_inputs
from marsad.model import Problem
from marsad.pipeline import analyze_pages
from marsad.run.batch import SHELF_FILE, chunk_pages, run_batch
from marsad.store import open_store
from marsad.store.export import analysis_to_dict

PAGES = {
    "site-a/1.txt": "وزير المالية يعلن خطة جديدة\n\nأعلن وزير المالية يوم الأحد خطة لخفض العجز بنحو 3 مليارات دولار خلال عامين.\n\nوقال الوزير إن الخطة تشمل تقليص الإنفاق بنسبة 5 بالمئة.\n",
    "site-a/2.txt": "أمطار غزيرة تغلق طرقا في عمّان\n\nأغلقت السلطات في عمّان أمس ثلاثة طرق رئيسية بعد أمطار غزيرة استمرت ساعات.\n\nوأكد الدفاع المدني إنقاذ 14 شخصا علقوا في سياراتهم.\n",
    "site-b/1.txt": "وزير المالية: خطة خفض العجز تبدأ الشهر المقبل\n\nقال وزير المالية إن خطة خفض العجز بقيمة 3 مليارات دولار ستبدأ الشهر المقبل.\n\nوأضاف أن الحكومة ستقلص الإنفاق بنسبة خمسة بالمئة.\n",
    # The same page under a second address (a mirror): kept once, under the first address.
    "site-z/mirror.txt": "وزير المالية يعلن خطة جديدة\n\nأعلن وزير المالية يوم الأحد خطة لخفض العجز بنحو 3 مليارات دولار خلال عامين.\n\nوقال الوزير إن الخطة تشمل تقليص الإنفاق بنسبة 5 بالمئة.\n",
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


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_equals_analyze_on_a_local_cluster(corpus: Path, tmp_path: Path, workers: int) -> None:
    """With 1 worker and with 2, batch writes what analyze gives: the same outputs,
    whichever worker did the per-article stages and the per-document part of the corpus
    step (`prepare_chunk`), and in whichever order their results came."""
    out = tmp_path / "out"
    report = run_batch([str(corpus)], out, workers=workers, chunk_pages_n=1)
    local = analysis_to_dict(analyze_pages(read_inputs([str(corpus)])))
    # What batch writes is what analyze gives: every article whole (after linking: entity
    # ids, reuse), the entities, the stories and the errors.
    assert _jsonl(out / "articles.jsonl") == local["articles"]
    assert pq.read_table(out / "entities.parquet").to_pylist() == local["entities"]
    assert _jsonl(out / "stories.jsonl") == local["stories"]
    assert _jsonl(out / "errors.jsonl") == local["errors"]
    assert report.articles == 4 and report.errors == 1 and report.stories == len(local["stories"])
    sources = [a["source"] for a in local["articles"]]
    assert any(s.endswith("site-a/1.txt") for s in sources) and not any("site-z" in s for s in sources)

    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert sorted(a["id"] for a in articles) == sorted(a["id"] for a in local["articles"])
    mentions = pq.read_table(out / "mentions.parquet").to_pylist()
    assert mentions == [{"article": a["id"], **m} for a in local["articles"] for m in a["mentions"]]
    assert any(m["entity"] for m in mentions)
    n_quantities = sum(len(a["quantities"]) for a in local["articles"])
    assert pq.read_table(out / "quantities.parquet").num_rows == n_quantities
    for table in ("times", "events"):
        assert (out / f"{table}.parquet").exists()
    # The shelf the docs waited on is gone, and its scratch databases with it.
    assert not [p.name for p in out.iterdir() if p.name.startswith(SHELF_FILE)]
    assert report.seconds > 0 and 0 < report.map_peak_mb <= report.peak_mb
    assert 0 < report.corpus_seconds <= report.seconds and report.corpus_cpu_seconds > 0


def test_batch_loads_the_store_once_however_often_it_runs(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    first = run_batch([str(corpus)], tmp_path / "out1", workers=1, store=str(db))
    again = run_batch([str(corpus)], tmp_path / "out2", workers=1, store=str(db))
    assert (first.stored, again.stored) == (4, 0)
    store = open_store(str(db))
    try:
        stats = store.stats()
        local = analyze_pages(read_inputs([str(corpus)]))
        assert stats["articles"] == 4 and stats["pages"] == 4 and stats["problems"] == 1
        assert sorted(d.id for d in store.iter_docs()) == sorted(d.id for d in local.docs)
        assert stats["stories"] >= 1 and stats["entities"] >= 1
        # The pages are those `marsad ingest` would store: ingesting them now adds nothing.
        assert store.ingest(read_inputs([str(corpus)])).added == 0
    finally:
        store.close()


def test_chunks_keep_a_site_together() -> None:
    pages = [make_page(f"{site}/{i}", f"نص رقم {i} من {site}", site_key=site) for site in ("a", "b") for i in range(3)]
    chunks = list(chunk_pages([*pages, Problem("x", "bad")], size=2))
    assert [[p.site_key for p in c] for c, _ in chunks] == [["a", "a", "a"], ["b", "b", "b"]]
    assert chunks[-1][1] == [Problem("x", "bad")]


def test_docs_held_without_tokens_and_on_disk_link_and_group_as_full_docs_do(tmp_path: Path) -> None:
    """`marsad batch` keeps docs for the corpus-level step on disk and without their tokens
    (a quarter of the memory); names shared across articles, reuse and stories tokenise
    them again and must give exactly what the full docs in memory give. The demo corpus has names that one
    outlet gives in full and another only in part, so the re-run of the stages is taken."""
    import pickle
    from collections.abc import Iterator

    from marsad.extract.coref import KnownPeople
    from marsad.model import Analysis, RawPage
    from marsad.pipeline import (
        PreparedDoc,
        RunContext,
        analyze_raw_pages,
        link_and_group,
        link_and_group_shelf,
        prepare_for_corpus,
        without_tokens,
    )
    from marsad.run.shelf import DiskShelf, DocShelf

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
    # And on a shelf on disk, as `marsad batch` holds them: the same again.
    with DiskShelf(tmp_path / "shelf.sqlite") as shelf:
        shelf.put_many(reversed(slim_docs))
        entities, stories = link_and_group_shelf(shelf, ctx)
        on_disk = Analysis(docs=tuple(shelf), entities=tuple(entities), stories=tuple(stories), errors=full.errors)
        assert analysis_to_dict(on_disk) == analysis_to_dict(full)
    # And with the per-document part of the step done elsewhere, as batch's workers do it
    # (each doc tokenised once, band keys computed there, the results sent back pickled).
    prepared: list[str] = []

    def elsewhere(shelf: DocShelf, known: KnownPeople) -> Iterator[PreparedDoc]:
        for pickled in shelf.pickled():  # the docs as the shelf keeps them, never unpickled here
            sent = pickle.loads(pickle.dumps((pickled, known)))
            doc = pickle.loads(sent[0])
            prepared.append(doc.id)
            yield pickle.loads(pickle.dumps(prepare_for_corpus(doc, sent[1], RunContext(), with_band_keys=True)))

    with DiskShelf(tmp_path / "shelf.sqlite") as shelf:
        shelf.put_many(slim_docs)
        entities, stories = link_and_group_shelf(shelf, ctx, prepare=elsewhere)
        there = Analysis(docs=tuple(shelf), entities=tuple(entities), stories=tuple(stories), errors=full.errors)
        assert analysis_to_dict(there) == analysis_to_dict(full)
        assert prepared == shelf.ids()  # every doc, in the canonical order
    assert not (tmp_path / "shelf.sqlite").exists()
    missed = next(d for d in full.docs if d.id == "missed-name")
    assert any((m.start, m.end) == (name.start, name.end) for m in missed.mentions)
    assert full.stories and any(d.reuse for d in full.docs)


def test_the_map_does_not_keep_the_pages_it_has_sent(tmp_path: Path) -> None:
    # Dask logs each connection's recent messages whole, and a task's message carries its
    # pages: with Dask's default log every page of a run stayed in this process.
    import gc

    from marsad.model import RawPage
    from marsad.run.batch import _map_on_dask
    from marsad.run.on_dask import dask_client

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": f"خبر رقم {i} عن افتتاح معرض في المدينة", "url": f"https://e{i % 7}.com/{i}"},
                                       ensure_ascii=False) + "\n" for i in range(240)), encoding="utf-8")  # a task a page
    with dask_client(None, 2) as client:
        seen = sum(n_pages for n_pages, _ in _map_on_dask(client, [str(feed)], 1, None, 4))
        gc.collect()
        kept = sum(1 for o in gc.get_objects() if isinstance(o, RawPage) and o.source.startswith("https://e"))
    assert seen == 240
    assert kept <= 24  # what a short log holds, however long the run (240 with Dask's default)


def _slower_first(chunk: list[int]) -> list[int]:
    import time

    time.sleep(0.05 * (3 - chunk[0] % 3))  # the earlier chunks finish last
    return [n * n for n in chunk]


def test_work_sent_to_the_workers_comes_back_in_order() -> None:
    # The corpus step merges the workers' results in the canonical order of the docs (and
    # of the stories), whichever chunk finishes first.
    from marsad.run.on_dask import dask_client, in_order_on_dask

    with dask_client(None, 2) as client:
        got = list(in_order_on_dask(client, _slower_first, range(10), 3, 2))
    assert [chunk for chunk, _ in got] == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert [n for _, squares in got for n in squares] == [n * n for n in range(10)]

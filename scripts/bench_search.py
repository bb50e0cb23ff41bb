"""Search latency over a large store: p50/p95 of `store.search` (issue 7: p95 < 50 ms over
30,000 articles). Printed, never asserted.

    python scripts/bench_search.py [--corpus DIR] [--limit 30000] [--db /tmp/bench-search.db]

The articles are SaudiNewsNet pages (../shared/data) put straight into the store's article
and search tables, without the per-article analysis: search reads only those tables, and
analysing 30,000 pages would take far longer than the search benchmark itself.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from marsad.model import Article, Doc
from marsad.run.bench import DEFAULT_CORPUS, load_corpus
from marsad.store import Store, open_store
from marsad.store.records import doc_record
from marsad.store.search import benchmark_search, index_article

QUERIES = [
    "السعودية",
    "الرياض",
    "وزير الصحة",
    "المملكة",
    "بالرياض",
    "إيران",
    "ايران",
    "الاقتصاد",
    "كرة القدم",
    "الأمير",
    "النفط",
    "أسعار النفط",
    "التعليم",
    "المدارس",
    "جدة",
    "الحج",
    "مجلس الوزراء",
    "الهلال",
    "والمملكة",
    "للمملكة",
]


def fill(store: Store, corpus: Path, limit: int) -> int:
    pages = load_corpus(corpus, limit)
    conn = store.backend.writer()
    with store._transaction():
        for page in pages:
            article = Article(
                id=page.content_hash[:16],
                source=page.source,
                text=page.content,
                title=page.hint_title,
                published=page.hint_published,
                outlet=page.hint_outlet,
                language="ar",
                is_article=True,
                url=page.url,
                content_hash=page.content_hash,
            )
            conn.execute(
                "INSERT OR IGNORE INTO pages (content_hash, source, ingested_at, article) "
                "VALUES (?, ?, '', ?)",
                (page.content_hash, page.source, article.id),
            )
            cur = conn.execute(
                "INSERT OR IGNORE INTO articles (id, content_hash, source, url, outlet, published, "
                "title, language, is_article, record) VALUES (?, ?, ?, ?, ?, ?, ?, 'ar', 1, ?)",
                (
                    article.id,
                    page.content_hash,
                    article.source,
                    article.url,
                    article.outlet,
                    article.published,
                    article.title,
                    doc_record(Doc(article=article)),
                ),
            )
            if cur.rowcount:
                index_article(conn, cur.lastrowid, article.title, article.text)
    return len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=30_000)
    parser.add_argument("--db", default="/tmp/bench-search.db")
    args = parser.parse_args()
    store = open_store(args.db)
    if store.stats()["articles"] < args.limit:
        start = time.perf_counter()
        n = fill(store, args.corpus, args.limit)
        print(f"indexed {n} pages in {time.perf_counter() - start:.1f} s")
    print(json.dumps(benchmark_search(store, QUERIES), ensure_ascii=False))


if __name__ == "__main__":
    main()

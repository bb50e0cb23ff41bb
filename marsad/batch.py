"""`marsad batch`: the same pipeline on Dask (dask.distributed).

The per-article work (clean + every extractor) is the map step, sent to Dask workers in
chunks; a bounded number of chunks is in flight at once, so the reader, the workers and
the Parquet writers stream. The corpus-level step (entities across articles, reuse,
stories) runs after the map, in this process, exactly as `marsad analyze` does it
(`pipeline.link_and_group`), so both commands give the same answer.

A LocalCluster is started by default; `--scheduler ADDRESS` uses a running scheduler, so
the same command scales from a laptop to a cluster.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.export import entity_to_dict, problem_to_dict, story_to_dict
from marsad.model import Analysis, Doc, Problem, RawPage

# Pages per task: large enough to amortise scheduling (~1 ms per task), small enough that a
# worker's memory stays flat; keeps pages of one site together (cross-page furniture).
DEFAULT_CHUNK_PAGES = 200

ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
    ("title", pa.string()), ("published", pa.string()), ("language", pa.string()),
    ("is_article", pa.bool_()), ("credits", pa.list_(pa.string())), ("text", pa.string()),
    ("removed", pa.list_(pa.string())),
])
MENTION_SCHEMA = pa.schema([
    ("article", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
    ("type", pa.string()), ("entity", pa.string()), ("role", pa.string()),
])
QUANTITY_SCHEMA = pa.schema([
    ("article", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
    ("value", pa.float64()), ("bound", pa.string()), ("unit", pa.string()),
])
TIME_SCHEMA = pa.schema([
    ("article", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
    ("value", pa.string()), ("relative", pa.bool_()), ("granularity", pa.string()),
])
EVENT_SCHEMA = pa.schema([
    ("article", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("trigger", pa.string()),
    ("actors", pa.list_(pa.string())), ("targets", pa.list_(pa.string())),
    ("location", pa.string()), ("date", pa.string()), ("sentence", pa.string()),
])


@dataclass
class BatchReport:
    pages: int = 0
    articles: int = 0
    errors: int = 0
    entities: int = 0
    stories: int = 0
    output: str = ""


@lru_cache(maxsize=4)
def _worker_context(reference_date: date | None) -> Any:
    """One RunContext (with its loaded NER model) per worker process, reused across tasks."""
    from marsad.limits import tune_gc_for_bulk_work
    from marsad.pipeline import RunContext

    ctx = RunContext(reference_date=reference_date)
    ctx.get_tagger()
    tune_gc_for_bulk_work()
    return ctx


def analyze_chunk(pages: list[RawPage], reference_date: date | None) -> tuple[list[Doc], list[Problem]]:
    """The map step: runs on a Dask worker. Docs come back without their tokens: less to
    send, and a quarter of the memory in the process that keeps them for linking."""
    from marsad.pipeline import analyze_raw_pages, without_tokens

    docs, problems = analyze_raw_pages(pages, _worker_context(reference_date))
    return [without_tokens(d) for d in docs], problems


def chunk_pages(items: Iterable[RawPage | Problem], size: int) -> Iterator[tuple[list[RawPage], list[Problem]]]:
    """Chunks of about `size` pages, cut only where the site changes (when possible)."""
    chunk: list[RawPage] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        if (len(chunk) >= size and item.site_key != chunk[-1].site_key) or len(chunk) >= 4 * size:
            yield chunk, problems
            chunk, problems = [], []
        chunk.append(item)
    if chunk or problems:
        yield chunk, problems


class ParquetTables:
    """One Parquet file per table, written incrementally as chunks arrive."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.writers: dict[str, pq.ParquetWriter] = {}

    def write(self, name: str, schema: pa.Schema, rows: list[dict[str, Any]]) -> None:
        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self.out / f"{name}.parquet", schema)
        if rows:
            self.writers[name].write_table(pa.Table.from_pylist(rows, schema=schema))

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def _mention_rows(docs: Iterable[Doc]) -> list[dict[str, Any]]:
    return [{"article": d.id, "start": m.start, "end": m.end, "text": m.text, "type": m.type,
             "entity": m.entity, "role": m.role} for d in docs for m in d.mentions]


def _rows(docs: list[Doc]) -> dict[str, list[dict[str, Any]]]:
    """The per-article tables' rows (mentions wait for linking, which gives their entity ids)."""
    rows: dict[str, list[dict[str, Any]]] = {"articles": [], "quantities": [], "times": [], "events": []}
    for d in docs:
        a = d.article
        rows["articles"].append({
            "id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
            "published": a.published, "language": a.language, "is_article": a.is_article,
            "credits": list(a.credits), "text": a.text, "removed": list(a.removed),
        })
        rows["quantities"] += [{"article": a.id, "start": q.start, "end": q.end, "text": q.text,
                                "value": float(q.value), "bound": q.bound, "unit": q.unit} for q in d.quantities]
        rows["times"] += [{"article": a.id, "start": t.start, "end": t.end, "text": t.text, "value": t.value,
                           "relative": t.relative, "granularity": t.granularity} for t in d.times]
        rows["events"] += [{"article": a.id, "type": e.type, "mode": e.mode, "trigger": e.trigger,
                            "actors": list(e.actors), "targets": list(e.targets), "location": e.location,
                            "date": e.date, "sentence": e.sentence} for e in d.events]
    return rows


SCHEMAS = {"articles": ARTICLE_SCHEMA, "mentions": MENTION_SCHEMA, "quantities": QUANTITY_SCHEMA,
           "times": TIME_SCHEMA, "events": EVENT_SCHEMA}


def write_tables(tables: ParquetTables, docs: list[Doc]) -> None:
    """Per-article tables, as chunks arrive. Mentions wait for linking (entity ids)."""
    for name, rows in _rows(docs).items():
        tables.write(name, SCHEMAS[name], rows)


def run_batch(
    inputs: list[str], output: Path, *, scheduler: str | None = None, workers: int = 2,
    chunk_pages_n: int = DEFAULT_CHUNK_PAGES, reference_date: date | None = None,
    max_in_flight: int | None = None, progress: Any = None,
) -> tuple[Analysis, BatchReport]:
    """Map on Dask, write Parquet as results arrive, then link and group."""
    from dask.distributed import Client, LocalCluster, as_completed

    from marsad.ingest import read_inputs
    from marsad.pipeline import link_and_group

    output.mkdir(parents=True, exist_ok=True)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    limit = max_in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
    docs: list[Doc] = []
    errors: list[Problem] = []
    report = BatchReport(output=str(output))
    tables = ParquetTables(output)
    try:
        chunks = chunk_pages(read_inputs(inputs), chunk_pages_n)
        pending = as_completed()
        in_flight = 0

        def submit_next() -> bool:
            nonlocal in_flight
            for pages, problems in chunks:
                errors.extend(problems)
                report.pages += len(pages) + len(problems)
                if pages:
                    pending.add(client.submit(analyze_chunk, pages, reference_date, pure=False))
                    in_flight += 1
                    return True
            return False

        while in_flight < limit and submit_next():
            pass
        for future in pending:
            chunk_docs, chunk_errors = future.result()
            future.release()
            in_flight -= 1
            docs.extend(chunk_docs)
            errors.extend(chunk_errors)
            write_tables(tables, chunk_docs)
            if progress is not None:
                progress(len(chunk_docs) + len(chunk_errors))
            while in_flight < limit and submit_next():
                pass
    finally:
        tables.close()
        client.close()
        if cluster is not None:
            cluster.close()
    analysis = link_and_group(docs, errors, _worker_context(reference_date))
    _write_linked(output, analysis)
    report.articles = len(analysis.docs)
    report.errors = len(analysis.errors)
    report.entities = len(analysis.entities)
    report.stories = len(analysis.stories)
    return analysis, report


def _write_linked(output: Path, analysis: Analysis) -> None:
    """After the map: entities, stories, errors, and mentions with their entity ids. Only
    these are turned into rows (not every article again), a chunk of docs at a time."""
    entity_rows = [entity_to_dict(e) for e in analysis.entities]
    pq.write_table(pa.Table.from_pylist(entity_rows, schema=pa.schema([
        ("id", pa.string()), ("type", pa.string()), ("name", pa.string()), ("aliases", pa.list_(pa.string())),
        ("articles", pa.list_(pa.string())), ("roles", pa.list_(pa.string())), ("wikidata", pa.string()),
        ("code", pa.string()),
    ])), output / "entities.parquet")
    with pq.ParquetWriter(output / "mentions.parquet", MENTION_SCHEMA) as writer:
        for begin in range(0, len(analysis.docs), DEFAULT_CHUNK_PAGES):
            rows = _mention_rows(analysis.docs[begin:begin + DEFAULT_CHUNK_PAGES])
            writer.write_table(pa.Table.from_pylist(rows, schema=MENTION_SCHEMA))
    with (output / "stories.jsonl").open("w", encoding="utf-8") as fh:
        for story in analysis.stories:
            fh.write(json.dumps(story_to_dict(story), ensure_ascii=False) + "\n")
    with (output / "errors.jsonl").open("w", encoding="utf-8") as fh:
        for problem in analysis.errors:
            fh.write(json.dumps(problem_to_dict(problem), ensure_ascii=False) + "\n")

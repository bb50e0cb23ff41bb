"""`marsad batch`: the same pipeline on Dask (dask.distributed).

The per-article work (clean + every extractor) is the map step, sent to Dask workers in
chunks; a bounded number of chunks is in flight at once, so the reader and the workers
stream. The docs wait on a shelf on disk (a SQLite file), pickled by the workers, for the
corpus-level step (entities across articles, reuse, stories), which runs after the map, in
this process, with the same code as `marsad analyze` (`pipeline.link_and_group_shelf`), so
both commands give the same answer and this process's memory does not hold the docs, nor
the state that grows with each of them (near-duplicate shingles, story vectors: scratch
databases beside the shelf). Its per-document parts run on the workers, sent the docs as
the shelf keeps them (this process, the serial part of a run, never unpickles a doc to send
it): names shared, reuse units and what clustering reads of each article before the merge,
each story's description after the clustering, and the articles' output lines and tables,
which a thread writes while this process clusters the stories.

A LocalCluster is started by default; `--scheduler ADDRESS` uses a running scheduler, so
the same command scales from a laptop to a cluster.
"""

from __future__ import annotations

import json
import pickle
import resource
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from marsad.model import Entity, Problem, RawPage, Story
from marsad.run.on_dask import dask_client, in_order_on_dask
from marsad.run.scratch import transaction
from marsad.run.shelf import DiskShelf, DocShelf, PickledDoc, pickle_doc
from marsad.store.export import doc_to_dict, problem_to_dict, story_to_dict
from marsad.store.tables import DOC_TABLES, ParquetTables, entity_row

if TYPE_CHECKING:
    import pyarrow as pa

    from marsad.extract.coref import KnownPeople
    from marsad.pipeline import PreparedDoc, PrepareDocs
    from marsad.stories import DescribeStories, StoryParts

T = TypeVar("T")
R = TypeVar("R")

# Pages per task: large enough to amortise scheduling (~1 ms per task), small enough that a
# worker's memory stays flat; keeps pages of one site together (cross-page furniture).
DEFAULT_CHUNK_PAGES = 200
# The outputs are written a part at a time: so many docs' rows, so many entities.
_DOCS_PER_WRITE = 200
_ROWS_PER_WRITE = 5_000
# Where the docs wait, inside --output, for the corpus-level step (removed at the end).
SHELF_FILE = ".docs-shelf.sqlite"

@dataclass
class BatchReport:
    pages: int = 0
    articles: int = 0
    errors: int = 0
    entities: int = 0
    stories: int = 0
    output: str = ""
    stored: int = 0  # articles newly added to the store (--db)
    seconds: float = 0.0
    # This process's peak memory (MB) when the map ended, and over the whole run: what
    # stays flat as the input grows (the workers' own memory is theirs, chunk by chunk).
    map_peak_mb: float = 0.0
    peak_mb: float = 0.0
    # After the map: the corpus step and the writing of the outputs, which this process
    # runs (the part of a run that more workers do not shorten, save its per-document
    # part), in wall seconds and in this process's CPU seconds (with a LocalCluster, its
    # scheduler's too): the serial share, which a machine shared with other work inflates less.
    corpus_seconds: float = 0.0
    corpus_cpu_seconds: float = 0.0


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KB on Linux


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@lru_cache(maxsize=4)
def _worker_context(reference_date: date | None) -> Any:
    """One RunContext (with its loaded NER model) per worker process, reused across tasks."""
    from marsad.pipeline import RunContext
    from marsad.run.limits import tune_gc_for_bulk_work

    ctx = RunContext(reference_date=reference_date)
    ctx.get_tagger()
    tune_gc_for_bulk_work()
    return ctx


@dataclass
class ChunkResult:
    """What a worker sends back for a chunk of pages."""

    # Without their tokens (less to send and to keep), pickled there: this process only
    # shelves them, and sends them on as they are for the corpus step's per-document part.
    docs: list[PickledDoc]
    problems: list[Problem]
    # The full person names in these docs, which the corpus-level step shares across
    # articles (found here, from the tokens, and in parallel).
    person_names: set[tuple[str, ...]]
    page_hashes: dict[str, str]  # article id -> its page's content hash (for --db)


def analyze_chunk(pages: list[RawPage], reference_date: date | None) -> ChunkResult:
    """The map step: runs on a Dask worker."""
    from marsad.extract.coref import person_names_of
    from marsad.pipeline import analyze_raw_pages, without_tokens

    docs, problems = analyze_raw_pages(pages, _worker_context(reference_date))
    hashes = {p.source: p.content_hash for p in pages}  # an article keeps its page's source
    return ChunkResult([(d.id, d.article.source, pickle_doc(without_tokens(d))) for d in docs], problems,
                       person_names_of(docs), {d.id: hashes[d.article.source] for d in docs})


def prepare_chunk(docs: list[bytes], known: KnownPeople, reference_date: date | None) -> list[PreparedDoc]:
    """The per-document part of the corpus step (`pipeline.prepare_for_corpus`) of pickled
    docs, with the band keys of the near-duplicate search: runs on a Dask worker."""
    from marsad.pipeline import prepare_for_corpus

    ctx = _worker_context(reference_date)
    return [prepare_for_corpus(pickle.loads(doc), known, ctx, with_band_keys=True) for doc in docs]


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


def run_batch(
    inputs: list[str], output: Path, *, scheduler: str | None = None, workers: int = 2,
    chunk_pages_n: int = DEFAULT_CHUNK_PAGES, reference_date: date | None = None,
    max_in_flight: int | None = None, progress: Any = None, store: str | None = None,
) -> BatchReport:
    """Map on Dask, putting the docs on a shelf on disk as results arrive, then link and
    group them there and write the outputs from it; with `store` (a SQLite file or a
    postgresql:// address), load the docs and errors into that store too."""
    from marsad.pipeline import RunContext, link_and_group_shelf
    from marsad.run.limits import tune_gc_for_bulk_work

    began = time.perf_counter()
    tune_gc_for_bulk_work()  # this process too unpickles and links docs by the thousand
    output.mkdir(parents=True, exist_ok=True)
    errors: list[Problem] = []
    names: set[tuple[str, ...]] = set()  # full person names, for the corpus-level step
    report = BatchReport(output=str(output))
    # The docs wait on disk for the corpus-level step, so this process's memory does not
    # grow with the input; the file goes when the run ends.
    with DiskShelf(output / SHELF_FILE) as shelf:
        page_hashes = _PageHashes(shelf.scratch_db()) if store else None
        with dask_client(scheduler, workers) as client:
            limit = max_in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
            for n_pages, chunk in _map_on_dask(client, inputs, chunk_pages_n, reference_date, limit):
                report.pages += n_pages
                shelf.put_pickled(chunk.docs)
                errors.extend(chunk.problems)
                names |= chunk.person_names
                if page_hashes is not None:
                    page_hashes.add(chunk.page_hashes)
                if progress is not None:
                    progress(len(chunk.docs) + len(chunk.problems))
            report.map_peak_mb = _peak_mb()
            errors.sort(key=lambda p: p.source)
            if store and page_hashes is not None:  # the docs as the per-article stages left them
                report.stored = _load_into_store(store, shelf, page_hashes, errors)
            # The corpus-level step re-runs no tagger: a context without the NER model will
            # do here; its per-document part runs on the workers.
            corpus_began, corpus_cpu_began = time.perf_counter(), _cpu_seconds()
            entities, stories = link_and_group_shelf(
                shelf, RunContext(reference_date=reference_date), person_names_found=names,
                prepare=_prepare_on_dask(client, reference_date, chunk_pages_n, limit),
                describe=_describe_on_dask(client, shelf, chunk_pages_n, limit))
            report.articles, report.entities, report.stories = _write_linked(output, shelf, entities, stories, errors,
                                                                             client, limit)
            report.corpus_seconds = round(time.perf_counter() - corpus_began, 3)
            report.corpus_cpu_seconds = round(_cpu_seconds() - corpus_cpu_began, 3)
    report.errors = len(errors)
    report.seconds = round(time.perf_counter() - began, 1)
    report.peak_mb = _peak_mb()
    return report


class _PageHashes:
    """Article id -> the content hash of its page, for the store (`--db`), kept in a
    scratch database rather than in memory."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        db.execute("CREATE TABLE page_hashes (id TEXT PRIMARY KEY, hash TEXT NOT NULL)")

    def add(self, hashes: dict[str, str]) -> None:
        with transaction(self.db):
            self.db.executemany("INSERT OR REPLACE INTO page_hashes VALUES (?, ?)", hashes.items())

    def __getitem__(self, article_id: str) -> str:
        row = self.db.execute("SELECT hash FROM page_hashes WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        return str(row[0])


def _map_on_dask(client: Any, inputs: list[str], chunk_pages_n: int, reference_date: date | None,
                 limit: int) -> Iterator[tuple[int, ChunkResult]]:
    """(pages read, `analyze_chunk`'s result) as results come, with at most `limit` chunks
    in flight (so the reader never runs far ahead of the workers); pages that could not
    be read come as a result of their own, with problems only."""
    from dask.distributed import as_completed

    from marsad.ingest import read_inputs

    chunks = chunk_pages(read_inputs(inputs), chunk_pages_n)
    pending = as_completed()
    pages_of: dict[Any, int] = {}  # future -> pages sent

    def fill() -> Iterator[tuple[int, ChunkResult]]:
        """Submit chunks until `limit` are in flight; the unread pages met on the way."""
        unread: list[Problem] = []
        while len(pages_of) < limit:
            for pages, problems in chunks:
                unread.extend(problems)
                if pages:
                    future = client.submit(analyze_chunk, pages, reference_date, pure=False)
                    pages_of[future] = len(pages)
                    pending.add(future)
                    break
            else:
                break
        if unread:
            yield len(unread), ChunkResult([], unread, set(), {})

    yield from fill()
    for future in pending:
        result = future.result()
        n_pages = pages_of.pop(future)
        future.release()
        yield n_pages, result
        yield from fill()


def _prepare_on_dask(client: Any, reference_date: date | None, chunk_docs: int, limit: int) -> PrepareDocs:
    """The per-document part of the corpus step on the workers (`prepare_chunk`), in
    order; the known names are sent to each worker once."""

    def prepare(shelf: DocShelf, known: KnownPeople) -> Iterator[PreparedDoc]:
        [known_there] = client.scatter([known], broadcast=True)
        for _, prepared in in_order_on_dask(client, prepare_chunk, shelf.pickled(), chunk_docs, limit,
                                             known_there, reference_date):
            yield from prepared
        known_there.release()

    return prepare


def _describe_on_dask(client: Any, shelf: DiskShelf, chunk_stories: int, limit: int) -> DescribeStories:
    """Each story made of its articles on the workers (`describe_chunk`), in order, sent its
    articles as the shelf keeps them (pickled: this process does not unpickle them); only
    its members' vectors are sent, and none for a story of one article (none is read)."""

    def describe(parts: Iterable[StoryParts]) -> Iterator[Story]:
        sendable = ((sid, shelf.pickled_many(ids), {i: vectors.get(i, {}) for i in ids} if len(ids) > 1 else {},
                     thread) for sid, ids, vectors, thread in parts)
        for _, stories in in_order_on_dask(client, describe_chunk, sendable, chunk_stories, limit):
            yield from stories

    return describe


# A story's parts as sent to a worker: its articles pickled (`StoryParts` has their ids).
_PickledStoryParts = tuple[str, list[bytes], Mapping[str, dict[str, float]], str | None]


def describe_chunk(parts: list[_PickledStoryParts]) -> list[Story]:
    """`stories.make_story` of each story: runs on a Dask worker."""
    from marsad.stories import make_story

    return [make_story(sid, [pickle.loads(doc) for doc in docs], vectors, thread)
            for sid, docs, vectors, thread in parts]


def doc_outputs(docs: list[bytes]) -> tuple[str, dict[str, pa.Table]]:
    """A part of the docs (pickled) as `articles.jsonl` lines and as their part of the
    per-article Parquet tables: runs on a Dask worker."""
    from marsad.store.tables import doc_tables

    unpickled = [pickle.loads(doc) for doc in docs]
    lines = "".join(json.dumps(doc_to_dict(doc), ensure_ascii=False) + "\n" for doc in unpickled)
    return lines, doc_tables(unpickled)


def _write_linked(output: Path, shelf: DiskShelf, entities: Iterator[Entity], stories: Iterable[Story],
                  errors: list[Problem], client: Any, limit: int) -> tuple[int, int, int]:
    """After the corpus-level step: every article as the JSON contract has it
    (articles.jsonl) and in the Parquet tables, entities, stories and errors. The articles
    are written while this thread makes the entities and the stories (`_ArticlesWriter`),
    and each entity and story is written as it is made. Returns the numbers of articles,
    entities and stories."""
    articles = _ArticlesWriter(output, shelf.pickled_in_another_thread(), client, limit)
    try:
        n_entities = 0
        tables = ParquetTables(output)
        try:
            tables.write("entities", [])  # the file, even when there are none
            while part := [entity_row(e) for e in islice(entities, _ROWS_PER_WRITE)]:
                tables.write("entities", part)
                n_entities += len(part)
        finally:
            tables.close()
        n_stories = 0
        with (output / "stories.jsonl").open("w", encoding="utf-8") as fh:
            for story in stories:
                fh.write(json.dumps(story_to_dict(story), ensure_ascii=False) + "\n")
                n_stories += 1
        with (output / "errors.jsonl").open("w", encoding="utf-8") as fh:
            for problem in errors:
                fh.write(json.dumps(problem_to_dict(problem), ensure_ascii=False) + "\n")
    finally:
        n = articles.written()
    return n, n_entities, n_stories


class _ArticlesWriter(threading.Thread):
    """Writes articles.jsonl and the per-article Parquet tables from the docs (pickled as
    the shelf keeps them; read once each: a page read twice is in it once), in a thread of
    its own, so that the story clustering need not wait for them: the workers make each
    part's lines and tables (`doc_outputs`), and this thread writes them in order."""

    def __init__(self, output: Path, docs: Iterator[bytes], client: Any, limit: int) -> None:
        super().__init__(name="marsad-articles", daemon=True)
        self.output, self.docs, self.client, self.limit = output, docs, client, limit
        self.n = 0
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            tables = ParquetTables(self.output)
            try:
                with (self.output / "articles.jsonl").open("w", encoding="utf-8") as articles:
                    for docs, (lines, parts) in in_order_on_dask(self.client, doc_outputs, self.docs,
                                                                 _DOCS_PER_WRITE, self.limit):
                        articles.write(lines)
                        for name, table in parts.items():
                            tables.write_table(name, table)
                        self.n += len(docs)
                for name in DOC_TABLES:
                    tables.write(name, [])  # the files, even when there are no docs
            finally:
                tables.close()
        except BaseException as error:  # raised in the thread that waits for this one
            self.error = error

    def written(self) -> int:
        """Waits for the articles to be written; their number."""
        self.join()
        if self.error is not None:
            raise self.error
        return self.n


def _load_into_store(address: str, shelf: DiskShelf, page_hashes: _PageHashes,
                     errors: list[Problem]) -> int:
    """Add the docs of the per-article stages to a store as `marsad ingest` would (the
    store runs the corpus step over what it holds and these; a page stored before is
    skipped), and the errors to its list. Returns the number of articles added. The
    store's corpus step holds its docs in memory, unlike the batch's own."""
    from marsad.store import open_store

    target = open_store(address)
    try:
        added = target.add_analysed((page_hashes[doc.id], doc) for doc in shelf)
        for problem in errors:
            target.record_problem(problem)
    finally:
        target.close()
    return added

"""How runs are carried out at scale: bench, batch on Dask, the load test."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.common import (
    EXIT_OK,
    EXIT_SOME_INPUTS_FAILED,
    err,
    fail,
    parse_reference_date,
)
from marsad.run.progress import progress

# --- commands: scale (bench, batch) ---


def bench(
    corpus: Annotated[Path | None, typer.Option(
        help="Directory of pages or SaudiNewsNet zips, or a JSONL file.")] = None,
    limit: Annotated[int | None, typer.Option(help="Use at most N articles.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    clustering_only: Annotated[bool, typer.Option(
        "--clustering-only",
        help="Time only the story clustering step (articles cleaned and tokenised first).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line on a terminal.")] = False,
) -> None:
    """Run the whole pipeline and each stage on a corpus; print articles/s, MB/s, memory."""
    import json as jsonlib

    from marsad.run.bench import (
        DEFAULT_CORPUS,
        clustering_benchmark,
        format_report,
        load_corpus,
        run_benchmark,
    )

    path = corpus or DEFAULT_CORPUS
    if not path.exists():
        fail(f"corpus not found: {path} (give --corpus DIR|JSONL)")
    pages = load_corpus(path, limit)
    if not pages:
        fail(f"no readable pages in {path}")
    if clustering_only:
        result = clustering_benchmark(pages)
        print(jsonlib.dumps(result, ensure_ascii=False, indent=None if json_out else 2))
        return
    with progress(err, "per-article stages", len(pages), quiet=quiet) as advance:
        report = run_benchmark(pages, str(path), advance)
    print(jsonlib.dumps(report.as_dict(), ensure_ascii=False, indent=2) if json_out else format_report(report))


def batch(
    inputs: Annotated[list[str], typer.Argument(help="Directories, JSON Lines, WARC or gzip files.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory for the Parquet tables.")],
    scheduler: Annotated[str | None, typer.Option(
        help="Address of a running Dask scheduler (tcp://host:8786).")] = None,
    workers: Annotated[int, typer.Option(help="Workers of the LocalCluster when no scheduler is given.")] = 2,
    chunk_size: Annotated[int, typer.Option(help="Pages per Dask task.")] = 200,
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for pages with no publication date.")] = None,
    db: Annotated[str | None, typer.Option(
        help="Also load the analysed pages into this store (SQLite file or postgresql://).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line on a terminal.")] = False,
) -> None:
    """Run the pipeline on Dask; write articles.jsonl, Parquet (articles, mentions,
    quantities, times, quotes, events, entities), stories and errors to --output; with --db,
    load the pages into a store too."""
    from marsad.ingest import read_inputs
    from marsad.run.batch import run_batch

    ref = parse_reference_date(reference_date)
    total = sum(1 for _ in read_inputs(inputs)) if err.is_terminal and not quiet else None
    with progress(err, "analysing", total, quiet=quiet) as advance:
        report = run_batch(inputs, output, scheduler=scheduler, workers=workers, chunk_pages_n=chunk_size,
                           reference_date=ref, progress=advance, store=db)
    err.print(f"{report.articles} articles, {report.entities} entities, {report.stories} stories, "
              f"{report.errors} errors → {report.output}", highlight=False)
    err.print(f"{report.pages} pages in {report.seconds:.1f} s; this process's peak memory "
              f"{report.map_peak_mb:,.0f} MB after the map, {report.peak_mb:,.0f} MB in all", highlight=False)
    err.print(f"after the map, this process: {report.corpus_seconds:.1f} s ({report.corpus_cpu_seconds:.1f} s CPU)",
              highlight=False)
    if db:
        err.print(f"{report.stored} articles added to {db}", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.errors else EXIT_OK)


def loadtest(
    db: Annotated[Path, typer.Option(help="The store (SQLite file) to serve during the test.")],
    requests: Annotated[int, typer.Option(help="GET requests in all (searches and story pages).")] = 400,
    concurrency: Annotated[int, typer.Option(help="Concurrent clients.")] = 8,
    ingest: Annotated[int, typer.Option(help="Pages POSTed for ingest while the GETs run.")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """A bounded load test of the API on 127.0.0.1 with concurrent ingest: throughput,
    latency percentiles, errors and lost pages. Stops by itself."""
    import json as jsonlib

    from marsad.run.loadtest import LoopbackServer, composed_pages, run_load_test
    from marsad.serve.api import create_app
    from marsad.store import open_store

    store = open_store(str(db))
    with LoopbackServer(create_app(store)) as server:
        report = run_load_test(server.url, requests=requests, concurrency=concurrency,
                               ingest_pages=composed_pages(ingest))
    out = report.as_dict()
    if json_out:
        print(jsonlib.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"{out['requests']} requests in {out['seconds']} s: {out['requests_per_s']} req/s, "
              f"{out['errors']} errors, {out['pages_ingested_concurrently']} pages ingested meanwhile, "
              f"{out['lost_pages']} lost")
        for kind, lat in out["latency_ms"].items():
            print(f"  {kind:<12} n={lat['n']:<5} p50={lat['p50']} ms  p95={lat['p95']} ms  max={lat['max']} ms")
    raise typer.Exit(1 if out["errors"] or out["lost_pages"] else 0)

"""The store's commands: ingest, search, export, watch, serve, report."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from marsad.cli.common import (
    EXIT_OK,
    EXIT_SOME_INPUTS_FAILED,
    counting,
    err,
    fail,
    parse_reference_date,
    stdout_file,
    store_exists,
    written_output,
)
from marsad.model import Problem, RawPage
from marsad.run.progress import progress

# --- commands: store (ingest, search, serve, export, report, watch) ---


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, JSON Lines files, or - for stdin.")],
    db: Annotated[str, typer.Option(help="The store: a SQLite file (created when missing) or postgresql://...")],
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for pages with no publication date.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line on a terminal.")] = False,
) -> None:
    """Add pages to the store, one transaction each: a page already stored is skipped, and an
    interrupted run can simply be run again. Exit status 1 when some inputs failed."""
    from marsad.ingest import read_inputs
    from marsad.pipeline import RunContext
    from marsad.store import open_store

    ctx = RunContext(reference_date=parse_reference_date(reference_date))
    # Streamed: a big corpus never sits in memory.
    unread, rest = _problems_before_first_page(read_inputs(paths, stdin=sys.stdin.buffer))
    if rest is None and not store_exists(db):  # nothing to store: leave no empty store behind
        for problem in unread:
            err.print(f"[yellow]failed[/] {problem.source}: {problem.error}", highlight=False)
        fail(f"no page could be read; {db} was not created", EXIT_SOME_INPUTS_FAILED)
    store = open_store(db)
    pages = itertools.chain(unread, rest or ())
    shown = err.is_terminal and not quiet and "-" not in paths
    total = sum(1 for _ in read_inputs(paths)) if shown else None  # a quick second read, for done/total
    with progress(err, "ingesting", total, quiet=quiet) as advance:
        report = store.ingest(pages, ctx, progress=advance)
    for problem in report.failed:
        err.print(f"[yellow]failed[/] {problem.source}: {problem.error}", highlight=False)
    for problem in report.warnings:
        err.print(f"[yellow]warning[/] {problem.source}: {problem.error}", highlight=False)
    kept = f", {len(report.warnings)} stored with a warning" if report.warnings else ""
    err.print(f"{report.added} added, {report.duplicates} already stored, {len(report.failed)} failed{kept} "
              f"→ {db}", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.failed or report.warnings else EXIT_OK)



def _problems_before_first_page(
    pages: Iterable[RawPage | Problem],
) -> tuple[list[Problem], Iterator[RawPage | Problem] | None]:
    """The problems read before the first page, and the rest of the stream from that page on
    (None when no page came at all)."""
    stream = iter(pages)
    unread: list[Problem] = []
    for item in stream:
        if isinstance(item, Problem):
            unread.append(item)
        else:
            return unread, itertools.chain([item], stream)
    return unread, None


def search(
    query: Annotated[str, typer.Argument(help="Arabic words to find (all must match).")],
    db: Annotated[str, typer.Option(help="The store: a SQLite file or postgresql://...")],
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on or after YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on or before YYYY-MM-DD.")] = None,
    entity: Annotated[str | None, typer.Option(help="Only articles mentioning this entity id.")] = None,
    story: Annotated[str | None, typer.Option(help="Only articles of this story id.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Results to show.")] = 20,
    exact: Annotated[bool, typer.Option(help="Only this spelling, not the other names of its entity.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """Search the store: إيران finds ايران, بالعراق finds العراق, and a name finds the articles
    of every spelling of its entity (ماكغورك finds ماجورك) unless --exact."""
    import dataclasses
    import json
    import re

    from marsad.ingest import check_published, date_filter
    from marsad.model import Query
    from marsad.store import open_store

    for name, value in (("--from", date_from), ("--to", date_to)):
        if value is not None and not (re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) and check_published(value)[0]):
            fail(f"{name} must be a real day YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    if format not in ("table", "json"):
        fail(f"--format must be table or json, got {format!r}")
    if not store_exists(db):
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    first, last = date_filter(date_from, date_to)
    found = open_store(db).search(Query(text=query, limit=limit, outlet=outlet, entity=entity, story=story,
                                        date_from=first, date_to=last, exact=exact))
    if format == "json":
        results = {"total": found.total, "results": [dataclasses.asdict(hit) for hit in found.items]}
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        _print_hits(query, found)


def _print_hits(query: str, found: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{found.total} results for «{query}»", show_lines=True)
    for column in ("id", "published", "outlet", "title / snippet"):
        table.add_column(column, overflow="fold")
    for hit in found.items:
        body = Text(hit.title or "", style="bold")
        body.append("\n")
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("reverse", start, end)
        body.append_text(snippet)
        if hit.matched:
            body.append("\n" + "، ".join(hit.matched), style="dim")
        table.add_row(hit.id, hit.published or "", hit.outlet or "", body)
    Console().print(table)


def export(
    db: Annotated[str, typer.Option(help="The store: a SQLite file or postgresql://...")],
    format: Annotated[str, typer.Option("--format", "-f", help="json, events-jsonl, csv, jsonl or parquet")] = "json",
    table: Annotated[str | None, typer.Option(
        help="With csv, jsonl or parquet: articles, entities, mentions, events, quantities, times, quotes, "
             "claims or stories (default articles).")] = None,
    excel: Annotated[bool, typer.Option(help="CSV for Excel: a byte-order mark first, so Arabic reads right.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line on a terminal.")] = False,
) -> None:
    """Export the store: json (the analysis schema), events-jsonl (one PLOVER record per story
    event), or one table (--table) as csv, jsonl or parquet, with names and ids."""
    from marsad.store import open_store
    from marsad.store.tables import SCHEMAS, TABLE_WRITERS, WHOLE_EXPORTS, store_rows, write_parquet

    formats = [*WHOLE_EXPORTS, *TABLE_WRITERS, "parquet"]
    if format not in formats:
        fail(f"--format must be one of {', '.join(formats)}, got {format!r}")
    if table is not None and format in WHOLE_EXPORTS:
        fail(f"--table goes with csv, jsonl or parquet, not {format}")
    table = table or "articles"
    if table not in SCHEMAS:
        fail(f"--table must be one of {', '.join(SCHEMAS)}, got {table!r}")
    if format == "parquet" and output is None:
        fail("--format parquet needs --output FILE")
    if not store_exists(db):
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    store = open_store(db)
    with written_output(output) as target, progress(err, f"exporting {table}", None, quiet=quiet) as advance:
        rows = counting(store_rows(store, table), advance)
        if format == "parquet":
            assert target is not None  # parquet needs --output (checked above)
            write_parquet(rows, table, target)
        else:
            with target.open("w", encoding="utf-8", newline="") if target else stdout_file() as out:
                if format in WHOLE_EXPORTS:
                    WHOLE_EXPORTS[format](store, out)
                else:
                    TABLE_WRITERS[format](rows, table, out, excel=excel)











def watch(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feed or (news) sitemap URLs.")],
    db: Annotated[str, typer.Option(help="The store: a SQLite file (created when missing) or postgresql://...")],
    interval: Annotated[float, typer.Option(min=10, help="Seconds between polls.")] = 300,
    rounds: Annotated[int | None, typer.Option(
        min=1, help="Stop after this many polls (default: run until Ctrl-C).")] = None,
    host_delay: Annotated[float, typer.Option(min=0.1, help="Seconds between two requests to one host.")] = 1.0,
) -> None:
    """Poll feeds and sitemaps, fetch new article pages politely (robots.txt, a per-host
    delay, conditional GET, timeouts, a size cap) and ingest them."""
    from marsad.run.watch import PoliteClient, Watcher
    from marsad.store import open_store

    def shown(url: str, outcome: str) -> None:
        colour = {"added": "green", "failed": "red"}.get(outcome, "dim")
        err.print(f"[{colour}]{outcome}[/] {url}", highlight=False)

    watcher = Watcher(open_store(db), sources, PoliteClient(host_delay_s=host_delay), progress=shown)
    try:
        for report in watcher.run(interval, rounds):
            for problem in report.failed:
                err.print(f"[yellow]failed[/] {problem.source}: {problem.error}", highlight=False)
            err.print(f"{report.links} links in {report.feeds} sources: {report.added} added, "
                      f"{report.already_stored} already stored, {report.not_modified} sources unchanged, "
                      f"{report.refused_by_robots} refused by robots.txt, {len(report.failed)} failed",
                      highlight=False)
    except KeyboardInterrupt:
        err.print("stopped", highlight=False)
    finally:
        watcher.client.close()




# --- commands: web (serve, report) ---


def serve(
    db: Annotated[Path, typer.Option(help="The store (SQLite file) to show.")],
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the web pages and the HTTP API (OpenAPI at /docs) over a store."""
    import uvicorn

    from marsad.serve.api import create_app
    from marsad.store import open_store

    if not db.exists():
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    store = open_store(str(db))
    shown = f"[{host}]" if ":" in host else host
    err.print(f"marsad: serving {db} at [bold]http://{shown}:{port}/[/] (API docs at /docs; Ctrl-C stops)",
              highlight=False)
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


def report(
    html: Annotated[Path, typer.Option("--html", help="The HTML file to write.")],
    db: Annotated[Path, typer.Option(help="The store (SQLite file) to report on.")],
    embed_font: Annotated[bool, typer.Option(help="Embed the Arabic font (about 230 kB) in the file.")] = True,
) -> None:
    """Write one self-contained static HTML report (stories, summaries, claims, timelines)."""
    from marsad.serve.report import write_report
    from marsad.store import open_store

    if not db.exists():
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    size = write_report(open_store(str(db)), html, embed_font=embed_font)
    err.print(f"wrote {html} ({size / 1024:.0f} kB)", highlight=False)

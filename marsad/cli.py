"""Command line: `marsad analyze`, and the commands each stage adds.

Each command is a thin shell over a module function; user errors print one line and
exit non-zero, never a traceback.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from marsad import __version__
from marsad.model import Problem, RawPage
from marsad.run.progress import progress

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="marsad (مرصد): Arabic news pages in, structured and checkable intelligence out.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Score marsad's models on gold files.")
app.add_typer(eval_app, name="eval")
# soft_wrap: an error line is never broken in the middle of a message.
err = Console(stderr=True, soft_wrap=True)

# Exit statuses of `analyze` (documented in the README).
EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_USAGE) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def parse_reference_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--reference-date must be YYYY-MM-DD, got {value!r}")
    return None


@app.command()
def version() -> None:
    """Print marsad's version."""
    print(__version__)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, JSON Lines files, or - for stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json or text")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for pages with no publication date.")] = None,
    throughput: Annotated[bool, typer.Option(help="Print pages/s and MB/s to stderr.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line on a terminal.")] = False,
) -> None:
    """Read raw Arabic news pages and write clean, analysed articles (JSON or text).

    Exit status: 0 when every input was read, 1 when some inputs failed (see `errors`),
    2 for usage errors.
    """
    from marsad.ingest import read_inputs
    from marsad.pipeline import RunContext, analyze_pages
    from marsad.run.limits import tune_gc_for_bulk_work
    from marsad.run.timing import Stopwatch
    from marsad.store.export import analysis_to_json, analysis_to_text

    if format not in ("json", "text"):
        fail(f"--format must be json or text, got {format!r}")
    if output is not None and not output.parent.is_dir():
        fail(f"cannot write {output}: no directory {output.parent}")  # said before the run, not after it
    ctx = RunContext(reference_date=parse_reference_date(reference_date), freeze_results=True)
    tune_gc_for_bulk_work()
    watch = Stopwatch()
    pages = list(read_inputs(paths, stdin=sys.stdin.buffer))
    unread = sum(isinstance(p, Problem) for p in pages)
    with progress(err, "analysing", len(pages) - unread, quiet=quiet) as advance:
        analysis = analyze_pages(pages, ctx, progress=advance)
    if throughput:
        nbytes = sum(len(d.article.text.encode()) for d in analysis.docs)
        err.print(watch.report(len(analysis.docs) + len(analysis.errors), nbytes), highlight=False)
    rendered = analysis_to_json(analysis) if format == "json" else analysis_to_text(analysis)
    if output:
        with _written(output) as target:  # appears only whole: a failed run leaves no (0-byte) file
            assert target is not None
            target.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    for problem in analysis.errors:
        err.print(f"[yellow]error[/] {problem.source}: {problem.error}", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if analysis.errors else EXIT_OK)


# --- commands: ner (tag, eval ner) ---


@app.command()
def tag(
    file: Annotated[Path, typer.Argument(help="One token per line (`TOKEN LABEL` accepted, label ignored); "
                                              "a blank line between sentences.")],
    format: Annotated[str, typer.Option("--format", "-f", help="Input/output format: conll.")] = "conll",
) -> None:
    """Tag tokens with the shipped NER model; write `token<TAB>label` lines."""
    from marsad.errors import MarsadError
    from marsad.evaluate.ner import read_sentences
    from marsad.extract.entities import EntityTagger

    if format != "conll":
        fail(f"--format must be conll, got {format!r}")
    if not file.is_file():
        fail(f"file not found: {file}")
    try:
        tagger = EntityTagger.load()
        # Blank lines are kept as written; a long block is tagged in pieces at "." tokens.
        for block in read_sentences(file, split_on_period=False):
            words = [token for token, _ in block]
            labels: list[str] = []
            begin = 0
            for i, word in enumerate(words):
                if word == "." or i == len(words) - 1:
                    labels += tagger.tag(words[begin:i + 1])
                    begin = i + 1
            sys.stdout.writelines(f"{w}\t{lab}\n" for w, lab in zip(words, labels, strict=True))
            sys.stdout.write("\n")
    except MarsadError as exc:
        fail(str(exc))


@eval_app.command("ner")
def eval_ner(
    file: Annotated[Path, typer.Argument(help="Gold file in the ANERcorp format (`TOKEN LABEL`; sentences "
                                              "end at a blank line, or at '.' in a file without blank lines).")],
    model: Annotated[Path | None, typer.Option("--model", help="A crfsuite model other than the shipped one.")] = None,
) -> None:
    """Per-type and micro precision/recall/F1 of the NER tagger (conlleval-style exact spans)."""
    from marsad.errors import MarsadError
    from marsad.evaluate.ner import evaluate_ner

    if not file.is_file():
        fail(f"gold file not found: {file}")
    try:
        scores = evaluate_ner(file, model=model)
    except MarsadError as exc:
        fail(str(exc))
    print(f"{scores.sentences} sentences, {scores.tokens} tokens")
    print(scores.table())

# --- commands: events (eval events) ---


@eval_app.command("events")
def eval_events(
    file: Annotated[Path | None, typer.Argument(help="Gold JSON Lines file (default: the team's gold set).")] = None,
    split: Annotated[str, typer.Option(help="dev, test or all (each half is reported when all).")] = "all",
) -> None:
    """Precision/recall/F1 of the PLOVER event coder per type, micro, modes and arguments."""
    from marsad.evaluate.events import GOLD_FILE, evaluate, render

    path = file or GOLD_FILE
    if not path.exists():
        fail(f"gold file not found: {path}")
    if split not in ("dev", "test", "all"):
        fail(f"--split must be dev, test or all, got {split!r}")
    halves = ("dev", "test") if split == "all" else ()
    for half in halves:
        scores = evaluate(path, half)
        if scores.sentences:
            p, r, f = scores.micro
            print(f"{half}: P={p:.3f} R={r:.3f} F1={f:.3f} ({scores.sentences} sentences)")
    render(evaluate(path, split), title=f"events ({split})")


# --- commands: stories ---


@eval_app.command("stories")
def eval_stories(
    file: Annotated[Path | None, typer.Argument(
        help="JSON Lines with text, title, published, outlet, url, gold_story.")] = None,
    pairs: Annotated[bool, typer.Option(
        help="Also score the hand-labelled SaudiNewsNet same-happening pairs (dev and labels/story_pairs).")] = True,
) -> None:
    """Pairwise precision/recall/F1 of story clustering against gold story labels, and on the
    hand-labelled SaudiNewsNet pairs (only the articles the pairs name are analysed)."""
    from marsad.evaluate.stories import CORPUS, evaluate_pair_set, evaluate_stories, pair_sets

    path = file or CORPUS
    if not path.exists():
        fail(f"gold file not found: {path}")
    scores, _ = evaluate_stories(path)
    print(f"stories: P={scores.precision:.3f} R={scores.recall:.3f} F1={scores.f1:.3f} "
          f"({scores.articles} articles, {scores.gold_stories} gold stories, "
          f"{scores.predicted_stories} predicted)")
    for pair_file in pair_sets() if pairs else []:
        s = evaluate_pair_set(pair_file)
        print(f"pairs {s.name}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"({s.same} same, {s.different} different; together {s.true_pos} same, {s.false_pos} different)")


# --- commands: clean (eval clean) ---


@eval_app.command("clean")
def eval_clean(
    labels: Annotated[list[Path], typer.Option("--labels", help="JSON Lines of labelled pages (id, address, file, "
                                                                  "is_article, page_type, title, published).")],
    pages_dir: Annotated[Path, typer.Option("--pages-dir", help="Where the labelled pages' files are.")],
    split: Annotated[str, typer.Option(help="dev, train or all (a page's side is fixed by its id).")] = "all",
    show_errors: Annotated[bool, typer.Option(help="List every page scored wrong.")] = False,
) -> None:
    """is_article, page type, title and date accuracy of cleaning on hand-labelled real pages."""
    from marsad.evaluate.clean import evaluate_clean, read_labels, split_of

    missing = [str(p) for p in labels if not p.is_file()]
    if missing:
        fail(f"labels file not found: {', '.join(missing)}")
    pages = [p for p in read_labels(labels, pages_dir) if split == "all" or split_of(p.id) == split]
    if not pages:
        fail("no labelled page with its file present")
    scores = evaluate_clean(pages)
    print(f"clean ({split}):")
    for line in scores.lines():
        print(f"  {line}")
    if show_errors:
        for error in scores.errors:
            print(f"  - {error}")


# --- commands: store (ingest, search, serve, export, report, watch) ---


@app.command()
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
    if rest is None and not _store_exists(db):  # nothing to store: leave no empty store behind
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
    err.print(f"{report.added} added, {report.duplicates} already stored, {len(report.failed)} failed "
              f"→ {db}", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.failed else EXIT_OK)



def _problems_before_first_page(pages: Iterable[RawPage | Problem]) -> tuple[list[Problem], Iterator[RawPage | Problem] | None]:
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


@app.command()
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

    from marsad.model import Query
    from marsad.store import open_store

    for name, value in (("--from", date_from), ("--to", date_to)):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            fail(f"{name} must be YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    if format not in ("table", "json"):
        fail(f"--format must be table or json, got {format!r}")
    if not _store_exists(db):
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    found = open_store(db).search(Query(text=query, limit=limit, outlet=outlet, entity=entity, story=story,
                                        date_from=date_from, date_to=date_to, exact=exact))
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


@app.command()
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
    if not _store_exists(db):
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    store = open_store(db)
    with _written(output) as target, progress(err, f"exporting {table}", None, quiet=quiet) as advance:
        rows = _counting(store_rows(store, table), advance)
        if format == "parquet":
            assert target is not None  # parquet needs --output (checked above)
            write_parquet(rows, table, target)
        else:
            with target.open("w", encoding="utf-8", newline="") if target else _stdout() as out:
                if format in WHOLE_EXPORTS:
                    WHOLE_EXPORTS[format](store, out)
                else:
                    TABLE_WRITERS[format](rows, table, out, excel=excel)


def _counting(rows: Iterable[dict[str, Any]], advance: Callable[[int], None]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield row
        advance(1)


@contextmanager
def _written(output: Path | None) -> Iterator[Path | None]:
    """A file that appears at `output` only when the block succeeds (none is left by a
    failed export); None when writing to standard output."""
    if output is None:
        yield None
        return
    partial = output.with_name(f".{output.name}.partial")
    try:
        yield partial
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def _stdout() -> Iterator[Any]:
    yield sys.stdout


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feed or (news) sitemap URLs.")],
    db: Annotated[str, typer.Option(help="The store: a SQLite file (created when missing) or postgresql://...")],
    interval: Annotated[float, typer.Option(min=10, help="Seconds between polls.")] = 300,
    rounds: Annotated[int | None, typer.Option(min=1, help="Stop after this many polls (default: run until Ctrl-C).")] = None,
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


def _store_exists(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://")) or Path(db).exists()


# --- commands: scale (bench, batch) ---


@app.command()
def bench(
    corpus: Annotated[Path | None, typer.Option(help="Directory of pages or SaudiNewsNet zips, or a JSONL file.")] = None,
    limit: Annotated[int | None, typer.Option(help="Use at most N articles.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    clustering_only: Annotated[bool, typer.Option(
        "--clustering-only", help="Time only the story clustering step (articles cleaned and tokenised first).")] = False,
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


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Directories, JSON Lines, WARC or gzip files.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory for the Parquet tables.")],
    scheduler: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler (tcp://host:8786).")] = None,
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
    if db:
        err.print(f"{report.stored} articles added to {db}", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.errors else EXIT_OK)


@app.command()
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


# --- commands: web (serve, report) ---


@app.command()
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


@app.command()
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


def main() -> None:
    """The console entry point: a user error (`MarsadError`) is one line and exit 1, never a
    traceback; `--debug` anywhere on the command line shows the traceback instead."""
    from marsad.errors import MarsadError

    debug = "--debug" in sys.argv[1:]
    if debug:
        sys.argv.remove("--debug")
    try:
        app()
    except MarsadError as exc:
        if debug:
            raise
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(EXIT_SOME_INPUTS_FAILED)
    except Exception as exc:  # a fault of marsad's own: one line, and how to see more
        if debug:
            raise
        err.print(f"[bold red]error:[/] internal error: {exc!r} (run `marsad --debug ...` for the traceback)",
                  highlight=False)
        sys.exit(EXIT_SOME_INPUTS_FAILED)


if __name__ == "__main__":  # pragma: no cover
    main()

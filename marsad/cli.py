"""Command line: `marsad analyze`, and the commands each stage adds.

Each command is a thin shell over a module function; user errors print one line and
exit non-zero, never a traceback.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from marsad import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="marsad (مرصد): Arabic news pages in, structured and checkable intelligence out.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Score marsad's models on gold files.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)

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
    ctx = RunContext(reference_date=parse_reference_date(reference_date), freeze_results=True)
    tune_gc_for_bulk_work()
    watch = Stopwatch()
    pages = list(read_inputs(paths, stdin=sys.stdin.buffer))
    analysis = analyze_pages(pages, ctx)
    if throughput:
        nbytes = sum(len(d.article.text.encode()) for d in analysis.docs)
        err.print(watch.report(len(analysis.docs) + len(analysis.errors), nbytes), highlight=False)
    rendered = analysis_to_json(analysis) if format == "json" else analysis_to_text(analysis)
    if output:
        output.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    for problem in analysis.errors:
        err.print(f"[yellow]skipped[/] {problem.source}: {problem.error}", highlight=False)
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
                                              "end at '.' or a blank line).")],
) -> None:
    """Per-type and micro precision/recall/F1 of the NER tagger (conlleval-style exact spans)."""
    from marsad.errors import MarsadError
    from marsad.evaluate.ner import evaluate_ner

    if not file.is_file():
        fail(f"gold file not found: {file}")
    try:
        scores = evaluate_ner(file)
    except MarsadError as exc:
        fail(str(exc))
    print(f"{scores.sentences} sentences, {scores.tokens} tokens")
    print(scores.table())

# --- commands: events (eval events) ---


@eval_app.command("events")
def eval_events(
    file: Annotated[Path | None, typer.Argument(help="Gold JSON Lines file (default: the team's gold set).")] = None,
    split: Annotated[str, typer.Option(help="dev, test or all (each half is reported when all).")] = "all",
    nested: Annotated[bool, typer.Option(help="GSR: choose C and thresholds inside each fold (~1 min).")] = False,
) -> None:
    """Precision/recall/F1 of the PLOVER event coder per type, micro, modes and arguments on
    the team's gold set, and ASSAULT/PROTEST detection cross-validated over documents on the
    Arabic event gold standard's development half (when ../shared is there)."""
    from marsad.evaluate.events import GOLD_FILE, evaluate, render
    from marsad.evaluate.events_gsr import GSR, actor_agreement, cross_validate

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
    if file is None and GSR.is_dir():
        scores = cross_validate(nested=nested)
        for s in scores:
            print(f"GSR dev half, {s.kind} ({s.sentences} sentences, {s.positives} yes, {s.documents} documents, "
                  f"{'nested ' if nested else ''}cross-validated over documents): P {100 * s.precision:.1f} "
                  f"R {100 * s.recall:.1f} F1 {100 * s.f1:.1f}, negatives fired {s.negatives_fired}/{s.negatives}")
        print(f"GSR dev half macro F1 {100 * sum(s.f1 for s in scores) / len(scores):.1f}")
        for a in actor_agreement():
            print(f"GSR spans, {a.kind}: event coded in {a.coded}/{a.sentences} span sentences; source shares a word "
                  f"with gold {a.source_right}/{a.coded}, target {a.target_right}/{a.targets}, "
                  f"source role (CAMEO) in the code {a.role_right}/{a.roles} (in-sample for the detector)")


# --- commands: stories ---


@eval_app.command("stories")
def eval_stories(
    file: Annotated[Path | None, typer.Argument(help="JSON Lines with text, title, published, outlet, url, gold_story.")] = None,
) -> None:
    """Pairwise precision/recall/F1 of story clustering against gold story labels."""
    from marsad.evaluate.stories import CORPUS, evaluate_stories

    path = file or CORPUS
    if not path.exists():
        fail(f"gold file not found: {path}")
    scores, _ = evaluate_stories(path)
    print(f"stories: P={scores.precision:.3f} R={scores.recall:.3f} F1={scores.f1:.3f} "
          f"({scores.articles} articles, {scores.gold_stories} gold stories, "
          f"{scores.predicted_stories} predicted)")


# --- commands: store (ingest, search, serve, export, report, watch) ---


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, JSON Lines files, or - for stdin.")],
    db: Annotated[str, typer.Option(help="The store: a SQLite file (created when missing) or postgresql://...")],
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for pages with no publication date.")] = None,
) -> None:
    """Add pages to the store, one transaction each: a page already stored is skipped, and an
    interrupted run can simply be run again. Exit status 1 when some inputs failed."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from marsad.ingest import read_inputs
    from marsad.pipeline import RunContext
    from marsad.store.sqlite import open_store

    ctx = RunContext(reference_date=parse_reference_date(reference_date))
    store = open_store(db)
    pages = read_inputs(paths, stdin=sys.stdin.buffer)  # streamed: a big corpus never sits in memory
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} pages"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)
        report = store.ingest(pages, ctx, progress=lambda _source, _outcome: bar.advance(task))
    for problem in report.failed:
        err.print(f"[yellow]failed[/] {problem.source}: {problem.error}", highlight=False)
    err.print(f"{report.added} added, {report.duplicates} already stored, {len(report.failed)} failed "
              f"→ {db}", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.failed else EXIT_OK)


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
) -> None:
    """Search the store: إيران finds ايران, بالعراق finds العراق; matches are highlighted."""
    import re

    from rich.table import Table
    from rich.text import Text

    from marsad.store.sqlite import open_store

    for name, value in (("--from", date_from), ("--to", date_to)):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            fail(f"{name} must be YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    if not _store_exists(db):
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    result = open_store(db).search(query, offset=0, limit=limit, outlet=outlet, entity=entity, story=story,
                                   date_from=date_from, date_to=date_to)
    table = Table(title=f"{result['total']} results for «{query}»", show_lines=True)
    for column in ("id", "published", "outlet", "title / snippet"):
        table.add_column(column, overflow="fold")
    for item in result["items"]:
        body = Text(item["title"] or "", style="bold")
        body.append("\n")
        for i, part in enumerate(item["snippet"].replace("\x03", "\x02").split("\x02")):
            body.append(part, style="reverse" if i % 2 else "")
        table.add_row(item["id"], item["published"] or "", item["outlet"] or "", body)
    Console().print(table)


@app.command()
def export(
    db: Annotated[str, typer.Option(help="The store: a SQLite file or postgresql://...")],
    format: Annotated[str, typer.Option("--format", "-f", help="json, csv or events-jsonl")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Export the store: json (the analysis schema), csv (one row per article) or
    events-jsonl (one PLOVER record per story event)."""
    from marsad.store.sqlite import open_store
    from marsad.store.tables import EXPORTERS

    if format not in EXPORTERS:
        fail(f"--format must be one of {', '.join(EXPORTERS)}, got {format!r}")
    if not _store_exists(db):
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    store = open_store(db)
    if output:
        with output.open("w", encoding="utf-8", newline="") as out:
            EXPORTERS[format](store, out)
    else:
        EXPORTERS[format](store, sys.stdout)


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
    from marsad.store.sqlite import open_store

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
    report = run_benchmark(pages, str(path))
    print(jsonlib.dumps(report.as_dict(), ensure_ascii=False, indent=2) if json_out else format_report(report))


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Directories, JSON Lines, WARC or gzip files.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory for the Parquet tables.")],
    scheduler: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler (tcp://host:8786).")] = None,
    workers: Annotated[int, typer.Option(help="Workers of the LocalCluster when no scheduler is given.")] = 2,
    chunk_size: Annotated[int, typer.Option(help="Pages per Dask task.")] = 200,
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for pages with no publication date.")] = None,
    db: Annotated[str | None, typer.Option(help="Also load the analysed pages into this store (SQLite file or postgresql://).")] = None,
) -> None:
    """Run the pipeline on Dask; write articles.jsonl, Parquet (articles, mentions,
    quantities, times, events, entities), stories and errors to --output; with --db, load
    the pages into a store too."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from marsad.run.batch import run_batch

    ref = parse_reference_date(reference_date)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} pages"),
                  TimeElapsedColumn(), console=err) as bar:
        task = bar.add_task("analysing", total=None)
        report = run_batch(inputs, output, scheduler=scheduler, workers=workers, chunk_pages_n=chunk_size,
                              reference_date=ref, progress=lambda n: bar.advance(task, n), store=db)
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
    from marsad.store.sqlite import open_store

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
    from marsad.store.sqlite import open_store

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
    from marsad.store.sqlite import open_store

    if not db.exists():
        fail(f"no store at {db} (create one with `marsad ingest PATH --db {db}`)")
    size = write_report(open_store(str(db)), html, embed_font=embed_font)
    err.print(f"wrote {html} ({size / 1024:.0f} kB)", highlight=False)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()

"""`marsad analyze` (and `version`, `tag`): pages in, analysed articles out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from marsad import __version__
from marsad.cli.common import (
    EXIT_OK,
    EXIT_SOME_INPUTS_FAILED,
    err,
    fail,
    parse_reference_date,
    written_output,
)
from marsad.model import Problem
from marsad.run.progress import progress


def version() -> None:
    """Print marsad's version."""
    print(__version__)


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
        with written_output(output) as target:  # appears only whole: a failed run leaves no (0-byte) file
            assert target is not None
            target.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    for problem in analysis.errors:
        err.print(f"[yellow]error[/] {problem.source}: {problem.error}", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if analysis.errors else EXIT_OK)


# --- commands: ner (tag, eval ner) ---


def tag(
    file: Annotated[Path, typer.Argument(help="One token per line (`TOKEN LABEL` accepted, label ignored); "
                                              "a blank line between sentences.")],
    format: Annotated[str, typer.Option("--format", "-f", help="Input/output format: conll.")] = "conll",
) -> None:
    """Tag tokens with the shipped NER model; write `token<TAB>label` lines."""
    from marsad.errors import MarsadError
    from marsad.evaluate.ner import read_sentences, tag_as_articles
    from marsad.extract.entities import EntityTagger

    if format != "conll":
        fail(f"--format must be conll, got {format!r}")
    if not file.is_file():
        fail(f"file not found: {file}")
    try:
        tagger = EntityTagger.load()
        # Blank lines are kept as written; a long block is tagged in pieces at "." tokens,
        # and the pieces are read as `marsad eval ner` reads them (runs of sentences as articles).
        blocks = [[token for token, _ in block] for block in read_sentences(file, split_on_period=False)]
        pieces: list[list[str]] = []
        for words in blocks:
            begin = 0
            for i, word in enumerate(words):
                if word == "." or i == len(words) - 1:
                    pieces.append(words[begin:i + 1])
                    begin = i + 1
        labels = iter(label for piece in tag_as_articles(tagger, pieces) for label in piece)
        for words in blocks:
            sys.stdout.writelines(f"{w}\t{next(labels)}\n" for w in words)
            sys.stdout.write("\n")
    except MarsadError as exc:
        fail(str(exc))



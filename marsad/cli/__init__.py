"""Command line: a thin shell over the package's modules. Every command is registered here,
in one list, from the module that holds it (nothing registers itself on import); user
errors print one line and exit non-zero, never a traceback (`--debug` shows one).
"""

from __future__ import annotations

import sys

import typer

from marsad.cli import analyze, eval_commands, run_commands, store_commands
from marsad.cli.common import EXIT_SOME_INPUTS_FAILED, err

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="marsad (مرصد): Arabic news pages in, structured and checkable intelligence out.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Score marsad's models on gold files.")
app.add_typer(eval_app, name="eval")

app.command()(analyze.version)
app.command()(analyze.analyze)
app.command()(analyze.tag)
app.command()(store_commands.ingest)
app.command()(store_commands.search)
app.command()(store_commands.export)
app.command()(store_commands.watch)
app.command()(run_commands.bench)
app.command()(run_commands.batch)
app.command()(run_commands.loadtest)
app.command()(store_commands.serve)
app.command()(store_commands.report)
eval_app.command("ner")(eval_commands.eval_ner)
eval_app.command("events")(eval_commands.eval_events)
eval_app.command("stories")(eval_commands.eval_stories)
eval_app.command("clean")(eval_commands.eval_clean)
eval_app.command("entities")(eval_commands.eval_entities)


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


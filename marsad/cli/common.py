"""What the commands share: the error console, exit statuses, one-line failures, and the
helpers that write a file only when a command succeeds."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

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


def store_exists(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://")) or Path(db).exists()


@contextmanager
def written_output(output: Path | None) -> Iterator[Path | None]:
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
def stdout_file() -> Iterator[Any]:
    yield sys.stdout


def counting(rows: Iterable[dict[str, Any]], advance: Callable[[int], None]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield row
        advance(1)

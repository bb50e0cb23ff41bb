"""Progress on a terminal for the commands that take time (analyze, ingest, batch):
done/total, rate and time left, on standard error; nothing when standard error is not a
terminal (a pipe, a log file, CI) or when the user asks for quiet."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

Advance = Callable[[int], None]


class RateColumn(ProgressColumn):
    """Pages a second, once Rich has measured the rate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} pages/s" if speed else "", style="progress.data.speed")


def _ignore(_n: int) -> None:
    return None


@contextmanager
def progress(console: Console, description: str, total: int | None, *, quiet: bool = False) -> Iterator[Advance]:
    """`with progress(err, "analysing", 1309) as advance: ... advance(16)`."""
    if quiet or not console.is_terminal:
        yield _ignore
        return
    columns: list[ProgressColumn] = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     RateColumn(), TimeElapsedColumn()]
    if total:
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)

"""A per-page limit on CPU time, so one pathological page cannot hang a batch, and a busy
machine does not change what a run gives."""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from marsad.errors import PageTimeout


def page_cpu_seconds() -> float:
    """The clock a page's time is counted on: this process's CPU time, the clock the alarm's
    ITIMER_PROF counts too. Wall time would make results depend on how loaded the machine
    is: at a load of 16 on 2 cores an ordinary long article ran past 20 wall seconds and was
    dropped, and a claims row with it."""
    return time.process_time()


class PageAlarm:
    """CPU-time limits for pages that go through the stages a group at a time, so that a
    page's time is spent in many short blocks. The SIGPROF handler is installed once, for
    the `with` block; each page block only arms the profiling interval timer, which counts
    the process's CPU time (`left(seconds)`). Signals reach only the main thread of the main
    interpreter (CLI runs); elsewhere (Dask worker threads) the blocks run unlimited."""

    def __init__(self, page_limit_s: float) -> None:
        self.page_limit_s = page_limit_s
        self.usable = (page_limit_s > 0 and threading.current_thread() is threading.main_thread()
                       and hasattr(signal, "setitimer"))
        self._previous: object = None

    def __enter__(self) -> PageAlarm:
        if self.usable:
            self._previous = signal.signal(signal.SIGPROF, self._on_alarm)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, self._previous)  # type: ignore[arg-type]

    def _on_alarm(self, signum: int, frame: object) -> None:
        raise PageTimeout(f"analysis used more than the {self.page_limit_s:g} s of CPU time of the per-page limit")

    @contextmanager
    def left(self, seconds: float) -> Iterator[None]:
        """Raise PageTimeout if the block runs longer than `seconds` (what a page, or a
        group of pages, has left of its limit)."""
        if not self.usable:
            yield
            return
        if seconds <= 0:
            self._on_alarm(signal.SIGPROF, None)
        signal.setitimer(signal.ITIMER_PROF, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)


def tune_gc_for_bulk_work() -> None:
    """Make Python's cyclic garbage collector cheap for long runs over many pages.

    A corpus run makes millions of small immutable records (tokens, mentions) that never
    form reference cycles, yet each allocation burst triggers collections that walk them
    all: ~2.5 ms an article on SaudiNewsNet. Objects alive now (the loaded model, the word
    lists) are frozen out of the collector, and young-generation passes run 140x less
    often. Called by the commands that process corpora, never on import.
    """
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)

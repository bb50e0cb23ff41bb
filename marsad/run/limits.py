"""A per-page time limit, so one pathological page cannot hang a batch."""

from __future__ import annotations

import gc
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from marsad.errors import PageTimeout


@contextmanager
def time_limit(seconds: float, source: str) -> Iterator[None]:
    """Raise PageTimeout if the block runs longer than `seconds`: one page, one block.

    Uses a SIGALRM interval timer, so it only acts in the main thread of the main
    interpreter (CLI runs); elsewhere (Dask worker threads) the block runs unlimited.
    """
    with PageAlarm(seconds) as alarm, alarm.left(seconds):
        yield


class PageAlarm:
    """Time limits for pages that go through the stages a group at a time, so that a
    page's time is spent in many short blocks. The SIGALRM handler is installed once, for
    the `with` block; each page block only arms the interval timer (`left(seconds)`).
    It acts only in the main thread, as `time_limit` (one page, one block) does."""

    def __init__(self, page_limit_s: float) -> None:
        self.page_limit_s = page_limit_s
        self.usable = (page_limit_s > 0 and threading.current_thread() is threading.main_thread()
                       and hasattr(signal, "setitimer"))
        self._previous: object = None

    def __enter__(self) -> PageAlarm:
        if self.usable:
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]

    def _on_alarm(self, signum: int, frame: object) -> None:
        raise PageTimeout(f"analysis took longer than the {self.page_limit_s:g} s per-page limit")

    @contextmanager
    def left(self, seconds: float) -> Iterator[None]:
        """Raise PageTimeout if the block runs longer than `seconds` (what a page, or a
        group of pages, has left of its limit)."""
        if not self.usable:
            yield
            return
        if seconds <= 0:
            self._on_alarm(signal.SIGALRM, None)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)


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

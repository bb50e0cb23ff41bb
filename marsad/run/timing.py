"""Stopwatches: throughput lines printed by commands, and the seconds of each step of a run
(`marsad bench`). Never used to assert anything in tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def report(self, items: int, nbytes: int) -> str:
        secs = max(self.elapsed(), 1e-9)
        return (f"{items} pages in {secs:.2f} s: {items / secs:.1f} pages/s, "
                f"{nbytes / secs / 1e6:.2f} MB/s of clean text")


class StepClock:
    """`with clock("name"):` adds the block's seconds to timings["name"] (if timings)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            if self.timings is not None:
                self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - began

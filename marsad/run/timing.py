"""A small stopwatch for throughput lines printed by commands (never used in tests)."""

from __future__ import annotations

import time


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def report(self, items: int, nbytes: int) -> str:
        secs = max(self.elapsed(), 1e-9)
        return (f"{items} pages in {secs:.2f} s: {items / secs:.1f} pages/s, "
                f"{nbytes / secs / 1e6:.2f} MB/s of clean text")

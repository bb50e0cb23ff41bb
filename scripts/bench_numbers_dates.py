"""Throughput of quantities + times on one core: MB of Arabic text per second.

Usage: python scripts/bench_numbers_dates.py [DIR_OR_FILES...] (default ../shared/seeds).
Reads the clean article text of the pages (so furniture does not count), repeats it to
about 5 MB, and prints MB/s with and without tokenising (the pipeline tokenises once for
all stages and passes the tokens in).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from marsad.arabic.tokenize import tokenize
from marsad.clean import clean_pages
from marsad.extract.dates import extract_times
from marsad.extract.quantities import extract_quantities
from marsad.ingest import read_inputs

TARGET_BYTES = 5_000_000


def main(paths: list[str]) -> None:
    articles, _ = clean_pages(list(read_inputs(paths)))  # type: ignore[arg-type]
    texts = [a.text for a in articles if a.text]
    size = sum(len(t.encode()) for t in texts)
    texts = texts * max(1, TARGET_BYTES // max(size, 1))
    nbytes = sum(len(t.encode()) for t in texts)
    ref = date(2021, 7, 15)

    t0 = time.perf_counter()
    token_lists = [tokenize(t) for t in texts]
    t1 = time.perf_counter()
    found = 0
    for text, tokens in zip(texts, token_lists, strict=True):
        times = extract_times(text, ref, tokens)
        found += len(times) + len(extract_quantities(text, tokens, times))
    t2 = time.perf_counter()
    mb = nbytes / 1e6
    print(f"{mb:.1f} MB, {len(texts)} articles, {found} quantities+times")
    print(f"quantities+times, tokens given: {mb / (t2 - t1):.2f} MB/s")
    print(f"quantities+times incl. tokenising: {mb / (t2 - t0):.2f} MB/s")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parents[1].parent / "shared" / "seeds")])

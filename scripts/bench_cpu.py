"""`marsad bench` in CPU seconds: every stage and end-to-end figure is this process's CPU
time instead of the wall clock, so that two commits can be compared on a machine other
jobs share (the wall clock counts their work too).

    python scripts/bench_cpu.py --limit 3000 --json -q
    PYTHONPATH=/tmp/old-commit python scripts/bench_cpu.py --limit 3000 --json -q --corpus \
        ../shared/data/saudinewsnet/dataset   # an exported older commit, run in turn with this one

Arguments are those of `marsad bench`. The bench reads `time.perf_counter`; here it reads
`time.process_time` instead (a page's time limit in the per-article stages is then CPU
time too, which only a page far over its limit would notice). Set OMP_NUM_THREADS=1 so that
numpy's threads do not add their CPU to one core's.
"""

from __future__ import annotations

import sys
import time


def main() -> None:
    time.perf_counter = time.process_time  # before marsad reads the clock
    from marsad.cli import main as marsad_main

    sys.argv = ["marsad", "bench", *sys.argv[1:]]
    marsad_main()


if __name__ == "__main__":
    main()

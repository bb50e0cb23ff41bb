"""CPU seconds of each corpus step (`link_and_group`) over docs pickled once after the
per-article stages, so that two commits' corpus steps can be compared on a shared machine
without running the per-article stages again for each run:

    python scripts/corpus_cpu.py --limit 3000 --save /tmp/docs.pkl   # once
    python scripts/corpus_cpu.py --docs /tmp/docs.pkl [--dump /tmp/new.pkl]
    (cd /tmp && PYTHONPATH=/tmp/old python /tmp/old/scripts/corpus_cpu.py --docs /tmp/docs.pkl --dump /tmp/old.pkl)

`--dump` pickles the Analysis (docs, entities, stories) to compare the two for equality.
Set OMP_NUM_THREADS=1.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import time
from pathlib import Path


def main() -> None:
    time.perf_counter = time.process_time  # before marsad reads the clock: CPU seconds
    from marsad.pipeline import RunContext, analyze_raw_pages, link_and_group
    from marsad.run.bench import DEFAULT_CORPUS, load_corpus

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", help="pickled docs (from --save)")
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--save", help="run the per-article stages and pickle their docs here")
    parser.add_argument("--dump", help="pickle the corpus step's Analysis here")
    args = parser.parse_args()
    if args.save:
        docs, _ = analyze_raw_pages(load_corpus(Path(args.corpus), args.limit), RunContext())
        Path(args.save).write_bytes(pickle.dumps(docs, protocol=5))
        return
    docs = pickle.loads(Path(args.docs).read_bytes())
    gc.collect()
    gc.freeze()
    timings: dict[str, float] = {}
    began = time.process_time()
    analysis = link_and_group(docs, [], RunContext(), timings)
    print({step: round(seconds, 2) for step, seconds in timings.items()}, "total",
          round(time.process_time() - began, 2))
    if args.dump:
        Path(args.dump).write_bytes(pickle.dumps(analysis, protocol=5))


if __name__ == "__main__":
    main()

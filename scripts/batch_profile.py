"""The part of `marsad batch` that more workers do not shorten, alone: the map's results are
recorded once (the pickled docs, problems, names and page hashes the workers send back) and
replayed into `run.batch.run_batch` as often as wanted, so that the corpus step and the
writing of the outputs can be timed and profiled without running the per-article stages
again, on a shared machine in this process's CPU seconds:

    python scripts/batch_profile.py --record /tmp/chunks.pkl --output /tmp/rec PART0 PART1 --workers 2
    python scripts/batch_profile.py --replay /tmp/chunks.pkl --output /tmp/out --workers 2 \
        [--profile /tmp/main.prof]
    cmp /tmp/rec/stories.jsonl /tmp/out/stories.jsonl   # (each of the ten files)

It prints the run's `BatchReport` (`corpus_seconds`, `corpus_cpu_seconds`: this process after
the map, with the LocalCluster's scheduler). `--profile` writes a cProfile of the main
thread's CPU time (`time.thread_time`: not the scheduler's nor the writer thread's, not
the waits) in the corpus step, its entities and its stories, and prints its top functions;
`--thread-cpu` prints that CPU time unprofiled (`main_thread_cpu_s`): unlike the report's
`corpus_cpu_seconds` it leaves out the scheduler's thread, whose CPU grows with the wall
time (on a loaded machine, with the load), so it compares two commits replayed in turn.
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import marsad.pipeline
import marsad.run.batch as batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*", help="the batch's inputs (with --record)")
    parser.add_argument("--record", help="run the map and pickle its results here")
    parser.add_argument("--replay", help="the map's results, pickled by --record")
    parser.add_argument("--output", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", help="cProfile of the main thread's CPU in the corpus step (with --replay)")
    parser.add_argument("--thread-cpu", action="store_true", help="the main thread's CPU in the corpus step")
    args = parser.parse_args()
    mapped = batch._map_on_dask
    recorded: list[Any] = []
    if args.record:
        def recording(*a: Any, **k: Any) -> Iterator[Any]:
            for result in mapped(*a, **k):
                recorded.append(result)
                yield result
        batch._map_on_dask = recording  # type: ignore[assignment]
    elif args.replay:
        saved = pickle.loads(Path(args.replay).read_bytes())
        batch._map_on_dask = lambda *a, **k: iter(saved)  # type: ignore[assignment]
    else:
        parser.error("--record or --replay")
    profile = cProfile.Profile(time.thread_time) if args.profile and args.replay else None
    spent = _ThreadClock()
    if profile is not None:
        _profiled_corpus_step(profile)
    elif args.thread_cpu:
        _profiled_corpus_step(spent)
    began = time.perf_counter()
    report = batch.run_batch(args.inputs, Path(args.output), workers=args.workers)
    print(report, "wall", round(time.perf_counter() - began, 1), flush=True)
    if args.thread_cpu:
        print("main_thread_cpu_s", round(spent.seconds, 2), flush=True)
    if args.record:
        Path(args.record).write_bytes(pickle.dumps(recorded, protocol=pickle.HIGHEST_PROTOCOL))
    if profile is not None:
        profile.dump_stats(args.profile)
        pstats.Stats(args.profile).sort_stats("cumulative").print_stats(40)


class _ThreadClock:
    """This thread's CPU seconds while enabled (as a profile's `enable` / `disable`)."""

    def __init__(self) -> None:
        self.seconds, self.began = 0.0, 0.0

    def enable(self) -> None:
        self.began = time.thread_time()

    def disable(self) -> None:
        self.seconds += time.thread_time() - self.began


def _profiled_corpus_step(profile: cProfile.Profile | _ThreadClock) -> None:
    """`link_and_group_shelf` (as `run_batch` imports it) profiled, with each entity and
    story its iterators make."""
    step = marsad.pipeline.link_and_group_shelf

    def profiled(*a: Any, **k: Any) -> tuple[Iterator[Any], Iterator[Any]]:
        entities, stories = _in_profile(profile, lambda: step(*a, **k))
        return _each_in_profile(profile, entities), _each_in_profile(profile, stories)

    marsad.pipeline.link_and_group_shelf = profiled  # type: ignore[assignment]


def _in_profile(profile: cProfile.Profile | _ThreadClock, work: Callable[[], Any]) -> Any:
    profile.enable()
    try:
        return work()
    finally:
        profile.disable()


def _each_in_profile(profile: cProfile.Profile | _ThreadClock, items: Iterator[Any]) -> Iterator[Any]:
    while (item := _in_profile(profile, lambda: next(items, None))) is not None:
        yield item


if __name__ == "__main__":
    main()

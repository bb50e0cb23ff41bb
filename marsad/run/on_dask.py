"""Work sent to Dask workers from `marsad batch`: the client (of a LocalCluster started here
or of a running scheduler), and chunks of items computed there and given back in order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


# Dask keeps each connection's last messages for debugging (1,000 by default), whole, and
# a task's message holds its chunk of pages: that kept every page of a run in this process
# (about 10 KB a page, growing all the way to 24,000 pages, measured), so the log is short.
_DASK_LOG_LENGTH = 4


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a LocalCluster started here (and
    closed after)."""
    import dask
    from dask.distributed import Client, LocalCluster

    with dask.config.set({"distributed.admin.low-level-log-length": _DASK_LOG_LENGTH}):
        cluster = None
        if not scheduler:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1")
        client = Client(scheduler or cluster)
        try:
            yield client
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def in_order_on_dask(client: Any, task: Callable[..., R], items: Iterable[T], chunk_size: int, limit: int,
                      *args: Any) -> Iterator[tuple[list[T], R]]:
    """(chunk, task(chunk, *args)) for chunks of `chunk_size` items, computed on the workers
    and given in the items' order, with at most `limit` chunks in flight (so that this
    process holds only those)."""
    in_flight: deque[tuple[list[T], Any]] = deque()
    item_iter = iter(items)
    for chunk in iter(lambda: list(islice(item_iter, chunk_size)), []):
        in_flight.append((chunk, client.submit(task, chunk, *args, pure=False)))
        while len(in_flight) >= limit:
            yield _arrived(*in_flight.popleft())
    while in_flight:
        yield _arrived(*in_flight.popleft())


def _arrived(chunk: list[T], future: Any) -> tuple[list[T], R]:
    results: R = future.result()
    future.release()
    return chunk, results

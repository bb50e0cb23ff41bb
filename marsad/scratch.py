"""SQLite databases for the working state of a run that grows with every article (the
doc shelf of `marsad batch`, near-duplicate shingles, story vectors, page hashes for
`--db`): in memory for `marsad analyze`, in a file for `marsad batch`, so that a run's
memory does not grow with its corpus.

A scratch database belongs to one run: nothing in it needs to survive a crash (the run
starts again), so it has no journal and no fsync, and its file goes when it is closed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def scratch_database(path: Path | None) -> sqlite3.Connection:
    """A new, empty scratch database: in memory when `path` is None, else in that file
    (replaced if it is there). Autocommit: callers group writes with `transaction`."""
    if path is not None:
        path.unlink(missing_ok=True)
    db = sqlite3.connect(":memory:" if path is None else path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    return db


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One transaction around the block's writes (one commit, not one a statement)."""
    db.execute("BEGIN")
    try:
        yield
    finally:
        # No journal, so no rollback: a step that fails fails its run, which starts afresh.
        if db.in_transaction:
            db.execute("COMMIT")

"""Scratch state: `SpilledMapping` holds a few objects and keeps the rest in SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.run.scratch import SpilledMapping, scratch_database


def test_spilled_mapping_writes_back_what_leaves_memory_and_reads_it_again(tmp_path: Path) -> None:
    db = scratch_database(tmp_path / "s.sqlite")
    stories: SpilledMapping[dict[str, int]] = SpilledMapping(db, "states", hot=2)
    for i in range(5):
        stories[f"s{i}"] = {"articles": i}
    assert len(stories._held) == 2  # only the two most recent stay in memory
    first = stories["s0"]  # written back when it left, read again now
    first["articles"] += 10
    stories["s0"] = first  # put back after the change ...
    for i in range(1, 5):  # ... and pushed out of memory again
        stories[f"s{i}"]["articles"] += 0
    assert stories["s0"] == {"articles": 10}
    assert "s4" in stories and "s9" not in stories and stories.get("s9") is None
    assert len(stories) == 5 and sorted(stories) == [f"s{i}" for i in range(5)]
    assert [v["articles"] for v in stories.values_by_key()] == [10, 1, 2, 3, 4]
    del stories["s1"]
    with pytest.raises(KeyError):
        stories["s1"]
    with pytest.raises(KeyError):
        del stories["s1"]
    assert len(stories) == 4

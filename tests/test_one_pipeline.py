"""One pipeline, one answer: what the store holds is what `marsad analyze` computes over the
same pages, however many runs brought them in (issue 18)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest import read_inputs
from marsad.model import RawPage
from marsad.pipeline import RunContext, analyze_pages
from marsad.store import open_store
from marsad.store.export import analysis_to_dict

DEMO = Path(__file__).resolve().parent.parent / "demo"


def _by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def assert_same_analysis(expected: dict[str, Any], got: dict[str, Any]) -> None:
    """Field by field, so that a failure names the record and the field that differ."""
    for table in ("articles", "entities", "stories"):
        want, have = _by_id(expected[table]), _by_id(got[table])
        assert sorted(have) == sorted(want), table
        for key, record in want.items():
            for name, value in record.items():
                assert have[key].get(name) == value, f"{table} {key} field {name!r}"
    assert got["errors"] == expected["errors"]
    assert got == expected  # and in the same order


def _pages(*paths: Path) -> list[RawPage]:
    return [p for p in read_inputs([str(p) for p in paths]) if isinstance(p, RawPage)]


def _stored(db: Path, *runs: list[RawPage]) -> dict[str, Any]:
    store = open_store(str(db))
    try:
        for pages in runs:
            store.ingest(pages, RunContext())
        return analysis_to_dict(store.analysis())
    finally:
        store.close()


@pytest.fixture(scope="module")
def demo_pages() -> list[RawPage]:
    return _pages(DEMO)


@pytest.fixture(scope="module")
def demo_analysis(demo_pages: list[RawPage]) -> dict[str, Any]:
    return analysis_to_dict(analyze_pages(demo_pages))


def test_ingest_then_export_gives_what_analyze_gives_on_the_demo(tmp_path: Path, demo_analysis: dict[str, Any]) -> None:
    runner = CliRunner()
    db = tmp_path / "demo.db"
    analysed = runner.invoke(app, ["analyze", str(DEMO), "--format", "json", "--output", str(tmp_path / "a.json")])
    assert analysed.exit_code == 1  # the demo's deliberately broken JSON line
    assert runner.invoke(app, ["ingest", str(DEMO), "--db", str(db)]).exit_code == 1
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "json"])
    assert exported.exit_code == 0
    assert exported.stdout == (tmp_path / "a.json").read_text(encoding="utf-8")


def test_two_runs_give_what_one_run_and_analyze_give(tmp_path: Path, demo_pages: list[RawPage],
                                                     demo_analysis: dict[str, Any]) -> None:
    # Interleaved halves: pages of the second run sort before and after those of the first,
    # so stories and spellings seen first in the second run must reshape the first run's.
    first, rest = demo_pages[::2], demo_pages[1::2]
    one_run = _stored(tmp_path / "one.db", demo_pages)
    two_runs = _stored(tmp_path / "two.db", first, rest)
    reversed_runs = _stored(tmp_path / "rev.db", rest, first)
    expected = {**demo_analysis, "errors": []}  # the broken JSON line is not a page here
    assert_same_analysis(expected, one_run)
    assert_same_analysis(expected, two_runs)
    assert_same_analysis(expected, reversed_runs)


def test_pages_added_one_at_a_time_give_the_same_answer(tmp_path: Path, demo_pages: list[RawPage],
                                                        demo_analysis: dict[str, Any]) -> None:
    """As the API and `marsad watch` add them."""
    store = open_store(str(tmp_path / "api.db"))
    for page in reversed(demo_pages):
        assert store.ingest_one(page)["errors"] == []
    got = analysis_to_dict(store.analysis())
    store.close()
    assert_same_analysis({**demo_analysis, "errors": []}, got)


@pytest.mark.seeds
def test_seeds_in_two_runs_give_what_analyze_gives(tmp_path: Path, seeds_dir: Path) -> None:
    pages = _pages(seeds_dir)
    expected = analysis_to_dict(analyze_pages(pages))
    got = _stored(tmp_path / "seeds.db", pages[1::2], pages[::2])
    assert_same_analysis(expected, got)
    # The spellings of one envoy are one entity in the store as in analyze.
    names = [e for e in got["entities"] if "ماكغورك" in " ".join(e["aliases"])]
    assert len(names) == 1 and any("ماجورك" in a for a in names[0]["aliases"])

"""A user error is one line naming the input and the problem, never a traceback, and a
failed command leaves no file behind (issue 18, item 4; issue 23)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DEMO_PAGE = Path(__file__).resolve().parent.parent / "demo" / "ufuq-taji-attack.txt"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "60"}  # a narrow terminal must not break the line
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode in (1, 2), proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], proc.stderr


@pytest.mark.parametrize("command", ["ingest", "search", "export"])
def test_a_file_that_is_not_a_store_is_one_line_and_left_as_it_was(tmp_path: Path, command: str) -> None:
    db = tmp_path / "notes.db"
    db.write_text("my notes, not a database\n", encoding="utf-8")
    args = {"ingest": ["ingest", str(DEMO_PAGE)], "search": ["search", "العراق"], "export": ["export"]}[command]
    proc = run_cli(*args, "--db", str(db), cwd=tmp_path)
    assert_one_line_error(proc, str(db), "not a marsad store")
    assert db.read_text(encoding="utf-8") == "my notes, not a database\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_postgres_address_with_nothing_listening_is_one_line_without_the_password(tmp_path: Path) -> None:
    proc = run_cli("ingest", str(DEMO_PAGE), "--db", "postgresql://me:s3cret@127.0.0.1:9/marsad", cwd=tmp_path)
    assert_one_line_error(proc, "postgresql://127.0.0.1:9/marsad", "cannot open the store")
    assert "s3cret" not in proc.stderr


def test_ingest_of_a_missing_path_exits_1_and_creates_no_store(tmp_path: Path) -> None:
    proc = run_cli("ingest", str(tmp_path / "no-such-dir"), "--db", str(tmp_path / "new.db"), cwd=tmp_path)
    assert proc.returncode == 1
    assert "no-such-dir" in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_store_in_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    proc = run_cli("ingest", str(DEMO_PAGE), "--db", str(tmp_path / "nowhere" / "x.db"), cwd=tmp_path)
    assert_one_line_error(proc, "nowhere", "cannot open the store")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("not a database", encoding="utf-8")
    proc = run_cli("--debug", "search", "العراق", "--db", str(db), cwd=tmp_path)
    assert proc.returncode != 0 and "Traceback" in proc.stderr

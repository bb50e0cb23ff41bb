"""Commands that take time show done/total on a terminal, and nothing otherwise (issue 23)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "demo"


def run_on_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Run marsad with a pseudo-terminal as its standard error (and output)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave, env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=120), out.decode("utf-8", "replace")


def test_analyze_shows_done_of_total_on_a_terminal(tmp_path: Path) -> None:
    code, shown = run_on_terminal("analyze", str(DEMO), "-o", str(tmp_path / "a.json"), cwd=tmp_path)
    assert code == 1  # the demo's broken line
    assert "analysing" in shown and "13/13" in shown


def test_ingest_shows_done_of_total_and_quiet_shows_none(tmp_path: Path) -> None:
    code, shown = run_on_terminal("ingest", str(DEMO), "--db", str(tmp_path / "d.db"), cwd=tmp_path)
    assert code == 1 and "ingesting" in shown and "/14" in shown  # 13 pages and the broken line
    code, quiet = run_on_terminal("ingest", str(DEMO), "--db", str(tmp_path / "q.db"), "--quiet", cwd=tmp_path)
    assert "ingesting" not in quiet


def test_no_progress_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", str(DEMO), "-o", str(tmp_path / "a.json")],
                          capture_output=True, text=True, timeout=120)
    assert "analysing" not in proc.stderr and "\x1b[" not in proc.stderr

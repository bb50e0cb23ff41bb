"""Run the input fuzzer for a bounded time from the structured seeds, as CI does:

    python fuzz/run_bounded.py --seconds 60

Exit status 0 when no input crashed; otherwise the fuzzer's status, with the crashing input
saved under --artifacts (default: a new marsad-fuzz-crash-* folder in the temp directory,
kept after the run; give that file to `python fuzz/fuzz_inputs.py FILE` to replay it).
The corpus grows in a scratch directory, never in the repository.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from seeds import write_seeds  # noqa: E402 - beside this script, not a package

# Long enough for a JSON Lines file of a few records, a small HTML page or a gzip of them:
# the structured modes build the large cases (120,000-deep nesting, 6,000-digit numbers)
# from a few bytes, so longer raw inputs only slow each run.
MAX_LEN = 65_536
# One input running this long is a hang (a normal record takes milliseconds, a cold first
# one with the model load about 2 s).
INPUT_TIMEOUT_S = 30


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="total fuzzing time")
    parser.add_argument("--runs", type=int, default=-1, help="stop after this many inputs (default: time only)")
    parser.add_argument("--seed", type=int, default=0, help="libFuzzer's random seed (0: from the clock)")
    parser.add_argument("--artifacts", type=Path, default=None, help="where a crashing input is saved")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="marsad-fuzz-") as scratch:
        corpus, seeds = Path(scratch) / "corpus", Path(scratch) / "seeds"
        corpus.mkdir()
        n_seeds = write_seeds(seeds)
        # (kept after the run: the scratch directory goes with its corpus, and a crash's
        # input must outlive it to be replayed)
        artifacts = args.artifacts or Path(tempfile.mkdtemp(prefix="marsad-fuzz-crash-"))
        artifacts.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, str(HERE / "fuzz_inputs.py"), str(corpus), str(seeds),
                   f"-max_total_time={args.seconds}", f"-runs={args.runs}", f"-max_len={MAX_LEN}",
                   f"-timeout={INPUT_TIMEOUT_S}", "-rss_limit_mb=4096", f"-seed={args.seed}",
                   f"-artifact_prefix={artifacts}/", "-print_final_stats=1"]
        proc = subprocess.run(command, capture_output=True, text=True, errors="replace")
        runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", proc.stderr)
        crashed = proc.returncode != 0
        if crashed:
            sys.stderr.write(proc.stderr[-6000:])
        outcome = f"a crash (exit {proc.returncode}, input saved in {artifacts})" if crashed else "0 crashes"
        print(f"fuzz: {runs.group(1) if runs else '?'} inputs in {args.seconds} s from {n_seeds} seeds, {outcome}")
        return proc.returncode


if __name__ == "__main__":
    sys.exit(main())

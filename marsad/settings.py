"""Thresholds and paths, each with its default and the reason for it."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

# Pages above this are refused: real article pages are < 2 MB; 20 MB means a dump or a bomb.
MAX_INPUT_BYTES = 20 * 1024 * 1024

# Decompressed size cap for gzip files (zip-bomb guard): the file limit, so that a 184 kB
# gzip cannot bring in the 45 MB page that a 45 MB file is refused for.
MAX_DECOMPRESSED_BYTES = MAX_INPUT_BYTES

# Where the shipped models live.
MODELS_DIR = PACKAGE_DIR / "models"
NER_MODEL_PATH = MODELS_DIR / "ner.crfsuite"

# Where the shared data sets sit in a checkout (../shared beside the repo).
SHARED_DIR = PACKAGE_DIR.parent.parent / "shared"

# Per-page analysis limit, in CPU seconds (not wall time, so a loaded machine gives the same
# results): a normal page takes milliseconds; 20 s means a pathological input (megabyte
# lines, nesting bombs) that must not hang the batch.
PAGE_TIME_LIMIT_S = 20.0

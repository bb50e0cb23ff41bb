"""Draw the SaudiNewsNet articles `labels/quotes/` labels: news with speech, at random.

Seeded draw over all days: an article qualifies when it is 500–2,500 characters (so one
reader can label every quote in it) and holds a speech marker a reader would look for
(a quotation mark or one of a few common reporting verbs); at most one article per
(day, outlet). The draw is made before marsad runs on the articles.

    python scripts/snn_quote_sample.py --n 25 --seed 2026 [--show DIR]
    python scripts/snn_quote_sample.py --n 12 --seed 2027 --skip labels/quotes/snn_quotes.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from pathlib import Path

from marsad.settings import PACKAGE_DIR

DEFAULT_CORPUS = PACKAGE_DIR.parent.parent / "shared" / "data" / "saudinewsnet" / "dataset"
SPEECH_MARKERS = ("«", "“", "\"", "قال", "أكد", "أوضح", "أضاف", "صرح", "أشار")


def candidates(corpus: Path) -> list[tuple[str, int, dict]]:
    found = []
    for zpath in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for i, item in enumerate(json.loads(zf.read(name))):
                    text = (item.get("content") or "").strip()
                    if 500 <= len(text) <= 2500 and any(m in text for m in SPEECH_MARKERS):
                        found.append((zpath.name, i, item))
    return found


def draw(corpus: Path, n: int, seed: int, skip: set[tuple[str, int]] = frozenset()) -> list[tuple[str, int, dict]]:
    pool = [c for c in candidates(corpus) if (c[0], c[1]) not in skip]
    random.Random(seed).shuffle(pool)
    seen: set[tuple[str, str]] = set()
    chosen = []
    for zip_name, i, item in pool:
        key = (zip_name, item.get("source") or "")
        if key in seen:
            continue
        seen.add(key)
        chosen.append((zip_name, i, item))
        if len(chosen) == n:
            break
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=25)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip", type=Path, action="append", default=[],
                        help="a label file whose articles are left out (an earlier set)")
    parser.add_argument("--show", type=Path, help="write each drawn article's text here to read")
    args = parser.parse_args()
    skip = {(row["zip"], row["index"]) for path in args.skip
            for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if row}
    for k, (zip_name, i, item) in enumerate(draw(args.corpus, args.n, args.seed, skip)):
        print(f"{k:02d}\t{zip_name}\t{i}\t{item.get('source')}\t{item.get('url')}")
        if args.show:
            args.show.mkdir(parents=True, exist_ok=True)
            (args.show / f"{k:02d}.txt").write_text(
                f"{item.get('title')}\n\n{item.get('content')}\n", encoding="utf-8")


if __name__ == "__main__":
    main()

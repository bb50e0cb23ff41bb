"""Write a sample of SaudiNewsNet as JSON Lines for `marsad analyze` (one article a line).

Every `stride`-th non-empty article from `offset`, in zip and file order: the samples the
linking labels in labels/merges/ were made on (set 1: offset 0, set 2: offset 15, stride 30).

    python scripts/snn_sample.py OUT.jsonl --offset 0 --stride 30 --limit 1000
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

from marsad.settings import PACKAGE_DIR

DEFAULT_CORPUS = PACKAGE_DIR.parent.parent / "shared" / "data" / "saudinewsnet" / "dataset"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--stride", type=int, default=30)
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    written = index = 0
    with args.out.open("w", encoding="utf-8") as out:
        for zpath in sorted(args.corpus.glob("*.zip")):
            with zipfile.ZipFile(zpath) as zf:
                for name in sorted(zf.namelist()):
                    for i, item in enumerate(json.loads(zf.read(name))):
                        if not (item.get("content") or "").strip():
                            continue
                        index += 1
                        if (index - 1) % args.stride != args.offset or written >= args.limit:
                            continue
                        out.write(json.dumps({
                            "text": item["content"], "title": item.get("title"),
                            "url": item.get("url") or f"{zpath.name}/{name}#{i}",
                            "published": (item.get("date_extracted") or "")[:10] or None,
                            "outlet": item.get("source")}, ensure_ascii=False) + "\n")
                        written += 1
    print(f"{written} articles -> {args.out}")


if __name__ == "__main__":
    main()

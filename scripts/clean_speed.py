"""The clean stage alone: its speed in CPU seconds, and a dump of what it gives, so that a
speed change can be shown to keep every output byte for byte.

    python scripts/clean_speed.py --time 3            # CPU s, best of 3, per set
    python scripts/clean_speed.py --html 20           # CPU ms of each cached HTML page, best of 20
    python scripts/clean_speed.py --dump /tmp/a.jsonl  # every Article field of every set
    PYTHONPATH=/tmp/old-commit python scripts/clean_speed.py ...  # an exported older commit

Sets: the first `--limit` SaudiNewsNet articles as `marsad bench` reads them (as sent, with
titles, addresses and outlets) and as bare text dumps (the content alone); with `--dump`
also the seeds, the demo and every labelled page present in the page cache
(`labels/pages/*.jsonl`, cleaned a file at a time as `marsad eval clean` does, with and
without addresses). `--time` also gives the HTML pages of the cache, milliseconds per page;
`--html` each of them alone. CPU time (`time.process_time`) because the machine is shared:
compare interleaved runs. py3langid's model is loaded before any timing (as `marsad bench` does).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from dataclasses import replace
from pathlib import Path

import py3langid

from marsad.clean import clean_pages
from marsad.evaluate.clean import raw_page, read_labels
from marsad.ingest import make_page, read_inputs
from marsad.model import RawPage
from marsad.run.bench import DEFAULT_CORPUS, load_corpus
from marsad.settings import SHARED_DIR

ROOT = Path(__file__).resolve().parent.parent
PAGES_DIR = Path("/work/cache/pages")


def snn_sets(limit: int) -> dict[str, list[RawPage]]:
    sent = load_corpus(DEFAULT_CORPUS.resolve(), limit)
    return {"snn as sent": sent, "snn bare": [make_page(f"{page.source}#bare", page.content) for page in sent]}


def labelled_sets(pages_dir: Path) -> dict[str, list[RawPage]]:
    sets: dict[str, list[RawPage]] = {}
    for path in sorted((ROOT / "labels" / "pages").glob("*.jsonl")):
        labels = read_labels([path], pages_dir)
        sets[path.name] = [raw_page(label) for label in labels]
        sets[f"{path.name} without addresses"] = [raw_page(replace(label, address=None)) for label in labels]
    return sets


def read_dir(path: Path) -> list[RawPage]:
    return [p for p in read_inputs([str(path)]) if isinstance(p, RawPage)]


def cpu_seconds(pages: list[RawPage], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        clean_pages(pages)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--time", type=int, default=0, help="time each set, best of N runs")
    parser.add_argument("--html", type=int, default=0, help="time each cached HTML page alone, best of N runs")
    parser.add_argument("--dump", type=Path, help="write every cleaned Article of every set here")
    parser.add_argument("--pages-dir", type=Path, default=PAGES_DIR)
    args = parser.parse_args()
    py3langid.classify("news")  # (its model loads on the first non-Arabic page otherwise)
    html = [p for pages in labelled_sets(args.pages_dir).values() for p in pages if p.is_html]
    html = list({p.source: p for p in html}.values())
    for page in html if args.html else ():
        print(f"{page.source}: {len(page.content):,} characters, {1000 * cpu_seconds([page], args.html):.1f} CPU ms")
    sets = snn_sets(args.limit) if args.time or args.dump else {}
    if args.time:
        for name, pages in sets.items():
            seconds = cpu_seconds(pages, args.time)
            print(f"{name}: {len(pages)} pages, {seconds:.3f} CPU s, {len(pages) / seconds:.0f} pages/s")
        if html:
            seconds = min(sum(cpu_seconds([p], 1) for p in html) for _ in range(args.time))
            print(f"html pages: {len(html)}, {1000 * seconds / len(html):.1f} CPU ms a page")
    if args.dump:
        sets |= {"seeds": read_dir((SHARED_DIR / "seeds").resolve()), "demo": read_dir(ROOT / "demo")}
        sets |= labelled_sets(args.pages_dir)
        with args.dump.open("w", encoding="utf-8") as out:
            for name, pages in sets.items():
                articles, problems = clean_pages(pages)
                for article in articles:
                    out.write(json.dumps({"set": name, **dataclasses.asdict(article)}, ensure_ascii=False) + "\n")
                for problem in problems:
                    out.write(json.dumps({"set": name, "problem": dataclasses.asdict(problem)}) + "\n")


if __name__ == "__main__":
    main()

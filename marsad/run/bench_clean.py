"""How long cleaning one page takes: `python -m marsad.run.bench_clean [PATH ...]`.

Prints milliseconds per page for each input page (text dumps and HTML), cleaned in a loop
after one warm-up call (word lists and regexes are built once per process). Without
paths it times the bundled demo corpus and a 5 KB text page composed from it. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from marsad.clean import clean_page
from marsad.ingest import make_page, read_inputs
from marsad.model import RawPage

DEMO = Path(__file__).resolve().parent.parent.parent / "demo"
TARGET_BYTES = 5_000


def ms_per_page(page: RawPage, min_seconds: float = 0.3) -> float:
    clean_page(page)  # warm-up
    runs, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < min_seconds:
        clean_page(page)
        runs += 1
    return 1000 * elapsed / runs


def five_kb_page(page: RawPage) -> RawPage:
    """A text dump of about 5 KB: the page's furniture around its body repeated."""
    lines = page.content.splitlines()
    body = [ln for ln in lines if len(ln.split()) >= 12]
    content = page.content
    while len(content.encode("utf-8")) < TARGET_BYTES and body:
        content = content.replace(body[-1], "\n\n".join([body[-1], *body]), 1)
    return make_page(page.source + " (5 KB)", content)


def main(argv: list[str]) -> None:
    pages = [p for p in read_inputs(argv or [str(DEMO)]) if isinstance(p, RawPage)]
    if not argv:
        text_pages = [p for p in pages if not p.is_html]
        pages.append(five_kb_page(max(text_pages, key=lambda p: len(p.content))))
    for page in pages:
        size = len(page.content.encode("utf-8"))
        kind = "html" if page.is_html else "text"
        print(f"{ms_per_page(page):7.2f} ms  {kind:4}  {size:6d} B  {page.source}")


if __name__ == "__main__":
    main(sys.argv[1:])

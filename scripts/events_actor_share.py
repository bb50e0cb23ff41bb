"""Share of asserted events without any actor on SaudiNewsNet articles, and the event
coder's speed on them (issue 22: target <= 20% without an actor).

    python scripts/events_actor_share.py [--limit 1000] [--show 20] [--list PROTEST]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.extract.events import benchmark_events
from marsad.pipeline import analyze_pages
from marsad.run.bench import DEFAULT_CORPUS, load_corpus


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--show", type=int, default=0, help="print N asserted events without an actor")
    ap.add_argument("--list", nargs="*", default=[], metavar="TYPE",
                    help="print every asserted event of these types (article, sentence offset, trigger, sentence)")
    args = ap.parse_args()
    pages = load_corpus(args.corpus, args.limit)
    docs = analyze_pages(pages).docs
    asserted = [e for d in docs for e in d.events if e.mode == "asserted"]
    bare = [e for e in asserted if not e.actors]
    by_type = Counter(e.type for e in asserted)
    bare_by_type = Counter(e.type for e in bare)
    print(f"{len(docs)} articles, {sum(len(d.events) for d in docs)} events, {len(asserted)} asserted; "
          f"without any actor: {len(bare)} ({100 * len(bare) / max(1, len(asserted)):.1f}%)")
    print("by type (asserted, without actor):", {t: (n, bare_by_type[t]) for t, n in by_type.most_common()})
    for e in bare[: args.show]:
        print(f"  {e.type}\t{e.trigger}\t{e.sentence[:120]}")
    for e in (e for e in asserted if e.type in args.list):
        print(f"  {e.type}\t{e.articles[0] if e.articles else ''}\t{e.start}\t{e.trigger}\t{e.sentence[:160]}")
    print("event coding:", benchmark_events(docs))


if __name__ == "__main__":
    main()

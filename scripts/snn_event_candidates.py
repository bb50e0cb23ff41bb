"""Print SaudiNewsNet sentences to label for one PLOVER type (issue 22): where the coder emits
an asserted event of the type, and (hard negatives) where a trigger word of the type stands
but it emits none. Text goes to the terminal only; labels/events keeps ids and labels.

    python scripts/snn_event_candidates.py CONSULT --offset 3 --fired 30 --trigger-only 15
    python scripts/snn_event_candidates.py AGREE REQUEST --offset 1 --limit 1500 --fired 11 --trigger-only 0 --unjudged

Articles: every `stride`-th non-empty article of the corpus in zip order from `offset` (the
labels were drawn from offsets 3, 7 and 5, stride 10, 3,000 articles each), analysed as
`marsad analyze` does. A line: the candidate's number, F (fired) or T (trigger only), the
label fields to copy (article, at, sentence, start, end, sha1) and the sentence.
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from pathlib import Path

from marsad.evaluate.events_snn import SNN_DIR, load_labels, sentence_sha1
from marsad.extract.events import find_triggers, load_lexicon
from marsad.pipeline import RunContext, analyze_raw_pages
from marsad.run.bench import snn_page


def sample(corpus: Path, offset: int, stride: int, limit: int) -> tuple[list, list[str]]:
    pages, places, index = [], [], 0
    for zpath in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            items = [item for name in sorted(zf.namelist()) for item in json.loads(zf.read(name))]
        for i, item in enumerate(items):
            if not (item.get("content") or "").strip():
                continue
            index += 1
            if (index - 1) % stride != offset or len(pages) >= limit:
                continue
            pages.append(snn_page(item, f"{zpath.name}#{i}"))
            places.append(f"{zpath.stem}#{i}")
    return pages, places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("types", nargs="+", metavar="TYPE")
    parser.add_argument("--corpus", type=Path, default=SNN_DIR)
    parser.add_argument("--offset", type=int, default=3)
    parser.add_argument("--stride", type=int, default=10)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--fired", type=int, default=30)
    parser.add_argument("--trigger-only", type=int, default=15)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--actors", action="store_true", help="print each fired event's source and target")
    parser.add_argument("--unjudged", action="store_true",
                        help="only articles no label file names (a fresh held-out draw)")
    args = parser.parse_args()
    pages, places = sample(args.corpus, args.offset, args.stride, args.limit)
    place_of = {p.content_hash[:16]: place for p, place in zip(pages, places, strict=True)}
    labels = load_labels()
    every_label = labels + load_labels(held_out=True)
    judged = {lab["article"] for lab in every_label} if args.unjudged else set()
    docs, _ = analyze_raw_pages(pages, RunContext())
    docs = [d for d in docs if d.id not in judged]
    lex = load_lexicon()
    for kind in args.types:
        done = {(lab["article"], lab["start"]) for lab in labels if lab["type"] == kind}
        print(f"# {kind}")
        _print_candidates(docs, kind, done, place_of, lex, args)


def _print_candidates(docs, kind, done, place_of, lex, args) -> None:  # type: ignore[no-untyped-def]
    fired, trigger_only = [], []
    doc_events: dict = {}
    for doc in docs:
        for e in doc.events:
            if e.type == kind and e.mode == "asserted":
                doc_events.setdefault((doc.id, e.start, kind), []).append(e)
    for doc in docs:
        for k, s in enumerate(doc.sentences):
            if (doc.id, s.start) in done:
                continue
            row = (doc.id, place_of[doc.id], k, s)
            if any(e.type == kind and e.mode == "asserted" and e.start == s.start for e in doc.events):
                fired.append(row)
            elif any(h.trigger.type == kind for h in find_triggers(s.tokens, lex)) and not any(
                    e.type == kind and e.start == s.start for e in doc.events):
                trigger_only.append(row)
    rng = random.Random(args.seed)
    rng.shuffle(fired)
    rng.shuffle(trigger_only)
    picks = [("F", r) for r in fired[: args.fired]] + [("T", r) for r in trigger_only[: args.trigger_only]]
    for n, (tag, (article, at, k, s)) in enumerate(picks):
        ids = {"type": kind, "article": article, "at": at, "sentence": k, "start": s.start, "end": s.end,
               "sha1": sentence_sha1(s.text)}
        print(n, tag, json.dumps(ids), s.text.replace("\n", " "))
        if args.actors:
            for e in doc_events.get((article, s.start, kind), []):
                print("   source:", [p.text for p in e.actors], "target:", [p.text for p in e.targets],
                      "trigger:", e.trigger)


if __name__ == "__main__":
    main()

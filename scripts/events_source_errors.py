"""Where the source actor goes wrong on the GSR dev half's span sentences (issue 22): each
span sentence (assault_spans.json, protest_spans.json) in one class, as the
UniversalPetrarch analogue of `marsad eval events` counts "type + source" (an asserted
event of the type whose actor carries the gold source's CAMEO country / role):

- right; type missed (no asserted event of the type); no gold code (no reading gives the
  source a country or a role: none can be right);
- wrong: no actor, the gold source before the verb (SVO) or after it (VSO); the actor shares
  a word with the gold source but its code differs; the actor is the gold target; the actor
  is someone else.

    python scripts/events_source_errors.py [--show CLASS] [--limit 20]

In-sample: the actor rules were written looking at these spans. Measure only: no text is
written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.arabic.normalize import match_key
from marsad.evaluate.events_gsr import FILES, GSR, Row, analyse, document_of
from marsad.evaluate.events_spans import code_agrees, gold_codes
from marsad.extract.events.coding import extract_events
from marsad.model import Event


def _words(texts: list[str]) -> set[str]:
    return {match_key(w) for t in texts for w in t.split()}


def _gold_order(text: str, readings: list[dict]) -> str:
    """"SVO" or "VSO": where the first reading with both names its source against its verb."""
    keys = [match_key(w) for w in text.split()]
    for s in readings:
        if s["source_actor"] and s["verb"]:
            verb, source = match_key(s["verb"][0]), match_key(s["source_actor"][0])
            if verb in keys and source in keys:
                return "VSO" if keys.index(source) > keys.index(verb) else "SVO"
    return "?"


def error_class(text: str, readings: list[dict], asserted: list[Event]) -> str:
    golds = gold_codes(readings)
    if not asserted:
        return "type missed"
    if not golds:
        return "no gold code"
    actors = [p for e in asserted for p in e.actors]
    if any(code_agrees(p.code, main, role) for p in actors if p.code for main, role in golds):
        return "right"
    if not actors:
        return "wrong: no actor, gold source " + _gold_order(text, readings)
    named = _words([p.text for p in actors])
    if any(named & _words([" ".join(s["source_actor"])]) for s in readings if s["source_actor"]):
        return "wrong: the gold source, its code differs"
    if any(named & _words([" ".join(s["target_actor"])]) for s in readings if s["target_actor"]):
        return "wrong: the gold target"
    return "wrong: someone else"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gsr", type=Path, default=GSR)
    ap.add_argument("--show", default="", help="print the sentences of the classes starting with this")
    ap.add_argument("--limit", type=int, default=20)
    args = ap.parse_args()
    items = [(kind, item) for kind, _ in FILES
             for item in json.loads((args.gsr / f"{kind.lower()}_spans.json").read_text(encoding="utf-8"))]
    docs = analyse([Row(kind, item["source"], document_of(item["source"]), item["text"], 1) for kind, item in items])
    counts: Counter[tuple[str, str]] = Counter()
    shown = 0
    for (kind, item), doc in zip(items, docs, strict=True):
        asserted = [e for e in extract_events(doc, None) if e.type == kind and e.mode == "asserted"]
        found = error_class(item["text"], item["spans"], asserted)
        counts[kind, found] += 1
        if args.show and found.startswith(args.show) and shown < args.limit:
            shown += 1
            print(f"{kind} [{found}] {item['text'][:160]}")
            print("   ours:", [(p.text, p.code) for e in asserted for p in e.actors])
    for kind, _ in FILES:
        print(f"{kind}: " + ", ".join(f"{name} {n}" for (k, name), n in sorted(counts.items()) if k == kind))


if __name__ == "__main__":
    main()

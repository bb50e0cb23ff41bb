"""Event coding on UniversalPetrarch's Arabic validation set (issue 22): 645 Gigaword
sentences with their PLOVER type (ASSAULT / PROTEST) and source / target actor spans, from
github.com/openeventdata/UniversalPetrarch (MIT), file
UniversalPetrarch/validate/arabic/arabic_gsr_validation_18-11-14.xml. Measure only: the file
is read from a local copy (never copied into the repository).

    python scripts/events_petrarch_validation.py [--xml FILE] [--half dev|test|all] [--show 10]

Halves (a fixed rule, `half_of`): 328 of the 645 sentences are sentences of the GSR's
development half (their id is in its span files, `assault_spans.json` / `protest_spans.json`,
or their text is a row of its csv files): the detector learned them, so reading them tells
nothing new. They are the **dev** half, the one that may be read (`--show` works on it
alone). The other 317 are in no row of the development half, most likely sentences of the
GSR's private test half: the **test** half, scored and never read sentence by sentence. (A
hash of the ids would have put training sentences in the test half and private GSR
sentences in the dev half.)

For each sentence it prints nothing; at the end:
- type right: the coder gives an asserted event of the sentence's type;
- type + source right: ... and that event's actors share a word with the gold source span
  (sentences whose gold source span is empty count as wrong, as for the coder measured in
  the issue);
- type + source code right: ... and one of its actors carries the gold `sourcecode`'s
  country and role ("TUN None", "None CVL"; marsad.evaluate.events_spans.code_agrees);
- the same with events in any mode.
The dev half's span files hold the same annotation for the dev documents: `marsad eval
events` prints this figure on them (marsad/evaluate/events_spans.py).
"""

from __future__ import annotations

import argparse
import csv
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.arabic.normalize import match_key
from marsad.evaluate.events_gsr import FILES, GSR, Row, analyse
from marsad.evaluate.events_spans import dev_half_keys, gold_codes, half_of, source_agrees, spaced
from marsad.extract.events.coding import extract_events

DEFAULT_XML = Path("/work/cache/petrarch/arabic_gsr_validation_18-11-14.xml")


def _sentence_elements(path: Path) -> list[ET.Element]:
    """Every complete <Sentence> element. The upstream file ends at `</Sentences>` without
    closing its `<Validation>` root, so a strict parse fails at the end; it is read
    incrementally instead and the unclosed root is ignored."""
    parser = ET.XMLPullParser(events=("end",))
    parser.feed(path.read_bytes())
    return [elem for _, elem in parser.read_events() if elem.tag == "Sentence"]


def read_sentences(path: Path) -> list[tuple[Row, str, list[tuple[str | None, str | None]]]]:
    """(row, gold source span, gold source code as (country, role)) per sentence marked
    evaluate="true"."""
    out = []
    for sentence in _sentence_elements(path):
        if sentence.get("evaluate", "true") != "true":
            continue
        coding = sentence.find("EventCoding")
        spans = sentence.find("EventText")
        kind = (coding.get("plover") if coding is not None else None) or sentence.get("category", "")
        text = (sentence.findtext("Text") or "").strip()
        source = spans.get("sourcetext", "") if spans is not None else ""
        main, _, role = ((coding.get("sourcecode") if coding is not None else None) or "").partition(" ")
        codes = gold_codes([{"source_role": {"main": main, "role": role}}])
        out.append((Row(kind, sentence.get("id", ""), sentence.get("id", ""), text, 1), source, codes))
    return out


def published_dates(path: Path) -> dict[str, str]:
    """Each sentence's article date ("20080930" -> "2008-09-30"), as an article carries its
    own at run time: relative dates ("أمس") resolve against it and anchor an event."""
    out = {}
    for sentence in _sentence_elements(path):
        day = sentence.get("date", "")
        if len(day) == 8 and day.isdigit():
            out[sentence.get("id", "")] = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    return out


def _words(texts: tuple[str, ...] | list[str]) -> set[str]:
    return {match_key(w) for t in texts for w in t.split()}


def agreement(sentences: list[tuple[Row, str, list[tuple[str | None, str | None]]]]) -> None:
    """How the two gold sets label the same sentences: each validation sentence of the dev
    half is an event of its type; the GSR development half's csv labels it yes, a kind of
    no or "ambiguous" (too few annotators), or holds it only in its span file ("-")."""
    keys = dev_half_keys()
    labels: dict[tuple[str, str], str] = {}
    for kind, name in FILES:
        with open(GSR / name, encoding="utf-8") as fh:
            labels.update(((kind, spaced(r["text"])), r["label"]) for r in csv.DictReader(fh))
    counts = Counter((row.kind, labels.get((row.kind, spaced(row.text)), "-"))
                     for row, _, _ in sentences if half_of(row, keys) == "dev")
    for kind in sorted({k for k, _ in counts}):
        of_kind = {label: n for (k, label), n in counts.items() if k == kind}
        print(f"{kind}: {sum(of_kind.values())} validation sentences of the dev half; GSR csv label "
              + ", ".join(f"{label} {n}" for label, n in sorted(of_kind.items(), key=lambda x: -x[1])))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--xml", type=Path, default=DEFAULT_XML)
    ap.add_argument("--show", type=int, default=0, help="print N sentences whose type was missed")
    ap.add_argument("--half", choices=("dev", "test", "all"), default="all",
                    help="dev: the sentences of the GSR development half (may be read); test: the others")
    ap.add_argument("--undated", action="store_true",
                    help="leave out the sentences' article dates (as measured before the dev/test round)")
    ap.add_argument("--agreement", action="store_true",
                    help="count the dev half's sentences by the label the GSR development half gives them "
                         "(labels only, nothing is coded or shown)")
    args = ap.parse_args()
    if args.agreement:
        agreement(read_sentences(args.xml))
        return
    if args.show and args.half != "dev":
        sys.exit("--show reads sentences: only with --half dev (the test half is never read)")
    if not args.xml.is_file():
        sys.exit(f"{args.xml} not found: save a copy of UniversalPetrarch's "
                 "validate/arabic/arabic_gsr_validation_18-11-14.xml there, or give --xml")
    sentences = read_sentences(args.xml)
    if args.half != "all":
        keys = dev_half_keys()
        sentences = [s for s in sentences if half_of(s[0], keys) == args.half]
    dates = {} if args.undated else published_dates(args.xml)
    published = [dates.get(row.id) for row, _, _ in sentences]
    docs = analyse([row for row, _, _ in sentences], published)
    counts = {name + mode: 0 for mode in ("", " (any mode)") for name in ("type", "type+source", "type+source code")}
    right_by_kind: Counter[str] = Counter()
    shown = 0
    for (row, source, codes), doc, day in zip(sentences, docs, published, strict=True):
        events = [e for e in extract_events(doc, date.fromisoformat(day) if day else None) if e.type == row.kind]
        gold = _words([source]) if source.strip() else set()
        for label, pool in (("", [e for e in events if e.mode == "asserted"]), (" (any mode)", events)):
            if pool:
                counts["type" + label] += 1
                right_by_kind[row.kind + label] += 1
                actors = _words([p.text for e in pool for p in e.actors])
                counts["type+source" + label] += bool(gold & actors)
                counts["type+source code" + label] += source_agrees(pool, codes)
        if not events and shown < args.show:
            shown += 1
            print(f"  missed {row.kind}: {row.text[:120]}")
    n = len(sentences)
    kinds = Counter(r.kind for r, _, _ in sentences)
    print(f"UniversalPetrarch Arabic validation, {args.half}: {n} sentences "
          f"({kinds['ASSAULT']} ASSAULT, {kinds['PROTEST']} PROTEST)")
    for name, value in counts.items():
        print(f"  {name} right: {value}/{n} ({100 * value / max(1, n):.1f}%)")
    print("  type right by type: " + ", ".join(f"{k} {right_by_kind[k]}/{kinds[k]}" for k in sorted(kinds)))


if __name__ == "__main__":
    main()

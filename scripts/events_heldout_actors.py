"""Score a held-out file of asserted events judged by reading (issue 22): per type, how many
of the judged sentences the coder still fires on and how many of those are right (type
precision), and for the sentences judged "yes" whether the coded source and target are the
parties the judge named (`gold_source`, `gold_target`; "" = the sentence names none, "a|b" =
either is right).

    python scripts/events_heldout_actors.py labels/events/snn_events_heldout12.jsonl [--show]

A coded side is right when its first party shares a word with a gold name (leaving out
generic heads such as وزير, قوات, مجلس, which alone name nobody) and no word with the other
side's gold only; an empty side is right only where the gold is "". A "yes" line the coder no
longer fires on counts as a lost event: its source and target are not right.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from marsad.evaluate.events_snn import SNN_DIR, _pages, load_labels, sentence_sha1
from marsad.pipeline import RunContext, analyze_raw_pages

# Heads that name a kind of body or office, not which one: sharing only these is no match.
GENERIC = set("وزير رئيس مدير قوات قوة اتحاد هيئة مجلس حكومة شركة نادي جامعة وزارة سلطات جهاز مصادر".split())


def words(text: str) -> set[str]:
    out = set()
    for raw in re.findall(r"[\w\u0600-\u06FF]+", text):
        w = re.sub("[إأآ]", "ا", raw.replace("ى", "ي").replace("ة", "ه"))
        w = re.sub(r"[\u064B-\u0652]", "", w)
        for prefix in ("وال", "بال", "لل", "ال"):
            if w.startswith(prefix) and len(w) - len(prefix) >= 3:
                w = w[len(prefix):]
                break
        if w.replace("ه", "ة") not in GENERIC and w not in GENERIC and len(w) > 1:
            out.add(w)
    return out


def side_right(coded: list[str], gold: str, other_gold: str) -> bool:
    if not gold:
        return not coded
    if not coded:
        return False
    first = coded[0]
    alternatives = gold.split("|")
    if any(words(first) == words(alt) or first == alt for alt in alternatives):
        return True
    other = {w for alt in other_gold.split("|") for w in words(alt)} - {w for a in alternatives for w in words(a)}
    return any(words(first) & words(alt) for alt in alternatives) and not words(first) & other


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("--show", action="store_true", help="print each line's verdicts (read the failures)")
    args = parser.parse_args()
    labels = load_labels([args.labels])
    docs, _ = analyze_raw_pages(list(_pages({lab["at"] for lab in labels}, SNN_DIR)), RunContext())
    by_id = {d.id: d for d in docs}
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for lab in labels:
        row = rows[lab["type"]]
        yes = lab["label"] == "yes"
        row["judged"] += 1
        row["yes"] += yes
        doc = by_id.get(lab["article"])
        sentence = next((s for s in doc.sentences if s.start == lab["start"]), None) if doc else None
        if sentence is None or sentence_sha1(sentence.text) != lab["sha1"]:
            row["lost"] += 1
            continue
        events = [e for e in doc.events if e.type == lab["type"] and e.mode == "asserted" and e.start == sentence.start]  # type: ignore[union-attr]
        row["fired"] += bool(events)
        row["right"] += bool(events) and yes
        if not (events and yes):
            continue
        sources, targets = [p.text for p in events[0].actors], [p.text for p in events[0].targets]
        src = side_right(sources, lab["gold_source"], lab["gold_target"])
        tgt = side_right(targets, lab["gold_target"], lab["gold_source"])
        row["source"] += src
        row["target"] += tgt
        if args.show:
            print(lab["type"], lab["at"], lab["start"], "source", "ok" if src else "WRONG", sources,
                  "target", "ok" if tgt else "WRONG", targets)
    print(f"{'type':<9}{'judged':>7}{'yes':>5}{'fired':>7}{'right':>7}{'P':>7}{'source':>8}{'target':>8}{'lost':>6}")
    total: dict[str, int] = defaultdict(int)
    for kind in sorted(rows):
        row = rows[kind]
        for key, value in row.items():
            total[key] += value
        _print_row(kind, row)
    _print_row("all", total)


def _print_row(kind: str, row: dict[str, int]) -> None:
    p = f"{100 * row['right'] / row['fired']:.1f}" if row["fired"] else "-"
    print(f"{kind:<9}{row['judged']:>7}{row['yes']:>5}{row['fired']:>7}{row['right']:>7}{p:>7}"
          f"{row['source']:>5}/{row['yes']:<2}{row['target']:>5}/{row['yes']:<2}{row['lost']:>6}")


if __name__ == "__main__":
    main()

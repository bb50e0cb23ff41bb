"""Score quote extraction against hand-labelled SaudiNewsNet articles (`labels/quotes/`).

Runs the real pipeline (clean, every per-article stage, linking) on the labelled articles,
as `marsad analyze` does, and prints:
- found (recall): a gold quote is found when a marsad quote overlaps its span;
- precision: a marsad quote overlapping some gold quote;
- speaker right among the found: the speaker as written, or the linked entity's name,
  shares a name word with the gold speaker (no speaker when the gold has none); the
  speaker kind (entity / institution / anonymous / none) is scored apart.
A gold span is located by its first and last words in the article text (compared with
diacritics, tatweel and letter variants folded); headline quotes are scored apart, since
a quote's offsets index the body.

    python scripts/eval_quotes.py [--labels labels/quotes/snn_quotes.jsonl] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.model import Doc, Quote
from marsad.run.bench import snn_page
from marsad.settings import PACKAGE_DIR

DEFAULT_CORPUS = PACKAGE_DIR.parent.parent / "shared" / "data" / "saudinewsnet" / "dataset"
DEFAULT_LABELS = PACKAGE_DIR.parent / "labels" / "quotes" / "snn_quotes.jsonl"
_FOLD = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_LETTERS = str.maketrans("أإآٱىة", "اااايه")
# Words that name no one: a shared one does not make two speakers the same.
_NOT_NAME_WORDS = {"في", "من", "بن", "ابن", "عبد", "ال", "و", "عن", "على", "الي"}


def folded(text: str) -> tuple[str, list[int]]:
    """`text` with marks dropped, letter variants unified and spaces collapsed, and for each
    character kept its offset in `text`."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if _FOLD.match(ch):
            continue
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch.translate(_LETTERS))
        where.append(i)
    return "".join(out), where


def locate(text: str, first: str, last: str) -> tuple[int, int] | None:
    body, where = folded(text)
    a = body.find(folded(first)[0].strip())
    if a < 0:
        return None
    tail = folded(last)[0].strip()
    b = body.find(tail, a)
    if b < 0:
        return None
    return where[a], where[b + len(tail) - 1] + 1


def name_words(text: str | None) -> set[str]:
    words = set()
    for w in match_key(text or "").split():
        w = w[2:] if w.startswith("ال") and len(w) > 4 else w
        if len(w) > 1 and w not in _NOT_NAME_WORDS:
            words.add(w)
    return words


@dataclass
class Gold:
    source: str
    start: int
    end: int
    label: dict


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    marsad: int = 0
    matched: int = 0
    speaker: int = 0
    kind: int = 0
    title_gold: int = 0
    unlocated: int = 0


def load_pages(labels: list[dict], corpus: Path) -> list:
    pages = []
    for row in labels:
        with zipfile.ZipFile(corpus / row["zip"]) as zf:
            name = sorted(zf.namelist())[0]
            item = json.loads(zf.read(name))[row["index"]]
        page = snn_page(item, f"{row['zip']}/{name}#{row['index']}")
        assert page is not None and page.source == row["source"], row["source"]
        pages.append(page)
    return pages


def speaker_right(q: Quote, gold: dict, names: dict[str, str]) -> bool:
    if gold["speaker"] is None:
        return q.speaker_text is None and q.speaker is None
    said = name_words(q.speaker_text) | name_words(names.get(q.speaker or "", ""))
    return bool(said & name_words(gold["speaker"]))


def kind_right(q: Quote, gold: dict) -> bool:
    return (q.speaker_kind or "none") == gold["speaker_kind"]


def score(docs: list[Doc], names: dict[str, str], labels: list[dict], show: bool) -> Tally:
    tally = Tally()
    by_source = {d.article.source: d for d in docs}
    for row in labels:
        doc = by_source.get(row["source"])
        text = doc.article.text if doc else ""
        quotes = list(doc.quotes) if doc else []
        golds = []
        for label in row["quotes"]:
            if label.get("in_title"):
                tally.title_gold += 1
                continue
            tally.gold += 1
            span = locate(text, label["first_words"], label["last_words"])
            if span is None:
                tally.unlocated += 1
                if show:
                    print(f"UNLOCATED {row['source']}: {label['first_words']} … {label['last_words']}")
                continue
            golds.append(Gold(row["source"], span[0], span[1], label))
        for g in golds:
            hits = [q for q in quotes if q.start < g.end and g.start < q.end]
            if not hits:
                if show:
                    print(f"MISSED  [{row['index']}] {g.label['first_words']} … ({g.label['speaker']})")
                continue
            tally.found += 1
            best = max(hits, key=lambda q: min(q.end, g.end) - max(q.start, g.start))
            speaker_ok, kind_ok = speaker_right(best, g.label, names), kind_right(best, g.label)
            tally.speaker += speaker_ok
            tally.kind += kind_ok
            if show and not (speaker_ok and kind_ok):
                print(f"SPEAKER [{row['index']}] {g.label['first_words']} … gold {g.label['speaker']}"
                      f" ({g.label['speaker_kind']}) got {best.speaker_text} / {names.get(best.speaker or '')}"
                      f" ({best.speaker_kind})")
        for q in quotes:
            tally.marsad += 1
            if any(q.start < g.end and g.start < q.end for g in golds):
                tally.matched += 1
            elif show:
                print(f"EXTRA   [{row['index']}] {' '.join(q.text.split()[:8])} … ({q.speaker_text})")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="print each miss, extra and wrong speaker")
    args = parser.parse_args()
    from marsad.pipeline import RunContext, analyze_raw_pages, link_and_group

    labels = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    ctx = RunContext()
    docs, errors = analyze_raw_pages(load_pages(labels, args.corpus), ctx)
    analysis = link_and_group(docs, errors, ctx)
    names = {e.id: e.name for e in analysis.entities}
    t = score(list(analysis.docs), names, labels, args.show)

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} ({100 * a / b:.1f} %)" if b else f"{a}/0"

    print(f"articles {len(labels)}; gold quotes in bodies {t.gold} (not located {t.unlocated}); "
          f"headline quotes {t.title_gold} (not scored: offsets index the body)")
    print(f"found (recall)       {pct(t.found, t.gold)}")
    print(f"precision            {pct(t.matched, t.marsad)}")
    print(f"speaker right        {pct(t.speaker, t.found)} of the found")
    print(f"speaker kind right   {pct(t.kind, t.found)} of the found")


if __name__ == "__main__":
    main()

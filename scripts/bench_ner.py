"""Tagging speed of an NER model on SaudiNewsNet articles (tokens/s, cold and warm cache).

    python scripts/bench_ner.py                       # the shipped model, 1,000 articles
    python scripts/bench_ner.py --model OTHER.crfsuite --articles 2000

Articles are split into sentences and tokens by marsad's own tokeniser first (not timed);
then `marsad.extract.entities.benchmark_tagger` tags them in batches of 25 sentences, from
a cold word-type cache and again warm, and reports wall-clock and per-CPU-second rates (on
a shared machine the CPU figure is the one that counts this process alone).
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

from marsad.arabic.tokenize import split_sentences
from marsad.extract.entities import EntityTagger, benchmark_tagger
from marsad.settings import SHARED_DIR

CORPUS_DIR = SHARED_DIR / "data" / "saudinewsnet" / "dataset"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="A crfsuite model (default: the shipped one).")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    args = parser.parse_args(argv)
    texts: list[str] = []
    for archive in sorted(args.corpus.glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                texts += [a["content"] for a in json.loads(zipped.read(name)) if a.get("content")]
        if len(texts) >= args.articles:
            break
    if not texts:
        print(f"no SaudiNewsNet zips under {args.corpus}", file=sys.stderr)
        return 1
    sentences = [[t.text for t in s.tokens] for text in texts[:args.articles]
                 for s in split_sentences(text) if s.tokens]
    print(json.dumps(benchmark_tagger(sentences, EntityTagger.load(args.model))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

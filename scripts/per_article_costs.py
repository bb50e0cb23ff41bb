"""CPU seconds of the per-article stages' hot paths over the first N SaudiNewsNet articles,
each timed alone, so that a session can see what is left to cut before rewriting any of it:
tokens and sentences with a cold and a warm word cache, the NER tagger with a cold and a warm
type cache (the difference is what new word types cost: their features, `key_parts`, and
their score rows), `key_parts` alone over the distinct word keys, and the number and date
start scans. Python's collector is tuned as `marsad bench` tunes it.

    python scripts/per_article_costs.py --limit 3000 [--corpus ../shared/data/saudinewsnet/dataset]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from marsad.arabic.numbers import _run_starts
from marsad.arabic.tokenize import split_sentences
from marsad.clean import clean_pages
from marsad.extract.dates import _possible_starts
from marsad.extract.entities import _ARABIC_LETTER
from marsad.pipeline import RunContext
from marsad.pipeline.stages import runs_stages
from marsad.run.bench import DEFAULT_CORPUS, load_corpus
from marsad.run.limits import tune_gc_for_bulk_work

GROUP = 16  # articles a tagger call reads, as the pipeline's groups
T = TypeVar("T")


def cpu(label: str, work: Callable[[], T]) -> T:
    began = time.process_time()
    result = work()
    print(f"  {label:34s} {time.process_time() - began:7.3f} CPU s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    args = parser.parse_args()
    articles, _ = clean_pages(load_corpus(Path(args.corpus), args.limit))
    texts = [a.text for a in articles if runs_stages(a)]
    tagger = RunContext().get_tagger()
    tune_gc_for_bulk_work()
    print(f"{len(texts)} articles, {sum(map(len, texts)):,} characters")
    sentences = cpu("split_sentences, cold word cache", lambda: [split_sentences(t) for t in texts])
    cpu("split_sentences, warm", lambda: [split_sentences(t) for t in texts])
    docs = [[[t.key or t.text for t in s.tokens] for s in doc if s.tokens and _ARABIC_LETTER.search(s.text)]
            for doc in sentences]
    tokens = [[t for s in doc for t in s.tokens] for doc in sentences]
    print(f"{sum(map(len, tokens)):,} tokens")

    def tag_all() -> None:
        for begin in range(0, len(docs), GROUP):
            tagger.tag_articles(docs[begin:begin + GROUP], keyed=True)

    tagger.forget_word_types()
    cpu("NER tagger, cold type cache", tag_all)
    cpu("NER tagger, warm", tag_all)
    keys = list(dict.fromkeys(k for doc in docs for s in doc for k in s))
    print(f"{len(keys):,} word types")
    cpu("key_parts of every type", lambda: [tagger.features.key_parts(k) for k in keys])
    cpu("number start scan (_run_starts)", lambda: [_run_starts(t) for t in tokens])
    cpu("date start scan (_possible_starts)", lambda: [_possible_starts(t) for t in tokens])


if __name__ == "__main__":
    main()

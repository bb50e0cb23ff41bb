"""CPU seconds of single hot functions over the docs of the first N SaudiNewsNet articles,
so that a speed-only rewrite can be timed alone and checked to give the same results:
`named_bodies` over every sentence (with the doc's mentions in it as input), MinHash
`signatures` of every doc's text and paragraphs, and `import marsad.link.duplicates` in a
fresh process. Run an older commit in turn with an exported tree on PYTHONPATH:

    python scripts/hot_functions.py --limit 1000 --dump /tmp/new.pkl
    (cd /tmp && PYTHONPATH=/tmp/old python /tmp/old/scripts/hot_functions.py --limit 1000 --dump /tmp/old.pkl \
        --corpus SHARED/data/saudinewsnet/dataset)
    cmp /tmp/old.pkl /tmp/new.pkl   # the same mentions and signatures

`--mention-rules`: instead, the mentions stage run again over the docs in groups of 64, as
the pipeline runs it, with the CPU seconds of the tagger and of each rule it calls (each
name of `marsad.extract.entities` wrapped in a timer); `--dump` then pickles its mentions.
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from marsad.arabic.tokenize import doc_tokens
from marsad.extract.body_heads import named_bodies
from marsad.link.duplicates import reuse_units
from marsad.link.shingles import signatures
from marsad.pipeline import RunContext, analyze_raw_pages
from marsad.run.bench import DEFAULT_CORPUS, load_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dump", help="pickle the results here, to compare two commits")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="(an exported tree has no ../shared)")
    parser.add_argument("--mention-rules", action="store_true", help="time the mentions stage's rules")
    args = parser.parse_args()
    docs, _ = analyze_raw_pages(load_corpus(Path(args.corpus), args.limit), RunContext())
    if args.mention_rules:
        time_mention_rules(docs, args.dump)
        return
    sentences = []
    for doc in docs:
        for sentence in doc.sentences:
            if sentence.tokens:
                first, last = sentence.tokens[0].start, sentence.tokens[-1].end
                inside = [m for m in doc.mentions if first <= m.start and m.end <= last]
                sentences.append((inside, sentence.tokens, doc.article.text))
    units = [reuse_units(doc) for doc in docs if doc_tokens(doc)]
    results = {}
    for run in range(args.runs):
        began = time.process_time()
        results["named_bodies"] = [named_bodies(*s) for s in sentences]
        middle = time.process_time()
        results["signatures"] = [signatures([u.whole]).tolist() + signatures([p for _, p in u.parts]).tolist()
                                 for u in units]
        print(f"run {run + 1}: named_bodies {middle - began:.3f} CPU s over {len(sentences)} sentences, "
              f"signatures {time.process_time() - middle:.3f} CPU s over {len(units)} docs")
    imported = subprocess.run([sys.executable, "-c", "import time; began = time.process_time(); "
                               "import marsad.link.duplicates; print(f'{time.process_time() - began:.2f}')"],
                              capture_output=True, text=True, check=True).stdout.strip()
    print(f"import marsad.link.duplicates: {imported} CPU s")
    if args.dump:
        with open(args.dump, "wb") as out:
            pickle.dump(results, out)


# What `extract_mentions_of_docs` calls, each timed apart (none calls another of them).
MENTION_RULES = ("sentence_mentions", "gazetteer_mentions", "merge_mentions", "clean_mention", "mend_spans",
                 "without_body_adjective", "org_names", "named_bodies", "centre_names", "body_pair_names",
                 "agency_mentions", "district_names", "person_lists", "titled_names", "without_role_persons",
                 "without_noun_senses", "with_clubs", "company_names_alone")


def time_mention_rules(docs: list, dump: str | None) -> None:
    import marsad.extract.entities as entities

    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, function: Callable) -> Callable:
        def run(*args: object, **kwargs: object) -> object:
            began = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - began
        return run

    for name in MENTION_RULES:
        setattr(entities, name, timed(name, getattr(entities, name)))
    tagger = RunContext().get_tagger()
    tagger.tag_articles = timed("tag_articles (the tagger)", tagger.tag_articles)  # type: ignore[method-assign]
    found = []
    began = time.process_time()
    for first in range(0, len(docs), 64):
        found += entities.extract_mentions_of_docs(docs[first:first + 64], tagger)
    total = time.process_time() - began
    print(f"mentions stage {total:.3f} CPU s over {len(docs)} docs; outside these: {total - sum(spent.values()):.3f}")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {seconds:.3f}")
    if dump:
        with open(dump, "wb") as out:
            pickle.dump(found, out)


if __name__ == "__main__":
    main()

"""Learn which words name sports clubs from unlabelled news: marsad/data/ner_club_words.tsv.

    python scripts/learn_club_words.py

A club is written before its country's masculine adjective ("بورتو البرتغالي", "ميلان
الإيطالي"); its town, when one shares the name, before the feminine one ("ميلان الإيطالية").
Over the SaudiNewsNet articles (`../shared/data/saudinewsnet/dataset/*.zip`, ~9.9M tokens,
the corpus of scripts/train_word_clusters.py) this counts, for each match key, how often the
next word is a country's masculine adjective (marsad.extract.ner_club_labels.country_adjectives).
Keys seen at least MIN_COUNT times, MIN_BEFORE of them so, get the share as a bucket; the
NER tagger reads it as a feature (marsad.extract.ner_features, "cn="), and the CRF learns
from its training labels what it is worth beside the gazetteer's "this is a town".
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.extract.ner_club_labels import country_adjectives
from marsad.extract.ner_features import CLUB_WORDS_FILE, club_bucket
from marsad.settings import SHARED_DIR

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_word_clusters import _TOKEN  # the clusters' own tokens

CORPUS_DIR = SHARED_DIR / "data" / "saudinewsnet" / "dataset"
MIN_COUNT = 20
MIN_BEFORE = 5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=CLUB_WORDS_FILE)
    args = parser.parse_args(argv)
    key = lru_cache(maxsize=None)(match_key)
    adjectives = country_adjectives()
    total: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for archive in sorted(CORPUS_DIR.glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                for article in json.loads(zipped.read(name)):
                    for paragraph in (article.get("content") or "").split("\n"):
                        keys = [key(t) for t in _TOKEN.findall(paragraph)]
                        total.update(keys)
                        before.update(k for k, after in pairwise(keys) if after in adjectives)
    rows = sorted((k, club_bucket(n / total[k])) for k, n in before.items()
                  if total[k] >= MIN_COUNT and n >= MIN_BEFORE and club_bucket(n / total[k]))
    with args.output.open("w", encoding="utf-8") as out:
        out.write("# Words SaudiNewsNet writes before a country's masculine adjective (a club's way: \"بورتو\n"
                  "# البرتغالي\"), by share of their uses; scripts/learn_club_words.py (SaudiNewsNet,\n"
                  f"# {sum(total.values())} tokens; at least {MIN_COUNT} uses, {MIN_BEFORE} of them so).\n"
                  "key\tshare\n")
        out.writelines(f"{k}\t{bucket}\n" for k, bucket in rows)
    print(f"{len(rows)} words written to {args.output} ({sum(total.values())} tokens read)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Recall of the people, organisations and places named in the real seed pages.

Reads ../shared/seeds at run time (skipped when absent). A name counts as found when some
mention's text, with proclitics allowed on its first word, has the name's match key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import settings
from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, split_sentences
from marsad.extract.entities import EntityTagger, extract_mentions
from marsad.model import Article, Doc

EXPECTED = {
    "PER": ["مصطفى الكاظمي", "بريت ماكغورك", "جو بايدن", "جين ساكي", "جوي هود", "قاسم سليماني",
            "محمود علوي", "قاسم الأعرجي"],
    "ORG": ["البيت الأبيض", "الحشد الشعبي"],
    "LOC": ["العراق", "واشنطن", "بغداد", "إيران", "سوريا"],
}
# Measured with the shipped model and gazetteers: 14 of 15 names found with the right type
# (جوي هود, after a long title, is missed); printed by this test with -s.
RECALL_FLOOR = 14 / 15


def mention_keys(seeds: Path) -> set[tuple[str, str]]:
    if not settings.NER_MODEL_PATH.is_file():
        pytest.skip(f"no shipped model at {settings.NER_MODEL_PATH}")
    tagger = EntityTagger.load()
    keys: set[tuple[str, str]] = set()
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Doc(Article(path.stem, str(path), text, None, None, None, "ar", True),
                  sentences=tuple(split_sentences(text)))
        for mention in extract_mentions(doc, tagger):
            key = match_key(mention.text)
            keys.update((stem, mention.type) for _, stem in clitic_candidates(key))
    return keys


def test_seed_names_are_found(seeds_dir: Path):
    keys = mention_keys(seeds_dir)
    names = [(name, kind) for kind, group in EXPECTED.items() for name in group]
    missed = [name for name, kind in names if (match_key(name), kind) not in keys]
    recall = 1 - len(missed) / len(names)
    print(f"seed entity recall {recall:.2f}; missed: {missed}")
    assert recall >= RECALL_FLOOR, missed

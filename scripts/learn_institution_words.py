"""Learn from SaudiNewsNet the words that name what a public body is of (الثقافة, السياحة,
الاستثمار, المركزي, العامة): the definite words news writes right after the nouns that always
open a body's name (وزارة, هيئة, مديرية, مؤسسة, الهيئة, المجلس ...), often enough and for a
large enough share of their uses. marsad/extract/body_heads.py lets a noun that as often
names a thing (جهاز "device", إدارة "management", دائرة "circle") open a body's name only
before one of them: "دائرة الثقافة والسياحة", "الإدارة المركزية للسياحة", but not "جهاز
الهاتف" or "إدارة الأزمة".

    python scripts/learn_institution_words.py marsad/data/ner_institution_words.tsv
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.arabic.words import key_table
from marsad.settings import PACKAGE_DIR

CLUBS_FILE = PACKAGE_DIR / "data" / "ner_sport_clubs.tsv"
DEFAULT_CORPUS = PACKAGE_DIR.parent.parent / "shared" / "data" / "saudinewsnet" / "dataset"
# Nouns that open a body's name wherever news writes them (bare or with the article).
STRONG_HEADS = ("وزارة", "هيئة", "مديرية", "مؤسسة", "مصلحة", "الهيئة", "المؤسسة", "المجلس",
                "البنك", "الصندوق", "المصرف", "الاتحاد", "المنظمة")
MIN_AFTER_HEAD = 20  # times written right after a strong head
MIN_SHARE = 0.05  # of all the times the word is written
_WORD = re.compile(r"[\u0621-\u064a]+")
_CLITIC = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?")


def _is_head(key: str, heads: frozenset[str]) -> bool:
    """A strong head's key, bare or with a glued conjunction or preposition (لوزاره)."""
    return any(key[n:] in heads and _CLITIC.fullmatch(key[:n]) for n in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    heads = frozenset(match_key(h) for h in STRONG_HEADS)
    after_head: Counter[str] = Counter()
    total: Counter[str] = Counter()
    articles = 0
    for zpath in sorted(args.corpus.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for item in json.loads(zf.read(name)):
                    words = [match_key(w) for w in _WORD.findall(item.get("content") or "")]
                    articles += 1
                    for previous, word in zip(["", *words], words, strict=False):
                        if not word.startswith(("ال", "لل")):
                            continue
                        word = "ال" + word[2:] if word.startswith("لل") else word
                        total[word] += 1
                        if _is_head(previous, heads):
                            after_head[word] += 1
    # A club's one-word name (الهلال: هيئة الهلال الأحمر) names a club before إدارة, not a body.
    clubs = {k for k, kinds in key_table(CLUBS_FILE).items() if "club" in kinds.split("+")}
    kept = sorted((w for w, n in after_head.items()
                   if n >= MIN_AFTER_HEAD and n / total[w] >= MIN_SHARE and w not in clubs),
                  key=lambda w: (-after_head[w], w))
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# Definite words SaudiNewsNet writes right after a noun that always opens a body's name\n"
                  "# (وزارة, هيئة, مديرية, المجلس ...): what a body is of. Learnt by\n"
                  f"# scripts/learn_institution_words.py over {articles} articles (at least {MIN_AFTER_HEAD} times\n"
                  f"# after a head and {MIN_SHARE:.0%} of the word's uses); read by marsad/extract/body_heads.py.\n"
                  "# Keys are match keys with the article (الثقافه); count = times after a head.\n"
                  "word\tcount\n")
        for word in kept:
            out.write(f"{word}\t{after_head[word]}\n")
    print(f"{len(kept)} words -> {args.out}")


if __name__ == "__main__":
    main()

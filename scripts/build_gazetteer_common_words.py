"""Find the one-word gazetteer places that SaudiNewsNet uses as ordinary words; write
marsad/data/ner_common_words.tsv.

GeoNames lists cities under names that are also common Arabic words: معسكر (a camp, and
Mascara), الصور (the pictures, and Tyre), عالية (high, and Aley), هوية (an identity card).
The gazetteer fills in names the tagger missed, so each such word became a place wherever
it was written. Two unlabelled signals tell such a word from a place name:
- the shipped tagger, reading SaudiNewsNet in context, tags it as a name in under
  `MIN_TAGGED_SHARE` of the gazetteer's matches (over at least `MIN_MATCHES` of them);
- it alternates with and without the article, as a noun does (معسكر / المعسكر, الصور /
  صور): the other form is at least `MIN_OTHER_FORM_SHARE` as frequent
  (word_frequencies.tsv). A place is written one way (عدن, الطائف, مسقط, الموصل), and the
  tagger misses many of those too, so the first signal alone would drop them.
A word written with tanwin, an indefinite ending no name takes, in at least
`MIN_TANWIN_SHARE` of its matches is listed on that alone (دوما: دومًا "always", and Douma):
the tagger's share says little there, as the tagger reads the gazetteer too and tags most
of the bare "دوما" (always) it sees.
A listed word is no longer filled in by the gazetteer alone; the tagger still finds it
where context says it is a name.

    python scripts/build_gazetteer_common_words.py [--corpus ../shared/data/saudinewsnet/dataset]
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

from marsad.arabic.tokenize import split_sentences, word_frequencies
from marsad.extract.entities import EntityTagger
from marsad.extract.gazetteer import COMMON_WORDS_FILE, Gazetteer
from marsad.run.bench import DEFAULT_CORPUS

# Below this share the word is mostly an ordinary word: real places the tagger misses now
# and then (عدن, جدة, تعز) are tagged in most of their matches.
MIN_TAGGED_SHARE = 0.5
# Fewer matches than this say too little either way: the name keeps being filled in.
MIN_MATCHES = 10
# The word with the article added or taken off, as a share of the word's own count: a noun
# (معسكر 1,023 / المعسكر 1,146, عشاق 113 / العشاق 22) against a name (عدن / العدن 0, الخبر
# 2,508 / خبر 248: Khobar is kept, الموصل 258 / موصل 9).
MIN_OTHER_FORM_SHARE = 0.15
# Names take no tanwin: on SaudiNewsNet سوريا 15 of 2,725 matches and كوبا 3 of 268 (typing
# slips); a name that is also a noun's accusative, درعا (درعًا, a shield) 16 of 170 and أبا
# 12 of 147, is mostly the name (the tagger tags 96% and 80%); دوما 99 of 370, صيدا (صيدًا,
# hunting) 6 of 26, قوم 20 of 80, آنفا 19 of 42 are mostly words.
MIN_TANWIN_SHARE = 0.2
_TANWIN = re.compile("[\u064b-\u064d]")
# Held out: the linking samples (every 30th article from offsets 0, 7, 15 and 22:
# labels/merges/) and the first 200 articles (issue 20's list of failures).
HELD_OUT_STRIDE, HELD_OUT_OFFSETS, HELD_OUT_FIRST = 30, (0, 7, 15, 22), 200


def articles(corpus: Path):
    index = 0
    for zpath in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for item in json.loads(zf.read(name)):
                    text = (item.get("content") or "").strip()
                    if not text:
                        continue
                    index += 1
                    if index <= HELD_OUT_FIRST or (index - 1) % HELD_OUT_STRIDE in HELD_OUT_OFFSETS:
                        continue
                    yield text


def count_matches(corpus: Path, limit: int | None) -> tuple[Counter[str], Counter[str], Counter[str], int]:
    """(one-word gazetteer matches per name key, those the tagger also tagged, those written
    with tanwin, articles read)."""
    tagger, gazetteer = EntityTagger.load(), Gazetteer.load()
    matched: Counter[str] = Counter()
    tagged: Counter[str] = Counter()
    with_tanwin: Counter[str] = Counter()
    read = 0
    for text in articles(corpus):
        sentences = [s for s in split_sentences(text) if s.tokens]
        labels = tagger.tag_sentences([[t.text for t in s.tokens] for s in sentences])
        for sentence, sentence_labels in zip(sentences, labels, strict=True):
            keys = [t.key for t in sentence.tokens]
            for match in gazetteer.match_keys(keys):
                # Places only: nationality adjectives (MISC) and groups such as الحوثيين are
                # the gazetteer's to find, the tagger was trained to leave most of them.
                if match.end - match.start != 1 or match.type != "LOC":
                    continue
                name = " ".join(keys[match.start:match.end])[len(match.prefix):]
                matched[name] += 1
                if sentence_labels[match.start] != "O":
                    tagged[name] += 1
                if _TANWIN.search(sentence.tokens[match.start].text):
                    with_tanwin[name] += 1
        read += 1
        if limit and read >= limit:
            break
    return matched, tagged, with_tanwin, read


def takes_the_article(word: str) -> bool:
    """Whether the word is also written with the article added (or taken off) often enough
    to be a noun rather than a name."""
    counts, _ = word_frequencies()
    other = word[2:] if word.startswith("ال") and len(word) > 4 else "ال" + word
    return counts.get(other, 0) >= max(MIN_OTHER_FORM_SHARE * counts.get(word, 0), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=COMMON_WORDS_FILE)
    parser.add_argument("--limit", type=int, default=None, help="articles to read (default: all)")
    args = parser.parse_args()
    matched, tagged, with_tanwin, read = count_matches(args.corpus, args.limit)
    rows = sorted(((name, n, tagged[name]) for name, n in matched.items()
                   if n >= MIN_MATCHES and ((tagged[name] < MIN_TAGGED_SHARE * n and takes_the_article(name))
                                            or with_tanwin[name] >= MIN_TANWIN_SHARE * n)),
                  key=lambda r: (-r[1], r[0]))
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# One-word gazetteer names SaudiNewsNet mostly uses as ordinary words,\n")
        out.write("# generated by scripts/build_gazetteer_common_words.py with the shipped tagger.\n")
        out.write(f"# Source: SaudiNewsNet (Alhagri 2015, CC BY-NC-SA 4.0), {read} articles (the linking\n")
        out.write("# samples and the first 200 articles left out); a name the gazetteer matched at least\n")
        out.write(f"# {MIN_MATCHES} times and the tagger tagged in under {MIN_TAGGED_SHARE:.0%} of them, "
                  "whose form with\n")
        out.write(f"# the article added or taken off is at least {MIN_OTHER_FORM_SHARE:.0%} as frequent (a noun's);\n")
        out.write(f"# or one written with tanwin in at least {MIN_TANWIN_SHARE:.0%} of them (no name takes it).\n")
        out.write("word\tmatches\ttagged\n")
        for name, n, t in rows:
            out.write(f"{name}\t{n}\t{t}\n")
    print(f"{len(rows)} common words of {len(matched)} matched names, {read} articles -> {args.out}")


if __name__ == "__main__":
    main()

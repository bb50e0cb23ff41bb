#!/usr/bin/env python3
"""Draw SaudiNewsNet article pairs to label as same / different happening (issue 21).

As labels/story_pairs/README.md says: TF-IDF (scikit-learn) over title + first 600
characters of every article of two days, pairs of articles from different outlets drawn at
random within three similarity bands (hi 0.5-0.97, mid 0.25-0.45, lo 0.18-0.25; verbatim
copies above 0.97 left out), one pair per article, articles of earlier label files left out,
and pages about the private test's subjects (US–Iraq relations, earthquakes, Iraqi elections,
the 2022 World Cup) left out. Writes the pairs (urls and band, no text) to OUT.jsonl and the
texts to read to OUT.txt: keep OUT.txt outside the repository. Label each pair by the rules
of ../shared/data/snn-story-pairs-dev/README.md *before* marsad runs on them, then write
labels/story_pairs/snn_<day>+<day>.jsonl ({"a", "b", "same", "unsure", "why", "tfidf_band"}).

usage: python scripts/draw_story_pairs.py DAY DAY OUT [--per-band 15] [--seed 21]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import zipfile
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from marsad.evaluate.stories import DEV_PAIRS, OWN_PAIRS, SNN_DATASET

BANDS = {"hi": (0.5, 0.97), "mid": (0.25, 0.45), "lo": (0.18, 0.25)}


def reserved(text: str) -> bool:
    """Pages on the private test's subjects."""
    return bool(re.search("زلزال|الزلزال|هزة أرضية", text)
                or (re.search("العراق", text) and re.search("واشنطن|أمريك|أميرك|الانتخابات", text))
                or (re.search("2022", text) and re.search("كأس العالم|مونديال", text)))


def labelled_urls() -> set[str]:
    urls = set()
    for path in [DEV_PAIRS, *OWN_PAIRS.glob("snn_*.jsonl")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pair = json.loads(line)
                urls |= {pair["a"], pair["b"]}
    return urls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("days", nargs=2)
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-band", type=int, default=15)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    seen, articles = labelled_urls(), []
    for day in args.days:
        with zipfile.ZipFile(SNN_DATASET / f"{day}.zip") as archive:
            for inner in archive.namelist():
                for a in json.loads(archive.read(inner)):
                    lead = (a.get("title") or "") + " " + (a.get("content") or "")[:600]
                    if (a.get("content") or "").strip() and a["url"] not in seen and not reserved(lead):
                        seen.add(a["url"])
                        articles.append((a, lead))
    vectors = TfidfVectorizer().fit_transform([lead for _, lead in articles])
    similarity = (vectors @ vectors.T).toarray()
    upper = np.triu_indices(len(articles), 1)
    values = similarity[upper]
    rng, used, drawn = random.Random(args.seed), set(), []
    for band, (low, high) in BANDS.items():
        candidates = [(int(upper[0][k]), int(upper[1][k]), float(values[k]))
                      for k in np.where((values >= low) & (values < high))[0]]
        rng.shuffle(candidates)
        got = 0
        for i, j, value in candidates:
            if got == args.per_band:
                break
            if i in used or j in used or articles[i][0]["source"] == articles[j][0]["source"]:
                continue
            used |= {i, j}
            got += 1
            drawn.append((i, j, band, value))
    with open(args.out.with_suffix(".jsonl"), "w", encoding="utf-8") as pairs, \
            open(args.out.with_suffix(".txt"), "w", encoding="utf-8") as texts:
        for k, (i, j, band, value) in enumerate(drawn):
            a, b = articles[i][0], articles[j][0]
            pairs.write(json.dumps({"a": a["url"], "b": b["url"], "tfidf_band": band}, ensure_ascii=False) + "\n")
            texts.write(f"### {k} {band} {value:.3f}\n")
            for x in (a, b):
                texts.write(f"  [{(x.get('date_extracted') or '')[:10]} {x['source']}] {x.get('title')}\n"
                            f"    {x['content'][:450]}\n")
    print(f"{len(articles)} articles, {len(drawn)} pairs")


if __name__ == "__main__":
    main()

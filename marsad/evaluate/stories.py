"""Pairwise clustering precision/recall/F1 of story clustering against a gold JSON Lines file.

Every pair of articles the system puts in one story is a predicted link; every pair the gold
`gold_story` field puts together is a true link (the pairwise measure of Manning et al. for
clustering, which penalises both merged look-alikes and split stories).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from marsad.model import Analysis, Problem, RawPage
from marsad.settings import SHARED_DIR

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "stories" / "corpus.jsonl"


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    articles: int
    gold_stories: int
    predicted_stories: int


def _pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    by_label: dict[str, list[str]] = {}
    for item, label in labels.items():
        by_label.setdefault(label, []).append(item)
    return {pair for members in by_label.values() for pair in combinations(sorted(members), 2)}


def pairwise_scores(gold: dict[str, str], predicted: dict[str, str]) -> PairScores:
    """gold/predicted: item -> cluster label, over the same items."""
    items = gold.keys() & predicted.keys()
    g = _pairs({i: gold[i] for i in items})
    p = _pairs({i: predicted[i] for i in items})
    tp = len(g & p)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, len(items), len(set(gold[i] for i in items)),
                      len(set(predicted[i] for i in items)))


def json_records(path: Path) -> Iterator[dict]:
    """The records of a JSON Lines labels file, blank lines skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def read_gold(path: Path) -> dict[str, str]:
    """url -> gold story, from the JSON Lines file."""
    return {record["url"]: record["gold_story"] for record in json_records(path)}


def analyze_corpus(path: Path) -> Analysis:
    from marsad.ingest import read_inputs
    from marsad.pipeline import analyze_pages

    return analyze_pages(read_inputs([str(path)]))


def evaluate_stories(path: Path = CORPUS) -> tuple[PairScores, Analysis]:
    analysis = analyze_corpus(path)
    url_of = {d.id: d.article.url or d.article.source for d in analysis.docs}
    predicted = {url_of[a]: s.id for s in analysis.stories for a in s.articles}
    return pairwise_scores(read_gold(path), predicted), analysis


# --- hand-labelled same-happening pairs of SaudiNewsNet articles ---------------------------

REPO = Path(__file__).resolve().parents[2]
DEV_PAIRS = SHARED_DIR / "data" / "snn-story-pairs-dev" / "pairs.jsonl"
DEV_DAYS = ("2015-08-10", "2015-08-11")  # the days make_input.py reads for the dev pairs
OWN_PAIRS = REPO / "labels" / "story_pairs"  # snn_<day>+<day>.jsonl, labelled by the team
SNN_DATASET = SHARED_DIR / "data" / "saudinewsnet" / "dataset"


@dataclass(frozen=True)
class LabelledPair:
    a: str  # article url
    b: str
    same: bool  # one real-world happening
    unsure: bool
    why: str
    band: str = ""  # the TF-IDF similarity band it was drawn from: hi / mid / lo


@dataclass(frozen=True)
class PairSetScores:
    name: str
    same: int
    different: int
    true_pos: int
    false_pos: int

    @property
    def precision(self) -> float:
        together = self.true_pos + self.false_pos
        return self.true_pos / together if together else 0.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.same if self.same else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_pairs(path: Path, with_unsure: bool = False) -> list[LabelledPair]:
    return [LabelledPair(r["a"], r["b"], bool(r["same"]), bool(r.get("unsure")), r.get("why", ""),
                         r.get("tfidf_band", ""))
            for r in json_records(path) if with_unsure or not r.get("unsure")]


def pair_days(path: Path) -> tuple[str, ...]:
    """The SaudiNewsNet days a pair file's articles come from: the dev set's two days, or
    those its name gives (snn_2015-08-06+2015-08-07.jsonl)."""
    if path == DEV_PAIRS:
        return DEV_DAYS
    return tuple(path.stem.removeprefix("snn_").split("+"))


def pair_sets() -> list[Path]:
    """The dev pairs and the team's own labelled pairs (none when ../shared lacks the
    SaudiNewsNet archives their texts come from)."""
    if not SNN_DATASET.is_dir():
        return []
    return ([DEV_PAIRS] if DEV_PAIRS.is_file() else []) + sorted(OWN_PAIRS.glob("snn_*.jsonl"))


def snn_pages(urls: set[str], days: tuple[str, ...], undated: bool = False) -> list[RawPage | Problem]:
    """The SaudiNewsNet articles with these urls, read from the days' archives as
    make_input.py writes them (url, title, published, outlet, text); `undated` leaves the
    publication date out, as a page excerpt comes."""
    lines, seen = [], set()
    for day in days:
        with zipfile.ZipFile(SNN_DATASET / f"{day}.zip") as archive:
            for inner in archive.namelist():
                for a in json.loads(archive.read(inner)):
                    url = a["url"]
                    if url in urls and url not in seen and (a.get("content") or "").strip():
                        seen.add(url)
                        published = None if undated else (a.get("date_extracted") or "")[:10] or None
                        lines.append(json.dumps({"url": url, "title": a.get("title"), "published": published,
                                                 "outlet": a.get("source"), "text": a["content"]},
                                                ensure_ascii=False))
    from marsad.ingest import read_jsonl

    return list(read_jsonl(f"saudinewsnet:{'+'.join(days)}", "\n".join(lines)))


def analyze_pair_articles(pairs: list[LabelledPair], days: tuple[str, ...], undated: bool = False) -> Analysis:
    """marsad's analysis of only the articles the pairs name (as `marsad analyze` would)."""
    from marsad.pipeline import analyze_pages

    return analyze_pages(snn_pages({u for p in pairs for u in (p.a, p.b)}, days, undated))


def score_pairs(name: str, pairs: list[LabelledPair], analysis: Analysis) -> PairSetScores:
    """Pair precision/recall as the dev set's score.py counts them: a pair is together when
    both articles are in one story."""
    story = {a: s.id for s in analysis.stories for a in s.articles}
    by_url = {d.article.url or d.article.source: story.get(d.id) for d in analysis.docs}
    tp = fp = 0
    for p in pairs:
        sa, sb = by_url.get(p.a), by_url.get(p.b)
        together = sa is not None and sa == sb
        tp += together and p.same
        fp += together and not p.same
    same = sum(p.same for p in pairs)
    return PairSetScores(name, same, len(pairs) - same, tp, fp)


def evaluate_pair_set(path: Path) -> PairSetScores:
    pairs = read_pairs(path)
    return score_pairs(path.name if path != DEV_PAIRS else "snn-story-pairs-dev", pairs,
                       analyze_pair_articles(pairs, pair_days(path)))

"""Score the event coder on a gold file: precision/recall/F1 per PLOVER type and micro,
plus mode accuracy and actor/target attachment accuracy on the events whose type matched.

Gold lines: {"id", "split": "dev"|"test", "sentence", "mentions": [{"text", "type"}],
"events": [{"type", "mode", "actors": [surface...], "targets": [...]}]}.

Mentions: when the trained NER model (marsad/models/ner.crfsuite) is present, the sentence
goes through the real tagger and role stage, so the score is end to end; otherwise the
gold file's own mention list is used (every entity in the sentence, events or not), so the
score measures the coder alone. `EventScores.mention_source` says which.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.arabic.tokenize import split_sentences
from marsad.extract.events import PLOVER_TYPES, extract_events
from marsad.model import Article, Doc, Event, Mention

GOLD_FILE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "events_gold.jsonl"
NER_MODEL = Path(__file__).resolve().parents[1] / "models" / "ner.crfsuite"
# The gold sentences are written as news of mid-July 2021 (any fixed date works: only
# relative dates depend on it, and the scores do not look at dates).
GOLD_REFERENCE = date(2021, 7, 15)


@dataclass
class EventScores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    modes_right: int = 0
    actors_right: int = 0
    actors_total: int = 0
    targets_right: int = 0
    targets_total: int = 0
    sentences: int = 0
    mention_source: str = "gold"

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def per_type(self, kind: str) -> tuple[float, float, float]:
        return self._prf(self.tp[kind], self.fp[kind], self.fn[kind])

    @property
    def micro(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    @property
    def mode_accuracy(self) -> float:
        matched = sum(self.tp.values())
        return self.modes_right / matched if matched else 0.0

    @property
    def actor_accuracy(self) -> float:
        return self.actors_right / self.actors_total if self.actors_total else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.targets_right / self.targets_total if self.targets_total else 0.0


def load_gold(path: Path | str = GOLD_FILE, split: str = "all") -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh if line.strip()]
    return [g for g in items if split == "all" or g.get("split") == split]


def gold_doc(item: dict, use_model: bool) -> Doc:
    from marsad.extract.dates import extract_times

    text = item["sentence"]
    article = Article(
        id=item.get("id", "gold"),
        source="gold",
        text=text,
        title=None,
        published=GOLD_REFERENCE.isoformat(),
        outlet=None,
        language="ar",
        is_article=True,
    )
    doc = Doc(
        article=article,
        sentences=tuple(split_sentences(text)),
        times=tuple(extract_times(text, GOLD_REFERENCE)),
    )
    if use_model:
        from dataclasses import replace

        from marsad.extract.entities import EntityTagger, extract_mentions
        from marsad.extract.roles import attach_roles

        doc = replace(doc, mentions=tuple(extract_mentions(doc, EntityTagger.load())))
        return replace(doc, mentions=tuple(attach_roles(doc)))
    mentions = []
    for m in item.get("mentions", []):
        start = text.index(m["text"])
        mentions.append(Mention(start, start + len(m["text"]), m["text"], m["type"], source="gold"))
    from dataclasses import replace

    return replace(doc, mentions=tuple(sorted(mentions, key=lambda m: m.start)))


def _same_span(a: str, b: str) -> bool:
    return a in b or b in a


def _attached(gold: list[str], predicted: tuple[str, ...]) -> int:
    return sum(1 for g in gold if any(_same_span(g, p) for p in predicted))


def score_sentence(scores: EventScores, gold: list[dict], predicted: list[Event]) -> None:
    unmatched = list(predicted)
    for g in gold:
        match = next((p for p in unmatched if p.type == g["type"]), None)
        if match is None:
            scores.fn[g["type"]] += 1
            continue
        unmatched.remove(match)
        scores.tp[g["type"]] += 1
        scores.modes_right += match.mode == g.get("mode", "asserted")
        scores.actors_total += len(g["actors"])
        scores.actors_right += _attached(g["actors"], tuple(p.text for p in match.actors))
        scores.targets_total += len(g["targets"])
        scores.targets_right += _attached(g["targets"], tuple(p.text for p in match.targets))
    for p in unmatched:
        scores.fp[p.type] += 1


def evaluate(
    path: Path | str = GOLD_FILE, split: str = "all", use_model: bool | None = None, learned: bool = True
) -> EventScores:
    """`learned=False`: the lexicon coder alone (`extract_events`), every type emitted."""
    if use_model is None:
        use_model = NER_MODEL.exists()
    scores = EventScores(mention_source="model" if use_model else "gold")
    for item in load_gold(path, split):
        doc = gold_doc(item, use_model)
        score_sentence(scores, item["events"], extract_events(doc, GOLD_REFERENCE, learned=learned))
        scores.sentences += 1
    return scores


def render(scores: EventScores, title: str = "events") -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"{title}: {scores.sentences} sentences, mentions from {scores.mention_source}"
    )
    for col in ("type", "gold", "pred", "P", "R", "F1"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for kind in PLOVER_TYPES:
        gold = scores.tp[kind] + scores.fn[kind]
        pred = scores.tp[kind] + scores.fp[kind]
        p, r, f = scores.per_type(kind)
        table.add_row(kind, str(gold), str(pred), f"{p:.2f}", f"{r:.2f}", f"{f:.2f}")
    p, r, f = scores.micro
    table.add_row(
        "micro",
        str(sum(scores.tp.values()) + sum(scores.fn.values())),
        str(sum(scores.tp.values()) + sum(scores.fp.values())),
        f"{p:.3f}",
        f"{r:.3f}",
        f"{f:.3f}",
        style="bold",
    )
    console = Console()
    console.print(table)
    console.print(
        f"mode accuracy {scores.mode_accuracy:.3f}  actor attachment "
        f"{scores.actor_accuracy:.3f} ({scores.actors_total} gold actors)  target "
        f"attachment {scores.target_accuracy:.3f} ({scores.targets_total} gold targets)"
    )

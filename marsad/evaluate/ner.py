"""NER scoring: conlleval-style exact-span precision, recall and F1, per type and micro.

Also the reader for gold files in the ANERcorp format (`TOKEN LABEL` per line), shared by
the training script and `marsad eval ner`, so both read the corpus the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError
from marsad.extract.crf import bio_spans

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
# ANERcorp writes PERS; marsad's types are PER/ORG/LOC/MISC.
_TYPE_ALIASES = {"PERS": "PER"}
_RLM = "\u200f"

Tagged = list[tuple[str, str]]


def normalize_label(label: str) -> str:
    """Map a corpus label to marsad's BIO labels (B-PERS -> B-PER; junk -> O)."""
    label = label.strip().replace(_RLM, "")
    if label == "O" or "-" not in label:
        return "O"
    bio, _, kind = label.partition("-")
    kind = _TYPE_ALIASES.get(kind, kind)
    if bio not in ("B", "I") or kind not in ENTITY_TYPES:
        return "O"
    return f"{bio}-{kind}"


def parse_line(line: str) -> tuple[str, str] | None:
    """One `TOKEN [.. ] LABEL` line -> (token, label); a bare token gets label O."""
    fields = line.replace(_RLM, "").split()
    if not fields:
        return None
    if len(fields) == 1:
        return fields[0], "O"
    # A few corpus lines carry three fields: the token is the first, the label the last.
    return fields[0], normalize_label(fields[-1])


def iter_sentences(lines: Iterable[str], split_on_period: bool = True) -> Iterator[Tagged]:
    """Sentences of a CoNLL-like file: a blank line ends one, and so does a `.` token
    (ANERcorp has no blank lines) when `split_on_period`."""
    sentence: Tagged = []
    for line in lines:
        parsed = parse_line(line)
        if parsed is None:
            if sentence:
                yield sentence
                sentence = []
            continue
        sentence.append(parsed)
        if split_on_period and parsed[0] == ".":
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def read_sentences(path: Path, split_on_period: bool | None = None) -> list[Tagged]:
    """The sentences of a gold file. `split_on_period` None: a `.` token ends a sentence
    only in a file without blank lines (ANERcorp); a file with blank lines keeps its own."""
    try:
        with path.open(encoding="utf-8") as handle:
            lines = handle.readlines()
        if split_on_period is None:
            split_on_period = not any(not line.strip() for line in lines)
        return list(iter_sentences(lines, split_on_period))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read gold file ({exc})") from exc


@dataclass
class Scores:
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    tokens: int = 0
    sentences: int = 0

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of one type, or micro-averaged over all when None."""
        if kind is None:
            counts = (self.true_positive, self.predicted, self.gold)
            tp, pred, gold = (sum(c.values()) for c in counts)
        else:
            tp, pred, gold = self.true_positive[kind], self.predicted[kind], self.gold[kind]
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def add(self, gold_labels: Sequence[str], predicted_labels: Sequence[str]) -> None:
        gold = set(bio_spans(gold_labels))
        pred = set(bio_spans(predicted_labels))
        for _, _, kind in gold:
            self.gold[kind] += 1
        for _, _, kind in pred:
            self.predicted[kind] += 1
        for _, _, kind in gold & pred:
            self.true_positive[kind] += 1
        self.tokens += len(gold_labels)
        self.sentences += 1

    def table(self) -> str:
        lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
        for kind in ENTITY_TYPES:
            p, r, f = self.prf(kind)
            lines.append(f"{kind:<6} {100 * p:6.2f} {100 * r:6.2f} {100 * f:6.2f} "
                         f"{self.gold[kind]:6d} {self.predicted[kind]:6d}")
        p, r, f = self.prf()
        lines.append(f"{'micro':<6} {100 * p:6.2f} {100 * r:6.2f} {100 * f:6.2f} "
                     f"{sum(self.gold.values()):6d} {sum(self.predicted.values()):6d}")
        return "\n".join(lines)


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Scores:
    scores = Scores()
    for g, p in zip(gold, predicted, strict=True):
        scores.add(g, p)
    return scores


# Gold files (ANERcorp, its CAMeL test part, NewsFANE, Wojood) mark no article ends: the
# tagger reads consecutive runs of this many sentences as one article (an ANERcorp
# article is about 15 of its sentences), as the pipeline reads each page.
ARTICLE_SENTENCES = 20


def tag_as_articles(tagger, sentences: Sequence[Sequence[str]],
                    article_sentences: int = ARTICLE_SENTENCES) -> list[list[str]]:
    """The tagger's labels for a gold file's sentences, read in runs of `article_sentences`
    (0: each sentence alone, no article-level pass)."""
    if article_sentences <= 0:
        return tagger.tag_sentences(sentences)
    runs = [sentences[i:i + article_sentences] for i in range(0, len(sentences), article_sentences)]
    return [labels for article in tagger.tag_articles(runs) for labels in article]


def evaluate_ner(path: Path, tagger=None, model: Path | None = None,
                 article_sentences: int = ARTICLE_SENTENCES, outside_bias: float | None = None) -> Scores:
    """Tag the tokens of a gold file with the shipped (or given) tagger and score it."""
    from marsad.extract.entities import EntityTagger

    tagger = tagger or EntityTagger.load(model, outside_bias)
    sentences = read_sentences(path)
    gold = [[label for _, label in s] for s in sentences]
    predicted = tag_as_articles(tagger, [[token for token, _ in s] for s in sentences], article_sentences)
    return score(gold, predicted)

"""Score the event coder per PLOVER type on real SaudiNewsNet sentences labelled by hand
(labels/events/*.jsonl, issue 22): for the types no real gold set covers, does the coder's
asserted event of that type stand in a sentence that itself reports a specific, actual
event of that type?

A label line names a sentence, never its text: {"type", "article" (marsad's doc id),
"at" ("YYYY-MM-DD#i": the i-th item of that day's zip in ../shared/data/saudinewsnet),
"sentence", "start", "end" (the sentence's index and offsets in the cleaned text), "sha1"
(of the sentence text, to notice a changed cleaner or splitter), "label" ("yes"/"no"),
"reason" (why: event, ref, plan, habit, hyp, neg, sense, topic, name), "coder_fired"
(whether the coder emitted an asserted event of the type there when it was labelled)}.

The articles are read from the zips and run through the whole pipeline as `marsad analyze`
runs them; a sentence is "fired" when the doc has an asserted event of the type starting at
it. Precision = yes among fired; recall = fired among yes. The sentences were drawn from
where the coder fired and from sentences holding one of the type's trigger words, so recall
is over those positives, not over every such event in the corpus.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.model import RawPage
from marsad.run.bench import DEFAULT_CORPUS as SNN_DIR
from marsad.run.bench import snn_page
from marsad.settings import PACKAGE_DIR

LABELS_DIR = PACKAGE_DIR.parent / "labels" / "events"
# Label files judged before a round's changes and scored once at its start and once at its
# end, never read to choose a rule (issue 22): kept out of the in-sample figures.
HELD_OUT = "*heldout*.jsonl"


@dataclass
class TypeScore:
    kind: str
    yes: int = 0
    no: int = 0
    tp: int = 0  # labelled yes, fired
    fp: int = 0  # labelled no, fired
    lost: int = 0  # the labelled sentence is not in today's doc (cleaner or splitter changed)

    @property
    def fired(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / self.fired if self.fired else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.yes if self.yes else 0.0


def load_labels(paths: Iterable[Path] | None = None, held_out: bool = False) -> list[dict]:
    """The in-sample label files (or the held-out ones, `HELD_OUT`), or `paths`."""
    if paths is None:
        kept = set(LABELS_DIR.glob(HELD_OUT))
        paths = kept if held_out else set(LABELS_DIR.glob("*.jsonl")) - kept
    files = sorted(paths)
    lines = (line for path in files for line in path.read_text(encoding="utf-8").splitlines())
    return [json.loads(line) for line in lines if line.strip()]


def sentence_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _pages(places: set[str], corpus: Path) -> Iterator[RawPage]:
    """The raw pages at "YYYY-MM-DD#i" places, as `marsad bench` reads the zips."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for place in places:
        day, index = place.split("#")
        wanted[day].add(int(index))
    for day, indexes in sorted(wanted.items()):
        with zipfile.ZipFile(corpus / f"{day}.zip") as zf:
            items = [item for name in sorted(zf.namelist()) for item in json.loads(zf.read(name))]
        for i in sorted(indexes):
            page = snn_page(items[i], f"{day}.zip#{i}")
            if page is not None:
                yield page


def evaluate_snn(labels: list[dict] | None = None, corpus: Path = SNN_DIR) -> dict[str, TypeScore]:
    """Per-type scores of the whole pipeline's events on the labelled sentences."""
    from marsad.pipeline import RunContext, analyze_raw_pages

    labels = load_labels() if labels is None else labels
    docs, _ = analyze_raw_pages(list(_pages({lab["at"] for lab in labels}, corpus)), RunContext())
    by_id = {d.id: d for d in docs}
    scores: dict[str, TypeScore] = {}
    for lab in labels:
        score = scores.setdefault(lab["type"], TypeScore(lab["type"]))
        yes = lab["label"] == "yes"
        score.yes += yes
        score.no += not yes
        doc = by_id.get(lab["article"])
        sentence = next((s for s in doc.sentences if s.start == lab["start"]), None) if doc else None
        if doc is None or sentence is None or sentence_sha1(sentence.text) != lab["sha1"]:
            score.lost += 1
            continue
        fired = any(e.type == lab["type"] and e.mode == "asserted" and e.start == sentence.start for e in doc.events)
        score.tp += fired and yes
        score.fp += fired and not yes
    return scores


def render_snn(scores: dict[str, TypeScore]) -> list[str]:
    lines = [f"{'SaudiNewsNet labels':<20}{'yes':>5}{'no':>5}{'fired':>7}{'P':>7}{'R':>7}{'lost':>6}"]
    for kind in sorted(scores):
        s = scores[kind]
        p = f"{100 * s.precision:.1f}" if s.fired else "-"
        lines.append(f"{kind:<20}{s.yes:>5}{s.no:>5}{s.fired:>7}{p:>7}{100 * s.recall:>7.1f}{s.lost:>6}")
    return lines

"""`marsad eval ner|events|stories|clean|entities`: scores on labelled data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.common import (
    fail,
)


def eval_ner(
    file: Annotated[Path, typer.Argument(help="Gold file in the ANERcorp format (`TOKEN LABEL`; sentences "
                                              "end at a blank line, or at '.' in a file without blank lines).")],
    model: Annotated[Path | None, typer.Option("--model", help="A crfsuite model other than the shipped one.")] = None,
    article_sentences: Annotated[int, typer.Option(
        "--article-sentences", min=0,
        help="Read runs of this many sentences as one article, as the pipeline reads a page "
             "(its names labelled wherever it repeats them); 0: each sentence alone.")] = 20,
    outside_bias: Annotated[float | None, typer.Option(
        "--outside-bias", help="O bias at decoding (default: the model's O and type biases, from its "
                               ".decoding.json; given, this O bias alone: 0 is python-crfsuite's labels).")] = None,
) -> None:
    """Per-type and micro precision/recall/F1 of the NER tagger (conlleval-style exact spans)."""
    from marsad.errors import MarsadError
    from marsad.evaluate.ner import evaluate_ner

    if not file.is_file():
        fail(f"gold file not found: {file}")
    try:
        scores = evaluate_ner(file, model=model, article_sentences=article_sentences, outside_bias=outside_bias)
    except MarsadError as exc:
        fail(str(exc))
    print(f"{scores.sentences} sentences, {scores.tokens} tokens")
    print(scores.table())


# --- commands: events (eval events) ---


def eval_events(
    file: Annotated[Path | None, typer.Argument(help="Gold JSON Lines file (default: the team's gold set).")] = None,
    split: Annotated[str, typer.Option(help="dev, test or all (each half is reported when all).")] = "all",
    nested: Annotated[bool, typer.Option(help="GSR: choose C and thresholds inside each fold (~1 min).")] = False,
    held_out: Annotated[bool, typer.Option(help="only the held-out SaudiNewsNet judgements (labels/events/"
                                           "*heldout*: scored at a round's start and end, never tuned on).")] = False,
) -> None:
    """Precision/recall/F1 of the PLOVER event coder per type, micro, modes and arguments on
    the team's gold set, ASSAULT/PROTEST detection cross-validated over documents on the
    Arabic event gold standard's development half, and per-type precision/recall on
    hand-labelled SaudiNewsNet sentences (labels/events; both when ../shared is there)."""
    from marsad.evaluate.events import GOLD_FILE, evaluate, render
    from marsad.evaluate.events_gsr import GSR, actor_agreement, cross_validate
    from marsad.evaluate.events_snn import SNN_DIR, evaluate_snn, load_labels, render_snn
    from marsad.evaluate.events_spans import render_span_validation, span_validation
    from marsad.extract.events.lexicon import ASSERTED_FROM

    if held_out:
        print("held out: " + "\n".join(render_snn(evaluate_snn(load_labels(held_out=True)))))
        return
    path = file or GOLD_FILE
    if not path.exists():
        fail(f"gold file not found: {path}")
    if split not in ("dev", "test", "all"):
        fail(f"--split must be dev, test or all, got {split!r}")
    halves = ("dev", "test") if split == "all" else ()
    for half in halves:
        scores = evaluate(path, half)
        if scores.sentences:
            p, r, f = scores.micro
            print(f"{half}: P={p:.3f} R={r:.3f} F1={f:.3f} ({scores.sentences} sentences)")
    render(evaluate(path, split), title=f"events ({split})")
    if file is None and GSR.is_dir():
        gsr_scores = cross_validate(nested=nested)
        for s in gsr_scores:
            print(f"GSR dev half, {s.kind} ({s.sentences} sentences, {s.positives} yes, {s.documents} documents, "
                  f"{'nested ' if nested else ''}cross-validated over documents): P {100 * s.precision:.1f} "
                  f"R {100 * s.recall:.1f} F1 {100 * s.f1:.1f}, negatives fired {s.negatives_fired}/{s.negatives}")
        print(f"GSR dev half macro F1 {100 * sum(s.f1 for s in gsr_scores) / len(gsr_scores):.1f}")
        for a in actor_agreement():
            print(f"GSR spans, {a.kind}: event coded in {a.coded}/{a.sentences} span sentences; source shares a word "
                  f"with gold {a.source_right}/{a.coded}, target {a.target_right}/{a.targets}, "
                  f"source role (CAMEO) in the code {a.role_right}/{a.roles} (dev half: the detector "
                  "learned these sentences' labels, not their spans; the actor rules were set looking at them)")
        print("\n".join(render_span_validation(span_validation())))
    if file is None and SNN_DIR.is_dir():
        # the other types: hand-labelled SaudiNewsNet sentences (labels/events, issue 22)
        print("\n".join(render_snn(evaluate_snn())))
        print(f"asserted events emitted only for {', '.join(sorted(ASSERTED_FROM))} "
              "(marsad/arabic/lexicon/event_types_asserted.tsv)")


# --- commands: stories ---


def eval_stories(
    file: Annotated[Path | None, typer.Argument(
        help="JSON Lines with text, title, published, outlet, url, gold_story.")] = None,
    pairs: Annotated[bool, typer.Option(
        help="Also score the hand-labelled SaudiNewsNet same-happening pairs (dev and labels/story_pairs).")] = True,
    real_pages: Annotated[list[Path] | None, typer.Option(
        "--real-pages", help="Hand-labelled real pages (id, address, file, story; look-alikes in the "
                             "*_stories.jsonl beside it), analysed as `marsad analyze` would.")] = None,
    pages_dir: Annotated[Path | None, typer.Option(
        "--pages-dir", help="Where the real pages' files are (their `file` is relative to it).")] = None,
    without_addresses: Annotated[bool, typer.Option(help="Give the real pages without their addresses.")] = False,
    labelled_days: Annotated[bool, typer.Option(
        help="Give each real page its story's labelled day as its date (the errors dates cause).")] = False,
) -> None:
    """Pairwise precision/recall/F1 of story clustering against gold story labels, on the
    hand-labelled SaudiNewsNet pairs (only the articles the pairs name are analysed), and on
    hand-labelled real pages (--real-pages, with the look-alike stories put together)."""
    from marsad.evaluate.stories import CORPUS, evaluate_pair_set, evaluate_stories, pair_sets
    from marsad.evaluate.stories_real import evaluate_real_pages, render_real_pages

    for labels in real_pages or []:
        if not labels.is_file() or pages_dir is None or not pages_dir.is_dir():
            fail(f"real pages need a labels file and --pages-dir: {labels}, {pages_dir}")
            return
        name = (labels.name + (", labelled days" if labelled_days else "")
                + (", no addresses" if without_addresses else ""))
        real = evaluate_real_pages(labels, pages_dir, not without_addresses, labelled_days)
        print("\n".join(render_real_pages(name, real)))

    path = file or CORPUS
    if not path.exists():
        fail(f"gold file not found: {path}")
    scores, _ = evaluate_stories(path)
    print(f"stories: P={scores.precision:.3f} R={scores.recall:.3f} F1={scores.f1:.3f} "
          f"({scores.articles} articles, {scores.gold_stories} gold stories, "
          f"{scores.predicted_stories} predicted)")
    for pair_file in pair_sets() if pairs else []:
        s = evaluate_pair_set(pair_file)
        print(f"pairs {s.name}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"({s.same} same, {s.different} different; together {s.true_pos} same, {s.false_pos} different)")


# --- commands: clean (eval clean) ---


def eval_clean(
    labels: Annotated[list[Path], typer.Option("--labels", help="JSON Lines of labelled pages (id, address, file, "
                                                                  "is_article, page_type, title, published).")],
    pages_dir: Annotated[Path, typer.Option("--pages-dir", help="Where the labelled pages' files are.")],
    split: Annotated[str, typer.Option(help="dev, train, a held-out set named in the labels (test2) or all "
                                            "(a page's side is fixed by its id unless its label names one).")] = "all",
    show_errors: Annotated[bool, typer.Option(help="List every page scored wrong.")] = False,
    without_addresses: Annotated[bool, typer.Option(help="Give the pages without their addresses, as a text "
                                                         "dump or a crawl often comes.")] = False,
) -> None:
    """is_article, page type, title and date accuracy of cleaning on hand-labelled real pages."""
    from dataclasses import replace

    from marsad.evaluate.clean import evaluate_clean, read_labels

    missing = [str(p) for p in labels if not p.is_file()]
    if missing:
        fail(f"labels file not found: {', '.join(missing)}")
    pages = [p for p in read_labels(labels, pages_dir) if split in ("all", p.split)]
    if not pages:
        fail("no labelled page with its file present")
    if without_addresses:
        pages = [replace(p, address=None) for p in pages]
    scores = evaluate_clean(pages)
    print(f"clean ({split}{', without addresses' if without_addresses else ''}):")
    for line in scores.lines():
        print(f"  {line}")
    if show_errors:
        for error in scores.errors:
            print(f"  - {error}")


# --- commands: entities (eval entities) ---


def eval_entities(
    pages_dir: Annotated[Path, typer.Option("--pages-dir", help="Where the labelled pages' files are "
                                                                "(the labellers' cache, outside the repo).")],
    labels: Annotated[Path | None, typer.Option(
        "--labels", help="Entities a reader marks, one JSON line each "
                         "(default: labels/entities/real_pages.jsonl).")] = None,
    page_labels: Annotated[Path | None, typer.Option(
        "--page-labels", help="The labelled pages (id, address, file; "
                              "default: labels/pages/arabic-news.jsonl).")] = None,
    show: Annotated[bool, typer.Option(help="List the entities missed, those found with another type, and "
                                            "the names marsad gives that no reader marked.")] = False,
) -> None:
    """Share of the entities a reader marks on real news pages that marsad finds (a mention or
    a linked record's alias with the same match key) and finds with the right type."""
    from marsad.evaluate.entities_pages import LABELS_FILE, PAGE_LABELS_FILE, LabelError, evaluate_pages, read_marked

    labels, page_labels = labels or LABELS_FILE, page_labels or PAGE_LABELS_FILE
    for path in (labels, page_labels):
        if not path.is_file():
            fail(f"labels file not found: {path}")
    try:
        marked = read_marked(labels)
    except (LabelError, ValueError) as exc:
        fail(str(exc))
    scores = evaluate_pages(marked, pages_dir, page_labels)
    if not scores.pages:
        fail(f"none of the labelled pages is in {pages_dir}")
    print("entities on real pages:")
    for line in scores.lines():
        print(f"  {line}")
    if show:
        for title, rows in (("missed", scores.misses), ("found with another type", scores.wrong_types),
                            ("not marked by the reader", scores.unmarked)):
            print(f"{title} ({len(rows)}):")
            for row in rows:
                print(f"  {row}")

"""`marsad bench`: the whole pipeline and each stage on a real corpus, in one process (one
core), printing articles/s and MB/s per stage and end to end, peak memory and the machine.

Figures come from here, never from timed tests.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.ingest import make_page, read_inputs
from marsad.model import Doc, Problem, RawPage
from marsad.run.limits import tune_gc_for_bulk_work
from marsad.settings import SHARED_DIR

DEFAULT_CORPUS = SHARED_DIR / "data" / "saudinewsnet" / "dataset"


@dataclass
class StageTiming:
    name: str
    seconds: float = 0.0
    items: int = 0
    nbytes: int = 0

    def as_dict(self) -> dict[str, Any]:
        secs = max(self.seconds, 1e-9)
        return {
            "seconds": round(self.seconds, 3),
            "articles": self.items,
            "articles_per_s": round(self.items / secs, 1),
            "mb_per_s": round(self.nbytes / secs / 1e6, 2),
        }


@dataclass
class BenchReport:
    corpus: str
    articles: int
    input_mb: float
    stages: list[StageTiming] = field(default_factory=list)
    end_to_end: StageTiming = field(default_factory=lambda: StageTiming("end_to_end"))
    per_article: StageTiming = field(default_factory=lambda: StageTiming("per_article"))
    peak_memory_mb: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "articles": self.articles,
            "input_mb": round(self.input_mb, 2),
            "machine": machine_description(),
            "stages": {s.name: s.as_dict() for s in self.stages},
            "per_article_stages": self.per_article.as_dict(),
            "end_to_end": self.end_to_end.as_dict(),
            "peak_memory_mb": round(self.peak_memory_mb, 1),
            **self.extra,
        }


def machine_description() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processes_used": 1,
    }


def load_corpus(path: Path, limit: int | None) -> list[RawPage]:
    """SaudiNewsNet-style zips of JSON arrays, or anything `read_inputs` reads."""
    pages: list[RawPage] = []
    stream: Iterator[RawPage | Problem]
    zips = sorted(path.glob("*.zip")) if path.is_dir() else []
    stream = pages_from_zips(zips) if zips else read_inputs([str(path)])
    for item in stream:
        if isinstance(item, RawPage):
            pages.append(item)
            if limit and len(pages) >= limit:
                break
    return pages


def snn_contents(corpus: Path = DEFAULT_CORPUS) -> Iterator[str]:
    """The text of every SaudiNewsNet record in zip order, as the scripts that learn word
    lists from it read it (an empty string for a record without one)."""
    for _, item in snn_records(sorted(corpus.glob("*.zip"))):
        yield item.get("content") or ""


def pages_from_zips(zips: list[Path]) -> Iterator[RawPage]:
    """Each zip holds one JSON array of {source, url, date_extracted, title, content}."""
    for where, item in snn_records(zips):
        page = snn_page(item, where)
        if page is not None:
            yield page


def snn_records(zips: list[Path]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every record of SaudiNewsNet-style zips in order, with where it stands ("zip/file#i")."""
    for zpath in zips:
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for i, item in enumerate(json.loads(zf.read(name))):
                    yield f"{zpath.name}/{name}#{i}", item


def snn_page(item: dict[str, Any], fallback_url: str) -> RawPage | None:
    """One SaudiNewsNet record ({source, url, date_extracted, title, content}) as a page
    (its address, else `fallback_url`, is its source); None when it has no text."""
    content = (item.get("content") or "").strip()
    if not content:
        return None
    url = item.get("url") or fallback_url
    return make_page(url, content, url=url, published=(item.get("date_extracted") or "")[:10] or None,
                     outlet=item.get("source"), title=item.get("title"), site_key=item.get("source"))


def run_benchmark(pages: list[RawPage], corpus_name: str,
                  progress: Callable[[int], None] | None = None) -> BenchReport:
    """Time clean, each per-article stage, then the corpus-level stages, one process;
    `progress` hears of the pages done by the per-article part."""
    from marsad.clean.language import load_model as load_language_model
    from marsad.pipeline import ARABIC_STAGES, RunContext, analyze_raw_pages, link_and_group

    nbytes = sum(len(p.content.encode("utf-8")) for p in pages)
    report = BenchReport(corpus_name, len(pages), nbytes / 1e6)
    ctx = RunContext(freeze_results=True)
    ctx.get_tagger()  # model loading is start-up cost, not per-article cost
    load_language_model()  # (the clean stage's: py3langid's, 0.6 s of CPU)
    tune_gc_for_bulk_work()  # as `marsad analyze` and `marsad batch` do
    wall0 = time.perf_counter()

    # The per-article part exactly as `marsad analyze` runs it (groups of articles, stage
    # by stage), each stage timed.
    timings: dict[str, float] = {}
    docs, problems = analyze_raw_pages(pages, ctx, timings, progress)
    clean = StageTiming("clean", timings.get("clean", 0.0), len(pages), nbytes)
    report.stages.append(clean)
    arabic = [d for d in docs if d.article.language == "ar" and d.article.text]
    arabic_bytes = sum(len(d.article.text.encode("utf-8")) for d in arabic)
    stage_timings = [StageTiming(stage.name, timings.get(stage.name, 0.0), len(arabic), arabic_bytes)
                     for stage in ARABIC_STAGES]
    report.stages.extend(stage_timings)
    # Articles analysed (a page given twice is analysed once, as `marsad analyze` does).
    report.per_article = StageTiming(
        "per_article", seconds=clean.seconds + sum(t.seconds for t in stage_timings),
        items=len(docs) + len(problems), nbytes=nbytes,
    )

    # The corpus-level steps exactly as `marsad analyze` runs them, each one timed.
    corpus_timings: dict[str, float] = {}
    analysis = link_and_group(docs, [], ctx, corpus_timings)
    for name, seconds in corpus_timings.items():
        report.stages.append(StageTiming(f"{name} (corpus)", seconds, len(docs), nbytes))
    docs, _entities, stories = list(analysis.docs), analysis.entities, analysis.stories

    report.end_to_end = StageTiming("end_to_end", seconds=time.perf_counter() - wall0,
                                    items=len(pages), nbytes=nbytes)
    report.peak_memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report.extra["counts"] = {
        "articles": len(docs),
        "is_article": sum(d.article.is_article for d in docs),
        "tokens": sum(len(s.tokens) for d in docs for s in d.sentences),
        "sentences": sum(len(d.sentences) for d in docs),
        "mentions": sum(len(d.mentions) for d in docs),
        "quantities": sum(len(d.quantities) for d in docs),
        "times": sum(len(d.times) for d in docs),
        "quotes": sum(len(d.quotes) for d in docs),
        "events": sum(len(d.events) for d in docs),
        "entities": len(_entities),
        "stories": len(stories),
    }
    mentions = next((t for t in stage_timings if t.name == "mentions"), None)
    if mentions and mentions.seconds:
        report.extra["ner_tokens_per_s"] = round(report.extra["counts"]["tokens"] / mentions.seconds)
    events = next((t for t in stage_timings if t.name == "events"), None)
    if events and events.seconds:
        # Issue 6's figure: the event coder's speed in sentences per second.
        report.extra["events_sentences_per_s"] = round(report.extra["counts"]["sentences"] / events.seconds)
    qt = [t for t in stage_timings if t.name in ("quantities", "times")]
    if qt and sum(t.seconds for t in qt):
        report.extra["quantities_and_times_mb_per_s"] = round(qt[0].nbytes / sum(t.seconds for t in qt) / 1e6, 2)
    return report


def format_report(report: BenchReport) -> str:
    d = report.as_dict()
    m = d["machine"]
    lines = [
        f"corpus: {d['corpus']}  ({d['articles']} articles, {d['input_mb']} MB of text)",
        f"machine: {m['cpu']} | {m['cores']} cores (1 used) | Python {m['python']} | {m['platform']}",
        "",
        f"{'stage':<28}{'seconds':>10}{'articles/s':>14}{'MB/s':>10}",
    ]
    for name, s in d["stages"].items():
        lines.append(f"{name:<28}{s['seconds']:>10.2f}{s['articles_per_s']:>14.1f}{s['mb_per_s']:>10.2f}")
    for label, key in (("per-article", "per_article_stages"), ("end to end", "end_to_end")):
        s = d[key]
        lines.append(f"{label:<28}{s['seconds']:>10.2f}{s['articles_per_s']:>14.1f}{s['mb_per_s']:>10.2f}")
    lines.append("")
    lines.append(f"peak memory: {d['peak_memory_mb']:.0f} MB")
    lines.append("counts: " + ", ".join(f"{k}={v}" for k, v in d.get("counts", {}).items()))
    for key, value in d.items():
        if key not in {"corpus", "articles", "input_mb", "machine", "stages", "per_article_stages",
                       "end_to_end", "peak_memory_mb", "counts"}:
            lines.append(f"{key}: {value}")
    return "\n".join(lines)


def clustering_benchmark(pages: list[RawPage]) -> dict[str, Any]:
    """The story clustering step alone on many articles: pages are cleaned and tokenised
    (the features clustering reads: title and lead terms, publication dates), then
    clustered once; prints the clustering rate and the process's peak memory."""
    from marsad.clean import clean_pages
    from marsad.pipeline import add_sentences
    from marsad.stories.cluster import benchmark_clustering

    articles, _ = clean_pages(pages)
    docs = [add_sentences(Doc(article=a), None) for a in articles if a.is_article and a.text]  # type: ignore[arg-type]
    result = benchmark_clustering(docs)
    result["machine"] = machine_description()
    return result

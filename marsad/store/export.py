"""Outputs of an analysis: the JSON contract (../shared/schema/analysis.schema.json) and a
readable text summary. The only place where model records become dicts."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from marsad import __version__
from marsad.model import Analysis, Doc, Entity, Event, Problem, Story


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def event_to_dict(event: Event) -> dict[str, Any]:
    """The schema's event: participants as their refs (entity id, else the words), with
    their texts and CAMEO codes in parallel lists beside them."""
    e = event
    return {
        "type": e.type, "trigger": e.trigger,
        "actors": [p.ref for p in e.actors], "targets": [p.ref for p in e.targets],
        "location": e.location, "date": e.date, "sentence": e.sentence, "mode": e.mode,
        "actor_codes": [p.code for p in e.actors], "target_codes": [p.code for p in e.targets],
        "actor_texts": [p.text for p in e.actors], "target_texts": [p.text for p in e.targets],
        "start": e.start, "end": e.end, "articles": list(e.articles), "id": e.id, "date_stated": e.date_stated,
    }


def doc_to_dict(doc: Doc) -> dict[str, Any]:
    """One article in the schema's shape; extra fields (language, outlet, lede, reuse) too."""
    a = doc.article
    return {
        "id": a.id,
        "source": a.source,
        "url": a.url,
        "is_article": a.is_article,
        "page_type": a.page_type,
        "language": a.language,
        "title": a.title,
        "published": a.published,
        "outlet": a.outlet,
        "credits": list(a.credits),
        "lede": a.lede,
        "text": a.text,
        "removed": list(a.removed),
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "entity": m.entity,
             "role": m.role}
            for m in doc.mentions
        ],
        "quantities": [
            {"start": q.start, "end": q.end, "text": q.text, "value": _number(q.value),
             "bound": q.bound, "unit": q.unit}
            for q in doc.quantities
        ],
        "times": [
            {"start": t.start, "end": t.end, "text": t.text, "value": t.value,
             "relative": t.relative, "granularity": t.granularity}
            for t in doc.times
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
             "speaker_text": q.speaker_text, "speaker_kind": q.speaker_kind}
            for q in doc.quotes
        ],
        "events": [event_to_dict(e) for e in doc.events],
        "reuse": [dataclasses.asdict(r) for r in doc.reuse],
    }


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id, "type": entity.type, "name": entity.name,
        "aliases": list(entity.aliases), "articles": list(entity.articles),
        "roles": list(entity.roles), "wikidata": entity.wikidata, "code": entity.code,
    }


def story_to_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "first_seen": story.first_seen,
        "last_seen": story.last_seen,
        "outlets": list(story.outlets),
        "entities": list(story.entities),
        "thread": story.thread,
        "summary": [{"text": s.text, "articles": list(s.articles)} for s in story.summary],
        "timeline": [{"date": t.date, "text": t.text, "articles": list(t.articles)} for t in story.timeline],
        "claims": [
            {"about": c.about, "kind": c.kind, "agree": c.agree,
             "values": [{"value": _number(v.value) if isinstance(v.value, (int, float)) else v.value,
                         "bound": v.bound, "text": v.text, "articles": list(v.articles)}
                        for v in c.values]}
            for c in story.claims
        ],
        "events": [event_to_dict(e) for e in story.events],
    }


def problem_to_dict(problem: Problem) -> dict[str, str]:
    return {"source": problem.source, "error": problem.error}


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    return {
        "marsad_version": __version__,
        "articles": [doc_to_dict(d) for d in analysis.docs],
        "entities": [entity_to_dict(e) for e in analysis.entities],
        "stories": [story_to_dict(s) for s in analysis.stories],
        "errors": [problem_to_dict(p) for p in analysis.errors],
    }


def analysis_to_json(analysis: Analysis) -> str:
    return json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=2) + "\n"


def analysis_to_text(analysis: Analysis, width: int = 100) -> str:
    """A readable per-article and per-story summary (Rich, rendered without colour)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    names = {e.id: e.name for e in analysis.entities}
    for doc in analysis.docs:
        console.print(_article_panel(doc, names))
    for story in analysis.stories:
        console.print(_story_panel(story))
    if analysis.errors:
        table = Table(title="Inputs that could not be read", show_lines=False)
        table.add_column("source")
        table.add_column("problem")
        for p in analysis.errors:
            table.add_row(p.source, p.error)
        console.print(table)
    return buffer.getvalue()


def _article_panel(doc: Doc, names: dict[str, str]) -> Panel:
    a = doc.article
    lines = [
        f"source: {a.source}",
        f"outlet: {a.outlet or '-'}   published: {a.published or '-'}   language: {a.language}"
        f"   article: {'yes' if a.is_article else 'no'}",
    ]
    if a.credits:
        lines.append("credits: " + "، ".join(a.credits))
    words = len(a.text.split())
    lines.append(f"text: {words} words, {len(a.removed)} furniture lines removed")
    if doc.mentions:
        ents = sorted({names.get(m.entity or "", m.text) for m in doc.mentions})
        lines.append("entities: " + "، ".join(ents[:15]) + (" …" if len(ents) > 15 else ""))
    for q in doc.quantities:
        lines.append(f"number: {q.text} = {_number(q.value)} ({q.bound}, {q.unit or '-'})")
    for t in doc.times:
        lines.append(f"date: {t.text} = {t.value or 'unresolved'}")
    for quote in doc.quotes:
        lines.append(f"quote ({quote.speaker_text or '?'}): {quote.text[:80]}")
    for e in doc.events:
        lines.append(f"event: {e.type} [{e.mode}] {e.trigger} {e.date or ''} {e.location or ''}")
    return Panel("\n".join(lines), title=a.title or "(no title)", title_align="right")


def _story_panel(story: Story) -> Panel:
    lines = [f"{len(story.articles)} articles, {story.first_seen or '?'} → {story.last_seen or '?'}"]
    lines += [f"• {s.text} [{len(s.articles)}]" for s in story.summary]
    lines += [f"{t.date}: {t.text}" for t in story.timeline]
    for c in story.claims:
        verdict = "agree" if c.agree else "CONFLICT"
        vals = "; ".join(f"{v.text or v.value} ({len(v.articles)})" for v in c.values)
        lines.append(f"claim {c.about}: {verdict}: {vals}")
    return Panel("\n".join(lines), title=f"story: {story.title}", title_align="right")

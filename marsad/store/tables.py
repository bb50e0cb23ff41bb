"""The analysis as flat tables — articles, entities, mentions, events, quantities, times,
quotes, stories and claims — with names and ids, one row per thing. `marsad batch` writes
them as Parquet; `marsad export --table NAME` writes any of them from a store as CSV, JSON
Lines or Parquet. One row builder per table serves both, so their columns never drift.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.model import Doc, Entity, Story
from marsad.store.export import analysis_to_dict
from marsad.stories.events import plover_record

_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
_LIST = pa.list_(pa.string())


def _span(*more: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([("article", _S), ("start", _I), ("end", _I), ("text", _S), *more])


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", _S), ("source", _S), ("url", _S), ("outlet", _S), ("title", _S), ("published", _S),
        ("language", _S), ("is_article", _B), ("page_type", _S), ("credits", _LIST), ("text", _S),
        ("removed", _LIST),
    ]),
    "mentions": _span(("type", _S), ("entity", _S), ("role", _S)),
    "quantities": _span(("value", _F), ("bound", _S), ("unit", _S)),
    "times": _span(("value", _S), ("relative", _B), ("granularity", _S)),
    "quotes": _span(("speaker", _S), ("speaker_text", _S), ("speaker_kind", _S), ("direct", _B)),
    "events": pa.schema([
        ("article", _S), ("type", _S), ("mode", _S), ("trigger", _S), ("actors", _LIST), ("actor_texts", _LIST),
        ("actor_codes", _LIST), ("targets", _LIST), ("target_texts", _LIST), ("target_codes", _LIST),
        ("location", _S), ("date", _S), ("sentence", _S),
    ]),
    "entities": pa.schema([
        ("id", _S), ("type", _S), ("name", _S), ("aliases", _LIST), ("articles", _LIST), ("roles", _LIST),
        ("wikidata", _S), ("code", _S),
    ]),
    "stories": pa.schema([
        ("id", _S), ("title", _S), ("first_seen", _S), ("last_seen", _S), ("articles", _LIST),
        ("outlets", _LIST), ("entities", _LIST), ("summary", _S), ("thread", _S),
    ]),
    "claims": pa.schema([
        ("story", _S), ("about", _S), ("kind", _S), ("agree", _B), ("value", _S), ("bound", _S),
        ("text", _S), ("articles", _LIST),
    ]),
}
DOC_TABLES = ("articles", "mentions", "quantities", "times", "quotes", "events")


def doc_rows(docs: Iterable[Doc]) -> dict[str, list[dict[str, Any]]]:
    """The per-article tables' rows of these docs (after linking: ids are entity ids)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in DOC_TABLES}
    for d in docs:
        a = d.article
        rows["articles"].append({
            "id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
            "published": a.published, "language": a.language, "is_article": a.is_article,
            "page_type": a.page_type, "credits": list(a.credits), "text": a.text, "removed": list(a.removed),
        })
        rows["mentions"] += [{"article": a.id, "start": m.start, "end": m.end, "text": m.text, "type": m.type,
                              "entity": m.entity, "role": m.role} for m in d.mentions]
        rows["quantities"] += [{"article": a.id, "start": q.start, "end": q.end, "text": q.text,
                                "value": float(q.value), "bound": q.bound, "unit": q.unit} for q in d.quantities]
        rows["times"] += [{"article": a.id, "start": t.start, "end": t.end, "text": t.text, "value": t.value,
                           "relative": t.relative, "granularity": t.granularity} for t in d.times]
        rows["quotes"] += [{"article": a.id, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                            "speaker_text": q.speaker_text, "speaker_kind": q.speaker_kind, "direct": q.direct}
                           for q in d.quotes]
        rows["events"] += [{"article": a.id, "type": e.type, "mode": e.mode, "trigger": e.trigger,
                            "actors": [p.ref for p in e.actors], "actor_texts": [p.text for p in e.actors],
                            "actor_codes": [p.code for p in e.actors], "targets": [p.ref for p in e.targets],
                            "target_texts": [p.text for p in e.targets], "target_codes": [p.code for p in e.targets],
                            "location": e.location, "date": e.date, "sentence": e.sentence} for e in d.events]
    return rows


def entity_row(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases), "articles": list(e.articles),
            "roles": list(e.roles), "wikidata": e.wikidata, "code": e.code}


def story_row(s: Story) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "first_seen": s.first_seen, "last_seen": s.last_seen,
            "articles": list(s.articles), "outlets": list(s.outlets), "entities": list(s.entities),
            "summary": " ".join(x.text for x in s.summary), "thread": s.thread}


def claim_rows(s: Story) -> list[dict[str, Any]]:
    """One row per value stated for a claim: a conflict shows as rows of one claim that
    disagree."""
    return [{"story": s.id, "about": c.about, "kind": c.kind, "agree": c.agree, "value": str(v.value),
             "bound": v.bound, "text": v.text, "articles": list(v.articles)}
            for c in s.claims for v in c.values]


def store_rows(store: Any, table: str) -> Iterator[dict[str, Any]]:
    """The rows of one table over everything a store holds."""
    if table in DOC_TABLES:
        for doc in store.iter_docs():
            yield from doc_rows([doc])[table]
    elif table == "entities":
        yield from (entity_row(e) for e in store.analysis().entities)
    elif table == "stories":
        yield from (story_row(s) for s in store.iter_stories())
    elif table == "claims":
        for story in store.iter_stories():
            yield from claim_rows(story)
    else:
        raise ValueError(f"no table {table!r}")


# --- writers ----------------------------------------------------------------------------


def write_csv(rows: Iterable[dict[str, Any]], table: str, out: TextIO, *, excel: bool = False) -> None:
    """CSV with a header; lists joined by " | ". `excel`: a byte-order mark first, so Excel
    reads the Arabic as UTF-8."""
    if excel:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=SCHEMAS[table].names)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: " | ".join(v) if isinstance(v, list) else v for k, v in row.items()})


def write_jsonl(rows: Iterable[dict[str, Any]], table: str, out: TextIO, *, excel: bool = False) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_parquet(rows: Iterable[dict[str, Any]], table: str, path: Path, part_rows: int = 5_000) -> None:
    with pq.ParquetWriter(path, SCHEMAS[table]) as writer:
        part: list[dict[str, Any]] = []
        for row in rows:
            part.append(row)
            if len(part) == part_rows:
                writer.write_table(pa.Table.from_pylist(part, schema=SCHEMAS[table]))
                part = []
        writer.write_table(pa.Table.from_pylist(part, schema=SCHEMAS[table]))


class ParquetTables:
    """One Parquet file per table in a folder, written a part at a time (`marsad batch`)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.writers: dict[str, pq.ParquetWriter] = {}

    def write(self, name: str, rows: list[dict[str, Any]]) -> None:
        self.write_table(name, pa.Table.from_pylist(rows, schema=SCHEMAS[name]))

    def write_table(self, name: str, table: pa.Table) -> None:
        """A part made already (`doc_tables`: the same part `write` makes of its rows)."""
        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self.out / f"{name}.parquet", SCHEMAS[name])
        if table.num_rows:
            self.writers[name].write_table(table)

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def doc_tables(docs: Iterable[Doc]) -> dict[str, pa.Table]:
    """The per-article tables' part of these docs, for `ParquetTables.write_table`
    (`marsad batch` has its workers make these)."""
    return {name: pa.Table.from_pylist(rows, schema=SCHEMAS[name]) for name, rows in doc_rows(docs).items()}


# --- whole-store exports (`marsad export --format json|events-jsonl`) -----------------------


def export_json(store: Any, out: TextIO) -> None:
    json.dump(analysis_to_dict(store.analysis()), out, ensure_ascii=False, indent=2)
    out.write("\n")


def export_events(store: Any, out: TextIO) -> None:
    for story in store.iter_stories():
        for event in story.events:
            out.write(json.dumps(plover_record(event, story.id), ensure_ascii=False) + "\n")


WHOLE_EXPORTS: dict[str, Callable[[Any, TextIO], None]] = {"json": export_json, "events-jsonl": export_events}
TABLE_WRITERS: dict[str, Callable[..., None]] = {"csv": write_csv, "jsonl": write_jsonl}

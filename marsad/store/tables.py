"""Exports of a store (`marsad export`): the analysis JSON, a CSV of articles, and PLOVER
event records as JSON Lines. Records become dicts only through marsad.store.export and
marsad.stories.events, so a store export and `marsad analyze` agree field for field."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any, TextIO

from marsad.store.export import analysis_to_dict
from marsad.stories.events import plover_record

CSV_COLUMNS = (
    "id",
    "source",
    "outlet",
    "published",
    "title",
    "is_article",
    "language",
    "mentions",
    "quantities",
    "times",
    "quotes",
    "events",
    "story",
)


def export_json(store: Any, out: TextIO) -> None:
    json.dump(analysis_to_dict(store.analysis()), out, ensure_ascii=False, indent=2)
    out.write("\n")


def export_csv(store: Any, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in store.article_rows():
        writer.writerow(row)


def export_events(store: Any, out: TextIO) -> None:
    for story in store.iter_stories():
        for event in story.events:
            out.write(json.dumps(plover_record(event, story.id), ensure_ascii=False) + "\n")


EXPORTERS: dict[str, Callable[[Any, TextIO], None]] = {
    "json": export_json,
    "csv": export_csv,
    "events-jsonl": export_events,
}

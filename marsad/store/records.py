"""Model records <-> the JSON kept in the store's columns, at full fidelity.

The store keeps every doc as the pipeline made it (export's dicts are lossy: a quantity's
unit text, a quote's directness), twice: as the per-article stages left it (`analysed`, the
input of the corpus step when the store grows) and as the corpus step finished it
(`record`, what readers and exports see). Sentences are not kept: they are recomputed from
the text, which is what the per-article stages did.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from typing import Any

from marsad.arabic.tokenize import split_sentences
from marsad.model import (
    Article,
    Claim,
    ClaimValue,
    Doc,
    Entity,
    Event,
    Mention,
    Participant,
    Quantity,
    Quote,
    Reuse,
    Story,
    SummarySentence,
    TimeExpr,
    TimelineEntry,
)
from marsad.pipeline.stages import runs_stages


def _tuples(data: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}


def _make(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in _tuples(data).items() if k in names})


def _event(data: dict[str, Any]) -> Event:
    """An event record. Stores written before participants were records keep each side as
    parallel lists (refs, texts, codes): they read as the same participants."""
    sides: dict[str, tuple[Participant, ...]] = {}
    for side, texts_key, codes_key in (("actors", "actor_texts", "actor_codes"),
                                       ("targets", "target_texts", "target_codes")):
        values = data.get(side) or []
        if all(isinstance(v, dict) for v in values):
            sides[side] = tuple(Participant(**v) for v in values)
            continue
        texts, codes = data.get(texts_key) or [], data.get(codes_key) or []
        sides[side] = tuple(
            Participant(text=text or ref, entity=ref if text and ref != text else None, code=code)
            for ref, text, code in zip(values, texts + [""] * len(values), codes + [""] * len(values), strict=False)
        )
    return _make(Event, {**data, **sides})


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def doc_record(doc: Doc) -> str:
    data = dataclasses.asdict(dataclasses.replace(doc, sentences=()))
    del data["sentences"]
    return dumps(data)


def doc_from_record(text: str, *, with_sentences: bool = True) -> Doc:
    data = json.loads(text)
    article = _make(Article, data["article"])
    return Doc(
        article=article,
        # as the per-article stages made them: only Arabic articles with text have sentences
        sentences=tuple(split_sentences(article.text)) if with_sentences and runs_stages(article) else (),
        mentions=tuple(_make(Mention, m) for m in data["mentions"]),
        quantities=tuple(_make(Quantity, q) for q in data["quantities"]),
        times=tuple(_make(TimeExpr, t) for t in data["times"]),
        quotes=tuple(_make(Quote, q) for q in data["quotes"]),
        events=tuple(_event(e) for e in data["events"]),
        reuse=tuple(_make(Reuse, r) for r in data["reuse"]),
    )


def story_record(story: Story) -> str:
    return dumps(dataclasses.asdict(story))


def story_from_record(text: str) -> Story:
    data = json.loads(text)
    return _make(
        Story,
        {
            **data,
            "summary": [_make(SummarySentence, s) for s in data["summary"]],
            "timeline": [_make(TimelineEntry, t) for t in data["timeline"]],
            "claims": [
                _make(Claim, {**c, "values": [_make(ClaimValue, v) for v in c["values"]]})
                for c in data["claims"]
            ],
            "events": [_event(e) for e in data["events"]],
        },
    )


def entity_record(entity: Entity) -> str:
    return dumps(dataclasses.asdict(entity))


def entity_from_record(text: str) -> Entity:
    return _make(Entity, json.loads(text))

"""The store keeps model records as JSON: they read back as the records the pipeline made,
including records written by earlier versions."""

from __future__ import annotations

import json

from marsad.model import Article, Doc, Event, Participant
from marsad.store.records import doc_from_record, doc_record

ARTICLE = Article(id="a1", source="t.txt", text="التقى الكاظمي ماكغورك في بغداد.", title="لقاء في بغداد",
                  published="2021-07-15", outlet=None, language="ar", is_article=True)
EVENT = Event(
    type="CONSULT", trigger="التقى", location="بغداد", date="2021-07-15",
    sentence="التقى الكاظمي ماكغورك في بغداد.",
    actors=(Participant("الكاظمي", "ent_1", "IRQGOV"),),
    targets=(Participant("ماكغورك", None, "USAGOV"), Participant("الشرطة", None, "")),
)


def test_an_event_record_reads_back_with_its_participants() -> None:
    doc = Doc(article=ARTICLE, events=(EVENT,))
    assert doc_from_record(doc_record(doc)).events == (EVENT,)


def test_an_event_record_with_parallel_lists_reads_as_the_same_participants() -> None:
    """Stores written before participants were records keep each side as refs (entity id,
    else the words), texts and codes in parallel lists."""
    data = json.loads(doc_record(Doc(article=ARTICLE)))
    data["events"] = [{
        "type": "CONSULT", "trigger": "التقى", "location": "بغداد", "date": "2021-07-15",
        "sentence": EVENT.sentence, "mode": "asserted",
        "actors": ["ent_1"], "actor_texts": ["الكاظمي"], "actor_codes": ["IRQGOV"],
        "targets": ["ماكغورك", "الشرطة"], "target_texts": ["ماكغورك", "الشرطة"], "target_codes": ["USAGOV", ""],
        "start": 0, "end": 0, "articles": [], "id": "", "date_stated": True,
    }]
    assert doc_from_record(json.dumps(data, ensure_ascii=False)).events == (EVENT,)

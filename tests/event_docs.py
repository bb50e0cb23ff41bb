"""Hand-built Docs and hand-made detector models for the event coder's tests: mentions
placed by text.index, published on a fixed day, so the tests do not depend on the tagger
or on the shipped model."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.arabic.tokenize import split_sentences
from marsad.extract.events import coding
from marsad.extract.events.detector import TypeModel
from marsad.extract.events.scoring import Detector
from marsad.model import Article, Doc, Mention, TimeExpr

REF = date(2021, 7, 15)


def make_doc(text: str, names: list[tuple[str, str]], times: list[TimeExpr] = ()) -> Doc:  # type: ignore[assignment]
    mentions = tuple(Mention(text.index(n), text.index(n) + len(n), n, kind) for n, kind in names)  # type: ignore[arg-type]
    article = Article(id="d", source="d", text=text, title=None, published=REF.isoformat(), outlet=None,
                      language="ar", is_article=True)
    return Doc(article=article, sentences=tuple(split_sentences(text)), mentions=mentions, times=tuple(times))


def with_models(monkeypatch: pytest.MonkeyPatch, **models: TypeModel) -> None:
    """The coder reads these models instead of the shipped detector."""
    detector = Detector.of(models)
    monkeypatch.setattr(coding, "load_detector", lambda: detector)

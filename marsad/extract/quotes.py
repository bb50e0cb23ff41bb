"""Quotes (PLACEHOLDER until issue 5 lands)."""
from __future__ import annotations

from marsad.model import Doc, Quote


def extract_quotes(doc: Doc) -> list[Quote]:
    return []

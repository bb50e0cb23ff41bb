"""Events (PLACEHOLDER until issue 6 lands)."""
from __future__ import annotations

from datetime import date

from marsad.model import Doc, Event


def extract_events(doc: Doc, reference: date | None) -> list[Event]:
    return []

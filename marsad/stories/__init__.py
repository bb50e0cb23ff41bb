"""Stories (PLACEHOLDER until issue 5 lands)."""
from __future__ import annotations

from marsad.model import Doc, Story


def build_stories(docs: list[Doc]) -> list[Story]:
    return []

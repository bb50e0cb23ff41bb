"""Entity linking (PLACEHOLDER until issue 4 lands)."""
from __future__ import annotations

from marsad.model import Doc, Entity


def link_entities(docs: list[Doc]) -> tuple[list[Doc], list[Entity]]:
    return docs, []

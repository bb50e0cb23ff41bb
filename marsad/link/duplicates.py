"""Near-duplicates (PLACEHOLDER until issue 5 lands)."""
from __future__ import annotations

from marsad.model import Doc


def find_reuse(docs: list[Doc]) -> list[Doc]:
    return docs

"""Quantities (PLACEHOLDER until issue 3 lands)."""
from __future__ import annotations

from marsad.model import Quantity


def extract_quantities(text: str) -> list[Quantity]:
    return []

"""Temporal expressions (PLACEHOLDER until issue 3 lands)."""
from __future__ import annotations

from datetime import date

from marsad.model import TimeExpr


def extract_times(text: str, reference: date | None) -> list[TimeExpr]:
    return []

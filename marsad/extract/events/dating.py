"""An event's date: the time expression of its sentence nearest the trigger, else the
publication date for a reported event."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from marsad.model import Sentence, TimeExpr


def event_date(
    sentence: Sentence,
    trigger_offset: int,
    times: Sequence[TimeExpr],
    mode: str,
    reference: date | None,
) -> str | None:
    """The resolved time expression of the sentence nearest the trigger, else the
    publication date for reported (past) events; a planned event without its own date
    stays undated rather than taking the day it was announced."""
    inside = [t for t in times if t.value and sentence.start <= t.start and t.end <= sentence.end]
    if inside and reference is not None:
        # "أعلن البيت الأبيض الجمعة أنه سيستقبل ... في 26 يوليو": a planned event takes the
        # date still to come, a reported one a date already past.
        ref = reference.isoformat()
        fitting = [t for t in inside if ((t.value or "") >= ref[: len(t.value or "")]) == (mode == "future")]
        inside = fitting or inside
    if inside:
        return min(inside, key=lambda t: abs(t.start - trigger_offset)).value
    if mode in ("future", "hypothetical") or reference is None:
        return None
    return reference.isoformat()

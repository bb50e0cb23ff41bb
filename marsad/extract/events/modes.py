"""Event mode from the trigger's clause: asserted, future, negated or hypothetical."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.events.lexicon import (
    DENIAL_VERBS,
    FUTURE_AFTER,
    FUTURE_BEFORE,
    GENITIVE_WINDOW,
    HYPOTHETICAL,
    MAYBE,
    MODE_BACK,
    NEGATORS,
    NEGATORS_NEAR,
    SUBJUNCTIVE,
    _has_word,
    _stems,
    is_break,
)
from marsad.extract.events.triggers import Hit
from marsad.model import Token

DENIAL_BACK = 10  # نفى ... أن يكون ... قد التقى: denial scopes over its complement clause

# --- modes -------------------------------------------------------------------------------


def event_mode(tokens: Sequence[Token], hit: Hit) -> str:
    i = hit.index
    before = _clause_before(tokens, i, MODE_BACK)
    keys = [t.key for t in before]
    stems_before = [set(_stems(k)) for k in keys]
    immediate = keys[-1] if keys else ""
    if immediate in NEGATORS and not (immediate == "ما" and hit.trigger.pos == "n"):
        return "negated"
    if any(k in NEGATORS_NEAR for k in keys) or _denied(tokens, i):
        return "negated"
    if any(s & HYPOTHETICAL for s in stems_before) or "في حال" in " ".join(keys):
        return "hypothetical"
    if hit.trigger.present and keys and keys[-1] == MAYBE:
        return "hypothetical"
    if hit.future_prefix or any(s & FUTURE_BEFORE for s in stems_before):
        return "future"
    if hit.trigger.present and immediate in SUBJUNCTIVE:  # "يجب أن تتعاون"، "قبل أن يوافق"
        return "future" if len(keys) > 1 and keys[-2] == "قبل" else "hypothetical"
    after = tokens[i + 1 : i + 1 + GENITIVE_WINDOW + 2]
    for tok in after:
        if is_break(tok):
            break
        if tok.key in FUTURE_AFTER or _has_word(tok, FUTURE_AFTER):
            return "future"
    return "asserted"


def _denied(tokens: Sequence[Token], i: int) -> bool:
    return any(set(_stems(t.key)) & DENIAL_VERBS for t in _clause_before(tokens, i, DENIAL_BACK))


def _clause_before(tokens: Sequence[Token], i: int, width: int) -> list[Token]:
    out: list[Token] = []
    for j in range(i - 1, max(-1, i - 1 - width), -1):
        if is_break(tokens[j]):
            break
        out.append(tokens[j])
    out.reverse()
    return out


"""Event mode from the trigger's clause: asserted, future, negated or hypothetical."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.extract.events.lexicon import (
    CALLS,
    DENIAL_VERBS,
    FUTURE_AFTER,
    FUTURE_BEFORE,
    GENITIVE_WINDOW,
    HYPOTHETICAL,
    MAYBE,
    MODE_BACK,
    NEGATORS,
    NEGATORS_NEAR,
    OCCUR,
    SUBJUNCTIVE,
    _has_word,
    _stems,
    is_break,
)
from marsad.extract.events.triggers import Hit
from marsad.model import Token
from marsad.run.caching import LRU_WORD_CACHE_SIZE

DENIAL_BACK = 10  # نفى ... أن يكون ... قد التقى: denial scopes over its complement clause

# --- modes -------------------------------------------------------------------------------


def event_mode(tokens: Sequence[Token], hit: Hit) -> str:
    i = hit.index
    # The denial window holds the mode window at its end: both stop at the same break. A
    # light verb's noun ("لم يقم بتفجير") takes the mode of the light verb's clause.
    clause = _clause_before(tokens, hit.light if hit.light >= 0 else i, max(DENIAL_BACK, MODE_BACK))
    keys = [t.key for t in clause[-MODE_BACK:]]
    marks = list(map(_mode_marks, keys))
    immediate = keys[-1] if keys else ""
    # a negator joined by و or ف negates as well ("ولم يفجر"، "فلم تقع"): its key alone was asked
    negator = _unjoined(immediate)
    if negator in NEGATORS and not (negator == "ما" and hit.trigger.pos == "n"):
        return "negated"
    # "لم تقع اشتباكات"، "عدم حدوث مظاهرات": a negated verb of happening negates the noun
    if hit.trigger.pos == "n" and len(keys) > 1 and keys[-1] in OCCUR and _unjoined(keys[-2]) in NEGATORS:
        return "negated"
    if any(k in NEGATORS_NEAR for k in keys) or any(_mode_marks(t.key) & _DENIAL for t in clause[-DENIAL_BACK:]):
        return "negated"
    if any(m & _HYPOTHETICAL for m in marks) or "في حال" in " ".join(keys):
        return "hypothetical"
    if hit.trigger.present and keys and keys[-1] == MAYBE:
        return "hypothetical"
    if hit.future_prefix or any(m & _FUTURE for m in marks):
        return "future"
    if hit.trigger.pos == "n" and any(_mode_marks(t.key) & _CALL for t in clause):
        return "future"  # "دعت النقابات في بيان إلى إضراب عام": called for, not held
    if hit.trigger.present and immediate in SUBJUNCTIVE:  # "يجب أن تتعاون"، "قبل أن يوافق"
        return "future" if len(keys) > 1 and keys[-2] == "قبل" else "hypothetical"
    after = tokens[i + 1 : i + 1 + GENITIVE_WINDOW + 2]
    for tok in after:
        if is_break(tok):
            break
        if tok.key in FUTURE_AFTER or _has_word(tok, FUTURE_AFTER):
            return "future"
    return "asserted"


def _unjoined(key: str) -> str:
    return key[1:] if key[:1] in ("و", "ف") and len(key) > 2 else key


_HYPOTHETICAL, _FUTURE, _DENIAL, _CALL = 1, 2, 4, 8


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def _mode_marks(key: str) -> int:
    """Which mode word lists a form of the key (`_stems`) is in, as bits: asked of every
    word before every trigger, and the answer depends on the key alone."""
    stems = _stems(key)
    return ((_HYPOTHETICAL if not HYPOTHETICAL.isdisjoint(stems) else 0)
            | (_FUTURE if not FUTURE_BEFORE.isdisjoint(stems) else 0)
            | (_DENIAL if not DENIAL_VERBS.isdisjoint(stems) else 0)
            | (_CALL if not CALLS.isdisjoint(stems) else 0))


def _clause_before(tokens: Sequence[Token], i: int, width: int) -> list[Token]:
    out: list[Token] = []
    for j in range(i - 1, max(-1, i - 1 - width), -1):
        if is_break(tokens[j]):
            break
        out.append(tokens[j])
    out.reverse()
    return out


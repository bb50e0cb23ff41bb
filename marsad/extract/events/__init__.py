"""Political events coded to PLOVER 2.0 from Arabic sentences: who did what to whom, when,
where, and whether it happened (asserted / future / negated / hypothetical).

A lexicon coder in the spirit of PETRARCH, written for Arabic surface forms rather than
lemmas (`lexicon`: trigger forms and grammar words; `triggers`: finding them; `modes`;
`arguments`: participants by Arabic word order; `coding`: events of a document), with a
sentence-level detector learned from the Arabic event gold standard (`detector`) deciding
whether a sentence reports a specific, actual event of the types it knows.
Hand-written because no Arabic event coder with PLOVER output exists as a library, and
UniversalPetrarch's lemma patterns need a parser and get the type right for ~1 in 8 sentences.
"""

from marsad.extract.events.coding import benchmark_events, code_sentence, extract_events, extract_events_of_docs
from marsad.extract.events.dating import event_date
from marsad.extract.events.lexicon import PLOVER_TYPES, Lexicon, Trigger, load_lexicon
from marsad.extract.events.modes import event_mode
from marsad.extract.events.triggers import Hit, find_triggers

__all__ = [
    "PLOVER_TYPES",
    "Hit",
    "Lexicon",
    "Trigger",
    "benchmark_events",
    "code_sentence",
    "event_date",
    "event_mode",
    "extract_events",
    "extract_events_of_docs",
    "find_triggers",
    "load_lexicon",
]

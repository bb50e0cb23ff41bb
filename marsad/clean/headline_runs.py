"""A site's headline ticker flattened into one line of a text dump: its headlines kept apart
by runs of spaces, signed each with the site's Latin name, or parted by a mark (" | ", "•",
" - "). The share of a page's lines such runs make is a page-shape feature (page_shape.py):
a page that is mostly one is a ticker, not the article its address may name."""

from __future__ import annotations

import re
from collections import Counter

from marsad.clean.lines import BLOCK_GAP, MIN_FLATTENED_GAPS

# A site's headline ticker flattened to one line: a run of headlines kept apart by runs of
# spaces ("headline    headline    headline"), none of them a paragraph (an article flattened
# the same way keeps paragraphs of 30 words and more).
MIN_RUN_ITEMS = 8
MAX_RUN_ITEM_WORDS = 25


def headline_run_share(content: str, lines: int) -> float:
    """The share of the page's `lines` that are items of a flattened run of headlines."""
    items = 0
    for raw in content.split("\n"):
        if raw.count("   ") >= MIN_FLATTENED_GAPS and len(BLOCK_GAP.findall(raw)) >= MIN_FLATTENED_GAPS:
            run = [item.split() for item in BLOCK_GAP.split(raw) if item.strip()]
        else:
            run = _signed_run(raw) or _marked_run(raw)
        if len(run) >= MIN_RUN_ITEMS and max(len(item) for item in run) <= MAX_RUN_ITEM_WORDS:
            items += len(run)
    return min(1.0, items / max(1, lines))


# ... or with a mark between them ("<headline> | <headline> | ...", "•", "◄", " - "), every
# item a headline's length (a name or a score between dashes is shorter; "..." is a pause in
# a sentence, not a mark between headlines).
_RUN_MARKS = (" | ", " • ", " ◄ ", " ► ", " ▪ ", " ■ ", " ● ", " - ", " – ", " — ")
MIN_MARKED_ITEM_WORDS = 3


def _marked_run(raw: str) -> list[list[str]]:
    if len(raw) < MIN_RUN_ITEMS * 20:
        return []
    mark = max(_RUN_MARKS, key=raw.count)
    if raw.count(mark) < MIN_RUN_ITEMS - 1:
        return []
    items = [item.strip() for item in raw.split(mark) if item.strip()]
    inner = items[1:-1]  # (a heading may open the run, and the excerpt's cut ends it)
    if any(len(item.split()) < MIN_MARKED_ITEM_WORDS or _NOT_HEADLINE.search(item) for item in inner):
        return []
    return [item.split() for item in items]


# A headline has no sentence stop inside or at its end, and does not open with a figure (a
# list of "- <sentence>." highlights, "(1953 - 1970)، <name> (1970 - 1976)" runs of years).
_NOT_HEADLINE = re.compile(r"[.،؛](?:\s|$)|^[\d(),]|[\d(]$")


# A ticker may sign each headline with the site's name in Latin letters instead of spacing them
# apart ("<headline> nayrouz <headline> nayrouz ..."): one Latin word repeated along an Arabic
# line, every stretch between two of them a headline's length.
_LATIN_WORD = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z0-9]{2,}(?![\w.])")


_LATIN = re.compile(r"[A-Za-z]{3}")


def _signed_run(raw: str) -> list[list[str]]:
    if len(raw) < MIN_RUN_ITEMS * 20 or not _LATIN.search(raw):  # (most lines: one quick scan)
        return []
    counts = Counter(_LATIN_WORD.findall(raw))
    if not counts:
        return []
    word, times = counts.most_common(1)[0]
    if times < MIN_RUN_ITEMS - 1:
        return []
    return [item.split() for item in re.split(rf"(?<![\w.]){re.escape(word)}(?![\w.])", raw) if item.strip()]

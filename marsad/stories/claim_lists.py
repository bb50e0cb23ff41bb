"""Counts an article lists: a total and the parts that add up to it, and the items of a list
of one noun, each named before its count ("ثم السكر 3586 كيلو غراماً، ثم الحبوب الكاملة 3181
كيلو غراماً"). Claims compare a part with parts and an item with the same item only: a story's
tables of parts and items were most of the false conflicts left on SaudiNewsNet 2015-08-06/07
(594 reports in all against its 385 of water; the Suez project's 72 km against its 35 km new
channel; each coast's desalinated water against the total)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from marsad.stories.claim_counts import Count, DocSentences, word_key
from marsad.stories.terms import is_stopword, is_word

# Parts add up to their total within this share of it ("550.1 + 557.5 = 1,107.6 مليون"), and
# are listed right after it or right before it among the article's counts of the same noun.
SUM_TOLERANCE = 0.002
MAX_PARTS = 6
# A list: at least this many counts of one noun in one sentence.
LIST_LENGTH = 3
ITEM_WORDS = 4  # the words read before an item's count to name it
_SENTENCE_ENDS = frozenset(".!?؟\n")


def listed_counts(sentences: DocSentences, counts: list[Count]) -> list[Count]:
    """`counts` (one article's, in text order) with the parts of a total given the role
    "part" (`_parts_of_totals`) and the items of a list named (`_named_items`)."""
    return _named_items(sentences, _parts_of_totals(counts))


def _parts_of_totals(counts: list[Count]) -> list[Count]:
    """A run of two or more counts of one noun, exact and listed next to each other right
    after or before a count they add up to, are its parts ("594 بلاغا، منها 209 ... و385"), and
    that count their total: each compares only with parts, or totals, of other outlets, since
    an outlet that gives the parts alone, or the total alone, does not say which is which
    ("1500 ريال (1000 ريال للترم)" against "1000 ريال للترم"). A count with another role keeps it."""
    parts: set[int] = set()
    totals: set[int] = set()
    by_head: dict[str, list[int]] = {}
    for i, c in enumerate(counts):
        by_head.setdefault(c.head, []).append(i)
    for members in by_head.values():
        for k, i in enumerate(members):
            total = counts[i]
            if total.bound != "exact" or total.value <= 0 or total.head == "%":
                continue
            for run in (members[k + 1:k + 1 + MAX_PARTS], members[max(0, k - MAX_PARTS):k][::-1]):
                if found := _adding_up(counts, run, total.value):
                    parts.update(found)
                    totals.add(i)
    roles = {**{i: "total" for i in totals}, **{i: "part" for i in parts}}
    return [replace(c, role=roles[i]) if i in roles and c.role in (None, roles[i]) else c
            for i, c in enumerate(counts)]


def _adding_up(counts: list[Count], run: list[int], total: float) -> list[int]:
    """The first two or more counts of `run` (nearest first) that add up to `total`."""
    value = 0.0
    for n, j in enumerate(run):
        c = counts[j]
        if c.bound != "exact" or c.value >= total:
            return []
        value += c.value
        if n and abs(value - total) <= SUM_TOLERANCE * total:
            return run[:n + 1]
        if value > total:
            return []
    return []


def _named_items(sentences: DocSentences, counts: list[Count]) -> list[Count]:
    """A count in a list of LIST_LENGTH counts or more of one noun in one sentence is
    described by the words that name it: those before its count since the count before it
    ("ثم السكر 3586 كيلو غراماً"), and its describing words after it ("سبعة مشاركين من جدة").
    Words in the names of two items of the list ("ثم", "قطاع", "بواقع", the words between
    two counts, which name one of them) name none of them."""
    text = sentences.doc.article.text
    out = list(counts)
    for run in _lists(counts, text):
        names = [[*_words_before(sentences, counts[j], counts[run[n - 1]].start if n else None),
                  *counts[j].modifiers] for n, j in enumerate(run)]
        seen = Counter(w for words in names for w in set(words))
        for j, words in zip(run, names, strict=True):
            if own := frozenset(w for w in words if seen[w] == 1):
                out[j] = replace(counts[j], modifiers=own)
    return out


def _lists(counts: list[Count], text: str) -> list[list[int]]:
    """Indexes of the counts of each list: LIST_LENGTH or more counts of one noun, one after
    another within one sentence (no other noun's count between them)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, c in enumerate(counts):
        if current and (counts[current[-1]].head != c.head or c.head == "%"
                        or any(ch in _SENTENCE_ENDS for ch in text[counts[current[-1]].end:c.start])):
            if len(current) >= LIST_LENGTH:
                runs.append(current)
            current = []
        current.append(i)
    if len(current) >= LIST_LENGTH:
        runs.append(current)
    return [run for run in runs if counts[run[0]].head != "%"]


def _words_before(sentences: DocSentences, c: Count, since: int | None) -> list[str]:
    """The content words before `c` in its sentence, since offset `since` (the count before
    it in its list; for the first item, its clause's last ITEM_WORDS words)."""
    facts = sentences.facts_at(c.start)
    if facts is None:
        return []
    words = [t for t in facts.tokens if t.end <= c.start and (since is None or t.start >= since)]
    if since is None:
        start = max((k + 1 for k, t in enumerate(words) if t.text in "،,;؛:"), default=0)
        words = words[start:][-ITEM_WORDS:]
    return [word_key(t) for t in words if is_word(t) and not is_stopword(t) and len(t.key) > 2][-ITEM_WORDS:]

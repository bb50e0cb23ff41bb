"""Date claims: the days outlets give one statement, one coded event or one happening.

Dated statements are grouped when outlets date the same statement (same speaker, and the
sentences overlap) or the same coded event (same type and actors, and the sentences overlap),
and the happening each lead dates ("اتفق وزراء المياه ... اليوم الثلاثاء") when the leads
overlap: two statements of one speaker, or two meetings of the same people, are two
happenings, and their dates never conflict. They agree when they name the same day.
"""

from __future__ import annotations

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import tokenize
from marsad.model import Claim, Doc
from marsad.stories.claim_values import make_claim, outlet_of
from marsad.stories.groups import DisjointSets
from marsad.stories.terms import content_terms

# Two statements (or two event sentences, or two leads) are one when their content terms
# overlap by at least 0.3 (Jaccard): on the seed pages the two outlets' sentences of one
# Hood statement overlap 0.31, while the White House announcement and al-Kadhimi's meeting
# (same actors, two happenings a day apart) overlap 0.21.
SAME_STATEMENT = 0.3
# The happening's own date is the first day-date of the first LEAD_SENTENCES sentences.
LEAD_SENTENCES = 2


def _dated_statements(doc: Doc) -> list[tuple[tuple, str, str, str]]:
    """(group key, about, date, source sentence) for statements and events with a day, and
    for the happening the lead dates ("اتفق وزراء المياه ... اليوم الثلاثاء")."""
    found: list[tuple[tuple, str, str, str]] = []
    for sentence in doc.sentences:
        day = next((t for t in doc.times if sentence.start <= t.start < sentence.end
                    and t.value and len(t.value) == 10), None)
        if day is None:
            continue
        for q in doc.quotes:
            if sentence.start <= q.start < sentence.end and (q.speaker or q.speaker_text):
                who = q.speaker or match_key(q.speaker_text or "")
                found.append((("statement", who), f"تصريح {q.speaker_text or q.speaker}", day.value or "",
                              sentence.text))
                break
        for e in doc.events:
            if sentence.start <= e.start < sentence.end and e.actors:
                key = (e.type, tuple(sorted(match_key(a) for a in e.participant_refs)))
                about = f"{e.trigger} {' '.join(p.text for p in e.actors)}".strip()
                found.append((key, about, day.value or "", sentence.text))
    for sentence in doc.sentences[:LEAD_SENTENCES]:  # the happening: a claim of its own unless a
        # statement or event claim gives the same values (`date_claims` keeps that one)
        day = next((t for t in doc.times if sentence.start <= t.start < sentence.end
                    and t.value and len(t.value) == 10), None)
        if day is not None:
            words = sentence.text[:day.start - sentence.start].split()[-6:] or sentence.text.split()[:6]
            found.append((("happening",), "موعد: " + " ".join(words).strip(" ،,-"), day.value or "", sentence.text))
            break
    return found


def date_claims(docs: list[Doc]) -> list[Claim]:
    """Dates outlets give one statement or one event: statements of one speaker (events of
    one type and actors) are one when their sentences overlap (SAME_STATEMENT)."""
    items: list[tuple[tuple, str, str, str, str, frozenset[str]]] = []
    for doc in sorted(docs, key=lambda d: d.id):
        seen = set()
        for key, label, value, text in _dated_statements(doc):
            if (key, value) not in seen:
                seen.add((key, value))
                items.append((key, label, value, text, doc.id, frozenset(content_terms(tokenize(text)))))
    sets = DisjointSets(len(items))

    for i, x in enumerate(items):
        for j in range(i + 1, len(items)):
            y = items[j]
            if x[0] == y[0] and x[4] != y[4] and _overlap(x[5], y[5]) >= SAME_STATEMENT:
                sets.join(i, j)
    claims: list[Claim] = []
    by_key = sorted(sets.groups(range(len(items))),
                    key=lambda m: (items[m[0]][0] == ("happening",), str(items[m[0]][0])))
    for members in by_key:
        group = [(items[i][2], "exact", items[i][4], items[i][3]) for i in members]
        claim = make_claim(items[members[0]][1], group, "date", outlet_of(docs))
        if claim is not None and not any(c.values == claim.values for c in claims):
            claims.append(claim)
    return claims


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0

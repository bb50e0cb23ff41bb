"""Date claims: the days outlets give one statement, one coded event or one happening.

Dated statements are grouped when outlets date the same statement (same speaker, and the
sentences overlap) or the same coded event (same type and actors, and the sentences overlap),
and the happening each lead dates ("اتفق وزراء المياه ... اليوم الثلاثاء") when the leads
overlap: two statements of one speaker, or two meetings of the same people, are two
happenings, and their dates never conflict. They agree when they name the same day, or
when they differ only by when each article was written: a date read from "أمس" or "اليوم"
alone is the article's own day moved, and marsad rarely knows that day for sure (a feed's or a
crawl's date is not the writing date), so it conflicts with nothing; two dates that name the
same weekday ("يوم غد الثلاثاء" / "الثلاثاء المقبل") agree; two weekdays, or a weekday and a
written date of another weekday, or two written dates, that differ conflict (the seeds' Hood
statement: "أول من أمس الثلاثاء" / "الأربعاء").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from marsad.arabic.calendar import weekday_of_key
from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import tokenize
from marsad.model import Claim, ClaimValue, Doc, Sentence, TimeExpr
from marsad.stories.claim_values import claim_rows, outlet_of, values_agree
from marsad.stories.groups import DisjointSets
from marsad.stories.terms import content_terms

# Two statements (or two event sentences, or two leads) are one when their content terms
# overlap by at least 0.3 (Jaccard): on the seed pages the two outlets' sentences of one
# Hood statement overlap 0.31, while the White House announcement and al-Kadhimi's meeting
# (same actors, two happenings a day apart) overlap 0.21.
SAME_STATEMENT = 0.3
# The happening's own date is the first day-date of the first LEAD_SENTENCES sentences.
LEAD_SENTENCES = 2


# How a date is stated: ("written",) a date the text writes; ("weekday", N) a day named by
# its weekday; ("deictic",) a day counted from the article's own ("أمس", "اليوم").
StatedAs = tuple[str, ...] | tuple[str, int]


def stated_as(time: TimeExpr) -> StatedAs:
    if not time.relative:
        return ("written",)
    weekday = next((w for t in tokenize(time.text) if (w := weekday_of_key(t.key)) is not None), None)
    return ("deictic",) if weekday is None else ("weekday", weekday)


def dates_contradict(a: str, a_as: StatedAs, b: str, b_as: StatedAs) -> bool:
    """Whether two dates of one statement, each as stated, cannot both be true."""
    if values_agree(ClaimValue(a, ()), ClaimValue(b, ())) or "deictic" in (a_as[0], b_as[0]):
        return False
    if a_as[0] == b_as[0] == "weekday":
        return a_as[1] != b_as[1]
    if a_as[0] == "weekday" or b_as[0] == "weekday":
        written, named = (b, a_as[1]) if a_as[0] == "weekday" else (a, b_as[1])
        return len(written) == 10 and date.fromisoformat(written).weekday() != named
    return True


# A day that bounds a period ("سيبقى ساريا حتى 26 فبراير 2016", "اعتبارا من الأحد") is when
# something ends or starts, not when the statement was made or the event happened: a
# SaudiNewsNet sanctions decree "valid until" a Friday of 2016 was read as the date of a
# statement another outlet dated Friday 2015-08-07, and the two "agreed".
_UNTIL = frozenset(match_key(w) for w in ("حتى", "وحتى", "لغاية", "غاية", "بحلول", "وبحلول"))
_FROM = frozenset(match_key(w) for w in ("اعتبارا", "ابتداء", "بدءا"))
_LINKS = frozenset(match_key(w) for w in ("من", "تاريخ"))


def _bounds_a_period(text: str, time: TimeExpr) -> bool:
    words = [match_key(w) for w in text[max(0, time.start - 40):time.start].split()[-2:]]
    if not words:
        return False
    if words[-1] in _UNTIL:
        return True
    return len(words) == 2 and words[-1] in _LINKS and (words[0] in _UNTIL or words[0] in _FROM)


def _day_of(doc: Doc, sentence: Sentence, said: bool = False) -> TimeExpr | None:
    """The first day a sentence states, as explicitly as the sentence states that day ("لموقع
    عين اليوم ... اليوم الاثنين" is dated by its Monday: a written date, then a weekday, then
    "اليوم" alone). For what was said or done (`said`), a day that bounds a period is no such
    day; a lead's happening may be what starts or ends on it ("تبدأ الرحلات اعتبارا من ...")."""
    days = [t for t in doc.times if sentence.start <= t.start < sentence.end and t.value and len(t.value) == 10
            and not (said and _bounds_a_period(doc.article.text, t))]
    if not days:
        return None
    rank = {"written": 0, "weekday": 1, "deictic": 2}
    return min((t for t in days if t.value == days[0].value), key=lambda t: rank[stated_as(t)[0]])


def _dated_statements(doc: Doc) -> list[tuple[tuple, str, str, str, StatedAs]]:
    """(group key, about, date, source sentence) for statements and events with a day, and
    for the happening the lead dates ("اتفق وزراء المياه ... اليوم الثلاثاء")."""
    found: list[tuple[tuple, str, str, str, StatedAs]] = []
    for sentence in doc.sentences:
        day = _day_of(doc, sentence, said=True)
        if day is None:
            continue
        for q in doc.quotes:
            if sentence.start <= q.start < sentence.end and (q.speaker or q.speaker_text):
                who = q.speaker or match_key(q.speaker_text or "")
                found.append((("statement", who), f"تصريح {q.speaker_text or q.speaker}", day.value or "",
                              sentence.text, stated_as(day)))
                break
        for e in doc.events:
            if sentence.start <= e.start < sentence.end and e.actors:
                key = (e.type, tuple(sorted(match_key(a) for a in e.participant_refs)))
                about = f"{e.trigger} {' '.join(p.text for p in e.actors)}".strip()
                found.append((key, about, day.value or "", sentence.text, stated_as(day)))
    for sentence in doc.sentences[:LEAD_SENTENCES]:  # the happening: a claim of its own unless a
        # statement or event claim gives the same values (`date_claims` keeps that one)
        day = _day_of(doc, sentence)
        if day is not None:
            words = sentence.text[:day.start - sentence.start].split()[-6:] or sentence.text.split()[:6]
            found.append((("happening",), "موعد: " + " ".join(words).strip(" ،,-"), day.value or "", sentence.text,
                          stated_as(day)))
            break
    return found


def date_claims(docs: list[Doc]) -> list[Claim]:
    """Dates outlets give one statement or one event: statements of one speaker (events of
    one type and actors) are one when their sentences overlap (SAME_STATEMENT)."""
    items: list[tuple[tuple, str, str, str, str, frozenset[str]]] = []
    # (article, key, date) -> each sentence that states it: how, and its content terms
    stated: dict[tuple[str, tuple, str], list[tuple[StatedAs, frozenset[str]]]] = {}
    for doc in sorted(docs, key=lambda d: d.id):
        seen = set()
        for key, label, value, text, how in _dated_statements(doc):
            terms = frozenset(content_terms(tokenize(text)))
            stated.setdefault((doc.id, key, value), []).append((how, terms))
            if (key, value) not in seen:
                seen.add((key, value))
                items.append((key, label, value, text, doc.id, terms))

    def can_both_be_true(key: tuple) -> Callable[[ClaimValue, ClaimValue], bool]:
        """Two dates of a group conflict only through two sentences that overlap themselves
        (not through a chain of sentences that each overlap the next: "وافق مجلس الوزراء
        أمس الأحد" and "طالب رئيس مجلس النواب الاثنين" date two happenings)."""
        def agree(a: ClaimValue, b: ClaimValue) -> bool:
            return not any(dates_contradict(str(a.value), x, str(b.value), y) and _overlap(tx, ty) >= SAME_STATEMENT
                           for art_a in a.articles for x, tx in stated[(art_a, key, str(a.value))]
                           for art_b in b.articles for y, ty in stated[(art_b, key, str(b.value))])
        return agree

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
        group: list[tuple[float | str, str, str, str]] = [(items[i][2], "exact", items[i][4], items[i][3])
                                                           for i in members]
        for claim in claim_rows(_first_label([items[i][1] for i in members]), group, "date",
                                outlet_of(docs), can_both_be_true(items[members[0]][0])):
            if not any(c.values == claim.values for c in claims):
                claims.append(claim)
    return claims


def _first_label(labels: list[str]) -> Callable[[list[int]], str]:
    """A row's label: its first statement's."""
    return lambda part: labels[part[0]]


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0

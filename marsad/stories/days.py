"""The days an article gives its happening: its publication day (or the day an undated page
states), the days its lead states or resolves, the day and weekday of its happening, as story
clustering compares them (`signature.pair_features`, `cluster.dates_link`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from marsad.arabic.calendar import weekday_of_key
from marsad.arabic.normalize import match_key
from marsad.model import Doc, TimeExpr


def day_number(value: str | None) -> int | None:
    """Days since 0001-01-01 for YYYY-MM-DD (month/year dates take their first day)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d).toordinal()
    except (ValueError, IndexError):
        return None


# A lead paragraph dates its own news: "أعلنت الحكومتان مساء الخميس 11 يونيو 2020 ...".
LEAD_CHARS = 400


def article_day(doc: Doc) -> int | None:
    """The publication day, or for an undated page the latest full date stated (not
    inferred) in its lead paragraph, less a date on another weekday than the one the lead
    calls today ("اليوم الاثنين ... قمة 11 نوفمبر 2023" recalls an earlier happening, a
    Saturday); None when neither is known."""
    day = day_number(doc.article.published)
    if day is not None:
        return day
    lead_end = min(len(doc.article.text), LEAD_CHARS)
    today = today_weekday(doc, lead_end)
    end = _undated_today(doc, lead_end)
    days = [day_number(t.value) for t in doc.times if t.start < end and not t.relative and _is_day(t)]
    stated = [d for d in days if d is not None and (today is None or date.fromordinal(d).weekday() == today)]
    latest = _latest_month_stated(doc)
    # A page is not older than a month it tells of: a date a year or more before one is
    # the background of its happening ("من مواليد 10 جانفي 1964 ... في أكتوبر 2022").
    stated = [d for d in stated if latest is None or d > latest - BACKGROUND_DAYS]
    return max(stated) if stated else None


BACKGROUND_DAYS = 365


def _latest_month_stated(doc: Doc) -> int | None:
    """The first day of the latest month (or day) the whole text states, resolved and not
    relative: a year alone is left out, as plans are told by their year ("رؤية 2030")."""
    months = [day_number(t.value[:7]) for t in doc.times
              if t.value and len(t.value) >= 7 and not t.relative and t.granularity != "week"]
    return max((m for m in months if m is not None), default=None)


def _is_day(t: TimeExpr) -> bool:
    """A time that names one day: "الأسبوع الماضي" resolves to its week's Monday, a day no
    happening is dated on (a first leg "last week" is background to today's final)."""
    return bool(t.value) and len(t.value or "") == 10 and t.granularity != "week"


_TODAY = match_key("اليوم")


def _is_today(t: TimeExpr) -> bool:
    return _TODAY in (match_key(word) for word in t.text.split())


def today_weekday(doc: Doc, lead_end: int) -> int | None:
    """The weekday the lead calls today ("اليوم الاثنين", "الاثنين اليوم"), resolved or not."""
    for t in doc.times:
        if t.start < lead_end and _is_today(t):
            weekday = next((w for word in t.text.split() if (w := weekday_of_key(match_key(word))) is not None), None)
            if weekday is not None:
                return weekday
    return None


def _undated_today(doc: Doc, lead_end: int) -> int:
    """Where the lead first says "today" without a date for it (an undated page): the days it
    states after that recall earlier happenings ("اليوم ... كارثة 11 سبتمبر 2023" of an
    anniversary), they do not date its own. The lead's end when it does not."""
    return min((t.start for t in doc.times if t.start < lead_end and t.value is None and _is_today(t)),
               default=lead_end)


def doc_event_days(doc: Doc) -> set[int]:
    days = set()
    for t in doc.times:
        if _is_day(t):
            day = day_number(t.value)
            if day is not None:
                days.add(day)
    return days


def doc_happening_day(doc: Doc, lead_end: int) -> int | None:
    """The first day the lead states or resolves ("الثلاثاء", "أمس", "12 آذار"): news says when
    its happening was in its first lines. An undated page (an excerpt) is dated by its lead
    paragraph (LEAD_CHARS), as `article_day` dates it: a date further on recalls another
    happening ("وكان ... الهجوم على مسجد العنود في 29 مايو 2015" in a report of another bombing);
    a dated article's relative days further on resolve against its own date. A week ("الأسبوع
    الماضي") is no day, a date written out a year or more before a month the text tells of is
    background (a birth date), and a lead that says "today" before it states a day cannot date
    its happening (`_undated_today`)."""
    end = _undated_today(doc, lead_end if doc.article.published else min(lead_end, LEAD_CHARS))
    latest = _latest_month_stated(doc)
    for t in sorted(doc.times, key=lambda t: t.start):
        if t.start >= end:
            break
        day = day_number(t.value) if _is_day(t) else None
        if day is not None and (t.relative or latest is None or day > latest - BACKGROUND_DAYS):
            return day
    return None


def doc_happening_weekday(doc: Doc, lead_end: int, happening_day: int | None, day: int | None) -> int | None:
    """The weekday of the happening (Monday 0): of the day the lead states or resolves, else of
    the first weekday it names, resolved or not ("اليوم الثلاثاء", "أمس السبت", "السبت المقبل"),
    else of the publication day. A page with no date still says which day of the week its
    happening was: two reports of one round or one strike name the same weekday, a round or a
    strike of another week most often another (real pages, labels/stories/README.md)."""
    if happening_day is not None:
        return date.fromordinal(happening_day).weekday()
    for t in sorted(doc.times, key=lambda t: t.start):
        if t.start >= lead_end:
            break
        for word in t.text.split():
            weekday = weekday_of_key(match_key(word))
            if weekday is not None:
                return weekday
    return date.fromordinal(day).weekday() if day is not None else None


# An address's year and month ("/2019/12/1274596.html", "/2024/04/..."): a page the cleaner
# could not date to the day is still of that month (it states its happening then or later).
_ADDRESS_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
# ... and a stored copy's month line before its text ("date 2024-06 قالت وزارة ..."), where
# the store knew the month only (a full date there is the cleaner's publication date).
_STORED_MONTH = re.compile(r"\s*date ((?:19|20)\d\d)-(0[1-9]|1[0-2])\b")


def publication_month(doc: Doc, day: int | None) -> int | None:
    """The month the page was published in (year * 12 + month - 1): its day's, else its
    address's or its stored copy's; None when none is known."""
    if day is not None:
        when = date.fromordinal(day)
        return when.year * 12 + when.month - 1
    found = _ADDRESS_MONTH.search(doc.article.url or "") or _STORED_MONTH.match(doc.article.text)
    return int(found.group(1)) * 12 + int(found.group(2)) - 1 if found else None


def months_apart(month: int | None, story_months: Mapping[int, int]) -> bool:
    """Published two months or more from every article of the story: another happening (a
    developing story's pages are days apart; its anniversary is a story of its own)."""
    return month is not None and bool(story_months) and all(abs(month - m) > 1 for m in story_months)


def day_beside(weekday: int | None, story_weekdays: Mapping[int, int]) -> bool:
    """The weekday is the day before or after one the story's articles give: a report of the
    next day may give its own day's, so weekdays one apart do not tell another happening on the
    developing route (one meeting of the seeds' stories split without this)."""
    return weekday is not None and any((weekday - other) % 7 in (1, 6) for other in story_weekdays)

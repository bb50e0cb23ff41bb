"""Page metadata from lines: datelines and titles with site suffixes (credited sources and
captions: credits.py).

Hand-written because Arabic datelines mix weekday names, dual month names
("يوليو/تموز") and numeric forms that date libraries either miss or over-read (dateparser
turns stray numbers into dates), and credits follow Arabic newsroom conventions.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from babel import Locale

from marsad.arabic.calendar import (
    calendar_date,
    hijri_month_number,
    month_number,
    solar_hijri_to_gregorian,
    weekday_number,
)
from marsad.arabic.normalize import match_key, western_digits
from marsad.clean.lexicon import line_key, outlet_names, site_words

_DIGITS = "0-9٠-٩۰-۹"
# "2021/07/15", "15-07-2021"; slashes and dashes may have spaces round them ("2005 / 6 / 5",
# "20 - 05 - 2025": the masress family of aggregators, "نشر في <paper> يوم 20 - 05 - 2025").
_NUMERIC_DATE = re.compile(
    rf"(?<![{_DIGITS}])(?:([{_DIGITS}]{{4}})(?:[.]|\s?[/\-]\s?)([{_DIGITS}]{{1,2}})(?:[.]|\s?[/\-]\s?)([{_DIGITS}]{{1,2}})"
    rf"|([{_DIGITS}]{{1,2}})(?:[.]|\s?[/\-]\s?)([{_DIGITS}]{{1,2}})(?:[.]|\s?[/\-]\s?)([{_DIGITS}]{{4}}))(?![{_DIGITS}])"
)
_HAS_DIGIT = re.compile(f"[{_DIGITS}]")
_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")  # letters, digits and vowel marks, not the Arabic comma
_TIME = re.compile(rf"[{_DIGITS}]{{1,2}}:[{_DIGITS}]{{2}}(?::[{_DIGITS}]{{2}})?"
                   r"\s*(?:ص|م|AM|PM|am|pm|GMT|بتوقيت\s+\S+)?")
# Words allowed around a date in a dateline: "نشر في", "آخر تحديث", "بتاريخ", "الساعة", time zones.
_DATELINE_FILLER = frozenset(
    match_key(w) for w in (
        "نشر", "في", "نشر في", "بتاريخ", "تاريخ", "النشر", "آخر", "تحديث", "محدث", "الساعة", "مساء", "صباحا",
        "ص", "م", "غرينتش", "توقيت", "بتوقيت", "مكة", "المكرمة", "القاهرة", "بغداد", "GMT", "UTC", "الموافق",
        "هـ", "ه", "ميلادي", "ميلادية", "هجري", "هجرية", "لـ", "ل", "Published", "Updated", "on", "at", "of",
        "month", "-", "|",
    )
)
# A page's counters printed beside its date, sometimes glued to it or to each other
# ("20 يناير 2026291 مشاهدةوقت القراءة: 2 دقيقة"): views, reading time, comments.
_PAGE_STATS = tuple(match_key(w) for w in (
    "مشاهدة", "مشاهدات", "قراءة", "القراءة", "قراءات", "وقت", "دقيقة", "دقائق", "تعليق", "تعليقات", "زيارة",
    "views", "read", "min",
))
# A dateline is at most this many words once clock times are out ("الخميس 7/3/1429 هـ -
# الموافق 13/3/2008 م (آخر تحديث) الساعة (مكة المكرمة)، (غرينتش)" has 16).
MAX_DATELINE_WORDS = 20
# A stamp line of short fields, one of them the date: "الحوار المتمدن-العدد: 1219 - 2005 / 6 / 5 - 11:53".
_FIELD_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s*[|｜]\s*")
MAX_FIELD_WORDS = 4
# A stamp that is not the publication date: the last update, or the site's "today" bar.
_UPDATED = re.compile(r"(آخر\s+تحديث|تم\s+التحديث|محدث|updated|last\s+modified)", re.IGNORECASE)
_TODAY = re.compile(r"^\W*(?:اليوم|today|الآن|now)\b", re.IGNORECASE)
# A dateline is mostly date words; "مساء الخميس 11 يونيو/حزيران 2020، في بيان ..." is a
# sentence. 0.6 separates every dateline of the seeds and fixtures (>= 0.75) from the body
# sentences that contain a date (<= 0.4).
DATELINE_SHARE = 0.6
CALENDAR_DATE_WORDS = 3  # a date of the other calendar: day, month and year


class Dateline(NamedTuple):
    date: str | None
    kind: str = "date"  # "date" (the page's own), "update" (آخر تحديث) or "today" (site bar)


def parse_dateline(line: str) -> Dateline:
    """The date of a line that is essentially a date, else Dateline(None).

    "الخميس 15 يوليو 2021", "السبت 2021/07/17", "15 يوليو/تموز 2021 - 10:30", "نشر في 2021-07-15".
    "آخر تحديث: ..." is an update stamp and "اليوم: ..." a site's today bar: they are dates
    but never the publication date.
    """
    if not _HAS_DIGIT.search(line):
        return Dateline(None)  # every date this reads has a year in digits: most lines end here
    found = _dateline(line)
    if found.date is None and _FIELD_SEPARATOR.search(line):
        fields = [f for f in _FIELD_SEPARATOR.split(line) if f.strip()]
        dated = [f for f in fields if _HAS_DIGIT.search(f) and _dateline(f).date]
        if len(dated) == 1 and all(len(_WORD.findall(f)) <= MAX_FIELD_WORDS for f in fields if f is not dated[0]):
            return _dateline(dated[0])
    return found


def dated_name(line: str) -> str | None:
    """The date of a line that names something and dates it ("موجز الصحافة – 7 يناير 2026",
    "نشرة المساء | 1-11-2025"): a bulletin's or a digest's headline. Not a place or a site's
    name with the day ("القاهرة - ...", "صحيفة الواحة | ..."), nor a stamp with numbers."""
    fields = [f for f in _FIELD_SEPARATOR.split(line) if f.strip()]
    if len(fields) != 2 or _HAS_DIGIT.search(fields[0]):
        return None
    name = _WORD.findall(fields[0])
    if not 2 <= len(name) <= MAX_FIELD_WORDS + 1 or any(_is_filler(w) for w in name) or tail_kind(fields[0]):
        return None
    stamp = _dateline(fields[1])
    return stamp.date if stamp.kind == "date" else None


def _month_words(words: list[str]) -> int:
    """Month names of either calendar in a line, with the numbers on either side of them:
    "الجمعة 03 ماي 2024 ميلادي, الموافق لـ 24 شوال 1445 هجري" has six."""
    marked: set[int] = set()
    for i, word in enumerate(words):
        if not word.isdigit() and (_month(word) is not None or hijri_month_number(word) is not None):
            marked.update(j for j in (i - 1, i, i + 1) if 0 <= j < len(words) and (j == i or words[j].isdigit()))
    return len(marked)


def _is_filler(word: str) -> bool:
    key = match_key(word)
    return key in _DATELINE_FILLER or weekday_number(word) is not None or key.startswith(_PAGE_STATS)


# Arabic letters glued to digits ("باسل سيد29 ديسمبر، 2022آخر تحديث") are words apart ("22nd" is one).
_GLUED = re.compile(r"(?<=[\u0621-\u064a])(?=[0-9٠-٩۰-۹])|(?<=[0-9٠-٩۰-۹])(?=[\u0621-\u064a])")


def _dateline(line: str) -> Dateline:
    text = _GLUED.sub(" ", _TIME.sub(" ", line))
    words = _WORD.findall(text)
    if not words or len(words) > MAX_DATELINE_WORDS:
        return Dateline(None)
    iso, used = _numeric_date(text)
    if iso is None:
        iso, used = _worded_date(words)
    if iso is None:
        iso = calendar_date(words)
        used = 3
    if iso is None:
        return Dateline(None)
    used = max(used, _month_words(words))  # a bar with both calendars states the day twice
    if used < len(words) and used and calendar_date(words) == iso:
        used += CALENDAR_DATE_WORDS  # ... and so does one with a Solar Hijri date ("۱۶ مرداد ۱۴۰۴ - 7 August, 2025")
    filler = sum(1 for w in words if _is_filler(w))
    today = bool(_TODAY.match(line))
    if (used + filler + today) / len(words) < DATELINE_SHARE:
        return Dateline(None)
    if today:
        return Dateline(iso, "today")
    updated = _UPDATED.search(line)
    if updated and updated.start() > 0 and loose_date(line[:updated.start()]) == iso:
        # "الأحد، 04 آب 2013، آخر تحديث 02:21": the date stands before the update stamp.
        return Dateline(iso, "date")
    return Dateline(iso, "update" if updated else "date")


def loose_date(text: str) -> str | None:
    """The first date written anywhere in a short value (a meta tag's content), in digits,
    month words of either family, or the Hijri and Solar Hijri calendars."""
    text = _GLUED.sub(" ", _TIME.sub(" ", text[:200]))
    iso, _used = _numeric_date(text)
    if iso is None:
        words = _WORD.findall(text)
        iso = _worded_date(words)[0] or calendar_date(words)
    return iso


def _to_int(text: str) -> int:
    return int(western_digits(text))


def _valid(year: int, month: int, day: int | None) -> str | None:
    if not 1900 <= year <= 2100 or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric_date(text: str) -> tuple[str | None, int]:
    m = _NUMERIC_DATE.search(text)
    if not m:
        return None, 0
    if m.group(1):
        y, mo, d = _to_int(m.group(1)), _to_int(m.group(2)), _to_int(m.group(3))
    else:
        d, mo, y = _to_int(m.group(4)), _to_int(m.group(5)), _to_int(m.group(6))
        if mo > 12 >= d:
            d, mo = mo, d  # month first, as a forum's or an English page's stamp: "07-24-2010, 09:50 AM"
    if 1300 <= y < 1500:
        # "7/3/1429 هـ - الموافق 13/3/2008 م": the Gregorian date the page gives beside a Hijri
        # one is its own (a Hijri month's first day depends on the moon's sighting).
        gregorian, used = _numeric_date(text[m.end():])
        return (gregorian, used + 3) if gregorian else (calendar_numeric(y, mo, d), 3)
    return _valid(y, mo, d), 3


# Years of today's news in the two Hijri calendars do not overlap: Solar Hijri 1395-1410 is
# 2016-2031, lunar Hijri 1420+ is 1999 on. Below 1420 a numeric year is read as Solar Hijri
# (Iranian pages: "۱۴۰۳/۰۸/۱۴"), from 1420 as lunar Hijri ("1445/09/12 هـ").
LUNAR_HIJRI_FROM = 1420


def calendar_numeric(year: int, month: int, day: int) -> str | None:
    """A Solar Hijri (below LUNAR_HIJRI_FROM) or lunar Hijri date in numbers, as ISO."""
    from marsad.arabic.calendar import hijri_to_gregorian

    converted = hijri_to_gregorian(year, month, day) if year >= LUNAR_HIJRI_FROM else solar_hijri_to_gregorian(
        year, month, day)
    return converted.isoformat() if converted else None


_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _english_months() -> dict[str, int]:
    """English month names and abbreviations (CLDR via babel): Arabic sites print English
    datelines too ("Updated 13 March 2024")."""
    months = Locale("en").months["format"]
    return {name.lower(): n for width in ("wide", "abbreviated") for n, name in months[width].items()}


def _month(word: str) -> int | None:
    return _english_months().get(word.lower()) if word.isascii() else month_number(word)


def _worded_date(words: list[str]) -> tuple[str | None, int]:
    """Day, month name(s) and year: "15 يوليو 2021", "15 يوليو/تموز 2021", "يوليو 2021"."""
    for i, word in enumerate(words):
        month = _month(word)
        two_word = None
        if month is None and i + 1 < len(words):
            two_word = month_number(f"{word} {words[i + 1]}")  # كانون الثاني
            month = two_word
        if month is None:
            continue
        used = 2 if two_word else 1
        j = i + used
        while j < len(words) and _month(words[j]) == month:  # the dual name: يوليو/تموز
            j += 1
            used += 1
        day_word = _ORDINAL.sub("", words[i - 1]) if i > 0 else ""  # "25th, November 2025"
        day = _to_int(day_word) if day_word.isdigit() and len(day_word) <= 2 else None
        if day is None and j + 1 < len(words) and words[j].isdigit() and len(words[j]) <= 2:
            day, j = _to_int(words[j]), j + 1  # month first: "نوفمبر 14, 2024"
        year = _to_int(words[j]) if j < len(words) and words[j].isdigit() and len(words[j]) == 4 else None
        if year is None and j < len(words) and words[j].isdigit() and words[j][:2] in ("19", "20"):
            year = _to_int(words[j][:4])  # "20 يناير 2026291 مشاهدة": a view count glued to the year
        if year is None and word.isascii() and day is not None and j < len(words) and len(words[j]) == 2 \
                and words[j].isdigit():
            year = 2000 + _to_int(words[j])  # a theme's English stamp with a short year: "Apr 09 22 at 06:38 AM"
        if year is None:
            continue
        return _valid(year, month, day), used + 1 + (day is not None)
    return None, 0


@lru_cache(maxsize=1)
def _outlet_keys() -> frozenset[str]:
    return frozenset(line_key(n) for n in outlet_names().values())


# A site or section tail is a name, not a clause: the longest seen in the seeds and
# fixtures ("صحيفة الرافدين", "أخبار السياسة", "شبكة الأفق الإخبارية") has three words.
MAX_TAIL_WORDS = 5
_BAR = re.compile(r"\s*[|｜]\s*")
_DASH = re.compile(r"\s+[-–—]\s+")


def tail_kind(tail: str) -> str | None:
    """"outlet" when a title tail names a site, "section" when it names a section, else None."""
    key = line_key(tail)
    words = key.split()
    if not words or len(words) > MAX_TAIL_WORDS:
        return None
    kinds = site_words()
    if key in _outlet_keys() or any(w in kinds["outlet"] for w in words):
        return "outlet"
    if words[0] in kinds["section"] or key in kinds["section"]:
        return "section"
    return None


def strip_site_suffix(title: str) -> str:
    """Drop "| section or site" tails and " - outlet" tails from a title line.

    After "|" any short tail goes (a bar never sits inside a headline), not a one-word kicker before it ("غدًا |");
    after a dash only a tail that names a site or section, since "غزة - القاهرة: ..." is headline text."""
    parts = [p.strip() for p in _BAR.split(title) if p.strip()]  # (a date or the item's format after it stays)
    kicker = len(parts) == 2 and len(parts[0].split()) == 1 and tail_kind(parts[0]) is None
    if len(parts) > 1 and parse_dateline(parts[-1]).date is None and line_key(parts[-1]) not in site_words()["format"]:
        title = max(parts[:-1], key=len) if len(parts[-1].split()) <= MAX_TAIL_WORDS else title if kicker \
            else max(parts, key=len)
    dash = _DASH.split(title)
    if len(dash) > 1 and tail_kind(dash[-1]):
        title = " - ".join(dash[:-1])
    return title.strip()


def site_name_from_title(title_line: str) -> str | None:
    """The site's name when a title ends with one: "... | صحيفة الرافدين", "... - شبكة الأفق"
    (not a section label such as "| أخبار السياسة")."""
    parts = [p.strip() for p in _BAR.split(title_line) if p.strip()]
    if len(parts) < 2:
        parts = [p.strip() for p in _DASH.split(title_line) if p.strip()]
        if len(parts) < 2 or tail_kind(parts[-1]) != "outlet":
            return None
    tail = parts[-1]
    if len(tail.split()) > 4 or tail_kind(tail) == "section" or not line_key(tail):
        return None
    return tail


def split_own_name(title: str, furniture: list[str]) -> tuple[str, str | None]:
    """(headline, site) when a title's dash tail is a name the page gives itself elsewhere:
    in its credit block ("المصدر: الوسط اليوم") or its copyright line. An unknown outlet's
    name has no tell-tale word, but a page names its own outlet more than once."""
    dash = _DASH.split(title)
    if len(dash) < 2 or len(dash[-1].split()) > MAX_TAIL_WORDS:
        return title, None
    tail = f" {line_key(dash[-1])} "
    if tail.strip() and any(tail in f" {line_key(line)} " for line in furniture):
        return " - ".join(dash[:-1]).strip(), dash[-1].strip()
    return title, None

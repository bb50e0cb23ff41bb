"""Publication dates as the page states them.

HTML pages state their date in metadata (JSON-LD `datePublished`, `article:published_time`,
`itemprop="datePublished"`, `<time datetime>`), often as an ISO stamp with a UTC offset,
sometimes in Arabic words ("الأربعاء، 07 أكتوبر 2020 - 12:09 م"). The date is taken as the
page writes it, in its own local time: "2020-10-07T23:59:50+00:00" in a meta tag beside a
JSON-LD or visible date of 2020-10-08 is the same moment, and the page's readers saw the 8th.
A date that only the crawler or the server added (an HTTP `Date:` header) is never one.

Visible datelines in Hijri (Umm al-Qura) and Solar Hijri (Persian) calendars are turned into
Gregorian dates.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from lxml.html import HtmlElement

from marsad.arabic.calendar import hijri_month_number, month_number
from marsad.arabic.normalize import match_key, western_digits
from marsad.clean.address_cues import RANDOM_POST
from marsad.clean.metadata import calendar_numeric, loose_date, parse_dateline

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
                  r"(?:[T\s](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
# Meta tags that state when the article was published (not modified), most specific first.
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "dc.date.issued", "dcterms.created", "dc.date",
    "sailthru.date", "parsely-pub-date", "date", "created",
)
# An ISO-form stamp with a year below this is in a Hijri calendar: Iranian sites write
# "1402-05-12T10:30:00+03:30" (Solar Hijri) and some Gulf sites "1445-09-15" (lunar Hijri).
FIRST_GREGORIAN_YEAR = 1900
# Class words of a <time> that is the publication time (WordPress: "entry-date published").
_PUBLISHED_CLASS = re.compile(r"(?:^|[\s_-])(?:published|publish|pubdate|entry-date|post-date)(?:$|[\s_-])",
                              re.IGNORECASE)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')


class StatedDate:
    """A date a page states and where: `utc` when it is a stamp in UTC (Z or +00:00),
    which may fall on another day than the page's local date."""

    __slots__ = ("iso", "source", "utc")

    def __init__(self, iso: str, utc: bool, source: str) -> None:
        self.iso, self.utc, self.source = iso, utc, source

    def __repr__(self) -> str:
        return f"StatedDate({self.iso!r}, utc={self.utc}, {self.source})"


def parse_stamp(value: str) -> StatedDate | None:
    """An ISO stamp, as written (its local date), or a date in words or digits."""
    value = western_digits(value)
    m = _ISO.match(value)
    if m:
        year, month, day_of_month = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year < FIRST_GREGORIAN_YEAR:  # the time in a Hijri stamp is local, as written
            converted = calendar_numeric(year, month, day_of_month)
            return StatedDate(converted, False, "meta") if converted else None
        try:
            day = date(year, month, day_of_month)
        except ValueError:
            return None
        zone = m.group(6)
        return StatedDate(day.isoformat(), zone in ("Z", "+00:00", "+0000", "-00:00"), "meta")
    iso = loose_date(value)
    return StatedDate(iso, False, "meta") if iso else None


def metadata_dates(tree: HtmlElement, html: str) -> list[StatedDate]:
    """Publication dates the page's markup states, JSON-LD first, then meta tags, then
    `<time>` elements marked as the publication time."""
    found: list[StatedDate] = []
    head = html[:300_000]
    for value in _JSON_LD_DATE.findall(head) if '"datePublished"' in head else ():  # (a literal is found at once)
        stated = parse_stamp(_json_unescape(value))
        if stated:
            stated.source = "json-ld"
            found.append(stated)
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = content
    for key in _PUBLISHED_META:
        if key in metas:
            stated = parse_stamp(metas[key])
            if stated:
                found.append(stated)
    for element in tree.iter("time"):
        if (element.get("itemprop", "").lower() == "datepublished" or element.get("pubdate") is not None
                or _PUBLISHED_CLASS.search(element.get("class", ""))):
            stated = parse_stamp(element.get("datetime") or element.text_content())
            if stated:
                stated.source = "time"
                found.append(stated)
            shown = parse_dateline(" ".join(element.text_content().split()))
            if stated and stated.utc and shown.date and shown.kind == "date":
                found.append(StatedDate(shown.date, False, "time-text"))  # what the reader sees: local
    return found


def _json_unescape(value: str) -> str:
    try:
        return str(json.loads(f'"{value}"'))
    except json.JSONDecodeError:
        return value


def choose_date(stated: list[StatedDate], visible: str | None) -> str | None:
    """The page's date: the first stated date, except that a UTC stamp gives way to a local
    one (another stamp with an offset, or the visible dateline) one day off it."""
    if not stated:
        return visible
    first = stated[0]
    if first.utc:
        local = [s.iso for s in stated if not s.utc] + ([visible] if visible else [])
        for other in local:
            if len(other) == 10 and _one_day_apart(first.iso, other):
                return other
    return first.iso


def _one_day_apart(a: str, b: str) -> bool:
    try:
        return abs(date.fromisoformat(a) - date.fromisoformat(b)) == timedelta(days=1)
    except ValueError:
        return False


_ADDRESS_DATE = re.compile(r"(?<!\d)(?:(20\d{2}|19\d{2})(?:[/_-](\d{1,2})[/_-](\d{1,2})|(\d{2})(\d{2}))"
                           r"|(\d{1,2})/(\d{1,2})/(20\d{2}|19\d{2}))(?!\d)")


# A time stamp of fourteen digits, YYYYMMDDhhmmss: a site's id made of the moment it published
# ("/breaking/news-20250206181613").
_ADDRESS_STAMP = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?!\d)")
# A Solar Hijri (or lunar Hijri) year, month and day as folders of the address.
_HIJRI_ADDRESS_DATE = re.compile(r"(?:^|/)(1[34]\d{2})/(\d{1,2})/(\d{1,2})/")
# A date as a query parameter: "?cdate=09012026" (DDMMYYYY), "&date=20260109" (YYYYMMDD).
_QUERY_DATE = re.compile(r"[?&][a-z_]*date=(\d{8})(?:&|$)", re.IGNORECASE)


def _slug_after_folders(path: str, m: re.Match[str]) -> bool:
    """Year and month folders, then a post's file name that opens with a number: "5-2025_5.html",
    or a number alone ("/2015/06/15.html", "/2020/05/72.html": Blogger names posts so)."""
    after = path[m.end():m.end() + 5].lower()
    return bool(m.group(2)) and path[m.start(2) - 1] == "/" and (
        after[:1] not in ("", "/", ".", "?") or after.startswith(".htm"))


def address_date(url: str | None) -> str | None:
    """A date the address states in its path: /2021/01/29/, /2026-02-20-1.201/, /20250811/,
    /16/06/2014/, a time stamp /news-20250206181613; or in a date parameter of its query (?cdate=09012026)."""
    if not url or RANDOM_POST.search(url):  # the address sends to a random post: its date is another's
        return None
    query = _QUERY_DATE.search(url)
    if query:
        digits = query.group(1)
        day_first = digits[4:6] in ("19", "20")  # DDMMYYYY, else YYYYMMDD
        year, month, day = (digits[4:], digits[2:4], digits[:2]) if day_first else (digits[:4], digits[4:6], digits[6:])
        try:
            return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            pass
    path = url.split("//", 1)[-1].split("/", 1)[-1]
    # (folders "/2025/09/" then a slug that opens with a number, "5-2025_5.html", name no day)
    m = next((m for m in _ADDRESS_DATE.finditer(path) if not _slug_after_folders(path, m)), None)
    stamp = None if m else _ADDRESS_STAMP.search(path)
    if stamp:
        try:
            return date(*(int(g) for g in stamp.groups())).isoformat()
        except ValueError:
            return None
    if not m:
        hijri = _HIJRI_ADDRESS_DATE.search(path)  # an Iranian site's "/fa/media/1400/02/27/<id>/"
        return calendar_numeric(*(int(g) for g in hijri.groups())) if hijri else None
    if m.group(1):
        year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
    else:
        year, month, day = m.group(8), m.group(7), m.group(6)
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


_ADDRESS_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{2})/")


def in_address_month(iso: str | None, url: str | None) -> str | None:
    """`iso` when the address's "/YYYY/MM/" folders (a blog's post address) name its month:
    a date header over the headline is then the post's, not the day the page was copied."""
    m = _ADDRESS_MONTH.search(url or "")
    return iso if iso and m and iso[:7] == f"{m.group(1)}-{m.group(2)}" else None


# "الفاشر 1 أكتوبر 2025 ــ قال الجيش ...": a place and a date before a dash open the first paragraph.
_AGENCY_DATELINE = re.compile(r"^([^\n]{4,60}?)\s*(?:ـ{1,}|-{1,2}|–|—)\s")
MAX_DATELINE_PREFIX_WORDS = 7
MAX_BYLINE_WORDS = 4  # a writer's name before the place


def agency_dateline(text: str) -> str | None:
    """The date of an agency-style dateline that opens the body, if any: "الفاشر 1 أكتوبر 2025 ــ",
    or after the writer's name, "حمدي عبدالله - القاهرة في الثلاثاء 20 يناير 2026 12:29 مساءً -"."""
    m = _AGENCY_DATELINE.match(text)
    if not m or len(m.group(1).split()) > MAX_DATELINE_PREFIX_WORDS:
        return None
    found = loose_date(m.group(1))
    if found is None and len(m.group(1).split()) <= MAX_BYLINE_WORDS:
        second = _AGENCY_DATELINE.match(text[m.end():])
        if second and parse_dateline(second.group(1)).kind == "date":
            return parse_dateline(second.group(1)).date  # a place and a date, nothing else
    return found


_STAMP_WORD = re.compile(r"[^\W\d_]+")
_HIJRI_MARKS = frozenset(match_key(w) for w in ("هـ", "هجري", "هجرية"))


def states_both_calendars(line: str) -> bool:
    """A stamp that gives the day in the Gregorian and the Hijri calendar with month words
    ("الإثنين 23 فبراير 2026 11:04 صـ 6 رمضان 1447 هـ"): the form of a site's today bar."""
    words = _STAMP_WORD.findall(line)
    return (any(match_key(w) in _HIJRI_MARKS or hijri_month_number(w) is not None for w in words)
            and any(month_number(w) is not None for w in words))

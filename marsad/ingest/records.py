"""JSON Lines records: one page per line, read with limits (nesting depth, number
length), and the fields a record or an API body claims checked exactly as the pipeline will
read them (a publication date that is a real date, text without lone surrogates)."""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime

from marsad.errors import InputError
from marsad.ingest.pages import domain_of, find_surrogate, make_page
from marsad.model import Problem, RawPage

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# YYYY, YYYY-MM, YYYY-MM-DD, or an ISO timestamp: the date part ends the string or a "T"/space follows.
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])")
# Years a news page can claim, the same window clean/metadata.py reads datelines in.
MIN_YEAR, MAX_YEAR = 1900, 2100
# A page record is an object of strings (depth 1); 64 levels leaves room for any metadata
# a scraper nests, far below the ~1,000 at which Python's JSON reader raises RecursionError.
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_BRACKETS = re.compile(r"[\[\]{}]")


def looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        obj = parse_json_line(first, "")
    except InputError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)


def read_jsonl(source: str, text: str) -> Iterator[RawPage | Problem]:
    """One page per line: {"text"|"html": ..., "url", "published", "outlet", "title"}.

    A bad line is a Problem and the next line is read. A usable page with a bad field
    (a date that is no date, text with lone surrogates) is kept without what is wrong,
    after a Problem naming the line and the field.
    """
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = parse_json_line(line, where)
        except InputError as exc:
            yield Problem(where, exc.problem)
            continue
        if not isinstance(obj, dict):
            yield Problem(where, "JSON line is not an object")
            continue
        html = obj.get("html") if isinstance(obj.get("html"), str) and obj.get("html") else None
        body = html or obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Problem(where, 'JSON line has no non-empty "text" or "html" field')
            continue
        published, date_problem = check_published(obj.get("published"))
        if date_problem:
            yield Problem(where, f'"published" {date_problem}: dropped, the page is analysed without it',
                          page_kept=True)
        fields = {"html" if html else "text": body, "url": obj.get("url"), "title": obj.get("title"),
                  "outlet": obj.get("outlet")}
        broken = [name for name, value in fields.items()
                  if isinstance(value, str) and find_surrogate(value) is not None]
        if broken:
            yield Problem(where, f"{', '.join(broken)}: lone UTF-16 surrogate escapes (not Unicode text) "
                                 "replaced with U+FFFD", page_kept=True)
        url = _str_or_none(obj.get("url"))
        yield make_page(
            url or where, body.replace("\r\n", "\n"),
            url=url, published=published,
            outlet=_str_or_none(obj.get("outlet")), title=_str_or_none(obj.get("title")),
            site_key=domain_of(url) or source, force_html=html is not None,
        )


def parse_json_line(line: str, where: str) -> object:
    """json.loads with limits: bad JSON, nesting deeper than MAX_JSON_DEPTH and numbers too
    long for Python to convert are InputErrors naming `where`."""
    if line.count("[") + line.count("{") > MAX_JSON_DEPTH and json_depth(line) > MAX_JSON_DEPTH:
        raise InputError(where, f"JSON nested deeper than {MAX_JSON_DEPTH} levels (refused)")
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"bad JSON line: {exc.msg} (column {exc.colno})") from exc
    except (ValueError, RecursionError) as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(where, f"bad JSON line: {str(exc).split(';')[0]}") from exc


def json_depth(line: str) -> int:
    """The deepest bracket nesting of a JSON text, brackets inside strings not counted."""
    depth = deepest = 0
    for bracket in _JSON_BRACKETS.findall(_JSON_STRING.sub("", line)):
        depth = depth + 1 if bracket in "[{" else depth - 1
        deepest = max(deepest, depth)
    return deepest


def normalize_date_hint(value: object) -> str | None:
    """Accept YYYY, YYYY-MM, YYYY-MM-DD, an ISO or an RFC 2822 timestamp naming a real
    date; anything else is ignored."""
    return check_published(value)[0]


def day_range(checked: str) -> tuple[date, date]:
    """The first and the last day a date `check_published` gave (YYYY, YYYY-MM, YYYY-MM-DD)
    covers: a filter "2024-03" runs from 1 to 31 March."""
    parts = [int(p) for p in checked.split("-")]
    year = parts[0]
    if len(parts) == 3:
        return date(year, parts[1], parts[2]), date(year, parts[1], parts[2])
    if len(parts) == 2:
        return date(year, parts[1], 1), date(year, parts[1], calendar.monthrange(year, parts[1])[1])
    return date(year, 1, 1), date(year, 12, 31)


def date_filter(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """A query's dates from checked text: from the first day `start` covers to the last
    day `end` covers (either may be left open)."""
    return (day_range(start)[0] if start else None), (day_range(end)[1] if end else None)


def check_published(value: object) -> tuple[str | None, str | None]:
    """A publication date hint read exactly as the pipeline will read it.

    (date, None) for a real date as YYYY, YYYY-MM or YYYY-MM-DD; (None, None) when there is
    none; (None, why) for a value that cannot be a publication date (9999-99-99, 0000-00-00,
    2024-13-45, a number, "yesterday").
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        shown = json.dumps(value)[:40] if isinstance(value, int | float | bool) else type(value).__name__
        return None, f"is not a date string (got {shown})"
    text = value.strip()
    shown = repr(text[:40] + ("…" if len(text) > 40 else ""))
    m = _ISO_DATE.match(text)
    if m is None:
        try:
            stamp = parsedate_to_datetime(text)  # RSS feeds: "Tue, 05 Mar 2024 10:00:00 +0300"
        except (TypeError, ValueError, IndexError, OverflowError):
            return None, f"{shown} is not a date (YYYY-MM-DD, an ISO or RFC 2822 timestamp)"
        m = _ISO_DATE.match(stamp.date().isoformat())
        assert m is not None
    year, month, day = (int(part) if part else None for part in m.groups())
    assert year is not None
    why = None
    if not MIN_YEAR <= year <= MAX_YEAR:
        why = f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}"
    elif month is not None and not 1 <= month <= 12:
        why = f"month {month} does not exist"
    elif month is not None and day is not None:
        try:
            date(year, month, day)
        except ValueError:
            why = f"day {day} does not exist in {year}-{month:02d}"
    if why:
        return None, f"{shown} is not a real date ({why})"
    return "-".join(part for part in m.groups() if part), None


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

"""Page metadata from lines: datelines, titles with site suffixes, credited sources.

Hand-written because Arabic datelines mix weekday names, dual month names
("يوليو/تموز") and numeric forms that date libraries either miss or over-read (dateparser
turns stray numbers into dates), and credits follow Arabic newsroom conventions.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from marsad.arabic.calendar import month_number, weekday_number
from marsad.arabic.normalize import match_key
from marsad.clean.lexicon import agency_pattern, agency_variants, line_key, outlet_names

_DIGITS = "0-9٠-٩"
_NUMERIC_DATE = re.compile(
    rf"(?<![{_DIGITS}])(?:([{_DIGITS}]{{4}})[/\-.]([{_DIGITS}]{{1,2}})[/\-.]([{_DIGITS}]{{1,2}})"
    rf"|([{_DIGITS}]{{1,2}})[/\-.]([{_DIGITS}]{{1,2}})[/\-.]([{_DIGITS}]{{4}}))(?![{_DIGITS}])"
)
_WORD = re.compile(r"[\w\u0600-\u06ff]+", re.UNICODE)
_TIME = re.compile(rf"[{_DIGITS}]{{1,2}}:[{_DIGITS}]{{2}}(?::[{_DIGITS}]{{2}})?\s*(?:ص|م|AM|PM|am|pm|GMT|بتوقيت\s+\S+)?")
# Words allowed around a date in a dateline: "نشر في", "آخر تحديث", "بتاريخ", "الساعة", time zones.
_DATELINE_FILLER = frozenset(
    match_key(w) for w in (
        "نشر", "في", "نشر في", "بتاريخ", "تاريخ", "النشر", "آخر", "تحديث", "محدث", "الساعة", "مساء", "صباحا",
        "ص", "م", "غرينتش", "توقيت", "بتوقيت", "مكة", "المكرمة", "القاهرة", "بغداد", "GMT", "UTC", "الموافق",
        "هـ", "ه", "Published", "Updated", "on", "at", "of", "month", "-", "|",
    )
)
_UPDATED = re.compile(r"(آخر\s+تحديث|تم\s+التحديث|updated)", re.IGNORECASE)


def _to_int(text: str) -> int:
    return int(text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))


def _valid(year: int, month: int, day: int | None) -> str | None:
    if not 1900 <= year <= 2100 or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_dateline(line: str) -> tuple[str | None, bool]:
    """(ISO date, is_update) when the line is essentially a date, else (None, False).

    "الخميس 15 يوليو 2021", "السبت 2021/07/17", "15 يوليو/تموز 2021 - 10:30", "نشر في 2021-07-15".
    A date inside a sentence is not a dateline: at least 60% of the words must be date words.
    """
    text = _TIME.sub(" ", line)
    words = _WORD.findall(text)
    if not words or len(words) > 10:
        return None, False
    iso, used = _numeric_date(text)
    if iso is None:
        iso, used = _worded_date(words)
    if iso is None:
        return None, False
    filler = sum(1 for w in words if match_key(w) in _DATELINE_FILLER or weekday_number(w) is not None)
    if (used + filler) / len(words) < 0.6:
        return None, False
    return iso, bool(_UPDATED.search(line))


def _numeric_date(text: str) -> tuple[str | None, int]:
    m = _NUMERIC_DATE.search(text)
    if not m:
        return None, 0
    if m.group(1):
        y, mo, d = _to_int(m.group(1)), _to_int(m.group(2)), _to_int(m.group(3))
    else:
        d, mo, y = _to_int(m.group(4)), _to_int(m.group(5)), _to_int(m.group(6))
    return _valid(y, mo, d), 3


def _worded_date(words: list[str]) -> tuple[str | None, int]:
    """Day, month name(s) and year: "15 يوليو 2021", "15 يوليو/تموز 2021", "يوليو 2021"."""
    for i, word in enumerate(words):
        month = month_number(word)
        two_word = None
        if month is None and i + 1 < len(words):
            two_word = month_number(f"{word} {words[i + 1]}")  # كانون الثاني
            month = two_word
        if month is None:
            continue
        used = 2 if two_word else 1
        j = i + used
        while j < len(words) and month_number(words[j]) == month:  # the dual name: يوليو/تموز
            j += 1
            used += 1
        day = _to_int(words[i - 1]) if i > 0 and words[i - 1].isdigit() and len(words[i - 1]) <= 2 else None
        year = _to_int(words[j]) if j < len(words) and words[j].isdigit() and len(words[j]) == 4 else None
        if year is None:
            continue
        return _valid(year, month, day), used + 1 + (day is not None)
    return None, 0


@lru_cache(maxsize=1)
def _outlet_keys() -> frozenset[str]:
    return frozenset(line_key(n) for n in outlet_names().values())


def strip_site_suffix(title: str) -> str:
    """Drop "| section or site" tails and " - outlet" tails from a title line."""
    parts = [p.strip() for p in re.split(r"\s*[|｜]\s*", title) if p.strip()]
    if len(parts) > 1:
        title = max(parts[:-1], key=len) if len(parts[-1].split()) <= 5 else max(parts, key=len)
    dash = re.split(r"\s+[-–—]\s+", title)
    if len(dash) > 1:
        tail = line_key(dash[-1])
        if tail in _outlet_keys() or tail.startswith(("اخبار", "news")):
            title = " - ".join(dash[:-1])
    return title.strip()


_SECTION_WORDS = ("اخبار", "news", "قسم", "سياسه", "اقتصاد", "رياضه", "منوعات", "محليات", "تقارير")


def site_name_from_title(title_line: str) -> str | None:
    """The site's name when a title ends with one: "... | صحيفة الرافدين" (not a section
    label such as "| أخبار السياسة")."""
    parts = [p.strip() for p in re.split(r"\s*[|｜]\s*", title_line) if p.strip()]
    if len(parts) < 2:
        return None
    tail = parts[-1]
    key = line_key(tail)
    if len(tail.split()) > 4 or not key or key.startswith(_SECTION_WORDS):
        return None
    return tail


_CREDIT_HEADER = re.compile(r"^\s*(?:المصادر|المصدر|مصادر|Sources?)\s*[:：]?\s*(.*)$", re.IGNORECASE)
_CREDIT_SPLIT = re.compile(r"\s*[،,؛;/+]\s*|\s+و(?=\S)")


def credit_header(line: str) -> tuple[bool, list[str]]:
    """("المصادر:" alone → (True, []); "المصدر: رويترز" → (True, ["رويترز"]))."""
    m = _CREDIT_HEADER.match(line)
    if not m or len(line.split()) > 8:
        return False, []
    rest = m.group(1).strip()
    return True, split_credits(rest) if rest else []


def split_credits(line: str) -> list[str]:
    names = [n.strip(" .:-–") for n in _CREDIT_SPLIT.split(line) if n.strip(" .:-–")]
    return [canonical_credit(n) for n in names]


def canonical_credit(name: str) -> str:
    return agency_variants().get(line_key(name), name)


def looks_like_credit_list(line: str) -> bool:
    """A short list of source names: "العربي، أ.ف.ب", "رويترز", "وكالات"."""
    words = line.split()
    if not words or len(words) > 8 or re.search(r"[.؟!]$", line.strip()) and not line.strip().endswith(("أ.ف.ب", "أ.ب", "د.ب.أ")):
        return False
    names = split_credits(line)
    return bool(names) and all(len(n.split()) <= 4 for n in names)


# Words that credit a source right before its name (match-key forms: alef unified).
_CREDITING_WORDS = frozenset(
    "بحسب حسب وفقا وفق نقلت نقلا عن ذكرت افادت اوردت اوردته نشرته نشرت قالت اعلنت لما ل".split()
)


def agencies_credited_in(text: str) -> list[str]:
    """Agencies the body credits: "(رويترز)", "وفقاً لما نشرته وكالة الأنباء الفرنسية", "نقلت رويترز".

    Multi-word names ("وكالة الأنباء الفرنسية") count wherever they stand; short ones
    ("واس", "قنا") only after a crediting word or in parentheses, since they are also words.
    """
    found: list[str] = []
    key_text = line_key(text)
    variants = agency_variants()
    for m in agency_pattern().finditer(key_text):
        variant = m.group(1)
        canonical = variants[variant]
        if canonical in found:
            continue
        previous = key_text[max(0, m.start() - 30):m.start()].split()[-2:]
        if " " in variant or any(w in _CREDITING_WORDS for w in previous) or _in_parens(text, variant):
            found.append(canonical)
    return found


def _in_parens(text: str, variant: str) -> bool:
    return any(line_key(inner) == variant for inner in re.findall(r"\(([^()]{1,40})\)", text))

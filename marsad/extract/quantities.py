"""Quantities: what an article counts, as values with bounds and units.

"نحو 3500 جندي أجنبي" -> 3500, about, جندي; "ما لا يقل عن ثماني هجمات" -> 8, at_least, هجوم;
"أكثر من عشرة مقاتلين" -> 10, more_than, مقاتل; "5 آلاف جندي" -> 5000; "40 بالمئة" -> 40 %.
Years, dates, clock times, phone numbers, ordinals and labels ("المادة 3") are not quantities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import match_key, strip_diacritics
from marsad.arabic.numbers import FRACTION_VALUES, combine, is_vague, parse_digits, word_value
from marsad.arabic.tokenize import clitic_candidates, tokenize
from marsad.extract.dates import extract_times
from marsad.model import Bound, Quantity, TimeExpr, Token
from marsad.settings import PACKAGE_DIR

UNITS_FILE = PACKAGE_DIR / "arabic" / "lexicon" / "units.tsv"

# Qualifiers before the number (match keys, longest first) and the bound each gives.
_BEFORE: tuple[tuple[tuple[str, ...], Bound], ...] = tuple(
    (tuple(match_key(w) for w in phrase.split()), bound) for phrase, bound in sorted((
        ("نحو", "about"), ("حوالي", "about"), ("حوالى", "about"), ("قرابة", "about"), ("زهاء", "about"),
        ("ما يقارب", "about"), ("يقارب", "about"), ("ما يناهز", "about"), ("يناهز", "about"), ("تقريبا", "about"),
        ("ما لا يقل عن", "at_least"), ("لا يقل عن", "at_least"), ("ما لا يقل على", "at_least"),
        ("على الأقل", "at_least"), ("أكثر من", "more_than"), ("ما يزيد على", "more_than"),
        ("ما يزيد عن", "more_than"), ("يزيد على", "more_than"), ("يزيد عن", "more_than"), ("أزيد من", "more_than"),
        ("ما يربو على", "more_than"), ("يربو على", "more_than"), ("يفوق", "more_than"), ("ما يفوق", "more_than"),
        ("أقل من", "less_than"), ("ما دون", "less_than"), ("لا يتجاوز", "at_most"), ("ما لا يزيد عن", "at_most"),
        ("ما لا يزيد على", "at_most"), ("لا يزيد على", "at_most"), ("لا يزيد عن", "at_most"), ("حتى", "at_most"),
        ("بحد أقصى", "at_most"), ("أكثر", "more_than"),
    ), key=lambda pb: -len(pb[0].split()))
)
_AFTER: dict[tuple[str, ...], Bound] = {
    (match_key("على"), match_key("الأقل")): "at_least", (match_key("تقريبا"),): "about",
    (match_key("تقريباً"),): "about", (match_key("على"), match_key("الأكثر")): "at_most",
}
# A number right after these is a label, not a count.
_LABEL_WORDS = frozenset(match_key(w) for w in (
    "رقم", "المادة", "مادة", "الفقرة", "البند", "الصفحة", "صفحة", "الدورة", "الجولة", "الفصل", "القرار",
    "العدد", "الطريق", "الحلقة", "الساعة", "ساعة", "الدقيقة", "الطابق", "الغرفة", "المرحلة", "النسخة",
    "الإصدار", "كود", "هاتف", "الهاتف", "جوال", "فاكس", "المركز", "الترتيب", "بند", "العام", "عام", "سنة",
    "لعام", "بعام", "وعام", "منذ", "السنة", "موديل", "الرقم",
))
_PERCENT_AFTER = (
    (match_key("بالمئة"),), (match_key("بالمائة"),), (match_key("في"), match_key("المئة")),
    (match_key("في"), match_key("المائة")), ("%",), ("٪",), (match_key("بالمئه"),),
)
# After the counted noun, these words carry on the noun phrase ("جندي أجنبي"): kept in unit_text.
_NOT_UNIT = frozenset(match_key(w) for w in (
    "في", "من", "على", "إلى", "عن", "مع", "و", "أو", "ثم", "قد", "لم", "لن", "إن", "أن", "التي", "الذي", "منذ",
    "خلال", "بين", "حتى", "عند", "بعد", "قبل", "كما", "وفق", "حسب", "بحسب", "ما", "هو", "هي", "آخرين", "اخرين",
    "أخرى", "آخر", "آخرون", "أخريات",
))


@dataclass(frozen=True)
class _NumberRun:
    start: int  # token index
    end: int  # token index, exclusive
    value: float


@lru_cache(maxsize=1)
def unit_forms() -> dict[str, str]:
    """match key of a form -> the singular, from units.tsv."""
    table: dict[str, str] = {}
    for line in UNITS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        singular, _, forms = line.partition("\t")
        for form in [singular, *forms.split("|")]:
            if form.strip():
                table.setdefault(match_key(form.strip()), singular.strip())
    return table


def _unit_of(tok: Token) -> str | None:
    """The singular of a counted noun, with clitics and tanwin alif handled."""
    forms = unit_forms()
    for _prefix, stem in clitic_candidates(tok.key):
        for candidate in (stem, stem[:-1] if stem.endswith("ا") else None):
            if candidate and candidate in forms:
                return forms[candidate]
    return None


def _is_number_token(tok: Token) -> bool:
    return tok.key[:1].isdecimal() or word_value(tok.key) is not None


def _number_runs(tokens: list[Token]) -> list[_NumberRun]:
    runs: list[_NumberRun] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        fraction = FRACTION_VALUES.get(tok.key) or (FRACTION_VALUES.get(tok.key[1:]) if tok.key[:1] == "و" else None)
        if fraction and i + 1 < n and tokens[i + 1].key[:1].isalpha():
            runs.append(_NumberRun(i, i + 1, fraction))  # "نصف السكان"
            i += 1
            continue
        if not _is_number_token(tok) or (tok.key.startswith("ال") and word_value(tok.key) is None):
            i += 1
            continue
        parts: list[tuple[float, str]] = []
        j = i
        while j < n:
            t = tokens[j]
            if t.key[:1].isdecimal():
                if parts:
                    break
                value = parse_digits(t.text)
                if value is None:
                    break
                parts.append((value, "digit"))
            else:
                wv = word_value(t.key)
                if wv is None or (j > i and not t.key.startswith("و") and wv[1] not in ("scale", "hundred", "unit", "dual_scale")):
                    break
                one = wv[0] == 1 and wv[1] in ("unit", "teen_unit")
                if one and not (j + 1 < n and tokens[j + 1].key in ("عشر", "عشره")):
                    break  # "أحد المسؤولين" (one of), "يوم واحد": a lone "one" is not a count
                if t.text.startswith(("وأ", "وإ")) and wv[0] == 1:
                    break  # "وأحد" normalises like "واحد"
                if j > i and t.key.startswith("و") and parts and parts[-1][1] == "digit":
                    break
                if wv[1] == "dual_scale" and parts:
                    parts.append((float(wv[0]) / 2, "scale"))  # "عشرين ألفا": accusative, not dual
                else:
                    parts.append((float(wv[0]), "unit" if wv[1] == "teen_unit" else wv[1]))
            j += 1
        if not parts:
            i += 1
            continue
        if len(parts) == 1 and parts[0][1] == "scale" and is_vague(tokens[i].key):
            i = j
            continue  # "آلاف المتظاهرين": thousands of, not a count
        value = combine(parts)
        if value is not None:
            runs.append(_NumberRun(i, j, value))
        i = j
    return runs


def _bound_before(tokens: list[Token], start: int) -> tuple[Bound, int]:
    for phrase, bound in _BEFORE:
        k = len(phrase)
        if start - k >= 0 and tuple(t.key for t in tokens[start - k:start]) == phrase:
            return bound, start - k
        # "بنحو" / "لنحو": a preposition glued to a one-word qualifier
        if k == 1 and start >= 1 and tokens[start - 1].key[1:] == phrase[0] and tokens[start - 1].key[0] in "بلو":
            return bound, start - 1
    return "exact", start


def _is_excluded(tokens: list[Token], run: _NumberRun, value: float) -> bool:
    first = tokens[run.start]
    before = tokens[run.start - 1].key if run.start else ""
    if before in _LABEL_WORDS or before.lstrip("و") in _LABEL_WORDS:
        return True
    if first.key[:1].isdecimal():
        raw = first.text
        digits = sum(ch.isdecimal() for ch in raw)
        if digits >= 8 and not any(sep in raw for sep in ",.٬٫"):
            return True  # phone numbers and ids
        if raw.startswith("0") and digits >= 6:
            return True
        if run.start + 1 < len(tokens) and tokens[run.start + 1].text == ":" or before == ":":
            return True  # a clock time "10:30"
        if before == "(" and run.end < len(tokens) and tokens[run.end].text == ")":
            return True  # a list marker or reference "(1)"
        if run.start and tokens[run.start - 1].key[:1].isascii() and tokens[run.start - 1].key[:1].isalpha():
            return True  # part of Latin-script text ("alert(1)", "COVID 19")
        if 1900 <= value <= 2100 and float(value).is_integer() and digits == 4:
            after = tokens[run.end] if run.end < len(tokens) else None
            return not (after is not None and _unit_of(after))  # a year, unless it counts something
    return False


def extract_quantities(
    text: str, tokens: list[Token] | None = None, times: list[TimeExpr] | None = None
) -> list[Quantity]:
    """Every count or amount in the text, dates and labels excluded. `tokens` and `times`
    may be given when the caller already has them (the pipeline does)."""
    tokens = tokenize(text) if tokens is None else tokens
    if not tokens:
        return []
    if times is None:
        times = extract_times(text, None, tokens)
    date_spans = [(t.start, t.end) for t in times]
    out: list[Quantity] = []
    for run in _number_runs(tokens):
        start_char = tokens[run.start].start
        if any(s <= start_char < e for s, e in date_spans):
            continue
        if _is_excluded(tokens, run, run.value):
            continue
        bound, q_start = _bound_before(tokens, run.start)
        end = run.end
        is_percent = False
        unit = None
        unit_text = None
        for phrase in _PERCENT_AFTER:
            k = len(phrase)
            if tuple(t.key for t in tokens[end:end + k]) == phrase:
                is_percent, unit, end = True, "%", end + k
                break
        if not is_percent and end < len(tokens):
            unit, unit_end = _unit_after(tokens, end)
            if unit is None:
                unit, unit_end = _unit_before(tokens, run.start)
                unit_end = end if unit_end is None else end
            if unit is not None and unit_end > end:
                unit_text = text[tokens[end].start:tokens[unit_end - 1].end]
                end = unit_end
        for phrase, after_bound in _AFTER.items():
            k = len(phrase)
            if tuple(t.key for t in tokens[end:end + k]) == phrase:
                bound, end = after_bound, end + k
                break
        start, stop = tokens[q_start].start, tokens[end - 1].end
        if q_start == run.start and tokens[q_start].key.startswith("و") and tokens[q_start].text[:1] == "و" \
                and not tokens[q_start].key[:1].isdecimal() and word_value(tokens[q_start].key[1:]):
            start += 1  # "وثلاثة آخرين": the conjunction is not part of the quantity
        out.append(Quantity(start, stop, text[start:stop], run.value, bound, unit, unit_text, is_percent))
    return out


def _unit_after(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """The counted noun right after the number (a known noun, else the next content word)."""
    tok = tokens[i]
    if not tok.key[:1].isalpha():
        return None, i
    known = _unit_of(tok)
    if known:
        return known, i + 1
    if tok.key in _NOT_UNIT or tok.key.startswith("ال") or len(tok.key) < 3 or word_value(tok.key):
        return None, i
    # Unknown noun: as written, without diacritics or the accusative alif.
    word = strip_diacritics(tok.text).replace("ـ", "")
    word = word[:-1] if word.endswith("ا") and len(word) > 3 else word
    return word, i + 1


def _unit_before(tokens: list[Token], i: int) -> tuple[str | None, int | None]:
    """"هجمات بلغ عددها 17": the noun before "عدد…" names what is counted."""
    lo = max(0, i - 4)
    for j in range(i - 1, lo - 1, -1):
        if tokens[j].key.startswith(("عدد", "وعدد")) and j >= 1:
            for k in range(j - 1, max(-1, j - 3), -1):
                unit = _unit_of(tokens[k])
                if unit:
                    return unit, None
    return None, None

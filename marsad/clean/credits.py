"""Who a page credits: its credit block ("المصادر: العربي، أ.ف.ب"), the agencies its body
names ("(رويترز)", "نقلت وكالة الأنباء الفرنسية"), and the photo captions that end with a
picture's credit.

Hand-written: Arabic newsroom conventions (crediting verbs, agency abbreviations in
several spellings) that a general named-entity pass does not read as credits.
"""

from __future__ import annotations

import re

from marsad.clean.lexicon import agency_pattern, agency_variants, line_key

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
    ends_sentence = re.search(r"[.؟!]$", line.strip()) and not line.strip().endswith(("أ.ف.ب", "أ.ب", "د.ب.أ"))
    if not words or len(words) > 8 or ends_sentence:
        return False
    names = split_credits(line)
    return bool(names) and all(len(n.split()) <= 4 for n in names)


# Words that credit a source right before its name (match-key forms: alef unified).
_CREDITING_WORDS = frozenset(
    "بحسب حسب وفقا وفق نقلت نقلا عن ذكرت افادت اوردت اوردته نشرته نشرت قالت اعلنت لما ل".split()
)


def agencies_credited_in(text: str, key_text: str | None = None) -> list[str]:
    """Agencies the body credits: "(رويترز)", "وفقاً لما نشرته وكالة الأنباء الفرنسية", "نقلت رويترز".

    Multi-word names ("وكالة الأنباء الفرنسية") count wherever they stand; short ones
    ("واس", "قنا") only after a crediting word or in parentheses, since they are also words.
    `key_text`: the text's line_key when the caller has it (a dump's lines keep their keys).
    """
    found: list[str] = []
    key_text = line_key(text) if key_text is None else key_text
    variants = agency_variants()
    for m in agency_pattern().finditer(" " + key_text):  # (m.start() is key_text's offset)
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


# Photo captions end with the picture's credit: "(Getty)", "(رويترز)", "(أ ف ب)", "(الأناضول)".
_CAPTION_CREDIT = re.compile(
    r"\((?:getty|getty images|afp|reuters|ap|epa|anadolu|رويترز|أ\s?ف\s?ب|أ\.ف\.ب|ا ف ب|فرانس برس|الأناضول|"
    r"[إا]\.?\s?ب\.?\s?[أا]\.?|[أا]\.?\s?ب\.?|د\.?\s?ب\.?\s?[أا]\.?|"
    r"غيتي|أرشيف|أرشيفية|مواقع التواصل|مواقع التواصل الاجتماعي|الإنترنت|وكالات|خاص|تويتر|فيسبوك|"
    r"صورة أرشيفية|صورة|الصورة|[^()]{0,25}/(?:getty|afp|reuters|رويترز))[^()]{0,30}\)\s*$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(r"^\s*(?:\(?صورة\b|الصورة\s*:|صور\s*:|Photo\s*:|Image\s*:)", re.IGNORECASE)


def is_caption(text: str) -> bool:
    """A photo caption: it ends with the picture's credit in parentheses, or starts "صورة:"."""
    if text.rstrip().endswith(")") and _CAPTION_CREDIT.search(text[-80:]):
        return True
    return bool(_CAPTION_START.match(text))


_PARENTHESISED = re.compile(r"\([^()]{1,30}\)")
MAX_DATELINE_WORDS = 10


def agency_dateline_credits(text: str) -> list[str]:
    """The agencies of a line that only credits agencies, a place in parentheses beside them:
    "أ ف ب (كابول)", "رويترز، أ.ف.ب (كابول)" — the dateline over a wire story, never its
    headline. [] for any other line."""
    if len(text.split(None, MAX_DATELINE_WORDS)) > MAX_DATELINE_WORDS:  # (a paragraph is not split whole)
        return []
    names = split_credits(_PARENTHESISED.sub(" ", text))
    variants = agency_variants()
    if not names or not all(line_key(n) in variants for n in names):
        return []
    return list(dict.fromkeys(names))


def is_agency_dateline(text: str) -> bool:
    return bool(agency_dateline_credits(text))

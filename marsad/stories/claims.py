"""Claims: what the outlets of one story say about the same count or the same date.

Quantities are grouped when they count the same thing: the same counted noun (unit), the
same describing words after it where both give some ("جندي أجنبي" and "جندي أمريكي" are
different things), and the same year when a sentence dates them. Counts one article splits
("ثماني هجمات بطائرات مسيرة بالإضافة إلى 17 هجوما صاروخيا") are added up first. Values agree
when their ranges overlap given their bounds ("نحو 3500" ~ "حوالي 3500"; "أكثر من عشرة" ~ 11).

Dates are grouped when outlets date the same statement (same speaker) or the same coded
event (same type and actors); they agree when they name the same day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.arabic.normalize import match_key
from marsad.model import Claim, ClaimValue, Doc, Quantity, Sentence, Token
from marsad.stories.terms import is_stopword, is_word, sentence_tokens

# A hedged count ("نحو", "حوالي") is taken to be within 10% of its value: outlets rounding
# the same figure (3,500 / 3,450) agree, different figures (3,500 / 2,500) do not.
ABOUT_MARGIN = 0.10
# A lower bound ("أكثر من عشرة", "ما لا يقل عن 25") is read as at most 1.5x its value:
# "more than ten" for 11 killed is ordinary wording, but "at least 25" where another outlet
# counts 50 is a 2x gap an analyst must see (the seeds' attacks claim).
BOUND_SPAN = 1.5
MAX_MODIFIERS = 4  # describing words read after the counted noun
_SUM_WORDS = ("بالاضافه الي", "اضافه الي", "فضلا عن", "علاوه علي")
_SUM_STARTS = frozenset(w.split()[0] for w in _SUM_WORDS)
_SPELLING_VARIANTS = (("اميرك", "امريك"), ("امريكيه", "امريكي"))


@dataclass(frozen=True)
class _Count:
    article: str
    head: str
    modifiers: frozenset[str]
    year: str | None
    value: float
    bound: str
    text: str
    written_about: str
    start: int
    end: int


def _variant(key: str) -> str:
    for old, new in _SPELLING_VARIANTS:
        key = key.replace(old, new)
    return key


def _word_key(token: Token) -> str:
    """A comparable form of a describing word: stem, case ending and gender dropped
    (صاروخيًا -> صاروخي, العراقية -> عراقي, بطائرات -> طائرات)."""
    key = token.stem
    if key.startswith("ب") and len(key) > 4:
        key = key[1:]
    for ending in ("يا", "يه", "يين", "يون"):
        if key.endswith(ending) and len(key) > len(ending) + 2:
            key = key[: -len(ending)] + "ي"
            break
    return _variant(key)


def _sentence_of(doc: Doc, offset: int) -> Sentence | None:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s
    return None


def _year_in(doc: Doc, sentence: Sentence | None) -> str | None:
    if sentence is None:
        return None
    for t in doc.times:
        if sentence.start <= t.start < sentence.end and t.value:
            return t.value[:4]
    return None


def _describe(doc: Doc, q: Quantity) -> _Count | None:
    sentence = _sentence_of(doc, q.start)
    if sentence is None:
        return None
    words = [t for t in sentence_tokens(sentence) if t.start >= q.end]
    if q.unit:
        head = _variant(match_key(q.unit))
        unit_keys = match_key(q.unit_text or q.unit).split()
        while words and words[0].key in unit_keys:  # the counted noun written after the span
            words = words[1:]
    else:  # no counted noun from the extractor: the word after the number
        if not words or not is_word(words[0]):
            return None
        head, words = _word_key(words[0]), words[1:]
    modifiers, end = _modifiers(words)
    end = max(end, q.end)
    text = doc.article.text
    about = (q.unit_text or q.unit or text[q.end:end]).strip()
    if modifiers and q.unit_text:
        about = f"{q.unit_text} {text[words[0].start:end]}"
    return _Count(doc.id, head, frozenset(modifiers), _year_in(doc, sentence), q.value, q.bound,
                  text[q.start:end], about, q.start, end)


def _modifiers(words: list[Token]) -> tuple[list[str], int]:
    found: list[str] = []
    end = 0
    for t in words:
        if not is_word(t):
            break
        if t.key in ("او", "و"):
            continue
        if is_stopword(t) or t.key in _SUM_STARTS or len(found) >= MAX_MODIFIERS:
            break
        found.append(_word_key(t))
        end = t.end
    return found, end


def _summed(doc: Doc, counts: list[_Count]) -> list[_Count]:
    """Counts of one thing an article splits with "بالإضافة إلى" become their sum."""
    out: list[_Count] = []
    for c in counts:
        if out:
            prev = out[-1]
            between = match_key(doc.article.text[prev.end:c.start])
            if prev.head == c.head and any(w in between for w in _SUM_WORDS):
                out[-1] = _Count(c.article, c.head, prev.modifiers | c.modifiers,
                                 c.year or prev.year, prev.value + c.value,
                                 _weaker(prev.bound, c.bound), f"{prev.text} + {c.text}",
                                 prev.written_about, prev.start, c.end)
                continue
        out.append(c)
    return out


def _weaker(a: str, b: str) -> str:
    return a if a != "exact" else b


def _range(value: float, bound: str) -> tuple[float, float]:
    if bound == "about":
        return value * (1 - ABOUT_MARGIN), value * (1 + ABOUT_MARGIN)
    if bound in ("at_least", "more_than"):
        return value, value * BOUND_SPAN
    if bound in ("at_most", "less_than"):
        return value / BOUND_SPAN, value
    return value, value


def values_agree(a: ClaimValue, b: ClaimValue) -> bool:
    if isinstance(a.value, str) or isinstance(b.value, str):
        x, y = str(a.value), str(b.value)
        n = min(len(x), len(y))
        return x[:n] == y[:n]
    lo_a, hi_a = _range(a.value, a.bound)
    lo_b, hi_b = _range(b.value, b.bound)
    return lo_a <= hi_b + 1e-9 and lo_b <= hi_a + 1e-9


def _same_thing(a: _Count, b: _Count) -> bool:
    if a.head != b.head or (a.year and b.year and a.year != b.year):
        return False
    if a.modifiers and b.modifiers:
        return bool(a.modifiers & b.modifiers)
    return not a.modifiers and not b.modifiers


def _components(items: list[_Count]) -> list[list[_Count]]:
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_head: dict[str, list[int]] = defaultdict(list)  # only counts of one noun can match
    for i, item in enumerate(items):
        by_head[item.head].append(i)
    for members in by_head.values():
        for k, i in enumerate(members):
            for j in members[k + 1:]:
                if _same_thing(items[i], items[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[_Count]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[find(i)].append(item)
    return _attach_bare(list(groups.values()))


def _attach_bare(groups: list[list[_Count]]) -> list[list[_Count]]:
    """A count with no describing words joins the one described group of its noun, if
    there is exactly one ("3500 جندي" with "3500 جندي أجنبي"); otherwise it stays apart."""
    described: dict[str, list[list[_Count]]] = defaultdict(list)
    for g in groups:
        if any(c.modifiers for c in g):
            described[g[0].head].append(g)
    out = []
    for g in groups:
        targets = described.get(g[0].head, [])
        if not any(c.modifiers for c in g) and len(targets) == 1:
            targets[0].extend(g)
        else:
            out.append(g)
    return out


def _claim(about: str, group: Iterable[tuple[float | str, str, str, str]], kind: str) -> Claim | None:
    by_value: dict[tuple[float | str, str], list[tuple[str, str]]] = defaultdict(list)
    for value, bound, article, text in group:
        by_value[(value, bound)].append((article, text))
    articles = {a for entries in by_value.values() for a, _ in entries}
    if len(articles) < 2:
        return None
    values = tuple(
        ClaimValue(value, tuple(sorted({a for a, _ in entries})), bound, entries[0][1])
        for (value, bound), entries in sorted(by_value.items(), key=lambda kv: (str(kv[0][0]), kv[0][1]))
    )
    agree = all(values_agree(a, b) for i, a in enumerate(values) for b in values[i + 1:])
    return Claim(about, values, agree, kind)  # type: ignore[arg-type]


def quantity_claims(docs: list[Doc]) -> list[Claim]:
    items: list[_Count] = []
    for doc in docs:
        counts = [c for q in sorted(doc.quantities, key=lambda q: q.start)
                  if not q.is_percent and (c := _describe(doc, q)) is not None]
        items.extend(_summed(doc, counts))
    claims = []
    for group in _components(items):
        first = min(group, key=lambda c: (c.article, c.text))
        claim = _claim(first.written_about, ((c.value, c.bound, c.article, c.text) for c in group),
                       "quantity")
        if claim is not None:
            claims.append(claim)
    return claims


def _dated_statements(doc: Doc) -> Iterable[tuple[tuple, str, str, str]]:
    """(group key, about, date, source sentence) for statements and events with a day."""
    for sentence in doc.sentences:
        day = next((t for t in doc.times if sentence.start <= t.start < sentence.end
                    and t.value and len(t.value) == 10), None)
        if day is None:
            continue
        for q in doc.quotes:
            if sentence.start <= q.start < sentence.end and (q.speaker or q.speaker_text):
                who = q.speaker or match_key(q.speaker_text or "")
                yield ("statement", who), f"تصريح {q.speaker_text or q.speaker}", day.value, sentence.text
                break
        for e in doc.events:
            if sentence.start <= e.start < sentence.end and e.actors:
                key = (e.type, tuple(sorted(match_key(a) for a in e.actors + e.targets)))
                about = f"{e.trigger} {' '.join(e.actor_texts or e.actors)}".strip()
                yield key, about, day.value, sentence.text


def date_claims(docs: list[Doc]) -> list[Claim]:
    groups: dict[tuple, list[tuple[str, str, str, str]]] = defaultdict(list)
    about: dict[tuple, str] = {}
    for doc in sorted(docs, key=lambda d: d.id):
        seen = set()
        for key, label, value, text in _dated_statements(doc):
            if (key, value) in seen:
                continue
            seen.add((key, value))
            about.setdefault(key, label)
            groups[key].append((value, "exact", doc.id, text))
    claims = []
    for key in sorted(groups, key=str):
        claim = _claim(about[key], groups[key], "date")
        if claim is not None:
            claims.append(claim)
    return claims


def story_claims(docs: list[Doc]) -> list[Claim]:
    """Quantity and date claims across a story's articles; conflicts first."""
    claims = quantity_claims(docs) + date_claims(docs)
    return sorted(claims, key=lambda c: (c.agree, c.kind, c.about))

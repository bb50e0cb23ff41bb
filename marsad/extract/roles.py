"""Roles ("رئيس الوزراء العراقي مصطفى الكاظمي") and role-only references that point back
to the person ("رئيس الوزراء العراقي" alone, later in the text).

Hand-written: Arabic titles precede the name in a fixed construct (head noun + iḍāfa
complements + nisba adjectives), which a short scan over the words before a PER mention
recovers reliably, and no library models it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import match_key
from marsad.model import Doc, Mention
from marsad.settings import PACKAGE_DIR

ROLES_FILE = PACKAGE_DIR / "arabic" / "lexicon" / "roles.tsv"
# A role phrase runs from its head word to the name: at most this many words (the longest
# in our fixtures, "مساعد وزير الخارجية الأميركية لشؤون الشرق الأدنى بالإنابة", is 8).
MAX_ROLE_WORDS = 9
_WORD = re.compile(r"\S+")
# Words that end a role phrase: verbs of saying/meeting and conjunctions that open a clause.
_BREAKERS = frozenset(match_key(w) for w in (
    "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "التقى", "التقت", "بحث", "استقبل", "إن", "أن", "إلى",
    "على", "عن", "بعد", "قبل", "مع", "الذي", "التي", "حيث", "كما", "لكن", "وقال", "وقالت", "وأكد", "أمس",
    "اليوم", "الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء",
))


@dataclass(frozen=True)
class RoleHead:
    words: tuple[str, ...]  # match keys
    short_refs: tuple[str, ...]  # match keys of phrases that may later stand for the person


@lru_cache(maxsize=1)
def role_heads() -> tuple[RoleHead, ...]:
    heads = []
    for line in ROLES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, _, refs = line.partition("\t")
        heads.append(RoleHead(tuple(match_key(head).split()),
                              tuple(match_key(r) for r in refs.split("|") if r.strip())))
    return tuple(sorted(heads, key=lambda h: -len(h.words)))


def _strip_conj(key: str) -> str:
    """"ووزير" -> "وزير", "والمتحدثة" -> "المتحدثة": the conjunction glued to a role head."""
    return key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key


@lru_cache(maxsize=1)
def _heads_by_first() -> dict[str, tuple[RoleHead, ...]]:
    """Role heads indexed by their first word (longest first): one dict lookup per word."""
    index: dict[str, list[RoleHead]] = {}
    for head in role_heads():
        index.setdefault(head.words[0], []).append(head)
    return {k: tuple(v) for k, v in index.items()}


def _head_at(keys: list[str], i: int) -> RoleHead | None:
    table = _heads_by_first()
    candidates = table.get(keys[i], ()) + table.get(_strip_conj(keys[i]), ())
    for head in candidates:
        n = len(head.words)
        if i + n > len(keys) or keys[i + 1:i + n] != list(head.words[1:]):
            continue
        if keys[i] == head.words[0] or _strip_conj(keys[i]) == head.words[0]:
            return head
    return None


def _glued_conj(key: str, head: RoleHead) -> bool:
    return key != head.words[0] and _strip_conj(key) == head.words[0]


def role_before(text: str, window_start: int, mention_start: int) -> tuple[int, str, RoleHead] | None:
    """The role phrase that ends right before a name: (start offset, phrase, head)."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, window_start, mention_start)]
    words = words[-MAX_ROLE_WORDS:]
    keys = [match_key(w.strip("،,:؛\"«»()")) for _, _, w in words]
    # Nothing between the role and the name may end a sentence or open a clause.
    for i in range(len(words)):
        head = _head_at(keys, i)
        if head is None:
            continue
        tail = keys[i + len(head.words):]
        if any(k in _BREAKERS for k in tail) or any(w.endswith((".", "؟", ":")) for _, _, w in words[i:]):
            continue
        start = words[i][0] + (1 if _glued_conj(keys[i], head) else 0)
        phrase = text[start:words[-1][1]].strip(" ،,")
        return start, phrase, head
    return None


def role_after(text: str, mention_end: int, sentence_end: int) -> tuple[str, RoleHead] | None:
    """An appositive role after the name: "جوي هود، مساعد وزير الخارجية، ..."."""
    rest = text[mention_end:sentence_end]
    m = re.match(r"\s*[،,]\s*([^،,.؟:\"«]{3,120})", rest)
    if not m:
        return None
    phrase = m.group(1).strip()
    keys = [match_key(w) for w in phrase.split()][:MAX_ROLE_WORDS]
    head = _head_at(keys, 0)
    if head is None or any(k in _BREAKERS for k in keys[len(head.words):]):
        return None
    return " ".join(phrase.split()[:MAX_ROLE_WORDS]), head


def attach_roles(doc: Doc) -> list[Mention]:
    """The doc's mentions with roles attached, plus role-only mentions that refer back to
    a person named earlier with that role (they carry `antecedent`, the person's name)."""
    text = doc.article.text
    mentions = sorted(doc.mentions, key=lambda m: m.start)
    out: list[Mention] = []
    people: list[tuple[Mention, RoleHead]] = []
    previous_end = 0
    sentence_ends = [s.end for s in doc.sentences] or [len(text)]
    for m in mentions:
        found_role = None
        head = None
        if m.type == "PER" and m.role is None:
            window = max(previous_end, _sentence_start(doc, m.start))
            before = role_before(text, window, m.start)
            if before:
                _, found_role, head = before
            else:
                end = next((e for e in sentence_ends if e >= m.end), len(text))
                after = role_after(text, m.end, end)
                if after:
                    found_role, head = after
        if found_role:
            m = dataclasses.replace(m, role=found_role)
            people.append((m, head))  # type: ignore[arg-type]
        out.append(m)
        if m.type == "PER":  # organisations and places may sit inside the next role phrase
            previous_end = max(previous_end, m.end)
    out += role_references(doc, out, people)
    return sorted(out, key=lambda m: (m.start, m.end))


def _sentence_start(doc: Doc, offset: int) -> int:
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.start
    return max(0, doc.article.text.rfind("\n", 0, offset) + 1)


def role_references(doc: Doc, mentions: list[Mention], people: list[tuple[Mention, RoleHead]]) -> list[Mention]:
    """Later phrases that name a role alone ("رئيس الوزراء العراقي", "المتحدثة") and so refer
    to the one person introduced with it. Ambiguous phrases (two people share them) are skipped."""
    text = doc.article.text
    key_owner: dict[str, Mention | None] = {}
    for person, head in people:
        for phrase in {_full_role_key(person.role or ""), *head.short_refs}:
            if not phrase:
                continue
            owner = key_owner.get(phrase, person)
            same = owner is not None and match_key(owner.text) == match_key(person.text)
            key_owner[phrase] = person if same else None
    taken = [(m.start, m.end) for m in mentions]
    refs: list[Mention] = []
    # Longest phrases first: "رئيس الوزراء الليبي" before the bare "رئيس الوزراء".
    for phrase_key, person in sorted(key_owner.items(), key=lambda kv: -len(kv[0])):
        if person is None:
            continue
        for start, end in _find_phrase(text, phrase_key, after=person.end):
            if any(s < end and start < e for s, e in taken):
                continue  # part of a mention or of a role + name construct
            if _followed_by_name(mentions, end) or _preceded_by_name(mentions, start, text):
                continue  # "role + name" or an appositive "name، role"
            refs.append(Mention(start, end, text[start:end], "PER", role=person.role, source="role",
                                antecedent=person.text))
            taken.append((start, end))
    return refs


def _full_role_key(role: str) -> str:
    return match_key(role)


def _find_phrase(text: str, phrase_key: str, after: int) -> list[tuple[int, int]]:
    """Occurrences of a phrase (compared on match keys, a glued و/ف allowed) after `after`."""
    words = [(m.start(), m.end(), match_key(m.group().strip("،,.:؛\"«»()"))) for m in _WORD.finditer(text, after)]
    target = phrase_key.split()
    n = len(target)
    found = []
    for i in range(len(words) - n + 1):
        first = words[i][2]
        if first != target[0] and _strip_conj(first) != target[0]:
            continue
        if [w[2] for w in words[i + 1:i + n]] == target[1:]:
            start = words[i][0] + (0 if first == target[0] else 1)
            end = words[i + n - 1][1]
            while end > start and text[end - 1] in "،,.:؛\"«»()":
                end -= 1
            found.append((start, end))
    return found


def _preceded_by_name(mentions: list[Mention], start: int, text: str) -> bool:
    return any(m.type == "PER" and m.source != "role" and 0 <= start - m.end <= 3
               and not text[m.end:start].strip(" ،,") for m in mentions)


def _followed_by_name(mentions: list[Mention], end: int) -> bool:
    return any(m.type == "PER" and 0 <= m.start - end <= 2 for m in mentions)


# --- names the tagger missed after a title -------------------------------------------------

STOPWORDS_FILE = PACKAGE_DIR / "arabic" / "lexicon" / "stopwords.tsv"
_NAME_WORD = re.compile(r"[\u0621-\u064a]{2,}")


@lru_cache(maxsize=200_000)
def _word_key(word: str) -> str:
    return match_key(word.strip("،,:؛\"«»“”()"))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    words = set(_BREAKERS)
    for line in STOPWORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(match_key(line.strip()))
    return frozenset(words)


def names_after_titles(doc: Doc) -> list[Mention]:
    """A two-word name set off right after a title ("مساعد وزير الخارجية ... ، جوي هود، أن",
    "... بالإنابة "جوي هود"") is a person even where the tagger missed it: the name must be
    followed by a comma, a closing quote or أن/إن, and neither word may be a function word
    or carry the article."""
    text = doc.article.text
    taken = [(m.start, m.end) for m in doc.mentions]
    found: list[Mention] = []
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    keys = [_word_key(w) for _, _, w in words]
    table = _heads_by_first()
    for i in range(len(words)):
        if keys[i] not in table and _strip_conj(keys[i]) not in table:
            continue
        head = _head_at(keys, i)
        if head is None:
            continue
        end_of_title = words[min(len(words) - 1, i + MAX_ROLE_WORDS - 1)][1]
        for j in range(i + len(head.words), min(len(words) - 1, i + MAX_ROLE_WORDS)):
            first, second = words[j], words[j + 1]
            if not (_NAME_WORD.fullmatch(first[2].strip("،,\"«“")) and _NAME_WORD.fullmatch(second[2].strip("،,\"»”"))):
                continue
            set_off = words[j - 1][2].endswith(("،", ",")) or first[2][:1] in "\"«“"
            if not set_off:
                continue  # the name is set off from the title by a comma or a quote
            after = text[second[1] - 1:second[1] + 6]
            k1, k2 = keys[j], keys[j + 1]
            if k1.startswith("ال") or k1 in _function_words() or k2 in _function_words():
                continue
            if not (after[:1] in "،,\"»”" or keys[j + 2:j + 3] in (["ان"], ["إن"])):
                continue
            start = first[0] + (1 if first[2][:1] in "\"«“" else 0)
            stop = second[1]
            while stop > start and text[stop - 1] in "،,\"»”":
                stop -= 1
            if start < end_of_title + 40 and not any(s < stop and start < e for s, e in taken):
                found.append(Mention(start, stop, text[start:stop], "PER", source="title"))
                taken.append((start, stop))
            break
    return found

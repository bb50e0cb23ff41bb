"""Roles ("رئيس الوزراء العراقي مصطفى الكاظمي") and role-only references that point back
to the person ("رئيس الوزراء العراقي" alone, later in the text).

Hand-written: Arabic titles precede the name in a fixed construct (head noun + iḍāfa
complements + nisba adjectives), which a short scan over the words before a PER mention
recovers reliably, and no library models it.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from operator import add

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import token_keys
from marsad.arabic.words import word_class
from marsad.extract.mention_filter import clean_mention
from marsad.model import Doc, Mention
from marsad.run.caching import TOKEN_CACHE_SIZE, WordCache
from marsad.settings import PACKAGE_DIR

ROLES_FILE = PACKAGE_DIR / "arabic" / "lexicon" / "roles.tsv"
# A role phrase runs from its head word to the name: at most this many words (the longest
# in our fixtures, "مساعد وزير الخارجية الأميركية لشؤون الشرق الأدنى بالإنابة", is 8).
MAX_ROLE_WORDS = 9
_WORD = re.compile(r"\S+")
# Words that end a role phrase: verbs of saying/meeting and conjunctions that open a clause.
_BREAKERS = word_class("role_breaker")


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


@lru_cache(maxsize=1)
def role_first_words() -> frozenset[str]:
    """The keys that can open a role phrase: a head's first word, also with a glued و/ف
    (`k in` this set is `k in table or _strip_conj(k) in table`, one set look-up)."""
    table = _heads_by_first()
    glued = {conj + key for key in table for conj in ("و", "ف") if len(conj + key) > 3}
    return frozenset(table) | frozenset(glued)


def _glued_conj(key: str, head: RoleHead) -> bool:
    return key != head.words[0] and _strip_conj(key) == head.words[0]


Word = tuple[int, int, str]  # (start, end, text) of a whitespace-separated word
_plus_one = (1).__add__


def split_words(text: str) -> tuple[list[str], list[int], list[int]]:
    """The words `_WORD.finditer(text)` finds, as (texts, starts, ends). News paragraphs are
    one blank line apart and their words one space apart, so within a paragraph each word
    starts one character after the previous one ends: C-level splits and running sums
    instead of a match object per word. Other spacing takes the regex."""
    texts: list[str] = []
    starts: list[int] = []
    pos = 0
    for paragraph in text.split("\n\n"):
        words = paragraph.split()
        if words and len(paragraph) == sum(map(len, words)) + len(words) - 1:  # single spaces only
            starts += accumulate(map(_plus_one, map(len, words[:-1])), initial=pos)
            texts += words
        elif words:
            for m in _WORD.finditer(paragraph):
                starts.append(pos + m.start())
                texts.append(m.group())
        pos += len(paragraph) + 2
    return texts, starts, list(map(add, starts, map(len, texts)))


# Punctuation each scan strips from a word's edges before comparing its match key.
_ROLE_PUNCT = "،,:؛\"«»()"  # words before a name
_PHRASE_PUNCT = "،,.:؛\"«»()"  # role-only references
_TITLE_PUNCT = "،,:؛\"«»“”()"  # titles before an untagged name
# Bare word -> match key, shared by the scans, in a bounded cache (`marsad.run.caching`) whose
# recent generation is a plain dict, so that a text's words are keyed by one C-level
# map(dict.get). Sized as the tokenizer's caches: every word of every text is looked up.
_bare_keys: WordCache[str, str] = WordCache(TOKEN_CACHE_SIZE)


def word_keys(words: list[str], punct: str) -> list[str]:
    """match_key(word.strip(punct)) of each word. A new word usually is a token of the text,
    whose key the tokenizer has cached (`token_keys`)."""
    return _bare_keys.get_many(list(map(str.strip, words, repeat(punct))), _bare_key)


def _bare_key(word: str) -> str:
    return token_keys(word)[0]


class DocWords:
    """One text's words with their offsets and keys, split once per doc, so that each role
    phrase is looked up in them instead of re-reading the text."""

    def __init__(self, text: str) -> None:
        self.texts, self.starts, self.ends = split_words(text)
        self._phrase_keys: list[str] | None = None

    def phrase_keys(self) -> list[str]:
        """Each word's key as role-only references are compared (made on first use)."""
        if self._phrase_keys is None:
            self._phrase_keys = word_keys(self.texts, _PHRASE_PUNCT)
        return self._phrase_keys


# Characters read back from a name for its role: nine words of news Arabic take ~70.
_ROLE_LOOKBACK = 160


def _last_words(text: str, window_start: int, end: int) -> list[Word]:
    """The last MAX_ROLE_WORDS words of `_WORD.finditer(text, window_start, end)`, read from
    a stretch before `end` that is widened until it holds more words than that (then the
    one it may cut is not among them) or reaches `window_start`."""
    lookback = _ROLE_LOOKBACK
    while True:
        start = max(window_start, end - lookback)
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
        if start == window_start or len(words) > MAX_ROLE_WORDS:
            return words[-MAX_ROLE_WORDS:]
        lookback *= 2


def role_before(text: str, window_start: int, mention_start: int) -> tuple[int, str, RoleHead] | None:
    """The role phrase that ends right before a name: (start offset, phrase, head)."""
    words = _last_words(text, window_start, mention_start)
    keys = word_keys([w for _, _, w in words], _ROLE_PUNCT)
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
    sentence_starts = [s.start for s in doc.sentences]
    sentence_ends = [s.end for s in doc.sentences] or [len(text)]
    for m in mentions:
        found_role = None
        head = None
        if m.type == "PER" and m.role is None:
            window = max(previous_end, _sentence_start(doc, m.start, sentence_starts))
            before = role_before(text, window, m.start)
            if before:
                _, found_role, head = before
            else:
                # sentences are in text order, so their ends ascend
                k = bisect_left(sentence_ends, m.end)
                end = sentence_ends[k] if k < len(sentence_ends) else len(text)
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


def _sentence_start(doc: Doc, offset: int, starts: list[int]) -> int:
    """Start of the sentence holding `offset` (`starts`: the doc's sentence starts, ascending)."""
    k = bisect_right(starts, offset) - 1
    if k >= 0 and offset < doc.sentences[k].end:
        return starts[k]
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
    words: DocWords | None = None  # made for the first phrase looked for
    # Longest phrases first: "رئيس الوزراء الليبي" before the bare "رئيس الوزراء".
    for phrase_key, holder in sorted(key_owner.items(), key=lambda kv: -len(kv[0])):
        if holder is None:
            continue
        words = words or DocWords(text)
        for start, end in _find_phrase(text, phrase_key, after=holder.end, words=words):
            if any(s < end and start < e for s, e in taken):
                continue  # part of a mention or of a role + name construct
            if _followed_by_name(mentions, end) or _preceded_by_name(mentions, start, text):
                continue  # "role + name" or an appositive "name، role"
            refs.append(Mention(start, end, text[start:end], "PER", role=holder.role, source="role",
                                antecedent=holder.text))
            taken.append((start, end))
    return refs


def _full_role_key(role: str) -> str:
    return match_key(role)


def _find_phrase(text: str, phrase_key: str, after: int, words: DocWords | None = None) -> list[tuple[int, int]]:
    """Occurrences of a phrase (compared on match keys, a glued و/ف allowed) after `after`."""
    words = words or DocWords(text)
    target = phrase_key.split()
    n = len(target)
    keys = words.phrase_keys()
    lo = bisect_right(words.ends, after)  # the first word that ends after `after`
    glued = {conj + target[0] for conj in ("و", "ف") if len(target[0]) > 2}  # what _strip_conj takes off
    candidates = _positions_of(keys, frozenset({target[0], *glued}), lo)
    cut = lo < len(keys) and words.starts[lo] < after
    if cut:  # `after` falls inside word lo: its part after the cut is tried, whatever its key
        candidates = [lo] + [i for i in candidates if i != lo]
    found = []
    for i in candidates:
        if i > len(keys) - n:
            break
        first = keys[i]
        start = words.starts[i]
        if cut and i == lo:
            first = word_keys([words.texts[i][after - start:]], _PHRASE_PUNCT)[0]
            start = after
            if first != target[0] and _strip_conj(first) != target[0]:
                continue
        if keys[i + 1:i + n] == target[1:]:
            start += 0 if first == target[0] else 1
            end = words.ends[i + n - 1]
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


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Match keys of function words (lexicon/stopwords.tsv) and of the words that end a role phrase."""
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
    found: list[Mention] = []
    texts = text.split()  # the words of `_WORD`; their offsets are needed only for a find
    keys = word_keys(texts, _TITLE_PUNCT)
    taken = [(m.start, m.end) for m in doc.mentions]
    bounds: tuple[list[str], list[int], list[int]] | None = None
    for i in _positions_of(keys, role_first_words()):
        head = _head_at(keys, i)
        if head is None:
            continue
        for j in range(i + len(head.words), min(len(texts) - 1, i + MAX_ROLE_WORDS)):
            first, second = texts[j], texts[j + 1]
            if not (_NAME_WORD.fullmatch(first.strip("،,\"«“")) and _NAME_WORD.fullmatch(second.strip("،,\"»”"))):
                continue
            set_off = texts[j - 1].endswith(("،", ",")) or first[:1] in "\"«“"
            if not set_off:
                continue  # the name is set off from the title by a comma or a quote
            k1, k2 = keys[j], keys[j + 1]
            if k1.startswith("ال") or k1 in function_words() or k2 in function_words():
                continue
            if not (second[-1:] in "،,\"»”" or keys[j + 2:j + 3] in (["ان"], ["إن"])):
                continue
            _, starts, ends = bounds = bounds or split_words(text)
            end_of_title = ends[min(len(texts) - 1, i + MAX_ROLE_WORDS - 1)]
            start = starts[j] + (1 if first[:1] in "\"«“" else 0)
            stop = ends[j + 1]
            while stop > start and text[stop - 1] in "،,\"»”":
                stop -= 1
            # An honorific set off after a title ("الأمير نايف، رحمه الله،") is no name.
            name = clean_mention(Mention(start, stop, text[start:stop], "PER", source="title"))
            if name and start < end_of_title + 40 and not any(s < stop and start < e for s, e in taken):
                found.append(name)
                taken.append((name.start, name.end))
            break
    return found


def _positions_of(keys: list[str], wanted: frozenset[str], start: int = 0) -> list[int]:
    """Indexes from `start` on of the keys that are in `wanted`, ascending (the test runs
    in C, key by key)."""
    return list(compress(count(start), map(wanted.__contains__, keys[start:])))

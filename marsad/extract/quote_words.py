"""The word lists and quoted spans quote extraction reads (`marsad.extract.quotes`):
reporting verbs and speaker heads (lexicon/reporting_verbs.tsv, speaker_heads.tsv), and
the quoted statements of a text, less quoted names and titles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates
from marsad.arabic.words import word_class
from marsad.model import Mention, Token

# Direct quotes: “...” «...» and straight "..." pairs, within one paragraph.
_QUOTED = re.compile(r"“([^“”\n]+)”|«([^«»\n]+)»|\"([^\"\n]+)\"|”([^“”\n]+)“")
# Names and scare quotes ("داعش", "جوي هود", "غاضبة", "العربي الجديد") are one or two
# words; every quoted statement in the seeds and the fixtures has four or more.
MIN_QUOTE_WORDS = 3
# A quoted phrase right after these is a name of a work, a campaign or a case ("فيلم «...»").
_TITLE_WORDS = word_class("quoted_title_word")


@dataclass(frozen=True)
class ReportingWord:
    kind: str  # verb | participle | call | continuation | source
    strict: bool


def load_word_list(name: str) -> list[str]:
    text = (resources.files("marsad.arabic") / "lexicon" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def reporting_words() -> dict[str, ReportingWord]:
    words = {}
    for line in load_word_list("reporting_verbs.tsv"):
        form, kind, strict = line.split("\t")
        words[match_key(form)] = ReportingWord(kind, strict == "1")
    return words


@cache
def speaker_heads() -> dict[str, str]:
    return {match_key(w): kind for w, kind in (ln.split("\t") for ln in load_word_list("speaker_heads.tsv"))}


def reporting_word(token: Token) -> ReportingWord | None:
    """The lexicon entry for a token, allowing a conjunction (و/ف) glued in front."""
    return reporting_entry(token.key)


@cache
def reporting_forms() -> frozenset[str]:
    """Every key `reporting_entry` can find: a lexicon word, bare or after و/ف. A set
    look-up passes over the other tokens without splitting their clitics."""
    words = reporting_words()
    return frozenset(words) | {conj + w for w in words for conj in ("و", "ف")}


@lru_cache(maxsize=20_000)
def reporting_entry(key: str) -> ReportingWord | None:
    words = reporting_words()
    for prefix, stem in clitic_candidates(key):
        if prefix in ("", "و", "ف") and stem in words:
            return words[stem]
    return None


@dataclass(frozen=True)
class Direct:
    start: int
    end: int

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def direct_quotes(text: str) -> list[Direct]:
    found = []
    for m in _QUOTED.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        direct = Direct(m.start(group), m.end(group))
        if direct.words(text) >= MIN_QUOTE_WORDS:
            found.append(direct)
    return found



def names_a_thing(text: str, d: Direct, mentions: tuple[Mention, ...]) -> bool:
    """A quoted phrase no one is said to say that is a name, not a statement: all names
    («ياسر القحطاني، نواف العابد»), a list of single words («سكري، برحي، شقراء») or the
    title of a work after its kind ("فيلم «يا تحب يا تقب»")."""
    rest = text[d.start:d.end]
    for m in mentions:
        if d.start <= m.start and m.end <= d.end:
            rest = rest.replace(m.text, " ")
    if not [w for w in re.split(r"[\s،,.]+", rest) if w and match_key(w) != "و"]:
        return True
    items = [i.split() for i in re.split(r"[،,]", text[d.start:d.end])]
    if len(items) >= 3 and all(len(i) == 1 for i in items):
        return True
    before = text[max(0, d.start - 30):d.start - 1].split()
    return bool(before) and match_key(before[-1]).removeprefix("ال") in _TITLE_WORDS


"""Quotes: direct speech in quotation marks and reported speech after reporting verbs.

Arabic news attributes speech in a few fixed shapes, which a rule pass handles well:
- VSO: "وقالت المتحدثة باسم البيت الأبيض جين ساكي إن ..." (verb, speaker, إن/أن, clause);
- SVO: "البيان أضاف أن ..." (speaker before the verb);
- continuation: "وأضاف أن ..." / "وتابع: «...»" / "..., مضيفا «...»" keep the last speaker;
- source phrase: "«...»، بحسب بيان لمكتب رئيس الوزراء" / "ووفق بيان للحكومة، فإن ...".
The speaker is a linked mention (PER -> "entity", ORG -> "institution"), an unnamed source
("مسؤول حكومي عراقي" -> "anonymous") or an office and its statement ("institution").
Word lists: lexicon/reporting_verbs.tsv and lexicon/speaker_heads.tsv.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import compress, count
from operator import attrgetter

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates, split_sentences
from marsad.arabic.words import word_class
from marsad.model import Doc, Quote, Sentence, Token

# Direct quotes: “...” «...» and straight "..." pairs, within one paragraph.
_QUOTED = re.compile(r"“([^“”\n]+)”|«([^«»\n]+)»|\"([^\"\n]+)\"|”([^“”\n]+)“")
# Names and scare quotes ("داعش", "جوي هود", "غاضبة", "العربي الجديد") are one or two
# words; every quoted statement in the seeds and the fixtures has four or more.
MIN_QUOTE_WORDS = 3
# The speaker between a verb and its إن/أن: the longest in the seeds is "مساعد وزير الخارجية
# الأميركية لشؤون الشرق الأدنى بالإنابة «جوي هود»،" (9 words); 14 leaves room for a place or
# time phrase and stops short of taking a clause for a speaker.
MAX_SPEAKER_WORDS = 14
# Subject before the verb (SVO): "حكومتا البلدين قالتا" is 2 words; longer spans before a
# verb are fronted time or place phrases ("وأول من أمس الثلاثاء، أكد").
MAX_SUBJECT_WORDS = 6
_COMPLEMENTIZERS = word_class("complementizer")
_CALL_OBJECT = "الي"  # دعا ... إلى
_WEEKDAYS = word_class("weekday")
_SPEAKER_CUT = word_class("speaker_cut") | _WEEKDAYS
# Words that can sit between a verb and its content without naming anyone ("وأكد على ...",
# "وأضاف أيضا أن ..."): a region of only these is a continuation of the last speaker.
_PRONOUN_FILLERS = word_class("speaker_filler")


_NO_QUOTE_MARKS = str.maketrans("", "", "\"“”«»")
_START, _END, _KEY = attrgetter("start"), attrgetter("end"), attrgetter("key")


@dataclass(frozen=True)
class ReportingWord:
    kind: str  # verb | participle | call | continuation | source
    strict: bool


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    text: str | None
    kind: str | None

    @property
    def known(self) -> bool:
        return bool(self.entity or self.text)


_NOBODY = Speaker(None, None, None)


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
    return _reporting_entry(token.key)


@cache
def _reporting_forms() -> frozenset[str]:
    """Every key `_reporting_entry` can find: a lexicon word, bare or after و/ف. A set
    look-up passes over the other tokens without splitting their clitics."""
    words = reporting_words()
    return frozenset(words) | {conj + w for w in words for conj in ("و", "ف")}


@lru_cache(maxsize=20_000)
def _reporting_entry(key: str) -> ReportingWord | None:
    words = reporting_words()
    for prefix, stem in clitic_candidates(key):
        if prefix in ("", "و", "ف") and stem in words:
            return words[stem]
    return None


def _is_word(token: Token) -> bool:
    return token.key[:1].isalpha()


@dataclass(frozen=True)
class _Direct:
    start: int
    end: int

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def direct_quotes(text: str) -> list[_Direct]:
    found = []
    for m in _QUOTED.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        direct = _Direct(m.start(group), m.end(group))
        if direct.words(text) >= MIN_QUOTE_WORDS:
            found.append(direct)
    return found


class _Extractor:
    """One document's pass: sentences in order, remembering the last speaker."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.article.text
        self.directs = direct_quotes(self.text)
        # Quoted statements do not overlap and come in text order: their starts and their
        # ends both ascend.
        self.direct_starts = [d.start for d in self.directs]
        self.direct_ends = [d.end for d in self.directs]
        self.mentions = sorted((m for m in doc.mentions if m.type in ("PER", "ORG")),
                               key=lambda m: m.start)
        self.last = _NOBODY
        self.quotes: list[Quote] = []
        self.used: set[tuple[int, int]] = set()

    def run(self) -> list[Quote]:
        sentences = self.doc.sentences or tuple(split_sentences(self.text))
        for sentence in sentences:
            self.sentence(sentence)
        for d in self.directs:  # quoted statements no verb or source phrase claims
            if (d.start, d.end) not in self.used:
                self.emit(d.start, d.end, _NOBODY, True, remember=False)
        return sorted(self.quotes, key=lambda q: (q.start, q.end))

    # --- one sentence -----------------------------------------------------------------

    def sentence(self, sentence: Sentence) -> None:
        tokens = self.outside_directs(sentence)
        keys = list(map(_KEY, tokens))
        maybe = compress(count(), map(_reporting_forms().__contains__, keys))
        triggers = [(i, w) for i in maybe if (w := _reporting_entry(keys[i])) and self.usable(w, tokens, i)]
        for n, (i, word) in enumerate(triggers):
            clause_end = tokens[triggers[n + 1][0]].start if n + 1 < len(triggers) else sentence.end
            if word.kind == "source":
                self.source_phrase(tokens, i, sentence, clause_end)
            else:
                self.reported(tokens, i, word, clause_end)

    def outside_directs(self, sentence: Sentence) -> list[Token]:
        """The sentence's tokens that are not inside a quoted statement. The tokens inside
        one are a run (starts and ends both ascend), cut out by bisection."""
        tokens = sentence.tokens
        lo = bisect_right(self.direct_ends, sentence.start)  # the first direct ending inside or after it
        hi = bisect_left(self.direct_starts, sentence.end)  # directs from hi on start after it
        if lo >= hi:
            return list(tokens)
        starts, ends = list(map(_START, tokens)), list(map(_END, tokens))
        kept: list[Token] = []
        pos = 0
        for d in self.directs[lo:hi]:
            first = bisect_left(starts, d.start, pos)  # the first token starting inside d
            stop = bisect_right(ends, d.end, first)  # tokens before it end inside d
            kept += tokens[pos:first]
            pos = max(first, stop)
        kept += tokens[pos:]
        return kept

    @staticmethod
    def usable(word: ReportingWord, tokens: list[Token], i: int) -> bool:
        if not word.strict:
            return True
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is not None and (nxt.key in _COMPLEMENTIZERS or nxt.text == ":")

    def reported(self, tokens: list[Token], i: int, word: ReportingWord, clause_end: int) -> None:
        """A reporting verb or participle at tokens[i]: find its speaker and content."""
        stop = self.content_start(tokens, i, word, clause_end)
        if stop is None:
            return
        boundary, content_from = stop
        region = tokens[i + 1:boundary]
        if word.kind in ("participle", "continuation"):
            speaker = self.last
        else:
            speaker = self.speaker(region) if self.has_words(region) else _NOBODY
            if not speaker.known:
                speaker = self.subject_before(tokens, i) or self.last
        self.content(content_from, clause_end, speaker)

    def content_start(self, tokens: list[Token], i: int, word: ReportingWord,
                      clause_end: int) -> tuple[int, int] | None:
        """(index of the token ending the speaker region, offset where the content starts)."""
        words = 0
        for j in range(i + 1, len(tokens)):
            t = tokens[j]
            if t.start >= clause_end:
                break
            if t.key in _COMPLEMENTIZERS or (word.kind == "call" and t.key == _CALL_OBJECT):
                return j, t.end
            if t.text == ":":
                return j, t.end
            direct = self.direct_at(t.end)
            if direct is not None:
                return j, direct.start - 1
            words += _is_word(t)
            if words > MAX_SPEAKER_WORDS:
                break
        return None

    def direct_at(self, offset: int) -> _Direct | None:
        """A quoted statement whose opening mark ends at `offset`."""
        for d in self.directs:
            if d.start == offset:
                return d
        return None

    def content(self, start: int, end: int, speaker: Speaker) -> None:
        """Emit the quoted statements that open the clause, else the reported clause."""
        while start < end and (self.text[start].isspace() or self.text[start] in "،,"):
            start += 1
        leading = [d for d in self.directs if start <= d.start <= start + 2]
        if leading:
            for d in (x for x in self.directs if start <= x.start < end):
                self.emit(d.start, d.end, speaker, True)
            return
        end = self.trim_end(start, end)
        if len(self.text[start:end].split()) >= MIN_QUOTE_WORDS:
            self.emit(start, end, speaker, False)

    def trim_end(self, start: int, end: int) -> int:
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".،,؛;"):
            end -= 1
        return end

    def source_phrase(self, tokens: list[Token], i: int, sentence: Sentence, clause_end: int) -> None:
        """"بحسب بيان لمكتب رئيس الوزراء": attributes the quotes before it in the sentence,
        or, at the start of a sentence ("ووفق بيان للحكومة، فإن ..."), the clause after."""
        phrase = []
        for t in tokens[i + 1:]:
            if t.text in ("،", ",", ".") or t.start >= clause_end:
                break
            phrase.append(t)
        if not phrase:
            return
        speaker = self.speaker(phrase)
        if not speaker.known:
            return
        before = [d for d in self.directs
                  if sentence.start <= d.start < tokens[i].start and (d.start, d.end) not in self.used]
        if before:
            for d in before:
                self.emit(d.start, d.end, speaker, True)
            return
        after = next((t for t in tokens[i + 1:] if t.key in _COMPLEMENTIZERS), None)
        if after is not None and self.has_words(tokens[:i]) is False:
            self.content(after.end, clause_end, speaker)

    # --- speakers -----------------------------------------------------------------------

    @staticmethod
    def has_words(tokens: list[Token]) -> bool:
        return any(_is_word(t) and t.key not in _PRONOUN_FILLERS for t in tokens)

    def speaker(self, region: list[Token]) -> Speaker:
        if not region:
            return _NOBODY
        start, end = region[0].start, region[-1].end
        inside = [m for m in self.mentions if m.start >= start and m.end <= end]
        heads = speaker_heads()
        words = [t for t in region if _is_word(t)]
        head = self.head(words)
        phrase = self.phrase(region)
        person = next((m for m in inside if m.type == "PER"), None)
        organisation = next((m for m in inside if m.type == "ORG"), None)
        if head is not None and heads.get(head.key) == "anonymous":
            return Speaker(None, phrase, "anonymous")
        if person is not None:
            return Speaker(person.entity, person.text, "entity")
        if organisation is not None or (head is not None and heads.get(head.key) == "institution") \
                or any(heads.get(t.key) == "institution" for t in words):
            return Speaker(organisation.entity if organisation else None,
                           organisation.text if organisation else phrase, "institution")
        if head is not None and head.key.startswith("ال"):
            return self.by_role(head, phrase)
        return Speaker(None, phrase, None)

    @staticmethod
    def head(words: list[Token]) -> Token | None:
        """The first word, skipping a count word (ثلاثة مصادر)."""
        heads = speaker_heads()
        for t in words:
            if heads.get(t.key) != "count":
                return t
        return None

    def phrase(self, region: list[Token]) -> str:
        """The speaker as written, up to a comma or a time/place phrase."""
        kept: list[Token] = []
        for t in region:
            if t.text in ("،", ",", ":") or (kept and t.key in _SPEAKER_CUT):
                break
            kept.append(t)
        if not kept:
            kept = region
        written = self.text[kept[0].start:kept[-1].end]
        return " ".join(written.translate(_NO_QUOTE_MARKS).split())

    def by_role(self, head: Token, phrase: str) -> Speaker:
        """"المتحدثة" after "المتحدثة باسم البيت الأبيض جين ساكي": the person last named
        with that role word just before the name."""
        stem = head.stem
        for m in reversed(self.mentions):
            if m.type != "PER" or m.start >= head.start:
                continue
            context = match_key(self.text[max(0, m.start - 80):m.start])
            if stem in context or (m.role and stem in match_key(m.role)):
                return Speaker(m.entity, m.text, "entity")
        return Speaker(None, phrase, None)

    def subject_before(self, tokens: list[Token], i: int) -> Speaker | None:
        """SVO: the words between the clause start and the verb ("البيان أضاف أن")."""
        j = i
        while j > 0 and tokens[j - 1].text not in ("،", ",", ".", ":"):
            j -= 1
        subject = tokens[j:i]
        n_words = sum(_is_word(t) for t in subject)
        if not self.has_words(subject) or n_words > MAX_SUBJECT_WORDS:
            return None
        found = self.speaker(subject)
        return found if found.kind else None

    def emit(self, start: int, end: int, speaker: Speaker, direct: bool, remember: bool = True) -> None:
        if (start, end) in self.used:
            return
        self.used.add((start, end))
        self.quotes.append(Quote(start, end, self.text[start:end], speaker.entity, speaker.text,
                                 speaker.kind, direct))
        if remember and speaker.known:
            self.last = speaker


def extract_quotes(doc: Doc) -> list[Quote]:
    """Direct and reported quotes of one article, each with its speaker when it is given."""
    if not doc.article.text:
        return []
    return _Extractor(doc).run()


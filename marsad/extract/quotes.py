"""Quotes: direct speech in quotation marks and reported speech after reporting verbs.

Arabic news attributes speech in a few fixed shapes, which a rule pass handles well:
- VSO: "وقالت المتحدثة باسم البيت الأبيض جين ساكي إن ..." (verb, speaker, إن/أن, clause);
- SVO: "البيان أضاف أن ..." (speaker before the verb);
- continuation: "وأضاف أن ..." / "وتابع: «...»" / "..., مضيفا «...»" keep the speaker named
  last in the sentence, else the sentence's subject ("أعرب الزياني عن ...، مؤكدا أن"),
  else the last speaker;
- source phrase: "«...»، بحسب بيان لمكتب رئيس الوزراء" / "ووفق بيان للحكومة، فإن ...".
The speaker is a linked mention (PER -> "entity", ORG -> "institution"), an unnamed source
("مسؤول حكومي عراقي" -> "anonymous") or an office and its statement ("institution").
Word lists: lexicon/reporting_verbs.tsv and lexicon/speaker_heads.tsv (`quote_words`).
Quality on real text: labels/quotes/ and scripts/eval_quotes.py.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import split_sentences
from marsad.arabic.words import word_class
from marsad.extract.quote_words import (
    MIN_QUOTE_WORDS,
    Direct,
    ReportingWord,
    direct_quotes,
    names_a_thing,
    reporting_entry,
    reporting_forms,
    speaker_heads,
)
from marsad.extract.roles import role_first_words
from marsad.model import Doc, Mention, Quote, Sentence, Token

# The speaker between a verb and its إن/أن: the longest in the seeds is "مساعد وزير الخارجية
# الأميركية لشؤون الشرق الأدنى بالإنابة «جوي هود»،" (9 words); 14 leaves room for a place or
# time phrase; SaudiNewsNet titles run longer ("مدير عام الهيئة العامة للسياحة والتراث الوطني
# أمين مجلس التنمية السياحية بالمنطقة المهندس عبداللطيف البنيان", 15 words): 18.
MAX_SPEAKER_WORDS = 18
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
# Prepositions that open an addressee or a circumstance, not a speaker ("وأفاد لمحادثه ...",
# "أكد في عدة تصريحات أنه ...").
_PREPOSITIONS = word_class("speaker_preposition")
# "رغم أن"، "بعد أن": the writer's own clause, never a reported one.
_SUBORDINATORS = word_class("subordinator")


_NO_QUOTE_MARKS = str.maketrans("", "", "\"“”«»")
_START, _END, _KEY = attrgetter("start"), attrgetter("end"), attrgetter("key")


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    text: str | None
    kind: str | None

    @property
    def known(self) -> bool:
        return bool(self.entity or self.text)


_NOBODY = Speaker(None, None, None)


def _is_word(token: Token) -> bool:
    return token.key[:1].isalpha()


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
        self.last_at = self.sentence_start = -1  # where the last speaker was named; this sentence
        self.quotes: list[Quote] = []
        self.used: set[tuple[int, int]] = set()

    def run(self) -> list[Quote]:
        sentences = self.doc.sentences or tuple(split_sentences(self.text))
        for sentence in sentences:
            self.sentence(sentence)
        for d in self.directs:  # quoted statements no verb or source phrase claims
            if (d.start, d.end) not in self.used and not names_a_thing(self.text, d, self.doc.mentions):
                self.emit(d.start, d.end, _NOBODY, True, remember=False)
        return sorted(self.quotes, key=lambda q: (q.start, q.end))

    # --- one sentence -----------------------------------------------------------------

    def sentence(self, sentence: Sentence) -> None:
        self.sentence_start = sentence.start
        tokens = self.outside_directs(sentence)
        keys = list(map(_KEY, tokens))
        maybe = compress(count(), map(reporting_forms().__contains__, keys))
        triggers = [(i, w) for i in maybe if (w := reporting_entry(keys[i])) and self.usable(w, tokens, i)]
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
        if not word.strict or i == 0 or tokens[i - 1].text in ("،", ","):
            return True  # opening a sentence or a clause, "وبيّن"، "وذكر" are verbs
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
            speaker = self.implied(tokens[i])
        else:
            speaker = self.speaker(region) if self.has_words(region) else _NOBODY
            if not speaker.kind and region and _opens_preposition(region[0].key):
                speaker = _NOBODY  # "وأفاد لمحادثه": an addressee, the speaker is implied
            if not speaker.known:
                speaker = self.subject_before(tokens, i) or self.implied(tokens[i])
        self.content(content_from, clause_end, speaker)

    def implied(self, trigger: Token) -> Speaker:
        """The speaker of a verb that names none: the last speaker when named in the same
        sentence, else the first person (else organisation) the sentence names before the
        verb outside any quote ("أعرب الزياني عن ...، مؤكدا أن"، "ووافقه الرأي إبراهيم
        الصيادي حيث قال:"), else the last speaker."""
        if self.last.known and self.last_at >= self.sentence_start:
            return self.last
        before = [m for m in self.mentions if self.sentence_start <= m.start and m.end <= trigger.start
                  and not any(q.start <= m.start < q.end for q in self.quotes) and self.subject_place(m.start)]
        for kind, label in (("PER", "entity"), ("ORG", "institution")):
            m = next((m for m in before if m.type == kind), None)
            if m is not None:
                return Speaker(m.entity, m.text, label)
        return self.last

    def content_start(self, tokens: list[Token], i: int, word: ReportingWord,
                      clause_end: int) -> tuple[int, int] | None:
        """(index of the token ending the speaker region, offset where the content starts)."""
        words = 0
        for j in range(i + 1, len(tokens)):
            t = tokens[j]
            if t.start >= clause_end:
                break
            if t.key in _COMPLEMENTIZERS and tokens[j - 1].key in _SUBORDINATORS:
                return None  # "رغم أن": a clause of the writer's, no reported content
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

    def direct_at(self, offset: int) -> Direct | None:
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
        person = self.person(inside)
        organisation = next((m for m in inside if m.type == "ORG"), None)
        if head is not None and heads.get(head.key) == "anonymous":
            return Speaker(None, phrase, "anonymous")
        if person is not None:
            return Speaker(person.entity, person.text, "entity")
        if organisation is not None or (head is not None and heads.get(head.key) == "institution") \
                or any(heads.get(t.key) == "institution" for t in words):
            return Speaker(organisation.entity if organisation else None,
                           organisation.text if organisation else phrase, "institution")
        if head is not None and head.key.startswith("ال") \
                and (head.key in role_first_words() or head.key[2:] in role_first_words()):
            return self.by_role(head, phrase)
        return Speaker(None, phrase, None)

    def subject_place(self, start: int) -> bool:
        """No preposition between the sentence start and `start`: a name after one is no
        subject ("وعبر معاليه عن استغرابه من ... حسن روحاني")."""
        words = self.text[self.sentence_start:start].split()
        return not any(match_key(w).removeprefix("و") in _PREPOSITIONS for w in words)

    def person(self, inside: list[Mention]) -> Mention | None:
        """The name that closes a title chain ("نائب عشيرة آل غانم ... حسن محمد فائع"), unless
        the first name has its title after it ("هانلوره كرافت رئيسة وزراء ولاية ..."); a name
        after a glued ل is an addressee ("لمحادثه"، "لـ«عكاظ»")."""
        people = [m for m in inside if m.type == "PER" and not self.addressee(m.start)]
        if len(people) > 1:
            after = self.text[people[0].end:people[0].end + 30].split()
            full_name = len(people[0].text.split()) > 1  # not a lone title word tagged a name ("معاون")
            if after and match_key(after[0]) in role_first_words() and full_name:
                return people[0]
        return people[-1] if people else None

    def addressee(self, start: int) -> bool:
        before = self.text[max(0, start - 3):start]
        return before.endswith(("ل", "لـ")) and (len(before) < 3 or before[-3].isspace() or before[-2].isspace())

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
        while len(kept) > 1 and kept[-1].key in _PRONOUN_FILLERS:
            kept.pop()
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
            self.last, self.last_at = speaker, start


def _opens_preposition(key: str) -> bool:
    """A word that opens a prepositional phrase, standalone (في، عن) or a glued ل (لمحادثه)."""
    return key in _PREPOSITIONS or (key[:1] == "ل" and key[:2] not in ("ال", "لا"))


def extract_quotes(doc: Doc) -> list[Quote]:
    """Direct and reported quotes of one article, each with its speaker when it is given."""
    if not doc.article.text:
        return []
    return _Extractor(doc).run()


"""The firm whose results an article gives, so that claims compare one firm's sums and
percentages only with the same firm's (SaudiNewsNet 2015-07-23: one story of several firms'
half-year results put their profits, rises and earnings per share in conflict).

A results article names its firm in its lead ("سجل صافي أرباح شركة الصناعات الكهربائية ...") and
then writes "الشركة", naming only the exchange ("أعلنت الشركة على موقع تداول"), so the
organisations of a figure's own sentence cannot tell the firms apart. Two articles report on
one firm when the words of a firm one lead names all stand in the other's lead ("شركة أبل" /
"أبل"; "مجموعة المعجل" / "شركة مجموعة محمد المعجل"); the entity ids do not tell, since
linking leaves "أبل" and "شركة أبل" apart."""

from __future__ import annotations

from dataclasses import replace

from marsad.model import Doc, Token
from marsad.stories.claim_counts import Count, DocSentences, moments, variant
from marsad.stories.groups import DisjointSets
from marsad.stories.terms import is_stopword, is_word, sentence_tokens

# Words that make an organisation a firm when they start its name or stand right before it.
_FIRM_WORDS = frozenset(("شركه", "مجموعه", "بنك", "مصرف"))


def _firm_names(doc: Doc, sentence: tuple[Token, ...]) -> list[frozenset[str]]:
    """The firms a sentence names, each as the stems of its name less the firm words."""
    names = []
    for m in doc.mentions:
        if m.type != "ORG" or not sentence or not sentence[0].start <= m.start < sentence[-1].end:
            continue
        inside = [t for t in sentence if m.start <= t.start < m.end]
        before = [t for t in sentence if t.end <= m.start][-1:]
        if not inside or not any(t.stem in _FIRM_WORDS for t in inside[:1] + before):
            continue
        name = frozenset(variant(t.stem) for t in inside
                         if is_word(t) and not is_stopword(t) and t.stem not in _FIRM_WORDS)
        if name:
            names.append(name)
    return names


def _words(sentence: tuple[Token, ...]) -> frozenset[str]:
    return frozenset(variant(t.stem) for t in sentence)  # "الأميركي" / "الأمريكي"


class StoryFirms:
    """The firm each article of a story reports on: one id for the articles whose leads name
    one firm, none when a lead names no firm."""

    def __init__(self, docs: list[Doc]) -> None:
        leads = [sentence_tokens(d.sentences[0]) if d.sentences else () for d in docs]
        self._names = [_firm_names(d, lead) for d, lead in zip(docs, leads, strict=True)]
        self._words = [_words(lead) for lead in leads]
        sets = DisjointSets(len(docs))
        for i in range(len(docs)):
            for j in range(i + 1, len(docs)):
                if self._one_firm(self._names[i], self._words[i], j):
                    sets.join(sets.find(i), sets.find(j))
        self._ids = [str(sets.find(i)) for i in range(len(docs))]
        self._index = {d.id: i for i, d in enumerate(docs)}

    def _one_firm(self, names: list[frozenset[str]], words: frozenset[str], j: int) -> bool:
        """A firm of `names` stands in article j's lead, or a firm of its lead in `words`."""
        return any(n <= self._words[j] for n in names) or any(n <= words for n in self._names[j])

    def firm_of(self, doc: Doc, sentence: tuple[Token, ...]) -> frozenset[str]:
        """The firm a figure of this sentence of `doc` is of: the firm the sentence names (an
        article listing several firms' dividends names each: "أوصى مجلس إدارة شركة أسمنت نجران
        ..."), else the firm of the article's lead."""
        names = _firm_names(doc, sentence)
        if not names:
            i = self._index[doc.id]
            return frozenset((self._ids[i],)) if self._names[i] else frozenset()
        words = _words(sentence)
        found = {self._ids[j] for j in range(len(self._ids)) if self._names[j] and self._one_firm(names, words, j)}
        return frozenset(found) or frozenset((" ".join(sorted(names[0])),))  # a firm no lead names


def with_firm(counts: list[Count], firms: StoryFirms, sentences: DocSentences) -> list[Count]:
    """The counts of one article with their firm (`StoryFirms.firm_of`) on each sum of money
    and percentage."""
    out = []
    for c in counts:
        facts = sentences.facts_at(c.start)
        firm = firms.firm_of(sentences.doc, facts.tokens if facts else ()) \
            if c.head == "%" or c.head in moments()["currency"] else frozenset()
        out.append(replace(c, lead=firm) if firm else c)
    return out

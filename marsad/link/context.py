"""What an article is about, as the names in it: a bare surname in one article is the person
another article names in full only if the two share a name few articles write.

"رويس" of an article on Iran's nuclear deal (Ed Royce) is not the "ماركو رويس" of a football
report; "مشاعل الحسين" of a travel report (the tagger took only الحسين) is not the "عبدالله
الحسين" of a university's. Persons named in full in many articles (باراك أوباما) need no
such evidence: `EntityIndex._surname_owner` already asks the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from marsad.link.names import alias_table, name_key
from marsad.link.transliteration import skeleton
from marsad.model import Mention
from marsad.run.caching import WORD_CACHE_SIZE, WordCache

# A name in more than this share of the articles seen (السعودية, المملكة, الرياض in
# SaudiNewsNet) says nothing of what two of them share; ...
COMMON_SHARE = 0.02
# ...nor one in more than this many, while few articles have been seen.
MIN_COMMON_DOCS = 3


def context_keys(mentions: Sequence[Mention]) -> frozenset[str]:
    """The names an article's mentions write, as transliteration skeletons of their keys
    (proclitics cut, the team's alias list applied): "بريت ماكغورك" of one article is "بريت
    ماجورك" of another, داعش is تنظيم الدولة الإسلامية."""
    return frozenset(name_skeleton(m.type, m.text) for m in mentions if not m.antecedent)


def name_skeleton(etype: str, text: str) -> str:
    skel = _SKELETONS.get((etype, text))
    if skel is None:
        key = name_key(text)
        skel = _SKELETONS.put((etype, text), skeleton(alias_table().get((etype, key)) or key))
    return skel


# (type, mention text) -> `name_skeleton`: every mention is asked twice (the full names'
# pass and linking), and the corpus writes the same names over and over.
_SKELETONS: WordCache[tuple[str, str], str] = WordCache(WORD_CACHE_SIZE)


class ArticleContexts:
    """How many articles write each name (counted as `EntityIndex.register_full_names` reads
    them), to tell a name two articles share by chance from one that ties them."""

    def __init__(self) -> None:
        self.docs: Counter[str] = Counter()
        self.seen = 0

    def count(self, keys: Iterable[str]) -> None:
        self.docs.update(keys)
        self.seen += 1

    def share_a_rare_name(self, these: Iterable[str], those: frozenset[str] | set[str]) -> bool:
        """Whether two articles' names (`context_keys`) hold one that few articles write."""
        most = max(MIN_COMMON_DOCS, COMMON_SHARE * self.seen)
        return any(key in those and self.docs[key] <= most for key in these)

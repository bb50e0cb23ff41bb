"""What a title specifies of its happening beyond its host, which keeps look-alike happenings
apart as Event Registry and EMM keep events apart by their slots (issue 21): the counterpart of
a meeting, call or visit ("أمير الرياض يستقبل رئيس هيئة الرقابة": one host's two guests of one
day are two happenings), the ordinals it states (the second aid plane, the third) and who took
a stance ("المملكة تدين ..." and "الإمارات تدين ..." one attack: two statements). The
clusterer joins no article to a story whose title specifies another happening
(`distinct_specifics`)."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from functools import cache

from marsad.arabic.normalize import match_key
from marsad.model import Token
from marsad.stories.ordinals import stated_ordinals
from marsad.stories.signature import tf_idf
from marsad.stories.terms import content_terms, load_word_list, without_known_conjunction


@cache
def _counterpart_words() -> dict[str, frozenset[str]]:
    """story_counterparts.tsv: the verbs whose object is the counterpart, and the words of
    the verb phrase that say how ("اتصالاً هاتفياً")."""
    words: dict[str, set[str]] = {}
    for line in load_word_list("story_counterparts.tsv"):
        kind, forms = line.split("\t")
        words.setdefault(kind, set()).update(match_key(form) for form in forms.split("|"))
    return {kind: frozenset(keys) for kind, keys in words.items()}


def _is_one_of(key: str, keys: frozenset[str]) -> bool:
    return key in keys or (key[:1] == "و" and key[1:] in keys)


def _is_role(key: str, roles: frozenset[str]) -> bool:
    """A rank or kind of state ("الرئيس", "لسفير", "جمهورية"): what the counterpart is, not which."""
    return any(key[len(prefix):] in roles for prefix in _ROLE_PREFIXES if key.startswith(prefix))


_ROLE_PREFIXES = ("", "ال", "لل", "ل", "و", "وال", "ول", "ب", "بال")


# What `title_specifics` reads of a title, whatever terms are known: its ordinals, the
# content terms before its first meeting, call or visit verb (the host's) and after it, less
# the words that say how (None: no such verb), and its speaker's (`title_speaker`), a leading
# و/ف kept (`terms.content_terms`).
TitleParts = tuple[frozenset[str], tuple[str, ...], tuple[str, ...] | None, tuple[str, ...]]

# A title's speaker is named in its first words: "الإمارات تدين ..." (at most this many).
SPEAKER_WORDS = 6


def title_specifics(title: Sequence[Token], known: Container[str]) -> frozenset[str]:
    """What a title specifies of its happening beyond its host: the ordinals it states ("#3":
    the third aid plane, the fourth round) and the content terms it names after its first
    meeting, call or visit verb up to the occasion, less the host's before it, the words that
    say how and those of rank ("أمير الرياض يستقبل رئيس هيئة الرقابة" -> هيي، رقاب; "القيادة
    تهنئ رئيس المالديف بمناسبة ذكرى الاستقلال" -> مالديف): whom the happening was with."""
    return specifics_of(title_parts(title), known)


def title_parts(title: Sequence[Token]) -> TitleParts:
    """The parts of a title `specifics_of` reads (made where the title is tokenised: on a
    batch's workers)."""
    ordinals = frozenset(f"#{n}" for n in stated_ordinals(title))
    words = _counterpart_words()
    speaker = tuple(content_terms(title_speaker(title)))
    for i, token in enumerate(title):
        if _is_one_of(token.key, words["verb"]):
            after = title[i + 1:]
            # whom, not why: the counterpart ends where the occasion begins
            end = next((j for j, t in enumerate(after) if _is_one_of(t.key, words["occasion"])), len(after))
            named = [t for t in after[:end]
                     if not _is_one_of(t.key, words["how"]) and not _is_role(t.key, words["role"])]
            return ordinals, tuple(content_terms(title[:i])), tuple(content_terms(named)), speaker
    return ordinals, (), None, speaker


def title_speaker(title: Sequence[Token]) -> Sequence[Token]:
    """Who a statement's title says took its stance: the words before a verb of stance
    ("الإمارات تدين ...", story_counterparts.tsv), none when no such verb is in its first
    SPEAKER_WORDS words. A wire's section ("عام /") is not the speaker. (A title's colon
    names a speaker too, but one happening's speakers differ there: "نائب المليك: ..." and
    "مجلس الوزراء: ..." of one cabinet session, on the development pairs.)"""
    start = next((i + 1 for i, t in enumerate(title[:3]) if t.key == "/"), 0)
    stance = _counterpart_words()["stance"]
    for i, token in enumerate(title[start:start + SPEAKER_WORDS + 1], start):
        if i > start and _is_one_of(token.key, stance):
            return title[start:i]
    return ()


def specifics_of(parts: TitleParts, known: Container[str]) -> frozenset[str]:
    """`title_specifics` from its `title_parts`; `known` decides a leading و/ف as
    `terms.content_terms` does."""
    ordinals, host, named, speaker = parts
    found = ordinals.union("@" + t for t in without_known_conjunction(speaker, known))
    if named is None:
        return found
    host_terms = set(without_known_conjunction(host, known))
    return found.union(t for t in without_known_conjunction(named, known) if t not in host_terms)


# A counterpart is mentioned by the other side when at least this share of its terms' IDF is
# among the other side's terms. Chosen on the SaudiNewsNet development days (2015-08-10/11):
# 0.15-0.35 part one governor's two receptions; 0.4 also one secretary-general's two meetings
# (share 0.37) but on the days' whole stream parts a visit two outlets describe differently
# (0.44); labelled same pairs of all sets share 0.29 or more, so 0.25 keeps a margin. (With
# ranks and occasions left out of the counterpart, the secretary-general's two meetings share
# 0.0 and two cables to presidents 0.0-0.26 became 0.0; the same pairs' shares did not fall.)
COUNTERPART_FOUND = 0.25


def distinct_specifics(mine: Iterable[str], my_terms: Sequence[Container[str]], theirs: Iterable[str],
                       their_terms: Sequence[Container[str]], df: Mapping[str, int], n_docs: int) -> bool:
    """Whether an article and a story are different happenings by what their titles specify
    (`title_specifics`): both state ordinals and none in common (the second plane, the third),
    or both name a counterpart and neither side's terms (`*_terms`: its vector's, its titles')
    mention the other's, each term weighed by its IDF (`tf_idf`; one host's two guests)."""
    def found(counterpart: list[str], terms: Sequence[Container[str]]) -> bool:
        idf = tf_idf(dict.fromkeys(counterpart, 1), df, n_docs)
        named = sum(w for t, w in idf.items() if any(t in side for side in terms))
        return named >= COUNTERPART_FOUND * sum(idf.values())

    def apart(mine: list[str], theirs: list[str]) -> bool:
        return bool(mine) and bool(theirs) and not found(mine, their_terms) and not found(theirs, my_terms)

    mine, theirs = list(mine), list(theirs)
    if not mine or not theirs:  # (most titles specify nothing: each test below needs both sides)
        return False
    my_ordinals, their_ordinals = {x for x in mine if x[0] == "#"}, {x for x in theirs if x[0] == "#"}
    if my_ordinals and their_ordinals and not my_ordinals & their_ordinals:
        return True
    if apart([x[1:] for x in mine if x[0] == "@"], [x[1:] for x in theirs if x[0] == "@"]):
        return True  # two speakers, neither side naming the other's: two stances
    return apart([x for x in mine if x[0] not in "#@"], [x for x in theirs if x[0] not in "#@"])

"""One article, one reading of a name: the tagger's names labelled wherever the article repeats them.

A linear-chain CRF sees one sentence. News names a party, a club or a car maker many
times in one article, and the tagger, unsure of a name it never saw in training, often
finds it in one sentence and leaves it as O in the next (الليكود, أسيك, ارسنال on
ANERcorp's dev split). Label consistency within a document is the classic remedy
(Krishnan & Manning 2006); this is its simplest form, on the tagger's BIO labels: every
span the tagger found, as a sequence of word keys, gets its most frequent type where the
same article repeats it untagged, and a person's surname alone gets PER. Nothing the
tagger labelled changes. `marsad.extract.coref` does the same for the mentions (glued
clitics, names of other articles); this pass is what the tagger's own figures
(`marsad eval ner`) can measure.

Words are compared by the decoder's type ids (one per word key): an article's words are
then ints, and most of its tokens are passed over by C-level set tests. (Matching a name's
first word through a glued proclitic as well, والليكود, added 0.09 points on ANERcorp's dev
split at twice the cost; coref does it for the mentions.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import compress, count

from marsad.arabic.tokenize import split_clitics, word_frequencies
from marsad.arabic.words import word_class
from marsad.extract.crf import bio_spans
from marsad.extract.roles import function_words
from marsad.run.caching import LRU_WORD_CACHE_SIZE

# Surnames shorter than this are too often ordinary words ("علي" aside, which is a name).
MIN_SURNAME_LETTERS = 4
# A word news writes this often both with and without the article is an ordinary word.
_ORDINARY_WORD = 100
# Words of a name after which the last word is no surname (match keys, from
# lexicon/grammar_words.tsv): "بن" / "بنت" (the father's name: فهد بن خالد is not "خالد"),
# and the first word of a compound name ("الله" of "عبد الله", "سعود" of "آل سعود").
PATRONYMIC = word_class("name_patronymic")
COMPOUND_HEADS = word_class("name_compound_head")
# Last words that are no one's surname: regnal numbers ("الثاني" of "عبدالله الثاني"), the
# second halves of compound names ("الدين" of "صالح زهر الدين") and of titles the tagger
# takes into a name ("العهد" of "... ولي العهد").
NOT_SURNAMES = word_class("name_not_surname")

Name = tuple[int, ...]


def ends_in_surname(words: Sequence[str]) -> bool:
    """Whether a full person name (match keys of its words) ends in a family name that may
    stand for the person alone (not فهد بن خالد, عبد الله, عبدالله الثاني). The tagger's
    labels here, `marsad.extract.coref` and `marsad.link.entities` read names so."""
    return (len(words) >= 2 and words[-2] not in PATRONYMIC and words[-2] not in COMPOUND_HEADS
            and words[-1] not in NOT_SURNAMES)


def surname_stands_alone(keys: Sequence[str]) -> bool:
    """Whether the last word of a person's name may stand for the person alone (as coref
    reads a bare surname)."""
    return ends_in_surname(keys) and len(keys[-1]) >= MIN_SURNAME_LETTERS


@lru_cache(maxsize=LRU_WORD_CACHE_SIZE)
def may_stand_alone(key: str) -> bool:
    """Whether a one-word name may be labelled wherever the article repeats it: not a
    function word (على, أول), nor a noun or adjective that news writes both with and
    without the article (تنظيم/التنظيم, مدينة/المدينة, ثاني/الثاني: SaudiNewsNet counts,
    lexicon/word_frequencies.tsv) — the tagger's one mistake there is not the article's rule."""
    if key in function_words():
        return False
    counts = word_frequencies()[0]
    prefix, stem = split_clitics(key)
    bare = stem if prefix.endswith(("ال", "لل")) else key
    return min(counts.get(bare, 0), counts.get("ال" + bare, 0)) < _ORDINARY_WORD


def consistent_labels(words: Sequence[Sequence[int]], labels: list[list[str]],
                      key_of: Callable[[int], str]) -> list[list[str]]:
    """The tagger's `labels` for one article, changed in place: its names labelled where
    the article repeats them untagged. `words` are the article's sentences as type ids
    (`CompiledCRF.type_ids`, by sentence), `key_of` gives a type id's word key."""
    tagged = [i for i, s in enumerate(labels) if s.count("O") != len(s)]
    if not tagged:
        return labels
    votes: dict[Name, dict[str, int]] = {}  # name -> type -> times tagged so
    for i in tagged:
        sentence = words[i]
        for first, stop, kind in bio_spans(labels[i]):
            name = tuple(sentence[first:stop])
            voted = [name]
            if kind == "PER" and len(name) >= 2 and surname_stands_alone([key_of(w) for w in name[-2:]]):
                voted.append(name[-1:])
            for found in voted:
                kinds = votes.setdefault(found, {})
                kinds[kind] = kinds.get(kind, 0) + 1
    # Names by their first word, longer names first.
    by_first: dict[int, list[tuple[Name, str]]] = {}
    for name in sorted(votes, key=len, reverse=True):
        if len(name) == 1 and not may_stand_alone(key_of(name[0])):
            continue
        kinds = votes[name]
        by_first.setdefault(name[0], []).append((name, max(kinds, key=kinds.__getitem__)))
    starts = by_first.keys()
    for sentence, sentence_labels in zip(words, labels, strict=True):
        if starts.isdisjoint(sentence):
            continue
        for i in compress(count(), map(starts.__contains__, sentence)):
            if sentence_labels[i] != "O":
                continue
            size, kind = _longest_untagged(sentence, sentence_labels, i, by_first[sentence[i]])
            if size:
                sentence_labels[i:i + size] = [f"B-{kind}"] + [f"I-{kind}"] * (size - 1)
    return labels


def _longest_untagged(sentence: Sequence[int], labels: Sequence[str], i: int,
                      candidates: Sequence[tuple[Name, str]]) -> tuple[int, str]:
    """(length, type) of the longest listed name whose words start at position `i`, all
    untagged, and that does not run into a name the tagger continued (I- after it);
    (0, "") when none does."""
    for name, kind in candidates:
        stop = i + len(name)
        if stop > len(sentence) or tuple(sentence[i:stop]) != name:
            continue
        if any(label != "O" for label in labels[i:stop]):
            continue
        if stop < len(labels) and labels[stop].startswith("I-"):
            continue
        return len(name), kind
    return 0, ""

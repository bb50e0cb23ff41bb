"""Named-entity mentions: the shipped CRF tagger, plus gazetteer matches for what it misses.

The model (marsad/models/ner.crfsuite) is trained by scripts/train_ner.py on ANERcorp; see
marsad/models/MODEL_CARD.md for its data, licence and dev scores.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Container, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import cast

import pycrfsuite

from marsad import settings
from marsad.arabic.tokenize import clitic_candidates, proclitic_length
from marsad.arabic.words import table_rows
from marsad.errors import ModelError
from marsad.extract.agency_names import agency_mentions, outlet_mentions
from marsad.extract.body_heads import company_names_alone, named_bodies
from marsad.extract.body_pairs import body_pair_names
from marsad.extract.centre_names import centre_names
from marsad.extract.crf import CompiledCRF, bio_spans
from marsad.extract.district_names import district_names
from marsad.extract.gazetteer import Gazetteer, common_words
from marsad.extract.mention_filter import clean_mention
from marsad.extract.mention_spans import mend_spans
from marsad.extract.name_senses import without_noun_senses
from marsad.extract.ner_consistency import consistent_labels
from marsad.extract.ner_features import FeatureExtractor
from marsad.extract.org_names import org_names
from marsad.extract.party_names import with_party_names
from marsad.extract.person_lists import person_lists
from marsad.extract.sport_clubs import club_labels, with_clubs
from marsad.extract.titled_names import is_title, titled_names, without_body_adjective, without_role_persons
from marsad.model import Doc, EntityType, Mention, Sentence, Token

# Whether the CRF sees gazetteer-position features. Training and tagging must agree, so
# this is the one switch both read (scripts/train_ner.py records it in the model card).
USE_GAZETTEER_FEATURES = True
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
SPAN_BREAKS_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_span_breaks.tsv"


@lru_cache(maxsize=1)
def span_breaks() -> frozenset[str]:
    """Prepositions as written (على, not the name علي) that no tagger span runs over."""
    return frozenset(row[0].strip() for row in table_rows(SPAN_BREAKS_FILE, 1))


def ner_lexicon() -> Mapping[str, Sequence[str]]:
    """Word key -> gazetteer roles (B-LOC, I-ORG ...) fed to the CRF as features."""
    if not USE_GAZETTEER_FEATURES:
        return {}
    return Gazetteer.load().token_roles()


def decoding_path(model: Path) -> Path:
    """Where the decoding settings of a model are kept: `ner.crfsuite` -> `ner.decoding.json`."""
    return model.with_name(model.stem + ".decoding.json")


def decoding_settings(model: Path) -> dict:
    """The decoding settings scripts/train_ner.py chose on the dev splits for `model`
    (`outside_bias`, `type_biases`); none for a model without the file."""
    path = decoding_path(model)
    if not path.is_file():
        return {}
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise ModelError(f"NER decoding settings cannot be read: {path} ({exc})") from exc


class EntityTagger:
    """A loaded CRF model with its per-word-type feature cache."""

    def __init__(self, tagger: pycrfsuite.Tagger, features: FeatureExtractor, path: Path,
                 outside_bias: float = 0.0, type_biases: Mapping[str, float] | None = None) -> None:
        self._tagger = tagger
        self.features = features
        self.path = path
        self.outside_bias = outside_bias
        self.type_biases = dict(type_biases or {})
        self._compiled = CompiledCRF.from_tagger(tagger, features, outside_bias, self.type_biases)

    @classmethod
    def load(cls, path: Path | None = None, outside_bias: float | None = None) -> EntityTagger:
        """The model at `path` (default: the shipped one), decoded with the O bias its
        training chose (`decoding_settings`) unless `outside_bias` is given (then with that O
        bias alone: 0 gives crfsuite's own labels)."""
        path = Path(path or settings.NER_MODEL_PATH)
        if not path.is_file():
            raise ModelError(f"NER model not found: {path} (train it with scripts/train_ner.py)")
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(path))
            tagger.labels()
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelError(f"NER model cannot be loaded: {path} ({exc})") from exc
        type_biases: dict[str, float] = {}
        if outside_bias is None:
            chosen = decoding_settings(path)
            outside_bias = float(chosen.get("outside_bias", 0.0))
            type_biases = {str(k): float(v) for k, v in dict(chosen.get("type_biases", {})).items()}
        return cls(tagger, FeatureExtractor(ner_lexicon()), path, outside_bias, type_biases)

    def forget_word_types(self) -> None:
        """Empty the per-word-type caches (to measure tagging from cold)."""
        self.features = FeatureExtractor(self.features.lexicon, self.features.triggers, self.features.clusters,
                                         self.features.vectors)
        self._compiled = CompiledCRF.from_tagger(self._tagger, self.features, self.outside_bias, self.type_biases)

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO labels (B-PER, I-LOC, O ...) for one sentence's tokens."""
        return self.tag_sentences([words])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for many sentences at once (an article's): the compiled decoder."""
        return self._compiled.tag_sentences(sentences)

    def tag_articles(self, articles: Sequence[Sequence[Sequence[str]]], keyed: bool = False) -> list[list[list[str]]]:
        """BIO labels for the sentences of each article: all sentences in one decoder pass,
        then the clubs it tagged as their towns made ORG (`club_labels`), and each article's
        names labelled wherever it repeats them (`consistent_labels`).
        `keyed`: the words are given as their keys (`FeatureExtractor.word_key`)."""
        compiled = self._compiled
        sentences = [s for article in articles for s in article]
        tagged, type_ids = compiled.tag_with_type_ids(sentences, keyed)
        labels, words = iter(tagged), iter(type_ids)
        found = []
        for article in articles:
            article_words, article_labels = [next(words) for _ in article], [next(labels) for _ in article]
            club_labels(article_words, article_labels, compiled.type_key)
            found.append(consistent_labels(article_words, article_labels, compiled.type_key))
        return found

    def tag_with_crfsuite(self, words: Sequence[str]) -> list[str]:
        """python-crfsuite's own labels: the reference the compiled decoder is tested
        against (the same labels when `outside_bias` is 0)."""
        if not words:
            return []
        return self._tagger.tag(self.features.sentence_items(words))


def name_start(token: Token, is_name_word: Callable[[str], bool]) -> int:
    """Where a name starting in this token begins: after a conjunction or preposition glued
    to it ("والعراق", "لواشنطن") when the rest is a known name word and the whole is not.
    ANERcorp tags whole tokens, clitics included; the mention is the name alone."""
    if is_name_word(token.key):
        return token.start
    for prefix, stem in clitic_candidates(token.key)[1:]:
        cut = proclitic_length(token.text, prefix)
        if cut and is_name_word(stem):
            return token.start + cut
    return token.start


def sentence_mentions(sentence: Sentence, text: str, tagger: EntityTagger,
                      gazetteer: Gazetteer | None = None, labels: Sequence[str] | None = None) -> list[Mention]:
    """The tagger's mentions in one sentence (`labels`: its BIO labels, when already tagged)."""
    tokens = sentence.tokens
    if labels is None:
        labels = tagger.tag([t.text for t in tokens])
    mentions = []
    breaks = span_breaks()
    for first, stop, kind in bio_spans(labels):
        # "المدرب لسعد الدريدي": right after a title a ل is the name's first letter, not "to"
        whole = kind == "PER" and first > 0 and tokens[first].key[:1] == "ل" and is_title(tokens[first - 1])
        start = name_start(tokens[first], gazetteer.starts_name) if gazetteer and not whole else tokens[first].start
        # A span that runs on over a preposition ("الشركة في كوبرتينو", "القمة المشتركة بين
        # رؤساء الدول ... والمؤسسة الدولية") is two phrases: the name is the first.
        if stop - first > 2:
            stop = next((i for i in range(first + 1, stop - 1) if tokens[i].text in breaks), stop)
        end = tokens[stop - 1].end
        # The model's labels are B-/I- of the four entity types only.
        mentions.append(Mention(start, end, text[start:end], cast(EntityType, kind), source="model"))
    return mentions


def gazetteer_mentions(sentence: Sentence, text: str, gazetteer: Gazetteer,
                       labels: Sequence[str] | None = None,
                       nouns_here: Container[str] = frozenset(),
                       keys: Sequence[str] | None = None) -> list[Mention]:
    """Gazetteer matches as mentions. With the tagger's `labels`, a one-word place that is
    mostly an ordinary word (معسكر, الصور, عالية: `common_words`) is kept only where the
    tagger also tagged it: context, not the list, says which it is. So is a bare place name
    that the article also writes with the article (`nouns_here`, `ArticleForms`): "سيول
    جارفة" beside "الأمطار والسيول" is floods, not Seoul."""
    tokens = sentence.tokens
    common = common_words() if labels is not None else frozenset()
    mentions = []
    # `keys`: the tokens' keys as the tagger had them (a token with no key gives its text,
    # which begins no name either): not built again here.
    for match in gazetteer.match_keys(keys) if keys is not None else gazetteer.match_tokens(tokens):
        first = tokens[match.start]
        if common and match.end - match.start == 1 and labels is not None and labels[match.start] == "O":
            name = first.key[len(match.prefix):]
            if name in common or (match.type == "LOC" and _is_bare(name, match.prefix) and name in nouns_here):
                continue
        # "وواشنطن" is و + واشنطن: the mention is the name, without the conjunction.
        start = first.start + proclitic_length(first.text, match.prefix, match.end - match.start == 1)
        end = tokens[match.end - 1].end
        mentions.append(Mention(start, end, text[start:end], cast(EntityType, match.type), source="gazetteer"))
    return mentions


def _is_bare(name: str, prefix: str) -> bool:
    """Whether a match is written without the article (للعراق has it: ل + العراق)."""
    return not name.startswith("ال") and not prefix.endswith(("ال", "لل"))


class ArticleForms(Container[str]):
    """The words an article writes with the article (السيول -> سيول), read from its tokens
    only when asked: most articles have no bare one-word gazetteer match to judge."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._sentences = sentences
        self._stems: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._stems is None:
            self._stems = frozenset(t.stem for s in self._sentences for t in s.tokens
                                    if t.prefix.endswith(("ال", "لل")))
        return word in self._stems


def merge_mentions(model: list[Mention], gazetteer: list[Mention]) -> list[Mention]:
    """The model's spans, with gazetteer matches filling what it missed. Where the two
    overlap the longer span wins; on the very same span the gazetteer's type wins (its
    lists are curated, the model confuses ORG and MISC on names it never saw)."""
    kept = list(model)
    for found in gazetteer:
        overlapping = [m for m in kept if m.start < found.end and found.start < m.end]
        same_span = [m for m in overlapping if (m.start, m.end) == (found.start, found.end)]
        if same_span or all(found.end - found.start > m.end - m.start for m in overlapping):
            kept = [m for m in kept if m not in overlapping]
            kept.append(found)
    return sorted(kept, key=lambda m: (m.start, m.end))


def extract_mentions(doc: Doc, tagger: EntityTagger) -> list[Mention]:
    return extract_mentions_of_docs([doc], tagger)[0]


def extract_mentions_of_docs(docs: Sequence[Doc], tagger: EntityTagger) -> list[list[Mention]]:
    """The mentions of each doc. The sentences of all the docs go through the decoder in
    one pass: its per-step cost is then shared by many articles (3.4 -> 1.4 ms an article
    on SaudiNewsNet in groups of 16), and the labels are the same."""
    gazetteer = Gazetteer.load()
    # The model learnt Arabic newswire; on a line with no Arabic letter (site furniture in
    # English, a URL) it only guesses, so such sentences are left untagged.
    tagged = [[s for s in doc.sentences if s.tokens and _ARABIC_LETTER.search(s.text)] for doc in docs]
    # A token's key is the tagger's word key (the match key, or the text where that is
    # empty): the tagger need not work it out again for each new word.
    keyed = [[[t.key or t.text for t in s.tokens] for s in sentences] for sentences in tagged]
    all_labels = iter(chain.from_iterable(tagger.tag_articles(keyed, keyed=True)))
    found: list[list[Mention]] = []
    for doc, sentences, sentence_keys in zip(docs, tagged, keyed, strict=True):
        text = doc.article.text
        mentions: list[Mention] = []
        nouns_here = ArticleForms(sentences)
        for sentence, keys in zip(sentences, sentence_keys, strict=True):
            labels = next(all_labels)
            merged = merge_mentions(sentence_mentions(sentence, text, tagger, gazetteer, labels),
                                    gazetteer_mentions(sentence, text, gazetteer, labels, nouns_here, keys))
            # Currencies, الله, generic nouns ... are tagged (ANERcorp does) but are not entities.
            cleaned = [m for m in map(clean_mention, merged) if m is not None]
            mended = without_body_adjective(mend_spans(cleaned, sentence.tokens, text), sentence.tokens, text)
            named = org_names(mended, sentence.tokens, text, keys)
            named = centre_names(named_bodies(named, sentence.tokens, text), sentence.tokens, text)
            named = body_pair_names(named, sentence.tokens, text, keys)
            named = outlet_mentions(agency_mentions(named, sentence.tokens, text), sentence.tokens, text, keys)
            named = district_names(named, sentence.tokens, text)
            named = titled_names(person_lists(named, sentence.tokens, text), sentence.tokens, text)
            named = with_party_names(named, sentence.tokens, text)
            mentions.extend(without_role_persons(named, sentence.tokens, text))
        # القاعدة the base is not al-Qaeda: a name that is also a noun is judged in context.
        tokens = [t for s in sentences for t in s.tokens]
        # الهلال the club, not the crescent, in a sports report.
        found.append(company_names_alone(with_clubs(without_noun_senses(mentions, tokens), tokens, text), text))
    return found


def benchmark_tagger(sentences: Sequence[Sequence[str]],
                     tagger: EntityTagger | None = None) -> dict:
    """Tokens/s of `EntityTagger.tag` over token lists, from a cold feature cache and warm."""
    tagger = tagger or EntityTagger.load()
    tokens = sum(len(s) for s in sentences)
    report: dict = {"sentences": len(sentences), "tokens": tokens}
    tagger.forget_word_types()
    # Batches of 25 sentences: about an article, the unit the pipeline tags at once.
    batches = [sentences[i:i + 25] for i in range(0, len(sentences), 25)]
    for run in ("cold", "warm"):
        began, began_cpu = time.perf_counter(), time.process_time()
        for batch in batches:
            tagger.tag_articles([batch])
        seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - began_cpu
        report[f"{run}_seconds"] = round(seconds, 3)
        report[f"{run}_tokens_per_s"] = round(tokens / seconds) if seconds else None
        # On a shared machine the wall clock counts other jobs; CPU time counts this one.
        report[f"{run}_tokens_per_cpu_s"] = round(tokens / cpu_seconds) if cpu_seconds else None
    return report

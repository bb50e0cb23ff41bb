"""The NER tagger's article features: what they say, and the compiled decoder reading them
as python-crfsuite does (a tiny model trained on composed sentences read as articles)."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from marsad.extract.entities import EntityTagger
from marsad.extract.ner_features import FeatureExtractor
from tests.test_ner import TRAINING, parse_composed


def _marks(rows: list[list[str]]) -> list[list[str]]:
    return [[f for f in row if f.startswith(("dp:", "dn:", "dc="))] for row in rows]


def test_a_name_gets_what_its_other_mentions_in_the_article_stand_beside():
    features = FeatureExtractor(lexicon={}, clusters={})
    article = [["قال", "الرئيس", "سالمين", "إن", "الوضع", "هادئ"], ["وأضاف", "سالمين", "أن", "الوضع", "هادئ"]]
    first, second = (_marks(rows) for rows in features.article_items(article))
    # The second sentence's name was written after a title in the first one.
    assert second[1] == ["dp:tr=PER", "dc=2"]
    # Its own title is not "elsewhere": the first mention learns only that the name repeats.
    assert first[2] == ["dc=2"]
    assert first[1] == [] and second[2] == []  # a trigger, and a two-letter word, get none
    assert first[4] == ["dc=2"]
    # Read alone, a sentence is its own article.
    assert _marks(features.sentence_items(article[1]))[1] == []
    assert not any(_marks(FeatureExtractor(doc_features=False).sentence_items(article[0])))


def test_compiled_decoder_reads_article_features_as_crfsuite(tmp_path: Path):
    features = FeatureExtractor()
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = [parse_composed(line) for line in TRAINING]
    for run in (sentences[:3], sentences[3:]):
        for items, pairs in zip(features.article_items([[w for w, _ in p] for p in run]), run, strict=True):
            trainer.append(items, [label for _, label in pairs])
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 100})
    trainer.train(str(tmp_path / "doc.crfsuite"))
    tagger = EntityTagger.load(tmp_path / "doc.crfsuite", outside_bias=0.0)
    assert tagger._compiled._doc_weights is not None
    words = [[w for w, _ in p] for p in sentences] + [["زار", "سالم", "بيروت", "."], [],
                                                      ["قال", "سالم", "إن", "الوزير", "سالم", "وصل"]]
    articles = [words[0:2], words[2:7], words[7:]]
    expected = [tagger._tagger.tag(items) if items else []
                for article in articles for items in tagger.features.article_items(article)]
    assert any(label != "O" for labels in expected for label in labels)
    got, _ = tagger._compiled.tag_with_type_ids(words, articles=[len(a) for a in articles])
    assert got == expected
    # Sentences given without articles are each their own, as crfsuite reads one sentence.
    assert tagger.tag_sentences(words) == [tagger.tag_with_crfsuite(s) for s in words]

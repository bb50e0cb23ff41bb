"""The NER tagger: loading, BIO decoding, offsets, errors, scoring and the CLI.

A tiny CRF is trained on the fly from a few composed sentences, so these tests exercise
the real loading and tagging code without depending on the shipped model's accuracy.
"""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest
from typer.testing import CliRunner

from marsad import settings
from marsad.arabic.tokenize import split_sentences
from marsad.cli import app
from marsad.errors import ModelError
from marsad.evaluate.ner import bio_spans, iter_sentences, normalize_label, parse_line, score
from marsad.extract import crf
from marsad.extract.entities import (
    EntityTagger,
    benchmark_tagger,
    extract_mentions,
    gazetteer_mentions,
    merge_mentions,
)
from marsad.extract.gazetteer import Gazetteer, common_words
from marsad.extract.ner_features import FeatureExtractor
from marsad.model import Article, Doc, Mention

# Composed news-style sentences (not from any corpus), tokens with BIO labels.
TRAINING = [
    "التقى/O الرئيس/O أحمد/B-PER سالم/I-PER وفدا/O من/O شركة/O نور/B-ORG للطاقة/I-ORG في/O دمشق/B-LOC ./O",
    "وصل/O الوزير/O خالد/B-PER حسن/I-PER إلى/O بيروت/B-LOC أمس/O ./O",
    "قال/O أحمد/B-PER سالم/I-PER إن/O شركة/O نور/B-ORG للطاقة/I-ORG ستعمل/O في/O حلب/B-LOC ./O",
    "أعلنت/O شركة/O نور/B-ORG للطاقة/I-ORG أن/O خالد/B-PER حسن/I-PER زار/O دمشق/B-LOC ./O",
    "زار/O الوزير/O أحمد/B-PER سالم/I-PER مدينة/O حلب/B-LOC ثم/O بيروت/B-LOC ./O",
    "وأكد/O خالد/B-PER حسن/I-PER أن/O الاجتماع/O عقد/O في/O بيروت/B-LOC ./O",
]


def parse_composed(line: str) -> list[tuple[str, str]]:
    return [tuple(item.rsplit("/", 1)) for item in line.split()]


def train_tiny_model(path: Path) -> Path:
    features = FeatureExtractor()
    trainer = pycrfsuite.Trainer(verbose=False)
    for line in TRAINING * 3:
        pairs = parse_composed(line)
        trainer.append(features.sentence_features([w for w, _ in pairs]), [lab for _, lab in pairs])
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 100})
    trainer.train(str(path))
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return train_tiny_model(tmp_path_factory.mktemp("ner") / "tiny.crfsuite")


@pytest.fixture()
def shipped_is_tiny(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "NER_MODEL_PATH", tiny_model)
    return tiny_model


def doc_of(text: str) -> Doc:
    article = Article("a1", "test", text, None, None, None, "ar", True)
    return Doc(article, sentences=tuple(split_sentences(text)))


# --- BIO decoding and scoring -------------------------------------------------------------


def test_bio_spans_closes_and_repairs_sequences():
    assert bio_spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert bio_spans(["B-PER", "B-PER"]) == [(0, 1, "PER"), (1, 2, "PER")]
    # A stray I- starts a span; a type change inside I- splits it (conlleval's reading).
    assert bio_spans(["O", "I-ORG", "I-ORG", "I-LOC"]) == [(1, 3, "ORG"), (3, 4, "LOC")]
    assert bio_spans([]) == []


def test_corpus_lines_are_normalised():
    assert normalize_label("B-PERS") == "B-PER"
    assert normalize_label("I-MISC\u200f") == "I-MISC"
    assert normalize_label("X-FOO") == "O"
    assert parse_line("\u200fبيروت B-LOC\n") == ("بيروت", "B-LOC")
    assert parse_line("كلمة زائدة B-ORG") == ("كلمة", "B-ORG")
    assert parse_line("   \n") is None


def test_sentences_end_at_period_or_blank_line():
    lines = ["زار O\n", "بيروت B-LOC\n", ". O\n", "ثم O\n", "\n", "عاد O\n"]
    assert [len(s) for s in iter_sentences(lines)] == [3, 1, 1]
    assert [len(s) for s in iter_sentences(lines, split_on_period=False)] == [4, 1]


def test_score_counts_exact_spans_only():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "O", "O", "B-LOC"]]
    scores = score(gold, predicted)
    assert scores.prf("LOC") == (1.0, 1.0, 1.0)
    assert scores.prf("PER") == (0.0, 0.0, 0.0)
    p, r, f = scores.prf()
    assert (p, r) == (0.5, 0.5) and f == pytest.approx(0.5)


# --- the tagger ---------------------------------------------------------------------------


def test_tiny_model_tags_known_names(tiny_model: Path):
    tagger = EntityTagger.load(tiny_model)
    words = "التقى الرئيس أحمد سالم في دمشق".split()
    assert tagger.tag(words) == ["O", "O", "B-PER", "I-PER", "O", "B-LOC"]
    assert tagger.tag([]) == []


def test_mentions_carry_offsets_into_article_text(tiny_model: Path):
    text = "خبر قصير.\nوصل الوزير خالد حسن إلى بيروت أمس. وقال أحمد سالم إن شركة نور للطاقة في حلب."
    mentions = extract_mentions(doc_of(text), EntityTagger.load(tiny_model))
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
    found = {(m.text, m.type) for m in mentions}
    assert {("خالد حسن", "PER"), ("بيروت", "LOC"), ("أحمد سالم", "PER"), ("حلب", "LOC")} <= found
    assert ("نور للطاقة", "ORG") in found


def test_gazetteer_fills_what_the_model_misses(tiny_model: Path):
    # The tiny model has never seen these names; the gazetteer knows them, clitics and all.
    text = "وصل الوفد إلى بغداد ثم توجه للعراق الشمالي والاتحاد الأوروبي يراقب وبـواشنطن."
    mentions = extract_mentions(doc_of(text), EntityTagger.load(tiny_model))
    by_text = {m.text: m for m in mentions}
    assert by_text["بغداد"].type == "LOC"
    # للعراق has lost the article's alef: no substring is the name, the token stays whole.
    assert by_text["للعراق"].type == "LOC" and by_text["للعراق"].source == "gazetteer"
    # A glued conjunction or preposition is not part of the name.
    union = by_text["الاتحاد الأوروبي"]
    assert union.type == "ORG" and union.source == "gazetteer"
    assert union.start == text.index("والاتحاد") + 1
    assert by_text["واشنطن"].start == text.index("وبـواشنطن") + 3


def test_gazetteer_leaves_ordinary_words_to_the_tagger(tiny_model: Path):
    """معسكر is a camp and Mascara, الصور pictures and Tyre (marsad/data/ner_common_words.tsv,
    from SaudiNewsNet): the gazetteer no longer makes them places where the tagger did not."""
    assert {"معسكر", "الصور", "عاليه"} <= common_words()
    text = "أقام الفريق معسكر تدريب في بغداد ونشر الصور على درجة عالية من الجودة."
    found = {m.text for m in extract_mentions(doc_of(text), EntityTagger.load(tiny_model))}
    assert "بغداد" in found and not found & {"معسكر", "الصور", "عالية"}
    sentence = split_sentences(text)[0]
    labels = ["B-LOC" if t.text == "معسكر" else "O" for t in sentence.tokens]
    kept = {m.text for m in gazetteer_mentions(sentence, text, Gazetteer.load(), labels)}
    assert "معسكر" in kept and "الصور" not in kept  # where the tagger says a place, it is one


def test_merge_prefers_longer_spans_and_gazetteer_types_on_the_same_span():
    model = [Mention(0, 5, "aaaaa", "LOC"), Mention(10, 14, "bbbb", "PER")]
    gazetteer = [Mention(0, 5, "aaaaa", "ORG", source="gazetteer"),
                 Mention(11, 13, "bb", "LOC", source="gazetteer"),
                 Mention(10, 20, "bbbb cccccc", "ORG", source="gazetteer"),
                 Mention(30, 34, "dddd", "LOC", source="gazetteer")]
    merged = merge_mentions(model, gazetteer)
    assert [(m.start, m.end, m.type, m.source) for m in merged] == [
        (0, 5, "ORG", "gazetteer"), (10, 20, "ORG", "gazetteer"), (30, 34, "LOC", "gazetteer")]


def test_sentences_without_arabic_are_not_tagged(tiny_model: Path):
    text = "Skip to main content\nوصل الوزير خالد حسن إلى بيروت."
    mentions = extract_mentions(doc_of(text), EntityTagger.load(tiny_model))
    assert mentions and all(m.start >= text.index("\n") for m in mentions)


def test_missing_model_raises_model_error_naming_the_file(tmp_path: Path):
    missing = tmp_path / "absent.crfsuite"
    with pytest.raises(ModelError, match=r"absent\.crfsuite"):
        EntityTagger.load(missing)


def test_corrupt_model_raises_model_error_naming_the_file(tmp_path: Path):
    corrupt = tmp_path / "broken.crfsuite"
    corrupt.write_bytes(b"not a crfsuite model" * 10)
    with pytest.raises(ModelError, match=r"broken\.crfsuite"):
        EntityTagger.load(corrupt)


def test_benchmark_reports_tokens_per_second(tiny_model: Path):
    sentences = [[w for w, _ in parse_composed(line)] for line in TRAINING]
    report = benchmark_tagger(sentences, EntityTagger.load(tiny_model))
    assert report["tokens"] == sum(map(len, sentences))
    assert report["cold_tokens_per_s"] > 0 and report["warm_tokens_per_s"] > 0


def test_shipped_model_loads_and_tags():
    if not settings.NER_MODEL_PATH.is_file():
        pytest.skip(f"no shipped model at {settings.NER_MODEL_PATH} (run scripts/train_ner.py)")
    labels = EntityTagger.load().tag("قال الرئيس الأميركي في واشنطن".split())
    assert len(labels) == 5 and labels[-1].endswith("LOC")


def _demo_sentences() -> list[list[str]]:
    from marsad.ingest import read_inputs
    from marsad.pipeline import analyze_pages

    demo = Path(__file__).resolve().parent.parent / "demo"
    docs = analyze_pages(list(read_inputs([str(demo)]))).docs
    return [[t.text for t in s.tokens] for d in docs for s in d.sentences]


@pytest.mark.parametrize("which", ["tiny", "shipped"])
def test_compiled_decoder_gives_crfsuites_labels(which: str, tiny_model: Path, monkeypatch: pytest.MonkeyPatch):
    """The compiled decoder (per-type weights, batched Viterbi) is only a faster way to
    the same answer: on every sentence of the demo corpus, batched in articles of
    different sizes, its labels are python-crfsuite's."""
    if which == "shipped" and not settings.NER_MODEL_PATH.is_file():
        pytest.skip(f"no shipped model at {settings.NER_MODEL_PATH} (run scripts/train_ner.py)")
    # With no O bias: the shipped model's decoding bias is the one thing crfsuite lacks.
    tagger = EntityTagger.load(tiny_model if which == "tiny" else None, outside_bias=0.0)
    sentences = [*_demo_sentences(), [], ["."], [w for w, _ in parse_composed(TRAINING[0])]]
    expected = [tagger.tag_with_crfsuite(s) for s in sentences]
    assert any(label != "O" for labels in expected for label in labels)
    for size in (1, 7, len(sentences)):
        got = [labels for i in range(0, len(sentences), size)
               for labels in tagger.tag_sentences(sentences[i:i + size])]
        assert got == expected
    # Tiny Viterbi blocks (one sentence each, however long) give the same labels too.
    monkeypatch.setattr(crf, "_BLOCK_CELLS", 5)
    assert tagger.tag_sentences(sentences) == expected
    monkeypatch.undo()
    # A full word-type cache starts afresh and still gives the same labels.
    tagger.forget_word_types()
    tagger._compiled.cache_limit = 50
    got = [labels for i in range(0, len(sentences), 7) for labels in tagger.tag_sentences(sentences[i:i + 7])]
    assert got == expected


def test_compiled_decoder_adds_real_valued_word_vector_features(tmp_path: Path):
    """Word-vector features (weight x value, the word's, else its clitic stem's) give the
    compiled decoder python-crfsuite's labels and scores too."""
    from itertools import pairwise

    import numpy as np

    from marsad.extract.ner_features import WordVectors

    keys = sorted({FeatureExtractor.word_key(w) for line in TRAINING for w, _ in parse_composed(line)})
    rng = np.random.default_rng(1)
    vectors = WordVectors({k: i for i, k in enumerate(keys)}, rng.normal(size=(len(keys), 4)).astype(np.float32))
    features = FeatureExtractor(vectors=vectors)
    assert features.dense_names == ("v0", "v1", "v2", "v3", "cv0", "cv1", "cv2", "cv3")
    values = features.dense_values(["دمشق", "ودمشق", "مجهولة"])
    assert (values[0, :4] == vectors.matrix[vectors.rows["دمشق"]]).all() and not values[0, 4:].any()
    assert not values[1, :4].any() and (values[1, 4:] == values[0, :4]).all()  # the stem's, as "cv"
    assert not values[2].any()
    trainer = pycrfsuite.Trainer(verbose=False)
    for line in TRAINING * 3:
        pairs = parse_composed(line)
        trainer.append(features.sentence_items([w for w, _ in pairs]), [lab for _, lab in pairs])
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 100})
    path = tmp_path / "dense.crfsuite"
    trainer.train(str(path))
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(path))
    assert any(attr.startswith("v") for attr, _ in crfsuite.info().state_features)
    tagger = EntityTagger(crfsuite, features, path)
    sentences = [*_demo_sentences()[:40], [w for w, _ in parse_composed(TRAINING[0])], "ووصل خالد إلى ودمشق".split()]
    expected = [tagger.tag_with_crfsuite(s) for s in sentences]
    assert tagger.tag_sentences(sentences) == expected
    assert any(label != "O" for labels in expected for label in labels)
    # Stricter than the labels: two labellings' score difference is crfsuite's log-odds.
    compiled = tagger._compiled
    index = {label: i for i, label in enumerate(compiled.labels)}
    for words, labels in zip(sentences[-2:], expected[-2:], strict=True):
        emissions = compiled.emissions([words])

        def path_score(path: list[str], emissions: np.ndarray = emissions) -> float:
            ids = [index[label] for label in path]
            return float(sum(emissions[t, k] for t, k in enumerate(ids))
                         + sum(compiled._trans[a, b] for a, b in pairwise(ids)))

        crfsuite.set(features.sentence_items(words))
        other = ["O"] * len(words)
        assert labels != other
        log_odds = np.log(crfsuite.probability(labels)) - np.log(crfsuite.probability(other))
        assert path_score(labels) - path_score(other) == pytest.approx(log_odds, abs=1e-4)


def test_outside_bias_is_read_beside_the_model_and_only_lowers_o(tiny_model: Path, tmp_path: Path):
    sentences = [_demo_sentences()[0], [w for w, _ in parse_composed(TRAINING[1])]]
    plain = EntityTagger.load(tiny_model)
    assert plain.outside_bias == 0.0  # no decoding file beside the tiny model
    assert plain.tag_sentences(sentences) == [plain.tag_with_crfsuite(s) for s in sentences]
    model = tmp_path / "biased.crfsuite"
    model.write_bytes(tiny_model.read_bytes())
    (tmp_path / "biased.decoding.json").write_text('{"outside_bias": 100}', encoding="utf-8")
    biased = EntityTagger.load(model)
    assert biased.outside_bias == 100
    assert all(label != "O" for labels in biased.tag_sentences(sentences) for label in labels)
    (tmp_path / "biased.decoding.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match=r"biased\.decoding\.json"):
        EntityTagger.load(model)


def test_type_biases_are_read_beside_the_model_and_raise_that_type(tiny_model: Path, tmp_path: Path):
    sentences = [_demo_sentences()[0], [w for w, _ in parse_composed(TRAINING[1])]]
    model = tmp_path / "typed.crfsuite"
    model.write_bytes(tiny_model.read_bytes())
    (tmp_path / "typed.decoding.json").write_text('{"outside_bias": 0, "type_biases": {"LOC": 100}}',
                                                  encoding="utf-8")
    typed = EntityTagger.load(model)
    assert typed.type_biases == {"LOC": 100.0}
    assert all(label.endswith("LOC") for labels in typed.tag_sentences(sentences) for label in labels)
    # An O bias given explicitly decodes with it alone (`marsad eval ner --outside-bias 0`).
    plain = EntityTagger.load(model, outside_bias=0.0)
    assert plain.tag_sentences(sentences) == [plain.tag_with_crfsuite(s) for s in sentences]


# --- CLI ----------------------------------------------------------------------------------

GOLD = """التقى O
الرئيس O
أحمد B-PERS
سالم I-PERS
في O
دمشق B-LOC
. O
وصل O
خالد B-PERS
حسن I-PERS
إلى O
مدينة O
طرابلس B-LOC
. O
"""


def test_cli_tag_writes_token_tab_label(shipped_is_tiny: Path, tmp_path: Path):
    source = tmp_path / "input.txt"
    source.write_text("التقى\nالرئيس O\nأحمد\nسالم\n\nفي\nدمشق\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["tag", "--format", "conll", str(source)])
    assert result.exit_code == 0, result.output
    blocks = result.stdout.strip("\n").split("\n\n")
    assert blocks[0].splitlines() == ["التقى\tO", "الرئيس\tO", "أحمد\tB-PER", "سالم\tI-PER"]
    assert blocks[1].splitlines() == ["في\tO", "دمشق\tB-LOC"]


def test_cli_eval_ner_prints_per_type_and_micro(shipped_is_tiny: Path, tmp_path: Path):
    gold = tmp_path / "gold.txt"
    gold.write_text(GOLD, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", str(gold)])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()]
    lines = {row[0]: row[1:] for row in rows}
    assert "2 sentences" in result.stdout
    # PER: both names found; LOC: دمشق found, طرابلس (unseen) scored either way, gold count 2.
    assert lines["PER"][:3] == ["100.00", "100.00", "100.00"]
    assert lines["LOC"][3] == "2"


def test_cli_reports_missing_files(shipped_is_tiny: Path, tmp_path: Path):
    result = CliRunner().invoke(app, ["eval", "ner", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["tag", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2

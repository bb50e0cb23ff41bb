"""Names the training part tags, as tagger features (marsad.extract.ner_names): counted
leave-one-document-out in training, kept beside the model. Composed sentences only."""

from __future__ import annotations

from pathlib import Path

from marsad.extract.ner_features import FeatureExtractor
from marsad.extract.ner_names import NameCounts, names_path

FIRST = [[("زار", "O"), ("أحمد", "B-PER"), ("سالم", "I-PER"), ("حلب", "B-LOC")],
         [("قال", "O"), ("أحمد", "O"), ("إن", "O"), ("حلب", "B-LOC")]]
SECOND = [[("وصل", "O"), ("خالد", "B-PER"), ("إلى", "O"), ("حلب", "B-LOC")], [("رحب", "O"), ("أحمد", "O")]]


def counts_of(*documents: list) -> NameCounts:
    return NameCounts.of([s for d in documents for s in d], FeatureExtractor.word_key)


def test_marks_say_how_often_a_word_is_a_name_and_leave_its_own_document_out(tmp_path: Path):
    counts = counts_of(FIRST, SECOND)
    assert counts.total["حلب"] == 3 and counts.roles["احمد"] == {"B-PER": 1}
    assert counts.marks(["حلب"]) == ["tn=B-LOC"]
    assert counts.marks(["احمد"]) == ["tm=B-PER"]  # a name in one of its three occurrences
    assert counts.marks(["وحلب", "حلب"]) == ["ctn=B-LOC"]  # its clitic stem's, marked "c"
    assert counts.marks(["قال"]) == []
    # In training, a word of the first document sees the second document's counts only.
    own = counts_of(FIRST)
    assert counts.marks(["احمد"], without=own) == []
    assert counts.marks(["حلب"], without=own) == ["tn=B-LOC"]
    assert counts.marks(["خالد"], without=counts_of(SECOND)) == []
    path = names_path(tmp_path / "ner.crfsuite")
    assert path.name == "ner.names.tsv.gz"
    counts.write(path)
    again = NameCounts.load(path)
    assert again.total == counts.total and dict(again.roles) == dict(counts.roles)
    assert not NameCounts.load(tmp_path / "absent.tsv.gz")


def test_a_tagger_with_names_marks_the_words_it_knows():
    features = FeatureExtractor(names=counts_of(FIRST, SECOND))
    own = features.word_features("وحلب").own
    assert "ctn=B-LOC" in own and not [f for f in features.word_features("وصل").own if "tn=" in f]

"""Clubs that bear their towns' names (marsad.extract.sport_clubs, the tagger's labels): the tagger's LOC
becomes ORG before a masculine country adjective, after نادي/فريق, and in a fixture list.
Composed sentences."""

from __future__ import annotations

from marsad.arabic.normalize import match_key
from marsad.extract.sport_clubs import club_labels, country_adjectives


def labelled(article: list[str], labels: list[list[str]]) -> list[list[str]]:
    """The pass over composed sentences, words numbered by their match keys as the decoder
    numbers them (one id per key)."""
    ids: dict[str, int] = {}
    words = [[ids.setdefault(match_key(w), len(ids)) for w in s.split()] for s in article]
    keys = {i: key for key, i in ids.items()}
    return club_labels(words, labels, keys.__getitem__)


def test_a_town_before_a_masculine_country_adjective_is_its_club():
    got = labelled(["فاز ميلان الإيطالي على ضيفه", "وصل الوفد إلى ميلان الإيطالية"],
                   [["O", "B-LOC", "O", "O", "O"], ["O", "O", "O", "B-LOC", "O"]])
    assert got == [["O", "B-ORG", "O", "O", "O"], ["O", "O", "O", "B-LOC", "O"]]
    # A region written with the article keeps its type; so does a place before a
    # continent's adjective ("المغرب العربي" and its like).
    assert labelled(["في الريف المغربي"], [["O", "B-LOC", "I-LOC", "O"]])[0] == ["O", "B-LOC", "I-LOC", "O"]
    assert labelled(["بلدان المغرب الأوروبي"], [["O", "B-LOC", "O"]])[0] == ["O", "B-LOC", "O"]


def test_a_place_after_a_club_head_is_the_club_but_a_national_team_keeps_its_country():
    got = labelled(["تعادل مع نادي قطر", "فاز منتخب مصر", "لاعب لفريق برشلونة"],
                   [["O", "O", "O", "B-LOC"], ["O", "O", "B-LOC"], ["O", "O", "B-LOC"]])
    assert got == [["O", "O", "O", "B-ORG"], ["O", "O", "B-LOC"], ["O", "O", "B-ORG"]]


def test_a_fixture_list_names_clubs_but_a_dateline_names_a_town():
    fixtures = "المجموعة الثانية بورتو ( البرتغال ) - سلتيك ( اسكتلندا ) 2 - 1"
    labels = ["O", "O", "B-LOC", "O", "B-LOC", "O", "O", "O", "O", "B-LOC", "O", "O", "O", "O"]
    got = labelled([fixtures], [labels])[0]
    assert got[2] == "B-ORG" and got[7] == "B-ORG" and got[4] == got[9] == "B-LOC"
    dateline = ["O", "B-LOC", "O", "B-LOC", "O", "O", "O"]
    assert labelled(["وقال بورتلاند ( أوريغون ) - قال"], [list(dateline)])[0] == dateline
    # Regions with their countries, no score between them: no fixture.
    regions = ["O", "B-LOC", "O", "B-LOC", "O", "O", "B-LOC", "O", "B-LOC", "O"]
    assert labelled(["بلغ آسيا ( الكويت ) و أوروبا ( فرنسا )"], [list(regions)])[0] == regions


def test_only_countries_adjectives_count():
    adjectives = country_adjectives()
    assert match_key("الألماني") in adjectives and match_key("القطري") in adjectives
    assert match_key("الأوروبي") not in adjectives and match_key("الألمانية") not in adjectives


def test_a_rare_name_a_report_s_cues_mark_is_a_club_wherever_the_report_writes_it() -> None:
    from marsad.arabic.tokenize import split_sentences
    from marsad.extract.sport_clubs import with_clubs
    text = ("يستضيف النوارس نظيره البراكين في الجولة الخامسة من الدوري. ويدخل النوارس المباراة بعد "
            "فوزه الماضي، فيما يسعى البراكين إلى تسجيل هدف مبكر.")
    tokens = [t for s in split_sentences(text) for t in s.tokens]
    found = [(m.text, m.type) for m in with_clubs([], tokens, text)]
    assert found == [("البراكين", "ORG"), ("النوارس", "ORG"), ("النوارس", "ORG"), ("البراكين", "ORG")] or \
        sorted(found) == sorted([("النوارس", "ORG"), ("البراكين", "ORG"), ("النوارس", "ORG"), ("البراكين", "ORG")])
    # a frequent word after a cue is a noun: "أمام الجماهير"
    text = "وفاز الفريق أمام الجماهير في المباراة الأولى من الدوري وسجل هدفين."
    tokens = [t for s in split_sentences(text) for t in s.tokens]
    assert [m.text for m in with_clubs([], tokens, text)] == []


def test_after_a_title_a_glued_lam_is_the_name_s_first_letter() -> None:
    from marsad.arabic.tokenize import split_sentences
    from marsad.extract.entities import sentence_mentions
    from marsad.extract.gazetteer import Gazetteer
    text = "وقال المدرب لحسن الزين إن الفريق جاهز."
    sentence = split_sentences(text)[0]
    labels = ["O", "O", "B-PER", "I-PER"] + ["O"] * (len(sentence.tokens) - 4)
    found = sentence_mentions(sentence, text, None, Gazetteer.load(), labels)  # type: ignore[arg-type]
    assert [m.text for m in found] == ["لحسن الزين"]

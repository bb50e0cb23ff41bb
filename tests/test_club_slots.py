"""Clubs named by ordinary words that news writes after نادي (marsad/extract/club_slots.py,
marsad/data/ner_club_names.tsv): a club in a sports report where the report writes it in a
club's slot, never in its other sense. Composed sentences."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.club_slots import learnt_clubs
from marsad.extract.sport_clubs import with_clubs


def clubs(text: str) -> list[str]:
    tokens = [t for s in split_sentences(text) for t in s.tokens]
    return [m.text for m in with_clubs([], tokens, text) if m.type == "ORG"]


def test_the_learnt_list_holds_clubs_and_no_ordinary_words() -> None:
    names = learnt_clubs()
    assert {"الشباب", "الوحده", "هجر"} <= names
    # a word news writes mostly on its own, or a town, is no learnt club
    assert not {"احد", "ريال", "العاصمه", "مانشستر"} & names


def test_a_learnt_name_in_a_club_s_slot_is_the_club_wherever_the_report_writes_it() -> None:
    text = ("خسر الفريق المباراة أمام الوحدة بهدفين في الجولة العاشرة من الدوري، "
            "وسجل هدف الوحدة الثاني مهاجمه البديل.")
    assert clubs(text) == ["الوحدة", "الوحدة"]
    # after على following a win
    text = "وحقق الفريق فوزه على الشباب بهدف في المباراة التي أقيمت على الملعب ضمن الدوري."
    assert clubs(text) == ["الشباب"]


def test_a_learnt_name_in_no_club_s_slot_stays_a_word() -> None:
    text = "وشارك الشباب في المباراة الخيرية على الملعب البلدي ضمن فعاليات الدوري الشعبي."
    assert clubs(text) == []


def test_a_learnt_name_in_its_other_sense_is_no_club() -> None:
    text = ("تغلب فريق الشباب على ضيفه في المباراة ضمن الدوري، فيما توج منتخب الشباب "
            "بلقب البطولة، وتكفلت رعاية الشباب بالجوائز.")
    assert clubs(text) == ["الشباب"]


def test_outside_sport_a_learnt_name_is_a_word() -> None:
    text = "وأكد الوزير أمام الشباب أن الوحدة الوطنية أساس التنمية."
    assert clubs(text) == []

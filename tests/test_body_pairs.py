"""Bodies named by a definite head and one adjective, read from the learnt pairs of
marsad/data/ner_body_pairs.tsv (issue 20); a board's mention read as its body's; a company's
name carried past its country's adjective. Composed sentences: behaviour, not quality."""

from __future__ import annotations

import pytest

from marsad.arabic.tokenize import split_sentences
from marsad.extract.body_pairs import body_pair_names, body_pairs
from marsad.model import EntityType, Mention


def found(text: str, given: tuple[tuple[str, EntityType], ...] = ()) -> list[tuple[str, str]]:
    tokens = split_sentences(text)[0].tokens
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, etype) for name, etype in given]
    return [(m.text, m.type) for m in body_pair_names(mentions, tokens, text)]


def test_the_learnt_list_holds_names_and_frames() -> None:
    pairs = body_pairs()
    assert pairs[("حرس", "ثوري")] is True  # a name alone
    assert pairs[("محكمه", "عليا")] is True
    assert pairs[("مجلس", "اعلي")] is False  # opens a longer name only
    assert ("شركه", "سعوديه") not in pairs  # "the Saudi company": most often one named before


@pytest.mark.parametrize(("text", "name"), [
    ("وأعلن الحرس الثوري اليوم إسقاط طائرة مسيرة.", "الحرس الثوري"),
    ("وقال قائد الحرس الثوري الإيراني إن المناورات انتهت.", "الحرس الثوري الإيراني"),
    ("ونظرت المحكمة العليا في الطعن أمس.", "المحكمة العليا"),
    ("ورفع البنك المركزي سعر الفائدة.", "البنك المركزي"),
    ("وأحيلت القضية إلى المحكمة الجنائية الدولية الأسبوع الماضي.", "المحكمة الجنائية الدولية"),
])
def test_a_learnt_pair_is_an_organisation(text: str, name: str) -> None:
    assert (name, "ORG") in found(text)


def test_a_place_the_tagger_gave_inside_the_pair_becomes_the_body() -> None:
    text = "وقضت المحكمة العليا ببطلان القرار."
    assert found(text, (("المحكمة العليا", "LOC"),)) == [("المحكمة العليا", "ORG")]


def test_a_frame_is_read_only_with_what_the_body_is_for() -> None:
    assert ("المجلس الأعلى للقضاء", "ORG") in found("وعقد المجلس الأعلى للقضاء اجتماعه السنوي.")
    assert found("وأكد المجلس الأعلى في بيانه ذلك.") == []


def test_a_name_pair_takes_no_word_after_it_that_is_not_part_of_a_name() -> None:
    assert found("وطلبت الأمم المتحدة الخاص بالنازحين تمويلا.")[0] == ("الأمم المتحدة", "ORG")


def test_a_pair_that_describes_the_word_before_it_is_no_name() -> None:
    assert found("وشاركت الفرق العسكرية الملكية في العرض.") == []


def test_a_board_is_read_as_the_body_it_governs() -> None:
    text = "وقرر مجلس إدارة الشركة القابضة للصناعات الغذائية توزيع الأرباح."
    assert found(text, (("مجلس إدارة الشركة القابضة للصناعات الغذائية", "ORG"),)) == \
        [("الشركة القابضة للصناعات الغذائية", "ORG")]
    assert found("واجتمع مجلس الإدارة أمس.", (("مجلس الإدارة", "ORG"),)) == []


def test_a_company_goes_on_past_its_country_with_what_it_is_for() -> None:
    text = "ووقعت الشركة السودانية لتوزيع الكهرباء المحدودة العقد."
    assert found(text, (("الشركة السودانية", "ORG"),)) == [("الشركة السودانية لتوزيع الكهرباء المحدودة", "ORG")]
    text = "وأعلن الاتحاد العام التونسي للشغل الإضراب."
    assert found(text, (("الاتحاد العام التونسي", "ORG"),)) == [("الاتحاد العام التونسي للشغل", "ORG")]


def test_a_ministry_or_a_government_stops_at_its_country() -> None:
    text = "وأطلقت وزارة التربية التونسية لمواجهة الظاهرة حملة."
    assert found(text, (("وزارة التربية التونسية", "ORG"),)) == [("وزارة التربية التونسية", "ORG")]
    text = "وقدمت الحكومة المصرية للمواطنين دعما."
    assert found(text, (("الحكومة المصرية", "ORG"),)) == [("الحكومة المصرية", "ORG")]
    text = "وقدمت الشركة المصرية للمواطنين دعما."
    assert found(text, (("الشركة المصرية", "ORG"),)) == [("الشركة المصرية", "ORG")]

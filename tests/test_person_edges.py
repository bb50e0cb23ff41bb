"""A person's mention without the title before it, with the word after a name link, and
ending on the name علي (issue 20, round 4 of real pages)."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.mention_filter import clean_mention
from marsad.extract.mention_spans import mend_spans
from marsad.model import Mention


def cleaned(text: str) -> str | None:
    mention = clean_mention(Mention(0, len(text), text, "PER"))
    return mention.text if mention else None


def test_a_title_or_profession_before_the_name_is_not_part_of_it() -> None:
    assert cleaned("للمخرج سالم العبد الله") == "سالم العبد الله"
    assert cleaned("العماد نبيل حداد") == "نبيل حداد"
    assert cleaned("المهندس") is None


def test_the_name_ali_is_not_the_preposition() -> None:
    assert cleaned("حسن علي") == "حسن علي"
    assert cleaned("حسن على") == "حسن"


def test_a_name_ending_on_abd_takes_the_next_word() -> None:
    text = "سدد أحمد سعيد عبد الرحيم كرة قوية."
    tokens = split_sentences(text)[0].tokens
    start = text.index("أحمد")
    end = text.index("عبد") + len("عبد")
    mended = mend_spans([Mention(start, end, text[start:end], "PER", source="model")], tokens, text)
    assert [m.text for m in mended] == ["أحمد سعيد عبد الرحيم"]


def test_as_and_a_role_after_a_name_is_no_part_of_it() -> None:
    # "appointed X as coach": كمدرب is ك + a common noun, which SaudiNewsNet writes often
    # bare and seldom with ك; a name that starts with ك (كمال, كاين) stays whole.
    text = "وعين النادي سالم الحربي كمدرب للفريق"
    start = text.index("سالم")
    cleaned = clean_mention(Mention(start, start + len("سالم الحربي كمدرب"), "سالم الحربي كمدرب", "PER"))
    assert cleaned is not None and cleaned.text == "سالم الحربي"
    assert clean_mention(Mention(0, 5, "كمدرب", "PER")) is None
    for name in ("هاري كاين", "أحمد كمال"):
        assert clean_mention(Mention(0, len(name), name, "PER")) == Mention(0, len(name), name, "PER")

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

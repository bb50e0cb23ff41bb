"""Match keys, tokens, sentences and clitics."""

from __future__ import annotations

import pytest

from marsad.arabic.normalize import display_clean, match_key
from marsad.arabic.tokenize import clitic_candidates, split_sentences, tokenize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("إيران", "ايران"),
        ("البيت الأبيض", "البيت الابيض"),
        ("مُصْطَفَى", "مصطفى"),
        ("الكاظمــي", "الكاظمي"),
        ("مستشفى", "مستشفي"),
        ("الحكومة", "الحكومه"),
        ("٣٥٠٠", "3500"),
        ("رئيس\u00a0الوزراء", "رئيس الوزراء"),
        ("\u200fالعراق\u200e", "العراق"),
        ("مسؤول", "مسوول"),
    ],
)
def test_match_key_merges_spelling_variants(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


def test_match_key_keeps_different_words_apart() -> None:
    assert match_key("عراق") != match_key("عراك")


def test_match_key_table_agrees_with_the_named_steps_on_every_character() -> None:
    """The translate table (short texts) and the step chain (long texts) are one function."""
    from marsad.arabic.normalize import _compute_match_key, _match_key_stepwise

    chars = [chr(c) for c in range(0x3100)] + ["\ufeff", "\u3000", "\U0001f600", "\ufb50"]
    for ch in chars:
        for text in (ch, f"ب{ch}ة", f" {ch}\u00a0\u200b\u00a0{ch} "):
            assert _compute_match_key(text) == _match_key_stepwise(text), repr(text)
    long_text = "أَمْسِ\u00a0\u00a0الثُّلاثاء ٣٥ ΟΔΟΣ İ\u200f " * 20
    assert _compute_match_key(long_text) == _match_key_stepwise(long_text)
    assert match_key(long_text) == match_key(long_text) == _match_key_stepwise(long_text)


def test_match_key_unspaced_splits_into_the_same_words() -> None:
    from marsad.arabic.normalize import match_key_unspaced

    chars = [chr(c) for c in range(0x3100)] + ["\ufeff", "\u3000", "\U0001f600", "\ufb50", "\u202f", "\u205f"]
    for ch in chars:
        text = f"ΟΔΟΣ{ch}\u00a0İ\tأَمْسِ{ch} ٣٥\u3000ة{ch}Σ " * 8  # long: the step chain without the space steps
        assert match_key_unspaced(text).split() == match_key(text).split(), repr(ch)
    assert match_key_unspaced("قصير\u00a0") == match_key("قصير\u00a0")


def test_display_clean_only_touches_invisible_marks() -> None:
    assert display_clean("رئيس\u00a0الوزراء\u200f") == "رئيس الوزراء"
    assert display_clean("مُصْطَفَى") == "مُصْطَفَى"


def test_tokens_keep_offsets_and_stems() -> None:
    text = "وقال للعراق إن 3,500 جندي وصلوا بحسب أ.ف.ب."
    tokens = tokenize(text)
    for tok in tokens:
        assert text[tok.start:tok.end] == tok.text
    words = [t.text for t in tokens]
    assert "3,500" in words and "أ.ف.ب" in words
    lil = next(t for t in tokens if t.text == "للعراق")
    assert lil.stem == "عراق" and lil.prefix == "لل"


def test_clitic_candidates_offer_every_split() -> None:
    assert ("و", "بغداد") in clitic_candidates("وبغداد")
    assert ("بال", "عراق") in clitic_candidates("بالعراق")
    assert clitic_candidates("بغداد")[0] == ("", "بغداد")


def test_sentences_split_on_end_marks_and_newlines_but_not_abbreviations() -> None:
    text = "التقى الوزير نظيره أمس. وقال د. أحمد إن المحادثات مثمرة؟ نعم\nسطر جديد"
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "التقى الوزير نظيره أمس.",
        "وقال د. أحمد إن المحادثات مثمرة؟",
        "نعم",
        "سطر جديد",
    ]
    for s in sents:
        assert text[s.start:s.end] == s.text
        assert all(s.start <= t.start and t.end <= s.end for t in s.tokens)


def test_decimal_numbers_do_not_split_sentences() -> None:
    assert len(split_sentences("ارتفع المؤشر 2.5 بالمئة اليوم.")) == 1


def test_proclitic_length_counts_surface_characters():
    from marsad.arabic.tokenize import proclitic_length

    assert proclitic_length("وواشنطن", "و") == 1
    assert proclitic_length("لـواشنطن", "ل") == 2  # the tatweel goes with the preposition
    assert proclitic_length("وَبِواشنطن", "وب") == 4  # diacritics too
    # The article cannot be cut from a word that lost its alef, nor a prefix that is absent.
    assert proclitic_length("للعراق", "لل") == 0
    assert proclitic_length("والعراق", "وال") == 0
    assert proclitic_length("بغداد", "و") == 0
    assert proclitic_length("و", "و") == 0  # never the whole word


def test_a_word_of_its_own_loses_no_letter_to_a_proclitic() -> None:
    from marsad.arabic.tokenize import is_whole_word, name_clitic_candidates, proclitic_length

    # كريم is not ك + ريم, كامل not ك + امل, بشار (a listed name) not ب + شار
    assert proclitic_length("كريم", "ك") == 0
    assert proclitic_length("كامل", "ك") == 0
    assert name_clitic_candidates("كريم") == (("", "كريم"),)
    assert name_clitic_candidates("بشار") == (("", "بشار"),)
    assert is_whole_word("كامل", "امل")
    assert proclitic_length("وكامل", "وك") == 0  # و + كامل, not وك + امل
    assert ("وك", "امل") not in name_clitic_candidates("وكامل")
    # real proclitics are still cut: the bare name is far more frequent
    assert ("و", "واشنطن") in name_clitic_candidates("وواشنطن")
    assert ("و", "العراق") in name_clitic_candidates("والعراق")
    assert not is_whole_word("وسوريا", "سوريا")
    # clitic_candidates itself still offers every split (search, events and dates use it)
    assert ("ك", "ريم") in clitic_candidates("كريم")


def test_gazetteer_and_name_start_keep_words_of_their_own() -> None:
    from marsad.arabic.tokenize import make_token
    from marsad.extract.entities import name_start
    from marsad.extract.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    assert gazetteer.match_words(["كامل", "الأسبوع"]) == []  # not the Iranian city آمل
    assert [m.canonical for m in gazetteer.match_words(["وواشنطن"])] == ["واشنطن"]
    token = make_token("كريم", 10)
    assert name_start(token, lambda key: key in {"ريم", "واشنطن"}) == 10
    assert name_start(make_token("وواشنطن", 10), lambda key: key == "واشنطن") == 11

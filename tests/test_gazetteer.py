"""Gazetteer lookup: longest match, clitics on the first word, provenance headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract.gazetteer import Gazetteer, gazetteer_files


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def matched(gazetteer: Gazetteer, sentence: str) -> list[tuple[str, str, str]]:
    words = sentence.split()
    return [(" ".join(words[m.start:m.end]), m.type, m.canonical) for m in gazetteer.match_words(words)]


@pytest.mark.parametrize("word", ["العراق", "والعراق", "بالعراق", "للعراق", "وللعراق", "فالعراق"])
def test_clitics_on_a_name_with_the_article(gazetteer: Gazetteer, word: str):
    assert matched(gazetteer, f"وصل الوفد {word} أمس") == [(word, "LOC", "العراق")]


@pytest.mark.parametrize("word", ["واشنطن", "لواشنطن", "بواشنطن", "وواشنطن"])
def test_clitics_on_a_name_without_the_article(gazetteer: Gazetteer, word: str):
    assert matched(gazetteer, f"عاد {word}") == [(word, "LOC", "واشنطن")]


def test_an_article_the_name_lacks_is_not_a_clitic(gazetteer: Gazetteer):
    # مالي (Mali) is left out as an everyday word, and واشنطن never takes ال.
    assert matched(gazetteer, "الدعم المالي والواشنطن") == []


def test_longest_match_wins_and_aliases_share_a_canonical_name(gazetteer: Gazetteer):
    found = matched(gazetteer, "قال مسؤول في تنظيم الدولة الإسلامية إن داعش والناتو")
    assert found == [("تنظيم الدولة الإسلامية", "ORG", "تنظيم الدولة الإسلامية"),
                     ("داعش", "ORG", "تنظيم الدولة الإسلامية"),
                     ("والناتو", "ORG", "حلف شمال الأطلسي")]


def test_matches_carry_codes_and_known_wikidata_ids(gazetteer: Gazetteer):
    words = "اجتمع ممثلو الأمم المتحدة في بغداد مع الحشد الشعبي".split()
    by_name = {m.canonical: m for m in gazetteer.match_words(words)}
    assert by_name["الأمم المتحدة"].wikidata == "Q1065"
    assert by_name["بغداد"].code == "IRQ"
    assert by_name["الحشد الشعبي"].type == "ORG" and by_name["الحشد الشعبي"].wikidata is None


def test_spelling_variants_match_through_match_keys(gazetteer: Gazetteer):
    # Alef forms and ta marbuta / ha are unified by the match key.
    first, second = matched(gazetteer, "في ايران وإيران")
    assert first[2] == second[2] == "إيران"
    assert matched(gazetteer, "الامم المتحده")[0][1] == "ORG"


def test_nationality_adjectives_are_misc(gazetteer: Gazetteer):
    assert matched(gazetteer, "الجيش الأميركي والقوات العراقية") == [
        ("الأميركي", "MISC", "أميركي"), ("العراقية", "MISC", "عراقي")]


def test_token_roles_mark_first_and_later_words(gazetteer: Gazetteer):
    roles = gazetteer.token_roles()
    assert "B-LOC" in roles["بغداد"]
    assert "I-ORG" in roles["الابيض"]


def test_every_gazetteer_file_names_its_source():
    files = gazetteer_files()
    assert len(files) >= 4
    for path in files:
        head = Path(path).read_text(encoding="utf-8").splitlines()[:6]
        assert any(line.startswith("#") and "Source" in line for line in head), path.name


def test_the_press_spelling_of_the_congo_is_the_congo_s_entry() -> None:
    from marsad.arabic.normalize import match_key
    from marsad.extract.gazetteer import list_entries

    countries = list_entries("gazetteer_countries.tsv")
    press = countries[tuple(match_key("الكونغو الديمقراطية").split())]
    assert (press.type, press.code) == ("LOC", "COD")
    assert press.canonical == countries[tuple(match_key("الكونغو - كينشاسا").split())].canonical


def test_every_clitic_stem_is_one_of_the_seven_forms_name_starts_looks_up():
    """`Gazetteer._name_starts` passes a word by when none of seven cuts of its key is a
    name's first word: every stem `clitic_candidates` gives must be one of them."""
    from marsad.arabic.tokenize import clitic_candidates
    proclitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فك", "ال", "وال", "بال", "لل", "ولل", "فلل", "فبال", "وكال"]
    for stem in ("العراق", "عراق", "بغداد", "لبنان", "اللاذقيه", "ولايه", "كامل"):
        for key in (p + stem for p in proclitics):
            forms = {key, key[1:], key[2:], key[3:], key[4:], "ال" + key[2:], "ال" + key[3:]}
            assert all(stem_ in forms for _, stem_ in clitic_candidates(key)), key

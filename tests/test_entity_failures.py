"""Issue 20's SaudiNewsNet entity failures that remained, each rule on short texts written
for these tests: a word with tanwin is no name (دومًا), an honorific after a name is not
part of it (رحمه الله), الصور is the pictures, a name repeat never adds the article
(سيول / والسيول), a bare place the article also writes with the article is the noun, a
nisba after a definite noun is its adjective (الإعلام العربي), a word the corpus writes
with tanwin is not filled in alone (دوما), and a word the corpus nearly always tags a person
is that person (أوباما). scripts/snn_entity_checks.py runs the same failures on
SaudiNewsNet."""

from __future__ import annotations

from link_docs import doc_with, entity_of

from marsad.arabic.tokenize import split_sentences
from marsad.extract.coref import propagate_names
from marsad.extract.entities import ArticleForms, gazetteer_mentions
from marsad.extract.gazetteer import Gazetteer, common_words
from marsad.extract.mention_filter import clean_mention
from marsad.extract.roles import names_after_titles
from marsad.link.entities import link_entities
from marsad.link.transliteration import words_agree
from marsad.model import Mention


def cleaned(text: str, etype: str = "LOC") -> str | None:
    found = clean_mention(Mention(0, len(text), text, etype))  # type: ignore[arg-type]
    return found.text if found else None


def test_a_word_written_with_tanwin_is_no_name() -> None:
    assert cleaned("دومًا") is None and cleaned("دوماً") is None  # "always", not Douma
    assert cleaned("كوبًا") is None
    assert cleaned("دوما") == "دوما"  # the town, as written in a name


def test_an_honorific_after_a_name_is_not_part_of_it() -> None:
    assert cleaned("نايف رحمه الله", "PER") == "نايف"
    assert cleaned("فيصل بن عبد العزيز رحمه الله", "PER") == "فيصل بن عبد العزيز"
    assert cleaned("محمد صلى الله عليه وسلم", "PER") == "محمد"
    assert cleaned("رحمه الله", "PER") is None
    assert cleaned("عبد الله", "PER") == "عبد الله"  # الله alone never trails


def test_an_honorific_set_off_after_a_title_is_no_person() -> None:
    honorific = "وكان الأمير سعود الفيصل، رحمه الله، قد زار المدينة."
    assert names_after_titles(doc_with("a", honorific, [])) == []
    name = "وأكد مساعد وزير الخارجية لشؤون أفريقيا، سامر نجار، أن الجولة ستعقد قريبا."
    assert [m.text for m in names_after_titles(doc_with("b", name, []))] == ["سامر نجار"]


def test_the_pictures_are_no_place() -> None:
    assert cleaned("الصور") is None
    assert cleaned("صور") == "صور"  # Tyre


def gazetteer_places(text: str) -> list[str]:
    """Gazetteer places of a text where the tagger said O everywhere."""
    sentences = [s for s in split_sentences(text) if s.tokens]
    nouns_here = ArticleForms(sentences)
    return [m.text for s in sentences
            for m in gazetteer_mentions(s, text, Gazetteer.load(), ["O"] * len(s.tokens), nouns_here)
            if m.type == "LOC"]


def test_a_bare_place_the_article_writes_with_the_article_is_the_noun() -> None:
    floods = "تسببت الأمطار الغزيرة في سيول جارفة. وقال الدفاع المدني إن السيول قطعت الطرق في جدة."
    assert "سيول" not in gazetteer_places(floods)
    assert "جدة" in gazetteer_places(floods)
    seoul = "وصل الوفد إلى سيول أمس لبحث التعاون."
    assert "سيول" in gazetteer_places(seoul)


def test_a_name_repeat_never_adds_the_article() -> None:
    text = "أقلعت الطائرة من سيول صباحا. وحذرت الأرصاد من الأمطار والسيول في المنطقة."
    doc = doc_with("a", text, [("سيول", "LOC")])
    assert [m.text for m in propagate_names(doc)] == ["سيول"]


def test_a_nisba_after_a_definite_noun_is_an_adjective_not_the_surname() -> None:
    text = ("شارك محمد العربي في الندوة عن الإعلام العربي ودور العالم العربي. "
            "وقال العربي إن الرئيس العربي للجلسة رحب بالضيوف.")
    doc = doc_with("a", text, [("محمد العربي", "PER")])
    repeats = [(m.start, m.text) for m in propagate_names(doc) if m.source == "coref"]
    said = text.index("وقال العربي") + len("وقال ")
    titled = text.index("الرئيس العربي") + len("الرئيس ")
    assert repeats == [(said, "العربي"), (titled, "العربي")]


def test_a_surname_with_no_feminine_stays_the_person_after_a_definite_word() -> None:
    text = "فاز عبد الفتاح السيسي بالانتخابات. واختار الشعب السيسي رئيسا."
    doc = doc_with("a", text, [("عبد الفتاح السيسي", "PER")])
    assert [m.text for m in propagate_names(doc) if m.source == "coref"] == ["السيسي"]


def test_a_vowel_moved_is_still_a_spelling() -> None:
    # Why باردو (Bardo) and برادو (Prado) still merge: their letters differ as the press's
    # own variants do (SaudiNewsNet: جون ستيوارت / ستيورات, سامنثا / سمانثا باور, الدانمرك /
    # الدنمارك); a rule that split them split these three (first 1,000 articles).
    for a, b in [("ستيوارت", "ستيورات"), ("سامنثا", "سمانثا"), ("الدانمرك", "الدنمارك"), ("امريكا", "اميركا")]:
        assert words_agree(a, b)


def test_a_place_the_corpus_writes_with_tanwin_is_not_filled_in_alone() -> None:
    # scripts/build_gazetteer_common_words.py lists دوما: a fifth of its matches carry tanwin.
    assert "دوما" in common_words()
    assert "دوما" not in gazetteer_places("وقال المدير: نقول دوما إن العمل يحتاج إلى صبر.")
    assert "درعا" not in common_words()  # درعًا (a shield) is rare beside Daraa


def test_a_word_the_corpus_nearly_always_tags_a_person_is_that_person() -> None:
    said = " ".join(["وأكد أوباما أن الاتفاق مهم."] * 10)
    docs, entities = link_entities([
        doc_with("a", "قال الرئيس باراك أوباما إن المفاوضات مستمرة. " + said,
                 [("باراك أوباما", "PER")] + [("أوباما", "PER")] * 10),
        doc_with("b", "نشرت الصحيفة مقالا بعنوان «أوباما يدافع عن الاتفاق».", [("أوباما", "ORG")]),
    ])
    assert entity_of(docs, entities, "b", "أوباما").id == entity_of(docs, entities, "a", "باراك أوباما").id
    assert entity_of(docs, entities, "b", "أوباما").type == "PER"


def test_a_word_often_of_another_type_keeps_its_type() -> None:
    person = " ".join(["وقال النصر إن الفريق جاهز."] * 10)
    club = " ".join(["وفاز النصر على الهلال."] * 3)
    docs, entities = link_entities([
        doc_with("a", "قال المدرب أحمد النصر إن اللاعبين جاهزون. " + person,
                 [("أحمد النصر", "PER")] + [("النصر", "PER")] * 10),
        doc_with("b", club, [("النصر", "ORG")] * 3),
    ])
    assert entity_of(docs, entities, "b", "النصر").type == "ORG"


def test_a_word_after_a_name_can_make_it_the_common_word() -> None:
    from marsad.extract.name_senses import without_noun_senses

    def kept(text: str) -> list[str]:
        at = text.index("ساري")
        tokens = [t for s in split_sentences(text) for t in s.tokens]
        return [m.text for m in without_noun_senses([Mention(at, at + 4, "ساري", "LOC")], tokens)]

    assert kept("وأكد النادي أن عقد اللاعب لا يزال ساري المفعول لعامين.") == []  # "in force"
    assert kept("ضرب زلزال مدينة ساري شمال إيران.") == ["ساري"]


def test_the_shipped_tagger_repeats_none_of_the_failures_in_a_whole_pipeline_run() -> None:
    """Issue 20's SaudiNewsNet failures, end to end with the shipped model on composed
    articles: no letter cut off كريم or كامل, a base is not al-Qaeda, no deity, currency or
    field of study is an entity, Syria/Switzerland and Dammam/Douma stay apart, and Obama
    by full name and by surname is one record."""
    from marsad import settings
    from marsad.ingest import make_page
    from marsad.pipeline import analyze_pages

    if not settings.NER_MODEL_PATH.is_file():
        import pytest

        pytest.skip("no shipped NER model")
    first = ("قال الطبيب كريم الساعدي إن قذائف سقطت فجر اليوم على قاعدة التاجي شمال بغداد. وأضاف الساعدي أن كامل "
             "الأسرة نجت بحمد الله، وأن الخسائر بلغت مليون دولار. وتخصص الساعدي في علم النفس في جامعة بغداد.\n\n"
             "وزار وفد من سويسرا مدينة دوما قرب دمشق، ثم توجه إلى الدمام في المنطقة الشرقية.\n\n")
    second = ("قال الرئيس الأمريكي باراك أوباما في واشنطن إن بلاده ستواصل دعم الحكومة العراقية. وأضاف أوباما أن "
              "القوات الأمريكية لن تعود إلى سوريا، وأن المساعدات بلغت مليار ريال.\n\n"
              "وفي الدمام، أعلنت الشرطة القبض على شخصين، بينما وصل وفد من سويسرا إلى الرياض.\n\n")
    analysis = analyze_pages([make_page("site/a.txt", "قذائف على قاعدة التاجي\n\n" + first),
                              make_page("site/b.txt", "أوباما يتحدث عن العراق\n\n" + second)])
    mentions = {m.text for d in analysis.docs for m in d.mentions}
    assert not mentions & {"ريم الساعدي", "ريم", "امل", "الله", "دولار", "ريال", "علم النفس"}
    names = {e.name: e for e in analysis.entities}
    assert not {"الله", "دولار", "ريال", "علم النفس"} & set(names)
    assert not [e for e in analysis.entities if e.type == "ORG" and "القاعدة" in e.aliases]
    for a, b in (("سويسرا", "سوريا"), ("دوما", "الدمام")):
        assert not [e for e in analysis.entities if a in e.aliases and b in e.aliases]
    obama = [e for e in analysis.entities if "أوباما" in e.aliases or "باراك أوباما" in e.aliases]
    assert len(obama) == 1 and {"أوباما", "باراك أوباما"} <= set(obama[0].aliases)
    assert "كريم الساعدي" in names and names["كريم الساعدي"].type == "PER"


def test_a_word_of_its_own_before_the_rest_of_a_longer_name_is_a_clitic_and_the_name() -> None:
    # لرئاسة and برئاسة are words of their own ("for the chairing", "chaired by"), so a
    # one-word name is never cut out of them; the word after says this one is ل + رئاسة.
    text = "عين أمينا عاما لرئاسة الجمهورية، واجتمع برئاسة الوزراء مع كامل أعضاء الوفد."
    sentences = [s for s in split_sentences(text) if s.tokens]
    found = [(m.text, m.type) for s in sentences
             for m in gazetteer_mentions(s, text, Gazetteer.load(), ["O"] * len(s.tokens))]
    assert ("رئاسة الجمهورية", "ORG") in found
    assert ("رئاسة الوزراء", "ORG") in found
    assert not any("امل" in name for name, _ in found)


def test_a_verb_of_saying_or_writing_after_a_name_is_not_part_of_it() -> None:
    assert cleaned("محمد أحمد يكتب") == "محمد أحمد"
    assert cleaned("محمد صلاح شغل") == "محمد صلاح"
    assert cleaned("يكتب") is None

"""Centres, joint commands, leagues, visions and stadiums named by a date; a body's name with
its country's adjective; a sports report's places that name their clubs; persons made of a
role; agencies in datelines; prosecutions (issue 20, round 8). Texts written for the tests."""

from __future__ import annotations

import pytest

from marsad.arabic.tokenize import split_sentences
from marsad.extract.agency_names import agency_mentions
from marsad.extract.centre_names import centre_names
from marsad.extract.mention_filter import clean_mention
from marsad.extract.sport_clubs import places_as_clubs
from marsad.extract.titled_names import names_that_can_be, without_role_persons
from marsad.model import Mention


def _mentions(text: str, found: tuple[tuple[str, str], ...]) -> list[Mention]:
    return [Mention(text.index(n), text.index(n) + len(n), n, t, source="model") for n, t in found]


def centres(text: str, found: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    tokens = split_sentences(text)[0].tokens
    return [(m.text, m.type) for m in centre_names(_mentions(text, found), tokens, text)]


@pytest.mark.parametrize(("text", "name"), [
    ("وعقد مركز البحوث والتواصل المعرفي ندوة في المدينة.", "مركز البحوث والتواصل المعرفي"),
    ("وقال رئيس مركز دراسات الخليج والجزيرة العربية إن التقرير صدر.", "مركز دراسات الخليج والجزيرة العربية"),
    ("وأعلن مركز الإعلام الأمني القبض على المتهمين.", "مركز الإعلام الأمني"),
    ("ووزع مركز الملك فهد للإغاثة والأعمال الخيرية سلالا غذائية.", "مركز الملك فهد للإغاثة والأعمال الخيرية"),
    ("ونظم مركز أمل للتنمية البشرية وحقوق الطفل ورشة عمل.", "مركز أمل للتنمية البشرية وحقوق الطفل"),
    ("وتولى المركز المغربي للثقافة والفنون الشريك المنفذ التوزيع.", "المركز المغربي للثقافة والفنون"),
])
def test_a_centre_is_named_of_research_a_sovereign_or_what_it_is_for(text: str, name: str) -> None:
    assert (name, "ORG") in centres(text)


@pytest.mark.parametrize("text", [
    "واحتل الفريق المركز الثالث في الترتيب العام.",
    "وتوجهت الدورية إلى مركز المدينة صباحا.",
    "وحافظ اللاعب على مركز الصدارة طوال الموسم.",
    "وزار مركز الملك فهد الثقافي عدد من الطلاب.",
])
def test_a_rank_a_town_centre_or_a_named_place_is_no_centre(text: str) -> None:
    assert all(t != "ORG" for _, t in centres(text))


def test_a_centre_found_inside_the_tagger_s_persons_replaces_them() -> None:
    text = "ووزع مركز الملك فهد للإغاثة سلالا غذائية."
    assert centres(text, (("فهد", "PER"),)) == [("مركز الملك فهد للإغاثة", "ORG")]


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("وتصدت القوات المشتركة لهجوم على مواقعها.", "القوات المشتركة", "ORG"),
    ("وأشاد بجهود الأركان المشتركة في التخطيط.", "الأركان المشتركة", "ORG"),
    ("وشارك الفريق في دوري المحترفين لكرة القدم.", "دوري المحترفين", "MISC"),
    ("ويلعب الفريق في دوري زينكو للمحترفين هذا الموسم.", "دوري زينكو للمحترفين", "MISC"),
    ("ويتماشى المشروع مع رؤية المملكة 2030 في التنويع.", "رؤية المملكة 2030", "MISC"),
    ("وجرت المباراة بملعب 5 جويلية 1962 أمام جمهور غفير.", "ملعب 5 جويلية 1962", "LOC"),
])
def test_commands_leagues_visions_and_dated_stadiums(text: str, name: str, etype: str) -> None:
    assert (name, etype) in centres(text)


def test_a_league_of_a_continent_holds_the_continent() -> None:
    text = "وشارك الفريق في دوري أبطال أفريقيا للنخبة هذا العام."
    assert centres(text, (("أفريقيا", "LOC"),)) == [("دوري أبطال أفريقيا للنخبة", "MISC")]


def test_a_body_takes_its_country_s_adjective_when_they_agree() -> None:
    text = "وشاركت جمعية الصداقة والتعاون الأردنية في الحفل."
    found = centres(text, (("جمعية الصداقة والتعاون", "ORG"), ("الأردنية", "MISC")))
    assert found == [("جمعية الصداقة والتعاون الأردنية", "ORG")]


def clubs(text: str, found: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    tokens = [t for s in split_sentences(text) for t in s.tokens]
    return [(m.text, m.type) for m in places_as_clubs(_mentions(text, found), tokens, text)]


def test_a_place_after_a_club_cue_is_its_club_across_the_report() -> None:
    text = "وفاز فريق دبي على ضيفه. وحل دبي ثانيا بعد المباراة في دبي."
    found = clubs(text, (("فريق دبي", "ORG"),))
    assert found == [("دبي", "ORG")]
    second = text.index("وحل دبي") + 4
    mentions = [Mention(text.index("دبي"), text.index("دبي") + 3, "دبي", "LOC", source="gazetteer"),
                Mention(second, second + 3, "دبي", "LOC", source="gazetteer"),
                Mention(text.rindex("دبي"), text.rindex("دبي") + 3, "دبي", "LOC", source="gazetteer")]
    tokens = [t for s in split_sentences(text) for t in s.tokens]
    types = [m.type for m in places_as_clubs(mentions, tokens, text)]
    assert types == ["ORG", "ORG", "LOC"]  # after فريق, then alone; "في دبي" is the place
    cued = "وخسر أمام دبي أمس. وتقدم دبي إلى المركز الثاني. ويقيم اللاعب في دبي."
    spots = [cued.index("دبي"), cued.index("دبي", cued.index("دبي") + 3), cued.rindex("دبي")]
    mentions = [Mention(s, s + 3, "دبي", "LOC", source="gazetteer") for s in spots]
    tokens = [t for s in split_sentences(cued) for t in s.tokens]
    assert [m.type for m in places_as_clubs(mentions, tokens, cued)] == ["ORG", "ORG", "LOC"]


def roles(text: str, found: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    tokens = split_sentences(text)[0].tokens
    return [(m.text, m.type) for m in without_role_persons(_mentions(text, found), tokens, text)]


def test_a_role_and_a_noun_are_no_person_but_a_governor_s_place_stays() -> None:
    assert roles("وقال رئيس الديوان إن القرار نهائي.", (("رئيس الديوان", "PER"),)) == []
    assert roles("وزار محافظ أسوان الموقع.", (("محافظ أسوان", "PER"),)) == [("أسوان", "LOC")]
    assert roles("وقال أمين الناصر إن الشركة ربحت.", (("أمين الناصر", "PER"),)) == [("أمين الناصر", "PER")]


def test_a_name_set_off_after_a_title_must_be_able_to_be_a_name() -> None:
    text = "رئيس الديوان ووضح الوالي جوي هود"
    found = [Mention(text.index(n), text.index(n) + len(n), n, "PER", source="title")
             for n in ("رئيس الديوان", "ووضح الوالي", "جوي هود")]
    assert [m.text for m in names_that_can_be(found)] == ["جوي هود"]


@pytest.mark.parametrize(("text", "name"), [
    ("وأج - تأهل الفريق إلى الدور المقبل.", "وأج"),
    ("الرياض/ واس", "واس"),
])
def test_an_agency_first_in_a_dateline_or_after_a_slash_is_an_organisation(text: str, name: str) -> None:
    tokens = split_sentences(text)[0].tokens
    assert (name, "ORG") in [(m.text, m.type) for m in agency_mentions([], tokens, text)]


def test_a_product_line_written_with_i_is_no_person() -> None:
    found = clean_mention(Mention(0, 7, "آي فون", "PER", source="model"))
    assert found is not None and found.type == "MISC"


def test_opener_keys_are_the_keys_that_may_open():
    """The key set that lets a sentence skip the token loop holds every key `_may_open`
    accepts, under any proclitic string `clitic_candidates` splits off."""
    from marsad.extract.centre_names import _may_open, _opener_heads, _opener_keys
    proclitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فك", "ال", "وال", "بال", "لل", "ولل", "فبال", "وكال"]
    stems = set(_opener_heads()) | {h.removeprefix("ال") for h in _opener_heads()} | {"مركزي", "دورية", "رويا"}
    for key in {p + stem for p in proclitics for stem in stems} | {p + "ال" + s for p in ("لل", "ولل") for s in stems}:
        assert (key in _opener_keys()) == _may_open(key), key


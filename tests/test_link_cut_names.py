"""Linking a one-word person the tagger cut from a longer name, and a bare surname across
articles (marsad.link.neighbours, marsad.link.context). Fixtures are composed sentences."""

from __future__ import annotations

from link_docs import doc_with
from test_link_precision import same_entity

from marsad.link.entities import link_entities
from marsad.link.neighbours import holds_word


def test_a_bare_surname_of_another_article_joins_only_where_the_articles_share_a_name() -> None:
    docs, entities = link_entities([
        doc_with("a", "سجل ماركو رويس هدفا لفريق دورتموند أمام ليفربول، واحتفل رويس مع الجماهير.",
                 [("ماركو رويس", "PER"), ("دورتموند", "ORG"), ("ليفربول", "ORG"), ("رويس", "PER")]),
        doc_with("b", "وقال رويس رئيس لجنة الشؤون الخارجية إن الاتفاق مع طهران خطأ.", [("رويس", "PER"), ("طهران", "LOC")]),
        doc_with("c", "وغاب رويس عن تدريبات دورتموند أمس.", [("رويس", "PER"), ("دورتموند", "ORG")]),
    ])
    assert not same_entity(docs, entities, ("a", "ماركو رويس"), ("b", "رويس"))
    assert same_entity(docs, entities, ("a", "ماركو رويس"), ("c", "رويس"))


def test_a_person_named_in_full_in_several_articles_needs_no_shared_name() -> None:
    docs, entities = link_entities([
        doc_with("a", "قال الرئيس باراك أوباما إن الاتفاق جيد.", [("باراك أوباما", "PER")]),
        doc_with("b", "وزار باراك أوباما كينيا.", [("باراك أوباما", "PER"), ("كينيا", "LOC")]),
        doc_with("c", "ورد أوباما على منتقديه في الكونغرس.", [("أوباما", "PER"), ("الكونغرس", "ORG")]),
    ])
    assert same_entity(docs, entities, ("a", "باراك أوباما"), ("c", "أوباما"))


def test_a_word_before_a_bare_surname_picks_which_person_of_the_article() -> None:
    text = ("نعت الأسرة جمال علي اليافعي الذي سقط في المعارك، وقال رامي سعيد اليافعي إن أخاه كان شجاعا. "
            "وكان جمال اليافعي يدافع عن قريته.")
    doc = doc_with("a", text, [("جمال علي اليافعي", "PER"), ("رامي سعيد اليافعي", "PER"), ("اليافعي", "PER")])
    docs, entities = link_entities([doc])
    assert same_entity(docs, entities, ("a", "جمال علي اليافعي"), ("a", "اليافعي"))


def test_a_given_name_followed_by_another_family_name_is_not_the_article_surname() -> None:
    text = "ضمت القائمة طارق عبدالعزيز ومنصور شراحيلي، وعبدالعزيز فلاته، ووليد محبوب."
    doc = doc_with("a", text, [("طارق عبدالعزيز", "PER"), ("منصور شراحيلي", "PER"), ("وعبدالعزيز", "PER"),
                               ("وليد محبوب", "PER")])
    other = doc_with("b", "وقع عبدالعزيز المنصور عقده مع النادي.", [("عبدالعزيز المنصور", "PER")])
    docs, entities = link_entities([other, doc])
    assert not same_entity(docs, entities, ("a", "طارق عبدالعزيز"), ("a", "وعبدالعزيز"))


def test_a_surname_particle_before_a_cut_name_is_part_of_it() -> None:
    docs, entities = link_entities([
        doc_with("a", "قدم ستيفان دي ميستورا تقريره إلى مجلس الأمن بشأن سوريا.",
                 [("ستيفان دي ميستورا", "PER"), ("مجلس الأمن", "ORG"), ("سوريا", "LOC")]),
        doc_with("b", "تابعت تصريحات لافروف وكيري ودي ميستورا عن سوريا.",
                 [("لافروف", "PER"), ("وكيري", "PER"), ("ميستورا", "PER"), ("سوريا", "LOC")]),
    ])
    assert same_entity(docs, entities, ("a", "ستيفان دي ميستورا"), ("b", "ميستورا"))


def test_a_name_holds_a_word_in_another_spelling_or_without_a_compound_space() -> None:
    assert holds_word("ادولف هتلر", "ادلوف")
    assert holds_word("ابو بكر البغدادي", "ابوبكر")
    assert not holds_word("ماركو رويس", "ايد")


def test_a_family_name_is_no_first_name_of_a_longer_span() -> None:
    text = "قال ستيفان دي ميستورا إن دي ميستورا أبلغهم بالخطة، وأكد دي ميستورا أنه متفائل."
    doc = doc_with("a", text, [("ستيفان دي ميستورا", "PER"), ("دي ميستورا أبلغهم", "PER"), ("دي ميستورا", "PER")])
    docs, entities = link_entities([doc])
    assert same_entity(docs, entities, ("a", "ستيفان دي ميستورا"), ("a", "دي ميستورا"))

"""Roles before and after names; role-only references back to the person."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.roles import attach_roles
from marsad.model import Article, Doc, Mention


def doc_with(text: str, names: list[tuple[str, str]]) -> Doc:
    mentions, pos = [], 0
    for name, etype in names:
        start = text.index(name, pos)
        mentions.append(Mention(start, start + len(name), name, etype))  # type: ignore[arg-type]
        pos = start + len(name)
    article = Article(id="a1", source="t", text=text, title=None, published=None, outlet=None,
                      language="ar", is_article=True)
    return Doc(article=article, sentences=tuple(split_sentences(text)), mentions=tuple(mentions))


TEXT = (
    "استقبل رئيس الوزراء الليبي خالد المنصوري في طرابلس المبعوث الأممي للشؤون الإنسانية سامي الحداد. "
    "وقالت المتحدثة باسم الحكومة ليلى العمري إن اللقاء كان مثمرا. "
    "وأكد رئيس الوزراء الليبي أن بلاده ستسهل وصول المساعدات. "
    "وأضافت المتحدثة أن الزيارة تستمر يومين."
)
NAMES = [("خالد المنصوري", "PER"), ("طرابلس", "LOC"), ("سامي الحداد", "PER"), ("ليلى العمري", "PER")]


def test_role_before_the_name_is_attached() -> None:
    mentions = {m.text: m for m in attach_roles(doc_with(TEXT, NAMES))}
    assert mentions["خالد المنصوري"].role == "رئيس الوزراء الليبي"
    assert mentions["سامي الحداد"].role == "المبعوث الأممي للشؤون الإنسانية"
    assert mentions["ليلى العمري"].role == "المتحدثة باسم الحكومة"
    assert mentions["طرابلس"].role is None


def test_role_only_references_point_back_to_the_person() -> None:
    refs = [m for m in attach_roles(doc_with(TEXT, NAMES)) if m.source == "role"]
    by_text = {m.text: m for m in refs}
    assert by_text["رئيس الوزراء الليبي"].antecedent == "خالد المنصوري"
    assert by_text["المتحدثة"].antecedent == "ليلى العمري"
    for ref in refs:
        assert TEXT[ref.start:ref.end] == ref.text and ref.type == "PER"


def test_no_role_reference_without_a_named_person() -> None:
    text = "وقال رئيس الوزراء إن الحكومة ستجتمع غدا. وأكد رئيس الوزراء أن الموازنة جاهزة."
    assert attach_roles(doc_with(text, [])) == []


def test_appositive_role_after_the_name() -> None:
    text = "وقال سمير داود، مساعد وزير الخارجية لشؤون أفريقيا، إن المحادثات ستستأنف."
    [m] = attach_roles(doc_with(text, [("سمير داود", "PER")]))
    assert m.role == "مساعد وزير الخارجية لشؤون أفريقيا"


def test_a_verb_between_role_word_and_name_blocks_the_role() -> None:
    text = "التقى الوزير أمس في القاهرة نظيره الأردني، وقال إن سامي الحداد سيزور البلاد."
    [m] = attach_roles(doc_with(text, [("سامي الحداد", "PER")]))
    assert m.role is None


def test_ambiguous_role_reference_is_skipped() -> None:
    text = ("وقال وزير الخارجية المصري أحمد فوزي إن الاجتماع مهم. وقال وزير الخارجية الأردني رامي نصار إنه يوافق. "
            "وأضاف الوزير أن الجولة المقبلة في عمّان.")
    mentions = attach_roles(doc_with(text, [("أحمد فوزي", "PER"), ("رامي نصار", "PER")]))
    assert not [m for m in mentions if m.source == "role" and m.text == "الوزير"]


def test_a_name_set_off_after_a_title_is_a_person() -> None:
    from marsad.extract.roles import names_after_titles

    cases = {
        'وأكد مساعد وزير الخارجية لشؤون أفريقيا بالإنابة "سامر نجار"، أن الجولة ستعقد قريبا.': "سامر نجار",
        "وأكد مساعد وزير الخارجية لشؤون أفريقيا، سامر نجار، أن الجولة ستعقد قريبا.": "سامر نجار",
    }
    for text, name in cases.items():
        assert [m.text for m in names_after_titles(doc_with(text, []))] == [name]
    for text in ("وقال وزير الخارجية، في بيان، إن الجولة ستعقد.", "قال المتحدث باسم الجيش، العقيد سامي، إن القصف توقف.",
                 "التقى وزير الخارجية، اليوم الخميس، نظيره الأردني."):
        assert names_after_titles(doc_with(text, [])) == []

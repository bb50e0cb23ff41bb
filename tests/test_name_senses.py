"""A name that is also a common noun (issue 20: قاعدة التاجي became al-Qaeda, and then an
event's target). Texts are composed for these tests."""

from __future__ import annotations

import pytest

from marsad.arabic.tokenize import split_sentences
from marsad.extract.name_senses import load_noun_senses, without_noun_senses
from marsad.model import Article, Mention
from marsad.pipeline.stages import RunContext, analyze_article


def mentions_of(text: str, *names: str) -> tuple[list[Mention], list]:
    """ORG mentions of each occurrence of the names (longest first), and the text's tokens."""
    found, taken = [], set()
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            if not taken & set(range(at, at + len(name))):
                found.append(Mention(at, at + len(name), name, "ORG"))
                taken |= set(range(at, at + len(name)))
            at = text.find(name, at + 1)
    tokens = [t for s in split_sentences(text) for t in s.tokens]
    return sorted(found, key=lambda m: m.start), tokens


def kept_starts(text: str, *names: str) -> list[tuple[int, str]]:
    mentions, tokens = mentions_of(text, *names)
    return [(m.start, m.text) for m in without_noun_senses(mentions, tokens)]


def test_the_lexicon_lists_al_qaeda() -> None:
    sense = load_noun_senses()["القاعده"]
    assert "قاعده" in sense.nouns and "تنظيم" in sense.heads


def test_a_base_written_before_makes_the_bare_word_the_base() -> None:
    text = "تعرضت قاعدة التاجي شمال بغداد لهجوم، وقال المتحدث إن القاعدة لم تتضرر."
    assert kept_starts(text, "القاعدة") == []


def test_al_qaeda_after_its_head_word_stays() -> None:
    text = "تبنى تنظيم القاعدة الهجوم، وقالت القاعدة في بيان إن عناصرها نفذوه."
    kept = [t for _, t in kept_starts(text, "تنظيم القاعدة", "القاعدة")]
    assert kept == ["تنظيم القاعدة", "القاعدة"]


def test_the_sense_last_made_explicit_decides() -> None:
    text = ("نفى تنظيم القاعدة أي صلة بالهجوم. وقالت القاعدة إنها لا تستهدف المدنيين. "
            "وفي العراق سقطت قذائف على قاعدة بلد الجوية، وأكد مسؤول أن القاعدة لم تتضرر.")
    kept = kept_starts(text, "تنظيم القاعدة", "القاعدة")
    assert [t for _, t in kept] == ["تنظيم القاعدة", "القاعدة"]
    assert kept[1][0] == text.index("وقالت القاعدة") + len("وقالت ")


@pytest.mark.parametrize("text", [
    "شن طيران التحالف غارات على القاعدة العسكرية في المحافظة.",      # a feminine adjective after it
    "يمكن زيادة الإيرادات بتوسيع القاعدة الضريبية.",
    "تتريث القوات في اقتحام القاعدة بسبب وجود أسرى.",                 # a word only the noun takes
    "وأكد الخبير أن هذه القاعدة تنطبق على الجميع.",
])
def test_the_common_noun_is_no_organisation(text: str) -> None:
    assert kept_starts(text, "القاعدة") == []


def test_a_base_tagged_with_its_adjective_is_dropped_too() -> None:
    text = "سقطت القذائف على القاعدة الجوية أمس."
    assert kept_starts(text, "القاعدة الجوية") == []


def test_the_group_with_its_masculine_adjective_stays() -> None:
    text = "أعلن تنظيم القاعدة الإرهابي مسؤوليته. وقال إن القاعدة ستواصل عملياتها."
    assert [t for _, t in kept_starts(text, "تنظيم القاعدة", "القاعدة")] == ["تنظيم القاعدة", "القاعدة"]


def test_a_base_is_no_events_actor_or_target_end_to_end() -> None:
    """With the shipped tagger: the article never names the group, so no القاعدة is an
    organisation and no event has al-Qaeda's code."""
    text = ("تعرضت قاعدة التاجي العسكرية شمال بغداد أمس لهجوم بطائرات مسيرة، وقال المتحدث إن القاعدة "
            "لم تتضرر. وأضاف أن القوات داخل القاعدة صدت الهجوم بعد أن سقطت القذائف على القاعدة الجوية.")
    article = Article(id="taji", source="taji", text=text, title=None, published=None, outlet=None,
                      language="ar", is_article=True)
    doc = analyze_article(article, RunContext())
    assert not [m for m in doc.mentions if "القاعدة" in m.text]
    assert all(p.code != "IMGREBRAD" for e in doc.events for p in e.actors + e.targets)


def test_the_plural_with_its_article_marks_the_noun() -> None:
    text = "وأضاف أن تسليح الحرس في هذه القواعد سيمكنهم من حماية من يعملون في القاعدة."
    assert kept_starts(text, "القاعدة") == []


def test_a_preposition_glued_to_the_article_is_read_through() -> None:
    text = "وصلت التعزيزات للقاعدة العسكرية في المحافظة."
    assert kept_starts(text, "للقاعدة") == []


def test_a_quoted_name_stays_whatever_the_article_says_after() -> None:
    text = ("ثم جاء إرهاب «القاعدة» بعد تحالف قادتها، وأدى ذلك إلى إنشاء قواعد بيانات للإرهاب. "
            "وقال الباحث إن «القاعدة» تراجعت.")
    assert [t for _, t in kept_starts(text, "القاعدة")] == ["القاعدة", "القاعدة"]

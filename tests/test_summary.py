from __future__ import annotations

from story_docs import make_doc

from marsad.stories import build_stories
from marsad.stories.summary import summarize
from marsad.stories.timeline import build_timeline

WIRE = "اجتاحت سيول جارفة مدينة كسلا شرقي السودان ليل الأربعاء ما أدى إلى مقتل 12 شخصا وانهيار نحو 300 منزل."
WIRE_2 = "اجتاحت سيول جارفة مدينة كسلا في شرق السودان ليل الأربعاء ما أسفر عن مقتل 12 شخصا وانهيار نحو 300 منزل."


def docs():
    return [
        make_doc("a", WIRE + "\nوقال والي كسلا إن فرق الدفاع المدني تعمل على إجلاء السكان من الأحياء المنخفضة.\n"
                 "وطالبت الولاية بمساعدات عاجلة من الخيام والأدوية والغذاء للأسر.",
                 title="سيول كسلا", published="2023-08-10", outlet="وكالة",
                 times=(("ليل الأربعاء", "2023-08-09"),)),
        make_doc("b", WIRE_2 + "\nوأفاد شهود بأن المياه غمرت السوق الرئيسي للمدينة بالكامل صباح الخميس.\n"
                 "وأعلنت السلطات تعليق الدراسة في المدارس لمدة أسبوع كامل بسبب السيول.",
                 title="سيول تجتاح كسلا", published="2023-08-10", outlet="النهار",
                 times=(("ليل الأربعاء", "2023-08-09"), ("صباح الخميس", "2023-08-10"))),
        make_doc("c", "بدأت منظمات الإغاثة توزيع الخيام على الأسر المتضررة من السيول في كسلا.\n"
                 "وقالت منسقة الشؤون الإنسانية إن آلاف الأسر في كسلا فقدت مساكنها بسبب السيول.",
                 title="الإغاثة في كسلا", published="2023-08-11", outlet="المرصد"),
    ]


def test_summary_merges_the_same_sentence_and_cites_every_article():
    lines = summarize(docs())
    assert 5 <= len(lines) <= 7
    wire = [s for s in lines if "اجتاحت سيول جارفة" in s.text]
    assert len(wire) == 1 and wire[0].articles == ("a", "b")
    texts = [s.text for s in lines]
    assert len(set(texts)) == len(texts)


def test_timeline_sorted_by_date_and_merged_across_articles():
    entries = build_timeline(docs())
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    first = entries[0]
    assert first.date == "2023-08-09" and first.articles == ("a", "b")
    assert any(e.date == "2023-08-10" and e.articles == ("b",) for e in entries)


def test_build_stories_fills_a_story():
    (story,) = build_stories(docs())
    assert set(story.articles) == {"a", "b", "c"}
    assert story.first_seen == "2023-08-10" and story.last_seen == "2023-08-11"
    assert story.outlets == ("المرصد", "النهار", "وكالة")
    assert story.title in {"سيول كسلا", "سيول تجتاح كسلا", "الإغاثة في كسلا"}
    assert story.summary and story.timeline
    assert build_stories(list(reversed(docs()))) == [story]


def test_a_huge_story_is_summarised_from_an_even_sample_of_its_articles():
    from dataclasses import replace

    from marsad.stories.summary import summary_sample

    base = docs()[0]
    many = [replace(base, article=replace(base.article, id=f"d{i:04d}", published=f"2024-01-{1 + i % 28:02d}"))
            for i in range(1000)]
    sample = summary_sample(many, limit=100)
    assert len(sample) == 100 and len({d.id for d in sample}) == 100
    days = sorted({d.article.published for d in sample})
    assert days[0] == "2024-01-01" and days[-1] == "2024-01-28"  # the whole time line
    assert summary_sample(many[:50], limit=100) == sorted(many[:50], key=lambda d: (d.article.published, d.id))

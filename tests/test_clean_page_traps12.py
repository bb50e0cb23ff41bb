"""Round 19 of issue 19: a vBulletin thread's print view is a forum page; a thread's own
labels (a reply button, its view options, a post's number, Forumotion's posting line) make a
forum page without its address; a date under a statement's signature, after its paragraphs,
does not make the line over it the headline, and is the statement's date; a headline printed three times under a weather
widget is found, with its format kicker ("فيديو|"). Every page here is composed by the team (the
real pages the rules were written for are only named in the labels: test10's ar-629, test11's
ar-672, ar-679 and ar-693)."""

from __future__ import annotations

from page_docs import clean_one

from marsad.clean import clean_page_shaped
from marsad.clean.page_type import decide_page_type
from marsad.ingest import make_page

POST = ("السلام عليكم ورحمة الله وبركاته، أضع بين أيديكم شرحا مبسطا لطريقة ري الحدائق المنزلية بالتنقيط "
        "وما يحتاجه المبتدئ من أدوات بسيطة يجدها في أي سوق قريب.")
MORE = ("ويمكن للمبتدئ أن يبدأ بخط واحد من الأنابيب ثم يزيد عليه كلما اتسعت الحديقة، مع تنظيف المنقطات مرة "
        "كل شهر حتى لا تنسد بالأملاح.")


def test_a_threads_print_view_is_a_forum_page() -> None:
    article, _shape = clean_page_shaped(make_page(
        "p", f"رد: طريقة ري الحدائق بالتنقيط\n\n{POST}\n\n{MORE}",
        url="http://forum.example-garden.net/vb/printthread.php?t=4512&pp=20"))
    assert article.page_type == "other" and not article.is_article


def test_a_threads_labels_make_a_forum_page_without_its_address() -> None:
    dump = ("العودة   منتدى الحدائق > قسم الري والتسميد\n\nإضافة رد\n\nأدوات الموضوع انواع عرض الموضوع\n\n"
            f"قديم 03-11-2019, 09:15 PM   رقم المشاركة : 1\n\nطريقة ري الحدائق بالتنقيط\n\n{POST}\n\n{MORE}")
    _article, shape = clean_page_shaped(make_page("p", dump))
    assert decide_page_type(shape) == "other"


def test_a_signature_date_under_the_paragraphs_leaves_the_headline_on_top() -> None:
    headline = "الوزير يفتتح محطة جديدة لضخ المياه في القرى الشمالية ويعلن موعد المرحلة الثانية"
    paragraphs = [
        "افتتح وزير الموارد المائية، اليوم الأحد، محطة جديدة لضخ المياه تخدم أكثر من عشرين قرية في المنطقة الشمالية.",
        "وأجرى الوزير جولة في أقسام المحطة، واطلع على آليات التشغيل وخطط الصيانة الدورية.",
        "وأعلن أن المرحلة الثانية من المشروع ستبدأ مطلع العام المقبل لتشمل القرى الواقعة شرق النهر.",
        "ويعد المشروع من أهم مشاريع البنية التحتية التي أقرتها الحكومة في موازنة العام الحالي.",
    ]
    dump = "\n\n".join(["أخبار عاجلة", headline, "المحرر/", *paragraphs, "المكتب الإعلامي للوزارة", "12-شباط-2024"])
    article = clean_one(dump)
    assert article.title == headline
    assert article.published == "2024-02-12"  # (the statement's own day, under its signature)
    unsigned = "\n\n".join([headline, *paragraphs, "ليست هناك تعليقات:", "جميع الحقوق محفوظة", "12-شباط-2024"])
    assert clean_one(unsigned).published is None  # (a date lower in the footer is no signature's)


def test_a_headline_printed_thrice_under_a_weather_widget_is_the_title() -> None:
    widget = "\n".join(["الرياض", *[f"{day}\n3{n}°C" for n, day in enumerate(
        ("الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "الثلاثاء"))], "اليوم الوطني"])
    headline = "فيديو| لحظة سقوط رافعة على سور مدرسة في المدينة"
    caption = "سقط جزء من الرافعة على السور قبل سقوطها بالكامل - تويتر"
    body = ("تداول مستخدمو مواقع التواصل مقطعا يظهر سقوط رافعة ضخمة على سور مدرسة ابتدائية في أحد الأحياء، "
            "ولم يسفر الحادث عن إصابات لأن المدرسة كانت مغلقة في عطلة نهاية الأسبوع.")
    dump = "\n\n".join([widget, headline, headline, headline, caption, headline, caption, body, body])
    assert clean_one(dump).title == headline  # (the kicker 'فيديو|' is the headline's own)

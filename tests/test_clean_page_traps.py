"""Traps of real pages' text dumps (issue 19, round 11): furniture over the headline, dates a
theme writes its own way, and pages that are not news items. Every page here is composed by
the team; the real pages these rules were written for are only named in the labels."""

from __future__ import annotations

from page_docs import HEADLINE, P1, P2, clean_one

from marsad.clean.dates import address_date
from marsad.clean.metadata import parse_dateline
from marsad.clean.titles import strip_crawl_prefix


def test_a_follow_us_line_and_a_theme_warning_are_not_the_headline() -> None:
    dump = (f"JavaScript is not enabled!...Please enable javascript in your browser\nrecent\n"
            f"الصفحة الرئيسية\n{HEADLINE}\nتابع أحدث الأخبار عبر تطبيق google news\n{P1}\n{P2}")
    assert clean_one(dump).title == HEADLINE


def test_a_price_table_above_the_headline_is_passed_over() -> None:
    rows = "".join(f"{17 + i / 100:.2f} {17.1 + i / 100:.2f} بنك رقم {i}\n" for i in range(14))
    dump = f"أسعار العملات\n{rows}اقتصاد\n{HEADLINE}\n{P1}\n{P2}"
    assert clean_one(dump).title == HEADLINE


def test_a_headline_ending_with_two_dots_under_a_section_word() -> None:
    headline = "انقطاع المياه عن ثلاثة أحياء شرق المدينة لليوم الثاني.."
    body = ("تواصل انقطاع المياه عن أحياء النخيل والزهور والسلام لليوم الثاني على التوالي بعد عطل في "
            "خط الإمداد الرئيسي، فيما وعدت شركة المياه بإصلاحه قبل مساء الغد.")
    assert clean_one(f"الأخبار المحلية\n{headline}\n{body}").title == headline


def test_a_column_two_word_headline_under_the_writers_name() -> None:
    article = clean_one(f"> مقالات\nسامي عادل\nذاكرة المدينة\n2019-01-07\n{P1}\n{P2}")
    assert (article.title, article.published) == ("ذاكرة المدينة", "2019-01-07")


def test_a_headline_printed_twice_is_the_headline_even_with_a_full_stop() -> None:
    headline = "بطل سباق الدراجات: تدربت عامين على هذا المسار وأهدي الفوز لأهل قريتي."
    article = clean_one(f"اخبار السعوديه\n{headline}\n{headline}\n{P1}\n{P2}")
    assert article.title == headline


def test_the_first_item_of_a_trending_box_is_not_the_headline() -> None:
    boxed = "طريقة سهلة لتحضير كعك العيد في البيت بمكونات بسيطة"
    dump = f"الأكثر رواجا Trending\n{boxed}\n{HEADLINE}\nحجم الخط\n{P1}\n{P2}"
    assert clean_one(dump).title != boxed


def test_a_stamp_line_with_its_source_is_not_a_crawl_prefix() -> None:
    assert strip_crawl_prefix(" date 2025-03-06 خبر").startswith("خبر")
    assert strip_crawl_prefix("2025-03-06 16:15:07 - المصدر: صحيفة الوادي").startswith("2025-03-06")
    assert clean_one(f"2025-03-06 16:15:07 - المصدر: صحيفة الوادي\n\n{P1}\n{P2}").published == "2025-03-06"


def test_an_english_stamp_with_a_two_digit_year() -> None:
    assert parse_dateline("Apr 09 22 at 06:38 AM").date == "2022-04-09"


def test_a_blog_date_header_over_the_headline_is_dated_by_the_address_month() -> None:
    dump = f"الثلاثاء، 8 ديسمبر 2020\n{HEADLINE}\n{P1}\n{P2}"
    assert clean_one(dump, "https://blog.example.com/2020/12/blog-post_89.html").published == "2020-12-08"
    # (another month in the address: a today bar, not the post's day)
    assert clean_one(dump, "https://blog.example.com/2021/03/blog-post_89.html").published is None


def test_dates_in_addresses() -> None:
    assert address_date("https://news.example.ir/fa/media/1400/02/27/2501857/x") == "2021-05-17"
    assert address_date("https://blog.example.com/2025/09/5-2025_5.html") is None  # a slug, not a day
    assert address_date("https://blog.example.com/2015/06/15.html?m=0") is None  # Blogger's post "15"
    assert address_date("https://www.example.com/2020/02/20/slug/") == "2020-02-20"


def test_a_fatwa_page_with_question_and_answer_labels_is_not_an_article() -> None:
    dump = (f"حكم صيام الأيام البيض\nالسؤال\nما حكم صيام الأيام البيض من كل شهر لمن عليه قضاء من رمضان؟\n"
            f"الجواب\n{P1} {P2}")
    assert clean_one(dump).page_type == "other"


def test_an_interview_with_bare_question_marks_stays_an_article() -> None:
    dump = (f"{HEADLINE}\nس: كيف ترون المشروع بعد افتتاحه وما أثره على حركة المرور في المدينة؟\n"
            f"ج: {P1}\nس: ومتى تكتمل المرحلة الثانية من المشروع؟\nج: {P2}")
    assert clean_one(dump).is_article


def test_a_ticker_heading_over_a_run_of_headlines_is_a_ticker() -> None:
    run = " ".join(f"عنوان خبر رقم {i} عن الطقس والأسعار والمباريات" for i in range(20))
    assert clean_one(f"شريط الأخبار\n{run}", "https://news.example.com/article/410245").page_type == "ticker"


def test_teasers_cut_before_their_read_more_links_are_a_listing() -> None:
    first = ("عقد المجلس البلدي جلسته الشهرية أمس وناقش خطة تنظيف الشوارع الرئيسية قبل موسم الأمطار "
             "وتوفير شاحنات جديدة لجمع النفايات من الأحياء البعيدة عن مركز المد... اقرأ المزيد")
    second = ("فاز فريق الشباب على ضيفه بهدفين دون رد في مباراة جرت على الملعب البلدي وسط حضور "
              "جماهيري كبير ليتصدر ترتيب الدوري المحلي قبل ثلاث جولات من النهاية وي... اقرأ المزيد")
    assert clean_one(f"{first}\n{second}").page_type == "listing"


def test_a_deep_page_number_in_the_query_is_a_listing() -> None:
    url = "https://news.example.com/stories/t/49333/0/tag?page=407"
    assert clean_one(f"{P1}\n{P2}", url).page_type == "listing"


def test_a_media_section_item_is_a_video_page() -> None:
    url = "https://news.example.ir/fa/media/1400/02/27/2501857/slug"
    article = clean_one(f"{HEADLINE}\n{P1}", url)
    assert (article.page_type, article.published) == ("video", "2021-05-17")


def test_an_agency_dateline_and_a_credited_photo_caption_are_not_the_headline() -> None:
    # A wire story's dump may start with its picture's caption (twice: alt text and caption,
    # credited "(إ.ب.أ)") and the agencies over the dateline; its headline was not kept.
    caption = "عمال الإنقاذ يبحثون بين أنقاض المبنى المنهار في وسط المدينة أمس. (إ.ب.أ)"
    dump = f"{caption}\n{caption}\nرويترز، أ.ف.ب (المدينة)\n{P1}\n{P2}"
    assert clean_one(dump).title is None
    dump = f"{caption}\n{caption}\nأ ف ب (المدينة)\n{HEADLINE}\n{P1}\n{P2}"
    assert clean_one(dump).title == HEADLINE


def test_an_agency_dateline_credits_its_agencies_and_leaves_the_text() -> None:
    # "رويترز، أ.ف.ب (المدينة)" over a wire story says who wrote it; the body names no agency.
    article = clean_one(f"رويترز، أ.ف.ب (المدينة)\n{HEADLINE}\n{P1}\n{P2}")
    assert article.credits[:2] == ("رويترز", "أ.ف.ب")
    assert "(المدينة)" not in article.text
    # A sentence that names an agency is no dateline: it stays in the body.
    assert clean_one(f"{HEADLINE}\n{P1}\n{P2}").credits == ()

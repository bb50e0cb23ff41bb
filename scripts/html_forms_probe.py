"""Composed HTML article pages in the forms issue 19 names; how many come out right.

Each page is one form a real Arabic or Persian page gives its headline, lede or date in (a
kicker in the <h1>, a lede block named "description", a <time> marked published by its class,
an ISO stamp in a Hijri calendar, a UTC stamp beside a local dateline, a today bar, ...).
The pages are composed by the team: the counts show behaviour on these forms, never quality
on real pages. Run it on two checkouts to compare them.

    python scripts/html_forms_probe.py [--show]
"""

from __future__ import annotations

import argparse

from marsad.clean import clean_pages
from marsad.ingest import make_page

TITLE = "افتتاح مستشفى جديد في الجنوب"
FA_TITLE = "نیروگاه خورشیدی یزد افتتاح شد"
P1 = ("أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، في إطار خطة لتوسيع "
      "الخدمات الطبية في المحافظات الجنوبية.")
P2 = ("وقال وزير الصحة إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل، وإن الكوادر الطبية "
      "أكملت تدريبها خلال الأسابيع الماضية.")
FA_P1 = ("به گزارش خبرنگار اقتصادی، وزارت نیرو امروز از افتتاح یک نیروگاه خورشیدی تازه در استان یزد خبر داد که "
         "ظرفیت آن پنجاه مگاوات است و برق دو شهر را تامین می‌کند.")
FA_P2 = ("مدیرعامل شرکت برق منطقه‌ای گفت ساخت این نیروگاه دو سال طول کشیده و هزینه آن از محل سرمایه‌گذاری "
         "بخش خصوصی تامین شده است و طرح‌های دیگری نیز در راه است.")
URL = "https://news.example/news/55/story"
RELATED = "".join(f"<li><a href='/n/{i}'>عنوان خبر آخر طويل نسبيا عن موضوع مختلف في المنطقة رقم {i}</a></li>"
                  for i in range(10))


def page(above: str = "", *, head: str = "", heading: str = TITLE, title: str = TITLE, persian: bool = False,
         before: str = "", after: str = "", body: str | None = None, tag: str = "h1") -> str:
    paragraphs = body if body is not None else "".join(f"<p>{p}</p>" for p in ((FA_P1, FA_P2) if persian else (P1, P2)))
    lang = "fa" if persian else "ar"
    return (f"<html lang='{lang}' dir='rtl'><head><title>{title}</title>{head}</head><body>"
            f"<nav><a href='/'>الرئيسية</a> <a href='/s'>سياسة</a></nav>{before}"
            f"<article><{tag}>{heading}</{tag}>{above}<div class='content'>{paragraphs}</div></article>{after}"
            "<footer>جميع الحقوق محفوظة</footer></body></html>")


def _meta(name: str, value: str) -> str:
    return f"<meta property='{name}' content='{value}'>"


def _json_ld(value: str) -> str:
    return f"<script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"datePublished\":\"{value}\"}}</script>"


# name: (html, headline, date, words the body starts with)
FA = {"heading": FA_TITLE, "title": FA_TITLE, "persian": True}
DAY, HIJRI_DAY, SOLAR_DAY = "2024-03-25", "2024-03-25", "2023-08-03"
SITE = "المدينة نيوز"
FORMS: dict[str, tuple[str, str, str | None, str]] = {
    "solar hijri dateline": (
        page("<div>۱۲ مرداد ۱۴۰۲ - ۱۰:۳۰</div>", **{**FA, "title": f"{FA_TITLE} - خبرگزاری نمونه"}),
        FA_TITLE, SOLAR_DAY, FA_P1),
    "solar hijri iso meta": (
        page(head=_meta("article:published_time", "1402-05-12T10:30:00+03:30"), **FA), FA_TITLE, SOLAR_DAY, FA_P1),
    "solar hijri numeric meta": (
        page(head="<meta name='date' content='۱۴۰۲/۰۵/۱۲'>", **FA), FA_TITLE, SOLAR_DAY, FA_P1),
    "persian weekday, zwnj": (
        page("<div>سه\u200cشنبه ۱۴ آذر ۱۴۰۲</div>", **FA), FA_TITLE, "2023-12-05", FA_P1),
    "site name before, bar": (
        page("<div>۱۲ مرداد ۱۴۰۲</div>", **{**FA, "title": f"خبرگزاری نمونه | {FA_TITLE}"}),
        FA_TITLE, SOLAR_DAY, FA_P1),
    "lunar hijri dateline": (page("<div>الخميس 15 رمضان 1445 هـ</div>"), TITLE, HIJRI_DAY, P1),
    "lunar hijri iso meta": (page(head=_meta("article:published_time", "1445-09-15")), TITLE, HIJRI_DAY, P1),
    "month words, eastern digits": (
        page(head=_meta("article:published_time", "الأربعاء، ٠٧ أكتوبر ٢٠٢٠ - ١٢:٠٩ م")), TITLE, "2020-10-07", P1),
    "both calendars in meta": (
        page(head="<meta name='date' content='الاثنين 15 رمضان 1445 هـ الموافق 25 مارس 2024'>"), TITLE, DAY, P1),
    "utc json-ld, local dateline": (
        page("<div>الاثنين 25 مارس 2024 - 01:30 ص</div>", head=_json_ld("2024-03-24T22:30:00Z")), TITLE, DAY, P1),
    "utc meta, numeric dateline": (
        page("<span>25/03/2024 01:30</span>", head=_meta("article:published_time", "2024-03-24T22:30:00+00:00")),
        TITLE, DAY, P1),
    "time marked published by class": (
        page("<time class='entry-date published' datetime='2024-03-24T22:30:00+00:00'>25 مارس 2024</time>"),
        TITLE, DAY, P1),
    "json-ld date in words": (page(head=_json_ld("25 مارس 2024")), TITLE, DAY, P1),
    "compact pubdate meta": (page(head="<meta name='pubdate' content='20240325'>"), TITLE, DAY, P1),
    "dateline with a comma": (page("<div>25 مارس، 2024</div>"), TITLE, DAY, P1),
    "english dateline": (page("<div>Mar 25, 2024 01:30 AM</div>"), TITLE, DAY, P1),
    "label and date in spans": (
        page("<div><span>تاريخ النشر :</span><span>25-3-2024</span></div>"), TITLE, DAY, P1),
    "published and updated": (
        page("<div>نشر في: 25 مارس 2024 | آخر تحديث: 26 مارس 2024</div>"), TITLE, DAY, P1),
    "dateline below the body": (page(after="<div class='meta'>الاثنين 25 مارس 2024</div>"), TITLE, DAY, P1),
    "byline and date list": (
        page("<ul class='meta'><li>الكاتب: أحمد علي</li><li>25 مارس 2024</li></ul>"), TITLE, DAY, P1),
    "relative time only": (page("<span>منذ 3 ساعات</span>"), TITLE, None, P1),
    "today bar above the headline": (page(before="<div class='topbar'>الاثنين 25 مارس 2024</div>"), TITLE, None, P1),
    "kicker in a bar title": (page(title=f"عاجل | {TITLE}"), TITLE, None, P1),
    "kicker inside the h1": (page(heading=f"<span class='label'>عاجل</span> {TITLE}"), TITLE, None, P1),
    "byline inside the h1": (page(heading=f"{TITLE} <small>كتب: أحمد علي</small>"), TITLE, None, P1),
    "site and country after": (
        page(heading="", title=f"{TITLE} - {SITE} - الأردن", head=_meta("og:title", f"{TITLE} - {SITE} - الأردن")),
        TITLE, None, P1),
    "site name before, colon": (page(heading=f"{SITE} : {TITLE}", title=f"{SITE} : {TITLE}"), TITLE, None, P1),
    "latin site name in title": (
        page(heading="", title=f"Al Madina News - {TITLE}", head=_meta("og:site_name", SITE)), TITLE, None, P1),
    "section h1, headline h2": (page(tag="h2", before="<h1>سياسة</h1>", title=f"{TITLE} - {SITE}"), TITLE, None, P1),
    "quoted headline": (page(heading=f"«{TITLE}»", title=f"«{TITLE}» - المدينة"), f"«{TITLE}»", None, P1),
    "lede named description": (
        page("<p class='article-desc'>مستشفى بسعة مئتي سرير يبدأ استقبال المرضى الشهر المقبل</p>"),
        TITLE, None, "مستشفى بسعة مئتي سرير"),
    "caption named description": (
        page("<div class='img-desc'>وزير الصحة خلال جولته في أقسام المستشفى الجديد اليوم</div>"), TITLE, None, P1),
    "paragraphs split by br": (page(body=f"{P1}<br><br>{P2}"), TITLE, None, P1),
    "a brief beside related links": (
        page(body=f"<p>{P1}</p>", after=f"<aside><h3>أخبار ذات صلة</h3><ul>{RELATED}</ul></aside>"), TITLE, None, P1),
    "read-also box in the body": (
        page(body=f"<p>{P1}</p><div class='read-also'>اقرأ أيضا: <a href='/x'>عنوان</a></div><p>{P2}</p>"),
        TITLE, None, P1),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="name each form that comes out wrong")
    args = parser.parse_args()
    right = {"title": 0, "date": 0, "body": 0}
    wrong: list[str] = []
    for name, (html, headline, published, opening) in FORMS.items():
        [article], _problems = clean_pages([make_page(URL, html, url=URL)])
        for key, good in (("title", article.title == headline), ("date", article.published == published),
                          ("body", article.is_article and (article.text or "").startswith(opening[:20]))):
            right[key] += good
            if not good:
                got = {"title": article.title, "date": article.published, "body": (article.text or "")[:40]}[key]
                wrong.append(f"{name}: {key} {got!r}")
    total = len(FORMS)
    print(f"{total} composed pages: titles {right['title']}/{total}, dates {right['date']}/{total}, "
          f"bodies {right['body']}/{total}")
    if args.show:
        for line in wrong:
            print(f"  - {line[:160]}")


if __name__ == "__main__":
    main()

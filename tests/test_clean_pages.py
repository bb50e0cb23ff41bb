"""Cleaning on the shapes real pages take: listings and tickers are not articles, widget
filters that look at what an element holds, the lede kept, headlines without site names,
dates as the page states them. Every page here is composed by the team."""

from __future__ import annotations

import json
from pathlib import Path

from page_docs import clean_one
from typer.testing import CliRunner

from marsad.arabic.calendar import solar_hijri_to_gregorian
from marsad.clean.dates import address_date
from marsad.clean.metadata import parse_dateline
from marsad.clean.titles import repeated_affixes, strip_affixes
from marsad.cli import app
from marsad.evaluate.clean import split_of
from marsad.ingest import make_page
from marsad.model import Article

P1 = ("أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، في إطار خطة لتوسيع "
      "الخدمات الطبية في المحافظات الجنوبية.")
P2 = ("وقال وزير الصحة إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل، وإن الكوادر الطبية "
      "أكملت تدريبها خلال الأسابيع الماضية.")
P3 = "وأضاف أن الوزارة تعمل على تجهيز ثلاثة مستشفيات أخرى في المحافظات الشمالية خلال العام المقبل."
TITLE = "افتتاح مستشفى جديد في الجنوب"


def _html(head: str = "", body: str = "", url: str = "https://news.example/2024/05/02/hospital-opens-south") -> Article:
    html = (f"<html><head><title>{TITLE}</title>{head}</head><body>{body or _article_body()}"
            "<footer>© 2024 جميع الحقوق محفوظة</footer></body></html>")
    return clean_one(html, url)


def _article_body(wrapper_class: str = "entry-content", lead: str = "") -> str:
    return (f"<article><h1>{TITLE}</h1>{lead}<div class=\"{wrapper_class}\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
            "<div class=\"share-buttons\"><a href=\"#\">فيسبوك</a> <a href=\"#\">تويتر</a></div></article>")


# --- is it an article? ---------------------------------------------------------------


def test_an_article_has_page_type_article() -> None:
    article = _html()
    assert (article.is_article, article.page_type) == (True, "article")


def test_teasers_with_read_more_make_a_listing() -> None:
    teasers = "\n".join(
        f"{headline}\nتفاصيل الخبر في سطر قصير عن {headline}...\nاقرأ المزيد"
        for headline in ("ارتفاع أسعار الخضار في الأسواق", "افتتاح معرض الكتاب الدولي", "وزير النقل يتفقد القطار",
                         "البرلمان يستأنف جلساته الأسبوع المقبل", "انطلاق موسم الحصاد في الجنوب")
    )
    article = clean_one(teasers, "https://news.example/tag/economy")
    assert article.is_article is False
    assert article.page_type == "listing"


def test_a_ticker_of_bare_headlines_is_not_an_article() -> None:
    headlines = "   ".join(
        ("ارتفاع أسعار الخضار في أسواق البصرة اليوم", "افتتاح معرض بغداد الدولي للكتاب بمشاركة واسعة",
         "وزير النقل يتفقد مشروع القطار السريع في الجنوب", "البرلمان يستأنف جلساته الأسبوع المقبل بعد العطلة",
         "انطلاق موسم حصاد القمح في محافظات الوسط", "منتخب الشباب يفوز في مباراته الودية الأولى",
         "هطول أمطار غزيرة على المناطق الشمالية مساء أمس", "توقيع اتفاقية لإنشاء محطة كهرباء جديدة"))
    article = clean_one(headlines, "https://news.example/box/12")
    assert article.is_article is False
    assert article.page_type in ("ticker", "listing")


def test_feed_markup_is_a_feed() -> None:
    rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار</title>' + "".join(
        f"<item><title>خبر رقم {i}</title><description>{P1}</description></item>" for i in range(10)
    ) + "</channel></rss>"
    article = clean_one(rss)
    assert (article.is_article, article.page_type) == (False, "feed")


# --- body ----------------------------------------------------------------------------


def test_a_class_that_mentions_share_does_not_remove_the_article() -> None:
    article = _html(body=_article_body(wrapper_class="entry-content no-share"))
    assert P1 in article.text and P3 in article.text
    assert "فيسبوك" not in article.text  # the real share bar still goes
    assert article.is_article


def test_the_lede_block_stays_in_the_body() -> None:
    lede = "الوزارة تفتتح أكبر مستشفى في المحافظات الجنوبية بعد عامين من العمل المتواصل."
    lead = f"<div class=\"b-article__lead\">{lede}</div>"
    article = _html(body=_article_body(lead=lead))
    assert article.text.startswith("الوزارة تفتتح أكبر مستشفى")
    assert article.lede == "الوزارة تفتتح أكبر مستشفى في المحافظات الجنوبية بعد عامين من العمل المتواصل."


# --- headlines -----------------------------------------------------------------------


def test_site_name_in_front_of_the_headline_goes() -> None:
    head = '<meta property="og:site_name" content="المدينة نيوز">'
    html = (f"<html><head><title>المدينة نيوز - {TITLE}</title>{head}</head><body>"
            f"<div class=\"logo\"><h1>المدينة نيوز</h1></div><article><h2>{TITLE}</h2>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>")
    assert clean_one(html, "https://madina.example/news/12345").title == TITLE


def test_an_h1_that_agrees_with_the_title_wins_over_a_logo_h1() -> None:
    html = (f"<html><head><title>{TITLE} - NewsSite.com</title></head><body><h1>NewsSite</h1>"
            f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>")
    assert clean_one(html, "https://www.newssite.com/a/1").title == TITLE


def test_breadcrumbs_and_crawl_prefixes_leave_the_headline() -> None:
    assert strip_affixes(f"الرئيسية / عربي ودولي / {TITLE}") == TITLE
    assert strip_affixes(f"date 2025-11-09 {TITLE}") == TITLE
    assert strip_affixes(f"{TITLE} | CNN Arabic", url="https://arabic.cnn.com/x") == TITLE
    quoted = "«الحياة البرلمانية»... تجديد الثقة بالوزراء"
    assert strip_affixes(quoted) == quoted  # guillemets of a quotation are not separators


def test_a_name_repeated_across_an_outlets_titles_is_learned() -> None:
    titles = [f"صدى الوادي - {t}" for t in ("خبر أول عن المدينة", "خبر ثان عن الطقس", "خبر ثالث")]
    learned = repeated_affixes(titles)
    assert strip_affixes(titles[1], learned) == "خبر ثان عن الطقس"


def test_a_dump_whose_headline_ends_with_an_exclamation_mark() -> None:
    dump = f"عربي\nفيديو لسيدة يثير ضجة على مواقع التواصل!\n{P1}\n{P2}\n{P3}"
    assert clean_one(dump).title == "فيديو لسيدة يثير ضجة على مواقع التواصل!"


def test_the_headline_right_above_the_dateline_not_a_welcome_line() -> None:
    dump = (f"مرحبا بك في موقع الأخبار لتطلع على آخر الأحداث والمستجدات في المنطقة والعالم\n"
            f"{TITLE}\nنشر :\n11:42 2024-09-18\n{P1}\n{P2}")
    article = clean_one(dump)
    assert (article.title, article.published) == (TITLE, "2024-09-18")


# --- dates ---------------------------------------------------------------------------


def test_a_utc_stamp_gives_way_to_the_local_date_a_day_later() -> None:
    head = ('<meta property="article:published_time" content="2020-10-07T23:59:50+00:00">'
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2020-10-08T02:59:50+03:00"}</script>')
    assert _html(head).published == "2020-10-08"


def test_a_local_stamp_is_read_as_written() -> None:
    head = '<meta property="article:published_time" content="2024-03-12T23:20:00+03:00">'
    assert _html(head).published == "2024-03-12"


def test_arabic_month_words_in_the_meta_tag() -> None:
    head = '<meta property="article:published_time" content="الأربعاء، 07 أكتوبر 2020 - 12:09 م">'
    assert _html(head).published == "2020-10-07"


def test_levantine_month_in_a_visible_dateline() -> None:
    body = (f"<article><h1>{TITLE}</h1><div class=\"date\">الأحد، 04 كانون الثاني 2015 - 10:30</div>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></article>")
    assert _html(body=body, url="https://news.example/a/hospital").published == "2015-01-04"


def test_an_update_time_after_the_date_leaves_it_the_publication_date() -> None:
    line = parse_dateline("الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)")
    assert (line.date, line.kind) == ("2013-08-04", "date")
    assert parse_dateline("آخر تحديث: 04 آب 2013").kind == "update"


def test_hijri_and_solar_hijri_datelines() -> None:
    assert parse_dateline("الأحد 12 رمضان 1445 هـ").date == "2024-03-22"
    assert parse_dateline("۱۴ آبان ۱۴۰۳").date == "2024-11-04"
    assert parse_dateline("۱۴۰۳/۰۸/۱۴").date == "2024-11-04"  # numeric Solar Hijri (Iranian pages)
    assert parse_dateline("1445/09/12 هـ").date == "2024-03-22"  # numeric lunar Hijri
    assert str(solar_hijri_to_gregorian(1403, 1, 1)) == "2024-03-20"
    assert str(solar_hijri_to_gregorian(1399, 12, 30)) == "2021-03-20"  # a leap year's last day


def test_the_address_date_and_never_the_crawl_prefix() -> None:
    assert address_date("https://news.example/75512/2021/01/29") == "2021-01-29"
    assert address_date("https://news.example/16/06/2014/story") == "2014-06-16"
    dump = f" date 2025-11-09 {TITLE}\n{P1}\n{P2}"
    article = clean_one(dump, "https://news.example/story/hospital")
    assert article.title == TITLE
    assert article.published is None


# --- the evaluator -------------------------------------------------------------------


def test_eval_clean_scores_labelled_pages(tmp_path: Path) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "t-1.txt").write_text(f"{TITLE}\nالأحد 3 مارس 2024\n{P1}\n{P2}", encoding="utf-8")
    (files / "t-2.txt").write_text("\n".join(f"عنوان خبر قصير رقم {i} عن المدينة\nاقرأ المزيد" for i in range(9)),
                                   encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    rows = [
        {"id": "t-1", "address": "https://a.example/2024/03/03/x", "file": "files/t-1.txt", "is_article": True,
         "page_type": "article", "title": TITLE, "published": "2024-03-03"},
        {"id": "t-2", "address": "https://a.example/tag/city", "file": "files/t-2.txt", "is_article": False,
         "page_type": "listing", "title": None, "published": None},
    ]
    labels.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "clean", "--labels", str(labels), "--pages-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "is_article   2/2" in result.output
    assert "title        1/1" in result.output
    assert "date         1/1" in result.output


def test_eval_clean_without_addresses_reads_the_text_alone(tmp_path: Path) -> None:
    # The date is only in the address: given without it, the page states none.
    files = tmp_path / "files"
    files.mkdir()
    (files / "t-1.txt").write_text(f"{TITLE}\n{P1}\n{P2}", encoding="utf-8")
    row = {"id": "t-1", "address": "https://a.example/2024/03/03/x", "file": "files/t-1.txt", "is_article": True,
           "page_type": "article", "title": TITLE, "published": "2024-03-03"}
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    args = ["eval", "clean", "--labels", str(labels), "--pages-dir", str(tmp_path)]
    assert "date         1/1" in CliRunner().invoke(app, args).output
    result = CliRunner().invoke(app, [*args, "--without-addresses"])
    assert result.exit_code == 0, result.output
    assert "without addresses" in result.output and "date         0/1" in result.output


def test_eval_clean_checks_the_body_is_the_article(tmp_path: Path) -> None:
    # Two copies of one article; the second's label names a last sentence the page lacks
    # (as when the body kept is the footer blurb): that article is lost.
    files = tmp_path / "files"
    files.mkdir()
    page = (f"<html><head><title>{TITLE}</title></head><body>{_article_body()}"
            "<footer>© 2024 جميع الحقوق محفوظة</footer></body></html>")
    rows = []
    for name, last in (("t-1", "في المحافظات الشمالية خلال العام المقبل"), ("t-2", "وختم الوزير حديثه بالشكر")):
        (files / f"{name}.html").write_text(page, encoding="utf-8")
        rows.append({"id": name, "address": f"https://a.example/2024/03/03/{name}", "is_article": True,
                     "page_type": "article", "title": TITLE, "published": "2024-03-03",
                     "body_first": "أعلنت وزارة الصحة اليوم افتتاح", "body_last": last})
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "clean", "--labels", str(labels), "--pages-dir", str(tmp_path),
                                      "--show-errors"])
    assert result.exit_code == 0, result.output
    assert "body         1/2" in result.output
    assert "t-2: article lost: misses its last words" in result.output


def test_a_page_keeps_its_side_of_the_split() -> None:
    sides = {split_of(f"ar-{i:03d}") for i in range(30)}
    assert sides == {"dev", "train"}
    assert split_of("ar-001") == split_of("ar-001")


def test_a_label_that_names_its_split_keeps_it(tmp_path: Path) -> None:
    from marsad.evaluate.clean import read_labels

    (tmp_path / "a.txt").write_text(f"{TITLE}\n\n{P1}\n\n{P2}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{TITLE}\n\n{P1}\n\n{P2}", encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"id": "ar-001", "file": "a.txt", "is_article": True}) + "\n"
                      + json.dumps({"id": "ar-002", "file": "b.txt", "is_article": True, "split": "test2"}) + "\n",
                      encoding="utf-8")
    sides = {p.id: p.split for p in read_labels([labels], tmp_path)}
    assert sides == {"ar-001": split_of("ar-001"), "ar-002": "test2"}


def test_the_shipped_page_type_model_loads_and_is_small() -> None:
    from marsad.clean.page_type import MODEL_FILE, load_model

    model = load_model()
    assert model is not None, f"{MODEL_FILE} is missing or was trained on other features"
    assert "article" in model.classes and MODEL_FILE.stat().st_size < 50_000


def test_a_page_that_kept_only_its_footer_blurb_is_not_an_article() -> None:
    menu = "".join(f"<li><a href='/s{i}'>قسم {i}</a></li>" for i in range(30))
    blurb = ("موقع المدينة صحيفة إلكترونية مستقلة تأسست عام 2010، تنقل أخبار المدينة والمنطقة "
             "إلى قرائها على مدار الساعة، وتلتزم بالدقة والحياد في كل ما تنشره.")
    html = (f"<html><head><title>{TITLE}</title></head><body><ul>{menu}</ul><h1>{TITLE}</h1>"
            f"<div class='gallery'><img src='a.jpg'></div><ul>{menu}</ul><div class='site-about'><p>{blurb}</p></div>"
            "</body></html>")
    article = clean_one(html, "https://madina.example/news/12345")
    assert (article.is_article, article.page_type) == (False, "other")


def test_floors_on_the_labelled_real_pages_dev_part() -> None:
    """Floors on the dev part of the hand-labelled real pages, where they are present
    (their text stays outside the repository: MARSAD_PAGES_DIR, default ../cache/pages)."""
    import os
    from dataclasses import replace

    import pytest

    from marsad.evaluate.clean import evaluate_clean, read_labels

    repo = Path(__file__).resolve().parents[1]
    beside = [up / "cache" / "pages" for up in (repo.parent, repo.parent.parent)]  # a checkout, or a worktree
    pages_dir = Path(os.environ.get("MARSAD_PAGES_DIR", next((d for d in beside if d.is_dir()), beside[0])))
    label_files = sorted((repo / "labels" / "pages").glob("*.jsonl"))
    dev = [p for p in read_labels(label_files, pages_dir) if p.split == "dev"]  # (never the held-out sets)
    if len(dev) < 50:
        pytest.skip(f"the labelled real pages are not here ({pages_dir}): {len(dev)} dev pages")
    scores = evaluate_clean(dev)
    # Floors a little under the README's figures (dev, the 103 Arabic news pages: is_article
    # 101/103, titles 35/36, dates 27/27, no date invented on 44/44; without their addresses
    # is_article 92/103, every article kept (0.970 at the private sets' 10% non-articles),
    # titles 34/36), so a change that loses ground fails.
    assert scores.is_article_right / scores.pages >= 0.90
    assert scores.titles_right / scores.titles >= 0.91
    assert scores.dates_right / scores.dates >= 0.90
    assert scores.no_date_right == scores.no_date
    bare = evaluate_clean([replace(p, address=None) for p in dev])
    assert bare.is_article_right / bare.pages >= 0.89
    assert bare.accuracy_at_prior(0.1) >= 0.96
    assert bare.titles_right / bare.titles >= 0.88


def test_a_feed_flattened_to_text_is_a_feed() -> None:
    items = "\n".join(
        f"خبر رقم {i} عن أسعار الخضار في الأسواق\nhttps://news.example/n/{i}\nWed, 1{i} Mar 2024 10:00:00 GMT\n{P1}"
        for i in range(5))
    article = clean_one(items)
    assert (article.is_article, article.page_type) == (False, "feed")


def test_a_breadcrumb_without_a_home_crumb() -> None:
    assert strip_affixes(f"أخبار / عربي ودولي / {TITLE}") == TITLE
    assert strip_affixes("يوليو / تموز 2024 حصاد الشهر في المنطقة") == "يوليو / تموز 2024 حصاد الشهر في المنطقة"


def test_an_html_page_that_declares_itself_an_article_with_one_paragraph() -> None:
    head = '<meta property="og:type" content="article">'
    body = f"<article><h1>{TITLE}</h1><p>{P1} {P2}</p></article>"
    assert _html(head, body).is_article


def test_a_crawl_header_date_is_never_the_publication_date() -> None:
    dump = f"Date: Sun, 06 Dec 2026 03:53:18 GMT\n{TITLE}\n{P1}\n{P2}"
    article = clean_one(dump)
    assert article.title == TITLE
    assert article.published is None


def test_a_sites_front_page_is_home() -> None:
    page = "\n".join(f"عنوان خبر رقم {i} عن المدينة والطقس\n{P1}" for i in range(4))
    article = clean_one(page, "https://news.example/ar/")
    assert (article.is_article, article.page_type) == (False, "home")


def test_a_page_that_credits_its_own_outlet_gets_the_outlets_full_name() -> None:
    """Decided by the corpus step, over every page of the corpus."""
    from marsad.pipeline import analyze_pages

    body = ("أعلنت وزارة الزراعة أن موسم الحصاد بدأ مبكرا هذا العام بسبب ارتفاع درجات الحرارة في المحافظات الجنوبية.\n\n"
            "وقال مدير الدائرة الفنية إن الإنتاج المتوقع يفوق مليون طن من القمح والشعير.\n\n")
    named = make_page("site/a.txt", "الحصاد يبدأ مبكرا | صحيفة الواحة\n\nالحصاد يبدأ مبكرا\n\n" + body)
    credited = make_page("site/b.txt", "موسم القمح\n\n" + body.replace("الزراعة", "الري")
                         + "المصادر:\nالواحة، رويترز\n")
    agency_only = make_page("site/c.txt", "موسم الشعير\n\n" + body.replace("الزراعة", "المالية")
                            + "المصادر:\nرويترز\n")
    analysis = analyze_pages([named, credited, agency_only])
    assert analysis.errors == ()
    outlets = {d.article.source: d.article.outlet for d in analysis.docs}
    assert outlets["site/a.txt"] == "صحيفة الواحة"
    assert outlets["site/b.txt"] == "صحيفة الواحة"  # credits itself first
    assert outlets["site/c.txt"] is None  # an agency is never the outlet


def test_a_short_brief_sent_with_its_title_stays_an_article() -> None:
    """Records of JSON Lines or the API come with a title: a one-sentence news item is a
    brief, not a listing; a record of teasers is still a listing."""
    from marsad.pipeline import analyze_pages

    brief = "أعلنت وزارة الصحة تسجيل 50 إصابة جديدة في العاصمة يوم الثلاثاء."
    teasers = "\n\n".join(f"عنوان الخبر رقم {i} اقرأ المزيد" for i in range(1, 6))
    analysis = analyze_pages([make_page("api:1", brief, title="50 إصابة جديدة"),
                              make_page("api:2", teasers, title="أخبار"),
                              make_page("dump.txt", brief.replace("الثلاثاء", "الأربعاء"))])
    kinds = {d.article.source: (d.article.is_article, d.article.page_type) for d in analysis.docs}
    assert kinds["api:1"] == (True, "article")
    assert kinds["api:2"] == (False, "listing")
    assert kinds["dump.txt"][0] is False  # a bare one-line dump is not taken for an article


def test_the_headline_over_a_longer_subtitle_and_not_a_label() -> None:
    headline = "وزارة الصحة تفتتح مستشفى جديدا في المحافظات الجنوبية"
    subtitle = ("وزير الصحة يعلن افتتاح مستشفى جديد بسعة مئتي سرير في المحافظات الجنوبية ضمن خطة "
                "لتوسيع الخدمات الطبية")
    assert clean_one(f"آخر الأخبار\n{headline}\n{subtitle}\n{P1}\n{P2}\n{P3}").title == headline
    label, short = 'وقال مدير المستشفى الجديد لـ "صحيفة الجنوب" :', "وزارة الصحة تفتتح مستشفى في الجنوب"
    assert clean_one(f"{label}\n{short}\n{P1}\n{P2}").title == short


def test_a_date_in_the_query_of_the_address() -> None:
    assert address_date("https://news.example/view.aspx?cdate=09012026&id=3e4b") == "2026-01-09"
    assert address_date("https://news.example/story?date=20260109") == "2026-01-09"
    assert address_date("https://news.example/story?cdate=99999999") is None


def test_an_article_with_subheads_and_a_bulleted_list_is_an_article() -> None:
    bullets = ["توسيع قسم الطوارئ في المستشفى", "افتتاح عيادات جديدة للأطفال", "تدريب الكوادر الطبية",
               "تجهيز غرف العمليات الحديثة", "ربط المستشفى بالشبكة الوطنية", "خدمات الإسعاف السريع"]
    page = "\n".join([TITLE, f"{P1} {P2}", "أبرز ما تتضمنه الخطة", *bullets, P3, P1])
    article = clean_one(page)
    assert (article.is_article, article.page_type) == (True, "article")


def test_a_programme_transcript_is_a_video_page() -> None:
    host = "محمد علي: السلام عليكم، نتوقف في هذه الحلقة عند افتتاح المستشفى الجديد في الجنوب وما يعنيه للمرضى."
    page = "\n".join([TITLE, "- أسباب التوسع في الخدمات الطبية", host, "[تقرير مسجل]", P1, P2])
    article = clean_one(page)
    assert (article.is_article, article.page_type) == (False, "video")
    assert clean_one("\n".join([TITLE, P1, P2, P3])).page_type == "article"


def test_spip_author_section_and_keyword_addresses() -> None:
    page = f"{TITLE}\n\n{P1} {P2}"
    assert clean_one(page, "https://mag.example/_محمد-علي_").page_type == "author"
    assert clean_one(page, "https://mag.example/-سياسة-").page_type == "listing"
    assert clean_one(page, "https://mag.example/+الصحة+").page_type == "listing"
    assert clean_one(page, "https://mag.example/2024/05/hospital-opens-in-the-south").is_article


# --- shapes of the real pages' dev part (composed here) ------------------------------


def test_a_dateline_glued_to_the_view_count_and_reading_time() -> None:
    assert parse_dateline("20 يناير 2026291 مشاهدةوقت القراءة: 2 دقيقة").date == "2026-01-20"
    dump = f"{TITLE}\n12 مايو 2024153 مشاهدةوقت القراءة: 3 دقيقة\n{P1}\n{P2}"
    assert clean_one(dump, "https://news.example/ar/news/hospital-opens").published == "2024-05-12"
    assert parse_dateline("5 قتلى في هجوم على قافلة قرب الحدود يوم 3 مارس 2024 وفق مصادر").date is None


def test_a_stamp_with_the_hijri_and_the_gregorian_date_gives_the_gregorian_one() -> None:
    stamp = "الخميس 7/3/1429 هـ - الموافق 13/3/2008 م (آخر تحديث) الساعة 16:25 (مكة المكرمة)، 13:25 (غرينتش)"
    assert parse_dateline(stamp) == ("2008-03-13", "date")
    dump = f"{TITLE}\n{stamp}\n{P1}\n{P2}"
    assert clean_one(dump).published == "2008-03-13"


def test_a_stamp_line_of_short_fields_with_spaced_slashes() -> None:
    assert parse_dateline("الراصد اليومي-العدد: 4512 - 2011 / 3 / 9 - 10:20").date == "2011-03-09"
    assert parse_dateline("بغداد - الحكومة تقر موازنة العام المقبل - 2011 / 3 / 9").date is None


def test_the_line_that_ends_a_breadcrumb_is_the_headline() -> None:
    dump = "\n".join([
        "أخبار عامة - أخبار الرياضة - أخبار الاقتصاد - أخبار الثقافة - أخبار المرأة - أخبار الشباب - "
        "أخبار العلوم - أخبار الصحة - أخبار البيئة - أخبار التعليم - أخبار السياحة - أخبار النقل",
        "إذا واجهتكم مشكلة في تصفح الموقع يرجى استعمال الرابط البديل في أعلى الصفحة",
        f"الصفحة الرئيسية - الصحة - سارة محمود - {TITLE}", "المزيد.....", TITLE, "سارة محمود",
        "الراصد اليومي-العدد: 4512 - 2011 / 3 / 9 - 10:20", f"{P1} {P2} {P3}"])
    article = clean_one(dump, "https://rasid.example/show.asp?aid=4512")
    assert (article.title, article.published, article.is_article) == (TITLE, "2011-03-09", True)


def test_a_headline_of_clauses_joined_by_two_dots_may_be_long() -> None:
    headline = ("وزير الصحة للراصد: المستشفى الجديد أكبر مشاريع الوزارة هذا العام..الكوادر جاهزة للعمل.."
                "الأجهزة الحديثة وصلت من الخارج قبل أيام..الافتتاح الرسمي بعد أسبوعين..وخطة لبناء ثلاثة "
                "مستشفيات أخرى في المحافظات الشمالية..والأولوية لأطفال القرى البعيدة عن المدن")
    assert len(headline.split()) > 30
    dump = "\n".join(["رئيس التحرير", "سعيد عبد الله", headline, "الراصد", P1, P2])
    assert clean_one(dump).title == headline


def test_a_digest_headline_that_ends_with_its_date() -> None:
    dump = "\n".join(["موجز الصحافة – 7 يناير 2026", "لقراءة النص بصيغة PDF إضغط هنا.",
                      "الشؤون الصحية", "افتتاح مستشفى جديد في الجنوب (صحيفة الجنوب)", f"{P1} {P2}", f"{P3} {P1}"])
    article = clean_one(dump, "https://digest.example/موجز-الصحافة-7-يناير-2026")
    assert (article.title, article.published) == ("موجز الصحافة – 7 يناير 2026", "2026-01-07")
    # a place or a site's name with the day is no headline
    assert clean_one(f"القاهرة – 7 يناير 2026\n{TITLE}\n{P1}\n{P2}").title == TITLE


# --- the 12-page HTML set's failures, each on a page composed here ----------------------


def test_a_visible_dateline_in_arabic_month_words_alone() -> None:
    """No date in the markup: the line under the headline («الأربعاء، 07 أكتوبر 2020 - 12:09 م»)
    is the date, not furniture."""
    body = (f"<article><h1>{TITLE}</h1><div class=\"post-date\">الأربعاء، 07 أكتوبر 2020 - 12:09 م</div>"
            f"<div class='entry-content'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article>")
    assert _html(body=body, url="https://news.example/a/hospital").published == "2020-10-07"


def test_a_utc_stamp_gives_way_to_the_visible_local_date_either_side() -> None:
    dated = (f"<article><h1>{TITLE}</h1><div class=\"date\">{{day}}</div>"
             f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></article>")
    late = '<meta property="article:published_time" content="2020-10-07T23:59:50+00:00">'
    body = dated.format(day="الخميس، 08 أكتوبر 2020 - 02:59 ص")
    assert _html(late, body, url="https://news.example/a/hospital").published == "2020-10-08"
    early = '<meta property="article:published_time" content="2020-10-08T02:10:00Z">'
    body = dated.format(day="الأربعاء، 07 أكتوبر 2020 - 10:10 م")  # a page west of Greenwich
    assert _html(early, body, url="https://news.example/a/hospital").published == "2020-10-07"
    # with no local date beside it, the stamp is the date
    assert _html(early, url="https://news.example/a/hospital").published == "2020-10-08"


def test_a_site_name_in_front_of_the_headline_without_og_site_name() -> None:
    html = (f"<html><head><title>المدينة نيوز - {TITLE}</title></head><body>"
            f"<article><h1>المدينة نيوز - {TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>")
    assert clean_one(html, "https://www.madina.example/article/12345").title == TITLE
    html = (f"<html><head><title>المدينة نيوز : {TITLE}</title></head><body><h2>{TITLE}</h2>"
            f"<article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>")
    assert clean_one(html, "https://www.madina.example/article/12345").title == TITLE


# --- shapes of the newly labelled real pages (composed here) -------------------------


def test_a_headline_captioned_under_itself_and_not_a_bulleted_banner() -> None:
    dump = "\n".join(["• القناة الأولى نايل سات: HD 11012 V SR:27500", "• القناة الثانية نايل سات: SD 11012 V SR:27500",
                      "الجمعة 03 مايو 2024 ميلادي, الموافق لـ 24 شوال 1445 هجري", "آخر الأخبار",
                      "لماذا نحسد جيراننا !", "لماذا نحسد جيراننا ! ح.م", f"{P1} {P2}", P3])
    article = clean_one(dump, "https://tv.example/columnist/لماذا-نحسد-جيراننا/")
    assert (article.title, article.published) == ("لماذا نحسد جيراننا !", None)  # the bar is the copy's day
    assert (article.is_article, article.page_type) == (True, "article")  # a column's own page, not its author's
    assert clean_one(f"{TITLE}\n{P1} {P2}", "https://tv.example/columnist/sara-ali/").page_type == "author"


def test_a_bar_that_gives_the_day_in_both_calendars_is_a_dateline() -> None:
    assert parse_dateline("الجمعة 03 مايو 2024 ميلادي, الموافق لـ 24 شوال 1445 هجري").date == "2024-05-03"
    assert parse_dateline("قتل 5 أشخاص في هجوم على قافلة يوم 3 مارس 2024 قرب الحدود").date is None


def test_a_breadcrumb_with_a_label_below_a_long_menu() -> None:
    menu = [f"• قسم رقم {i}" for i in range(18)]
    dump = "\n".join([*menu, f"أنت الآن تتصفح:الرئيسية » الصحة » {TITLE}", "الصحة", TITLE,
                      "سارة علي12 مايو، 2024آخر تحديث:12 مايو، 20243 دقائق", f"{P1} {P2} {P3}"])
    article = clean_one(dump, "https://news.example/2024/05/12/hospital-opens")
    assert (article.title, article.published, article.is_article) == (TITLE, "2024-05-12", True)


def test_a_posts_feed_address_that_serves_the_post() -> None:
    page = f"{TITLE}\n{P1}\n{P2}\n{P3}"
    assert clean_one(page, "https://news.example/12345/hospital-opens-in-the-south/feed").page_type == "article"
    assert clean_one(page, "https://news.example/feed").page_type == "feed"


def test_a_search_results_page_is_a_listing() -> None:
    teaser = f"{P1} {P2}"
    page = "\n".join(["إجمالي نتائج البحث: 214", "«المستشفى»:", teaser, teaser])
    assert (clean_one(page, "https://agg.example/w/9/المستشفى").page_type) == "listing"


def test_an_agency_opening_with_the_writers_name_before_the_place_and_date() -> None:
    body = f"سارة علي - القاهرة في الثلاثاء 20 يناير 2026 12:29 مساءً - {P1}\n{P2}\n{P3}"
    assert clean_one(body, "https://news.example/economy/4412").published == "2026-01-20"
    body = f"بغداد - قال وزير الصحة في 3 مارس 2024 - إن المستشفى الجديد سيفتتح قريبا.\n{P2}\n{P3}"
    assert clean_one(body, "https://news.example/health/4413").published is None


def test_a_menu_run_is_not_the_first_paragraph() -> None:
    menu = " - ".join(["أخبار عامة", "أخبار المرأة", "الأدب والفن", "أخبار اليسار", "أخبار العمال", "حقوق الإنسان",
                       "أخبار الرياضة", "أخبار الصحة", "أخبار البيئة", "أخبار التعليم"])
    dump = "\n".join([menu, "تنبيه لقراء الموقع حول الرابط البديل في حال تعذر الوصول إلى الصفحة الرئيسية",
                      TITLE, "سارة علي", "الراصد اليومي-العدد: 4512 - 2011 / 3 / 9 - 10:20", f"{P1} {P2} {P3}"])
    article = clean_one(dump, "https://rasid.example/show.asp?aid=4512")
    assert (article.title, article.published) == (TITLE, "2011-03-09")
    assert not article.text.startswith("أخبار عامة")


def test_a_recordings_transcript_with_times_into_it_is_a_video_page() -> None:
    lines = [f"{sentence} - 00:0{i}:1{i}" for i, sentence in enumerate((P1, P2, P3, P1))]
    page = "\n".join(["شرح دروس الصحة العامة - (12)", "سارة علي", *lines])
    assert (clean_one(page, "https://media.example/ar/media/lesson-12").page_type) == "video"
    assert clean_one(f"{TITLE}\n{P1} الساعة 10:30:00 صباحا.\n{P2}\n{P3}").page_type == "article"


def test_a_site_name_in_arabic_that_the_address_spells_in_latin() -> None:
    headline = "الحكومة تقر موازنة العام المقبل"
    assert strip_affixes(f"هسبريس - {headline}", url="https://www.hespress.com/politique/1.html") == headline
    assert strip_affixes(f"المدينة نيوز - {headline}", url="https://www.almadenahnews.com/article/1") == headline
    assert strip_affixes(f"{headline} - صدى البلد", url="https://www.elbalad.news/1") == headline
    # a place is no site name, and a short name is too easily a word of the headline
    assert strip_affixes(f"القاهرة - {headline}", url="https://www.cairo24.com/1") == f"القاهرة - {headline}"
    assert strip_affixes(f"مصر - {headline}", url="https://www.masrawy.com/1") == f"مصر - {headline}"
    dump = f"هسبريس - {TITLE}\n{P1}\n{P2}\n{P3}"
    assert clean_one(dump, "https://www.hespress.com/societe/12345.html").title == TITLE


def test_an_institutions_about_page_is_not_news() -> None:
    about = ("تأسست الهيئة الوطنية للصحة عام 1990 لتتولى الإشراف على المستشفيات الحكومية في المحافظات كافة، "
             "وتعمل على تطوير الخدمات الطبية وتدريب الكوادر وفق أفضل الممارسات الدولية في هذا المجال.")
    page = "\n".join(["عن الهيئة", about, "الرؤية", "نظام صحي متكامل يخدم كل مواطن في كل محافظة من محافظات البلاد.",
                      "الرسالة", "تقديم خدمات طبية آمنة وعالية الجودة لجميع المرضى دون تمييز أو تأخير.", "سياسة الجودة",
                      P1])
    assert clean_one(page, "https://health.example/content/about/").page_type == "other"
    story = "\n".join([TITLE, P1, "الرؤية", f"{P2} {P3}"])  # one subhead of that name in a story
    assert clean_one(story).is_article


# Three stories as a listing's teasers show them (composed here).
STORIES = (
    "أعلنت وزارة الزراعة اليوم بدء موسم حصاد القمح في المحافظات الجنوبية وسط توقعات بإنتاج وفير هذا العام بعد "
    "تحسن معدلات الأمطار خلال الشتاء الماضي وتوسيع المساحات المزروعة في المناطق الصحراوية الجديدة.",
    "قال رئيس اتحاد الكرة إن المنتخب الوطني سيخوض مباراتين وديتين الشهر المقبل استعدادا للتصفيات القارية وإن "
    "الجهاز الفني استدعى عددا من اللاعبين الشباب للمرة الأولى بعد تألقهم في الدوري المحلي خلال الموسم الجاري.",
    "افتتح محافظ المدينة أمس معرض الكتاب السنوي بمشاركة أكثر من مئتي دار نشر عربية وأجنبية ويستمر المعرض عشرة "
    "أيام تتخللها ندوات فكرية وأمسيات شعرية وحفلات توقيع لعدد من الكتاب الشباب في قاعات المعرض الرئيسية.",
)


def test_teasers_the_site_trimmed_to_one_length_make_a_listing_without_an_address() -> None:
    trimmed = "\n".join(["مقالات الرأي", *(story[:180].rstrip() for story in STORIES)])
    assert all(175 <= len(line) <= 180 for line in trimmed.split("\n")[1:])  # cut mid-sentence, to one length
    assert clean_one(trimmed).is_article is False
    # (the `page_type` model file was trained with these shapes; a dump of whole paragraphs stays an article)
    assert clean_one("\n".join([TITLE, P1, P2, P3])).is_article


def test_a_last_teaser_trimmed_with_dots_over_its_read_more_link() -> None:
    teaser = STORIES[0].rstrip(".")
    assert clean_one(f"{teaser} …\nأكمل القراءة »").is_article is False
    assert clean_one(f"{teaser} ...").is_article is False
    # an excerpt cut by whoever stored it stops mid-word, without dots: no teaser, and no headline either
    assert clean_one("\n".join([TITLE, P1, P2, P3[:50]])).is_article


def test_a_headline_with_a_list_mark_or_printed_twice_glued() -> None:
    assert strip_affixes(f"* {TITLE}") == TITLE
    assert strip_affixes(f"{TITLE}{TITLE}") == TITLE
    assert strip_affixes("مصر مصر") == "مصر مصر"  # too short to be a headline printed twice


def test_a_headline_ending_with_a_quote_under_a_masthead() -> None:
    masthead = "بوابة الوادي\nرئيس مجلس الإدارة والتحرير\nسامي الكاتب\n\n"
    headline = 'بالصور.. "الصحة": المستشفى الجديد في الجنوب "جاهز"'
    article = clean_one(f"{masthead}{headline}\n\n{P1}\n\n{P2}")
    assert article.title == headline
    assert article.is_article


def test_a_forum_archives_label_before_the_headline() -> None:
    assert strip_affixes(f"مشاهدة النسخة كاملة : {TITLE}") == TITLE


def test_a_fold_model_decides_in_place_of_the_shipped_one() -> None:
    """Cross-validation fits a model on each fold and decides the held-out pages with it:
    a page the rules leave to the model goes the way the given model says."""
    from math import log1p

    from marsad.clean.page_shape import FEATURES, PageShape
    from marsad.clean.page_type import PageTypeModel, decide_page_type

    told = {"log_body_words": log1p(100), "body_lines": 3, "short_kept_lines": 4, "headline_share": 0.35,
            "log_longest_paragraph": log1p(20), "sentence_share": 0.4}
    shape = PageShape(tuple(float(told.get(name, 0.0)) for name in FEATURES))

    def model(weight: float) -> PageTypeModel:
        return PageTypeModel(("log_body_words",), ("article", "not_article"), (0.0,), (1.0,), ((weight,),), (0.0,))

    assert decide_page_type(shape, model=model(-1.0)) == "article"
    assert decide_page_type(shape, model=model(1.0)) != "article"


def test_is_article_at_the_private_sets_share_of_non_articles(tmp_path: Path) -> None:
    """The labelled pages are 39% non-articles, the private sets about 10%: the accuracy at
    a prior weighs the recall of each side by its share there."""
    from marsad.evaluate.clean import PageLabel, score

    def label(i: int, is_article: bool) -> PageLabel:
        return PageLabel(id=f"p{i}", address=None, file=tmp_path / f"p{i}.txt", is_article=is_article,
                         page_type="article" if is_article else "listing", title=None, published=None, lang="ar")

    labels = [label(0, True), label(1, True), label(2, False), label(3, False)]
    called = [True, True, True, False]  # every article kept, one listing of two found
    articles = {lb.id: Article(id=lb.id, source=lb.id, text=P1, title=None, published=None, outlet=None,
                               language="ar", is_article=is_article,
                               page_type="article" if is_article else "listing")
                for lb, is_article in zip(labels, called, strict=True)}
    scores = score(labels, articles)
    assert (scores.is_article_right, scores.articles_kept, scores.non_articles_found) == (3, 2, 1)
    assert abs(scores.accuracy_at_prior(0.1) - 0.95) < 1e-9
    assert abs(scores.accuracy_at_prior(0.5) - 0.75) < 1e-9


def test_an_aggregators_stamp_with_spaced_dashes() -> None:
    """The masress family of aggregators credits the paper and dates the copy with spaced
    dashes ("نشر في <paper> يوم 02 - 05 - 2024")."""
    assert parse_dateline("نشر في الجريدة يوم 02 - 05 - 2024").date == "2024-05-02"
    article = clean_one("\n".join([TITLE, "نشر في الجريدة يوم 02 - 05 - 2024", P1, P2, P3]))
    assert article.published == "2024-05-02"
    assert parse_dateline("فاز الفريق 3 - 1 في المباراة").date is None  # a score is no date


def test_a_dumps_breadcrumb_and_crawl_prefix_leave_its_headline() -> None:
    """Issue 19's pages end to end: the breadcrumb before the headline on its line or on the
    line above, and a crawl prefix glued to both, are not the headline's; nor a date."""
    for top in (f"الرئيسية / عربي ودولي / {TITLE}", f"الرئيسية / عربي ودولي\n{TITLE}",
                f" date 2025-11-09 الرئيسية / عربي ودولي / {TITLE}"):
        article = clean_one(f"{top}\n{P1}\n{P2}\n{P3}")
        assert (article.title, article.is_article, article.published) == (TITLE, True, None)


def test_a_masthead_glued_to_the_editors_name_is_not_the_headline() -> None:
    dump = "\n\n".join(["رئيس مجلس الإدارة ورئيس التحريرسعيد منصور", "صحة", TITLE, P1, P2, P3])
    assert clean_one(dump).title == TITLE


def test_a_forum_thread_is_not_a_news_article() -> None:
    post = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P3}"
    assert clean_one(post, "https://news.example/2024/05/02/hospital-opens-south").is_article
    for address in ("https://club.example.org/t4512-topic", "https://forum.example.com/vb/showthread.php?t=2201"):
        article = clean_one(post, address)
        assert (article.is_article, article.page_type) == (False, "other"), address


def test_a_teaser_that_sends_the_reader_to_the_full_story_elsewhere() -> None:
    for link in ("... read full story", "Redirecting to full article...", "اقرأ الخبر كاملاً"):
        article = clean_one(f"{P1} {P2}\n{link}")
        assert (article.is_article, article.page_type) == (False, "other"), link
    embed = clean_one(f"{TITLE}\n\n{P1} … تابع قراءة {TITLE}")
    assert not embed.is_article
    assert clean_one(f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P3}").is_article


def test_a_stamp_that_can_only_be_month_first() -> None:
    assert parse_dateline("07-24-2010, 09:50 AM").date == "2010-07-24"  # a vBulletin post's stamp
    assert parse_dateline("24-07-2010").date == "2010-07-24"
    assert parse_dateline("03.04.2020 | 20:11").date == "2020-04-03"  # day first when both could be months


def test_a_ticker_flattened_to_one_line_on_an_articles_address() -> None:
    heads = ["ارتفاع أسعار الذهب في السوق المحلية اليوم", "وزير النقل يتفقد محطات القطار الجديدة",
             "الأرصاد: أمطار رعدية على المناطق الشمالية", "افتتاح معرض الكتاب بمشاركة مئتي دار نشر",
             "المنتخب يستعد لمواجهة ودية الأسبوع المقبل", "انخفاض معدل التضخم للشهر الثالث على التوالي",
             "جامعة العاصمة تعلن نتائج القبول للعام الجديد", "بدء صرف المعاشات الشهرية للمتقاعدين غدا!",
             "تحذير من ارتفاع درجات الحرارة نهاية الأسبوع", "البورصة تربح ملياري جنيه في ختام التعاملات",
             # (headlines long enough to read as sentences: the shape alone called such a ticker an article)
             "بعد مقال عن الصفقة.. مجلس المدينة يؤجل التصويت على منح خمسة ملايين لجمعية قريبة من نائب العمدة.",
             "وزير الصحة: المستشفيات الجديدة تستقبل المرضى مطلع الشهر المقبل بعد أن أكملت الكوادر تدريبها.",
             "قادمة من أوروبا.. تنسيق أمني يحبط محاولة تهريب أكثر من خمسين ألف قرص مخدر عبر الميناء."]
    address = "https://aggregator.example/paper/1080444"
    ticker = clean_one("    ".join(heads), address)
    assert (ticker.is_article, ticker.page_type) == (False, "ticker")
    flattened_article = clean_one("    ".join([TITLE, P1 + " " + P2, P2 + " " + P3, P3 + " " + P1]), address)
    assert flattened_article.is_article


def test_an_archive_folder_before_an_articles_own_id_is_not_a_listing() -> None:
    story = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P3}"
    assert clean_one(story, "https://forum.example/archive/index.php/t-140475.html").is_article
    assert not clean_one(story, "https://news.example/archive/").is_article


def test_a_month_first_date_and_a_themes_today_bar_above_the_headline() -> None:
    assert parse_dateline("نوفمبر 14, 2024").date == "2024-11-14"
    assert parse_dateline("السبت , سبتمبر 30 2023").date == "2023-09-30"
    today_bar = clean_one(f"السبت , سبتمبر 30 2023\n\n{TITLE}\n\n{P1}\n\n{P2}")
    assert today_bar.title == TITLE and today_bar.published is None
    restated = P1.replace("اليوم", "اليوم الخميس 28 يناير 2021")
    dated = clean_one(f"الخميس , يناير 28 2021\n\n{TITLE}\n\n{restated}\n\n{P2}")
    assert dated.published == "2021-01-28"

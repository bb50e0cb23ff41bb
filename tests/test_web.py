"""The web layer without a browser: escaping of article text, right-to-left pages, no
external URLs in what is served, the inline charts, and the static report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from marsad.serve.web.charts import articles_per_day_svg, outlets_svg
from marsad.serve.web.highlight import Mark, highlight, marks_from_article
from marsad.serve.web.routes import STATIC_DIR, TEMPLATES_DIR, snippet_html

HOSTILE = (
    'قال المتحدث <script>alert("x")</script> وأضاف <img src=x onerror=alert(1)> إن 30 جنديا قتلوا'
)


# --- highlighting built from offsets ---------------------------------------------------


def test_highlight_escapes_markup_in_article_text() -> None:
    html = str(highlight(HOSTILE, []))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_highlight_wraps_each_annotation_at_its_offsets() -> None:
    text = "زار وزير الخارجية بغداد يوم 3 مارس وقال «سنعود قريبا» بعد مقتل 12 شخصا"
    start = text.index("بغداد")
    marks = [
        Mark(start, start + 5, "entity", entity="loc:baghdad", type="LOC"),
        Mark(text.index("3 مارس"), text.index("3 مارس") + 6, "date"),
        Mark(text.index("«"), text.index("»") + 1, "quote"),
        Mark(text.index("12"), text.index("12") + 2, "number"),
    ]
    html = str(highlight(text, marks, lambda eid: f"/entities/{eid}"))
    assert '<a class="mark mark-entity ent-LOC" href="/entities/loc:baghdad"' in html
    assert re.search(r'<span class="mark mark-date"[^>]*>3 مارس</span>', html)
    assert re.search(r'<span class="mark mark-quote"[^>]*>«سنعود قريبا»</span>', html)
    assert re.search(r'<span class="mark mark-number"[^>]*>12</span>', html)
    # The text itself is unchanged once the tags are taken out.
    assert re.sub(r"<[^>]+>", "", html) == text


def test_highlight_nests_inner_marks_and_drops_crossing_ones() -> None:
    text = "قال الرئيس: «قتل 12 جنديا» أمس"
    quote = Mark(text.index("«"), text.index("»") + 1, "quote")
    number = Mark(text.index("12"), text.index("12") + 2, "number")
    crossing = Mark(text.index("جنديا"), len(text), "date")  # starts inside the quote, ends outside
    html = str(highlight(text, [crossing, number, quote]))
    assert html.count("<span") == 2 and html.count("</span>") == 2
    assert html.index("mark-quote") < html.index("mark-number")
    assert "mark-date" not in html


def test_highlight_ignores_offsets_outside_the_text() -> None:
    html = str(
        highlight("نص قصير", [Mark(3, 99, "entity"), Mark(-1, 2, "number"), Mark(2, 2, "date")])
    )
    assert html == "نص قصير"


def test_entity_ids_and_titles_are_escaped_in_attributes() -> None:
    text = "بغداد"
    html = str(
        highlight(
            text,
            [Mark(0, 5, "entity", entity='x" onmouseover="evil', title='"><b>')],
            lambda eid: f"/entities/{eid}",
        )
    )
    assert 'onmouseover="evil' not in html and "<b>" not in html
    assert "&#34;" in html


def test_marks_from_article_reads_the_export_shape() -> None:
    article = {
        "text": "قتل 5 أشخاص",
        "mentions": [],
        "quantities": [{"start": 4, "end": 5, "text": "5", "value": 5.0, "unit": "شخص"}],
        "times": [],
        "quotes": [],
    }
    (mark,) = marks_from_article(article)
    assert (mark.start, mark.end, mark.kind, mark.title) == (4, 5, "number", "5 شخص")


def test_search_snippet_is_escaped_and_marked_by_offsets() -> None:
    text = "قبل العراق بعد <script>x</script> </mark>"
    html = snippet_html(text, [(4, 10)])
    assert str(html) == "قبل <mark>العراق</mark> بعد &lt;script&gt;x&lt;/script&gt; &lt;/mark&gt;"
    assert str(snippet_html("نص", [(0, 9)])) == "نص"  # an offset past the end marks nothing


# --- charts ----------------------------------------------------------------------------


def test_articles_per_day_chart_has_one_bar_per_day_right_to_left() -> None:
    svg = str(articles_per_day_svg([("2024-03-05", 1), ("2024-03-03", 4), ("2024-03-04", 2)]))
    assert svg.startswith("<svg") and svg.count('class="bar"') == 3
    xs = [float(x) for x in re.findall(r'<rect class="bar" x="([\d.]+)"', svg)]
    assert xs == sorted(xs, reverse=True)  # the first day stands at the right edge
    assert "http" not in svg  # inline SVG needs no namespace URL


def test_outlets_chart_escapes_names_and_orders_by_count() -> None:
    svg = str(outlets_svg([("منبر <b>", 1), ("الجزيرة", 3)]))
    assert "<b>" not in svg and "منبر &lt;b&gt;" in svg
    assert svg.index("الجزيرة") < svg.index("منبر &lt;b&gt;")


def test_empty_charts_are_empty() -> None:
    assert articles_per_day_svg([]) == Markup("") and outlets_svg([]) == Markup("")


# --- templates and static files --------------------------------------------------------


def _served_text_files() -> list[Path]:
    files = [
        *TEMPLATES_DIR.glob("*.html"),
        *STATIC_DIR.rglob("*.css"),
        *STATIC_DIR.rglob("*.js"),
        *STATIC_DIR.rglob("*.svg"),
    ]
    assert len(files) >= 8
    return files


def test_no_external_urls_in_templates_or_static_files() -> None:
    offenders = [
        f"{path.name}: {m.group(0)}"
        for path in _served_text_files()
        for m in re.finditer(
            r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", path.read_text(encoding="utf-8")
        )
    ]
    assert offenders == []


def test_pages_are_right_to_left_and_fit_a_phone() -> None:
    for name in ("base.html", "report.html"):
        html = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
        assert '<html lang="ar" dir="rtl">' in html
        assert 'name="viewport" content="width=device-width' in html
    css = (STATIC_DIR / "style.css").read_text(encoding="utf-8")
    assert "@media (max-width:" in css


def test_the_arabic_font_ships_with_its_licence() -> None:
    css = (STATIC_DIR / "style.css").read_text(encoding="utf-8")
    (font_url,) = re.findall(r'@font-face\s*\{[^}]*url\("([^"]+)"\)', css)
    font = STATIC_DIR / font_url
    assert font.is_file() and 50_000 < font.stat().st_size < 1_000_000
    assert font.read_bytes()[:4] in (b"\x00\x01\x00\x00", b"wOFF", b"wOF2", b"OTTO")
    assert "SIL OPEN FONT LICENSE" in (font.parent / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES_DIR.glob("*.html")))
def test_templates_never_switch_escaping_off(template: str) -> None:
    source = (TEMPLATES_DIR / template).read_text(encoding="utf-8")
    assert "|safe" not in source and "autoescape false" not in source


# --- the static report -----------------------------------------------------------------


def test_report_css_embeds_the_font_or_leaves_it_out() -> None:
    from marsad.serve.report import inline_css

    embedded = inline_css(embed_font=True)
    assert 'url("data:font/ttf;base64,' in embedded and 'url("fonts/' not in embedded
    assert "@font-face" not in inline_css(embed_font=False)


def test_report_is_one_self_contained_rtl_file(tmp_path: Path) -> None:
    store_module = pytest.importorskip(
        "marsad.store"
    )
    from marsad.ingest import make_page
    from marsad.serve.report import write_report

    store = store_module.open_store(str(tmp_path / "r.db"))
    store.ingest_one(
        make_page(
            "composed:1",
            "قتل 12 شخصا في انفجار بسوق في بغداد <script>x()</script>.",
            outlet="وكالة الرافدين",
            published="2024-03-03",
        )
    )
    out = tmp_path / "report.html"
    assert write_report(store, out) == out.stat().st_size
    html = out.read_text(encoding="utf-8")
    assert (
        '<html lang="ar" dir="rtl">' in html
        and "<style>" in html
        and "data:font/ttf;base64," in html
    )
    assert '<link rel="stylesheet"' not in html and "<script" not in html
    assert re.findall(r"(?:src|href)=\"https?://", html) == []

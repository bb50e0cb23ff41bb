"""Arabic search over the store: spelling variants, diacritics and attached clitics match;
filters narrow; snippets come from the original text with the matches marked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from marsad.ingest import make_page
from marsad.store import open_store
from marsad.store.search import MARK_CLOSE, MARK_OPEN, benchmark_search, index_columns, snippet

# Composed pages: each spells a name or word differently.
PAGES = {
    "iran_hamza": ("وصل وفد من إيران إلى العاصمة لبحث اتفاق تجاري جديد.", "وكالة أ", "2024-01-10"),
    "iran_plain": (
        "قال مسؤول في ايران إن المحادثات ستستأنف الشهر المقبل.",
        "وكالة ب",
        "2024-01-12",
    ),
    "vowelled": ("أعلنت الحُكُومَةُ خطة لإصلاح شبكة المياه في المدن الكبرى.", "وكالة أ", "2024-02-01"),
    "wa_iraq": ("وصلت شحنة قمح إلى الأردن والعراق عبر ميناء العقبة.", "وكالة ب", "2024-02-03"),
    "bi_iraq": ("عقد مؤتمر للاستثمار بالعراق بمشاركة شركات عربية.", "وكالة أ", "2024-02-05"),
    "li_iraq": ("قدمت المنظمة مساعدات طبية للعراق بعد موجة الحر.", "وكالة ب", "2024-03-01"),
    "al_iraq": ("يشهد العراق ارتفاعا في درجات الحرارة هذا الصيف.", "وكالة أ", "2024-03-02"),
    "iraqi_only": ("قال وزير عراقي إن الموازنة ستقدم إلى البرلمان قريبا.", "وكالة ب", "2024-03-05"),
    "baghdad": ("افتتح معرض للكتاب في بغداد بمشاركة مئات دور النشر.", "وكالة أ", "2024-03-07"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    s = open_store(str(tmp_path_factory.mktemp("search") / "search.db"))
    for name, (text, outlet, published) in PAGES.items():
        s.ingest_one(
            make_page(f"composed:{name}", text, outlet=outlet, published=published, title=name)
        )
    return s


def found(store: Any, query: str, **filters: Any) -> set[str]:
    result = store.search(query, offset=0, limit=100, **filters)
    assert result["total"] == len(result["items"])
    return {item["title"] for item in result["items"]}


def test_hamza_forms_match_both_ways(store: Any) -> None:
    assert found(store, "إيران") == {"iran_hamza", "iran_plain"}
    assert found(store, "ايران") == {"iran_hamza", "iran_plain"}


def test_diacritics_are_ignored_in_text_and_query(store: Any) -> None:
    assert found(store, "الحكومة") == {"vowelled"}
    assert found(store, "الحكومه") == {"vowelled"}  # ta marbuta written as ha
    assert found(store, "بَغْدَاد") == {"baghdad"}


def test_attached_clitics_match_the_bare_word(store: Any) -> None:
    iraq = {"wa_iraq", "bi_iraq", "li_iraq", "al_iraq"}
    assert found(store, "العراق") == iraq
    assert found(store, "والعراق") == iraq
    assert found(store, "بالعراق") == iraq
    assert found(store, "للعراق") == iraq
    assert found(store, "ببغداد") == {"baghdad"}  # a preposition on a name without the article


def test_stems_do_not_overreach(store: Any) -> None:
    assert "iraqi_only" not in found(store, "العراق")  # عراقي is another word
    assert found(store, "وزير") == {"iraqi_only"}  # not turned into زير
    assert found(store, "كلمةغيرموجودة") == set()


def test_all_words_of_a_query_must_match(store: Any) -> None:
    assert found(store, "العراق الحر") == {"li_iraq"}
    assert found(store, "ايران المحادثات") == {"iran_plain"}


def test_filters_by_outlet_and_date(store: Any) -> None:
    iraq = "العراق"
    assert found(store, iraq, outlet="وكالة أ") == {"bi_iraq", "al_iraq"}
    assert found(store, iraq, date_from="2024-03-01") == {"li_iraq", "al_iraq"}
    assert found(store, iraq, date_to="2024-02-03") == {"wa_iraq"}
    assert found(store, iraq, date_from="2024-02", date_to="2024-02") == {"wa_iraq", "bi_iraq"}


def test_filter_by_story(tmp_path: Path) -> None:
    from marsad.ingest import read_inputs

    fixtures = Path(__file__).resolve().parent / "fixtures" / "store"
    stored = open_store(str(tmp_path / "stories.db"))
    stored.ingest(read_inputs([str(fixtures)]))
    flood, power = sorted(
        stored.list_stories(sort="biggest")["items"], key=lambda s: -len(s["articles"])
    )
    everywhere = {i["id"] for i in stored.search("محافظة", limit=100)["items"]}
    in_power = {i["id"] for i in stored.search("محافظة", story=power["id"], limit=100)["items"]}
    assert in_power == set(power["articles"]) and everywhere > in_power  # both stories say it
    assert stored.search("الفيضانات", story=power["id"])["total"] == 0
    assert stored.search("الفيضانات", story=flood["id"])["total"] == 3


def test_results_are_paged_with_a_total(store: Any) -> None:
    first = store.search("العراق", offset=0, limit=3)
    second = store.search("العراق", offset=3, limit=3)
    assert first["total"] == second["total"] == 4
    assert len(first["items"]) == 3 and len(second["items"]) == 1
    ids = [i["id"] for i in first["items"] + second["items"]]
    assert len(set(ids)) == 4


def test_snippets_mark_the_original_words(store: Any) -> None:
    (item,) = [
        i for i in store.search("العراق", offset=0, limit=10)["items"] if i["title"] == "wa_iraq"
    ]
    assert f"{MARK_OPEN}والعراق{MARK_CLOSE}" in item["snippet"]
    assert item["snippet"].replace(MARK_OPEN, "").replace(MARK_CLOSE, "") in PAGES["wa_iraq"][0]
    (vowelled,) = store.search("الحكومة", offset=0, limit=10)["items"]
    assert f"{MARK_OPEN}الحُكُومَةُ{MARK_CLOSE}" in vowelled["snippet"]


def test_snippet_is_a_window_around_the_first_match() -> None:
    words = [f"كلمة{i}" for i in range(100)]
    text = " ".join([*words[:60], "بالعراق", *words[60:]])
    cut = snippet(text, {"العراق"}, size=10)
    assert cut.startswith("…") and cut.endswith("…")
    assert f"{MARK_OPEN}بالعراق{MARK_CLOSE}" in cut and len(cut.split()) <= 12
    assert snippet("نص بلا تطابق", {"العراق"}) == ""


def test_index_columns_hold_keys_and_clitic_stems() -> None:
    words, stems = index_columns("عنوان", "وصلت إلى والعراق")
    assert words.split() == ["عنوان", "وصلت", "الي", "والعراق"]
    assert {"العراق", "عراق"} <= set(stems.split())


def test_benchmark_reports_percentiles(store: Any) -> None:
    result = benchmark_search(store, ["العراق", "ايران", "بغداد"], repeat=2)
    assert result["queries"] == 6 and result["articles"] == len(PAGES)
    assert 0 <= result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]


def test_search_is_over_stored_articles_only(tmp_path: Path) -> None:
    empty = open_store(str(tmp_path / "empty.db"))
    assert empty.search("العراق") == {"total": 0, "items": []}
    assert empty.search("!!") == {"total": 0, "items": []}

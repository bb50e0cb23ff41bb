"""Arabic search over the store: spelling variants, diacritics and attached clitics match;
filters narrow; snippets come from the original text with the matches marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.ingest import date_filter, make_page
from marsad.model import Query, ResultPage, SearchHit
from marsad.store import open_store
from marsad.store.search import benchmark_search, index_columns, snippet

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


def search(store: Any, text: str, **filters: Any) -> ResultPage[SearchHit]:
    return store.search(Query(text=text, **filters))


def marked(hit: SearchHit) -> list[str]:
    return [hit.snippet[start:end] for start, end in hit.highlights]


def found(store: Any, query: str, **filters: Any) -> set[str]:
    result = search(store, query, offset=0, limit=100, **filters)
    assert result.total == len(result.items)
    return {item.title for item in result.items}


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
    assert found(store, iraq, date_from=date(2024, 3, 1)) == {"li_iraq", "al_iraq"}
    assert found(store, iraq, date_to=date(2024, 2, 3)) == {"wa_iraq"}
    assert found(store, iraq, date_from=date(2024, 2, 1), date_to=date(2024, 2, 29)) == {"wa_iraq", "bi_iraq"}


def test_filter_by_story(tmp_path: Path) -> None:
    from marsad.ingest import read_inputs

    fixtures = Path(__file__).resolve().parent / "fixtures" / "store"
    stored = open_store(str(tmp_path / "stories.db"))
    stored.ingest(read_inputs([str(fixtures)]))
    flood, power = sorted(
        stored.list_stories(sort="biggest")["items"], key=lambda s: -len(s["articles"])
    )
    everywhere = {i.id for i in search(stored, "محافظة", limit=100).items}
    in_power = {i.id for i in search(stored, "محافظة", story=power["id"], limit=100).items}
    assert in_power == set(power["articles"]) and everywhere > in_power  # both stories say it
    assert search(stored, "الفيضانات", story=power["id"]).total == 0
    assert search(stored, "الفيضانات", story=flood["id"]).total == 3


def test_results_are_paged_with_a_total(store: Any) -> None:
    first = search(store, "العراق", offset=0, limit=3)
    second = search(store, "العراق", offset=3, limit=3)
    assert first.total == second.total == 4
    assert len(first.items) == 3 and len(second.items) == 1
    ids = [i.id for i in first.items + second.items]
    assert len(set(ids)) == 4


def test_snippets_mark_the_original_words(store: Any) -> None:
    (item,) = [i for i in search(store, "العراق", limit=10).items if i.title == "wa_iraq"]
    assert marked(item) == ["والعراق"]
    assert item.snippet in PAGES["wa_iraq"][0]
    (vowelled,) = search(store, "الحكومة", limit=10).items
    assert marked(vowelled) == ["الحُكُومَةُ"]


def test_snippet_is_a_window_around_the_first_match() -> None:
    words = [f"كلمة{i}" for i in range(100)]
    text = " ".join([*words[:60], "بالعراق", *words[60:]])
    cut, spans = snippet(text, {"العراق"}, size=10)
    assert cut.startswith("…") and cut.endswith("…")
    assert [cut[a:b] for a, b in spans] == ["بالعراق"] and len(cut.split()) <= 12
    assert snippet("نص بلا تطابق", {"العراق"}) == ("", ())


def test_control_characters_in_the_text_never_become_highlights() -> None:
    cut, spans = snippet("قبل \x02بالعراق\x03 بعد \x03 ثم \x02", {"العراق"})
    assert "\x02" not in cut and "\x03" not in cut
    assert [cut[a:b] for a, b in spans] == ["بالعراق"]


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
    assert search(empty, "العراق") == ResultPage(0, ())
    assert search(empty, "!!") == ResultPage(0, ())


# --- a name finds every spelling of its entity (issue 23) ------------------------------------

DEMO = Path(__file__).resolve().parent.parent / "demo"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from marsad.ingest import read_inputs

    s = open_store(str(tmp_path_factory.mktemp("demo") / "demo.db"))
    s.ingest(read_inputs([str(DEMO)]))
    return s


def test_a_name_finds_the_articles_of_every_spelling_of_its_entity(demo_store: Any) -> None:
    one, other = search(demo_store, "فيليب كارتر"), search(demo_store, "فليب كارتر")
    assert one.total == other.total == 4
    assert {h.id for h in one.items} == {h.id for h in other.items}
    spellings = {name for h in one.items for name in h.matched}
    assert {"فيليب كارتر", "فليب كارتر"} <= spellings
    for hit in one.items:  # the article's own spelling is what the snippet marks
        assert any(hit.snippet[a:b] in " ".join(hit.matched) for a, b in hit.highlights)


def test_exact_finds_only_the_spelling_asked_for(demo_store: Any) -> None:
    exact = search(demo_store, "فليب كارتر", exact=True)
    assert 0 < exact.total < 4
    assert all(h.matched == () for h in exact.items)


@pytest.mark.seeds
def test_on_the_seeds_either_spelling_of_the_envoy_finds_all_four_pages(tmp_path: Path, seeds_dir: Path) -> None:
    from marsad.ingest import read_inputs

    stored = open_store(str(tmp_path / "seeds.db"))
    stored.ingest(read_inputs([str(seeds_dir)]))
    with_k = {h.id for h in search(stored, "ماكغورك").items}
    with_j = {h.id for h in search(stored, "ماجورك").items}
    assert len(with_k) == 4 and with_k == with_j


def test_date_filters_run_from_the_first_to_the_last_day_they_cover(tmp_path: Path) -> None:
    assert date_filter("2024-02", "2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_filter("2023", None) == (date(2023, 1, 1), None)
    assert date_filter(None, "2023-06-15") == (None, date(2023, 6, 15))
    # a page dated only to its month is in whenever that month is
    s = open_store(str(tmp_path / "month.db"))
    s.ingest_one(make_page("composed:month", "أعلنت الوزارة خطة جديدة لشبكة الكهرباء في العراق.",
                           outlet="وكالة أ", published="2024-02", title="month"))

    def titles(start: str | None, end: str | None) -> set[str | None]:
        first, last = date_filter(start, end)
        return {hit.title for hit in search(s, "العراق", date_from=first, date_to=last).items}

    assert titles("2024-02", "2024-02") == titles("2024-02-10", None) == titles(None, "2024-02-03") == {"month"}
    assert titles("2024-03", None) == titles(None, "2024-01-31") == set()

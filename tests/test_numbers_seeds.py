"""Acceptance on ../shared/seeds: every count the issue lists, with value and bound, and the
dated events resolved against each page's date (skipped when ../shared is absent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.clean import clean_pages
from marsad.extract.dates import extract_times
from marsad.extract.quantities import extract_quantities
from marsad.ingest import read_inputs

# (seed, words the quantity's text contains, value, bound)
COUNTS = [
    ("000", "3500 جندي", 3500, "about"),
    ("000", "2500", 2500, "exact"),
    ("000", "خمسين هجوم", 50, "exact"),
    ("000", "14 صاروخ", 14, "exact"),
    ("000", "عشرة مقاتلين", 10, "more_than"),
    ("001", "5 آلاف جندي", 5000, "about"),
    ("002", "3500 جندي", 3500, "about"),
    ("003", "ثماني هجمات", 8, "at_least"),
    ("003", "17 هجوم", 17, "exact"),
    ("003", "14 صاروخ", 14, "exact"),
    ("003", "ثلاثة", 3, "exact"),
]
# 003 states no date: the reader supplies one, as `--reference-date` would.
REFERENCE = {"003": date(2021, 7, 17)}
# (seed, words the expression contains, value)
TIMES = [
    ("000", "7 يوليو/تموز", "2021-07-07"),
    ("000", "نهاية يونيو/حزيران", "2021-06"),
    ("000", "نهاية الشهر الجاري", "2021-07"),
    ("002", "26 يوليو", "2021-07-26"),
    ("002", "السابع من أبريل الماضي", "2021-04-07"),
    ("002", "الشهر الماضي", "2021-06"),
    ("002", "الأسبوع الماضي", "2021-07-05"),  # a week: the date of its Monday, granularity "week"
    ("003", "26 يوليو تموز", "2021-07-26"),
    ("003", "3 يناير 2020", "2020-01-03"),
    ("003", "العام الماضي", "2020"),
    ("004", "أول من أمس الثلاثاء", "2021-07-13"),
    ("001", "11 يونيو/حزيران 2020", "2020-06-11"),
]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, tuple[str, date | None]]:
    articles, _ = clean_pages(list(read_inputs([str(seeds_dir)])))  # type: ignore[arg-type]
    out = {}
    for a in articles:
        name = Path(a.source).name[:3]
        ref = date.fromisoformat(a.published) if a.published else REFERENCE.get(name)
        out[name] = (a.text, ref)
    return out


@pytest.mark.parametrize(("seed", "words", "value", "bound"), COUNTS)
def test_seed_counts(seeds: dict[str, tuple[str, date | None]], seed: str, words: str, value: float, bound: str) -> None:
    text, _ = seeds[seed]
    found = [(q.value, q.bound) for q in extract_quantities(text) if all(w in q.text for w in words.split())]
    assert (value, bound) in found, [(q.text, q.value, q.bound) for q in extract_quantities(text)]


@pytest.mark.parametrize(("seed", "words", "value"), TIMES)
def test_seed_times(seeds: dict[str, tuple[str, date | None]], seed: str, words: str, value: str) -> None:
    text, ref = seeds[seed]
    found = [t.value for t in extract_times(text, ref) if words in t.text]
    assert value in found, [(t.text, t.value) for t in extract_times(text, ref)]


def test_the_mcgurk_meeting_day(seeds: dict[str, tuple[str, date | None]]) -> None:
    text, ref = seeds["000"]
    thursdays = [t.value for t in extract_times(text, ref) if t.text == "الخميس"]
    assert thursdays and set(thursdays) == {"2021-07-15"}

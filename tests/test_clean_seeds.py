"""Acceptance on the five real pages in ../shared/seeds (skipped when ../shared is absent).

Expectations are about what a reader sees on those pages; the cleaner has no seed-specific
code: the same rules are tested on the team's own pages in test_clean_text.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.clean import clean_pages
from marsad.ingest import read_inputs
from marsad.model import Article

TITLES = {
    "000": "مباحثات عراقية أميركية بشأن الانسحاب.. الكاظمي يلتقي ماكغورك",
    "001": "بغداد وواشنطن تتفقان على تقليص القوات الأمريكية بالعراق خلال الأشهر المقبلة",
    "002": "ملف القوات الأميركية يتصدر لقاء بايدن والكاظمي المرتقب",
    "003": "بايدن يستضيف رئيس الوزراء العراقي الكاظمي في البيت الابيض",
    "004": "الكاظمي يبحث مع وفد أميركي انسحاب القوات القتالية من العراق",
}
PUBLISHED = {"000": "2021-07-15", "001": None, "002": "2021-07-17", "003": None, "004": "2021-07-15"}
FURNITURE = [
    "Skip to main content", "آخر الأخبار", "اترك تعليقاً", "Leave a Reply", "لن يتم نشر عنوان بريدك الإلكتروني",
    "Your email address will not be published", "شارك القصة", "+ الخط -", "زر الذهاب إلى الأعلى", "(Getty)",
    "المصادر:", "مقالات ذات صلة", "| أخبار السياسة", "المساهمون",
]
FIRST_WORDS = {
    "000": "التقى رئيس الوزراء العراقي مصطفى الكاظمي الخميس",
    "001": "أعلنت الحكومتان الأمريكية والعراقيّة",
    "003": "سيعقد اجتماع 26 يوليو في واشنطن",
    "004": "التقى رئيس الوزراء العراقي مصطفى الكاظمي، اليوم الخميس",
}
LAST_WORDS = {
    "000": "ما أسفر عن مقتل أكثر من عشرة مقاتلين.",
    "001": "ضمن التحالف الدولي لمحاربة تنظيم داعش.",
    "002": "لكنّ إتمام عمليّة انسحابهم قد يستغرق سنوات.",
    "003": "تسمى قوات الحشد الشعبي.",
    "004": "وهذا يجب أن ينتهي\".",
}


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Article]:
    articles, problems = clean_pages(list(read_inputs([str(seeds_dir)])))  # type: ignore[arg-type]
    assert not problems
    return {Path(a.source).name[:3]: a for a in articles}


@pytest.mark.parametrize("seed", sorted(TITLES))
def test_title(seeds: dict[str, Article], seed: str) -> None:
    assert seeds[seed].title == TITLES[seed]


@pytest.mark.parametrize("seed", sorted(PUBLISHED))
def test_published_only_when_the_page_states_it(seeds: dict[str, Article], seed: str) -> None:
    assert seeds[seed].published == PUBLISHED[seed]


@pytest.mark.parametrize("seed", sorted(TITLES))
def test_furniture_is_out_of_the_text_and_listed(seeds: dict[str, Article], seed: str) -> None:
    article = seeds[seed]
    removed = "\n".join(article.removed)
    for phrase in FURNITURE:
        assert phrase not in article.text
    raw = Path(article.source).read_text(encoding="utf-8")
    for phrase in FURNITURE:
        if phrase in raw:
            assert phrase in removed, phrase
    assert "\u00a0" not in article.text


@pytest.mark.parametrize("seed", sorted(FIRST_WORDS))
def test_body_starts_at_the_first_real_sentence(seeds: dict[str, Article], seed: str) -> None:
    assert seeds[seed].text.startswith(FIRST_WORDS[seed])


def test_standfirst_is_kept_and_captions_removed(seeds: dict[str, Article]) -> None:
    a = seeds["002"]
    assert a.text.startswith("زيارة رئيس الوزراء العراقي إلى واشنطن في 26 يوليو")
    assert "مواصلة الحوار الاستراتيجي مع واشنطن" in a.removed
    assert "لقاء رئيس الوزراء العراقي مصطفى الكاظمي مع مبعوث البيت الأبيض للشرق الأوسط بريت ماكغورك" in seeds["000"].removed


@pytest.mark.parametrize("seed", sorted(LAST_WORDS))
def test_body_keeps_the_last_sentence(seeds: dict[str, Article], seed: str) -> None:
    assert seeds[seed].text.endswith(LAST_WORDS[seed])


def test_credits(seeds: dict[str, Article]) -> None:
    assert seeds["000"].credits == ("العربي", "أ.ف.ب")
    assert "أ.ف.ب" in seeds["001"].credits  # "وفقاً لما نشرته وكالة الأنباء الفرنسية"


def test_all_are_arabic_articles(seeds: dict[str, Article]) -> None:
    assert all(a.language == "ar" and a.is_article for a in seeds.values())


# Photo captions, by line number in the raw page (1-based): read at run time, not copied.
CAPTION_LINES = {"000": 6, "002": 5, "004": 4}


@pytest.mark.parametrize("seed", sorted(CAPTION_LINES))
def test_photo_caption_lines_are_removed(seeds: dict[str, Article], seed: str) -> None:
    from marsad.arabic.normalize import display_clean

    article = seeds[seed]
    raw = Path(article.source).read_text(encoding="utf-8").splitlines()
    caption = " ".join(display_clean(raw[CAPTION_LINES[seed] - 1]).split())
    assert caption and caption in article.removed
    assert caption not in article.text

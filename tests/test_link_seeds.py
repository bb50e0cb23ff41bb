"""Acceptance on ../shared/seeds: the spelling variants of one entity end up as one record,
and no two different people share an id (the full pipeline with the shipped NER model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.arabic.normalize import match_key
from marsad.ingest import read_inputs
from marsad.model import Analysis
from marsad.pipeline import analyze_pages
from marsad.settings import NER_MODEL_PATH

VARIANT_SETS = [
    {"ماكغورك", "ماجورك", "بريت ماكغورك", "بريت ماجورك"},
    {"الكاظمي", "مصطفى الكاظمي"},
    {"داعش", "تنظيم الدولة", "تنظيم الدولة الإسلامية"},
    {"البيت الأبيض", "البيت الابيض"},
]
PEOPLE = ["مصطفى الكاظمي", "بريت ماكغورك", "جو بايدن", "جين ساكي", "قاسم سليماني", "محمود علوي"]
DIFFERENT_PEOPLE = [("مصطفى الكاظمي", "جو بايدن"), ("قاسم سليماني", "قاسم الأعرجي"), ("جين ساكي", "جوي هود")]


@pytest.fixture(scope="module")
def analysis(seeds_dir: Path) -> Analysis:
    if not NER_MODEL_PATH.exists():
        pytest.skip(f"{NER_MODEL_PATH} is not trained (python scripts/train_ner.py)")
    return analyze_pages(read_inputs([str(seeds_dir)]))


def ids_for(analysis: Analysis, surface: str) -> set[str]:
    key = match_key(surface)
    return {m.entity for d in analysis.docs for m in d.mentions
            if m.entity and match_key(m.text.strip("\"«»")) in (key, "و" + key, "ب" + key, "ل" + key)}


@pytest.mark.parametrize("variants", VARIANT_SETS, ids=[sorted(v)[0] for v in VARIANT_SETS])
def test_spelling_variants_are_one_entity(analysis: Analysis, variants: set[str]) -> None:
    found = {v: ids_for(analysis, v) for v in variants}
    ids = set().union(*found.values())
    assert ids, f"none of {variants} was found"
    assert len(ids) == 1, {v: sorted(i) for v, i in found.items()}


@pytest.mark.parametrize("name", PEOPLE)
def test_people_are_found(analysis: Analysis, name: str) -> None:
    people = {e.name for e in analysis.entities if e.type == "PER"} | {
        a for e in analysis.entities if e.type == "PER" for a in e.aliases}
    assert any(match_key(name) == match_key(p) for p in people), sorted(people)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PEOPLE)
def test_different_people_never_share_an_id(analysis: Analysis, a: str, b: str) -> None:
    ia, ib = ids_for(analysis, a), ids_for(analysis, b)
    assert not (ia & ib)


# Every entity the seed pages name on more than one page, with those pages (file-name
# prefixes), as read by hand (issue 20: "all multi-page entities merged, 0 false merges").
# Each is one record holding exactly its pages, and no two are one record.
MULTI_PAGE = {
    "مصطفى الكاظمي": {"000", "001", "002", "003", "004"},
    "بريت ماكغورك": {"000", "002", "003", "004"},
    "جو بايدن": {"002", "003"},
    "جين ساكي": {"002", "003"},
    "قاسم سليماني": {"001", "003"},
    "محمود علوي": {"000", "004"},
    "جوي هود": {"002", "004"},
    "البيت الأبيض": {"000", "002", "003", "004"},
    "الخارجية الأميركية": {"002", "004"},
    "تنظيم الدولة الإسلامية": {"000", "001", "002", "003", "004"},
    "قوات التحالف": {"000", "001", "002", "004"},
    "الحشد الشعبي": {"000", "002", "003"},
    "الولايات المتحدة": {"000", "001", "002", "003", "004"},
    "واشنطن": {"000", "001", "002", "003", "004"},
    "العراق": {"000", "001", "002", "003", "004"},
    "بغداد": {"000", "001", "002", "003", "004"},
    "إيران": {"000", "001", "002", "003"},
    "سوريا": {"000", "002", "003"},
    "عين الأسد": {"000", "002", "003"},
    "الشرق الأوسط": {"002", "004"},
}


@pytest.mark.parametrize("name", list(MULTI_PAGE))
def test_a_multi_page_entity_is_one_record_over_its_pages(analysis: Analysis, name: str) -> None:
    ids = ids_for(analysis, name)
    assert len(ids) == 1, ids
    entity = next(e for e in analysis.entities if e.id in ids)
    pages = {Path(d.article.source).name[:3] for d in analysis.docs if d.id in entity.articles}
    assert pages >= MULTI_PAGE[name], (entity.aliases, sorted(pages))


def test_no_two_multi_page_entities_are_one_record(analysis: Analysis) -> None:
    owners = {name: ids_for(analysis, name) for name in MULTI_PAGE}
    for a in MULTI_PAGE:
        for b in MULTI_PAGE:
            assert a == b or not (owners[a] & owners[b]), (a, b)

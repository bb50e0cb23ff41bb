"""Seed acceptance: the events of the five real pages (../shared/seeds), coded by the real
pipeline and merged across outlets. Skipped, with the reason, while a stage they need
(cleaning, dates, entity mentions) is still a placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.model import Event


@pytest.fixture(scope="module")
def seed_events(seeds_dir: Path) -> list[Event]:
    from marsad.ingest import read_inputs
    from marsad.pipeline import analyze_pages
    from marsad.stories.events import merge_events

    analysis = analyze_pages(list(read_inputs([str(seeds_dir)])))
    docs = analysis.docs
    if not docs or not any(d.sentences for d in docs):
        pytest.skip("cleaning stage gives no article text yet (marsad.clean placeholder)")
    if not any(d.times for d in docs):
        pytest.skip("date stage finds no times yet (marsad.extract.dates placeholder)")
    if not any(d.mentions for d in docs):
        pytest.skip(
            "entity stage finds no mentions yet (NER model or marsad.extract.entities missing)"
        )
    return merge_events(list(docs))


def _names(event: Event) -> str:
    sides = event.actors + event.targets
    return " ".join([p.text for p in sides] + [p.ref for p in sides] + [event.location or ""])


def _find(
    events: list[Event], kind: str, date_prefix: str, *names: str, mode: str = "asserted"
) -> Event:
    found = [
        e
        for e in events
        if e.type == kind
        and e.mode == mode
        and (e.date or "").startswith(date_prefix)
        and all(any(n in _names(e) for n in alts.split("|")) for alts in names)
    ]
    assert found, f"no {kind}/{mode} on {date_prefix} with {names}: " + "; ".join(
        f"{e.type}/{e.mode}/{e.date}/{_names(e)}" for e in events if e.type == kind
    )
    return max(found, key=lambda e: len(e.articles))


def test_mcgurk_kadhimi_meeting(seed_events):
    event = _find(seed_events, "CONSULT", "2021-07-15", "الكاظمي", "ماكغورك|ماجورك")
    assert event.location == "بغداد"
    assert len(event.articles) >= 3  # reported by several of the five outlets
    # The Iranian minister's visit to Baghdad the same day is another event, and the 2020
    # page (001) reports neither.
    assert not any("علوي" in p.text for p in event.actors + event.targets)
    assert len(event.articles) <= 4


def test_planned_biden_kadhimi_meeting(seed_events):
    event = _find(seed_events, "CONSULT", "2021-07-26", "الكاظمي|بايدن", mode="future")
    assert "واشنطن" in (event.location or "") + _names(event)
    assert len(event.articles) >= 2


def test_rocket_attack_on_ain_al_asad(seed_events):
    _find(seed_events, "ASSAULT", "2021-07-07", "عين الأسد")


def test_us_strikes_on_pmf_positions(seed_events):
    _find(seed_events, "ASSAULT", "2021-06")


def test_killing_of_soleimani(seed_events):
    _find(seed_events, "ASSAULT", "2020-01-03", "سليماني")


def test_round_three_agreement(seed_events):
    _find(seed_events, "AGREE", "2021-04-07")

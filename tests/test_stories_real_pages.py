"""Stories on real pages: an untitled excerpt's first sentence names its happening, and the
real-page scorer counts split stories and merged look-alikes (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from story_docs import make_doc

from marsad.evaluate.stories_real import (
    RealPage,
    raw_pages,
    read_days,
    read_lookalikes,
    read_real_pages,
    score_real_pages,
)
from marsad.stories.cluster import StoryClusterer
from marsad.stories.reading import read_text

ROUND = ("انطلقت اليوم الجولة {nth} من المحادثات غير المباشرة بين الوفدين في العاصمة برعاية الوسيط. "
         "وقال المتحدث إن الأجواء كانت إيجابية وإن الوفدين تبادلا الرسائل عبر الوسيط أكثر من مرة.")


def test_an_untitled_page_reads_its_first_sentence_as_its_headline():
    doc = make_doc("r", ROUND.format(nth="الثانية"), published="2021-03-01")
    reading = read_text(doc)
    assert reading.title and set(reading.title) <= set(reading.body)
    assert "#2" in reading.specifics[0]  # the ordinal its first sentence states
    titled = read_text(make_doc("t", ROUND.format(nth="الثانية"), title="بدء المحادثات", published="2021-03-01"))
    assert not titled.specifics[0]  # a page with a title is read by its title


def test_two_untitled_rounds_of_talks_are_two_stories_and_two_copies_of_one_are_one():
    second = make_doc("a", ROUND.format(nth="الثانية"), published="2021-03-01")
    third = make_doc("b", ROUND.format(nth="الثالثة"), published="2021-03-01")
    second_again = make_doc("c", ROUND.format(nth="الثانية"), published="2021-03-01")
    got = StoryClusterer().add_batch([second, third, second_again])
    assert got["a"] != got["b"]
    assert got["a"] == got["c"]


def pages(*stories: str) -> list[RealPage]:
    return [RealPage(f"p{i}", f"https://example.com/{i}", Path(f"p{i}.txt"), s) for i, s in enumerate(stories)]


def test_the_scorer_counts_merged_look_alikes_and_split_stories():
    labelled = pages("talks-1", "talks-1", "talks-2", "flood")
    predicted = {"p0": "x", "p1": "y", "p2": "x", "p3": "alone:p3"}
    s = score_real_pages(labelled, predicted, {("talks-1", "talks-2")})
    assert (s.pairs.precision, s.pairs.recall) == (0.0, 0.0)
    assert s.lookalikes == 1 and s.lookalikes_merged == (("talks-1", "talks-2", 1),)
    assert s.split == (("talks-1", 2),) and not s.other_merged
    right = score_real_pages(labelled, {"p0": "x", "p1": "x", "p2": "y", "p3": "z"}, {("talks-1", "talks-2")})
    assert (right.pairs.precision, right.pairs.recall) == (1.0, 1.0) and not right.lookalikes_merged


def test_labels_are_read_with_their_files_and_look_alikes(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "a.txt").write_text("نص", encoding="utf-8")
    labels = tmp_path / "x_pages.jsonl"
    labels.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "address": "https://e.com/a", "file": "files/a.txt", "story": "s1"},
        {"id": "b", "address": "https://e.com/b", "file": "files/b.txt", "story": "s2"},  # no file: left out
    ]), encoding="utf-8")
    (tmp_path / "x_stories.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"story": "s1", "day": "2023-09-11", "lookalikes": ["s2"]}, {"story": "s2", "day": "2024"}]), encoding="utf-8")
    read = read_real_pages(labels, tmp_path)
    assert [p.id for p in read] == ["a"]
    assert read_lookalikes(tmp_path / "x_stories.jsonl") == {("s1", "s2")}
    days = read_days(tmp_path / "x_stories.jsonl")
    assert days == {"s1": "2023-09-11"}  # a year alone is no day
    assert [r.hint_published for r in raw_pages(read, days=days)] == ["2023-09-11"]
    assert [(r.url, r.hint_published) for r in raw_pages(read, with_addresses=False)] == [(None, None)]


@pytest.mark.parametrize("round_name", ["", "_round2", "_round3"])
def test_the_labelled_real_pages_name_their_stories_and_look_alikes(round_name):
    root = Path(__file__).resolve().parents[1] / "labels" / "stories"
    stories_file = root / f"real_stories{round_name}.jsonl"
    stories = {json.loads(line)["story"] for line in stories_file.read_text("utf-8").splitlines()}
    records = [json.loads(line) for line in (root / f"real_pages{round_name}.jsonl").read_text("utf-8").splitlines()]
    assert {r["story"] for r in records} == stories
    assert all("text" not in r for r in records)  # addresses and labels only
    assert len({r["id"] for r in records}) == len({r["address"] for r in records}) == len(records)
    assert {a for pair in read_lookalikes(stories_file) for a in pair} <= stories


@pytest.mark.parametrize("rounds", [("real_pages.jsonl", "real_pages_round2.jsonl"),
                                    ("real_pages.jsonl", "real_pages_round3.jsonl"),
                                    ("real_pages_round2.jsonl", "real_pages_round3.jsonl")])
def test_the_held_out_rounds_share_no_page_or_story(rounds):
    root = Path(__file__).resolve().parents[1] / "labels" / "stories"
    first, second = ([json.loads(line) for line in (root / name).read_text("utf-8").splitlines()]
                     for name in rounds)
    assert not {r["address"] for r in first} & {r["address"] for r in second}
    assert not {r["story"] for r in first} & {r["story"] for r in second}
    assert not {r["id"] for r in first} & {r["id"] for r in second}

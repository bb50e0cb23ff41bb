from __future__ import annotations

import json

import pytest
from story_docs import make_doc

from marsad.evaluate.stories import CORPUS, pairwise_scores
from marsad.run.scratch import scratch_database
from marsad.stories.cluster import StoredVectors, StoryClusterer, benchmark_clustering, story_id_for

ATTACK = ("سقطت صواريخ على قاعدة الحرير الجوية شمال أربيل دون إصابات وعثرت القوات الأمنية "
          "على منصة الإطلاق قرب مخمور")
ATTACK_2 = ("قالت خلية الإعلام الأمني إن الصواريخ التي سقطت على قاعدة الحرير أطلقت من منصة "
            "قرب مخمور ولم توقع إصابات")
RATES = ("رفع البنك المركزي أسعار الفائدة مئتي نقطة أساس لكبح التضخم الذي بلغ مستوى قياسيا "
         "وقالت لجنة السياسة النقدية إنها ستراقب الأسعار")


def docs():
    return [
        make_doc("a1", ATTACK, title="صواريخ على قاعدة الحرير", published="2023-05-04",
                 mentions=(("قاعدة الحرير", "LOC", "L1"),)),
        make_doc("a2", ATTACK_2, title="منصة صواريخ قرب مخمور", published="2023-05-05",
                 mentions=(("قاعدة الحرير", "LOC", "L1"),)),
        make_doc("r1", RATES, title="المركزي يرفع الفائدة", published="2023-05-05"),
        # Same base, same kind of news, seven weeks later: a different story, threaded.
        make_doc("a3", ATTACK.replace("صواريخ", "طائرات مسيرة"), title="مسيرات فوق قاعدة الحرير",
                 published="2023-06-22", mentions=(("قاعدة الحرير", "LOC", "L1"),)),
    ]


def test_groups_by_content_and_splits_by_time_window():
    c = StoryClusterer()
    got = c.add_batch(docs())
    assert got["a1"] == got["a2"] == story_id_for("a1")
    assert got["r1"] not in (got["a1"], got["a3"])
    assert got["a3"] != got["a1"]
    assert c.stories[got["a3"]].thread == got["a1"]


def test_online_add_equals_batch_and_state_round_trips_through_json():
    batch = StoryClusterer().add_batch(docs())
    online = StoryClusterer()
    first, *rest = docs()
    online.add(first)
    state = json.loads(json.dumps(online.to_state(), ensure_ascii=False))
    resumed = StoryClusterer.from_state(state)
    for d in rest:
        resumed.add(d)
    assert resumed.assignments["a2"] == batch["a2"]
    assert resumed.assignments["r1"] != resumed.assignments["a1"]


def test_order_of_input_does_not_matter():
    assert StoryClusterer().add_batch(docs()) == StoryClusterer().add_batch(list(reversed(docs())))


def test_benchmark_reports_rate_and_memory():
    report = benchmark_clustering(docs())
    assert report["articles"] == 4 and report["stories"] == 3 and report["max_rss_mb"] > 0


def test_pairwise_scores():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert pairwise_scores(gold, {"a": 1, "b": 1, "c": 2}).f1 == 1.0
    merged = pairwise_scores(gold, {"a": 1, "b": 1, "c": 1})
    assert merged.recall == 1.0 and merged.precision == pytest.approx(1 / 3)


def test_composed_corpus_quality_floor():
    """The team's 33-article corpus with look-alike stories (see fixtures/stories/README.md)."""
    from marsad.evaluate.stories import evaluate_stories

    scores, _ = evaluate_stories(CORPUS)
    assert scores.articles == 33 and scores.gold_stories == 8
    assert scores.precision >= 0.9 and scores.recall >= 0.85


def test_vectors_kept_in_a_scratch_file_read_back_as_they_were(tmp_path):
    vectors = StoredVectors(scratch_database(tmp_path / "v.sqlite"))
    vectors["a1"] = {"صواريخ": 0.6, "قاعدة": 0.8000000000000002}
    vectors["a2"] = {}
    assert vectors["a1"] == {"صواريخ": 0.6, "قاعدة": 0.8000000000000002} and vectors["a2"] == {}
    vectors["a1"] = {"صواريخ": 1.0}  # replaced
    assert vectors["a1"] == {"صواريخ": 1.0} and list(vectors) == ["a2", "a1"]
    assert vectors.pop("a2") == {} and len(vectors) == 1
    with pytest.raises(KeyError):
        vectors["a2"]
    with pytest.raises(KeyError):
        del vectors["a2"]
    # A clusterer keeping its vectors there clusters as one keeping them in memory.
    on_disk, in_memory = StoryClusterer(scratch_database(tmp_path / "w.sqlite")), StoryClusterer()
    assert on_disk.add_batch(docs()) == in_memory.add_batch(docs())
    assert {k: on_disk.vectors[k] for k in on_disk.vectors} == {k: in_memory.vectors[k] for k in in_memory.vectors}
    assert len(on_disk.vectors) == 4


def test_a_story_that_has_seen_every_name_does_not_take_in_unrelated_articles():
    # A broad story has named many people; an article about something else that names two
    # of them, on a day the story's articles state, must not join it for that alone (it
    # did when a name counted once the story had seen it: 0.25 of the 0.15 needed).
    clusterer = StoryClusterer()
    names = [f"المسؤول{i}" for i in range(30)]
    broad = []
    for i, name in enumerate(names):
        text = (ATTACK if i % 2 else ATTACK_2) + f" يوم الخميس وصرح {name}"
        broad.append(make_doc(f"b{i}", text, title="صواريخ على قاعدة الحرير", published="2023-05-04",
                              mentions=(("قاعدة الحرير", "LOC", "L1"), (name, "PER", f"P{i}")),
                              times=(("يوم الخميس", "2023-05-04"),)))
    assigned = set(clusterer.add_batch(broad).values())
    assert len(assigned) == 1
    other = make_doc("x", RATES + f" يوم الخميس وعلق {names[3]} و{names[4]}", title="المركزي يرفع الفائدة",
                     published="2023-05-04", mentions=((names[3], "PER", "P3"), (names[4], "PER", "P4")),
                     times=(("يوم الخميس", "2023-05-04"),))
    assert clusterer.add(other) not in assigned
    again = make_doc("y", ATTACK + f" وصرح {names[5]}", title="صواريخ على قاعدة الحرير", published="2023-05-05",
                     mentions=(("قاعدة الحرير", "LOC", "L1"), (names[5], "PER", "P5")))
    assert clusterer.add(again) in assigned  # while the story's own news still joins it


def test_state_written_before_days_were_counted_still_loads():
    clusterer = StoryClusterer()
    clusterer.add_batch(docs()[:2])
    state = clusterer.to_state()
    for story in state["stories"]:
        story["event_days"] = [day for day, _ in story["event_days"]]  # the old form: days only
    resumed = StoryClusterer.from_state(json.loads(json.dumps(state)))
    assert all(set(s.event_days.values()) <= {1} for s in resumed.stories.values())
    assert resumed.add(docs()[2]) != resumed.assignments["a1"]


def test_a_clusterer_holding_few_stories_in_memory_clusters_as_one_holding_all(tmp_path, monkeypatch):
    """With a scratch database the stories live in SQLite, the recent ones held in memory:
    the stories of the composed corpus (33 articles, 8 stories) are the same when only
    two stories and three terms' postings are held, the others written back and read
    again."""
    import marsad.stories.cluster as cluster
    from marsad.evaluate.stories import analyze_corpus

    docs = list(analyze_corpus(CORPUS).docs)
    monkeypatch.setattr(cluster, "_HOT_STORIES", 2)
    monkeypatch.setattr(cluster, "_HOT_POSTINGS", 3)
    stored = StoryClusterer(scratch_database(tmp_path / "c.sqlite"))
    assert stored.add_batch(docs) == StoryClusterer().add_batch(docs)
    assert len(stored.stories) >= 8 and len(stored.stories._held) == 2  # type: ignore[attr-defined]
    assert len(stored.postings) > 100 and len(stored.postings._held) == 3  # type: ignore[attr-defined]


def test_saudinewsnet_dev_pairs_floor(shared_dir):
    """Pair precision/recall of the clustering on the hand-labelled SaudiNewsNet dev pairs
    (only the ~400 articles they name analysed): precision 0.92, recall 0.82 since a title's
    counterpart leaves out its rank (0.91 / 0.82 before); 0.89 / 0.81 since an oil
    session's report is a market report (0.86 / 0.81 before); 0.86 / 0.82 when the developing
    route came to ask a date link or a text cosine of 0.4 (0.82 / 0.83 before; 0.85 / 0.86
    when the bounds were chosen, before the event coder's actor rule changed the events the
    signature reads; 0.76 / 0.95 with the hand-set developing route, 0.50 / 0.95 before the
    learned same-happening decision)."""
    from marsad.evaluate.stories import DEV_PAIRS, SNN_DATASET, evaluate_pair_set

    if not DEV_PAIRS.is_file() or not SNN_DATASET.is_dir():
        pytest.skip("the SaudiNewsNet dev pairs or archives are absent from ../shared")
    scores = evaluate_pair_set(DEV_PAIRS)
    assert scores.precision >= 0.85 and scores.recall >= 0.8, scores



# The labelled SaudiNewsNet days no training reads (labels/story_pairs/README.md).
HELD_OUT_PAIRS = ("snn_2015-07-21+2015-07-22.jsonl", "snn_2015-07-26+2015-07-27.jsonl",
                  "snn_2015-08-03+2015-08-04.jsonl", "snn_2015-08-08+2015-08-09.jsonl",
                  "snn_2015-07-23+2015-07-24.jsonl", "snn_2015-07-24+2015-07-25.jsonl",
                  "snn_2015-07-31.jsonl", "snn_2015-07-25+2015-07-26.jsonl")


def test_saudinewsnet_held_out_pairs_floor(shared_dir):
    """Pair precision/recall pooled over the held-out labelled days (each set's articles
    clustered alone, as `marsad eval stories` does): 59 of 67 same pairs put together and 5
    of 74 different ones (P 0.922, R 0.881) with the model of 8d7ba5f; with 2015-08-08/09
    (labelled before marsad ran on it) 77 of 87 and 5 of 95 (P 0.939, R 0.885); with
    2015-07-23/24 and 07-24/25 (issue 21, round 5, labelled likewise) 109 of 125 and 8 of 149
    (P 0.932, R 0.872; 10 different pairs before the title ordinals); with 2015-07-31 and
    2015-07-25/26 (round 6, labelled likewise: 26 of 30 and 2 of 40 on them untuned) 135 of
    155 and 10 of 189 (P 0.931, R 0.871), then 8 (P 0.944) once a counterpart's rank and
    occasion and a stance's speaker were read. The issue asks precision >= 0.9 with recall
    >= 0.7 on days of this kind."""
    from marsad.evaluate.stories import OWN_PAIRS, SNN_DATASET, evaluate_pair_set

    if not SNN_DATASET.is_dir():
        pytest.skip("the SaudiNewsNet archives are absent from ../shared")
    scores = [evaluate_pair_set(OWN_PAIRS / name) for name in HELD_OUT_PAIRS]
    together = sum(s.true_pos + s.false_pos for s in scores)
    precision = sum(s.true_pos for s in scores) / together
    recall = sum(s.true_pos for s in scores) / sum(s.same for s in scores)
    assert precision >= 0.9 and recall >= 0.8, (precision, recall, scores)


def test_dates_tie_a_later_article_to_the_happening_it_refers_back_to():
    from marsad.stories.cluster import dates_link, one_article_story

    clusterer = StoryClusterer()
    meeting = make_doc("m", "التقى رئيس الوزراء المبعوث الأمريكي اليوم الخميس في بغداد لبحث انسحاب القوات.",
                       published="2021-07-15", times=(("اليوم الخميس", "2021-07-15"),))
    story = one_article_story("m", clusterer.doc_features(meeting))
    # Two days on, an article that names "last Thursday": it refers back to the meeting.
    back = make_doc("b", "وكان رئيس الوزراء قد التقى الخميس الماضي المبعوث الأمريكي في بغداد.",
                    published="2021-07-17", times=(("الخميس الماضي", "2021-07-15"),))
    # The same actors on another day, with no day in common: another happening.
    other = make_doc("o", "التقى رئيس الوزراء المبعوث الأمريكي مجددا اليوم الأحد في بغداد.",
                     published="2021-07-18", times=(("اليوم الأحد", "2021-07-18"),))
    undated = make_doc("u", "التقى رئيس الوزراء المبعوث الأمريكي في بغداد.")
    assert dates_link(clusterer.doc_features(back), story)
    assert not dates_link(clusterer.doc_features(other), story)
    assert dates_link(clusterer.doc_features(undated), story)
    # ... unless its happening's day or weekday is another (`happening_far`): an undated
    # page of a Sunday visit does not develop an undated Thursday one.
    undated_story = one_article_story("u", clusterer.doc_features(undated))
    assert dates_link(clusterer.doc_features(undated), undated_story)
    assert not dates_link(clusterer.doc_features(undated), undated_story, far=True)


def test_features_from_a_reading_sent_elsewhere_are_the_features_of_the_doc():
    # The clusterer reads an article once (`read_article`; `marsad batch`: its text's part
    # on a worker, its linked names after linking, both pickled): the same features as
    # reading the doc itself.
    from marsad.stories.reading import ArticleReadings, read_text

    clusterer = StoryClusterer()
    clusterer.add_batch(docs())
    readings = ArticleReadings(scratch_database(None))
    for doc in docs():
        reading = read_text(doc)
        assert reading.title and reading.body and reading.lead_end == len(doc.article.text)
        readings.put(reading)
        readings.add_links(doc)
        assert clusterer.features(readings[doc.id], ()) == clusterer.doc_features(doc, ())


def test_an_address_month_keeps_apart_the_same_visit_two_years_on():
    # Undated excerpts of one envoy's visits (no day in the text): the address's month
    # (".../2023/06/...", ".../2025/03/...") or the stored copy's "date YYYY-MM" line says
    # when each was published, and pages two months or more apart are another happening.
    import dataclasses

    from marsad.stories.days import months_apart, publication_month
    from marsad.stories.reading import read_article

    text = "وصل المبعوث الفرنسي إلى بيروت في زيارة يلتقي خلالها رئيس مجلس النواب لبحث الملف الرئاسي."

    def page(doc_id: str, url: str | None, body: str = text):
        doc = make_doc(doc_id, body, mentions=(("بيروت", "LOC", "e-beirut"),))
        return dataclasses.replace(doc, article=dataclasses.replace(doc.article, url=url))

    first = page("a", "https://example.com/news/2023/06/1234.html")
    again = page("b", "https://example.org/2025/03/envoy-visit")
    same_month = page("c", "https://example.net/2023/7/55.html")
    stored = page("d", None, "date 2025-03 " + text)
    assert publication_month(first, None) == 2023 * 12 + 5
    assert publication_month(stored, None) == publication_month(again, None) == 2025 * 12 + 2
    assert publication_month(page("e", "https://example.com/news/1234"), None) is None
    assert publication_month(make_doc("f", text, published="2024-05-28"), read_article(
        make_doc("f", text, published="2024-05-28")).day) == 2024 * 12 + 4
    assert months_apart(2025 * 12 + 2, {2023 * 12 + 5: 1})
    assert not months_apart(2023 * 12 + 6, {2023 * 12 + 5: 1})  # the next month: one visit
    assert not months_apart(None, {2023 * 12 + 5: 1}) and not months_apart(2023 * 12 + 5, {})

    stories = StoryClusterer().add_batch([first, again, same_month, stored])
    assert stories["a"] != stories["b"] and stories["b"] == stories["d"]
    assert stories["a"] == stories["c"]

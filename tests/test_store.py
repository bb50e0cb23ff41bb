"""The store: incremental ingest (a page twice is stored once, a SIGKILLed ingest completes
on re-run), stories and entities kept up to date, the read interface the API uses, and the
exports. Pages are composed for these tests (tests/fixtures/store/ and generated below)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.ingest import make_page, read_inputs
from marsad.model import Mention, Query
from marsad.store import open_store
from marsad.store.migrations import SQLITE_MIGRATIONS as MIGRATIONS
from marsad.store.tables import TABLE_WRITERS, WHOLE_EXPORTS, store_rows

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store"
REPO = Path(__file__).resolve().parent.parent


def ingest_dir(db: Path, directory: Path = FIXTURES) -> Any:
    store = open_store(str(db))
    return store, store.ingest(read_inputs([str(directory)]))


def table_dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("pages", "articles", "stories", "story_articles", "events")
        }
    finally:
        conn.close()


# --- ingest ----------------------------------------------------------------------------


def test_fixture_pages_are_stored_and_grouped_into_stories(tmp_path: Path) -> None:
    store, report = ingest_dir(tmp_path / "s.db")
    assert (report.added, report.duplicates, report.failed) == (6, 0, [])
    stats = store.stats()
    assert stats["articles"] == 6 and stats["pages"] == 6
    stories = {s["title"]: s for s in store.list_stories(sort="biggest")["items"]}
    sizes = sorted(len(s["articles"]) for s in stories.values())
    assert sizes == [2, 3], stories.keys()  # the English page joins no story
    flood = next(s for s in stories.values() if len(s["articles"]) == 3)
    assert flood["first_seen"] == "2024-04-02" and flood["last_seen"] == "2024-04-03"
    assert len(flood["outlets"]) == 3
    for aid in flood["articles"]:
        assert store.story_of_article(aid) == flood["id"]
        assert store.get_article(aid)["story"] == flood["id"]


def test_ingesting_the_same_directory_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    ingest_dir(db)
    before = table_dump(db)
    _, again = ingest_dir(db)
    assert (again.added, again.duplicates, again.failed) == (0, 6, [])
    assert table_dump(db) == before


def test_one_page_posted_twice_is_one_article(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "one.db"))
    page = make_page(
        "composed:1",
        "قال مسؤول إن الطريق بين بغداد والبصرة أعيد فتحه بعد إصلاحه.",
        published="2024-04-01",
        outlet="وكالة الشط للأنباء",
    )
    first = store.ingest_one(page)
    second = store.ingest_one(page)
    assert first["duplicate"] is False and second["duplicate"] is True
    assert first["id"] == second["id"] and store.stats()["articles"] == 1


def test_a_story_grows_when_a_later_page_joins_it(tmp_path: Path) -> None:
    db = tmp_path / "grow.db"
    store = open_store(str(db))
    files = sorted(FIXTURES.glob("basra-flood-*"))
    for page in read_inputs([str(files[0]), str(files[1])]):
        store.ingest_one(page)
    (story,) = store.list_stories()["items"]
    assert len(story["articles"]) == 2
    # A new process (fresh linker and clusterer state from the file) adds the third page.
    reopened = open_store(str(db))
    (page,) = read_inputs([str(files[2])])
    result = reopened.ingest_one(page)
    assert result["story"] == story["id"]
    grown = reopened.get_story(story["id"])
    assert len(grown["articles"]) == 3 and grown["last_seen"] == "2024-04-03"


def test_migrations_are_recorded_and_not_reapplied(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    store = open_store(str(db))
    assert store.schema_version() == len(MIGRATIONS)
    store.close()
    assert open_store(str(db)).schema_version() == len(MIGRATIONS)  # reopening applies nothing
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failed_inputs_are_reported_and_kept_as_problems(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "p.db"))
    report = store.ingest(read_inputs([str(tmp_path / "missing-dir")]))
    assert len(report.failed) == 1 and report.added == 0
    assert store.stats()["problems"] == 1


# --- entities (with a stand-in tagger: the NER stage is not part of the store) -----------


DEMO = Path(__file__).resolve().parent.parent / "demo"

GAZETTEER = {"البصرة": "LOC", "عمّان": "LOC", "الأنبار": "LOC"}


@pytest.fixture
def gazetteer_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mentions for a few place names, so entity linking and storage can be checked."""
    import marsad.pipeline.stages as stages

    def mentions(doc: Any, tagger: Any) -> list[Mention]:
        text = doc.article.text
        found = []
        for name, etype in GAZETTEER.items():
            at = text.find(name)
            while at >= 0:
                found.append(Mention(at, at + len(name), name, etype))  # type: ignore[arg-type]
                at = text.find(name, at + 1)
        return sorted(found, key=lambda m: m.start)

    monkeypatch.setattr(stages, "extract_mentions", mentions)
    monkeypatch.setattr(stages, "extract_mentions_of_docs", lambda docs, tagger: [mentions(d, tagger) for d in docs])


def test_entities_are_linked_across_pages_and_filterable(
    tmp_path: Path, gazetteer_tagger: None
) -> None:
    store, _ = ingest_dir(tmp_path / "e.db")
    entities = {e["name"]: e for e in store.list_entities(limit=100)["items"]}
    basra = entities["البصرة"]
    assert basra["type"] == "LOC" and len(basra["articles"]) == 3
    assert store.get_entity(basra["id"])["articles"] == basra["articles"]
    listed = store.list_articles(entity=basra["id"])
    assert listed["total"] == 3 and {a["id"] for a in listed["items"]} == set(basra["articles"])
    assert store.list_entities(type="PER")["total"] == 0
    hits = store.search(Query(text="الدوام", entity=basra["id"]))
    assert hits.total >= 1 and all(h.id in basra["articles"] for h in hits.items)


# --- read interface ---------------------------------------------------------------------


def test_lists_are_paged_and_filtered(tmp_path: Path) -> None:
    store, _ = ingest_dir(tmp_path / "r.db")
    first = store.list_articles(offset=0, limit=4)
    rest = store.list_articles(offset=4, limit=4)
    assert first["total"] == 6 and len(first["items"]) == 4 and len(rest["items"]) == 2
    dates = [a["published"] for a in first["items"] + rest["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert "text" not in first["items"][0]
    assert store.list_articles(outlet="صحيفة الخليج العربي")["total"] == 2
    assert store.list_articles(date_from=date(2024, 4, 5))["total"] == 3
    assert store.list_articles(date_to=date(2024, 4, 2))["total"] == 2
    assert store.list_articles(date_from=date(2024, 4, 1), date_to=date(2024, 4, 30))["total"] == 6
    biggest = store.list_stories(sort="biggest")["items"]
    assert [len(s["articles"]) for s in biggest] == [3, 2]
    newest = store.list_stories(sort="newest")["items"]
    assert newest[0]["last_seen"] >= newest[1]["last_seen"]
    story = biggest[0]
    assert store.list_articles(story=story["id"])["total"] == 3
    assert store.get_article("nope") is None and store.get_story("nope") is None
    assert store.get_entity("nope") is None
    events = store.list_events(limit=100)
    assert events["total"] == len(events["items"])
    assert all(e["story"] for e in events["items"])


def test_story_charts_data(tmp_path: Path) -> None:
    store, _ = ingest_dir(tmp_path / "c.db")
    story = store.list_stories(sort="biggest")["items"][0]
    assert store.articles_per_day(story["id"]) == [("2024-04-02", 2), ("2024-04-03", 1)]
    assert sorted(n for _, n in store.outlets_of_story(story["id"])) == [1, 1, 1]


def test_reads_while_another_thread_ingests(tmp_path: Path) -> None:
    import threading

    store = open_store(str(tmp_path / "t.db"))
    pages = composed_pages(15)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for page in pages:
                store.ingest_one(page)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    while thread.is_alive():
        store.search(Query(text="الحادثة"))
        store.list_stories()
    thread.join()
    assert errors == [] and store.stats()["articles"] == 15


def test_reads_never_wait_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    """Issue 25, case 6: a server's readers do not wait on another process's write (a CLI
    ingest holding the writer lock for its whole corpus step)."""
    db = tmp_path / "busy.db"
    store, _ = ingest_dir(db)
    other = sqlite3.connect(db, isolation_level=None)  # another writer, mid-transaction
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
    try:
        began = time.monotonic()
        for _ in range(20):
            assert store.list_stories()["total"] == 2
            assert store.search(Query(text="البصرة")).total >= 1
            assert store.get_story(store.list_stories()["items"][0]["id"]) is not None
        assert time.monotonic() - began < 10  # a waiting reader would block for the busy timeout
    finally:
        other.execute("ROLLBACK")
        other.close()


# --- crash safety ----------------------------------------------------------------------

TOWNS = ["الفلوجة", "الرمادي", "كركوك", "الموصل", "الحلة", "النجف", "كربلاء", "الكوت"]
SUBJECTS = [
    (
        "حريق",
        "اندلع حريق كبير في سوق {town} الشعبي",
        "وقال الدفاع المدني إن فرقه سيطرت على النيران",
    ),
    ("سيول", "اجتاحت السيول قرى قرب {town}", "وأعلنت المحافظة حالة الطوارئ وفتحت مراكز إيواء"),
    (
        "امتحانات",
        "بدأت امتحانات الطلاب في مدارس {town}",
        "وقالت مديرية التربية إن الأسئلة وصلت إلى القاعات",
    ),
    (
        "محصول",
        "بدأ موسم حصاد القمح في حقول {town}",
        "وقال مزارعون إن المحصول هذا العام أفضل من العام الماضي",
    ),
]


def composed_pages(n: int) -> list[Any]:
    """n distinct short pages on a few subjects (each numbered, so each is a new page)."""
    pages = []
    for i in range(n):
        word, lead, follow = SUBJECTS[i % len(SUBJECTS)]
        town = TOWNS[(i // len(SUBJECTS)) % len(TOWNS)]
        text = (
            f"{lead.format(town=town)} صباح اليوم، في الحادثة رقم {1000 + i}. {follow}. "
            f"وأضاف مسؤول محلي أن الأوضاع في {town} تحت السيطرة وأن العمل مستمر منذ الساعات الأولى "
            f"وأن تقريرا مفصلا عن {word} سيصدر خلال الأيام المقبلة بعد جمع المعلومات من الأهالي."
        )
        pages.append(
            make_page(
                f"composed:{i}",
                text,
                published=f"2024-05-{1 + i % 20:02d}",
                outlet=["وكالة الشط للأنباء", "صحيفة الخليج العربي"][i % 2],
                title=f"{word} في {town}",
            )
        )
    return pages


def write_pages(directory: Path, n: int) -> None:
    directory.mkdir()
    with (directory / "pages.jsonl").open("w", encoding="utf-8") as out:
        for page in composed_pages(n):
            out.write(
                json.dumps(
                    {
                        "text": page.content,
                        "title": page.hint_title,
                        "published": page.hint_published,
                        "outlet": page.hint_outlet,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


def run_ingest(directory: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, "-m", "marsad.cli", "ingest", str(directory), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def committed_pages(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM pages").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def assignment(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT article, story FROM story_articles").fetchall())
    finally:
        conn.close()


N_CRASH_PAGES = 40


def test_sigkill_mid_ingest_then_rerun_stores_every_page_once(tmp_path: Path) -> None:
    pages_dir = tmp_path / "pages"
    write_pages(pages_dir, N_CRASH_PAGES)
    db = tmp_path / "crash.db"
    proc = run_ingest(pages_dir, db)
    killed_at = 0
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        killed_at = committed_pages(db)
        if killed_at >= 3:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    proc.wait(timeout=30)
    if proc.returncode != -signal.SIGKILL or committed_pages(db) >= N_CRASH_PAGES:
        pytest.skip("the ingest finished before it could be killed (machine too fast)")
    assert 0 < committed_pages(db) < N_CRASH_PAGES
    rerun = run_ingest(pages_dir, db)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr.decode()
    assert "already stored" in stderr.decode()

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    assert counts(db)["pages"] == N_CRASH_PAGES and counts(db)["articles"] == N_CRASH_PAGES
    assert counts(db)["story_articles"] == N_CRASH_PAGES
    store = open_store(str(db))
    for i in range(N_CRASH_PAGES):  # each page is found once by its own number
        assert store.search(Query(text=str(1000 + i))).total == 1, i
    # The interrupted-then-completed store groups the pages as one uninterrupted run does.
    whole = tmp_path / "whole.db"
    uninterrupted = run_ingest(pages_dir, whole)
    uninterrupted.communicate(timeout=300)
    assert _partition(assignment(db)) == _partition(assignment(whole))


def _partition(assigned: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, story in assigned.items():
        groups.setdefault(story, set()).add(article)
    return {frozenset(g) for g in groups.values()}


# --- exports ---------------------------------------------------------------------------


def export(store: Any, fmt: str, table: str = "articles") -> str:
    out = io.StringIO()
    if fmt in WHOLE_EXPORTS:
        WHOLE_EXPORTS[fmt](store, out)
    else:
        TABLE_WRITERS[fmt](store_rows(store, table), table, out)
    return out.getvalue()


def test_json_export_follows_the_analysis_schema(tmp_path: Path, shared_dir: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    store, _ = ingest_dir(tmp_path / "x.db")
    data = json.loads(export(store, "json"))
    schema = json.loads(
        (shared_dir / "schema" / "analysis.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(data, schema)
    assert len(data["articles"]) == 6 and len(data["stories"]) == 2
    stored = {a["id"]: a for a in data["articles"]}
    for story in data["stories"]:
        assert all(aid in stored for aid in story["articles"])


def test_csv_export_has_one_row_per_article(tmp_path: Path) -> None:
    store, _ = ingest_dir(tmp_path / "x.db")
    rows = list(csv.DictReader(io.StringIO(export(store, "csv"))))
    assert len(rows) == 6
    assert {r["language"] for r in rows} == {"ar", "en"}
    assert all(r["id"] and r["source"] and r["text"] for r in rows)
    stories = list(csv.DictReader(io.StringIO(export(store, "csv", "stories"))))
    in_stories = {aid for s in stories for aid in s["articles"].split(" | ")}
    assert len(in_stories) == 5 and in_stories <= {r["id"] for r in rows}


def test_events_jsonl_export_is_one_plover_record_per_story_event(tmp_path: Path) -> None:
    store, _ = ingest_dir(tmp_path / "x.db")
    lines = export(store, "events-jsonl").splitlines()
    assert len(lines) == store.stats()["events"]
    stories = {s["id"] for s in store.list_stories(limit=100)["items"]}
    for line in lines:
        record = json.loads(line)
        assert record["event_type"] and record["story_id"] in stories


def test_cli_ingest_and_export(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from marsad.cli import app

    db = tmp_path / "cli.db"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(FIXTURES), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "6 added" in first.output
    again = runner.invoke(app, ["ingest", str(FIXTURES), "--db", str(db)])
    assert "0 added, 6 already stored, 0 failed" in again.output
    bad = runner.invoke(app, ["ingest", str(tmp_path / "missing"), "--db", str(db)])
    assert bad.exit_code == 1
    out = tmp_path / "a.csv"
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert exported.exit_code == 0 and len(list(csv.DictReader(out.open(encoding="utf-8")))) == 6
    wrong = runner.invoke(app, ["export", "--db", str(db), "--format", "xml"])
    assert wrong.exit_code == 2
    found = runner.invoke(app, ["search", "بالبصرة", "--db", str(db)])
    assert found.exit_code == 0 and "results" in found.output


def test_a_syndicated_copy_is_marked_as_reuse(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "reuse.db"))
    (original,) = read_inputs([str(FIXTURES / "basra-flood-1.txt")])
    text = original.content.replace("وكالة الشط للأنباء", "صحيفة البصرة اليوم")
    copy = make_page("composed:copy", text)
    first = store.ingest_one(original)
    second = store.ingest_one(copy)
    # One story now (its id may change as it grows: it is named after its first article).
    assert second["story"] == store.story_of_article(first["id"])
    reuse = store.get_article(second["id"])["reuse"]
    assert [(r["other"], r["kind"]) for r in reuse] == [(first["id"], "duplicate")]
    assert store.get_article(first["id"])["reuse"][0]["other"] == second["id"]


@pytest.mark.parametrize("table", ["entities", "events", "claims", "mentions", "quotes", "quantities", "stories"])
def test_every_table_exports_as_csv_with_a_header_and_rows(tmp_path: Path, table: str) -> None:
    from typer.testing import CliRunner

    from marsad.cli import app
    from marsad.store.tables import SCHEMAS

    db = tmp_path / "t.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(DEMO), "--db", str(db)]).exit_code == 1  # the broken line
    out = tmp_path / f"{table}.csv"
    done = runner.invoke(app, ["export", "--db", str(db), "--table", table, "--format", "csv", "--excel", "-o", str(out)])
    assert done.exit_code == 0, done.output
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")  # Excel reads the Arabic as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"))))
    assert rows and list(rows[0]) == SCHEMAS[table].names
    parquet = tmp_path / f"{table}.parquet"
    assert runner.invoke(app, ["export", "--db", str(db), "--table", table, "--format", "parquet",
                               "-o", str(parquet)]).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == len(rows)


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from marsad.cli import app

    db = tmp_path / "notes.db"
    db.write_text("not a store", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert result.exit_code != 0 and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_page_kept_with_a_warning_is_stored_once(tmp_path: Path) -> None:
    """An impossible `published` is dropped with a line of its own (ingest), and the page,
    whose source is that same JSON Lines line, is still stored, and only once."""
    from marsad.ingest import read_inputs

    line = {"text": "قال وزير الخارجية إن بغداد ستستضيف اجتماعا إقليميا الأسبوع المقبل لبحث أزمة المياه.",
            "title": "بغداد تستضيف اجتماعا", "published": "9999-99-99"}
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "w.db"))
    first = store.ingest(read_inputs([str(source)]))
    # A warning, not a failure: the page is counted once, as added.
    assert first.added == 1 and first.failed == [] and len(first.warnings) == 1
    assert "9999-99-99" in first.warnings[0].error and first.warnings[0].page_kept
    again = store.ingest(read_inputs([str(source)]))
    assert again.added == 0 and again.duplicates == 1
    assert store.stats()["articles"] == 1 and store.stats()["pages"] == 1

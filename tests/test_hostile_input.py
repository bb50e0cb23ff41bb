"""Hostile input: any Unicode, huge lines, deep HTML, invalid bytes, control and bidi
characters. Nothing may crash or hang; bad inputs become clear error entries."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.clean import clean_pages
from marsad.extract.dates import extract_times
from marsad.extract.quantities import extract_quantities
from marsad.ingest import make_page, read_inputs, read_jsonl
from marsad.model import Problem, RawPage
from marsad.pipeline import RunContext, analyze_pages

REPO = Path(__file__).resolve().parent.parent
ARABIC_ALPHABET = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة٠١٢٣٤٥٦٧٨٩ .,،؛؟!\n\"«»()/-%0123456789"))
BIDI_AND_CONTROL = st.sampled_from(["\u200f", "\u200e", "\u202b", "\u202c", "\u2067", "\u00a0", "\ufeff", "\x0b",
                                    "\x1b", "\u0640", "\u064e"])
NEWS_WORDS = st.sampled_from(
    ["نحو", "أكثر من", "ما لا يقل عن", "ثلاثة", "عشرين", "مئة", "ألف", "آلاف", "مليون", "نصف", "بالمئة", "%",
     "يوليو", "تموز", "كانون الثاني", "الخميس", "أمس", "أول من أمس", "الماضي", "المقبل", "الشهر", "العام",
     "2021", "15", "2021/07/17", "١٤٤٢ هـ", "جندي", "صاروخا", "هجوما", "قتيلا", "دولار", "في", "من", "/"]
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

arabicish_text = st.lists(st.one_of(ARABIC_ALPHABET, NEWS_WORDS, BIDI_AND_CONTROL, st.text(max_size=3)),
                          max_size=80).map(" ".join)


def assert_spans_point_into(text: str, spans: list) -> None:
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text


@SETTINGS
@given(arabicish_text)
def test_number_and_date_parsers_never_crash_and_offsets_hold(text: str) -> None:
    assert_spans_point_into(text, extract_quantities(text))
    assert_spans_point_into(text, extract_times(text, date(2021, 7, 15)))
    assert_spans_point_into(text, extract_times(text, None))


@SETTINGS
@given(st.text(max_size=400))
def test_any_unicode_is_cleaned_without_crashing(text: str) -> None:
    articles, problems = clean_pages([make_page("t", text)])
    assert len(articles) + len(problems) == 1


@SETTINGS
@given(st.text(max_size=300))  # lone surrogates included: replaced, with a Problem
def test_jsonl_reader_turns_garbage_into_problems(text: str) -> None:
    for item in read_jsonl("feed.jsonl", text):
        assert isinstance(item, RawPage | Problem)
        if isinstance(item, Problem):
            assert item.source.startswith("feed.jsonl:")


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_file_is_a_page_or_a_problem(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    f = tmp_path_factory.mktemp("bytes") / "page"
    f.write_bytes(data)
    items = list(read_inputs([str(f)]))
    assert items and all(isinstance(i, RawPage | Problem) for i in items)


def test_deeply_nested_html_is_handled() -> None:
    html = ("<html><body>" + "<div>" * 50_000 + "<p>قال الوزير إن الاجتماع كان مثمرا.</p>" + "</div>" * 50_000
            + "</body></html>")
    analysis = analyze_pages([make_page("nested.html", html)])
    assert len(analysis.docs) + len(analysis.errors) == 1


def test_huge_single_line_is_handled() -> None:
    line = ("أعلن الجيش مقتل 12 مسلحا في هجوم على قاعدة عسكرية يوم الخميس " * 40_000).strip()  # ~2.6 MB
    analysis = analyze_pages([make_page("huge.txt", line)], RunContext(reference_date=date(2021, 7, 15)))
    assert len(analysis.docs) + len(analysis.errors) == 1


def test_invalid_utf8_and_control_characters(tmp_path: Path) -> None:
    (tmp_path / "mixed.txt").write_bytes("خبر عن الانتخابات في تونس اليوم. ".encode() * 20 + b"\xff\xfe\xfa")
    (tmp_path / "ctrl.txt").write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100)
    analysis = analyze_pages(read_inputs([str(tmp_path)]))
    assert len(analysis.docs) + len(analysis.errors) == 2
    assert any(p.source.endswith("ctrl.txt") and "binary" in p.error for p in analysis.errors)


def test_gzip_bomb_is_refused_at_the_file_limit_the_readme_states(tmp_path: Path) -> None:
    import re

    from marsad.settings import MAX_INPUT_BYTES

    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"\x20" * (MAX_INPUT_BYTES + 1)))  # 20 MB of spaces and one more, ~20 KB on disk
    items = list(read_inputs([str(bomb)]))
    assert isinstance(items[0], Problem) and "refused" in items[0].error
    readme_limit = re.search(r"too large \(> (\d+ MB)", (REPO / "README.md").read_text(encoding="utf-8"))
    assert readme_limit and f"the {readme_limit.group(1)} file size limit" in items[0].error


# Two paragraphs: a page of one sentence is no article (clean.page_type), and the stages
# these tests time run on articles only.
_SECOND_PARAGRAPH = "\n\nوأضاف المصدر أن الجهات المعنية ستصدر بيانا مفصلا خلال الساعات المقبلة بعد اكتمال المراجعة."

def _burn_cpu(seconds: float) -> None:
    """A stage stuck on a pathological page spends CPU (a regex, a huge line): the limit
    counts CPU time, so a test's slow stage must burn it, not sleep."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_sleeping_stage_is_not_charged_to_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit counts CPU time, not wall time: a page that waits (here, as on a machine
    busy with other work) is not dropped, so a loaded machine gives the same results."""
    import marsad.pipeline.stages as pipeline

    def waiting_stage(doc, ctx):
        time.sleep(0.5)
        return doc

    monkeypatch.setattr(pipeline, "ARABIC_STAGES", (pipeline.Stage("waits", waiting_stage),))
    text = "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في القاهرة." + _SECOND_PARAGRAPH
    analysis = analyze_pages([make_page("waits.txt", text)], RunContext(page_time_limit_s=0.2))
    assert not analysis.errors and len(analysis.docs) == 1


def test_a_page_over_the_time_limit_becomes_an_error_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.pipeline.stages as pipeline

    def slow_stage(doc, ctx):
        _burn_cpu(5)
        return doc

    monkeypatch.setattr(pipeline, "ARABIC_STAGES", (pipeline.Stage("slow", slow_stage),))
    text = "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في القاهرة." + _SECOND_PARAGRAPH
    analysis = analyze_pages([make_page("slow.txt", text)], RunContext(page_time_limit_s=0.2))
    assert not analysis.docs
    assert analysis.errors[0].source == "slow.txt" and "per-page limit" in analysis.errors[0].error


_GROUP_TEXTS = [
    "قال وزير الخارجية المصري سامح شكري في القاهرة إن المحادثات ستستأنف الأسبوع المقبل." + _SECOND_PARAGRAPH,
    "أعلنت وزارة الصحة في الرياض تسجيل خمسين إصابة جديدة يوم الثلاثاء." + _SECOND_PARAGRAPH,
    "التقى رئيس الوزراء العراقي في بغداد وفدا من الأمم المتحدة." + _SECOND_PARAGRAPH,
    "وقالت الشرطة إن ثلاثة أشخاص أصيبوا في حادث سير على طريق جدة." + _SECOND_PARAGRAPH,
]


def test_a_failing_page_in_a_group_is_the_only_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tagger takes a group of pages at once; when that fails, each page is tagged
    alone, so that the one bad page is reported and the others keep their mentions."""
    import marsad.pipeline.stages as pipeline

    one = pipeline.add_mentions

    def fragile(doc, ctx):
        if "الشرطة" in doc.article.text:
            raise ValueError("bad page")
        return one(doc, ctx)

    stages = tuple(pipeline.Stage(s.name, fragile, lambda docs, ctx: [fragile(d, ctx) for d in docs])
                   if s.name == "mentions" else s for s in pipeline.ARABIC_STAGES)
    monkeypatch.setattr(pipeline, "ARABIC_STAGES", stages)
    pages = [make_page(f"p{i}.txt", t) for i, t in enumerate(_GROUP_TEXTS)]
    analysis = analyze_pages(pages, RunContext(group_size=4))
    assert [p.source for p in analysis.errors] == ["p3.txt"] and "bad page" in analysis.errors[0].error
    assert {d.article.source for d in analysis.docs} == {"p0.txt", "p1.txt", "p2.txt"}
    assert all(d.mentions for d in analysis.docs)


def test_a_slow_page_in_a_group_times_out_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.pipeline.stages as pipeline

    def slow_on_one(doc, ctx):
        if "الشرطة" in doc.article.text:
            _burn_cpu(5)
        return doc

    monkeypatch.setattr(pipeline, "ARABIC_STAGES", (pipeline.Stage("slow", slow_on_one),))
    pages = [make_page(f"p{i}.txt", t) for i, t in enumerate(_GROUP_TEXTS)]
    analysis = analyze_pages(pages, RunContext(page_time_limit_s=0.3, group_size=4))
    assert [p.source for p in analysis.errors] == ["p3.txt"] and "per-page limit" in analysis.errors[0].error
    assert len(analysis.docs) == 3


def test_jsonl_with_nested_junk_values(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text("\n".join([json.dumps({"text": ["list"]}), json.dumps({"html": 5, "text": "نص قصير عن الأمطار."}),
                            "[1,2]", json.dumps({"text": "x" * 10, "published": {"a": 1}})]))
    items = list(read_inputs([str(f)]))
    assert sum(isinstance(i, RawPage) for i in items) == 2
    problems = [i for i in items if isinstance(i, Problem)]
    assert [p.source.rsplit(":", 1)[1] for p in problems] == ["1", "3", "4"]
    assert "not a date string" in problems[2].error  # the page on line 4 is kept without it


def test_fuzz_target_runs_for_a_bounded_time(tmp_path: Path) -> None:
    """A short run of the CI fuzzing (fuzz/run_bounded.py, which .ci/run gives 60 s) from
    the structured seeds: every mode is reached and no input crashes."""
    pytest.importorskip("atheris")
    proc = subprocess.run(
        [sys.executable, str(REPO / "fuzz" / "run_bounded.py"), "--seconds", "15", "--seed", "7",
         "--artifacts", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert proc.stdout.strip().endswith("0 crashes"), proc.stdout


def test_fuzz_seeds_reach_every_mode_and_replay_cleanly(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    sys.path.insert(0, str(REPO / "fuzz"))
    try:
        from seeds import MODES, write_seeds
    finally:
        sys.path.remove(str(REPO / "fuzz"))
    assert write_seeds(tmp_path) >= len(MODES)
    assert {f.read_bytes()[0] for f in tmp_path.iterdir()} == set(range(len(MODES)))
    seeds = sorted(map(str, tmp_path.iterdir()))
    proc = subprocess.run([sys.executable, str(REPO / "fuzz" / "fuzz_inputs.py"), *seeds],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]


# --- issue 25: each hostile input beside a good page -----------------------------------------------------------

GOOD_TEXT = ("قال وزير الخارجية في مؤتمر صحفي بالقاهرة يوم الأحد إن المحادثات مع الوفد الأردني ستستأنف "
             "الأسبوع المقبل لبحث ملف المياه والحدود المشتركة.")
HOSTILE_LINES = {
    "nesting": "[" * 100_000 + "]" * 100_000,
    "surrogate": '{"text": "خبر فيه رمز \\ud800 وحيد: قال المتحدث إن الاجتماع سيعقد غدا في عمان.", "title": "\\udfff"}',
    "date-9999": json.dumps({"text": "أعلنت الوزارة افتتاح مدرسة جديدة في الموصل.", "published": "9999-99-99"}),
    "date-0000": json.dumps({"text": "أعلنت الوزارة افتتاح مستشفى جديد في البصرة.", "published": "0000-00-00"}),
    "date-2024-13-45": json.dumps({"text": "أعلنت الوزارة افتتاح جسر جديد في بغداد.", "published": "2024-13-45"}),
    "5000-digits": '{"text": "خبر", "published": ' + "7" * 5000 + "}",
}


@pytest.mark.parametrize("case", list(HOSTILE_LINES))
def test_analyze_reports_a_hostile_line_in_one_line_and_analyses_the_good_page(tmp_path: Path, case: str) -> None:
    from typer.testing import CliRunner

    from marsad.cli import app

    feed = tmp_path / "feed.jsonl"
    feed.write_text(HOSTILE_LINES[case] + "\n" + json.dumps({"text": GOOD_TEXT, "url": "https://news.example/good"},
                                                            ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["analyze", str(feed), "--output", str(out)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [lines[0]] and lines[0].startswith(f"error {feed}:1: "), lines  # one line, naming the line
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["source"] for e in data["errors"]] == [f"{feed}:1"]
    sources = [a["source"] for a in data["articles"]]
    assert "https://news.example/good" in sources
    good = next(a for a in data["articles"] if a["source"] == "https://news.example/good")
    assert good["text"] and good["mentions"] and good["events"]  # analysed, not only read
    if case.startswith("date"):  # the date is dropped, the page is kept
        assert len(sources) == 2 and all(a["published"] is None for a in data["articles"])
        assert "is not a real date" in data["errors"][0]["error"]
    if case == "surrogate":  # replaced: the page is kept, and writing it as UTF-8 works
        assert len(sources) == 2 and any("\ufffd" in a["text"] for a in data["articles"])


def test_a_run_that_aborts_leaves_no_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import marsad.store.export as export
    from marsad.cli import app

    def broken(analysis: object) -> str:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(export, "analysis_to_json", broken)
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "good.txt"), "--output", str(out)])
    assert result.exit_code != 0 and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt"]  # no scratch file left either


def test_corrupt_gzip_is_an_error_entry_and_the_run_goes_on(tmp_path: Path) -> None:
    import random

    packed = bytearray(gzip.compress(GOOD_TEXT.encode() * 20))
    packed[10:] = random.Random(25).randbytes(len(packed) - 10)  # valid magic and header, random deflate body
    (tmp_path / "a-corrupt.txt.gz").write_bytes(bytes(packed))
    (tmp_path / "b-good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    analysis = analyze_pages(read_inputs([str(tmp_path)]))
    assert [p.source for p in analysis.errors] == [str(tmp_path / "a-corrupt.txt.gz")]
    assert "corrupt gzip" in analysis.errors[0].error
    assert [d.article.source for d in analysis.docs] == [str(tmp_path / "b-good.txt")]

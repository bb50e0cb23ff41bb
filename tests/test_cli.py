"""`marsad analyze`: the JSON contract, text format, exit statuses, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app

PAGE = """آخر الأخبار

وزير الزراعة يفتتح سوقا جديدة للمزارعين في مدينة حمص

افتتح وزير الزراعة صباح اليوم سوقا جديدة للمزارعين في مدينة حمص بحضور عدد من المسؤولين المحليين.

وقال الوزير إن السوق ستخدم نحو 300 مزارع من القرى المجاورة، وستفتح أبوابها ستة أيام في الأسبوع.
"""

runner = CliRunner()


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "page1.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text('{"text": "خبر قصير عن الطقس في عمان اليوم."}\n{oops\n', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def test_analyze_writes_every_field_of_the_schema(inputs: Path, shared_dir: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    result = runner.invoke(app, ["analyze", str(inputs)])
    data = json.loads(result.stdout)
    schema = json.loads((shared_dir / "schema" / "analysis.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert len(data["articles"]) == 2
    assert {e["source"] for e in data["errors"]} == {f"{inputs / 'broken.jsonl'}:2", str(inputs / "empty.txt")}


def test_exit_status_says_whether_inputs_failed(inputs: Path) -> None:
    assert runner.invoke(app, ["analyze", str(inputs / "page1.txt")]).exit_code == 0
    bad = runner.invoke(app, ["analyze", str(inputs)])
    assert bad.exit_code == 1
    assert "Traceback" not in bad.output


def test_output_file_and_text_format(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert runner.invoke(app, ["analyze", str(inputs / "page1.txt"), "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["articles"][0]["source"] == str(inputs / "page1.txt")
    text = runner.invoke(app, ["analyze", str(inputs / "page1.txt"), "--format", "text"])
    assert text.exit_code == 0 and "page1.txt" in text.stdout


def test_usage_errors_are_one_line_without_traceback(inputs: Path) -> None:
    res = runner.invoke(app, ["analyze", str(inputs), "--format", "xml"])
    assert res.exit_code == 2 and "Traceback" not in res.output
    res = runner.invoke(app, ["analyze", str(inputs), "--reference-date", "15/07/2021"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_the_same_page_twice_is_analysed_once(inputs: Path) -> None:
    page = inputs / "page1.txt"
    data = json.loads(runner.invoke(app, ["analyze", str(page), str(page)]).stdout)
    assert len(data["articles"]) == 1


def test_bench_clustering_only_prints_rate_and_memory() -> None:
    demo = Path(__file__).resolve().parent.parent / "demo"
    res = runner.invoke(app, ["bench", "--corpus", str(demo), "--clustering-only", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["articles"] >= 10 and data["stories"] >= 3 and data["max_rss_mb"] > 0


def test_bench_prints_every_stage_and_the_headline_figure() -> None:
    demo = Path(__file__).resolve().parent.parent / "demo"
    res = runner.invoke(app, ["bench", "--corpus", str(demo), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    stages = data["stages"]
    for name in ("clean", "sentences", "times", "quantities", "mentions", "quotes", "events",
                 "share_names (corpus)", "link_entities (corpus)", "near_duplicates (corpus)",
                 "stories (corpus)"):
        assert stages[name]["seconds"] >= 0, name
    assert data["end_to_end"]["articles_per_s"] > 0 and data["per_article_stages"]["articles_per_s"] > 0
    assert data["counts"]["stories"] >= 3 and data["counts"]["entities"] > 0
    assert data["events_sentences_per_s"] > 0 and data["peak_memory_mb"] > 0 and data["machine"]["cores"]
    # The same corpus-level step as `marsad analyze`: the same stories.
    analysed = json.loads(runner.invoke(app, ["analyze", str(demo)]).stdout)
    assert data["counts"]["stories"] == len(analysed["stories"])


def test_analysis_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # Sets iterate in hash order, which Python salts per process: a stage that let that
    # order pick an answer would make analyze and batch (other processes) disagree.
    import os
    import subprocess
    import sys

    demo = Path(__file__).resolve().parent.parent / "demo"
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.json"
        subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", str(demo), "--output", str(out)],
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=False, capture_output=True)
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and '"stories"' in outputs[0]

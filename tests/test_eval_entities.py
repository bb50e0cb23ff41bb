"""`marsad eval entities`: the labels of real pages are well formed, and the scorer runs on
a page the team composed (its names are invented or public places)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.evaluate.clean import split_of
from marsad.evaluate.entities_pages import LABELS_FILE, PAGE_LABELS_FILE, LabelError, read_marked

PAGE = ("أعلنت وزارة الصحة في القاهرة اليوم افتتاح مستشفى جديد في مدينة الإسكندرية، وقال الوزير "
        "خالد منصور العتيبي إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل.\n"
        "وأضاف العتيبي أن الوزارة تعمل على تجهيز ثلاثة مستشفيات أخرى في المحافظات خلال العام المقبل.")


def test_the_real_page_labels_are_well_formed() -> None:
    marked = read_marked(LABELS_FILE)  # raises on a malformed line
    pages = {e.page for e in marked}
    assert len(marked) >= 200 and len(pages) >= 25
    labelled = {}
    for line in PAGE_LABELS_FILE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        labelled[record["id"]] = record
    for page in pages:
        # articles of the page set's dev part only: the training part is for learning
        assert labelled[page]["is_article"] and split_of(page) == "dev", page
    assert {e.type for e in marked} == {"PER", "ORG", "LOC", "MISC"}


@pytest.mark.parametrize("row", [
    {"page": "t-1", "name": "القاهرة", "type": "CITY"},
    {"page": "t-1", "name": "والقاهرة،", "type": "LOC"},
    {"page": "t-1", "name": "القاهرة", "type": "LOC", "forms": []},
    {"page": "page one", "name": "القاهرة", "type": "LOC"},
])
def test_a_malformed_label_is_refused(tmp_path: Path, row: dict) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(LabelError):
        read_marked(path)


def test_one_entity_written_twice_for_a_page_is_refused(tmp_path: Path) -> None:
    rows = [{"page": "t-1", "name": "خالد منصور العتيبي", "type": "PER", "forms": ["العتيبي"]},
            {"page": "t-1", "name": "العتيبي", "type": "PER"}]
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    with pytest.raises(LabelError, match="already marked"):
        read_marked(path)


def test_eval_entities_scores_a_composed_page(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "t-1.txt").write_text(PAGE, encoding="utf-8")
    page_labels = tmp_path / "pages.jsonl"
    page_labels.write_text(json.dumps({"id": "t-1", "address": "https://a.example/news/1", "file": "files/t-1.txt",
                                       "is_article": True, "page_type": "article"}) + "\n", encoding="utf-8")
    rows = [{"page": "t-1", "name": "القاهرة", "type": "LOC"},
            {"page": "t-1", "name": "الإسكندرية", "type": "LOC"},
            {"page": "t-1", "name": "خالد منصور العتيبي", "type": "PER", "forms": ["العتيبي"]},
            {"page": "t-1", "name": "سمير الحداد", "type": "PER"}]  # not in the page: always missed
    labels = tmp_path / "entities.jsonl"
    labels.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    args = ["eval", "entities", "--labels", str(labels), "--page-labels", str(page_labels),
            "--pages-dir", str(tmp_path), "--show"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "pages 1, marked entities 4" in result.output
    missed = result.output.split("missed (")[1].split("found with another type")[0]
    assert "سمير الحداد" in missed  # not in the page
    assert "القاهرة" not in missed and "الإسكندرية" not in missed  # cities of the gazetteer
    found = int(result.output.split("found        ")[1].split("/")[0])
    assert found == 4 - missed.count("\n  ")


def test_eval_entities_says_when_no_page_is_there(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "entities", "--pages-dir", str(tmp_path)])
    assert result.exit_code != 0
    assert "none of the labelled pages" in result.output

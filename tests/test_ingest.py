"""Ingest: encodings, HTML detection by content, JSON Lines, stdin, bad inputs."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest import check_published, decode_bytes, looks_like_html, make_page, normalize_date_hint, read_inputs
from marsad.ingest.records import MAX_JSON_DEPTH, json_depth
from marsad.model import Problem, RawPage
from marsad.settings import MAX_INPUT_BYTES

ARABIC = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الموصل بسعة مئتي سرير.\n"


def pages_and_problems(paths, stdin=None):
    items = list(read_inputs([str(p) for p in paths], stdin=stdin))
    return [i for i in items if isinstance(i, RawPage)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize(
    "encoded",
    [
        (ARABIC * 3).encode("utf-8"),
        b"\xef\xbb\xbf" + (ARABIC * 3).encode("utf-8"),
        (ARABIC * 3).encode("utf-16"),
        (ARABIC * 3).encode("utf-16-le"),
        (ARABIC * 3).encode("utf-16-be"),
        (ARABIC * 3).encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "utf16be-no-bom", "windows-1256"],
)
def test_encodings_are_detected(tmp_path: Path, encoded: bytes) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes(encoded)
    pages, problems = pages_and_problems([f])
    assert not problems
    assert pages[0].content.startswith("أعلنت وزارة الصحة")
    assert "\ufeff" not in pages[0].content


def test_html_is_detected_by_content_not_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("<html><head><title>خبر</title></head><body><p>نص</p></body></html>")
    (tmp_path / "b.html").write_text("هذا نص عادي وليس صفحة ويب، رغم اسم الملف.")
    pages, _ = pages_and_problems([tmp_path])
    by_name = {Path(p.source).name: p for p in pages}
    assert by_name["a.txt"].is_html is True
    assert by_name["b.html"].is_html is False


def test_directory_is_walked_recursively_and_skips_hidden_and_readme(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "p1.txt").write_text(ARABIC)
    (tmp_path / "p2").write_text(ARABIC + "سطر آخر")
    (tmp_path / ".hidden").write_text(ARABIC)
    (tmp_path / "README.md").write_text("# about these pages")
    pages, problems = pages_and_problems([tmp_path])
    assert sorted(Path(p.source).name for p in pages) == ["p1.txt", "p2"]
    assert not problems
    assert pages[0].site_key is not None


def test_jsonl_lines_become_pages_with_hints_and_bad_lines_become_errors(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": ARABIC, "url": "https://www.example-news.com/a/1", "published": "2024-03-05T10:00:00Z",
                    "outlet": "صحيفة المثال", "title": "مستشفى جديد"}, ensure_ascii=False),
        "{not json",
        json.dumps({"html": "<html><body><p>نص الخبر</p></body></html>"}),
        json.dumps({"url": "https://x.org/empty"}),
        "",
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    pages, problems = pages_and_problems([f])
    assert len(pages) == 2
    first = pages[0]
    assert first.source == "https://www.example-news.com/a/1"
    assert (first.hint_published, first.hint_outlet, first.hint_title) == ("2024-03-05", "صحيفة المثال", "مستشفى جديد")
    assert first.site_key == "example-news.com"
    assert pages[1].is_html and pages[1].source == f"{f}:3"
    assert [p.source for p in problems] == [f"{f}:2", f"{f}:4"]
    assert "bad JSON line" in problems[0].error


def test_stdin_is_read_with_dash() -> None:
    pages, problems = pages_and_problems(["-"], stdin=io.BytesIO(ARABIC.encode("cp1256")))
    assert not problems and pages[0].source == "<stdin>"
    assert pages[0].content.startswith("أعلنت")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 500, "binary"),
    ],
)
def test_bad_files_become_problems_naming_the_file(tmp_path: Path, content: bytes, problem: str) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ARABIC)
    pages, problems = pages_and_problems([bad, good])
    assert len(pages) == 1
    assert problems[0].source == str(bad)
    assert problem in problems[0].error


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_INPUT_BYTES + 1)
    _, problems = pages_and_problems([big])
    assert "too large" in problems[0].error


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    _, problems = pages_and_problems([tmp_path / "nope.txt"])
    assert problems[0].error == "no such file or directory"


def test_gzip_is_decompressed_and_bombs_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ok = tmp_path / "page.txt.gz"
    ok.write_bytes(gzip.compress(ARABIC.encode()))
    pages, problems = pages_and_problems([ok])
    assert pages[0].content == ARABIC and not problems
    monkeypatch.setattr("marsad.ingest.MAX_DECOMPRESSED_BYTES", 1000)
    bomb = tmp_path / "bomb.gz"
    bomb.write_bytes(gzip.compress(b"a" * 100_000))
    _, problems = pages_and_problems([bomb])
    assert "refused" in problems[0].error


def test_content_hash_is_stable_and_ignores_line_endings(tmp_path: Path) -> None:
    (tmp_path / "unix.txt").write_bytes(ARABIC.encode())
    (tmp_path / "dos.txt").write_bytes(ARABIC.replace("\n", "\r\n").encode())
    pages, _ = pages_and_problems([tmp_path])
    assert pages[0].content_hash == pages[1].content_hash


def test_decode_bytes_names_the_source() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"", "some/file.txt")
    assert str(info.value).startswith("some/file.txt: ")


@pytest.mark.parametrize(
    ("hint", "expected"),
    [("2021-07-15", "2021-07-15"), ("2021-07-15T08:00:00+03:00", "2021-07-15"), ("2021-07", "2021-07"),
     ("2024", "2024"), ("Tue, 05 Mar 2024 10:00:00 +0300", "2024-03-05"), ("2024-02-29", "2024-02-29"),
     ("yesterday", None), (20210715, None), ("20210715", None), ("9999-99-99", None), ("0000-00-00", None),
     ("2024-13-45", None), ("2023-02-29", None), ("2024-00", None), ("1850-01-01", None)],
)
def test_date_hints(hint: object, expected: str | None) -> None:
    assert normalize_date_hint(hint) == expected


@pytest.mark.parametrize(
    ("hint", "why"),
    [("9999-99-99", "year 9999 is outside"), ("0000-00-00", "year 0 is outside"), ("2024-13-45", "month 13"),
     ("2023-02-29", "day 29 does not exist"), (12345, "not a date string (got 12345)"), ("أمس", "is not a date")],
)
def test_impossible_dates_say_why(hint: object, why: str) -> None:
    value, problem = check_published(hint)
    assert value is None and problem is not None and why in problem


def test_a_jsonl_page_with_an_impossible_date_is_kept_without_it(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": ARABIC, "published": "2024-13-45"}, ensure_ascii=False) + "\n", encoding="utf-8")
    pages, problems = pages_and_problems([f])
    assert [p.source for p in problems] == [f"{f}:1"] and "'2024-13-45' is not a real date" in problems[0].error
    assert pages[0].hint_published is None and pages[0].content == ARABIC


def test_deep_json_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    deep = '{"text": "x", "meta": ' + "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1) + "}"
    shallow_but_bracketed = json.dumps({"text": ARABIC + "[" * 500, "meta": [[1], {"a": [2]}]}, ensure_ascii=False)
    f.write_text("\n".join(["[" * 100_000, deep, shallow_but_bracketed]), encoding="utf-8")
    pages, problems = pages_and_problems([f])
    assert [p.source for p in problems] == [f"{f}:1", f"{f}:2"]
    assert all(f"nested deeper than {MAX_JSON_DEPTH} levels" in p.error for p in problems)
    assert len(pages) == 1 and pages[0].content.endswith("[" * 500)  # brackets inside strings do not count


def test_a_5000_digit_number_is_one_problem(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text('{"text": "x", "published": ' + "9" * 5000 + "}\n" + json.dumps({"text": ARABIC}), encoding="utf-8")
    pages, problems = pages_and_problems([f])
    assert len(pages) == 1 and problems[0].source == f"{f}:1" and "digits" in problems[0].error


def test_lone_surrogates_are_replaced_with_a_problem(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text('{"text": "خبر \\ud800 عن الطقس", "title": "\\udc00", "url": "https://x.example/a"}\n'
                 '{"text": "وجه \\ud83d\\ude00 صحيح"}\n', encoding="utf-8")
    pages, problems = pages_and_problems([f])
    assert [p.source for p in problems] == [f"{f}:1"] and problems[0].error.startswith("text, title: lone")
    assert pages[0].content == "خبر \ufffd عن الطقس" and pages[0].hint_title == "\ufffd"
    assert pages[1].content == "وجه \U0001f600 صحيح"  # a pair written as two escapes is one character


def test_make_page_never_hands_on_surrogates() -> None:
    page = make_page("api:\ud800", "نص \udfff", title="\ud800x", outlet="و\udbff")
    assert (page.source, page.content, page.hint_title, page.hint_outlet) == (
        "api:\ufffd", "نص \ufffd", "\ufffdx", "و\ufffd")


def test_corrupt_gzip_body_is_a_problem(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(ARABIC.encode() * 50))
    packed[10:] = bytes((b * 7 + 3) % 256 for b in packed[10:])  # valid magic and header, scrambled body
    bad = tmp_path / "page.txt.gz"
    bad.write_bytes(bytes(packed))
    _, problems = pages_and_problems([bad])
    assert problems[0].source == str(bad) and "corrupt gzip data" in problems[0].error


def test_size_messages_use_the_limit_the_readme_states(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_INPUT_BYTES + 2**20)
    _, problems = pages_and_problems([big])
    assert problems[0].error == "too large (21 MB > the 20 MB limit)"
    assert "too large (> 20 MB" in (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_json_depth_skips_brackets_in_strings() -> None:
    assert json_depth('{"a": "[[[[", "b": [{"c": "\\"]]"}]}') == 3


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("<div><p>خبر</p></div>")
    assert not looks_like_html("قال إن 3 < 5 وإن النتائج > المتوقع")


def test_a_warc_record_without_its_target_is_a_problem(tmp_path: Path) -> None:
    """Found by fuzz/: warcio fails with AttributeError on a response record that has no
    WARC-Target-URI; the file is reported corrupt, the next input read."""
    http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>نص</p></body></html>".encode()
    warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n" % (len(http), http)
    (tmp_path / "a.warc").write_bytes(warc)
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")
    pages, problems = pages_and_problems([tmp_path])
    assert [p.source for p in problems] == [str(tmp_path / "a.warc")] and "corrupt WARC file" in problems[0].error
    assert [p.source for p in pages] == [str(tmp_path / "b.txt")]

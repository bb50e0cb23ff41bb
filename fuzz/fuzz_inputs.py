"""Fuzz target (atheris) for everything a page passes through on its way in: file bytes
(gzip, WARC, encodings, JSON Lines detection), JSON Lines records built field by field
(deep nesting, huge numbers, lone surrogates, impossible dates), HTML and text cleaning,
number and date parsing, and the whole pipeline with its JSON output.

The first byte of an input picks the mode (`MODES`); the rest is its payload. A crash is
any exception that escapes (readers turn bad input into `Problem`s), a page that carries
text that is not valid Unicode or a date that is no date, or output that cannot be
written as UTF-8. The seeds (fuzz/seeds.py) give every mode a well-formed start. Run
bounded, as CI does:

    python fuzz/run_bounded.py --seconds 60
"""

from __future__ import annotations

import gzip
import json
import sys
from datetime import date

import atheris

with atheris.instrument_imports(include=["marsad"]):  # our code: the libraries only slow the start
    from marsad.clean import clean_pages
    from marsad.extract.dates import extract_times
    from marsad.extract.quantities import extract_quantities
    from marsad.ingest import check_published, make_page, read_bytes, read_jsonl
    from marsad.model import Problem, RawPage
    from marsad.pipeline import RunContext, analyze_pages
    from marsad.store.export import analysis_to_json

MODES = ("bytes", "jsonl", "gzip", "record", "html", "numbers")
REFERENCE = date(2021, 7, 15)
# The NER model loads once, on the first record. No per-page alarm: libFuzzer owns SIGALRM
# for its own -timeout, which reports a page that hangs as a crash.
CONTEXT = RunContext(reference_date=REFERENCE, page_time_limit_s=0)
# Values a "published" field takes in record mode: the impossible, the odd and the fine.
PUBLISHED = ["2024-13-45", "9999-99-99", "0000-00-00", "2023-02-29", "2024-02-29", "2021-07-15T08:00:00+03:00",
             "Tue, 05 Mar 2024 10:00:00 +0300", "أمس", "", "2024", "2024-00", "1899-12-31"]
# Pieces of record text: Arabic news words, numbers and dates for the extractors, markup,
# controls, and JSON escapes that make lone surrogates.
PIECES = ["قال الوزير إن", "أعلنت وزارة الصحة", "في بغداد", "يوم الخميس", "15 يوليو 2021", "أمس", "12 قتيلا",
          "نحو ثلاثة آلاف", "بالمئة", "«", "»", "<p>", "</div>", "<script>", "\x02", "\x03", "\u200f", "\ufeff",
          "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u0000", "\n", " ", ".", "،"]


def check_spans(text: str, spans: list) -> None:
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), (s, len(text))
        assert text[s.start:s.end] == s.text, (s, text[s.start:s.end])


def check_items(items: list[RawPage | Problem]) -> list[RawPage]:
    """What a reader yields: Problems naming a source, pages of valid Unicode with real dates."""
    pages = []
    for item in items:
        if isinstance(item, Problem):
            assert item.source and item.error, item
            (item.source + item.error).encode("utf-8")
            continue
        assert isinstance(item, RawPage), item
        for text in (item.source, item.content, item.url, item.hint_title, item.hint_outlet, item.site_key):
            if text is not None:
                text.encode("utf-8")  # a lone surrogate here crashed the output writers
        if item.hint_published is not None:
            assert check_published(item.hint_published) == (item.hint_published, None), item.hint_published
        pages.append(item)
    return pages


def record(fdp: atheris.FuzzedDataProvider) -> str:
    """One JSON Lines line built from the fuzzer's choices, written as a scraper might."""
    parts = [fdp.PickValueInList(PIECES) if fdp.ConsumeBool() else fdp.ConsumeUnicodeNoSurrogates(12)
             for _ in range(fdp.ConsumeIntInRange(0, 40))]
    text = json.dumps("".join(parts), ensure_ascii=False).replace("\\\\u", "\\u")  # keep the escapes live
    fields = [f'"{"html" if fdp.ConsumeBool() else "text"}": {text}']
    choice = fdp.ConsumeIntInRange(0, 4)
    if choice == 0:
        fields.append(f'"published": {json.dumps(fdp.PickValueInList(PUBLISHED), ensure_ascii=False)}')
    elif choice == 1:
        fields.append(f'"published": {"9" * fdp.ConsumeIntInRange(1, 6000)}')  # past Python's 4,300 digits
    elif choice == 2:
        fields.append(f'"published": {json.dumps(fdp.ConsumeUnicodeNoSurrogates(24), ensure_ascii=False)}')
    elif choice == 3:
        depth = fdp.ConsumeIntInRange(0, 120_000)  # past the JSON reader's recursion limit
        fields.append(f'"meta": {"[" * depth}{"]" * depth}')
    if fdp.ConsumeBool():
        fields.append(f'"title": {json.dumps(fdp.PickValueInList(PIECES), ensure_ascii=False)}'.replace("\\\\u", "\\u"))
    if fdp.ConsumeBool():
        fields.append('"url": "https://news.example/' + str(fdp.ConsumeIntInRange(0, 99)) + '"')
    return "{" + ", ".join(fields) + "}"


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode = MODES[data[0] % len(MODES)]
    payload = data[1:]
    if mode == "bytes":
        check_items(list(read_bytes("fuzz", payload)))
    elif mode == "jsonl":
        check_items(list(read_jsonl("fuzz.jsonl", payload.decode("utf-8", "replace"))))
    elif mode == "gzip":
        fdp = atheris.FuzzedDataProvider(payload)
        packed = bytearray(gzip.compress(fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 4096))))
        for _ in range(fdp.ConsumeIntInRange(0, 8)):  # corrupt the body, the header, or the trailer
            if len(packed) > 2:
                packed[fdp.ConsumeIntInRange(2, len(packed) - 1)] = fdp.ConsumeIntInRange(0, 255)
        check_items(list(read_bytes("fuzz.gz", bytes(packed[: fdp.ConsumeIntInRange(2, max(2, len(packed)))]))))
    elif mode == "record":
        fdp = atheris.FuzzedDataProvider(payload)
        lines = [record(fdp) for _ in range(fdp.ConsumeIntInRange(1, 3))]
        items = list(read_jsonl("fuzz.jsonl", "\n".join(lines)))
        check_items(items)
        analysis = analyze_pages(items, CONTEXT)
        # nothing is lost: every page is an article or an error; a page's id is its content's
        # hash, so the same page twice (under one address or two) is one article
        pages = {i.content_hash for i in items if isinstance(i, RawPage)}
        assert len(analysis.docs) + len(analysis.errors) >= len(pages), (analysis.errors, len(pages))
        analysis_to_json(analysis).encode("utf-8")
    elif mode == "html":
        text = payload.decode("utf-8", "replace")
        articles, _problems = clean_pages([make_page("fuzz.html", text, force_html=True)])
        for article in articles:
            article.text.encode("utf-8")
    else:
        text = payload.decode("utf-8", "replace")
        check_spans(text, extract_quantities(text))
        check_spans(text, extract_times(text, REFERENCE if data[0] & 0x80 else None))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

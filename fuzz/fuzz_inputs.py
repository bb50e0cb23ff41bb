"""Fuzz target (atheris) for the input paths: byte decoding, JSON Lines, text and HTML
cleaning, number and date parsing. Any exception other than marsad's own InputError is a
crash. Run bounded, e.g. in CI:

    python fuzz/fuzz_inputs.py -runs=3000 -max_len=4096
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from marsad.clean import clean_pages
    from marsad.errors import InputError
    from marsad.extract.dates import extract_times
    from marsad.extract.quantities import extract_quantities
    from marsad.ingest import decode_bytes, make_page, read_jsonl

from datetime import date

REFERENCE = date(2021, 7, 15)


def check_spans(text: str, spans: list) -> None:
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), (s, len(text))
        assert text[s.start:s.end] == s.text, (s, text[s.start:s.end])


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        text = decode_bytes(raw, "fuzz")
    except InputError:
        return
    if mode == 0:
        list(read_jsonl("fuzz.jsonl", text))
        return
    page = make_page("fuzz", text)
    if mode == 1:
        articles, _problems = clean_pages([page])
        for article in articles:
            assert isinstance(article.text, str)
        return
    check_spans(text, extract_quantities(text))
    check_spans(text, extract_times(text, REFERENCE if mode == 2 else None))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

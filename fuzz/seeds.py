"""Structured seeds for fuzz/fuzz_inputs.py: for each mode, well-formed inputs (a JSON Lines
feed, a gzip file, an HTML page, a WARC record, text with numbers and dates) and the hostile
ones of issue 25, so that mutation starts from inputs that reach deep into the readers.

The texts are composed by the team for these seeds. Each seed file is one byte naming the
mode (its index in fuzz_inputs.MODES) followed by the payload.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

MODES = ("bytes", "jsonl", "gzip", "record", "html", "numbers")  # as in fuzz_inputs.py

NEWS = ("قال وزير الخارجية في مؤتمر صحفي بالقاهرة يوم الخميس 15 يوليو 2021 إن نحو ثلاثة آلاف "
        "لاجئ عادوا إلى بلداتهم، وإن 12 قتيلا سقطوا أمس في هجوم على قاعدة قرب بغداد.")
HTML = ("<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>خبر | صحيفة المثال</title>"
        "<meta property=\"article:published_time\" content=\"2021-07-15T08:00:00+03:00\"></head><body>"
        "<nav><a href=\"/\">الرئيسية</a> <a href=\"/s\">سياسة</a></nav><article><h1>عودة اللاجئين</h1>"
        f"<p>{NEWS}</p><figure><figcaption>صورة أرشيفية</figcaption></figure><p>وأضاف أن 40% منهم أطفال.</p>"
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>")


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def seeds() -> dict[str, bytes]:
    """Seed name -> file content (mode byte + payload)."""
    feed = "\n".join([
        _line(text=NEWS, url="https://news.example/a/1", published="2021-07-15", outlet="صحيفة المثال", title="عودة"),
        _line(html=HTML, url="https://news.example/a/2", published="2021-07-15T08:00:00+03:00"),
        _line(text=NEWS + " تحديث", published="2024-13-45"),
        _line(text=NEWS + " ملحق", published="9999-99-99"),
        '{"text": "خبر فيه \\ud800 وحيد", "title": "\\udfff"}',
        '{"text": "x", "published": ' + "7" * 5000 + "}",
        "[" * 2000 + "]" * 2000,
        "{not json",
    ]).encode("utf-8")
    warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/w\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + HTML.encode("utf-8")
    by_mode = {
        "bytes": {
            "text-utf8": NEWS.encode("utf-8"),
            "text-cp1256": NEWS.encode("cp1256"),
            "text-utf16": NEWS.encode("utf-16"),
            "html": HTML.encode("utf-8"),
            "jsonl": feed,
            "gzip-jsonl": gzip.compress(feed),
            "gzip-corrupt": gzip.compress(feed)[:10] + bytes(range(200)),
            "warc": warc % len(http) + http + b"\r\n\r\n",
        },
        "jsonl": {"feed": feed},
        "gzip": {"feed": bytes([200]) + feed[:2000]},
        "record": {"plain": NEWS.encode("utf-8"), "zeros": bytes(64), "ones": b"\xff" * 64},
        "html": {"page": HTML.encode("utf-8"), "nested": ("<div>" * 3000 + NEWS + "</div>" * 3000).encode("utf-8")},
        "numbers": {"news": NEWS.encode("utf-8"), "dates": "أول من أمس الثلاثاء، 2021/07/17، ١٤٤٢ هـ".encode()},
    }
    return {f"{mode}-{name}": bytes([MODES.index(mode)]) + payload
            for mode, named in by_mode.items() for name, payload in named.items()}


def write_seeds(directory: Path) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    made = seeds()
    for name, content in made.items():
        (directory / name).write_bytes(content)
    return len(made)

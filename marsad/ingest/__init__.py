"""Ingest: files, directories, JSON Lines, stdin, gzip and WARC → decoded `RawPage`s.

Every input that cannot be read becomes a `Problem` naming the source and the problem;
the other inputs go on. HTML is recognised by content, never by file name. The limits are
enforced here, at the edge: file size (also after gzip), JSON nesting depth, text that is
valid Unicode (lone surrogates replaced), publication dates that are real dates. A value
that cannot be what it claims is dropped with a Problem that says so, and the page is kept
without it (marsad.ingest.records).
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from marsad.errors import InputError
from marsad.ingest.pages import domain_of, find_surrogate, looks_like_html, make_page, replace_surrogates
from marsad.ingest.records import (
    JSONL_SUFFIXES,
    check_published,
    date_filter,
    looks_like_jsonl,
    normalize_date_hint,
    parse_json_line,
    read_jsonl,
)
from marsad.model import Problem, RawPage
from marsad.settings import MAX_DECOMPRESSED_BYTES, MAX_INPUT_BYTES

__all__ = [
    "check_published", "date_filter", "decode_bytes", "domain_of", "find_surrogate", "gunzip_capped", "looks_binary",
    "looks_like_html", "looks_like_jsonl", "make_page", "normalize_date_hint", "parse_json_line", "read_bytes",
    "read_file", "read_inputs", "read_jsonl", "read_warc", "replace_surrogates",
]

# Encodings worth trying for Arabic pages when the bytes are not UTF-8; limiting the
# candidates keeps charset-normalizer from picking exotic code pages for short pages.
ARABIC_ENCODINGS = ["cp1256", "iso8859_6", "utf_16", "utf_8", "cp1252"]
# Files a directory walk skips: documentation that sits beside scraped pages.
_SKIPPED_NAMES = re.compile(r"^(readme|license|licence|changelog)(\..*)?$", re.IGNORECASE)


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[RawPage | Problem]:
    """Yield one RawPage per page found under `paths`, or a Problem per unreadable input."""
    for arg in paths:
        if arg == "-":
            if stdin is None:
                yield Problem("-", "stdin requested but not available")
                continue
            yield from _contained("<stdin>", read_bytes("<stdin>", _read_capped(stdin, "<stdin>"), None))
            continue
        path = Path(arg)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _is_page_file(p, path))
            if not files:
                yield Problem(arg, "directory holds no files")
            for file in files:
                yield from _contained(str(file), read_file(file))
        elif path.exists():
            yield from _contained(arg, read_file(path))
        else:
            yield Problem(arg, "no such file or directory")


def _contained(source: str, items: Iterator[RawPage | Problem]) -> Iterator[RawPage | Problem]:
    """One input's pages; should its reader fail in a way no check above foresaw, one
    Problem naming the input instead of a traceback, and the run goes on with the next."""
    try:
        yield from items
    except Exception as exc:  # the safety net under the named checks
        yield Problem(source, f"cannot read ({type(exc).__name__}: {str(exc)[:200]})")


def _is_page_file(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return path.is_file() and not any(part.startswith(".") for part in rel) and not _SKIPPED_NAMES.match(path.name)


def read_file(path: Path) -> Iterator[RawPage | Problem]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(source, f"too large ({_megabytes(size)} > the {_megabytes(MAX_INPUT_BYTES)} limit)")
        data = path.read_bytes()
    except InputError as exc:
        yield Problem(exc.source, exc.problem)
        return
    except OSError as exc:
        yield Problem(source, f"cannot read file: {exc.strerror or exc}")
        return
    yield from read_bytes(source, data, path)


def _read_capped(stream: BinaryIO, source: str) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    return data


def _megabytes(n: int) -> str:
    """Sizes as the README states the limit: MB of 2**20 bytes ("20 MB" for MAX_INPUT_BYTES)."""
    return f"{n / 2**20:.0f} MB" if n % 2**20 == 0 else f"{n / 2**20:.1f} MB"


def read_bytes(source: str, data: bytes, path: Path | None = None) -> Iterator[RawPage | Problem]:
    """The pages of one input's bytes: gzip unpacked, WARC, JSON Lines or one text/HTML page."""
    try:
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(source, f"too large (over the {_megabytes(MAX_INPUT_BYTES)} limit)")
        if data[:2] == b"\x1f\x8b":
            data = gunzip_capped(data, source)
        if data.startswith(b"WARC/"):
            yield from read_warc(source, data)
            return
        text = decode_bytes(data, source)
        name = path.name.lower() if path else ""
        if name.endswith(JSONL_SUFFIXES) or looks_like_jsonl(text):
            yield from read_jsonl(source, text)
            return
        site = str(path.parent) if path else None
        yield make_page(source, text, site_key=site)
    except InputError as exc:
        yield Problem(exc.source, exc.problem)


def gunzip_capped(data: bytes, source: str) -> bytes:
    """Decompress gzip, refusing more than MAX_DECOMPRESSED_BYTES (zip-bomb guard).

    A valid header over a corrupt body fails inside zlib (zlib.error), a cut one with
    EOFError, a bad header with OSError (gzip.BadGzipFile): all three are a corrupt file.
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(MAX_DECOMPRESSED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"corrupt gzip data: {exc}") from exc
    if len(out) > MAX_DECOMPRESSED_BYTES:
        raise InputError(source, f"decompresses to more than the {_megabytes(MAX_DECOMPRESSED_BYTES)} "
                                 "file size limit (refused)")
    return out


def decode_bytes(data: bytes, source: str) -> str:
    """Decode page bytes: BOMs first, then strict UTF-8, then charset detection.

    Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(source, "empty input")
    text = _decode_known(data)
    if text is None:
        best = from_bytes(data, cp_isolation=ARABIC_ENCODINGS).best()
        if best is None:
            raise InputError(source, "binary or undecodable content (no text encoding fits)")
        text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_binary(text):
        raise InputError(source, "binary content (control characters), not a text or HTML page")
    if not text.strip():
        raise InputError(source, "empty input")
    return text


def _decode_known(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        return _decode_utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the high byte of each unit is 0x00 (ASCII) or 0x06 (Arabic).

    Little-endian puts those high bytes at odd positions, big-endian at even ones.
    """
    head = data[:4096]
    high_le = sum(1 for b in head[1::2] if b in (0x00, 0x06))
    high_be = sum(1 for b in head[0::2] if b in (0x00, 0x06))
    units = max(1, len(head) // 2)
    if max(high_le, high_be) < units * 0.7:  # Arabic/ASCII text: nearly every unit
        return None  # NULs but no UTF-16 pattern: binary
    codec = "utf-16-le" if high_le >= high_be else "utf-16-be"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def looks_binary(text: str) -> bool:
    """Control characters or NULs that no text page holds: a binary file, decoded by mistake."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    return controls > max(8, len(sample) // 100) or "\x00" in sample or "\ufffd" * 4 in sample


def read_warc(source: str, data: bytes) -> Iterator[RawPage | Problem]:
    """HTML responses from a WARC file (warcio), one page each."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype and "text" not in ctype:
                continue
            body = record.content_stream().read(MAX_INPUT_BYTES + 1)
            where = url or source
            try:
                if len(body) > MAX_INPUT_BYTES:
                    raise InputError(where, "WARC record too large")
                yield make_page(where, decode_bytes(body, where), url=url, site_key=domain_of(url))
            except InputError as exc:
                yield Problem(exc.source, exc.problem)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError, zlib.error) as exc:
        yield Problem(source, f"corrupt WARC file: {exc}")
    except (AttributeError, KeyError, IndexError, TypeError) as exc:  # warcio on a record without its
        yield Problem(source, f"corrupt WARC file: {type(exc).__name__}: {exc}")  # headers (found by fuzz/)

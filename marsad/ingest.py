"""Ingest: files, directories, JSON Lines, stdin, gzip and WARC → decoded `RawPage`s.

Every input that cannot be read becomes a `Problem` naming the source and the problem;
the other inputs go on. HTML is recognised by content, never by file name.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from charset_normalizer import from_bytes

from marsad.errors import InputError
from marsad.model import Problem, RawPage
from marsad.settings import MAX_DECOMPRESSED_BYTES, MAX_INPUT_BYTES

# Encodings worth trying for Arabic pages when the bytes are not UTF-8; limiting the
# candidates keeps charset-normalizer from picking exotic code pages for short pages.
ARABIC_ENCODINGS = ["cp1256", "iso8859_6", "utf_16", "utf_8", "cp1252"]

_HTML_SIGNS = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a\s|br|h[1-6])\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Files a directory walk skips: documentation that sits beside scraped pages.
_SKIPPED_NAMES = re.compile(r"^(readme|license|licence|changelog)(\..*)?$", re.IGNORECASE)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[RawPage | Problem]:
    """Yield one RawPage per page found under `paths`, or a Problem per unreadable input."""
    for arg in paths:
        if arg == "-":
            if stdin is None:
                yield Problem("-", "stdin requested but not available")
                continue
            yield from _pages_from_bytes("<stdin>", _read_capped(stdin, "<stdin>"), None)
            continue
        path = Path(arg)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _is_page_file(p, path))
            if not files:
                yield Problem(arg, "directory holds no files")
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Problem(arg, "no such file or directory")


def _is_page_file(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return path.is_file() and not any(part.startswith(".") for part in rel) and not _SKIPPED_NAMES.match(path.name)


def read_file(path: Path) -> Iterator[RawPage | Problem]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(source, f"too large ({size / 1e6:.1f} MB > {MAX_INPUT_BYTES / 1e6:.0f} MB limit)")
        data = path.read_bytes()
    except InputError as exc:
        yield Problem(exc.source, exc.problem)
        return
    except OSError as exc:
        yield Problem(source, f"cannot read file: {exc.strerror or exc}")
        return
    yield from _pages_from_bytes(source, data, path)


def _read_capped(stream: BinaryIO, source: str) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    return data


def _pages_from_bytes(source: str, data: bytes, path: Path | None) -> Iterator[RawPage | Problem]:
    try:
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(source, f"too large (> {MAX_INPUT_BYTES / 1e6:.0f} MB limit)")
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
    """Decompress gzip, refusing more than MAX_DECOMPRESSED_BYTES (zip-bomb guard)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(MAX_DECOMPRESSED_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise InputError(source, f"corrupt gzip data: {exc}") from exc
    if len(out) > MAX_DECOMPRESSED_BYTES:
        raise InputError(source, f"decompresses to more than {MAX_DECOMPRESSED_BYTES // 2**20} MB (refused)")
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
    if _looks_binary(text):
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


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    return controls > max(8, len(sample) // 100) or "\x00" in sample or "\ufffd" * 4 in sample


def looks_like_html(text: str) -> bool:
    head = text[:4096].encode("utf-8", "ignore")
    return len(_HTML_SIGNS.findall(head)) >= 2 or (head.lstrip()[:1] == b"<" and bool(_HTML_SIGNS.search(head)))


def looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)


def read_jsonl(source: str, text: str) -> Iterator[RawPage | Problem]:
    """One page per line: {"text"|"html": ..., "url", "published", "outlet", "title"}."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Problem(where, f"bad JSON line: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Problem(where, "JSON line is not an object")
            continue
        body = obj.get("html") if isinstance(obj.get("html"), str) and obj.get("html") else obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Problem(where, 'JSON line has no non-empty "text" or "html" field')
            continue
        url = _str_or_none(obj.get("url"))
        yield make_page(
            url or where, body.replace("\r\n", "\n"),
            url=url, published=normalize_date_hint(obj.get("published")),
            outlet=_str_or_none(obj.get("outlet")), title=_str_or_none(obj.get("title")),
            site_key=domain_of(url) or source, force_html=isinstance(obj.get("html"), str) and bool(obj.get("html")),
        )


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
    except (ArchiveLoadFailed, ValueError, OSError) as exc:
        yield Problem(source, f"corrupt WARC file: {exc}")


def make_page(
    source: str, content: str, *, url: str | None = None, published: str | None = None,
    outlet: str | None = None, title: str | None = None, site_key: str | None = None,
    force_html: bool = False,
) -> RawPage:
    if content.startswith("\ufeff"):
        content = content[1:]
    digest = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
    return RawPage(
        source=source, content=content, is_html=force_html or looks_like_html(content),
        content_hash=digest, url=url, hint_published=published, hint_outlet=outlet,
        hint_title=title, site_key=site_key or domain_of(url),
    )


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def normalize_date_hint(value: object) -> str | None:
    """Accept YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp; anything else is ignored."""
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    return "-".join(part for part in m.groups() if part)


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

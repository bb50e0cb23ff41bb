"""Put the labelled real pages (labels/pages/*.jsonl) into a local cache, outside the repo.

    python scripts/fetch_pages.py --labels labels/pages/*.jsonl --cache /work/cache/pages \
        [--answers /work/cache/pages/answers] [--github]

The pages are third-party text and never travel with the repository; each label says how to
get its page back (labels/pages/README.md), and this script follows only that:

- `retrieve = {"repo", "path", "commit"}` (extraction test sets): with --github, the file
  at https://raw.githubusercontent.com/<repo>/<commit>/<path> is saved as files/<id>.html
  (needs the network; run it where there is one).
- `retrieve = {"tool": "search", "corpus": "pages", "query", "address"}` (Arabic news
  pages): the search tool is not reachable from a script, so its answers are saved first,
  one JSON file per query in --answers, shaped as the tool returns them
  ({"query": ..., "results": [{"url": ..., "excerpt": ...}, ...]}). The page of a label is
  the result of its own query whose url equals its address; when the same address came
  back more than once, the longest text is kept (the labellers kept the fuller copy).
  Saved as the label's `file` (files/<id>.txt or .xml).

Prints how many pages of each file are in the cache and which are missing.
"""

from __future__ import annotations

import argparse
import json
import urllib.request
from pathlib import Path


def search_answers(folder: Path) -> dict[tuple[str, str], str]:
    """(query, url) -> the longest excerpt any saved answer gives for it."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted(folder.glob("*.json")):
        answer = json.loads(path.read_text(encoding="utf-8"))
        for result in answer.get("results", []):
            url, text = result.get("url"), result.get("excerpt")
            if not url or text is None:
                continue
            key = (answer["query"], url)
            if len(text) > len(found.get(key, "")):
                found[key] = text
    return found


def fetch_github(retrieve: dict[str, str]) -> bytes:
    url = f"https://raw.githubusercontent.com/{retrieve['repo']}/{retrieve['commit']}/{retrieve['path']}"
    with urllib.request.urlopen(url, timeout=30) as response:  # a fixed https host
        data: bytes = response.read()
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", nargs="+", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--answers", type=Path, help="saved search-tool answers (default CACHE/answers)")
    parser.add_argument("--github", action="store_true", help="download the extraction-set pages")
    args = parser.parse_args()
    answers = search_answers(args.answers or args.cache / "answers")
    files = args.cache / "files"
    files.mkdir(parents=True, exist_ok=True)
    for labels in args.labels:
        have, missing = 0, []
        for line in labels.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            retrieve = record.get("retrieve") or {}
            if retrieve.get("tool") == "search":
                target = args.cache / (record.get("file") or f"files/{record['id']}.txt")
                text = answers.get((retrieve.get("query", ""), retrieve.get("address", "")))
                if text is not None and not target.is_file():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
            else:
                target = files / f"{record['id']}.html"
                if args.github and not target.is_file() and retrieve.get("repo"):
                    try:
                        target.write_bytes(fetch_github(retrieve))
                    except OSError as error:
                        print(f"{record['id']}: {error}")
            if target.is_file():
                have += 1
            else:
                missing.append(record["id"])
        print(f"{labels}: {have} pages in the cache, {len(missing)} missing"
              + (f" ({', '.join(missing)})" if missing else ""))


if __name__ == "__main__":
    main()

"""A single self-contained HTML report of the store, for people without a server.

One file: the CSS is inline and the Arabic font is embedded as base64 (the page falls back to
the system's Arabic fonts if it is left out), the charts are inline SVG, and nothing is
fetched from anywhere. It shows the story list and, for each story, the same sections as the
story page (summary with citations, timeline, claims, entities, outlets, events).
"""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from marsad.serve.web.routes import STATIC_DIR, environment
from marsad.serve.web.story_view import story_context

FONT_FILE = STATIC_DIR / "fonts" / "NotoNaskhArabic-Regular.ttf"
# Stories in one report: a file with hundreds of stories is too heavy to open on a phone
# (each story section is ~20-50 kB); the biggest ones are the ones worth reading offline.
MAX_REPORT_STORIES = 200

_FONT_URL = re.compile(r'url\("fonts/[^"]+"\)\s*format\("truetype"\)')


def inline_css(embed_font: bool = True) -> str:
    """The site's stylesheet with the font as a data: URL, or without @font-face at all."""
    css = (STATIC_DIR / "style.css").read_text(encoding="utf-8")
    if embed_font and FONT_FILE.exists():
        data = base64.b64encode(FONT_FILE.read_bytes()).decode("ascii")
        return _FONT_URL.sub(f'url("data:font/ttf;base64,{data}") format("truetype")', css)
    return re.sub(r"@font-face\s*\{[^}]*\}", "", css)


def render_report(
    store: Any, *, embed_font: bool = True, max_stories: int = MAX_REPORT_STORIES
) -> str:
    listing = store.list_stories(offset=0, limit=max_stories, sort="biggest")
    sections = []
    for item in listing["items"]:
        story = store.get_story(item["id"])
        if story is not None:
            sections.append(_report_story_context(store, story))
    stats = store.stats()
    return (
        environment()
        .get_template("report.html")
        .render(
            css=Markup(inline_css(embed_font)),  # our own stylesheet: trusted, must not be escaped
            stories=sections,
            shown=len(sections),
            stats=stats,
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        )
    )


def _report_story_context(store: Any, story: dict[str, Any]) -> dict[str, Any]:
    # No server, no article or entity pages: citations point at the original page when its
    # address is a web address, else at the story's list of outlets and articles.
    urls: dict[str, str] = {}

    def article_href(article_id: str) -> str:
        url = urls.get(article_id) or ""
        return url if url.startswith(("http://", "https://")) else f"#outlets-{story['id']}"

    context = story_context(store, story, article_href=article_href, entity_href=lambda _eid: None)
    urls.update({aid: a.get("url") or "" for aid, a in context["articles"].items()})
    return context


def write_report(store: Any, path: Path, *, embed_font: bool = True) -> int:
    """Write the report to `path`; returns the number of bytes written."""
    html = render_report(store, embed_font=embed_font)
    data = html.encode("utf-8")
    path.write_bytes(data)
    return len(data)

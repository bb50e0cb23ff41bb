"""The web pages: story list, story, entity, article and search, rendered from Jinja2
templates (right-to-left, escaped by default) over the store's read interface.

The context builders (`story_context`, ...) are plain functions of the store so that the
static report (marsad.serve.report) renders the same story sections without a server.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from marsad.ingest import check_published, date_filter
from marsad.model import Query as StoreQuery
from marsad.serve.security import MAX_OFFSET
from marsad.serve.web.highlight import highlight, marks_from_article
from marsad.serve.web.story_view import article_summaries, entity_href, entity_names, story_context

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

# Items per page on the story list and search pages: a phone screen shows about ten, and
# twenty keeps one page load under ~100 kB.
PAGE_SIZE = 20
# Co-occurring entities shown on an entity page: more is a wall of names.
MAX_COOCCURRING = 20

TYPE_LABELS = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
BOUND_LABELS = {
    "about": "نحو",
    "at_least": "على الأقل",
    "at_most": "على الأكثر",
    "more_than": "أكثر من",
    "less_than": "أقل من",
}
MODE_LABELS = {"future": "مستقبلي", "negated": "منفي", "hypothetical": "افتراضي"}
REUSE_LABELS = {"duplicate": "نسخة مكررة", "passage": "فقرة منقولة"}

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = day_html
    env.globals.update(
        root="",
        type_labels=TYPE_LABELS,
        bound_labels=BOUND_LABELS,
        mode_labels=MODE_LABELS,
        reuse_labels=REUSE_LABELS,
    )
    return env


def day_html(value: str | None) -> Markup:
    """A date as the store gives it (YYYY-MM-DD, YYYY-MM or YYYY), the one format on every
    page, kept left-to-right: in a right-to-left line the bidi algorithm would otherwise
    show 2024-03-14 as 14-03-2024."""
    if not value:
        return Markup("")
    return Markup('<time datetime="{0}" dir="ltr">{0}</time>').format(value)


# --- context builders (shared with the static report) ---------------------------------


def article_context(store: Any, article: dict[str, Any]) -> dict[str, Any]:
    url = article.get("url") or ""
    return {
        "article": article,
        "body": highlight(article.get("text") or "", marks_from_article(article), entity_href),
        # Only web addresses become links: a javascript: or data: URL from a page never does.
        "safe_url": url if url.startswith(("http://", "https://")) else None,
        "stories": stories_of_article(store, article["id"]),
    }


def stories_of_article(store: Any, article_id: str) -> list[dict[str, Any]]:
    story_id = store.story_of_article(article_id) if hasattr(store, "story_of_article") else None
    story = store.get_story(story_id) if story_id else None
    return [story] if story else []


def entity_context(store: Any, entity: dict[str, Any]) -> dict[str, Any]:
    article_ids = list(entity.get("articles") or ())
    articles = article_summaries(store, article_ids)
    stories: dict[str, dict[str, Any]] = {}
    cooccur: Counter[str] = Counter()
    for aid in article_ids:
        full = store.get_article(aid)
        if full is None:
            continue
        cooccur.update({m["entity"] for m in full.get("mentions") or () if m.get("entity")})
        for story in stories_of_article(store, aid):
            stories.setdefault(story["id"], story)
    cooccur.pop(entity["id"], None)
    names = entity_names(store, [eid for eid, _ in cooccur.most_common(MAX_COOCCURRING)])
    return {
        "entity": entity,
        "articles": sorted(articles.values(), key=lambda a: a.get("published") or "", reverse=True),
        "stories": list(stories.values()),
        "cooccurring": [
            {"id": eid, "name": names[eid], "count": n}
            for eid, n in cooccur.most_common(MAX_COOCCURRING)
            if eid in names
        ],
    }


def snippet_html(snippet: str, highlights: Sequence[tuple[int, int]]) -> Markup:
    """A search snippet with its matches in <mark>: every piece of text escaped, the marks
    placed by the hit's character offsets (so no character of the text can make a tag)."""
    parts: list[str] = []
    at = 0
    for start, end in sorted(highlights):
        if start < at or end > len(snippet):
            continue  # overlapping or out of range: left unmarked
        parts += [str(escape(snippet[at:start])), "<mark>", str(escape(snippet[start:end])), "</mark>"]
        at = end
    parts.append(str(escape(snippet[at:])))
    return Markup("".join(parts))


def pager(base: str, params: dict[str, Any], offset: int, limit: int, total: int) -> dict[str, Any]:
    def link(new_offset: int) -> str:
        kept = {k: v for k, v in params.items() if v not in (None, "")}
        return f"{base}?{urlencode({**kept, 'offset': new_offset})}"

    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


# --- routes ---------------------------------------------------------------------------


def mount_web(app: FastAPI, store: Any) -> None:
    templates = Jinja2Templates(env=environment())
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    def page(
        request: Request, name: str, context: dict[str, Any], status: int = 200
    ) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    def not_found(request: Request, what: str, key: str) -> HTMLResponse:
        return render_error_page(request, 404, f"لا توجد {what} بالمعرّف «{key}».")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def story_list(
        request: Request,
        sort: str = Query("newest", pattern="^(newest|biggest)$"),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> HTMLResponse:
        result = store.list_stories(offset=offset, limit=PAGE_SIZE, sort=sort)
        return page(
            request,
            "index.html",
            {
                "stories": result["items"],
                "sort": sort,
                "stats": store.stats(),
                "pager": pager("/", {"sort": sort}, offset, PAGE_SIZE, result["total"]),
            },
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        story = store.get_story(story_id)
        if story is None:
            return not_found(request, "قصة", story_id)
        return page(request, "story.html", story_context(store, story))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        entity = store.get_entity(entity_id)
        if entity is None:
            return not_found(request, "كيان", entity_id)
        return page(request, "entity.html", entity_context(store, entity))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        article = store.get_article(article_id)
        if article is None:
            return not_found(request, "مقالة", article_id)
        return page(request, "article.html", article_context(store, article))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: str = Query("", max_length=500),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        outlet: str = "",
        entity: str = "",
        story: str = "",
        date_from: str = "",
        date_to: str = "",
        exact: bool = False,
    ) -> HTMLResponse:
        filters = {
            "outlet": outlet,
            "entity": entity,
            "story": story,
            "date_from": date_from,
            "date_to": date_to,
        }
        context: dict[str, Any] = {
            "query": q,
            "exact": exact,
            "filters": filters,
            "results": [],
            "total": 0,
            "offset": offset,
            "pager": None,
            "error": None,
        }
        bad_dates = [  # 2024-13-45 has the shape of a day, but is none
            k for k in ("date_from", "date_to")
            if filters[k] and not (_ISO_DAY.match(filters[k]) and check_published(filters[k])[0])
        ]
        for key in bad_dates:
            filters[key] = ""
        if bad_dates:
            context["error"] = "تُكتب التواريخ بالشكل YYYY-MM-DD؛ أُهمل التاريخ غير الصالح."
        if q.strip():
            given = {k: v or None for k, v in filters.items()}
            first, last = date_filter(given["date_from"], given["date_to"])
            found = store.search(StoreQuery(
                text=q, offset=offset, limit=PAGE_SIZE, outlet=given["outlet"], entity=given["entity"],
                story=given["story"], date_from=first, date_to=last, exact=exact))
            results = [{**dataclasses.asdict(hit), "snippet_html": snippet_html(hit.snippet, hit.highlights)}
                       for hit in found.items]
            context.update(
                results=results,
                total=found.total,
                pager=pager("/search", {"q": q, **filters, "exact": "1" if exact else ""}, offset, PAGE_SIZE,
                            found.total),
            )
        return page(request, "search.html", context)


def render_error_page(request: Request, status: int, message: str) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    titles = {404: "غير موجود", 413: "الطلب كبير جدا", 422: "طلب غير صالح"}
    return templates.TemplateResponse(
        request,
        "error.html",
        {"title": titles.get(status, "خطأ"), "message": message},
        status_code=status,
    )

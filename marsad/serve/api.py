"""The HTTP API (FastAPI, OpenAPI at /docs) and the web pages, from one app factory.

`create_app(store)` serves what the store holds under /api/ as JSON and, at /, the
right-to-left web pages (marsad.serve.web). Lists are paged and answer {"total": N, "items": [...]};
every error answers {"error": "..."} with a message a person can act on.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from pydantic import AfterValidator, BaseModel, Field, field_validator, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.ingest import check_published, date_filter, find_surrogate, looks_binary
from marsad.model import Query as StoreQuery
from marsad.serve.security import MAX_OFFSET, BodySizeLimit, SecurityHeaders, headers_for

log = logging.getLogger(__name__)

# A real article page is well under 2 MB of HTML (the seed pages are 50-400 kB); a bigger
# POST body is a dump or an attack, and is refused before it is read in full.
MAX_BODY_BYTES = 2 * 1024 * 1024
# Page size cap for lists: 100 items keeps a response under ~1 MB even for long articles.
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20

Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Limit = Annotated[
    int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Items per page (at most {MAX_PAGE_SIZE}).")
]


def real_date(value: str | None) -> str | None:
    """A date filter or field that names a real day (2024-13-45 is refused, not matched)."""
    if value is None:
        return None
    date, problem = check_published(value)
    if problem:
        raise ValueError(problem)
    return date


DateParam = Annotated[
    str | None,
    Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY-MM-DD"),
    AfterValidator(real_date),
]


class ApiError(Exception):
    """An error the API answers as {"error": message} with this status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class PageIn(BaseModel):
    """One page to ingest: its text or its HTML, with what is known about it."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="The page's HTML; cleaned like a fetched page.")
    url: str | None = Field(None, max_length=2048, pattern=r"^https?://\S+$")
    published: str | None = Field(
        None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY-MM-DD"
    )
    outlet: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)

    @field_validator("text", "html", "url", "outlet", "title", "published", mode="before")
    @classmethod
    def unicode_text(cls, value: object) -> object:
        """Lone UTF-16 surrogates ("\\ud800" in the JSON) are not text: refused, naming the field."""
        at = find_surrogate(value) if isinstance(value, str) else None
        if at is not None:
            raise ValueError(f"holds a lone UTF-16 surrogate at character {at} (not Unicode text)")
        return value

    @field_validator("text", "html")
    @classmethod
    def not_binary(cls, value: str | None) -> str | None:
        """As for a file (marsad.ingest.decode_bytes): NULs or a run of control characters are
        not a page."""
        if value is not None and looks_binary(value):
            raise ValueError("binary content (control characters), not a text or HTML page")
        return value

    @field_validator("published")
    @classmethod
    def published_is_a_real_date(cls, value: str | None) -> str | None:
        return real_date(value)

    @model_validator(mode="after")
    def one_body(self) -> PageIn:
        given = [name for name in ("text", "html") if (getattr(self, name) or "").strip()]
        if len(given) != 1:
            raise ValueError("give exactly one non-empty field of 'text' or 'html'")
        return self


class SearchHitOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str = Field(description="The article's words around its first match, plain text.")
    highlights: list[tuple[int, int]] = Field(
        description="The matching words: [start, end) character offsets into `snippet`.")
    matched: list[str] = Field(description="The names of the entities the query named, as this article spells them.")


class SearchPageOut(BaseModel):
    total: int
    items: list[SearchHitOut]


class PageOut(BaseModel):
    id: str | None
    story: str | None
    duplicate: bool
    errors: list[str] = []


def create_app(store: Any, *, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """Build the app over an open store (marsad.store); the caller owns the store."""
    from marsad.serve.web.routes import mount_web

    # FastAPIOffline serves Swagger UI's files from the package instead of a CDN, so /docs
    # works on a machine with no internet; ReDoc is left out (one API page is enough).
    app = FastAPIOffline(
        title="marsad",
        version=__version__,
        description="Arabic news pages in, structured and checkable intelligence out.",
        redoc_url=None,
        favicon_url="/static/favicon.svg",
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
    )
    app.state.store = store
    _add_error_handlers(app)
    _add_api_routes(app, store)
    mount_web(app, store)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


# --- routes ---------------------------------------------------------------------------


def _add_api_routes(app: FastAPI, store: Any) -> None:
    @app.get("/api/articles", tags=["articles"])
    def list_articles(
        offset: Offset = 0,
        limit: Limit = DEFAULT_PAGE_SIZE,
        outlet: str | None = None,
        story: str | None = None,
        entity: str | None = None,
        date_from: DateParam = None,
        date_to: DateParam = None,
    ) -> dict[str, Any]:
        """Articles, newest first, without their text (open one for the full record)."""
        first, last = date_filter(date_from, date_to)
        return store.list_articles(
            offset=offset, limit=limit, outlet=outlet, story=story, entity=entity, date_from=first, date_to=last
        )

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        """One article with its text and every annotation (offsets into the text)."""
        return _found(store.get_article(article_id), "article", article_id)

    @app.get("/api/stories", tags=["stories"])
    def list_stories(
        offset: Offset = 0,
        limit: Limit = DEFAULT_PAGE_SIZE,
        sort: Annotated[str, Query(pattern="^(newest|biggest)$")] = "newest",
    ) -> dict[str, Any]:
        """Stories, newest (last article) or biggest (most articles) first."""
        return store.list_stories(offset=offset, limit=limit, sort=sort)

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def get_story(story_id: str) -> dict[str, Any]:
        """One story: summary, timeline, claims, events, entities and outlets."""
        return _found(store.get_story(story_id), "story", story_id)

    @app.get("/api/entities", tags=["entities"])
    def list_entities(
        offset: Offset = 0,
        limit: Limit = DEFAULT_PAGE_SIZE,
        type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|MISC)$")] = None,
    ) -> dict[str, Any]:
        """Entities, most mentioned first."""
        return store.list_entities(offset=offset, limit=limit, type=type)

    @app.get("/api/entities/{entity_id}", tags=["entities"])
    def get_entity(entity_id: str) -> dict[str, Any]:
        """One entity with its aliases, roles and articles."""
        return _found(store.get_entity(entity_id), "entity", entity_id)

    @app.get("/api/events", tags=["events"])
    def list_events(
        offset: Offset = 0,
        limit: Limit = DEFAULT_PAGE_SIZE,
        type: Annotated[str | None, Query(max_length=40)] = None,
        story: str | None = None,
    ) -> dict[str, Any]:
        """Coded events (PLOVER types), newest first."""
        return store.list_events(offset=offset, limit=limit, type=type, story=story)

    @app.get("/api/search", tags=["search"], response_model=SearchPageOut)
    def search(
        q: Annotated[str, Query(min_length=1, max_length=500, description="Arabic words to find.")],
        offset: Offset = 0,
        limit: Limit = DEFAULT_PAGE_SIZE,
        outlet: str | None = None,
        entity: str | None = None,
        story: str | None = None,
        date_from: DateParam = None,
        date_to: DateParam = None,
        exact: Annotated[bool, Query(description="Only this spelling, not the other names of its entity.")] = False,
    ) -> dict[str, Any]:
        """Full-text search over normalised Arabic: إيران finds ايران, بالعراق finds العراق, and
        a name of an entity (or a person's surname) finds the articles of all its names
        (`matched` says how each article spells it) unless `exact`. Each hit's `highlights`
        are [start, end) character offsets into its `snippet`: the matching words."""
        if not q.strip():
            raise ApiError(422, "q: give at least one word to search for")
        first, last = date_filter(date_from, date_to)
        found = store.search(StoreQuery(text=q, offset=offset, limit=limit, outlet=outlet, entity=entity,
                                        story=story, date_from=first, date_to=last, exact=exact))
        return {"total": found.total, "items": [dataclasses.asdict(hit) for hit in found.items]}

    @app.post(
        "/api/pages",
        tags=["pages"],
        response_model=PageOut,
        responses={201: {"description": "stored"}, 200: {"description": "already stored"}},
    )
    def post_page(page: PageIn) -> JSONResponse:
        """Ingest one page. The same page twice is stored once: 200 with "duplicate": true.
        A page the pipeline cannot make an article of is not stored: 422 with its reason."""
        result = ingest_page(store, page)
        if result.id is None:
            raise ApiError(422, "page not stored: " + ("; ".join(result.errors) or "no article in it"))
        return JSONResponse(result.model_dump(), status_code=200 if result.duplicate else 201)

    @app.get("/api/stats", tags=["stats"])
    def stats() -> dict[str, Any]:
        """How many articles, stories, entities and events the store holds."""
        return store.stats()


def ingest_page(store: Any, page: PageIn) -> PageOut:
    """Turn the posted fields into a RawPage and ingest it in the store's one transaction."""
    from marsad.ingest import make_page

    content = page.html if page.html is not None and page.html.strip() else page.text or ""
    raw = make_page(
        page.url or "api:POST /api/pages",
        content,
        url=page.url,
        published=page.published,
        outlet=page.outlet,
        title=page.title,
        force_html=page.html is not None and bool(page.html.strip()),
    )
    if raw.url is None:  # give the source the content hash, so two pages are told apart
        raw = type(raw)(**{**raw.__dict__, "source": f"api:{raw.content_hash[:16]}"})
    return PageOut(**store.ingest_one(raw))


def _found(record: dict[str, Any] | None, kind: str, key: str) -> dict[str, Any]:
    if record is None:
        raise ApiError(404, f"no {kind} with id {key!r}")
    return record


# --- errors ---------------------------------------------------------------------------


def _add_error_handlers(app: FastAPI) -> None:
    from marsad.serve.web.routes import render_error_page

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Any:
        if _wants_json(request):
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        return render_error_page(request, exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        message = _http_message(request, exc)
        if _wants_json(request):
            return JSONResponse(
                {"error": message}, status_code=exc.status_code, headers=exc.headers
            )
        return render_error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        message = validation_message(exc.errors())
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=422)
        return render_error_page(request, 422, message)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Any:
        log.exception("internal error on %s", request.url.path)
        # Answered outside the middleware stack (Starlette's outermost layer): headers added here.
        return JSONResponse({"error": f"internal error: {type(exc).__name__}"}, status_code=500,
                            headers=headers_for(request.url.path))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _http_message(request: Request, exc: StarletteHTTPException) -> str:
    if exc.status_code == 404 and exc.detail == "Not Found":
        return f"no such address: {request.url.path}"
    if exc.status_code == 405:
        return f"{request.method} is not allowed on {request.url.path}"
    return str(exc.detail)


def validation_message(errors: Any) -> str:
    """One line per bad field: 'query limit: must be at most 100 (got 500)'."""
    lines = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
        msg = error.get("msg", "is invalid").removeprefix("Value error, ")
        lines.append(f"{where}: {msg}{_shown(error.get('input'))}")
    return "; ".join(lines) or "invalid request"


def _shown(value: object) -> str:
    """The offending value, short; a lone surrogate escaped (it cannot be sent as UTF-8), a
    number too long to print (a 5,000-digit integer) by its size."""
    if isinstance(value, str) and find_surrogate(value) is not None:
        return f' (got "{value[:60].encode("utf-8", "backslashreplace").decode("utf-8")}")'
    if isinstance(value, str):
        return f" (got {json.dumps(value, ensure_ascii=False)[:60]})"
    if isinstance(value, int) and value.bit_length() > 200:
        return f" (got an integer of {value.bit_length()} bits)"
    if isinstance(value, int | float):
        return f" (got {value!r})"
    return ""

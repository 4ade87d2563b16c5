"""The HTTP API under /api: ingest, stories, claims and exports."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from crosscheck.analyze import ANALYZER_VERSION
from crosscheck.ingest import ingest_bytes
from crosscheck.ingest.decode import decode
from crosscheck.ingest.errors import InputError
from crosscheck.ingest.formats import Format
from crosscheck.ingest.jsonl import loads
from crosscheck.present.contract import story_contract, story_document
from crosscheck.present.csv_export import incidents_csv
from crosscheck.present.geojson import places_geojson
from crosscheck.present.outputs import Pool
from crosscheck.present.story_query import Flag, StoryQuery
from crosscheck.present.web.catalog import story_query
from crosscheck.present.web.errors import ApiError
from crosscheck.present.web.fetch import fetch_page
from crosscheck.present.web.guards import require_token
from crosscheck.present.web.stores import StorePool, stored_story
from crosscheck.records import Article, Rejection, StoryRecord
from crosscheck.store import Added, Store

router = APIRouter(prefix="/api")

_FORMATS = {
    "application/json": Format.JSON,
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "text/plain": Format.TEXT,
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
}


class StoredArticle(BaseModel):
    id: str
    outcome: str = Field(description="added | exists (same id) | duplicate (same report)")
    duplicate_of: str | None = None


class RejectedInput(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    articles: list[StoredArticle]
    rejected: list[RejectedInput]
    processing: bool = Field(description="whether the server will analyze and link them")


class StorySummary(BaseModel):
    id: str
    title: str | None
    date: str | None
    places: list[str]
    killed: int | None
    injured: int | None
    articles: int
    independent_origins: int
    url: str = Field(description="the story's page in the web app")
    flags: list[Flag] = Field(
        default_factory=list,
        description="outlier: one origin's count was kept out of best; "
        "disputed: sources give figures that cannot both hold",
    )


class StoryList(BaseModel):
    total: int
    offset: int
    stories: list[StorySummary]


class FailedArticle(BaseModel):
    id: str
    error: str = Field(description="the exception the analyzer raised on it")


class ServerStatus(BaseModel):
    articles: int
    stories: int
    processing: bool
    busy: bool
    last_error: str | None
    failed: list[FailedArticle] = Field(
        description="articles the current analyzer failed on: stored, but in no story"
    )


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: list


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 408, 413, 415, 422, 503)
}


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


@router.post(
    "/articles",
    status_code=201,
    response_model=IngestResult,
    responses=ERRORS,
    dependencies=[Depends(require_token)],
    summary="Ingest articles",
    description=(
        "Body: JSON (one article object or a list, with the fields of the JSONL input: "
        "text or html, title, url, published, outlet), or an HTML page, plain text, JSONL "
        'or an RSS/Atom feed by Content-Type. `{"url": ...}` alone fetches the page, when '
        "the server allows it. 201 when something new was stored, 200 when all of it was "
        "already there. Needs `Authorization: Bearer <token>`."
    ),
)
async def post_articles(request: Request) -> Response:
    settings = request.app.state.settings
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = _FORMATS.get(kind)
    if fmt is None:
        raise ApiError(
            415,
            "unsupported_media_type",
            f"cannot ingest Content-Type {kind or '(none)'!r}; send one of: "
            + ", ".join(sorted(_FORMATS)),
        )
    body = await request.body()
    # Parsing (trafilatura on an HTML page) and storing run in a worker thread, never on
    # the event loop every other request waits on.
    if fmt is Format.JSON:
        body = await run_in_threadpool(_json_body, body, settings)
    added, rejected = await run_in_threadpool(
        _ingest, request.app.state.stores, body, f"POST /api/articles ({kind})", fmt
    )
    processor = request.app.state.processor
    if processor and any(a.outcome == "added" for a in added):
        processor.notify()
    result = IngestResult(
        articles=[
            StoredArticle(id=a.article, outcome=a.outcome, duplicate_of=a.duplicate_of)
            for a in added
        ],
        rejected=[RejectedInput(source=r.source, reason=r.reason) for r in rejected],
        processing=processor is not None,
    )
    status = 201 if any(a.outcome == "added" for a in added) else 200
    return JSONResponse(result.model_dump(), status)


def _ingest(
    stores: StorePool, body: bytes, name: str, fmt: Format
) -> tuple[list[Added], list[Rejection]]:
    results = ingest_bytes(body, name, fmt)
    articles = [r for r in results if isinstance(r, Article)]
    rejected = [r for r in results if isinstance(r, Rejection)]
    if not articles:
        raise ApiError(
            422,
            "no_article",
            "nothing in the request could be read as an article",
            [{"source": r.source, "reason": r.reason} for r in rejected],
        )
    store = stores.get()  # this thread's own connection
    added = store.add_articles(articles)
    store.add_rejections(rejected)
    return added, rejected


def _json_body(body: bytes, settings) -> bytes:
    try:
        value = loads(body)
    except InputError as err:
        raise ApiError(400, "malformed_json", f"the body is refused: {err}") from err
    except json.JSONDecodeError as err:
        where = f" at line {err.lineno}, column {err.colno}"
        raise ApiError(400, "malformed_json", f"the body is not valid JSON{where}") from err
    except UnicodeDecodeError as err:
        raise ApiError(400, "malformed_json", "the body is not valid JSON (not UTF-8)") from err
    if value == [] or value == {}:
        raise ApiError(422, "no_article", "the body holds no article")
    if isinstance(value, dict) and "url" in value and not ({"text", "html", "body"} & value.keys()):
        if not settings.allow_url_ingest:
            raise ApiError(
                403,
                "url_ingest_disabled",
                "ingesting by URL is off on this server (crosscheck serve --allow-url-ingest); "
                "send the article's text or html instead",
            )
        page = fetch_page(str(value["url"]), settings.max_body, settings.fetch_timeout)
        value = {**value, "html": decode(page)}
        return json.dumps(value).encode()
    return body


@router.get("/stories", response_model=StoryList, summary="List and search stories")
def list_stories(
    request: Request,
    query: Annotated[StoryQuery, Depends(story_query)],
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> StoryList:
    found = request.app.state.catalog.search(_store(request), query, offset, limit)
    return StoryList(
        total=found.total,
        offset=offset,
        stories=[_summary(s, f) for s, f in zip(found.stories, found.flags, strict=True)],
    )


def _summary(story: StoryRecord, flags: Sequence[Flag]) -> StorySummary:
    incident = story.incident
    return StorySummary(
        id=story.id,
        title=story.title,
        date=incident.date,
        places=[p["name"] for p in incident.places],
        killed=incident.killed.best,
        injured=incident.injured.best,
        articles=len(story.articles),
        independent_origins=story.independent_origins,
        url=f"/stories/{story.id}",
        flags=list(flags),
    )


@router.get(
    "/stories/{story_id}",
    responses=ERRORS,
    summary="One story",
    description="The story and its articles, in the shape of stories.json "
    "(schemas/stories.schema.json).",
)
def get_story(request: Request, story_id: str) -> dict:
    store = _store(request)
    pool = Pool.of_story(store, stored_story(store, story_id))
    return story_document(pool.stories[0], pool.articles, pool.linkage, pool.analyses)


CLAIMS = ("figures", "conflicts", "quotes", "events", "unsupported", "altered")


@router.get(
    "/stories/{story_id}/claims",
    responses=ERRORS,
    summary="A story's claims",
    description="Figures (with support, origins, attribution, unverified markers), conflicts, "
    "statements, dated events, and what rewrites add (unsupported) or change (altered), "
    "as in stories.json.",
)
def get_claims(request: Request, story_id: str) -> dict:
    store = _store(request)
    story = stored_story(store, story_id)
    contract = story_contract(story, store.linkage(story.articles))
    return {"story": story_id, **{k: contract[k] for k in CLAIMS}}


@router.get("/exports/stories.json", summary="stories.json for the whole store")
def export_stories(request: Request) -> dict:
    return Pool.of(_store(request)).contract()


@router.get(
    "/exports/incidents.csv",
    response_class=PlainTextResponse,
    summary="incidents.csv (UCDP GED- and ACLED-like columns)",
)
def export_csv(request: Request) -> Response:
    return Response(
        incidents_csv(_store(request).stories()),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="incidents.csv"'},
    )


@router.get("/exports/places.geojson", summary="places.geojson (schemas/places.schema.json)")
def export_geojson(request: Request) -> Response:
    return Response(
        json.dumps(places_geojson(_store(request).stories()), ensure_ascii=False),
        media_type="application/geo+json",
    )


@router.get("/status", response_model=ServerStatus, summary="Counts and background work")
def status(request: Request) -> ServerStatus:
    store = _store(request)
    processor = request.app.state.processor
    state = processor.state() if processor else None
    return ServerStatus(
        articles=store.article_count(),
        stories=store.story_count(),
        processing=bool(state and state.running),
        busy=bool(state and state.busy),
        last_error=state.last_error if state else None,
        failed=[
            FailedArticle(id=f.article, error=f.error)
            for f in store.failed_analyses(ANALYZER_VERSION)
        ],
    )

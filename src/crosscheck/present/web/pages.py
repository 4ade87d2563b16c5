"""The web app's pages: the story list with its filters, sorts and pages, and one page per
story, drawn by the same templates as report.html."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from crosscheck.present.outputs import Pool
from crosscheck.present.report import map_defs, stylesheet, template_environment
from crosscheck.present.story_query import SORTS, StoryQuery, country_name
from crosscheck.present.views.basemap import basemap
from crosscheck.present.views.story import story_view
from crosscheck.present.web.catalog import story_query
from crosscheck.present.web.stores import stored_story

router = APIRouter(include_in_schema=False)
PAGE = 50


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    query: Annotated[StoryQuery, Depends(story_query)],
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> str:
    store = request.app.state.stores.get()
    catalog = request.app.state.catalog
    found = catalog.search(store, query, (page - 1) * PAGE, PAGE)
    pages = max(1, -(-found.total // PAGE))
    asked = _asked(request)

    def page_href(n: int) -> str:
        return "/?" + urlencode({**asked, "page": n} if n > 1 else asked)

    return render(
        request,
        "app_index.html.j2",
        stories=found.stories,
        total=found.total,
        query=query,
        q=query.words,
        filtered=bool(asked.keys() - {"sort"}),
        countries=[(c, country_name(c) or c) for c in catalog.listing(store).countries],
        sorts=SORTS,
        page=page,
        pages=pages,
        previous=page_href(page - 1) if page > 1 else None,
        next=page_href(page + 1) if page < pages else None,
        href=lambda s: f"/stories/{s.id}",
    )


def _asked(request: Request) -> dict[str, str]:
    """The list's filled-in filters, kept by the page links."""
    return {k: v for k, v in request.query_params.items() if v and k != "page"}


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> str:
    store = request.app.state.stores.get()
    pool = Pool.of_story(store, stored_story(store, story_id))
    articles = {a.id: a for a in pool.articles}
    view = story_view(pool.stories[0], articles, pool.linkage, pool.analyses, basemap())
    return render(request, "app_story.html.j2", v=view, defs=map_defs([view]))


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/static/report.css")
async def css() -> Response:
    text = await run_in_threadpool(stylesheet)
    return Response(text, media_type="text/css", headers={"Cache-Control": "max-age=300"})


def render(request: Request, template: str, **values) -> str:
    environment = request.app.state.templates
    return environment.get_template(template).render(**values)


def error_page(environment):
    """An HTML error page for browsers, with the message the API would give."""

    def render_error(status: int, message: str) -> str:
        return environment.get_template("app_error.html.j2").render(status=status, message=message)

    return render_error


__all__ = ["error_page", "router", "template_environment"]

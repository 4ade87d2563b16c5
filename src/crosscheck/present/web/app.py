"""Builds the FastAPI application for one store."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute, APIRouter

from crosscheck import __version__
from crosscheck.present.report import template_environment
from crosscheck.present.web import api, pages
from crosscheck.present.web.catalog import Catalog
from crosscheck.present.web.errors import install_error_handlers
from crosscheck.present.web.guards import HeadAsGet, SecurityHeaders, WriteGuard, require_token
from crosscheck.present.web.processor import Processor
from crosscheck.present.web.settings import ServerSettings
from crosscheck.present.web.stores import StorePool


def create_app(settings: ServerSettings) -> FastAPI:
    templates = template_environment()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.processor:
            app.state.processor.start()
        yield
        if app.state.processor:
            app.state.processor.stop()
        app.state.stores.close()

    app = FastAPI(
        title="crosscheck",
        version=__version__,
        description="Stories, claims and provenance from news reports of violent events. "
        "Reads are open; writes need `Authorization: Bearer <token>`. Every error has the "
        'shape {"error": {"status", "code", "message", "details"}}.',
        openapi_url="/api/openapi.json",
        docs_url=None,  # the Swagger page loads scripts from a CDN: not under our CSP
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = StorePool(settings.db)
    app.state.catalog = Catalog()
    app.state.templates = templates
    app.state.processor = Processor(settings.db, settings.rewrites) if settings.process else None
    app.include_router(api.router)
    app.include_router(pages.router)
    install_error_handlers(app, pages.error_page(templates))
    app.add_middleware(
        WriteGuard,
        writes=_writes(api.router),
        token=settings.token,
        limit=settings.max_body,
        uploads=settings.max_uploads,
        timeout=settings.body_timeout,
    )
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    return app


def _writes(router: APIRouter) -> frozenset[tuple[str, str]]:
    """(method, path) of every route that needs the write token (pages write nothing)."""
    return frozenset(
        (method, route.path)
        for route in router.routes
        if isinstance(route, APIRoute)
        and any(d.call is require_token for d in route.dependant.dependencies)
        for method in route.methods or ()
    )

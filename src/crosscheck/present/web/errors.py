"""One error shape for every API error: {"error": {"status", "code", "message", "details"}}.

Pages outside /api get the same message as a small HTML page instead.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

log = logging.getLogger("crosscheck.web")

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
}


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: list | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = headers


def error_body(status: int, code: str, message: str, details: list | None = None) -> dict:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


def error_response(request_path: str, error: ApiError, render_page=None) -> Response:
    if not request_path.startswith("/api") and render_page is not None:
        return HTMLResponse(
            render_page(error.status, error.message), error.status, headers=error.headers
        )
    return JSONResponse(
        error_body(error.status, error.code, error.message, error.details),
        error.status,
        headers=error.headers,
    )


def install_error_handlers(app: FastAPI, render_page) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request.url.path, exc, render_page)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "")
        code = _CODES.get(exc.status_code, "error")
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}"
        return error_response(
            request.url.path,
            ApiError(
                exc.status_code, code, message, headers=dict(exc.headers) if exc.headers else None
            ),
            render_page,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        return error_response(
            request.url.path,
            ApiError(422, "invalid_request", "the request's parameters are invalid", details),
            render_page,
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(
            request.url.path,
            ApiError(500, "internal_error", "the server failed on this request; see its log"),
            render_page,
        )

"""What protects the server: the write token, body limits, security headers, HEAD."""

from __future__ import annotations

import asyncio
import hmac
import json

from fastapi import Request

from crosscheck.present.web.errors import ApiError, error_body

# Pages are server-rendered with no scripts at all; styles come from /static only.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the CSP and friends to every response, errors included."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((n, v) for n, v in _HEADERS if n not in names),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class WriteGuard:
    """What a write request must pass before its body is read: the token, a free upload
    slot, and a body that arrives within its limits of size and time.

    The token comes first, so a client without it cannot make the server hold even one
    byte of a body; the slots bound what clients with it can make it hold at once. Other
    requests pass untouched: nothing else reads a body.

    Not FastAPI's own `max_body_size`: its refusal is a plain-text body sent before the
    app's exception handlers run, which would break the API's one error shape."""

    def __init__(
        self,
        app,
        writes: frozenset[tuple[str, str]],
        token: str | None,
        limit: int,
        uploads: int,
        timeout: float,
    ) -> None:
        self.app = app
        self.writes = writes
        self.token = token
        self.limit = limit
        self.timeout = timeout
        self._slots = asyncio.Semaphore(uploads)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"]) not in self.writes:
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(dict(scope.get("headers", [])))
        if refusal is not None:
            await _send_error(send, refusal)
            return
        async with self._slots:
            body = await self._body(receive, send)
        if body is None:
            return
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _refusal(self, headers: dict[bytes, bytes]) -> ApiError | None:
        given = headers.get(b"authorization", b"").decode("latin-1")
        if refusal := token_refusal(given, self.token):
            return refusal
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return self._too_large()
        if self._slots.locked():
            return ApiError(
                503,
                "busy",
                "the server is taking in as many uploads as it allows at once; retry shortly",
                headers={"Retry-After": "5"},
            )
        return None

    async def _body(self, receive, send) -> bytes | None:
        """The whole body, or None once the refusal (or the client's leaving) is dealt with."""
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), self.timeout)
            except TimeoutError:
                await _send_error(
                    send,
                    ApiError(408, "request_timeout", f"no body data for {self.timeout:g} s"),
                )
                return None
            if message["type"] == "http.disconnect":
                return None
            size += len(message.get("body", b""))
            if size > self.limit:
                await _send_error(send, self._too_large())
                return None
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _too_large(self) -> ApiError:
        return ApiError(
            413,
            "body_too_large",
            f"request body is over the server's limit of {self.limit} bytes "
            "(crosscheck serve --max-body)",
        )


async def _send_error(send, error: ApiError) -> None:
    payload = json.dumps(error_body(error.status, error.code, error.message)).encode()
    extra = [(k.lower().encode(), v.encode()) for k, v in (error.headers or {}).items()]
    await send(
        {
            "type": "http.response.start",
            "status": error.status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class HeadAsGet:
    """HEAD answered as GET without its body, as HTTP asks of every GET route (FastAPI's
    routes answer 405 to it)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def token_refusal(authorization: str, expected: str | None) -> ApiError | None:
    """Why a write with this Authorization header is refused, or None when it may go on."""
    if not expected:
        return ApiError(
            403,
            "writes_disabled",
            "this server is read-only: start it with --token or the CROSSCHECK_TOKEN "
            "environment variable to accept writes",
        )
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), expected.encode()):
        return ApiError(
            401,
            "unauthorized",
            "a write needs the header 'Authorization: Bearer <token>' with the server's token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return None


def require_token(request: Request) -> None:
    """A FastAPI dependency for every write: the routes that carry it are the ones
    WriteGuard checks before their body is read."""
    refusal = token_refusal(
        request.headers.get("authorization", ""), request.app.state.settings.token
    )
    if refusal is not None:
        raise refusal

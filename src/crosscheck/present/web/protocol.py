"""The HTTP/1.1 connection handling `crosscheck serve` runs: uvicorn's h11 protocol with a
time limit on a request's headers, and malformed requests answered in the API's error shape.

uvicorn's keep-alive timer is cancelled by any byte a client sends, so a client trickling a
request line a byte at a time (or opening a thousand connections and sending half a
request on each) would hold its connections forever.
"""

from __future__ import annotations

import asyncio
import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from crosscheck.present.web.errors import error_body


class GuardedH11Protocol(H11Protocol):
    # Seconds a client has from connecting (or from its last response) to finish a
    # request's headers; set per server by `guarded_protocol`.
    header_timeout: float = 10.0
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm_header_timer()  # the headers are in: the body has its own limit

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        self._disarm_header_timer()
        self._answer_raw(400, "Bad Request", "bad_request", "malformed HTTP request")

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_late)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        self._answer_raw(
            408,
            "Request Timeout",
            "request_timeout",
            f"the request's headers did not arrive within {self.header_timeout:g} s",
        )

    def _answer_raw(self, status: int, phrase: str, code: str, message: str) -> None:
        """An error answer written straight to the socket: h11 sends no response to a
        request it has not read, and the connection is closed after it anyway."""
        body = json.dumps(error_body(status, code, message)).encode()
        head = (
            f"HTTP/1.1 {status} {phrase}\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\nx-content-type-options: nosniff\r\n"
            "connection: close\r\n\r\n"
        ).encode()
        self.transport.write(head + body)
        self.transport.close()


def guarded_protocol(header_timeout: float) -> type[GuardedH11Protocol]:
    """The protocol class for one server, with its header time limit."""
    return type("ServerProtocol", (GuardedH11Protocol,), {"header_timeout": header_timeout})

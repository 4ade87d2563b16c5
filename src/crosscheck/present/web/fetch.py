"""Ingest by URL, for servers whose operator enabled it (--allow-url-ingest).

A server that fetches what a client names is a proxy into the network it runs in: its
loopback services, the cloud's metadata address, the office's private hosts. So every hop
is resolved here, every address it resolves to must be a public one, and the connection is
made to the address that was checked (a name that resolves differently a moment later gains
nothing). Redirects are followed by hand, at most MAX_REDIRECTS, each checked the same way.
Failures all read alike, so the answers cannot map which internal ports are open.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from crosscheck.present.web.errors import ApiError

MAX_REDIRECTS = 3
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PORTS = {"http": 80, "https": 443}
_CHUNK = 64 * 1024

Resolver = Callable[[str, int], list[str]]
AddressCheck = Callable[[str], bool]


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (a literal address, in any form, is itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: str) -> bool:
    """Whether `address` is on the public internet: not loopback, private, link-local (the
    cloud metadata service), shared, multicast, reserved or unspecified."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def fetch_page(
    url: str,
    max_bytes: int,
    timeout: float,
    *,
    resolver: Resolver = resolve,
    allowed: AddressCheck = is_public,
) -> bytes:
    """The body of the page at `url`, or ApiError saying why not. `resolver` and `allowed`
    are the name lookup and the address policy (tests pass their own)."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port, target = _parts(url)
        address = _checked_address(host, port, resolver, allowed)
        status, location, body = _get(scheme, host, port, target, address, max_bytes, deadline)
        if status not in _REDIRECTS:
            if status != 200:
                raise ApiError(502, "fetch_failed", f"the page answered HTTP {status}")
            return body
        if not location:
            raise ApiError(502, "fetch_failed", f"the page answered HTTP {status} with no Location")
        url = urljoin(url, location)
    raise ApiError(502, "too_many_redirects", f"more than {MAX_REDIRECTS} redirects")


def _parts(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in _PORTS or not parts.hostname:
        raise ApiError(422, "invalid_url", f"only http(s) URLs can be fetched, not {url[:200]!r}")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port or _PORTS[parts.scheme], target


def _checked_address(host: str, port: int, resolver: Resolver, allowed: AddressCheck) -> str:
    try:
        addresses = resolver(host, port)
    except (OSError, UnicodeError):
        addresses = []
    if not addresses:
        raise ApiError(502, "fetch_failed", "could not fetch the page")
    if not all(allowed(a) for a in addresses):
        raise ApiError(
            422,
            "url_not_allowed",
            f"{host[:200]} is not a public internet address; this server fetches public pages only",
        )
    return addresses[0]


def _get(
    scheme: str, host: str, port: int, target: str, address: str, limit: int, deadline: float
) -> tuple[int, str | None, bytes]:
    remaining = max(0.1, deadline - time.monotonic())
    connection: http.client.HTTPConnection
    if scheme == "https":
        connection = _PinnedHTTPS(address, port, host, remaining)
    else:
        connection = http.client.HTTPConnection(address, port, timeout=remaining)
    name = host if port == _PORTS[scheme] else f"{host}:{port}"
    try:
        connection.request("GET", target, headers={"Host": name, "User-Agent": "crosscheck"})
        response = connection.getresponse()
        body = b""
        if response.status == 200:
            body = _read(response, limit, deadline)
        return response.status, response.getheader("location"), body
    except (OSError, http.client.HTTPException) as err:
        # One message for refused, reset, timed out and unreachable alike.
        raise ApiError(502, "fetch_failed", "could not fetch the page") from err
    finally:
        connection.close()


def _read(response: http.client.HTTPResponse, limit: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "page_too_large", f"the page is over the limit of {limit} bytes")
        if time.monotonic() > deadline:
            raise ApiError(502, "fetch_failed", "could not fetch the page in time")
        chunks.append(chunk)
    return b"".join(chunks)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to an address checked beforehand, with the certificate verified for the host
    name the client gave."""

    def __init__(self, address: str, port: int, host: str, timeout: float) -> None:
        super().__init__(address, port, timeout=timeout, context=ssl.create_default_context())
        self._server_name = host

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)
        self.sock = self._context.wrap_socket(  # type: ignore[attr-defined]
            self.sock, server_hostname=self._server_name
        )

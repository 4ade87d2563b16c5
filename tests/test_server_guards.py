"""The server against hostile clients: write limits enforced before a body is read, slow
and malformed requests, HEAD, hostile bodies, articles that break analysis, and URL ingest
that cannot reach the server's own network.

Nothing here opens a connection beyond the loopback interface: private, link-local and
metadata addresses are given by stubbed name resolution or as literals, and are refused
before any connection is tried (a guard fails the test if one is)."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
from contextlib import contextmanager

import httpx
import pytest
from conftest import WIRE_TEXT
from test_api import AUTH, REPORT, assert_error, client_for

from crosscheck import analyze as analyze_module
from crosscheck.present.web import fetch
from crosscheck.present.web.errors import ApiError
from tests.web import TOKEN, serving

DEEP = ("[" * 100_000 + "]" * 100_000).encode()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail any connection this test would open beyond loopback."""
    real = socket.socket.connect

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else ""
        assert host.startswith("127.") or host in ("::1", "localhost"), f"connect to {host}"
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def api(tmp_path):
    with client_for(tmp_path / "api.sqlite") as client:
        yield client


# -- bodies --------------------------------------------------------------------------


def test_a_deeply_nested_body_is_a_400_not_a_crash(api):
    as_json = api.post(
        "/api/articles", content=DEEP, headers=AUTH | {"Content-Type": "application/json"}
    )
    assert "nested more than 64" in assert_error(as_json, 400, "malformed_json")["message"]
    # As JSON Lines the deep line is one rejected record, named with its reason.
    as_lines = api.post(
        "/api/articles", content=DEEP, headers=AUTH | {"Content-Type": "application/x-ndjson"}
    )
    details = assert_error(as_lines, 422, "no_article")["details"]
    assert "nested more than 64" in details[0]["reason"]
    assert api.get("/api/status").json()["articles"] == 0


def test_a_date_beyond_the_calendar_is_a_422(api):
    far = api.post("/api/articles", json=REPORT | {"published": "9999-12-31"}, headers=AUTH)
    details = assert_error(far, 422, "no_article")["details"]
    assert "outside 1900-2100" in details[0]["reason"]


def test_an_article_that_breaks_analysis_never_stops_processing(tmp_path, monkeypatch):
    real = analyze_module._analysis

    def fail_on_poison(article, doc, headline):
        if "poisoned" in article.text:
            raise OverflowError("date value out of range")
        return real(article, doc, headline)

    monkeypatch.setattr(analyze_module, "_analysis", fail_on_poison)
    with client_for(tmp_path / "p.sqlite", process=True) as api:
        poisoned = REPORT | {"text": REPORT["text"] + " The poisoned line."}
        assert api.post("/api/articles", json=poisoned, headers=AUTH).status_code == 201
        status = _settled(api)
        assert [f["error"] for f in status["failed"]] == ["OverflowError: date value out of range"]
        later = {"title": "Shelling kills 12", "text": WIRE_TEXT, "outlet": "Levant Wire"}
        assert api.post("/api/articles", json=later, headers=AUTH).status_code == 201
        status = _settled(api)
        assert status["stories"] == 1 and status["last_error"] is None
        assert len(status["failed"]) == 1


def _settled(api) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = api.get("/api/status").json()
        if not status["busy"]:
            return status
        time.sleep(0.2)
    raise AssertionError("processing did not settle")


def test_head_answers_every_get_route_without_a_body(api):
    for path in ("/api/status", "/api/stories", "/"):
        get = api.get(path)
        head = api.head(path)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
    assert_error(api.delete("/api/stories"), 405, "method_not_allowed")


# -- a real server, raw sockets ---------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("guards") / "g.sqlite"
    extra = ("--create", "--no-process", "--header-timeout", "1", "--body-timeout", "1")
    with serving(db, *extra, "--max-uploads", "2") as base:
        yield base


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


@contextmanager
def raw(base: str):
    with socket.create_connection(("127.0.0.1", _port(base)), timeout=10) as sock:
        yield sock


def _answer(sock) -> tuple[int, dict]:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def test_a_write_without_the_token_is_refused_before_its_body(server):
    with raw(server) as sock:
        sock.sendall(
            b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 2000000\r\n\r\n"
        )
        started = time.monotonic()
        status, body = _answer(sock)  # no byte of the body was sent
    assert status == 401 and body["error"]["code"] == "unauthorized"
    assert time.monotonic() - started < 1  # not the body timeout: refused at once


def test_half_sent_headers_are_cut_off(server):
    with raw(server) as sock:
        sock.sendall(b"GET /api/status HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        status, body = _answer(sock)
    assert status == 408 and body["error"]["code"] == "request_timeout"
    assert 0.5 < time.monotonic() - started < 5


def test_a_trickled_request_line_is_cut_off_too(server):
    with raw(server) as sock:
        started = time.monotonic()
        try:
            for byte in b"GET /api/status HTTP/1.1\r\nHost: x\r\n":
                sock.sendall(bytes([byte]))
                time.sleep(0.2)
        except OSError:
            pass  # closed under us: what should happen
        assert sock.recv(65536).startswith(b"HTTP/1.1 408")
    assert time.monotonic() - started < 5


def test_a_stalled_body_is_cut_off_and_uploads_are_capped(server):
    head = (
        f"POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
        "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    ).encode()
    with raw(server) as one, raw(server) as two, raw(server) as three:
        one.sendall(head + b'{"text": ')
        two.sendall(head + b'{"text": ')
        time.sleep(0.3)
        three.sendall(head)
        status, body = _answer(three)
        assert status == 503 and body["error"]["code"] == "busy"
        assert _answer(one)[0] == 408 and _answer(two)[0] == 408
    # The slots are free again.
    ok = httpx.post(server + "/api/articles", json=REPORT, headers=AUTH, timeout=30)
    assert ok.status_code in (200, 201), ok.text


def test_a_malformed_request_gets_the_error_shape(server):
    with raw(server) as sock:
        sock.sendall(b"NONSENSE\x01 / HTTP/9\r\n\r\n")
        status, body = _answer(sock)
    assert status == 400 and body["error"]["code"] == "bad_request"


# -- URL ingest ----------------------------------------------------------------------------


class _Site(http.server.BaseHTTPRequestHandler):
    """A page, or a redirect to wherever `?to=` says; counts the requests it gets."""

    hits = 0

    def do_GET(self):
        type(self).hits += 1
        if "to=" in self.path:
            self.send_response(302)
            self.send_header("Location", self.path.split("to=", 1)[1])
            self.end_headers()
            return
        body = f"<html><body><p>{WIRE_TEXT}</p></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    _Site.hits = 0
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "2130706433", "0x7f000001", "[::ffff:127.0.0.1]"]
)
def test_the_server_never_fetches_its_own_loopback(tmp_path, site, host):
    port = site.rsplit(":", 1)[1]
    with client_for(tmp_path / "u.sqlite", allow_url_ingest=True) as api:
        url = f"http://{host}:{port}/?to={site}/"
        refused = api.post("/api/articles", json={"url": url}, headers=AUTH)
        assert_error(refused, 422, "url_not_allowed")
    assert _Site.hits == 0


@pytest.mark.parametrize(
    "address", ["169.254.169.254", "10.0.0.7", "192.168.1.1", "172.16.0.1", "100.64.0.1",
                "fd00::1", "fe80::1", "224.0.0.1", "0.0.0.0", "::ffff:10.0.0.1"]
)  # fmt: skip
def test_private_link_local_and_metadata_addresses_are_refused(address):
    with pytest.raises(ApiError) as refused:
        fetch.fetch_page(
            "http://news.example/story", 10_000, 5, resolver=lambda host, port: [address]
        )
    assert refused.value.code == "url_not_allowed"


def test_one_private_address_among_public_ones_is_enough_to_refuse():
    with pytest.raises(ApiError, match="not a public internet address"):
        fetch.fetch_page(
            "http://news.example/", 10_000, 5, resolver=lambda h, p: ["93.184.215.14", "10.1.1.1"]
        )


def _only(address: str):
    """An address policy that lets the test's own site (on 127.0.0.1) stand for a public one."""
    return lambda candidate: candidate == address


def test_redirects_are_checked_hop_by_hop(site):
    port = site.rsplit(":", 1)[1]
    page = fetch.fetch_page(site + "/", 100_000, 5, allowed=_only("127.0.0.1"))
    assert b"Kafr Nabl" in page
    for target, code in [
        (f"http://127.0.0.2:{port}/", "url_not_allowed"),
        ("http://169.254.169.254/latest/meta-data/", "url_not_allowed"),
        ("ftp://127.0.0.1/file", "invalid_url"),
        ("file:///etc/passwd", "invalid_url"),
    ]:
        with pytest.raises(ApiError) as refused:
            fetch.fetch_page(f"{site}/?to={target}", 100_000, 5, allowed=_only("127.0.0.1"))
        assert refused.value.code == code, target
    hops = f"{site}/?to={site}/?to={site}/?to={site}/?to={site}/"
    with pytest.raises(ApiError) as looping:
        fetch.fetch_page(hops, 100_000, 5, allowed=_only("127.0.0.1"))
    assert looping.value.code == "too_many_redirects"


def test_failures_read_alike_whatever_the_port_does(site):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    with pytest.raises(ApiError) as refused:
        fetch.fetch_page(f"http://127.0.0.1:{port}/", 1000, 5, allowed=_only("127.0.0.1"))
    assert (refused.value.status, refused.value.message) == (502, "could not fetch the page")
    with pytest.raises(ApiError) as large:
        fetch.fetch_page(site + "/", 100, 5, allowed=_only("127.0.0.1"))
    assert large.value.code == "page_too_large"
